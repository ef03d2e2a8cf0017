// Shared helpers of the hardening suite: building small docs, generating in memory or from a
// temporary docs root, importing generated modules, probing them with hostile wire input, and
// running a generation in a child process with a time limit (for inputs that may hang).
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, sep } from "node:path";
import { expect } from "vitest";
import { type GenerateResult, generate, generateFromDocs, readRuntimeTemplate } from "../../src/generate.js";
import type { Diagnostic, Model } from "../../src/ir/types.js";
import { ROOT } from "../helpers.js";

export { ROOT };

/** The header and delimiter of a five-column Fields table. */
export const FIELDS_HEADER = "| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n";

/** The MDN Date link of real docs. */
export const DATE_LINK = "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)";

export interface RowSpec {
  readonly name: string;
  readonly type?: string;
  readonly required?: boolean;
  readonly description?: string;
  readonly example?: string;
}

/** One row of a five-column Fields table. */
export function row(spec: RowSpec | string): string {
  const { name, type = "*string*", required = true, description = "N/A", example = "" } = typeof spec === "string" ? { name: spec } : spec;
  return `| \`${name}\` | ${type} | ${required ? ":heavy_check_mark:" : ":heavy_minus_sign:"} | ${description} | ${example} |\n`;
}

/** An object doc: title, optional description, and a Fields table of the given rows. */
export function objectDoc(title: string, rows: readonly (RowSpec | string)[], description = ""): string {
  return `# ${title}\n\n${description === "" ? "" : `${description}\n\n`}## Fields\n\n${FIELDS_HEADER}${rows.map(row).join("")}`;
}

/** An enum doc in table form (`| Name | Value |`). */
export function enumDoc(title: string, members: readonly (readonly [string, string])[], extra = ""): string {
  return `# ${title}\n\n## Values\n\n${extra}| Name | Value |\n| --- | --- |\n${members.map(([name, value]) => `| ${name} | ${value} |\n`).join("")}`;
}

/** The 1-based line and column of the `occurrence`-th (1-based) occurrence of `needle` in `text`. */
export function at(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let count = 0; count < occurrence; count += 1) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence} times`);
  }
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  return { line, column: index - before.lastIndexOf("\n") };
}

let runtimePromise: Promise<string> | undefined;
/** The runtime template, read once. */
export function runtimeSource(): Promise<string> {
  return (runtimePromise ??= readRuntimeTemplate());
}

export interface Doc {
  readonly path: string;
  readonly text: string;
}

/** Generates in memory, as `generateFromDocs` with the docs root `/docs`. */
export async function gen(docs: readonly Doc[], rootDir = "/docs"): Promise<GenerateResult> {
  return generateFromDocs(docs, { rootDir, parseWorker: false }, await runtimeSource());
}

/** A fresh temporary folder (its real path). */
export function makeTemp(prefix = "mdspec-hardening-"): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

export function removeTemp(dir: string | undefined): void {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
}

/** Writes files (text or raw bytes) below `dir`, creating folders. */
export function writeTree(dir: string, files: readonly { readonly path: string; readonly content: string | Uint8Array }[]): void {
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
}

/** Writes docs (text or raw bytes) into a fresh docs root and runs `generate` on it. */
export async function genFromDisk(docs: readonly { readonly path: string; readonly content: string | Uint8Array }[]): Promise<GenerateResult> {
  const dir = makeTemp();
  try {
    writeTree(join(dir, "docs"), docs);
    return await generate({ input: join(dir, "docs"), parseWorker: false });
  } finally {
    removeTemp(dir);
  }
}

/** Every file below `dir` (not folders), `/`-separated, sorted, with its content. */
export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) files.set(name.split(sep).join("/"), readFileSync(path, "utf8"));
  }
  return files;
}

/** The error diagnostics of a result. */
export function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.severity === "error");
}

/** `file:line:col severity code` lines, for readable assertion failures. */
export function describeDiagnostics(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message.slice(0, 160)}`);
}

/** Writes generated files into a fresh temporary ESM folder; returns the folder. */
export function writeOutput(files: readonly { readonly path: string; readonly content: string }[]): string {
  const dir = makeTemp("mdspec-hardening-out-");
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  writeTree(dir, files);
  return dir;
}

declare global {
  // Set by the tests before importing generated code; doc text that runs would set it to true.
  var __pwned: boolean | undefined;
}

/**
 * Imports every generated `.ts` module of `dir` (models, indexes, runtime) with the marker
 * `globalThis.__pwned` set to false, and returns the modules by output path.
 */
export async function importAll(dir: string, paths: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  globalThis.__pwned = false;
  const modules = new Map<string, Record<string, unknown>>();
  for (const path of paths) {
    if (!path.endsWith(".ts")) continue;
    modules.set(path, (await import(join(dir, path))) as Record<string, unknown>);
  }
  return modules;
}

