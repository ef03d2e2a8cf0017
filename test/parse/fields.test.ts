import { describe, expect, it } from "vitest";
import type { Model } from "../../src/ir/types.js";
import { parseFixture } from "../helpers.js";
import { fixtureText, lineSpan, spanIn } from "./positions.js";

describe("object docs: full IR", () => {
  it("reads a v1 (Census seed) doc: two blank lines, 5 columns, link, date, examples", () => {
    const text = fixtureText("object-census");
    const { model, diagnostics } = parseFixture("object-census");
    expect(diagnostics).toEqual([]);
    const expected: Model = {
      kind: "object",
      additionalProperties: null,
      id: "fixture/object-census.md",
      title: "SyncRun",
      deprecated: false,
      description: "Information about a sync run.",
      exampleUsage: null,
      span: lineSpan(text, 1),
      fields: [
        {
          name: "id",
          docName: "id",
          type: { kind: "primitive", name: "number", span: spanIn(text, 11, 10, 8) },
          required: true,
          nullable: false,
          deprecated: false,
          description: "The run id.",
          example: "42",
          span: lineSpan(text, 11),
        },
        {
          name: "status",
          docName: "status",
          type: {
            kind: "ref",
            via: { form: "link", url: "../../models/shared/syncrunstatus.md", text: "models.SyncRunStatus" },
            target: null,
            span: spanIn(text, 12, 14, 60),
          },
          required: false,
          nullable: false,
          deprecated: false,
          description: null,
          example: null,
          span: lineSpan(text, 12),
        },
        {
          name: "createdAt",
          docName: "createdAt",
          type: { kind: "date-time", span: spanIn(text, 13, 17, 93) },
          required: false,
          nullable: false,
          deprecated: false,
          description: "When it started.\nUTC.",
          example: "2021-10-20T02:52:29.234Z",
          span: lineSpan(text, 13),
        },
      ],
    };
    expect(model).toEqual(expected);
  });

  it("reads a Zod-era doc: description, Example Usage, padded 4-column table, array", () => {
    const text = fixtureText("object-zod");
    const { model, diagnostics } = parseFixture("object-zod");
    expect(diagnostics).toEqual([]);
    const expected: Model = {
      kind: "object",
      additionalProperties: null,
      id: "fixture/object-zod.md",
      title: "Pet",
      deprecated: false,
      description: "A pet in the store.",
      exampleUsage: 'import { Pet } from "petstore/models/components";\n\nlet value: Pet = {\n  name: "Rex",\n};',
      span: lineSpan(text, 1),
      fields: [
        {
          name: "name",
          docName: "name",
          type: { kind: "primitive", name: "string", span: spanIn(text, 19, 24, 8) },
          required: true,
          nullable: false,
          deprecated: false,
          description: "The pet's name.",
          example: null,
          span: lineSpan(text, 19),
        },
        {
          name: "tags",
          docName: "tags",
          type: {
            kind: "array",
            element: { kind: "primitive", name: "string", span: spanIn(text, 20, 24, 8) },
            span: spanIn(text, 20, 24, 10),
          },
          required: false,
          nullable: false,
          deprecated: false,
          description: null,
          example: null,
          span: lineSpan(text, 20),
        },
      ],
    };
    expect(model).toEqual(expected);
  });

  it("reads an empty object (header and separator, no rows)", () => {
    const text = fixtureText("object-empty");
    const { model, diagnostics } = parseFixture("object-empty");
    expect(diagnostics).toEqual([]);
    const expected: Model = {
      kind: "object",
      additionalProperties: null,
      id: "fixture/object-empty.md",
      title: "Credentials",
      deprecated: false,
      description: null,
      exampleUsage: null,
      span: lineSpan(text, 1),
      fields: [],
    };
    expect(model).toEqual(expected);
  });
});

