import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { IndexPlan } from "../emit/index-plan.js";
import type { EmitOptions } from "../emit/options.js";
import type { OutputLayout } from "../emit/paths.js";
import type { Diagnostic, Schema } from "../ir/types.js";
import type { EmittedBatch, FileSink, GeneratedFile } from "./emit-stage.js";

/** What the emit worker is asked: the runtime file, or the files of a selection of a schema. */
export type EmitWorkerRequest =
  | { readonly kind: "runtime"; readonly source: string }
  | {
      readonly kind: "emit";
      readonly schema: Schema;
      readonly options: EmitOptions;
      readonly only: ReadonlySet<string>;
      readonly indexes: readonly IndexPlan[];
      readonly layout: OutputLayout;
    };

/** What the emit worker answers: the runtime file; each group of files, then the end; or a failure. */
export type EmitWorkerResponse =
  | { readonly kind: "runtime"; readonly file: GeneratedFile }
  | { readonly kind: "files"; readonly files: readonly GeneratedFile[] }
  | { readonly kind: "done"; readonly diagnostics: readonly Diagnostic[]; readonly emitMs: number; readonly formatMs: number }
  | { readonly kind: "error"; readonly message: string };

/**
 * The heap limit of the emit worker for docs of `chars` characters in all: 256 MB, plus 8 bytes
 * per character of doc text (the worker holds the resolved models, about 1.5 bytes per
 * character, and the garbage of one group of files). A heap below 2 GB also grows more slowly
 * between collections (the engine lets a large heap grow up to four times what survived the last
 * collection, a smaller one about twice), which is what keeps the peak low: at 20,000 docs (48 M
 * characters, a 640 MB limit) the worker's heap stayed under 300 MB.
 */
export function emitWorkerHeapMb(chars: number): number {
  return 256 + Math.ceil((8 * chars) / 2 ** 20);
}

/**
 * A worker thread that emits and formats, so that this thread keeps only what it is handed. One
 * request at a time; `close` ends it.
 */
export interface EmitWorker {
  /** The runtime file (see `runtimeOutput`). */
  runtime(source: string): Promise<GeneratedFile>;
  /**
   * Emits and formats the selected models and indexes as `emitBatch` does, handing each group of
   * files to `sink` as it comes. Rejects with {@link EmitWorkerFailure} when the worker fails
   * (out of memory, say): the files handed over so far are good, the rest never came.
   */
  emit(
    schema: Schema,
    options: EmitOptions,
    selection: { readonly only: ReadonlySet<string>; readonly indexes: readonly IndexPlan[]; readonly layout: OutputLayout },
    sink: FileSink,
  ): Promise<EmittedBatch>;
  close(): Promise<void>;
}

/** The emit worker stopped before answering (see {@link EmitWorker.emit}). */
export class EmitWorkerFailure extends Error {}

/**
 * Starts an emit worker whose old generation is limited to `heapMb` megabytes, or returns null
 * when there is no compiled worker module (the sources are running untranspiled, as under
 * vitest): the caller then emits on its own thread.
 */
export function startEmitWorker(heapMb: number): EmitWorker | null {
  const url = new URL("./emit-worker.js", import.meta.url);
  if (url.protocol !== "file:" || !existsSync(url)) return null;
  const worker = new Worker(url, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  // The worker runs only while it has work: between requests it must not keep the process alive.
  worker.unref();
  let failure: EmitWorkerFailure | null = null;
  let onResponse: ((response: EmitWorkerResponse) => void) | null = null;
  let onFailure: ((error: EmitWorkerFailure) => void) | null = null;
  const fail = (error: EmitWorkerFailure) => {
    failure ??= error;
    onFailure?.(failure);
  };
  worker.on("message", (response: EmitWorkerResponse) => {
    if (response.kind === "error") fail(new EmitWorkerFailure(`the emit worker failed: ${response.message}`));
    else onResponse?.(response);
  });
  worker.on("error", (error) => fail(new EmitWorkerFailure(`the emit worker failed: ${error.message}`, { cause: error })));
  worker.on("exit", (code) => fail(new EmitWorkerFailure(`the emit worker exited with code ${code}`)));
  // Requests run one at a time: each waits for the one before.
  let queue: Promise<unknown> = Promise.resolve();
  type Handler<T> = (response: EmitWorkerResponse, resolve: (value: T) => void, reject: (error: unknown) => void) => void;
  const request = <T>(message: EmitWorkerRequest, handle: Handler<T>): Promise<T> => {
    const run = () =>
      new Promise<T>((resolve, reject) => {
        if (failure) return reject(failure);
        worker.ref();
        const settle = () => {
          onResponse = null;
          onFailure = null;
          worker.unref();
        };
        onFailure = (error) => {
          settle();
          reject(error);
        };
        onResponse = (response) =>
          handle(
            response,
            (value) => {
              settle();
              resolve(value);
            },
            (error) => {
              settle();
              reject(error);
            },
          );
        worker.postMessage(message);
      });
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    runtime: (source) =>
      request<GeneratedFile>({ kind: "runtime", source }, (response, resolve) => {
        if (response.kind === "runtime") resolve(response.file);
      }),
    emit: (schema, options, selection, sink) => {
      // Each group goes to the sink in order; the end waits for the last sink call, and a sink
      // that throws ends the request with its error.
      let sinking: Promise<void> = Promise.resolve();
      let sinkFailure: { error: unknown } | null = null;
      const emitted = request<EmittedBatch>({ kind: "emit", schema, options, only: selection.only, indexes: selection.indexes, layout: selection.layout }, (response, resolve, reject) => {
        if (response.kind === "files") {
          sinking = sinking
            .then(() => (sinkFailure ? undefined : sink(response.files)))
            .catch((error: unknown) => {
              sinkFailure ??= { error };
            });
        } else if (response.kind === "done") {
          void sinking.then(() =>
            sinkFailure ? reject(sinkFailure.error) : resolve({ files: [], diagnostics: response.diagnostics, emitMs: response.emitMs, formatMs: response.formatMs }),
          );
        }
      });
      // When the worker fails, the groups it sent before are handed over before the failure is told.
      return emitted.catch(async (error: unknown) => {
        await sinking;
        throw error;
      });
    },
    close: async () => {
      await worker.terminate();
    },
  };
}

/**
 * Emits on `worker` as {@link EmitWorker.emit} does, and when the worker fails, emits on this
 * thread what it had not handed over, so that `sink` gets the same files either way, each once.
 * `fellBack` tells whether that happened.
 */
export async function emitOnWorker(
  worker: EmitWorker,
  schema: Schema,
  options: EmitOptions,
  selection: { readonly only: ReadonlySet<string>; readonly indexes: readonly IndexPlan[]; readonly layout: OutputLayout },
  sink: FileSink,
): Promise<EmittedBatch & { readonly fellBack: boolean }> {
  const came = new Set<string>();
  try {
    const batch = await worker.emit(schema, options, selection, (files) => {
      for (const file of files) came.add(file.path);
      return sink(files);
    });
    return { ...batch, fellBack: false };
  } catch (error) {
    if (!(error instanceof EmitWorkerFailure)) throw error;
    const rest = {
      only: new Set([...selection.only].filter((id) => !came.has(selection.layout.files.get(id) ?? ""))),
      indexes: selection.indexes.filter((index) => !came.has(index.path)),
      layout: selection.layout,
    };
    const { emitBatch } = await import("./emit-stage.js");
    return { ...(await emitBatch(schema, options, rest, sink)), fellBack: true };
  }
}
