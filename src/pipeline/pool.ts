import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { WorkerRequest, WorkerResponse } from "./protocol.js";

/** A generation worker thread that answers one request at a time. */
export interface GenerationWorker {
  readonly run: (request: WorkerRequest) => Promise<WorkerResponse>;
  readonly close: () => Promise<void>;
}

/**
 * Starts a worker thread on the compiled worker module, or returns null when there is none (the
 * sources are running untranspiled, as under vitest): the caller then does all work itself.
 */
export function startWorker(): GenerationWorker | null {
  const url = new URL("./worker.js", import.meta.url);
  if (url.protocol !== "file:" || !existsSync(url)) return null;
  const worker = new Worker(url);
  worker.unref();
  return {
    run: (request) =>
      new Promise((resolve, reject) => {
        const onMessage = (response: WorkerResponse) => {
          worker.off("error", reject);
          if (response.kind === "error") reject(new Error(`generation worker failed: ${response.message}`));
          else resolve(response);
        };
        worker.once("message", onMessage);
        worker.once("error", reject);
        worker.postMessage(request);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}
