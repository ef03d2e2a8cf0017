// Scalars: finite numbers, BigInt and Decimal without precision loss, booleans, literal types and
// `*any*` (DESIGN.md section 3, "Numbers" and "`*any*`").
import { describe, expect, it } from "vitest";
import { type ConnectionProfileJson, parseConnectionProfile, serializeConnectionProfile } from "../../generated/models/shared/connectionprofile.js";
import { parseSegmentRule, serializeSegmentRule } from "../../generated/models/shared/segmentrule.js";
import { parseSyncRun, safeParseSyncRun } from "../../generated/models/shared/syncrun.js";
import { safeParseSyncRunMetrics } from "../../generated/models/shared/syncrunmetrics.js";
import { Decimal } from "../../generated/runtime.js";
import { type AgentEventJson, isAgentEvent, parseAgentEvent, safeParseAgentEvent, serializeAgentEvent } from "../../generated/zod/models/components/agentevent.js";
import {
  isUsageRecord,
  parseUsageRecord,
  safeParseUsageRecord,
  serializeUsageRecord,
  type UsageRecord,
  type UsageRecordJson,
} from "../../generated/zod/models/components/usagerecord.js";
import { issueSummary } from "./support.js";

describe("*number*", () => {
  it("accepts finite numbers: integers, fractions, negatives, zero, large values", () => {
    for (const value of [0, -0, 1, -1.5, 0.1, 1e308, -1e-308, Number.MAX_SAFE_INTEGER]) {
      expect(parseSyncRun({ recordsProcessed: value }).recordsProcessed).toBe(value);
    }
  });

  it("rejects NaN and the infinities (when they reach the decoder from non-JSON input)", () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(issueSummary(safeParseSyncRun({ id: value })), String(value)).toEqual([{ path: ["id"], code: "invalid_type" }]);
    }
  });

  it("rejects numeric strings and other non-numbers (no coercion)", () => {
    for (const value of ["7", "", "1e3", true, [], {}, 7n]) {
      expect(issueSummary(safeParseSyncRun({ syncId: value })), String(value)).toEqual([{ path: ["syncId"], code: "invalid_type" }]);
    }
  });

  it("rejects a non-finite element of a number array at its index", () => {
    expect(issueSummary(safeParseSyncRunMetrics({ latenciesMs: [1, Number.NaN, 3, Number.POSITIVE_INFINITY] }))).toEqual([
      { path: ["latenciesMs", 1], code: "invalid_type" },
      { path: ["latenciesMs", 3], code: "invalid_type" },
    ]);
  });
});

describe("*boolean* and *string*", () => {
  it("accepts true and false", () => {
    expect(parseSyncRun({ canceled: true }).canceled).toBe(true);
    expect(parseSyncRun({ canceled: false }).canceled).toBe(false);
  });

  it("rejects truthy and falsy stand-ins", () => {
    for (const value of ["true", "false", 0, 1, {}]) {
      expect(issueSummary(safeParseSyncRun({ canceled: value })), JSON.stringify(value)).toEqual([{ path: ["canceled"], code: "invalid_type" }]);
    }
  });

  it("keeps the empty string and rejects non-strings", () => {
    expect(parseSyncRun({ errorCode: "" }).errorCode).toBe("");
    expect(issueSummary(safeParseSyncRun({ errorCode: 5 }))).toEqual([{ path: ["errorCode"], code: "invalid_type" }]);
  });
});

