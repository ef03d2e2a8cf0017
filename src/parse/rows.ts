import type { Table } from "mdast";
import type { Point } from "../ir/types.js";
import { toPoint } from "./outline.js";
import { type Cell, splitRow } from "./table.js";

/** A table as rows of cells, header first, with the point where each row starts. */
export interface TableRows {
  readonly header: readonly Cell[];
  readonly headerStart: Point;
  readonly body: ReadonlyArray<{ readonly cells: readonly Cell[]; readonly start: Point; readonly length: number }>;
}

/**
 * Reads a GFM table node back from the source into cells, splitting each row on unescaped pipes
 * (see `splitRow`) so that cell counts, positions and escapes are exactly what the doc says.
 */
export function readTableRows(table: Table, text: string): TableRows {
  const rows = table.children.map((row) => {
    const start = toPoint(row.position!.start);
    const line = text.slice(start.offset, row.position!.end.offset ?? start.offset);
    return { cells: splitRow(line, start), start, length: line.length };
  });
  const [head, ...body] = rows;
  return { header: head!.cells, headerStart: head!.start, body };
}
