import { parseArgs } from "node:util";
import { type EnumStyle, WIRE_CASES, type WireCase } from "../emit/options.js";

/** A parsed command line. */
export interface Command {
  readonly command: "generate" | "ir" | "help" | "version";
  readonly input: string;
  readonly out: string;
  readonly check: boolean;
  readonly enumStyle: EnumStyle | undefined;
  readonly anyType: "unknown" | "any" | undefined;
  readonly wireCase: WireCase | undefined;
  readonly wireOverrides: string | undefined;
  readonly reporter: "text" | "json";
}

/** A command line that cannot be run: the message to print, exit code 2. */
export class UsageError extends Error {}

/** The text of `mdspec --help`. */
export const USAGE = `Usage: mdspec [generate] [options]
       mdspec ir [--input DIR]

Generates TypeScript types from Speakeasy-style markdown model docs.

Commands:
  generate                 write the TypeScript for the docs (default)
  ir                       print the intermediate schema as JSON

Options:
  --input DIR              docs root (default: specs)
  --out DIR                output folder (default: generated)
  --check                  write nothing; exit 1 and list what drifted
  --enum-style STYLE       const (default) | enum | union
  --any-type TYPE          what *any* becomes: unknown (default) | any
  --wire-case CASE         preserve (default) | snake_case | camelCase | PascalCase | kebab-case
  --wire-overrides FILE    JSON: { "<doc path>": { "<property>": "<wire name>" } }
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
        check: { type: "boolean" },
        "enum-style": { type: "string" },
        "any-type": { type: "string" },
        "wire-case": { type: "string" },
        "wire-overrides": { type: "string" },
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
  return {
    command: values.help ? "help" : values.version ? "version" : name,
    input: values.input ?? "specs",
    out: values.out ?? "generated",
    check: values.check ?? false,
    enumStyle: oneOf("enum-style", values["enum-style"], ["const", "enum", "union"] as const),
    anyType: oneOf("any-type", values["any-type"], ["unknown", "any"] as const),
    wireCase: oneOf("wire-case", values["wire-case"], WIRE_CASES),
    wireOverrides: values["wire-overrides"],
    reporter: oneOf("reporter", values.reporter, ["text", "json"] as const) ?? "text",
  };
}
