import type { InterfaceDeclarationStructure, StatementStructures } from "ts-morph";
import { StructureKind } from "ts-morph";
import { modelName } from "../ir/naming.js";
import type { ObjectModel } from "../ir/types.js";
import type { EmitContext } from "./context.js";
import { propertyKey } from "./identifiers.js";
import { jsDocOf } from "./jsdoc.js";
import { collectTypeImports, typeText } from "./type-text.js";

/** Registers the imports of an object model's declarations. */
export function collectObjectImports(context: EmitContext, model: ObjectModel): void {
  for (const field of model.fields) collectTypeImports(context, field.type);
}

/**
 * Declares an object model as an interface: required fields `name: T`, optional ones
 * `name?: T | undefined`, each with its JSDoc (description, `@deprecated`, `@example`).
 */
export function objectStatements(context: EmitContext, model: ObjectModel): StatementStructures[] {
  const declaration: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name: modelName(model.title),
    isExported: true,
    docs: jsDocOf(model),
    properties: model.fields.map((field) => {
      const type = typeText(context, field.type);
      return {
        kind: StructureKind.PropertySignature,
        name: propertyKey(field.name),
        hasQuestionToken: !field.required,
        type: field.required ? type : `${type} | undefined`,
        docs: jsDocOf(field),
      };
    }),
  };
  return [declaration];
}
