import { readFileSync } from "node:fs";
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
 * How long a doc found empty or gone waits for the rest of its save before that counts: editors
 * truncate a file and then write it, or move it away and write a new one, and a read in between
 * is not the user emptying or deleting the doc (whose outputs would be removed and come back).
 */
export const SETTLE_MS = 200;

/**
 * When a doc is read again after each of its changes: chokidar drops a second change of a file
 * within 50 ms of the first (a save right after a save, a formatter writing after the editor), so
 * a doc is read once more after that window, and regenerated if its text is not the one read last.
 */
export const RECHECK_MS = 100;

/**
 * Watches the docs root with chokidar and calls `onChange` with the docs that changed, debounced
 * and never concurrently (changes made during a run are handled by the next one). `onReady` is
 * called once changes are being watched. Resolves when the process receives Ctrl-C (SIGINT) or
 * SIGTERM, or when `signal` aborts, after the running generation (if any) and the watcher close.
 */
export async function watchDocs(
  root: string,
  onChange: (changes: DocChange[]) => Promise<void>,
  hooks: { readonly onReady?: () => void; readonly signal?: AbortSignal } = {},
): Promise<void> {
  // Signal handlers first: a Ctrl-C during start-up must still end the watch cleanly.
  let stopRequested = false;
  let stopWatching: () => void = () => {
    stopRequested = true;
  };
  const stop = () => stopWatching();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  hooks.signal?.addEventListener("abort", stop, { once: true });
  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (path, stats) => stats?.isFile() === true && !path.toLowerCase().endsWith(".md"),
  });
  const pending = new Set<string>();
  // Docs read empty or gone, each waiting SETTLE_MS for the rest of its save; then confirmed.
  const settling = new Map<string, NodeJS.Timeout>();
  const confirmed = new Set<string>();
  // The text of each doc as last handed on, and the read-again timers.
  const handed = new Map<string, string | null>();
  const rechecks = new Map<string, NodeJS.Timeout>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const debounce = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  };
  const settle = (path: string) => {
    settling.set(
      path,
      setTimeout(() => {
        settling.delete(path);
        confirmed.add(path);
        pending.add(path);
        debounce();
      }, SETTLE_MS),
    );
  };
  const flush = () => {
    timer = undefined;
    const paths = [...pending];
    pending.clear();
    running = running.then(async () => {
      // Read synchronously: chokidar answers each change by listing the doc's folder again, with a
      // stat of every file in it, and a read through the thread pool would wait behind those
      // (10 to 25 ms in a folder of 700 docs).
      const changes: DocChange[] = [];
      for (const absolute of paths) {
        const text = readTextOrNull(absolute);
        if ((text === null || text === "") && !confirmed.has(absolute)) {
          settle(absolute);
          continue;
        }
        confirmed.delete(absolute);
        // Read again with nothing new (a save of the same text, or the read-again after a change).
        if (handed.has(absolute) && handed.get(absolute) === text) continue;
        handed.set(absolute, text);
        changes.push({ path: relative(root, absolute).split(sep).join("/"), text });
      }
      if (changes.length > 0) await onChange(changes);
    });
  };
  const schedule = (path: string) => {
    if (!path.toLowerCase().endsWith(".md")) return;
    // A new event for a doc that was settling: its save went on, read it again.
    const settlingTimer = settling.get(path);
    if (settlingTimer) {
      clearTimeout(settlingTimer);
      settling.delete(path);
    }
    confirmed.delete(path);
    pending.add(path);
    debounce();
    clearTimeout(rechecks.get(path));
    rechecks.set(
      path,
      setTimeout(() => {
        rechecks.delete(path);
        pending.add(path);
        debounce();
      }, RECHECK_MS),
    );
  };
  watcher.on("add", schedule).on("change", schedule).on("unlink", schedule);
  await new Promise<void>((resolveReady) => watcher.once("ready", () => resolveReady()));
  // Only now are changes seen: tell the user the watch has begun.
  if (!stopRequested) hooks.onReady?.();
  await new Promise<void>((resolveStop) => {
    if (stopRequested) resolveStop();
    else stopWatching = resolveStop;
  });
  process.off("SIGINT", stop);
  process.off("SIGTERM", stop);
  if (timer) clearTimeout(timer);
  for (const settlingTimer of settling.values()) clearTimeout(settlingTimer);
  for (const recheck of rechecks.values()) clearTimeout(recheck);
  await running;
  await watcher.close();
}

/** A changed doc's text, or null when it is gone (deleted, or renamed away). */
function readTextOrNull(path: string): string | null {
  try {
    return normalizeText(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}