/** Whether any built-in prototype got a `polluted` property. */
export function polluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return (
    probe["polluted"] !== undefined ||
    (Object.prototype as Record<string, unknown>)["polluted"] !== undefined ||
    (Array.prototype as unknown as Record<string, unknown>)["polluted"] !== undefined ||
    (Function.prototype as unknown as Record<string, unknown>)["polluted"] !== undefined
  );
}

const PAYLOAD = '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "prototype": {"polluted": true}}';

/** JSON text of an object whose keys are `keys` (plus `__proto__`), each holding the attack payload. */
function payloadObject(keys: readonly string[]): string {
  return `{${[...keys, "__proto__", "constructor"].map((key) => `${JSON.stringify(key)}: ${PAYLOAD}`).join(", ")}}`;
}

/** Nested `{"a": {"a": ...}}` built iteratively, deep enough to overflow a naive recursive decoder. */
function deepInput(depth: number, key: string): unknown {
  let value: unknown = {};
  for (let level = 0; level < depth; level += 1) value = { [key]: value };
  return value;
}

/** Hostile wire values for the models of a schema: prototype keys, wrong types, deep nesting. */
export function hostileInputs(models: readonly Model[]): unknown[] {
  const keys = [...new Set(models.flatMap((model) => (model.kind === "object" ? model.fields.map((field) => field.name) : [])))];
  // Nested payloads use a few keys only: a payload per key of a payload per key is quadratic.
  const few = keys.slice(0, 40);
  const firstKey = keys[0] ?? "a";
  return [
    JSON.parse(PAYLOAD),
    JSON.parse(payloadObject(keys)),
    JSON.parse(`[${PAYLOAD}, ${payloadObject(few)}]`),
    JSON.parse(`{"x": ${payloadObject(few)}}`),
    Object.fromEntries(keys.map((key, index) => [key, index < 40 ? JSON.parse(payloadObject(few)) : JSON.parse(PAYLOAD)])),
    Object.fromEntries(keys.map((key, index) => [key, index < 40 ? [JSON.parse(payloadObject(few))] : [JSON.parse(PAYLOAD)]])),
    "__proto__",
    "constructor",
    "",
    0,
    -1,
    404,
    Number.NaN,
    true,
    null,
    undefined,
    {},
    [],
    Object.create(null) as unknown,
    deepInput(20_000, firstKey),
  ];
}

/** Stringifies with bigints as text (serialized values may hold none, but be safe). */
function stringify(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === "bigint" ? inner.toString() : inner)) ?? "undefined";
}

/**
 * Calls every `safeParseX` export of every module on every input: it must never throw and must
 * agree with `parseX` (which throws a ValidationError with `issues` exactly when the safe parse
 * fails); a decoded value must satisfy `isX` and serialize. The input itself, a value outside
 * the model's type, goes to `isX` (a boolean, no throw) and `serializeX` (no throw: it writes what
 * it cannot encode as it is). No prototype may get polluted and no doc text may run
 * (`globalThis.__pwned` stays false). Returns how many calls were made.
 */
export function probeModules(modules: ReadonlyMap<string, Record<string, unknown>>, inputs: readonly unknown[]): number {
  let calls = 0;
  for (const [path, module] of modules) {
    for (const name of Object.keys(module)) {
      if (!name.startsWith("safeParse")) continue;
      const suffix = name.slice("safeParse".length);
      const safeParse = module[name] as (input: unknown) => { success: boolean; data?: unknown; error?: { issues?: unknown } };
      const parse = module[`parse${suffix}`] as ((input: unknown) => unknown) | undefined;
      const is = module[`is${suffix}`] as ((value: unknown) => boolean) | undefined;
      const serialize = module[`serialize${suffix}`] as ((value: unknown) => unknown) | undefined;
      for (const [index, input] of inputs.entries()) {
        const where = `${path} ${name}(input #${index})`;
        let result: ReturnType<typeof safeParse>;
        try {
          result = safeParse(input);
        } catch (error) {
          throw new Error(`${where} threw: ${String(error)}`);
        }
        calls += 1;
        expect(typeof result.success, where).toBe("boolean");
        if (is) expect(typeof is(input), `${where}: is${suffix}(input)`).toBe("boolean");
        if (serialize) {
          try {
            serialize(input);
          } catch (error) {
            throw new Error(`${where}: serialize${suffix}(input) threw ${String(error)}`);
          }
        }
        if (parse) {
          let threw: unknown = null;
          try {
            parse(input);
          } catch (error) {
            threw = error;
          }
          expect(threw === null, `${where}: parse and safeParse disagree`).toBe(result.success);
          if (threw !== null) expect(Array.isArray((threw as { issues?: unknown }).issues), `${where}: parse threw ${String(threw)}`).toBe(true);
        }
        if (result.success) {
          if (is) expect(is(result.data), `${where}: is${suffix} rejects the decoded value`).toBe(true);
          if (serialize) {
            let wire: unknown;
            expect(() => (wire = serialize(result.data)), where).not.toThrow();
            try {
              stringify(wire);
            } catch (error) {
              // `*any*` data passes through as is: JSON.stringify overflows on it exactly when it
              // overflows on the input itself (20,000 levels), which is the platform's limit.
              if (!(error instanceof RangeError)) throw error;
              expect(() => stringify(input), `${where}: serialized value cannot be stringified`).toThrow(RangeError);
            }
          }
        } else {
          expect(Array.isArray(result.error?.issues), where).toBe(true);
        }
        expect(polluted(), `${where} polluted a prototype`).toBe(false);
        expect(globalThis.__pwned, `${where} ran doc text`).toBe(false);
      }
    }
  }
  return calls;
}

