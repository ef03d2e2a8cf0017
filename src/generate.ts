import { readFile } from "node:fs/promises";
import { resolve, sep } from "node:path";
import { DEFAULT_EMIT_OPTIONS, type EmitOptions } from "./emit/options.js";
import { DEFAULT_EXPORT_VERSION, type ExportKind, exportDocuments } from "./export/documents.js";
import { checkExamples } from "./ir/examples.js";
import { matchOverrides } from "./ir/overrides.js";
import { resolveSchema } from "./ir/resolve.js";
import { type Diagnostic, type FlavourMap, type FlavourName, type Schema, flavourOf } from "./ir/types.js";
import { detectFlavour } from "./parse/flavour/detect.js";
import type { IndexPlan } from "./emit/index-plan.js";
import { planIndexes } from "./emit/index-plan.js";
import { RUNTIME_PATH, planOutputLayout } from "./emit/paths.js";
import {
  type CachedDoc,
  type CachedFile,
  type GenerateCache,
  hashText,
  indexInputHash,
  modelInputHash,
  nextCache,
  settingsHash,
  usableCache,
} from "./pipeline/cache.js";
import type { FileSink, GeneratedFile } from "./pipeline/emit-stage.js";
import { emitOnWorker, emitWorkerHeapMb, startEmitWorker } from "./pipeline/emit-pool.js";
import { parseInWorker } from "./pipeline/parse-pool.js";
import { generatorFingerprint } from "./write/fingerprint.js";
import { type DocFile, normalizeText, readDocs } from "./write/read-docs.js";

export type { FileSink, GeneratedFile } from "./pipeline/emit-stage.js";

/** An exported document (OpenAPI or JSON Schema), with its path relative to the output folder. */
export interface ExportFile extends GeneratedFile {
  readonly kind: ExportKind;
}
export type { GenerateCache } from "./pipeline/cache.js";

/** Milliseconds spent in each stage of a generation. */
export interface Timings {
  readonly read: number;
  /** Until the parsed docs were available (on a worker thread for large inputs). */
  readonly parse: number;
  readonly resolve: number;
  readonly emit: number;
  readonly format: number;
  /** Building the exported documents (OpenAPI, JSON Schema), when asked for. */
  readonly export: number;
  readonly total: number;
}

/** What a generation produced: files (empty when any doc has an error), diagnostics and the IR. */
export interface GenerateResult {
  readonly files: readonly GeneratedFile[];
  /**
   * The exported documents asked for by {@link GenerateOptions.openapi} and
   * {@link GenerateOptions.jsonSchema}, sorted by path; empty when any doc has an error. Write
   * them with the files: `writeOutput(out, [...result.files, ...result.exports], …)`.
   */
  readonly exports: readonly ExportFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly schema: Schema;
  readonly timings: Timings;
  /** The cache to hand to the next run (see {@link GenerateOptions.cache}). */
  readonly cache: GenerateCache;
  /** How many docs were parsed and model files emitted (the rest came from the cache). */
  readonly work: { readonly parsed: number; readonly emitted: number };
  /** Whether `cache` differs from the cache given (a caller may skip saving it when not). */
  readonly cacheChanged: boolean;
}

