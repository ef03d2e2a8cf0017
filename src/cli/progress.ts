import type { ProgressEvent } from "../generate.js";
import type { Streams } from "./main.js";

/**
 * The time source of a progress line, injected so that tests control it. `setTimer` calls `fn`
 * once after `ms` milliseconds and returns a function that cancels the call; the timer must not
 * keep the process alive.
 */
export interface ProgressClock {
  readonly now: () => number;
  readonly setTimer: (fn: () => void, ms: number) => () => void;
}

/** The real clock: `performance.now()` and an unref'd `setTimeout`. */
export const SYSTEM_CLOCK: ProgressClock = {
  now: () => performance.now(),
  setTimer: (fn, ms) => {
    // Unref'd: a pending refresh must never delay the exit of a finished run.
    const timer = setTimeout(fn, ms).unref();
    return () => clearTimeout(timer);
  },
};

/** The timing of a progress line. */
export interface ProgressOptions {
  /** How long a run lasts before the line first shows; shorter runs print nothing. Default 200. */
  readonly delayMs?: number;
  /** How often the elapsed time on a shown line is refreshed. Default 100. */
  readonly intervalMs?: number;
  readonly clock?: ProgressClock;
}

/** What the CLI calls while a run goes on: the same calls whether or not a line is shown. */
export interface Progress {
  /** Begins a run (again, in watch mode) with the stage text `text`. */
  start(text: string): void;
  /** Moves to the stage `text`; shown at once when the run has already lasted the delay. */
  set(text: string): void;
  /** Ends the run: erases the line if it was shown, so what is printed next starts clean. */
  stop(): void;
}

/** Returns to the start of the line and erases to its end. */
const ERASE = "\r\x1b[K";

/**
 * A single status line on a terminal, rewritten in place (`\r`, the text, erase to the end of the
 * line) with the stage and the elapsed seconds. Nothing is written until the run has lasted
 * `delayMs`, so a quick run prints no progress at all, and `stop()` erases the line, so the
 * output that follows is the same as without it.
 *
 * Generation blocks the event loop for long stretches (emitting, formatting), when no timer can
 * fire; that is why a new stage is drawn at once by `set`, not left to the next refresh.
 */
export class ProgressLine implements Progress {
  private readonly write: (text: string) => void;
  private readonly delayMs: number;
  private readonly intervalMs: number;
  private readonly clock: ProgressClock;
  private startedAt = 0;
  private text = "";
  private running = false;
  /** The line on the terminal now, or null when none is shown. */
  private shown: string | null = null;
  private cancel: (() => void) | undefined;

  constructor(write: (text: string) => void, options: ProgressOptions = {}) {
    this.write = write;
    this.delayMs = options.delayMs ?? 200;
    this.intervalMs = options.intervalMs ?? 100;
    this.clock = options.clock ?? SYSTEM_CLOCK;
  }

  start(text: string): void {
    this.stop();
    this.running = true;
    this.startedAt = this.clock.now();
    this.text = text;
    this.schedule(this.delayMs);
  }

  set(text: string): void {
    if (!this.running) return;
    this.text = text;
    if (this.clock.now() - this.startedAt >= this.delayMs) this.draw();
  }

  stop(): void {
    this.running = false;
    this.cancel?.();
    this.cancel = undefined;
    if (this.shown !== null) this.write(ERASE);
    this.shown = null;
  }

  private schedule(ms: number): void {
    this.cancel = this.clock.setTimer(() => {
      this.cancel = undefined;
      if (!this.running) return;
      this.draw();
      this.schedule(this.intervalMs);
    }, ms);
  }

  private draw(): void {
    const seconds = (this.clock.now() - this.startedAt) / 1000;
    const line = `mdspec: ${this.text} ${seconds.toFixed(1)} s`;
    // Unchanged text is not rewritten: a terminal over a slow link should not get a stream of copies.
    if (line === this.shown) return;
    this.write(`\r${line}\x1b[K`);
    this.shown = line;
  }
}

/** A {@link Progress} that shows nothing. */
export const NO_PROGRESS: Progress = { start: () => {}, set: () => {}, stop: () => {} };

/**
 * Whether a progress line may be drawn: only on a terminal (a redirected stderr would keep the
 * control sequences), not with `--reporter json` (its output is for programs), and not in CI
 * (`GITHUB_ACTIONS=true`, or `CI` set to anything but empty, `0` or `false`), whose logs show
 * every rewrite as a line of its own.
 */
export function progressEnabled(streams: Pick<Streams, "tty" | "env">, reporter: "text" | "json"): boolean {
  const ci = streams.env["CI"];
  const inCi = streams.env["GITHUB_ACTIONS"] === "true" || (ci !== undefined && ci !== "" && ci !== "0" && ci !== "false");
  return streams.tty && reporter === "text" && !inCi;
}

/** The progress of a CLI run: a {@link ProgressLine} on stderr when {@link progressEnabled}, else nothing. */
export function createProgress(streams: Pick<Streams, "tty" | "env" | "stderr">, reporter: "text" | "json", options: ProgressOptions = {}): Progress {
  return progressEnabled(streams, reporter) ? new ProgressLine(streams.stderr, options) : NO_PROGRESS;
}

/** The text of the progress line for a generation stage, or null when the stage is not shown. */
export function describeProgress(event: ProgressEvent): string | null {
  switch (event.stage) {
    case "parse":
      return `parsing ${count(event.docs, "doc")}…`;
    case "emit":
      return `emitting ${count(event.models, "model")}…`;
    case "format":
      return `formatting ${count(event.files, "file")}…`;
    case "done":
      // The CLI names its own next stage (writing, checking) right after.
      return null;
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
