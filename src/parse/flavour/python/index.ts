import type { Field, Model, ObjectModel, Point, TypeNode } from "../../../ir/types.js";
import { isAbsoluteUrl } from "../../type-words.js";
import { type ExprGrammar, type TypeExpr, parsePlainExpr } from "../cell.js";
import { FlavourTypeError, type Mapped, camelFromSnake, typescriptModelName, describe, nodeSpan, pascalFromWords, uniqueMembers, cellReader, headingMemberReader, modelDocRef } from "../common.js";
import type { FlavourFrontEnd, FlavourLoss } from "../flavour.js";

const GRAMMAR: ExprGrammar = { prefixes: [] };

/** Names the Python SDK suffixes with `T` (`AnyT`) because Python's typing module takes them. */
const PYTHON_RESERVED: ReadonlySet<string> = new Set(["Any", "Enum", "List", "Dict", "Optional", "Union", "Literal"]);

/** The wrappers that say a field may be left out or be null; they add nothing else. */
const WRAPPERS: Readonly<Record<string, boolean>> = { Optional: false, Nullable: true, OptionalNullable: true };

/**
 * The docs of Speakeasy's Python (pydantic) SDKs: snake_case attributes, Python type spellings,
 * nullability shown, and the date and date-time link texts swapped.
 */
export const PYTHON: FlavourFrontEnd = {
  name: "python",
  readTypeCell: cellReader(GRAMMAR, mapOuter),
  modelName: (title) => typescriptModelName(title, PYTHON_RESERVED),
  propertyName: (fieldCell) => (fieldCell === "__pydantic_extra__" ? "additionalProperties" : camelFromSnake(fieldCell)),
  enumMemberName: (nameCell) => pascalFromWords(nameCell),
  titleOnlyLoss: null,
  // A union member heading is a Python type in backticks, read as a Type cell:
  // ``### `shared.ExampleBoat` ``, ``### `List[models.WorkflowExecutionStatus]` ``.
  readUnionMember: headingMemberReader(GRAMMAR, mapOuter, { example: "`shared.X`", bare: false }),
  reshapeObject: withoutFileContentType,
};

/**
 * A file upload as the TypeScript SDK declares it (`fileName` and `content`): the Python SDK's
 * file class adds an optional `content_type` of its own, for the part it sends, which no other
 * SDK's file has. Only a model of exactly those three fields, `content` being bytes, is one:
 *
 * ```markdown
 * | `file_name`    | *str*                                        | :heavy_check_mark: | N/A |
 * | `content`      | *Union[bytes, IO[bytes], io.BufferedReader]* | :heavy_check_mark: | N/A |
 * | `content_type` | *Optional[str]*                              | :heavy_minus_sign: | N/A |
 * ```
 */
function withoutFileContentType(model: ObjectModel): Model {
  const byName = new Map(model.fields.map((field) => [field.name, field]));
  const content = byName.get("content");
  const fileName = byName.get("fileName");
  const contentType = byName.get("contentType");
  const isFile =
    model.fields.length === 3 &&
    model.additionalProperties === null &&
    content !== undefined &&
    content.required &&
    isBytes(content) &&
    fileName?.type.kind === "primitive" &&
    fileName.type.name === "string" &&
    contentType !== undefined &&
    !contentType.required &&
    contentType.type.kind === "primitive" &&
    contentType.type.name === "string";
  return isFile ? { ...model, fields: model.fields.filter((field) => field !== contentType) } : model;
}

/** Whether a field holds bytes: `bytes`, a stream, or a union of those. */
function isBytes(field: Field): boolean {
  const type = field.type;
  const members = type.kind === "union" ? type.members : [type];
  return members.every((member) => member.kind === "external");
}

/** Maps a whole cell: its outer `Optional[…]` / `Nullable[…]` wrappers tell nullability. */
function mapOuter(expr: TypeExpr, start: Point): Mapped {
  const losses: FlavourLoss[] = [];
  let nullable = false;
  for (;;) {
    if (expr.kind === "name" && expr.args?.length === 1 && expr.bracket === "[" && expr.name in WRAPPERS) {
      nullable ||= WRAPPERS[expr.name]!;
      expr = expr.args[0]!;
      continue;
    }
    if (expr.kind === "link" && !isAbsoluteUrl(expr.url)) {
      // `[Optional[components.X]](x.md)`: the wrappers are in the link text.
      const label = parsePlainExpr(expr.label, GRAMMAR);
      if (label.ok) nullable ||= unwrap(label.expr).nullable;
    }
    break;
  }
  const type = mapType(expr, start, losses);
  return { type, nullable, losses };
}

/** Strips the outer wrappers of an expression, telling whether one of them was nullable. */
function unwrap(expr: TypeExpr): { expr: TypeExpr; nullable: boolean } {
  let nullable = false;
  while (expr.kind === "name" && expr.args?.length === 1 && expr.bracket === "[" && expr.name in WRAPPERS) {
    nullable ||= WRAPPERS[expr.name]!;
    expr = expr.args[0]!;
  }
  return { expr, nullable };
}