/** The options of {@link generate}. */
export interface GenerateOptions extends Partial<EmitOptions> {
  /** The docs root: every `**\/*.md` below it is a candidate doc. */
  readonly input: string;
  /**
   * Whether large inputs (at least {@link PARALLEL_THRESHOLD} docs to parse) are parsed on a
   * worker thread, and very large ones ({@link EMIT_WORKER_THRESHOLD}) emitted on another, which
   * loads the emit stage during the parse; default true. The output is the same either way.
   */
  readonly parseWorker?: boolean;
  /**
   * The cache a previous run returned: docs whose text is unchanged are not parsed again, and
   * files whose inputs are unchanged are neither emitted nor formatted again.
   */
  readonly cache?: GenerateCache;
  /**
   * Identifies the generator build; a cache from another build is ignored. Default: a hash of
   * mdspec's compiled code (see `generatorFingerprint`).
   */
  readonly fingerprint?: string;
  /**
   * The SDK language the docs were written for, or `auto` (the default) to tell it from the docs
   * (see `detectFlavour`).
   */
  readonly flavour?: FlavourName | "auto";
  /**
   * Called at each stage boundary of the generation, so that a caller can show progress on long
   * runs. The callback runs synchronously on the generating thread; mdspec itself never prints.
   */
  readonly onProgress?: (event: ProgressEvent) => void;
  /**
   * Receives the output files (those taken from the cache, the emitted ones group by group as
   * soon as they are formatted, and the runtime) instead of the result: its `files` is then
   * empty, and its cache records each file's content hash but not its content. A caller that
   * writes the files as they come need not hold the whole output at once, which at 20,000 docs
   * is most of the memory a run takes. Files may have been handed over before an error is found
   * in a later group (a wire-name clash is found while emitting): when the result has an error,
   * the caller must drop what it received (the CLI deletes the files it staged).
   */
  readonly onFiles?: FileSink;
  /**
   * Where to put an OpenAPI 3.1 document whose `components.schemas` holds every model: a path
   * relative to the output folder, `/`-separated, which may climb out of it (`../openapi.json`).
   * The document comes back in {@link GenerateResult.exports}. None by default.
   */
  readonly openapi?: string;
  /** Where to put a JSON Schema 2020-12 bundle (`$defs`) of every model; as {@link openapi}. */
  readonly jsonSchema?: string;
  /**
   * `info.title` and `info.version` of the OpenAPI document (the bundle takes the title). Default:
   * the docs root's folder name and `0.0.0`.
   */
  readonly info?: { readonly title?: string; readonly version?: string };
}

/**
 * A stage boundary of a generation, reported through {@link GenerateOptions.onProgress}. A stage
 * with nothing to do (every doc or file taken from the cache) is not reported. `parse` counts the
 * docs actually parsed, `emit` the models actually emitted, and `format` the model and index
 * files handed to prettier; `done` comes last, also when a doc has an error.
 */
export type ProgressEvent =
  | { readonly stage: "parse"; readonly docs: number }
  | { readonly stage: "emit"; readonly models: number }
  | { readonly stage: "format"; readonly files: number }
  | { readonly stage: "done" };

/** Below this many docs to parse a worker thread costs more to start than it saves. */
export const PARALLEL_THRESHOLD = 150;

/**
 * From this many docs to parse, the models are emitted on a worker too (see
 * {@link generateFromDocs}). Below it the heap of this thread stays small anyway, and the worker
 * cost time and memory: at 1,012 docs 5% more time and 17 MB more peak memory; at 5,060 docs the
 * same time and 24 MB more; at 20,240 docs 13% less time (27 against 31 s) and a steadier peak.
 */
export const EMIT_WORKER_THRESHOLD = 2000;

/**
 * Generates the TypeScript for the docs below `options.input`, without writing anything: reads
 * the docs, parses them, resolves references, emits and formats. When any doc has an error the
 * result has no files (nothing may be half generated), only diagnostics.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const [docs, runtimeSource, fingerprint] = await Promise.all([
    readDocs(options.input),
    readRuntimeTemplate(),
    options.fingerprint ?? (options.cache ? generatorFingerprint() : undefined),
  ]);
  const read = performance.now() - started;
  const result = await generateFromDocs(
    docs,
    { ...options, rootDir: toPosixRoot(resolve(options.input)), ...(fingerprint ? { fingerprint } : {}) },
    runtimeSource,
  );
  return { ...result, timings: { ...result.timings, read, total: performance.now() - started } };
}

/** Reads the runtime template shipped with mdspec (`templates/runtime.ts`). */
export function readRuntimeTemplate(): Promise<string> {
  return readFile(new URL("../templates/runtime.ts", import.meta.url), "utf8");
}

/** The options of {@link generateFromDocs}: those of {@link generate} without the input root. */
export type GenerateFromDocsOptions = Partial<EmitOptions> & Omit<GenerateOptions, "input" | keyof EmitOptions> & { readonly rootDir?: string };

