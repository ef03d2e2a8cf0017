import { modelName } from "../ir/naming.js";
import type { Model } from "../ir/types.js";
import type { EmitContext } from "./context.js";
import { RUNTIME_PATH, moduleSpecifier } from "./paths.js";
import { importName } from "./scope.js";

/** The exported names of a model's module, derived from its name. */
export interface ModelSymbols {
  /** The model type (and the enum's const object). */
  readonly type: string;
  /** The wire type (objects and unions). */
  readonly json: string;
  readonly guard: string;
  readonly serialize: string;
  readonly parse: string;
  readonly safeParse: string;
  /** The Standard Schema object, which also names the model in other models' field tables. */
  readonly schema: string;
}

/** The symbols of a model. */
export function modelSymbols(model: Model): ModelSymbols {
  const name = modelName(model.title);
  return {
    type: name,
    json: `${name}Json`,
    guard: `is${name}`,
    serialize: `serialize${name}`,
    parse: `parse${name}`,
    safeParse: `safeParse${name}`,
    schema: `${name}Schema`,
  };
}

/**
 * The value names a model's module declares, in the order of its API statement (see `api.ts`):
 * `parseX`, `safeParseX`, `isX`, `XSchema`, and `serializeX` for objects and unions.
 */
export function apiNames(model: Model): string[] {
  const symbols = modelSymbols(model);
  const common = [symbols.parse, symbols.safeParse, symbols.guard, symbols.schema];
  return hasSerializer(model) ? [...common, symbols.serialize] : common;
}

/** Whether a model has a serializer: objects and unions (enum and opaque values are their own wire form). */
function hasSerializer(model: Model): boolean {
  switch (model.kind) {
    case "object":
    case "union":
      return true;
    case "enum":
    case "opaque":
      return false;
    default: {
      const unreachable: never = model;
      return unreachable;
    }
  }
}

/** The names a model's own module declares, which imports must not take. */
export function declaredNames(model: Model): string[] {
  const symbols = modelSymbols(model);
  return [symbols.type, ...(model.kind === "object" || model.kind === "union" ? [symbols.json] : []), ...apiNames(model)];
}

/**
 * The names a model's module exports, each marked type-only when it names only a type (the
 * index must then re-export it with `type` under `isolatedModules`).
 */
export function exportedNames(model: Model): Array<{ readonly name: string; readonly typeOnly: boolean }> {
  const symbols = modelSymbols(model);
  const values = apiNames(model).map((name) => ({ name, typeOnly: false }));
  switch (model.kind) {
    case "object":
    case "union":
      return [{ name: symbols.type, typeOnly: true }, { name: symbols.json, typeOnly: true }, ...values];
    case "enum":
      return [{ name: symbols.type, typeOnly: false }, ...values];
    case "opaque":
      return [{ name: symbols.type, typeOnly: true }, ...values];
    default: {
      const unreachable: never = model;
      return unreachable;
    }
  }
}

/**
 * The local name of symbol `which` of the model `target` in the file being emitted: the model's
 * own declaration, or an import of the other model's module (aliased when the name is taken).
 */
export function modelSymbol(context: EmitContext, target: Model, which: keyof ModelSymbols): string {
  const name = modelSymbols(target)[which];
  if (target.id === context.model.id) return name;
  const typeOnly = which === "type" || which === "json";
  return importName(context.scope, moduleSpecifier(context.path, context.layout.files.get(target.id)!), name, typeOnly);
}

/** The local name of a runtime export (`$string`, `ValidationError`, …). */
export function runtimeSymbol(context: EmitContext, name: string, typeOnly = false): string {
  return importName(context.scope, moduleSpecifier(context.path, RUNTIME_PATH), name, typeOnly);
}

/** The referenced model of a resolved ref, which resolution guarantees. */
export function targetOf(context: EmitContext, target: string | null): Model {
  const model = target === null ? undefined : context.lookup(target);
  if (!model) throw new Error(`unresolved reference ${String(target)} in ${context.model.id}`);
  return model;
}
