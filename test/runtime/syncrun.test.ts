// The seed model SyncRun end to end: wire JSON in, model out, wire JSON back (DESIGN.md section 3).
import { describe, expect, it } from "vitest";
import {
  type ListSyncRunsResponseBodyJson,
  parseListSyncRunsResponseBody,
  serializeListSyncRunsResponseBody,
} from "../../generated/models/operations/listsyncrunsresponsebody.js";
import { CurrentStep } from "../../generated/models/shared/currentstep.js";
import { isSyncRun, parseSyncRun, type SyncRun, type SyncRunJson, safeParseSyncRun, serializeSyncRun } from "../../generated/models/shared/syncrun.js";
import { SyncRunStatus } from "../../generated/models/shared/syncrunstatus.js";
import { parseSyncRunMetrics, serializeSyncRunMetrics } from "../../generated/models/shared/syncrunmetrics.js";
import { ValidationError } from "../../generated/runtime.js";
import { issueSummary } from "./support.js";

/** A full SyncRun as the Census API sends it (the doc's examples). */
const WIRE: SyncRunJson = {
  canceled: false,
  completedAt: "2021-10-20T02:52:29.234Z",
  createdAt: "2021-10-20T02:51:07.546Z",
  currentStep: "Running sync",
  errorCode: "JSON_ARRAY_ERROR",
  errorDetail: 'Please make sure the field "custom_field:Users" with value "jim" is formatted as a JSON Array...',
  errorMessage: "The array field being used does not appear to be valid JSON...",
  fullSync: {
    uiTag: "manual",
    uiDetail: "Triggered from the sync page",
    triggerSource: "ui",
    requestedBy: "jim@example.com",
    forceFullSync: true,
    upstreamJobId: "job_81",
  },
  id: 94,
  recordsFailed: 0,
  recordsInvalid: 0,
  recordsProcessed: 1,
  recordsUpdated: 1,
  scheduledExecutionTime: "2021-10-20T02:52:29.234Z",
  sourceRecordCount: 1,
  status: "completed",
  syncId: 52,
  updatedAt: "2021-10-20T02:52:29.236Z",
};

/** The wire value after a trip through JSON text, as a client receives it. */
function received(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe("parseSyncRun", () => {
  it("decodes every field: ISO strings to Dates of the same instant, nested enum and object", () => {
    const run = parseSyncRun(received(WIRE));
    expect(run.completedAt).toBeInstanceOf(Date);
    expect(run.completedAt?.getTime()).toBe(Date.UTC(2021, 9, 20, 2, 52, 29, 234));
    expect(run.createdAt?.getTime()).toBe(Date.UTC(2021, 9, 20, 2, 51, 7, 546));
    expect(run.scheduledExecutionTime?.toISOString()).toBe("2021-10-20T02:52:29.234Z");
    expect(run.updatedAt?.toISOString()).toBe("2021-10-20T02:52:29.236Z");
    expect(run.status).toBe(SyncRunStatus.Completed);
    expect(run.currentStep).toBe(CurrentStep.RunningSync);
    expect(run.fullSync).toEqual(WIRE.fullSync);
    expect(run).toEqual({
      ...WIRE,
      completedAt: new Date("2021-10-20T02:52:29.234Z"),
      createdAt: new Date("2021-10-20T02:51:07.546Z"),
      scheduledExecutionTime: new Date("2021-10-20T02:52:29.234Z"),
      updatedAt: new Date("2021-10-20T02:52:29.236Z"),
    });
  });

  it("accepts the empty object (every field is optional) and leaves every field undefined", () => {
    const run = parseSyncRun({});
    for (const key of Object.keys(WIRE)) expect(run[key as keyof SyncRun], key).toBeUndefined();
  });

  it("gives every decoded object all declared keys, absent ones undefined (one shape per model; README)", () => {
    const run = parseSyncRun({ id: 94 });
    expect(Object.keys(run)).toHaveLength(18);
    expect(run.id).toBe(94);
    expect(Object.entries(run).filter(([, value]) => value !== undefined)).toEqual([["id", 94]]);
  });

  it("throws a ValidationError with the issues when the input is not a SyncRun", () => {
    expect(() => parseSyncRun({ id: "94" })).toThrow(ValidationError);
    try {
      parseSyncRun({ id: "94" });
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual([{ path: ["id"], code: "invalid_type", message: expect.any(String) }]);
      expect((error as ValidationError).message).toContain("id");
    }
  });

  it("rejects a non-object root with a root-level issue", () => {
    for (const input of [null, 7, "x", [], true, undefined]) {
      expect(issueSummary(safeParseSyncRun(input)), JSON.stringify(input)).toEqual([{ path: [], code: "invalid_type" }]);
    }
  });
});

describe("serializeSyncRun", () => {
  it("gives back the wire value", () => {
    const wire = serializeSyncRun(parseSyncRun(received(WIRE)));
    expect(wire).toEqual(WIRE);
    expect(wire.completedAt).toBe("2021-10-20T02:52:29.234Z");
  });

  it("round-trips through JSON text: stringify(serialize(parse(JSON.parse(text)))) is the same JSON", () => {
    const text = JSON.stringify(WIRE);
    const again = JSON.stringify(serializeSyncRun(parseSyncRun(JSON.parse(text))));
    expect(JSON.parse(again)).toEqual(JSON.parse(text));
    expect(parseSyncRun(JSON.parse(again))).toEqual(parseSyncRun(JSON.parse(text)));
  });

  it("writes no key for an absent optional field in the JSON text", () => {
    expect(JSON.stringify(serializeSyncRun({ id: 1 }))).toBe('{"id":1}');
  });

  it("writes only the keys of the fields that are set (an absent field is not an undefined key)", () => {
    const wire = serializeSyncRun({ id: 1 });
    expect(Object.keys(wire)).toEqual(["id"]);
    expect(JSON.stringify(wire)).toBe('{"id":1}');
  });

  it("serializes a model built in code (not decoded) to its wire form", () => {
    const run: SyncRun = { id: 7, status: "failed", completedAt: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)) };
    expect(JSON.parse(JSON.stringify(serializeSyncRun(run)))).toEqual({ id: 7, status: "failed", completedAt: "2024-01-02T03:04:05.006Z" });
  });
});

