import type { StatementStructures } from "ts-morph";
import { StructureKind } from "ts-morph";
import type { UnionModel } from "../ir/types.js";
import { apiStatement } from "./api.js";
import { memberRefs } from "./codec/type-ref.js";
import type { EmitContext } from "./context.js";
import { jsDocOf, printDocs } from "./jsdoc.js";
import { docLinesKept, isSimpleType, preformatted, typeAlias, unionParts } from "./preformat.js";
import { apiNames, modelSymbols, runtimeSymbol } from "./symbols.js";
import { collectTypeImports, unionMemberTexts } from "./type-text.js";

/** Registers the imports of a union's members. */
export function collectUnionImports(context: EmitContext, model: UnionModel): void {
  for (const member of model.members) collectTypeImports(context, member.type);
}

/**
 * Declares a union model and its functions:
 *
 * ```ts
 * export type U = A | B | string;
 * export type UJson = AJson | BJson | string;
 * const [parseU, safeParseU, isU, USchema, serializeU] = $union<U, UJson>((): $Members => [
 *   ASchema,
 *   BSchema,
 *   $string,
 * ]);
 * export { parseU, safeParseU, isU, USchema, serializeU };
 * ```
 *
 * Decoding picks, among the members that accept a value, the one that recognises the most of its
 * keys, ties going to the member listed first (the runtime's `$union`). The type declarations are
 * printed in prettier's layout when they have a simple form, else as structures.
 */
export function unionStatements(context: EmitContext, model: UnionModel): (StatementStructures | string)[] {
  const symbols = modelSymbols(model);
  const types = model.members.map((member) => member.type);
  const docs = jsDocOf(model);
  const type = unionMemberTexts(context, types).join(" | ");
  const json = unionMemberTexts(context, types, "wire").join(" | ");
  const api = apiStatement(context, {
    names: apiNames(model),
    callee: runtimeSymbol(context, "$union"),
    typeArguments: [symbols.type, symbols.json],
    leading: [],
    list: { type: runtimeSymbol(context, "$Members", true), items: memberRefs(context, types) },
  });
  const printed = printDocs(docs);
  const typeLines = docLinesKept(printed) && isSimpleType(type) ? typeAlias(`export type ${symbols.type}`, unionParts(type)) : null;
  const jsonLines = isSimpleType(json) ? typeAlias(`export type ${symbols.json}`, unionParts(json)) : null;
  if (typeLines && jsonLines) return [preformatted(context.chunks, [...printed, ...typeLines, ...jsonLines]), api];
  return [
    { kind: StructureKind.TypeAlias, name: symbols.type, isExported: true, docs, type },
    { kind: StructureKind.TypeAlias, name: symbols.json, isExported: true, type: json },
    api,
  ];
}
