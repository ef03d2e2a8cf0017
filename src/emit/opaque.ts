import type { StatementStructures } from "ts-morph";
import { StructureKind } from "ts-morph";
import { modelName } from "../ir/naming.js";
import type { OpaqueModel } from "../ir/types.js";
import { jsDocOf } from "./jsdoc.js";

/**
 * Declares an opaque model (a doc with a title and no body: an early-Zod-era union or enum whose
 * shape was not documented) as `unknown`, so code using it must check what it holds.
 */
export function opaqueStatements(model: OpaqueModel): StatementStructures[] {
  return [{ kind: StructureKind.TypeAlias, name: modelName(model.title), isExported: true, docs: jsDocOf(model), type: "unknown" }];
}
