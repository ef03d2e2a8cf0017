// Prototype pollution and keys that every object inherits: decoding untrusted JSON never changes
// Object.prototype nor a decoded object's prototype, and fields named like Object.prototype members
// (the ReservedKeys doc) decode and encode like any other field.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseBlackoutWindow } from "../../generated/models/shared/blackoutwindow.js";
import { parseConnectionProfile, serializeConnectionProfile } from "../../generated/models/shared/connectionprofile.js";
import { parseQueryTemplate, serializeQueryTemplate } from "../../generated/models/shared/querytemplate.js";
import {
  type ReservedKeys,
  isReservedKeys,
  parseReservedKeys,
  safeParseReservedKeys,
  serializeReservedKeys,
} from "../../generated/models/shared/reservedkeys.js";
import { parseSegmentRule, serializeSegmentRule } from "../../generated/models/shared/segmentrule.js";
import { parseSyncRun } from "../../generated/models/shared/syncrun.js";
import { parseSyncRunMetrics, serializeSyncRunMetrics } from "../../generated/models/shared/syncrunmetrics.js";
import { parseMetadataValue } from "../../generated/zod/models/components/metadatavalue.js";
import { ROOT } from "../helpers.js";
import { issueSummary } from "./support.js";

const PAYLOAD = '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}';

/** A fresh copy of the attack payload, parsed as a client would parse a response body. */
function payload(): Record<string, unknown> {
  return JSON.parse(PAYLOAD) as Record<string, unknown>;
}

function ownValue(object: object, key: string): unknown {
  return Object.getOwnPropertyDescriptor(object, key)?.value;
}

/** Whether any prototype got a `polluted` property. */
function polluted(): boolean {
  return (
    ({} as Record<string, unknown>)["polluted"] !== undefined ||
    ([] as unknown as Record<string, unknown>)["polluted"] !== undefined ||
    (Object.prototype as Record<string, unknown>)["polluted"] !== undefined
  );
}

afterEach(() => {
  // Keep one failure from leaking into the other tests of the file.
  delete (Object.prototype as Record<string, unknown>)["polluted"];
  delete (Array.prototype as unknown as Record<string, unknown>)["polluted"];
});

