import type { StatementStructures } from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "ts-morph";
import type { EnumModel } from "../ir/types.js";
import { literalKey } from "./access.js";
import { apiStatement } from "./api.js";
import { docLinesKept, isLiteral, line, preformatted, typeAlias, unionParts } from "./preformat.js";
import type { EmitContext } from "./context.js";
import { isIdentifier, quote } from "./identifiers.js";
import { jsDocOf, printDocs } from "./jsdoc.js";
import { apiNames, modelSymbols, runtimeSymbol } from "./symbols.js";

/** Registers the imports of an enum's declarations (`Unrecognized` for open enums). */
export function collectEnumImports(context: EmitContext, model: EnumModel): void {
  if (model.open) runtimeSymbol(context, "Unrecognized", true);
}

/**
 * Declares an enum in the configured style, with its functions. The default `const` style:
 *
 * ```ts
 * export const SyncRunStatus = { Working: "working", Failed: "failed" } as const;
 * export type SyncRunStatus = (typeof SyncRunStatus)[keyof typeof SyncRunStatus];
 * const [parseSyncRunStatus, safeParseSyncRunStatus, isSyncRunStatus, SyncRunStatusSchema] =
 *   $enum<SyncRunStatus>(SyncRunStatus);
 * export { parseSyncRunStatus, safeParseSyncRunStatus, isSyncRunStatus, SyncRunStatusSchema };
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
  // The values: the `as const` object itself, else a list.
  const valuesArgument = context.options.enumStyle === "const" ? name : `[${values.join(", ")}]`;
  const api = apiStatement(context, {
    names: apiNames(model),
    callee: runtimeSymbol(context, "$enum"),
    typeArguments: [valueType],
    leading: model.open ? [valuesArgument, quote(model.open)] : [valuesArgument],
    list: null,
  });
  if (context.options.enumStyle === "const") {
    const lines = constEnumText(model, { docs: printDocs(docs), values, open });
    if (lines) return [preformatted(context.chunks, lines), api];
  }
  return [...declarations, api];
}

/**
 * A `const`-style enum's members object and type in prettier's layout, or null when a part is
 * outside the simple forms: keys that need quotes, values prettier might requote, an empty enum.
 */
function constEnumText(model: EnumModel, parts: { readonly docs: readonly string[]; readonly values: readonly string[]; readonly open: string }): string[] | null {
  const name = modelSymbols(model).type;
  if (model.members.length === 0 || !docLinesKept(parts.docs)) return null;
  if (!model.members.every((member) => isIdentifier(member.name) && member.name !== "__proto__")) return null;
  if (!parts.values.every(isLiteral)) return null;
  const members = model.members.map((member, index) => `  ${member.name}: ${parts.values[index]!},`);
  const type = typeAlias(`export type ${name}`, unionParts(`(typeof ${name})[keyof typeof ${name}]${parts.open}`));
  if (!type || members.some((member) => line(member) === null)) return null;
  return [...parts.docs, `export const ${name} = {`, ...members, "} as const;", ...parts.docs, ...type];
}
