/** How enums are declared (DESIGN.md section 3). */
export type EnumStyle = "const" | "enum" | "union";

/** What `*any*` becomes in declarations. */
export type AnyType = "unknown" | "any";

/** How property names become wire (JSON) keys by default. */
export type WireCase = "preserve" | "snake_case" | "camelCase" | "PascalCase" | "kebab-case";

/** Every {@link WireCase}, for validating user input. */
export const WIRE_CASES: readonly WireCase[] = ["preserve", "snake_case", "camelCase", "PascalCase", "kebab-case"];

/** Wire-name overrides: doc path relative to the root, then property name, then wire name. */
export type WireOverrides = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The wire-name configuration of DESIGN.md section 3. */
export interface WireNames {
  readonly case: WireCase;
  readonly overrides: WireOverrides;
}

/** What decoders do with input keys that a model does not declare. */
export type UnknownKeys = "strip" | "passthrough" | "strict";

/** What decoders do with `null` in an optional field (docs never show nullability). */
export type NullPolicy = "absent" | "reject";

/**
 * What decoders do with `null` in a required field. TypeScript-flavour docs cannot show that a
 * field is nullable, and real APIs send null in fields the docs mark required.
 */
export type RequiredNullPolicy = "reject" | "accept";

/** The options of the emit stage. */
export interface EmitOptions {
  /** `const` (default): `as const` object plus a type; `enum`: a TS enum; `union`: a literal union. */
  readonly enumStyle: EnumStyle;
  /** `unknown` (default) or `any`. */
  readonly anyType: AnyType;
  readonly wireNames: WireNames;
  /** `strip` (default): dropped; `passthrough`: kept as they are; `strict`: an issue. */
  readonly unknownKeys: UnknownKeys;
  /** `absent` (default): null in an optional field decodes as absent; `reject`: an issue. */
  readonly nulls: NullPolicy;
  /** `reject` (default): null in a required field is an issue; `accept`: kept, typed `T | null`. */
  readonly requiredNulls: RequiredNullPolicy;
}

/** The defaults of {@link EmitOptions}. */
export const DEFAULT_EMIT_OPTIONS: EmitOptions = {
  enumStyle: "const",
  anyType: "unknown",
  wireNames: { case: "preserve", overrides: {} },
  unknownKeys: "strip",
  nulls: "absent",
  requiredNulls: "reject",
};
