import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type CachedFile, type GenerateCache, hashText } from "../pipeline/cache.js";
import { CACHE_NAME, isInside } from "./output.js";

/**
 * The cache as the CLI keeps it in the output folder: output files by the hash of their content
 * rather than the content itself, which is in the folder already. That halves the file (3 of
 * 5.5 MB for the mistral corpus were copies of the output), and so the time a cold run spends
 * writing it.
 */
interface CacheFileData extends Omit<GenerateCache, "files"> {
  readonly files: Readonly<Record<string, { readonly inputs: string; readonly hash: string }>>;
}

/** The text of the cache file for `cache`. */
export function cacheFileText(cache: GenerateCache): string {
  const files: Record<string, { inputs: string; hash: string }> = {};
  for (const [path, file] of Object.entries(cache.files)) files[path] = { inputs: file.inputs, hash: hashText(file.content) };
  return JSON.stringify({ ...cache, files } satisfies CacheFileData);
}

/**
 * Reads the cache file of an output folder back into a cache: each output file's content comes
 * from the folder, and an entry whose file is missing or no longer has the content the cache
 * recorded (edited by hand, say) is dropped, so that file is generated again. Returns the cache
 * and the text of the file (to tell later whether it needs rewriting), or undefined and null
 * when there is no readable cache file.
 */
export function readCacheFile(outDir: string): { readonly cache: GenerateCache | undefined; readonly text: string | null } {
  let text: string;
  try {
    text = readFileSync(join(outDir, CACHE_NAME), "utf8");
  } catch {
    return { cache: undefined, text: null };
  }
  let data: CacheFileData;
  try {
    data = JSON.parse(text) as CacheFileData;
    if (typeof data !== "object" || data === null || typeof data.files !== "object" || data.files === null) return { cache: undefined, text };
  } catch {
    return { cache: undefined, text };
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
    if (typeof entry?.inputs === "string" && hashText(content) === entry.hash) files[path] = { inputs: entry.inputs, content };
  }
  return { cache: { ...data, files } as GenerateCache, text };
}
