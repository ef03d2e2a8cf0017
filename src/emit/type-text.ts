import type { TypeNode } from "../ir/types.js";
import type { EmitContext } from "./context.js";
import { EXTERNAL_TYPES } from "./externals.js";
import { quote } from "./identifiers.js";
import { globalName } from "./scope.js";
import { modelSymbol, runtimeSymbol, targetOf } from "./symbols.js";

/** Which side of the codec a type is printed for. */
export type TypeMode = "model" | "wire";

/**
 * Prints the TypeScript type of a type node. In the model form: `Date` for date-times, the
 * runtime's `DateOnly` for date-only values, `bigint`, the runtime's `Decimal` or a number. In the wire form
 * (the `XJson` types): ISO strings for dates, `string | number` for `bigint` and `Decimal` (a
 * decimal string or a number, as the decoders take them), and the
 * `YJson` type of referenced objects and unions. `unknown` for `*any*` (unless configured),
 * `{ [key: string]: T }` for records (never the global `Record`, which a model may shadow).
 *
 * Printing registers the imports the type needs in the file's scope; callers print every type
 * once with {@link collectTypeImports} before printing for real, so shadowed globals are known.
 */
export function typeText(context: EmitContext, type: TypeNode, mode: TypeMode = "model"): string {
  switch (type.kind) {
    case "primitive":
      switch (type.name) {
        case "any":
          return context.options.anyType;
        // The decoders take a decimal string or a (safe integer, finite) number; the serializers
        // write the string.
        case "bigint":
          return mode === "wire" ? "string | number" : "bigint";
        case "decimal":
          // A decimal number read from JSON stays a number, as Speakeasy's SDKs type it.
          return mode === "wire" ? "string | number" : `${runtimeSymbol(context, "Decimal", true)} | number`;
        default:
          return type.name;
      }
    case "date-time":
      return mode === "wire" ? "string" : globalName(context.scope, "Date");
    case "date":
      return mode === "wire" ? "string" : runtimeSymbol(context, "DateOnly", true);
    case "literal":
      return typeof type.value === "string" ? quote(type.value) : String(type.value);
    case "external": {
      const mapping = EXTERNAL_TYPES[type.name];
      if (mapping.runtime) return runtimeSymbol(context, mapping.runtime, true);
      const name = globalName(context.scope, mapping.global!);
      return mapping.args ? `${name}<${globalName(context.scope, "Uint8Array")}>` : name;
    }
    case "ref": {
      const target = targetOf(context, type.target);
      const wireForm = mode === "wire" && (target.kind === "object" || target.kind === "union");
      return modelSymbol(context, target, wireForm ? "json" : "type");
    }
    case "array": {
      const members = typeParts(context, type.element, mode);
      return members.length > 1 ? `(${members.join(" | ")})[]` : `${members[0]}[]`;
    }
    case "record":
      return `{ [key: string]: ${typeText(context, type.value, mode)} }`;
    case "union":
      return unionMemberTexts(context, type.members, mode).join(" | ");
    case "event-stream":
      // A stream is not JSON: its wire form is the model form, passed through as it is.
      return `${globalName(context.scope, "AsyncIterable")}<${typeText(context, type.event, "model")}>`;
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

/**
 * The printed members of a union, each once (docs may list `number` twice, and a wire
 * `*BigInt*` beside `*string*` gives `string` twice).
 */
export function unionMemberTexts(context: EmitContext, members: readonly TypeNode[], mode: TypeMode = "model"): string[] {
  return [...new Set(members.flatMap((member) => typeParts(context, member, mode)))];
}

/**
 * The members of the union a type prints as, each once: those of an inline union, `string` and
 * `number` for a wire `*BigInt*` or `*Decimal*`, `Decimal` and `number` for a model `*Decimal*`,
 * else the type alone.
 */
export function typeParts(context: EmitContext, type: TypeNode, mode: TypeMode = "model"): string[] {
  if (type.kind === "union") return unionMemberTexts(context, type.members, mode);
  if (mode === "wire" && type.kind === "primitive" && (type.name === "bigint" || type.name === "decimal")) return ["string", "number"];
  if (type.kind === "primitive" && type.name === "decimal") return [runtimeSymbol(context, "Decimal", true), "number"];
  return [typeText(context, type, mode)];
}

/** Registers the imports a type needs, in both forms, without using the text. */
export function collectTypeImports(context: EmitContext, type: TypeNode): void {
  typeText(context, type, "model");
  typeText(context, type, "wire");
}
