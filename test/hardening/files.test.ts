// The file system boundary: mdspec reads only below the docs root (no symlinks out, no links out)
// and writes only below --out (a hostile manifest cannot make it delete or write elsewhere), and a
// run killed with SIGKILL at any moment never leaves a torn output file; the next run repairs it.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { type FSWatcher, cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, watch, writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { MANIFEST_NAME, writeOutput } from "../../src/write/output.js";
import { readDocs } from "../../src/write/read-docs.js";
import { ROOT, describeDiagnostics, errorsOf, makeTemp, objectDoc, privateInstall, readTree, removeTemp, writeTree } from "./support.js";

const BIN = join(ROOT, "bin/mdspec.js");
const CACHE_NAME = ".mdspec-cache.json";

/** Builds `dist/` when missing (`npm test` builds it first; a bare `vitest run` may not). */
function ensureBuilt(): void {
  if (existsSync(join(ROOT, "dist/cli/run.js"))) return;
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
}

interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  readonly ms: number;
}

function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env["GITHUB_ACTIONS"];
  return env;
}

/** Starts `node bin/mdspec.js ...args` in `cwd` (or another copy of the binary); `done` settles when it exits. */
function startCli(cwd: string, args: readonly string[], bin = BIN): { child: ChildProcess; done: Promise<RunResult> } {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: cliEnv(), stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const done = new Promise<RunResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stderr, ms: performance.now() - started }));
  });
  return { child, done };
}

function runCli(cwd: string, args: readonly string[], bin = BIN): Promise<RunResult> {
  return startCli(cwd, args, bin).done;
}

const FIELDS = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";

describe("reading stays below the docs root", () => {
  let temp: string | undefined;
  beforeAll(() => {
    temp = makeTemp();
    writeTree(join(temp, "outside"), [
      { path: "secret.md", content: `# SecretOutside\n\n## Fields\n\n${FIELDS}| \`password\` | *string* | :heavy_check_mark: | N/A |` },
    ]);
    writeTree(join(temp, "root/docs"), [{ path: "models/x.md", content: objectDoc("X", ["a"]) }]);
    // A symlinked doc and a symlinked folder, both pointing outside the root.
    symlinkSync(join(temp, "outside/secret.md"), join(temp, "root/docs/models/secret.md"));
    symlinkSync(join(temp, "outside"), join(temp, "root/docs/linked"), "dir");
  });
  afterAll(() => removeTemp(temp));

  it("does not follow a symlinked doc or folder that points outside the root", async () => {
    const docs = await readDocs(join(temp!, "root/docs"));
    expect(docs.map((doc) => doc.path)).toEqual(["models/x.md"]);
    const result = await generate({ input: join(temp!, "root/docs"), parseWorker: false });
    expect(describeDiagnostics(errorsOf(result.diagnostics))).toEqual([]);
    expect(result.schema.models.map((model) => model.id)).toEqual(["models/x.md"]);
    for (const file of result.files) expect(file.content).not.toContain("SecretOutside");
  });

  it("reports a link to the symlinked doc as a missing doc, without reading it", async () => {
    writeTree(join(temp!, "root/docs"), [{ path: "models/y.md", content: objectDoc("Y", [{ name: "s", type: "[SecretOutside](secret.md)" }]) }]);
    try {
      const result = await generate({ input: join(temp!, "root/docs"), parseWorker: false });
      expect(describeDiagnostics(errorsOf(result.diagnostics))).toEqual([expect.stringMatching(/^models\/y\.md:7:9 error MDS201 /)]);
      expect(result.files).toEqual([]);
      expect(JSON.stringify(result.schema)).not.toContain("password");
    } finally {
      rmSync(join(temp!, "root/docs/models/y.md"));
    }
  });

  it("refuses links that leave the root (../../../../etc/passwd.md, ../../../outside/secret.md)", async () => {
    writeTree(join(temp!, "root/docs"), [
      { path: "models/p.md", content: objectDoc("P", [{ name: "p", type: "[Passwd](../../../../etc/passwd.md)" }]) },
      { path: "models/s.md", content: objectDoc("S", [{ name: "s", type: "[SecretOutside](../../../outside/secret.md)" }]) },
    ]);
    try {
      const result = await generate({ input: join(temp!, "root/docs"), parseWorker: false });
      expect(describeDiagnostics(errorsOf(result.diagnostics))).toEqual([
        expect.stringMatching(/^models\/p\.md:7:9 error MDS204 /),
        expect.stringMatching(/^models\/s\.md:7:9 error MDS204 /),
      ]);
      expect(result.files).toEqual([]);
      expect(JSON.stringify(result.schema)).not.toContain("password");
    } finally {
      rmSync(join(temp!, "root/docs/models/p.md"));
      rmSync(join(temp!, "root/docs/models/s.md"));
    }
  });

  it("gives doc paths without .. segments, whatever the file and folder names", async () => {
    writeTree(join(temp!, "names"), [
      { path: "...md", content: objectDoc("Dots", ["a"]) },
      { path: "..x.md", content: objectDoc("DotX", ["a"]) },
      { path: "..a/b.md", content: objectDoc("B", ["a"]) },
      { path: "a..b/c.md", content: objectDoc("C", ["a"]) },
    ]);
    const docs = await readDocs(join(temp!, "names"));
    expect(docs.map((doc) => doc.path)).toEqual(["...md", "..a/b.md", "..x.md", "a..b/c.md"]);
    for (const doc of docs) {
      expect(doc.path.split("/")).not.toContain("..");
      expect(doc.path.startsWith("/")).toBe(false);
    }
  });
});

