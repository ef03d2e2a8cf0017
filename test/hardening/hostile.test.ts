// Hostile docs: one small doc (or a few) per case, each either refused with a precise error
// diagnostic (code, file, line, column; nothing generated) or accepted, in which case the output
// type-checks under the strict flags, importing it runs no doc text, and its parsers are safe on
// hostile wire input (no throw from safeParse, no prototype pollution).
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GenerateResult } from "../../src/generate.js";
import { typecheckFiles } from "../typecheck.js";
import {
  DATE_LINK,
  type Doc,
  ROOT,
  at,
  describeDiagnostics,
  enumDoc,
  errorsOf,
  gen,
  genFromDisk,
  generateInChild,
  hostileInputs,
  importAll,
  makeTemp,
  objectDoc,
  polluted,
  probeModules,
  removeTemp,
  row,
  writeOutput,
  writeTree,
} from "./support.js";

type Modules = Map<string, Record<string, unknown>>;

interface AcceptedContext {
  readonly result: GenerateResult;
  readonly modules: Modules;
  /** The generated text of an output file. */
  file(path: string): string;
  /** The exports of a generated module. */
  module(path: string): Record<string, unknown>;
}

type Outcome =
  | { readonly kind: "refused"; readonly code: string; readonly file: string; readonly line: number; readonly column: number }
  | {
      readonly kind: "accepted";
      /** Warning and info codes the generation must report (others are not allowed). */
      readonly notes?: readonly string[];
      readonly check?: (context: AcceptedContext) => void | Promise<void>;
    };

interface Case {
  readonly name: string;
  /** In-memory docs, run through `generateFromDocs`. */
  readonly docs?: readonly Doc[];
  /** Docs written to disk (raw bytes allowed), run through `generate({ input })`. */
  readonly disk?: readonly { readonly path: string; readonly content: string | Uint8Array }[];
  readonly rootDir?: string;
  /** Run in a child process, failing when the generation takes longer than this many ms. */
  readonly limitMs?: number;
  readonly expect: Outcome;
}

const refused = (file: string, code: string, position: { line: number; column: number }): Outcome => ({ kind: "refused", code, file, ...position });
const accepted = (check?: (context: AcceptedContext) => void | Promise<void>, notes: readonly string[] = []): Outcome => ({
  kind: "accepted",
  notes,
  ...(check ? { check } : {}),
});

type Parsed = { success: boolean; data?: unknown; error?: { issues: { path: unknown[]; code: string }[] } };
const fn = (module: Record<string, unknown>, name: string) => {
  const value = module[name];
  if (typeof value !== "function") throw new Error(`no function ${name}; exports: ${Object.keys(module).join(", ")}`);
  return value as (input: unknown) => Parsed & unknown;
};
const ok = (module: Record<string, unknown>, name: string, input: unknown): unknown => {
  const result = fn(module, name)(input);
  if (!result.success) expect.fail(`${name}(${JSON.stringify(input)?.slice(0, 200)}) failed: ${JSON.stringify(result.error?.issues).slice(0, 400)}`);
  return result.data;
};
const bad = (module: Record<string, unknown>, name: string, input: unknown): { path: unknown[]; code: string }[] => {
  const result = fn(module, name)(input);
  if (result.success) expect.fail(`${name}(${JSON.stringify(input)?.slice(0, 200)}) succeeded`);
  return result.error!.issues;
};
/** JSON text with sorted keys (own `__proto__` keys included), for comparing wire values. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.keys(inner).sort().map((key) => [key, (inner as Record<string, unknown>)[key]]))
      : inner,
  );
/** Parses `wire` with `parseX` and checks that `serializeX` gives the same wire value back. */
const roundTrip = (module: Record<string, unknown>, suffix: string, wire: unknown): unknown => {
  const data = ok(module, `safeParse${suffix}`, wire);
  const serialize = module[`serialize${suffix}`] as (value: unknown) => unknown;
  expect(canonical(serialize(data))).toBe(canonical(wire));
  return data;
};
const own = (object: unknown, key: string): unknown => Object.getOwnPropertyDescriptor(object as object, key)?.value;

// ---------------------------------------------------------------------------------------------
// The cases.

const PWN = "globalThis.__pwned = true";

const commentDoc = objectDoc(
  "CommentBreak",
  [
    { name: "a", description: `ends */ ${PWN}; /* and starts again`, example: `*/ ${PWN}; /*` },
    { name: "b", description: "/* an opening only", required: false },
  ],
  `Model text */ ${PWN}; /*\nsecond line /* */ */`,
);
const templateDoc = objectDoc(
  "TemplateText",
  [{ name: "a", description: `costs \${${PWN}} and \`code\` and \`\`double\`\` ticks`, example: `\${${PWN}}` }],
  `Uses \`\${${PWN}}\` in prose and a fence:\n\n\`\`\`js\n\`\${${PWN}}\`\n\`\`\``,
);
const separatorsDoc = objectDoc(
  "LineSeparators",
  [{ name: "a", description: `before\u2028${PWN}\u2029after`, example: `x\u2028y\u2029z` }],
  `Title text\u2028${PWN};\u2029end`,
);
const scriptDoc = objectDoc(
  "ScriptTags",
  [{ name: "a", description: `</script><script>${PWN}</script>`, example: "</script><!--" }],
  `</script><script>${PWN}</script>`,
);
const paramDoc = objectDoc(
  "TagInjection",
  [{ name: "a", description: "text<br/>@param y injected<br/>  @deprecated not really<br/>@returns nothing" }],
  "Model.\n@param evil injected\n@deprecated not really\n  @example nope\n@returns x",
);
const literalValue = `</script>\${${PWN}}*/\``;
const literalDoc = objectDoc("HostileLiteral", [{ name: "kind", type: `*${JSON.stringify(literalValue)}*` }]);
const controlDoc = objectDoc(
  "ControlChars",
  [
    { name: "a", description: "nul\u0000 esc\u001b del\u007f zwsp\u200b bom\ufeff rlo\u202e", example: "\u0000\u202e" },
    { name: "b", type: `*${JSON.stringify("lit\u0000\u202e\u2028")}*` },
  ],
  "desc\u0000\u202e",
);

