import type { StatementStructures } from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "ts-morph";
import type { EmitContext } from "./context.js";
import { modelSymbols } from "./symbols.js";
import { runtimeSymbol } from "./symbols.js";

/**
 * The public functions every model shares, built on its decoder:
 *
 * ```ts
 * export function parseX(input: unknown): X;                    // throws ValidationError
 * export function safeParseX(input: unknown): SafeParseResult<X>; // never throws
 * export const XSchema: StandardSchemaV1<XJson, X>;               // Standard Schema v1
 * ```
 */
export function parseApiStatements(context: EmitContext, modelType: string, wireType: string): StatementStructures[] {
  const symbols = modelSymbols(context.model);
  const name = symbols.type;
  return [
    {
      kind: StructureKind.Function,
      isExported: true,
      name: symbols.parse,
      docs: [`Validates a wire value (already \`JSON.parse\`d) and decodes it into a {@link ${name}}; throws a \`ValidationError\` listing every issue.`],
      parameters: [{ name: "input", type: "unknown" }],
      returnType: modelType,
      statements: [`return ${runtimeSymbol(context, "$parse")}(input, ${symbols.decode});`],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: symbols.safeParse,
      docs: [`Like {@link ${symbols.parse}}, but returns \`{ success: false, error }\` instead of throwing.`],
      parameters: [{ name: "input", type: "unknown" }],
      returnType: `${runtimeSymbol(context, "SafeParseResult", true)}<${modelType}>`,
      statements: [`return ${runtimeSymbol(context, "$safeParse")}(input, ${symbols.decode});`],
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      docs: [`The Standard Schema v1 of {@link ${name}}, with the semantics of {@link ${symbols.parse}}.`],
      declarationKind: VariableDeclarationKind.Const,
      declarations: [
        {
          kind: StructureKind.VariableDeclaration,
          name: symbols.schema,
          type: `${runtimeSymbol(context, "StandardSchemaV1", true)}<${wireType}, ${modelType}>`,
          initializer: `${runtimeSymbol(context, "$schema")}(${symbols.decode})`,
        },
      ],
    },
  ];
}

/** The signature parts of a decoder function `(v, c, key) => X | $FAIL`. */
export function decoderSignature(context: EmitContext, modelType: string) {
  return {
    parameters: [
      { name: "v", type: "unknown" },
      { name: "c", type: `${runtimeSymbol(context, "$Ctx", true)} | null` },
      { name: "key", type: "string | number", hasQuestionToken: true },
    ],
    returnType: `${modelType} | typeof ${runtimeSymbol(context, "$FAIL")}`,
  };
}
