import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { type LilconfigResult, lilconfig } from "lilconfig";
import type { MdspecConfig } from "../config.js";
import { FLAVOUR_NAMES } from "../ir/types.js";
import { WIRE_CASES, type WireCase, type WireOverrides } from "../emit/options.js";
import { validateWireOverrides } from "./overrides.js";

/** A problem with the config file: the message names the file and the key. Exit code 2. */
export class ConfigError extends Error {}

/** A loaded config with its paths made absolute. */
export interface LoadedConfig {
  readonly file: string | null;
  readonly input?: string;
  readonly out?: string;
  readonly wireCase?: WireCase;
  readonly wireOverrides?: WireOverrides;
  readonly enumStyle?: MdspecConfig["enumStyle"];
  readonly anyType?: MdspecConfig["anyType"];
  readonly unknownKeys?: MdspecConfig["unknownKeys"];
  readonly nulls?: MdspecConfig["nulls"];
  readonly requiredNulls?: MdspecConfig["requiredNulls"];
  /** The exported documents' paths, absolute. */
  readonly openapi?: string;
  readonly jsonSchema?: string;
  readonly info?: { readonly title?: string; readonly version?: string };
  readonly flavour?: MdspecConfig["flavour"];
}

/** The file names searched for, in order, in the working folder and then each folder above it. */
export const CONFIG_FILES = ["mdspec.config.ts", "mdspec.config.mts", "mdspec.config.mjs", "mdspec.config.js", "mdspec.config.json"];

/**
 * Finds and loads the config: the given file, or the first of {@link CONFIG_FILES} found upward
 * from `cwd`. TypeScript configs load through jiti; the default export (or the JSON object) is
 * validated key by key. Returns an empty config when there is none.
 */
export async function loadConfig(cwd: string, explicit: string | undefined): Promise<LoadedConfig> {
  // jiti (TypeScript configs) loads only when a config file is found: most runs have none.
  const importModule = async (path: string) => {
    const { createJiti } = await import("jiti");
    return createJiti(import.meta.url, { moduleCache: false }).import(path, { default: true });
  };
  const explorer = lilconfig("mdspec", {
    searchPlaces: CONFIG_FILES,
    loaders: { ".ts": importModule, ".mts": importModule, ".mjs": importModule, ".js": importModule, ".json": async (path, content) => JSON.parse(content) as unknown },
  });
  let found: LilconfigResult;
  try {
    found = explicit ? await explorer.load(resolve(cwd, explicit)) : await explorer.search(cwd);
  } catch (error) {
    const where = explicit ? resolve(cwd, explicit) : "the config file";
    throw new ConfigError(`cannot load ${where}: ${(error as Error).message.split("\n")[0]}`);
  }
  if (!found) return { file: null };
  return validateConfig(found.filepath, found.config as unknown);
}

/** Validates a config object; every problem names the file and the key. */
export async function validateConfig(file: string, value: unknown): Promise<LoadedConfig> {
  const fail = (key: string, message: string): never => {
    throw new ConfigError(`${file}: "${key}" ${message}`);
  };
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigError(`${file}: the config must be an object (export default defineConfig({ ... }))`);
  }
  const known = new Set(["input", "out", "wireNames", "enumStyle", "anyType", "unknownKeys", "nulls", "requiredNulls", "flavour", "openapi", "jsonSchema", "info"]);
  for (const key of Object.keys(value)) if (!known.has(key)) fail(key, `is not a config key (known keys: ${[...known].join(", ")})`);
  const config = value as Record<string, unknown>;
  const base = dirname(file);
  const path = (key: string): string | undefined => {
    const entry = config[key];
    if (entry === undefined) return undefined;
    if (typeof entry !== "string" || entry === "") return fail(key, "must be a non-empty path string");
    return resolve(base, entry);
  };
  const oneOf = <T extends string>(key: string, entry: unknown, allowed: readonly T[]): T | undefined => {
    if (entry === undefined) return undefined;
    if (typeof entry !== "string" || !(allowed as readonly string[]).includes(entry)) return fail(key, `must be one of ${allowed.join(", ")}; got ${JSON.stringify(entry)}`);
    return entry as T;
  };
  const result: { -readonly [K in keyof LoadedConfig]: LoadedConfig[K] } = { file };
  const input = path("input");
  const out = path("out");
  if (input !== undefined) result.input = input;
  if (out !== undefined) result.out = out;
  const openapi = path("openapi");
  const jsonSchema = path("jsonSchema");
  if (openapi !== undefined) result.openapi = openapi;
  if (jsonSchema !== undefined) result.jsonSchema = jsonSchema;
  const info = config["info"];
  if (info !== undefined) {
    if (typeof info !== "object" || info === null || Array.isArray(info)) fail("info", "must be an object { title, version }");
    const entries = info as Record<string, unknown>;
    const text: { title?: string; version?: string } = {};
    for (const key of Object.keys(entries)) {
      if (key !== "title" && key !== "version") fail(`info.${key}`, "is not a config key (known keys: title, version)");
      if (typeof entries[key] !== "string" || entries[key] === "") fail(`info.${key}`, "must be a non-empty string");
      text[key as "title" | "version"] = entries[key] as string;
    }
    result.info = text;
  }
  const wireNames = config["wireNames"];
  if (wireNames !== undefined) {
    if (typeof wireNames !== "object" || wireNames === null || Array.isArray(wireNames)) fail("wireNames", "must be an object { case, overrides }");
    const entries = wireNames as Record<string, unknown>;
    for (const key of Object.keys(entries)) if (key !== "case" && key !== "overrides") fail(`wireNames.${key}`, "is not a config key (known keys: case, overrides)");
    const wireCase = oneOf("wireNames.case", entries["case"], WIRE_CASES);
    if (wireCase !== undefined) result.wireCase = wireCase;
    let overrides = entries["overrides"];
    if (typeof overrides === "string") {
      const overridesFile = resolve(base, overrides);
      try {
        overrides = JSON.parse(await readFile(overridesFile, "utf8"));
      } catch (error) {
        fail("wireNames.overrides", `names ${overridesFile}, which cannot be read as JSON: ${(error as Error).message}`);
      }
    }
    if (overrides !== undefined) {
      const valid = validateWireOverrides(overrides);
      if (!valid.ok) fail("wireNames.overrides", valid.message);
      else result.wireOverrides = valid.overrides;
    }
  }
  const enumStyle = oneOf("enumStyle", config["enumStyle"], ["const", "enum", "union"] as const);
  const anyType = oneOf("anyType", config["anyType"], ["unknown", "any"] as const);
  const unknownKeys = oneOf("unknownKeys", config["unknownKeys"], ["strip", "passthrough", "strict"] as const);
  const nulls = oneOf("nulls", config["nulls"], ["absent", "reject"] as const);
  if (enumStyle) result.enumStyle = enumStyle;
  if (anyType) result.anyType = anyType;
  if (unknownKeys) result.unknownKeys = unknownKeys;
  if (nulls) result.nulls = nulls;
  const requiredNulls = oneOf("requiredNulls", config["requiredNulls"], ["reject", "accept"] as const);
  if (requiredNulls) result.requiredNulls = requiredNulls;
  const flavour = oneOf("flavour", config["flavour"], ["auto", ...FLAVOUR_NAMES] as const);
  if (flavour) result.flavour = flavour;
  return result;
}
