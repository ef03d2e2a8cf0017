import { describe, expect, it } from "vitest";
import { parseFixture } from "../helpers.js";

/** An expected error diagnostic of a fixture doc. */
function error(name: string, code: string, line: number, column: number, message: string | RegExp) {
  return {
    file: `fixture/${name}.md`,
    line,
    column,
    severity: "error",
    code,
    message: typeof message === "string" ? expect.stringContaining(message) : expect.stringMatching(message),
  };
}

describe("Fields table diagnostics", () => {
  it("reports a Required cell other than the two tokens (MDS104) at the cell", () => {
    const { diagnostics } = parseFixture("diag-required");
    expect(diagnostics).toHaveLength(2);
    expect(diagnostics[0]).toEqual(error("diag-required", "MDS104", 8, 22, ":white_check_mark:"));
    // An empty Required cell is reported on its row too.
    expect(diagnostics[1]).toMatchObject({ code: "MDS104", line: 9, severity: "error", message: expect.stringContaining('"empty"') });
  });

  it("reports a Type cell outside the grammar (MDS105) at the offending character of the cell", () => {
    const { diagnostics } = parseFixture("diag-type");
    const name = "diag-type";
    expect(diagnostics).toHaveLength(7);
    expect(diagnostics.slice(0, 6)).toEqual([
      error(name, "MDS105", 7, 12, /"list".*List</),
      error(name, "MDS105", 8, 28, /"inner".*foo bar/),
      error(name, "MDS105", 9, 22, /"tail".*"x"/),
      error(name, "MDS105", 10, 12, /"open".*unterminated/),
      error(name, "MDS105", 11, 12, /"site".*Widget/),
      error(name, "MDS105", 12, 18, /"key".*Record key must be string/),
    ]);
    expect(diagnostics[6]).toMatchObject({ code: "MDS105", line: 13, severity: "error", message: expect.stringContaining('"blank"') });
  });

  it("reports a row whose cell count differs from the header's (MDS102), also for an unescaped pipe in a code span", () => {
    const { diagnostics } = parseFixture("diag-cells");
    expect(diagnostics).toEqual([
      error("diag-cells", "MDS102", 7, 1, "3 cells"),
      error("diag-cells", "MDS102", 8, 1, "5 cells"),
    ]);
  });

  it("reports a Field cell that is not a backticked name (MDS103)", () => {
    const { diagnostics } = parseFixture("diag-field-name");
    expect(diagnostics).toEqual([
      error("diag-field-name", "MDS103", 7, 3, '"name"'),
      error("diag-field-name", "MDS103", 8, 3, "~~`half`"),
      error("diag-field-name", "MDS103", 9, 3, "``"),
    ]);
  });

  it("reports a duplicate field (MDS106) at the second row, naming the first", () => {
    const { diagnostics } = parseFixture("diag-duplicate-field");
    expect(diagnostics).toEqual([error("diag-duplicate-field", "MDS106", 9, 3, /"id".*line 7/)]);
  });

  it.each([
    ["diag-header", "| Field | Type | Description |"],
    ["diag-header-extra", "Notes"],
  ])("reports a Fields header outside the two column sets (MDS101) in %s", (name, written) => {
    const { model, diagnostics } = parseFixture(name);
    expect(model).toBeNull();
    expect(diagnostics).toEqual([error(name, "MDS101", 5, 1, written)]);
  });
});

describe("enum diagnostics", () => {
  it("reports a Values header other than | Name | Value | (MDS101)", () => {
    const { diagnostics } = parseFixture("diag-enum-header");
    expect(diagnostics).toEqual([error("diag-enum-header", "MDS101", 5, 1, "| Name | Value | Description |")]);
  });

  it("reports a Name cell without backticks (MDS110)", () => {
    const { diagnostics } = parseFixture("diag-enum-name");
    expect(diagnostics).toEqual([error("diag-enum-name", "MDS110", 8, 3, '"Bad"')]);
  });

  it("reports a malformed code-form value line (MDS111) at the bad token", () => {
    expect(parseFixture("diag-enum-code").diagnostics).toEqual([error("diag-enum-code", "MDS111", 6, 7, '"b')]);
    expect(parseFixture("diag-enum-code-separator").diagnostics).toEqual([
      error("diag-enum-code-separator", "MDS111", 6, 11, 'expected "|"'),
    ]);
  });

  it("reports a duplicate value in a table (MDS112) at the second member", () => {
    const { diagnostics } = parseFixture("diag-enum-duplicate");
    expect(diagnostics).toEqual([error("diag-enum-duplicate", "MDS112", 9, 1, '"a"')]);
  });

  it("reports a duplicate value in the code form (MDS112) at the second occurrence", () => {
    const { diagnostics } = parseFixture("diag-enum-code-duplicate");
    expect(diagnostics).toEqual([error("diag-enum-code-duplicate", "MDS112", 6, 13, '"x"')]);
  });
});

describe("union diagnostics", () => {
  it("reports member headings outside the grammar (MDS120)", () => {
    const { model, diagnostics } = parseFixture("diag-union-heading");
    expect(model).toBeNull();
    expect(diagnostics).toEqual([
      error("diag-union-heading", "MDS120", 11, 1, "### components.Pet"),
      error("diag-union-heading", "MDS120", 13, 6, "Promise"),
      error("diag-union-heading", "MDS120", 15, 10, '"bar"'),
    ]);
  });
});
