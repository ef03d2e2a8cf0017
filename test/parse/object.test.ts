import { describe, expect, it } from "vitest";
import { parseFixture } from "../helpers.js";

describe("object docs", () => {
  it("reads a minimal Fields table", () => {
    const { model, diagnostics } = parseFixture("object-basic");
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({
      kind: "object",
      id: "fixture/object-basic.md",
      title: "Pet",
      deprecated: false,
      description: null,
      fields: [
        {
          name: "name",
          required: true,
          deprecated: false,
          description: "The name.\nSecond line.",
          example: null,
          type: { kind: "primitive", name: "string", span: { start: { line: 7, column: 12 } } },
        },
      ],
    });
  });
});
