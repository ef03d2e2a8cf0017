import type { InterfaceDeclarationStructure, StatementStructures } from "ts-morph";
import { StructureKind, printStructure } from "ts-morph";
import { type AdditionalPropertiesField, type Field, type ObjectModel, tableRows } from "../ir/types.js";
import { extraTakesNull, isNullConstant, takesNull as takesNullField, wireTakesNull } from "../ir/nulls.js";
import { apiStatement } from "./api.js";
import { decodesUndefined, typeRef } from "./codec/type-ref.js";
import type { EmitContext } from "./context.js";
import { propertyKey, quote } from "./identifiers.js";
import { type ApiCall, interfaceDeclaration, interfaceText, preformatted } from "./preformat.js";
import { jsDocOf } from "./jsdoc.js";
import { apiNames, modelSymbols, runtimeSymbol } from "./symbols.js";
import { collectTypeImports, typeParts, typeText } from "./type-text.js";
import { wireName } from "../ir/wire-names.js";

/** Registers the imports of an object model's declarations. */
export function collectObjectImports(context: EmitContext, model: ObjectModel): void {
  for (const field of tableRows(model)) collectTypeImports(context, field.type);
}

/**
 * Declares an object model and its functions:
 *
 * ```ts
 * export interface X { name: T; opt?: T | undefined }    // the model, with JSDoc
 * export interface XJson { wire_name: W; ... }          // the wire shape
 * const [parseX, safeParseX, isX, XSchema, serializeX] = $object<X, XJson>((): $Fields => [
 *   ["name", $string, 1, "wire_name"],
 *   ["opt", $string],
 * ]);
 * export { parseX, safeParseX, isX, XSchema, serializeX };
 * ```
 *
 * A model whose doc has an `additionalProperties` row (the catch-all) keeps the wire keys it does
 * not declare: `XJson` gets an index signature, the decoder collects those keys into that
 * property whatever the unknown-keys policy, and the serializer writes them back beside the
 * declared keys.
 */
export function objectStatements(context: EmitContext, model: ObjectModel): (StatementStructures | string)[] {
  const wire = model.fields.map((field) => wireName(model.id, field, context.options.wireNames));
  const wireShape = wireInterface(context, model, wire);
  const wireLines = interfaceDeclaration(
    wireShape.name,
    (wireShape.properties ?? []).map((property) => ({ key: property.name, optional: property.hasQuestionToken === true, type: String(property.type) })),
    wireShape.indexSignatures?.[0] ? String(wireShape.indexSignatures[0].returnType) : null,
  );
  const modelShape = modelInterface(context, model);
  const modelLines = interfaceText(printStructure(modelShape, { indentNumberOfSpaces: 2 }));
  const statements: (StatementStructures | string)[] = [
    modelLines ? preformatted(context.chunks, modelLines) : modelShape,
    wireLines ? preformatted(context.chunks, wireLines) : wireShape,
  ];
  statements.push(apiStatement(context, objectApiCall(context, model, wire)));
  return statements;
}

/** Row flags, as the runtime's `$Field` reads them. */
const REQUIRED = 1;
const KEEPS_NULL = 2;
const DECODES_NULL = 4;
const CATCH_ALL = 8;

/**
 * The API statement of an object model: its rows `[name, type, flags?, wire?]` in table order,
 * the catch-all row included, and the unknown-keys policy when it is not `strip`.
 */
function objectApiCall(context: EmitContext, model: ObjectModel, wire: readonly string[]): ApiCall {
  const catchAll = model.additionalProperties;
  const rows = model.fields.map((field, index) => row(field, typeRef(context, field.type), fieldFlags(context, field), wire[index]!));
  if (catchAll) rows.push(row(catchAll, typeRef(context, catchAll.type.value), catchAllFlags(context, catchAll), catchAll.name));
  // The catch-all takes the undeclared keys, so the unknown-keys policy has nothing left to do.
  const policy = catchAll ? "strip" : context.options.unknownKeys;
  const symbols = modelSymbols(model);
  return {
    names: apiNames(model),
    callee: runtimeSymbol(context, "$object"),
    typeArguments: [symbols.type, symbols.json],
    leading: policy === "strip" ? [] : [quote(policy)],
    list: { type: runtimeSymbol(context, "$Fields", true), items: rows },
  };
}

