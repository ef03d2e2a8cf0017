import type { Point, PrimitiveName, Span, TypeNode } from "../../../ir/types.js";
import { clip } from "../../fields.js";
import { isAbsoluteUrl } from "../../type-words.js";
import { type ExprGrammar, type TypeExpr, parseCellExpr, parsePlainExpr } from "../cell.js";
import { FlavourTypeError, describe, mapSafely, nodeSpan, typescriptModelName, uniqueMembers, modelDocRef } from "../common.js";
import { reshapeResponse } from "../response.js";
import type { FlavourFrontEnd, FlavourLoss, FlavourMemberParse, TypeCellRow, UnionMemberSource } from "../flavour.js";
import { readDateTime } from "./dates.js";

const GRAMMAR: ExprGrammar = { prefixes: ["?"] };

/**
 * The docs of Speakeasy's PHP SDKs: camelCase properties as in TypeScript, PHP type spellings
 * (`?T`, `array<T>`, `array<string, T>`, `\Brick\Math\BigInteger`), union members listed in the
 * link text of a union-typed field, and `\DateTime` for dates and date-times alike.
 */
export const PHP: FlavourFrontEnd = {
  name: "php",
  readTypeCell(cell, cellStart, required, row) {
    const parsed = parseCellExpr(cell, GRAMMAR);
    if (!parsed.ok) return parsed;
    const losses: FlavourLoss[] = [];
    const mapped = mapSafely(() => {
      const outer = stripNullable(parsed.expr);
      const type = mapType(outer.expr, { start: cellStart, row, losses });
      return { type, nullable: required && (outer.nullable || labelNullable(outer.expr)) };
    });
    return mapped.ok ? { ok: true, ...mapped.value, losses } : mapped;
  },
  modelName: (title) => typescriptModelName(title, PHP_RESERVED),
  propertyName: (fieldCell) => fieldCell,
  // PHP suffixes reserved words with `_` (`Class_`); the TypeScript SDK does not.
  enumMemberName: (nameCell) => nameCell.replace(/(?<=.)_+$/, ""),
  titleOnlyLoss: null,
  reshapeObject: reshapeResponse,
  readUnionMember: readPhpMember,
};

/**
 * PHP's keywords and reserved class names, capitalised as class names: the PHP SDK names such a
 * class with a `T` (`EmptyT`, `ObjectT`), which the TypeScript SDK's name does not have.
 */
const PHP_RESERVED: ReadonlySet<string> = new Set(
  (
    "abstract and array as bool break callable case catch class clone const continue declare default do echo else elseif " +
    "empty enddeclare endfor endforeach endif endswitch endwhile enum eval exit extends false final finally float fn for " +
    "foreach function global goto if implements include instanceof insteadof int interface isset iterable list match " +
    "mixed namespace never new null numeric object or parent print private protected public readonly require resource " +
    "return self static string switch throw trait true try unset use var void while xor yield"
  )
    .split(" ")
    .map((word) => word[0]!.toUpperCase() + word.slice(1)),
);

/** Where a type is read: spans are relative to `start`; `row` tells a `\DateTime` apart. */
interface Place {
  readonly start: Point;
  readonly row: TypeCellRow | undefined;
  readonly losses: FlavourLoss[];
}

/**
 * `?T` and `T|null` at the top of a cell say that the value may be null (which counts only for a
 * required field: PHP writes `?T` for every optional one). Returns the expression without them.
 */
function stripNullable(expr: TypeExpr): { expr: TypeExpr; nullable: boolean } {
  if (expr.kind === "prefix" && expr.operator === "?") return { expr: stripNullable(expr.inner).expr, nullable: true };
  if (expr.kind === "union") {
    const members = expr.members.filter((member) => !isNull(member));
    if (members.length < expr.members.length && members.length > 0) {
      return { expr: members.length === 1 ? members[0]! : { ...expr, members }, nullable: true };
    }
  }
  return { expr, nullable: false };
}

function isNull(expr: TypeExpr): boolean {
  return expr.kind === "name" && expr.args === null && expr.name === "null";
}

