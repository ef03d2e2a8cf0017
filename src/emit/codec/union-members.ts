import type { TypeNode } from "../../ir/types.js";
import type { EmitContext } from "../context.js";
import { quote } from "../identifiers.js";
import { targetOf } from "../symbols.js";
import { wireName } from "../../ir/wire-names.js";
import { decoderRef } from "./decode.js";
import { encoderRef } from "./encode.js";
import { guardRef } from "./guard.js";

/**
 * One member of a union as the runtime's `$UnionMember` describes it: its decoder, guard and
 * encoder, and, for object members, the quoted wire keys and property names used to prefer the
 * member that keeps the most of a value (null for other members).
 */
export interface UnionMemberEntry {
  readonly decode: string;
  readonly is: string;
  readonly encode: string;
  readonly wireKeys: readonly string[] | null;
  readonly keys: readonly string[] | null;
}

/** The entries of a union's member list, each distinct decoder once (docs may list `number` twice). */
export function unionMemberEntries(context: EmitContext, members: readonly TypeNode[]): UnionMemberEntry[] {
  const seen = new Set<string>();
  const entries: UnionMemberEntry[] = [];
  for (const member of members) {
    const decode = decoderRef(context, member);
    if (seen.has(decode)) continue;
    seen.add(decode);
    let keys: string[] | null = null;
    let wireKeys: string[] | null = null;
    if (member.kind === "ref") {
      const target = targetOf(context, member.target);
      if (target.kind === "object") {
        keys = target.fields.map((field) => quote(field.name));
        wireKeys = target.fields.map((field) => quote(wireName(target.id, field, context.options.wireNames)));
      }
    }
    entries.push({ decode, is: guardRef(context, member), encode: encoderRef(context, member), wireKeys, keys });
  }
  return entries;
}

/** The properties of a member entry in literal order, arrays as their quoted items. */
export function memberProperties(entry: UnionMemberEntry): [string, string | readonly string[]][] {
  return [
    ["decode", entry.decode],
    ["is", entry.is],
    ["encode", entry.encode],
    ["wireKeys", entry.wireKeys ?? "null"],
    ["keys", entry.keys ?? "null"],
  ];
}

/** The array literal of a member list, for prettier to format (see `preformat.ts` for the rest). */
export function unionMembersLiteral(entries: readonly UnionMemberEntry[]): string {
  const object = (entry: UnionMemberEntry) =>
    `{ ${memberProperties(entry)
      .map(([key, value]) => `${key}: ${typeof value === "string" ? value : `[${value.join(", ")}]`}`)
      .join(", ")} }`;
  return `[\n${entries.map(object).join(",\n")}\n]`;
}

/**
 * The name of a module-level constant holding the member list of an inline union (a Type cell
 * such as `[File](…) \| [Blob](…) \| [ns.X](…)`), declared once per distinct list.
 */
export function unionMembersConst(context: EmitContext, members: readonly TypeNode[]): string {
  const entries = unionMemberEntries(context, members);
  const literal = unionMembersLiteral(entries);
  const existing = context.inlineUnions.get(literal);
  if (existing) return existing.name;
  const name = `$union${context.inlineUnions.size}`;
  context.inlineUnions.set(literal, { name, entries });
  context.scope.taken.add(name);
  return name;
}
