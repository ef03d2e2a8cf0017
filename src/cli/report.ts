import type { Diagnostic } from "../ir/types.js";

/**
 * Formats diagnostics for a terminal: `file:line:col  severity  message  [CODE]`, the file shown
 * relative to the working folder through `displayPath`, followed by a code frame (the source line
 * and a caret under the column) when the doc text is known.
 */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  displayPath: (file: string) => string,
  sourceOf: (file: string) => string | undefined,
): string {
  return diagnostics
    .map((diagnostic) => {
      const head = `${displayPath(diagnostic.file)}:${diagnostic.line}:${diagnostic.column}  ${diagnostic.severity}  ${diagnostic.message}  [${diagnostic.code}]`;
      if (diagnostic.severity === "info") return head;
      const line = sourceOf(diagnostic.file)?.split("\n")[diagnostic.line - 1];
      if (line === undefined) return head;
      const start = Math.max(0, diagnostic.column - 1 - 60);
      const excerpt = line.slice(start, start + 120);
      const gutter = `${diagnostic.line} | `;
      return `${head}\n  ${gutter}${excerpt}\n  ${" ".repeat(gutter.length + diagnostic.column - 1 - start)}^`;
    })
    .join("\n");
}
