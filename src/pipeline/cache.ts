import { createHash } from "node:crypto";
import type { EmitOptions } from "../emit/options.js";
import { type Diagnostic, type Model, type Schema, type TypeNode, tableRows } from "../ir/types.js";

/** The cache layout version; a cache of another version is ignored. */
export const CACHE_VERSION = 1;

/**
 * What a previous generation leaves for the next one, as plain JSON data: the parse of each doc
 * keyed by the hash of its text, and each output file keyed by the hash of everything it was
 * generated from. A rerun reuses whatever still matches, so unchanged docs are neither parsed,
 * emitted nor formatted again. The caller decides where it lives (the CLI keeps it in the
 * output folder); `fingerprint` identifies the generator build that wrote it.
 */
export interface GenerateCache {
  readonly version: typeof CACHE_VERSION;
  readonly fingerprint: string;
  readonly docs: Readonly<Record<string, CachedDoc>>;
  readonly files: Readonly<Record<string, CachedFile>>;
}

/** The cached parse of one doc. */
export interface CachedDoc {
  readonly hash: string;
  readonly model: Model | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly skipped: boolean;
  /**
   * The doc's text and the flavour it was read in, in memory only (a cache file never holds
   * them): a rerun given this very text in the same flavour (under `--watch`, every doc but the
   * one saved) takes the entry without hashing the text again.
   */
  readonly text?: string;
  readonly flavour?: string;
}

/**
 * A cached output file: the hash of its inputs, the hash of its content, and the content itself
 * unless the run that made it handed its files to `onFiles` without keeping them (a cache file
 * read back from the output folder has the content again). An entry without content is not
 * reused: its file is generated again.
 */
export interface CachedFile {
  readonly inputs: string;
  readonly hash: string;
  readonly content?: string;
}

/** A short content hash. */
export function hashText(text: string): string {
  return createHash("sha1").update(text).digest("base64url");
}

/** Returns the cache when it was written by this generator build, else an empty one. */
export function usableCache(cache: GenerateCache | undefined, fingerprint: string): GenerateCache {
  if (cache && cache.version === CACHE_VERSION && cache.fingerprint === fingerprint) return cache;
  return { version: CACHE_VERSION, fingerprint, docs: {}, files: {} };
}

/**
 * The hash of everything a model's file is generated from: the generator build and options
 * (`settings`, hashed once per run), the text of the model's doc, where its references resolved
 * to, and the text and output path of the docs it references directly (their names, kinds and
 * fields decide imports, wire types and union member keys, their paths the import specifiers;
 * nothing further away reaches the file). A referenced doc's path can change while its text does
 * not (another doc taking its name). The file's own path is the cache key. Doc texts enter as
 * their hashes, so this costs a few string joins per model.
 */
export function modelInputHash(
  settings: string,
  model: Model,
  docHash: (id: string) => string | undefined,
  outputPath: (id: string) => string | undefined,
): string {
  const references: string[] = [];
  const visit = (type: TypeNode): void => {
    switch (type.kind) {
      case "ref":
        references.push(type.target ?? "");
        return;
      case "array":
        return visit(type.element);
      case "record":
        return visit(type.value);
      case "union":
        return type.members.forEach(visit);
      case "event-stream":
        return visit(type.event);
      default:
        return;
    }
  };
  if (model.kind === "object") tableRows(model).forEach((field) => visit(field.type));
  if (model.kind === "union") model.members.forEach((member) => visit(member.type));
  const dependencies = [...new Set(references)].sort().map((id) => `${id}=${docHash(id) ?? ""}@${outputPath(id) ?? ""}`);
  return hashText([settings, model.id, docHash(model.id) ?? "", references.join(","), ...dependencies].join("\u0000"));
}

/** The part of every model's input hash that is the same for the whole run. */
export function settingsHash(fingerprint: string, options: EmitOptions): string {
  return hashText(JSON.stringify([fingerprint, options]));
}

/** The hash the folder indexes depend on: every model's id, title and kind. */
export function indexInputHash(fingerprint: string, schema: Schema): string {
  return hashText(JSON.stringify([fingerprint, "index", schema.models.map((model) => [model.id, model.title, model.kind])]));
}

/**
 * Builds the cache a generation leaves behind from its files (`content` absent for the files
 * that were handed on and not kept: see {@link CachedFile}) and the input hash of each path.
 */
export function nextCache(
  fingerprint: string,
  docs: Record<string, CachedDoc>,
  files: Iterable<{ readonly path: string; readonly hash: string; readonly content?: string }>,
  inputs: ReadonlyMap<string, string>,
): GenerateCache {
  const cachedFiles: Record<string, CachedFile> = {};
  for (const file of files) {
    const hash = inputs.get(file.path);
    if (hash !== undefined) cachedFiles[file.path] = file.content === undefined ? { inputs: hash, hash: file.hash } : { inputs: hash, hash: file.hash, content: file.content };
  }
  return { version: CACHE_VERSION, fingerprint, docs, files: cachedFiles };
}