function mapType(expr: TypeExpr, start: Point, losses: FlavourLoss[]): TypeNode {
  const span = nodeSpan(start, expr.offset);
  switch (expr.kind) {
    case "link":
      return mapLink(expr, start);
    case "string":
      return { kind: "literal", value: expr.value, span };
    case "number":
      return numberLiteral(expr, span, losses);
    case "name":
      return mapName(expr, start, losses);
    case "union":
      return { kind: "union", members: uniqueMembers(expr.members.map((member) => mapType(member, start, losses))), span };
    case "prefix":
    case "array-suffix":
      throw new FlavourTypeError(expr.offset, `unexpected ${describe(expr)} in a Python type`);
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
    if (args.length !== count || expr.bracket !== "[") throw new FlavourTypeError(expr.offset, `${expr.name}[…] takes ${count} type argument${count === 1 ? "" : "s"}`);
  };
  if (expr.args === null) {
    switch (expr.name) {
      case "str":
        return { kind: "primitive", name: "string", span };
      case "int":
      case "float":
        return { kind: "primitive", name: "number", span };
      case "bool":
        return { kind: "primitive", name: "boolean", span };
      case "Any":
        return { kind: "primitive", name: "any", span };
      case "Decimal":
        return { kind: "primitive", name: "decimal", span };
      case "True":
        return { kind: "literal", value: true, span };
      case "False":
        return { kind: "literal", value: false, span };
      case "bytes":
        return { kind: "external", name: "Uint8Array", span };
      case "io.BufferedReader":
        return { kind: "external", name: "ReadableStream<Uint8Array>", span };
      // Python's own type names, as union headings write them (`### \`datetime\``); only the
      // link texts of Type cells are swapped (see mapLink).
      case "datetime":
        return { kind: "date-time", span };
      case "date":
        return { kind: "date", span };
      default:
        return modelName(expr.name, span, expr.offset);
    }
  }
  switch (expr.name) {
    case "Optional":
    case "Nullable":
    case "OptionalNullable":
      // Nullability inside a container (`List[Nullable[str]]`) has no place in the schema.
      arity(1);
      return mapType(args[0]!, start, losses);
    case "List":
      arity(1);
      return { kind: "array", element: mapType(args[0]!, start, losses), span };
    case "Dict":
      arity(2);
      const key = args[0]!;
      if (!(key.kind === "name" && key.name === "str" && key.args === null)) throw new FlavourTypeError(key.offset, "a Dict key must be str");
      return { kind: "record", value: mapType(args[1]!, start, losses), span };
    case "Union": {
      const members = uniqueMembers(args.map((member) => mapType(member, start, losses)));
      return members.length === 1 ? members[0]! : { kind: "union", members, span };
    }
    case "Literal": {
      arity(1);
      const value = args[0]!;
      if (value.kind === "string") return { kind: "literal", value: value.value, span };
      if (value.kind === "number") return numberLiteral(value, span, losses);
      if (value.kind === "name" && (value.name === "True" || value.name === "False")) return { kind: "literal", value: value.name === "True", span };
      // `Literal[None]`: a value that is always null.
      if (value.kind === "name" && value.name === "None") return { kind: "literal", value: null, span };
      throw new FlavourTypeError(value.offset, `Literal[${describe(value)}] is not a literal`);
    }
    case "IO":
      return { kind: "external", name: "ReadableStream<Uint8Array>", span };
    case "eventstreaming.EventStream":
    case "eventstreaming.EventStreamAsync":
      arity(1);
      return { kind: "event-stream", event: mapType(args[0]!, start, losses), span };
    default:
      throw new FlavourTypeError(expr.offset, `unknown generic type ${expr.name}[…]`);
  }
}

/**
 * `Literal[123]`, `Literal[1.5]`: a number constant. An integer beyond the safe range (`Literal[9223372036854775807]`,
 * an int64 constant) has no exact `number`: it is read as `BigInt`, whose decoder keeps every
 * digit, with a warning that the constant itself is not checked.
 */
function numberLiteral(expr: Extract<TypeExpr, { kind: "number" }>, span: ReturnType<typeof nodeSpan>, losses: FlavourLoss[]): TypeNode {
  if (/^-?\d+$/.test(expr.text) && !Number.isSafeInteger(expr.value)) {
    losses.push({ offset: expr.offset, message: `the constant ${expr.text} is beyond the safe integer range of a number; read as BigInt, its value is not checked` });
    return { kind: "primitive", name: "bigint", span };
  }
  return { kind: "literal", value: expr.value, span };
}

/** `shared.X` or `X`: a model named in the type, resolved like a TypeScript doc's `*ns.X*`. */
function modelName(name: string, span: ReturnType<typeof nodeSpan>, offset: number): TypeNode {
  const parts = /^(?:([A-Za-z_$][\w$]*)\.)?([A-Za-z_$][\w$]*)$/.exec(name);
  if (!parts) throw new FlavourTypeError(offset, `unknown type "${name}"`);
  return { kind: "ref", via: { form: "name", namespace: parts[1] ?? null, name: parts[2]! }, target: null, span };
}

/**
 * A link: to a model doc (`[Optional[components.X]](../components/x.md)`), or to Python's own
 * documentation for dates, whose texts are swapped: `[date](…#date-objects)` is a date-time and
 * `[datetime](…#datetime-objects)` a date-only value.
 */
function mapLink(expr: Extract<TypeExpr, { kind: "link" }>, start: Point): TypeNode {
  const span = nodeSpan(start, expr.offset);
  if (!isAbsoluteUrl(expr.url)) {
    return modelDocRef(expr, span);
  }
  const label = parsePlainExpr(expr.label, GRAMMAR);
  const inner = label.ok ? unwrap(label.expr).expr : null;
  const name = inner?.kind === "name" && inner.args === null ? inner.name : expr.label;
  if (name === "date") return { kind: "date-time", span };
  if (name === "datetime") return { kind: "date", span };
  throw new FlavourTypeError(expr.offset, `the link [${expr.label}](${expr.url}) names no known type`);
}
