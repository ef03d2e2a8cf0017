import type { Point, Span, TypeNode } from "../../ir/types.js";
import { spanAt } from "../source.js";
import { clip } from "../fields.js";
import { type ExprGrammar, type TypeExpr, parseCellExpr, parsePlainExpr } from "./cell.js";
import type { FlavourFrontEnd, FlavourLoss } from "./flavour.js";

/**
 * What a flavour's mapping of a type expression yields: the IR type, whether the expression's
 * outer wrappers say the value may be null, and the losses met on the way.
 */
export interface Mapped {
  readonly type: TypeNode;
  readonly nullable: boolean;
  readonly losses: FlavourLoss[];
}

/** Thrown by a flavour's mapping to report a type it cannot read; caught by {@link mapSafely}. */
export class FlavourTypeError {
  readonly offset: number;
  readonly message: string;
  constructor(offset: number, message: string) {
    this.offset = offset;
    this.message = message;
  }
}

/** Runs a flavour's mapping, turning a {@link FlavourTypeError} into a failed parse. */
export function mapSafely<T>(map: () => T): { ok: true; value: T } | { ok: false; offset: number; message: string } {
  try {
    return { ok: true, value: map() };
  } catch (error) {
    if (error instanceof FlavourTypeError) return { ok: false, offset: error.offset, message: error.message };
    throw error;
  }
}

/** The span of a node that starts `offset` characters into a cell. */
export function nodeSpan(start: Point, offset: number): Span {
  return spanAt(start, offset, 0);
}

/** The words of an identifier in any casing: `connector_id`, `ConnectorID`, `IN_PROGRESS`. */
export function identifierWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== "");
}

/** `IN_PROGRESS` -> `InProgress`, `in_progress` -> `InProgress`; a leading digit gets `Value`. */
export function pascalFromWords(name: string): string {
  const joined = name
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== "")
    .map((word) => word[0]!.toUpperCase() + (word === word.toUpperCase() ? word.slice(1).toLowerCase() : word.slice(1)))
    .join("");
  if (joined === "") return name;
  return /^[0-9]/.test(joined) ? `Value${joined}` : joined;
}

/**
 * `connector_id` -> `connectorId`, `json_` -> `json`: the snake_case attribute names of Python and
 * Ruby back to the camelCase the TypeScript SDK uses. Leading underscores are kept; the trailing
 * `_` that both languages add to reserved words is removed.
 */
export function camelFromSnake(name: string): string {
  const lead = /^_*/.exec(name)![0];
  const body = name.slice(lead.length).replace(/_+$/, "");
  if (body === "") return name;
  const parts = body.split("_").filter((part) => part !== "");
  return lead + parts.map((part, index) => (index === 0 ? part : part[0]!.toUpperCase() + part.slice(1))).join("");
}

