import type { Point, Span, TypeNode } from "../../../ir/types.js";
import { clip } from "../../fields.js";
import { isAbsoluteUrl } from "../../type-words.js";
import { type ExprGrammar, type TypeExpr, parseCellExpr, parsePlainExpr } from "../cell.js";
import { FlavourTypeError, describe, mapSafely, nodeSpan, modelDocRef } from "../common.js";
import { reshapeResponse } from "../response.js";
import type { FlavourFrontEnd, FlavourMemberParse, UnionMemberSource } from "../flavour.js";
import { goEnumMemberName, goModelName, goPropertyName, goPropertyNameLoss } from "./names.js";

/** Go's type operators: maps with string keys, slices and pointers. */
const GRAMMAR: ExprGrammar = { prefixes: ["map[string]", "[]", "*"] };

/** Where a node of a mapped expression is: a span from the expression offset. */
type SpanOf = (offset: number) => Span;

/**
 * The docs of Speakeasy's Go SDKs: exported Go names with initialisms (`PartnerID`), enum
 * constants prefixed with the type name, Go type spellings in both eras of the Type cell
 * (`**string*` in italics with the pointer inside, `` `*string` `` in backticks), and union
 * members told by the constructor call of their code block.
 */
export const GO: FlavourFrontEnd = {
  name: "go",
  readTypeCell(cell, cellStart, required) {
    const parsed = parseCellExpr(cell, GRAMMAR);
    if (!parsed.ok) return parsed;
    const spanOf: SpanOf = (offset) => nodeSpan(cellStart, offset);
    const wrapped = isOptionalNullable(parsed.expr);
    const mapped = mapSafely(() => ({ type: mapType(parsed.expr, spanOf), pointer: outerPointer(parsed.expr) }));
    if (!mapped.ok) return mapped;
    // A Go pointer marks a field that may be left out or be null. On an optional field it says no
    // more than the Required column; on a required field it says null. `*big.Int`,
    // `*decimal.Big` and `*http.Response` are pointers whatever the field, so they say nothing.
    // Newer SDKs write `optionalnullable.OptionalNullable[T]` for a field that may be null.
    return { ok: true, type: mapped.value.type, nullable: wrapped || (required && mapped.value.pointer), losses: [] };
  },
  propertyName: goPropertyName,
  propertyNameLoss: goPropertyNameLoss,
  enumMemberName: goEnumMemberName,
  titleOnlyLoss: null,
  readUnionMember: readGoMember,
  modelName: goModelName,
  reshapeObject: reshapeResponse,
};

/** Go's own names of JSON scalars and of the types of its standard library and SDK runtime. */
const NAMED: Readonly<Record<string, (span: Span) => TypeNode>> = {
  string: (span) => ({ kind: "primitive", name: "string", span }),
  bool: (span) => ({ kind: "primitive", name: "boolean", span }),
  any: (span) => ({ kind: "primitive", name: "any", span }),
  "interface{}": (span) => ({ kind: "primitive", name: "any", span }),
  ...Object.fromEntries(
    ["int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "float32", "float64"].map((name) => [
      name,
      (span: Span): TypeNode => ({ kind: "primitive", name: "number", span }),
    ]),
  ),
  "big.Int": (span) => ({ kind: "primitive", name: "bigint", span }),
  "decimal.Big": (span) => ({ kind: "primitive", name: "decimal", span }),
  "time.Time": (span) => ({ kind: "date-time", span }),
  "types.Date": (span) => ({ kind: "date", span }),
  "http.Response": (span) => ({ kind: "external", name: "Response", span }),
  "http.Request": (span) => ({ kind: "external", name: "Request", span }),
  "io.ReadCloser": (span) => ({ kind: "external", name: "ReadableStream<Uint8Array>", span }),
  "io.Reader": (span) => ({ kind: "external", name: "ReadableStream<Uint8Array>", span }),
};

/** The names that Go always holds behind a pointer: their pointer tells nothing about null. */
const POINTER_TYPES = new Set(["big.Int", "decimal.Big", "http.Response", "http.Request"]);

/** The wrapper of newer SDKs for a field that may be left out or be null. */
const OPTIONAL_NULLABLE = "optionalnullable.OptionalNullable";

/** Whether the whole cell is `optionalnullable.OptionalNullable[T]`. */
function isOptionalNullable(expr: TypeExpr): boolean {
  return expr.kind === "name" && expr.name === OPTIONAL_NULLABLE && expr.bracket === "[" && expr.args?.length === 1;
}

/**
 * Whether the whole cell is a pointer that marks the field as nullable: `**string*`,
 * `` `*string` ``, `[*shared.X](…)`, but not `[*big.Int](…)` or `[*http.Response](…)`.
 */
function outerPointer(expr: TypeExpr): boolean {
  if (expr.kind === "link") {
    const label = parsePlainExpr(expr.label, GRAMMAR);
    return label.ok && outerPointer(label.expr);
  }
  if (expr.kind !== "prefix" || expr.operator !== "*") return false;
  const inner = expr.inner;
  return !(inner.kind === "name" && inner.args === null && POINTER_TYPES.has(inner.name));
}

