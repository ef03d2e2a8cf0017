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

/** Receives generated files as they are ready (see `GenerateOptions.onFiles`). */
export type FileSink = (files: readonly GeneratedFile[]) => void | Promise<void>;

/** The outcome of emitting and formatting the files of a schema. */
export interface EmittedBatch {
  /** The files, in the order emitted; empty when they went to a sink instead. */
  readonly files: readonly GeneratedFile[];
  readonly diagnostics: readonly Diagnostic[];
  /** Milliseconds spent emitting (ts-morph) and formatting (prettier). */
  readonly emitMs: number;
  readonly formatMs: number;
}

/**
 * How many models are emitted and formatted together. Each group's texts (the printed and the
 * formatted) can be let go once the group is handed on, so a large input never holds the text
 * of every file twice at once; a group this size is still many of prettier's batches.
 */
export const MODELS_PER_GROUP = 500;

/**
 * Emits the files of the selected models and the given folder indexes and formats them with
 * prettier, a group of {@link MODELS_PER_GROUP} models at a time (the indexes last). With a
 * `sink`, each group's files go to it as soon as they are formatted and are not kept; without
 * one, all files are returned.
 */
export async function emitBatch(
  schema: Schema,
  options: EmitOptions,
  selection: { readonly only: ReadonlySet<string>; readonly indexes: readonly IndexPlan[]; readonly layout: OutputLayout },
  sink?: FileSink,
): Promise<EmittedBatch> {
  const selected = schema.models.filter((model) => selection.only.has(model.id)).map((model) => model.id);
  const groups: { only: ReadonlySet<string>; indexes: readonly IndexPlan[] }[] = [];
  for (let start = 0; start < selected.length; start += MODELS_PER_GROUP) {
    groups.push({ only: new Set(selected.slice(start, start + MODELS_PER_GROUP)), indexes: [] });
  }
  if (selection.indexes.length > 0) groups.push({ only: new Set(), indexes: selection.indexes });
  const files: GeneratedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  let emitMs = 0;
  let formatMs = 0;
  for (const group of groups) {
    const started = performance.now();
    const emission = emitSchema(schema, options, { ...group, layout: selection.layout });
    const emitted = performance.now();
    diagnostics.push(...emission.diagnostics);
    // Files made only of preformatted chunks are already in prettier's layout; the rest go to prettier.
    const ready = emission.files.map((file) => formattedWithoutPrettier(file.content));
    const formatted = await formatTypeScriptFiles(emission.files.flatMap((file, index) => (ready[index] === null ? [file.content] : [])));
    let next = 0;
    const groupFiles = emission.files.map((file, index) => ({
      path: file.path,
      content: insertPreformatted(ready[index] ?? formatted[next++]!, file.chunks ?? []),
    }));
    emitMs += emitted - started;
    formatMs += performance.now() - emitted;
    if (sink) await sink(groupFiles);
    else files.push(...groupFiles);
  }
  return { files, diagnostics, emitMs, formatMs };
}

/**
 * The runtime file: the template under the header line, as it is. The template is kept in
 * prettier's format (a test holds this), so formatting it again on every cold run would only
 * cost time.
 */
export function runtimeOutput(runtimeSource: string): GeneratedFile {
  return runtimeFile(runtimeSource);
}
