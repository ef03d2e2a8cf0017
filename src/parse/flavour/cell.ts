/**
 * The part of a Type cell that every non-TypeScript flavour shares: links and emphasis are read
 * off the markdown, and what is left is a type expression of the flavour's own language, parsed
 * into a small syntax tree ({@link TypeExpr}) that the flavour's module turns into IR types.
 */

/** A type expression of another SDK language, as a flavour's Type cell or union heading writes it. */
export type TypeExpr =
  | {
      /** A name with optional type arguments: `str`, `List[str]`, `Optional\<Long>`, `T.nilable(::String)`. */
      readonly kind: "name";
      readonly name: string;
      /** The arguments in brackets, null when the name has none. */
      readonly args: readonly TypeExpr[] | null;
      /** The bracket that held the arguments. */
      readonly bracket: "[" | "<" | "(" | null;
      readonly offset: number;
    }
  | {
      /** A prefix operator of the language: Go `*T`, `[]T`, `map[string]T`, PHP `?T`. */
      readonly kind: "prefix";
      readonly operator: string;
      readonly inner: TypeExpr;
      readonly offset: number;
    }
  | {
      /** `T[]` after a name (Java and C# `byte[]`). */
      readonly kind: "array-suffix";
      readonly element: TypeExpr;
      readonly offset: number;
    }
  | {
      /** A markdown link of the cell: `[label](url)`. */
      readonly kind: "link";
      readonly label: string;
      readonly url: string;
      readonly offset: number;
    }
  | { readonly kind: "string"; readonly value: string; readonly offset: number }
  | { readonly kind: "number"; readonly value: number; readonly text: string; readonly offset: number }
  | {
      /** `A | B` (PHP link texts, and `\|` between links). */
      readonly kind: "union";
      readonly members: readonly TypeExpr[];
      readonly offset: number;
    };

/** The grammar knobs of a flavour's type expressions. */
export interface ExprGrammar {
  /** Prefix operators, longest first: `["map[string]", "[]", "*"]` for Go, `["?"]` for PHP. */
  readonly prefixes: readonly string[];
}

/** The outcome of parsing a type expression. */
export type ExprParse =
  | { readonly ok: true; readonly expr: TypeExpr }
  | { readonly ok: false; readonly offset: number; readonly message: string };

/** A link token in a reduced cell: a private-use character that the expression parser reads as one atom. */
const LINK_MARK = "\uE000";

/** A Type cell with its links lifted out and its emphasis and code marks removed. */
interface ReducedCell {
  /** The expression text, with one {@link LINK_MARK} per link. */
  readonly text: string;
  /** For each character of `text`, its offset in the original cell (and one past the end). */
  readonly offsets: readonly number[];
  readonly links: readonly { readonly label: string; readonly url: string; readonly offset: number }[];
}

/**
 * Reads the markdown of a flavour's Type cell into a type expression. Links may sit anywhere,
 * and their labels may hold brackets of their own; emphasis (`*str*`, Go's `**string*` whose
 * inner star is a pointer), code spans (`` `*string` ``) and the escapes of generic brackets
 * (`\<`, `\\<`, `\|`) are removed:
 *
 * ```markdown
 * *Optional[str]*              List[[shared.X](../shared/x.md)]      Dict[str, *Any*]
 * **string*    `*float64`      [][*shared.X](../shared/x.md)         map[string]*any*
 * *Optional\<Long>*            Map\<String, List\\<*String*>>        Dictionary<String, *object*>
 * *?\Brick\Math\BigInteger*    array<string, [bool\|string](../x.md) T::Hash[Symbol, *::Object*]
 * ```
 *
 * Offsets in the result (and in a failure) are offsets in `cell`.
 */
export function parseCellExpr(cell: string, grammar: ExprGrammar): ExprParse {
  return parseExpr(reduceCell(cell), grammar);
}

/**
 * Parses a type expression written without markdown: a union heading's code span or a type in a
 * code block (`List[models.X]`, `array<string, Shared\Enum>`). Offsets are offsets in `text`.
 */
export function parsePlainExpr(text: string, grammar: ExprGrammar): ExprParse {
  const unescaped = unescapeGenerics(
    text,
    Array.from({ length: text.length + 1 }, (_, index) => index),
  );
  return parseExpr({ text: unescaped.text, offsets: unescaped.offsets, links: [] }, grammar);
}