/**
 * The core of {@link generate}: docs in, files and diagnostics out, reading and writing nothing.
 * Files are sorted by path and diagnostics by file, line and column, so output is stable, and
 * the output is the same whether or not a cache was given.
 *
 * Large inputs are parsed on a worker thread while this thread, or for very large ones an emit
 * worker, loads the emit stage (ts-morph and prettier take a third of a second to load); the
 * emit worker then emits and formats, group by group, while this thread takes the files (and,
 * in the CLI, writes them). Emitting on a worker bounds memory: its heap has a limit that grows
 * with the input, under which the engine collects the garbage of emitting and formatting early,
 * where on this thread it let the heap grow to four times what was live (at 20,000 docs, with
 * the emitter of the time: 1.2 GB peak instead of 0.6 GB); and this thread writes one group
 * while the worker formats the next. Splitting the parse or the formatting itself over threads
 * did not pay on the 2-core target machine: a single thread already keeps the second core busy
 * with the engine's compiler and garbage collector, and two threads each ran at half speed.
 */
export async function generateFromDocs(docs: readonly DocFile[], options: GenerateFromDocsOptions, runtimeSource: string): Promise<GenerateResult> {
  let emitOptions: EmitOptions = {
    enumStyle: options.enumStyle ?? DEFAULT_EMIT_OPTIONS.enumStyle,
    anyType: options.anyType ?? DEFAULT_EMIT_OPTIONS.anyType,
    wireNames: options.wireNames ?? DEFAULT_EMIT_OPTIONS.wireNames,
    unknownKeys: options.unknownKeys ?? DEFAULT_EMIT_OPTIONS.unknownKeys,
    nulls: options.nulls ?? DEFAULT_EMIT_OPTIONS.nulls,
    requiredNulls: options.requiredNulls ?? DEFAULT_EMIT_OPTIONS.requiredNulls,
  };
  // Without a fingerprint the cache is keyed by the runtime alone; `generate` supplies a real one.
  const fingerprint = options.fingerprint ?? `runtime:${hashText(runtimeSource)}`;
  const cache = usableCache(options.cache, fingerprint);
  const started = performance.now();

  // Same text whatever the platform wrote: no BOM, LF line ends. A doc given with the very text
  // its cache entry holds (under --watch, every doc but the one saved) is normalized already.
  const cachedDoc = (path: string) => (Object.prototype.hasOwnProperty.call(cache.docs, path) ? cache.docs[path] : undefined);
  docs = docs.map((doc) => (cachedDoc(doc.path)?.text !== doc.text && /^\uFEFF|\r/.test(doc.text) ? { ...doc, text: normalizeText(doc.text) } : doc));
  const detection = options.flavour === undefined || options.flavour === "auto" ? detectFlavour(docs) : null;
  const flavours: FlavourMap = detection?.flavours ?? { ".": options.flavour as FlavourName };
  // Parse what the cache does not already hold. A doc read in the same flavour from the very text
  // its cache entry was made from is taken without hashing its text again.
  const docEntries: Record<string, CachedDoc> = {};
  const misses: DocFile[] = [];
  const hashes = new Map<string, string>();
  for (const doc of docs) {
    // A doc reads differently in another flavour, so the flavour is part of its cache key.
    const flavour = flavourOf(flavours, doc.path);
    const cached = cachedDoc(doc.path);
    if (cached?.text === doc.text && cached.flavour === flavour) {
      hashes.set(doc.path, cached.hash);
      docEntries[doc.path] = cached;
      continue;
    }
    const hash = hashText(flavour === "typescript" ? doc.text : `${flavour}\u0000${doc.text}`);
    hashes.set(doc.path, hash);
    if (cached && cached.hash === hash) docEntries[doc.path] = { ...cached, text: doc.text, flavour };
    else misses.push(doc);
  }
  if (misses.length > 0) options.onProgress?.({ stage: "parse", docs: misses.length });
  const inWorker = misses.length >= PARALLEL_THRESHOLD && (options.parseWorker ?? true) ? parseInWorker(misses, flavours) : null;
  // A very large input is also emitted on a worker, which starts now and loads the emit stage
  // while the docs are parsed; its heap limit grows with the input (see emitWorkerHeapMb).
  const emitWorker =
    inWorker && misses.length >= EMIT_WORKER_THRESHOLD ? startEmitWorker(emitWorkerHeapMb(docs.reduce((chars, doc) => chars + doc.text.length, 0))) : null;
  try {
    let emitStage: Promise<typeof import("./pipeline/emit-stage.js")> | null = null;
    const loadEmitStage = () => (emitStage ??= import("./pipeline/emit-stage.js"));
    const runtimeHash = hashText(`${fingerprint}\u0000${runtimeSource}`);
    const cachedRuntime = cache.files[RUNTIME_PATH];
    const runtimeReused = cachedRuntime?.content !== undefined && cachedRuntime.inputs === runtimeHash;
    const runtimeHere = () => loadEmitStage().then((stage) => stage.runtimeOutput(runtimeSource));
    const runtime: Promise<GeneratedFile> =
      runtimeReused && cachedRuntime?.content !== undefined
        ? Promise.resolve({ path: RUNTIME_PATH, content: cachedRuntime.content })
        : emitWorker
          ? emitWorker.runtime(runtimeSource).catch(runtimeHere)
          : runtimeHere();
    if (inWorker && !emitWorker) loadEmitStage();
    if (misses.length > 0) {
      const parsed = inWorker ? await inWorker : (await import("./pipeline/parse-stage.js")).parseBatch(misses, flavours);
      const byPath = new Map<string, CachedDoc>();
      for (const doc of misses) {
        byPath.set(doc.path, { hash: hashes.get(doc.path)!, model: null, diagnostics: [], skipped: false, text: doc.text, flavour: flavourOf(flavours, doc.path) });
      }
      for (const model of parsed.models) byPath.set(model.id, { ...byPath.get(model.id)!, model });
      for (const diagnostic of parsed.diagnostics) {
        const entry = byPath.get(diagnostic.file)!;
        byPath.set(diagnostic.file, { ...entry, diagnostics: [...entry.diagnostics, diagnostic] });
      }
      for (const path of parsed.skipped) byPath.set(path, { ...byPath.get(path)!, skipped: true });
      for (const [path, entry] of byPath) docEntries[path] = entry;
    }
    const parse = performance.now() - started;

    let mark = performance.now();
    const entries = docs.map((doc) => docEntries[doc.path]!);
    const diagnostics: Diagnostic[] = [...(detection?.diagnostics ?? []), ...entries.flatMap((entry) => entry.diagnostics)];
    const resolution = resolveSchema(
      entries.flatMap((entry) => (entry.model ? [entry.model] : [])),
      docs.filter((doc) => docEntries[doc.path]!.skipped).map((doc) => doc.path),
      options.rootDir,
      flavours,
    );
    diagnostics.push(...resolution.diagnostics);
    // Override keys may name a field as the doc writes it or as the TypeScript SDK does.
    const overrides = matchOverrides(resolution.schema.models, emitOptions.wireNames.overrides);
    diagnostics.push(...overrides.diagnostics);
    emitOptions = { ...emitOptions, wireNames: { ...emitOptions.wireNames, overrides: overrides.overrides } };
    if (!resolution.diagnostics.some((diagnostic) => diagnostic.severity === "error")) diagnostics.push(...checkExamples(resolution.schema));
    const { layout, diagnostics: layoutDiagnostics } = planOutputLayout(resolution.schema.models);
    diagnostics.push(...layoutDiagnostics);
    const plan = planIndexes(resolution.schema.models, layout);
    diagnostics.push(...plan.diagnostics);
    const resolveMs = performance.now() - mark;
    mark = performance.now();
    const timings = { read: 0, parse, resolve: resolveMs, emit: 0, format: 0, export: 0, total: 0 };
    if (diagnostics.some((diagnostic) => diagnostic.severity === "error")) {
      await runtime.catch(() => undefined);
      options.onProgress?.({ stage: "done" });
      return result([], [], diagnostics, resolution.schema, { ...timings, total: performance.now() - started }, cache, { parsed: misses.length, emitted: 0 }, false);
    }

    // Emit what the cache does not already hold.
    const settings = settingsHash(fingerprint, emitOptions);
    const inputs = new Map<string, string>([[RUNTIME_PATH, runtimeHash]]);
    const reused: GeneratedFile[] = [];
    const reusedHashes = new Map<string, string>();
    const reuse = (path: string, cached: CachedFile | undefined, hash: string): boolean => {
      if (cached === undefined || cached.inputs !== hash || cached.content === undefined) return false;
      reused.push({ path, content: cached.content });
      reusedHashes.set(path, cached.hash);
      return true;
    };
    const toEmit = new Set<string>();
    for (const model of resolution.schema.models) {
      const path = layout.files.get(model.id)!;
      const hash = modelInputHash(settings, model, (id) => hashes.get(id), (id) => layout.files.get(id));
      inputs.set(path, hash);
      if (!reuse(path, Object.prototype.hasOwnProperty.call(cache.files, path) ? cache.files[path] : undefined, hash)) toEmit.add(model.id);
    }
    const indexHash = indexInputHash(fingerprint, resolution.schema);
    const indexes: IndexPlan[] = [];
    for (const index of plan.indexes) {
      inputs.set(index.path, indexHash);
      if (!reuse(index.path, Object.prototype.hasOwnProperty.call(cache.files, index.path) ? cache.files[index.path] : undefined, indexHash)) indexes.push(index);
    }
    // Every output file passes through `take`: kept for the result, or handed to `onFiles`.
    const kept: GeneratedFile[] = [];
    const produced: { path: string; hash: string; content?: string }[] = [];
    const sink = options.onFiles;
    const take = async (files: readonly GeneratedFile[]): Promise<void> => {
      for (const file of files) {
        const hash = reusedHashes.get(file.path) ?? hashText(file.content);
        produced.push(sink ? { path: file.path, hash } : { path: file.path, hash, content: file.content });
      }
      if (sink) await sink(files);
      else kept.push(...files);
    };
    if (reused.length > 0) await take(reused);
    reused.length = 0;
    let emitted: { diagnostics: readonly Diagnostic[]; emitMs: number; formatMs: number } = { diagnostics: [], emitMs: 0, formatMs: 0 };
    if (toEmit.size > 0 || indexes.length > 0) {
      options.onProgress?.({ stage: "emit", models: toEmit.size });
      const selection = { only: toEmit, indexes, layout };
      const batch = emitWorker
        ? emitOnWorker(emitWorker, resolution.schema, emitOptions, selection, take)
        : (await loadEmitStage()).emitBatch(resolution.schema, emitOptions, selection, take);
      // emitBatch emits its first group of models before its first await; from then on groups are
      // formatted and emitted in turn, formatting taking most of the time.
      options.onProgress?.({ stage: "format", files: toEmit.size + indexes.length });
      emitted = await batch;
    }
    diagnostics.push(...emitted.diagnostics);
    mark = performance.now();
    const exports: ExportFile[] = [];
    const wanted = new Map<ExportKind, string>();
    if (options.openapi !== undefined) wanted.set("openapi", options.openapi);
    if (options.jsonSchema !== undefined) wanted.set("json-schema", options.jsonSchema);
    if (wanted.size > 0 && !diagnostics.some((diagnostic) => diagnostic.severity === "error")) {
      const rootName = (options.rootDir ?? "/docs").split("/").filter((segment) => segment !== "").pop() ?? "docs";
      const info = { title: options.info?.title ?? rootName, version: options.info?.version ?? DEFAULT_EXPORT_VERSION };
      const documents = exportDocuments(resolution.schema, emitOptions, info, new Set(wanted.keys()));
      diagnostics.push(...documents.diagnostics);
      for (const [kind, path] of wanted) exports.push({ kind, path, content: kind === "openapi" ? documents.openapi : documents.jsonSchema });
    }
    const exportMs = performance.now() - mark;
    const failed = diagnostics.some((diagnostic) => diagnostic.severity === "error");
    if (!failed) await take([await runtime]);
    const next = nextCache(fingerprint, docEntries, failed ? [] : produced, inputs);
    const cacheChanged =
      misses.length > 0 ||
      toEmit.size > 0 ||
      indexes.length > 0 ||
      !runtimeReused ||
      Object.keys(cache.docs).length !== docs.length ||
      Object.keys(cache.files).length !== Object.keys(next.files).length;
    const files = failed ? [] : kept;
    options.onProgress?.({ stage: "done" });
    return result(
      files,
      failed ? [] : exports,
      diagnostics,
      resolution.schema,
      { ...timings, emit: emitted.emitMs, format: emitted.formatMs, export: exportMs, total: performance.now() - started },
      next,
      { parsed: misses.length, emitted: toEmit.size },
      cacheChanged,
    );
  } finally {
    await emitWorker?.close();
  }
}

