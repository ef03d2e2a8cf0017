import type { StatementStructures } from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "ts-morph";
import type { EnumModel } from "../ir/types.js";
import { literalKey } from "./access.js";
import { apiText, decoderSignature, parseApiParts, parseApiStatements } from "./api.js";
import { conditionalReturn, docLinesKept, functionHead, isLiteral, line, preformatted, setConstant, typeAlias, unionParts } from "./preformat.js";
import type { EmitContext } from "./context.js";
import { isIdentifier, quote } from "./identifiers.js";
import { jsDocOf, printDocs } from "./jsdoc.js";
import { modelSymbols, runtimeSymbol } from "./symbols.js";

/** Registers the imports of an enum's declarations (`Unrecognized` for open enums). */
export function collectEnumImports(context: EmitContext, model: EnumModel): void {
  if (model.open) runtimeSymbol(context, "Unrecognized", true);
}

/**
 * Declares an enum in the configured style, with its codec. The default `const` style:
 *
 * ```ts
 * export const SyncRunStatus = { Working: "working", Failed: "failed" } as const;
 * export type SyncRunStatus = (typeof SyncRunStatus)[keyof typeof SyncRunStatus];
 * export function isSyncRunStatus(value: unknown): value is SyncRunStatus;
 * export function parseSyncRunStatus / safeParseSyncRunStatus; export const SyncRunStatusSchema;
 * ```
 *
 * An open enum's type also admits `Unrecognized<string>` (or `<number>`), and its decoder accepts
 * any string (or number).
 */
export function enumStatements(context: EmitContext, model: EnumModel): (StatementStructures | string)[] {
  const symbols = modelSymbols(model);
  const name = symbols.type;
  const docs = jsDocOf(model);
  const open = model.open ? ` | ${runtimeSymbol(context, "Unrecognized", true)}<${model.open}>` : "";
  const literal = (value: string | number) => (typeof value === "string" ? quote(value) : String(value));
  const values = model.members.map((member) => literal(member.value));
  const declarations: StatementStructures[] = [];
  switch (context.options.enumStyle) {
    case "union":
      declarations.push({ kind: StructureKind.TypeAlias, name, isExported: true, docs, type: (values.join(" | ") || "never") + open });
      break;
    case "enum":
      declarations.push({
        kind: StructureKind.Enum,
        name,
        isExported: true,
        docs,
        members: model.members.map((member) => ({
          kind: StructureKind.EnumMember,
          // A TS enum assigns its members, and assigning `__proto__` would set the prototype.
          name: member.name === "__proto__" ? "_proto_" : isIdentifier(member.name) ? member.name : quote(member.name),
          value: member.value,
        })),
      });
      if (open) declarations.push({ kind: StructureKind.TypeAlias, name: `${name}Value`, isExported: true, type: `${name}${open}` });
      break;
    case "const":
      declarations.push(
        {
          kind: StructureKind.VariableStatement,
          isExported: true,
          docs,
          declarationKind: VariableDeclarationKind.Const,
          declarations: [
            {
              kind: StructureKind.VariableDeclaration,
              name,
              initializer: `{\n${model.members.map((member) => `${literalKey(member.name)}: ${literal(member.value)},`).join("\n")}\n} as const`,
            },
          ],
        },
        { kind: StructureKind.TypeAlias, name, isExported: true, docs, type: `(typeof ${name})[keyof typeof ${name}]${open}` },
      );
      break;
    default: {
      const unreachable: never = context.options.enumStyle;
      return unreachable;
    }
  }
  // With the `enum` style an open enum's full type is `XValue`; the others name it `X`.
  const valueType = context.options.enumStyle === "enum" && open ? `${name}Value` : name;
  const rt = (helper: string) => runtimeSymbol(context, helper);
  const check = model.open === "string" ? `typeof value === "string"` : model.open === "number" ? `${runtimeSymbol(context, "$isNumber")}(value)` : `${symbols.values}.has(value)`;
  declarations.push({
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ kind: StructureKind.VariableDeclaration, name: symbols.values, type: "ReadonlySet<unknown>", initializer: `new Set([${values.join(", ")}])` }],
  });
  const decodeStatement = `return ${symbols.guard}(v) ? v : ${rt("$enumIssue")}(c, key, v, ${symbols.values});`;
  if (context.options.enumStyle === "const") {
    const lines = constEnumText(context, model, { docs: printDocs(docs), values, open, check, decodeStatement });
    if (lines) return [preformatted(context.chunks, lines)];
  }
  declarations.push(
    {
      kind: StructureKind.Function,
      isExported: true,
      name: symbols.guard,
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `value is ${valueType}`,
      statements: [`return ${check};`],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: symbols.decode,
      ...decoderSignature(context, valueType),
      statements: [decodeStatement],
    },
    ...parseApiStatements(context, valueType, valueType),
  );
  return declarations;
}

/**
 * A `const`-style enum in prettier's layout (the members object, the type, the values set, the
 * guard, the decoder and the parse API), or null when a part is outside the simple forms: keys
 * that need quotes, values prettier might requote, a numeric values list too long for one line
 * (prettier fills those), an empty enum.
 */
function constEnumText(
  context: EmitContext,
  model: EnumModel,
  parts: { readonly docs: readonly string[]; readonly values: readonly string[]; readonly open: string; readonly check: string; readonly decodeStatement: string },
): string[] | null {
  const symbols = modelSymbols(model);
  const name = symbols.type;
  if (model.members.length === 0 || !docLinesKept(parts.docs)) return null;
  if (!model.members.every((member) => isIdentifier(member.name) && member.name !== "__proto__")) return null;
  if (!parts.values.every(isLiteral)) return null;
  const members = model.members.map((member, index) => `  ${member.name}: ${parts.values[index]!},`);
  const type = typeAlias(`export type ${name}`, unionParts(`(typeof ${name})[keyof typeof ${name}]${parts.open}`));
  const valueSet = setConstant(`const ${symbols.values}: ReadonlySet<unknown>`, parts.values);
  const guardHead = functionHead(symbols.guard, ["value: unknown"], `value is ${name}`);
  const guardBody = line(`  return ${parts.check};`);
  const decodeHead = functionHead(symbols.decode, ["v: unknown", `c: ${runtimeSymbol(context, "$Ctx", true)} | null`, "key?: string | number"], name);
  const decodeBody = conditionalReturn(parts.decodeStatement);
  const api = apiText(parseApiParts(context, name, name));
  if (!api || !type || !valueSet || !guardHead || !guardBody || !decodeHead || !decodeBody || members.some((member) => line(member) === null)) return null;
  return [
    ...parts.docs,
    `export const ${name} = {`,
    ...members,
    "} as const;",
    ...parts.docs,
    ...type,
    ...valueSet,
    "",
    ...guardHead,
    ...guardBody,
    "}",
    "",
    ...decodeHead,
    ...decodeBody,
    "}",
    "",
    ...api,
  ];
}
