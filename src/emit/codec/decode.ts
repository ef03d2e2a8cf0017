import { acceptsAnyValue } from "../../ir/nulls.js";
import type { TypeNode } from "../../ir/types.js";
import type { EmitContext } from "../context.js";
import { quote } from "../identifiers.js";
import { modelSymbol, runtimeSymbol, targetOf } from "../symbols.js";
import { typeText } from "../type-text.js";
import { hoistCodec } from "./hoist.js";
import { unionMembersConst } from "./union-members.js";

/**
 * The expression decoding the wire value `value` (found under `key` in its parent) into the model
 * form of `type`. The decoding context is the variable `c` of the enclosing decoder: without one
 * a bad value throws the runtime's fail marker, with one it is recorded as an issue.
 */
export function decodeExpr(context: EmitContext, type: TypeNode, value: string, key: string): string {
  const rt = (name: string) => runtimeSymbol(context, name);
  switch (type.kind) {
    case "primitive":
      switch (type.name) {
        case "any":
          return value;
        case "string":
          return `${rt("$string")}(${value}, c, ${key})`;
        case "number":
          return `${rt("$number")}(${value}, c, ${key})`;
        case "boolean":
          return `${rt("$boolean")}(${value}, c, ${key})`;
        case "bigint":
          return `${rt("$bigint")}(${value}, c, ${key})`;
        case "decimal":
          return `${rt("$decimal")}(${value}, c, ${key})`;
        default: {
          const unreachable: never = type;
          return unreachable;
        }
      }
    case "date-time":
      return `${rt("$dateTime")}(${value}, c, ${key})`;
    case "date":
      return `${rt("$dateOnly")}(${value}, c, ${key})`;
    case "literal":
      return `${rt("$literal")}(${value}, c, ${key}, ${typeof type.value === "string" ? quote(type.value) : String(type.value)})`;
    case "external":
      if (type.name === "AxiosResponse") return `(${rt("$axiosResponse")}(${value}, c, ${key}) as ${typeText(context, type)})`;
      return `(${rt("$external")}(${value}, c, ${key}, ${quote(type.name === "ReadableStream<Uint8Array>" ? "ReadableStream" : type.name)}) as ${typeText(context, type)})`;
    case "event-stream":
      return `(${rt("$external")}(${value}, c, ${key}, "AsyncIterable") as ${typeText(context, type)})`;
    case "ref":
      return `${modelSymbol(context, targetOf(context, type.target), "decode")}(${value}, c, ${key})`;
    case "array":
      return `${rt("$array")}(${value}, c, ${key}, ${decoderRef(context, type.element)})`;
    case "record":
      return `${rt("$record")}(${value}, c, ${key}, ${decoderRef(context, type.value)})`;
    case "union":
      return `(${rt("$union")}(${value}, c, ${key}, ${unionMembersConst(context, type.members)}) as ${typeText(context, type)})`;
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

/**
 * Whether the decoder of `type` accepts `undefined` (`any`, opaque models, unions with such a
 * member; see {@link acceptsAnyValue}). Every other decoder reports an undefined value under a
 * field key as a missing required field, so a required field needs no check of its own.
 */
export function decodesUndefined(context: EmitContext, type: TypeNode): boolean {
  return acceptsAnyValue(type, context.lookup);
}

/** A decoder function for `type`, to hand to `$array`, `$record` or a union member list. */
export function decoderRef(context: EmitContext, type: TypeNode): string {
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
    case "ref":
      return modelSymbol(context, targetOf(context, type.target), "decode");
    case "array":
      return hoistCodec(context, `${rt("$arrayOf")}(${decoderRef(context, type.element)})`);
    case "record":
      return hoistCodec(context, `${rt("$recordOf")}(${decoderRef(context, type.value)})`);
    default:
      return `(e: unknown, c: ${runtimeSymbol(context, "$Ctx", true)} | null, k?: string | number) => ${decodeExpr(context, type, "e", "k")}`;
  }
}
