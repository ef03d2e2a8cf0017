import type { StatementStructures } from "ts-morph";
import { StructureKind } from "ts-morph";
import type { OpaqueModel } from "../ir/types.js";
import { apiStatement } from "./api.js";
import type { EmitContext } from "./context.js";
import { jsDocOf } from "./jsdoc.js";
import { apiNames, modelSymbols, runtimeSymbol } from "./symbols.js";

/**
 * Declares an opaque model (a doc with a title and no body: an early-Zod-era union or enum whose
 * shape was not documented) as `unknown`, so code using it must check what it holds; its
 * parser and check accept any value:
 *
 * ```ts
 * export type X = unknown;
 * const [parseX, safeParseX, isX, XSchema] = $opaque<X>();
 * export { parseX, safeParseX, isX, XSchema };
 * ```
 */
export function opaqueStatements(context: EmitContext, model: OpaqueModel): (StatementStructures | string)[] {
  const symbols = modelSymbols(model);
  return [
    { kind: StructureKind.TypeAlias, name: symbols.type, isExported: true, docs: jsDocOf(model), type: "unknown" },
    apiStatement(context, { names: apiNames(model), callee: runtimeSymbol(context, "$opaque"), typeArguments: [symbols.type], leading: [], list: null }),
  ];
}
