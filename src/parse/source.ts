import type { Diagnostic, Point, Severity, Span } from "../ir/types.js";

/**
 * A doc being parsed: its path relative to the docs root, its text, and the diagnostics found so
 * far. Parser functions append to `diagnostics`; the array is local to one `parseDoc` call.
 */
export interface DocSource {
  readonly path: string;
  readonly text: string;
  readonly diagnostics: Diagnostic[];
}

/** Records a diagnostic at `point` of the doc. */
export function report(
  source: DocSource,
  point: Point,
  severity: Severity,
  code: string,
  message: string,
): void {
  source.diagnostics.push({
    file: source.path,
    line: point.line,
    column: point.column,
    severity,
    code,
    message,
  });
}

/** Returns the point `delta` characters to the right of `point` on the same line. */
export function shiftPoint(point: Point, delta: number): Point {
  return { line: point.line, column: point.column + delta, offset: point.offset + delta };
}

/** Returns the single-line span of `length` characters starting `delta` characters after `point`. */
export function spanAt(point: Point, delta: number, length: number): Span {
  const start = shiftPoint(point, delta);
  return { start, end: shiftPoint(start, length) };
}
