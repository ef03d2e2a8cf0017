import { parentPort } from "node:worker_threads";
import type { FlavourMap } from "../ir/types.js";
import type { DocFile } from "../write/read-docs.js";
import { parseBatch } from "./parse-stage.js";

// The parse worker: parses the docs it is sent while the main thread loads and warms up the
// emit stage (ts-morph, prettier). It imports only the parse stage, so it starts quickly.
const port = parentPort!;
port.on("message", (request: { readonly docs: readonly DocFile[]; readonly flavours: FlavourMap }) => {
  try {
    port.postMessage({ ok: true, batch: parseBatch(request.docs, request.flavours) });
  } catch (error) {
    port.postMessage({ ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
