import type { StatementStructures } from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "ts-morph";
import type { UnionModel } from "../ir/types.js";
import { decoderSignature, parseApiStatements } from "./api.js";
import { unionMembersLiteral } from "./codec/union-members.js";
import type { EmitContext } from "./context.js";
import { jsDocOf } from "./jsdoc.js";
import { modelSymbols, runtimeSymbol } from "./symbols.js";
import { collectTypeImports, unionMemberTexts } from "./type-text.js";

/** Registers the imports of a union's members. */
export function collectUnionImports(context: EmitContext, model: UnionModel): void {
  for (const member of model.members) collectTypeImports(context, member.type);
}

/**
 * Declares a union model and its codec:
 *
 * ```ts
 * export type U = A | B | string;
 * export type UJson = AJson | BJson | string;
 * export function $decodeU / serializeU / isU / parseU / safeParseU; export const USchema;
 * ```
 *
 * Decoding picks, among the members that accept a value, the one that recognises the most of its
 * keys, ties going to the member listed first (the runtime's `$union`).
 */
export function unionStatements(context: EmitContext, model: UnionModel): StatementStructures[] {
  const symbols = modelSymbols(model);
  const types = model.members.map((member) => member.type);
  const rt = (name: string) => runtimeSymbol(context, name);
  return [
    { kind: StructureKind.TypeAlias, name: symbols.type, isExported: true, docs: jsDocOf(model), type: unionMemberTexts(context, types).join(" | ") },
    {
      kind: StructureKind.TypeAlias,
      name: symbols.json,
      isExported: true,
      type: unionMemberTexts(context, types, "wire").join(" | "),
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [
        {
          kind: StructureKind.VariableDeclaration,
          name: symbols.members,
          type: `readonly ${runtimeSymbol(context, "$UnionMember", true)}[]`,
          initializer: unionMembersLiteral(context, types),
        },
      ],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: symbols.decode,
      ...decoderSignature(context, symbols.type),
      statements: [`return ${rt("$union")}(v, c, key, ${symbols.members}) as ${symbols.type};`],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: symbols.serialize,
      parameters: [{ name: "value", type: symbols.type }],
      returnType: symbols.json,
      statements: [`return ${rt("$encodeUnion")}(value, ${symbols.members}) as ${symbols.json};`],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: symbols.guard,
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `value is ${symbols.type}`,
      statements: [`return ${rt("$isUnion")}(value, ${symbols.members});`],
    },
    ...parseApiStatements(context, symbols.type, symbols.json),
  ];
}
