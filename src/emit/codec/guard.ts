import type { TypeNode } from "../../ir/types.js";
import type { EmitContext } from "../context.js";
import { quote } from "../identifiers.js";
import { modelSymbol, runtimeSymbol, targetOf } from "../symbols.js";
import { hoistCodec } from "./hoist.js";

/**
 * The boolean expression checking that the in-memory value `value` has the model form of `type`
 * (a valid `Date` for date-times, a `YYYY-MM-DD` string for dates, `isY` for models).
 */
export function guardExpr(context: EmitContext, type: TypeNode, value: string): string {
  const rt = (name: string) => runtimeSymbol(context, name);
  switch (type.kind) {
    case "primitive":
      switch (type.name) {
        case "any":
          return "true";
        case "string":
          return `typeof ${value} === "string"`;
        case "boolean":
          return `typeof ${value} === "boolean"`;
        case "bigint":
          return `typeof ${value} === "bigint"`;
        case "number":
          return `${rt("$isNumber")}(${value})`;
        case "decimal":
          return `${rt("$isDecimal")}(${value})`;
        default: {
          const unreachable: never = type;
          return unreachable;
        }
      }
    case "date-time":
      return `${rt("$isDate")}(${value})`;
    case "date":
      return `${rt("$isDateOnly")}(${value})`;
    case "literal":
      return `${value} === ${typeof type.value === "string" ? quote(type.value) : String(type.value)}`;
    case "external":
      if (type.name === "AxiosResponse") return `${rt("$isAxiosResponse")}(${value})`;
      return `${rt("$isExternal")}(${value}, ${quote(type.name === "ReadableStream<Uint8Array>" ? "ReadableStream" : type.name)})`;
    case "event-stream":
      return `${rt("$isExternal")}(${value}, "AsyncIterable")`;
    case "ref":
      return `${modelSymbol(context, targetOf(context, type.target), "guard")}(${value})`;
    case "array":
      return `${rt("$isArrayOf")}(${value}, ${guardRef(context, type.element)})`;
    case "record":
      return `${rt("$isRecordOf")}(${value}, ${guardRef(context, type.value)})`;
    case "union":
      return `(${type.members.map((member) => guardExpr(context, member, value)).join(" || ")})`;
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

/** A guard function for `type`, for `$isArrayOf`, `$isRecordOf` and union member lists. */
export function guardRef(context: EmitContext, type: TypeNode): string {
  const rt = (name: string) => runtimeSymbol(context, name);
  switch (type.kind) {
    case "primitive":
      return rt(
        { any: "$isUnknown", string: "$isString", number: "$isNumber", boolean: "$isBoolean", bigint: "$isBigint", decimal: "$isDecimal" }[type.name],
      );
    case "date-time":
      return rt("$isDate");
    case "date":
      return rt("$isDateOnly");
    case "ref":
      return modelSymbol(context, targetOf(context, type.target), "guard");
    case "array":
      return hoistCodec(context, `${rt("$arrayCheck")}(${guardRef(context, type.element)})`);
    case "record":
      return hoistCodec(context, `${rt("$recordCheck")}(${guardRef(context, type.value)})`);
    default:
      return `(e: unknown) => ${guardExpr(context, type, "e")}`;
  }
}
