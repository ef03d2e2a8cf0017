import type { InterfaceDeclarationStructure, StatementStructures } from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "ts-morph";
import type { Field, ObjectModel } from "../ir/types.js";
import { literalKey, readProperty } from "./access.js";
import { decoderSignature, parseApiStatements } from "./api.js";
import { decodeExpr, decodesUndefined } from "./codec/decode.js";
import { encodeExpr, isIdentityEncoded } from "./codec/encode.js";
import { guardRef } from "./codec/guard.js";
import type { EmitContext } from "./context.js";
import { isIdentifier, propertyKey, quote } from "./identifiers.js";
import { jsDocOf } from "./jsdoc.js";
import { modelSymbols, runtimeSymbol } from "./symbols.js";
import { collectTypeImports, typeText } from "./type-text.js";
import { wireName } from "./wire-names.js";

/** Registers the imports of an object model's declarations. */
export function collectObjectImports(context: EmitContext, model: ObjectModel): void {
  for (const field of model.fields) collectTypeImports(context, field.type);
}

/**
 * Declares an object model and its codec:
 *
 * ```ts
 * export interface X { name: T; opt?: T | undefined }    // the model, with JSDoc
 * export interface XJson { wire_name: W; ... }          // the wire shape
 * export function $decodeX(v, c, key): X;             // the decoder behind parseX
 * export function serializeX(value: X): XJson;
 * export function isX(value: unknown): value is X;
 * export function parseX / safeParseX; export const XSchema;
 * ```
 */
export function objectStatements(context: EmitContext, model: ObjectModel): StatementStructures[] {
  const symbols = modelSymbols(model);
  const wire = model.fields.map((field) => wireName(model.id, field, context.options.wireNames));
  const statements: StatementStructures[] = [modelInterface(context, model), wireInterface(context, model, wire)];
  const set = (name: string, keys: readonly string[]): StatementStructures => ({
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ kind: StructureKind.VariableDeclaration, name, type: "ReadonlySet<string>", initializer: `new Set([${keys.map(quote).join(", ")}])` }],
  });
  if (context.options.unknownKeys !== "strip") statements.push(set(symbols.keys, wire));
  if (context.options.unknownKeys === "passthrough") statements.push(set(symbols.props, model.fields.map((field) => field.name)));
  statements.push(decoder(context, model, wire), serializer(context, model, wire), ...guard(context, model));
  statements.push(...parseApiStatements(context, symbols.type, symbols.json));
  return statements;
}

function modelInterface(context: EmitContext, model: ObjectModel): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: modelSymbols(model).type,
    isExported: true,
    docs: jsDocOf(model),
    properties: model.fields.map((field) => property(field, propertyKey(field.name), typeText(context, field.type), jsDocOf(field))),
  };
}

function wireInterface(context: EmitContext, model: ObjectModel, wire: readonly string[]): InterfaceDeclarationStructure {
  const name = modelSymbols(model).type;
  return {
    kind: StructureKind.Interface,
    name: modelSymbols(model).json,
    isExported: true,
    properties: model.fields.map((field, index) => property(field, propertyKey(wire[index]!), typeText(context, field.type, "wire"), [])),
  };
}

function property(field: Field, name: string, type: string, docs: ReturnType<typeof jsDocOf>) {
  return {
    kind: StructureKind.PropertySignature as const,
    name,
    hasQuestionToken: !field.required,
    type: field.required ? type : `${type} | undefined`,
    docs,
  };
}

/**
 * The decoder walks the keys the input has (`for...in`) and switches on them. Real inputs vary
 * in which optional keys they carry, so their objects have many shapes, and reading each
 * declared key by name would be a slow generic lookup per field; the keys of a `for...in` loop
 * come with their values' positions instead, and only present keys cost anything. The result
 * starts as a copy of a template holding every field (undefined), so all decoded objects of a
 * model share one shape. Absent required fields are found after the loop.
 */
