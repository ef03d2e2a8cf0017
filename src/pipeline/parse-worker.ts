import { parentPort } from "node:worker_threads";
import type { ParseWorkerRequest, ParseWorkerResponse } from "./parse-pool.js";
import { parseBatch } from "./parse-stage.js";

// The parse worker: parses the chunks of docs it is sent, answering each on its own, while the
// main thread loads and warms up the emit stage (ts-morph, prettier). It imports only the parse
// stage, so it starts quickly.
const port = parentPort!;
port.on("message", ({ index, docs, flavours }: ParseWorkerRequest) => {
  let response: ParseWorkerResponse;
  try {
    response = { ok: true, index, batch: parseBatch(docs, flavours) };
  } catch (error) {
    response = { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(response);
});
