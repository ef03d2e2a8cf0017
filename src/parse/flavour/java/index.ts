import type { Point, Span, TypeNode } from "../../../ir/types.js";
import { isAbsoluteUrl } from "../../type-words.js";
import { type ExprGrammar, type TypeExpr, parsePlainExpr } from "../cell.js";
import { FlavourTypeError, type Mapped, describe, nodeSpan, pascalFromWords, typescriptModelName, uniqueMembers, cellReader, headingMemberReader, modelDocRef } from "../common.js";
import type { FlavourFrontEnd, FlavourLoss } from "../flavour.js";
import { reshapeResponse } from "../response.js";

const GRAMMAR: ExprGrammar = { prefixes: [] };

/** The SDK renames no model for a reserved word of its own language. */
const NO_RESERVED: ReadonlySet<string> = new Set();

/**
 * The wrappers of a Java field type: `Optional<T>` is a field that may be left out, or, on a
 * required field, one that may be null; `JsonNullable<T>` is a field that may be left out or null.
 */
const WRAPPERS: Readonly<Record<string, "optional" | "nullable">> = { Optional: "optional", JsonNullable: "nullable" };

/** Java's scalar types, boxed and unboxed, by the TypeScript primitive they are. */
const SCALARS: Readonly<Record<string, "string" | "number" | "boolean" | "any" | "bigint" | "decimal">> = {
  String: "string",
  int: "number",
  Integer: "number",
  long: "number",
  Long: "number",
  short: "number",
  Short: "number",
  float: "number",
  Float: "number",
  double: "number",
  Double: "number",
  boolean: "boolean",
  Boolean: "boolean",
  Object: "any",
  BigInteger: "bigint",
  BigDecimal: "decimal",
};

/** The message of the warning on a title-only Java doc. */
const TITLE_ONLY_LOSS =
  "this Java doc has only a title: Java SDK docs write union models so, and their members are lost; the model is declared opaque (unknown)";

/**
 * The docs of Speakeasy's Java SDKs: camelCase fields as the TypeScript SDK names them (with `_`
 * after reserved words), Java types with escaped generics (`Optional\<Long>`), nullability shown by
 * `JsonNullable`, and union docs that hold only a title.
 */
export const JAVA: FlavourFrontEnd = {
  name: "java",
  readTypeCell: cellReader(GRAMMAR, mapOuter),
  // The Java SDK keeps a schema's name whatever it is (`# Error`, `# Object`).
  modelName: (title) => typescriptModelName(title, NO_RESERVED),
  propertyName: javaPropertyName,
  enumMemberName: (nameCell) => pascalFromWords(nameCell),
  titleOnlyLoss: TITLE_ONLY_LOSS,
  // Java SDK docs write union models with a title only, so no member is known; should one have
  // members, each heading is a Java type, in backticks or bare (`### \`List\<String>\``, `### Pet`).
  readUnionMember: headingMemberReader(GRAMMAR, mapOuter, { example: "`Pet`", bare: true }),
  reshapeObject: reshapeResponse,
};

/**
 * `int_` -> `int`, `default_` -> `default`: the Java SDK adds `_` to field names that are Java
 * keywords; every other name is the TypeScript SDK's own.
 */
function javaPropertyName(fieldCell: string): string {
  const body = fieldCell.replace(/_+$/, "");
  return body === "" ? fieldCell : body;
}

/**
 * Maps a whole cell. Its outer wrappers tell nullability: `JsonNullable<T>` always, and
 * `Optional<T>` on a required field (Java writes a required nullable field so); the wrappers of a
 * link to a model doc are in the link text (`[Optional\<Pet>](Pet.md)`).
 */
function mapOuter(expr: TypeExpr, start: Point, required: boolean): Mapped {
  const losses: FlavourLoss[] = [];
  const outer = unwrap(expr, required);
  let nullable = outer.nullable;
  if (outer.expr.kind === "link" && !isAbsoluteUrl(outer.expr.url)) {
    const label = parsePlainExpr(outer.expr.label, GRAMMAR);
    if (label.ok) nullable ||= unwrap(label.expr, required).nullable;
  }
  return { type: mapType(outer.expr, start, losses), nullable, losses };
}

/** Strips the outer wrappers of an expression, telling whether one of them says null. */
function unwrap(expr: TypeExpr, required: boolean): { expr: TypeExpr; nullable: boolean } {
  let nullable = false;
  while (expr.kind === "name" && expr.args?.length === 1 && expr.bracket === "<" && expr.name in WRAPPERS) {
    nullable ||= WRAPPERS[expr.name] === "nullable" || required;
    expr = expr.args[0]!;
  }
  return { expr, nullable };
}

