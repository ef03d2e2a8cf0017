// The validator faithfulness check: the values the tests use on the generated code (documented
// examples, minimal valid values, values with one field replaced, hostile and arbitrary values,
// extra keys of catch-all models) go through both `safeParseX` and ajv with the exported bundle,
// and every value on which they disagree is classified by its reason.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import type { ErrorObject } from "ajv";
import { build } from "esbuild";
import fc from "fast-check";
import { readExample } from "../../src/ir/examples.js";
import { type Model, type ObjectModel, tableRows } from "../../src/ir/types.js";
import { minimalWire, modulePath } from "../corpora/support.js";
import { evaluateSnippet } from "../example-usage.js";
import type { TempOutput } from "../runtime/support.js";
import type { Ajv2020 } from "ajv/dist/2020.js";

/**
 * Why ajv and the generated decoder disagree on a value; `other` is a disagreement not understood.
 * `null-as-absent` and `integer-as-number` were reasons until the schemas took null in optional
 * fields (`--nulls absent`) and numbers for `*BigInt*` and `*Decimal*`; they name such a
 * regression.
 */
export type Reason = "null-as-absent" | "integer-as-number" | "date-time-syntax" | "proto-key" | "other";

/** One value on which the two disagree. */
export interface Disagreement {
  readonly model: string;
  readonly source: string;
  readonly value: unknown;
  readonly runtime: boolean;
  readonly schema: boolean;
  readonly reason: Reason;
}

/** How the two verdicts compare over all values of one output. */
export interface Faithfulness {
  readonly values: number;
  readonly bySource: Readonly<Record<string, number>>;
  /** The disagreements with the code of each output given, in the order given. */
  readonly disagreements: readonly (readonly Disagreement[])[];
}

/** Field values outside most types, as the hardening tests replace fields with (JSON ones only). */
const REPLACEMENTS: readonly unknown[] = [null, 0, -1, 1.5, 404, "", "x", "2024-01-02", "2024-01-02T03:04:05Z", "12", true, false, [], [null], ["x"], {}, { a: 1 }];

/** Whole values outside most models: the JSON ones of the hardening suite's hostile inputs. */
const HOSTILE: readonly unknown[] = [
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "prototype": {"polluted": true}}'),
  "__proto__",
  "constructor",
  "",
  0,
  -1,
  404,
  true,
  null,
  {},
  [],
];

/** Undeclared keys of every JSON kind, as the catch-all tests add them. */
const EXTRAS = { "x-trace": "abc", nested: { deep: [1, null, { a: true }] }, count: 3, flag: false, nothing: null, additionalProperties: { inner: 1 } };

type Module = Record<string, unknown>;

/**
 * Runs every test value of the docs through the `safeParseX` of each output (the same docs
 * generated with other options) and through ajv with that output's JSON Schema bundle (`ajvs`,
 * in the order of `outputs`), and lists where the verdicts disagree, output by output.
 */
