import { format } from "prettier";

/** The prettier options of generated code; fixed so output is the same on every machine. */
export const PRETTIER_OPTIONS = {
  // babel-ts prints the same as the typescript parser and parses about a third faster.
  parser: "babel-ts",
  printWidth: 100,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  trailingComma: "all",
  bracketSpacing: true,
  arrowParens: "always",
  endOfLine: "lf",
} as const;

/** Formats generated TypeScript with prettier, with {@link PRETTIER_OPTIONS}. */
export function formatTypeScript(text: string): Promise<string> {
  return format(text, PRETTIER_OPTIONS);
}

/**
 * A line that separates files in a batch handed to prettier in one call. Generated text cannot
 * contain it: doc text only reaches comments through `*`-prefixed JSDoc lines and string literals.
 */
const BOUNDARY = "// @mdspec-file-boundary";

/** How much text one prettier call formats at most; larger batches save little more. */
const BATCH_CHARS = 256 * 1024;

/**
 * Formats many generated files with few prettier calls: files are joined with a boundary comment
 * line, formatted together, and cut apart again. Prettier formats top-level statements on their
 * own, so each file comes out exactly as it would alone (a test holds this), while the fixed cost
 * of a prettier call, about half the total for small files, is paid once per batch.
 */
export async function formatTypeScriptFiles(texts: readonly string[]): Promise<string[]> {
  const results: string[] = [];
  let batch: string[] = [];
  let size = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const formatted = await formatTypeScript(batch.map((text) => text.trim()).join(`\n${BOUNDARY}\n`));
    const parts = formatted.split(`\n${BOUNDARY}\n`);
    if (parts.length !== batch.length) {
      // Never expected; fall back to formatting the files one by one rather than mis-split them.
      for (const text of batch) results.push(await formatTypeScript(text));
    } else {
      for (const part of parts) results.push(`${part.trim()}\n`);
    }
    batch = [];
    size = 0;
    // Prettier resolves without returning to the event loop; yielding between batches lets
    // timers (the CLI's progress line, a watcher's debounce) run during a long format.
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  for (const text of texts) {
    batch.push(text);
    size += text.length;
    if (size >= BATCH_CHARS) await flush();
  }
  await flush();
  return results;
}
