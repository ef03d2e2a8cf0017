import { printStructure } from "ts-morph";
import type { SourceFileStructure } from "ts-morph";
import { CODES } from "../ir/codes.js";
import type { Diagnostic, Model, ObjectModel, Schema } from "../ir/types.js";
import { indexFileStructure } from "./index-files.js";
import type { IndexPlan } from "./index-plan.js";
import { headerLine, modelFileStructure } from "./model-file.js";
import type { EmitOptions } from "./options.js";
import { type OutputLayout, RUNTIME_PATH, planOutputLayout } from "./paths.js";
import { wireName } from "../ir/wire-names.js";

/** A generated file: its path relative to the output folder and its (unformatted) text. */
export interface EmittedFile {
  readonly path: string;
  readonly content: string;
  /** Chunks already in prettier's layout, put in place of their markers after formatting. */
  readonly chunks?: readonly string[];
}

/** The emitted files of a schema and the problems found while emitting. */
export interface Emission {
  readonly files: readonly EmittedFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The runtime file of the output: the template text under a header line. */
export function runtimeFile(runtimeSource: string): EmittedFile {
  return { path: RUNTIME_PATH, content: `${headerLine("templates/runtime.ts")}\n\n${runtimeSource}` };
}

/**
 * Emits the TypeScript of a resolved schema: one file per model at its path in the layout
 * (planned from the schema when not given), and the planned folder indexes (the runtime comes
 * from {@link runtimeFile}). Only the models whose ids are in `only` get a model file (all when
 * omitted), so a rerun can emit just what changed.
 */
export function emitSchema(
  schema: Schema,
  options: EmitOptions,
  selection: { readonly only?: ReadonlySet<string>; readonly indexes?: readonly IndexPlan[]; readonly layout?: OutputLayout } = {},
): Emission {
  const layout = selection.layout ?? planOutputLayout(schema.models).layout;
  const byId = new Map<string, Model>(schema.models.map((model) => [model.id, model]));
  const lookup = (id: string) => byId.get(id);
  const files: EmittedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  // Structures print straight to text; prettier formats it afterwards, so no syntax tree is built here.
  const print = (_path: string, structure: SourceFileStructure): string => printStructure(structure, { indentNumberOfSpaces: 2 });
  for (const model of schema.models) {
    if (selection.only && !selection.only.has(model.id)) continue;
    const clash = model.kind === "object" ? wireNameClash(model, options) : null;
    if (clash) {
      diagnostics.push(clash);
      continue;
    }
    const { path, structure, chunks } = modelFileStructure(model, options, lookup, layout);
    files.push({ path, content: print(path, structure), chunks });
  }
  for (const plan of selection.indexes ?? []) files.push({ path: plan.path, content: print(plan.path, indexFileStructure(plan)) });
  return { files, diagnostics };
}

/**
 * The error for the first field of an object model whose wire name another field already has
 * (`userId` and `user_id` under `--wire-case snake_case`, or an override): the wire object could
 * hold only one of them.
 */
function wireNameClash(model: ObjectModel, options: EmitOptions): Diagnostic | null {
  const owners = new Map<string, string>();
  for (const field of model.fields) {
    const wire = wireName(model.id, field, options.wireNames);
    const owner = owners.get(wire);
    if (owner !== undefined) {
      return {
        file: model.id,
        line: field.span.start.line,
        column: field.span.start.column,
        severity: "error",
        code: CODES.wireNameClash,
        message: `the fields "${owner}" and "${field.name}" both have the wire name "${wire}"; give one another name with a wire override`,
      };
    }
    owners.set(wire, field.name);
  }
  return null;
}
