import { CODES } from "../ir/codes.js";
import type { Point, UnionMember } from "../ir/types.js";
import type { FlavourFrontEnd } from "./flavour/flavour.js";
import { TYPESCRIPT } from "./flavour/typescript/index.js";
import { clip } from "./fields.js";
import { toPoint, type Section } from "./outline.js";
import { type DocSource, report, shiftPoint } from "./source.js";

/**
 * Reads the members of a `## Supported Types` section: one `###` heading per member, each usually
 * followed by an example block. In TypeScript docs the heading holds the member's type:
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
 * Other languages' docs write the heading and the block their own way (Go: `### ExampleBoat`
 * and a constructor call); the `flavour` reads each heading with the block after it. A type may
 * be listed twice (an SDK renders `integer` and `number` both as `number`); members are kept as
 * written. Returns null after reporting when a heading is malformed or there is no member.
 */
export function readUnion(source: DocSource, section: Section, flavour: FlavourFrontEnd = TYPESCRIPT, modelTitle = ""): UnionMember[] | null {
  const headings: { start: Point; end: Point; heading: string; headingStart: Point; code: string | null }[] = [];
  for (const node of section.nodes) {
    if (node.type === "heading" && node.depth === 3) {
      const start = toPoint(node.position!.start);
      const raw = source.text.slice(start.offset, node.position!.end.offset ?? start.offset);
      const text = raw.replace(/^###/, "");
      const lead = text.length - text.trimStart().length;
      headings.push({ start, end: toPoint(node.position!.end), heading: text.trim(), headingStart: shiftPoint(start, 3 + lead), code: null });
    } else if (node.type === "code" && headings.length > 0 && headings[headings.length - 1]!.code === null) {
      headings[headings.length - 1]!.code = node.value;
    }
  }
  const members: UnionMember[] = [];
  let valid = true;
  for (const entry of headings) {
    const parsed = flavour.readUnionMember({ heading: entry.heading, headingStart: entry.headingStart, code: entry.code, modelTitle });
    if (!parsed.ok) {
      report(source, parsed.offset < 0 ? entry.start : shiftPoint(entry.headingStart, parsed.offset), "error", CODES.badUnionMember, parsed.message);
      valid = false;
      continue;
    }
    for (const loss of parsed.losses) report(source, shiftPoint(entry.headingStart, loss.offset), "warning", CODES.flavourLoss, loss.message);
    members.push({ type: parsed.type, example: entry.code, span: { start: entry.start, end: entry.end } });
  }
  if (valid && members.length === 0) {
    report(source, section.start, "error", CODES.missingBody, "the ## Supported Types section lists no member");
    return null;
  }
  return valid ? members : null;
}
