import { describe, expect, it } from "vitest";
import { matchOverrides } from "../../src/ir/overrides.js";
import { parseDoc } from "../../src/parse/doc.js";
import type { Model } from "../../src/ir/types.js";

const PYTHON_DOC = `# Partner

## Fields

| Field | Type | Required | Description |
| --- | --- | --- | --- |
| \`partner_id\` | *str* | :heavy_check_mark: | N/A |
| \`image_url\` | *str* | :heavy_check_mark: | N/A |
| \`name\` | *str* | :heavy_check_mark: | N/A |
`;

function models(): Model[] {
  const { model } = parseDoc("components/partner.md", PYTHON_DOC, "python");
  return [model!];
}

describe("wire-name overrides", () => {
  it("matches a key by property name, by the doc's Field cell, and by the TypeScript SDK's spelling", () => {
    const matched = matchOverrides(models(), { "components/partner.md": { partnerId: "pid", image_url: "img", NAME: "n" } });
    expect(matched.overrides).toEqual({ "components/partner.md": { partnerId: "pid", imageUrl: "img", name: "n" } });
    expect(matched.diagnostics).toEqual([]);
  });

  it("matches the TypeScript SDK's spelling ignoring case and underscores (partnerID)", () => {
    const matched = matchOverrides(models(), { "components/partner.md": { partnerID: "partnerID", imageURL: "imageURL" } });
    expect(matched.overrides["components/partner.md"]).toEqual({ partnerId: "partnerID", imageUrl: "imageURL" });
  });

  it("prefers an exact key to a loose one for the same field, in any order", () => {
    const matched = matchOverrides(models(), { "components/partner.md": { PARTNER_ID: "loose", partner_id: "exact" } });
    expect(matched.overrides["components/partner.md"]).toEqual({ partnerId: "exact" });
  });

  it("warns about a key that matches no field, and a doc that is not an object model", () => {
    const matched = matchOverrides(models(), { "components/partner.md": { nickname: "nick" }, "components/missing.md": { a: "b" } });
    expect(matched.overrides["components/partner.md"]).toEqual({});
    expect(matched.diagnostics).toMatchObject([
      { file: "components/missing.md", severity: "warning", code: "MDS209" },
      { file: "components/partner.md", line: 1, severity: "warning", code: "MDS209", message: expect.stringContaining('"nickname" matches no field') },
    ]);
  });

  it("warns about a key that matches two fields equally", () => {
    const doc = PYTHON_DOC.replace("`partner_id`", "`partnerId`").replace("| `name` |", "| `partner_id` |");
    const { model } = parseDoc("components/partner.md", doc, "typescript");
    const matched = matchOverrides([model!], { "components/partner.md": { PartnerID: "x" } });
    expect(matched.overrides["components/partner.md"]).toEqual({});
    expect(matched.diagnostics).toMatchObject([{ code: "MDS209", line: 7, message: expect.stringContaining('matches "partnerId" and "partner_id"') }]);
  });
});
