import type { StatementStructures } from "ts-morph";
import { StructureKind } from "ts-morph";
import type { OpaqueModel } from "../ir/types.js";
import { decoderSignature, parseApiStatements } from "./api.js";
import type { EmitContext } from "./context.js";
import { jsDocOf } from "./jsdoc.js";
import { modelSymbols } from "./symbols.js";

/**
 * Declares an opaque model (a doc with a title and no body: an early-Zod-era union or enum whose
 * shape was not documented) as `unknown`, so code using it must check what it holds; its
 * decoder and guard accept any value.
 */
export function opaqueStatements(context: EmitContext, model: OpaqueModel): StatementStructures[] {
  const symbols = modelSymbols(model);
  return [
    { kind: StructureKind.TypeAlias, name: symbols.type, isExported: true, docs: jsDocOf(model), type: "unknown" },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: symbols.decode,
      ...decoderSignature(context, symbols.type),
      statements: ["return v;"],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: symbols.guard,
      parameters: [{ name: "_value", type: "unknown" }],
      returnType: `_value is ${symbols.type}`,
      statements: ["return true;"],
    },
    ...parseApiStatements(context, symbols.type, symbols.type),
  ];
}
