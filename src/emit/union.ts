import type { StatementStructures } from "ts-morph";
import { StructureKind } from "ts-morph";
import { modelName } from "../ir/naming.js";
import type { UnionModel } from "../ir/types.js";
import type { EmitContext } from "./context.js";
import { jsDocOf } from "./jsdoc.js";
import { collectTypeImports, unionMemberTexts } from "./type-text.js";

/** Registers the imports of a union's members. */
export function collectUnionImports(context: EmitContext, model: UnionModel): void {
  for (const member of model.members) collectTypeImports(context, member.type);
}

/** Declares a union model as a type alias of its members: `export type U = A | B | string;`. */
export function unionStatements(context: EmitContext, model: UnionModel): StatementStructures[] {
  return [
    {
      kind: StructureKind.TypeAlias,
      name: modelName(model.title),
      isExported: true,
      docs: jsDocOf(model),
      type: unionMemberTexts(
        context,
        model.members.map((member) => member.type),
      ).join(" | "),
    },
  ];
}
