import { CODES } from "../ir/codes.js";
import type { UnionMember } from "../ir/types.js";
import { clip } from "./fields.js";
import { toPoint, type Section } from "./outline.js";
import { type DocSource, report, shiftPoint } from "./source.js";
import { parseTypeHeading } from "./type-heading.js";

/**
 * Reads the members of a `## Supported Types` section: one `###` heading holding a TypeScript
 * type in backticks per member, each usually followed by an example block:
 *
 * ````markdown
 * ### `components.SystemMessage`
 *
 * ```typescript
 * const value: components.SystemMessage = { role: "system", content: "<value>" };
 * ```
 *
 * ### `string[]`
 * ````
 *
 * A type may be listed twice (an SDK renders `integer` and `number` both as `number`); members are
 * kept as written. Returns null after reporting when a heading is malformed or there is no member.
 */
export function readUnion(source: DocSource, section: Section): UnionMember[] | null {
  const members: UnionMember[] = [];
  let valid = true;
  let last: { type: UnionMember["type"]; example: string | null; span: UnionMember["span"] } | null = null;
  for (const node of section.nodes) {
    if (node.type === "heading" && node.depth === 3) {
      const start = toPoint(node.position!.start);
      const raw = source.text.slice(start.offset, node.position!.end.offset ?? start.offset);
      const match = /^###\s+`([^`]*)`\s*$/.exec(raw);
      if (!match) {
        report(source, start, "error", CODES.badUnionMember, `expected a union member heading such as ### \`ns.X\`, got "${clip(raw)}"`);
        valid = false;
        last = null;
        continue;
      }
      const typeStart = shiftPoint(start, raw.indexOf("`") + 1);
      const parsed = parseTypeHeading(match[1]!, typeStart);
      if (!parsed.ok) {
        report(source, shiftPoint(typeStart, parsed.offset), "error", CODES.badUnionMember, `the union member \`${clip(match[1]!)}\` is not a documented type: ${parsed.message}`);
        valid = false;
        last = null;
        continue;
      }
      last = { type: parsed.type, example: null, span: { start, end: toPoint(node.position!.end) } };
      members.push(last);
    } else if (node.type === "code" && last && last.example === null) {
      last.example = node.value;
    }
  }
  if (valid && members.length === 0) {
    report(source, section.start, "error", CODES.missingBody, "the ## Supported Types section lists no member");
    return null;
  }
  return valid ? members : null;
}
