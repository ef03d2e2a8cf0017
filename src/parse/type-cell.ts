import type { Point, Span, TypeNode } from "../ir/types.js";
import { spanAt } from "./source.js";
import { QUALIFIED_NAME, builtinType, isAbsoluteUrl, isRfcDateUrl, linkedBuiltinType } from "./type-words.js";

/** The outcome of parsing a type: the tree, or the offset and reason of the first problem. */
export type TypeParse =
  | { readonly ok: true; readonly type: TypeNode }
  | { readonly ok: false; readonly offset: number; readonly message: string };

/** Thrown inside the recursive descent to unwind to {@link parseTypeCell}; never escapes it. */
class TypeSyntaxError {
  readonly offset: number;
  readonly message: string;
  constructor(offset: number, message: string) {
    this.offset = offset;
    this.message = message;
  }
}

/**
 * Parses a Type cell of a Fields table (FORMAT.md section 3) into a type tree:
 *
 * ```markdown
 * *string*            *number*[]          *"click"*          *true*
 * *components.Union*  *BigInt*            *ReadableStream<Uint8Array>*
 * [models.X](../../models/shared/x.md)[]  [Date](https://developer.mozilla.org/…)
 * [RFCDate](../../types/rfcdate.md)       Record<string, [ns.X](…)[]>
 * [File](…) \| [Blob](…) \| [operations.FileT](…)
 * ```
 *
 * `cellStart` is the point where the cell text begins; spans of the nodes are relative to it.
 */
export function parseTypeCell(text: string, cellStart: Point): TypeParse {
  const state: State = { text, cellStart, at: 0, depth: 0 };
  try {
    const type = parseUnion(state);
    skipSpaces(state);
    if (state.at < text.length) fail(state, `unexpected "${text.slice(state.at, state.at + 12)}"`);
    return { ok: true, type };
  } catch (error) {
    if (error instanceof TypeSyntaxError) return { ok: false, offset: error.offset, message: error.message };
    throw error;
  }
}

interface State {
  readonly text: string;
  readonly cellStart: Point;
  at: number;
  depth: number;
}

/** How deeply `Record<…>` may nest: far beyond any real doc, well within the stack. */
export const MAX_TYPE_DEPTH = 64;

function fail(state: State, message: string): never {
  throw new TypeSyntaxError(state.at, message);
}

function skipSpaces(state: State): void {
  while (state.text.charCodeAt(state.at) === 32 || state.text.charCodeAt(state.at) === 9) state.at += 1;
}

function span(state: State, from: number) {
  return spanAt(state.cellStart, from, state.at - from);
}

/** `postfix ( "\|" postfix )*` */
function parseUnion(state: State): TypeNode {
  const from = state.at;
  const members = [parsePostfix(state)];
  for (;;) {
    skipSpaces(state);
    if (!state.text.startsWith("\\|", state.at)) break;
    state.at += 2;
    skipSpaces(state);
    members.push(parsePostfix(state));
  }
  return members.length === 1 ? members[0]! : { kind: "union", members, span: span(state, from) };
}

/** `atom ("[]")*` */
function parsePostfix(state: State): TypeNode {
  const from = state.at;
  let type = parseAtom(state);
  let arrays = 0;
  while (state.text.startsWith("[]", state.at)) {
    if (state.depth + ++arrays > MAX_TYPE_DEPTH) fail(state, `types nest more than ${MAX_TYPE_DEPTH} levels deep`);
    state.at += 2;
    type = { kind: "array", element: type, span: span(state, from) };
  }
  return type;
}

/** `"*" inner "*"  |  link  |  "Record<string, " type ">"` */
function parseAtom(state: State): TypeNode {
  const { text } = state;
  const from = state.at;
  if (text.startsWith("Record<", from)) {
    if (++state.depth > MAX_TYPE_DEPTH) fail(state, `types nest more than ${MAX_TYPE_DEPTH} levels deep`);
    state.at += "Record<".length;
    skipSpaces(state);
    if (!text.startsWith("string", state.at)) fail(state, "a Record key must be string");
    state.at += "string".length;
    skipSpaces(state);
    if (text[state.at] !== ",") fail(state, 'expected "," after the Record key');
    state.at += 1;
    skipSpaces(state);
    const value = parseUnion(state);
    skipSpaces(state);
    if (text[state.at] !== ">") fail(state, 'expected ">" closing Record<');
    state.at += 1;
    state.depth -= 1;
    return { kind: "record", value, span: span(state, from) };
  }
  if (text[from] === "[") return parseLink(state);
  if (text[from] === "*") return parseEmphasis(state);
  return fail(state, from >= text.length ? "missing type" : `unexpected "${text.slice(from, from + 12)}"`);
}

