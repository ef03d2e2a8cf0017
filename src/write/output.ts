import { randomBytes } from "node:crypto";
import { lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, rmdirSync, writeFileSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { CACHE_NAME, MANIFEST_NAME } from "../emit/paths.js";
import { EXPORT_MARK } from "../export/documents.js";
import type { ModelShape } from "../ir/shape.js";

// The output layout (emit/paths.ts) names every file mdspec writes, so that no doc's output takes one.
export { CACHE_NAME, MANIFEST_NAME } from "../emit/paths.js";

/**
 * A file to have in the output folder. An exported document (`kind` set) may lie outside it: its
 * path, relative to the output folder, may climb out with `..`; the manifest lists it apart.
 */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
  readonly kind?: "openapi" | "json-schema";
}

/** How the output folder differs from what the generator produces now. */
export interface Drift {
  /** Files whose content differs. */
  readonly changed: readonly string[];
  /** Files that should exist and do not. */
  readonly missing: readonly string[];
  /** Files mdspec wrote before (per the manifest) that it would now remove. */
  readonly stale: readonly string[];
  /** Files that are already up to date. */
  readonly unchanged: readonly string[];
}

/** What {@link writeOutput} did. */
export interface WriteSummary extends Drift {
  readonly written: readonly string[];
  readonly removed: readonly string[];
}

/** What the manifest records: the files mdspec wrote, its exported documents and the shape of each model. */
export interface Manifest {
  readonly files: string[];
  /** The exported documents (paths relative to the output folder, possibly climbing out). */
  readonly exports: string[];
  readonly models: Record<string, ModelShape>;
}

/** Reads the manifest of an output folder; empty when there is none or it cannot be read. */
export async function readManifest(outDir: string): Promise<Manifest> {
  try {
    const parsed = JSON.parse(readFileSync(join(outDir, MANIFEST_NAME), "utf8")) as { files?: unknown; exports?: unknown; models?: unknown };
    const files = Array.isArray(parsed.files) ? parsed.files.filter((file): file is string => typeof file === "string" && isInside(file)) : [];
    const exports = Array.isArray(parsed.exports) ? parsed.exports.filter((file): file is string => typeof file === "string" && isExportPath(file)) : [];
    const models = typeof parsed.models === "object" && parsed.models !== null ? (parsed.models as Record<string, ModelShape>) : {};
    return { files, exports, models };
  } catch {
    return { files: [], exports: [], models: {} };
  }
}

/**
 * The manifest text: stable key order, one entry per line, so it diffs well in review. The
 * exported documents are listed apart (`exports`, only when there are some).
 */