const quotingDoc = enumDoc("Quoting", [
  ["`Dq`", 'say "hi"'],
  ["`Sq`", "it's"],
  ["`Bs`", "C:\\\\path\\"],
  ["`Nl`", "line\\nbreak"],
  ["`Pipe`", "a\\|b"],
  ["`Tab`", "tab\\tend"],
]);
const emptyValueDoc = enumDoc("EmptyValue", [
  ["`Unknown`", ""],
  ["`Known`", "known"],
]);
const numericDoc = enumDoc("Numeric", [
  ["`FourHundredAndFour`", "404"],
  ["`Minus1`", "-1"],
  ["`Zero`", "0"],
  ["`Half`", "0.5"],
]);
const protoEnumDoc = enumDoc("ProtoEnum", [
  ["`__proto__`", "__proto__"],
  ["`constructor`", "constructor"],
  ["`prototype`", "prototype"],
  ["`toString`", "hasOwnProperty"],
]);
const codeEnumValues = ['"a\\"b"', '"c\\\\d"', '""', '"__proto__"', '"constructor"', '"\\u2028"', '"*/"', `"\${${PWN}}"`, '"`"', "1", "-1"];
const codeEnumDoc = `# CodeEnum\n\n## Values\n\n\`\`\`typescript\n${codeEnumValues.join(" | ")}\n\`\`\``;
const oddNamesDoc = enumDoc("OddNames", [
  ["`a b`", "x"],
  ["`a-b`", "y"],
  ["`class`", "z"],
  ["`1st`", "w"],
  ["`$ref`", "v"],
]);
const hostileValuesDoc = enumDoc("HostileValues", [
  ["`Tpl`", `\${${PWN}}`],
  ["`Bt`", "`x`"],
  ["`Cc`", `*/ ${PWN}; /*`],
  ["`Sc`", "</script>"],
  ["`Ls`", "a\u2028b\u2029c"],
]);

const protoFieldsDoc = objectDoc("ProtoFields", [
  "__proto__",
  { name: "constructor", type: "*number*" },
  { name: "then", required: false },
  "prototype",
  { name: "hasOwnProperty", type: "*boolean*" },
  { name: "toString", required: false },
  { name: "valueOf", type: "*number*", required: false },
]);
const RESERVED = ["class", "default", "delete", "new", "function", "import", "await", "yield", "let", "enum", "static", "void", "typeof", "in"];
const reservedDoc = objectDoc(
  "ReservedWords",
  RESERVED.map((name) => ({ name, required: name !== "let" })),
);
const ODD_FIELDS = ["content-type", "my field", 'a"b\\c', "*/", "${x}", "0leading", "ünïcödé", "a'b"];
const oddFieldsDoc = objectDoc("OddFields", ODD_FIELDS.map((name) => ({ name })));
const LOCALS = ["v", "c", "key", "result", "value", "input", "$decodeLocals", "undefined", "NaN"];
const localsDoc = objectDoc("Locals", LOCALS.map((name) => ({ name, type: "*number*" })));

const titleDocs = {
  Date: objectDoc("Date", [{ name: "at", type: DATE_LINK }, { name: "tags", type: "*string*[]", required: false }]),
  Promise: objectDoc("Promise", [{ name: "then", required: false }, { name: "value", type: "*any*", required: false }]),
  Object: objectDoc("Object", [{ name: "keys", type: "Record<string, *number*>" }, { name: "assign", required: false }]),
  Array: objectDoc("Array", [{ name: "items", type: "*number*[][]" }, { name: "isArray", type: "*boolean*", required: false }]),
  JSON: objectDoc("JSON", [{ name: "raw", type: "*any*" }, { name: "stringify", required: false }]),
  Error: objectDoc("Error", [{ name: "message" }, { name: "code", type: "*number*", required: false }]),
};

const openEnumExtra = "This is an open enum. Unrecognized values will be captured as the `Unrecognized<string>` branded type.\n\n";

