// Nested models, arrays of arrays, records of records, recursive and mutually recursive models,
// and inputs nested deeper than the stack allows.
import { describe, expect, it } from "vitest";
import { type EmployeeJson, safeParseEmployee } from "../../generated/kombo/models/employee.js";
import {
  type FolderNode,
  type FolderNodeJson,
  FolderNodeSchema,
  isFolderNode,
  parseFolderNode,
  safeParseFolderNode,
  serializeFolderNode,
} from "../../generated/models/shared/foldernode.js";
import { type SegmentJson, isSegment, parseSegment, safeParseSegment, serializeSegment } from "../../generated/models/shared/segment.js";
import { parseSegmentRule } from "../../generated/models/shared/segmentrule.js";
import { parseSyncRunMetrics, safeParseSyncRunMetrics, serializeSyncRunMetrics } from "../../generated/models/shared/syncrunmetrics.js";
import { ValidationError } from "../../generated/runtime.js";
import { parseToolRegistry } from "../../generated/zod/models/components/toolregistry.js";
import { issueSummary, issuesOf, nest } from "./support.js";

/** A folder chain `depth` levels deep through `parent`, the innermost being the root folder. */
function parentChain(depth: number): FolderNodeJson {
  return nest(depth, "parent", (level) => ({ id: level, name: `folder ${level}` })) as unknown as FolderNodeJson;
}

/** A folder chain `depth` levels deep through one-element `children` arrays. */
function childChain(depth: number): FolderNodeJson {
  let node: FolderNodeJson | undefined;
  for (let level = depth - 1; level >= 0; level -= 1) node = node === undefined ? { id: level, name: `f${level}` } : { id: level, name: `f${level}`, children: [node] };
  return node!;
}

function depthOf(node: FolderNode, key: "parent" | "children"): number {
  let depth = 0;
  let current: FolderNode | undefined = node;
  while (current !== undefined) {
    depth += 1;
    current = key === "parent" ? current.parent : current.children?.[0];
  }
  return depth;
}

describe("arrays of arrays and records of records", () => {
  it("decode and serialize with every level intact", () => {
    const wire = {
      rowSamples: [["a", "b"], [], ["c"]],
      countersByStepAndDestination: { load: { bigquery: { name: "rows", value: 3 }, snowflake: { name: "rows", value: 4, unit: "row" } }, extract: {} },
    };
    const metrics = parseSyncRunMetrics(wire);
    expect(metrics.rowSamples).toEqual([["a", "b"], [], ["c"]]);
    expect(metrics.countersByStepAndDestination?.["load"]?.["snowflake"]).toEqual({ name: "rows", value: 4, unit: "row" });
    expect(serializeSyncRunMetrics(metrics)).toEqual(wire);
  });

  it("report issues with every index and key on the way", () => {
    const result = safeParseSyncRunMetrics({
      rowSamples: [["a"], ["b", 3], "c"],
      countersByStepAndDestination: { load: { bigquery: { name: "rows", value: "3" } }, extract: [] },
    });
    // In the order of the input's keys.
    expect(issueSummary(result)).toEqual([
      { path: ["rowSamples", 1, 1], code: "invalid_type" },
      { path: ["rowSamples", 2], code: "invalid_type" },
      { path: ["countersByStepAndDestination", "load", "bigquery", "value"], code: "invalid_type" },
      { path: ["countersByStepAndDestination", "extract"], code: "invalid_type" },
    ]);
  });

  it("decode unions of records of records and arrays of arrays (ToolRegistry)", () => {
    const spec = { name: "search", description: "Search the web", parameters: {} };
    expect(parseToolRegistry([[spec], []])).toEqual([[spec], []]);
    expect(parseToolRegistry({ web: spec })).toEqual({ web: spec });
  });
});

