// The options of DESIGN.md section 3 that the docs do not carry: unknown keys (strip, passthrough,
// strict), null in optional fields (absent, reject) and wire names (case and overrides). Code for
// non-default options is generated from docs into a temporary folder and imported from there.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSyncRun, serializeSyncRun } from "../../generated/models/shared/syncrun.js";
import { generateFromDocs, readRuntimeTemplate } from "../../src/generate.js";
import { interfaceBlock } from "../cli/helpers.js";
import { type SafeResult, SPECS_ROOT, type TempOutput, dataOf, docsOf, generateFixtures, generateToTemp, issueSummary } from "./support.js";

interface Part {
  sku: string;
  qty?: number | undefined;
}

interface Widget {
  name: string;
  count?: number | undefined;
  createdAt?: Date | undefined;
  part?: Part | undefined;
  tags?: string[] | undefined;
  labels?: { [key: string]: string } | undefined;
  extra?: unknown;
}

interface WidgetModule {
  parseWidget(input: unknown): Widget;
  safeParseWidget(input: unknown): SafeResult<Widget>;
  serializeWidget(value: Widget): Record<string, unknown>;
  isWidget(value: unknown): boolean;
}

/**
 * Generates the fixture docs with `options` once for a describe block and loads the Widget module;
 * `source()` gives the module's text.
 */
function withWidget(options: Parameters<typeof generateFixtures>[0]): (() => WidgetModule) & { source: () => string } {
  let output: TempOutput | undefined;
  let module: WidgetModule | undefined;
  let text: string | undefined;
  beforeAll(async () => {
    output = await generateFixtures(options);
    module = await output.load<WidgetModule>("models/components/widget.ts");
    text = readFileSync(join(output.dir, "models/components/widget.ts"), "utf8");
  });
  afterAll(() => output?.cleanup());
  return Object.assign(() => module!, { source: () => text! });
}

