import type { Model } from "../ir/types.js";
import type { UnionMemberEntry } from "./codec/union-members.js";
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
  /** Module-level member lists of inline unions: the list literal, then its constant's name and entries. */
  readonly inlineUnions: Map<string, { readonly name: string; readonly entries: readonly UnionMemberEntry[] }>;
  /**
   * Module-level codec functions built once by a runtime combinator (`$arrayOf($string)`): the
   * expression, then its constant's name. Nested arrays and records use them instead of an
   * arrow function created on every call.
   */
  readonly codecs: Map<string, string>;
  /** Statements printed in prettier's layout, set aside while prettier formats the file. */
  readonly chunks: string[];
}