function mapType(expr: TypeExpr, spanOf: SpanOf): TypeNode {
  const span = spanOf(expr.offset);
  switch (expr.kind) {
    case "prefix":
      switch (expr.operator) {
        case "*":
          // A pointer inside a type (`[]*string`) has no place in the schema.
          return mapType(expr.inner, spanOf);
        case "[]":
          if (expr.inner.kind === "name" && expr.inner.args === null && expr.inner.name === "byte") return { kind: "external", name: "Uint8Array", span };
          return { kind: "array", element: mapType(expr.inner, spanOf), span };
        case "map[string]":
          return { kind: "record", value: mapType(expr.inner, spanOf), span };
        default:
          throw new FlavourTypeError(expr.offset, `unexpected ${expr.operator} in a Go type`);
      }
    case "name":
      return mapName(expr, spanOf);
    case "link":
      return mapLink(expr, spanOf);
    case "array-suffix":
    case "string":
    case "number":
    case "union":
      throw new FlavourTypeError(expr.offset, `unexpected ${describe(expr)} in a Go type`);
    default: {
      const unreachable: never = expr;
      return unreachable;
    }
  }
}

function mapName(expr: Extract<TypeExpr, { kind: "name" }>, spanOf: SpanOf): TypeNode {
  const span = spanOf(expr.offset);
  if (expr.args === null) {
    const named = NAMED[expr.name];
    if (named) return named(span);
    return modelName(expr.name, span, expr.offset);
  }
  if (expr.name === "stream.EventStream" && expr.bracket === "[" && expr.args.length === 1) {
    return { kind: "event-stream", event: mapType(expr.args[0]!, spanOf), span };
  }
  // Whether the value may be null is read off the whole cell; inside a type it has no place.
  if (isOptionalNullable(expr)) return mapType(expr.args[0]!, spanOf);
  throw new FlavourTypeError(expr.offset, `unknown generic type ${expr.name}${expr.bracket}…`);
}

/** `shared.X` or `X`: a model named in the type, resolved like a TypeScript doc's `*ns.X*`. */
function modelName(name: string, span: Span, offset: number): TypeNode {
  const parts = /^(?:([A-Za-z_$][\w$]*)\.)?([A-Za-z_$][\w$]*)$/.exec(name);
  if (!parts) throw new FlavourTypeError(offset, `unknown type "${name}"`);
  return { kind: "ref", via: { form: "name", namespace: parts[1] ?? null, name: parts[2]! }, target: null, span };
}

/**
 * A link: to a model doc (`[*shared.X](../../../pkg/models/shared/x.md)`), or to the doc of a Go
 * type (`[time.Time](https://pkg.go.dev/time#Time)`, `[*big.Int](…)`, `[*decimal.Big](…)`,
 * `[*http.Response](…)`), or `[types.Date](../../types/date.md)`, the SDK's date type, whose doc
 * is not a model (nor always there).
 */
function mapLink(expr: Extract<TypeExpr, { kind: "link" }>, spanOf: SpanOf): TypeNode {
  const span = spanOf(expr.offset);
  const label = parsePlainExpr(expr.label, GRAMMAR);
  let inner = label.ok ? label.expr : null;
  while (inner?.kind === "prefix" && inner.operator === "*") inner = inner.inner;
  const named = inner?.kind === "name" && inner.args === null ? NAMED[inner.name] : undefined;
  if (named) return named(span);
  if (isAbsoluteUrl(expr.url)) throw new FlavourTypeError(expr.offset, `the link [${expr.label}](${expr.url}) names no known type`);
  return modelDocRef(expr, span);
}

/** The argument type of a union member's constructor call: `shared.CreateVehicleBike(shared.Bike{/* values here *\/})`. */
const CONSTRUCTOR = /\bCreate\w*\(\s*(.+?)\s*\{\s*\/\*\s*values here\s*\*\/\s*\}\s*\)/;

/**
 * Reads a member of a Go union doc. The heading is empty for members that are not models, or the
 * member's type name; the type is the argument type of the constructor call in the code block:
 *
 * ````markdown
 * ###
 *
 * ```go
 * createdBy := components.CreateCreatedByStr(string{/* values here *\/})
 * ```
 *
 * ### ExampleBoat
 *
 * ```go
 * exampleVehicle := shared.CreateExampleVehicleExampleBoat(shared.ExampleBoat{/* values here *\/})
 * ```
 * ````
 *
 * A member without a code block is read from its heading alone.
 */
function readGoMember(member: UnionMemberSource): FlavourMemberParse {
  const heading = member.heading;
  const call = member.code === null ? null : CONSTRUCTOR.exec(member.code);
  const written = call ? call[1]! : heading;
  if (written === "") {
    return { ok: false, offset: -1, message: "expected a union member heading with a type name, or a code block with a constructor call such as shared.CreateXY(shared.Y{/* values here */})" };
  }
  const parsed = parsePlainExpr(written, GRAMMAR);
  const where = call ? "the constructor argument" : "the union member";
  if (!parsed.ok) return { ok: false, offset: call ? -1 : parsed.offset, message: `${where} \`${clip(written)}\` is not a documented type: ${parsed.message}` };
  // A type from the code block has no place in the heading: its nodes point at the heading.
  const start: Point = member.headingStart;
  const spanOf: SpanOf = call ? () => nodeSpan(start, 0) : (offset) => nodeSpan(start, offset);
  const mapped = mapSafely(() => mapType(parsed.expr, spanOf));
  if (mapped.ok) return { ok: true, type: mapped.value, losses: [] };
  return { ok: false, offset: call ? -1 : mapped.offset, message: `${where} \`${clip(written)}\` is not a documented type: ${mapped.message}` };
}
