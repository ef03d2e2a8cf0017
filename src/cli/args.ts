import { parseArgs } from "node:util";
import type { AnyType, EnumStyle, NullPolicy, RequiredNullPolicy, UnknownKeys, WireCase } from "../emit/options.js";
import { WIRE_CASES } from "../emit/options.js";
import { FLAVOUR_NAMES, type FlavourName } from "../ir/types.js";

/** A parsed command line; unset options are left to the config file and the defaults. */
export interface Command {
  readonly command: "generate" | "ir" | "help" | "version";
  readonly input: string | undefined;
  readonly out: string | undefined;
  readonly config: string | undefined;
  readonly check: boolean;
  readonly watch: boolean;
  readonly enumStyle: EnumStyle | undefined;
  readonly anyType: AnyType | undefined;
  readonly unknownKeys: UnknownKeys | undefined;
  readonly nulls: NullPolicy | undefined;
  readonly requiredNulls: RequiredNullPolicy | undefined;
  readonly wireCase: WireCase | undefined;
  readonly wireOverrides: string | undefined;
  /** Where to write the OpenAPI document, as given (relative to the working folder). */
  readonly openapi: string | undefined;
  /** Where to write the JSON Schema bundle, as given. */
  readonly jsonSchema: string | undefined;
  readonly infoTitle: string | undefined;
  readonly infoVersion: string | undefined;
  readonly flavour: FlavourName | "auto" | undefined;
  readonly reporter: "text" | "json";
}

/** A command line that cannot be run: the message to print, exit code 2. */
export class UsageError extends Error {}

/** The text of `mdspec --help`. */
export const USAGE = `Usage: mdspec [generate] [options]
       mdspec ir [--input DIR]

Generates TypeScript types, validators and serializers from Speakeasy-style markdown model docs.

Commands:
  generate                 write the TypeScript for the docs (default)
  ir                       print the intermediate schema as JSON

Options:
  --input DIR              docs root (default: specs)
  --out DIR                output folder (default: generated)
  --config FILE            config file (default: mdspec.config.{ts,mts,mjs,js,json}, searched upward)
  --check                  write nothing; exit 1 and list what drifted, model by model
  --watch                  regenerate on every change of a doc, until Ctrl-C
  --enum-style STYLE       const (default) | enum | union
  --any-type TYPE          what *any* becomes: unknown (default) | any
  --unknown-keys POLICY    strip (default) | passthrough | strict
  --nulls POLICY           null in an optional field: absent (default) | reject
  --required-nulls POLICY  null in a required field: reject (default) | accept (typed T | null)
  --wire-case CASE         preserve (default) | snake_case | camelCase | PascalCase | kebab-case
  --wire-overrides FILE    JSON: { "<doc path>": { "<property>": "<wire name>" } }
  --openapi FILE           also write an OpenAPI 3.1 document of the models (components.schemas)
  --json-schema FILE       also write a JSON Schema 2020-12 bundle of the models ($defs)
  --info-title TEXT        the exported documents' title (default: the docs root's folder name)
  --info-version TEXT      the OpenAPI document's info.version (default: 0.0.0)
  --flavour LANGUAGE       the SDK language of the docs: auto (default) | ${FLAVOUR_NAMES.join(" | ")}
  --reporter FORMAT        text (default) | json
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 ok, 1 drift or doc errors, 2 usage or configuration error.`;

/** Parses argv (without `node` and the script); throws {@link UsageError} on a bad command line. */
export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        input: { type: "string" },
        out: { type: "string" },
        config: { type: "string" },
        check: { type: "boolean" },
        watch: { type: "boolean" },
        "enum-style": { type: "string" },
        "any-type": { type: "string" },
        "unknown-keys": { type: "string" },
        nulls: { type: "string" },
        "required-nulls": { type: "string" },
        "wire-case": { type: "string" },
        "wire-overrides": { type: "string" },
        openapi: { type: "string" },
        "json-schema": { type: "string" },
        "info-title": { type: "string" },
        "info-version": { type: "string" },
        flavour: { type: "string" },
        reporter: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  const name = positionals[0] ?? "generate";
  if (name !== "generate" && name !== "ir") throw new UsageError(`unknown command "${name}"`);
  const oneOf = <T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined => {
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      throw new UsageError(`--${flag} must be one of ${allowed.join(", ")}; got "${value}"`);
    }
    return value as T;
  };
  const nonEmpty = (flag: string, value: string | undefined): string | undefined => {
    if (value === "") throw new UsageError(`--${flag} must not be empty`);
    return value;
  };
  if (values.check && values.watch) throw new UsageError("--check and --watch cannot be combined");
  return {
    command: values.help ? "help" : values.version ? "version" : name,
    input: values.input,
    out: values.out,
    config: values.config,
    check: values.check ?? false,
    watch: values.watch ?? false,
    enumStyle: oneOf("enum-style", values["enum-style"], ["const", "enum", "union"] as const),
    anyType: oneOf("any-type", values["any-type"], ["unknown", "any"] as const),
    unknownKeys: oneOf("unknown-keys", values["unknown-keys"], ["strip", "passthrough", "strict"] as const),
    nulls: oneOf("nulls", values.nulls, ["absent", "reject"] as const),
    requiredNulls: oneOf("required-nulls", values["required-nulls"], ["reject", "accept"] as const),
    wireCase: oneOf("wire-case", values["wire-case"], WIRE_CASES),
    wireOverrides: values["wire-overrides"],
    openapi: nonEmpty("openapi", values.openapi),
    jsonSchema: nonEmpty("json-schema", values["json-schema"]),
    infoTitle: nonEmpty("info-title", values["info-title"]),
    infoVersion: nonEmpty("info-version", values["info-version"]),
    flavour: oneOf("flavour", values.flavour, ["auto", ...FLAVOUR_NAMES] as const),
    reporter: oneOf("reporter", values.reporter, ["text", "json"] as const) ?? "text",
  };
}
