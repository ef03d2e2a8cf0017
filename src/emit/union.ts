import type { StatementStructures } from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "ts-morph";
import type { UnionModel } from "../ir/types.js";
import { type ApiPart, apiText, decoderSignature, parseApiParts, parseApiStatements } from "./api.js";
import { memberProperties, unionMemberEntries, unionMembersLiteral, type UnionMemberEntry } from "./codec/union-members.js";
import type { EmitContext } from "./context.js";
import { jsDocOf, printDocs } from "./jsdoc.js";
import { docLinesKept, functionHead, isSimpleType, objectArrayConstant, preformatted, returnCall, typeAlias, unionParts } from "./preformat.js";
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
 * keys, ties going to the member listed first (the runtime's `$union`). The declarations are
 * printed in prettier's layout when every part has a simple form, else as structures.
 */
export function unionStatements(context: EmitContext, model: UnionModel): (StatementStructures | string)[] {
  const symbols = modelSymbols(model);
  const types = model.members.map((member) => member.type);
  const rt = (name: string) => runtimeSymbol(context, name);
  const docs = jsDocOf(model);
  const parts: UnionParts = {
    type: unionMemberTexts(context, types).join(" | "),
    json: unionMemberTexts(context, types, "wire").join(" | "),
    membersType: `readonly ${runtimeSymbol(context, "$UnionMember", true)}[]`,
    entries: unionMemberEntries(context, types),
    // The runtime's helpers take their result type from the function's return type.
    decode: [rt("$union"), ["v", "c", "key", symbols.members]],
    serialize: [rt("$encodeUnion"), ["value", symbols.members]],
    guard: [rt("$isUnion"), ["value", symbols.members]],
    api: parseApiParts(context, symbols.type, symbols.json),
  };
  const lines = unionText(context, model, parts, printDocs(docs));
  if (lines) return [preformatted(context.chunks, lines)];
  return [
    { kind: StructureKind.TypeAlias, name: symbols.type, isExported: true, docs, type: parts.type },
    { kind: StructureKind.TypeAlias, name: symbols.json, isExported: true, type: parts.json },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ kind: StructureKind.VariableDeclaration, name: symbols.members, type: parts.membersType, initializer: unionMembersLiteral(parts.entries) }],
    },
    { kind: StructureKind.Function, isExported: true, name: symbols.decode, ...decoderSignature(context, symbols.type), statements: [returnText(parts.decode)] },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: symbols.serialize,
      parameters: [{ name: "value", type: symbols.type }],
      returnType: symbols.json,
      statements: [returnText(parts.serialize)],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: symbols.guard,
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `value is ${symbols.type}`,
      statements: [returnText(parts.guard)],
    },
    ...parseApiStatements(context, symbols.type, symbols.json),
  ];
}

/** A `return callee(arguments);` statement as its callee and arguments. */
type ReturnCall = readonly [string, readonly string[]];

/** The text of a {@link ReturnCall}. */
function returnText([callee, args]: ReturnCall): string {
  return `return ${callee}(${args.join(", ")});`;
}

/** The parts of a union's declarations, shared by the structures and the preformatted text. */
interface UnionParts {
  readonly type: string;
  readonly json: string;
  readonly membersType: string;
  readonly entries: readonly UnionMemberEntry[];
  /** The function bodies: `return callee(arguments);`. */
  readonly decode: ReturnCall;
  readonly serialize: ReturnCall;
  readonly guard: ReturnCall;
  readonly api: readonly ApiPart[];
}

/** A union's declarations in prettier's layout, or null when a part is outside the simple forms. */
function unionText(context: EmitContext, model: UnionModel, parts: UnionParts, docs: readonly string[]): string[] | null {
  const symbols = modelSymbols(model);
  if (!docLinesKept(docs) || !isSimpleType(parts.type) || !isSimpleType(parts.json)) return null;
  const type = typeAlias(`export type ${symbols.type}`, unionParts(parts.type));
  const json = typeAlias(`export type ${symbols.json}`, unionParts(parts.json));
  const members = objectArrayConstant(`const ${symbols.members}: ${parts.membersType}`, parts.entries.map(memberProperties));
  const decoderParameters = ["v: unknown", `c: ${runtimeSymbol(context, "$Ctx", true)} | null`, "key?: string | number"];
  const functions = [
    [functionHead(symbols.decode, decoderParameters, symbols.type), returnCall(...parts.decode)],
    [functionHead(symbols.serialize, [`value: ${symbols.type}`], symbols.json), returnCall(...parts.serialize)],
    [functionHead(symbols.guard, ["value: unknown"], `value is ${symbols.type}`), returnCall(...parts.guard)],
  ];
  const api = apiText(parts.api);
  if (!api || !type || !json || !members) return null;
  const lines = [...docs, ...type, ...json, ...members];
  for (const [head, body] of functions) {
    if (!head || !body) return null;
    lines.push("", ...head, ...body, "}");
  }
  return [...lines, "", ...api];
}
