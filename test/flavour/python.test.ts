import { describe, expect, it } from "vitest";
import type { Field, Model } from "../../src/ir/types.js";
import { parseDoc } from "../../src/parse/doc.js";
import { fieldsDoc, onlyFieldOf, parseAs, shape } from "./support.js";

function parsePython(text: string, path = "components/thing.md"): { model: Model | null; codes: string[] } {
  return parseAs("python", text, path);
}

function onlyField(type: string, required = true): Field {
  return onlyFieldOf("python", "components/thing.md", "value", type, required);
}

describe("Python docs: Type cells", () => {
  const cases: readonly [string, unknown, boolean][] = [
    ["*str*", { kind: "primitive", name: "string" }, false],
    ["*int*", { kind: "primitive", name: "number" }, false],
    ["*float*", { kind: "primitive", name: "number" }, false],
    ["*bool*", { kind: "primitive", name: "boolean" }, false],
    ["*Any*", { kind: "primitive", name: "any" }, false],
    ["*Decimal*", { kind: "primitive", name: "decimal" }, false],
    ["*Optional[str]*", { kind: "primitive", name: "string" }, false],
    ["*Nullable[int]*", { kind: "primitive", name: "number" }, true],
    ["*OptionalNullable[bool]*", { kind: "primitive", name: "boolean" }, true],
    ['*Literal["tag1"]*', { kind: "literal", value: "tag1" }, false],
    ["*Literal[True]*", { kind: "literal", value: true }, false],
    ["*Literal[123]*", { kind: "literal", value: 123 }, false],
    ["*Nullable[Literal[None]]*", { kind: "literal", value: null }, true],
    ["List[*str*]", { kind: "array", element: { kind: "primitive", name: "string" } }, false],
    ["Dict[str, List[*int*]]", { kind: "record", value: { kind: "array", element: { kind: "primitive", name: "number" } } }, false],
    ["[date](https://docs.python.org/3/library/datetime.html#date-objects)", { kind: "date-time" }, false],
    ["[datetime](https://docs.python.org/3/library/datetime.html#datetime-objects)", { kind: "date" }, false],
    [
      "[Nullable[components.Domain]](../../models/components/domain.md)",
      { kind: "ref", via: { form: "link", url: "../../models/components/domain.md", text: "Nullable[components.Domain]" }, target: null },
      true,
    ],
    [
      "List[[components.Domain](../../models/components/domain.md)]",
      { kind: "array", element: { kind: "ref", via: { form: "link", url: "../../models/components/domain.md", text: "components.Domain" }, target: null } },
      false,
    ],
    ["*Optional[shared.Thing]*", { kind: "ref", via: { form: "name", namespace: "shared", name: "Thing" }, target: null }, false],
    [
      "*Union[eventstreaming.EventStream[models.Event], eventstreaming.EventStreamAsync[models.Event]]*",
      { kind: "event-stream", event: { kind: "ref", via: { form: "name", namespace: "models", name: "Event" }, target: null } },
      false,
    ],
  ];
  for (const [cell, type, nullable] of cases) {
    it(`reads ${cell}${nullable ? " as nullable" : ""}`, () => {
      const field = onlyField(cell);
      expect(shape(field.type)).toEqual(type);
      expect(field.nullable).toBe(nullable);
    });
  }

  it("reads an integer constant beyond the safe range as BigInt, with a warning, never as a rounded number", () => {
    const { model, codes } = parsePython(fieldsDoc([["big", "*Literal[9223372036854775807]*", true], ["safe", "*Literal[9007199254740991]*", true]]));
    if (model?.kind !== "object") throw new Error("not an object doc");
    expect(shape(model.fields[0]!.type)).toEqual({ kind: "primitive", name: "bigint" });
    expect(shape(model.fields[1]!.type)).toEqual({ kind: "literal", value: 9007199254740991 });
    expect(codes).toEqual(["warning MDS130"]);
  });

  it("reports a type outside the grammar with the cell's position", () => {
    const text = fieldsDoc([["value", "*Tuple[str, int]*", true]]);
    const parsed = parseDoc("components/thing.md", text, "python");
    expect(parsed.model).toBeNull();
    expect(parsed.diagnostics).toMatchObject([{ code: "MDS105", line: 8, column: 14, message: expect.stringContaining("Tuple") }]);
  });

  it("reads Python's own date types in a union heading unswapped", () => {
    const text = "# When\n\n## Supported Types\n\n### `datetime`\n\n```python\nvalue: datetime = /* values here */\n```\n\n### `date`\n";
    const { model, codes } = parsePython(text);
    expect(codes).toEqual([]);
    expect(model?.kind === "union" && model.members.map((member) => member.type.kind)).toEqual(["date-time", "date"]);
  });
});

