import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { FlavourMap } from "../ir/types.js";
import type { DocFile } from "../write/read-docs.js";
import type { ParsedBatch } from "./parse-stage.js";

/**
 * Parses docs on a worker thread, or returns null when there is no compiled worker module (the
 * sources are running untranspiled, as under vitest): the caller then parses on its own thread.
 */
export function parseInWorker(docs: readonly DocFile[], flavours: FlavourMap): Promise<ParsedBatch> | null {
  const url = new URL("./parse-worker.js", import.meta.url);
  if (url.protocol !== "file:" || !existsSync(url)) return null;
  const worker = new Worker(url);
  return new Promise<ParsedBatch>((resolve, reject) => {
    worker.once("message", (response: { ok: true; batch: ParsedBatch } | { ok: false; message: string }) => {
      if (response.ok) resolve(response.batch);
      else reject(new Error(`parse worker failed: ${response.message}`));
    });
    worker.once("error", reject);
    worker.postMessage({ docs, flavours });
  }).finally(() => worker.terminate());
}
