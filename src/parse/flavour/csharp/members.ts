import type { PrimitiveName, Span, TypeNode } from "../../../ir/types.js";

/** The member names the C# generator gives JSON scalars in its union classes. */
const SCALAR_MEMBERS: Readonly<Record<string, PrimitiveName | "date-time" | "date">> = {
  Str: "string",
  String: "string",
  Integer: "number",
  Int32: "number",
  Int64: "number",
  Long: "number",
  Number: "number",
  Float32: "number",
  Float64: "number",
  Double: "number",
  Boolean: "boolean",
  Bool: "boolean",
  Bigint: "bigint",
  BigInteger: "bigint",
  Decimal: "decimal",
  DateTime: "date-time",
  Date: "date",
  Any: "any",
};

/** A class name cannot start with a digit: the generator spells the digit out (`ArrayOf1` holds `One`). */
const DIGITS = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"];

/**
 * The type of a C# union member from its name, the only thing the doc says about it:
 *
 * - the scalar names `Str`, `Integer`, `Int32`, `Number`, `Float32`, `Boolean`, `Bigint`,
 *   `Decimal`, `DateTime`, `Date`, `Any`;
 * - `ArrayOfX` and `MapOfX`: an array of, or a string-keyed map of, the type named `X`
 *   (`ArrayOfStr`, `MapOfAny`, `ArrayOfArrayOfSimpleObject`);
 * - any other name a model, in any folder (`SimpleObject`); the name may also be a value of the
 *   union's discriminator (`Tag1`), which names no doc: resolution then reads it as `any` and
 *   warns (see the README, "C#").
 */
export function memberType(name: string, span: Span): TypeNode {
  const scalar = Object.hasOwn(SCALAR_MEMBERS, name) ? SCALAR_MEMBERS[name]! : null;
  if (scalar === "date-time" || scalar === "date") return { kind: scalar, span };
  if (scalar) return { kind: "primitive", name: scalar, span };
  const container = /^(ArrayOf|MapOf)([A-Z0-9]\w*)$/.exec(name);
  if (container) {
    const inner = memberType(container[2]!, span);
    return container[1] === "ArrayOf" ? { kind: "array", element: inner, span } : { kind: "record", value: inner, span };
  }
  const model = /^[0-9]/.test(name) ? DIGITS[Number(name[0])]! + name.slice(1) : name;
  return { kind: "ref", via: { form: "name", namespace: null, name: model, guessed: true }, target: null, span };
}
