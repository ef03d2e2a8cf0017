import { parentPort } from "node:worker_threads";
import { emitBatch, parseBatch } from "./stages.js";
import type { WorkerRequest, WorkerResponse } from "./protocol.js";

// A generation worker: runs parse and emit batches sent by the main thread, one at a time.
const port = parentPort!;
port.on("message", (request: WorkerRequest) => {
  const reply = (response: WorkerResponse) => port.postMessage(response);
  const fail = (error: unknown) => reply({ kind: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  try {
    if (request.kind === "parse") {
      reply({ kind: "parsed", batch: parseBatch(request.docs) });
    } else {
      emitBatch(request.schema, request.options, request.runtimeSource, request.ids, false).then(
        (batch) => reply({ kind: "emitted", batch }),
        fail,
      );
    }
  } catch (error) {
    fail(error);
  }
});
