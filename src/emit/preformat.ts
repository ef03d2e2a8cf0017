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
  if (PATH.test(expression) || LITERAL.test(expression) || isCast(expression)) return true;
  return isSimpleCall(expression);
}

/**
 * Whether an expression is a serializer's `t as T` with a type prettier prints unchanged and
 * that holds no `, ` (call arguments are split there).
 */
function isCast(expression: string): boolean {
  const cast = /^t as (.+)$/.exec(expression);
  return cast !== null && !cast[1]!.includes(", ") && isSimpleType(cast[1]!);
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

/**
 * A function body's `return callee(a, b);` as prettier lays it out: on one line when it fits,
 * else one argument per line. The arguments must be paths.
 */
export function returnCall(callee: string, args: readonly string[]): string[] | null {
  if (!PATH.test(callee) || !args.every((argument) => PATH.test(argument))) return null;
  const flat = indent(1, `return ${callee}(${args.join(", ")});`);
  if (flat.length <= WIDTH) return [flat];
  return fitting([indent(1, `return ${callee}(`), ...args.map((argument) => indent(2, `${argument},`)), indent(1, ");")]);
}

/**
 * A function body's `return test ? a : b;` as prettier lays it out: on one line, else broken at
 * `?` and `:`. The parts must be simple calls, paths or literals.
 */
export function conditionalReturn(statement: string): string[] | null {
  const parts = /^return (\S+) \? (\S+) : (.+);$/.exec(statement);
  if (parts === null || ![parts[1]!, parts[2]!, parts[3]!].every(isSimpleExpression)) return null;
  const flat = indent(1, statement);
  if (flat.length <= WIDTH) return [flat];
  return fitting([indent(1, `return ${parts[1]!}`), indent(2, `? ${parts[2]!}`), indent(2, `: ${parts[3]!};`)]);
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
  return call[2]!.split(", ").every((argument) => PATH.test(argument) || LITERAL.test(argument) || isCast(argument));
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
    // A conditional that does not fit goes on the next line, broken at `?` and `:` when it does
    // not fit there either, as prettier does.
    const conditional = /^(t === (?:undefined|null)) \? (null|[\w$]+\(c, k\)) : (.*)$/.exec(value);
    if (conditional) {
      const next = indent(depth + 1, `${value};`);
      if (next.length <= WIDTH) return [indent(depth, `${target} =`), next];
      return fitting([
        indent(depth, `${target} =`),
        indent(depth + 1, conditional[1]!),
        indent(depth + 2, `? ${conditional[2]!}`),
        indent(depth + 2, `: ${conditional[3]!};`),
      ]);
    }
    // A call that does not fit gets one argument per line.
    const call = CALL.exec(value);
    if (call === null) return null;
    return fitting([indent(depth, `${target} = ${call[1]}(`), ...call[2]!.split(", ").map((argument) => indent(depth + 1, `${argument},`)), indent(depth, ");")]);
  }
  const flat = indent(depth, `if (${test}) ${assignment}`);
  if (flat.length <= WIDTH) return [flat];
  // The assignment goes on the next line, laid out there as a statement of its own.
  const next = caseStatement(depth + 1, null, target, value);
  return next === null ? null : [indent(depth, `if (${test})`), ...next];
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
 * `head = new Set([a, b]);` as prettier lays it out: on one line when it fits, else one item per
 * line. Only plain strings when it does not fit: prettier fills lines with numbers instead.
 */
export function setConstant(head: string, items: readonly string[]): string[] | null {
  if (!items.every((item) => LITERAL.test(item))) return null;
  const flat = `${head} = new Set([${items.join(", ")}]);`;
  if (flat.length <= WIDTH) return [flat];
  if (!items.every((item) => PLAIN_STRING.test(item))) return null;
  return fitting([`${head} = new Set([`, ...items.map((item) => indent(1, `${item},`)), "]);"]);
}

/**
 * `head = [{ key: value, ... }, ...];` as prettier lays it out, for objects whose values are
 * simple expressions or arrays of plain strings or literals: on one line when it fits and there
 * is only one object; else one object per line, each on one line when it fits, else one property
 * per line, an array that does not fit having one item per line.
 */
export function objectArrayConstant(head: string, objects: readonly (readonly (readonly [string, string | readonly string[]])[])[]): string[] | null {
  const value = (entry: string | readonly string[]) => (typeof entry === "string" ? entry : `[${entry.join(", ")}]`);
  const simple = objects.every((properties) =>
    properties.every(([key, entry]) => PATH.test(key) && !key.includes(".") && (typeof entry === "string" ? isSimpleExpression(entry) : entry.every((item) => PLAIN_STRING.test(item)))),
  );
  if (!simple || objects.length === 0) return null;
  const flatObject = (properties: (typeof objects)[number]) => `{ ${properties.map(([key, entry]) => `${key}: ${value(entry)}`).join(", ")} }`;
  const flat = `${head} = [${objects.map(flatObject).join(", ")}];`;
  if (objects.length === 1 && flat.length <= WIDTH) return [flat];
  const lines = [`${head} = [`];
  for (const properties of objects) {
    const one = indent(1, `${flatObject(properties)},`);
    if (one.length <= WIDTH) {
      lines.push(one);
      continue;
    }
    lines.push(indent(1, "{"));
    for (const [key, entry] of properties) {
      const property = indent(2, `${key}: ${value(entry)},`);
      if (property.length <= WIDTH || typeof entry === "string") lines.push(property);
      else lines.push(indent(2, `${key}: [`), ...entry.map((item) => indent(3, `${item},`)), indent(2, "],"));
    }
    lines.push(indent(1, "},"));
  }
  lines.push("];");
  return fitting(lines);
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
