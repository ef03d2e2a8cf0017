import type { RequiredNullPolicy } from "../emit/options.js";
import type { Field, Model, TypeNode } from "./types.js";

/**
 * Whether the decoder of `type` accepts every value, `undefined` and `null` included: `*any*`,
 * opaque models, and unions (inline or models) with such a member. `seen` stops at recursive
 * unions. The emitter relies on it to skip the missing-field check of such required fields, and
 * the schema export to leave them unconstrained.
 */
export function acceptsAnyValue(type: TypeNode, lookup: (id: string) => Model | undefined, seen: ReadonlySet<string> = new Set()): boolean {
  switch (type.kind) {
    case "primitive":
      return type.name === "any";
    case "ref": {
      const target = type.target === null ? undefined : lookup(type.target);
      if (!target) return false;
      if (target.kind === "opaque") return true;
      if (target.kind !== "union" || seen.has(target.id)) return false;
      return target.members.some((member) => acceptsAnyValue(member.type, lookup, new Set([...seen, target.id])));
    }
    case "union":
      return type.members.some((member) => acceptsAnyValue(member, lookup, seen));
    case "date-time":
    case "date":
    case "literal":
    case "external":
    case "event-stream":
    case "array":
    case "record":
      return false;
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

/**
 * Whether a declared field takes `null` on the wire and in its types (`T | null`): a field the
 * doc says is nullable (docs of other SDK languages say so), and a required field under
 * `--required-nulls accept`, unless its type accepts every value anyway.
 */
export function takesNull(field: Field, requiredNulls: RequiredNullPolicy, lookup: (id: string) => Model | undefined): boolean {
  return (field.nullable || (field.required && requiredNulls === "accept")) && !acceptsAnyValue(field.type, lookup);
}
