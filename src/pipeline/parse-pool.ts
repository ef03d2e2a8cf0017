import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { FlavourMap } from "../ir/types.js";
import type { DocFile } from "../write/read-docs.js";
import type { ParsedBatch } from "./parse-stage.js";

/**
 * How many docs the worker parses and sends back at a time. The worker then holds one chunk of
 * docs and their models, never the whole input: at 20,000 docs its heap stayed under 100 MB
 * instead of growing to 400 MB, and this thread takes each chunk while the next is parsed.
 */
export const PARSE_CHUNK_DOCS = 500;

/** A chunk of docs for the parse worker, with the SDK language each doc is written for. */
export interface ParseWorkerRequest {
  readonly index: number;
  readonly docs: readonly DocFile[];
  readonly flavours: FlavourMap;
}

/** A message from the parse worker: the parse of the chunk of that index, or its failure. */
export type ParseWorkerResponse =
  | { readonly ok: true; readonly index: number; readonly batch: ParsedBatch }
  | { readonly ok: false; readonly message: string };

/**
 * Parses docs on a worker thread, or returns null when there is no compiled worker module (the
 * sources are running untranspiled, as under vitest): the caller then parses on its own thread.
 * The docs go to the worker in chunks of {@link PARSE_CHUNK_DOCS}, and each chunk's parse comes
 * back on its own; the result is the chunks joined in order, the same as one `parseBatch` call.
 */
export function parseInWorker(docs: readonly DocFile[], flavours: FlavourMap): Promise<ParsedBatch> | null {
  const url = new URL("./parse-worker.js", import.meta.url);
  if (url.protocol !== "file:" || !existsSync(url)) return null;
  const worker = new Worker(url);
  const chunks = Math.ceil(docs.length / PARSE_CHUNK_DOCS);
  const models: ParsedBatch["models"][number][] = [];
  const diagnostics: ParsedBatch["diagnostics"][number][] = [];
  const skipped: string[] = [];
  return new Promise<ParsedBatch>((resolve, reject) => {
    let next = 0;
    worker.on("message", (response: ParseWorkerResponse) => {
      if (!response.ok) return reject(new Error(`parse worker failed: ${response.message}`));
      // One worker answers in the order it was asked; a chunk out of order would reorder diagnostics.
      if (response.index !== next) return reject(new Error(`parse worker answered chunk ${response.index}, expected ${next}`));
      next += 1;
      for (const model of response.batch.models) models.push(model);
      for (const diagnostic of response.batch.diagnostics) diagnostics.push(diagnostic);
      for (const path of response.batch.skipped) skipped.push(path);
      if (next === chunks) resolve({ models, diagnostics, skipped });
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`parse worker exited with code ${code}`)));
    for (let index = 0; index < chunks; index += 1) {
      worker.postMessage({ index, docs: docs.slice(index * PARSE_CHUNK_DOCS, (index + 1) * PARSE_CHUNK_DOCS), flavours } satisfies ParseWorkerRequest);
    }
  }).finally(() => worker.terminate());
}
