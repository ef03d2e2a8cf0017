// The exported documents of specs/ and of every real corpus (read from ../shared/corpora; the
// corpora are skipped when absent): the OpenAPI validator accepts the document, ajv compiles the
// bundle in strict mode, openapi-typescript gives every model a type mutually assignable with its
// generated wire type, and ajv's verdict with the bundle equals `safeParseX`'s on the values the
// tests use, except for the documented reasons (README, "Exported schemas").
import { join } from "node:path";
import type { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusRoot, flavourCorpora, typescriptCorpora } from "../corpora/support.js";
import { ROOT } from "../helpers.js";
import { type TempOutput, docsOf, generateToTemp } from "../runtime/support.js";
import { type Faithfulness, type Reason, checkFaithfulness } from "./faithful.js";
import { checkTypeAgreement } from "./types.js";
import { bundleAjv, openApiErrors } from "./validators.js";

const RUNS = Number(process.env["MDSPEC_PROPERTY_RUNS"] ?? 1000);
const SEED = Number(process.env["MDSPEC_PROPERTY_SEED"] ?? 424_242);

/**
 * The reasons the README lists for a disagreement between ajv and the generated decoders. Null in
 * an optional field and numbers for `*BigInt*` and `*Decimal*` are no longer among them: the
 * schemas and `XJson` say what the decoders take.
 */
const DOCUMENTED: ReadonlySet<Reason> = new Set(["date-time-syntax", "proto-key"]);

/** The models of specs/ that openapi-typescript 7.13 cannot read (see the type check below). */
const UNREADABLE_IN_SPECS = ["models/shared/destinationsummary.md", "models/shared/reservedkeys.md"];

/** The faithfulness of every target, for the check over all of them. */
const results: Faithfulness[] = [];

const targets = [
  { name: "specs", root: join(ROOT, "specs") },
  ...[...typescriptCorpora(), ...flavourCorpora().map((corpus) => corpus.name)].sort().map((name) => ({ name, root: corpusRoot(name) })),
];

const chosen = targets.filter((target) => !process.env["ONLY"] || process.env["ONLY"].split(",").includes(target.name));

describe.each(chosen)("the exported documents of $name", ({ name, root }) => {
  let output: TempOutput | undefined;
  let rejecting: TempOutput | undefined;
  let ajv: Ajv2020 | undefined;
  const documents = { openapi: "openapi.json", jsonSchema: "models.schema.json" } as const;
  beforeAll(async () => {
    const docs = await docsOf(root);
    output = await generateToTemp(docs, documents, root);
    rejecting = await generateToTemp(docs, { ...documents, nulls: "reject", cache: output.cache }, root);
  });
  afterAll(() => {
    output?.cleanup();
    rejecting?.cleanup();
  });
  const text = (kind: string) => output!.exports.find((file) => file.kind === kind)!.content;

  it("is an OpenAPI 3.1 document the validator accepts with no error", async () => {
    expect(await openApiErrors(text("openapi"))).toEqual([]);
  });

  it("is a JSON Schema bundle ajv compiles in strict mode, every model's schema", () => {
    ajv = bundleAjv(text("json-schema"));
    const failures: string[] = [];
    for (const key of Object.keys((JSON.parse(text("json-schema")) as { $defs: object }).$defs)) {
      try {
        ajv.getSchema(`models#/$defs/${key}`);
      } catch (error) {
        failures.push(`${key}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(Object.keys((JSON.parse(text("json-schema")) as { $defs: object }).$defs)).toHaveLength(output!.schema.models.length);
  });

  it("gives every model a type mutually assignable with its generated wire type (openapi-typescript)", async () => {
    const agreement = await checkTypeAgreement(output!.dir, output!.schema.models, text("openapi"));
    expect(agreement.failures).toEqual([]);
    // specs/ has fields named `hasOwnProperty` and `valueOf` (models/shared/reservedkeys.md), on
    // which openapi-typescript's parser (@redocly/openapi-core) throws a TypeError: that model and
    // the one referring to it are left out, by name; every other model is checked.
    expect(agreement.skipped).toEqual(name === "specs" ? UNREADABLE_IN_SPECS : []);
    expect(agreement.checked + agreement.skipped.length).toBe(output!.schema.models.length);
    typeFigures.push(`${name}: ${agreement.checked - agreement.failures.length}/${agreement.checked} mutually assignable${agreement.skipped.length > 0 ? `, ${agreement.skipped.length} left out (${agreement.skipped.join(", ")})` : ""}`);
  });

  it("validates as the generated decoders do (ajv and safeParseX), but for the documented reasons", async () => {
    ajv ??= bundleAjv(text("json-schema"));
    const rejectingBundle = bundleAjv(rejecting!.exports.find((file) => file.kind === "json-schema")!.content);
    const result: Faithfulness = await checkFaithfulness([output!, rejecting!], [ajv, rejectingBundle], { runs: RUNS, seed: SEED });
    const [absent, reject] = result.disagreements as [Faithfulness["disagreements"][0], Faithfulness["disagreements"][0]];
    recordFigures(name, output!.schema.models.length, result);
    const undocumented = [...absent, ...reject].filter((disagreement) => !DOCUMENTED.has(disagreement.reason));
    expect(undocumented.map((disagreement) => JSON.stringify(disagreement).slice(0, 300))).toEqual([]);
    expect(result.values).toBeGreaterThan(output!.schema.models.length * 10);
    // Under either null policy, on every target.
    expect(1 - absent.length / result.values).toBeGreaterThanOrEqual(0.999);
    expect(1 - reject.length / result.values).toBeGreaterThanOrEqual(0.999);
  });
});

describe("over every target", () => {
  it.each([
    ["--nulls absent", 0],
    ["--nulls reject", 1],
  ])("ajv's verdict equals safeParseX's on at least 99.9% of the values, with %s", (_policy, index) => {
    const values = results.reduce((sum, result) => sum + result.values, 0);
    const disagreements = results.reduce((sum, result) => sum + result.disagreements[index]!.length, 0);
    expect(results).toHaveLength(chosen.length);
    expect(1 - disagreements / values).toBeGreaterThanOrEqual(0.999);
  });
});

const typeFigures: string[] = [];

/** The figures of every target, printed once at the end when MDSPEC_EXPORT_FIGURES is set (for the README). */
const figures: string[] = [];
function recordFigures(name: string, models: number, result: Faithfulness): void {
  results.push(result);
  const [absent, reject] = result.disagreements;
  const count = (list: Faithfulness["disagreements"][0]) => {
    const reasons: Record<string, number> = {};
    for (const disagreement of list) reasons[disagreement.reason] = (reasons[disagreement.reason] ?? 0) + 1;
    return JSON.stringify(reasons);
  };
  const share = (list: Faithfulness["disagreements"][0]) => ((1 - list.length / result.values) * 100).toFixed(2);
  figures.push(`${name}: ${models} models, ${result.values} values ${JSON.stringify(result.bySource)}; nulls absent ${share(absent!)}% ${count(absent!)}; nulls reject ${share(reject!)}% ${count(reject!)}`);
}
afterAll(() => {
  if (process.env["MDSPEC_EXPORT_FIGURES"]) console.log([...typeFigures, ...figures].join("\n"));
});
