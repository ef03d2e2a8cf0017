// `mdspec --check` through the real binary: exit 0 when the output is current, exit 1 with the
// drifted files and the model changes (breaking / additive) when it is not, and never a write.
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  copyTemplate,
  editRow,
  ensureBuilt,
  fixture,
  makeTemplate,
  read,
  removeTemp,
  replaceCell,
  runCli,
  snapshot,
  write,
} from "./helpers.js";

const GENERATE = ["--input", "docs", "--out", "out"];
const CHECK = ["--check", "--input", "docs", "--out", "out"];

/** Docs and their generated output, made once and copied into each test's folder. */
let template: string;

beforeAll(async () => {
  ensureBuilt();
  template = await makeTemplate();
});

afterAll(() => removeTemp(template));

const setup = (onTestFinished: (fn: () => void) => void) => copyTemplate(template, onTestFinished);

/** The lines of stderr that are not diagnostics or their code frames. */
function reportLines(stderr: string): string[] {
  return stderr.split("\n").filter((line) => /^(changed|missing|stale) {1,4}\S|^ {2}\S+\.md {2}|^mdspec: /.test(line));
}

describe.concurrent("--check", () => {
  it("exits 0 and writes nothing when the output is current", async ({ expect, onTestFinished }) => {
    const { dir, docs, out } = setup(onTestFinished);
    const before = snapshot(dir);
    const result = await runCli(dir, CHECK);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^mdspec: out is up to date \(8 files\) · /m);
    expect(reportLines(result.stderr)).toHaveLength(1);
    expect(snapshot(dir)).toEqual(before);
  });

  it("exits 1 after doc edits, lists the drifted files and each model change, and writes nothing", async ({ expect, onTestFinished }) => {
    const { dir, docs, out } = setup(onTestFinished);
    const syncrun = join(docs, "models/shared/syncrun.md");
    editRow(syncrun, "errorCode", (row) => replaceCell(row, "*string*", "*number*"));
    editRow(syncrun, "errorDetail", () => null);
    const status = join(docs, "models/shared/syncrunstatus.md");
    writeFileSync(status, `${read(status).trimEnd()}\n| \`Paused\`    | paused      |\n`);
    const trigger = join(docs, "models/shared/synctriggerreason.md");
    editRow(trigger, "upstreamJobId", (row) => `${row}\n${row.replace("`upstreamJobId`", "`retryCount`   ").replace("*string*", "*number*")}`);

    const before = snapshot(dir);
    const result = await runCli(dir, CHECK);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const lines = reportLines(result.stderr);
    expect(lines.slice(0, -1)).toEqual([
      "changed  out/.mdspec-manifest.json",
      "changed  out/models/shared/syncrun.ts",
      "changed  out/models/shared/syncrunstatus.ts",
      "changed  out/models/shared/synctriggerreason.ts",
      "  models/shared/syncrun.md  SyncRun: field errorDetail removed  [breaking]",
      "  models/shared/syncrun.md  SyncRun: field errorCode type changed: string → number  [breaking]",
      "  models/shared/syncrunstatus.md  SyncRunStatus: value \"paused\" added  [additive]",
      "  models/shared/synctriggerreason.md  SyncTriggerReason: field retryCount added (optional number)  [additive]",
    ]);
    expect(lines.at(-1)).toMatch(
      /^mdspec: 4 file\(s\) in out differ from the docs \(4 model change\(s\), 2 breaking\); run mdspec generate · /,
    );
    // --check reads only: no file written, renamed or removed anywhere in the working folder.
    expect(snapshot(dir)).toEqual(before);

    // After generating, the check passes again.
    expect((await runCli(dir, GENERATE)).code).toBe(0);
    const again = await runCli(dir, CHECK);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/^mdspec: out is up to date \(8 files\) · /m);
  });

  it("reports a field made required as breaking", async ({ expect, onTestFinished }) => {
    const { dir, docs, out } = setup(onTestFinished);
    editRow(join(docs, "models/shared/syncrun.md"), "syncId", (row) => replaceCell(row, ":heavy_minus_sign:", ":heavy_check_mark:"));
    const result = await runCli(dir, CHECK);
    expect(result.code).toBe(1);
    expect(reportLines(result.stderr)).toContain("  models/shared/syncrun.md  SyncRun: field syncId made required  [breaking]");
  });

  it("lists missing, hand-edited and stale files, and a removed model, without touching them", async ({ expect, onTestFinished }) => {
    const { dir, docs, out } = setup(onTestFinished);
    write(join(docs, "widgets/widget.md"), fixture("widget.md"));
    expect((await runCli(dir, GENERATE)).code).toBe(0);
    rmSync(join(docs, "widgets"), { recursive: true });
    rmSync(join(out, "models/shared/currentstep.ts"));
    writeFileSync(join(out, "runtime.ts"), "// edited by hand\n");
    write(join(out, "custom.ts"), "export const custom = 1;\n");

    const before = snapshot(dir);
    const result = await runCli(dir, CHECK);
    expect(result.code).toBe(1);
    expect(reportLines(result.stderr).slice(0, -1)).toEqual([
      "changed  out/.mdspec-manifest.json",
      "changed  out/index.ts",
      "changed  out/runtime.ts",
      "missing  out/models/shared/currentstep.ts",
      "stale    out/widgets/index.ts",
      "stale    out/widgets/widget.ts",
      "  widgets/widget.md  Widget: model removed  [breaking]",
    ]);
    expect(result.stderr).not.toContain("custom.ts");
    expect(snapshot(dir)).toEqual(before);
  });

  it("exits 1 and creates nothing when the output folder does not exist", async ({ expect, onTestFinished }) => {
    const { dir, docs, out } = setup(onTestFinished);
    rmSync(out, { recursive: true });
    const result = await runCli(dir, CHECK);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("missing  out/models/shared/syncrun.ts");
    expect(result.stderr).toContain("missing  out/.mdspec-manifest.json");
    expect(existsSync(out)).toBe(false);
  });

  it("exits 1 and writes nothing when a doc has an error", async ({ expect, onTestFinished }) => {
    const { dir, docs, out } = setup(onTestFinished);
    editRow(join(docs, "models/shared/syncrun.md"), "canceled", (row) => replaceCell(row, ":heavy_minus_sign:", "maybe"));
    const before = snapshot(dir);
    const result = await runCli(dir, CHECK);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("[MDS104]");
    expect(snapshot(dir)).toEqual(before);
  });
});
