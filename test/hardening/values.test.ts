/// <reference types="vite/client" />
// Property tests of the generated functions on values (fast-check): every model of specs/, given
// arbitrary values and valid values with a field replaced by something outside its type, never
// fails inside. `serializeX` writes what it cannot encode as it is (`null` stays `null`), `isX`
// answers a boolean, `safeParseX` never throws and `parseX` throws only the runtime's
// ValidationError. The committed output (generated/) is what is exercised.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import type { Model, ObjectModel } from "../../src/ir/types.js";
import { minimalWire } from "../corpora/support.js";
import { ROOT } from "./support.js";

const RUNS = Number(process.env["MDSPEC_PROPERTY_RUNS"] ?? 1000);
const SEED = Number(process.env["MDSPEC_PROPERTY_SEED"] ?? 424_242);

/** The generated modules of specs/, keyed by path below generated/ (no runtime, no indexes). */
const MODULES = Object.fromEntries(
  Object.entries(import.meta.glob<Record<string, unknown>>("../../generated/**/*.ts", { eager: true }))
    .filter(([path]) => !/\/(runtime|index)\.ts$/.test(path))
    .map(([path, module]) => [path.slice("../../generated/".length), module]),
);

/** The functions of one model's module. */
interface Api {
  readonly id: string;
  readonly model: Model;
  readonly parse: (input: unknown) => unknown;
  readonly safeParse: (input: unknown) => { success: boolean; data?: unknown };
  readonly is: (value: unknown) => unknown;
  readonly serialize: ((value: unknown) => unknown) | undefined;
}

/** Values outside most types, as real callers pass them by mistake. */
const HOSTILE: readonly unknown[] = [null, undefined, 0, -1, Number.NaN, "", "x", true, [], [null], {}, { a: 1 }, new Date(Number.NaN), new Date(0), 10n, () => 1, Object.create(null)];
const hostile = fc.oneof(fc.constantFrom(...HOSTILE), fc.anything({ maxDepth: 2, withBigInt: true, withDate: true, withNullPrototype: true }));

let apis: Api[] = [];
let lookup: (id: string) => Model | undefined = () => undefined;

beforeAll(async () => {
  const result = await generate({ input: `${ROOT}specs`, parseWorker: false });
  const byId = new Map(result.schema.models.map((model) => [model.id, model]));
  lookup = (id) => byId.get(id);
  apis = result.schema.models.flatMap((model) => {
    const module = MODULES[model.id.replace(/\.md$/, ".ts")];
    if (!module) return [];
    const name = Object.keys(module).find((key) => key.startsWith("safeParse"))!.slice("safeParse".length);
    return [
      {
        id: model.id,
        model,
        parse: module[`parse${name}`] as Api["parse"],
        safeParse: module[`safeParse${name}`] as Api["safeParse"],
        is: module[`is${name}`] as Api["is"],
        serialize: module[`serialize${name}`] as Api["serialize"],
      },
    ];
  });
});

/** Calls every function of a model on a value and fails on anything but the documented outcomes. */
function probe(api: Api, value: unknown): void {
  const where = `${api.id} on ${show(value)}`;
  expect(typeof api.is(value), `is: ${where}`).toBe("boolean");
  if (api.serialize) {
    try {
      api.serialize(value);
    } catch (error) {
      expect.fail(`serialize threw ${String(error)}: ${where}`);
    }
  }
  const result = api.safeParse(value);
  expect(typeof result.success, `safeParse: ${where}`).toBe("boolean");
  try {
    api.parse(value);
  } catch (error) {
    expect((error as Error).name, `parse threw ${String(error)}: ${where}`).toBe("ValidationError");
  }
}

/** A value as text for a failure message. */
function show(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === "bigint" ? `${inner}n` : inner)) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * A decoded valid value of an object model with one field, possibly inside a nested object
 * field, replaced by `replacement`.
 */
function mutated(api: Api, pick: number, nested: boolean, replacement: unknown): unknown {
  const model = api.model as ObjectModel;
  const base = minimalWire(model, lookup);
  if (base === null) return replacement;
  const result = api.safeParse(base);
  if (!result.success) return replacement;
  const value = { ...(result.data as Record<string, unknown>) };
  const fields = model.additionalProperties ? [...model.fields, model.additionalProperties] : model.fields;
  if (fields.length === 0) return value;
  const field = fields[pick % fields.length]!;
  const inner = value[field.name];
  if (nested && typeof inner === "object" && inner !== null && !Array.isArray(inner) && !(inner instanceof Date)) {
    const keys = Object.keys(inner);
    value[field.name] = keys.length > 0 ? { ...inner, [keys[pick % keys.length]!]: replacement } : { x: replacement };
  } else {
    value[field.name] = replacement;
  }
  return value;
}

describe("the generated functions on values outside their types", () => {
  it(`never fail inside on arbitrary values (${RUNS} runs over every model)`, () => {
    expect(apis.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(fc.nat(), hostile, (index, value) => {
        probe(apis[index % apis.length]!, value);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it(`never fail inside on valid object values with one field replaced (${RUNS} runs)`, () => {
    const objects = apis.filter((api) => api.model.kind === "object");
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.boolean(), hostile, (index, pick, nested, replacement) => {
        const api = objects[index % objects.length]!;
        probe(api, mutated(api, pick, nested, replacement));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it("serialize writes null in a required field as null, and every other field as before", () => {
    let checked = 0;
    for (const api of apis) {
      if (api.model.kind !== "object" || !api.serialize) continue;
      const base = minimalWire(api.model, lookup);
      if (base === null) continue;
      const result = api.safeParse(base);
      if (!result.success) continue;
      for (const field of api.model.fields.filter((candidate) => candidate.required)) {
        const value = { ...(result.data as Record<string, unknown>), [field.name]: null };
        const written = api.serialize(value) as Record<string, unknown>;
        expect(Object.entries(written).find(([, inner]) => inner === null)?.[0], `${api.id} ${field.name}`).toBeDefined();
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
