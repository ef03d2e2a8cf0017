/** How enums are declared (DESIGN.md section 3). */
export type EnumStyle = "const" | "enum" | "union";

/** What `*any*` becomes in declarations. */
export type AnyType = "unknown" | "any";

/** The options of the emit stage. */
export interface EmitOptions {
  /** `const` (default): `as const` object plus a type; `enum`: a TS enum; `union`: a literal union. */
  readonly enumStyle: EnumStyle;
  /** `unknown` (default) or `any`. */
  readonly anyType: AnyType;
}

/** The defaults of {@link EmitOptions}. */
export const DEFAULT_EMIT_OPTIONS: EmitOptions = { enumStyle: "const", anyType: "unknown" };
