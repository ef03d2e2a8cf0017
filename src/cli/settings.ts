import { readFile } from "node:fs/promises";
import { basename, relative, resolve, sep } from "node:path";
import { CACHE_NAME, MANIFEST_NAME } from "../write/output.js";
import type { EmitOptions, WireOverrides } from "../emit/options.js";
import { DEFAULT_EMIT_OPTIONS } from "../emit/options.js";
import type { FlavourName } from "../ir/types.js";
import type { Command } from "./args.js";
import { ConfigError, type LoadedConfig } from "./config-file.js";
import { validateWireOverrides } from "./overrides.js";

/** What a run uses: the command line over the config file over the defaults. */
export interface Settings {
  readonly input: string;
  readonly out: string;
  readonly emit: EmitOptions;
  /** The SDK language of the docs, or `auto` to tell it from them. */
  readonly flavour: FlavourName | "auto";
  readonly configFile: string | null;
  /** The exported documents: paths relative to the output folder (`/`-separated), and their info. */
  readonly exports: {
    readonly openapi?: string;
    readonly jsonSchema?: string;
    readonly info: { readonly title?: string; readonly version?: string };
  };
}

/**
 * Merges the command line, the config and the defaults, and reads the `--wire-overrides` file.
 * Paths come out absolute: command-line paths relative to `cwd`, config paths relative to the
 * config file.
 */
export async function resolveSettings(command: Command, config: LoadedConfig, cwd: string): Promise<Settings> {
  let overrides: WireOverrides | undefined = config.wireOverrides;
  if (command.wireOverrides !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(resolve(cwd, command.wireOverrides), "utf8"));
    } catch (error) {
      throw new ConfigError(`cannot read --wire-overrides ${command.wireOverrides}: ${(error as Error).message}`);
    }
    const valid = validateWireOverrides(parsed);
    if (!valid.ok) throw new ConfigError(`--wire-overrides ${command.wireOverrides}: ${valid.message}`);
    overrides = valid.overrides;
  }
  const defaults = DEFAULT_EMIT_OPTIONS;
  const out = command.out !== undefined ? resolve(cwd, command.out) : (config.out ?? resolve(cwd, "generated"));
  const exportPath = (flag: string, given: string | undefined, configured: string | undefined): string | undefined => {
    const absolute = given !== undefined ? resolve(cwd, given) : configured;
    if (absolute === undefined) return undefined;
    const shown = given !== undefined ? `--${flag} ${given}` : `${config.file}: "${flag === "openapi" ? "openapi" : "jsonSchema"}" ${absolute}`;
    if (!absolute.toLowerCase().endsWith(".json")) throw new ConfigError(`${shown}: an exported document is a .json file`);
    if (resolve(out, MANIFEST_NAME) === absolute || resolve(out, CACHE_NAME) === absolute || basename(absolute) === "") {
      throw new ConfigError(`${shown}: that is mdspec's ${basename(absolute)}`);
    }
    return relative(out, absolute).split(sep).join("/");
  };
  const openapi = exportPath("openapi", command.openapi, config.openapi);
  const jsonSchema = exportPath("json-schema", command.jsonSchema, config.jsonSchema);
  if (openapi !== undefined && openapi === jsonSchema) throw new ConfigError(`the OpenAPI document and the JSON Schema bundle cannot be one file (${openapi})`);
  const title = command.infoTitle ?? config.info?.title;
  const version = command.infoVersion ?? config.info?.version;
  return {
    input: command.input !== undefined ? resolve(cwd, command.input) : (config.input ?? resolve(cwd, "specs")),
    out,
    configFile: config.file,
    exports: {
      ...(openapi !== undefined ? { openapi } : {}),
      ...(jsonSchema !== undefined ? { jsonSchema } : {}),
      info: { ...(title !== undefined ? { title } : {}), ...(version !== undefined ? { version } : {}) },
    },
    flavour: command.flavour ?? config.flavour ?? "auto",
    emit: {
      enumStyle: command.enumStyle ?? config.enumStyle ?? defaults.enumStyle,
      anyType: command.anyType ?? config.anyType ?? defaults.anyType,
      unknownKeys: command.unknownKeys ?? config.unknownKeys ?? defaults.unknownKeys,
      nulls: command.nulls ?? config.nulls ?? defaults.nulls,
      requiredNulls: command.requiredNulls ?? config.requiredNulls ?? defaults.requiredNulls,
      wireNames: {
        case: command.wireCase ?? config.wireCase ?? defaults.wireNames.case,
        overrides: overrides ?? defaults.wireNames.overrides,
      },
    },
  };
}
