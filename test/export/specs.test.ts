// The exported documents of specs/ (goldens in generated/, validity, determinism) and the schema
// mapping construct by construct, on small docs generated in memory.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { EmitOptions } from "../../src/emit/options.js";
import { type GenerateResult, generate, generateFromDocs } from "../../src/generate.js";
import { MANIFEST_NAME } from "../../src/write/output.js";
import { DATE_LINK, type Doc, enumDoc, objectDoc, runtimeSource } from "../hardening/support.js";
import { ROOT } from "../helpers.js";
import { generateToTemp } from "../runtime/support.js";
import { checkTypeAgreement } from "./types.js";
import { bundleAjv, openApiErrors, uncompiled } from "./validators.js";

const EXPORTS = { openapi: "openapi.json", jsonSchema: "models.schema.json" } as const;

type Schemas = Record<string, Record<string, unknown>>;

/** The OpenAPI document and the bundle of a result, parsed. */
function documents(result: GenerateResult): { openapi: { info: object; components: { schemas: Schemas } }; bundle: { $defs: Schemas } } {
  const text = (kind: string) => result.exports.find((file) => file.kind === kind)!.content;
  return { openapi: JSON.parse(text("openapi")), bundle: JSON.parse(text("json-schema")) };
}

/** Generates small docs in memory with both exports. */
async function exportDocs(docs: readonly Doc[], options: Partial<EmitOptions> = {}): Promise<GenerateResult> {
  const result = await generateFromDocs(docs, { ...options, ...EXPORTS, rootDir: "/project/docs", parseWorker: false }, await runtimeSource());
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  return result;
}

describe("specs/ -> generated/openapi.json and generated/models.schema.json", () => {
  let result: GenerateResult;
  beforeAll(async () => {
    result = await generate({ input: join(ROOT, "specs"), openapi: "openapi.json", jsonSchema: "models.schema.json" });
  });

  it("matches the committed documents (run `npm run generate` after a change)", () => {
    expect(result.exports.map((file) => [file.path, file.kind])).toEqual([
      ["models.schema.json", "json-schema"],
      ["openapi.json", "openapi"],
    ]);
    for (const file of result.exports) expect(file.content, `generated/${file.path} is stale`).toBe(readFileSync(join(ROOT, "generated", file.path), "utf8"));
  });

  it("lists the documents in the committed manifest, apart from the code files", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, "generated", MANIFEST_NAME), "utf8")) as { files: string[]; exports: string[] };
    expect(manifest.exports).toEqual(["models.schema.json", "openapi.json"]);
    expect(manifest.files).toEqual(result.files.map((file) => file.path));
  });

  it("is byte-identical when generated twice", async () => {
    const again = await generate({ input: join(ROOT, "specs"), openapi: "openapi.json", jsonSchema: "models.schema.json" });
    expect(again.exports).toEqual(result.exports);
  });

  it("is a valid OpenAPI 3.1 document and a bundle ajv compiles in strict mode", async () => {
    const { openapi } = documents(result);
    expect(await openApiErrors(result.exports.find((file) => file.kind === "openapi")!.content)).toEqual([]);
    const compiled = uncompiled(result.exports.find((file) => file.kind === "json-schema")!.content);
    expect(compiled.failures).toEqual([]);
    expect(compiled.keys).toEqual(Object.keys(openapi.components.schemas));
  });

  it("has one schema per model, each naming its doc, keyed by the model name unless two docs share it", () => {
    const { openapi } = documents(result);
    const docs = Object.values(openapi.components.schemas).map((schema) => schema["x-mdspec-doc"]);
    expect([...docs].sort()).toEqual(result.schema.models.map((model) => model.id));
    for (const [key, schema] of Object.entries(openapi.components.schemas)) {
      const model = result.schema.models.find((candidate) => candidate.id === schema["x-mdspec-doc"])!;
      const shared = result.schema.models.filter((candidate) => candidate.title === model.title).length > 1;
      expect(key, model.id).toBe(shared ? `${model.id.split("/").slice(0, -1).join(".")}.${model.title}` : model.title);
    }
    const shared = result.schema.models.filter((model) => result.schema.models.some((other) => other !== model && other.title === model.title)).map((model) => model.id);
    expect(shared).toContain("zod/models/components/domains.md");
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code === "MDS401").map((diagnostic) => diagnostic.file)).toEqual(shared);
  });

  it("takes info.title from the docs root's folder name and info.version 0.0.0 by default, or from the options", async () => {
    expect(documents(result).openapi.info).toEqual({ title: "specs", version: "0.0.0" });
    const docs = [{ path: "a.md", text: objectDoc("A", ["id"]) }];
    const titled = await generateFromDocs(docs, { rootDir: "/x/api-docs", openapi: "o.json", jsonSchema: "s.json", info: { title: "Acme", version: "2.1.0" } }, await runtimeSource());
    expect(documents(titled).openapi.info).toEqual({ title: "Acme", version: "2.1.0" });
    expect((documents(titled).bundle as unknown as { title: string }).title).toBe("Acme");
    const untitled = await generateFromDocs(docs, { rootDir: "/x/api-docs", openapi: "o.json" }, await runtimeSource());
    expect(JSON.parse(untitled.exports[0]!.content).info).toEqual({ title: "api-docs", version: "0.0.0" });
  });
});

