import type { JSDocStructure, JSDocTagStructure } from "ts-morph";
import { StructureKind, printStructure } from "ts-morph";

/** What a JSDoc block says about a model or field. */
export interface DocText {
  readonly description: string | null;
  readonly deprecated: boolean;
  readonly example?: string | null;
}

/**
 * Builds the JSDoc of a declaration: the description (markdown, `<br/>` already turned into line
 * breaks), `@deprecated`, and `@example`. Doc text can never close the comment (`*\/` and `/*`
 * are broken up) nor start a tag of its own (a line starting with `@` is escaped).
 */
export function jsDocOf(text: DocText): JSDocStructure[] {
  const tags: JSDocTagStructure[] = [];
  if (text.deprecated) tags.push({ kind: StructureKind.JSDocTag, tagName: "deprecated" });
  if (text.example) tags.push({ kind: StructureKind.JSDocTag, tagName: "example", text: commentSafe(text.example) });
  const description = text.description ? commentSafe(text.description) : undefined;
  if (!description && tags.length === 0) return [];
  return [{ kind: StructureKind.JSDoc, ...(description ? { description } : {}), tags }];
}

/** Makes text safe inside a block comment. */
export function commentSafe(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/\*\//g, "*\\/")
    // ts-morph's JSDoc printer mangles text around a `/*` (it can emit a stray `*/`), so break those up too.
    .replace(/\/\*/g, "/\\*")
    .replace(/^(\s*)@/gm, "$1\\@")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
}

/**
 * The lines of a top-level declaration's JSDoc as ts-morph prints them (which prettier keeps as
 * they are when `docLinesKept` says so), for declarations printed in prettier's layout.
 */
export function printDocs(docs: JSDocStructure[]): string[] {
  if (docs.length === 0) return [];
  const printed = printStructure({ kind: StructureKind.TypeAlias, name: "X", type: "0", docs }, { indentNumberOfSpaces: 2 });
  return printed.replace(/\n+$/, "").split("\n").slice(0, -1);
}
