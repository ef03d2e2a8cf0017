import { readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { type GenerateCache, type GenerateResult, type GeneratedFile, generateFromDocs, readRuntimeTemplate, warmUp } from "../generate.js";
import { diffExport } from "../export/documents.js";
import { diffShapes, schemaShapes } from "../ir/shape.js";
import type { Diagnostic } from "../ir/types.js";
import { readCacheFile, writeCacheFile } from "../write/cache-file.js";
import { generatorFingerprint } from "../write/fingerprint.js";
import { OutputStaging, type WriteSummary, diffOutput, readManifest, writeOutput } from "../write/output.js";
import { type DocFile, readDocs } from "../write/read-docs.js";
import { type Command, USAGE, UsageError, parseCommand } from "./args.js";
import { ConfigError, loadConfig } from "./config-file.js";
import { type Progress, type ProgressClock, createProgress, describeProgress } from "./progress.js";
import { countSeverities, formatDiagnostics, formatGitHubAnnotations } from "./report.js";
import { type Settings, resolveSettings } from "./settings.js";

/** Where the CLI writes and what it knows of its environment: injected so tests can capture it. */
export interface Streams {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (colour, progress). */
  readonly tty: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The clock of the progress line (see `ProgressLine`); tests inject one. Default: the real one. */
  readonly progressClock?: ProgressClock;
}

const processStreams: Streams = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  tty: process.stderr.isTTY === true,
  env: process.env,
  cwd: process.cwd(),
};

