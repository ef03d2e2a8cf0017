import { parentPort } from "node:worker_threads";
import type { EmitWorkerRequest, EmitWorkerResponse } from "./emit-pool.js";
import { emitBatch, runtimeOutput } from "./emit-stage.js";

// The emit worker: loads the emit stage (ts-morph, prettier) as soon as it starts, while the docs
// are parsed, then emits and formats what it is asked for, sending each group of files as soon as
// it is formatted. Its heap has a limit (see `startEmitWorker`), which keeps the garbage of
// emitting and formatting from piling up as it would on a thread without one.
const port = parentPort!;
const send = (response: EmitWorkerResponse) => port.postMessage(response);
port.on("message", (request: EmitWorkerRequest) => {
  void handle(request).catch((error: unknown) => send({ kind: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});

async function handle(request: EmitWorkerRequest): Promise<void> {
  switch (request.kind) {
    case "runtime":
      return send({ kind: "runtime", file: runtimeOutput(request.source) });
    case "emit": {
      const batch = await emitBatch(request.schema, request.options, { only: request.only, indexes: request.indexes, layout: request.layout }, (files) =>
        send({ kind: "files", files }),
      );
      return send({ kind: "done", diagnostics: batch.diagnostics, emitMs: batch.emitMs, formatMs: batch.formatMs });
    }
    default: {
      const unreachable: never = request;
      return unreachable;
    }
  }
}
