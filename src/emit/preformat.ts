/**
 * Statements printed directly in prettier's layout, so the formatter can skip them.
 *
 * Prettier's cost grows with the code it reads, and most of a model file is codec code of a few
 * fixed forms (`case "k":` lines, `key: value.key,` entries, shape rows). For those forms the
 * layout prettier gives is simple and known, so they are printed here already formatted and
 * handed past prettier (see {@link PREFORMATTED_MARK}). Anything this module is not sure about
 * (a line that would need breaking, a string prettier might requote, an expression outside the
 * known forms) makes the builder return null, and the statements go through prettier as usual.
 * Tests hold the invariant: prettier leaves every generated file unchanged.
 */

/** The line width of generated code (prettier's `printWidth`). */
const WIDTH = 100;

/** A top-level comment line that stands for a preformatted chunk while prettier runs. */
export const PREFORMATTED_MARK = "// @mdspec-preformatted";

/** An identifier or a dotted path of identifiers (`value.name`, `t`). */
const PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

/** A string prettier prints exactly as JSON.stringify quotes it: no `"`, backslashes or controls. */
const PLAIN_STRING = /^"[^"\\\u0000-\u001f\u007f\u2028\u2029]*"$/;

/** A literal prettier prints as written. */
const LITERAL = /^(?:"[^"\\\u0000-\u001f\u007f\u2028\u2029]*"|-?(?:0|[1-9]\d*)|true|false)$/;

/** A call of a name or path with its arguments (already known to be simple). */
const CALL = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\((.+)\)$/;

/** Whether a string literal (JSON-quoted) is printed unchanged by prettier. */
export function isPlainString(quoted: string): boolean {
  return PLAIN_STRING.test(quoted);
}

/**
 * Whether an expression is one of the simple forms printed unchanged when it fits on a line:
 * a path, a literal, or a call of an identifier whose arguments are paths or literals
 * (`$string(t, c, k)`, `$literal(t, c, k, "x")`, `$isoDateTime(value.at)`,
 * `$mapArray(value.items, serializeItem)`).
 */
export function isSimpleExpression(expression: string): boolean {
  if (PATH.test(expression) || LITERAL.test(expression)) return true;
  return isSimpleCall(expression);
}

/**
 * Whether a test is `path === undefined` (an optional field's conditional) or `path === null`
 * (a required field that takes null).
 */
export function isAbsentTest(test: string): boolean {
  const absent = / === (?:undefined|null)$/.exec(test);
  return absent !== null && PATH.test(test.slice(0, absent.index));
}

/**
 * Whether a shape-table check is in a simple form: a name, `f(g)`, `(e: unknown) => e === literal`,
 * or `(e: unknown) => f(e)` / `f(e, g)`.
 */
export function isSimpleGuard(guard: string): boolean {
  if (PATH.test(guard) || /^[\w$]+\([\w$]+\)$/.test(guard)) return true;
  const body = /^\(e: unknown\) => (.*)$/.exec(guard)?.[1];
  if (body === undefined) return false;
  const literal = /^e === (.*)$/.exec(body)?.[1];
  return literal !== undefined ? LITERAL.test(literal) : /^[\w$]+\(e(?:, [\w$]+)?\)$/.test(body);
}

function isSimpleCall(expression: string): boolean {
  const call = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\((.*)\)$/.exec(expression);
  if (!call) return false;
  if (call[2] === "") return true;
  return call[2]!.split(", ").every((argument) => PATH.test(argument) || LITERAL.test(argument));
}

/** `text` indented by `depth` levels of two spaces. */
function indent(depth: number, text: string): string {
  return `${"  ".repeat(depth)}${text}`;
}

/** The lines, or null when one is wider than the print width. */
function fitting(lines: readonly string[]): string[] | null {
  return lines.every((line) => line.length <= WIDTH) ? [...lines] : null;
}

/**
 * A function declaration's first line: on one line when it fits, else one parameter per line
 * (`export function f(\n  a: A,\n  b: B,\n): R {`), as prettier breaks a parameter list.
 */
export function functionHead(name: string, parameters: readonly string[], returnType: string): string[] | null {
  const flat = `export function ${name}(${parameters.join(", ")}): ${returnType} {`;
  if (flat.length <= WIDTH) return [flat];
  return fitting([`export function ${name}(`, ...parameters.map((parameter) => indent(1, `${parameter},`)), `): ${returnType} {`]);
}

/**
 * One statement of a `case` clause at `depth`: `if (test) target = value;` on one line, or with
 * the assignment on the next line when only that fits; a plain `target = value;` must fit.
 */
