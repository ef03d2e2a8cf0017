import type { StatementStructures } from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "ts-morph";
import { modelName } from "../ir/naming.js";
import type { EnumModel } from "../ir/types.js";
import type { EmitContext } from "./context.js";
import { isIdentifier, quote } from "./identifiers.js";
import { jsDocOf } from "./jsdoc.js";
import { RUNTIME_PATH, moduleSpecifier } from "./paths.js";
import { importName } from "./scope.js";

/** Registers the imports of an enum's declarations (`Unrecognized` for open enums). */
export function collectEnumImports(context: EmitContext, model: EnumModel): void {
  if (model.open) unrecognized(context);
}

/**
 * Declares an enum in the configured style. The default `const` style:
 *
 * ```ts
 * export const SyncRunStatus = { Working: "working", Failed: "failed" } as const;
 * export type SyncRunStatus = (typeof SyncRunStatus)[keyof typeof SyncRunStatus];
 * ```
 *
 * An open enum's type also admits `Unrecognized<string>` (or `<number>`).
 */
export function enumStatements(context: EmitContext, model: EnumModel): StatementStructures[] {
  const name = modelName(model.title);
  const docs = jsDocOf(model);
  const open = model.open ? ` | ${unrecognized(context)}<${model.open}>` : "";
  const literal = (value: string | number) => (typeof value === "string" ? quote(value) : String(value));
  switch (context.options.enumStyle) {
    case "union":
      return [
        {
          kind: StructureKind.TypeAlias,
          name,
          isExported: true,
          docs,
          type: (model.members.map((member) => literal(member.value)).join(" | ") || "never") + open,
        },
      ];
    case "enum":
      return [
        {
          kind: StructureKind.Enum,
          name,
          isExported: true,
          docs,
          members: model.members.map((member) => ({
            kind: StructureKind.EnumMember,
            name: isIdentifier(member.name) ? member.name : quote(member.name),
            value: member.value,
          })),
        },
      ];
    case "const": {
      const entries = model.members.map(
        // A `__proto__` key in an object literal would set the prototype; a computed key does not.
        (member) => `${memberKey(member.name)}: ${literal(member.value)},`,
      );
      return [
        {
          kind: StructureKind.VariableStatement,
          isExported: true,
          docs,
          declarationKind: VariableDeclarationKind.Const,
          declarations: [{ kind: StructureKind.VariableDeclaration, name, initializer: `{\n${entries.join("\n")}\n} as const` }],
        },
        {
          kind: StructureKind.TypeAlias,
          name,
          isExported: true,
          docs,
          type: `(typeof ${name})[keyof typeof ${name}]${open}`,
        },
      ];
    }
    default: {
      const unreachable: never = context.options.enumStyle;
      return unreachable;
    }
  }
}

function memberKey(name: string): string {
  if (name === "__proto__") return `[${quote(name)}]`;
  return isIdentifier(name) ? name : quote(name);
}

function unrecognized(context: EmitContext): string {
  return importName(context.scope, moduleSpecifier(context.path, RUNTIME_PATH), "Unrecognized", true);
}
