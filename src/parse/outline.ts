import type { Heading, Root, RootContent } from "mdast";
import type { Point } from "../ir/types.js";

/** The section headings that mark a model doc, by the exact text of a `##` heading. */
export const MODEL_SECTIONS = ["Fields", "Values", "Supported Types"] as const;

/** One of {@link MODEL_SECTIONS}. */
export type ModelSectionName = (typeof MODEL_SECTIONS)[number];

/** A `##` section: its heading text, where the heading starts, and the blocks under it. */
export interface Section {
  readonly heading: string;
  readonly start: Point;
  readonly nodes: readonly RootContent[];
}

/** The block structure of a doc: title line, description and `##` sections. */
export interface Outline {
  /** The H1 that opens the doc, as written after `# `; null when the first block is not an H1. */
  readonly title: { readonly raw: string; readonly start: Point } | null;
  /** Markdown between the title and the first model or Example Usage section, trimmed. */
  readonly description: string | null;
  /** Every `##` section in order, including headings inside a description. */
  readonly sections: readonly Section[];
  /** The sections whose heading is a model section or `Example Usage`, by heading text. */
  readonly known: ReadonlyMap<string, Section>;
}

const KNOWN_HEADINGS = new Set<string>([...MODEL_SECTIONS, "Example Usage"]);

/**
 * Cuts a parsed doc into its outline:
 *
 * ```markdown
 * # SyncRun
 *
 * Free description, possibly with lists, tables or `##` headings of its own.
 *
 * ## Example Usage
 * ...
 * ## Fields
 * ...
 * ```
 *
 * A section runs from its `##` heading to the next heading of depth 1 or 2. Sections are chosen
 * by their exact heading text, never by position, since descriptions may hold tables and headings.
 */
export function outlineDoc(tree: Root, text: string): Outline {
  const children = tree.children;
  const first = children[0];
  let title: Outline["title"] = null;
  if (first && first.type === "heading" && first.depth === 1 && first.position) {
    const { start, end } = first.position;
    const raw = text.slice(start.offset ?? 0, end.offset ?? 0).replace(/^#\s*/, "").replace(/\s+#*\s*$/, "");
    title = { raw, start: toPoint(start) };
  }
  const sections: Section[] = [];
  const known = new Map<string, Section>();
  let current: { heading: string; start: Point; nodes: RootContent[] } | null = null;
  for (let index = title ? 1 : 0; index < children.length; index += 1) {
    const node = children[index]!;
    if (node.type === "heading" && node.depth <= 2) {
      current = null;
      if (node.depth === 2) {
        current = { heading: headingText(node, text), start: toPoint(node.position!.start), nodes: [] };
        sections.push(current);
        if (KNOWN_HEADINGS.has(current.heading) && !known.has(current.heading)) {
          known.set(current.heading, current);
        }
      }
      continue;
    }
    current?.nodes.push(node);
  }
  return { title, description: describe(children, text, title !== null, known), sections, known };
}

/** Returns the raw text of a heading after its `#` marks. */
function headingText(node: Heading, text: string): string {
  const { start, end } = node.position!;
  return text
    .slice(start.offset ?? 0, end.offset ?? 0)
    .replace(/^#+\s*/, "")
    .replace(/\s+#*\s*$/, "")
    .trim();
}

/** Slices the description: from after the title to the first known section heading. */
function describe(
  children: readonly RootContent[],
  text: string,
  hasTitle: boolean,
  known: ReadonlyMap<string, Section>,
): string | null {
  const first = children[0];
  const from = hasTitle && first?.position ? (first.position.end.offset ?? 0) : 0;
  let to = text.length;
  for (const section of known.values()) to = Math.min(to, section.start.offset);
  const description = text.slice(from, to).trim();
  return description === "" ? null : description;
}

/** Converts a unist point to an IR point. */
export function toPoint(point: { line: number; column: number; offset?: number | undefined }): Point {
  return { line: point.line, column: point.column, offset: point.offset ?? 0 };
}
