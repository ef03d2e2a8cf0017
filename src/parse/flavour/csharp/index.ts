import type { Point, PrimitiveName, TypeNode } from "../../../ir/types.js";
import { clip } from "../../fields.js";
import { isAbsoluteUrl } from "../../type-words.js";
import { type ExprGrammar, type TypeExpr, parseCellExpr } from "../cell.js";
import { FlavourTypeError, describe, mapSafely, nodeSpan, typescriptModelName, modelDocRef } from "../common.js";
import { reshapeResponse } from "../response.js";
import type { FlavourFrontEnd, FlavourMemberParse, UnionMemberSource } from "../flavour.js";
import { memberType } from "./members.js";

const GRAMMAR: ExprGrammar = { prefixes: [] };

/**
 * The docs of Speakeasy's C# SDKs: PascalCase properties, C# type spellings (`List<T>`,
 * `Dictionary<String, T>`, `long`, `BigInteger`), no sign of optional or nullable values, and
 * union docs that name their members (`### Str`, `### ArrayOfValue5`) instead of typing them.
 */
export const CSHARP: FlavourFrontEnd = {
  name: "csharp",
  readTypeCell(cell, cellStart) {
    const parsed = parseCellExpr(cell, GRAMMAR);
    if (!parsed.ok) return parsed;
    const mapped = mapSafely(() => mapType(parsed.expr, cellStart));
    return mapped.ok ? { ok: true, type: mapped.value, nullable: false, losses: [] } : mapped;
  },
  modelName: (title) => typescriptModelName(title, new Set()),
  propertyName: lowerFirst,
  enumMemberName: (nameCell) => nameCell,
  titleOnlyLoss: null,
  reshapeObject: reshapeResponse,
  readUnionMember: readCSharpMember,
};

/** `ImageURL` -> `imageURL`: the TypeScript SDK's property is the C# property with its first letter lowered. */
function lowerFirst(name: string): string {
  return name === "" ? name : name[0]!.toLowerCase() + name.slice(1);
}

/**
 * Reads a member of a C# union doc. The heading is the member's name in the SDK's union class,
 * and the block only calls its factory, so the type is inferred from the name (see
 * {@link memberType}):
 *
 * ````markdown
 * ### Str
 *
 * ```csharp
 * ConnectionValue.CreateStr(/* values here *\/);
 * ```
 *
 * ### ArrayOfSimpleObject
 * ````
 */
function readCSharpMember(member: UnionMemberSource): FlavourMemberParse {
  const match = /^(`?)([A-Za-z_][\w]*)\1$/.exec(member.heading);
  if (!match) return { ok: false, offset: -1, message: `expected a union member name such as ### Str or ### SimpleObject, got "${clip(`### ${member.heading}`)}"` };
  const span = nodeSpan(member.headingStart, match[1]!.length);
  return { ok: true, type: memberType(match[2]!, span), losses: [] };
}

function mapType(expr: TypeExpr, start: Point): TypeNode {
  const span = nodeSpan(start, expr.offset);
  switch (expr.kind) {
    case "link":
      return mapLink(expr, start);
    case "name":
      return mapName(expr, start);
    case "array-suffix":
      // `byte[]` is binary data; C# writes every other list as `List<T>`.
      if (expr.element.kind === "name" && expr.element.name === "byte" && expr.element.args === null) return { kind: "external", name: "Uint8Array", span };
      return { kind: "array", element: mapType(expr.element, start), span };
    case "string":
    case "number":
    case "union":
    case "prefix":
      throw new FlavourTypeError(expr.offset, `unexpected ${describe(expr)} in a C# type`);
    default: {
      const unreachable: never = expr;
      return unreachable;
    }
  }
}

/** The C# names of the JSON scalars, as the Type cells write them (`*long*`, `*BigInteger*`). */
const SCALARS: Readonly<Record<string, PrimitiveName>> = {
  string: "string",
  String: "string",
  int: "number",
  long: "number",
  short: "number",
  float: "number",
  double: "number",
  bool: "boolean",
  decimal: "decimal",
  BigInteger: "bigint",
  object: "any",
};

function mapName(expr: Extract<TypeExpr, { kind: "name" }>, start: Point): TypeNode {
  const span = nodeSpan(start, expr.offset);
  if (expr.args === null) {
    const scalar = Object.hasOwn(SCALARS, expr.name) ? SCALARS[expr.name] : undefined;
    if (scalar) return { kind: "primitive", name: scalar, span };
    throw new FlavourTypeError(expr.offset, `unknown C# type "${expr.name}"`);
  }
  const args = expr.args;
  if (expr.bracket !== "<") throw new FlavourTypeError(expr.offset, `unknown C# type ${describe(expr)}`);
  switch (expr.name) {
    case "List":
      if (args.length !== 1) throw new FlavourTypeError(expr.offset, "List<…> takes 1 type argument");
      return { kind: "array", element: mapType(args[0]!, start), span };
    case "Dictionary": {
      if (args.length !== 2) throw new FlavourTypeError(expr.offset, "Dictionary<…> takes 2 type arguments");
      const key = args[0]!;
      if (!(key.kind === "name" && (key.name === "String" || key.name === "string") && key.args === null)) throw new FlavourTypeError(key.offset, "a Dictionary key must be String");
      return { kind: "record", value: mapType(args[1]!, start), span };
    }
    default:
      throw new FlavourTypeError(expr.offset, `unknown generic C# type ${expr.name}<…>`);
  }
}

/**
 * A link: to a model doc (`[ContactType](../../Models/Components/ContactType.md)`, the text
 * unqualified or `Models.Errors.Tag`), or to .NET's documentation for dates and the raw response.
 */
function mapLink(expr: Extract<TypeExpr, { kind: "link" }>, start: Point): TypeNode {
  const span = nodeSpan(start, expr.offset);
  if (!isAbsoluteUrl(expr.url)) {
    return modelDocRef(expr, span);
  }
  switch (expr.label) {
    case "DateTime":
    case "DateTimeOffset":
      return { kind: "date-time", span };
    case "LocalDate":
    case "DateOnly":
      return { kind: "date", span };
    case "HttpResponseMessage":
      return { kind: "external", name: "Response", span };
    default:
      throw new FlavourTypeError(expr.offset, `the link [${expr.label}](${expr.url}) names no known type`);
  }
}
