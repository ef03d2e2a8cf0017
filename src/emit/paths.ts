import { posix } from "node:path";

/** The output path of a doc: `a/b.md` becomes `a/b.ts`. */
export function outputPathOf(docId: string): string {
  return docId.replace(/\.md$/i, "") + ".ts";
}

/** The runtime module every generated file may import, at the output root. */
export const RUNTIME_PATH = "runtime.ts";

/**
 * The NodeNext module specifier for importing output file `to` from output file `from`:
 * relative, with a `.js` extension.
 */
export function moduleSpecifier(from: string, to: string): string {
  const relative = posix.relative(posix.dirname(from), to).replace(/\.ts$/, ".js");
  return relative.startsWith(".") ? relative : `./${relative}`;
}