export function caseStatement(depth: number, test: string | null, target: string, value: string): string[] | null {
  const assignment = `${target} = ${value};`;
  if (test === null) {
    const flat = indent(depth, assignment);
    if (flat.length <= WIDTH) return [flat];
    // A conditional that does not fit goes on the next line, when it fits there.
    if (/^t === (?:undefined|null) \? /.test(value)) return fitting([indent(depth, `${target} =`), indent(depth + 1, `${value};`)]);
    // A call that does not fit gets one argument per line.
    const call = CALL.exec(value);
    if (call === null) return null;
    return fitting([indent(depth, `${target} = ${call[1]}(`), ...call[2]!.split(", ").map((argument) => indent(depth + 1, `${argument},`)), indent(depth, ");")]);
  }
  const flat = indent(depth, `if (${test}) ${assignment}`);
  if (flat.length <= WIDTH) return [flat];
  return fitting([indent(depth, `if (${test})`), indent(depth + 1, assignment)]);
}

/**
 * An object literal entry at `depth`: `key: value,` when it fits; a conditional value that does
 * not fit goes on the next line, and is broken at `?` and `:` when it does not fit there either,
 * as prettier does.
 */
export function objectEntry(depth: number, key: string, value: string, conditional: { test: string; then: string; otherwise: string } | null): string[] | null {
  const flat = indent(depth, `${key}: ${value},`);
  if (flat.length <= WIDTH) return [flat];
  if (conditional === null) {
    // A one-argument call that does not fit gets its argument on its own line.
    const call = CALL.exec(value);
    if (call === null || !PATH.test(call[2]!)) return null;
    return fitting([indent(depth, `${key}: ${call[1]}(`), indent(depth + 1, `${call[2]},`), indent(depth, "),")]);
  }
  const afterColon = indent(depth + 1, `${value},`);
  if (afterColon.length <= WIDTH) return [indent(depth, `${key}:`), afterColon];
  return fitting([
    indent(depth, `${key}:`),
    indent(depth + 1, conditional.test),
    indent(depth + 2, `? ${conditional.then}`),
    indent(depth + 2, `: ${conditional.otherwise},`),
  ]);
}

/**
 * A top-level `const` whose initializer is an array of rows or items: `[]`, one line when it
 * fits and `breakRows` is false, else one item per line with a trailing comma. Prettier always
 * breaks an array of two or more arrays (`breakRows`).
 */
export function arrayConstant(head: string, items: readonly string[], breakRows: boolean): string[] | null {
  if (items.length === 0) return fitting([`${head} = [];`]);
  const flat = `${head} = [${items.join(", ")}];`;
  if (flat.length <= WIDTH && !(breakRows && items.length > 1)) return [flat];
  return fitting([`${head} = [`, ...items.map((item) => indent(1, `${item},`)), "];"]);
}

/**
 * `head = callee<types>(argument);` (`head` being `export const name` or `const name: T`) as
 * prettier lays it out: on one line; else with the argument on its own line when the part
 * before it fits; else with the type arguments broken, or without them, after the `=`.
 */
export function callDeclaration(head: string, callee: string, typeArguments: readonly string[] | null, argument: string): string[] | null {
  const types = typeArguments === null ? "" : `<${typeArguments.join(", ")}>`;
  const flat = `${head} = ${callee}${types}(${argument});`;
  if (flat.length <= WIDTH) return [flat];
  const opening = `${head} = ${callee}${types}(`;
  if (opening.length <= WIDTH) return fitting([opening, indent(1, `${argument},`), ");"]);
  if (typeArguments === null) {
    // Prettier cannot break `const name: T` itself, so that line may stay wider than the width.
    const call = indent(1, `${callee}(${argument});`);
    return call.length <= WIDTH ? [`${head} =`, call] : null;
  }
  return fitting([
    `${head} = ${callee}<`,
    ...typeArguments.map((type, index) => indent(1, index < typeArguments.length - 1 ? `${type},` : type)),
    `>(${argument});`,
  ]);
}

/**
 * `import [type] { a, type b, c as d } from "m";` as prettier lays it out: on one line when it
 * fits, else one specifier per line with a trailing comma.
 */
export function importDeclaration(typeOnly: boolean, specifiers: readonly string[], module: string): string[] | null {
  const quoted = JSON.stringify(module);
  if (!isPlainString(quoted) || specifiers.length === 0) return null;
  const keyword = typeOnly ? "import type" : "import";
  const flat = `${keyword} { ${specifiers.join(", ")} } from ${quoted};`;
  if (flat.length <= WIDTH) return [flat];
  return fitting([`${keyword} {`, ...specifiers.map((specifier) => indent(1, `${specifier},`)), `} from ${quoted};`]);
}

/** Splits a type at its top-level `|` (outside brackets of any kind). */
function unionParts(type: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < type.length; index += 1) {
    const char = type[index]!;
    if (char === "(" || char === "[" || char === "{" || char === "<") depth += 1;
    else if (char === ")" || char === "]" || char === "}" || char === ">") depth -= 1;
    else if (depth === 0 && type.startsWith(" | ", index)) {
      parts.push(type.slice(start, index));
      start = index + 3;
    }
  }
  parts.push(type.slice(start));
  return parts;
}

