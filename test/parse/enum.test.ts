import { describe, expect, it } from "vitest";
import type { Model } from "../../src/ir/types.js";
import { parseFixture } from "../helpers.js";
import { fixtureText, lineSpan, spanIn } from "./positions.js";

describe("enum docs: table form", () => {
  it("reads a v1 | Name | Value | table (full IR)", () => {
    const text = fixtureText("enum-table");
    const { model, diagnostics } = parseFixture("enum-table");
    expect(diagnostics).toEqual([]);
    const expected: Model = {
      kind: "enum",
      id: "fixture/enum-table.md",
      title: "SyncRunStatus",
      deprecated: false,
      description: "The status of a sync run.\n- `working`: still running",
      exampleUsage: null,
      span: lineSpan(text, 1),
      members: [
        { name: "Working", value: "working", span: lineSpan(text, 10) },
        { name: "Completed", value: "completed", span: lineSpan(text, 11) },
        { name: "RunningSync", value: "Checking for columns to remove from the sync", span: lineSpan(text, 12) },
      ],
      namedMembers: true,
      open: null,
    };
    expect(model).toEqual(expected);
  });

  it("reads integer values as numbers and keeps the generated member names", () => {
    const { model, diagnostics } = parseFixture("enum-table-numbers");
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({
      kind: "enum",
      title: "ErrorStatus",
      namedMembers: true,
      open: null,
      members: [
        { name: "FourHundredAndFour", value: 404, span: { start: { line: 7, column: 1 } } },
        { name: "Zero", value: 0, span: { start: { line: 8, column: 1 } } },
        { name: "Minus1", value: -1, span: { start: { line: 9, column: 1 } } },
      ],
    });
  });

  it("never re-derives names from values; reads an empty value as the empty string", () => {
    const { model, diagnostics } = parseFixture("enum-table-names");
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({
      kind: "enum",
      members: [
        { name: "TwentyFourh", value: "24h" },
        { name: "TwoDay", value: "2-day" },
        { name: "TvShow", value: "show" },
        { name: "Unknown", value: "" },
        { name: "LessThanNilGreaterThan", value: "<nil>" },
      ],
    });
    if (model?.kind !== "enum") throw new Error("not an enum");
    expect(model.members).toHaveLength(5);
  });

  it("reads an open enum: the note and the | - | `Unrecognized<string>` | row, which is not a member", () => {
    const { model, diagnostics } = parseFixture("enum-table-open");
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({
      kind: "enum",
      title: "Category",
      exampleUsage: 'import { Category } from "sdk/models/shared";\n\nlet value: Category = "cats";',
      namedMembers: true,
      open: "string",
      members: [
        { name: "Cats", value: "cats" },
        { name: "Dogs", value: "dogs" },
      ],
    });
    if (model?.kind !== "enum") throw new Error("not an enum");
    expect(model.members).toHaveLength(2);
  });

  it("reads a deprecated enum", () => {
    const { model, diagnostics } = parseFixture("enum-deprecated");
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({
      kind: "enum",
      title: "OldKind",
      deprecated: true,
      description:
        "A kind.\n\n> :warning: **DEPRECATED**: This will be removed in a future release, please migrate away from it as soon as possible.",
      members: [{ name: "A", value: "a" }],
    });
  });

  it("ignores a table in the description and reads the one under ## Values", () => {
    const { model, diagnostics } = parseFixture("enum-description-table");
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({
      kind: "enum",
      title: "Carriers",
      description: "| Token | Service name |\n|:---|:---|\n| usps | USPS |",
      members: [{ name: "Usps", value: "usps", span: { start: { line: 11, column: 1 } } }],
    });
    if (model?.kind !== "enum") throw new Error("not an enum");
    expect(model.members).toHaveLength(1);
  });
});

describe("enum docs: code form", () => {
  it('reads "a" | "b" with derived member names (full IR)', () => {
    const text = fixtureText("enum-code");
    const { model, diagnostics } = parseFixture("enum-code");
    expect(diagnostics).toEqual([]);
    const expected: Model = {
      kind: "enum",
      id: "fixture/enum-code.md",
      title: "Status",
      deprecated: false,
      description: null,
      exampleUsage: 'import { Status } from "sdk/models/components";\n\nlet value: Status = "in_progress";',
      span: lineSpan(text, 1),
      members: [
        { name: "InProgress", value: "in_progress", span: spanIn(text, 14, 1, 13) },
        { name: "Completed", value: "completed", span: spanIn(text, 14, 17, 11) },
        { name: "Value24h", value: "24h", span: spanIn(text, 14, 31, 5) },
      ],
      namedMembers: false,
      open: null,
    };
    expect(model).toEqual(expected);
  });

  it("reads numbers as numbers", () => {
    const { model, diagnostics } = parseFixture("enum-code-numbers");
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({
      kind: "enum",
      namedMembers: false,
      open: null,
      members: [
        { name: "Value0", value: 0, span: { start: { line: 14, column: 1 } } },
        { name: "Value1", value: 1, span: { start: { line: 14, column: 5 } } },
        { name: "ValueMinus1", value: -1, span: { start: { line: 14, column: 9 } } },
      ],
    });
  });

  it('reads the empty string ""', () => {
    const { model, diagnostics } = parseFixture("enum-code-empty");
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({
      kind: "enum",
      members: [
        { name: "Empty", value: "", span: { start: { line: 6, column: 1 } } },
        { name: "Fast", value: "fast", span: { start: { line: 6, column: 6 } } },
      ],
    });
  });

  it("reads Unrecognized<string> as an open enum, not a member (note above the block)", () => {
    const { model, diagnostics } = parseFixture("enum-code-open");
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({
      kind: "enum",
      open: "string",
      members: [
        { name: "User", value: "user" },
        { name: "Assistant", value: "assistant" },
      ],
    });
    if (model?.kind !== "enum") throw new Error("not an enum");
    expect(model.members).toHaveLength(2);
  });

  it("reads Unrecognized<number> as an open number enum", () => {
    const { model, diagnostics } = parseFixture("enum-code-open-number");
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({ kind: "enum", open: "number", members: [{ value: 1 }, { value: 2 }] });
    if (model?.kind !== "enum") throw new Error("not an enum");
    expect(model.members).toHaveLength(2);
  });

  it("reads the 2026 `// Open enum:` comment of Example Usage as an open enum", () => {
    const { model, diagnostics } = parseFixture("enum-open-comment");
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({
      kind: "enum",
      open: "string",
      exampleUsage:
        'import { Channel } from "sdk/models/components";\n\n// Open enum: unrecognized values are captured as Unrecognized<string>\nlet value: Channel = "email";',
      members: [
        { name: "Email", value: "email" },
        { name: "Sms", value: "sms" },
      ],
    });
  });
});
