import type { EmitOptions } from "../emit/options.js";
import type { Schema } from "../ir/types.js";
import type { DocFile } from "../write/read-docs.js";
import type { EmittedBatch, ParsedBatch } from "./stages.js";

/** A task for a generation worker. */
export type WorkerRequest =
  | { readonly kind: "parse"; readonly docs: readonly DocFile[] }
  | {
      readonly kind: "emit";
      readonly schema: Schema;
      readonly options: EmitOptions;
      readonly runtimeSource: string;
      readonly ids: readonly string[];
    };

/** A worker's answer to a {@link WorkerRequest}. */
export type WorkerResponse =
  | { readonly kind: "parsed"; readonly batch: ParsedBatch }
  | { readonly kind: "emitted"; readonly batch: EmittedBatch }
  | { readonly kind: "error"; readonly message: string };
