import type { NullPolicy, RequiredNullPolicy } from "../emit/options.js";
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
  return (field.nullable || (field.required && requiredNulls === "accept")) && !acceptsAnyValue(field.type, lookup) && !isNullConstant(field.type);
}

/**
 * Whether a type is the constant `null` (Python's `Literal[None]`): its decoder takes null as its
 * value, and its field needs no `| null` of its own.
 */
export function isNullConstant(type: TypeNode): boolean {
  return type.kind === "literal" && type.value === null;
}

/**
 * Whether a declared field's wire value may be null (`T | null` in `XJson`, null allowed by its
 * exported schema): a field that takes null ({@link takesNull}), and, under `--nulls absent`, an
 * optional field, whose decoder reads null as absent. A type that accepts every value anyway
 * (`*any*`, opaque models) needs no null of its own. The model type `X` says `T | null` only for
 * {@link takesNull}: a null read as absent never reaches it.
 */
export function wireTakesNull(field: Field, nulls: NullPolicy, requiredNulls: RequiredNullPolicy, lookup: (id: string) => Model | undefined): boolean {
  if (takesNull(field, requiredNulls, lookup)) return true;
  return !field.required && nulls === "absent" && !acceptsAnyValue(field.type, lookup) && !isNullConstant(field.type);
}

/**
 * Whether the values of a catch-all row may be null on the wire: under `--nulls absent` a null
 * value is read as absent (the key is dropped), unless the values' type accepts every value
 * anyway (`*any*` values keep null as data).
 */
export function extraTakesNull(type: TypeNode, nulls: NullPolicy, lookup: (id: string) => Model | undefined): boolean {
  return nulls === "absent" && !acceptsAnyValue(type, lookup);
}