/** `[?Shared\X](…)` and `[Shared\A\|Shared\B\|null](…)`: a link whose text says the value may be null. */
function labelNullable(expr: TypeExpr): boolean {
  if (expr.kind !== "link" || isAbsoluteUrl(expr.url)) return false;
  const label = parsePlainExpr(expr.label, GRAMMAR);
  return label.ok && stripNullable(label.expr).nullable;
}

/**
 * Reads a member of a PHP union doc: a PHP type in backticks, and for arrays the item type in the
 * docblock of the block after it:
 *
 * ````markdown
 * ### `Shared\SimpleObject`
 *
 * ### `array`
 *
 * ```php
 * /**
 * * @var array<Shared\Enum>
 * *\/
 * array $value = /* values here *\/
 * ```
 * ````
 */
function readPhpMember(member: UnionMemberSource): FlavourMemberParse {
  const match = /^`([^`]*)`$/.exec(member.heading);
  if (!match) return { ok: false, offset: -1, message: `expected a union member heading such as ### \`Shared\\X\`, got "${clip(`### ${member.heading}`)}"` };
  const docblock = member.code ? /@var\s+(.+?)\s*$/m.exec(member.code) : null;
  const start = { ...member.headingStart, column: member.headingStart.column + 1, offset: member.headingStart.offset + 1 };
  // The docblock's type is the heading's with the item types filled in (`array` -> `array<string>`).
  const text = docblock ? docblock[1]! : match[1]!;
  const parsed = parsePlainExpr(text, GRAMMAR);
  if (!parsed.ok) return { ok: false, offset: docblock ? -1 : parsed.offset + 1, message: `the union member \`${clip(text)}\` is not a documented type: ${parsed.message}` };
  const losses: FlavourLoss[] = [];
  const row: TypeCellRow = { field: "", description: null, example: null, modelTitle: member.modelTitle };
  // Spans point at the heading: a docblock's offsets are not offsets in it.
  const place: Place = { start, row, losses };
  const mapped = mapSafely(() => mapType(docblock ? atHeading(parsed.expr) : parsed.expr, place));
  if (mapped.ok) return { ok: true, type: mapped.value, losses: losses.map((loss) => ({ ...loss, offset: loss.offset + 1 })) };
  return { ok: false, offset: docblock ? -1 : mapped.offset + 1, message: `the union member \`${clip(text)}\` is not a documented type: ${mapped.message}` };
}

/** The expression with every offset set to 0, for a type read from a docblock instead of the heading. */
function atHeading(expr: TypeExpr): TypeExpr {
  switch (expr.kind) {
    case "name":
      return { ...expr, offset: 0, args: expr.args && expr.args.map(atHeading) };
    case "prefix":
      return { ...expr, offset: 0, inner: atHeading(expr.inner) };
    case "array-suffix":
      return { ...expr, offset: 0, element: atHeading(expr.element) };
    case "union":
      return { ...expr, offset: 0, members: expr.members.map(atHeading) };
    case "link":
    case "string":
    case "number":
      return { ...expr, offset: 0 };
    default: {
      const unreachable: never = expr;
      return unreachable;
    }
  }
}

/** The PHP names of the JSON scalars and of Brick's big numbers. */
const SCALARS: Readonly<Record<string, PrimitiveName>> = {
  string: "string",
  int: "number",
  float: "number",
  bool: "boolean",
  mixed: "any",
  "\\Brick\\Math\\BigInteger": "bigint",
  "\\Brick\\Math\\BigDecimal": "decimal",
};

