// `mdspec --watch` through the real binary: regenerates on every doc change, keeps the last good
// output while a doc is broken, and exits 0 on Ctrl-C (SIGINT).
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BIN, cliEnv, editRow, ensureBuilt, fixture, makeTemp, makeTemplate, read, removeTemp, replaceCell, snapshot, waitFor, write } from "./helpers.js";

/** The SyncRun docs and their output, generated once; each test watches a copy. */
let template: string;

beforeAll(async () => {
  ensureBuilt();
  template = await makeTemplate();
});

afterAll(() => removeTemp(template));

let dir: string;
let child: ChildProcess | undefined;

beforeEach(() => {
  dir = makeTemp();
  cpSync(template, dir, { recursive: true });
});

afterEach(() => {
  // A test that failed midway must not leave its watcher running.
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  child = undefined;
  removeTemp(dir);
});

/** A running `mdspec --watch` with its output so far. */
interface Watcher {
  readonly process: ChildProcess;
  stderr(): string;
  stdout(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWatch(args: readonly string[]): Watcher {
  const proc = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: cliEnv(), stdio: ["ignore", "pipe", "pipe"] });
  child = proc;
  let stdout = "";
  let stderr = "";
  proc.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  proc.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { process: proc, stderr: () => stderr, stdout: () => stdout, exited };
}

/**
 * Resolves as soon as stderr contains `text` (on the very output event, not at the next poll);
 * false after `ms`.
 */
function untilStderr(watcher: Watcher, text: string, ms = 15_000): Promise<boolean> {
  return new Promise((resolve) => {
    const check = () => {
      if (!watcher.stderr().includes(text)) return;
      clearTimeout(timer);
      watcher.process.stderr!.off("data", onData);
      resolve(true);
    };
    const onData = () => setImmediate(check);
    const timer = setTimeout(() => {
      watcher.process.stderr!.off("data", onData);
      resolve(false);
    }, ms);
    watcher.process.stderr!.on("data", onData);
    check();
  });
}

/**
 * Waits for the `watching` message. It is printed once the watcher is ready and the signal
 * handlers are installed, so a change or a Ctrl-C right after it must be handled (the "right
 * after" tests below hold that).
 */
async function untilWatching(watcher: Watcher): Promise<boolean> {
  return untilStderr(watcher, "mdspec: watching docs (Ctrl-C to stop)");
}

