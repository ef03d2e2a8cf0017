// Shared helpers of the CLI tests: they run the built binary (`bin/mdspec.js`) as a child process
// in a fresh temporary folder, on small doc sets copied from `specs/` or `test/fixtures/cli/`.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { ROOT } from "../helpers.js";

/** The mdspec executable. */
export const BIN = join(ROOT, "bin/mdspec.js");

/** The version of package.json, which `--version` prints. */
export const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

/** The docs of `specs/models/shared/` the tests copy: SyncRun and the three models it links to. */
export const SYNCRUN_DOCS = ["syncrun.md", "syncrunstatus.md", "currentstep.md", "synctriggerreason.md"] as const;

/** The files `generate` writes for {@link SYNCRUN_DOCS} (besides the manifest and the cache). */
export const SYNCRUN_OUTPUT = [
  "index.ts",
  "models/index.ts",
  "models/shared/currentstep.ts",
  "models/shared/index.ts",
  "models/shared/syncrun.ts",
  "models/shared/syncrunstatus.ts",
  "models/shared/synctriggerreason.ts",
  "runtime.ts",
] as const;

export const MANIFEST = ".mdspec-manifest.json";
export const CACHE = ".mdspec-cache.json";

/** Builds `dist/` when it is missing (`npm test` builds it first; a bare `vitest run` may not). */
export function ensureBuilt(): void {
  if (existsSync(join(ROOT, "dist/cli/run.js"))) return;
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
}

/** A fresh temporary folder (its real path, so that paths printed by the CLI compare equal). */
export function makeTemp(): string {
  return realpathSync(mkdtempSync(join(tmpdir(), "mdspec-cli-test-")));
}

export function removeTemp(dir: string | undefined): void {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
}

/** Copies docs of `specs/models/shared/` into `<docsRoot>/models/shared/`. */
export function copySharedDocs(docsRoot: string, names: readonly string[] = SYNCRUN_DOCS): void {
  mkdirSync(join(docsRoot, "models/shared"), { recursive: true });
  for (const name of names) cpSync(join(ROOT, "specs/models/shared", name), join(docsRoot, "models/shared", name));
}

/** The text of a fixture of `test/fixtures/cli/`. */
export function fixture(name: string): string {
  return readFileSync(join(ROOT, "test/fixtures/cli", name), "utf8");
}

export function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

export function read(path: string): string {
  return readFileSync(path, "utf8");
}

/**
 * Rewrites the table row of a field (the line starting with "| `name`") through `edit`; fails
 * when the doc has no such row.
 */
export function editRow(path: string, field: string, edit: (row: string) => string | null): void {
  const lines = read(path).split("\n");
  const index = lines.findIndex((line) => line.startsWith(`| \`${field}\``));
  if (index < 0) throw new Error(`${path} has no row for ${field}`);
  const next = edit(lines[index]!);
  if (next === null) lines.splice(index, 1);
  else lines[index] = next;
  writeFileSync(path, lines.join("\n"));
}

/** Replaces a cell's text in a row, keeping the column width (so that the table stays aligned). */
export function replaceCell(row: string, from: string, to: string): string {
  const at = row.indexOf(` ${from} `);
  if (at < 0) throw new Error(`no cell "${from}" in ${row}`);
  const width = from.length;
  return `${row.slice(0, at + 1)}${to.padEnd(width)}${row.slice(at + 1 + width)}`;
}

/** The 1-based line and column of the first occurrence of `needle` in a text. */
export function positionOf(text: string, needle: string): { line: number; column: number } {
  const lines = text.split("\n");
  for (const [index, line] of lines.entries()) {
    const column = line.indexOf(needle);
    if (column >= 0) return { line: index + 1, column: column + 1 };
  }
  throw new Error(`"${needle}" not found`);
}

/** One file or folder of a snapshot: its content (null for a folder), inode and mtime. */
export interface Entry {
  readonly content: string | null;
  readonly ino: bigint;
  readonly mtimeNs: bigint;
}

/**
 * Everything below `dir`, keyed by `/`-separated relative path: contents and stat identity, so
 * that comparing two snapshots shows any write, rename or removal. Empty when `dir` is missing.
 */
export function snapshot(dir: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  if (!existsSync(dir)) return entries;
  for (const name of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const path = join(dir, name);
    // A running watcher's temporary file can be renamed away between the listing and the read.
    let entry: Entry;
    try {
      const stat = statSync(path, { bigint: true });
      entry = { content: stat.isDirectory() ? null : readFileSync(path, "utf8"), ino: stat.ino, mtimeNs: stat.mtimeNs };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    entries.set(name.split(sep).join("/"), entry);
  }
  return entries;
}

/** The files (not folders) below `dir`, sorted, `/`-separated. */
export function listFiles(dir: string): string[] {
  return [...snapshot(dir).entries()].filter(([, entry]) => entry.content !== null).map(([path]) => path);
}

/** The result of one run of the binary. */
export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment of a run: the test's own without GITHUB_ACTIONS and colour, plus `extra`. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", ...extra };
  if (!("GITHUB_ACTIONS" in extra)) delete env["GITHUB_ACTIONS"];
  delete env["FORCE_COLOR"];
  return env;
}

/** Runs `node bin/mdspec.js ...args` in `cwd` to completion. */
export function runCli(cwd: string, args: readonly string[], extraEnv: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cliEnv(extraEnv), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Polls `condition` every 50 ms until it holds or `timeoutMs` passes; returns whether it held. */
export async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (condition()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The `export interface <name> { ... }` block of a generated module. */
export function interfaceBlock(source: string, name: string): string {
  const match = new RegExp(`export interface ${name} \\{\\n[\\s\\S]*?\\n\\}`).exec(source);
  if (!match) throw new Error(`no interface ${name}`);
  return match[0];
}

/** A path relative to `from`, `/`-separated (what the CLI prints for paths below its cwd). */
export function shown(from: string, path: string): string {
  return relative(from, path).split(sep).join("/");
}

/**
 * A fresh temporary folder for one test, removed when the test finishes (works in concurrent
 * tests: pass the test context's `onTestFinished`).
 */
export function tempFor(onTestFinished: (fn: () => void) => void): string {
  const dir = makeTemp();
  onTestFinished(() => removeTemp(dir));
  return dir;
}

/**
 * A temporary folder with the SyncRun docs in `docs/` and their output, generated once, in
 * `out/` (with its cache, so that runs on a copy skip the slow cold start). Throws when the
 * generation fails.
 */
export async function makeTemplate(): Promise<string> {
  const dir = makeTemp();
  copySharedDocs(join(dir, "docs"));
  const generated = await runCli(dir, ["--input", "docs", "--out", "out"]);
  if (generated.code !== 0) throw new Error(`generate failed (${generated.code}): ${generated.stderr}`);
  return dir;
}

/** A copy of a {@link makeTemplate} folder for one test, removed when the test finishes. */
export function copyTemplate(template: string, onTestFinished: (fn: () => void) => void): { dir: string; docs: string; out: string } {
  const dir = tempFor(onTestFinished);
  cpSync(template, dir, { recursive: true });
  return { dir, docs: join(dir, "docs"), out: join(dir, "out") };
}
