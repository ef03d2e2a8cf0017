import type { FlavourName } from "./ir/types.js";
import type { AnyType, EnumStyle, NullPolicy, RequiredNullPolicy, UnknownKeys, WireCase, WireOverrides } from "./emit/options.js";

/**
 * The contents of `mdspec.config.{ts,mts,mjs,js,json}`. Paths are relative to the config file;
 * command-line flags override every key.
 */
export interface MdspecConfig {
  /** The docs root (default `specs`). */
  readonly input?: string;
  /** The output folder (default `generated`). */
  readonly out?: string;
  readonly wireNames?: {
    /** How property names become wire keys (default `preserve`). */
    readonly case?: WireCase;
    /** Per-doc overrides, or the path of a JSON file holding them. */
    readonly overrides?: WireOverrides | string;
  };
  /** `const` (default), `enum` or `union`. */
  readonly enumStyle?: EnumStyle;
  /** What `*any*` becomes: `unknown` (default) or `any`. */
  readonly anyType?: AnyType;
  /** Input keys a model does not declare: `strip` (default), `passthrough`, `strict`. */
  readonly unknownKeys?: UnknownKeys;
  /** `null` in an optional field: `absent` (default) or `reject`. */
  readonly nulls?: NullPolicy;
  /** `null` in a required field: `reject` (default) or `accept` (typed `T | null`). */
  readonly requiredNulls?: RequiredNullPolicy;
  /** Also write an OpenAPI 3.1 document of the models (`components.schemas`) to this `.json` file. */
  readonly openapi?: string;
  /** Also write a JSON Schema 2020-12 bundle of the models (`$defs`) to this `.json` file. */
  readonly jsonSchema?: string;
  /** The exported documents' `info`: title (default: the docs root's folder name) and version (default `0.0.0`). */
  readonly info?: { readonly title?: string; readonly version?: string };
  /** The SDK language the docs were written for: `auto` (default, told from the docs) or one language. */
  readonly flavour?: FlavourName | "auto";
}

/** Declares an mdspec config with type checking: `export default defineConfig({ ... })`. */
export function defineConfig(config: MdspecConfig): MdspecConfig {
  return config;
}
