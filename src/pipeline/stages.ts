import { emitSchema } from "../emit/emit.js";
import { formatTypeScriptFiles } from "../emit/format.js";
import type { EmitOptions } from "../emit/options.js";
import type { Diagnostic, Model, Schema } from "../ir/types.js";
import { parseDoc } from "../parse/doc.js";
import type { DocFile } from "../write/read-docs.js";

/** The outcome of parsing a batch of docs. */
export interface ParsedBatch {
  readonly models: readonly Model[];
  readonly diagnostics: readonly Diagnostic[];
  /** Paths of markdown files that are not model docs (skipped with an info diagnostic). */
  readonly skipped: readonly string[];
}

/** Parses a batch of docs into unresolved models. */
export function parseBatch(docs: readonly DocFile[]): ParsedBatch {
  const diagnostics: Diagnostic[] = [];
  const models: Model[] = [];
  const skipped: string[] = [];
  for (const doc of docs) {
    const parsed = parseDoc(doc.path, doc.text);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.model) models.push(parsed.model);
    else if (!parsed.diagnostics.some((diagnostic) => diagnostic.severity === "error")) skipped.push(doc.path);
  }
  return { models, diagnostics, skipped };
}

/** A generated file: its path relative to the output folder and its final, formatted text. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** The outcome of emitting and formatting a batch of models. */
export interface EmittedBatch {
  readonly files: readonly GeneratedFile[];
  readonly diagnostics: readonly Diagnostic[];
  /** Milliseconds spent emitting (ts-morph) and formatting (prettier). */
  readonly emitMs: number;
  readonly formatMs: number;
}

/**
 * Emits the files of the models whose ids are in `ids` (and the shared index and runtime files
 * when `withShared`), then formats each with prettier.
 */
export async function emitBatch(
  schema: Schema,
  options: EmitOptions,
  runtimeSource: string,
  ids: readonly string[],
  withShared: boolean,
): Promise<EmittedBatch> {
  const started = performance.now();
  const emission = emitSchema(schema, options, runtimeSource, { only: new Set(ids), withShared });
  const emitted = performance.now();
  const formatted = await formatTypeScriptFiles(emission.files.map((file) => file.content));
  const files: GeneratedFile[] = emission.files.map((file, index) => ({ path: file.path, content: formatted[index]! }));
  return { files, diagnostics: emission.diagnostics, emitMs: emitted - started, formatMs: performance.now() - emitted };
}
