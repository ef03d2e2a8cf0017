import type { Code, List, Table } from "mdast";
import { CODES } from "../ir/codes.js";
import type { EnumMember, Point } from "../ir/types.js";
import { clip, rowSpan } from "./fields.js";
import type { FlavourFrontEnd } from "./flavour/flavour.js";
import { TYPESCRIPT } from "./flavour/typescript/index.js";
import { deriveMemberNames } from "./member-names.js";
import { toPoint, type Section } from "./outline.js";
import { readTableRows } from "./rows.js";
import { type DocSource, report, shiftPoint } from "./source.js";

/** The members of an enum doc, whether the doc named them, and whether it is open. */
export interface EnumParse {
  readonly members: readonly EnumMember[];
  readonly namedMembers: boolean;
  readonly open: "string" | "number" | null;
}

const OPEN_MARK = /Unrecognized<(string|number)>/;

/**
 * Reads a `## Values` section in either form. The table form names the members; an open enum
 * adds a note and a last `-` row:
 *
 * ```markdown
 * This is an open enum. Unrecognized values will be captured as the `Unrecognized<string>` branded type.
 *
 * | Name       | Value      |
 * | ---------- | ---------- |
 * | `Working`  | working    |
 * | `FourHundredAndFour` | 404 |
 * | -          | `Unrecognized<string>` |
 * ```
 *
 * The code form is one line of TypeScript without names (names are derived):
 *
 * ```typescript
 * "working" | "completed" | 404 | Unrecognized<string>
 * ```
 *
 * The Python docs of open enums list the values, as JSON, without names (names are derived), after
 * a note that is the only sign of openness:
 *
 * ```markdown
 * This is an open enum. Unrecognized values will not fail type checks.
 *
 * - `"/v1/chat/completions"`
 * - `"/v1/embeddings"`
 * ```
 *
 * `exampleUsage` is the doc's Example Usage code: from 2026-03 on, its comment
 * `// Open enum: …` is the only sign that an enum is open (TypeScript and Python name the
 * `Unrecognized<string>` type; Java and C# say `use .of() to create instances from custom string
 * values`, or `integer values`; Go says `custom values can be created with a direct type cast`,
 * and the values tell strings or numbers). Table names are read by the `flavour`
 * (`IN_PROGRESS` in Python docs is `InProgress`). Returns null after reporting when the section is
 * malformed.
 */
export function readEnum(
  source: DocSource,
  section: Section,
  exampleUsage: string | null,
  flavour: FlavourFrontEnd = TYPESCRIPT,
  modelTitle = "",
): EnumParse | null {
  let open: "string" | "number" | null = null;
  let openNote = false;
  const openInExample = exampleUsage ? /\/\/\s*Open enum:.*Unrecognized<(string|number)>/.exec(exampleUsage) : null;
  if (openInExample) open = openInExample[1] as "string" | "number";
  // Java and C#: `// Open enum: use .of() to create instances from custom string values`.
  const openByFactory = exampleUsage ? /\/\/\s*Open enum: use \.of\(\) to create instances from custom (string|integer) values/i.exec(exampleUsage) : null;
  if (openByFactory) open = openByFactory[1]!.toLowerCase() === "string" ? "string" : "number";
  // Other languages' comment names no type (Go: `// Open enum: custom values can be created with a
  // direct type cast`): the values tell it, as for the Python note.
  if (open === null && exampleUsage && /\/\/\s*Open enum:/.test(exampleUsage)) openNote = true;
  for (const node of section.nodes) {
    if (node.type === "paragraph") {
      const text = source.text.slice(node.position!.start.offset ?? 0, node.position!.end.offset ?? 0);
      const mark = OPEN_MARK.exec(text);
      if (mark) open = mark[1] as "string" | "number";
      else if (/^This is an open enum\b/.test(text)) openNote = true;
    }
  }
  const body = section.nodes.find((node): node is Table | Code | List => node.type === "table" || node.type === "code" || node.type === "list");
  if (!body) {
    report(source, section.start, "error", CODES.missingBody, "the ## Values section has neither a | Name | Value | table nor a code block");
    return null;
  }
  const parsed = body.type === "table" ? readValueTable(source, body, flavour, modelTitle) : body.type === "code" ? readValueCode(source, body) : readValueList(source, body);
  if (!parsed) return null;
  // The Python note names no type: an enum of numbers captures unknown numbers.
  if (openNote && open === null) open = parsed.members.every((member) => typeof member.value === "number") && parsed.members.length > 0 ? "number" : "string";
  return { members: parsed.members, namedMembers: body.type === "table", open: parsed.open ?? open };
}