describe("prototype pollution", () => {
  it("the payload really carries own __proto__ and constructor keys (the test is meaningful)", () => {
    expect(Object.keys(payload())).toEqual(["__proto__", "constructor"]);
  });

  it("parsing it into a model leaves Object.prototype and the result's prototype alone", () => {
    const run = parseSyncRun(payload());
    expect(polluted()).toBe(false);
    expect(Object.getPrototypeOf(run)).toBe(Object.prototype);
    expect((run as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(typeof run.constructor).toBe("function");
  });

  it("parsing it into a record field keeps the keys as own entries and changes no prototype", () => {
    const template = parseQueryTemplate({ sql: "select 1", parameters: payload() });
    expect(polluted()).toBe(false);
    const parameters = template.parameters!;
    expect(Object.getPrototypeOf(parameters)).toBe(Object.prototype);
    expect(Object.keys(parameters)).toEqual(["__proto__", "constructor"]);
    expect(ownValue(parameters, "__proto__")).toEqual({ polluted: true });
    expect(parameters["polluted"]).toBeUndefined();
    expect(JSON.parse(JSON.stringify(serializeQueryTemplate(template)))).toEqual({ sql: "select 1", parameters: payload() });
    expect(polluted()).toBe(false);
  });

  it("decodes a `__proto__` key of a record of models, numbers or dates as an ordinary entry", () => {
    const metrics = parseSyncRunMetrics(JSON.parse('{"countersByStep": {"__proto__": {"name": "rows", "value": 1}}, "stepDurations": {"__proto__": 5, "constructor": 6}}'));
    expect(polluted()).toBe(false);
    expect(Object.getPrototypeOf(metrics.countersByStep)).toBe(Object.prototype);
    expect(ownValue(metrics.countersByStep!, "__proto__")).toEqual({ name: "rows", value: 1 });
    expect(ownValue(metrics.stepDurations!, "__proto__")).toBe(5);
    expect(ownValue(metrics.stepDurations!, "constructor")).toBe(6);
    const wire = serializeSyncRunMetrics(metrics);
    expect(Object.getPrototypeOf(wire.countersByStep)).toBe(Object.prototype);
    expect(JSON.stringify(wire.countersByStep)).toBe('{"__proto__":{"name":"rows","value":1}}');
    const window = parseBlackoutWindow(JSON.parse('{"startsOn": "2024-01-01", "endsOn": "2024-01-02", "holidayCalendar": {"__proto__": "2024-12-25"}}'));
    expect(ownValue(window.holidayCalendar!, "__proto__")).toBe("2024-12-25");
    expect(Object.getPrototypeOf(window.holidayCalendar)).toBe(Object.prototype);
  });

  it("rejects a `__proto__` record entry of the wrong type at its path instead of skipping it", () => {
    const result = parseSyncRunMetricsSafe('{"stepDurations": {"__proto__": {"polluted": true}}}');
    expect(result).toEqual([{ path: ["stepDurations", "__proto__"], code: "invalid_type" }]);
    expect(polluted()).toBe(false);
  });

  it("parsing it into an *any* field keeps the value as sent and changes no prototype", () => {
    const rule = parseSegmentRule({ field: "f", operator: "eq", value: payload() });
    expect(polluted()).toBe(false);
    expect(Object.keys(rule.value as object)).toEqual(["__proto__", "constructor"]);
    expect(Object.getPrototypeOf(rule)).toBe(Object.prototype);
    expect(JSON.stringify(serializeSegmentRule(rule).value)).toBe(JSON.stringify(payload()));

    const profile = parseConnectionProfile({ id: 1, name: "db", readOnly: false, connectionDetails: payload(), replicas: [payload()] });
    expect(polluted()).toBe(false);
    expect(Object.getPrototypeOf(profile.connectionDetails)).toBe(Object.prototype);
    expect(ownValue(profile.connectionDetails!, "__proto__")).toEqual({ polluted: true });
    expect(JSON.stringify(serializeConnectionProfile(profile).replicas)).toBe(`[${JSON.stringify(payload())}]`);
  });

  it("parsing it into a union with a record member keeps the keys as own entries", () => {
    const value = parseMetadataValue(payload()) as Record<string, unknown>;
    expect(polluted()).toBe(false);
    expect(Object.keys(value)).toEqual(["__proto__", "constructor"]);
  });

  it("parsing it with every generated safeParse function never pollutes nor throws", async () => {
    const files = listTs(join(ROOT, "generated")).filter((path) => !path.endsWith("index.ts") && !path.endsWith("runtime.ts"));
    expect(files.length).toBeGreaterThan(100);
    let called = 0;
    for (const file of files) {
      const module = (await import(file)) as Record<string, unknown>;
      for (const [name, exported] of Object.entries(module)) {
        if (!name.startsWith("safeParse") || typeof exported !== "function") continue;
        const result = (exported as (input: unknown) => { success: boolean; data?: unknown })(payload());
        called += 1;
        expect(polluted(), `${file} ${name}`).toBe(false);
        if (result.success && typeof result.data === "object" && result.data !== null && !Array.isArray(result.data)) {
          expect(Object.getPrototypeOf(result.data), `${file} ${name}`).toBe(Object.prototype);
        }
      }
    }
    expect(called).toBeGreaterThan(100);
  });
});

function parseSyncRunMetricsSafe(text: string) {
  try {
    parseSyncRunMetrics(JSON.parse(text));
    return [];
  } catch (error) {
    return (error as { issues: { path: (string | number)[]; code: string }[] }).issues.map(({ path, code }) => ({ path, code }));
  }
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listTs(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

describe("ReservedKeys (fields named constructor, __proto__, toString, then, hasOwnProperty, valueOf)", () => {
  const TEXT = '{"constructor":"c","__proto__":{"a":1,"nested":{"__proto__":{"polluted":true}}},"toString":true,"then":5,"hasOwnProperty":"h","valueOf":3}';

  it("decodes each field from its own key", () => {
    const decoded = parseReservedKeys(JSON.parse(TEXT));
    expect(polluted()).toBe(false);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(ownValue(decoded, "constructor")).toBe("c");
    expect(ownValue(decoded, "__proto__")).toEqual(JSON.parse('{"a":1,"nested":{"__proto__":{"polluted":true}}}'));
    expect(ownValue(decoded, "toString")).toBe(true);
    expect(decoded.then).toBe(5);
    expect(ownValue(decoded, "hasOwnProperty")).toBe("h");
    expect(ownValue(decoded, "valueOf")).toBe(3);
    expect(isReservedKeys(decoded)).toBe(true);
  });

  it("round-trips the values through serialize and JSON text", () => {
    const wire = serializeReservedKeys(parseReservedKeys(JSON.parse(TEXT)));
    expect(Object.getPrototypeOf(wire)).toBe(Object.prototype);
    expect(JSON.stringify(wire)).toBe(TEXT);
    expect(polluted()).toBe(false);
  });

  it("decodes an input without them to absent fields, not to the inherited Object.prototype members", () => {
    const decoded = parseReservedKeys({});
    expect(decoded.constructor).toBeUndefined();
    expect(decoded.toString).toBeUndefined();
    expect(decoded.then).toBeUndefined();
    expect(decoded.hasOwnProperty).toBeUndefined();
    expect(decoded.valueOf).toBeUndefined();
    expect(ownValue(decoded, "__proto__")).toBeUndefined();
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(JSON.stringify(serializeReservedKeys(decoded))).toBe("{}");
    expect(isReservedKeys(decoded)).toBe(true);
  });

  it("is not a thenable, so awaiting a decoded value gives the value itself", async () => {
    const decoded = parseReservedKeys({ then: 1 });
    await expect(Promise.resolve(decoded)).resolves.toBe(decoded);
  });

  it("reports wrong types at the reserved keys' paths", () => {
    expect(issueSummary(safeParseReservedKeys(JSON.parse('{"constructor": 1, "__proto__": 2, "toString": "x", "valueOf": "y"}')))).toEqual([
      { path: ["constructor"], code: "invalid_type" },
      { path: ["__proto__"], code: "invalid_type" },
      { path: ["toString"], code: "invalid_type" },
      { path: ["valueOf"], code: "invalid_type" },
    ]);
  });

  it("serializes a value built in code, reading only its own properties", () => {
    // A cast: TypeScript gives object literals the inherited `constructor: Function`, which does
    // not fit `constructor?: string` (see the report; the runtime behaviour is what is tested).
    const value = { then: 2, toString: false } as unknown as ReservedKeys;
    expect(JSON.parse(JSON.stringify(serializeReservedKeys(value)))).toEqual({ then: 2, toString: false });
    const withProto = Object.defineProperty({}, "__proto__", { value: { k: "v" }, enumerable: true, writable: true, configurable: true }) as ReservedKeys;
    expect(JSON.stringify(serializeReservedKeys(withProto))).toBe('{"__proto__":{"k":"v"}}');
  });

  it("isX rejects wrong types but ignores inherited members", () => {
    expect(isReservedKeys({})).toBe(true);
    expect(isReservedKeys({ constructor: 1 })).toBe(false);
    expect(isReservedKeys({ toString: "x" })).toBe(false);
  });
});
