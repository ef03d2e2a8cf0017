import type { Point, TypeNode } from "../ir/types.js";
import { spanAt } from "./source.js";
import { MAX_TYPE_DEPTH, type TypeParse } from "./type-cell.js";
import { QUALIFIED_NAME, builtinType } from "./type-words.js";

/** Thrown inside the recursive descent to unwind to {@link parseTypeHeading}; never escapes it. */
class HeadingSyntaxError {
  readonly offset: number;
  readonly message: string;
  constructor(offset: number, message: string) {
    this.offset = offset;
    this.message = message;
  }
}

interface State {
  readonly text: string;
  readonly start: Point;
  at: number;
  depth: number;
}

/**
 * Parses the TypeScript type of a union member heading (FORMAT.md section 6), the text between the
 * backticks of `` ### `T` ``:
 *
 * ```markdown
 * ### `components.AssistantMessage`
 * ### `string[]`
 * ### `{ [k: string]: shared.X }`
 * ### `ReadableStream<Uint8Array>`
 * ### `EventStream<operations.SpeechStreamEvents>`
 * ```
 *
 * `start` is the point where the type text begins.
 */
export function parseTypeHeading(text: string, start: Point): TypeParse {
  const state: State = { text, start, at: 0, depth: 0 };
  try {
    const type = parseUnion(state);
    skip(state);
    if (state.at < text.length) fail(state, `unexpected "${text.slice(state.at, state.at + 12)}"`);
    return { ok: true, type };
  } catch (error) {
    if (error instanceof HeadingSyntaxError) return { ok: false, offset: error.offset, message: error.message };
    throw error;
  }
}

function fail(state: State, message: string): never {
  throw new HeadingSyntaxError(state.at, message);
}

function skip(state: State): void {
  while (/\s/.test(state.text[state.at] ?? "")) state.at += 1;
}

function expect(state: State, token: string): void {
  skip(state);
  if (!state.text.startsWith(token, state.at)) fail(state, `expected "${token}"`);
  state.at += token.length;
}

function span(state: State, from: number) {
  return spanAt(state.start, from, state.at - from);
}

function parseUnion(state: State): TypeNode {
  skip(state);
  const from = state.at;
  const members = [parsePostfix(state)];
  for (;;) {
    skip(state);
    if (state.text[state.at] !== "|") break;
    state.at += 1;
    members.push(parsePostfix(state));
  }
  return members.length === 1 ? members[0]! : { kind: "union", members, span: span(state, from) };
}

function parsePostfix(state: State): TypeNode {
  skip(state);
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

function parseAtom(state: State): TypeNode {
  if (++state.depth > MAX_TYPE_DEPTH) fail(state, `types nest more than ${MAX_TYPE_DEPTH} levels deep`);
  const type = parseNestedAtom(state);
  state.depth -= 1;
  return type;
}

function parseNestedAtom(state: State): TypeNode {
  const { text } = state;
  const from = state.at;
  if (text[from] === "(") {
    state.at += 1;
    const inner = parseUnion(state);
    expect(state, ")");
    return inner;
  }
  if (text[from] === "{") {
    state.at += 1;
    expect(state, "[");
    skip(state);
    const key = /^[A-Za-z_$][\w$]*/.exec(text.slice(state.at));
    if (!key) fail(state, "expected an index key name");
    state.at += key[0].length;
    expect(state, ":");
    expect(state, "string");
    expect(state, "]");
    expect(state, ":");
    const value = parseUnion(state);
    skip(state);
    if (text[state.at] === ";") state.at += 1;
    expect(state, "}");
    return { kind: "record", value, span: span(state, from) };
  }
  if (text[from] === '"') {
    let index = from + 1;
    while (index < text.length && text[index] !== '"') index += text[index] === "\\" ? 2 : 1;
    if (index >= text.length) fail(state, "unterminated string literal");
    state.at = index + 1;
    try {
      return { kind: "literal", value: JSON.parse(text.slice(from, index + 1)) as string, span: span(state, from) };
    } catch {
      state.at = from;
      return fail(state, "invalid string literal");
    }
  }
  const word = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?|^-?\d+(?:\.\d+)?/.exec(text.slice(from));
  if (!word) fail(state, from >= text.length ? "missing type" : `unexpected "${text.slice(from, from + 12)}"`);
  state.at += word[0].length;
  if (/^-?\d/.test(word[0])) return { kind: "literal", value: Number(word[0]), span: span(state, from) };
  if (text[state.at] === "<") {
    state.at += 1;
    const argument = parseUnion(state);
    expect(state, word[0] === "Record" ? "," : ">");
    if (word[0] === "Record") {
      const value = parseUnion(state);
      expect(state, ">");
      if (!(argument.kind === "primitive" && argument.name === "string")) {
        state.at = from;
        fail(state, "a Record key must be string");
      }
      return { kind: "record", value, span: span(state, from) };
    }
    const nodeSpan = span(state, from);
    if (word[0] === "EventStream") return { kind: "event-stream", event: argument, span: nodeSpan };
    if (word[0] === "ReadableStream" && argument.kind === "external" && argument.name === "Uint8Array") {
      return { kind: "external", name: "ReadableStream<Uint8Array>", span: nodeSpan };
    }
    state.at = from;
    return fail(state, `unknown generic type ${word[0]}<…>`);
  }
  const nodeSpan = span(state, from);
  const builtin = builtinType(word[0], nodeSpan);
  if (builtin) return builtin;
  const name = QUALIFIED_NAME.exec(word[0])!;
  return {
    kind: "ref",
    via: { form: "name", namespace: name[1] ?? null, name: name[2]! },
    target: null,
    span: nodeSpan,
  };
}
