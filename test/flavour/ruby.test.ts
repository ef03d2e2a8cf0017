import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import type { Field, Model } from "../../src/ir/types.js";
import { parseDoc } from "../../src/parse/doc.js";
import { fieldsDoc, onlyFieldOf, parseAs, shape } from "./support.js";
import { ROOT } from "../helpers.js";

function parseRuby(text: string, path = "shared/thing.md"): { model: Model | null; codes: string[] } {
  return parseAs("ruby", text, path);
}

function onlyField(type: string, required: boolean): Field {
  return onlyFieldOf("ruby", "shared/thing.md", "value", type, required);
}

const string = { kind: "primitive", name: "string" };
const number = { kind: "primitive", name: "number" };
const link = (url: string, text: string) => ({ kind: "ref", via: { form: "link", url, text }, target: null });
const DATE = "https://ruby-doc.org/stdlib-2.6.1/libdoc/date/rdoc/Date.html";
const DATETIME = "https://ruby-doc.org/stdlib-2.6.1/libdoc/date/rdoc/DateTime.html";

describe("Ruby docs: Type cells", () => {
  const cases: readonly [string, boolean, unknown, boolean][] = [
    ["*::String*", true, string, false],
    ["*::Integer*", true, number, false],
    ["*::Float*", true, number, false],
    ["*T::Boolean*", true, { kind: "primitive", name: "boolean" }, false],
    ["*::Object*", false, { kind: "primitive", name: "any" }, false],
    ["*::BigDecimal*", true, { kind: "primitive", name: "decimal" }, false],
    // `T.nilable` is an optional field, or, on a required one, a nullable field.
    ["*T.nilable(::String)*", false, string, false],
    ["*T.nilable(::String)*", true, string, true],
    ["T::Array<*::Integer*>", false, { kind: "array", element: number }, false],
    ["T::Array[*::Integer*]", false, { kind: "array", element: number }, false],
    ["T::Hash[Symbol, *::Object*]", false, { kind: "record", value: { kind: "primitive", name: "any" } }, false],
    ["T::Hash[Symbol, T::Array<*::String*>]", false, { kind: "record", value: { kind: "array", element: string } }, false],
    ["*T.nilable(T.any(::String, ::Integer))*", false, { kind: "union", members: [string, number] }, false],
    // The link texts of the two date classes are swapped.
    [`[Date](${DATE})`, true, { kind: "date-time" }, false],
    [`[DateTime](${DATETIME})`, true, { kind: "date" }, false],
    [`T::Array<[DateTime](${DATETIME})>`, false, { kind: "array", element: { kind: "date" } }, false],
    ["[Faraday::Response](https://www.rubydoc.info/gems/faraday/Faraday/Response)", true, { kind: "external", name: "Response" }, false],
    ["[::OpenApiSDK::Shared::Pet](../../models/shared/pet.md)", true, link("../../models/shared/pet.md", "::OpenApiSDK::Shared::Pet"), false],
    ["[T.nilable(Models::Shared::Pet)](../../models/shared/pet.md)", true, link("../../models/shared/pet.md", "T.nilable(Models::Shared::Pet)"), true],
    [
      "T::Hash[Symbol, [::OpenApiSDK::Shared::Pet](../../models/shared/pet.md)]",
      false,
      { kind: "record", value: link("../../models/shared/pet.md", "::OpenApiSDK::Shared::Pet") },
      false,
    ],
    [
      "[T.nilable(T.any(::String, T::Array[::String]))](../../models/operations/tagids.md)",
      false,
      link("../../models/operations/tagids.md", "T.nilable(T.any(::String, T::Array[::String]))"),
      false,
    ],
    ["*::OpenApiSDK::Shared::Pet*", true, { kind: "ref", via: { form: "name", namespace: "shared", name: "Pet" }, target: null }, false],
  ];
  for (const [cell, required, type, nullable] of cases) {
    it(`reads ${cell}${required ? " (required)" : ""}${nullable ? " as nullable" : ""}`, () => {
      const field = onlyField(cell, required);
      expect(shape(field.type)).toEqual(type);
      expect(field.nullable).toBe(nullable);
    });
  }

  it("reports a type outside the grammar with the cell's position", () => {
    const parsed = parseDoc("shared/thing.md", fieldsDoc([["value", "T::Hash[::Integer, *::String*]", true]]), "ruby");
    expect(parsed.model).toBeNull();
    expect(parsed.diagnostics).toMatchObject([{ code: "MDS105", line: 8, column: 21, message: expect.stringContaining("T::Hash key") }]);
  });
});

describe("Ruby docs: names", () => {
  it("turns snake_case attributes back into camelCase and drops the reserved-word suffix", () => {
    const { model } = parseRuby(fieldsDoc([["status_code", "*::Integer*", true], ["int_", "*::Integer*", false]]));
    expect(model?.kind === "object" && model.fields.map((field) => [field.docName, field.name])).toEqual([
      ["status_code", "statusCode"],
      ["int_", "int"],
    ]);
  });

  it("names models as the TypeScript SDK does", () => {
    expect(parseRuby(fieldsDoc([], "Object"), "shared/object.md").model).toMatchObject({ title: "ObjectT", docTitle: "Object" });
  });

  it("turns SCREAMING_SNAKE enum names into PascalCase", () => {
    const text = "# Type\n\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `WEBHOOK_CREATED` | webhook.created |\n| `FOUR_AND_MORE` | four_and_more |\n";
    expect(parseRuby(text).model).toMatchObject({
      kind: "enum",
      members: [
        { name: "WebhookCreated", value: "webhook.created" },
        { name: "FourAndMore", value: "four_and_more" },
      ],
    });
  });
});

describe("Ruby docs: unions and responses", () => {
  it("reads a title-only doc as an opaque model, with a warning that its members are lost", () => {
    const parsed = parseDoc("shared/value.md", "# Value\n\n", "ruby");
    expect(parsed.model).toMatchObject({ kind: "opaque", title: "Value" });
    expect(parsed.diagnostics).toMatchObject([{ severity: "warning", code: "MDS130", message: expect.stringContaining("members are lost") }]);
  });

  it("turns an operation response into the TypeScript SDK's body", () => {
    const response = fieldsDoc(
      [
        ["content_type", "*::String*", true],
        ["status_code", "*::Integer*", true],
        ["raw_response", "[Faraday::Response](https://www.rubydoc.info/gems/faraday/Faraday/Response)", true],
        ["res", "[T.nilable(::OpenApiSDK::Operations::ListRes)](../../models/operations/listres.md)", false],
      ],
      "ListResponse",
    );
    const { model } = parseRuby(response, "operations/listresponse.md");
    expect(model?.kind === "object" && model.fields.map((field) => [field.name, field.required, field.docName])).toEqual([["result", true, "res"]]);
  });
});

describe("specs/ruby", () => {
  it("generates with no error, each doc read as Ruby, dates unswapped and nullable fields as declared", { timeout: 60_000 }, async () => {
    const result = await generate({ input: join(ROOT, "specs", "ruby"), parseWorker: false });
    expect(result.schema.flavours).toEqual({ ".": "ruby" });
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.file} ${diagnostic.code}`)).toEqual(["warning models/shared/customerref.md MDS130"]);
    const invoice = result.files.find((file) => file.path === "models/shared/invoice.ts")!.content;
    expect(invoice).toContain("  memo: string | null;\n");
    expect(invoice).toContain("  issuedOn: DateOnly;\n");
    expect(invoice).toContain("  createdAt: Date;\n");
    expect(invoice).toContain("  reference?: string | number | undefined;\n");
  });
});
