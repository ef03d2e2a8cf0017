import { readFile } from "node:fs/promises";
import { resolve, sep } from "node:path";
import { DEFAULT_EMIT_OPTIONS, type EmitOptions } from "./emit/options.js";
import { checkExamples } from "./ir/examples.js";
import { resolveSchema } from "./ir/resolve.js";
import type { Diagnostic, Schema } from "./ir/types.js";
import type { GeneratedFile } from "./pipeline/emit-stage.js";
import { parseInWorker } from "./pipeline/parse-pool.js";
import { parseBatch } from "./pipeline/parse-stage.js";
import { type DocFile, readDocs } from "./write/read-docs.js";

export type { GeneratedFile } from "./pipeline/emit-stage.js";

/** Milliseconds spent in each stage of a generation. */
export interface Timings {
  readonly read: number;
  /** Until the parsed docs were available (on a worker thread for large inputs). */
  readonly parse: number;
  readonly resolve: number;
  readonly emit: number;
  readonly format: number;
  readonly total: number;
}

/** What a generation produced: files (empty when any doc has an error), diagnostics and the IR. */
export interface GenerateResult {
  readonly files: readonly GeneratedFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly schema: Schema;
  readonly timings: Timings;
}

/** The options of {@link generate}. */
export interface GenerateOptions extends Partial<EmitOptions> {
  /** The docs root: every `**\/*.md` below it is a candidate doc. */
  readonly input: string;
  /**
   * Whether large inputs (at least {@link PARALLEL_THRESHOLD} docs) are parsed on a worker thread
   * while this thread loads and warms up the emit stage; default true.
   */
  readonly parseWorker?: boolean;
}

/** Below this many docs a worker thread costs more to start than it saves. */
export const PARALLEL_THRESHOLD = 150;

/**
 * Generates the TypeScript for the docs below `options.input`, without writing anything: reads
 * the docs, parses them, resolves references, emits and formats. When any doc has an error the
 * result has no files (nothing may be half generated), only diagnostics.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const [docs, runtimeSource] = await Promise.all([readDocs(options.input), readRuntimeTemplate()]);
  const read = performance.now() - started;
  const result = await generateFromDocs(docs, { ...options, rootDir: toPosixRoot(resolve(options.input)) }, runtimeSource);
  return { ...result, timings: { ...result.timings, read, total: performance.now() - started } };
}

/** Reads the runtime template shipped with mdspec (`templates/runtime.ts`). */
export function readRuntimeTemplate(): Promise<string> {
  return readFile(new URL("../templates/runtime.ts", import.meta.url), "utf8");
}

/**
 * The core of {@link generate}: docs in, files and diagnostics out, reading and writing nothing.
 * Files are sorted by path and diagnostics by file, line and column, so output is stable.
 *
 * Large inputs are parsed on a worker thread while this thread loads the emit stage (ts-morph
 * and prettier take a third of a second to load) and formats the runtime, which also warms
 * prettier up. Splitting the parse or the formatting itself over threads did not pay on the
 * 2-core target machine: both are allocation-bound, and two threads each ran at half speed.
 */
export async function generateFromDocs(
  docs: readonly DocFile[],
  options: Partial<EmitOptions> & { readonly rootDir?: string; readonly parseWorker?: boolean },
  runtimeSource: string,
): Promise<GenerateResult> {
  const emitOptions: EmitOptions = {
    enumStyle: options.enumStyle ?? DEFAULT_EMIT_OPTIONS.enumStyle,
    anyType: options.anyType ?? DEFAULT_EMIT_OPTIONS.anyType,
    wireNames: options.wireNames ?? DEFAULT_EMIT_OPTIONS.wireNames,
    unknownKeys: options.unknownKeys ?? DEFAULT_EMIT_OPTIONS.unknownKeys,
    nulls: options.nulls ?? DEFAULT_EMIT_OPTIONS.nulls,
  };
  const started = performance.now();
  const inWorker = docs.length >= PARALLEL_THRESHOLD && (options.parseWorker ?? true) ? parseInWorker(docs) : null;
  const emitStage = import("./pipeline/emit-stage.js");
  const runtime = emitStage.then((stage) => stage.formatRuntime(runtimeSource));
  // Without a worker the parse runs here; with one, this thread loads the emit stage meanwhile.
  const parsed = inWorker ? await inWorker : parseBatch(docs);
  const parse = performance.now() - started;
  let mark = performance.now();
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const resolution = resolveSchema(parsed.models, parsed.skipped, options.rootDir);
  diagnostics.push(...resolution.diagnostics);
  if (!resolution.diagnostics.some((diagnostic) => diagnostic.severity === "error")) diagnostics.push(...checkExamples(resolution.schema));
  const resolveMs = performance.now() - mark;
  mark = performance.now();
  if (diagnostics.some((diagnostic) => diagnostic.severity === "error")) {
    await runtime.catch(() => undefined);
    return result([], diagnostics, resolution.schema, { read: 0, parse, resolve: resolveMs, emit: 0, format: 0, total: performance.now() - started });
  }
  const emitted = await (await emitStage).emitBatch(resolution.schema, emitOptions);
  diagnostics.push(...emitted.diagnostics);
  const failed = diagnostics.some((diagnostic) => diagnostic.severity === "error");
  const files = failed ? [] : [...emitted.files, await runtime];
  return result(files, diagnostics, resolution.schema, {
    read: 0,
    parse,
    resolve: resolveMs,
    emit: emitted.emitMs,
    format: emitted.formatMs,
    total: performance.now() - started,
  });
}

function result(files: GeneratedFile[], diagnostics: Diagnostic[], schema: Schema, timings: Timings): GenerateResult {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: sorted, diagnostics: sortDiagnostics(diagnostics), schema, timings };
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