/** Runs the CLI with `argv` (without node and the script) and returns the exit code. */
export async function main(argv: readonly string[], streams: Streams = processStreams): Promise<number> {
  let command: Command;
  let settings: Settings;
  try {
    command = parseCommand(argv);
    if (command.command === "help") {
      streams.stdout(`${USAGE}\n`);
      return 0;
    }
    if (command.command === "version") {
      streams.stdout(`${readVersion()}\n`);
      return 0;
    }
    settings = await resolveSettings(command, await loadConfig(streams.cwd, command.config), streams.cwd);
  } catch (error) {
    if (error instanceof UsageError) {
      streams.stderr(`mdspec: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      streams.stderr(`mdspec: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const session = new Session(command, settings, streams);
  if (command.watch) return session.watch();
  return session.runOnce();
}

/**
 * One CLI invocation: reads the docs, generates, reports, and writes or checks. In watch mode the
 * same session reruns on every change, keeping the docs, the cache and the last written output
 * in memory so that a rerun touches only what changed.
 */
class Session {
  private readonly fingerprint: Promise<string> = generatorFingerprint();
  private readonly runtime: Promise<string> = readRuntimeTemplate();
  private cache: GenerateCache | undefined;
  /** The hash of the cache file's text as last read or written (see `writeCacheFile`). */
  private cacheHash: string | null = null;
  private written: Map<string, string> | undefined;

  private readonly command: Command;
  private readonly settings: Settings;
  private readonly streams: Streams;
  /** The status line of long runs on a terminal; erased before anything else is printed. */
  private readonly progress: Progress;

  constructor(command: Command, settings: Settings, streams: Streams) {
    this.command = command;
    this.settings = settings;
    this.streams = streams;
    this.progress = createProgress(streams, command.reporter, streams.progressClock ? { clock: streams.progressClock } : {});
  }

  /** Generates once (or checks, or prints the IR) and returns the exit code. */
  async runOnce(): Promise<number> {
    const docs = await this.readDocs();
    if (docs === null) return 2;
    return this.run(docs);
  }

  /** Generates, then regenerates on every change of a doc until Ctrl-C; returns 0 on exit. */
  async watch(): Promise<number> {
    const docs = await this.readDocs();
    if (docs === null) return 2;
    const current = new Map(docs.map((doc) => [doc.path, doc]));
    await this.run(docs);
    // The first run parsed on a worker and emitted every model in bulk: rehearse a save now, while
    // chokidar starts, so that the first real save costs what the later ones do.
    const warming = warmUp(docs, { ...this.generateOptions(), fingerprint: await this.fingerprint, ...(this.cache ? { cache: this.cache } : {}) }, await this.runtime);
    // chokidar loads only in watch mode.
    const { watchDocs } = await import("./watch.js");
    const onReady = () => {
      void warming.catch(() => undefined).then(() => this.streams.stderr(`mdspec: watching ${this.shown(this.settings.input)} (Ctrl-C to stop)\n`));
    };
    await watchDocs(this.settings.input, async (changes) => {
      await warming.catch(() => undefined);
      for (const change of changes) {
        if (change.text === null) current.delete(change.path);
        else current.set(change.path, { path: change.path, text: change.text });
      }
      const all = [...current.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      await this.run(all);
    }, { onReady });
    return 0;
  }

  /** The options of every generation of this session: the emit options, the root, the exports. */
  private generateOptions() {
    const { emit, input, exports, flavour } = this.settings;
    return {
      ...emit,
      flavour,
      rootDir: posixRoot(input),
      ...(exports.openapi !== undefined ? { openapi: exports.openapi } : {}),
      ...(exports.jsonSchema !== undefined ? { jsonSchema: exports.jsonSchema } : {}),
      info: exports.info,
    };
  }

  /** A path as the user would write it: relative to the working folder. */
  private shown(path: string): string {
    return relative(this.streams.cwd, path) || ".";
  }

  private async readDocs(): Promise<DocFile[] | null> {
    try {
      return await readDocs(this.settings.input);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") {
        this.streams.stderr(`mdspec: the docs root ${this.shown(this.settings.input)} does not exist or is not a folder\n`);
        return null;
      }
      throw error;
    }
  }

  private async loadCache(): Promise<void> {
    if (this.cache !== undefined || this.cacheHash !== null) return;
    const { cache, hash } = readCacheFile(this.settings.out, await this.fingerprint);
    this.cache = cache;
    this.cacheHash = hash;
    // The cached outputs were just read from the folder: the write step need not read them again.
    if (cache && this.written === undefined) {
      this.written = new Map(Object.entries(cache.files).flatMap(([path, file]) => (file.content === undefined ? [] : [[path, file.content]])));
    }
  }

  /** One generation with its progress line, which is gone however the run ends. */
  private async run(docs: readonly DocFile[]): Promise<number> {
    this.progress.start("generating…");
    try {
      return await this.generateAndReport(docs);
    } finally {
      this.progress.stop();
    }
  }

  private async generateAndReport(docs: readonly DocFile[]): Promise<number> {
    const started = performance.now();
    const { command, settings, streams } = this;
    await this.loadCache();
    // A single run hands each group of files to the output staging as soon as it is formatted,
    // so the output is never all in memory at once; watch mode keeps the files instead (the next
    // save compares with them, and its cache must hold them).
    const staging = command.command === "generate" && !command.watch ? new OutputStaging(settings.out, { known: this.written, write: !command.check }) : null;
    let result: GenerateResult;
    try {
      result = await generateFromDocs(
        docs,
        {
          ...this.generateOptions(),
          fingerprint: await this.fingerprint,
          ...(this.cache ? { cache: this.cache } : {}),
          ...(staging ? { onFiles: (files: readonly GeneratedFile[]) => staging.add(files) } : {}),
          onProgress: (event) => {
            const text = describeProgress(event);
            if (text !== null) this.progress.set(text);
          },
        },
        await this.runtime,
      );
    } catch (error) {
      staging?.discard();
      throw error;
    }
    const counts = countSeverities(result.diagnostics);
    if (command.command === "ir") {
      this.progress.stop();
      streams.stdout(`${JSON.stringify(result.schema, null, 2)}\n`);
      this.printDiagnostics(result.diagnostics);
      return counts.error > 0 ? 1 : 0;
    }
    if (counts.error > 0) {
      staging?.discard();
      this.report(result, { diagnostics: result.diagnostics, summary: `${counts.error} error(s) in the docs; nothing was written`, seconds: seconds(started) });
      return 1;
    }
    const shapes = schemaShapes(result.schema);
    // The exported documents come with the result, once every model file has gone to the staging.
    try {
      staging?.add(result.exports);
    } catch (error) {
      staging?.discard();
      throw error;
    }
    if (command.check) return this.check(result, shapes, started, staging);
    this.progress.set("writing…");
    let summary: WriteSummary;
    if (staging) {
      try {
        summary = await staging.commit(shapes);
      } catch (error) {
        staging.discard();
        throw error;
      }
    } else {
      const files = [...result.files, ...result.exports];
      summary = await writeOutput(settings.out, files, shapes, this.written);
      this.written = new Map(files.map((file) => [file.path, file.content]));
    }
    // The cache is only a speed-up: it is rewritten when it changed, and losing it costs one slow run.
    this.cache = result.cache;
    if (result.cacheChanged || this.cacheHash === null) this.cacheHash = writeCacheFile(settings.out, result.cache, this.cacheHash);
    this.report(result, {
      diagnostics: result.diagnostics,
      summary: `${docs.length} docs, ${result.schema.models.length} models: ${summary.written.length} file(s) written, ${summary.removed.length} removed, ${summary.unchanged.length} unchanged in ${this.shown(settings.out)}`,
      seconds: seconds(started),
      files: { written: summary.written, removed: summary.removed, unchanged: summary.unchanged.length },
    });
    return 0;
  }

  private async check(result: GenerateResult, shapes: ReturnType<typeof schemaShapes>, started: number, staging: OutputStaging | null): Promise<number> {
    const { settings } = this;
    this.progress.set("checking…");
    const drift = staging ? await staging.drift(shapes) : await diffOutput(settings.out, [...result.files, ...result.exports], shapes);
    const fileCount = staging ? staging.size : result.files.length + result.exports.length;
    const changes = diffShapes((await readManifest(settings.out)).models, shapes);
    // The schemas of each drifted export, model by model (its file names every drifted schema).
    const drifted = drift.changed.length + drift.missing.length + drift.stale.length;
    const schemaChanges = result.exports
      .filter((file) => drift.changed.includes(file.path))
      .flatMap((file) => {
        let before: string | null = null;
        try {
          before = readFileSync(join(settings.out, file.path), "utf8");
        } catch {
          before = null;
        }
        return diffExport(before, file.content).map((change) => ({ ...change, file: file.path }));
      });
    const lines = [
      ...drift.changed.map((path) => `changed  ${this.shown(join(settings.out, path))}`),
      ...drift.missing.map((path) => `missing  ${this.shown(join(settings.out, path))}`),
      ...drift.stale.map((path) => `stale    ${this.shown(join(settings.out, path))}`),
      ...changes.map((change) => `  ${change.doc}  ${change.model}: ${change.message}  [${change.breaking ? "breaking" : "additive"}]`),
      ...schemaChanges.map((change) => `  ${change.doc ?? "?"}  ${change.key}: schema ${change.change} in ${this.shown(join(settings.out, change.file))}`),
    ];
    const breaking = changes.filter((change) => change.breaking).length;
    this.report(result, {
      diagnostics: result.diagnostics,
      summary:
        drifted === 0
          ? `${this.shown(settings.out)} is up to date (${fileCount} files)`
          : `${drifted} file(s) in ${this.shown(settings.out)} differ from the docs (${changes.length} model change(s), ${breaking} breaking); run mdspec generate`,
      seconds: seconds(started),
      details: lines,
      drift: { ...drift, changes, schemas: schemaChanges },
    });
    return drifted === 0 ? 0 : 1;
  }

  /** Prints diagnostics, the details and the closing summary line in the chosen format. */
  private report(
    result: GenerateResult,
    outcome: {
      diagnostics: readonly Diagnostic[];
      summary: string;
      seconds: number;
      details?: readonly string[];
      files?: unknown;
      drift?: unknown;
    },
  ): void {
    // The progress line goes first, so the report reads as it would without it.
    this.progress.stop();
    const counts = countSeverities(outcome.diagnostics);
    if (this.command.reporter === "json") {
      this.streams.stdout(
        `${JSON.stringify({ diagnostics: outcome.diagnostics, summary: outcome.summary, counts, seconds: outcome.seconds, files: outcome.files, drift: outcome.drift, work: result.work }, null, 2)}\n`,
      );
      return;
    }
    // Skipped non-model files are counted in the summary line, not listed: they are expected.
    this.printDiagnostics(outcome.diagnostics.filter((diagnostic) => diagnostic.severity !== "info"));
    if (outcome.details && outcome.details.length > 0) this.streams.stderr(`${outcome.details.join("\n")}\n`);
    const skipped = counts.info > 0 ? ` · ${counts.info} non-model file(s) skipped` : "";
    this.streams.stderr(`mdspec: ${outcome.summary} · ${counts.warning} warning(s), ${counts.error} error(s)${skipped} · ${outcome.seconds.toFixed(2)} s\n`);
  }

  private printDiagnostics(diagnostics: readonly Diagnostic[]): void {
    const { streams, settings } = this;
    if (diagnostics.length === 0) return;
    this.progress.stop();
    const displayPath = (file: string) => relative(streams.cwd, join(settings.input, file)) || file;
    if (this.command.reporter === "json") {
      streams.stderr(`${JSON.stringify({ diagnostics }, null, 2)}\n`);
      return;
    }
    const color = streams.tty && streams.env["NO_COLOR"] === undefined;
    const text = formatDiagnostics(
      diagnostics,
      displayPath,
      (file) => {
        try {
          return readFileSync(join(settings.input, file), "utf8").replace(/\r\n?/g, "\n");
        } catch {
          return undefined;
        }
      },
      { color },
    );
    streams.stderr(`${text}\n`);
    if (streams.env["GITHUB_ACTIONS"] === "true") {
      const annotations = formatGitHubAnnotations(diagnostics, displayPath);
      if (annotations !== "") streams.stdout(`${annotations}\n`);
    }
  }
}

/** An absolute platform path in the `/`-separated form the resolver works with. */
function posixRoot(path: string): string {
  const posixPath = path.split(sep).join("/");
  return posixPath.startsWith("/") ? posixPath : `/${posixPath}`;
}

function seconds(started: number): number {
  return (performance.now() - started) / 1000;
}

function readVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return manifest.version;
}
