import { readFile } from "node:fs/promises";
import { resolve, sep } from "node:path";
import { DEFAULT_EMIT_OPTIONS, type EmitOptions } from "./emit/options.js";
import { checkExamples } from "./ir/examples.js";
import { resolveSchema } from "./ir/resolve.js";
import type { Diagnostic, Model, Schema } from "./ir/types.js";
import { startWorker } from "./pipeline/pool.js";
import { type EmittedBatch, type GeneratedFile, type ParsedBatch, emitBatch, parseBatch } from "./pipeline/stages.js";
import { type DocFile, readDocs } from "./write/read-docs.js";

export type { GeneratedFile } from "./pipeline/stages.js";

/** Milliseconds spent in each stage of a generation (summed over threads for emit and format). */
export interface Timings {
  readonly read: number;
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
   * Worker threads to use besides the calling thread; default {@link DEFAULT_WORKERS}, and none
   * for fewer than {@link PARALLEL_THRESHOLD} docs.
   */
  readonly workers?: number;
}

/**
 * Worker threads used by default. Measured on the 2-core target machine, a second thread did not
 * shorten a 1,012-doc run (parsing and printing are allocation-bound and V8 already collects
 * garbage on the other core), so generation runs on the calling thread unless asked otherwise.
 */
export const DEFAULT_WORKERS = 0;

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
 * Large inputs are split between this thread and worker threads (parse, then emit and format);
 * the result is the same whatever the split. Files are sorted by path and diagnostics by file,
 * line and column, so output is stable.
 */
export async function generateFromDocs(
  docs: readonly DocFile[],
  options: Partial<EmitOptions> & { readonly rootDir?: string; readonly workers?: number },
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
  const workerCount = docs.length < PARALLEL_THRESHOLD ? 0 : (options.workers ?? DEFAULT_WORKERS);
  const workers = Array.from({ length: workerCount }, () => startWorker()).filter((worker) => worker !== null);
  try {
    const docBatches = splitBySize(docs, workers.length + 1, (doc) => doc.text.length);
    const parsed = await Promise.all([
      Promise.resolve().then(() => parseBatch(docBatches[0]!)),
      ...workers.map(async (worker, index) => {
        const response = await worker.run({ kind: "parse", docs: docBatches[index + 1]! });
        return (response as { batch: ParsedBatch }).batch;
      }),
    ]);
    const parse = performance.now() - started;
    let mark = performance.now();
    const diagnostics: Diagnostic[] = parsed.flatMap((batch) => batch.diagnostics);
    const models = parsed.flatMap((batch) => batch.models);
    const resolution = resolveSchema(
      models,
      parsed.flatMap((batch) => batch.skipped),
      options.rootDir,
    );
    diagnostics.push(...resolution.diagnostics);
    if (!resolution.diagnostics.some((diagnostic) => diagnostic.severity === "error")) diagnostics.push(...checkExamples(resolution.schema));
    const resolveMs = performance.now() - mark;
    mark = performance.now();
    if (diagnostics.some((diagnostic) => diagnostic.severity === "error")) {
      return result([], diagnostics, resolution.schema, { read: 0, parse, resolve: resolveMs, emit: 0, format: 0, total: performance.now() - started });
    }
    const idBatches = splitBySize(resolution.schema.models, workers.length + 1, modelWeight).map((batch) => batch.map((model) => model.id));
    const emitted: EmittedBatch[] = await Promise.all([
      emitBatch(resolution.schema, emitOptions, runtimeSource, idBatches[0]!, true),
      ...workers.map(async (worker, index) => {
        const response = await worker.run({ kind: "emit", schema: resolution.schema, options: emitOptions, runtimeSource, ids: idBatches[index + 1]! });
        return (response as { batch: EmittedBatch }).batch;
      }),
    ]);
    for (const batch of emitted) diagnostics.push(...batch.diagnostics);
    const failed = diagnostics.some((diagnostic) => diagnostic.severity === "error");
    const files = failed ? [] : emitted.flatMap((batch) => batch.files);
    return result(files, diagnostics, resolution.schema, {
      read: 0,
      parse,
      resolve: resolveMs,
      emit: sum(emitted.map((batch) => batch.emitMs)),
      format: sum(emitted.map((batch) => batch.formatMs)),
      total: performance.now() - started,
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.close()));
  }
}

function result(files: GeneratedFile[], diagnostics: Diagnostic[], schema: Schema, timings: Timings): GenerateResult {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: sorted, diagnostics: sortDiagnostics(diagnostics), schema, timings };
}

/** A rough cost of emitting and formatting a model, to balance the batches. */
function modelWeight(model: Model): number {
  switch (model.kind) {
    case "object":
      return 2 + model.fields.length;
    case "enum":
      return 2 + model.members.length / 4;
    case "union":
      return 2 + model.members.length;
    case "opaque":
      return 1;
    default: {
      const unreachable: never = model;
      return unreachable;
    }
  }
}

/** Splits items into `count` batches of similar total weight, keeping the input order inside each. */
function splitBySize<T>(items: readonly T[], count: number, weight: (item: T) => number): T[][] {
  const batches: T[][] = Array.from({ length: count }, () => []);
  const totals = new Array<number>(count).fill(0);
  items.forEach((item) => {
    let lightest = 0;
    for (let index = 1; index < count; index += 1) if (totals[index]! < totals[lightest]!) lightest = index;
    batches[lightest]!.push(item);
    totals[lightest]! += weight(item);
  });
  return batches;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
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