export async function checkFaithfulness(outputs: readonly TempOutput[], ajvs: readonly Ajv2020[], options: { readonly runs: number; readonly seed: number }): Promise<Faithfulness> {
  const output = outputs[0]!;
  const bundle = output.exports.find((file) => file.kind === "json-schema")!.content;
  const keys = new Map<string, string>();
  for (const [key, schema] of Object.entries((JSON.parse(bundle) as { $defs: Record<string, { "x-mdspec-doc": string }> }).$defs)) keys.set(schema["x-mdspec-doc"], key);
  const models = output.schema.models;
  const byId = new Map(models.map((model) => [model.id, model]));
  const lookup = (id: string) => byId.get(id);
  const loaded = await Promise.all(outputs.map(loadBundled));
  const { modules, runtime } = loaded[0]!;
  const nameOf = (model: Model) => Object.keys(modules.get(model.id)!).find((key) => key.startsWith("safeParse"))!.slice("safeParse".length);
  const enumObject = async (name: string) => {
    const model = models.find((candidate) => candidate.kind === "enum" && candidate.title === name);
    return model ? modules.get(model.id)![nameOf(model)] : undefined;
  };

  const bySource: Record<string, number> = {};
  const disagreements: Disagreement[][] = outputs.map(() => []);
  let values = 0;
  const check = (model: Model, source: string, value: unknown) => {
    values += 1;
    bySource[source] = (bySource[source] ?? 0) + 1;
    loaded.forEach((code, index) => {
      const validate = ajvs[index]!.getSchema(`models#/$defs/${keys.get(model.id)}`)!;
      const valid = validate(value) as boolean;
      const errors = validate.errors ?? [];
      const safeParse = code.modules.get(model.id)![`safeParse${nameOf(model)}`] as (input: unknown) => { success: boolean; error?: { issues: { code: string; path: (string | number)[] }[] } };
      const parsed = safeParse(value);
      if (parsed.success === valid) return;
      const reason = parsed.success ? schemaReason(errors, value) : runtimeReason(parsed.error!.issues[0]);
      disagreements[index]!.push({ model: model.id, source, value, runtime: parsed.success, schema: valid, reason });
    });
  };

  const minimal = new Map<string, Record<string, unknown>>();
  for (const model of models) {
    const base = minimalWire(model, lookup);
    if (base === null) continue;
    check(model, "minimal", base);
    if (model.kind === "object") minimal.set(model.id, base as Record<string, unknown>);
  }
  for (const model of models) {
    const base = minimal.get(model.id);
    if (model.kind !== "object" || base === undefined) continue;
    // Documented examples, each in a minimal value of its model.
    for (const field of model.fields) {
      const example = readExample(field, lookup);
      if (example.kind === "usable") check(model, "example column", { ...base, [field.name]: example.value });
    }
    if (model.additionalProperties) {
      const declared = new Set(model.fields.map((field) => field.name));
      check(model, "catch-all extras", { ...base, ...Object.fromEntries(Object.entries(EXTRAS).filter(([key]) => !declared.has(key))) });
    }
  }
  // The `## Example Usage` values, serialized to the wire as user code would send them.
  for (const model of models) {
    if (!model.exampleUsage || model.kind === "opaque") continue;
    const evaluated = await evaluateSnippet(model.exampleUsage, runtime, enumObject);
    if (!("value" in evaluated)) continue;
    const module = modules.get(model.id)!;
    const serialize = (module[`serialize${nameOf(model)}`] as ((value: unknown) => unknown) | undefined) ?? ((value: unknown) => value);
    const text = JSON.stringify(serialize(evaluated.value), (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item));
    if (text !== undefined) check(model, "example usage", JSON.parse(text));
  }
  for (const model of models) for (const value of HOSTILE) check(model, "hostile", value);
  // As the property tests of the generated functions (test/hardening/values.test.ts), seeded: valid
  // values with one field, or one nested field, replaced by a value outside most types or an
  // arbitrary JSON value, and arbitrary JSON values whole.
  const objects = models.filter((model) => minimal.has(model.id) && tableRows(model as ObjectModel).length > 0) as ObjectModel[];
  const replacement = fc.oneof(fc.constantFrom(...REPLACEMENTS), fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.parse(JSON.stringify(value)) as unknown));
  if (objects.length > 0) {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.boolean(), replacement, (index, pick, nested, value) => {
        const model = objects[index % objects.length]!;
        const base = minimal.get(model.id)!;
        const field = tableRows(model)[pick % tableRows(model).length]!;
        const inner = base[field.name];
        if (nested && typeof inner === "object" && inner !== null && !Array.isArray(inner) && Object.keys(inner).length > 0) {
          check(model, "nested field replaced", { ...base, [field.name]: { ...inner, [Object.keys(inner)[pick % Object.keys(inner).length]!]: value } });
        } else {
          check(model, "field replaced", { ...base, [field.name]: value });
        }
      }),
      { numRuns: options.runs, seed: options.seed },
    );
  }
  fc.assert(
    fc.property(fc.nat(), replacement, (index, value) => check(models[index % models.length]!, "arbitrary", value)),
    { numRuns: options.runs, seed: options.seed },
  );
  return { values, bySource, disagreements };
}

/**
 * Loads every model module of an output at once: esbuild bundles them (and the runtime) into one
 * file, which loads in a fraction of the time of a thousand separate imports.
 */
async function loadBundled(output: TempOutput): Promise<{ modules: Map<string, Module>; runtime: Module }> {
  const entry = [
    'export * as runtime from "./runtime.ts";',
    ...output.schema.models.map((model, index) => `export * as m${index} from "./${modulePath(model.id)}";`),
  ].join("\n");
  writeFileSync(join(output.dir, "all-models.ts"), entry);
  // CommonJS, loaded by Node's own require: the test runner would transform a file this large again.
  await build({ entryPoints: [join(output.dir, "all-models.ts")], bundle: true, format: "cjs", platform: "node", outfile: join(output.dir, "all-models.cjs"), logLevel: "silent" });
  const all = createRequire(import.meta.url)(join(output.dir, "all-models.cjs")) as Record<string, Module>;
  return { modules: new Map(output.schema.models.map((model, index) => [model.id, all[`m${index}`]!])), runtime: all["runtime"]! };
}

/**
 * Why ajv rejects a value the generated decoder accepts, from the value where ajv's first error
 * is: null (where the schema would not say what the decoder reads as absent), a number (where
 * it would not take a `*BigInt*` or `*Decimal*` as a number), or a date-time format.
 */
function schemaReason(errors: readonly ErrorObject[], value: unknown): Reason {
  const error = errors[0];
  if (!error) return "other";
  const at = valueAt(value, error.instancePath);
  if (at === null) return "null-as-absent";
  if (typeof at === "number") return "integer-as-number";
  if (error.keyword === "format") return "date-time-syntax";
  return "other";
}

/**
 * Why the generated decoder rejects a value ajv accepts, from its first issue: a date-time the
 * runtime's stricter syntax refuses, or a key `__proto__`, which ajv reads as the object's
 * prototype rather than as the own key the decoder reads.
 */
function runtimeReason(issue: { code: string; path: readonly (string | number)[] } | undefined): Reason {
  if (issue?.code === "invalid_date") return "date-time-syntax";
  if (issue?.path.includes("__proto__")) return "proto-key";
  return "other";
}

/** The value at a JSON pointer of ajv's `instancePath` (own properties only). */
function valueAt(value: unknown, pointer: string): unknown {
  let current = value;
  for (const segment of pointer.split("/").slice(1)) {
    const key = segment.replace(/~1/g, "/").replace(/~0/g, "~");
    current = typeof current === "object" && current !== null && Object.prototype.hasOwnProperty.call(current, key) ? (current as Record<string, unknown>)[key] : undefined;
  }
  return current;
}
