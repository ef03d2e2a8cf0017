// The worker threads of large runs, as the built package runs them: under vitest the sources run
// untranspiled and there is no compiled worker module, so `generateFromDocs` works on its own
// thread; these tests import the build instead. Parsing and emitting on workers gives the output
// of one thread, and an emit worker that runs out of memory is finished on this thread.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Doc, ROOT, describeDiagnostics, errorsOf, privateInstall, removeTemp } from "./support.js";

type GenerateModule = typeof import("../../src/generate.js");
type EmitPoolModule = typeof import("../../src/pipeline/emit-pool.js");
type ReadDocsModule = typeof import("../../src/write/read-docs.js");
type PathsModule = typeof import("../../src/emit/paths.js");
type IndexPlanModule = typeof import("../../src/emit/index-plan.js");
type OptionsModule = typeof import("../../src/emit/options.js");
type GeneratedFile = import("../../src/generate.js").GeneratedFile;

const SPECS_ROOT = join(ROOT, "specs");

let install: ReturnType<typeof privateInstall>;
let dist: GenerateModule;
let pool: EmitPoolModule;
let paths: PathsModule;
let indexPlan: IndexPlanModule;
let emitOptions: OptionsModule;
let runtime: string;
/** Four copies of specs/: past the parse worker's threshold, and more than one group of emitted files. */
let many: Doc[];
/** 42 copies of specs/models (48 small docs): past the emit worker's threshold. */
let more: Doc[];

beforeAll(async () => {
  install = privateInstall();
  const load = async <T>(path: string) => (await import(pathToFileURL(join(install.dist, path)).href)) as T;
  dist = await load<GenerateModule>("generate.js");
  pool = await load<EmitPoolModule>("pipeline/emit-pool.js");
  paths = await load<PathsModule>("emit/paths.js");
  indexPlan = await load<IndexPlanModule>("emit/index-plan.js");
  emitOptions = await load<OptionsModule>("emit/options.js");
  runtime = await dist.readRuntimeTemplate();
  const docs = await (await load<ReadDocsModule>("write/read-docs.js")).readDocs(SPECS_ROOT);
  many = [0, 1, 2, 3].flatMap((copy) => docs.map((doc) => ({ path: `copy${copy}/${doc.path}`, text: doc.text })));
  const models = docs.filter((doc) => doc.path.startsWith("models/"));
  more = Array.from({ length: 42 }, (_, copy) => models.map((doc) => ({ path: `copy${copy}/${doc.path}`, text: doc.text }))).flat();
}, 120_000);

afterAll(() => removeTemp(install?.dir));

const byPath = (files: readonly GeneratedFile[]) => [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

describe("worker threads (the build)", () => {
  it("parsing and emitting on workers gives the files and diagnostics of one thread, kept or handed to onFiles", async () => {
    expect(more.length).toBeGreaterThanOrEqual(dist.EMIT_WORKER_THRESHOLD);
    const here = await dist.generateFromDocs(more, { rootDir: SPECS_ROOT, parseWorker: false }, runtime);
    expect(describeDiagnostics(errorsOf(here.diagnostics))).toEqual([]);
    const onWorkers = await dist.generateFromDocs([...more].reverse(), { rootDir: SPECS_ROOT, parseWorker: true }, runtime);
    expect(onWorkers.files).toEqual(here.files);
    expect(onWorkers.diagnostics).toEqual(here.diagnostics);
    const handed: GeneratedFile[] = [];
    const streamed = await dist.generateFromDocs(more, { rootDir: SPECS_ROOT, parseWorker: true, onFiles: (files) => void handed.push(...files) }, runtime);
    expect(streamed.files).toEqual([]);
    expect(byPath(handed)).toEqual(here.files);
  }, 180_000);

  it("parsing on a worker gives the files and diagnostics of one thread", async () => {
    const here = await dist.generateFromDocs(many, { rootDir: SPECS_ROOT, parseWorker: false }, runtime);
    const onWorker = await dist.generateFromDocs([...many].reverse(), { rootDir: SPECS_ROOT, parseWorker: true }, runtime);
    expect(onWorker.files).toEqual(here.files);
    expect(onWorker.diagnostics).toEqual(here.diagnostics);
  }, 120_000);

  it.each([
    { limit: "8 MB", heapMb: 8, fails: true },
    { limit: "40 MB", heapMb: 40, fails: true },
    { limit: "what a run of these docs gets", heapMb: 0, fails: false },
  ])("an emit worker limited to $limit hands over every file once, as one thread emits it (falling back: $fails)", async ({ heapMb, fails }) => {
    const here = await dist.generateFromDocs(many, { rootDir: SPECS_ROOT, parseWorker: false }, runtime);
    const { schema } = here;
    const { layout } = paths.planOutputLayout(schema.models);
    const { indexes } = indexPlan.planIndexes(schema.models, layout);
    const worker = pool.startEmitWorker(heapMb || pool.emitWorkerHeapMb(many.reduce((chars, doc) => chars + doc.text.length, 0)));
    expect(worker).not.toBeNull();
    const handed: GeneratedFile[] = [];
    try {
      const emitted = await pool.emitOnWorker(worker!, schema, emitOptions.DEFAULT_EMIT_OPTIONS, { only: new Set(schema.models.map((model) => model.id)), indexes, layout }, (files) => {
        handed.push(...files);
      });
      expect(emitted.fellBack).toBe(fails);
      expect(emitted.diagnostics).toEqual([]);
    } finally {
      await worker!.close();
    }
    expect(new Set(handed.map((file) => file.path)).size).toBe(handed.length);
    expect(byPath(handed)).toEqual(here.files.filter((file) => file.path !== paths.RUNTIME_PATH));
  }, 120_000);
});
