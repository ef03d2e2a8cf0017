import { readFile, readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/** A markdown doc read from the docs root: its path relative to the root (`/`-separated). */
export interface DocFile {
  readonly path: string;
  readonly text: string;
}

/**
 * Reads every `**\/*.md` file below `root`, sorted by path so that the order never depends on the
 * file system. Symbolic links are not followed. Text is decoded as UTF-8 with a leading BOM
 * removed and CRLF line ends turned into LF.
 */
export async function readDocs(root: string): Promise<DocFile[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith(".md"))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
  return Promise.all(
    paths.map(async (path) => ({ path, text: normalizeText(await readFile(join(root, path), "utf8")) })),
  );
}

/** Removes a BOM and turns CRLF / CR line ends into LF. */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}
