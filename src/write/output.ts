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
function manifestText(files: readonly OutputFile[], models: Readonly<Record<string, ModelShape>>): string {
  const sortedModels = Object.fromEntries(Object.keys(models).sort().map((doc) => [doc, models[doc]]));
  const exports = files.filter((file) => file.kind !== undefined).map((file) => file.path).sort();
  const manifest = {
    generator: "mdspec",
    version: 2,
    files: files.filter((file) => file.kind === undefined).map((file) => file.path).sort(),
    ...(exports.length > 0 ? { exports } : {}),
    models: sortedModels,
  };
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
  const changed: string[] = [];
  const missing: string[] = [];
  const unchanged: string[] = [];
  for (const file of files) {
    const current = known?.get(file.path) ?? readTextOrNull(join(outDir, file.path));
    if (current === null) missing.push(file.path);
    else if (current !== file.content) changed.push(file.path);
    else unchanged.push(file.path);
  }
  const produced = new Set(files.map((file) => file.path));
  const previous = await readManifest(outDir);
  const stale = [...previous.files, ...previous.exports].filter((path) => !produced.has(path));
  const manifest = readTextOrNull(join(outDir, MANIFEST_NAME));
  if (manifest !== manifestText(files, models)) (manifest === null ? missing : changed).push(MANIFEST_NAME);
  return { changed: changed.sort(), missing: missing.sort(), stale: stale.sort(), unchanged: unchanged.sort() };
}

/**
 * Brings the output folder up to date: writes only the files whose content changed, each
 * atomically (a temporary file in the same folder, then a rename, so a reader or a crash never
 * sees half a file), removes the stale files the previous manifest lists, and writes the new
 * manifest last. Files that mdspec did not write are never touched. `known` holds the content
 * this process last wrote (watch mode), which spares reading those files back.
 *
 * File operations are synchronous: for a thousand small files they are three to four times
 * faster than the promise API (no thread-pool round trip per call), and the work is short.
 */
export async function writeOutput(
  outDir: string,
  files: readonly OutputFile[],
  models: Readonly<Record<string, ModelShape>> = {},
  known?: ReadonlyMap<string, string>,
): Promise<WriteSummary> {
  const outside = files.find((file) => !(file.kind === undefined ? isInside(file.path) : isExportPath(file.path)));
  if (outside) {
    throw new Error(
      `refusing to write ${JSON.stringify(outside.path)}: output paths must stay inside the output folder (exported documents: relative paths without . or .. after a name)`,
    );
  }
  const drift = await diffOutput(outDir, files, models, known);
  const toWrite = new Set([...drift.changed, ...drift.missing]);
  mkdirSync(outDir, { recursive: true });
  const pending = files.filter((file) => toWrite.has(file.path));
  const previousExports = new Set((await readManifest(outDir)).exports);
  // Folders first, once each.
  for (const folder of [...new Set(pending.map((file) => dirname(join(outDir, file.path))))].sort()) mkdirSync(folder, { recursive: true });
  for (const file of pending) await writeAtomically(join(outDir, file.path), file.content, false);
  const written = pending.map((file) => file.path);
  const removed: string[] = [];
  for (const path of drift.stale) {
    // Only regular files mdspec wrote: never a folder or a link a hand-edited manifest names, and an
    // exported document (which may lie outside the output folder) only when it still bears the mark.
    const stats = lstatOrNull(join(outDir, path));
    if (!stats?.isFile()) continue;
    if (previousExports.has(path) && !(readTextOrNull(join(outDir, path)) ?? "").slice(0, 200).includes(EXPORT_MARK)) continue;
    rmSync(join(outDir, path), { force: true });
    removed.push(path);
    if (isInside(path)) removeEmptyParents(outDir, dirname(path));
  }
  if (toWrite.has(MANIFEST_NAME)) await writeAtomically(join(outDir, MANIFEST_NAME), manifestText(files, models));
  if (pending.length > 0 || removed.length > 0) await removeLeftoverTemporaries(outDir, files);
  return { ...drift, written, removed };
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
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    writeFileSync(temporary, content, "utf8");
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** The name of a temporary file {@link writeAtomically} creates beside `target`: `target.<pid>.<8 hex>.tmp`. */
const TEMPORARY = /^(.*)\.\d+\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes the temporary files that an interrupted run (killed between writing and renaming)
 * left beside the files mdspec writes; only names of exactly that form, for files it produces.
 */
async function removeLeftoverTemporaries(outDir: string, files: readonly OutputFile[]): Promise<void> {
  const produced = new Set([...files.map((file) => file.path), MANIFEST_NAME, CACHE_NAME]);
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
