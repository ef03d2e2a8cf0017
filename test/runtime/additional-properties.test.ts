// The `additionalProperties` row of a Zod-era doc is the model's catch-all: wire keys the model
// does not declare are collected into that property on decode (whatever the unknown-keys policy)
// and written back at the top level on encode, so a read-modify-write loses nothing. The row's own
// name never appears on the wire. Checked on the committed output for specs/ and, for the
// policies, on code generated with other options.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  isCheckpointTimes,
  parseCheckpointTimes,
  safeParseCheckpointTimes,
  serializeCheckpointTimes,
} from "../../generated/zod/models/components/checkpointtimes.js";
import { isFeatureFlags, parseFeatureFlags, serializeFeatureFlags } from "../../generated/zod/models/components/featureflags.js";
import {
  type ResourceAnnotations,
  isResourceAnnotations,
  parseResourceAnnotations,
  serializeResourceAnnotations,
} from "../../generated/zod/models/components/resourceannotations.js";
import { type SafeResult, SPECS_ROOT, type TempOutput, docsOf, generateToTemp, issueSummary } from "./support.js";

/** A JSON value after a trip through JSON text. */
function json(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe("a catch-all of *any* values (ResourceAnnotations)", () => {
  it("collects the undeclared keys, with their values as they are, into additionalProperties", () => {
    const decoded = parseResourceAnnotations({ priority: 0.5, lastModified: "2025-01-12T15:00:58Z", tags: ["a", null], nothing: null });
    expect(decoded).toEqual({ priority: 0.5, additionalProperties: { lastModified: "2025-01-12T15:00:58Z", tags: ["a", null], nothing: null } });
  });

  it("leaves additionalProperties absent when the input has no undeclared key", () => {
    const decoded = parseResourceAnnotations({ priority: 1, audience: ["user"] });
    expect(decoded).toEqual({ priority: 1, audience: ["user"] });
    expect(decoded.additionalProperties).toBeUndefined();
  });

  it("reads a wire key named additionalProperties as one more undeclared key", () => {
    expect(parseResourceAnnotations({ additionalProperties: { x: 1 } })).toEqual({ additionalProperties: { additionalProperties: { x: 1 } } });
  });

  it("writes the collected keys back at the top level, so a read-modify-write keeps them", () => {
    const wire = { audience: ["assistant"], priority: 0.25, lastModified: "2025-01-12T15:00:58Z", nested: { deep: [1, 2] } };
    const model = parseResourceAnnotations(wire);
    expect(json(serializeResourceAnnotations(model))).toEqual(wire);
    expect(JSON.stringify(serializeResourceAnnotations(model))).not.toContain("additionalProperties");
  });

  it("serializes a value the user built: declared keys win over catch-all keys of the same wire name", () => {
    const value: ResourceAnnotations = { priority: 0.1, additionalProperties: { priority: 99, source: "crawler" } };
    expect(json(serializeResourceAnnotations(value))).toEqual({ priority: 0.1, source: "crawler" });
    expect(json(serializeResourceAnnotations({ additionalProperties: { priority: 99 } }))).toEqual({});
  });

  it("accepts a model value with a catch-all record in isX, and rejects one that is not a record", () => {
    expect(isResourceAnnotations({ priority: 1, additionalProperties: { any: [1, "x"] } })).toBe(true);
    expect(isResourceAnnotations({ additionalProperties: "nope" })).toBe(false);
  });

  it("keeps an undeclared `__proto__` key as an own entry without touching any prototype", () => {
    const decoded = parseResourceAnnotations(JSON.parse('{"__proto__": {"polluted": true}, "priority": 2}'));
    const extra = decoded.additionalProperties as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(extra, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(extra)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    const wire = serializeResourceAnnotations(decoded) as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(wire, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(wire)).toBe(Object.prototype);
  });
});

describe("a typed catch-all (CheckpointTimes: Record<string, Date>)", () => {
  it("decodes each undeclared key's value by the record's type", () => {
    const decoded = parseCheckpointTimes({ runId: "r1", fetched: "2025-03-01T10:00:00.000Z", indexed: "2025-03-01T10:05:00.000Z" });
    expect(decoded.additionalProperties).toEqual({ fetched: new Date("2025-03-01T10:00:00.000Z"), indexed: new Date("2025-03-01T10:05:00.000Z") });
    expect(isCheckpointTimes(decoded)).toBe(true);
  });

  it("reports an undeclared key whose value is not of the record's type at that key's path", () => {
    const result = safeParseCheckpointTimes({ runId: "r1", fetched: "yesterday", indexed: 3 }) as SafeResult<unknown>;
    expect(issueSummary(result)).toEqual([
      { path: ["fetched"], code: "invalid_date" },
      { path: ["indexed"], code: "invalid_date" },
    ]);
  });

  it("encodes the collected values back to their wire form at the top level", () => {
    const wire = { runId: "r1", startedAt: "2025-03-01T09:59:00.000Z", fetched: "2025-03-01T10:00:00.000Z" };
    expect(json(serializeCheckpointTimes(parseCheckpointTimes(wire)))).toEqual(wire);
  });

  it("reads null under an undeclared key as absent, as for an optional field (the nulls policy)", () => {
    expect(parseCheckpointTimes({ runId: "r1", fetched: null })).toEqual({ runId: "r1" });
  });
});

describe("a required catch-all (FeatureFlags)", () => {
  it("is always present, empty when the input has no key", () => {
    expect(parseFeatureFlags({})).toEqual({ additionalProperties: {} });
    expect(parseFeatureFlags({ beta: true, dark: false })).toEqual({ additionalProperties: { beta: true, dark: false } });
  });

  it("round-trips and is required by isX", () => {
    expect(json(serializeFeatureFlags(parseFeatureFlags({ beta: true })))).toEqual({ beta: true });
    expect(isFeatureFlags({ additionalProperties: { beta: true } })).toBe(true);
    expect(isFeatureFlags({})).toBe(false);
  });
});

/** The modules of the catch-all specs generated with non-default options. */
interface CatchAllModule {
  parseResourceAnnotations(input: unknown): ResourceAnnotations;
  serializeResourceAnnotations(value: ResourceAnnotations): unknown;
}

describe.each(["strict", "passthrough"] as const)("under --unknown-keys %s", (unknownKeys) => {
  let output: TempOutput | undefined;
  let module: CatchAllModule | undefined;
  const docs = ["zod/models/components/resourceannotations.md", "zod/models/components/messagerole.md"];
  beforeAll(async () => {
    output = await generateToTemp(await docsOf(SPECS_ROOT, docs), { unknownKeys }, SPECS_ROOT);
    module = await output.load<CatchAllModule>("zod/models/components/resourceannotations.ts");
  });
  afterAll(() => output?.cleanup());

  it("still collects the undeclared keys of a model with a catch-all (no issue, nothing left on the model)", () => {
    const decoded = module!.parseResourceAnnotations({ priority: 1, extra: "x" });
    expect(decoded).toEqual({ priority: 1, additionalProperties: { extra: "x" } });
    expect(json(module!.serializeResourceAnnotations(decoded))).toEqual({ priority: 1, extra: "x" });
  });

  it("still reports the declared fields' issues", () => {
    expect(module!.parseResourceAnnotations({})).toEqual({});
    expect(() => module!.parseResourceAnnotations({ priority: "high" })).toThrow(/priority/);
  });
});