/** `"[" text "](" url ")"` */
function parseLink(state: State): TypeNode {
  const { text } = state;
  const from = state.at;
  const close = text.indexOf("](", from);
  if (close < 0) fail(state, "unterminated link");
  const urlEnd = text.indexOf(")", close + 2);
  if (urlEnd < 0) fail(state, "unterminated link URL");
  const label = text.slice(from + 1, close).trim();
  const url = text.slice(close + 2, urlEnd).trim();
  state.at = urlEnd + 1;
  const nodeSpan = span(state, from);
  if (isRfcDateUrl(url)) return { kind: "date", span: nodeSpan };
  if (isAbsoluteUrl(url)) {
    const builtin = linkedBuiltinType(label, nodeSpan);
    if (!builtin) {
      state.at = from;
      fail(state, `the link [${label}](${url}) names no known type`);
    }
    return builtin;
  }
  if (url === "" || url.startsWith("#")) {
    state.at = from;
    fail(state, `the link [${label}](${url}) has no document URL`);
  }
  return { kind: "ref", via: { form: "link", url, text: label }, target: null, span: nodeSpan };
}

/** `"*" (word | ns.Name | "literal" | EventStream<ns.X>) "*"` */
function parseEmphasis(state: State): TypeNode {
  const { text } = state;
  const from = state.at;
  state.at += 1;
  if (text[state.at] === '"') {
    const literal = readStringLiteral(state);
    if (text[state.at] !== "*") fail(state, "expected * after the literal");
    state.at += 1;
    return { kind: "literal", value: literal, span: span(state, from) };
  }
  const close = text.indexOf("*", state.at);
  if (close < 0) fail({ ...state, at: from }, "unterminated *emphasis*");
  const word = text.slice(state.at, close);
  const wordStart = state.at;
  const streams = /^(?:EventStream<)*/.exec(word)![0].length / "EventStream<".length;
  if (state.depth + streams > MAX_TYPE_DEPTH) {
    fail({ ...state, at: wordStart + (MAX_TYPE_DEPTH - state.depth) * "EventStream<".length }, `types nest more than ${MAX_TYPE_DEPTH} levels deep`);
  }
  state.at = close + 1;
  return (
    wordType(word, (offset, length) => spanAt(state.cellStart, wordStart + offset, length), span(state, from), state.depth) ??
    fail({ ...state, at: from }, `unknown type "${word}"`)
  );
}

/**
 * Resolves the word inside `*…*`: a built-in, a number literal, `EventStream<…>`, or a name.
 * `nodeSpan` covers the whole emphasis; `spanOf` gives the span of a part of the word.
 */
function wordType(word: string, spanOf: (offset: number, length: number) => Span, nodeSpan: Span, depth: number): TypeNode | null {
  const builtin = builtinType(word, nodeSpan);
  if (builtin) return builtin;
  if (/^-?\d+(\.\d+)?$/.test(word)) return { kind: "literal", value: Number(word), span: nodeSpan };
  const stream = /^EventStream<(.+)>$/.exec(word);
  if (stream) {
    if (depth >= MAX_TYPE_DEPTH) return null;
    const inner = stream[1]!;
    const offset = "EventStream<".length;
    const event = wordType(inner, (at, length) => spanOf(offset + at, length), spanOf(offset, inner.length), depth + 1);
    return event ? { kind: "event-stream", event, span: nodeSpan } : null;
  }
  const name = QUALIFIED_NAME.exec(word);
  if (!name) return null;
  return {
    kind: "ref",
    via: { form: "name", namespace: name[1] ?? null, name: name[2]! },
    target: null,
    span: nodeSpan,
  };
}

/** Reads a JSON string literal starting at the opening quote. */
function readStringLiteral(state: State): string {
  const { text } = state;
  const from = state.at;
  let index = from + 1;
  while (index < text.length && text[index] !== '"') index += text[index] === "\\" ? 2 : 1;
  if (index >= text.length) fail(state, "unterminated string literal");
  const raw = text.slice(from, index + 1);
  state.at = index + 1;
  try {
    return JSON.parse(raw) as string;
  } catch {
    state.at = from;
    return fail(state, `invalid string literal ${raw}`);
  }
}