/** What a generation in a child process produced. */
export interface ChildOutcome {
  /** The diagnostics, or null when the child timed out or crashed. */
  readonly diagnostics: Diagnostic[] | null;
  readonly files: string[] | null;
  /** Milliseconds spent inside `generateFromDocs` (not counting the child's start-up). */
  readonly ms: number | null;
  readonly timedOut: boolean;
  readonly error: string | null;
}

const CHILD_SCRIPT = `
import { readFileSync } from "node:fs";
import { createJiti } from "jiti";
const jiti = createJiti(process.argv[1] + "/", { fsCache: false });
const { generateFromDocs, readRuntimeTemplate } = await jiti.import(process.argv[1] + "/src/generate.ts");
const docs = JSON.parse(readFileSync(process.argv[2], "utf8"));
const runtime = await readRuntimeTemplate();
process.stdout.write("ready\\n");
const started = performance.now();
try {
  const result = await generateFromDocs(docs, { rootDir: "/docs", parseWorker: false }, runtime);
  process.stdout.write(JSON.stringify({ diagnostics: result.diagnostics, files: result.files.map((f) => f.path), ms: performance.now() - started }) + "\\n");
} catch (error) {
  process.stdout.write(JSON.stringify({ error: String(error && error.stack || error), ms: performance.now() - started }) + "\\n");
}
`;

/**
 * Runs `generateFromDocs` (from src/, through jiti) on `docs` in a child process and kills it
 * when the generation itself takes longer than `limitMs` after start-up: a hang cannot stall the
 * test runner, and the outcome says whether it finished.
 */
export async function generateInChild(docs: readonly Doc[], limitMs: number): Promise<ChildOutcome> {
  const dir = makeTemp("mdspec-hardening-child-");
  const input = join(dir, "docs.json");
  writeFileSync(input, JSON.stringify(docs));
  try {
    return await new Promise<ChildOutcome>((resolve, reject) => {
      const child = spawn(process.execPath, ["--input-type=module", "-e", CHILD_SCRIPT, ROOT.replace(/\/$/, ""), input], {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      let timer: NodeJS.Timeout | undefined;
      let timedOut = false;
      const startup = setTimeout(() => child.kill("SIGKILL"), 60_000);
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        stdout += chunk;
        if (timer === undefined && stdout.includes("ready\n")) {
          clearTimeout(startup);
          timer = setTimeout(() => {
            timedOut = true;
            child.kill("SIGKILL");
          }, limitMs);
        }
      });
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      child.on("error", reject);
      child.on("close", () => {
        clearTimeout(startup);
        if (timer) clearTimeout(timer);
        const line = stdout.split("\n").find((text) => text.startsWith("{"));
        if (timedOut || line === undefined) {
          resolve({ diagnostics: null, files: null, ms: null, timedOut, error: timedOut ? null : `no result; stderr: ${stderr.slice(0, 2000)}` });
          return;
        }
        const parsed = JSON.parse(line) as { diagnostics?: Diagnostic[]; files?: string[]; ms: number; error?: string };
        resolve({ diagnostics: parsed.diagnostics ?? null, files: parsed.files ?? null, ms: parsed.ms, timedOut: false, error: parsed.error ?? null });
      });
    });
  } finally {
    removeTemp(dir);
  }
}

/**
 * A private copy of the built CLI (dist/, bin/, templates/, package.json; node_modules linked), so
 * that a long test runs one generator build even when dist/ is rebuilt while it runs.
 */
export function privateInstall(): { readonly dir: string; readonly bin: string; readonly dist: string } {
  const dir = makeTemp("mdspec-install-");
  for (const name of ["dist", "bin", "templates", "package.json"]) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return { dir, bin: join(dir, "bin/mdspec.js"), dist: join(dir, "dist") };
}