interface MemberList {
  readonly members: EnumMember[];
  readonly open: "string" | "number" | null;
}

function readValueTable(source: DocSource, table: Table, flavour: FlavourFrontEnd, modelTitle: string): MemberList | null {
  const rows = readTableRows(table, source.text);
  const header = rows.header.map((cell) => cell.text);
  if (header.length !== 2 || header[0] !== "Name" || header[1] !== "Value") {
    report(source, rows.headerStart, "error", CODES.badHeader, `the ## Values table header is | ${header.join(" | ")} |; expected | Name | Value |`);
    return null;
  }
  const members: EnumMember[] = [];
  let open: "string" | "number" | null = null;
  let valid = true;
  for (const row of rows.body) {
    if (row.cells.length !== 2) {
      report(source, row.start, "error", CODES.badRowCells, `this row has ${row.cells.length} cells; the header has 2`);
      valid = false;
      continue;
    }
    const [nameCell, valueCell] = row.cells as [(typeof row.cells)[0], (typeof row.cells)[0]];
    const openRow = OPEN_MARK.exec(valueCell.text);
    if (nameCell.text === "-" && openRow && /^`?Unrecognized<(string|number)>`?$/.test(valueCell.text)) {
      open = openRow[1] as "string" | "number";
      continue;
    }
    const name = /^`([^`]+)`$/.exec(nameCell.text);
    if (!name) {
      report(source, nameCell.start, "error", CODES.badEnumName, `expected a member name in backticks, got "${clip(nameCell.text)}"`);
      valid = false;
      continue;
    }
    members.push({
      name: flavour.enumMemberName(name[1]!, modelTitle),
      value: readTableValue(valueCell.text),
      span: rowSpan(row),
    });
  }
  return valid && checkDuplicates(source, members) ? { members, open } : null;
}

/**
 * Reads a Value cell. Cells hold the raw value, unquoted: digits are a number (the format has no
 * other way to tell integer enums apart, and every SDK declares them as numbers), anything else a
 * string with escaped pipes restored.
 */
function readTableValue(cell: string): string | number {
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(cell)) return Number(cell);
  return cell.replace(/\\\|/g, "|");
}

function readValueCode(source: DocSource, code: Code): MemberList | null {
  const start = toPoint(code.position!.start);
  // In a fenced block the value line follows the fence; an indented block starts with its value.
  const fenced = /^ {0,3}(`{3,}|~{3,})/.test(source.text.slice(start.offset, start.offset + 10));
  const lineStart: Point = fenced ? { line: start.line + 1, column: 1, offset: source.text.indexOf("\n", start.offset) + 1 } : start;
  const text = code.value;
  const values: Array<{ value: string | number; at: number; length: number }> = [];
  let open: "string" | "number" | null = null;
  let at = 0;
  const fail = (message: string): null => {
    // An empty block has no value line: point at its opening fence instead.
    const point = text.trim() === "" ? start : lineOffset(lineStart, text, at);
    report(source, point, "error", CODES.badEnumValues, message);
    return null;
  };
  for (;;) {
    while (/\s/.test(text[at] ?? "")) at += 1;
    if (at >= text.length) return fail("expected an enum value");
    const rest = text.slice(at);
    const from = at;
    const unrecognized = /^Unrecognized<(string|number)>/.exec(rest);
    const number = /^-?\d+(\.\d+)?/.exec(rest);
    if (rest[0] === '"') {
      let end = 1;
      while (end < rest.length && rest[end] !== '"') end += rest[end] === "\\" ? 2 : 1;
      if (end >= rest.length) return fail("unterminated string literal");
      try {
        values.push({ value: JSON.parse(rest.slice(0, end + 1)) as string, at: from, length: end + 1 });
      } catch {
        return fail(`invalid string literal ${clip(rest.slice(0, end + 1))}`);
      }
      at += end + 1;
    } else if (unrecognized) {
      open = unrecognized[1] as "string" | "number";
      at += unrecognized[0].length;
    } else if (number) {
      values.push({ value: Number(number[0]), at: from, length: number[0].length });
      at += number[0].length;
    } else {
      return fail(`unexpected "${clip(rest)}" in the enum values`);
    }
    while (/\s/.test(text[at] ?? "")) at += 1;
    if (at >= text.length) break;
    if (text[at] !== "|") return fail(`expected "|" between enum values, got "${clip(text.slice(at))}"`);
    at += 1;
  }
  const names = deriveMemberNames(values.map((entry) => entry.value));
  const members = values.map((entry, index) => {
    const start = lineOffset(lineStart, text, entry.at);
    return { name: names[index]!, value: entry.value, span: { start, end: lineOffset(lineStart, text, entry.at + entry.length) } };
  });
  return checkDuplicates(source, members) ? { members, open } : null;
}