describe("writing stays below --out", () => {
  let temp: string | undefined;
  beforeAll(() => {
    ensureBuilt();
    temp = makeTemp();
    writeTree(join(temp, "docs"), [
      { path: "models/x.md", content: objectDoc("X", ["a", { name: "y", type: "[Y](y.md)", required: false }]) },
      { path: "models/y.md", content: objectDoc("Y", [{ name: "b", type: "*number*" }]) },
    ]);
  });
  afterAll(() => removeTemp(temp));

  function sentinels(): Record<string, boolean> {
    return Object.fromEntries(["escape.ts", "escape2.ts", "abs-escape.ts", "docs/models/x.md"].map((path) => [path, existsSync(join(temp!, path))]));
  }

  it("a manifest listing ../escape.ts, an absolute path or a/../../x deletes nothing outside the folder", async () => {
    const first = await runCli(temp!, ["--input", "docs", "--out", "out"]);
    expect(first.code, first.stderr).toBe(0);
    writeTree(temp!, [
      { path: "escape.ts", content: "keep" },
      { path: "escape2.ts", content: "keep" },
      { path: "abs-escape.ts", content: "keep" },
    ]);
    const manifestPath = join(temp!, "out", MANIFEST_NAME);
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { files: string[] };
    manifest.files.push("../escape.ts", join(temp!, "abs-escape.ts"), "models/../../escape2.ts", "..\\escape.ts", "../docs/models/x.md");
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const second = await runCli(temp!, ["--input", "docs", "--out", "out"]);
    expect(second.code, second.stderr).toBe(0);
    expect(sentinels()).toEqual({ "escape.ts": true, "escape2.ts": true, "abs-escape.ts": true, "docs/models/x.md": true });
    // The rewritten manifest lists only what this run wrote.
    expect((JSON.parse(readFileSync(manifestPath, "utf8")) as { files: string[] }).files.every((file) => !file.includes(".."))).toBe(true);
  });

  it("a manifest listing a folder (or the output folder itself) does not crash the run", async () => {
    const manifestPath = join(temp!, "out", MANIFEST_NAME);
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { files: string[] };
    manifest.files.push("models", ".");
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const before = readTree(join(temp!, "out"));
    const run = await runCli(temp!, ["--input", "docs", "--out", "out"]);
    expect(run.stderr).not.toContain("EISDIR");
    expect(run.code, run.stderr).toBe(0);
    const after = readTree(join(temp!, "out"));
    // Every model file is still there.
    for (const path of [...before.keys()].filter((path) => path.endsWith(".ts"))) expect(after.get(path), path).toBe(before.get(path));
  });

  it("writeOutput (the programmatic API) never writes a file path that leaves the folder", async () => {
    const out = join(temp!, "api-out");
    let threw = false;
    try {
      await writeOutput(out, [
        { path: "ok.ts", content: "ok" },
        { path: "../api-escape.ts", content: "escaped" },
      ]);
    } catch {
      threw = true;
    }
    expect(existsSync(join(temp!, "api-escape.ts")), `escaped the output folder (writeOutput threw: ${threw})`).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// kill -9: every output file is whole (its previous or its next version) whenever the CLI dies.

/** A small seeded PRNG (mulberry32), so that a failing trial sequence can be replayed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isTemporary = (path: string) => path.endsWith(".tmp");

/** Every file below `dir`, `/`-separated, with its content (raw bytes as latin1, to compare exactly). */
function filesBelow(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const name of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) files.set(name.split(sep).join("/"), readFileSync(path, "latin1"));
  }
  return files;
}

/** The cache is JSON whose key order depends on the run history: compare it by content. */
function sameFile(path: string, a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  if (path !== CACHE_NAME || a === undefined || b === undefined) return false;
  try {
    return canonicalJson(JSON.parse(a)) === canonicalJson(JSON.parse(b));
  } catch {
    return false;
  }
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.keys(inner).sort().map((key) => [key, (inner as Record<string, unknown>)[key]]))
      : inner,
  );
}