describe("recursive models", () => {
  it("loads every generated module (the recursive and mutually recursive ones included) without throwing", async () => {
    await expect(import("../../generated/index.js")).resolves.toBeDefined();
    await expect(import("../../generated/models/shared/segmentrule.js")).resolves.toHaveProperty("parseSegmentRule");
  });

  it("decode a FolderNode 50 levels deep through parent and through children, and serialize it back", () => {
    for (const [key, wire] of [
      ["parent", parentChain(50)],
      ["children", childChain(50)],
    ] as const) {
      const folder = parseFolderNode(wire);
      expect(depthOf(folder, key)).toBe(50);
      expect(isFolderNode(folder)).toBe(true);
      expect(serializeFolderNode(folder)).toEqual(wire);
      expect(JSON.parse(JSON.stringify(serializeFolderNode(folder)))).toEqual(wire);
    }
  });

  it("report an issue deep in a recursive model with the full path", () => {
    const wire = parentChain(5) as unknown as Record<string, Record<string, Record<string, Record<string, Record<string, unknown>>>>>;
    wire["parent"]!["parent"]!["parent"]!["parent"]!["name"] = 4;
    expect(issueSummary(safeParseFolderNode(wire))).toEqual([{ path: ["parent", "parent", "parent", "parent", "name"], code: "invalid_type" }]);
  });

  it("decode mutually recursive models (Segment -> SegmentRule -> Segment)", () => {
    const wire: SegmentJson = {
      id: 1,
      name: "vip",
      rules: [
        { field: "plan", operator: "eq", value: "enterprise" },
        { field: "region", operator: "in", value: ["eu", "us"], subSegment: { id: 2, name: "eu", rules: [{ field: "country", operator: "eq", value: null, subSegment: { id: 3, name: "de" } }] } },
      ],
    };
    const segment = parseSegment(wire);
    expect(segment).toEqual(wire);
    expect(segment.rules?.[1]?.subSegment?.rules?.[0]?.subSegment?.name).toBe("de");
    expect(isSegment(segment)).toBe(true);
    expect(serializeSegment(segment)).toEqual(wire);
    expect(parseSegmentRule({ field: "a", operator: "b", subSegment: { id: 9, name: "n" } }).subSegment).toEqual({ id: 9, name: "n" });
  });

  it("report an issue deep in mutually recursive models with the full path", () => {
    const wire = { id: 1, name: "a", rules: [{ field: "f", operator: "o", subSegment: { id: 2, name: "b", rules: [{ field: "g", operator: 5 }] } }] };
    expect(issueSummary(safeParseSegment(wire))).toEqual([{ path: ["rules", 0, "subSegment", "rules", 0, "operator"], code: "invalid_type" }]);
  });

  it("decode a deep but reasonable input (500 levels)", () => {
    const folder = parseFolderNode(parentChain(500));
    expect(depthOf(folder, "parent")).toBe(500);
    expect(depthOf(parseFolderNode(childChain(500)), "children")).toBe(500);
    expect(isFolderNode(folder)).toBe(true);
    expect(serializeFolderNode(folder)).toEqual(parentChain(500));
  });

  it("report the exact path of an issue 500 levels deep", () => {
    const wire = parentChain(500) as unknown as Record<string, unknown>;
    let node = wire;
    for (let level = 0; level < 499; level += 1) node = node["parent"] as Record<string, unknown>;
    delete node["name"];
    const issues = issuesOf(safeParseFolderNode(wire));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe("required");
    expect(issues[0]?.path).toEqual([...Array.from({ length: 499 }, () => "parent"), "name"]);
  });
});

describe("pathologically deep input", () => {
  const DEPTH = 100_000;

  it("gives success: false with a too_deep issue instead of crashing (through parent)", () => {
    const result = safeParseFolderNode(parentChain(DEPTH));
    expect(issueSummary(result)).toEqual([{ path: [], code: "too_deep" }]);
  });

  it("gives too_deep through arrays of children", () => {
    expect(issueSummary(safeParseFolderNode(childChain(DEPTH)))).toEqual([{ path: [], code: "too_deep" }]);
  });

  it("gives too_deep through mutually recursive models and through recursive unions", () => {
    let segment: Record<string, unknown> = { id: 0, name: "leaf" };
    for (let level = 1; level < DEPTH; level += 1) segment = { id: level, name: "s", rules: [{ field: "f", operator: "o", subSegment: segment }] };
    expect(issueSummary(safeParseSegment(segment))).toEqual([{ path: [], code: "too_deep" }]);

    let employee: EmployeeJson = { id: "e0", firstName: "x", status: "ACTIVE" };
    for (let level = 1; level < DEPTH; level += 1) employee = { id: `e${level}`, firstName: "x", status: "ACTIVE", manager: employee };
    expect(issueSummary(safeParseEmployee(employee))).toEqual([{ path: [], code: "too_deep" }]);
  });

  it("makes parseX throw a ValidationError (not a RangeError) and the Standard Schema return issues", () => {
    const deep = parentChain(DEPTH);
    expect(() => parseFolderNode(deep)).toThrow(ValidationError);
    const result = FolderNodeSchema["~standard"].validate(deep);
    expect(result).toHaveProperty("issues");
    expect("issues" in result && result.issues?.[0]?.path).toEqual([]);
  });

  it("leaves the decoder usable afterwards", () => {
    safeParseFolderNode(parentChain(DEPTH));
    expect(parseFolderNode({ id: 1, name: "root" })).toEqual({ id: 1, name: "root" });
    expect(issueSummary(safeParseFolderNode({ id: 1 }))).toEqual([{ path: ["name"], code: "required" }]);
  });
});