/** Removes duplicate members of an inline union by their printed form, keeping the first. */
export function uniqueMembers(members: readonly TypeNode[]): TypeNode[] {
  const seen = new Set<string>();
  return members.filter((member) => {
    const key = JSON.stringify(member, (name, value) => (name === "span" ? undefined : value));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The description of a type expression for messages: its name or kind. */
export function describe(expr: TypeExpr): string {
  switch (expr.kind) {
    case "name":
      return expr.args ? `${expr.name}${expr.bracket}…` : expr.name;
    case "prefix":
      return `${expr.operator}${describe(expr.inner)}`;
    case "array-suffix":
      return `${describe(expr.element)}[]`;
    case "link":
      return `[${expr.label}](${expr.url})`;
    case "string":
      return JSON.stringify(expr.value);
    case "number":
      return String(expr.value);
    case "union":
      return expr.members.map(describe).join(" | ");
    default: {
      const unreachable: never = expr;
      return unreachable;
    }
  }
}

/**
 * Names the TypeScript SDK suffixes with `T` because a global of the platform takes them (`Error`,
 * `File`, `Object`, `Function`, `Response` are seen in SDKs; the rest are the other
 * globals a model file uses).
 */
const TYPESCRIPT_RESERVED: ReadonlySet<string> = new Set([
  "Array",
  "Blob",
  "Boolean",
  "Date",
  "Error",
  "File",
  "Function",
  "Map",
  "Number",
  "Object",
  "Promise",
  "Record",
  "Request",
  "Response",
  "Set",
  "String",
  "Symbol",
]);

/**
 * The TypeScript SDK's name of a model whose doc, written for another language, is titled
 * `title`: that language's own `T` suffix for its reserved names is removed (`AnyT` -> `Any` in
 * Python), and TypeScript's is added (`Error` -> `ErrorT`).
 */
export function typescriptModelName(title: string, ownReserved: ReadonlySet<string>): string {
  const base = title.endsWith("T") && ownReserved.has(title.slice(0, -1)) ? title.slice(0, -1) : title;
  return TYPESCRIPT_RESERVED.has(base) ? `${base}T` : base;
}

/**
 * A flavour's Type-cell reader: the shared cell grammar ({@link parseCellExpr}) with the flavour's
 * prefixes, then the flavour's mapping of the expression to an IR type.
 */
export function cellReader(grammar: ExprGrammar, map: (expr: TypeExpr, cellStart: Point, required: boolean) => Mapped): FlavourFrontEnd["readTypeCell"] {
  return (cell, cellStart, required) => {
    const parsed = parseCellExpr(cell, grammar);
    if (!parsed.ok) return parsed;
    const mapped = mapSafely(() => map(parsed.expr, cellStart, required));
    return mapped.ok ? { ok: true, ...mapped.value } : mapped;
  };
}

/**
 * A flavour's union-member reader for headings that hold a type of the language, read with the
 * flavour's grammar and mapped as a Type cell of an optional field would be:
 *
 * ```markdown
 * ### `List\<String>`
 * ### Pet
 * ```
 *
 * The type is in backticks, or (where `bare` allows) written as it is. `example` is a heading the
 * message for an empty or unquoted one shows.
 */
export function headingMemberReader(
  grammar: ExprGrammar,
  map: (expr: TypeExpr, start: Point, required: boolean) => Mapped,
  options: { readonly example: string; readonly bare: boolean },
): FlavourFrontEnd["readUnionMember"] {
  return (member) => {
    const quoted = /^`([^`]*)`$/.exec(member.heading);
    const text = quoted ? quoted[1]! : member.heading;
    if ((!quoted && !options.bare) || text.trim() === "") {
      return { ok: false, offset: -1, message: `expected a union member heading such as ### ${options.example}, got "${clip(`### ${member.heading}`)}"` };
    }
    const shift = quoted ? 1 : 0;
    const failed = (offset: number, message: string) => ({ ok: false as const, offset: offset + shift, message: `the union member \`${clip(text)}\` is not a documented type: ${message}` });
    const parsed = parsePlainExpr(text, grammar);
    if (!parsed.ok) return failed(parsed.offset, parsed.message);
    const start = { ...member.headingStart, column: member.headingStart.column + shift, offset: member.headingStart.offset + shift };
    const mapped = mapSafely(() => map(parsed.expr, start, false));
    return mapped.ok ? { ok: true, type: mapped.value.type, losses: mapped.value.losses } : failed(mapped.offset, mapped.message);
  };
}

/**
 * The reference a link to a model doc makes, `[Pet](../../models/shared/Pet.md)` or
 * `[Optional\<Pet>](…)` (whatever wrappers its text shows); the link must name a document, not
 * only an anchor.
 */
export function modelDocRef(expr: Extract<TypeExpr, { kind: "link" }>, span: Span): TypeNode {
  if (expr.url === "" || expr.url.startsWith("#")) throw new FlavourTypeError(expr.offset, `the link [${expr.label}](${expr.url}) has no document URL`);
  return { kind: "ref", via: { form: "link", url: expr.url, text: expr.label }, target: null, span };
}
