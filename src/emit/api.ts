import type { StatementStructures } from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "ts-morph";
import type { EmitContext } from "./context.js";
import { callDeclaration } from "./preformat.js";
import { modelSymbols, runtimeSymbol } from "./symbols.js";

/**
 * The public functions every model shares, built on its decoder:
 *
 * ```ts
 * export const parseX = $parser($decodeX);          // (input: unknown) => X, throws ValidationError
 * export const safeParseX = $safeParser($decodeX);  // (input: unknown) => SafeParseResult<X>
 * export const XSchema = $schema<XJson, X>($decodeX); // Standard Schema v1
 * ```
 *
 * They are constants built by the runtime rather than function declarations: a model's whole
 * parse API then prints as three lines, which matters when prettier formats a thousand models.
 *
 * Generated functions carry no JSDoc of their own (the README documents them): formatting a
 * comment costs prettier as much as formatting a statement, and seven per model nearly doubled
 * the generation time. Models and fields keep the JSDoc of their docs.
 */
export function parseApiStatements(context: EmitContext, modelType: string, wireType: string): StatementStructures[] {
  return parseApiParts(context, modelType, wireType).map((part) => ({
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ kind: StructureKind.VariableDeclaration, name: part.name, initializer: apiInitializer(part) }],
  }));
}

/** One API constant: `export const name = callee<typeArguments>(argument);`. */
export interface ApiPart {
  readonly name: string;
  readonly callee: string;
  readonly typeArguments: readonly string[] | null;
  readonly argument: string;
}

/** The parts of the three API constants (see {@link parseApiStatements}). */
export function parseApiParts(context: EmitContext, modelType: string, wireType: string): ApiPart[] {
  const symbols = modelSymbols(context.model);
  return [
    { name: symbols.parse, callee: runtimeSymbol(context, "$parser"), typeArguments: null, argument: symbols.decode },
    { name: symbols.safeParse, callee: runtimeSymbol(context, "$safeParser"), typeArguments: null, argument: symbols.decode },
    { name: symbols.schema, callee: runtimeSymbol(context, "$schema"), typeArguments: [wireType, modelType], argument: symbols.decode },
  ];
}

function apiInitializer(part: ApiPart): string {
  return `${part.callee}${part.typeArguments === null ? "" : `<${part.typeArguments.join(", ")}>`}(${part.argument})`;
}

/** The signature parts of a decoder function `(v, c, key) => X`. */
export function decoderSignature(context: EmitContext, modelType: string) {
  return {
    parameters: [
      { name: "v", type: "unknown" },
      { name: "c", type: `${runtimeSymbol(context, "$Ctx", true)} | null` },
      { name: "key", type: "string | number", hasQuestionToken: true },
    ],
    returnType: modelType,
  };
}

/** The three API constants in prettier's layout, or null when one does not fit its layouts. */
export function apiText(parts: readonly ApiPart[]): string[] | null {
  const lines: string[] = [];
  for (const part of parts) {
    const printed = callDeclaration(`export const ${part.name}`, part.callee, part.typeArguments, part.argument);
    if (printed === null) return null;
    lines.push(...printed);
  }
  return lines;
}