function manifestText(paths: readonly string[], exportPaths: readonly string[], models: Readonly<Record<string, ModelShape>>): string {
  const sortedModels = Object.fromEntries(Object.keys(models).sort().map((doc) => [doc, models[doc]]));
  const exports = [...exportPaths].sort();
  const manifest = { generator: "mdspec", version: 2, files: [...paths].sort(), ...(exports.length > 0 ? { exports } : {}), models: sortedModels };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** A file's text, or null when it cannot be read (absent, a folder, no permission). */
function readTextOrNull(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/**
 * Compares the output folder with the files the generator produces now, reading only: which
 * files changed, are missing, or are stale (written by mdspec before, per the manifest, and not
 * produced any more). Files mdspec did not write are never reported. The manifest counts as a
 * file too: a model whose shape changed without changing any file still drifts.
 */
export async function diffOutput(
  outDir: string,
  files: readonly OutputFile[],
  models: Readonly<Record<string, ModelShape>> = {},
  known?: ReadonlyMap<string, string>,
): Promise<Drift> {
  const staging = new OutputStaging(outDir, { known, write: false });
  staging.add(files);
  return staging.drift(models);
}

/**
 * Brings the output folder up to date: writes only the files whose content changed, each
 * atomically (a temporary file in the same folder, then a rename, so a reader or a crash never
 * sees half a file), removes the stale files the previous manifest lists, and writes the new
 * manifest last. Files that mdspec did not write are never touched. `known` holds the content
 * this process last wrote (watch mode), which spares reading those files back. The same as
 * {@link OutputStaging} given every file at once.
 */
export async function writeOutput(
  outDir: string,
  files: readonly OutputFile[],
  models: Readonly<Record<string, ModelShape>> = {},
  known?: ReadonlyMap<string, string>,
): Promise<WriteSummary> {
  const staging = new OutputStaging(outDir, { known });
  try {
    staging.add(files);
    return await staging.commit(models);
  } catch (error) {
    staging.discard();
    throw error;
  }
}

/**
 * An output folder brought up to date in two steps, so that the files can come a group at a
 * time and be let go once written, while the folder still changes all at once or not at all:
 * {@link add} compares each file with the folder and writes each one that differs to a
 * temporary file beside its target, and {@link commit} renames them all into place, removes the
 * stale files and writes the manifest; {@link discard} deletes the temporaries instead (a doc
 * error found after some files came), leaving the folder as it was. A run killed before the
 * commit leaves only temporaries, which the next run that writes removes. With `write: false`
 * it only compares (`--check`), and {@link drift} tells what differs.
 *
 * File operations are synchronous: for a thousand small files they are three to four times
 * faster than the promise API (no thread-pool round trip per call), and the work is short.
 */
export class OutputStaging {
  private readonly outDir: string;
  private readonly known: ReadonlyMap<string, string> | undefined;
  private readonly write: boolean;
  /** Every path added, in order: the files, and apart the exported documents. */
  private readonly paths: string[] = [];
  private readonly exportPaths: string[] = [];
  private readonly produced = new Set<string>();
  private readonly changed: string[] = [];
  private readonly missing: string[] = [];
  private readonly unchanged: string[] = [];
  /** The written temporaries, by target path. */
  private readonly staged = new Map<string, string>();
  /** Folders that exist (or were created by this staging), so each is made once. */
  private readonly folders = new Set<string>();
  /** The folders this staging created, so that a discard removes them again. */
  private readonly created: string[] = [];
  private state: "open" | "committed" | "discarded" = "open";

  constructor(outDir: string, options: { readonly known?: ReadonlyMap<string, string> | undefined; readonly write?: boolean } = {}) {
    this.outDir = outDir;
    this.known = options.known;
    this.write = options.write ?? true;
  }

  /** How many files were added (exported documents included). */
  get size(): number {
    return this.paths.length + this.exportPaths.length;
  }

  /**
   * Adds files of the output: each is compared with the folder (or with `known`), and when it
   * differs and this staging writes, its content goes to a temporary file beside its target.
   * Throws, writing nothing of this group, when a path would leave the output folder.
   */
  add(files: readonly OutputFile[]): void {
    if (this.state !== "open") throw new Error(`the output staging is already ${this.state}`);
    const outside = files.find((file) => !(file.kind === undefined ? isInside(file.path) : isExportPath(file.path)));
    if (outside) {
      throw new Error(
        `refusing to write ${JSON.stringify(outside.path)}: output paths must stay inside the output folder (exported documents: relative paths without . or .. after a name)`,
      );
    }
    for (const file of files) {
      if (this.produced.has(file.path)) throw new Error(`the output file ${JSON.stringify(file.path)} was added twice`);
      this.produced.add(file.path);
      (file.kind === undefined ? this.paths : this.exportPaths).push(file.path);
      const current = this.known?.get(file.path) ?? readTextOrNull(join(this.outDir, file.path));
      if (current === file.content) {
        this.unchanged.push(file.path);
        continue;
      }
      (current === null ? this.missing : this.changed).push(file.path);
      if (!this.write) continue;
      const target = join(this.outDir, file.path);
      this.ensureFolder(dirname(target));
      const temporary = temporaryName(target);
      try {
        writeFileSync(temporary, file.content, "utf8");
      } catch (error) {
        rmSync(temporary, { force: true });
        throw error;
      }
      this.staged.set(file.path, temporary);
    }
  }

  /** How the folder differs from the files added so far and the manifest they and `models` make. */
  async drift(models: Readonly<Record<string, ModelShape>> = {}): Promise<Drift> {
    return (await this.driftFrom(manifestText(this.paths, this.exportPaths, models))).drift;
  }

  /** The drift against `manifest`, and the exported documents the previous manifest lists. */
  private async driftFrom(manifest: string): Promise<{ drift: Drift; previousExports: ReadonlySet<string> }> {
    const previous = await readManifest(this.outDir);
    const stale = [...previous.files, ...previous.exports].filter((path) => !this.produced.has(path));
    const changed = [...this.changed];
    const missing = [...this.missing];
    const current = readTextOrNull(join(this.outDir, MANIFEST_NAME));
    if (current !== manifest) (current === null ? missing : changed).push(MANIFEST_NAME);
    return {
      drift: { changed: changed.sort(), missing: missing.sort(), stale: stale.sort(), unchanged: [...this.unchanged].sort() },
      previousExports: new Set(previous.exports),
    };
  }

  /**
   * Moves every staged file into place (each rename atomic), removes the stale files the
   * previous manifest lists, writes the manifest for the files added and `models`, and returns
   * what changed. Files that mdspec did not write are never touched.
   */
  async commit(models: Readonly<Record<string, ModelShape>> = {}): Promise<WriteSummary> {
    if (this.state !== "open" || !this.write) throw new Error("the output staging cannot be committed");
    // The files first, so that they change as soon as they can (a save under --watch waits on
    // them); the manifest, which is compared and written next, does not depend on them.
    const written: string[] = [];
    for (const [path, temporary] of this.staged) {
      renameSync(temporary, join(this.outDir, path));
      written.push(path);
    }
    this.staged.clear();
    this.state = "committed";
    written.sort();
    const manifest = manifestText(this.paths, this.exportPaths, models);
    const { drift, previousExports } = await this.driftFrom(manifest);
    mkdirSync(this.outDir, { recursive: true });
    const removed: string[] = [];
    for (const path of drift.stale) {
      // Only regular files mdspec wrote: never a folder or a link a hand-edited manifest names, and an
      // exported document (which may lie outside the output folder) only when it still bears the mark.
      const stats = lstatOrNull(join(this.outDir, path));
      if (!stats?.isFile()) continue;
      if (previousExports.has(path) && !(readTextOrNull(join(this.outDir, path)) ?? "").slice(0, 200).includes(EXPORT_MARK)) continue;
      rmSync(join(this.outDir, path), { force: true });
      removed.push(path);
      if (isInside(path)) removeEmptyParents(this.outDir, dirname(path));
    }
    if (drift.changed.includes(MANIFEST_NAME) || drift.missing.includes(MANIFEST_NAME)) {
      await writeAtomically(join(this.outDir, MANIFEST_NAME), manifest);
    }
    if (written.length > 0 || removed.length > 0) await removeLeftoverTemporaries(this.outDir, this.produced);
    return { ...drift, written, removed };
  }

  /** Deletes the staged temporaries and the folders made for them: the folder is as it was. */
  discard(): void {
    if (this.state !== "open") return;
    this.state = "discarded";
    for (const temporary of this.staged.values()) rmSync(temporary, { force: true });
    this.staged.clear();
    // Deepest first; a folder something else has put a file in meanwhile stays.
    for (const folder of [...this.created].sort((a, b) => b.length - a.length)) {
      try {
        rmdirSync(folder);
      } catch {
        // Not empty, or already gone.
      }
    }
  }

  private ensureFolder(folder: string): void {
    if (this.folders.has(folder)) return;
    const first = mkdirSync(folder, { recursive: true });
    if (first !== undefined) {
      // mkdirSync made `first` and every folder below it down to `folder`.
      for (let current = folder; current.length >= first.length; current = dirname(current)) {
        this.created.push(current);
        if (current === first) break;
      }
    }
    for (let current = folder; !this.folders.has(current); current = dirname(current)) {
      this.folders.add(current);
      if (dirname(current) === current) break;
    }
  }
}

/** A path's own status (links not followed), or null when it does not exist. */
function lstatOrNull(path: string): ReturnType<typeof lstatSync> | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/** Writes a file through a temporary sibling and a rename (creating its folder unless told it exists). */
export async function writeAtomically(path: string, content: string, createFolder = true): Promise<void> {
  if (createFolder) mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryName(path);
  try {
    writeFileSync(temporary, content, "utf8");
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** A new name for a temporary file beside `target`: `target.<pid>.<8 hex>.tmp`. */
export function temporaryName(target: string): string {
  return `${target}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
}

/** The name of a temporary file {@link temporaryName} gives beside `target`. */
const TEMPORARY = /^(.*)\.\d+\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes the temporary files that an interrupted run (killed between writing and renaming)
 * left beside the files mdspec writes; only names of exactly that form, for files it produces.
 */
async function removeLeftoverTemporaries(outDir: string, paths: ReadonlySet<string>): Promise<void> {
  const produced = new Set([...paths, MANIFEST_NAME, CACHE_NAME]);
  let entries: string[];
  try {
    entries = readdirSync(outDir, { recursive: true, encoding: "utf8" });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = entry.split(sep).join("/");
    const target = TEMPORARY.exec(path)?.[1];
    if (target !== undefined && produced.has(target)) rmSync(join(outDir, entry), { force: true });
  }
}

/** Removes the folders left empty by a removal, up to (not including) the output folder. */
function removeEmptyParents(outDir: string, folder: string): void {
  for (let current = folder; current !== "." && current !== ""; current = dirname(current)) {
    try {
      rmdirSync(join(outDir, current));
    } catch {
      return;
    }
  }
}

/**
 * Whether a path is usable for an exported document: relative to the output folder,
 * `/`-separated, any `..` only at its start (`openapi.json`, `api/openapi.json`,
 * `../openapi.json`), naming a file.
 */
export function isExportPath(path: string): boolean {
  const segments = path.split("/");
  const climbs = segments.findIndex((segment) => segment !== "..");
  if (climbs < 0 || path.includes("\\") || path.startsWith("/") || /^[A-Za-z]:/.test(path)) return false;
  return segments.slice(climbs).every((segment) => segment !== "" && segment !== "." && segment !== "..");
}

/** Whether a manifest or cache entry is a plain relative path inside the output folder. */
export function isInside(path: string): boolean {
  const segments = path.split(/[\\/]/);
  return path !== "" && !path.startsWith("/") && !/^[A-Za-z]:/.test(path) && !segments.includes("..") && !segments.every((segment) => segment === "." || segment === "");
}
