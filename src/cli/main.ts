import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { generate } from "../generate.js";
import type { Diagnostic } from "../ir/types.js";
import type { GenerateCache } from "../generate.js";
import { generatorFingerprint } from "../write/fingerprint.js";
import { CACHE_NAME, diffOutput, writeAtomically, writeOutput } from "../write/output.js";
import { type Command, USAGE, UsageError, parseCommand } from "./args.js";
import { validateWireOverrides } from "./overrides.js";
import { formatDiagnostics } from "./report.js";

/** Where the CLI writes: injected so tests can capture it. */
export interface Streams {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processStreams: Streams = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Runs the CLI with `argv` (without node and the script) and returns the exit code. */
export async function main(argv: readonly string[], streams: Streams = processStreams): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      streams.stderr(`mdspec: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (command.command === "help") {
    streams.stdout(`${USAGE}\n`);
    return 0;
  }
  if (command.command === "version") {
    streams.stdout(`${readVersion()}\n`);
    return 0;
  }
  let overrides = {};
  if (command.wireOverrides !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(command.wireOverrides, "utf8"));
    } catch (error) {
      streams.stderr(`mdspec: cannot read --wire-overrides ${command.wireOverrides}: ${(error as Error).message}\n`);
      return 2;
    }
    const valid = validateWireOverrides(parsed);
    if (!valid.ok) {
      streams.stderr(`mdspec: --wire-overrides ${command.wireOverrides}: ${valid.message}\n`);
      return 2;
    }
    overrides = valid.overrides;
  }
  const cachePath = join(command.out, CACHE_NAME);
  const cacheText = await readFile(cachePath, "utf8").catch(() => null);
  let cache: GenerateCache | undefined;
  try {
    cache = cacheText === null ? undefined : (JSON.parse(cacheText) as GenerateCache);
  } catch {
    cache = undefined;
  }
  let result;
  try {
    result = await generate({
      input: command.input,
      fingerprint: await generatorFingerprint(),
      ...(cache ? { cache } : {}),
      ...(command.enumStyle ? { enumStyle: command.enumStyle } : {}),
      ...(command.anyType ? { anyType: command.anyType } : {}),
      wireNames: { case: command.wireCase ?? "preserve", overrides },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      streams.stderr(`mdspec: the docs root ${command.input} does not exist or is not a folder\n`);
      return 2;
    }
    throw error;
  }
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (command.command === "ir") {
    streams.stdout(`${JSON.stringify(result.schema, null, 2)}\n`);
    printDiagnostics(command, result.diagnostics, streams);
    return errors.length > 0 ? 1 : 0;
  }
  printDiagnostics(command, result.diagnostics, streams);
  if (errors.length > 0) {
    streams.stderr(`mdspec: ${errors.length} error(s) in the docs; nothing was written\n`);
    return 1;
  }
  if (command.check) {
    const drift = await diffOutput(command.out, result.files);
    const lines = [
      ...drift.changed.map((path) => `changed  ${join(command.out, path)}`),
      ...drift.missing.map((path) => `missing  ${join(command.out, path)}`),
      ...drift.stale.map((path) => `stale    ${join(command.out, path)}`),
    ];
    if (lines.length === 0) {
      streams.stdout(`mdspec: ${command.out} is up to date (${result.files.length} files)\n`);
      return 0;
    }
    streams.stderr(`${lines.join("\n")}\nmdspec: ${lines.length} file(s) in ${command.out} differ from the docs; run mdspec generate\n`);
    return 1;
  }
  const summary = await writeOutput(command.out, result.files);
  // The cache is only a speed-up: it is rewritten when it changed, and losing it costs one slow run.
  const nextCacheText = JSON.stringify(result.cache);
  if (nextCacheText !== cacheText) await writeAtomically(cachePath, nextCacheText);
  const models = result.schema.models.length;
  streams.stdout(
    `mdspec: ${models} models, ${summary.written.length} file(s) written, ${summary.removed.length} removed, ${summary.unchanged.length} unchanged in ${command.out}\n`,
  );
  return 0;
}

function printDiagnostics(command: Command, diagnostics: readonly Diagnostic[], streams: Streams): void {
  if (command.reporter === "json") {
    streams.stderr(`${JSON.stringify({ diagnostics }, null, 2)}\n`);
    return;
  }
  if (diagnostics.length === 0) return;
  const text = formatDiagnostics(
    diagnostics,
    (file) => relative(process.cwd(), join(command.input, file)) || file,
    (file) => {
      try {
        return readFileSync(join(command.input, file), "utf8").replace(/\r\n?/g, "\n");
      } catch {
        return undefined;
      }
    },
  );
  streams.stderr(`${text}\n`);
}

function readVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return manifest.version;
}