/** A JSON value after a trip through JSON text. */
function json(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe("unknown keys", () => {
  describe("strip (default)", () => {
    const widget = withWidget({});

    it("drops keys the model does not declare, at every level", () => {
      const decoded = widget().parseWidget({ name: "w", bogus: 1, part: { sku: "p", color: "red" } });
      expect(decoded).toEqual({ name: "w", part: { sku: "p" } });
      expect(Object.keys(decoded)).not.toContain("bogus");
      expect(Object.keys(decoded.part ?? {})).not.toContain("color");
    });

    it("holds for the committed generated code too", () => {
      const run = parseSyncRun({ id: 1, sync_id: 5, fullSync: { uiTag: "x", extra: 1 } });
      expect(run).toEqual({ id: 1, fullSync: { uiTag: "x" } });
      expect(run).not.toHaveProperty("sync_id");
      expect(JSON.parse(JSON.stringify(serializeSyncRun(run)))).toEqual({ id: 1, fullSync: { uiTag: "x" } });
    });

    it("keeps every key of a record (records have no unknown keys)", () => {
      expect(widget().parseWidget({ name: "w", labels: { any: "a", key: "b" } }).labels).toEqual({ any: "a", key: "b" });
    });
  });

  describe("passthrough", () => {
    const widget = withWidget({ unknownKeys: "passthrough" });

    it("keeps unknown keys with their values as they are, at every level", () => {
      const decoded = widget().parseWidget({ name: "w", createdAt: "2024-01-02T03:04:05Z", bogus: { deep: [1, null] }, part: { sku: "p", color: "red" } });
      expect(decoded).toEqual({ name: "w", createdAt: new Date("2024-01-02T03:04:05Z"), bogus: { deep: [1, null] }, part: { sku: "p", color: "red" } });
    });

    it("still validates and decodes the declared fields", () => {
      expect(issueSummary(widget().safeParseWidget({ name: 1, bogus: true }))).toEqual([{ path: ["name"], code: "invalid_type" }]);
      expect(widget().parseWidget({ name: "w", createdAt: "2024-01-02T03:04:05Z" }).createdAt).toBeInstanceOf(Date);
    });

    it("writes the kept unknown keys back when serializing (a read-modify-write keeps them)", () => {
      const wire = { name: "w", bogus: 1, part: { sku: "p", color: "red" } };
      expect(json(widget().serializeWidget(widget().parseWidget(wire)))).toEqual(wire);
    });

    it("keeps an unknown `__proto__` key as an own property without touching any prototype", () => {
      const decoded = widget().parseWidget(JSON.parse('{"name": "w", "__proto__": {"polluted": true}}')) as unknown as Record<string, unknown>;
      expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
      expect(Object.prototype.hasOwnProperty.call(decoded, "__proto__")).toBe(true);
      expect(decoded["polluted"]).toBeUndefined();
      expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    });
  });

  describe("strict", () => {
    const widget = withWidget({ unknownKeys: "strict" });

    it("accepts an input with declared keys only", () => {
      expect(widget().parseWidget({ name: "w", part: { sku: "p", qty: 1 }, labels: { free: "x" } })).toEqual({ name: "w", part: { sku: "p", qty: 1 }, labels: { free: "x" } });
    });

    it("reports each unknown key with unrecognized_keys at its path, nested ones included", () => {
      const result = widget().safeParseWidget({ name: "w", bogus: 1, part: { sku: "p", color: "red" } });
      expect(issueSummary(result)).toEqual([
        { path: ["bogus"], code: "unrecognized_keys" },
        { path: ["part", "color"], code: "unrecognized_keys" },
      ]);
    });

    it("collects unknown keys along with the other issues", () => {
      const result = widget().safeParseWidget({ bogus: 1, count: "3" });
      const issues = issueSummary(result);
      expect(issues).toContainEqual({ path: ["bogus"], code: "unrecognized_keys" });
      expect(issues).toContainEqual({ path: ["name"], code: "required" });
      expect(issues).toContainEqual({ path: ["count"], code: "invalid_type" });
      expect(issues).toHaveLength(3);
    });

    it("does not treat inherited property names as declared keys", () => {
      const result = widget().safeParseWidget(JSON.parse('{"name": "w", "constructor": 1, "__proto__": {}}'));
      expect(issueSummary(result)).toEqual([
        { path: ["constructor"], code: "unrecognized_keys" },
        { path: ["__proto__"], code: "unrecognized_keys" },
      ]);
    });
  });
});

describe("null in fields", () => {
  describe("absent (default)", () => {
    const widget = withWidget({});

    it("decodes null in an optional field as absent (never Invalid Date, 0 or the epoch)", () => {
      const decoded = widget().parseWidget({ name: "w", count: null, createdAt: null, part: null, tags: null, labels: null });
      expect(decoded.count).toBeUndefined();
      expect(decoded.createdAt).toBeUndefined();
      expect(decoded.part).toBeUndefined();
      expect(decoded.tags).toBeUndefined();
      expect(decoded.labels).toBeUndefined();
      expect(JSON.stringify(widget().serializeWidget(decoded))).toBe('{"name":"w"}');
      expect(widget().isWidget(decoded)).toBe(true);
    });

    it("keeps null as a value of an *any* field", () => {
      expect(widget().parseWidget({ name: "w", extra: { a: null } }).extra).toEqual({ a: null });
    });

    it("rejects null in a required field", () => {
      expect(issueSummary(widget().safeParseWidget({ name: null }))).toEqual([{ path: ["name"], code: "invalid_type" }]);
      expect(issueSummary(widget().safeParseWidget({ name: "w", part: { sku: null } }))).toEqual([{ path: ["part", "sku"], code: "invalid_type" }]);
    });

    it("rejects null as an array element or record value (it is not an optional field)", () => {
      expect(issueSummary(widget().safeParseWidget({ name: "w", tags: ["a", null], labels: { a: null } }))).toEqual([
        { path: ["tags", 1], code: "invalid_type" },
        { path: ["labels", "a"], code: "invalid_type" },
      ]);
    });

    it("holds for the committed generated code", () => {
      expect(parseSyncRun({ id: null, completedAt: null, status: null, fullSync: null })).toEqual({});
    });

    it("says so in the wire type (XJson, the input type of XSchema), not in the model type", () => {
      const wire = interfaceBlock(widget.source(), "WidgetJson");
      expect(wire).toContain("  count?: number | null | undefined;");
      expect(wire).toContain("  part?: PartJson | null | undefined;");
      expect(wire).toContain("  tags?: string[] | null | undefined;");
      expect(wire).toContain("  name: string;");
      expect(wire).toContain("  extra?: unknown | undefined;");
      expect(interfaceBlock(widget.source(), "Widget")).toContain("  count?: number | undefined;");
    });
  });

  describe("reject", () => {
    const widget = withWidget({ nulls: "reject" });

    it("reports null in each optional field as an issue at its path", () => {
      const result = widget().safeParseWidget({ name: "w", count: null, createdAt: null, part: null, tags: null, labels: null });
      expect(issueSummary(result).map((issue) => issue.path)).toEqual([["count"], ["createdAt"], ["part"], ["tags"], ["labels"]]);
    });

    it("still accepts absent optional fields", () => {
      expect(dataOf(widget().safeParseWidget({ name: "w" }))).toEqual({ name: "w" });
    });

    it("still rejects null in a required field", () => {
      expect(issueSummary(widget().safeParseWidget({ name: null }))).toEqual([{ path: ["name"], code: "invalid_type" }]);
    });

    it("leaves null out of the wire type", () => {
      const wire = interfaceBlock(widget.source(), "WidgetJson");
      expect(wire).toContain("  count?: number | undefined;");
      expect(wire).not.toContain("null");
    });
  });
});

describe("wire names", () => {
  interface SyncRunModule {
    parseSyncRun(input: unknown): Record<string, unknown> & { completedAt?: Date; syncId?: number; fullSync?: Record<string, unknown> };
    safeParseSyncRun(input: unknown): SafeResult<Record<string, unknown>>;
    serializeSyncRun(value: Record<string, unknown>): Record<string, unknown>;
  }
  const SYNC_RUN_DOCS = ["models/shared/syncrun.md", "models/shared/currentstep.md", "models/shared/syncrunstatus.md", "models/shared/synctriggerreason.md"];

  function withSyncRun(wireNames: { case: "preserve" | "snake_case" | "camelCase" | "PascalCase" | "kebab-case"; overrides: Record<string, Record<string, string>> }, extra = {}) {
    let output: TempOutput | undefined;
    let module: SyncRunModule | undefined;
    beforeAll(async () => {
      output = await generateToTemp(await docsOf(SPECS_ROOT, SYNC_RUN_DOCS), { wireNames, ...extra }, SPECS_ROOT);
      module = await output.load<SyncRunModule>("models/shared/syncrun.ts");
    });
    afterAll(() => output?.cleanup());
    return () => module!;
  }

  describe("snake_case", () => {
    const syncRun = withSyncRun({ case: "snake_case", overrides: {} });
    const wire = {
      completed_at: "2021-10-20T02:52:29.234Z",
      current_step: "Running sync",
      full_sync: { ui_tag: "manual", force_full_sync: true, upstream_job_id: "job_1" },
      records_processed: 1,
      scheduled_execution_time: "2021-10-20T02:52:29.234Z",
      sync_id: 52,
      id: 94,
    };

    it("reads the snake_case keys into the documented property names", () => {
      const run = syncRun().parseSyncRun(wire);
      expect(run).toEqual({
        completedAt: new Date("2021-10-20T02:52:29.234Z"),
        currentStep: "Running sync",
        fullSync: { uiTag: "manual", forceFullSync: true, upstreamJobId: "job_1" },
        recordsProcessed: 1,
        scheduledExecutionTime: new Date("2021-10-20T02:52:29.234Z"),
        syncId: 52,
        id: 94,
      });
    });

    it("does not read the property names from the wire", () => {
      const run = syncRun().parseSyncRun({ completedAt: "2021-10-20T02:52:29.234Z", syncId: 52 });
      expect(run.completedAt).toBeUndefined();
      expect(run.syncId).toBeUndefined();
    });

    it("names the wire key in issue paths, nested ones included", () => {
      expect(issueSummary(syncRun().safeParseSyncRun({ completed_at: "yesterday", full_sync: { force_full_sync: "yes" } }))).toEqual([
        { path: ["completed_at"], code: "invalid_date" },
        { path: ["full_sync", "force_full_sync"], code: "invalid_type" },
      ]);
    });

    it("writes snake_case keys when serializing, and round-trips through JSON text", () => {
      const serialized = json(syncRun().serializeSyncRun(syncRun().parseSyncRun(wire)));
      expect(serialized).toEqual(wire);
      expect(syncRun().serializeSyncRun({ completedAt: new Date(Date.UTC(2021, 0, 1)) })).toMatchObject({ completed_at: "2021-01-01T00:00:00.000Z" });
    });
  });

  describe("an override file entry wins over the case", () => {
    const syncRun = withSyncRun({ case: "snake_case", overrides: { "models/shared/syncrun.md": { syncId: "SYNC" } } });

    it("reads and writes the overridden key, the others keeping the case", () => {
      const run = syncRun().parseSyncRun({ SYNC: 52, completed_at: "2021-10-20T02:52:29.234Z" });
      expect(run.syncId).toBe(52);
      expect(run.completedAt).toEqual(new Date("2021-10-20T02:52:29.234Z"));
      expect(json(syncRun().serializeSyncRun(run))).toEqual({ SYNC: 52, completed_at: "2021-10-20T02:52:29.234Z" });
    });

    it("ignores the case-converted key of an overridden field and names the override in issue paths", () => {
      expect(syncRun().parseSyncRun({ sync_id: 52 }).syncId).toBeUndefined();
      expect(issueSummary(syncRun().safeParseSyncRun({ SYNC: "52" }))).toEqual([{ path: ["SYNC"], code: "invalid_type" }]);
    });
  });

  describe("kebab-case with strict unknown keys", () => {
    const syncRun = withSyncRun({ case: "kebab-case", overrides: {} }, { unknownKeys: "strict" });

    it("reads kebab-case keys and reports the property-name spelling as unknown", () => {
      expect(syncRun().parseSyncRun({ "completed-at": "2021-10-20T02:52:29Z", "full-sync": { "ui-tag": "x" } })).toEqual({
        completedAt: new Date("2021-10-20T02:52:29Z"),
        fullSync: { uiTag: "x" },
      });
      expect(issueSummary(syncRun().safeParseSyncRun({ completedAt: "2021-10-20T02:52:29Z" }))).toEqual([{ path: ["completedAt"], code: "unrecognized_keys" }]);
    });
  });

  describe("snake_case with passthrough", () => {
    const syncRun = withSyncRun({ case: "snake_case", overrides: {} }, { unknownKeys: "passthrough" });

    it("keeps unknown keys but never lets one overwrite a decoded property of the same name", () => {
      const run = syncRun().parseSyncRun({ completed_at: "2021-10-20T02:52:29Z", completedAt: "not a date", other: 1 });
      expect(run["other"]).toBe(1);
      expect(run.completedAt).toEqual(new Date("2021-10-20T02:52:29Z"));
    });
  });

  describe("PascalCase", () => {
    const syncRun = withSyncRun({ case: "PascalCase", overrides: {} });

    it("reads and writes PascalCase keys", () => {
      const run = syncRun().parseSyncRun({ CompletedAt: "2021-10-20T02:52:29Z", SyncId: 1 });
      expect(run).toEqual({ completedAt: new Date("2021-10-20T02:52:29Z"), syncId: 1 });
      expect(json(syncRun().serializeSyncRun(run))).toEqual({ CompletedAt: "2021-10-20T02:52:29.000Z", SyncId: 1 });
    });
  });
});

describe("wire names that clash", () => {
  it("refuse a model whose two fields get one wire name (MDS207 at the second field's row), writing nothing", async () => {
    const text = "# Account\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `userId` | *string* | :heavy_check_mark: | Camel. |\n| `user_id` | *string* | :heavy_minus_sign: | Snake. |\n";
    const docs = [{ path: "account.md", text }];
    const snake = await generateFromDocs(docs, { wireNames: { case: "snake_case", overrides: {} } }, await readRuntimeTemplate());
    expect(snake.files).toEqual([]);
    expect(snake.diagnostics.map(({ file, line, column, code, severity }) => ({ file, line, column, code, severity }))).toEqual([
      { file: "account.md", line: 8, column: 1, code: "MDS207", severity: "error" },
    ]);
    expect(snake.diagnostics[0]?.message).toContain('"userId" and "user_id" both have the wire name "user_id"');
    // An override that tells them apart resolves it; without the case, the names differ anyway.
    const overridden = await generateFromDocs(docs, { wireNames: { case: "snake_case", overrides: { "account.md": { userId: "uid" } } } }, await readRuntimeTemplate());
    expect(overridden.diagnostics).toEqual([]);
    expect((await generateFromDocs(docs, {}, await readRuntimeTemplate())).diagnostics).toEqual([]);
  });
});