function mapType(expr: TypeExpr, place: Place): TypeNode {
  const span = nodeSpan(place.start, expr.offset);
  switch (expr.kind) {
    case "link":
      return mapLink(expr, place);
    case "name":
      return mapName(expr, place);
    case "prefix":
      // `array<?string>`: nullability inside a container has no place in the schema.
      if (expr.operator === "?") return mapType(expr.inner, place);
      throw new FlavourTypeError(expr.offset, `unexpected ${describe(expr)} in a PHP type`);
    case "union": {
      const members = uniqueMembers(expr.members.filter((member) => !isNull(member)).map((member) => mapType(member, place)));
      if (members.length === 0) throw new FlavourTypeError(expr.offset, "a union of null alone is not a type");
      return members.length === 1 ? members[0]! : { kind: "union", members, span };
    }
    case "string":
    case "number":
    case "array-suffix":
      throw new FlavourTypeError(expr.offset, `unexpected ${describe(expr)} in a PHP type`);
    default: {
      const unreachable: never = expr;
      return unreachable;
    }
  }
}

function mapName(expr: Extract<TypeExpr, { kind: "name" }>, place: Place): TypeNode {
  const span = nodeSpan(place.start, expr.offset);
  if (expr.args === null) {
    const scalar = Object.hasOwn(SCALARS, expr.name) ? SCALARS[expr.name]! : null;
    if (scalar) return { kind: "primitive", name: scalar, span };
    switch (expr.name) {
      case "\\DateTime":
      case "DateTime":
        return dateTime(expr.offset, span, place);
      case "array":
        // `### \`array\`` without a docblock: the items are not told.
        return { kind: "array", element: { kind: "primitive", name: "any", span }, span };
      default:
        return modelName(expr.name, span, expr.offset);
    }
  }
  if (expr.name !== "array" || expr.bracket !== "<") throw new FlavourTypeError(expr.offset, `unknown generic PHP type ${describe(expr)}`);
  const args = expr.args;
  if (args.length === 1) return { kind: "array", element: mapType(args[0]!, place), span };
  if (args.length === 2) {
    const key = args[0]!;
    if (!(key.kind === "name" && key.name === "string" && key.args === null)) throw new FlavourTypeError(key.offset, "an array<K, V> key must be string");
    return { kind: "record", value: mapType(args[1]!, place), span };
  }
  throw new FlavourTypeError(expr.offset, "array<…> takes 1 or 2 type arguments");
}

/** `\DateTime`, a date or a date-time: the row tells which (see {@link readDateTime}), with a warning. */
function dateTime(offset: number, span: Span, place: Place): TypeNode {
  const reading = readDateTime(place.row);
  place.losses.push({
    offset,
    message: `PHP docs write \\DateTime for dates and date-times alike; read as a ${reading.kind === "date" ? "date (YYYY-MM-DD)" : "date-time"} from ${reading.reason}`,
  });
  return { kind: reading.kind, span };
}

/** `Shared\X`, `Components\X` or `X`: a model named by its namespace and class, resolved like `*ns.X*`. */
function modelName(name: string, span: Span, offset: number): TypeNode {
  // A class name: PHP's own types (`resource`, `callable`) are lower case and no model.
  const parts = /^(?:([A-Za-z_]\w*)\\)?([A-Z]\w*)$/.exec(name);
  if (!parts) throw new FlavourTypeError(offset, `unknown PHP type "${name}"`);
  return { kind: "ref", via: { form: "name", namespace: parts[1] ?? null, name: parts[2]! }, target: null, span };
}

/**
 * A link: to a model doc, its text the PHP type (`[?Shared\X](…)`, or a union's members
 * `[string\|array\|null](…TagIds.md)`), or to PHP's documentation for dates and the raw response.
 */
function mapLink(expr: Extract<TypeExpr, { kind: "link" }>, place: Place): TypeNode {
  const span = nodeSpan(place.start, expr.offset);
  if (!isAbsoluteUrl(expr.url)) {
    return modelDocRef(expr, span);
  }
  switch (expr.label.replace(/^\?/, "")) {
    case "\\DateTime":
      return dateTime(expr.offset, span, place);
    case "\\Psr\\Http\\Message\\ResponseInterface":
      return { kind: "external", name: "Response", span };
    case "\\Psr\\Http\\Message\\StreamInterface":
      return { kind: "external", name: "ReadableStream<Uint8Array>", span };
    default:
      throw new FlavourTypeError(expr.offset, `the link [${expr.label}](${expr.url}) names no known type`);
  }
}
