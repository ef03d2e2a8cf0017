// Exit codes of the real binary (0 ok, 1 drift or doc errors, 2 usage or configuration errors),
// `--help` and `--version`.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { type ExpectStatic, beforeAll, describe, it } from "vitest";
import { VERSION, copySharedDocs, editRow, ensureBuilt, replaceCell, runCli, tempFor, write } from "./helpers.js";

beforeAll(ensureBuilt);

/** Asserts a usage/config failure: exit 2, a `mdspec: ...` message on stderr, nothing written. */
async function expectUsageError(expect: ExpectStatic, work: string, args: string[], message: string | RegExp): Promise<string> {
  const before = readdirSync(work, { recursive: true });
  const result = await runCli(work, args);
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^mdspec: /);
  if (typeof message === "string") expect(result.stderr).toContain(message);
  else expect(result.stderr).toMatch(message);
  expect(readdirSync(work, { recursive: true })).toEqual(before);
  return result.stderr;
}

describe.concurrent("exit codes", () => {
  it("0 for a clean generate, 1 for drift, 1 for a doc error", async ({ expect, onTestFinished }) => {
    const work = tempFor(onTestFinished);
    copySharedDocs(join(work, "docs"));
    expect((await runCli(work, ["--input", "docs", "--out", "out"])).code).toBe(0);
    expect((await runCli(work, ["--input", "docs", "--out", "out", "--check"])).code).toBe(0);
    const syncrun = join(work, "docs/models/shared/syncrun.md");
    editRow(syncrun, "syncId", (row) => replaceCell(row, "*number*", "*string*"));
    expect((await runCli(work, ["--input", "docs", "--out", "out", "--check"])).code).toBe(1);
    editRow(syncrun, "syncId", (row) => replaceCell(row, ":heavy_minus_sign:", "nope"));
    expect((await runCli(work, ["--input", "docs", "--out", "out"])).code).toBe(1);
  });

  it("2 for an unknown flag", async ({ expect, onTestFinished }) => {
    const work = tempFor(onTestFinished);
    const stderr = await expectUsageError(expect, work, ["--bogus"], "--bogus");
    expect(stderr).toContain("Usage: mdspec");
  });

  it("2 for an unknown command or an extra argument", async ({ expect, onTestFinished }) => {
    const work = tempFor(onTestFinished);
    await expectUsageError(expect, work, ["frobnicate"], 'unknown command "frobnicate"');
    await expectUsageError(expect, work, ["generate", "extra"], 'unexpected argument "extra"');
  });

  it("2 for a bad --wire-case value, naming the flag and the allowed values", async ({ expect, onTestFinished }) => {
    const work = tempFor(onTestFinished);
    await expectUsageError(expect, work, ["--wire-case", "x"], '--wire-case must be one of preserve, snake_case, camelCase, PascalCase, kebab-case; got "x"');
  });

  it("2 for a bad --enum-style, --reporter and --flavour value", async ({ expect, onTestFinished }) => {
    const work = tempFor(onTestFinished);
    await expectUsageError(expect, work, ["--enum-style", "weird"], "--enum-style must be one of const, enum, union");
    await expectUsageError(expect, work, ["--reporter", "xml"], "--reporter must be one of text, json");
    await expectUsageError(expect, work, ["--flavour", "cobol"], "--flavour must be one of auto, typescript, python");
  });

  it("2 for a flag missing its value", async ({ expect, onTestFinished }) => {
    const work = tempFor(onTestFinished);
    await expectUsageError(expect, work, ["--out"], "--out");
  });

  it("2 for --check combined with --watch", async ({ expect, onTestFinished }) => {
    const work = tempFor(onTestFinished);
    copySharedDocs(join(work, "docs"));
    await expectUsageError(expect, work, ["--check", "--watch", "--input", "docs", "--out", "out"], "--check and --watch cannot be combined");
  });

  it("2 for a missing docs root", async ({ expect, onTestFinished }) => {
    const work = tempFor(onTestFinished);
    await expectUsageError(expect, work, ["--input", "nope", "--out", "out"], "mdspec: the docs root nope does not exist or is not a folder");
    // The default docs root is specs/ of the working folder.
    await expectUsageError(expect, work, [], "mdspec: the docs root specs does not exist or is not a folder");
    await expectUsageError(expect, work, ["--check", "--input", "nope", "--out", "out"], "the docs root nope does not exist");
  });

  it("2 for a missing docs root in watch mode", async ({ expect, onTestFinished }) => {
    const work = tempFor(onTestFinished);
    await expectUsageError(expect, work, ["--watch", "--input", "nope", "--out", "out"], "mdspec: the docs root nope does not exist or is not a folder");
  });

  it("2 for a docs root that is a file", async ({ expect, onTestFinished }) => {
    const work = tempFor(onTestFinished);
    write(join(work, "docs.md"), "# Not a folder\n");
    await expectUsageError(expect, work, ["--input", "docs.md", "--out", "out"], "mdspec: the docs root docs.md does not exist or is not a folder");
  });

  it("2 for a config with an unknown key, naming the key and the file", async ({ expect, onTestFinished }) => {
    const work = tempFor(onTestFinished);
    write(join(work, "mdspec.config.json"), JSON.stringify({ input: "docs", outDir: "gen" }));
    await expectUsageError(expect, work, [], `${join(work, "mdspec.config.json")}: "outDir" is not a config key`);
  });

  it("2 for a config with an unknown nested key or a bad value, naming the key", async ({ expect, onTestFinished }) => {
    const work = tempFor(onTestFinished);
    write(join(work, "mdspec.config.mjs"), 'export default { wireNames: { kase: "snake_case" } };\n');
    await expectUsageError(expect, work, [], '"wireNames.kase" is not a config key');
    write(join(work, "mdspec.config.mjs"), 'export default { wireNames: { case: "SCREAMING" } };\n');
    await expectUsageError(expect, work, [], '"wireNames.case" must be one of preserve, snake_case, camelCase, PascalCase, kebab-case; got "SCREAMING"');
    write(join(work, "mdspec.config.mjs"), "export default { enumStyle: 3 };\n");
    await expectUsageError(expect, work, [], '"enumStyle" must be one of const, enum, union; got 3');
  });

  it("2 for a config that cannot be loaded", async ({ expect, onTestFinished }) => {
    const work = tempFor(onTestFinished);
    write(join(work, "mdspec.config.json"), "{ not json");
    await expectUsageError(expect, work, [], /^mdspec: cannot load /);
  });

  it("2 for a --config file that does not exist", async ({ expect, onTestFinished }) => {
    const work = tempFor(onTestFinished);
    await expectUsageError(expect, work, ["--config", "missing.config.json"], `cannot load ${join(work, "missing.config.json")}`);
  });

  it("2 for a --wire-overrides file that does not exist", async ({ expect, onTestFinished }) => {
    const work = tempFor(onTestFinished);
    copySharedDocs(join(work, "docs"));
    await expectUsageError(expect, work, ["--input", "docs", "--out", "out", "--wire-overrides", "nope.json"], "cannot read --wire-overrides nope.json");
  });
});

