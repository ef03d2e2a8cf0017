import { readFile } from "node:fs/promises";
import { resolve, sep } from "node:path";
import { emitSchema } from "./emit/emit.js";
import { formatTypeScript } from "./emit/format.js";
import { DEFAULT_EMIT_OPTIONS, type EmitOptions } from "./emit/options.js";
import { resolveSchema } from "./ir/resolve.js";
import type { Diagnostic, Model, Schema } from "./ir/types.js";
import { parseDoc } from "./parse/doc.js";
import { type DocFile, readDocs } from "./write/read-docs.js";

/** A generated file: its path relative to the output folder and its final, formatted text. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** What a generation produced: files (empty when any doc has an error), diagnostics and the IR. */
export interface GenerateResult {
  readonly files: readonly GeneratedFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly schema: Schema;
  /** Milliseconds spent in each stage. */
  readonly timings: { readonly read: number; readonly parse: number; readonly emit: number; readonly format: number };
}

/** The options of {@link generate}. */
export interface GenerateOptions extends Partial<EmitOptions> {
  /** The docs root: every `**\/*.md` below it is a candidate doc. */
  readonly input: string;
}

/**
 * Generates the TypeScript for the docs below `options.input`, without writing anything: reads
 * the docs, parses them, resolves references, emits and formats. When any doc has an error the
 * result has no files (nothing may be half generated), only diagnostics.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const docs = await readDocs(options.input);
  const runtimeSource = await readRuntimeTemplate();
  const read = performance.now() - started;
  const result = await generateFromDocs(docs, { ...options, rootDir: toPosixRoot(resolve(options.input)) }, runtimeSource);
  return { ...result, timings: { ...result.timings, read } };
}

/** Reads the runtime template shipped with mdspec (`templates/runtime.ts`). */
export function readRuntimeTemplate(): Promise<string> {
  return readFile(new URL("../templates/runtime.ts", import.meta.url), "utf8");
}

/**
 * The pure core of {@link generate}: docs in, files and diagnostics out. Diagnostics are sorted by
 * file, line and column so that reports are stable.
 */
export async function generateFromDocs(
  docs: readonly DocFile[],
  options: Partial<EmitOptions> & { readonly rootDir?: string },
  runtimeSource: string,
): Promise<GenerateResult> {
  const emitOptions: EmitOptions = {
    enumStyle: options.enumStyle ?? DEFAULT_EMIT_OPTIONS.enumStyle,
    anyType: options.anyType ?? DEFAULT_EMIT_OPTIONS.anyType,
  };
  let mark = performance.now();
  const diagnostics: Diagnostic[] = [];
  const models: Model[] = [];
  const skipped: string[] = [];
  for (const doc of docs) {
    const parsed = parseDoc(doc.path, doc.text);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.model) models.push(parsed.model);
    else if (!parsed.diagnostics.some((diagnostic) => diagnostic.severity === "error")) skipped.push(doc.path);
  }
  const resolution = resolveSchema(models, skipped, options.rootDir);
  diagnostics.push(...resolution.diagnostics);
  const parse = performance.now() - mark;
  mark = performance.now();
  const emission = emitSchema(resolution.schema, emitOptions, runtimeSource);
  diagnostics.push(...emission.diagnostics);
  const emit = performance.now() - mark;
  mark = performance.now();
  const failed = diagnostics.some((diagnostic) => diagnostic.severity === "error");
  const files = failed
    ? []
    : await Promise.all(
        emission.files.map(async (file) => ({
          path: file.path,
          content: file.path.endsWith(".ts") ? await formatTypeScript(file.content) : file.content,
        })),
      );
  const format = performance.now() - mark;
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics: sortDiagnostics(diagnostics), schema: resolution.schema, timings: { read: 0, parse, emit, format } };
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