function result(
  files: GeneratedFile[],
  exports: ExportFile[],
  diagnostics: Diagnostic[],
  schema: Schema,
  timings: Timings,
  cache: GenerateCache,
  work: GenerateResult["work"],
  cacheChanged: boolean,
): GenerateResult {
  const byPath = (a: GeneratedFile, b: GeneratedFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { files: [...files].sort(byPath), exports: [...exports].sort(byPath), diagnostics: sortDiagnostics(diagnostics), schema, timings, cache, work, cacheChanged };
}

/** Turns an absolute platform path into the `/`-separated form the resolver works with. */
function toPosixRoot(path: string): string {
  const posixPath = path.split(sep).join("/");
  return posixPath.startsWith("/") ? posixPath : `/${posixPath}`;
}

/** Sorts diagnostics by file, line, column and code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** The `##` section that tells each model kind, for picking the docs a warm-up edits. */
const KIND_SECTIONS = [/^## Fields\s*$/m, /^## Values\s*$/m, /^## Supported Types\s*$/m];

/**
 * How often a watch rehearses a save before it begins (see {@link warmUp}), and how long it may
 * take over it. On the mistral docs (1,012, 50 ms a rehearsal) the first save took 130 ms after
 * one rehearsal, 110 after four and 90 after six, about what the later saves take: the engine
 * compiles a function with its optimizing compiler only after it has run several times, and most
 * of a save's functions run once per save. A larger input stops at the time budget.
 */
export const WARM_UP_ROUNDS = 6;
export const WARM_UP_BUDGET_MS = 1000;

/**
 * Runs an incremental regeneration several times ({@link WARM_UP_ROUNDS}, or fewer past
 * {@link WARM_UP_BUDGET_MS}) and throws the results away, so that the first real one (the first
 * save under `--watch`) finds every stage loaded and compiled by the engine. One doc of each
 * model kind is given as if it had just been saved (newlines added, which change its hash but
 * not its output): it is parsed on this thread, resolved, emitted and formatted, as a save would
 * be; every other doc comes from `options.cache`. Nothing is written.
 */
export async function warmUp(docs: readonly DocFile[], options: GenerateFromDocsOptions, runtimeSource: string): Promise<void> {
  const edited = new Set(KIND_SECTIONS.map((section) => docs.find((doc) => section.test(doc.text))).filter((doc) => doc !== undefined));
  if (edited.size === 0) return;
  const started = performance.now();
  for (let round = 1; round <= WARM_UP_ROUNDS && (round === 1 || performance.now() - started < WARM_UP_BUDGET_MS); round += 1) {
    // Each round edits the docs anew against the same cache, so each parses and emits them.
    const touched = docs.map((doc) => (edited.has(doc) ? { path: doc.path, text: `${doc.text}${"\n".repeat(round)}` } : doc));
    await generateFromDocs(touched, { ...options, parseWorker: false }, runtimeSource);
  }
}
