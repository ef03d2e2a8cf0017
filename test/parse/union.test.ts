import { describe, expect, it } from "vitest";
import type { Model, Span, TypeNode } from "../../src/ir/types.js";
import { parseFixture } from "../helpers.js";
import { fixtureText, lineSpan, spanIn } from "./positions.js";

const name = (namespace: string | null, n: string, span: Span): TypeNode => ({
  kind: "ref",
  via: { form: "name", namespace, name: n },
  target: null,
  span,
});

describe("union docs", () => {
  it("reads ### `T` members and their example blocks (full IR)", () => {
    const text = fixtureText("union-basic");
    const { model, diagnostics } = parseFixture("union-basic");
    expect(diagnostics).toEqual([]);
    const expected: Model = {
      kind: "union",
      id: "fixture/union-basic.md",
      title: "Content",
      deprecated: false,
      description: null,
      exampleUsage: null,
      span: lineSpan(text, 1),
      members: [
        {
          type: name("components", "TextChunk", spanIn(text, 5, 6, "components.TextChunk".length)),
          example: 'const value: components.TextChunk = {\n  text: "<value>",\n};',
          span: lineSpan(text, 5),
        },
        {
          type: { kind: "primitive", name: "string", span: spanIn(text, 13, 6, 6) },
          example: 'const value: string = "<value>";',
          span: lineSpan(text, 13),
        },
      ],
    };
    expect(model).toEqual(expected);
  });

  it("reads every heading form of FORMAT.md section 6", () => {
    const text = fixtureText("union-headings");
    const { model, diagnostics } = parseFixture("union-headings");
    expect(diagnostics).toEqual([]);
    if (model?.kind !== "union") throw new Error("not a union");
    /** The span of `written` starting at `column` of `line`. */
    const at = (line: number, column: number, written: string) => spanIn(text, line, column, written.length);
    const prim = (n: "string" | "number" | "boolean" | "any" | "bigint" | "decimal", line: number, column: number, written: string): TypeNode => ({
      kind: "primitive",
      name: n,
      span: at(line, column, written),
    });
    const types: TypeNode[] = [
      name("shared", "Pet", at(5, 6, "shared.Pet")),
      name("operations", "GetPetResponse", at(7, 6, "operations.GetPetResponse")),
      name("models", "Thing", at(9, 6, "models.Thing")),
      prim("string", 11, 6, "string"),
      { kind: "array", element: name("components", "Tag", at(13, 6, "components.Tag")), span: at(13, 6, "components.Tag[]") },
      prim("number", 15, 6, "number"),
      { kind: "array", element: prim("string", 17, 6, "string"), span: at(17, 6, "string[]") },
      prim("boolean", 19, 6, "boolean"),
      { kind: "record", value: prim("any", 21, 21, "any"), span: at(21, 6, "{ [k: string]: any }") },
      { kind: "external", name: "ReadableStream<Uint8Array>", span: at(23, 6, "ReadableStream<Uint8Array>") },
      prim("bigint", 25, 6, "BigInt"),
      prim("any", 27, 6, "any"),
      { kind: "date-time", span: at(29, 6, "Date") },
      prim("decimal", 31, 6, "Decimal"),
      { kind: "array", element: prim("number", 33, 6, "number"), span: at(33, 6, "number[]") },
      { kind: "array", element: prim("any", 35, 6, "any"), span: at(35, 6, "any[]") },
      { kind: "record", value: name("components", "Tag", at(37, 21, "components.Tag")), span: at(37, 6, "{ [k: string]: components.Tag }") },
      {
        kind: "array",
        element: { kind: "record", value: prim("any", 39, 21, "any"), span: at(39, 6, "{ [k: string]: any }") },
        span: at(39, 6, "{ [k: string]: any }[]"),
      },
      { kind: "array", element: prim("boolean", 41, 6, "boolean"), span: at(41, 6, "boolean[]") },
      { kind: "record", value: prim("string", 43, 21, "string"), span: at(43, 6, "{ [k: string]: string }") },
      {
        kind: "record",
        value: {
          kind: "record",
          value: name("components", "Tag", at(45, 36, "components.Tag")),
          span: at(45, 21, "{ [k: string]: components.Tag }"),
        },
        span: at(45, 6, "{ [k: string]: { [k: string]: components.Tag } }"),
      },
      {
        kind: "array",
        element: { kind: "array", element: name("components", "Point", at(47, 6, "components.Point")), span: at(47, 6, "components.Point[]") },
        span: at(47, 6, "components.Point[][]"),
      },
    ];
    expect(model.members.map((member) => member.type)).toEqual(types);
    expect(model.members.map((member) => member.example)).toEqual(types.map(() => null));
    expect(model.members.map((member) => member.span)).toEqual(types.map((_, index) => lineSpan(text, 5 + 2 * index)));
  });

  it("reads EventStream<ns.X> as the last member, without a code block", () => {
    const text = fixtureText("union-eventstream");
    const { model, diagnostics } = parseFixture("union-eventstream");
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({
      kind: "union",
      title: "SpeechStreamResponse",
      members: [
        {
          type: name("operations", "SpeechResponse", spanIn(text, 5, 6, "operations.SpeechResponse".length)),
          example: "const value: operations.SpeechResponse = /* values here */",
        },
        {
          type: {
            kind: "event-stream",
            event: name("operations", "SpeechStreamEvents", spanIn(text, 11, 18, "operations.SpeechStreamEvents".length)),
            span: spanIn(text, 11, 6, "EventStream<operations.SpeechStreamEvents>".length),
          },
          example: null,
          span: lineSpan(text, 11),
        },
      ],
    });
    if (model?.kind !== "union") throw new Error("not a union");
    expect(model.members).toHaveLength(2);
  });

  it("keeps a repeated member as written, each with its own example", () => {
    const { model, diagnostics } = parseFixture("union-repeated");
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({
      kind: "union",
      members: [
        { type: { kind: "primitive", name: "number", span: { start: { line: 5, column: 6 } } }, example: "const value: number = 1284.03;" },
        { type: { kind: "primitive", name: "number", span: { start: { line: 11, column: 6 } } }, example: "const value: number = 7;" },
      ],
    });
    if (model?.kind !== "union") throw new Error("not a union");
    expect(model.members).toHaveLength(2);
  });

  it("reads a union with ## Example Usage and a wrapped `const value:` example", () => {
    const { model, diagnostics } = parseFixture("union-example-usage");
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({
      kind: "union",
      title: "Files",
      description: null,
      exampleUsage:
        'import { Files } from "unstructured-client/sdk/models/shared";\n\nlet value: Files = {\n  content: new TextEncoder().encode("0xFeC2bF3A3c"),\n  fileName: "example.file",\n};',
      members: [
        {
          type: { kind: "ref", via: { form: "name", namespace: "shared", name: "Files" } },
          example:
            'const value:\n  shared.Files = {\n    content: new TextEncoder().encode("0xFeC2bF3A3c"),\n    fileName: "example.file",\n  };',
        },
        {
          type: { kind: "external", name: "Uint8Array" },
          example: 'const value: Uint8Array = new TextEncoder().encode("0x");',
        },
      ],
    });
  });
});
