import type { InterfaceDeclarationStructure, StatementStructures } from "ts-morph";
import { StructureKind, VariableDeclarationKind, printStructure } from "ts-morph";
import { type AdditionalPropertiesField, type Field, type ObjectModel, tableRows } from "../ir/types.js";
import { readProperty } from "./access.js";
import { apiText, decoderSignature, parseApiParts, parseApiStatements } from "./api.js";
import { decodeExpr, decodesUndefined } from "./codec/decode.js";
import { encodeExpr, encoderRef, isIdentityEncoded } from "./codec/encode.js";
import { guardRef } from "./codec/guard.js";
import type { EmitContext } from "./context.js";
import { isIdentifier, propertyKey, quote } from "./identifiers.js";
import {
  arrayConstant,
  callDeclaration,
  caseStatement,
  functionHead,
  interfaceDeclaration,
  interfaceText,
  isPlainString,
  isSimpleExpression,
  isSimpleGuard,
  line,
  preformatted,
  setConstant,
} from "./preformat.js";
import { jsDocOf } from "./jsdoc.js";
import { modelSymbols, runtimeSymbol } from "./symbols.js";
import { collectTypeImports, typeText } from "./type-text.js";
import { wireName } from "./wire-names.js";

/** Registers the imports of an object model's declarations. */
export function collectObjectImports(context: EmitContext, model: ObjectModel): void {
  for (const field of tableRows(model)) collectTypeImports(context, field.type);
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
 *
 * A model whose doc has an `additionalProperties` row (the catch-all) keeps the wire keys it does
 * not declare: `XJson` gets an index signature, the decoder collects those keys into that
 * property whatever the unknown-keys policy, and the serializer writes them back beside the
 * declared keys.
 */
export function objectStatements(context: EmitContext, model: ObjectModel): (StatementStructures | string)[] {
  const symbols = modelSymbols(model);
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
  const set = (name: string, keys: readonly string[]): StatementStructures | string => {
    const lines = setConstant(`const ${name}: ReadonlySet<string>`, keys.map(quote));
    if (lines) return preformatted(context.chunks, lines);
    return {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ kind: StructureKind.VariableDeclaration, name, type: "ReadonlySet<string>", initializer: `new Set([${keys.map(quote).join(", ")}])` }],
    };
  };
  if (context.options.unknownKeys !== "strip" || model.additionalProperties) statements.push(set(symbols.keys, wire));
  if (context.options.unknownKeys === "passthrough" && !model.additionalProperties) statements.push(set(symbols.props, model.fields.map((field) => field.name)));
  const decoding = decoderParts(context, model, wire);
  const serializing = serializerParts(context, model, wire);
  const guarding = guardParts(context, model, wire);
  const api = parseApiParts(context, symbols.type, symbols.json);
  // The codec in prettier's layout when every part of it has a simple form (most models), else
  // as structures for prettier to format.
  const decoderLines = decoderText(decoding);
  const serializerLines = serializerText(serializing);
  const guardLines = guardText(guarding);
  const apiLines = apiText(api);
  if (decoderLines && serializerLines && guardLines && apiLines) {
    statements.push(preformatted(context.chunks, [...decoderLines, "", ...serializerLines, "", ...guardLines, "", ...apiLines]));
  } else {
    statements.push(decoderStructure(decoding), serializerStructure(serializing), ...guardStructures(guarding), ...parseApiStatements(context, symbols.type, symbols.json));
  }
  return statements;
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
  return (field.nullable || (field.required && context.options.requiredNulls === "accept")) && !decodesUndefined(context, field.type);
}

function wireInterface(context: EmitContext, model: ObjectModel, wire: readonly string[]): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: modelSymbols(model).json,
    isExported: true,
    properties: model.fields.map((field, index) => property(field, propertyKey(wire[index]!), typeText(context, field.type, "wire"), [], takesNull(context, field))),
    indexSignatures: model.additionalProperties
      ? [{ kind: StructureKind.IndexSignature, keyName: "key", keyType: "string", returnType: extraKeysType(context, model, model.additionalProperties) }]
      : [],
  };
}

