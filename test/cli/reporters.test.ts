// How the real binary reports: `--reporter json` (one JSON object on stdout) and GitHub Actions
// annotations (`GITHUB_ACTIONS=true`).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { copyTemplate, editRow, ensureBuilt, fixture, makeTemplate, positionOf, read, removeTemp, replaceCell, runCli, snapshot, write } from "./helpers.js";

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

interface JsonReport {
  diagnostics: JsonDiagnostic[];
  summary: string;
  counts: { error: number; warning: number; info: number };
  files?: { written: string[]; removed: string[]; unchanged: number };
  drift?: {
    changed: string[];
    missing: string[];
    stale: string[];
    changes: { doc: string; model: string; message: string; breaking: boolean }[];
  };
}

const ARGS = ["--input", "docs", "--out", "out"];
const REQUIRED_MESSAGE = 'the Required cell of "weight" is "maybe"; expected :heavy_check_mark: or :heavy_minus_sign:';

/** The SyncRun docs and their generated output, made once and copied into each test's folder. */
let template: string;

beforeAll(async () => {
  ensureBuilt();
  template = await makeTemplate();
});

afterAll(() => removeTemp(template));

const setup = (onTestFinished: (fn: () => void) => void) => copyTemplate(template, onTestFinished).dir;

/** Adds the fixture doc with a bad Required cell; returns the position of the bad cell. */
function addBrokenDoc(dir: string): { line: number; column: number } {
  write(join(dir, "docs/gadgets/gadget.md"), fixture("broken.md"));
  return positionOf(fixture("broken.md"), "maybe");
}

describe.concurrent("--reporter json", () => {
  it("prints one JSON object on stdout with the diagnostics and counts of a doc error", async ({ expect, onTestFinished }) => {
    const dir = setup(onTestFinished);
    const where = addBrokenDoc(dir);
    const before = snapshot(join(dir, "out"));
    const result = await runCli(dir, [...ARGS, "--reporter", "json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.diagnostics).toContainEqual({
      file: "gadgets/gadget.md",
      line: where.line,
      column: where.column,
      severity: "error",
      code: "MDS104",
      message: REQUIRED_MESSAGE,
    });
    // SyncRun's doc has a known example mismatch: a warning, reported with the error.
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ file: "models/shared/syncrun.md", severity: "warning", code: "MDS301" }),
    );
    expect(report.diagnostics).toHaveLength(2);
    expect(report.counts).toEqual({ error: 1, warning: 1, info: 0 });
    expect(report.summary).toBe("1 error(s) in the docs; nothing was written");
    expect(result.stderr).not.toContain("[MDS104]");
    expect(snapshot(join(dir, "out"))).toEqual(before);
  });

  it("reports the files written by a successful run", async ({ expect, onTestFinished }) => {
    const dir = setup(onTestFinished);
    write(join(dir, "docs/widgets/widget.md"), fixture("widget.md"));
    const result = await runCli(dir, [...ARGS, "--reporter", "json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.counts).toEqual({ error: 0, warning: 1, info: 0 });
    expect(report.files).toEqual({ written: ["index.ts", "widgets/index.ts", "widgets/widget.ts"], removed: [], unchanged: 7 });
    expect(report.summary).toBe("5 docs, 5 models: 3 file(s) written, 0 removed, 7 unchanged in out");
  });

  it("reports the drift and the model changes of --check", async ({ expect, onTestFinished }) => {
    const dir = setup(onTestFinished);
    editRow(join(dir, "docs/models/shared/syncrun.md"), "errorCode", (row) => replaceCell(row, "*string*", "*number*"));
    const result = await runCli(dir, [...ARGS, "--check", "--reporter", "json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.drift).toMatchObject({
      changed: [".mdspec-manifest.json", "models/shared/syncrun.ts"],
      missing: [],
      stale: [],
      changes: [{ doc: "models/shared/syncrun.md", model: "SyncRun", message: "field errorCode type changed: string → number", breaking: true }],
    });
    // The new example mismatch (JSON_ARRAY_ERROR is not a number) is a warning of its own.
    expect(report.counts).toEqual({ error: 0, warning: 2, info: 0 });
  });

  it("reports non-model files as info diagnostics", async ({ expect, onTestFinished }) => {
    const dir = setup(onTestFinished);
    writeFileSync(join(dir, "docs/README.md"), "Just some notes about the docs.\n");
    const result = await runCli(dir, [...ARGS, "--reporter", "json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.counts.info).toBe(1);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ file: "README.md", severity: "info", code: "MDS001" }));
  });
});

describe.concurrent("GITHUB_ACTIONS=true", () => {
  it("prints an ::error annotation for a doc error on stdout, besides the text diagnostics on stderr", async ({ expect, onTestFinished }) => {
    const dir = setup(onTestFinished);
    const where = addBrokenDoc(dir);
    const result = await runCli(dir, ARGS, { GITHUB_ACTIONS: "true" });
    expect(result.code).toBe(1);
    const annotations = result.stdout.split("\n").filter((line) => line.startsWith("::"));
    expect(annotations).toContain(
      `::error file=docs/gadgets/gadget.md,line=${where.line},col=${where.column},title=MDS104::${REQUIRED_MESSAGE.replace(/%/g, "%25")}`,
    );
    expect(annotations).toContainEqual(expect.stringMatching(/^::warning file=docs\/models\/shared\/syncrun\.md,line=\d+,col=\d+,title=MDS301::/));
    expect(annotations).toHaveLength(2);
    expect(result.stderr).toContain(`docs/gadgets/gadget.md:${where.line}:${where.column}  error  ${REQUIRED_MESSAGE}  [MDS104]`);
  });

  it("prints no annotations without GITHUB_ACTIONS", async ({ expect, onTestFinished }) => {
    const dir = setup(onTestFinished);
    addBrokenDoc(dir);
    const result = await runCli(dir, ARGS);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
  });

  it("leaves the output untouched", async ({ expect, onTestFinished }) => {
    const dir = setup(onTestFinished);
    addBrokenDoc(dir);
    const before = snapshot(join(dir, "out"));
    await runCli(dir, ARGS, { GITHUB_ACTIONS: "true" });
    expect(snapshot(join(dir, "out"))).toEqual(before);
    expect(read(join(dir, "out/.mdspec-manifest.json"))).toBe(before.get(".mdspec-manifest.json")?.content);
  });
});