const deepRecord = (depth: number, leaf = "*number*") => `${"Record<string, ".repeat(depth)}${leaf}${">".repeat(depth)}`;
const nestValue = (depth: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown => {
  let value = leaf;
  for (let level = 0; level < depth; level += 1) value = wrap(value);
  return value;
};
const record100 = objectDoc("DeepRecord", [{ name: "deep", type: deepRecord(100) }]);
const array100 = objectDoc("DeepArray", [{ name: "deep", type: `*string*${"[]".repeat(100)}` }]);
const array5000 = objectDoc("DeeperArray", [{ name: "deep", type: `*string*${"[]".repeat(5000)}` }]);
const eventStream3000 = objectDoc("DeepStream", [{ name: "deep", type: `*${"EventStream<".repeat(3000)}ns.X${">".repeat(3000)}*` }]);
const unionArray5000 = `# DeepUnion\n\n## Supported Types\n\n### \`number\`\n\n### \`string${"[]".repeat(5000)}\`\n`;
const unionMap100 = `# DeepMap\n\n## Supported Types\n\n### \`${"{ [k: string]: ".repeat(100)}string${" }".repeat(100)}\`\n`;
/** The column where the 65th (first too deep) level of a nested type starts, in the row `| \`deep\` | ...`. */
const CELL_COLUMN = "| `deep` | ".length + 1;

const missingCell = objectDoc("MissingCell", ["a"]).concat("| `b` | *string* | :heavy_check_mark: | N/A |\n");
const extraCell = objectDoc("ExtraCell", ["a"]).concat("| `b` | *string* | :heavy_check_mark: | N/A | | extra |\n");
const badRequired = objectDoc("BadRequired", ["a"]).concat("| `b` | *string* | :white_check_mark: | N/A | |\n");
const emptyType = objectDoc("EmptyType", ["a"]).concat("| `b` |  | :heavy_check_mark: | N/A | |\n");
const headerOnly = "# HeaderOnly\n\n## Fields\n\n| Field | Type | Required | Description |\n";
const noRows = "# NoRows\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |";
const badHeader = "# BadHeader\n\n## Fields\n\n| Field | Type | Required |\n| --- | --- | --- |\n| `a` | *string* | :heavy_check_mark: |";
const duplicateField = objectDoc("DuplicateField", ["a", "b", { name: "a", type: "*number*" }]);
const duplicateName = enumDoc("DuplicateName", [
  ["`A`", "x"],
  ["`A`", "y"],
]);
const duplicateValue = enumDoc("DuplicateValue", [
  ["`A`", "x"],
  ["`B`", "x"],
]);
const duplicateCodeValue = '# DuplicateCode\n\n## Values\n\n```typescript\n"a" | "b" | "a"\n```';
const conflicting = `${objectDoc("Conflicting", ["a"])}\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| \`A\` | a |\n`;
const unionDoc = `# HostileUnion\n\n## Supported Types\n\n### \`string\`\n\n\`\`\`typescript\nconst value: string = "*/ \${${PWN}} </script>";\n\`\`\`\n\n### \`number\`\n\n\`\`\`typescript\nconst value: number = 1; /* ${PWN} */\n\`\`\`\n`;
const badUnionHeading = "# BadUnion\n\n## Supported Types\n\n### `string */ ${x}`\n\n```typescript\nconst value = 1;\n```\n";
const exampleUsageDoc = `# UsageText\n\n## Example Usage\n\n\`\`\`typescript\n*/ ${PWN}; /* </script> \${${PWN}}\n\`\`\`\n\n## Fields\n\n${"| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"}| \`a\` | *string* | :heavy_check_mark: | N/A |`;
const lfDoc = objectDoc("LineEnds", ["a", { name: "b", type: "*number*", description: "two<br/>lines" }], "First line.\nSecond line.");
const invalidUtf8 = Buffer.concat([
  Buffer.from(`# Latin\n\n## Fields\n\n| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n| \`a\` | *string* | :heavy_check_mark: | caf`),
  Buffer.from([0xe9]),
  Buffer.from(" au lait |  |\n"),
]);
const bigTable = objectDoc(
  "BigTable",
  Array.from({ length: 10_000 }, (_, index) => ({
    name: `field${index}`,
    type: ["*string*", "*number*", "*boolean*", "*string*[]"][index % 4]!,
    required: index % 3 === 0,
    description: `Field number ${index}.`,
  })),
);
const bigDescription = objectDoc("BigDescription", [{ name: "a", description: "lorem ipsum */ dolor ".repeat(50_000).slice(0, 1 << 20) }]);

const climbOut = objectDoc("X", [{ name: "p", type: "[Passwd](../../../../etc/passwd.md)" }]);
const absolutePath = objectDoc("X", [{ name: "p", type: "[X](/x.md)" }]);
const absoluteUrl = objectDoc("X", [{ name: "p", type: "[X](https://example.com/x.md)" }]);
const missingLink = objectDoc("X", ["q", { name: "p", type: "*string* \\| [Y](y.md)[]" }]);
const nonModelLink = objectDoc("X", [{ name: "p", type: "[Notes](notes.md)" }]);

const CASES: Case[] = [
  // Descriptions and examples: doc text lands in comments, never in code.
  {
    name: "description and example close and open block comments",
    docs: [{ path: "commentbreak.md", text: commentDoc }],
    expect: accepted(({ file }) => {
      expect(file("commentbreak.ts")).not.toMatch(/\*\/ globalThis/);
    }),
  },
  { name: "description with ${...} and backticks", docs: [{ path: "templatetext.md", text: templateDoc }], expect: accepted() },
  { name: "U+2028 / U+2029 in descriptions and examples", docs: [{ path: "lineseparators.md", text: separatorsDoc }], expect: accepted() },
  { name: "</script> in descriptions and examples", docs: [{ path: "scripttags.md", text: scriptDoc }], expect: accepted() },
  {
    name: "@param / @deprecated at a line start of a description",
    docs: [{ path: "taginjection.md", text: paramDoc }],
    expect: accepted(({ file }) => {
      expect(file("taginjection.ts")).not.toMatch(/^\s*\*\s*@(param|deprecated|returns|example)\b/m);
    }),
  },
  {
    name: "literal type holding </script>, ${...}, */ and a backtick",
    docs: [{ path: "hostileliteral.md", text: literalDoc }],
    expect: accepted(({ module }) => {
      const m = module("hostileliteral.ts");
      expect(own(ok(m, "safeParseHostileLiteral", { kind: literalValue }), "kind")).toBe(literalValue);
      bad(m, "safeParseHostileLiteral", { kind: "x" });
    }),
  },
  {
    name: "control, zero-width and bidi characters in descriptions and literals",
    docs: [{ path: "controlchars.md", text: controlDoc }],
    expect: accepted(({ module }) => {
      ok(module("controlchars.ts"), "safeParseControlChars", { a: "x", b: "lit\u0000\u202e\u2028" });
    }),
  },

  // Enum values and member names.
  {
    name: "enum values with quotes, backslashes, \\n and \\t escapes, escaped pipes",
    docs: [{ path: "quoting.md", text: quotingDoc }],
    expect: accepted(({ module }) => {
      const m = module("quoting.ts");
      const E = m["Quoting"] as Record<string, string>;
      // Table values are raw text: only `\|` is an escape (FORMAT.md section 5).
      expect(E).toEqual({ Dq: 'say "hi"', Sq: "it's", Bs: "C:\\\\path\\", Nl: "line\\nbreak", Pipe: "a|b", Tab: "tab\\tend" });
      for (const value of Object.values(E)) ok(m, "safeParseQuoting", value);
      bad(m, "safeParseQuoting", "line\nbreak");
    }),
  },
  {
    name: "enum with an empty string value",
    docs: [{ path: "emptyvalue.md", text: emptyValueDoc }],
    expect: accepted(({ module }) => {
      const m = module("emptyvalue.ts");
      expect(ok(m, "safeParseEmptyValue", "")).toBe("");
      bad(m, "safeParseEmptyValue", " ");
    }),
  },
  {
    name: "enum with number values (404, -1, 0, 0.5)",
    docs: [{ path: "numeric.md", text: numericDoc }],
    expect: accepted(({ module }) => {
      const m = module("numeric.ts");
      expect(m["Numeric"]).toEqual({ FourHundredAndFour: 404, Minus1: -1, Zero: 0, Half: 0.5 });
      expect(ok(m, "safeParseNumeric", 404)).toBe(404);
      bad(m, "safeParseNumeric", "404");
    }),
  },
  {
    name: "enum members and values named __proto__, constructor, prototype",
    docs: [{ path: "protoenum.md", text: protoEnumDoc }],
    expect: accepted(({ module }) => {
      const m = module("protoenum.ts");
      const E = m["ProtoEnum"] as object;
      expect(Object.getPrototypeOf(E)).toBe(Object.prototype);
      expect(Object.keys(E)).toEqual(["__proto__", "constructor", "prototype", "toString"]);
      expect(own(E, "__proto__")).toBe("__proto__");
      expect(ok(m, "safeParseProtoEnum", "__proto__")).toBe("__proto__");
      expect(ok(m, "safeParseProtoEnum", "hasOwnProperty")).toBe("hasOwnProperty");
      bad(m, "safeParseProtoEnum", "toString");
      bad(m, "safeParseProtoEnum", "valueOf");
    }),
  },
  {
    name: "code-block enum with JSON escapes, empty string, __proto__, U+2028, */, ${...}, backtick, numbers",
    docs: [{ path: "codeenum.md", text: codeEnumDoc }],
    expect: accepted(({ module }) => {
      const m = module("codeenum.ts");
      const values = codeEnumValues.map((value) => JSON.parse(value) as string | number);
      expect(Object.values(m["CodeEnum"] as object)).toEqual(values);
      for (const value of values) expect(ok(m, "safeParseCodeEnum", value)).toBe(value);
      bad(m, "safeParseCodeEnum", "toString");
    }),
  },
  {
    name: "enum member names that are not identifiers (a b, a-b, class, 1st, $ref)",
    docs: [{ path: "oddnames.md", text: oddNamesDoc }],
    expect: accepted(({ module }) => {
      expect(module("oddnames.ts")["OddNames"]).toEqual({ "a b": "x", "a-b": "y", class: "z", "1st": "w", $ref: "v" });
    }),
  },
  {
    name: "enum values holding ${...}, backticks, */, </script>, U+2028",
    docs: [{ path: "hostilevalues.md", text: hostileValuesDoc }],
    expect: accepted(({ module }) => {
      const m = module("hostilevalues.ts");
      for (const value of Object.values(m["HostileValues"] as object)) ok(m, "safeParseHostileValues", value);
      expect(Object.values(m["HostileValues"] as object)).toContain("a\u2028b\u2029c");
    }),
  },

  // Field names.
  {
    name: "fields named __proto__, constructor, then, prototype, hasOwnProperty, toString, valueOf",
    docs: [{ path: "protofields.md", text: protoFieldsDoc }],
    expect: accepted(async ({ module }) => {
      const m = module("protofields.ts");
      const wire = JSON.parse('{"__proto__": "p", "constructor": 1, "then": "t", "prototype": "q", "hasOwnProperty": true, "toString": "s", "valueOf": 2}') as unknown;
      const data = roundTrip(m, "ProtoFields", wire) as object;
      expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
      expect(own(data, "__proto__")).toBe("p");
      expect(own(data, "constructor")).toBe(1);
      // A decoded value whose `then` is a string is not a thenable: awaiting it gives it back.
      expect(await Promise.resolve(data)).toBe(data);
      bad(m, "safeParseProtoFields", {});
    }),
  },
  {
    name: "fields named by reserved words (class, default, delete, new, function, ...)",
    docs: [{ path: "reservedwords.md", text: reservedDoc }],
    expect: accepted(({ module }) => {
      roundTrip(module("reservedwords.ts"), "ReservedWords", Object.fromEntries(RESERVED.map((name) => [name, name])));
    }),
  },
  {
    name: "field names with -, spaces, quotes, backslashes, */, ${}, a leading digit, non-ASCII",
    docs: [{ path: "oddfields.md", text: oddFieldsDoc }],
    expect: accepted(({ module }) => {
      roundTrip(module("oddfields.ts"), "OddFields", Object.fromEntries(ODD_FIELDS.map((name) => [name, `value of ${name}`])));
    }),
  },
  {
    name: "field names like the generated code's locals (v, c, key, result, value, undefined, NaN)",
    docs: [{ path: "locals.md", text: localsDoc }],
    expect: accepted(({ module }) => {
      roundTrip(module("locals.ts"), "Locals", Object.fromEntries(LOCALS.map((name, index) => [name, index])));
    }),
  },

  // Titles like globals, runtime helpers and type keywords.
  {
    name: "model titled Date (with a date-time field)",
    docs: [{ path: "date.md", text: titleDocs.Date }],
    expect: accepted(({ module }) => {
      const data = ok(module("date.ts"), "safeParseDate", { at: "2020-01-02T03:04:05Z", tags: ["a"] }) as { at: unknown };
      expect(data.at).toBeInstanceOf(globalThis.Date);
      bad(module("date.ts"), "safeParseDate", { at: "not a date" });
    }),
  },
  {
    name: "model titled Promise",
    docs: [{ path: "promise.md", text: titleDocs.Promise }],
    expect: accepted(({ module }) => {
      roundTrip(module("promise.ts"), "Promise", { then: "x", value: { a: [1] } });
    }),
  },
  {
    name: "model titled Object (with a record field)",
    docs: [{ path: "object.md", text: titleDocs.Object }],
    expect: accepted(({ module }) => {
      const data = roundTrip(module("object.ts"), "Object", JSON.parse('{"keys": {"__proto__": 1, "a": 2}, "assign": "x"}')) as { keys: object };
      expect(own(data.keys, "__proto__")).toBe(1);
      expect(Object.getPrototypeOf(data.keys)).toBe(Object.prototype);
    }),
  },
  {
    name: "model titled Array (with nested array fields)",
    docs: [{ path: "array.md", text: titleDocs.Array }],
    expect: accepted(({ module }) => {
      roundTrip(module("array.ts"), "Array", { items: [[1, 2], []], isArray: false });
      bad(module("array.ts"), "safeParseArray", { items: [1] });
    }),
  },
  {
    name: "model titled JSON",
    docs: [{ path: "json.md", text: titleDocs.JSON }],
    expect: accepted(({ module }) => {
      const data = roundTrip(module("json.ts"), "JSON", { raw: { nested: [null, 1] }, stringify: "s" });
      expect(JSON.stringify((module("json.ts")["serializeJSON"] as (value: unknown) => unknown)(data))).toContain("nested");
    }),
  },
  {
    name: "model titled Error",
    docs: [{ path: "error.md", text: titleDocs.Error }],
    expect: accepted(({ module }) => {
      roundTrip(module("error.ts"), "Error", { message: "m", code: 1 });
      expect(() => (module("error.ts")["parseError"] as (input: unknown) => unknown)({})).toThrow(globalThis.Error);
    }),
  },
  {
    name: "model titled ValidationError (the runtime's error class)",
    docs: [{ path: "validationerror.md", text: objectDoc("ValidationError", [{ name: "issues", type: "*string*[]" }, { name: "name", required: false }]) }],
    expect: accepted(({ module }) => {
      const m = module("validationerror.ts");
      roundTrip(m, "ValidationError", { issues: ["a"], name: "n" });
      const runtimeError = module("runtime.ts")["ValidationError"] as new (...args: never[]) => Error;
      expect(() => (m["parseValidationError"] as (input: unknown) => unknown)({ issues: [1] })).toThrow(runtimeError);
    }),
  },
  {
    name: "open enum titled Unrecognized (the runtime's brand type)",
    docs: [{ path: "unrecognized.md", text: `${enumDoc("Unrecognized", [["`A`", "a"]], openEnumExtra)}| - | \`Unrecognized<string>\` |\n` }],
    expect: accepted(({ module }) => {
      expect(ok(module("unrecognized.ts"), "safeParseUnrecognized", "zzz")).toBe("zzz");
      bad(module("unrecognized.ts"), "safeParseUnrecognized", 1);
    }),
  },
  {
    name: "model titled Decimal (with a *Decimal* field)",
    docs: [{ path: "decimal.md", text: objectDoc("Decimal", [{ name: "amount", type: "*Decimal*" }, { name: "scale", type: "*number*" }]) }],
    expect: accepted(({ module }) => {
      const data = roundTrip(module("decimal.ts"), "Decimal", { amount: "1.10", scale: 2 }) as { amount: unknown };
      expect(data.amount).toBeInstanceOf(module("runtime.ts")["Decimal"] as new (...args: never[]) => unknown);
    }),
  },
  {
    name: "model titled DateOnly (with an RFCDate field)",
    docs: [{ path: "dateonly.md", text: objectDoc("DateOnly", [{ name: "day", type: "[RFCDate](../types/rfcdate.md)" }]) }],
    expect: accepted(({ module }) => {
      roundTrip(module("dateonly.ts"), "DateOnly", { day: "2024-02-29" });
      bad(module("dateonly.ts"), "safeParseDateOnly", { day: "2023-02-29" });
    }),
  },
  {
    name: "model titled string (a TS type keyword)",
    docs: [{ path: "string.md", text: objectDoc("string", ["a"]) }],
    expect: accepted(({ file }) => {
      expect(file("string.ts")).not.toMatch(/\binterface string\b/);
    }),
  },
  {
    name: "model titled any (a TS type keyword)",
    docs: [{ path: "any.md", text: objectDoc("any", [{ name: "a", type: "*any*" }]) }],
    expect: accepted(({ file }) => {
      expect(file("any.ts")).not.toMatch(/\binterface any\b/);
    }),
  },
  {
    name: "model titled $Ctx (an internal runtime name)",
    docs: [{ path: "ctx.md", text: objectDoc("$Ctx", ["a"]) }],
    expect: accepted(({ module }) => {
      roundTrip(module("ctx.ts"), "$Ctx", { a: "x" });
    }),
  },
  {
    name: "models Foo and FooJson in one folder (FooJson is also Foo's wire type)",
    docs: [
      { path: "m/foo.md", text: objectDoc("Foo", ["a"]) },
      { path: "m/foojson.md", text: objectDoc("FooJson", ["b"]) },
    ],
    // Either name may be left out of the folder index, with a warning; the output must type-check.
    expect: accepted(undefined, ["MDS205"]),
  },
  {
    name: "models Foo and FooSchema in one folder (FooSchema is also Foo's Standard Schema)",
    docs: [
      { path: "m/foo.md", text: objectDoc("Foo", ["a"]) },
      { path: "m/fooschema.md", text: objectDoc("FooSchema", ["b"]) },
    ],
    expect: accepted(undefined, ["MDS205"]),
  },

  // References: self, cycles, depth.
  {
    name: "self-reference",
    docs: [
      {
        path: "tree/node.md",
        text: objectDoc("Node", ["name", { name: "children", type: "[Node](node.md)[]", required: false }, { name: "parent", type: "[Node](node.md)", required: false }]),
      },
    ],
    expect: accepted(({ module }) => {
      roundTrip(module("tree/node.ts"), "Node", { name: "root", children: [{ name: "a", children: [{ name: "b", parent: { name: "x" } }] }] });
    }),
  },
  {
    name: "cycle of two models",
    docs: [
      { path: "c/a.md", text: objectDoc("A", [{ name: "b", type: "[B](b.md)", required: false }]) },
      { path: "c/b.md", text: objectDoc("B", [{ name: "a", type: "[A](a.md)", required: false }]) },
    ],
    expect: accepted(({ module }) => {
      roundTrip(module("c/a.ts"), "A", { b: { a: { b: { a: {} } } } });
    }),
  },
  {
    name: "cycle of three models",
    docs: [
      { path: "c/a.md", text: objectDoc("A", [{ name: "b", type: "[B](b.md)", required: false }]) },
      { path: "c/b.md", text: objectDoc("B", [{ name: "c", type: "[C](c.md)[]", required: false }]) },
      { path: "c/c.md", text: objectDoc("C", [{ name: "a", type: "Record<string, [A](a.md)>", required: false }]) },
    ],
    expect: accepted(({ module }) => {
      roundTrip(module("c/a.ts"), "A", { b: { c: [{ a: { k: { b: { c: [] } } } }] } });
    }),
  },
  {
    name: "Record<string, …> nested 30 deep",
    docs: [{ path: "deep.md", text: objectDoc("Deep", [{ name: "deep", type: deepRecord(30) }]) }],
    expect: accepted(({ module }) => {
      const m = module("deep.ts");
      roundTrip(m, "Deep", { deep: nestValue(30, 1, (inner) => ({ k: inner })) });
      const issues = bad(m, "safeParseDeep", { deep: nestValue(30, "x", (inner) => ({ k: inner })) });
      expect(issues[0]!.path).toEqual(["deep", ...Array.from({ length: 30 }, () => "k")]);
    }),
  },
  {
    name: "[] repeated 30 times",
    docs: [{ path: "deep.md", text: objectDoc("Deep", [{ name: "deep", type: `*string*${"[]".repeat(30)}` }]) }],
    expect: accepted(({ module }) => {
      roundTrip(module("deep.ts"), "Deep", { deep: nestValue(30, "x", (inner) => [inner]) });
    }),
  },
  {
    name: "Record<string, …> nested 100 deep",
    docs: [{ path: "deeprecord.md", text: record100 }],
    expect: refused("deeprecord.md", "MDS105", { line: at(record100, "| `deep`").line, column: CELL_COLUMN + 64 * "Record<string, ".length }),
  },
  {
    name: "[] repeated 100 times",
    docs: [{ path: "deeparray.md", text: array100 }],
    expect: refused("deeparray.md", "MDS105", { line: at(array100, "| `deep`").line, column: CELL_COLUMN + "*string*".length + 64 * 2 }),
  },
  {
    name: "[] repeated 5,000 times",
    docs: [{ path: "deeperarray.md", text: array5000 }],
    expect: refused("deeperarray.md", "MDS105", { line: at(array5000, "| `deep`").line, column: CELL_COLUMN + "*string*".length + 64 * 2 }),
  },

  {
    name: "EventStream<…> nested 3,000 deep",
    docs: [{ path: "deepstream.md", text: eventStream3000 }],
    expect: refused("deepstream.md", "MDS105", { line: at(eventStream3000, "| `deep`").line, column: CELL_COLUMN + 1 + 64 * "EventStream<".length }),
  },
  {
    name: "union member heading { [k: string]: … } nested 100 deep",
    docs: [{ path: "deepmap.md", text: unionMap100 }],
    expect: refused("deepmap.md", "MDS120", { line: 5, column: "### `".length + 1 + 64 * "{ [k: string]: ".length }),
  },
  {
    name: "union member heading with [] repeated 5,000 times",
    docs: [{ path: "deepunion.md", text: unionArray5000 }],
    expect: refused("deepunion.md", "MDS120", { line: 7, column: "### `string".length + 1 + 64 * 2 }),
  },

  // Links.
  {
    name: "link climbing out of the docs root",
    docs: [{ path: "a/x.md", text: climbOut }],
    expect: refused("a/x.md", "MDS204", at(climbOut, "[Passwd]")),
  },
  {
    name: "absolute path link /x.md",
    docs: [{ path: "a/x.md", text: absolutePath }],
    expect: refused("a/x.md", "MDS204", at(absolutePath, "[X]")),
  },
  {
    name: "absolute URL link https://…/x.md",
    docs: [{ path: "a/x.md", text: absoluteUrl }],
    expect: refused("a/x.md", "MDS105", at(absoluteUrl, "[X]")),
  },
  {
    name: "link to a missing doc",
    docs: [{ path: "a/x.md", text: missingLink }],
    expect: refused("a/x.md", "MDS201", at(missingLink, "[Y]")),
  },
  {
    name: "link to a markdown file that is not a model doc",
    docs: [
      { path: "a/x.md", text: nonModelLink },
      { path: "a/notes.md", text: "Just some notes.\n" },
    ],
    expect: refused("a/x.md", "MDS201", at(nonModelLink, "[Notes]")),
  },
  {
    name: "link climbing above the root and back into it (as real docs do)",
    rootDir: "/repo/docs",
    docs: [
      { path: "models/x.md", text: objectDoc("X", [{ name: "y", type: "[models.Y](../../docs/models/y.md)" }]) },
      { path: "models/y.md", text: objectDoc("Y", ["a"]) },
    ],
    expect: accepted(({ module }) => {
      roundTrip(module("models/x.ts"), "X", { y: { a: "b" } });
    }),
  },

  // Malformed tables.
  {
    name: "row with a missing cell",
    docs: [{ path: "missingcell.md", text: missingCell }],
    expect: refused("missingcell.md", "MDS102", at(missingCell, "| `b`")),
  },
  {
    name: "row with an extra cell",
    docs: [{ path: "extracell.md", text: extraCell }],
    expect: refused("extracell.md", "MDS102", at(extraCell, "| `b`")),
  },
  {
    name: "unknown Required token",
    docs: [{ path: "badrequired.md", text: badRequired }],
    expect: refused("badrequired.md", "MDS104", at(badRequired, ":white_check_mark:")),
  },
  {
    // An empty cell has no text: the position is where its (blank) content ends, before the next pipe.
    name: "empty Type cell",
    docs: [{ path: "emptytype.md", text: emptyType }],
    expect: refused("emptytype.md", "MDS105", { line: at(emptyType, "| `b`").line, column: "| `b` |  |".length }),
  },
  {
    name: "header-only table (no delimiter row, so no table)",
    docs: [{ path: "headeronly.md", text: headerOnly }],
    expect: refused("headeronly.md", "MDS012", at(headerOnly, "## Fields")),
  },
  {
    name: "header and delimiter with no rows (an empty object)",
    docs: [{ path: "norows.md", text: noRows }],
    expect: accepted(({ module }) => {
      expect(ok(module("norows.ts"), "safeParseNoRows", { extra: 1 })).toEqual({});
      bad(module("norows.ts"), "safeParseNoRows", null);
    }),
  },
  {
    name: "unknown table header",
    docs: [{ path: "badheader.md", text: badHeader }],
    expect: refused("badheader.md", "MDS101", at(badHeader, "| Field")),
  },
  {
    name: "duplicate field",
    docs: [{ path: "duplicatefield.md", text: duplicateField }],
    expect: refused("duplicatefield.md", "MDS106", at(duplicateField, "`a`", 2)),
  },
  {
    name: "duplicate enum member name",
    docs: [{ path: "duplicatename.md", text: duplicateName }],
    expect: refused("duplicatename.md", "MDS112", at(duplicateName, "| `A`", 2)),
  },
  {
    name: "duplicate enum value",
    docs: [{ path: "duplicatevalue.md", text: duplicateValue }],
    expect: refused("duplicatevalue.md", "MDS112", at(duplicateValue, "| `B`")),
  },
  {
    name: "duplicate value in a code-block enum",
    docs: [{ path: "duplicatecode.md", text: duplicateCodeValue }],
    expect: refused("duplicatecode.md", "MDS112", at(duplicateCodeValue, '"a"', 2)),
  },
  {
    name: "two docs with one title in one folder",
    docs: [
      { path: "a/x.md", text: objectDoc("Same", ["a"]) },
      { path: "a/y.md", text: objectDoc("Same", ["b"]) },
    ],
    expect: refused("a/y.md", "MDS203", { line: 1, column: 1 }),
  },
  {
    name: "two ## model sections",
    docs: [{ path: "conflicting.md", text: conflicting }],
    expect: refused("conflicting.md", "MDS011", at(conflicting, "## Values")),
  },

  // Titles.
  { name: "title # 2Fast", docs: [{ path: "x.md", text: objectDoc("2Fast", ["a"]) }], expect: refused("x.md", "MDS010", { line: 1, column: 1 }) },
  { name: "title # a b", docs: [{ path: "x.md", text: objectDoc("a b", ["a"]) }], expect: refused("x.md", "MDS010", { line: 1, column: 1 }) },
  { name: "title #", docs: [{ path: "x.md", text: `#\n\n## Fields\n\n${"| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"}` }], expect: refused("x.md", "MDS010", { line: 1, column: 1 }) },
  { name: "title # ~~X", docs: [{ path: "x.md", text: objectDoc("~~X", ["a"]) }], expect: refused("x.md", "MDS010", { line: 1, column: 1 }) },

  // Unions and Example Usage.
  {
    name: "union whose member examples hold */, ${...}, </script>",
    docs: [{ path: "hostileunion.md", text: unionDoc }],
    expect: accepted(({ module }) => {
      const m = module("hostileunion.ts");
      expect(ok(m, "safeParseHostileUnion", "x")).toBe("x");
      expect(ok(m, "safeParseHostileUnion", 1)).toBe(1);
      bad(m, "safeParseHostileUnion", true);
    }),
  },
  {
    name: "union member heading outside the grammar",
    docs: [{ path: "badunion.md", text: badUnionHeading }],
    expect: refused("badunion.md", "MDS120", { line: at(badUnionHeading, "### ").line, column: "### `string ".length + 1 }),
  },
  { name: "Example Usage block with */, </script>, ${...}", docs: [{ path: "usagetext.md", text: exampleUsageDoc }], expect: accepted() },

  // Encodings, sizes, special paths.
  {
    name: "CRLF line ends (same output as LF)",
    disk: [{ path: "lineends.md", content: lfDoc.replace(/\n/g, "\r\n") }],
    expect: accepted(async ({ result }) => {
      expect(result.files).toEqual((await gen([{ path: "lineends.md", text: lfDoc }])).files);
    }),
  },
  {
    name: "CR-only line ends (same output as LF)",
    disk: [{ path: "lineends.md", content: lfDoc.replace(/\n/g, "\r") }],
    expect: accepted(async ({ result }) => {
      expect(result.files).toEqual((await gen([{ path: "lineends.md", text: lfDoc }])).files);
    }),
  },
  {
    name: "a BOM (same output as without)",
    disk: [{ path: "lineends.md", content: `\uFEFF${lfDoc}` }],
    expect: accepted(async ({ result }) => {
      expect(result.files).toEqual((await gen([{ path: "lineends.md", text: lfDoc }])).files);
    }),
  },
  {
    name: "an empty file next to a model doc (skipped with an info)",
    disk: [
      { path: "empty.md", content: "" },
      { path: "x.md", content: objectDoc("X", ["a"]) },
    ],
    expect: accepted(({ result }) => {
      expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}:${d.code}`)).toEqual(["empty.md:1:1:MDS001"]);
    }, ["MDS001"]),
  },
  {
    name: "invalid UTF-8 bytes",
    disk: [{ path: "latin.md", content: invalidUtf8 }],
    expect: refused("latin.md", "MDS002", { line: 7, column: "| `a` | *string* | :heavy_check_mark: | caf".length + 1 }),
  },
  {
    name: "a 10,000-row Fields table",
    docs: [{ path: "bigtable.md", text: bigTable }],
    expect: accepted(({ module }) => {
      ok(module("bigtable.ts"), "safeParseBigTable", Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`field${i}`, [`s`, 1, true, ["a"]][i % 4]])));
    }),
  },
  { name: "a 1 MB description cell", docs: [{ path: "bigdescription.md", text: bigDescription }], expect: accepted() },
  {
    name: "a doc whose output would be runtime.ts (written as runtime_2.ts, with a warning)",
    docs: [{ path: "runtime.md", text: objectDoc("Runtime", ["a"]) }],
    expect: accepted(({ module }) => {
      roundTrip(module("runtime_2.ts"), "Runtime", { a: "x" });
      expect(module("runtime.ts")["ValidationError"]).toBeTypeOf("function");
    }, ["MDS208"]),
  },
  {
    name: "a doc named index.md (written as index_2.ts, the folder keeps its index, with a warning)",
    docs: [
      { path: "index.md", text: objectDoc("Index", ["a"]) },
      { path: "b.md", text: objectDoc("B", [{ name: "i", type: "[Index](index.md)" }]) },
    ],
    expect: accepted(({ module }) => {
      roundTrip(module("b.ts"), "B", { i: { a: "x" } });
      expect(module("index.ts")["parseIndex"]).toBe(module("index_2.ts")["parseIndex"]);
    }, ["MDS208"]),
  },
  {
    name: "blockquotes nested 100,000 deep (refused quickly, not a hang)",
    docs: [{ path: "quotes.md", text: `# Quotes\n\n${">".repeat(100_000)} deep\n\n## Fields\n\n${"| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"}| \`a\` | *string* | :heavy_check_mark: | N/A |` }],
    limitMs: 5_000,
    expect: refused("quotes.md", "MDS013", { line: 3, column: 1 }),
  },
  {
    name: "list items nested 20,000 deep (refused quickly, not a hang)",
    docs: [{ path: "lists.md", text: `# Lists\n\n${"- ".repeat(20_000)} deep\n\n## Fields\n\n${"| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"}| \`a\` | *string* | :heavy_check_mark: | N/A |` }],
    limitMs: 5_000,
    expect: refused("lists.md", "MDS013", { line: 3, column: 1 }),
  },
];

// ---------------------------------------------------------------------------------------------
// Running the cases.

interface Run {
  readonly result?: GenerateResult;
  readonly crash?: string;
}

const runs = new Map<string, Run>();
let typecheckErrors: string[] = [];
/** Type errors of a plain doc's output (the runtime template's own): reported once, by the control test. */
let baselineErrors = new Set<string>();
const CONTROL_PREFIX = "control";

/** The type errors of the output under `prefix`, relative to it, less those of the control output. */
function typeErrorsOf(prefix: string): string[] {
  const head = `out/${prefix}/`;
  return typecheckErrors
    .map((message) => message.split(sep).join("/"))
    .filter((message) => message.startsWith(head))
    .map((message) => message.slice(head.length))
    .filter((message) => !baselineErrors.has(message));
}
const prefixes = new Map<string, string>();
const outputDirs: string[] = [];

beforeAll(async () => {
  for (const [index, testCase] of CASES.entries()) {
    if (testCase.limitMs !== undefined) continue;
    try {
      const result = testCase.disk ? await genFromDisk(testCase.disk) : await gen(testCase.docs ?? [], testCase.rootDir);
      runs.set(testCase.name, { result });
      if (testCase.expect.kind === "accepted" && errorsOf(result.diagnostics).length === 0) prefixes.set(testCase.name, `c${String(index).padStart(3, "0")}`);
    } catch (error) {
      runs.set(testCase.name, { crash: error instanceof Error ? (error.stack ?? error.message).slice(0, 1500) : String(error) });
    }
  }
  // One program for every accepted output (each in its own folder): much faster than one each.
  const control = await gen([{ path: "control.md", text: objectDoc("Control", ["a", { name: "b", type: "*number*[]", required: false }]) }]);
  const files = [
    ...control.files.map((file) => ({ path: `${CONTROL_PREFIX}/${file.path}`, content: file.content })),
    ...[...prefixes].flatMap(([name, prefix]) => runs.get(name)!.result!.files.map((file) => ({ path: `${prefix}/${file.path}`, content: file.content }))),
  ];
  typecheckErrors = typecheckFiles(files);
  baselineErrors = new Set(); // (typeErrorsOf subtracts the baseline: start from none)
  baselineErrors = new Set(typeErrorsOf(CONTROL_PREFIX));
}, 600_000);

afterAll(() => {
  for (const dir of outputDirs) removeTemp(dir);
  globalThis.__pwned = undefined;
});

describe("hostile docs", () => {
  it("has at least 40 cases with unique names", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((testCase) => testCase.name)).size).toBe(CASES.length);
  });

  it("control: the output of a plain doc type-checks (errors here are the runtime template's, not counted per case)", () => {
    expect([...baselineErrors]).toEqual([]);
  });

  it.each(CASES.map((testCase) => [testCase.name, testCase] as const))("%s", async (_name, testCase) => {
    if (testCase.limitMs !== undefined) {
      const outcome = await generateInChild(testCase.docs ?? [], testCase.limitMs);
      expect(outcome.timedOut, `the generation did not finish within ${testCase.limitMs} ms (a hang)`).toBe(false);
      expect(outcome.error, "the generation threw").toBeNull();
      const expected = testCase.expect;
      if (expected.kind !== "refused") throw new Error("child cases must be refusals");
      expect(describeDiagnostics(errorsOf(outcome.diagnostics!))).toContainEqual(expect.stringContaining(`${expected.file}:${expected.line}:${expected.column} error ${expected.code}`));
      expect(outcome.files).toEqual([]);
      return;
    }
    const run = runs.get(testCase.name)!;
    expect(run.crash, "generation threw instead of returning diagnostics").toBeUndefined();
    const result = run.result!;
    const expected = testCase.expect;
    if (expected.kind === "refused") {
      const errors = errorsOf(result.diagnostics);
      expect(describeDiagnostics(errors)).toContainEqual(expect.stringContaining(`${expected.file}:${expected.line}:${expected.column} error ${expected.code}`));
      expect(result.files).toEqual([]);
      return;
    }
    expect(describeDiagnostics(errorsOf(result.diagnostics))).toEqual([]);
    expect([...new Set(result.diagnostics.map((d) => d.code))].sort()).toEqual([...(expected.notes ?? [])].sort());
    expect(result.files.length).toBeGreaterThan(0);
    const prefix = prefixes.get(testCase.name)!;
    expect(typeErrorsOf(prefix)).toEqual([]);

    // Import every module with the marker down, then probe every parser with hostile input.
    const dir = writeOutput(result.files);
    outputDirs.push(dir);
    const modules = await importAll(
      dir,
      result.files.map((file) => file.path),
    );
    expect(globalThis.__pwned, "importing the generated modules ran doc text").toBe(false);
    const calls = probeModules(modules, hostileInputs(result.schema.models));
    expect(calls).toBeGreaterThan(0);
    const contents = new Map(result.files.map((file) => [file.path, file.content]));
    await expected.check?.({
      result,
      modules,
      file: (path) => contents.get(path) ?? expect.fail(`no output file ${path}; files: ${[...contents.keys()].join(", ")}`),
      module: (path) => modules.get(path) ?? expect.fail(`no module ${path}`),
    });
    expect(polluted()).toBe(false);
    expect(globalThis.__pwned).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Refusals through the CLI: exit 1, the diagnostic printed, and the output folder untouched.

const BIN = join(ROOT, "bin/mdspec.js");

function runCli(cwd: string, args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
    delete env["GITHUB_ACTIONS"];
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

/** Contents, inode and mtime of everything below `dir`. */
function snapshot(dir: string): Map<string, string> {
  const entries = new Map<string, string>();
  if (!existsSync(dir)) return entries;
  for (const name of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const path = join(dir, name);
    const stat = statSync(path, { bigint: true });
    entries.set(name.split(sep).join("/"), `${stat.ino}:${stat.mtimeNs}:${stat.isDirectory() ? "dir" : readFileSync(path, "utf8")}`);
  }
  return entries;
}

describe("hostile docs through the CLI", () => {
  let temp: string | undefined;
  afterAll(() => removeTemp(temp));

  const cliCases = [
    { name: "bad title", path: "models/bad.md", text: objectDoc("2Fast", ["a"]), expected: "models/bad.md:1:1" , code: "MDS010" },
    {
      name: "link climbing out of the docs root",
      path: "models/escape.md",
      text: climbOut,
      expected: `models/escape.md:${at(climbOut, "[Passwd]").line}:${at(climbOut, "[Passwd]").column}`,
      code: "MDS204",
    },
    { name: "invalid UTF-8", path: "models/latin.md", text: invalidUtf8, expected: "models/latin.md:7:", code: "MDS002" },
  ] as const;

  it.each(cliCases.map((testCase) => [testCase.name, testCase] as const))("%s: exit 1, output folder untouched", async (_name, testCase) => {
    temp = makeTemp();
    const docs = join(temp, "docs");
    const out = join(temp, "out");
    writeTree(docs, [
      { path: "models/x.md", content: objectDoc("X", ["a", { name: "y", type: "[Y](y.md)", required: false }]) },
      { path: "models/y.md", content: objectDoc("Y", [{ name: "b", type: "*number*" }]) },
    ]);
    const first = await runCli(temp, ["--input", "docs", "--out", "out"]);
    expect(first.code, first.stderr).toBe(0);
    writeTree(out, [{ path: "mine.txt", content: "not written by mdspec" }]);
    const before = snapshot(out);
    writeTree(docs, [{ path: testCase.path, content: testCase.text }]);
    const second = await runCli(temp, ["--input", "docs", "--out", "out"]);
    expect(second.code, second.stderr).toBe(1);
    expect(second.stderr).toContain(testCase.expected);
    expect(second.stderr).toContain(`[${testCase.code}]`);
    expect(snapshot(out)).toEqual(before);
    removeTemp(temp);
    temp = undefined;
  });
});