/**
 * The value type of the wire shape's index signature: the catch-all's values, widened by every
 * declared field's type, which an index signature must cover (`unknown` for `*any*` values).
 */
function extraKeysType(context: EmitContext, model: ObjectModel, catchAll: AdditionalPropertiesField): string {
  const value = catchAll.type.value;
  if (value.kind === "primitive" && value.name === "any") return typeText(context, value, "wire");
  const types = new Set([typeText(context, value, "wire"), ...model.fields.map((field) => typeText(context, field.type, "wire"))]);
  if (model.fields.some((field) => takesNull(context, field))) types.add("null");
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

/**
 * The decoder walks the keys the input has (`for...in`) and switches on them. Real inputs vary
 * in which optional keys they carry, so their objects have many shapes, and reading each
 * declared key by name would be a slow generic lookup per field; the keys of a `for...in` loop
 * come with their values' positions instead, and only present keys cost anything. The result
 * starts as a copy of a template holding every field (undefined), so all decoded objects of a
 * model share one shape. Absent required fields are found after the loop: `n` counts the
 * required keys the input has, so one comparison tells whether any is missing (one check per
 * field would be thousands of branches in a large model).
 */
interface DecoderParts {
  readonly head: {
    readonly name: string;
    readonly parameters: readonly { readonly name: string; readonly type: string; readonly hasQuestionToken?: boolean }[];
    readonly returnType: string;
  };
  /** Statements before the key loop, and after it. */
  readonly before: readonly string[];
  readonly cases: readonly { readonly key: string; readonly test: string | null; readonly target: string; readonly value: string; readonly required: boolean }[];
  /** The `default:` case collecting undeclared keys into the catch-all, or null. */
  readonly otherKeys: { readonly test: string; readonly target: string; readonly value: string } | null;
  readonly after: readonly string[];
}

function decoderParts(context: EmitContext, model: ObjectModel, wire: readonly string[]): DecoderParts {
  const symbols = modelSymbols(model);
  const rt = (name: string) => runtimeSymbol(context, name);
  const absent = context.options.nulls === "absent" ? "t != null" : "t !== undefined";
  const cases = model.fields.map((field, index) => {
    const target = assignTarget("result", field.name);
    const key = quote(wire[index]!);
    const decoded = () => decodeExpr(context, field.type, "t", "k");
    if (!field.required) {
      if (field.type.kind === "primitive" && field.type.name === "any") return { key, test: null, target, value: "t", required: false };
      // A nullable optional field keeps its null, whatever the nulls policy does with others.
      if (takesNull(context, field)) return { key, test: "t !== undefined", target, value: `t === null ? null : ${decoded()}`, required: false };
      return { key, test: absent, target, value: decoded(), required: false };
    }
    // Other decoders report undefined under a field key as a missing required field themselves,
    // and take null only by the required-nulls policy: kept, or reported naming the option.
    const value = decodesUndefined(context, field.type)
      ? `t === undefined ? ${rt("$missing")}(c, k) : ${decoded()}`
      : `t === null ? ${takesNull(context, field) ? "null" : `${rt("$nullField")}(c, k)`} : ${decoded()}`;
    return { key, test: null, target, value, required: true };
  });
  const required = cases.filter((entry) => entry.required).length;
  const catchAll = model.additionalProperties;
  // The catch-all takes the undeclared keys, so the unknown-keys policy has nothing left to do.
  const policy = catchAll ? "strip" : context.options.unknownKeys;
  const before = [`if (!${rt("$enter")}(v, c, key)) return ${rt("$REJECTED")};`];
  if (policy === "strict") before.push(`${rt("$strictKeys")}(v, c, ${symbols.keys});`);
  before.push(`const result = { ...${symbols.empty} };`);
  if (catchAll?.required) before.push(`${assignTarget("result", catchAll.name)} = {};`);
  if (required > 0) before.push("let n = 0;");
  const after: string[] = [];
  if (required > 0) after.push(`if (n < ${required}) ${rt("$absent")}(v, c, ${symbols.required});`);
  after.push(`${rt("$leave")}(c, key);`);
  const result = `result as ${symbols.type}`;
  after.push(policy === "passthrough" ? `return ${rt("$passthrough")}(v, ${result}, ${symbols.keys});` : `return ${result};`);
  const signature = decoderSignature(context, symbols.type);
  const otherKeys = catchAll ? otherKeysCase(context, catchAll, absent) : null;
  return { head: { name: symbols.decode, parameters: signature.parameters, returnType: signature.returnType }, before, cases, otherKeys, after };
}

/** The decoder's `default:` case of a model with a catch-all: `result.x = $extra(result.x, k, t)`. */
function otherKeysCase(context: EmitContext, catchAll: AdditionalPropertiesField, absent: string): DecoderParts["otherKeys"] {
  const target = assignTarget("result", catchAll.name);
  const value = catchAll.type.value;
  const any = value.kind === "primitive" && value.name === "any";
  // `*any*` values keep null; typed values treat null as an optional field does (the nulls policy).
  const decoded = any ? "t" : decodeExpr(context, value, "t", "k");
  return { test: any ? "t !== undefined" : absent, target, value: `${runtimeSymbol(context, "$extra")}(${target}, k, ${decoded})` };
}

function decoderStructure(parts: DecoderParts): StatementStructures {
  const cases = parts.cases.map(
    (entry) => `case ${entry.key}:\n${entry.test === null ? "" : `if (${entry.test}) `}${entry.target} = ${entry.value};\n${entry.required ? "n++;\n" : ""}break;`,
  );
  if (parts.otherKeys) cases.push(`default:\nif (${parts.otherKeys.test}) ${parts.otherKeys.target} = ${parts.otherKeys.value};\nbreak;`);
  const loop = cases.length > 0 ? [`for (const k in v) {\nconst t = v[k];\nswitch (k) {\n${cases.join("\n")}\n}\n}`] : [];
  return {
    kind: StructureKind.Function,
    isExported: true,
    name: parts.head.name,
    parameters: [...parts.head.parameters],
    returnType: parts.head.returnType,
    statements: [...parts.before, ...loop, ...parts.after],
  };
}

/** The decoder in prettier's layout, or null when a part of it is outside the simple forms. */
function decoderText(parts: DecoderParts): string[] | null {
  const parameters = parts.head.parameters.map((parameter) => `${parameter.name}${parameter.hasQuestionToken ? "?" : ""}: ${parameter.type}`);
  const lines = functionHead(parts.head.name, parameters, parts.head.returnType);
  if (lines === null) return null;
  for (const statement of parts.before) {
    const printed = line(`  ${statement}`);
    if (printed === null) return null;
    lines.push(...printed);
  }
  if (parts.cases.length > 0 || parts.otherKeys) {
    lines.push("  for (const k in v) {", "    const t = v[k];", "    switch (k) {");
    for (const entry of parts.cases) {
      if (!isPlainString(entry.key) || !/^result\.[A-Za-z_$][\w$]*$/.test(entry.target)) return null;
      const simple = entry.value.startsWith("t === ") ? /^t === (?:undefined|null) \? (?:null|[\w$]+\(c, k\)) : (.*)$/.exec(entry.value)?.[1] : entry.value;
      if (simple === undefined || !isSimpleExpression(simple)) return null;
      const statement = caseStatement(4, entry.test, entry.target, entry.value);
      if (statement === null) return null;
      lines.push(`      case ${entry.key}:`, ...statement);
      if (entry.required) lines.push("        n++;");
      lines.push("        break;");
    }
    if (parts.otherKeys) {
      const { test, target, value } = parts.otherKeys;
      const decoded = /^[\w$]+\(result\.[A-Za-z_$][\w$]*, k, (.*)\)$/.exec(value)?.[1];
      if (decoded === undefined || !isSimpleExpression(decoded) || !/^result\.[A-Za-z_$][\w$]*$/.test(target)) return null;
      const statement = caseStatement(4, test, target, value);
      if (statement === null) return null;
      lines.push("      default:", ...statement, "        break;");
    }
    // The blank line after the loop is the one ts-morph's printer leaves after a block.
    lines.push("    }", "  }", "");
  }
  for (const statement of parts.after) {
    const printed = line(`  ${statement}`);
    if (printed === null) return null;
    lines.push(...printed);
  }
  lines.push("}");
  return lines;
}

/** The assignment target of property `name` of `object`: `o.name` or `o["a-b"]`. */
function assignTarget(object: string, name: string): string {
  return isIdentifier(name) ? `${object}.${name}` : `${object}[${quote(name)}]`;
}

/**
 * The serializer walks the keys the model value has (`for...in`) and switches on them, as the
 * decoder does with the input: objects that users build hold only the keys they set, in their own
 * order, and reading each declared property by name would be a slow generic lookup per field on
 * such objects. A field that is not set (or is undefined) is left out of the wire object, not
 * written as undefined; the wire keys come in the order of the value's keys. Encoders pass
 * through what they cannot encode (null stays null). Filling per-field locals first and writing
 * the wire object in the doc's order was measured as fast once date-times were memoized, and
 * made a folder of models 11% larger (gzip), so the wire object is written inside the loop.
 */
interface SerializerParts {
  readonly name: string;
  readonly modelType: string;
  readonly returnType: string;
  /** The runtime check that returns a value which is not an object as it is. */
  readonly notObject: string;
  /** The type of the wire object while it is filled in (`$Writable<XJson>`). */
  readonly resultType: string;
  /** Per field: the quoted property name, and the statement writing its wire key as a target and a value. */
  readonly cases: readonly { readonly key: string; readonly target: string | null; readonly value: string; readonly statement: string }[];
  /** The statement that returns the wire object (through `$withExtra` or `$passthrough` when needed). */
  readonly result: string;
}

function serializerParts(context: EmitContext, model: ObjectModel, wire: readonly string[]): SerializerParts {
  const symbols = modelSymbols(model);
  const cases = model.fields.map((field, index) => {
    // A null (under --required-nulls accept) passes through the encoders, which take the declared type.
    const value = encodeExpr(context, field.type, `t as ${typeText(context, field.type)}`);
    const key = wire[index]!;
    // `__proto__` is written as an own key: plain assignment would set the prototype.
    const target = key === "__proto__" ? null : isIdentifier(key) ? `result.${key}` : `result[${quote(key)}]`;
    const statement = target === null ? `${runtimeSymbol(context, "$set")}(result, "__proto__", ${value});` : `${target} = ${value};`;
    return { key: quote(field.name), target, value, statement };
  });
  const catchAll = model.additionalProperties;
  const done = `result as ${symbols.json}`;
  let result = `return ${done};`;
  if (catchAll) {
    const encode = isIdentityEncoded(context, catchAll.type.value) ? "null" : encoderRef(context, catchAll.type.value);
    const record = readProperty("value", catchAll.name, () => runtimeSymbol(context, "$own"));
    result = `return ${runtimeSymbol(context, "$withExtra")}(${done}, ${record}, ${symbols.keys}, ${quote(catchAll.name)}, ${encode});`;
  } else if (context.options.unknownKeys === "passthrough") {
    result = `return ${runtimeSymbol(context, "$passthrough")}(value, ${done}, ${symbols.props});`;
  }
  return {
    name: symbols.serialize,
    modelType: symbols.type,
    returnType: symbols.json,
    notObject: runtimeSymbol(context, "$notObject"),
    resultType: `${runtimeSymbol(context, "$Writable", true)}<${symbols.json}>`,
    cases,
    result,
  };
}

/** The key loop's first statement: the value of the key, typed as any of the model's fields. */
function readStatement(parts: SerializerParts): string {
  return `const t = value[k as keyof ${parts.modelType}];`;
}

/** The statements of the serializer's body, for ts-morph to print. */
function serializerStatements(parts: SerializerParts): string[] {
  const loop = parts.cases.map((entry) => `case ${entry.key}:\n${entry.statement}\nbreak;`);
  return [
    notObjectStatement(parts),
    `const result: ${parts.resultType} = {};`,
    ...(loop.length > 0 ? [`for (const k in value) {\n${readStatement(parts)}\nif (t === undefined) continue;\nswitch (k) {\n${loop.join("\n")}\n}\n}`] : []),
    parts.result,
  ];
}

function serializerStructure(parts: SerializerParts): StatementStructures {
  return {
    kind: StructureKind.Function,
    isExported: true,
    name: parts.name,
    parameters: [{ name: "value", type: parts.modelType }],
    returnType: parts.returnType,
    statements: serializerStatements(parts),
  };
}

/** The serializer's first statement: a value that is not an object is returned as it is. */
function notObjectStatement(parts: SerializerParts): string {
  return `if (${parts.notObject}(value)) return value;`;
}

/** The serializer in prettier's layout, or null when a part of it is outside the simple forms. */
function serializerText(parts: SerializerParts): string[] | null {
  const lines = functionHead(parts.name, [`value: ${parts.modelType}`], parts.returnType);
  const guard = line(`  ${notObjectStatement(parts)}`);
  if (lines === null || guard === null) return null;
  // Too wide, prettier moves the empty object to the next line; the type itself is never broken.
  lines.push(...guard, ...(line(`  const result: ${parts.resultType} = {};`) ?? [`  const result: ${parts.resultType} =`, "    {};"]));
  if (parts.cases.length > 0) {
    const read = line(`    ${readStatement(parts)}`);
    if (read === null) return null;
    lines.push("  for (const k in value) {", ...read, "    if (t === undefined) continue;", "    switch (k) {");
    for (const entry of parts.cases) {
      if (!isPlainString(entry.key) || entry.target === null || !/^result\.[A-Za-z_$][\w$]*$/.test(entry.target) || !isSimpleExpression(entry.value)) return null;
      const statement = caseStatement(4, null, entry.target, entry.value);
      if (statement === null) return null;
      lines.push(`      case ${entry.key}:`, ...statement, "        break;");
    }
    // The blank line after the loop is the one ts-morph's printer leaves after a block.
    lines.push("    }", "  }", "");
  }
  const result = returnStatement(parts.result);
  if (result === null) return null;
  return [...lines, ...result, "}"];
}

/**
 * The serializer's last statement in prettier's layout: `return result as XJson;`, or a helper
 * call (`$withExtra(...)`, `$passthrough(...)`) on one line or one argument per line.
 */
function returnStatement(statement: string): string[] | null {
  const flat = line(`  ${statement}`);
  if (flat !== null) return flat;
  // `return result as XJson;` cannot be broken: prettier leaves it as it is.
  if (/^return result as [\w$]+;$/.test(statement)) return [`  ${statement}`];
  const call = /^return ([\w$]+)\((.*)\);$/.exec(statement);
  if (call === null) return null;
  const args = call[2]!.split(", ");
  if (!args.every((argument) => isSimpleExpression(argument) || /^result as [\w$]+$/.test(argument))) return null;
  const lines = [`  return ${call[1]!}(`, ...args.map((argument) => `    ${argument},`), "  );"];
  return lines.every((text) => line(text) !== null) ? lines : null;
}

interface GuardParts {
  readonly shape: {
    readonly name: string;
    readonly type: string;
    /** Per field: its quoted name, its check, whether it is required. */
    readonly rows: readonly { readonly key: string; readonly guard: string; readonly required: boolean }[];
  };
  readonly empty: { readonly name: string; readonly type: string; readonly callee: string; readonly argument: string };
  readonly required: { readonly name: string; readonly keys: readonly string[] } | null;
  readonly guard: { readonly name: string; readonly returnType: string; readonly statement: string };
}

function guardParts(context: EmitContext, model: ObjectModel, wire: readonly string[]): GuardParts {
  const symbols = modelSymbols(model);
  // A table the runtime walks, not one statement per field: thousands of statements exceed what
  // TypeScript's control-flow analysis accepts in one function, and a `&&` chain of thousands of
  // operands nests thousands deep in every parser that reads the output.
  const rows = tableRows(model).map((field) => {
    const guard = guardRef(context, field.type);
    const nullable = field !== model.additionalProperties && takesNull(context, field);
    return { key: quote(field.name), guard: nullable ? `${runtimeSymbol(context, "$orNull")}(${guard})` : guard, required: field.required };
  });
  const requiredKeys = model.fields.flatMap((field, index) => (field.required ? [quote(wire[index]!)] : []));
  return {
    shape: { name: symbols.shape, type: runtimeSymbol(context, "$Shape", true), rows },
    // The decoder's starting point: every field of the model, undefined, in the table's order.
    empty: { name: symbols.empty, type: `${runtimeSymbol(context, "$Draft", true)}<${symbols.type}>`, callee: runtimeSymbol(context, "$template"), argument: symbols.shape },
    required: requiredKeys.length > 0 ? { name: symbols.required, keys: requiredKeys } : null,
    guard: { name: symbols.guard, returnType: `value is ${symbols.type}`, statement: `return ${runtimeSymbol(context, "$hasShape")}(value, ${symbols.shape});` },
  };
}

function guardStructures(parts: GuardParts): StatementStructures[] {
  const constant = (name: string, type: string, initializer: string): StatementStructures => ({
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ kind: StructureKind.VariableDeclaration, name, type, initializer }],
  });
  return [
    constant(parts.shape.name, parts.shape.type, `[\n${shapeRows(parts).map((row) => `${row},`).join("\n")}\n]`),
    constant(parts.empty.name, parts.empty.type, `${parts.empty.callee}(${parts.empty.argument})`),
    ...(parts.required ? [constant(parts.required.name, "readonly string[]", `[${parts.required.keys.join(", ")}]`)] : []),
    {
      kind: StructureKind.Function,
      isExported: true,
      name: parts.guard.name,
      parameters: [{ name: "value", type: "unknown" }],
      returnType: parts.guard.returnType,
      statements: [parts.guard.statement],
    },
  ];
}

/** The rows of the shape table: `["name", check, required]`. */
function shapeRows(parts: GuardParts): string[] {
  return parts.shape.rows.map((row) => `[${row.key}, ${row.guard}, ${row.required}]`);
}

/** The shape table, template, required keys and guard in prettier's layout, or null. */
function guardText(parts: GuardParts): string[] | null {
  if (!parts.shape.rows.every((row) => isPlainString(row.key) && isSimpleGuard(row.guard))) return null;
  if (parts.required && !parts.required.keys.every(isPlainString)) return null;
  const shape = arrayConstant(`const ${parts.shape.name}: ${parts.shape.type}`, shapeRows(parts), true);
  const empty = callDeclaration(`const ${parts.empty.name}: ${parts.empty.type}`, parts.empty.callee, null, parts.empty.argument);
  const required = parts.required ? arrayConstant(`const ${parts.required.name}: readonly string[]`, parts.required.keys, false) : [];
  const head = functionHead(parts.guard.name, ["value: unknown"], parts.guard.returnType);
  const body = line(`  ${parts.guard.statement}`);
  if (!shape || !empty || !required || !head || !body) return null;
  return [...shape, ...empty, ...required, "", ...head, ...body, "}"];
}
