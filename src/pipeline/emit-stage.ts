import { emitSchema, runtimeFile } from "../emit/emit.js";
import { formatTypeScriptFiles } from "../emit/format.js";
import { formattedWithoutPrettier, insertPreformatted } from "../emit/preformat.js";
import type { IndexPlan } from "../emit/index-plan.js";
import type { EmitOptions } from "../emit/options.js";
import type { OutputLayout } from "../emit/paths.js";
import type { Diagnostic, Schema } from "../ir/types.js";

/** A generated file: its path relative to the output folder and its final, formatted text. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** The outcome of emitting and formatting the files of a schema. */
export interface EmittedBatch {
  readonly files: readonly GeneratedFile[];
  readonly diagnostics: readonly Diagnostic[];
  /** Milliseconds spent emitting (ts-morph) and formatting (prettier). */
  readonly emitMs: number;
  readonly formatMs: number;
}

/** Emits the files of the selected models and the given folder indexes, then formats them with prettier. */
export async function emitBatch(
  schema: Schema,
  options: EmitOptions,
  selection: { readonly only: ReadonlySet<string>; readonly indexes: readonly IndexPlan[]; readonly layout: OutputLayout },
): Promise<EmittedBatch> {
  const started = performance.now();
  const emission = emitSchema(schema, options, selection);
  const emitted = performance.now();
  // Files made only of preformatted chunks are already in prettier's layout; the rest go to prettier.
  const ready = emission.files.map((file) => formattedWithoutPrettier(file.content));
  const formatted = await formatTypeScriptFiles(emission.files.flatMap((file, index) => (ready[index] === null ? [file.content] : [])));
  let next = 0;
  const files = emission.files.map((file, index) => ({
    path: file.path,
    content: insertPreformatted(ready[index] ?? formatted[next++]!, file.chunks ?? []),
  }));
  return { files, diagnostics: emission.diagnostics, emitMs: emitted - started, formatMs: performance.now() - emitted };
}

/**
 * The runtime file: the template under the header line, as it is. The template is kept in
 * prettier's format (a test holds this), so formatting it again on every cold run would only
 * cost time.
 */
export function runtimeOutput(runtimeSource: string): GeneratedFile {
  return runtimeFile(runtimeSource);
}