function reduceCell(cell: string): ReducedCell {
  let text = "";
  const offsets: number[] = [];
  const links: { label: string; url: string; offset: number }[] = [];
  const linkAt = findLinks(cell);
  let at = 0;
  for (const link of linkAt) {
    appendPlain(cell, at, link.start, (chunk, offset) => {
      text += chunk;
      for (let index = 0; index < chunk.length; index += 1) offsets.push(offset + index);
    });
    text += LINK_MARK;
    offsets.push(link.start);
    links.push({ label: link.label, url: link.url, offset: link.start });
    at = link.end;
  }
  appendPlain(cell, at, cell.length, (chunk, offset) => {
    text += chunk;
    for (let index = 0; index < chunk.length; index += 1) offsets.push(offset + index);
  });
  offsets.push(cell.length);
  const unescaped = unescapeGenerics(text, offsets);
  return { text: unescaped.text, offsets: unescaped.offsets, links };
}

/**
 * Finds the links of a cell. A link ends with `](url)`; its label starts at the `[` that balances
 * the brackets before that point, so `List[[X](x.md)]` and `[Optional[X]](x.md)` both read right.
 */
function findLinks(cell: string): { start: number; end: number; label: string; url: string }[] {
  const links: { start: number; end: number; label: string; url: string }[] = [];
  let from = 0;
  for (;;) {
    const close = cell.indexOf("](", from);
    if (close < 0) break;
    const urlEnd = cell.indexOf(")", close + 2);
    if (urlEnd < 0) break;
    let depth = 0;
    let start = -1;
    for (let index = close - 1; index >= from; index -= 1) {
      const char = cell[index];
      if (char === "]") depth += 1;
      else if (char === "[") {
        if (depth === 0) {
          start = index;
          break;
        }
        depth -= 1;
      }
    }
    if (start < 0) {
      from = close + 2;
      continue;
    }
    links.push({ start, end: urlEnd + 1, label: cell.slice(start + 1, close).trim(), url: cell.slice(close + 2, urlEnd).trim() });
    from = urlEnd + 1;
  }
  return links;
}

/** Appends the text between links without its emphasis stars and code-span backticks. */
function appendPlain(cell: string, from: number, to: number, append: (chunk: string, offset: number) => void): void {
  let at = from;
  while (at < to) {
    const char = cell[at]!;
    if (char === "`") {
      at += 1;
      continue;
    }
    if (char === "*") {
      // An emphasis pair `*…*`: the opening star is dropped, and so is the closing one (the
      // next star that ends a word). Stars right after the opening one are Go pointers.
      const close = closingStar(cell, at, to);
      if (close >= 0) {
        let inner = at + 1;
        while (cell[inner] === "*" && inner < close) {
          append("*", inner);
          inner += 1;
        }
        appendPlain(cell, inner, close, append);
        at = close + 1;
        continue;
      }
    }
    append(char, at);
    at += 1;
  }
}

/** The star that closes the emphasis opened at `open`, or -1. */
function closingStar(cell: string, open: number, to: number): number {
  let inner = open + 1;
  while (cell[inner] === "*") inner += 1;
  for (let index = inner; index < to; index += 1) {
    if (cell[index] === "*" && index > inner && cell[index - 1] !== " ") return index;
  }
  return -1;
}

/** Removes the escapes of `<`, `>` and `|` (`\<`, `\\<`, `\|`) that keep markdown from reading them. */
function unescapeGenerics(text: string, offsets: readonly number[]): { text: string; offsets: number[] } {
  let out = "";
  const kept: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === "\\") {
      let next = index + 1;
      while (text[next] === "\\") next += 1;
      if ("<>|".includes(text[next] ?? "")) {
        index = next - 1;
        continue;
      }
    }
    out += text[index];
    kept.push(offsets[index]!);
  }
  kept.push(offsets[text.length] ?? text.length);
  return { text: out, offsets: kept };
}

class ExprSyntaxError {
  readonly at: number;
  readonly message: string;
  constructor(at: number, message: string) {
    this.at = at;
    this.message = message;
  }
}

interface ExprState {
  readonly cell: ReducedCell;
  readonly grammar: ExprGrammar;
  at: number;
  link: number;
  depth: number;
}

/** How deeply type arguments may nest: far beyond any real doc, well within the stack. */
const MAX_DEPTH = 64;

function parseExpr(cell: ReducedCell, grammar: ExprGrammar): ExprParse {
  const state: ExprState = { cell, grammar, at: 0, link: 0, depth: 0 };
  try {
    const expr = readUnion(state);
    skip(state);
    if (state.at < cell.text.length) fail(state, `unexpected "${shown(state)}"`);
    return { ok: true, expr };
  } catch (error) {
    if (error instanceof ExprSyntaxError) return { ok: false, offset: cell.offsets[error.at] ?? 0, message: error.message };
    throw error;
  }
}

