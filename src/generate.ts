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
  type GenerateCache,
  hashText,
  indexInputHash,
  modelInputHash,
  nextCache,
  settingsHash,
  usableCache,
} from "./pipeline/cache.js";
import type { GeneratedFile } from "./pipeline/emit-stage.js";
import { parseInWorker } from "./pipeline/parse-pool.js";
import { generatorFingerprint } from "./write/fingerprint.js";
import { type DocFile, normalizeText, readDocs } from "./write/read-docs.js";

export type { GeneratedFile } from "./pipeline/emit-stage.js";

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
   * worker thread while this thread loads and warms up the emit stage; default true.
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
 * Large inputs are parsed on a worker thread while this thread loads the emit stage (ts-morph
 * and prettier take a third of a second to load). Splitting the parse or the formatting itself
 * over threads did not pay on the 2-core target machine: a single thread already keeps the
 * second core busy with the engine's compiler and garbage collector, and two threads each ran
 * at half speed; warming prettier up on this thread during the parse slowed the parse as much.
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

  // Same text whatever the platform wrote: no BOM, LF line ends.
  docs = docs.map((doc) => (/^\uFEFF|\r/.test(doc.text) ? { ...doc, text: normalizeText(doc.text) } : doc));
  const detection = options.flavour === undefined || options.flavour === "auto" ? detectFlavour(docs) : null;
  const flavours: FlavourMap = detection?.flavours ?? { ".": options.flavour as FlavourName };
  // Parse what the cache does not already hold.
  const docEntries: Record<string, CachedDoc> = {};
  const misses: DocFile[] = [];
  const hashes = new Map<string, string>();
  for (const doc of docs) {
    // A doc reads differently in another flavour, so the flavour is part of its cache key.
    const flavour = flavourOf(flavours, doc.path);
    const hash = hashText(flavour === "typescript" ? doc.text : `${flavour}\u0000${doc.text}`);
    hashes.set(doc.path, hash);
    const cached = Object.prototype.hasOwnProperty.call(cache.docs, doc.path) ? cache.docs[doc.path] : undefined;
    if (cached && cached.hash === hash) docEntries[doc.path] = cached;
    else misses.push(doc);
  }
  if (misses.length > 0) options.onProgress?.({ stage: "parse", docs: misses.length });
  const inWorker = misses.length >= PARALLEL_THRESHOLD && (options.parseWorker ?? true) ? parseInWorker(misses, flavours) : null;
  let emitStage: Promise<typeof import("./pipeline/emit-stage.js")> | null = null;
  const loadEmitStage = () => (emitStage ??= import("./pipeline/emit-stage.js"));
  const runtimeHash = hashText(`${fingerprint}\u0000${runtimeSource}`);
  const cachedRuntime = cache.files[RUNTIME_PATH];
  const runtimeReused = cachedRuntime !== undefined && cachedRuntime.inputs === runtimeHash;
  const runtime: Promise<GeneratedFile> =
    runtimeReused && cachedRuntime
      ? Promise.resolve({ path: RUNTIME_PATH, content: cachedRuntime.content })
      : loadEmitStage().then((stage) => stage.runtimeOutput(runtimeSource));
  if (inWorker) loadEmitStage();
  if (misses.length > 0) {
    const parsed = inWorker ? await inWorker : (await import("./pipeline/parse-stage.js")).parseBatch(misses, flavours);
    const byPath = new Map<string, CachedDoc>();
    for (const doc of misses) byPath.set(doc.path, { hash: hashes.get(doc.path)!, model: null, diagnostics: [], skipped: false });
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
  const toEmit = new Set<string>();
  for (const model of resolution.schema.models) {
    const path = layout.files.get(model.id)!;
    const hash = modelInputHash(settings, model, (id) => hashes.get(id), (id) => layout.files.get(id));
    inputs.set(path, hash);
    const cached = Object.prototype.hasOwnProperty.call(cache.files, path) ? cache.files[path] : undefined;
    if (cached && cached.inputs === hash) reused.push({ path, content: cached.content });
    else toEmit.add(model.id);
  }
  const indexHash = indexInputHash(fingerprint, resolution.schema);
  const indexes: IndexPlan[] = [];
  for (const index of plan.indexes) {
    inputs.set(index.path, indexHash);
    const cached = Object.prototype.hasOwnProperty.call(cache.files, index.path) ? cache.files[index.path] : undefined;
    if (cached && cached.inputs === indexHash) reused.push({ path: index.path, content: cached.content });
    else indexes.push(index);
  }
  let emitted: { files: readonly GeneratedFile[]; diagnostics: readonly Diagnostic[]; emitMs: number; formatMs: number } = {
    files: [],
    diagnostics: [],
    emitMs: 0,
    formatMs: 0,
  };
  if (toEmit.size > 0 || indexes.length > 0) {
    options.onProgress?.({ stage: "emit", models: toEmit.size });
    const batch = (await loadEmitStage()).emitBatch(resolution.schema, emitOptions, { only: toEmit, indexes, layout });
    // emitBatch emits synchronously before its first await, so formatting starts about here.
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
  const files = failed ? [] : [...reused, ...emitted.files, await runtime];
  const next = nextCache(fingerprint, docEntries, files, inputs);
  const cacheChanged =
    misses.length > 0 ||
    toEmit.size > 0 ||
    indexes.length > 0 ||
    !runtimeReused ||
    Object.keys(cache.docs).length !== docs.length ||
    Object.keys(cache.files).length !== Object.keys(next.files).length;
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
 * Runs an incremental regeneration once and throws its result away, so that the first real one
 * (the first save under `--watch`) finds every stage loaded and compiled by the engine. One doc
 * of each model kind is given as if it had just been saved (a newline added, which changes its
 * hash but not its output): it is parsed on this thread, resolved, emitted and formatted, as a
 * save would be; every other doc comes from `options.cache`. Nothing is written.
 */
export async function warmUp(docs: readonly DocFile[], options: GenerateFromDocsOptions, runtimeSource: string): Promise<void> {
  const edited = new Set(KIND_SECTIONS.map((section) => docs.find((doc) => section.test(doc.text))).filter((doc) => doc !== undefined));
  if (edited.size === 0) return;
  const touched = docs.map((doc) => (edited.has(doc) ? { path: doc.path, text: `${doc.text}\n` } : doc));
  await generateFromDocs(touched, { ...options, parseWorker: false }, runtimeSource);
}
