import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import type { Field, Model, TypeNode } from "../../src/ir/types.js";
import { parseDoc } from "../../src/parse/doc.js";
import { detectFlavour } from "../../src/parse/flavour/detect.js";
import { ROOT } from "../helpers.js";
import { typecheckFiles } from "../typecheck.js";

/** A PHP-docs `## Fields` doc with one row per `[field, type, required, description?, example?]`. */
function fieldsDoc(rows: readonly (readonly [string, string, boolean, (string | undefined)?, (string | undefined)?])[], title = "Thing"): string {
  const lines = rows.map(
    ([field, type, required, description, example]) => `| \`${field}\` | ${type} | ${required ? ":heavy_check_mark:" : ":heavy_minus_sign:"} | ${description ?? "N/A"} | ${example ?? ""} |`,
  );
  return `# ${title}\n\n\n## Fields\n\n| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n${lines.join("\n")}\n`;
}

/** A PHP-docs union member: its heading type, and the docblock type when it has one. */
function member(heading: string, docblock: string | null): string {
  const code = docblock === null ? "" : `\n\n\`\`\`php\n/**\n* @var ${docblock}\n*/\n${heading} $value = /* values here */\n\`\`\``;
  return `### \`${heading}\`${code}`;
}

/** A type tree without its source spans, to compare shapes. */
function shape(type: TypeNode): unknown {
  return JSON.parse(JSON.stringify(type, (key, value) => (key === "span" ? undefined : value)));
}

function parsePhp(text: string, path = "Models/Components/Thing.md"): { model: Model | null; diagnostics: ReturnType<typeof parseDoc>["diagnostics"] } {
  const parsed = parseDoc(path, text, "php");
  return { model: parsed.model, diagnostics: parsed.diagnostics };
}