/** Reads the bullet list of an open Python enum: one JSON value in a code span per item. */
function readValueList(source: DocSource, list: List): MemberList | null {
  const values: { value: string | number; start: Point; end: Point }[] = [];
  for (const item of list.children) {
    const start = toPoint(item.position!.start);
    const raw = source.text.slice(start.offset, item.position!.end.offset ?? start.offset);
    const match = /^[-*+]\s+`([^`]*)`\s*$/.exec(raw);
    let value: unknown = undefined;
    try {
      value = match ? JSON.parse(match[1]!) : undefined;
    } catch {
      value = undefined;
    }
    if (typeof value !== "string" && typeof value !== "number") {
      report(source, start, "error", CODES.badEnumValues, `expected a list item holding a JSON string or number in backticks, got "${clip(raw)}"`);
      return null;
    }
    values.push({ value, start, end: toPoint(item.position!.end) });
  }
  const names = deriveMemberNames(values.map((entry) => entry.value));
  const members = values.map((entry, index) => ({ name: names[index]!, value: entry.value, span: { start: entry.start, end: entry.end } }));
  return checkDuplicates(source, members) ? { members, open: null } : null;
}

/** The point of character `at` of a code block's text, which may span lines. */
function lineOffset(lineStart: Point, text: string, at: number): Point {
  const before = text.slice(0, at);
  const newlines = before.split("\n").length - 1;
  if (newlines === 0) return shiftPoint(lineStart, at);
  const column = at - before.lastIndexOf("\n");
  return { line: lineStart.line + newlines, column, offset: lineStart.offset + at };
}

function checkDuplicates(source: DocSource, members: readonly EnumMember[]): boolean {
  const names = new Set<string>();
  const values = new Set<string | number>();
  let ok = true;
  for (const member of members) {
    if (names.has(member.name)) {
      report(source, member.span.start, "error", CODES.duplicateEnumMember, `the member name "${member.name}" appears twice`);
      ok = false;
    }
    if (values.has(member.value)) {
      report(source, member.span.start, "error", CODES.duplicateEnumMember, `the value ${JSON.stringify(member.value)} appears twice`);
      ok = false;
    }
    names.add(member.name);
    values.add(member.value);
  }
  return ok;
}
