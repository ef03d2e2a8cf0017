import { styleText } from "node:util";
import type { Diagnostic, Severity } from "../ir/types.js";

/** How diagnostics are shown: colour only on a terminal and never when NO_COLOR is set. */
export interface ReportStyle {
  readonly color: boolean;
}

const SEVERITY_COLOR: Record<Severity, "red" | "yellow" | "blue"> = { error: "red", warning: "yellow", info: "blue" };

/**
 * Formats diagnostics for a terminal: `file:line:col  severity  message  [CODE]`, the file shown
 * relative to the working folder through `displayPath`, followed by a code frame (the source line
 * and a caret under the column) for errors and warnings when the doc text is known.
 */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  displayPath: (file: string) => string,
  sourceOf: (file: string) => string | undefined,
  style: ReportStyle = { color: false },
): string {
  const paint = (format: Parameters<typeof styleText>[0], text: string) => (style.color ? styleText(format, text) : text);
  return diagnostics
    .map((diagnostic) => {
      const where = `${displayPath(diagnostic.file)}:${diagnostic.line}:${diagnostic.column}`;
      const head = `${paint("bold", where)}  ${paint(SEVERITY_COLOR[diagnostic.severity], diagnostic.severity)}  ${diagnostic.message}  ${paint("dim", `[${diagnostic.code}]`)}`;
      if (diagnostic.severity === "info") return head;
      const line = sourceOf(diagnostic.file)?.split("\n")[diagnostic.line - 1];
      if (line === undefined) return head;
      const start = Math.max(0, diagnostic.column - 1 - 60);
      const excerpt = line.slice(start, start + 120);
      const gutter = `${diagnostic.line} | `;
      return `${head}\n  ${paint("dim", gutter)}${excerpt}\n  ${" ".repeat(gutter.length + diagnostic.column - 1 - start)}${paint(SEVERITY_COLOR[diagnostic.severity], "^")}`;
    })
    .join("\n");
}

/**
 * Formats errors and warnings as GitHub Actions workflow commands, which the Actions runner shows
 * as annotations on the doc's line. Property values and the message are escaped as the runner
 * requires.
 */
export function formatGitHubAnnotations(diagnostics: readonly Diagnostic[], displayPath: (file: string) => string): string {
  const escapeData = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const escapeProperty = (text: string) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
  return diagnostics
    .filter((diagnostic) => diagnostic.severity !== "info")
    .map(
      (diagnostic) =>
        `::${diagnostic.severity} file=${escapeProperty(displayPath(diagnostic.file))},line=${diagnostic.line},col=${diagnostic.column},title=${escapeProperty(diagnostic.code)}::${escapeData(diagnostic.message)}`,
    )
    .join("\n");
}

/** Counts diagnostics by severity. */
export function countSeverities(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of diagnostics) counts[diagnostic.severity] += 1;
  return counts;
}