function onlyField(type: string, required = true, description?: string, example?: string, field = "value", title = "Thing"): { field: Field; warnings: string[] } {
  const { model, diagnostics } = parsePhp(fieldsDoc([[field, type, required, description, example]], title));
  expect(diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  if (model?.kind !== "object") throw new Error("not an object doc");
  return { field: model.fields[0]!, warnings: diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`) };
}

const STRING = { kind: "primitive", name: "string" };
const NUMBER = { kind: "primitive", name: "number" };
const DATETIME_URL = "https://www.php.net/manual/en/class.datetime.php";

describe("PHP docs: Type cells", () => {
  const cases: readonly [string, boolean, unknown, boolean][] = [
    ["*string*", true, STRING, false],
    ["*int*", true, NUMBER, false],
    ["*float*", true, NUMBER, false],
    ["*bool*", true, { kind: "primitive", name: "boolean" }, false],
    ["*mixed*", false, { kind: "primitive", name: "any" }, false],
    ["*\\Brick\\Math\\BigInteger*", true, { kind: "primitive", name: "bigint" }, false],
    ["*\\Brick\\Math\\BigDecimal*", true, { kind: "primitive", name: "decimal" }, false],
    // `?T` says nullable on a required field; PHP writes it on every optional one.
    ["*?string*", true, STRING, true],
    ["*?string*", false, STRING, false],
    ["*?\\Brick\\Math\\BigInteger*", true, { kind: "primitive", name: "bigint" }, true],
    ["array<*string*>", true, { kind: "array", element: STRING }, false],
    ["array<string, *mixed*>", true, { kind: "record", value: { kind: "primitive", name: "any" } }, false],
    ["array<string, array<*int*>>", true, { kind: "record", value: { kind: "array", element: NUMBER } }, false],
    ["[\\Psr\\Http\\Message\\ResponseInterface](https://www.php-fig.org/psr/psr-7/#33-psrhttpmessageresponseinterface)", false, { kind: "external", name: "Response" }, false],
    [
      "[Shared\\SimpleObject](../../Models/Shared/SimpleObject.md)",
      true,
      { kind: "ref", via: { form: "link", url: "../../Models/Shared/SimpleObject.md", text: "Shared\\SimpleObject" }, target: null },
      false,
    ],
    [
      "[?Shared\\SimpleObject](../../Models/Shared/SimpleObject.md)",
      true,
      { kind: "ref", via: { form: "link", url: "../../Models/Shared/SimpleObject.md", text: "?Shared\\SimpleObject" }, target: null },
      true,
    ],
    // A union-typed field lists the union's members in the link text; `null` among them is nullability.
    [
      "[string\\|array\\|null](../../Models/Operations/TagIds.md)",
      true,
      { kind: "ref", via: { form: "link", url: "../../Models/Operations/TagIds.md", text: "string\\|array\\|null" }, target: null },
      true,
    ],
    [
      "array<[Shared\\Car\\|Shared\\Bike](../../Models/Shared/Vehicle.md)>",
      true,
      { kind: "array", element: { kind: "ref", via: { form: "link", url: "../../Models/Shared/Vehicle.md", text: "Shared\\Car\\|Shared\\Bike" }, target: null } },
      false,
    ],
  ];
  for (const [cell, required, type, nullable] of cases) {
    it(`reads ${cell}${required ? "" : " (optional)"}${nullable ? " as nullable" : ""}`, () => {
      const { field, warnings } = onlyField(cell, required);
      expect(shape(field.type)).toEqual(type);
      expect(field.nullable).toBe(nullable);
      expect(warnings).toEqual([]);
    });
  }

  it("reports a type outside the grammar with the cell's position", () => {
    const parsed = parseDoc("Models/Components/Thing.md", fieldsDoc([["value", "*resource*", true]]), "php");
    expect(parsed.model).toBeNull();
    expect(parsed.diagnostics).toMatchObject([{ code: "MDS105", line: 8, message: expect.stringContaining("resource") }]);
  });
});

describe("PHP docs: \\DateTime, a date or a date-time", () => {
  const cell = `[\\DateTime](${DATETIME_URL})`;
  const cases: readonly [string, string, string | undefined, string | undefined, string, "date" | "date-time", string][] = [
    ["the Example cell (a date)", "json", undefined, "2020-01-01", "Thing", "date", "the Example cell"],
    ["the Example cell (a date-time)", "json", undefined, "2020-01-01T00:00:00.001Z", "Thing", "date-time", "the Example cell"],
    ["an array example", "json", undefined, '[<br/>"2020-01-01"<br/>]', "Thing", "date", "the Example cell"],
    ["the field's name (date)", "dateInput", undefined, undefined, "Thing", "date", "the field's name"],
    ["the field's name (dateTime)", "dateTimeParameter", undefined, undefined, "Thing", "date-time", "the field's name"],
    ["the field's name (createdAt)", "createdAt", undefined, undefined, "Thing", "date-time", "the field's name"],
    ["the description", "since", "A date-time property.", undefined, "Thing", "date-time", "the description"],
    ["the title", "json", undefined, undefined, "UnionDateNullRes", "date", "the doc's title"],
    ["nothing: a date-time", "json", undefined, undefined, "Thing", "date-time", "no date"],
  ];
  for (const [what, field, description, example, title, kind, reason] of cases) {
    it(`tells it from ${what}, with a warning`, () => {
      const read = onlyField(cell, true, description, example, field, title);
      expect(read.field.type.kind).toBe(kind);
      expect(read.warnings).toHaveLength(1);
      expect(read.warnings[0]).toMatch(/^MDS130 PHP docs write \\DateTime for dates and date-times alike/);
      expect(read.warnings[0]).toContain(reason);
    });
  }

  it("reads a union member \\DateTime from the union's title", () => {
    const text = `# UnionDateTimeBigInt\n\n\n## Supported Types\n\n${member("\\DateTime", "\\DateTime")}\n\n${member("\\Brick\\Math\\BigInteger", "\\Brick\\Math\\BigInteger")}\n`;
    const { model, diagnostics } = parsePhp(text);
    expect(model?.kind === "union" && model.members.map((entry) => shape(entry.type))).toEqual([{ kind: "date-time" }, { kind: "primitive", name: "bigint" }]);
    expect(diagnostics).toMatchObject([{ severity: "warning", code: "MDS130", line: 6 }]);
  });
});