describe("*BigInt*", () => {
  const base = { workspaceId: "ws_7d1", day: "2024-01-02", cost: "1.5" };

  it("decodes a safe integer number and a digit string to bigint", () => {
    expect(parseUsageRecord({ ...base, tokensIn: 1048576 }).tokensIn).toBe(1048576n);
    expect(parseUsageRecord({ ...base, tokensIn: -3 }).tokensIn).toBe(-3n);
    expect(parseUsageRecord({ ...base, tokensIn: "0" }).tokensIn).toBe(0n);
  });

  it("keeps every digit of a string beyond 2^53", () => {
    const usage = parseUsageRecord({ ...base, tokensIn: "12345678901234567890", tokenHistory: ["-98765432109876543210", 5], tokensOutPerModel: { big: "18446744073709551617" } });
    expect(usage.tokensIn).toBe(12345678901234567890n);
    expect(usage.tokenHistory).toEqual([-98765432109876543210n, 5n]);
    expect(usage.tokensOutPerModel).toEqual({ big: 18446744073709551617n });
  });

  it("serializes as the decimal string, so JSON.stringify works and keeps every digit", () => {
    const usage = parseUsageRecord({ ...base, tokensIn: "12345678901234567890", tokenHistory: [1, "2"], tokensOutPerModel: { m: 3 } });
    const wire = serializeUsageRecord(usage);
    expect(wire.tokensIn).toBe("12345678901234567890");
    expect(wire.tokenHistory).toEqual(["1", "2"]);
    expect(wire.tokensOutPerModel).toEqual({ m: "3" });
    const text = JSON.stringify(wire);
    expect(text).toContain('"tokensIn":"12345678901234567890"');
    expect(parseUsageRecord(JSON.parse(text)).tokensIn).toBe(12345678901234567890n);
  });

  it("rejects fractions, non-digit strings and numbers beyond the safe range (which may already be rounded)", () => {
    for (const value of [1.5, "1.5", "1e3", "12a", "", " 1", Number.NaN, 2 ** 60, true]) {
      expect(issueSummary(safeParseUsageRecord({ ...base, tokensIn: value })), String(value)).toEqual([{ path: ["tokensIn"], code: "invalid_type" }]);
    }
  });

  it("has a wire type taking both forms the decoder takes, a *Decimal*'s too (string | number)", () => {
    const wire: UsageRecordJson = { workspaceId: "w", day: "2024-01-02", tokensIn: 7, tokenHistory: [1, "2"], cost: 19.99, costPerModel: { a: "0.5", b: 2 } };
    const usage = parseUsageRecord(wire);
    expect(usage.tokensIn).toBe(7n);
    expect(usage.tokenHistory).toEqual([1n, 2n]);
    // A decimal number stays a number (its precision went with JSON.parse), and is written back as one.
    expect(usage.cost).toBe(19.99);
    expect(usage.costPerModel?.["a"]).toBeInstanceOf(Decimal);
    // The serializer writes the bigints and Decimals as strings.
    expect(serializeUsageRecord(usage)).toMatchObject({ tokensIn: "7", tokenHistory: ["1", "2"], cost: 19.99, costPerModel: { a: "0.5", b: 2 } });
  });

  it("isX requires a bigint, not a number or string", () => {
    const usage: UsageRecord = { workspaceId: "w", day: "2024-01-02", tokensIn: 1n, cost: new Decimal("1") };
    expect(isUsageRecord(usage)).toBe(true);
    expect(isUsageRecord({ ...usage, tokensIn: 1 })).toBe(false);
    expect(isUsageRecord({ ...usage, tokensIn: "1" })).toBe(false);
  });
});

describe("*Decimal*", () => {
  const base = { workspaceId: "ws_7d1", day: "2024-01-02", tokensIn: 1 };
  const exact = "0.1000000000000000055511151231257827";

  it("keeps the exact decimal text of a string", () => {
    const usage = parseUsageRecord({ ...base, cost: exact, costHistory: ["-12.50", "1e-7"], costPerModel: { a: "99999999999999999999.99" } });
    expect(usage.cost).toBeInstanceOf(Decimal);
    expect(usage.cost.toString()).toBe(exact);
    expect(usage.costHistory?.map(String)).toEqual(["-12.50", "1e-7"]);
    expect(usage.costPerModel?.["a"]?.toString()).toBe("99999999999999999999.99");
  });

  it("serializes to the same text, and JSON.stringify keeps every digit", () => {
    const usage = parseUsageRecord({ ...base, cost: exact, costHistory: ["-12.50"], costPerModel: { a: "0.30" } });
    const wire = serializeUsageRecord(usage);
    expect(wire.cost).toBe(exact);
    expect(wire.costHistory).toEqual(["-12.50"]);
    expect(wire.costPerModel).toEqual({ a: "0.30" });
    expect(JSON.stringify(wire)).toContain(`"cost":"${exact}"`);
    expect(JSON.stringify(usage.cost)).toBe(`"${exact}"`);
  });

  it("keeps a finite JSON number as a number (typed Decimal | number, as Speakeasy's TypeScript SDKs declare it) and writes it back as one", () => {
    const usage = parseUsageRecord({ ...base, cost: 0.1, costHistory: [-3, "2.50"] });
    expect(usage.cost).toBe(0.1);
    expect(usage.costHistory).toEqual([-3, new Decimal("2.50")]);
    expect(serializeUsageRecord(usage)).toMatchObject({ cost: 0.1, costHistory: [-3, "2.50"] });
    // A value user code builds may hold either.
    const built: UsageRecord = { workspaceId: "w", day: "2024-01-02", tokensIn: 1n, cost: 1.5, costHistory: [new Decimal("0.10"), 2] };
    expect(isUsageRecord(built)).toBe(true);
    expect(serializeUsageRecord(built)).toMatchObject({ cost: 1.5, costHistory: ["0.10", 2] });
  });

  it("isX takes a Decimal or a finite number, not a string or a non-finite number", () => {
    const usage: UsageRecord = { workspaceId: "w", day: "2024-01-02", tokensIn: 1n, cost: new Decimal("1") };
    expect(isUsageRecord(usage)).toBe(true);
    expect(isUsageRecord({ ...usage, cost: 2 })).toBe(true);
    expect(isUsageRecord({ ...usage, cost: "2" })).toBe(false);
    expect(isUsageRecord({ ...usage, cost: Number.NaN })).toBe(false);
    expect(isUsageRecord({ ...usage, cost: Number.POSITIVE_INFINITY })).toBe(false);
  });

  it("rejects text that is not a decimal, and non-finite numbers", () => {
    for (const value of ["abc", "", "1.", ".5", "1,5", "NaN", "Infinity", "0x10", Number.NaN, Number.POSITIVE_INFINITY, true, {}]) {
      expect(issueSummary(safeParseUsageRecord({ ...base, cost: value })), String(value)).toEqual([{ path: ["cost"], code: "invalid_type" }]);
    }
  });

  it("the Decimal class refuses non-decimal text", () => {
    expect(() => new Decimal("1.2.3")).toThrow(RangeError);
    expect(new Decimal("-0.000").text).toBe("-0.000");
  });
});