function fail(state: ExprState, message: string): never {
  throw new ExprSyntaxError(state.at, message);
}

function shown(state: ExprState): string {
  return state.cell.text.slice(state.at, state.at + 12).replaceAll(LINK_MARK, "[link]");
}

function skip(state: ExprState): void {
  while (state.cell.text[state.at] === " " || state.cell.text[state.at] === "\t") state.at += 1;
}

function offsetOf(state: ExprState, at: number): number {
  return state.cell.offsets[at] ?? 0;
}

/** `postfix ("|" postfix)*` */
function readUnion(state: ExprState): TypeExpr {
  skip(state);
  const from = state.at;
  const members = [readPostfix(state)];
  for (;;) {
    skip(state);
    if (state.cell.text[state.at] !== "|") break;
    state.at += 1;
    members.push(readPostfix(state));
  }
  return members.length === 1 ? members[0]! : { kind: "union", members, offset: offsetOf(state, from) };
}

/** `prefix* atom ("[]")*` */
function readPostfix(state: ExprState): TypeExpr {
  skip(state);
  const from = state.at;
  const { text } = state.cell;
  for (const operator of state.grammar.prefixes) {
    if (text.startsWith(operator, state.at)) {
      if (++state.depth > MAX_DEPTH) fail(state, `types nest more than ${MAX_DEPTH} levels deep`);
      state.at += operator.length;
      const inner = readPostfix(state);
      state.depth -= 1;
      return { kind: "prefix", operator, inner, offset: offsetOf(state, from) };
    }
  }
  let expr = readAtom(state);
  while (text.startsWith("[]", state.at)) {
    state.at += 2;
    expr = { kind: "array-suffix", element: expr, offset: offsetOf(state, from) };
  }
  return expr;
}

const CLOSING = { "[": "]", "<": ">", "(": ")" } as const;

/** `link | "string" | number | name (bracket args bracket)?` */
function readAtom(state: ExprState): TypeExpr {
  const { text } = state.cell;
  const from = state.at;
  const char = text[from];
  if (char === LINK_MARK) {
    const link = state.cell.links[state.link++]!;
    state.at += 1;
    return { kind: "link", label: link.label, url: link.url, offset: link.offset };
  }
  if (char === '"' || char === "'") {
    let end = from + 1;
    while (end < text.length && text[end] !== char) end += text[end] === "\\" ? 2 : 1;
    if (end >= text.length) fail(state, "unterminated string literal");
    const raw = text.slice(from + 1, end);
    state.at = end + 1;
    return { kind: "string", value: raw.replace(/\\(.)/g, "$1"), offset: offsetOf(state, from) };
  }
  const number = /^-?\d+(?:\.\d+)?/.exec(text.slice(from));
  if (number) {
    state.at += number[0].length;
    return { kind: "number", value: Number(number[0]), text: number[0], offset: offsetOf(state, from) };
  }
  // Names take the separators of every language: `io.BufferedReader`, `::OpenApiSDK::Shared::X`,
  // `\Brick\Math\BigInteger`, `T::Array`, and Go's empty braces (`interface{}`).
  const name = /^(?:::|\\)?[A-Za-z_$][\w$]*(?:(?:\.|::|\\)[A-Za-z_$][\w$]*)*(?:\{\})?/.exec(text.slice(from));
  if (!name) fail(state, from >= text.length ? "missing type" : `unexpected "${shown(state)}"`);
  state.at += name[0].length;
  const open = text[state.at];
  if ((open === "[" && text[state.at + 1] !== "]") || open === "<" || open === "(") {
    if (++state.depth > MAX_DEPTH) fail(state, `types nest more than ${MAX_DEPTH} levels deep`);
    state.at += 1;
    const args: TypeExpr[] = [];
    skip(state);
    if (text[state.at] !== CLOSING[open]) {
      for (;;) {
        args.push(readUnion(state));
        skip(state);
        if (text[state.at] !== ",") break;
        state.at += 1;
      }
    }
    skip(state);
    if (text[state.at] !== CLOSING[open]) fail(state, `expected "${CLOSING[open]}" closing ${name[0]}${open}`);
    state.at += 1;
    state.depth -= 1;
    return { kind: "name", name: name[0], args, bracket: open, offset: offsetOf(state, from) };
  }
  return { kind: "name", name: name[0], args: null, bracket: null, offset: offsetOf(state, from) };
}
