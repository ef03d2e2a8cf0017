import { readFile } from "node:fs/promises";
import { relative, sep } from "node:path";
import { watch } from "chokidar";
import { normalizeText } from "../write/read-docs.js";

/** A changed doc: its path relative to the docs root, and its new text (null when deleted). */
export interface DocChange {
  readonly path: string;
  readonly text: string | null;
}

/** How long to wait after a change for more before regenerating: an editor's save is several events. */
export const DEBOUNCE_MS = 25;

/**
 * Watches the docs root with chokidar and calls `onChange` with the docs that changed, debounced
 * and never concurrently (changes made during a run are handled by the next one). Resolves when
 * the process receives Ctrl-C (SIGINT) or SIGTERM, after closing the watcher, or when `signal`
 * aborts.
 */
export async function watchDocs(root: string, onChange: (changes: DocChange[]) => Promise<void>, signal?: AbortSignal): Promise<void> {
  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (path, stats) => stats?.isFile() === true && !path.toLowerCase().endsWith(".md"),
  });
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const flush = () => {
    timer = undefined;
    const paths = [...pending];
    pending.clear();
    running = running.then(async () => {
      const changes = await Promise.all(
        paths.map(async (absolute) => ({
          path: relative(root, absolute).split(sep).join("/"),
          text: await readFile(absolute, "utf8").then(normalizeText, () => null),
        })),
      );
      await onChange(changes);
    });
  };
  const schedule = (path: string) => {
    if (!path.toLowerCase().endsWith(".md")) return;
    pending.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  };
  watcher.on("add", schedule).on("change", schedule).on("unlink", schedule);
  await new Promise<void>((resolveReady) => watcher.once("ready", () => resolveReady()));
  await new Promise<void>((resolveStop) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolveStop();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    signal?.addEventListener("abort", stop, { once: true });
  });
  if (timer) clearTimeout(timer);
  await running;
  await watcher.close();
}
