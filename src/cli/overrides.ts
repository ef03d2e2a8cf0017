import type { WireOverrides } from "../emit/options.js";

/**
 * Validates the parsed JSON of a `--wire-overrides` file: an object keyed by doc path, each an
 * object mapping property names to wire names. Returns the overrides, or the problem.
 */
export function validateWireOverrides(value: unknown): { ok: true; overrides: WireOverrides } | { ok: false; message: string } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, message: "expected a JSON object keyed by doc path" };
  }
  const result: Record<string, Record<string, string>> = Object.create(null) as Record<string, Record<string, string>>;
  for (const [doc, fields] of Object.entries(value)) {
    if (typeof fields !== "object" || fields === null || Array.isArray(fields)) {
      return { ok: false, message: `"${doc}" must map property names to wire names` };
    }
    const entry: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [property, wire] of Object.entries(fields)) {
      if (typeof wire !== "string" || wire === "") {
        return { ok: false, message: `"${doc}" → "${property}" must be a non-empty string` };
      }
      entry[property] = wire;
    }
    result[doc] = entry;
  }
  return { ok: true, overrides: result };
}