describe("isSyncRun", () => {
  it("is true for a decoded value and for the empty object", () => {
    expect(isSyncRun(parseSyncRun(received(WIRE)))).toBe(true);
    expect(isSyncRun({})).toBe(true);
  });

  it("is false for non-objects", () => {
    for (const value of [null, 7, "x", undefined, [], true]) expect(isSyncRun(value), String(value)).toBe(false);
  });

  it("is false for the wire value (a string where a Date belongs)", () => {
    expect(isSyncRun({ completedAt: "2021-10-20T02:52:29.234Z" })).toBe(false);
    expect(isSyncRun(received(WIRE))).toBe(false);
  });

  it("is false for an Invalid Date, a wrong enum value, a wrong nested object", () => {
    expect(isSyncRun({ completedAt: new Date("nope") })).toBe(false);
    expect(isSyncRun({ status: "paused" })).toBe(false);
    expect(isSyncRun({ fullSync: { forceFullSync: "yes" } })).toBe(false);
    expect(isSyncRun({ id: Number.NaN })).toBe(false);
  });
});

describe("arrays and records around SyncRun", () => {
  const body: ListSyncRunsResponseBodyJson = {
    data: [WIRE, { id: 95, status: "working", createdAt: "2021-10-21T00:00:00.000Z" }],
    pagination: { page: 1, perPage: 25, nextPage: 2, lastPage: false },
    runsByDay: [[{ id: 1, updatedAt: "2021-10-22T10:00:00.000Z" }], [], [WIRE]],
  };

  it("decodes an array of models and an array of arrays of models, dates included", () => {
    const decoded = parseListSyncRunsResponseBody(received(body));
    expect(decoded.data).toHaveLength(2);
    expect(decoded.data[0]?.completedAt).toEqual(new Date("2021-10-20T02:52:29.234Z"));
    expect(decoded.data[1]?.createdAt).toEqual(new Date("2021-10-21T00:00:00.000Z"));
    expect(decoded.runsByDay?.[0]?.[0]?.updatedAt).toEqual(new Date("2021-10-22T10:00:00.000Z"));
    expect(decoded.runsByDay?.[1]).toEqual([]);
    expect(decoded.pagination).toEqual(body.pagination);
    expect(JSON.parse(JSON.stringify(serializeListSyncRunsResponseBody(decoded)))).toEqual(body);
  });

  it("reports an element's issue with its array index", () => {
    const bad = received({ ...body, data: [WIRE, { id: 95, createdAt: "yesterday" }], runsByDay: [[], [{ status: "paused" }]] });
    try {
      parseListSyncRunsResponseBody(bad);
      expect.fail("expected a ValidationError");
    } catch (error) {
      expect((error as ValidationError).issues.map(({ path, code }) => ({ path, code }))).toEqual([
        { path: ["data", 1, "createdAt"], code: "invalid_date" },
        { path: ["runsByDay", 1, 0, "status"], code: "invalid_enum_value" },
      ]);
    }
  });

  it("decodes records (of models, of records of models, of numbers) and serializes them back", () => {
    const wire = {
      countersByStep: { extract: { name: "rows", value: 10 }, load: { name: "rows", value: 9, unit: "row" } },
      countersByStepAndDestination: { load: { bigquery: { name: "bytes", value: 2048 } }, extract: {} },
      stepDurations: { extract: 1.5, load: 0.25 },
      rowSamples: [["a", "b"], [], ["c"]],
      latenciesMs: [1, 2.5, 0],
      rawStats: { p99: [1, null, { deep: null }] },
    };
    const metrics = parseSyncRunMetrics(received(wire));
    expect(metrics).toEqual(wire);
    expect(metrics.countersByStepAndDestination?.["load"]?.["bigquery"]?.value).toBe(2048);
    expect(JSON.parse(JSON.stringify(serializeSyncRunMetrics(metrics)))).toEqual(wire);
  });
});

describe("serializing objects that user code builds", () => {
  it("writes only the fields that are set: a field left out or undefined is absent, not undefined", () => {
    const wire = serializeSyncRun({ status: "completed", id: 7, errorCode: undefined, completedAt: new Date("2024-01-02T03:04:05.000Z") });
    expect(Object.keys(wire)).toEqual(["status", "id", "completedAt"]);
    expect(wire).toEqual({ completedAt: "2024-01-02T03:04:05.000Z", id: 7, status: "completed" });
  });

  it("writes the wire keys in the order of the value's keys, nested objects included", () => {
    const wire = serializeSyncRun({ syncId: 1, id: 2, fullSync: { uiTag: "x", requestedBy: "me" } });
    expect(JSON.stringify(wire)).toBe('{"syncId":1,"id":2,"fullSync":{"uiTag":"x","requestedBy":"me"}}');
  });
});
