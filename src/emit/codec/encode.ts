import type { TypeNode } from "../../ir/types.js";
import type { EmitContext } from "../context.js";
import { modelSymbol, runtimeSymbol, targetOf } from "../symbols.js";
import { typeText } from "../type-text.js";
import { hoistCodec } from "./hoist.js";
import { unionMembersConst } from "./union-members.js";

/** Whether the wire form of a type is its model form, so encoding it is the identity. */
export function isIdentityEncoded(context: EmitContext, type: TypeNode): boolean {
  switch (type.kind) {
    case "primitive":
      return type.name !== "bigint" && type.name !== "decimal";
    case "date":
    case "literal":
    case "external":
    case "event-stream":
      return true;
    case "date-time":
      return false;
    case "ref": {
      const kind = targetOf(context, type.target).kind;
      return kind === "enum" || kind === "opaque";
    }
    case "array":
      return isIdentityEncoded(context, type.element);
    case "record":
      return isIdentityEncoded(context, type.value);
    case "union":
      return type.members.every((member) => isIdentityEncoded(context, member));
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

/**
 * The expression encoding the model value `value` of `type` into its wire form: ISO strings for
 * date-times (as `toISOString()` writes them), decimal text for `bigint` and `Decimal`,
 * `serializeY` for nested objects and unions. Values whose two forms are the same are passed
 * through (arrays of them are shared). Encoding never validates: every helper returns a value
 * outside its type as it is, so a serializer cannot fail inside on one.
 */
export function encodeExpr(context: EmitContext, type: TypeNode, value: string): string {
  if (isIdentityEncoded(context, type)) return value;
  switch (type.kind) {
    case "primitive":
    case "date-time":
      return type.kind === "date-time" ? `${runtimeSymbol(context, "$isoDateTime")}(${value})` : `${runtimeSymbol(context, "$decimalText")}(${value})`;
    case "ref":
      return `${modelSymbol(context, targetOf(context, type.target), "serialize")}(${value})`;
    case "array":
      return `${runtimeSymbol(context, "$mapArray")}(${value}, ${encoderRef(context, type.element)})`;
    case "record":
      return `${runtimeSymbol(context, "$mapRecord")}(${value}, ${encoderRef(context, type.value)})`;
    case "union":
      return `(${runtimeSymbol(context, "$encodeUnion")}(${value}, ${unionMembersConst(context, type.members)}) as ${typeText(context, type, "wire")})`;
    default:
      return value;
  }
}

/** An encoder function for `type`, for a union member list or an array's elements. */
export function encoderRef(context: EmitContext, type: TypeNode): string {
  if (isIdentityEncoded(context, type)) return runtimeSymbol(context, "$identity");
  if (type.kind === "ref") return modelSymbol(context, targetOf(context, type.target), "serialize");
  if (type.kind === "date-time") return runtimeSymbol(context, "$isoDateTime");
  if (type.kind === "primitive") return runtimeSymbol(context, "$decimalText");
  if (type.kind === "array") return hoistCodec(context, `${runtimeSymbol(context, "$arrayEncoder")}(${encoderRef(context, type.element)})`);
  if (type.kind === "record") return hoistCodec(context, `${runtimeSymbol(context, "$recordEncoder")}(${encoderRef(context, type.value)})`);
  return `(m: ${typeText(context, type)}) => ${encodeExpr(context, type, "m")}`;
}