function mapType(expr: TypeExpr, start: Point, losses: FlavourLoss[]): TypeNode {
  const span = nodeSpan(start, expr.offset);
  switch (expr.kind) {
    case "link":
      return mapLink(expr, start);
    case "name":
      return mapName(expr, start, losses);
    case "array-suffix":
      if (expr.element.kind === "name" && expr.element.name === "byte" && expr.element.args === null) return { kind: "external", name: "Uint8Array", span };
      return { kind: "array", element: mapType(expr.element, start, losses), span };
    case "union":
      return { kind: "union", members: uniqueMembers(expr.members.map((member) => mapType(member, start, losses))), span };
    case "string":
    case "number":
    case "prefix":
      throw new FlavourTypeError(expr.offset, `unexpected ${describe(expr)} in a Java type`);
    default: {
      const unreachable: never = expr;
      return unreachable;
    }
  }
}

function mapName(expr: Extract<TypeExpr, { kind: "name" }>, start: Point, losses: FlavourLoss[]): TypeNode {
  const span = nodeSpan(start, expr.offset);
  const args = expr.args ?? [];
  const arity = (count: number) => {
    if (args.length !== count || expr.bracket !== "<") throw new FlavourTypeError(expr.offset, `${expr.name}<…> takes ${count} type argument${count === 1 ? "" : "s"}`);
  };
  if (expr.args === null) {
    const scalar = SCALARS[expr.name];
    if (scalar) return { kind: "primitive", name: scalar, span };
    switch (expr.name) {
      case "InputStream":
        return { kind: "external", name: "ReadableStream<Uint8Array>", span };
      // Java's own date types, should a cell name them without the link to their documentation.
      case "OffsetDateTime":
        return { kind: "date-time", span };
      case "LocalDate":
        return { kind: "date", span };
      default:
        return namedModel(expr.name, span, expr.offset);
    }
  }
  switch (expr.name) {
    case "Optional":
    case "JsonNullable":
      // A wrapper inside a container (`List<Optional<Long>>`) has no place in the schema.
      arity(1);
      return mapType(args[0]!, start, losses);
    case "List":
      arity(1);
      return { kind: "array", element: mapType(args[0]!, start, losses), span };
    case "Map": {
      arity(2);
      const key = args[0]!;
      if (!(key.kind === "name" && key.name === "String" && key.args === null)) throw new FlavourTypeError(key.offset, "a Map key must be String");
      return { kind: "record", value: mapType(args[1]!, start, losses), span };
    }
    case "EventStream":
      arity(1);
      return { kind: "event-stream", event: mapType(args[0]!, start, losses), span };
    case "HttpResponse":
      return { kind: "external", name: "Response", span };
    default:
      throw new FlavourTypeError(expr.offset, `unknown generic type ${expr.name}<…>`);
  }
}

/**
 * A model named without a link: `Pet`, or qualified as the oldest Java docs write it
 * (`org.openapis.openapi.models.shared.Pet`, whose folder is the part before the name).
 */
function namedModel(name: string, span: Span, offset: number): TypeNode {
  const parts = name.split(".");
  const last = parts[parts.length - 1]!;
  if (!/^[A-Za-z_$][\w$]*$/.test(last) || parts.some((part) => part === "")) throw new FlavourTypeError(offset, `unknown type "${name}"`);
  const namespace = parts.length > 1 ? parts[parts.length - 2]! : null;
  return { kind: "ref", via: { form: "name", namespace, name: last }, target: null, span };
}

/**
 * A link: to a model doc (`[Pet](../../models/shared/Pet.md)`, `[Optional\<Pet>](…)`), or to the
 * Java documentation of a platform type: `[OffsetDateTime](…)` (a date-time), `[LocalDate](…)`
 * (a date) and `[HttpResponse\<InputStream>](…)` (the raw response).
 */
function mapLink(expr: Extract<TypeExpr, { kind: "link" }>, start: Point): TypeNode {
  const span = nodeSpan(start, expr.offset);
  if (!isAbsoluteUrl(expr.url)) {
    return modelDocRef(expr, span);
  }
  const label = parsePlainExpr(expr.label, GRAMMAR);
  const inner = label.ok ? unwrap(label.expr, false).expr : null;
  const name = inner?.kind === "name" ? inner.name : expr.label;
  switch (name) {
    case "OffsetDateTime":
      return { kind: "date-time", span };
    case "LocalDate":
      return { kind: "date", span };
    case "HttpResponse":
      return { kind: "external", name: "Response", span };
    case "InputStream":
      return { kind: "external", name: "ReadableStream<Uint8Array>", span };
    default:
      throw new FlavourTypeError(expr.offset, `the link [${expr.label}](${expr.url}) names no known type`);
  }
}
