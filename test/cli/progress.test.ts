// The progress line of long runs on a terminal: the renderer on an injected clock (nothing for
// quick runs, a line rewritten in place and erased for long ones, nothing off a terminal, with
// --reporter json or in CI), and the CLI in-process, whose final output must read as without it.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, type Streams } from "../../src/cli/main.js";
import { type ProgressClock, ProgressLine, SYSTEM_CLOCK, createProgress, describeProgress } from "../../src/cli/progress.js";
import { copySharedDocs, tempFor, write } from "./helpers.js";

/** A clock that moves only when told to, firing the timers that fall due on the way. */
class FakeClock implements ProgressClock {
  time = 0;
  private timers: { at: number; fn: () => void; cancelled: boolean }[] = [];

  readonly now = (): number => this.time;

  readonly setTimer = (fn: () => void, ms: number): (() => void) => {
    const timer = { at: this.time + ms, fn, cancelled: false };
    this.timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  };

  /** Moves the time on by `ms`, running each timer at its due time, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((timer) => !timer.cancelled && timer.at <= end).sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = due.at;
      due.fn();
    }
    this.time = end;
  }

  /** Moves the time on without running timers, as when generation blocks the event loop. */
  block(ms: number): void {
    this.time += ms;
  }

  /** How many timers are still waiting. */
  pending(): number {
    return this.timers.filter((timer) => !timer.cancelled).length;
  }
}

/** A progress line on a fake clock, with everything it writes. */
function line(options: { delayMs?: number; intervalMs?: number } = {}) {
  const clock = new FakeClock();
  const writes: string[] = [];
  const progress = new ProgressLine((text) => writes.push(text), { ...options, clock });
  return { clock, writes, progress, output: () => writes.join("") };
}

const drawn = (text: string, seconds: string) => `\rmdspec: ${text} ${seconds} s\x1b[K`;
const ERASE = "\r\x1b[K";

