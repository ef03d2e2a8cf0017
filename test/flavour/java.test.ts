import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import type { Field, Model } from "../../src/ir/types.js";
import { parseDoc } from "../../src/parse/doc.js";
import { fieldsDoc, onlyFieldOf, parseAs, shape } from "./support.js";
import { ROOT } from "../helpers.js";

function parseJava(text: string, path = "shared/Thing.md"): { model: Model | null; codes: string[] } {
  return parseAs("java", text, path);
}

function onlyField(type: string, required: boolean): Field {
  return onlyFieldOf("java", "shared/Thing.md", "value", type, required);
}

const string = { kind: "primitive", name: "string" };
const number = { kind: "primitive", name: "number" };
const link = (url: string, text: string) => ({ kind: "ref", via: { form: "link", url, text }, target: null });

describe("Java docs: Type cells", () => {
  const cases: readonly [string, boolean, unknown, boolean][] = [
    ["*String*", true, string, false],
    ["*long*", true, number, false],
    ["*Long*", true, number, false],
    ["*int*", true, number, false],
    ["*double*", true, number, false],
    ["*float*", true, number, false],
    ["*boolean*", true, { kind: "primitive", name: "boolean" }, false],
    ["*Object*", false, { kind: "primitive", name: "any" }, false],
    ["*BigInteger*", true, { kind: "primitive", name: "bigint" }, false],
    ["*BigDecimal*", true, { kind: "primitive", name: "decimal" }, false],
    ["*byte[]*", true, { kind: "external", name: "Uint8Array" }, false],
    ["*Optional\\<InputStream>*", false, { kind: "external", name: "ReadableStream<Uint8Array>" }, false],
    // `Optional` is an optional field, or, on a required one, a nullable field.
    ["*Optional\\<String>*", false, string, false],
    ["*Optional\\<String>*", true, string, true],
    ["*JsonNullable\\<Long>*", false, number, true],
    ["List\\<*String*>", false, { kind: "array", element: string }, false],
    ["Map\\<String, *Object*>", false, { kind: "record", value: { kind: "primitive", name: "any" } }, false],
    ["Map\\<String, List\\\\<*long*>>", false, { kind: "record", value: { kind: "array", element: number } }, false],
    ["List\\<List\\\\<[Pet](../../models/shared/Pet.md)>>", false, { kind: "array", element: { kind: "array", element: link("../../models/shared/Pet.md", "Pet") } }, false],
    ["[LocalDate](https://docs.oracle.com/javase/8/docs/api/java/time/LocalDate.html)", true, { kind: "date" }, false],
    ["[OffsetDateTime](https://docs.oracle.com/javase/8/docs/api/java/time/OffsetDateTime.html)", true, { kind: "date-time" }, false],
    [
      "[HttpResponse\\<InputStream>](https://docs.oracle.com/en/java/javase/11/docs/api/java.net.http/java/net/http/HttpResponse.html)",
      true,
      { kind: "external", name: "Response" },
      false,
    ],
    ["[Pet](../../models/shared/Pet.md)", true, link("../../models/shared/Pet.md", "Pet"), false],
    ["[Optional\\<Pet>](../../models/shared/Pet.md)", true, link("../../models/shared/Pet.md", "Optional\\<Pet>"), true],
    ["[JsonNullable\\<Pet>](../../models/shared/Pet.md)", false, link("../../models/shared/Pet.md", "JsonNullable\\<Pet>"), true],
    ["[org.openapis.openapi.models.shared.Pet](../../models/shared/Pet.md)", true, link("../../models/shared/Pet.md", "org.openapis.openapi.models.shared.Pet"), false],
    ["*Optional\\<EventStream\\<ChatEvent>>*", false, { kind: "event-stream", event: { kind: "ref", via: { form: "name", namespace: null, name: "ChatEvent" }, target: null } }, false],
  ];
  for (const [cell, required, type, nullable] of cases) {
    it(`reads ${cell}${required ? " (required)" : ""}${nullable ? " as nullable" : ""}`, () => {
      const field = onlyField(cell, required);
      expect(shape(field.type)).toEqual(type);
      expect(field.nullable).toBe(nullable);
    });
  }

  it("reports a type outside the grammar with the cell's position", () => {
    const parsed = parseDoc("shared/Thing.md", fieldsDoc([["value", "*List\\<String, Long>*", true]]), "java");
    expect(parsed.model).toBeNull();
    expect(parsed.diagnostics).toMatchObject([{ code: "MDS105", line: 8, column: 14, message: expect.stringContaining("List<…> takes 1 type argument") }]);
  });

  it("reports a link to Java documentation of a type it does not know", () => {
    const parsed = parseDoc("shared/Thing.md", fieldsDoc([["value", "[Duration](https://docs.oracle.com/javase/8/docs/api/java/time/Duration.html)", true]]), "java");
    expect(parsed.model).toBeNull();
    expect(parsed.diagnostics).toMatchObject([{ code: "MDS105", message: expect.stringContaining("names no known type") }]);
  });
});

