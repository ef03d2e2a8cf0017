import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
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
  return {
    input: command.input !== undefined ? resolve(cwd, command.input) : (config.input ?? resolve(cwd, "specs")),
    out: command.out !== undefined ? resolve(cwd, command.out) : (config.out ?? resolve(cwd, "generated")),
    configFile: config.file,
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
