import type { Point, Span, TypeNode } from "../../../ir/types.js";
import { isAbsoluteUrl } from "../../type-words.js";
import { type ExprGrammar, type TypeExpr, parsePlainExpr } from "../cell.js";
import { FlavourTypeError, type Mapped, camelFromSnake, describe, nodeSpan, pascalFromWords, typescriptModelName, uniqueMembers, cellReader, headingMemberReader, modelDocRef } from "../common.js";
import type { FlavourFrontEnd, FlavourLoss } from "../flavour.js";
import { reshapeResponse } from "../response.js";

const GRAMMAR: ExprGrammar = { prefixes: [] };

/** The SDK renames no model for a reserved word of its own language. */
const NO_RESERVED: ReadonlySet<string> = new Set();

/** Ruby's scalar types as Sorbet signatures write them, by the TypeScript primitive they are. */
const SCALARS: Readonly<Record<string, "string" | "number" | "boolean" | "any" | "decimal">> = {
  "::String": "string",
  "::Integer": "number",
  "::Float": "number",
  "T::Boolean": "boolean",
  "::Object": "any",
  "T.untyped": "any",
  "::BigDecimal": "decimal",
};

/** The keys a `T::Hash[K, V]` of a model is written with. */
const HASH_KEYS = new Set(["Symbol", "::Symbol", "::String", "String"]);

/** The message of the warning on a title-only Ruby doc. */
const TITLE_ONLY_LOSS =
  "this Ruby doc has only a title: Ruby SDK docs write union models so, and their members are lost; the model is declared opaque (unknown)";

/**
 * The docs of Speakeasy's Ruby SDKs, whose types are Sorbet signatures: snake_case attributes,
 * `T.nilable(…)` for fields that may be left out or null, `T::Array`, `T::Hash[Symbol, …]`,
 * `T.any(…)`, the date and date-time link texts swapped, and union docs with a title only.
 */
export const RUBY: FlavourFrontEnd = {
  name: "ruby",
  readTypeCell: cellReader(GRAMMAR, mapOuter),
  // Ruby SDKs keep a schema's name whatever it is (`# Error`, `# Object`).
  modelName: (title) => typescriptModelName(title, NO_RESERVED),
  propertyName: (fieldCell) => camelFromSnake(fieldCell),
  enumMemberName: (nameCell) => pascalFromWords(nameCell),
  titleOnlyLoss: TITLE_ONLY_LOSS,
  // Ruby SDK docs write union models with a title only, so no member is known; should one have
  // members, each heading is a Sorbet type, in backticks or bare (`### \`T::Array[::String]\``).
  readUnionMember: headingMemberReader(GRAMMAR, mapOuter, { example: "`::String`", bare: true }),
  reshapeObject: reshapeResponse,
};

/**
 * Maps a whole cell. An outer `T.nilable(…)` on a required field says the value may be null (on
 * an optional field it says nothing more); the wrapper of a link to a model doc is in the link
 * text (`[T.nilable(::OpenApiSDK::Shared::Pet)](…)`).
 */
function mapOuter(expr: TypeExpr, start: Point, required: boolean): Mapped {
  const losses: FlavourLoss[] = [];
  const outer = unwrap(expr);
  let nilable = outer.nilable;
  if (outer.expr.kind === "link" && !isAbsoluteUrl(outer.expr.url)) {
    const label = parsePlainExpr(outer.expr.label, GRAMMAR);
    if (label.ok) nilable ||= unwrap(label.expr).nilable;
  }
  return { type: mapType(outer.expr, start, losses), nullable: nilable && required, losses };
}

/** Strips the outer `T.nilable(…)` wrappers of an expression, telling whether there was one. */
function unwrap(expr: TypeExpr): { expr: TypeExpr; nilable: boolean } {
  let nilable = false;
  while (isNilable(expr)) {
    nilable = true;
    expr = expr.args![0]!;
  }
  return { expr, nilable };
}

function isNilable(expr: TypeExpr): expr is Extract<TypeExpr, { kind: "name" }> {
  return expr.kind === "name" && expr.name === "T.nilable" && expr.bracket === "(" && expr.args?.length === 1;
}

function mapType(expr: TypeExpr, start: Point, losses: FlavourLoss[]): TypeNode {
  const span = nodeSpan(start, expr.offset);
  switch (expr.kind) {
    case "link":
      return mapLink(expr, start);
    case "name":
      return mapName(expr, start, losses);
    case "union":
      return { kind: "union", members: uniqueMembers(expr.members.map((member) => mapType(member, start, losses))), span };
    case "string":
    case "number":
    case "prefix":
    case "array-suffix":
      throw new FlavourTypeError(expr.offset, `unexpected ${describe(expr)} in a Ruby type`);
    default: {
      const unreachable: never = expr;
      return unreachable;
    }
  }
}

