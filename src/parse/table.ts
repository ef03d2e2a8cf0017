import type { Point } from "../ir/types.js";
import { shiftPoint } from "./source.js";

/** One cell of a markdown table row: its trimmed text and the point where that text starts. */
export interface Cell {
  readonly text: string;
  readonly start: Point;
}

/**
 * Splits one markdown table row into its cells, on unescaped pipes, the way the generator that
 * wrote the docs escapes them (`\|` is always a literal pipe, also inside code spans):
 *
 * ```markdown
 * | `name` | *string* | :heavy_check_mark: | A `\|`-separated list. |
 * ```
 *
 * The leading and trailing pipes are optional; cell text is trimmed, and each cell records the
 * point where its trimmed text begins.
 */
export function splitRow(line: string, lineStart: Point): Cell[] {
  const cells: Cell[] = [];
  let begin = 0;
  let index = 0;
  const bounds: Array<[number, number]> = [];
  while (index < line.length) {
    const code = line.charCodeAt(index);
    if (code === 92 /* \ */) {
      index += 2;
      continue;
    }
    if (code === 124 /* | */) {
      bounds.push([begin, index]);
      begin = index + 1;
    }
    index += 1;
  }
  bounds.push([begin, line.length]);
  // A leading pipe leaves an empty first segment and a trailing pipe an empty last one.
  if (bounds.length > 1 && line.slice(bounds[0]![0], bounds[0]![1]).trim() === "") bounds.shift();
  const last = bounds[bounds.length - 1];
  if (bounds.length > 1 && last && line.slice(last[0], last[1]).trim() === "") bounds.pop();
  for (const [from, to] of bounds) {
    const raw = line.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    cells.push({ text: raw.trim(), start: shiftPoint(lineStart, from + lead) });
  }
  return cells;
}