function decoder(context: EmitContext, model: ObjectModel, wire: readonly string[]): StatementStructures {
  const symbols = modelSymbols(model);
  const rt = (name: string) => runtimeSymbol(context, name);
  const absent = context.options.nulls === "absent" ? "t != null" : "t !== undefined";
  const cases: string[] = [];
  const required: string[] = [];
  model.fields.forEach((field, index) => {
    const target = assignTarget("result", field.name);
    const anyType = field.type.kind === "primitive" && field.type.name === "any";
    let statement: string;
    if (!field.required) {
      statement = anyType ? `${target} = t;` : `if (${absent}) ${target} = ${decodeExpr(context, field.type, "t", "k")};`;
    } else if (decodesUndefined(context, field.type)) {
      statement = `${target} = t === undefined ? ${rt("$missing")}(c, k) : ${decodeExpr(context, field.type, "t", "k")};`;
    } else {
      // The decoder itself reports undefined under a field key as a missing required field.
      statement = `${target} = ${decodeExpr(context, field.type, "t", "k")};`;
    }
    cases.push(`case ${quote(wire[index]!)}:\n${statement}\n${field.required ? "n++;\n" : ""}break;`);
    if (field.required) required.push(quote(wire[index]!));
  });
  const statements: string[] = [`if (!${rt("$enter")}(v, c, key)) return ${rt("$REJECTED")};`];
  if (context.options.unknownKeys === "strict") statements.push(`${rt("$strictKeys")}(v, c, ${symbols.keys});`);
  statements.push(`const result = { ...${symbols.empty} };`);
  // `n` counts the required keys the input has: one comparison after the loop tells whether
  // any is absent (one check per field would be thousands of branches in a large model).
  if (required.length > 0) statements.push("let n = 0;");
  if (cases.length > 0) statements.push(`for (const k in v) {\nconst t = v[k];\nswitch (k) {\n${cases.join("\n")}\n}\n}`);
  if (required.length > 0) statements.push(`if (n < ${required.length}) ${rt("$absent")}(v, c, [${required.join(", ")}]);`);
  statements.push(`${rt("$leave")}(c, key);`);
  const result = `result as ${symbols.type}`;
  statements.push(context.options.unknownKeys === "passthrough" ? `return ${rt("$passthrough")}(v, ${result}, ${symbols.keys});` : `return ${result};`);
  return {
    kind: StructureKind.Function,
    isExported: true,
    name: symbols.decode,
    ...decoderSignature(context, symbols.type),
    statements,
  };
}

/** The assignment target of property `name` of `object`: `o.name` or `o["a-b"]`. */
function assignTarget(object: string, name: string): string {
  return isIdentifier(name) ? `${object}.${name}` : `${object}[${quote(name)}]`;
}

function serializer(context: EmitContext, model: ObjectModel, wire: readonly string[]): StatementStructures {
  const symbols = modelSymbols(model);
  const value = model.fields.length === 0 && context.options.unknownKeys !== "passthrough" ? "_value" : "value";
  const entries = model.fields.map((field, index) => {
    const cast = field.required ? typeText(context, field.type) : `${typeText(context, field.type)} | undefined`;
    const read = readProperty(value, field.name, () => runtimeSymbol(context, "$own"), cast);
    const encoded = encodeExpr(context, field.type, read);
    const expression = field.required || isIdentityEncoded(context, field.type) ? encoded : `${read} === undefined ? undefined : ${encoded}`;
    return `${literalKey(wire[index]!)}: ${expression},`;
  });
  const literal = `{\n${entries.join("\n")}\n}`;
  return {
    kind: StructureKind.Function,
    isExported: true,
    name: symbols.serialize,
    parameters: [{ name: value, type: symbols.type }],
    returnType: symbols.json,
    statements: [
      context.options.unknownKeys === "passthrough"
        ? `return ${runtimeSymbol(context, "$passthrough")}(${value}, ${literal} as ${symbols.json}, ${symbols.props});`
        : `return ${literal};`,
    ],
  };
}

function guard(context: EmitContext, model: ObjectModel): StatementStructures[] {
  const symbols = modelSymbols(model);
  // A table the runtime walks, not one statement per field: thousands of statements exceed what
  // TypeScript's control-flow analysis accepts in one function, and a `&&` chain of thousands of
  // operands nests thousands deep in every parser that reads the output.
  const rows = model.fields.map((field) => `[${quote(field.name)}, ${guardRef(context, field.type)}, ${field.required}],`);
  const constant = (name: string, type: string, initializer: string): StatementStructures => ({
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ kind: StructureKind.VariableDeclaration, name, type, initializer }],
  });
  return [
    constant(symbols.shape, runtimeSymbol(context, "$Shape", true), `[\n${rows.join("\n")}\n]`),
    // The decoder's starting point: every field of the model, undefined, in the table's order.
    constant(symbols.empty, `${runtimeSymbol(context, "$Draft", true)}<${symbols.type}>`, `${runtimeSymbol(context, "$template")}(${symbols.shape})`),
    {
      kind: StructureKind.Function,
      isExported: true,
      name: symbols.guard,
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `value is ${symbols.type}`,
      statements: [`return ${runtimeSymbol(context, "$hasShape")}(value, ${symbols.shape});`],
    },
  ];
}
