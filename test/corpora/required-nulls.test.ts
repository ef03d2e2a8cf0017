// `--required-nulls accept` over whole real corpora: every required field of every object model
// takes null (decoded as null, accepted by isX, written back as null), and the output still
// type-checks under the strict flags. Skipped when the corpora are absent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ObjectModel } from "../../src/ir/types.js";
import type { TempOutput } from "../runtime/support.js";
import { typecheckDir } from "../typecheck.js";
import { decodesNullAnyway, generateCorpus, minimalWire, modulePath, typescriptCorpora } from "./support.js";

const corpora = typescriptCorpora();

describe.skipIf(corpora.length === 0).each(corpora)("corpus %s under --required-nulls accept", (corpus) => {
  let output: TempOutput | undefined;
  beforeAll(async () => {
    output = await generateCorpus(corpus, { requiredNulls: "accept" });
  });
  afterAll(() => output?.cleanup());

  it("type-checks under the strict flags", () => {
    expect(typecheckDir(output!.dir)).toEqual([]);
  });

  it("accepts null in every required field of every object model, and writes it back", async () => {
    const schema = output!.schema;
    const byId = new Map(schema.models.map((model) => [model.id, model]));
    const lookup = (id: string) => byId.get(id);
    let fields = 0;
    let models = 0;
    for (const model of schema.models) {
      if (model.kind !== "object") continue;
      const nullable = model.fields.filter((field) => field.required && !decodesNullAnyway(field.type, lookup));
      if (nullable.length === 0) continue;
      const base = minimalWire(model, lookup);
      // Models that need a platform object (Blob, stream) cannot be written as JSON.
      if (base === null) continue;
      const wire = { ...(base as object), ...Object.fromEntries(nullable.map((field) => [field.name, null])) };
      const module = await output!.load(modulePath(model.id));
      const name = typeName(module, model);
      const safeParse = module[`safeParse${name}`] as (input: unknown) => { success: boolean; data?: Record<string, unknown>; error?: unknown };
      const result = safeParse(wire);
      expect(result.success, `${model.id}: ${JSON.stringify(result.error)}`).toBe(true);
      for (const field of nullable) expect(result.data![field.name], `${model.id} ${field.name}`).toBeNull();
      expect((module[`is${name}`] as (value: unknown) => boolean)(result.data), model.id).toBe(true);
      const written = JSON.parse(JSON.stringify((module[`serialize${name}`] as (value: unknown) => unknown)(result.data))) as Record<string, unknown>;
      for (const field of nullable) expect(written[field.name], `${model.id} ${field.name}`).toBeNull();
      fields += nullable.length;
      models += 1;
    }
    expect(models).toBeGreaterThan(0);
    expect(fields).toBeGreaterThanOrEqual(models);
  });
});

/** The model's name in its module (`parseX` gives `X`). */
function typeName(module: Record<string, unknown>, model: ObjectModel): string {
  const parse = Object.keys(module).find((key) => key.startsWith("parse"));
  if (!parse) throw new Error(`${model.id}: no parse function`);
  return parse.slice("parse".length);
}