/** A row: the quoted name, the type, then the flags and the wire key when they are needed. */
function row(field: Field, type: string, flags: number, wire: string): string[] {
  if (wire !== field.name) return [quote(field.name), type, String(flags), quote(wire)];
  return flags === 0 ? [quote(field.name), type] : [quote(field.name), type, String(flags)];
}

/**
 * The flags of a declared field. A field that takes null (nullable in its doc, or required under
 * `--required-nulls accept`) keeps it. Otherwise null in an optional field is absent
 * (`--nulls absent`) or goes to the decoder, which rejects it (`--nulls reject`); `*any*` keeps
 * it. Null in a required field is an issue naming `--required-nulls`; types whose decoder takes
 * null (`*any*`, opaque models) hand it to their decoder.
 */
function fieldFlags(context: EmitContext, field: Field): number {
  const required = field.required ? REQUIRED : 0;
  if ((field.type.kind === "primitive" && field.type.name === "any") || isNullConstant(field.type)) return required | DECODES_NULL;
  if (takesNull(context, field)) return required | KEEPS_NULL;
  if (field.required) return decodesUndefined(context, field.type) ? REQUIRED | DECODES_NULL : REQUIRED;
  return context.options.nulls === "reject" ? DECODES_NULL : 0;
}

/** The flags of the catch-all row: its values treat null as an optional field's do (`*any*` keeps it). */
function catchAllFlags(context: EmitContext, catchAll: AdditionalPropertiesField): number {
  const value = catchAll.type.value;
  const any = value.kind === "primitive" && value.name === "any";
  return CATCH_ALL | (catchAll.required ? REQUIRED : 0) | (any || context.options.nulls === "reject" ? DECODES_NULL : 0);
}

function modelInterface(context: EmitContext, model: ObjectModel): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: modelSymbols(model).type,
    isExported: true,
    docs: jsDocOf(model),
    properties: tableRows(model).map((field) =>
      property(field, propertyKey(field.name), typeText(context, field.type), jsDocOf(field), field !== model.additionalProperties && takesNull(context, field)),
    ),
  };
}

/**
 * Whether a field takes `null` (its type says `T | null`): a field the doc says is nullable (docs
 * of other SDK languages say so), and a required field under `--required-nulls accept`. Types
 * whose decoder accepts null anyway (`*any*`, opaque models) are left as they are.
 */
function takesNull(context: EmitContext, field: Field): boolean {
  return takesNullField(field, context.options.requiredNulls, context.lookup);
}

function wireInterface(context: EmitContext, model: ObjectModel, wire: readonly string[]): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: modelSymbols(model).json,
    isExported: true,
    properties: model.fields.map((field, index) => property(field, propertyKey(wire[index]!), typeText(context, field.type, "wire"), [], wireNull(context, field))),
    indexSignatures: model.additionalProperties
      ? [{ kind: StructureKind.IndexSignature, keyName: "key", keyType: "string", returnType: extraKeysType(context, model, model.additionalProperties) }]
      : [],
  };
}

/**
 * Whether a field is `T | null` in the wire shape: it takes null, or it is optional and null
 * reads as absent (`--nulls absent`), so that `XJson`, the input type of `XSchema`, says what the
 * decoder accepts.
 */
function wireNull(context: EmitContext, field: Field): boolean {
  return wireTakesNull(field, context.options.nulls, context.options.requiredNulls, context.lookup);
}

/**
 * The value type of the wire shape's index signature: the catch-all's values (and null, which
 * they read as absent under `--nulls absent`), widened by every declared field's type, which an
 * index signature must cover (`unknown` for `*any*` values).
 */
function extraKeysType(context: EmitContext, model: ObjectModel, catchAll: AdditionalPropertiesField): string {
  const value = catchAll.type.value;
  if (value.kind === "primitive" && value.name === "any") return typeText(context, value, "wire");
  const types = new Set([...typeParts(context, value, "wire"), ...model.fields.flatMap((field) => typeParts(context, field.type, "wire"))]);
  if (extraTakesNull(value, context.options.nulls, context.lookup) || model.fields.some((field) => wireNull(context, field))) types.add("null");
  if (model.fields.some((field) => !field.required)) types.add("undefined");
  return [...types].join(" | ");
}

function property(field: Field, name: string, type: string, docs: ReturnType<typeof jsDocOf>, nullable: boolean) {
  return {
    kind: StructureKind.PropertySignature as const,
    name,
    hasQuestionToken: !field.required,
    type: `${type}${nullable ? " | null" : ""}${field.required ? "" : " | undefined"}`,
    docs,
  };
}

