/**
 * Statements printed directly in prettier's layout, so the formatter can skip them.
 *
 * Prettier's cost grows with the code it reads, and most of a model file is code of a few fixed
 * forms (imports, interfaces, type aliases, a model's API statement with its field table). For
 * those forms the layout prettier gives is known, so they are printed here already formatted and
 * handed past prettier (see {@link PREFORMATTED_MARK}). Anything this module is not sure about
 * (a line that would need breaking, a string prettier might requote, an expression outside the
 * known forms) makes the builder return null, and the statements go through prettier as usual.
 * Tests hold the invariant: prettier leaves every generated file unchanged.
 */

/** The line width of generated code (prettier's `printWidth`). */
const WIDTH = 100;

/** A top-level comment line that stands for a preformatted chunk while prettier runs. */
export const PREFORMATTED_MARK = "// @mdspec-preformatted";

/** An identifier or a dotted path of identifiers (`$string`, `globalThis.Date`). */
const PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

/** A string prettier prints exactly as JSON.stringify quotes it: no `"`, backslashes or controls. */
const PLAIN_STRING = /^"[^"\\\u0000-\u001f\u007f\u2028\u2029]*"$/;

/** A literal prettier prints as written. */
const LITERAL = /^(?:"[^"\\\u0000-\u001f\u007f\u2028\u2029]*"|-?(?:0|[1-9]\d*)|true|false)$/;

/** Whether a string literal (JSON-quoted) is printed unchanged by prettier. */
function isPlainString(quoted: string): boolean {
  return PLAIN_STRING.test(quoted);
}

/** Whether an expression is a literal prettier prints as written (a plain string, an integer, a boolean). */
export function isLiteral(expression: string): boolean {
  return LITERAL.test(expression);
}

/**
 * Whether the JSDoc lines ts-morph printed before a top-level declaration are kept by prettier
 * as they are: `/** … *\/` on one line, or `/**`, lines starting with ` *`, and ` *\/`.
 */
export function docLinesKept(lines: readonly string[]): boolean {
  if (lines.length === 0) return true;
  if (lines.length === 1) return lines[0]!.startsWith("/** ") && lines[0]!.endsWith(" */") && lines[0]!.indexOf("*/") === lines[0]!.length - 2;
  const [first, ...rest] = lines;
  return first === "/**" && rest.at(-1) === " */" && rest.slice(0, -1).every((text) => (text === " *" || text.startsWith(" * ")) && !text.includes("*/") && text.trimEnd() === text);
}

/**
 * `head = A | B;` (a type alias) as prettier lays it out: on one line; else the type on the next
 * line; else, for a union, one member per line after a `|` (a single type stays on the next
 * line even when it does not fit, as prettier cannot break it). Members must be simple types and
 * not object types, which prettier would expand.
 */
