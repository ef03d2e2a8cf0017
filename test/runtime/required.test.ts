// Required fields: an absent key is reported as `required` whatever the field's type, including
// the types whose decoders accept any value (`any`, opaque models); and the date-time encoder
// writes exactly what `toISOString()` writes.
import fc from "fast-check";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { $isoDateTime } from "../../generated/runtime.js";
import { parseToolResult, safeParseToolResult } from "../../generated/zod/models/components/toolresult.js";
import { DEFAULT_EMIT_OPTIONS } from "../../src/emit/options.js";
import { planOutputLayout } from "../../src/emit/paths.js";
import { modelSymbols } from "../../src/emit/symbols.js";
import { wireName } from "../../src/ir/wire-names.js";
import { generate } from "../../src/generate.js";
import type { ObjectModel } from "../../src/ir/types.js";
import { ROOT } from "../helpers.js";
import { type SafeResult, issueSummary } from "./support.js";

describe("required fields", () => {
  it("an empty object is rejected with one `required` issue per required field of every spec model, and nothing else", async () => {
    const { schema } = await generate({ input: join(ROOT, "specs") });
    const { layout } = planOutputLayout(schema.models);
    const objects = schema.models.filter((model): model is ObjectModel => model.kind === "object");
    let checked = 0;
    for (const model of objects) {
      const module = (await import(pathToFileURL(join(ROOT, "generated", layout.files.get(model.id)!)).href)) as Record<string, unknown>;
      const safeParse = module[modelSymbols(model).safeParse] as (input: unknown) => SafeResult<unknown>;
      const required = model.fields.filter((field) => field.required).map((field) => wireName(model.id, field, DEFAULT_EMIT_OPTIONS.wireNames));
      const result = safeParse({});
      if (required.length === 0) {
        expect(result.success, model.id).toBe(true);
        continue;
      }
      checked += required.length;
      expect(issueSummary(result), model.id).toEqual(required.map((key) => ({ path: [key], code: "required" })));
    }
    // Every type form of a required field is among them (see the spec docs).
    expect(checked).toBeGreaterThan(150);
  });

  it("a required `any` or opaque field accepts null, 0 and an empty string but not absence", () => {
    for (const value of [null, 0, "", false, [], {}]) {
      expect(parseToolResult({ callId: "c1", output: value, raw: value })).toEqual({ callId: "c1", output: value, raw: value, trace: undefined });
    }
    expect(issueSummary(safeParseToolResult({ callId: "c1" }))).toEqual([
      { path: ["output"], code: "required" },
      { path: ["raw"], code: "required" },
    ]);
    expect(issueSummary(safeParseToolResult({ callId: "c1", output: undefined, raw: undefined }))).toEqual([
      { path: ["output"], code: "required" },
      { path: ["raw"], code: "required" },
    ]);
  });

  it("null in a required field is a type error, not a missing field", () => {
    expect(issueSummary(safeParseToolResult({ callId: null, output: 1, raw: 1 }))).toEqual([{ path: ["callId"], code: "invalid_type" }]);
  });
});

describe("$isoDateTime", () => {
  it("writes what toISOString() writes, for every representable instant", () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (time) => {
        const date = new Date(time);
        expect($isoDateTime(date)).toBe(date.toISOString());
      }),
      { numRuns: 20000 },
    );
  });

  it("is exact at the edges of four-digit years, leap days and millisecond boundaries", () => {
    const instants = [
      "0000-01-01T00:00:00.000Z",
      "9999-12-31T23:59:59.999Z",
      "1970-01-01T00:00:00.000Z",
      "1969-12-31T23:59:59.999Z",
      "2000-02-29T12:00:00.001Z",
      "1900-03-01T00:00:00.000Z",
      "2024-12-31T23:59:59.999Z",
    ].map((text) => new Date(text));
    instants.push(new Date(-62167219200001), new Date(253402300800000));
    for (const date of instants) expect($isoDateTime(date)).toBe(date.toISOString());
  });

  it("returns a value that is not a valid Date as it is (serializers do not validate; isX does)", () => {
    const invalid = new Date(Number.NaN);
    expect($isoDateTime(invalid)).toBe(invalid);
    expect($isoDateTime(null as unknown as Date)).toBeNull();
    expect($isoDateTime("2024-01-01" as unknown as Date)).toBe("2024-01-01");
  });
});