describe.concurrent("--help and --version", () => {
  it("--help prints the usage with every flag and exits 0", async ({ expect, onTestFinished }) => {
    const work = tempFor(onTestFinished);
    for (const flag of ["--help", "-h"]) {
      const result = await runCli(work, [flag]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout).toMatch(/^Usage: mdspec \[generate\] \[options\]\n/);
      for (const option of [
        "--input DIR",
        "--out DIR",
        "--config FILE",
        "--check",
        "--watch",
        "--enum-style STYLE",
        "--any-type TYPE",
        "--unknown-keys POLICY",
        "--nulls POLICY",
        "--required-nulls POLICY",
        "--wire-case CASE",
        "--wire-overrides FILE",
        "--reporter FORMAT",
        "-h, --help",
        "-v, --version",
      ]) {
        expect(result.stdout).toContain(`  ${option} `);
      }
      expect(result.stdout).toContain("Exit codes: 0 ok, 1 drift or doc errors, 2 usage or configuration error.");
    }
    expect(readdirSync(work)).toEqual([]);
  });

  it("--version prints the version of package.json and exits 0", async ({ expect, onTestFinished }) => {
    const work = tempFor(onTestFinished);
    for (const flag of ["--version", "-v"]) {
      const result = await runCli(work, [flag]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`${VERSION}\n`);
      expect(result.stderr).toBe("");
    }
  });
});