describe("literal fields", () => {
  const event: AgentEventJson = {
    type: "agent.handoff.done",
    trigger: "click",
    stream: true,
    final: false,
    agentId: "agt_42",
    occurredAt: "2025-11-02T16:04:11.000Z",
  };

  it("accepts exactly the documented values and serializes them unchanged", () => {
    const decoded = parseAgentEvent(event);
    expect(decoded).toEqual({ ...event, occurredAt: new Date("2025-11-02T16:04:11.000Z") });
    expect(serializeAgentEvent(decoded)).toEqual(event);
    expect(isAgentEvent(decoded)).toBe(true);
  });

  it("rejects any other value with invalid_literal at the field", () => {
    const cases: [keyof AgentEventJson, unknown][] = [
      ["trigger", "tap"],
      ["trigger", "Click"],
      ["type", "agent.handoff"],
      ["stream", false],
      ["stream", "true"],
      ["final", true],
      ["final", 0],
    ];
    for (const [field, value] of cases) {
      const result = safeParseAgentEvent({ ...event, [field]: value });
      expect(issueSummary(result), `${field} = ${JSON.stringify(value)}`).toEqual([{ path: [field], code: "invalid_literal" }]);
    }
  });

  it("reports a missing required literal as required", () => {
    const { trigger: _trigger, ...rest } = event;
    expect(issueSummary(safeParseAgentEvent(rest))).toEqual([{ path: ["trigger"], code: "required" }]);
  });

  it("isX is false for another literal value", () => {
    expect(isAgentEvent({ ...parseAgentEvent(event), trigger: "tap" })).toBe(false);
  });
});

describe("*any* fields", () => {
  it("keep any JSON value as it is, nested nulls included", () => {
    const values: unknown[] = [{ a: null, b: [null, { c: null }], d: { e: [] } }, [null, 1, "x", false], 0, false, "", "text", 12.5, [[[]]]];
    for (const value of values) {
      const rule = parseSegmentRule({ field: "plan", operator: "eq", value });
      expect(rule.value, JSON.stringify(value)).toEqual(value);
      expect(serializeSegmentRule(rule).value).toEqual(value);
    }
  });

  it("keep nulls inside Record<string, *any*> and *any*[] fields", () => {
    const wire: ConnectionProfileJson = {
      id: 1,
      name: "warehouse",
      readOnly: true,
      connectionDetails: { host: "db", port: null, tls: { ca: null, verify: false }, list: [null] },
      replicas: [null, { host: null }, 3],
    };
    const profile = parseConnectionProfile(JSON.parse(JSON.stringify(wire)));
    expect(profile.connectionDetails).toEqual(wire.connectionDetails);
    expect(profile.connectionDetails?.["port"]).toBeNull();
    expect(profile.replicas).toEqual([null, { host: null }, 3]);
    expect(JSON.parse(JSON.stringify(serializeConnectionProfile(profile)))).toEqual(wire);
  });

  it("do not make a required-field check of their own: an absent optional *any* stays absent", () => {
    expect(parseSegmentRule({ field: "plan", operator: "eq" }).value).toBeUndefined();
  });
});
