import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { type CachedFile, type GenerateCache, hashText } from "../pipeline/cache.js";
import { CACHE_NAME, isInside, temporaryName } from "./output.js";

/**
 * The cache as the CLI keeps it in the output folder: output files by the hash of their content
 * rather than the content itself, which is in the folder already. That halves the file (3 of
 * 5.5 MB for the mistral corpus were copies of the output), and so the time a cold run spends
 * writing it.
 */
interface CacheFileData extends Omit<GenerateCache, "files"> {
  readonly files: Readonly<Record<string, { readonly inputs: string; readonly hash: string }>>;
}

/**
 * The text of the cache file in pieces, one per doc and file entry, which joined are
 * `JSON.stringify` of the {@link CacheFileData}: the parse of 20,000 docs is 45 MB of JSON, which
 * is better written piece by piece than built as one string.
 */
function* cacheFilePieces(cache: GenerateCache): Generator<string> {
  yield `{"version":${JSON.stringify(cache.version)},"fingerprint":${JSON.stringify(cache.fingerprint)},"docs":{`;
  let first = true;
  for (const [path, entry] of Object.entries(cache.docs)) {
    // The doc's text and flavour stay in memory: the file records the hash.
    const { text: _text, flavour: _flavour, ...stored } = entry;
    yield `${first ? "" : ","}${JSON.stringify(path)}:${JSON.stringify(stored)}`;
    first = false;
  }
  yield `},"files":{`;
  first = true;
  for (const [path, file] of Object.entries(cache.files)) {
    yield `${first ? "" : ","}${JSON.stringify(path)}:${JSON.stringify({ inputs: file.inputs, hash: file.hash })}`;
    first = false;
  }
  yield "}}";
}

/** How much cache-file text is gathered before each write. */
const WRITE_CHARS = 1 << 20;

/**
 * Writes the cache file of an output folder for `cache`, piece by piece into a temporary file
 * that is renamed over the old one, unless the text hashes to `previousHash` (the file is
 * already current: the temporary is deleted). Returns the hash of the text.
 */
export function writeCacheFile(outDir: string, cache: GenerateCache, previousHash: string | null): string {
  const path = join(outDir, CACHE_NAME);
  const temporary = temporaryName(path);
  const hash = createHash("sha1");
  mkdirSync(outDir, { recursive: true });
  const file = openSync(temporary, "w");
  try {
    let pending = "";
    for (const piece of cacheFilePieces(cache)) {
      pending += piece;
      if (pending.length < WRITE_CHARS) continue;
      hash.update(pending);
      writeSync(file, pending);
      pending = "";
    }
    hash.update(pending);
    writeSync(file, pending);
  } catch (error) {
    closeSync(file);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(file);
  const digest = hash.digest("base64url");
  if (digest === previousHash) rmSync(temporary, { force: true });
  else renameSync(temporary, path);
  return digest;
}

/**
 * Reads the cache file of an output folder back into a cache: each output file's content comes
 * from the folder, and an entry whose file is missing or no longer has the content the cache
 * recorded (edited by hand, say) is dropped, so that file is generated again. Returns the cache
 * and the hash of the file's text (to tell later whether it needs rewriting: see
 * {@link writeCacheFile}), or undefined and null when there is no readable cache file. A cache
 * written by another generator build than `fingerprint` (when given) is not used, so its output
 * files are not read either (after an upgrade, 20,000 of them would be held for nothing).
 */
export function readCacheFile(outDir: string, fingerprint?: string): { readonly cache: GenerateCache | undefined; readonly hash: string | null } {
  let text: string;
  try {
    text = readFileSync(join(outDir, CACHE_NAME), "utf8");
  } catch {
    return { cache: undefined, hash: null };
  }
  const hash = hashText(text);
  let data: CacheFileData;
  try {
    data = JSON.parse(text) as CacheFileData;
    if (typeof data !== "object" || data === null || typeof data.files !== "object" || data.files === null || typeof data.docs !== "object" || data.docs === null) {
      return { cache: undefined, hash };
    }
    if (fingerprint !== undefined && data.fingerprint !== fingerprint) return { cache: undefined, hash };
  } catch {
    return { cache: undefined, hash };
  }
  const files: Record<string, CachedFile> = {};
  for (const [path, entry] of Object.entries(data.files)) {
    // Only files of the folder: a cache file is data, never a way to read elsewhere.
    if (!isInside(path)) continue;
    let content: string;
    try {
      content = readFileSync(join(outDir, path), "utf8");
    } catch {
      continue;
    }
    if (typeof entry?.inputs === "string" && hashText(content) === entry.hash) files[path] = { inputs: entry.inputs, hash: entry.hash, content };
  }
  // A doc's text is never taken from a file (it would be trusted in place of the hash).
  for (const entry of Object.values(data.docs)) {
    if (typeof entry !== "object" || entry === null) continue;
    delete (entry as { text?: string }).text;
    delete (entry as { flavour?: string }).flavour;
  }
  return { cache: { ...data, files } as GenerateCache, hash };
}
