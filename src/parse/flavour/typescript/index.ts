import { clip } from "../../fields.js";
import { parseTypeCell } from "../../type-cell.js";
import { parseTypeHeading } from "../../type-heading.js";
import type { FlavourFrontEnd, FlavourMemberParse, UnionMemberSource } from "../flavour.js";

/**
 * The TypeScript docs, the format's origin: names are the SDK's own, nothing is nullable in the
 * docs, and a union member heading is a TypeScript type in backticks (FORMAT.md).
 */
export const TYPESCRIPT: FlavourFrontEnd = {
  name: "typescript",
  readTypeCell(cell, cellStart) {
    const parsed = parseTypeCell(cell, cellStart);
    return parsed.ok ? { ok: true, type: parsed.type, nullable: false, losses: [] } : parsed;
  },
  modelName: (title) => title,
  propertyName: (fieldCell) => fieldCell,
  enumMemberName: (nameCell) => nameCell,
  titleOnlyLoss: null,
  readUnionMember: readTypeScriptMember,
};

/**
 * Reads a member heading holding a TypeScript type in backticks:
 *
 * ```markdown
 * ### `components.SystemMessage`
 * ### `string[]`
 * ```
 */
function readTypeScriptMember(member: UnionMemberSource): FlavourMemberParse {
  const match = /^`([^`]*)`$/.exec(member.heading);
  if (!match) return { ok: false, offset: -1, message: `expected a union member heading such as ### \`ns.X\`, got "${clip(`### ${member.heading}`)}"` };
  const parsed = parseTypeHeading(match[1]!, { ...member.headingStart, column: member.headingStart.column + 1, offset: member.headingStart.offset + 1 });
  if (parsed.ok) return { ok: true, type: parsed.type, losses: [] };
  return { ok: false, offset: parsed.offset + 1, message: `the union member \`${clip(match[1]!)}\` is not a documented type: ${parsed.message}` };
}