export function typeAlias(head: string, members: readonly string[]): string[] | null {
  // An enum's `(typeof E)[keyof typeof E]`, which prettier never breaks.
  const unbreakable = (member: string) => /^\(typeof [\w$]+\)\[keyof typeof [\w$]+\]$/.test(member);
  if (!members.every((member) => unbreakable(member) || (isSimpleType(member) && !member.includes("{")))) return null;
  const type = members.join(" | ");
  const flat = `${head} = ${type};`;
  if (flat.length <= WIDTH) return [flat];
  const next = indent(1, `${type};`);
  if (next.length <= WIDTH || members.length === 1) return next.length <= WIDTH || unbreakable(members[0]!) ? [`${head} =`, next] : null;
  const lines = members.map((member, index) => indent(1, `| ${member}${index === members.length - 1 ? ";" : ""}`));
  return lines.every((text, index) => text.length <= WIDTH || unbreakable(members[index]!)) ? [`${head} =`, ...lines] : null;
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
export function unionParts(type: string): string[] {
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
/**
 * Whether a type is printed unchanged by prettier: names, literals, generics, `T[]`, records
 * `{ [key: string]: T }` and unions of these.
 */
export function isSimpleType(type: string): boolean {
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
 * `export interface Name { [key: string]: Type; key: Type; ... }` without comments, as prettier
 * lays it out: the index signature (when given) first, one member per line, `{}` when empty.
 * Null when a key is quoted, a type is outside the simple forms or a line does not fit.
 */
export function interfaceDeclaration(
  name: string,
  members: readonly { readonly key: string; readonly optional: boolean; readonly type: string }[],
  indexSignature: string | null = null,
): string[] | null {
  if (members.length === 0 && indexSignature === null) return fitting([`export interface ${name} {}`]);
  const lines = [`export interface ${name} {`];
  if (indexSignature !== null) {
    if (!isSimpleType(indexSignature)) return null;
    lines.push(indent(1, `[key: string]: ${indexSignature};`));
  }
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
 * The formatted text of a file whose statements are all preformatted chunks (only comment lines
 * remain: the header and the markers), as prettier would print it, or null when the file has
 * anything else for prettier to format. Most model files are such files, so most never reach
 * prettier.
 */
export function formattedWithoutPrettier(text: string): string | null {
  const lines = text.trim().split("\n");
  if (!lines.every((line, index) => line === "" || (index === 0 && line.startsWith("// ")) || MARKER_LINE.test(line))) return null;
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n")}\n`;
}

/** A marker line standing for a chunk. */
const MARKER_LINE = new RegExp(`^${PREFORMATTED_MARK} \\d+$`);

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

/**
 * A model's API statement (see `api.ts`): `const [names] = callee<types>(leading..., list);` and
 * `export { names };`, where the list, when there is one, is `(): type => [items]`.
 */
export interface ApiCall {
  readonly names: readonly string[];
  readonly callee: string;
  readonly typeArguments: readonly string[];
  /** Arguments before the list (an enum's values and openness, an object's key policy). */
  readonly leading: readonly string[];
  readonly list: {
    /** The list function's return type (`$Fields`, `$Members`). */
    readonly type: string;
    /** The items: expressions, or rows given as their elements. */
    readonly items: readonly (string | readonly string[])[];
  } | null;
}

/**
 * An API statement in prettier's layout, or null when it is outside the forms known here.
 *
 * Prettier prints the statement on one line when it fits (never when the list has two or more
 * rows: arrays of rows always break). Otherwise the destructured names stay on one line when
 * `const [names] =` fits, else they get one line each and `] =` follows. A call with one
 * type argument and at most one short argument (`$enum<X>(X)`, `$opaque<X>()`) then goes on the
 * next line, indented, when it does not fit after the `=`. Other calls stay after the `=` when
 * their text up to the first place they can break fits there (`$object<`), else they go on the
 * next line, indented; their type arguments break (one per line, `>` below) when the call's
 * text up to its `(` does not fit; its arguments stay on the line when they fit, else the list
 * is hugged (`(): T => [` ends the line, one item per line, `]);`) when that head fits, else
 * every argument gets its own line.
 */
export function apiCallText(call: ApiCall): string[] | null {
  if (!call.names.every((name) => PATH.test(name)) || !call.typeArguments.every((type) => PATH.test(type)) || !call.leading.every(isSimpleArgument)) return null;
  const items = call.list?.items ?? [];
  if (!items.every((item) => (typeof item === "string" ? isSimpleArgument(item) : item.every(isSimpleArgument)))) return null;
  const itemText = (item: string | readonly string[]) => (typeof item === "string" ? item : `[${item.join(", ")}]`);
  const types = `<${call.typeArguments.join(", ")}>`;
  const listHead = call.list === null ? "" : `(): ${call.list.type} => [`;
  const flatList = call.list === null ? [] : [`${listHead}${items.map(itemText).join(", ")}]`];
  const flatArgs = [...call.leading, ...flatList].join(", ");
  // Two or more rows (arrays of two or more elements) are always broken.
  const forced = items.length > 1 && items.some((item) => typeof item !== "string");
  const exported = exportList(call.names);
  const lhs = `const [${call.names.join(", ")}]`;
  const flat = `${lhs} = ${call.callee}${types}(${flatArgs});`;
  if (!forced && flat.length <= WIDTH) return [flat, ...exported];
  const lines: string[] = [];
  let current = `${lhs} =`;
  if (current.length > WIDTH) {
    lines.push("const [", ...call.names.map((name) => indent(1, `${name},`)));
    current = "] =";
  }
  const argumentCount = call.leading.length + (call.list === null ? 0 : 1);
  const shortArgument = (text: string) => /^[A-Za-z_$][\w$]*$/.test(text) && text.length <= WIDTH / 4;
  if (call.typeArguments.length === 1 && (argumentCount === 0 || (call.list === null && argumentCount === 1 && shortArgument(call.leading[0]!)))) {
    // A poorly breakable call: after the `=` when it fits, else alone on the next line.
    const rhs = `${call.callee}${types}(${flatArgs});`;
    const statement = `${current} ${rhs}`.length <= WIDTH ? [`${current} ${rhs}`] : [current, indent(1, rhs)];
    return fitting([...lines, ...statement, ...exported]);
  }
  const firstChunk = call.typeArguments.length > 1 ? `${call.callee}<` : `${call.callee}${types}(`;
  let depth = 0;
  let prefix = `${current} `;
  if (`${current} ${firstChunk}`.length > WIDTH) {
    lines.push(current);
    depth = 1;
    prefix = indent(1, "");
  }
  let open = `${prefix}${call.callee}${types}`;
  if (call.typeArguments.length > 1 && `${open}(`.length > WIDTH) {
    const last = call.typeArguments.length - 1;
    lines.push(`${prefix}${call.callee}<`, ...call.typeArguments.map((type, index) => indent(depth + 1, index < last ? `${type},` : type)));
    open = indent(depth, ">");
  }
  const flatCall = `${open}(${flatArgs});`;
  if (!forced && flatCall.length <= WIDTH) return fitting([...lines, flatCall, ...exported]);
  const huggedHead = `${open}(${[...call.leading, listHead].join(", ")}`;
  if (call.list !== null && items.length > 0 && huggedHead.length <= WIDTH) {
    lines.push(huggedHead, ...itemLines(items, depth + 1), indent(depth, "]);"), ...exported);
    return fitting(lines);
  }
  // Every argument on its own line.
  lines.push(`${open}(`, ...call.leading.map((argument) => indent(depth + 1, `${argument},`)));
  if (call.list !== null) {
    const list = indent(depth + 1, `${flatList[0]!},`);
    if (!forced && list.length <= WIDTH) lines.push(list);
    else lines.push(indent(depth + 1, listHead), ...itemLines(items, depth + 2), indent(depth + 1, "],"));
  }
  lines.push(indent(depth, ");"), ...exported);
  return fitting(lines);
}

/** `export { a, b };` on one line when it fits, else one name per line. */
function exportList(names: readonly string[]): string[] {
  const flat = `export { ${names.join(", ")} };`;
  return flat.length <= WIDTH ? [flat] : ["export {", ...names.map((name) => indent(1, `${name},`)), "};"];
}

/** The lines of a broken list's items at `depth`: one per line, a row too long for one with one element per line. */
function itemLines(items: readonly (string | readonly string[])[], depth: number): string[] {
  const lines: string[] = [];
  for (const item of items) {
    if (typeof item === "string") {
      lines.push(indent(depth, `${item},`));
      continue;
    }
    const row = indent(depth, `[${item.join(", ")}],`);
    if (row.length <= WIDTH) lines.push(row);
    else lines.push(indent(depth, "["), ...item.map((element) => indent(depth + 1, `${element},`)), indent(depth, "],"));
  }
  return lines;
}

/**
 * Whether an argument is printed unchanged by prettier when it fits on its line: a path, a
 * literal, or a call of a path whose arguments are such arguments (`$array($record(FooSchema))`,
 * `$literal("x")`).
 */
function isSimpleArgument(text: string): boolean {
  if (PATH.test(text) || LITERAL.test(text)) return true;
  const call = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\((.*)\)$/.exec(text);
  if (call === null) return false;
  if (call[2] === "") return true;
  const args = splitArguments(call[2]!);
  return args !== null && args.every(isSimpleArgument);
}

/** Splits call arguments at their top-level `, `; null when brackets or quotes do not balance. */
function splitArguments(text: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === "\\") index += 1;
      else if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === "(" || char === "[") depth += 1;
    else if (char === ")" || char === "]") depth -= 1;
    else if (depth === 0 && text.startsWith(", ", index)) {
      parts.push(text.slice(start, index));
      start = index + 2;
    }
    if (depth < 0) return null;
  }
  if (depth !== 0 || quoted) return null;
  parts.push(text.slice(start));
  return parts;
}
