import { describe, expect, it } from "vitest";
import type { Model } from "../../src/ir/types.js";
import { parseDoc } from "../../src/parse/doc.js";
import { parseFixture } from "../helpers.js";
import { fixtureText, lineSpan } from "./positions.js";

describe("opaque docs", () => {
  it("reads a title-and-description doc as an opaque model (full IR)", () => {
    const text = fixtureText("opaque");
    const { model, diagnostics } = parseFixture("opaque");
    expect(diagnostics).toEqual([]);
    const expected: Model = {
      kind: "opaque",
      id: "fixture/opaque.md",
      title: "CreatedBy",
      deprecated: false,
      description: "The user who created the resource.",
      exampleUsage: null,
      span: lineSpan(text, 1),
    };
    expect(model).toEqual(expected);
  });

  it("reads a title-only doc as an opaque model without description", () => {
    const { model, diagnostics } = parseFixture("opaque-title-only");
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({ kind: "opaque", title: "Empty", description: null, exampleUsage: null });
  });
});

describe("non-model files", () => {
  const skipped = (name: string) => {
    const { model, diagnostics } = parseFixture(name);
    expect(model).toBeNull();
    expect(diagnostics).toEqual([
      {
        file: `fixture/${name}.md`,
        line: 1,
        column: 1,
        severity: "info",
        code: "MDS001",
        message: expect.stringContaining("not a model doc"),
      },
    ]);
  };

  it("skips the hand-written types/rfcdate.md (## Usage, no model section)", () => skipped("nonmodel-rfcdate"));
  it("skips the hand-written retryconfig with its | Name | Type | Description | header", () => skipped("nonmodel-retryconfig"));
  it("skips a README with other ## sections", () => skipped("nonmodel-readme"));
  it("skips a file that does not start with a # title", () => skipped("nonmodel-untitled"));
});

describe("doc-level diagnostics", () => {
  it.each([
    ["diag-title", "My Model"],
    ["diag-title-digit", "2Fast"],
    ["diag-title-strike", "~~Half"],
  ])("reports a bad title in %s (MDS010)", (name, written) => {
    const { model, diagnostics } = parseFixture(name);
    expect(model).toBeNull();
    expect(diagnostics).toEqual([
      {
        file: `fixture/${name}.md`,
        line: 1,
        column: 1,
        severity: "error",
        code: "MDS010",
        message: expect.stringContaining(written),
      },
    ]);
  });

  it("reports two model sections in one doc at the second one (MDS011)", () => {
    const { model, diagnostics } = parseFixture("diag-two-sections");
    expect(model).toBeNull();
    expect(diagnostics).toEqual([
      {
        file: "fixture/diag-two-sections.md",
        line: 9,
        column: 1,
        severity: "error",
        code: "MDS011",
        message: expect.stringMatching(/Fields.*Values/),
      },
    ]);
  });

  it.each([
    ["diag-fields-no-table", "Fields"],
    ["diag-values-no-body", "Values"],
    ["diag-union-no-members", "Supported Types"],
  ])("reports a section without its table or code in %s (MDS012)", (name, section) => {
    const { model, diagnostics } = parseFixture(name);
    expect(model).toBeNull();
    expect(diagnostics).toEqual([
      {
        file: `fixture/${name}.md`,
        line: 3,
        column: 1,
        severity: "error",
        code: "MDS012",
        message: expect.stringContaining(`## ${section}`),
      },
    ]);
  });
});

describe("parseDoc never throws", () => {
  const nasty: Array<[string, string]> = [
    ["empty", ""],
    ["only #", "#"],
    ["only # and newline", "#\n"],
    ["whitespace", "   \n\t\n"],
    ["binary-ish", "\u0000\u0001\u0002\uFFFD\u007F# \u0000\n## Fields\n\u0000|\u0001|"],
    ["lone surrogates", "# A\uD800\n\n## Values\n\n| Name | Value |\n| - | - |\n| `\uDC00` | \uD800 |"],
    ["empty table", "# X\n\n## Fields\n\n| |\n|---|\n| |"],
    ["pipes only", "# X\n\n## Fields\n\n| | | | |\n|-|-|-|-|\n| | | | |\n|||||"],
    ["values table of pipes", "# X\n\n## Values\n\n| |\n|---|\n| |"],
    ["unterminated fence in Values", "# X\n\n## Values\n\n```typescript\n\"a\" |"],
    ["unterminated fence in Example Usage", "# X\n\n## Example Usage\n\n```typescript\nlet value: X = {\n\n## Fields\n"],
    ["empty fence in Values", "# X\n\n## Values\n\n```\n```"],
    ["unterminated fence in Fields", "# X\n\n## Fields\n\n```"],
    ["headings only", "# X\n\n## Supported Types\n\n###\n\n### ``\n\n### `"],
    ["nested brackets", "# X\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `a` | Record<string, Record<string, [[[](((( | :heavy_check_mark: | N/A |"],
    ["deep Record nesting in a Type cell", `# X\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| \`a\` | ${"Record<string, ".repeat(5000)}*string*${">".repeat(5000)} | :heavy_check_mark: | N/A |`],
    ["deep parentheses in a union heading", `# X\n\n## Supported Types\n\n### \`${"(".repeat(5000)}string${")".repeat(5000)}\`\n`],
    ["deep map nesting in a union heading", `# X\n\n## Supported Types\n\n### \`${"{ [k: string]: ".repeat(5000)}string${" }".repeat(5000)}\`\n`],
    ["deeply nested blockquotes", `# X\n\n${"> ".repeat(10000)}x\n`],
    ["trailing backslash", "# X\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `a` | *string* | :heavy_check_mark: | N/A \\"],
    ["CRLF", "# X\r\n\r\n## Fields\r\n\r\n| Field | Type | Required | Description |\r\n| - | - | - | - |\r\n| `a` | *string* | :heavy_check_mark: | N/A |\r\n"],
  ];

  it.each(nasty)("%s", (_label, text) => {
    const result = parseDoc("nasty.md", text);
    expect(Array.isArray(result.diagnostics)).toBe(true);
    for (const diagnostic of result.diagnostics) {
      expect(diagnostic.file).toBe("nasty.md");
      expect(diagnostic.line).toBeGreaterThanOrEqual(1);
      expect(diagnostic.column).toBeGreaterThanOrEqual(1);
      expect(["error", "warning", "info"]).toContain(diagnostic.severity);
      expect(diagnostic.code).toMatch(/^MDS\d{3}$/);
    }
    // Garbage either becomes a model or is explained by at least one diagnostic.
    if (result.model === null) expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(() => JSON.stringify(result)).not.toThrow();
  });
});