/** Resolves with the exit of the process, or null when it has not exited within `ms`. */
function exitWithin(watcher: Watcher, ms: number) {
  return Promise.race([watcher.exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);
}

describe("--watch", () => {
  it("regenerates on change, keeps the last good output on a doc error, and exits 0 on SIGINT", async () => {
    const doc = join(dir, "docs/models/shared/syncrun.md");
    const output = join(dir, "out/models/shared/syncrun.ts");
    const watcher = startWatch(["--watch", "--input", "docs", "--out", "out"]);

    expect(await untilWatching(watcher), watcher.stderr()).toBe(true);
    // The initial run checked the output (already current) before watching started.
    expect(watcher.stderr()).toMatch(/^mdspec: 4 docs, 4 models: 0 file\(s\) written, 0 removed, 8 unchanged in out · /m);
    expect(read(output)).toContain("When this sync run was completed.");

    // 1. A description and a type change (saved at once) are regenerated.
    const edited = read(doc)
      .replace("When this sync run was completed.", "When this sync run finished.")
      .split("\n")
      .map((line) => (line.startsWith("| `syncId`") ? replaceCell(line, "*number*", "*string*") : line))
      .join("\n");
    expect(edited).toMatch(/^\| `syncId` +\| \*string\* /m);
    writeFileSync(doc, edited);
    expect(await waitFor(() => read(output).includes("When this sync run finished.") && /syncId\?: string \| undefined;/.test(read(output))), watcher.stderr()).toBe(true);
    expect(read(output)).not.toContain("When this sync run was completed.");
    expect(await waitFor(() => /^mdspec: 4 docs, 4 models: 1 file\(s\) written, 0 removed, 7 unchanged in out · /m.test(watcher.stderr()))).toBe(true);
    const good = snapshot(join(dir, "out"));

    // 2. A broken doc: the diagnostics are printed, the last good output stays.
    const errorsBefore = watcher.stderr().length;
    editRow(doc, "canceled", (row) => replaceCell(row, ":heavy_minus_sign:", "maybe"));
    expect(await waitFor(() => watcher.stderr().slice(errorsBefore).includes("nothing was written")), watcher.stderr()).toBe(true);
    const printed = watcher.stderr().slice(errorsBefore);
    expect(printed).toMatch(/docs\/models\/shared\/syncrun\.md:\d+:\d+ {2}error {2}the Required cell of "canceled" is "maybe"; expected :heavy_check_mark: or :heavy_minus_sign: {2}\[MDS104\]/);
    expect(snapshot(join(dir, "out"))).toEqual(good);

    // 3. Fixed again: regenerated.
    editRow(doc, "canceled", (row) => replaceCell(row, "maybe", ":heavy_minus_sign:"));
    writeFileSync(doc, read(doc).replace("When this sync run finished.", "When this sync run ended."));
    expect(await waitFor(() => read(output).includes("When this sync run ended.")), watcher.stderr()).toBe(true);
    expect(watcher.process.exitCode).toBeNull();

    // 4. Ctrl-C: exit code 0, promptly.
    watcher.process.kill("SIGINT");
    expect(await exitWithin(watcher, 5_000)).toEqual({ code: 0, signal: null });
  });

  it("writes the output of a new doc and removes the output of a deleted one", async () => {
    const watcher = startWatch(["--watch", "--input", "docs", "--out", "out"]);
    expect(await untilWatching(watcher), watcher.stderr()).toBe(true);
    write(join(dir, "out/widgets/notes.txt"), "mine\n");

    write(join(dir, "docs/widgets/widget.md"), fixture("widget.md"));
    const widget = join(dir, "out/widgets/widget.ts");
    expect(await waitFor(() => snapshot(join(dir, "out")).has("widgets/widget.ts")), watcher.stderr()).toBe(true);
    expect(read(widget)).toContain("export interface Widget {");

    rmSync(join(dir, "docs/widgets/widget.md"));
    expect(await waitFor(() => !snapshot(join(dir, "out")).has("widgets/widget.ts")), watcher.stderr()).toBe(true);
    expect(read(join(dir, "out/widgets/notes.txt"))).toBe("mine\n");

    watcher.process.kill("SIGINT");
    expect(await exitWithin(watcher, 5_000)).toEqual({ code: 0, signal: null });
  });

  it("never removes a doc's output while an editor's save has emptied the doc for a moment", async () => {
    // Editors (and writeFileSync) truncate the file and then write it: a watcher may read the
    // doc in between, when it is empty. That is not a deletion of its model.
    const doc = join(dir, "docs/models/shared/syncrun.md");
    const output = join(dir, "out/models/shared/syncrun.ts");
    const watcher = startWatch(["--watch", "--input", "docs", "--out", "out"]);
    expect(await untilWatching(watcher), watcher.stderr()).toBe(true);
    const text = read(doc);
    let missing = 0;
    const poll = setInterval(() => {
      if (!existsSync(output)) missing++;
    }, 5);
    try {
      writeFileSync(doc, "");
      // Well past the watcher's debounce, as a slow disk or a loaded machine would make it; a
      // blocking wait, so that a busy test process cannot stretch it past the watcher's settling.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60);
      writeFileSync(doc, text.replace("When this sync run was completed.", "When this sync run ended."));
      expect(await waitFor(() => read(output).includes("When this sync run ended.")), watcher.stderr()).toBe(true);
    } finally {
      clearInterval(poll);
    }
    expect(missing).toBe(0);
    expect(watcher.stderr()).not.toMatch(/ 1 removed/);

    // A doc that stays empty is a doc without a model: its output goes.
    writeFileSync(doc, "");
    expect(await waitFor(() => !snapshot(join(dir, "out")).has("models/shared/syncrun.ts")), watcher.stderr()).toBe(true);
    watcher.process.kill("SIGINT");
    expect(await exitWithin(watcher, 5_000)).toEqual({ code: 0, signal: null });
  });

  it("regenerates the last of two saves of a doc made in quick succession", async () => {
    // chokidar drops a second change of a file within 50 ms of the first; the second save must
    // still reach the output.
    const doc = join(dir, "docs/models/shared/syncrun.md");
    const output = join(dir, "out/models/shared/syncrun.ts");
    const watcher = startWatch(["--watch", "--input", "docs", "--out", "out"]);
    expect(await untilWatching(watcher), watcher.stderr()).toBe(true);
    const text = read(doc);
    writeFileSync(doc, text.replace("When this sync run was completed.", "When this sync run first ended."));
    // The second save as soon as the first has reached the output: well within those 50 ms.
    const deadline = Date.now() + 10_000;
    while (!read(output).includes("When this sync run first ended.") && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    writeFileSync(doc, text.replace("When this sync run was completed.", "When this sync run finally ended."));
    expect(await waitFor(() => read(output).includes("When this sync run finally ended.")), watcher.stderr()).toBe(true);
    watcher.process.kill("SIGINT");
    expect(await exitWithin(watcher, 5_000)).toEqual({ code: 0, signal: null });
  });

  it("exits 0 on SIGTERM", async () => {
    const watcher = startWatch(["--watch", "--input", "docs", "--out", "out"]);
    expect(await untilWatching(watcher), watcher.stderr()).toBe(true);
    watcher.process.kill("SIGTERM");
    expect(await exitWithin(watcher, 5_000)).toEqual({ code: 0, signal: null });
  });

  it("regenerates a doc saved right after the watching message", async () => {
    const doc = join(dir, "docs/models/shared/syncrun.md");
    const output = join(dir, "out/models/shared/syncrun.ts");
    const watcher = startWatch(["--watch", "--input", "docs", "--out", "out"]);
    expect(await untilStderr(watcher, "mdspec: watching docs (Ctrl-C to stop)"), watcher.stderr()).toBe(true);
    writeFileSync(doc, read(doc).replace("When this sync run was completed.", "When this sync run finished."));
    expect(await waitFor(() => read(output).includes("When this sync run finished."), 3_000), "the change was never regenerated").toBe(true);
  });

  it("exits 0 on SIGINT sent right after the watching message", async () => {
    const watcher = startWatch(["--watch", "--input", "docs", "--out", "out"]);
    expect(await untilStderr(watcher, "mdspec: watching docs (Ctrl-C to stop)"), watcher.stderr()).toBe(true);
    watcher.process.kill("SIGINT");
    expect(await exitWithin(watcher, 5_000)).toEqual({ code: 0, signal: null });
  });
});