describe("Java docs: names", () => {
  it("keeps camelCase field names and drops the suffix of reserved words", () => {
    const { model } = parseJava(fieldsDoc([["firstCallAt", "*String*", true], ["int_", "*long*", false], ["default_", "*String*", false]]));
    expect(model?.kind === "object" && model.fields.map((field) => [field.docName, field.name])).toEqual([
      ["firstCallAt", "firstCallAt"],
      ["int_", "int"],
      ["default_", "default"],
    ]);
  });

  it("names models as the TypeScript SDK does", () => {
    expect(parseJava(fieldsDoc([], "Error"), "errors/Error.md").model).toMatchObject({ title: "ErrorT", docTitle: "Error" });
    expect(parseJava(fieldsDoc([], "Invoice")).model).not.toHaveProperty("docTitle");
  });

  it("turns SCREAMING_SNAKE enum names into PascalCase and keeps Pascal ones", () => {
    const text = "# Status\n\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `IN_PROGRESS` | in_progress |\n| `ThirdA` | Ex-aequo |\n";
    expect(parseJava(text).model).toMatchObject({
      kind: "enum",
      open: null,
      members: [
        { name: "InProgress", value: "in_progress" },
        { name: "ThirdA", value: "Ex-aequo" },
      ],
    });
  });

  it("reads an enum as open when its Example Usage says to use .of()", () => {
    const usage = (kind: string) =>
      `# Status\n\n## Example Usage\n\n\`\`\`java\nStatus value = Status.FIRST;\n\n// Open enum: use .of() to create instances from custom ${kind} values\nStatus custom = Status.of(999);\n\`\`\`\n\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| \`FIRST\` | 1 |\n`;
    expect(parseJava(usage("string")).model).toMatchObject({ kind: "enum", open: "string" });
    expect(parseJava(usage("integer")).model).toMatchObject({ kind: "enum", open: "number" });
  });
});

describe("Java docs: unions and responses", () => {
  it("reads a title-only doc as an opaque model, with a warning that its members are lost", () => {
    const parsed = parseDoc("shared/ConnectionValue.md", "# ConnectionValue\n\n", "java");
    expect(parsed.model).toMatchObject({ kind: "opaque", title: "ConnectionValue" });
    expect(parsed.diagnostics).toMatchObject([{ severity: "warning", code: "MDS130", line: 1, message: expect.stringContaining("members are lost") }]);
  });

  it("reads the members of a union doc, should one list them", () => {
    const { model, codes } = parseJava("# Value\n\n## Supported Types\n\n### `String`\n\n### `List\\<Long>`\n\n### Pet\n");
    expect(codes).toEqual([]);
    expect(model?.kind === "union" && model.members.map((member) => shape(member.type))).toEqual([
      string,
      { kind: "array", element: number },
      { kind: "ref", via: { form: "name", namespace: null, name: "Pet" }, target: null },
    ]);
  });

  it("turns an operation response into the TypeScript SDK's: headers and the body as result", () => {
    const response = fieldsDoc(
      [
        ["contentType", "*String*", true],
        ["statusCode", "*int*", true],
        ["rawResponse", "[HttpResponse\\<InputStream>](https://docs.oracle.com/en/java/javase/11/docs/api/java.net.http/java/net/http/HttpResponse.html)", true],
        ["headers", "Map\\<String, List\\\\<*String*>>", true],
        ["res", "[Optional\\<ListRes>](../../models/operations/ListRes.md)", false],
      ],
      "ListResponse",
    );
    const { model } = parseJava(response, "operations/ListResponse.md");
    expect(model?.kind === "object" && model.fields.map((field) => [field.name, field.required, field.type.kind])).toEqual([
      ["headers", true, "record"],
      ["result", true, "ref"],
    ]);
  });

  it("turns a response with two bodies and no headers into their union, and drops an error's raw response", () => {
    const envelope: [string, string, boolean][] = [
      ["contentType", "*String*", true],
      ["statusCode", "*int*", true],
      ["rawResponse", "[HttpResponse\\<InputStream>](https://docs.oracle.com/x.html)", true],
    ];
    const union = parseJava(fieldsDoc([...envelope, ["res", "*Optional\\<String>*", false], ["pet", "[Optional\\<Pet>](Pet.md)", false]], "GetResponse"));
    expect(union.model?.kind === "union" && union.model.members.map((member) => member.type.kind)).toEqual(["primitive", "ref"]);
    const error = parseJava(fieldsDoc([["message", "*String*", true], envelope[2]!], "NotFound"), "errors/NotFound.md");
    expect(error.model?.kind === "object" && error.model.fields.map((field) => field.name)).toEqual(["message"]);
  });
});

describe("specs/java", () => {
  it("generates with no error, each doc read as Java, the reshaped response and the nullable fields as declared", { timeout: 60_000 }, async () => {
    const result = await generate({ input: join(ROOT, "specs", "java"), parseWorker: false });
    expect(result.schema.flavours).toEqual({ ".": "java" });
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity !== "warning")).toEqual([]);
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.file} ${diagnostic.code}`)).toEqual(["models/shared/CustomerRef.md MDS130"]);
    const invoice = result.files.find((file) => file.path === "models/shared/Invoice.ts")!.content;
    expect(invoice).toContain("  memo: string | null;\n");
    expect(invoice).toContain("  discount?: Decimal | number | null | undefined;\n");
    expect(invoice).toContain("  default?: boolean | undefined;\n");
    const response = result.files.find((file) => file.path === "models/operations/GetInvoiceResponse.ts")!.content;
    expect(response).toContain("export interface GetInvoiceResponse {\n  headers: { [key: string]: string[] };\n  /** OK */\n  result: Invoice;\n}");
  });
});