interface TrialStats {
  trials: number;
  /** Trials killed in the write phase: old and new files side by side, or a temporary file left. */
  mixed: number;
  /** Trials whose kill was aimed at the write phase (after the first change in --out). */
  aimed: number;
  /** Trials where a run with no doc change rewrote the cache file with other bytes (same content). */
  cacheRewrites: number;
  killed: number;
  completedBeforeKill: number;
  torn: string[];
  lost: string[];
  temporaryAfterKill: number;
  temporaryAfterRepair: number;
  repairMismatches: string[];
}

type GenerateModule = typeof import("../../src/generate.js");
type ReadDocsModule = typeof import("../../src/write/read-docs.js");

describe("kill -9 during a run", () => {
  const TRIALS = Number(process.env["MDSPEC_KILL_TRIALS"] ?? 50);
  const LANES = 2;
  const SEED = Number(process.env["MDSPEC_KILL_SEED"] ?? 20_261_128);
  const temps: string[] = [];
  afterAll(() => {
    for (const dir of temps) removeTemp(dir);
  });

  it(`no output file is ever torn (${TRIALS} trials), and the next run repairs the folder`, async () => {
    ensureBuilt();
    // A private copy of the build: dist/ may be rebuilt while the trials run. The CLI runs the
    // compiled code, so the clean generation to compare with comes from that copy too.
    const install = privateInstall();
    temps.push(install.dir);
    const bin = install.bin;
    const dist = (await import(pathToFileURL(join(install.dist, "generate.js")).href)) as GenerateModule;
    const distDocs = (await import(pathToFileURL(join(install.dist, "write/read-docs.js")).href)) as ReadDocsModule;
    const runtime = await dist.readRuntimeTemplate();

    const stats: TrialStats = {
      trials: 0,
      mixed: 0,
      aimed: 0,
      cacheRewrites: 0,
      killed: 0,
      completedBeforeKill: 0,
      torn: [],
      lost: [],
      temporaryAfterKill: 0,
      temporaryAfterRepair: 0,
      repairMismatches: [],
    };

    async function lane(index: number, trials: number): Promise<void> {
      const random = prng(SEED + index);
      const temp = makeTemp("mdspec-kill-");
      temps.push(temp);
      const docsDir = join(temp, "docs");
      // The 48 docs of specs/models (SyncRun and friends): links stay inside models/.
      cpSync(join(ROOT, "specs/models"), join(docsDir, "models"), { recursive: true });
      const args = ["--input", "docs", "--out", "out"];
      const first = await runCli(temp, args, bin);
      expect(first.code, first.stderr).toBe(0);

      const docPaths = (await distDocs.readDocs(docsDir)).map((doc) => doc.path);
      let extras = 0;
      const live = new Set<number>();
      const changeDocs = (trial: number) => {
        const count = 3 + Math.floor(random() * 10);
        for (let k = 0; k < count; k += 1) {
          const path = join(docsDir, docPaths[Math.floor(random() * docPaths.length)]!);
          const text = readFileSync(path, "utf8");
          const mark = `Revision ${index}.${trial}.${k}.`;
          writeFileSync(path, /^Revision \S+$/m.test(text) ? text.replace(/^Revision \S+$/m, mark) : text.replace(/^(# .*)$/m, `$1\n\n${mark}`));
        }
        // Add a new doc or remove one added before (a stale output file to delete).
        if (live.size > 0 && random() < 0.4) {
          const extra = [...live][Math.floor(random() * live.size)]!;
          live.delete(extra);
          rmSync(join(docsDir, `models/shared/extra${extra}.md`));
        } else {
          extras += 1;
          live.add(extras);
          writeTree(docsDir, [
            {
              path: `models/shared/extra${extras}.md`,
              content: objectDoc(`Extra${extras}`, ["a", { name: "run", type: "[models.SyncRun](../../models/shared/syncrun.md)", required: false }]),
            },
          ]);
        }
      };

      // The duration of a full run of this kind (a few docs changed), measured twice.
      const durations: number[] = [];
      for (let warm = 0; warm < 2; warm += 1) {
        changeDocs(-1 - warm);
        const run = await runCli(temp, args, bin);
        expect(run.code, run.stderr).toBe(0);
        durations.push(run.ms);
      }
      const fullRunMs = Math.max(...durations);

      let expectedCache: Awaited<ReturnType<GenerateModule["generateFromDocs"]>>["cache"] | undefined;
      for (let trial = 0; trial < trials; trial += 1) {
        const before = filesBelow(join(temp, "out"));
        changeDocs(trial);
        // Even trials: a random moment of the run. Odd trials aim at the write phase, which is a few
        // milliseconds at the end of the run: the kill comes 0-8 ms after the first change in --out.
        const aimed = trial % 2 === 1;
        const delay = aimed ? random() * 8 : random() * fullRunMs;
        const { child, done } = startCli(temp, args, bin);
        let timer: NodeJS.Timeout | undefined;
        let watcher: FSWatcher | undefined;
        if (aimed) {
          watcher = watch(join(temp, "out"), { recursive: true }, () => {
            watcher?.close();
            watcher = undefined;
            timer = setTimeout(() => child.kill("SIGKILL"), delay);
          });
        } else timer = setTimeout(() => child.kill("SIGKILL"), delay);
        const killedRun = await done;
        watcher?.close();
        clearTimeout(timer);
        if (aimed) stats.aimed += 1;
        if (killedRun.signal === "SIGKILL") stats.killed += 1;
        else {
          stats.completedBeforeKill += 1;
          expect(killedRun.code, killedRun.stderr).toBe(0);
        }
        const afterKill = filesBelow(join(temp, "out"));

        const repair = await runCli(temp, args, bin);
        expect(repair.code, repair.stderr).toBe(0);
        const afterRepair = filesBelow(join(temp, "out"));

        let oldOnes = 0;
        let newOnes = 0;
        let newTemporary = 0;
        for (const [path, content] of afterKill) {
          if (isTemporary(path)) {
            if (!before.has(path)) newTemporary += 1;
            continue;
          }
          const isOld = sameFile(path, content, before.get(path));
          const isNew = sameFile(path, content, afterRepair.get(path));
          if (!isOld && !isNew) stats.torn.push(`lane ${index} trial ${trial} (${delay.toFixed(0)} ms): ${path}`);
          if (isOld && !isNew) oldOnes += 1;
          if (isNew && !isOld) newOnes += 1;
          if (path === CACHE_NAME && killedRun.signal === null && content !== afterRepair.get(path)) stats.cacheRewrites += 1;
        }
        stats.temporaryAfterKill += newTemporary;
        if ((oldOnes > 0 && newOnes > 0) || newTemporary > 0) stats.mixed += 1;
        for (const path of before.keys()) {
          if (!isTemporary(path) && afterRepair.has(path) && !afterKill.has(path)) stats.lost.push(`lane ${index} trial ${trial}: ${path}`);
        }
        stats.temporaryAfterRepair = Math.max(stats.temporaryAfterRepair, [...afterRepair.keys()].filter(isTemporary).length);

        // The repaired folder is exactly a clean generation (leftover temporary files aside).
        // (With the previous expected result's cache: the cache gives the same output, only faster.)
        const expected = await dist.generateFromDocs(
          await distDocs.readDocs(docsDir),
          { rootDir: docsDir.split(sep).join("/"), parseWorker: false, ...(expectedCache ? { cache: expectedCache } : {}) },
          runtime,
        );
        expectedCache = expected.cache;
        expect(describeDiagnostics(errorsOf(expected.diagnostics))).toEqual([]);
        const produced = [...afterRepair.keys()].filter((path) => !isTemporary(path) && path !== MANIFEST_NAME && path !== CACHE_NAME);
        const wanted = expected.files.map((file) => file.path);
        if (produced.join("\n") !== wanted.join("\n")) stats.repairMismatches.push(`lane ${index} trial ${trial}: files differ`);
        for (const file of expected.files) {
          if (afterRepair.get(file.path) !== Buffer.from(file.content, "utf8").toString("latin1")) stats.repairMismatches.push(`lane ${index} trial ${trial}: ${file.path}`);
        }
        const manifest = JSON.parse(Buffer.from(afterRepair.get(MANIFEST_NAME) ?? "{}", "latin1").toString("utf8")) as { files?: string[] };
        if ((manifest.files ?? []).join("\n") !== wanted.join("\n")) stats.repairMismatches.push(`lane ${index} trial ${trial}: manifest`);
        stats.trials += 1;
      }
    }

    const started = performance.now();
    const perLane = Math.ceil(TRIALS / LANES);
    await Promise.all(Array.from({ length: LANES }, (_, index) => lane(index, Math.min(perLane, TRIALS - index * perLane))));
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `kill -9: ${stats.trials} trials (${stats.aimed} aimed at the write phase; ${stats.killed} killed mid-run, ${stats.mixed} of them in the write phase, ${stats.completedBeforeKill} finished first), ` +
        `torn files: ${stats.torn.length}, lost files: ${stats.lost.length}, ` +
        `.tmp files left by kills: ${stats.temporaryAfterKill}, .tmp files still there after the repair run: ${stats.temporaryAfterRepair} (max per folder), ` +
        `repair mismatches: ${stats.repairMismatches.length}, cache rewritten (same content, other key order) by a no-change run: ${stats.cacheRewrites}, ` +
        `${seconds.toFixed(1)} s, seed ${SEED}`,
    );
    // Is a leftover temporary file (as a kill between write and rename leaves it) cleaned by the next run?
    const leftover = join(temps[1]!, "out", `runtime.ts.99999.deadbeef.tmp`);
    writeFileSync(leftover, "partial");
    const cleanup = await runCli(temps[1]!, ["--input", "docs", "--out", "out"], bin);
    expect(cleanup.code, cleanup.stderr).toBe(0);
    console.log(`kill -9: a leftover ${"runtime.ts.<pid>.<hex>.tmp"} is ${existsSync(leftover) ? "NOT removed" : "removed"} by the next run`);
    expect(stats.trials).toBe(TRIALS);
    expect(stats.torn).toEqual([]);
    expect(stats.lost).toEqual([]);
    expect(stats.repairMismatches).toEqual([]);
  }, 240_000);
});