describe("ProgressLine", () => {
  it("prints nothing at all for a run shorter than the delay", () => {
    const { clock, progress, output } = line();
    progress.start("generating…");
    clock.advance(50);
    progress.set("parsing 4 docs…");
    clock.advance(100);
    progress.set("writing…");
    clock.advance(49);
    progress.stop();
    clock.advance(1000);
    expect(output()).toBe("");
    expect(clock.pending()).toBe(0);
  });

  it("draws the line once the run has lasted the delay, rewrites it in place and erases it at the end", () => {
    const { clock, writes, progress } = line();
    progress.start("generating…");
    clock.advance(150);
    progress.set("parsing 1012 docs…");
    expect(writes).toEqual([]);
    clock.advance(50);
    expect(writes).toEqual([drawn("parsing 1012 docs…", "0.2")]);
    clock.advance(100);
    expect(writes.at(-1)).toBe(drawn("parsing 1012 docs…", "0.3"));
    progress.set("emitting 1012 models…");
    expect(writes.at(-1)).toBe(drawn("emitting 1012 models…", "0.3"));
    progress.stop();
    expect(writes.at(-1)).toBe(ERASE);
    const count = writes.length;
    clock.advance(1000);
    progress.set("writing…");
    expect(writes).toHaveLength(count);
    expect(clock.pending()).toBe(0);
  });

  it("draws a new stage at once when the event loop was blocked past the delay", () => {
    const { clock, writes, progress } = line();
    progress.start("generating…");
    // Emitting runs synchronously: no timer fires, yet the next stage must show when it starts.
    clock.block(2500);
    progress.set("formatting 1017 files…");
    expect(writes).toEqual([drawn("formatting 1017 files…", "2.5")]);
  });

  it("does not rewrite an unchanged line", () => {
    const { clock, writes, progress } = line({ intervalMs: 20 });
    progress.start("parsing 1012 docs…");
    clock.advance(200);
    clock.advance(20);
    clock.advance(20);
    progress.set("parsing 1012 docs…");
    // 0.20, 0.22 and 0.24 s all round to 0.2 s: one write.
    expect(writes).toEqual([drawn("parsing 1012 docs…", "0.2")]);
  });

  it("starts over for each run (watch mode): the delay and the elapsed time count from the new start", () => {
    const { clock, writes, progress } = line();
    progress.start("generating…");
    clock.advance(300);
    progress.stop();
    clock.advance(5000);
    writes.length = 0;
    progress.start("generating…");
    progress.set("parsing 1 doc…");
    clock.advance(100);
    expect(writes).toEqual([]);
    clock.advance(100);
    expect(writes).toEqual([drawn("parsing 1 doc…", "0.2")]);
    progress.stop();
    expect(writes.at(-1)).toBe(ERASE);
  });

  it("fires through the real clock's timer", async () => {
    const writes: string[] = [];
    const progress = new ProgressLine((text) => writes.push(text), { delayMs: 10, clock: SYSTEM_CLOCK });
    progress.start("generating…");
    await new Promise((resolve) => setTimeout(resolve, 60));
    progress.stop();
    expect(writes[0]).toMatch(/^\rmdspec: generating… \d+\.\d s\x1b\[K$/);
    expect(writes.at(-1)).toBe(ERASE);
  });
});

describe("createProgress", () => {
  /** Everything a progress made for `streams` prints over a five-second run. */
  function longRun(tty: boolean, env: Record<string, string>, reporter: "text" | "json"): string {
    const clock = new FakeClock();
    let stderr = "";
    const progress = createProgress({ tty, env, stderr: (text) => (stderr += text) }, reporter, { clock });
    progress.start("generating…");
    clock.advance(1000);
    progress.set("formatting 1017 files…");
    clock.advance(4000);
    progress.stop();
    return stderr;
  }

  it("shows the line on a terminal with the text reporter", () => {
    expect(longRun(true, {}, "text")).toContain(drawn("formatting 1017 files…", "1.0"));
    expect(longRun(true, { CI: "false" }, "text")).toContain("\x1b[K");
  });

  it.each([
    ["stderr is not a terminal", false, {}, "text"],
    ["--reporter json", true, {}, "json"],
    ["CI is set", true, { CI: "true" }, "text"],
    ["CI is set to 1", true, { CI: "1" }, "text"],
    ["GITHUB_ACTIONS=true", true, { GITHUB_ACTIONS: "true" }, "text"],
  ] as const)("prints nothing when %s", (_, tty, env, reporter) => {
    expect(longRun(tty, env, reporter)).toBe("");
  });
});

describe("describeProgress", () => {
  it("names each stage of a generation with its count", () => {
    expect(describeProgress({ stage: "parse", docs: 1012 })).toBe("parsing 1012 docs…");
    expect(describeProgress({ stage: "parse", docs: 1 })).toBe("parsing 1 doc…");
    expect(describeProgress({ stage: "emit", models: 1012 })).toBe("emitting 1012 models…");
    expect(describeProgress({ stage: "format", files: 1017 })).toBe("formatting 1017 files…");
    expect(describeProgress({ stage: "done" })).toBeNull();
  });
});

describe("mdspec generate in-process", () => {
  /** A folder with the SyncRun docs (one has an example warning) and a non-model file. */
  function docsFolder(onTestFinished: (fn: () => void) => void): string {
    const dir = tempFor(onTestFinished);
    copySharedDocs(join(dir, "docs"));
    write(join(dir, "docs/README.md"), "Notes about the docs, not a model.\n");
    return dir;
  }

  /** Runs `main` in `cwd` with captured streams. */
  async function run(cwd: string, args: readonly string[], streams: Partial<Streams>): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = "";
    let stderr = "";
    const code = await main(args, {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      tty: false,
      env: { NO_COLOR: "1" },
      cwd,
      ...streams,
    });
    return { code, stdout, stderr };
  }

  /** A clock on which every reading is a second later: each stage counts as a long run. */
  function slowClock(): ProgressClock {
    let time = 0;
    return { now: () => (time += 1000), setTimer: () => () => {} };
  }

  /** The progress sequences: `\r`, a line, erase to the end of the line. */
  const stripProgress = (text: string) => text.replace(/\r[^\r\n]*?\x1b\[K/g, "");
  /** The run time of the summary line varies from run to run. */
  const stripTime = (text: string) => text.replace(/ · \d+\.\d\d s\n/g, " · T s\n");

  const ARGS = ["generate", "--input", "docs", "--out", "out"];

  it("leaves, once the progress is removed, the same output as a run off a terminal", async ({ onTestFinished }) => {
    const plain = await run(docsFolder(onTestFinished), ARGS, {});
    const onTty = await run(docsFolder(onTestFinished), ARGS, { tty: true, progressClock: slowClock() });

    expect(onTty.code).toBe(0);
    expect(plain.code).toBe(0);
    for (const stage of ["parsing 5 docs…", "emitting 4 models…", "formatting 7 files…", "writing…"]) {
      expect(onTty.stderr).toMatch(new RegExp(`\\rmdspec: ${stage} \\d+\\.\\d s\\x1b\\[K`));
    }
    expect(plain.stderr).not.toContain("\r");
    // The line is erased right before the first diagnostic, so that it starts at the margin.
    expect(onTty.stderr).toMatch(/\r\x1b\[Kdocs\/models\/shared\/syncrun\.md:\d+:\d+ {2}warning/);
    expect(stripTime(stripProgress(onTty.stderr))).toBe(stripTime(plain.stderr));
    expect(plain.stderr).toMatch(/^docs\/models\/shared\/syncrun\.md:\d+:\d+ {2}warning/);
    expect(plain.stderr).toContain("mdspec: 5 docs, 4 models: 8 file(s) written, 0 removed, 0 unchanged in out");
    expect(onTty.stdout).toBe(plain.stdout);
  });

  it.for([
    ["--reporter json", ["--reporter", "json"], {}],
    ["CI", [], { CI: "true" }],
    ["GITHUB_ACTIONS=true", [], { GITHUB_ACTIONS: "true" }],
  ] as const)("prints no progress with %s", async ([, extra, env], { onTestFinished }) => {
    const result = await run(docsFolder(onTestFinished), [...ARGS, ...extra], { tty: true, progressClock: slowClock(), env: { NO_COLOR: "1", ...env } });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain("\x1b[K");
    expect(result.stderr).not.toContain("\r");
  });
});