describe("PHP docs: names", () => {
  it("keeps camelCase properties as they are", () => {
    const { field } = onlyField("*string*", true, undefined, undefined, "imageURL");
    expect([field.docName, field.name]).toEqual(["imageURL", "imageURL"]);
  });

  it("drops PHP's suffix of reserved words from enum names", () => {
    const text = "# Color\n\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `Red` | red |\n| `Class_` | class |\n";
    expect(parsePhp(text).model).toMatchObject({ kind: "enum", members: [{ name: "Red", value: "red" }, { name: "Class", value: "class" }] });
  });

  it("names models as the TypeScript SDK does: PHP's T suffix removed, TypeScript's added", () => {
    expect(parsePhp(fieldsDoc([], "EmptyT")).model).toMatchObject({ title: "Empty", docTitle: "EmptyT" });
    expect(parsePhp(fieldsDoc([], "ObjectT")).model).toMatchObject({ title: "ObjectT" });
    expect(parsePhp(fieldsDoc([], "File")).model).toMatchObject({ title: "FileT", docTitle: "File" });
    expect(parsePhp(fieldsDoc([], "PaymentT")).model).not.toHaveProperty("docTitle");
  });
});

describe("PHP docs: union members", () => {
  it("reads headings and the item types of array docblocks", () => {
    const text = [
      "# Value\n\n\n## Supported Types\n",
      member("Shared\\SimpleObject", "Shared\\SimpleObject"),
      member("string", "string"),
      member("array", "array<Shared\\Enum>"),
      member("array", "array<string, mixed>"),
      member("array", null),
      member("\\Brick\\Math\\BigDecimal", null),
    ].join("\n\n");
    const { model, diagnostics } = parsePhp(text);
    expect(diagnostics).toEqual([]);
    const ref = (name: string) => ({ kind: "ref", via: { form: "name", namespace: "Shared", name }, target: null });
    expect(model?.kind === "union" && model.members.map((entry) => shape(entry.type))).toEqual([
      ref("SimpleObject"),
      STRING,
      { kind: "array", element: ref("Enum") },
      { kind: "record", value: { kind: "primitive", name: "any" } },
      { kind: "array", element: { kind: "primitive", name: "any" } },
      { kind: "primitive", name: "decimal" },
    ]);
  });

  it("refuses a heading that is not a PHP type in backticks", () => {
    const parsed = parseDoc("Models/Components/Value.md", "# Value\n\n## Supported Types\n\n### Str\n", "php");
    expect(parsed.model).toBeNull();
    expect(parsed.diagnostics).toMatchObject([{ code: "MDS120", line: 5, column: 1 }]);
  });
});

describe("PHP docs: detection and specs/php", () => {
  it("tells PHP docs from their Type cells and code blocks", () => {
    for (const cell of ["*?string*", "array<*int*>", "*\\Brick\\Math\\BigInteger*", `[\\DateTime](${DATETIME_URL})`, "*mixed*"]) {
      expect(detectFlavour([{ path: "a.md", text: fieldsDoc([["value", cell, false]]) }]).flavours, cell).toEqual({ ".": "php" });
    }
    expect(detectFlavour([{ path: "a.md", text: `# V\n\n## Supported Types\n\n${member("string", "string")}\n` }]).flavours).toEqual({ ".": "php" });
  });

  it("generates specs/php as its own root with no error, as strict TypeScript", async () => {
    const result = await generate({ input: join(ROOT, "specs", "php"), parseWorker: false });
    expect(result.schema.flavours).toEqual({ ".": "php" });
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    expect(typecheckFiles(result.files)).toEqual([]);
    const account = result.schema.models.find((model) => model.title === "Account");
    if (account?.kind !== "object") throw new Error("no Account object");
    expect(account.fields.filter((field) => field.nullable).map((field) => field.name)).toEqual(["nickname", "primaryCard"]);
    expect(account.fields.filter((field) => field.type.kind === "date" || field.type.kind === "date-time").map((field) => [field.name, field.type.kind])).toEqual([
      ["createdAt", "date-time"],
      ["renewsOn", "date"],
    ]);
  });
});
