import type { JSDocStructure, JSDocTagStructure } from "ts-morph";
import { StructureKind } from "ts-morph";

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
