// `--openapi` and `--json-schema` through the real binary: the documents are written (inside or
// outside the output folder) and listed in the manifest, reruns leave them alone, `--check` lists
// the drifted schemas model by model, the config keys are relative to the config file, a stale
// document is removed only while it bears mdspec's mark, bad paths are refused, and `--watch`
// rewrites them.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { BIN, cliEnv, copyTemplate, editRow, ensureBuilt, makeTemplate, read, removeTemp, replaceCell, runCli, snapshot, waitFor, write } from "./helpers.js";

const EXPORTS = ["--openapi", "api/openapi.json", "--json-schema", "out/models.schema.json"];
const GENERATE = ["--input", "docs", "--out", "out", ...EXPORTS];

let template: string;

beforeAll(async () => {
  ensureBuilt();
  template = await makeTemplate();
});

afterAll(() => removeTemp(template));

const setup = (onTestFinished: (fn: () => void) => void) => copyTemplate(template, onTestFinished);

describe.concurrent("exported documents", () => {
  it("writes both documents, lists them in the manifest, and leaves them alone on a rerun", async ({ expect, onTestFinished }) => {
    const { dir, out } = setup(onTestFinished);
    const first = await runCli(dir, GENERATE);
    expect(first.code, first.stderr).toBe(0);
    const openapi = JSON.parse(read(join(dir, "api/openapi.json"))) as { openapi: string; info: object; components: { schemas: object } };
    expect(openapi.openapi).toBe("3.1.0");
    expect(openapi.info).toEqual({ title: "docs", version: "0.0.0" });
    expect(Object.keys(openapi.components.schemas)).toEqual(["CurrentStep", "SyncRun", "SyncRunStatus", "SyncTriggerReason"]);
    expect(Object.keys((JSON.parse(read(join(out, "models.schema.json"))) as { $defs: object }).$defs)).toHaveLength(4);
    expect((JSON.parse(read(join(out, ".mdspec-manifest.json"))) as { exports: string[] }).exports).toEqual(["../api/openapi.json", "models.schema.json"]);
    const before = snapshot(dir);
    const again = await runCli(dir, GENERATE);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/0 file\(s\) written, 0 removed, 10 unchanged in out/);
    const after = snapshot(dir);
    for (const path of ["api/openapi.json", "out/models.schema.json"]) expect(after.get(path), path).toEqual(before.get(path));
    const check = await runCli(dir, ["--check", ...GENERATE]);
    expect(check.code, check.stderr).toBe(0);
  });

  it("--check exits 1 and names each schema that drifted, with its doc", async ({ expect, onTestFinished }) => {
    const { dir, docs } = setup(onTestFinished);
    expect((await runCli(dir, GENERATE)).code).toBe(0);
    editRow(join(docs, "models/shared/syncrun.md"), "errorCode", (row) => replaceCell(row, "*string*", "*number*"));
    const before = snapshot(dir);
    const check = await runCli(dir, ["--check", ...GENERATE]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("changed  api/openapi.json\n");
    expect(check.stderr).toContain("changed  out/models.schema.json\n");
    expect(check.stderr).toContain("  models/shared/syncrun.md  SyncRun: schema changed in api/openapi.json\n");
    expect(check.stderr).toContain("  models/shared/syncrun.md  SyncRun: schema changed in out/models.schema.json\n");
    expect(check.stderr).not.toContain("SyncRunStatus: schema");
    expect(snapshot(dir)).toEqual(before);
    const json = await runCli(dir, ["--check", "--reporter", "json", ...GENERATE]);
    const report = JSON.parse(json.stdout) as { drift: { schemas: unknown[] } };
    expect(report.drift.schemas).toContainEqual({ key: "SyncRun", doc: "models/shared/syncrun.md", change: "changed", file: "../api/openapi.json" });
  });

  it("takes the config keys relative to the config file, with the info", async ({ expect, onTestFinished }) => {
    const { dir } = setup(onTestFinished);
    write(
      join(dir, "config/mdspec.config.json"),
      JSON.stringify({ input: "../docs", out: "../out", openapi: "../spec/openapi.json", jsonSchema: "schema.json", info: { title: "Acme", version: "2.1.0" } }),
    );
    const result = await runCli(join(dir, "out"), ["--config", "../config/mdspec.config.json"]);
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(read(join(dir, "spec/openapi.json"))) as { info: object }).info).toEqual({ title: "Acme", version: "2.1.0" });
    expect((JSON.parse(read(join(dir, "config/schema.json"))) as { title: string }).title).toBe("Acme");
  });

  it("removes a document no longer asked for while it bears mdspec's mark, and never a file of the user's", async ({ expect, onTestFinished }) => {
    const { dir, out } = setup(onTestFinished);
    expect((await runCli(dir, GENERATE)).code).toBe(0);
    const dropped = await runCli(dir, ["--input", "docs", "--out", "out", "--openapi", "api/openapi.json"]);
    expect(dropped.code).toBe(0);
    expect(dropped.stderr).toMatch(/1 removed/);
    expect(existsSync(join(out, "models.schema.json"))).toBe(false);
    // The user replaced the document with a file of their own: it stays.
    writeFileSync(join(dir, "api/openapi.json"), '{ "openapi": "3.1.0", "info": { "title": "mine", "version": "1" } }\n');
    const none = await runCli(dir, ["--input", "docs", "--out", "out"]);
    expect(none.code).toBe(0);
    expect(read(join(dir, "api/openapi.json"))).toContain('"mine"');
    expect((JSON.parse(read(join(out, ".mdspec-manifest.json"))) as { exports?: string[] }).exports).toBeUndefined();
  });

  it("refuses an export that is not a .json file, or is mdspec's manifest, and an unknown info key", async ({ expect, onTestFinished }) => {
    const { dir } = setup(onTestFinished);
    const yaml = await runCli(dir, ["--input", "docs", "--out", "out", "--openapi", "openapi.yaml"]);
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toContain("--openapi openapi.yaml: an exported document is a .json file");
    const manifest = await runCli(dir, ["--input", "docs", "--out", "out", "--json-schema", "out/.mdspec-manifest.json"]);
    expect(manifest.code).toBe(2);
    expect(manifest.stderr).toContain("that is mdspec's .mdspec-manifest.json");
    const same = await runCli(dir, ["--input", "docs", "--out", "out", "--openapi", "a.json", "--json-schema", "a.json"]);
    expect(same.code).toBe(2);
    write(join(dir, "mdspec.config.json"), JSON.stringify({ info: { title: "x", owner: "me" } }));
    const config = await runCli(dir, ["--input", "docs", "--out", "out"]);
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('"info.owner" is not a config key');
  });
});

describe("exported documents under --watch", () => {
  let child: ChildProcess | undefined;
  afterAll(() => child?.kill("SIGKILL"));

  it("rewrites them when a doc changes", async ({ expect, onTestFinished }) => {
    const { dir, docs } = setup(onTestFinished);
    const proc = spawn(process.execPath, [BIN, "--watch", ...GENERATE], { cwd: dir, env: cliEnv(), stdio: ["ignore", "pipe", "pipe"] });
    child = proc;
    let stderr = "";
    proc.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    expect(await waitFor(() => stderr.includes("mdspec: watching"), 30_000)).toBe(true);
    const openapi = join(dir, "api/openapi.json");
    expect(read(openapi)).not.toContain('"flagged"');
    editRow(join(docs, "models/shared/syncrun.md"), "errorCode", (row) => `${row}\n${row.replace("`errorCode`", "`flagged`  ").replace("*string*", "*boolean*")}`);
    expect(await waitFor(() => read(openapi).includes('"flagged"'), 30_000), stderr).toBe(true);
    expect(read(join(dir, "out/models.schema.json"))).toContain('"flagged"');
    proc.kill("SIGINT");
    expect(await new Promise((resolve) => proc.on("exit", resolve))).toBe(0);
  });
});
