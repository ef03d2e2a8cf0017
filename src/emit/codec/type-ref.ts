import { acceptsAnyValue } from "../../ir/nulls.js";
import type { TypeNode } from "../../ir/types.js";
import type { EmitContext } from "../context.js";
import { quote } from "../identifiers.js";
import { modelSymbol, runtimeSymbol, targetOf } from "../symbols.js";

/**
 * The expression naming the runtime `$Type` of `type` in a field or member list: a scalar's
 * constant (`$string`, `$dateTime`), a combinator call (`$array($string)`, `$record(FooSchema)`,
 * `$literal("x")`, `$anyOf($string, FooSchema)`, `$external("Blob")`), or, for a model, its
 * `XSchema`, which the runtime maps to the model's type. The runtime reads these when the model
 * is first used, so they may name models whose modules have not finished loading.
 */
export function typeRef(context: EmitContext, type: TypeNode): string {
  const rt = (name: string) => runtimeSymbol(context, name);
  switch (type.kind) {
    case "primitive":
      switch (type.name) {
        case "any":
          return rt("$unknown");
        case "string":
          return rt("$string");
        case "number":
          return rt("$number");
        case "boolean":
          return rt("$boolean");
        case "bigint":
          return rt("$bigint");
        case "decimal":
          return rt("$decimal");
        default: {
          const unreachable: never = type;
          return unreachable;
        }
      }
    case "date-time":
      return rt("$dateTime");
    case "date":
      return rt("$dateOnly");
    case "literal":
      return `${rt("$literal")}(${typeof type.value === "string" ? quote(type.value) : String(type.value)})`;
    case "external":
      if (type.name === "AxiosResponse") return rt("$axiosResponse");
      return `${rt("$external")}(${quote(type.name === "ReadableStream<Uint8Array>" ? "ReadableStream" : type.name)})`;
    case "event-stream":
      return `${rt("$external")}("AsyncIterable")`;
    case "ref":
      return modelSymbol(context, targetOf(context, type.target), "schema");
    case "array":
      return `${rt("$array")}(${typeRef(context, type.element)})`;
    case "record":
      return `${rt("$record")}(${typeRef(context, type.value)})`;
    case "union":
      return `${rt("$anyOf")}(${memberRefs(context, type.members).join(", ")})`;
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

/** The types of a union's members, each distinct one once (docs may list `number` twice). */
export function memberRefs(context: EmitContext, members: readonly TypeNode[]): string[] {
  return [...new Set(members.map((member) => typeRef(context, member)))];
}

/**
 * Whether the decoder of `type` accepts every value, `undefined` and `null` included (`*any*`,
 * opaque models, unions with such a member; see {@link acceptsAnyValue}). A required field of
 * such a type hands null to its decoder; every other decoder rejects both.
 */
export function decodesUndefined(context: EmitContext, type: TypeNode): boolean {
  return acceptsAnyValue(type, context.lookup);
}
