import type { Model } from "../ir/types.js";
import type { EmitOptions } from "./options.js";
import type { OutputLayout } from "./paths.js";
import type { Scope } from "./scope.js";

/** What the emitters of one model file need: the model, its scope and a way to find others. */
export interface EmitContext {
  readonly model: Model;
  /** The output path of the file being emitted (`models/shared/syncrun.ts`). */
  readonly path: string;
  readonly scope: Scope;
  readonly options: EmitOptions;
  /** Finds a model by id; every resolved reference has one. */
  readonly lookup: (id: string) => Model | undefined;
  /** Where every model's file is, for the import specifiers of the models this one references. */
  readonly layout: OutputLayout;
  /** Statements printed in prettier's layout, set aside while prettier formats the file. */
  readonly chunks: string[];
}