describe("the schema mapping", () => {
  const widget = objectDoc("Widget", [
    { name: "id", type: "*number*", description: "The id.", example: "7" },
    { name: "displayName", type: "*string*", required: false },
    { name: "createdAt", type: DATE_LINK, example: "2021-02-30T00:00:00Z" },
    { name: "day", type: "[RFCDate](../types/rfcdate.md)", required: false, example: "2024-02-29" },
    { name: "big", type: "*BigInt*", required: false, example: "12345678901234567890" },
    { name: "price", type: "*Decimal*", required: false, example: "19.99" },
    { name: "tags", type: "*string*[]", required: false },
    { name: "labels", type: "Record<string, *string*>", required: false },
    { name: "extra", type: "*any*" },
    { name: "kind", type: '*"widget"*' },
    { name: "status", type: "[Status](status.md)", required: false, example: "Activ" },
    { name: "parent", type: "[Widget](widget.md)", required: false },
    { name: "legacy", type: "*string*", required: false },
  ]).replace("`legacy`", "~~`legacy`~~");
  const docs: Doc[] = [
    { path: "widget.md", text: widget },
    { path: "status.md", text: enumDoc("Status", [["`Active`", "active"], ["`Retired`", "retired"]]) },
  ];

  const BIGINT = { anyOf: [{ type: "string", pattern: "^-?[0-9]+$" }, { type: "integer", minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER }] };
  const DECIMAL = { anyOf: [{ type: "string", pattern: "^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$" }, { type: "number" }] };
  const orNull = (schema: object) => ({ anyOf: [schema, { type: "null" }] });

  it("maps each field type to its wire schema, with wire names, required, descriptions and accepted examples", async () => {
    const { openapi, bundle } = documents(await exportDocs(docs, { wireNames: { case: "snake_case", overrides: { "widget.md": { id: "widget_id" } } } }));
    const schema = openapi.components.schemas["Widget"]!;
    const properties = schema["properties"] as Schemas;
    expect(Object.keys(properties)).toEqual(["widget_id", "display_name", "created_at", "day", "big", "price", "tags", "labels", "extra", "kind", "status", "parent", "legacy"]);
    expect(schema["required"]).toEqual(["widget_id", "created_at", "extra", "kind"]);
    expect(properties["widget_id"]).toEqual({ type: "number", description: "The id.", examples: [7] });
    // February 30 is no date the generated code accepts: the example is left out.
    expect(properties["created_at"]).toEqual({ type: "string", format: "date-time" });
    // Optional fields also take null, which the decoders read as absent (--nulls absent).
    expect(properties["display_name"]).toEqual(orNull({ type: "string" }));
    expect(properties["day"]).toEqual({ ...orNull({ type: "string", format: "date" }), examples: ["2024-02-29"] });
    // A *BigInt* is its digits or a safe integer, a *Decimal* its text or a number; null joins their anyOf.
    expect(properties["big"]).toEqual({ anyOf: [...BIGINT.anyOf, { type: "null" }], examples: ["12345678901234567890"] });
    expect(properties["price"]).toEqual({ anyOf: [...DECIMAL.anyOf, { type: "null" }], examples: ["19.99"] });
    expect(properties["tags"]).toEqual(orNull({ type: "array", items: { type: "string" } }));
    expect(properties["labels"]).toEqual(orNull({ type: "object", additionalProperties: { type: "string" } }));
    expect(properties["extra"]).toEqual({});
    expect(properties["kind"]).toEqual({ type: "string", const: "widget" });
    expect(properties["status"]).toEqual(orNull({ $ref: "#/components/schemas/Status" }));
    expect(properties["parent"]).toEqual(orNull({ $ref: "#/components/schemas/Widget" }));
    expect(properties["legacy"]).toEqual({ ...orNull({ type: "string" }), deprecated: true });
    expect(schema["additionalProperties"]).toBeUndefined();
    expect(schema["x-mdspec-doc"]).toBe("widget.md");
    expect(openapi.components.schemas["Status"]).toEqual({ title: "Status", type: "string", enum: ["active", "retired"], "x-mdspec-doc": "status.md" });
    expect((bundle.$defs["Widget"]!["properties"] as Schemas)["parent"]).toEqual(orNull({ $ref: "#/$defs/Widget" }));
  });

  it("leaves null out of optional fields under --nulls reject, whose decoders refuse it", async () => {
    const properties = documents(await exportDocs(docs, { nulls: "reject" })).openapi.components.schemas["Widget"]!["properties"] as Schemas;
    expect(properties["displayName"]).toEqual({ type: "string" });
    expect(properties["day"]).toEqual({ type: "string", format: "date", examples: ["2024-02-29"] });
    expect(properties["big"]).toEqual({ ...BIGINT, examples: ["12345678901234567890"] });
    expect(properties["price"]).toEqual({ ...DECIMAL, examples: ["19.99"] });
    expect(properties["parent"]).toEqual({ $ref: "#/components/schemas/Widget" });
    expect(properties["legacy"]).toEqual({ type: "string", deprecated: true });
  });

  it("refuses undeclared keys only under --unknown-keys strict, and keeps them in the catch-all's schema", async () => {
    const catchAll = objectDoc("Bag", ["id", { name: "additionalProperties", type: "Record<string, *number*>", required: false }]);
    for (const unknownKeys of ["strip", "passthrough", "strict"] as const) {
      const schemas = documents(await exportDocs([...docs, { path: "bag.md", text: catchAll }], { unknownKeys })).openapi.components.schemas;
      expect(schemas["Widget"]!["additionalProperties"], unknownKeys).toEqual(unknownKeys === "strict" ? false : undefined);
      // A null value of the catch-all is read as absent (--nulls absent).
      expect(schemas["Bag"]!["additionalProperties"], unknownKeys).toEqual(orNull({ type: "number" }));
      expect(Object.keys(schemas["Bag"]!["properties"] as object)).toEqual(["id"]);
    }
    const rejecting = documents(await exportDocs([{ path: "bag.md", text: catchAll }], { nulls: "reject" })).openapi.components.schemas;
    expect(rejecting["Bag"]!["additionalProperties"]).toEqual({ type: "number" });
  });

  it("lets required fields take null under --required-nulls accept, except those that take anything", async () => {
    const schema = documents(await exportDocs(docs, { requiredNulls: "accept" })).openapi.components.schemas["Widget"]!;
    const properties = schema["properties"] as Schemas;
    expect(properties["id"]).toEqual({ anyOf: [{ type: "number" }, { type: "null" }], description: "The id.", examples: [7] });
    expect(properties["extra"]).toEqual({});
    expect(properties["displayName"]).toEqual(orNull({ type: "string" }));
  });

  it("tells union members apart by a literal field (oneOf with a discriminator), else takes any member (anyOf)", async () => {
    const card = objectDoc("Card", [{ name: "type", type: '*"card"*' }, "number"]);
    const bank = objectDoc("Bank", [{ name: "type", type: '*"bank"*' }, "iban"]);
    const union = (title: string, members: readonly string[]) => `# ${title}\n\n## Supported Types\n\n${members.map((member) => `### \`${member}\`\n\n\`\`\`typescript\nconst value: ${member} = {};\n\`\`\`\n\n`).join("")}`;
    const tagged = [
      { path: "card.md", text: card },
      { path: "bank.md", text: bank },
      { path: "payment.md", text: union("Payment", ["models.Card", "models.Bank"]) },
      { path: "loose.md", text: union("Loose", ["models.Card", "string"]) },
    ];
    const result = await exportDocs(tagged);
    const { openapi, bundle } = documents(result);
    expect(openapi.components.schemas["Payment"]).toEqual({
      title: "Payment",
      oneOf: [{ $ref: "#/components/schemas/Card" }, { $ref: "#/components/schemas/Bank" }],
      discriminator: { propertyName: "type", mapping: { card: "#/components/schemas/Card", bank: "#/components/schemas/Bank" } },
      "x-mdspec-doc": "payment.md",
    });
    expect(bundle.$defs["Payment"]!["oneOf"]).toEqual([{ $ref: "#/$defs/Card" }, { $ref: "#/$defs/Bank" }]);
    expect(bundle.$defs["Payment"]!["discriminator"]).toBeUndefined();
    expect(openapi.components.schemas["Loose"]!["anyOf"]).toEqual([{ $ref: "#/components/schemas/Card" }, { type: "string" }]);
    // Under --required-nulls accept the tag may be null, so it no longer tells the members apart.
    const nullable = documents(await exportDocs(tagged, { requiredNulls: "accept" })).openapi.components.schemas["Payment"]!;
    expect(nullable["anyOf"]).toHaveLength(2);
  });

  it("declares an open enum as its values or any string, marking the open member", async () => {
    const open = "# Level\n\n## Values\n\nThis is an open enum. Unrecognized values will be captured as the `Unrecognized<string>` branded type.\n\n| Name | Value |\n| --- | --- |\n| `Low` | low |\n| - | `Unrecognized<string>` |\n";
    const result = await exportDocs([{ path: "level.md", text: open }]);
    const schema = documents(result).openapi.components.schemas["Level"]!;
    expect(result.schema.models[0]).toMatchObject({ kind: "enum", open: "string" });
    expect(schema["anyOf"]).toEqual([{ type: "string", enum: ["low"] }, { type: "string", "x-mdspec-unrecognized": true }]);
  });

  it("keys models that share a name by their folder, and refers to them by that key", async () => {
    const result = await exportDocs([
      { path: "a/error.md", text: objectDoc("Error", ["code"]) },
      { path: "b/error.md", text: objectDoc("Error", ["message"]) },
      { path: "b/holder.md", text: objectDoc("Holder", [{ name: "error", type: "[Error](error.md)" }]) },
    ]);
    const schemas = documents(result).openapi.components.schemas;
    expect(Object.keys(schemas)).toEqual(["Holder", "a.Error", "b.Error"]);
    expect((schemas["Holder"]!["properties"] as Schemas)["error"]).toEqual({ $ref: "#/components/schemas/b.Error" });
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code === "MDS401").map((diagnostic) => `${diagnostic.file}:${diagnostic.line} ${diagnostic.severity}`)).toEqual([
      "a/error.md:1 warning",
      "b/error.md:1 warning",
    ]);
  });

  it("validates values as the generated decoders do, for the constructs above (ajv on the bundle)", async () => {
    const result = await exportDocs(docs, { unknownKeys: "strict" });
    const ajv = bundleAjv(result.exports.find((file) => file.kind === "json-schema")!.content);
    const validate = ajv.getSchema("models#/$defs/Widget")!;
    const base = { id: 1, createdAt: "2024-01-02T03:04:05Z", extra: null, kind: "widget" };
    expect(validate(base)).toBe(true);
    expect(validate({ ...base, parent: { ...base, status: "active", big: "-12" } })).toBe(true);
    expect(validate({ ...base, parent: { ...base, status: "gone" } })).toBe(false);
    expect(validate({ ...base, kind: "gadget" })).toBe(false);
    expect(validate({ ...base, createdAt: "2021-02-30T00:00:00Z" })).toBe(false);
    expect(validate({ ...base, price: "01.5" })).toBe(false);
    // Numbers for *BigInt* (safe integers) and *Decimal* (finite), null in an optional field.
    expect(validate({ ...base, big: -12, price: 19.99, parent: null, tags: null, status: null })).toBe(true);
    expect(validate({ ...base, big: 1.5 })).toBe(false);
    expect(validate({ ...base, big: 2 ** 53 })).toBe(false);
    expect(validate({ ...base, big: Number.MAX_SAFE_INTEGER })).toBe(true);
    expect(validate({ ...base, id: null })).toBe(false);
    expect(validate({ ...base, tags: [null] })).toBe(false);
    expect(validate({ ...base, surprise: 1 })).toBe(false);
    const { extra: _extra, ...missing } = base;
    expect(validate(missing)).toBe(false);
  });

  it("gives openapi-typescript types equal to the generated wire types (also under other options), and the check sees any schema that says otherwise", async () => {
    const more: Doc[] = [
      ...docs,
      { path: "level.md", text: "# Level\n\n## Values\n\nThis is an open enum. Unrecognized values will be captured as the `Unrecognized<string>` branded type.\n\n| Name | Value |\n| --- | --- |\n| `Low` | low |\n| - | `Unrecognized<string>` |\n" },
      { path: "empty.md", text: "# Empty\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n" },
      { path: "reply.md", text: objectDoc("Reply", [{ name: "level", type: "[Level](level.md)" }, { name: "raw", type: "[Response](https://developer.mozilla.org/en-US/docs/Web/API/Response)", required: false }, { name: "empty", type: "[Empty](empty.md)", required: false }]) },
      // A catch-all of typed values beside declared fields: the documented transform widens the
      // index signature as the generated interface does.
      { path: "bag.md", text: objectDoc("Bag", ["id", { name: "count", type: "*BigInt*", required: false }, { name: "additionalProperties", type: "Record<string, [Widget](widget.md)>", required: false }]) },
    ];
    const card = objectDoc("Card", [{ name: "type", type: '*"card"*' }, "cardNumber"]);
    const bank = objectDoc("Bank", [{ name: "type", type: '*"bank"*' }, { name: "iban", required: false }]);
    const payment = "# Payment\n\n## Supported Types\n\n### `models.Card`\n\n### `models.Bank`\n\n### `string`\n";
    const tagged = [...more, { path: "card.md", text: card }, { path: "bank.md", text: bank }, { path: "payment.md", text: payment }];
    const options = { wireNames: { case: "snake_case", overrides: {} }, requiredNulls: "accept", unknownKeys: "strict" } as const;
    const withOptions = await generateToTemp(tagged, { ...options, openapi: "openapi.json" }, "/project/docs");
    try {
      expect(await checkTypeAgreement(withOptions.dir, withOptions.schema.models, withOptions.exports[0]!.content)).toEqual({ checked: 9, skipped: [], failures: [], notAssignableToWire: [] });
    } finally {
      withOptions.cleanup();
    }
    const output = await generateToTemp(more, { openapi: "openapi.json" }, "/project/docs");
    try {
      const document = output.exports[0]!.content;
      expect(await checkTypeAgreement(output.dir, output.schema.models, document)).toEqual({ checked: 6, skipped: [], failures: [], notAssignableToWire: [] });
      const tampered = JSON.parse(document) as { components: { schemas: Schemas } };
      (tampered.components.schemas["Widget"]!["properties"] as Schemas)["id"] = { type: "string" };
      (tampered.components.schemas["Reply"]!["required"] as string[]).pop();
      tampered.components.schemas["Level"] = { type: "string", enum: ["low"], "x-mdspec-doc": "level.md" };
      tampered.components.schemas["Bag"]!["additionalProperties"] = { type: "string" };
      const found = await checkTypeAgreement(output.dir, output.schema.models, JSON.stringify(tampered));
      expect(found.failures).toEqual(["bag.md", "level.md", "reply.md", "widget.md"]);
    } finally {
      output.cleanup();
    }
  });

  it("is built from the IR alone: src/export imports nothing but the IR and the option types", () => {
    for (const name of readdirSync(join(ROOT, "src/export"))) {
      const source = readFileSync(join(ROOT, "src/export", name), "utf8");
      for (const [, specifier] of source.matchAll(/^import[^"]*"([^"]+)";$/gm)) {
        expect(specifier === "../emit/options.js" ? /^import type /m.test(source) : /^\.\.\/ir\/|^\.\//.test(specifier!), `${name} imports ${specifier}`).toBe(true);
      }
    }
  });

  it("writes no document when a doc has an error", async () => {
    const result = await generateFromDocs([{ path: "a.md", text: objectDoc("A", [{ name: "x", type: "[B](b.md)" }]) }], { ...EXPORTS, rootDir: "/docs" }, await runtimeSource());
    expect(result.diagnostics.some((diagnostic) => diagnostic.severity === "error")).toBe(true);
    expect(result.exports).toEqual([]);
  });
});
