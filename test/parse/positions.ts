import type { Point, Span } from "../../src/ir/types.js";
import { readProjectFile } from "../helpers.js";

/** The text of a fixture doc of `test/fixtures/parse/`. */
export function fixtureText(name: string): string {
  return readProjectFile(`test/fixtures/parse/${name}.md`);
}

/** The point at 1-based `line` and `column` of `text`, with its 0-based offset. */
export function pointIn(text: string, line: number, column: number): Point {
  const lines = text.split("\n");
  if (line < 1 || line > lines.length + 1) throw new Error(`line ${line} is outside the text`);
  let offset = 0;
  for (let index = 0; index < line - 1; index += 1) offset += lines[index]!.length + 1;
  return { line, column, offset: offset + column - 1 };
}

/** The single-line span of `length` characters starting at `line`:`column`. */
export function spanIn(text: string, line: number, column: number, length: number): Span {
  return { start: pointIn(text, line, column), end: pointIn(text, line, column + length) };
}

/** The span of a whole line (a table row, a heading) of `text`. */
export function lineSpan(text: string, line: number): Span {
  const content = text.split("\n")[line - 1];
  if (content === undefined) throw new Error(`no line ${line}`);
  return spanIn(text, line, 1, content.length);
}

/** The span of the first occurrence of `needle` on `line`. */
export function spanOf(text: string, line: number, needle: string): Span {
  const content = text.split("\n")[line - 1] ?? "";
  const index = content.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" is not on line ${line}`);
  return spanIn(text, line, index + 1, needle.length);
}