describe("object docs: rows and cells", () => {
  it("reads a deprecated title, the deprecation blockquote and a deprecated field", () => {
    const { model, diagnostics } = parseFixture("object-deprecated");
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({
      kind: "object",
      title: "LegacyThing",
      deprecated: true,
      description:
        "An old thing.\n\n> :warning: **DEPRECATED**: This will be removed in a future release, please migrate away from it as soon as possible.",
      span: { start: { line: 1, column: 1, offset: 0 } },
      fields: [
        {
          name: "legacyId",
          deprecated: true,
          required: false,
          type: { kind: "primitive", name: "string", span: { start: { line: 11, column: 20 } } },
          description:
            ": warning: ** DEPRECATED **: This will be removed in a future release, please migrate away from it as soon as possible.\n\nThe unique ID.",
        },
        { name: "name", deprecated: false, required: true, description: null },
      ],
    });
  });

  it("reads both Required tokens", () => {
    const { model } = parseFixture("object-zod");
    expect(model).toMatchObject({ fields: [{ name: "name", required: true }, { name: "tags", required: false }] });
  });

  it("turns every <br> form into a newline and un-escapes pipes, also inside code spans", () => {
    const { model, diagnostics } = parseFixture("object-cells");
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({
      kind: "object",
      fields: [
        { name: "slash", description: "First.\nSecond.", example: "a\nb" },
        { name: "plain", description: "First.\nSecond.", example: null },
        { name: "spaced", description: "First.\nSecond.", example: null },
        { name: "trailing", description: "Ends with a break.", example: null },
        { name: "piped", description: "The list is `|` separated, a|b.", example: "google-oauth2|107030234048588177467" },
        {
          name: "json",
          docName: "json",
          type: { kind: "record", value: { kind: "primitive", name: "any" } },
          description: null,
          example: '{\n"port": 4000,\n"name": "debug"\n}',
        },
        { name: "objects", example: "[object Object],[object Object]" },
        { name: "sql", description: "A query.", example: 'SELECT * FROM "users"' },
        { name: "regex", description: null, example: "^(iad|fra)\\\\/x$" },
        { name: "number", example: "404" },
        { name: "links", description: "See [rooms](https://hathora.dev/docs#room) and `full_name`." },
      ],
    });
    if (model?.kind !== "object") throw new Error("not an object");
    expect(model.fields).toHaveLength(11);
  });

  it("keeps tables and ## headings of the description, and reads the ## Fields section by its heading", () => {
    const { model, diagnostics } = parseFixture("object-description-tables");
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({
      kind: "object",
      title: "Employee",
      description: [
        "The onboarding state of an employee.",
        "",
        "## onboarding_status",
        "",
        "### Values",
        "",
        "| onboarding_status | Description |",
        "| ----------------- | ----------- |",
        "| onboarding_completed | Done |",
        "",
        "## onboarding_steps",
        "",
        "| Token | Name |",
        "|:---|:---|",
        "| a | b |",
      ].join("\n"),
      fields: [{ name: "uuid", type: { kind: "primitive", name: "string", span: { start: { line: 23, column: 12 } } } }],
    });
    if (model?.kind !== "object") throw new Error("not an object");
    expect(model.fields).toHaveLength(1);
  });

  it("copes with trailing spaces and TABs (a TAB counts as one column)", () => {
    const text = fixtureText("object-whitespace");
    const { model, diagnostics } = parseFixture("object-whitespace");
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({
      kind: "object",
      title: "Ledger",
      description: "A ledger.",
      fields: [
        { name: "name", required: true, description: "The\tname.", type: { kind: "primitive", name: "string", span: spanIn(text, 9, 12, 8) } },
        {
          name: "size",
          required: false,
          description: null,
          type: { kind: "array", element: { kind: "primitive", name: "number", span: spanIn(text, 10, 12, 8) }, span: spanIn(text, 10, 12, 10) },
        },
      ],
    });
  });
});

describe("object docs: the additionalProperties catch-all row", () => {
  it("reads `additionalProperties` typed as a record as the model's catch-all, not as a field", () => {
    const text = fixtureText("object-additional-properties");
    const { model, diagnostics } = parseFixture("object-additional-properties");
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({
      kind: "object",
      fields: [{ name: "priority" }],
      additionalProperties: {
        name: "additionalProperties",
        required: false,
        type: { kind: "record", value: { kind: "primitive", name: "any" } },
        span: lineSpan(text, 8),
      },
    });
  });

  it("keeps a row of that name with another type as an ordinary field", () => {
    const { model, diagnostics } = parseFixture("object-additional-properties-list");
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({
      kind: "object",
      fields: [{ name: "additionalProperties", required: true, type: { kind: "array" } }],
      additionalProperties: null,
    });
  });
});
