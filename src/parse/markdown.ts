import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

/** The frozen unified processor: CommonMark plus GFM tables and strikethrough. */
const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/** Parses markdown text into an mdast tree whose nodes carry source positions. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
