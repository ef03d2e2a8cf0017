import type { TypeNode } from "../../ir/types.js";
import type { EmitContext } from "../context.js";
import { quote } from "../identifiers.js";
import { targetOf } from "../symbols.js";
import { wireName } from "../wire-names.js";
import { decoderRef } from "./decode.js";
import { encoderRef } from "./encode.js";
import { guardRef } from "./guard.js";

/**
 * The array literal describing union members for the runtime's `$union`, `$isUnion` and
 * `$encodeUnion`: each member's decoder, guard and encoder, and, for object members, the wire
 * keys and property names used to prefer the member that keeps the most of a value.
 */
export function unionMembersLiteral(context: EmitContext, members: readonly TypeNode[]): string {
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const member of members) {
    const decode = decoderRef(context, member);
    if (seen.has(decode)) continue;
    seen.add(decode);
    let keys = "null";
    let wireKeys = "null";
    if (member.kind === "ref") {
      const target = targetOf(context, member.target);
      if (target.kind === "object") {
        keys = `[${target.fields.map((field) => quote(field.name)).join(", ")}]`;
        wireKeys = `[${target.fields.map((field) => quote(wireName(target.id, field, context.options.wireNames))).join(", ")}]`;
      }
    }
    entries.push(`{ decode: ${decode}, is: ${guardRef(context, member)}, encode: ${encoderRef(context, member)}, wireKeys: ${wireKeys}, keys: ${keys} }`);
  }
  return `[\n${entries.join(",\n")}\n]`;
}

/**
 * The name of a module-level constant holding the member list of an inline union (a Type cell
 * such as `[File](…) \| [Blob](…) \| [ns.X](…)`), declared once per distinct list.
 */
export function unionMembersConst(context: EmitContext, members: readonly TypeNode[]): string {
  const literal = unionMembersLiteral(context, members);
  const existing = context.inlineUnions.get(literal);
  if (existing) return existing;
  const name = `$union${context.inlineUnions.size}`;
  context.inlineUnions.set(literal, name);
  context.scope.taken.add(name);
  return name;
}