describe("Python docs: names", () => {
  it("turns snake_case attributes back into camelCase and drops the reserved-word suffix", () => {
    const { model } = parsePython(fieldsDoc([["connector_id", "*str*", true], ["json_", "*str*", false], ["_private", "*str*", false]]));
    expect(model?.kind === "object" && model.fields.map((field) => [field.docName, field.name])).toEqual([
      ["connector_id", "connectorId"],
      ["json_", "json"],
      ["_private", "_private"],
    ]);
  });

  it("reads __pydantic_extra__ as the model's catch-all", () => {
    const { model } = parsePython(fieldsDoc([["name", "*str*", true], ["__pydantic_extra__", "Dict[str, *int*]", false]]));
    if (model?.kind !== "object") throw new Error("not an object doc");
    expect(model.fields.map((field) => field.name)).toEqual(["name"]);
    expect(model.additionalProperties?.name).toBe("additionalProperties");
  });

  it("declares a file upload as the TypeScript SDK does, without the Python SDK's own content_type", () => {
    const file = fieldsDoc([
      ["file_name", "*str*", true],
      ["content", "*Union[bytes, IO[bytes], io.BufferedReader]*", true],
      ["content_type", "*Optional[str]*", false],
    ]);
    const { model, codes } = parsePython(file);
    if (model?.kind !== "object") throw new Error("not an object doc");
    expect(model.fields.map((field) => field.name)).toEqual(["fileName", "content"]);
    expect(codes).toEqual([]);
    // A model that merely has a content_type field keeps it.
    const other = parsePython(fieldsDoc([["content", "*str*", true], ["content_type", "*Optional[str]*", false]])).model;
    if (other?.kind !== "object") throw new Error("not an object doc");
    expect(other.fields.map((field) => field.name)).toEqual(["content", "contentType"]);
  });

  it("names models as the TypeScript SDK does: its T suffix added, Python's removed", () => {
    expect(parsePython("# Error\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n").model).toMatchObject({ title: "ErrorT", docTitle: "Error" });
    expect(parsePython("# AnyT\n\n## Supported Types\n\n### `str`\n").model).toMatchObject({ title: "Any", docTitle: "AnyT" });
    expect(parsePython("# Account\n\n## Supported Types\n\n### `str`\n").model).not.toHaveProperty("docTitle");
  });

  it("turns SCREAMING_SNAKE enum names into PascalCase", () => {
    const text = "# Status\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `IN_PROGRESS` | in_progress |\n| `DONE` | done |\n";
    const { model } = parsePython(text);
    expect(model?.kind === "enum" && model.members.map((member) => [member.name, member.value])).toEqual([
      ["InProgress", "in_progress"],
      ["Done", "done"],
    ]);
  });
});

describe("Python docs: open enums", () => {
  it("reads the bullet list of an open enum, with names derived from the values", () => {
    const text = '# Endpoint\n\n## Values\n\nThis is an open enum. Unrecognized values will not fail type checks.\n\n- `"/v1/chat"`\n- `"/v1/ocr"`\n';
    const { model, codes } = parsePython(text);
    expect(codes).toEqual([]);
    expect(model).toMatchObject({ kind: "enum", open: "string", namedMembers: false, members: [{ name: "V1Chat", value: "/v1/chat" }, { name: "V1Ocr", value: "/v1/ocr" }] });
  });

  it("reads a list of numbers as an open number enum", () => {
    const text = "# Width\n\n## Values\n\nThis is an open enum. Unrecognized values will not fail type checks.\n\n- `480`\n- `720`\n";
    expect(parsePython(text).model).toMatchObject({ kind: "enum", open: "number", members: [{ value: 480 }, { value: 720 }] });
  });

  it("reports a list item that is not a JSON value", () => {
    const text = "# Width\n\n## Values\n\n- `480`\n- wide\n";
    const parsed = parseDoc("components/width.md", text, "python");
    expect(parsed.model).toBeNull();
    expect(parsed.diagnostics).toMatchObject([{ code: "MDS111", line: 6, column: 1 }]);
  });
});