/**
 * Whether a type is printed unchanged by prettier when it fits on its line: names (`Foo`,
 * `globalThis.Date`), literals, `T[]`, `(A | B)[]`, `G<T>`, `{ [key: string]: T }` and unions of
 * these.
 */
function isSimpleType(type: string): boolean {
  const parts = unionParts(type);
  if (parts.length > 1) return parts.every(isSimpleType);
  const [part] = parts as [string];
  const array = /^(.*?)((?:\[\])+)$/.exec(part);
  if (array) {
    const element = array[1]!;
    return /^\(.*\)$/.test(element) ? isSimpleType(element.slice(1, -1)) : isSimpleType(element) && unionParts(element).length === 1;
  }
  if (PATH.test(part) || LITERAL.test(part)) return true;
  const generic = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)<(.+)>$/.exec(part);
  if (generic) return isSimpleType(generic[2]!);
  const record = /^\{ \[key: string\]: (.+) \}$/.exec(part);
  return record !== null && isSimpleType(record[1]!);
}

/**
 * `export interface Name { key: Type; ... }` without comments, as prettier lays it out: one
 * member per line, `{}` when empty. Null when a key is quoted, a type is outside the simple
 * forms or a line does not fit.
 */
export function interfaceDeclaration(name: string, members: readonly { readonly key: string; readonly optional: boolean; readonly type: string }[]): string[] | null {
  if (members.length === 0) return fitting([`export interface ${name} {}`]);
  const lines = [`export interface ${name} {`];
  for (const member of members) {
    if (!PATH.test(member.key) || member.key.includes(".") || !isSimpleType(member.type)) return null;
    lines.push(indent(1, `${member.key}${member.optional ? "?" : ""}: ${member.type};`));
  }
  lines.push("}");
  return fitting(lines);
}

/**
 * An interface as ts-morph printed it (JSDoc included), in prettier's layout, or null when a
 * member is outside the simple forms. Prettier leaves a one-line `/** … *\/` comment as it is
 * and re-indents a multi-line one whose lines all start with `*` (each line trimmed, then
 * prefixed with one space); members must be `key?: Type;` with a simple type on a fitting line.
 */
export function interfaceText(printed: string): string[] | null {
  const lines = printed.replace(/\n+$/, "").split("\n");
  const out: string[] = [];
  let comment: string | null = null; // the indentation of the open multi-line comment
  for (const raw of lines) {
    const text = raw.trim();
    const depth = raw.startsWith("  ") ? 1 : 0;
    if (comment !== null) {
      if (!text.startsWith("*")) return null;
      if (text === "*/") {
        out.push(`${comment} */`);
        comment = null;
      } else if (text.includes("*/")) {
        return null;
      } else {
        out.push(`${comment} ${text}`);
      }
      continue;
    }
    if (text === "/**") {
      comment = indent(depth, "");
      out.push(indent(depth, "/**"));
    } else if (text.startsWith("/**") && text.endsWith("*/") && text.indexOf("*/") === text.length - 2) {
      out.push(indent(depth, text));
    } else if (depth === 0 && /^export interface [A-Za-z_$][\w$]* \{$/.test(text)) {
      out.push(text);
    } else if (depth === 0 && text === "}") {
      if (out[out.length - 1]?.endsWith(" {")) out[out.length - 1] = `${out[out.length - 1]}}`;
      else out.push("}");
    } else {
      const member = /^([A-Za-z_$][\w$]*)(\??): (.+);$/.exec(text);
      if (depth !== 1 || member === null || !isSimpleType(member[3]!)) return null;
      const line = indent(1, text);
      if (line.length > WIDTH) return null;
      out.push(line);
    }
  }
  return comment === null ? out : null;
}

/** A one-line statement, or null when it does not fit. */
export function line(text: string): string[] | null {
  return fitting([text]);
}

/**
 * Sets `lines` aside as a chunk of the file being emitted and returns the statement that stands
 * for it: a marker comment that prettier keeps on its own line and that is replaced by the
 * chunk once the file is formatted.
 */
export function preformatted(chunks: string[], lines: readonly string[]): string {
  chunks.push(lines.join("\n"));
  return `${PREFORMATTED_MARK} ${chunks.length - 1}`;
}

/**
 * Puts the chunks of a formatted file in place of their markers, with one blank line before and
 * after each (the blank lines prettier would keep around a declaration).
 */
export function insertPreformatted(formatted: string, chunks: readonly string[]): string {
  if (chunks.length === 0) return formatted;
  const marker = new RegExp(`^${PREFORMATTED_MARK} (\\d+)$`, "gm");
  const text = formatted.replace(marker, (_line, index: string) => `\n${chunks[Number(index)]!}\n`);
  // Markers were separated from their neighbours by at most one blank line; so are the chunks.
  return text.replace(/\n{3,}/g, "\n\n").replace(/\n+$/, "\n");
}