function mapName(expr: Extract<TypeExpr, { kind: "name" }>, start: Point, losses: FlavourLoss[]): TypeNode {
  const span = nodeSpan(start, expr.offset);
  const args = expr.args ?? [];
  const arity = (count: number, brackets: string) => {
    if (args.length !== count || expr.bracket === null || !brackets.includes(expr.bracket)) throw new FlavourTypeError(expr.offset, `${expr.name} takes ${count} type argument${count === 1 ? "" : "s"} in ${[...brackets].join(" or ")} brackets`);
  };
  if (expr.args === null) {
    const scalar = SCALARS[expr.name];
    if (scalar) return { kind: "primitive", name: scalar, span };
    switch (expr.name) {
      // Ruby's own date classes, should a cell name them without a link; only the link texts of
      // Type cells are swapped (see mapLink).
      case "::DateTime":
        return { kind: "date-time", span };
      case "::Date":
        return { kind: "date", span };
      default:
        return namedModel(expr.name, span, expr.offset);
    }
  }
  switch (expr.name) {
    case "T.nilable":
      // `T::Array[T.nilable(::String)]`: a nullable element has no place in the schema.
      arity(1, "(");
      return mapType(args[0]!, start, losses);
    case "T::Array":
      // Written `T::Array<…>` by older generators and `T::Array[…]` by newer ones.
      arity(1, "[<");
      return { kind: "array", element: mapType(args[0]!, start, losses), span };
    case "T::Hash": {
      arity(2, "[<");
      const key = args[0]!;
      if (!(key.kind === "name" && HASH_KEYS.has(key.name) && key.args === null)) throw new FlavourTypeError(key.offset, "a T::Hash key must be Symbol or ::String");
      return { kind: "record", value: mapType(args[1]!, start, losses), span };
    }
    case "T.any": {
      if (args.length === 0 || expr.bracket !== "(") throw new FlavourTypeError(expr.offset, "T.any(…) takes type arguments");
      const members = uniqueMembers(args.map((member) => mapType(member, start, losses)));
      return members.length === 1 ? members[0]! : { kind: "union", members, span };
    }
    default:
      throw new FlavourTypeError(expr.offset, `unknown generic type ${expr.name}${expr.bracket}…`);
  }
}

/**
 * A model named without a link: `::OpenApiSDK::Shared::Pet` (older) or `Models::Shared::Pet`
 * (newer), whose folder is the lower-cased part before the name.
 */
function namedModel(name: string, span: Span, offset: number): TypeNode {
  const parts = name.replace(/^::/, "").split("::");
  const last = parts[parts.length - 1]!;
  if (!/^[A-Z][\w]*$/.test(last) || parts.some((part) => part === "")) throw new FlavourTypeError(offset, `unknown type "${name}"`);
  const namespace = parts.length > 1 ? parts[parts.length - 2]!.toLowerCase() : null;
  return { kind: "ref", via: { form: "name", namespace, name: last }, target: null, span };
}

/**
 * A link: to a model doc (`[::OpenApiSDK::Shared::Pet](…)`, `[T.nilable(Models::Shared::Pet)](…)`),
 * or to the Ruby documentation of a platform type, whose date texts are swapped:
 * `[Date](…Date.html)` is a date-time and `[DateTime](…DateTime.html)` a date-only value;
 * `[Faraday::Response](…)` is the raw response.
 */
function mapLink(expr: Extract<TypeExpr, { kind: "link" }>, start: Point): TypeNode {
  const span = nodeSpan(start, expr.offset);
  if (!isAbsoluteUrl(expr.url)) {
    return modelDocRef(expr, span);
  }
  const label = parsePlainExpr(expr.label, GRAMMAR);
  const inner = label.ok ? unwrap(label.expr).expr : null;
  const name = (inner?.kind === "name" && inner.args === null ? inner.name : expr.label).replace(/^::/, "");
  switch (name) {
    case "Date":
      return { kind: "date-time", span };
    case "DateTime":
      return { kind: "date", span };
    case "Faraday::Response":
      return { kind: "external", name: "Response", span };
    default:
      throw new FlavourTypeError(expr.offset, `the link [${expr.label}](${expr.url}) names no known type`);
  }
}
