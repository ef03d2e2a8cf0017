// Shared helpers of the runtime tests: generating code with non-default options into a temporary
// folder and importing it, and reading the issues of a failed parse.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import type { EmitOptions } from "../../src/emit/options.js";
import type { Schema } from "../../src/ir/types.js";
import { type ExportFile, type GenerateCache, type GenerateOptions, generateFromDocs, readRuntimeTemplate } from "../../src/generate.js";
import { readDocs } from "../../src/write/read-docs.js";
import { ROOT } from "../helpers.js";

/** The root of the fixture docs of these tests. */
export const FIXTURE_ROOT = join(ROOT, "test/fixtures/runtime");

/** The root of the project's spec docs. */
export const SPECS_ROOT = join(ROOT, "specs");

/** One issue of a `ValidationError`, as the runtime reports it. */
export interface IssueLike {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly code: string;
}

/** The shape of a generated `safeParseX` result, loose enough for dynamically imported modules. */
export type SafeResult<T> = { readonly success: true; readonly data: T } | { readonly success: false; readonly error: { readonly issues: readonly IssueLike[] } };

/** The issues of a failed safe parse; fails the test when the parse succeeded. */
export function issuesOf(result: SafeResult<unknown>): IssueLike[] {
  if (result.success) {
    expect.fail(`expected the parse to fail, but it succeeded with ${stringify(result.data)}`);
  }
  return result.error.issues.map((issue) => ({ path: [...issue.path], message: issue.message, code: issue.code }));
}

/** The issues of a failed safe parse without their messages, for exact comparisons. */
export function issueSummary(result: SafeResult<unknown>): { path: (string | number)[]; code: string }[] {
  return issuesOf(result).map((issue) => ({ path: [...issue.path], code: issue.code }));
}

/** The data of a successful safe parse; fails the test (listing the issues) otherwise. */
export function dataOf<T>(result: SafeResult<T>): T {
  if (!result.success) expect.fail(`expected the parse to succeed, got issues ${stringify(result.error.issues)}`);
  return result.data;
}

function stringify(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === "bigint" ? `${inner}n` : inner));
  } catch {
    return String(value);
  }
}

/** Generated code written to a temporary folder. */
export interface TempOutput {
  readonly dir: string;
  /** The resolved IR the code was generated from. */
  readonly schema: Schema;
  /** The exported documents asked for (OpenAPI, JSON Schema), not written to the folder. */
  readonly exports: readonly ExportFile[];
  /** The generation's cache: another generation of the same docs parses nothing again. */
  readonly cache: GenerateCache;
  /** Imports a generated module by its path in the output (`models/components/widget.ts`). */
  load<T = Record<string, unknown>>(path: string): Promise<T>;
  /** Removes the temporary folder. */
  cleanup(): void;
}

/**
 * Generates code for `docs` (paths relative to a docs root) with the given options, writes every
 * file and `runtime.ts` into a fresh temporary folder and returns a loader for its modules.
 */
export async function generateToTemp(
  docs: readonly { path: string; text: string }[],
  options: Partial<EmitOptions> & Pick<GenerateOptions, "openapi" | "jsonSchema" | "info" | "cache">,
  rootDir: string,
): Promise<TempOutput> {
  const runtimeSource = await readRuntimeTemplate();
  const result = await generateFromDocs(docs, { ...options, rootDir: rootDir.split("\\").join("/") }, runtimeSource);
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (errors.length > 0) throw new Error(`generation failed: ${JSON.stringify(errors, null, 2)}`);
  const dir = mkdtempSync(join(tmpdir(), "mdspec-runtime-test-"));
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  let wroteRuntime = false;
  for (const file of result.files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
    if (file.path === "runtime.ts") wroteRuntime = true;
  }
  if (!wroteRuntime) writeFileSync(join(dir, "runtime.ts"), runtimeSource);
  return {
    dir,
    schema: result.schema,
    exports: result.exports,
    cache: result.cache,
    load: async <T>(path: string) => (await import(join(dir, path))) as T,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Reads docs below a root, or only the listed ones (paths relative to the root). */
export async function docsOf(root: string, only?: readonly string[]): Promise<{ path: string; text: string }[]> {
  if (only === undefined) return readDocs(root);
  return only.map((path) => ({ path, text: readFileSync(join(root, path), "utf8") }));
}

/** Generates the fixture docs of `test/fixtures/runtime/` with the given options. */
export async function generateFixtures(options: Partial<EmitOptions>): Promise<TempOutput> {
  return generateToTemp(await docsOf(FIXTURE_ROOT), options, FIXTURE_ROOT);
}

/** Builds a chain of `depth` nested objects, each holding the next under `key`, iteratively. */
export function nest(depth: number, key: string, leaf: (level: number) => Record<string, unknown>): Record<string, unknown> {
  let value: Record<string, unknown> | undefined;
  for (let level = depth - 1; level >= 0; level -= 1) {
    const node = leaf(level);
    if (value !== undefined) node[key] = value;
    value = node;
  }
  return value ?? {};
}
