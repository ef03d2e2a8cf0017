// Every model of the real corpora whose doc has an `additionalProperties` row keeps the wire keys
// it does not declare: decode collects them into that property, encode writes them back at the
// top level, and the row's own name never reaches the wire. Skipped when the corpora are absent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ObjectModel } from "../../src/ir/types.js";
import { type TempOutput, docsOf } from "../runtime/support.js";
import { corpusRoot, generateCorpus, minimalWire, modulePath, typescriptCorpora } from "./support.js";

const corpora = typescriptCorpora();

/** Undeclared keys of every JSON kind, including one named like the row itself. */
const EXTRAS = { "x-trace": "abc", nested: { deep: [1, null, { a: true }] }, count: 3, flag: false, nothing: null, additionalProperties: { inner: 1 } };

describe.skipIf(corpora.length === 0).each(corpora)("corpus %s", (corpus) => {
  let output: TempOutput | undefined;
  beforeAll(async () => {
    output = await generateCorpus(corpus, {});
  });
  afterAll(() => output?.cleanup());

  it("keeps the undeclared keys of every model with an additionalProperties row through decode and encode", async () => {
    const schema = output!.schema;
    const byId = new Map(schema.models.map((model) => [model.id, model]));
    const catchAlls = schema.models.filter((model): model is ObjectModel => model.kind === "object" && model.additionalProperties !== null);
    let checked = 0;
    for (const model of catchAlls) {
      const base = minimalWire(model, (id) => byId.get(id));
      // Every catch-all of the corpora holds `*any*` values, so every JSON value is a valid extra.
      expect(model.additionalProperties!.type.value, model.id).toMatchObject({ kind: "primitive", name: "any" });
      expect(base, `${model.id}: a minimal value can be built`).not.toBeNull();
      const declared = new Set(model.fields.map((field) => field.name));
      const extras = Object.fromEntries(Object.entries(EXTRAS).filter(([key]) => !declared.has(key)));
      const wire = { ...(base as object), ...extras };
      const module = await output!.load(modulePath(model.id));
      const name = Object.keys(module).find((key) => key.startsWith("parse"))!.slice("parse".length);
      const parse = module[`parse${name}`] as (input: unknown) => Record<string, unknown>;
      const serialize = module[`serialize${name}`] as (value: unknown) => unknown;
      const is = module[`is${name}`] as (value: unknown) => boolean;
      const decoded = parse(wire);
      expect(decoded[model.additionalProperties!.name], model.id).toEqual(extras);
      expect(is(decoded), model.id).toBe(true);
      expect(JSON.parse(JSON.stringify(serialize(decoded))), model.id).toEqual(wire);
      checked += 1;
    }
    // Counted independently of the parser: the docs with such a row (48 in mistral, none elsewhere).
    const docs = await docsOf(corpusRoot(corpus));
    expect(checked).toBe(docs.filter((doc) => /^\|\s*`additionalProperties`\s*\|\s*Record</m.test(doc.text)).length);
  });
});
