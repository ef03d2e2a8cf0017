// The config file through the real binary: found upward from the working folder (.ts, .mjs,
// .json), paths relative to the config file, CLI flags over the config, `--config` to choose one.
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, it } from "vitest";
import { copySharedDocs, ensureBuilt, fixture, interfaceBlock, read, runCli, tempFor, write } from "./helpers.js";

beforeAll(ensureBuilt);

/** <tmp>/project holds the docs and the config; the CLI runs in <tmp>/project/packages/app. */
function setup(onTestFinished: (fn: () => void) => void): { project: string; cwd: string } {
  const project = join(tempFor(onTestFinished), "project");
  const cwd = join(project, "packages/app");
  mkdirSync(cwd, { recursive: true });
  copySharedDocs(join(project, "docs"));
  return { project, cwd };
}

/** The `SyncRunJson` interface of an output folder. */
function syncRunJson(out: string): string {
  return interfaceBlock(read(join(out, "models/shared/syncrun.ts")), "SyncRunJson");
}

const MJS_CONFIG = 'export default { input: "docs", out: "gen", wireNames: { case: "snake_case" } };\n';

const TS_CONFIG = `// Needs TypeScript loading: an interface, annotations and \`satisfies\`.
interface Config {
  readonly input: string;
  readonly out: string;
  readonly wireNames: { readonly case: "preserve" | "snake_case" | "camelCase" };
}

const docs: string = "docs";

export default { input: docs, out: "gen" as string, wireNames: { case: "snake_case" } } satisfies Config as Config;
`;

const JSON_CONFIG = `${JSON.stringify({ input: "docs", out: "gen", wireNames: { case: "snake_case" } }, null, 2)}\n`;

describe.concurrent("config file", () => {
  for (const [name, text] of [
    ["mdspec.config.mjs", MJS_CONFIG],
    ["mdspec.config.ts", TS_CONFIG],
    ["mdspec.config.json", JSON_CONFIG],
  ] as const) {
    it(`finds ${name} upward; its paths are relative to it; wireNames.case applies`, async ({ expect, onTestFinished }) => {
      const { project, cwd } = setup(onTestFinished);
      write(join(project, name), text);
      const result = await runCli(cwd, []);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/^mdspec: 4 docs, 4 models: 8 file\(s\) written, 0 removed, 0 unchanged in \.\.\/\.\.\/gen · /m);
      // Written next to the config, not in the working folder.
      expect(readdirSync(cwd)).toEqual([]);
      const json = syncRunJson(join(project, "gen"));
      expect(json).toContain("  completed_at?: string | null | undefined;");
      expect(json).toContain("  error_code?: string | null | undefined;");
      expect(json).not.toContain("completedAt");
      // The TypeScript side keeps the doc's names.
      expect(interfaceBlock(read(join(project, "gen/models/shared/syncrun.ts")), "SyncRun")).toContain("completedAt?: Date | undefined;");
    });
  }

  it("lets CLI flags override the config: --wire-case and --out (relative to the working folder)", async ({ expect, onTestFinished }) => {
    const { project, cwd } = setup(onTestFinished);
    write(join(project, "mdspec.config.mjs"), MJS_CONFIG);
    const result = await runCli(cwd, ["--wire-case", "preserve", "--out", "other"]);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(project, "gen"))).toBe(false);
    const json = syncRunJson(join(cwd, "other"));
    expect(json).toContain("  completedAt?: string | null | undefined;");
    expect(json).not.toContain("completed_at");
  });

  it("lets --input override the config's input", async ({ expect, onTestFinished }) => {
    const { project, cwd } = setup(onTestFinished);
    write(join(project, "mdspec.config.json"), JSON.stringify({ input: "no-such-docs", out: "gen" }));
    copySharedDocs(join(cwd, "local-docs"), ["syncrunstatus.md"]);
    const result = await runCli(cwd, ["--input", "local-docs"]);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(join(project, "gen/models/shared")).sort()).toEqual(["index.ts", "syncrunstatus.ts"]);
  });

  it("uses the config nearest to the working folder", async ({ expect, onTestFinished }) => {
    const { project, cwd } = setup(onTestFinished);
    write(join(project, "mdspec.config.json"), JSON.stringify({ input: "docs", out: "outer-gen" }));
    write(join(cwd, "mdspec.config.json"), JSON.stringify({ input: "../../docs", out: "inner-gen", wireNames: { case: "snake_case" } }));
    const result = await runCli(cwd, []);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(project, "outer-gen"))).toBe(false);
    expect(syncRunJson(join(cwd, "inner-gen"))).toContain("completed_at?: string | null | undefined;");
  });

  it("--config selects an explicit file, whose paths are relative to it", async ({ expect, onTestFinished }) => {
    const { project, cwd } = setup(onTestFinished);
    write(join(project, "mdspec.config.json"), JSON.stringify({ input: "docs", out: "gen" }));
    write(
      join(project, "configs/custom.mjs"),
      'export default { input: "../docs", out: "custom-gen", wireNames: { case: "kebab-case" } };\n',
    );
    const result = await runCli(cwd, ["--config", "../../configs/custom.mjs"]);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(project, "gen"))).toBe(false);
    expect(syncRunJson(join(project, "configs/custom-gen"))).toContain('"completed-at"?: string | null | undefined;');
  });

  it("--config with a .ts file loads it through TypeScript", async ({ expect, onTestFinished }) => {
    const { project, cwd } = setup(onTestFinished);
    write(join(project, "configs/mdspec.ts"), TS_CONFIG.replace('input: docs', 'input: "../docs"').replace('const docs: string = "docs";\n', ""));
    const result = await runCli(cwd, ["--config", "../../configs/mdspec.ts"]);
    expect(result.code, result.stderr).toBe(0);
    expect(syncRunJson(join(project, "configs/gen"))).toContain("completed_at?: string | null | undefined;");
  });

  it("applies the config's other options (enumStyle)", async ({ expect, onTestFinished }) => {
    const { project, cwd } = setup(onTestFinished);
    write(join(project, "mdspec.config.json"), JSON.stringify({ input: "docs", out: "gen", enumStyle: "enum" }));
    const result = await runCli(cwd, []);
    expect(result.code, result.stderr).toBe(0);
    expect(read(join(project, "gen/models/shared/syncrunstatus.ts"))).toMatch(/export enum SyncRunStatus \{/);
    const flagged = await runCli(cwd, ["--enum-style", "union", "--out", "flagged"]);
    expect(flagged.code, flagged.stderr).toBe(0);
    expect(read(join(cwd, "flagged/models/shared/syncrunstatus.ts"))).not.toMatch(/export enum SyncRunStatus/);
  });

  it("applies requiredNulls from the config, and --required-nulls over it", async ({ expect, onTestFinished }) => {
    const { project, cwd } = setup(onTestFinished);
    write(join(project, "docs/widgets/widget.md"), fixture("widget.md"));
    write(join(project, "mdspec.config.json"), JSON.stringify({ input: "docs", out: "gen", requiredNulls: "accept" }));
    const result = await runCli(cwd, []);
    expect(result.code, result.stderr).toBe(0);
    expect(interfaceBlock(read(join(project, "gen/widgets/widget.ts")), "Widget")).toContain("  id: string | null;");
    const flagged = await runCli(cwd, ["--required-nulls", "reject", "--out", "flagged"]);
    expect(flagged.code, flagged.stderr).toBe(0);
    expect(interfaceBlock(read(join(cwd, "flagged/widgets/widget.ts")), "Widget")).toContain("  id: string;");
    write(join(project, "mdspec.config.json"), JSON.stringify({ input: "docs", out: "gen", requiredNulls: "yes" }));
    const bad = await runCli(cwd, []);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"requiredNulls" must be one of reject, accept; got "yes"');
  });

  it("applies flavour from the config, and --flavour over it; mdspec ir shows the flavour", async ({ expect, onTestFinished }) => {
    const { project, cwd } = setup(onTestFinished);
    // A doc whose Type cells are the same in TypeScript and Python docs: read as either.
    write(join(project, "docs/python/person.md"), "# Person\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `full_name` | *Optional[str]* | :heavy_minus_sign: | N/A |\n");
    write(join(project, "mdspec.config.json"), JSON.stringify({ input: "docs/python", out: "gen", flavour: "python" }));
    const result = await runCli(cwd, []);
    expect(result.code, result.stderr).toBe(0);
    expect(interfaceBlock(read(join(project, "gen/person.ts")), "Person")).toContain("  fullName?: string | undefined;");
    const ir = await runCli(cwd, ["ir"]);
    expect(JSON.parse(ir.stdout).flavours).toEqual({ ".": "python" });
    const forced = await runCli(cwd, ["ir", "--flavour", "typescript"]);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toContain("[MDS105]");
    write(join(project, "mdspec.config.json"), JSON.stringify({ input: "docs/python", flavour: "cobol" }));
    const bad = await runCli(cwd, []);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"flavour" must be one of auto, typescript, python');
  });

  it("reads wireNames.overrides from a file relative to the config; --wire-overrides (relative to cwd) replaces it", async ({ expect, onTestFinished }) => {
    const { project, cwd } = setup(onTestFinished);
    write(join(project, "mdspec.config.json"), JSON.stringify({ input: "docs", out: "gen", wireNames: { overrides: "config/wire.json" } }));
    write(join(project, "config/wire.json"), JSON.stringify({ "models/shared/syncrun.md": { completedAt: "finished_at" } }));
    const result = await runCli(cwd, []);
    expect(result.code, result.stderr).toBe(0);
    const json = syncRunJson(join(project, "gen"));
    expect(json).toContain("  finished_at?: string | null | undefined;");
    expect(json).toContain("  createdAt?: string | null | undefined;");

    write(join(cwd, "wire.json"), JSON.stringify({ "models/shared/syncrun.md": { createdAt: "created" } }));
    const flagged = await runCli(cwd, ["--wire-overrides", "wire.json", "--out", "flagged"]);
    expect(flagged.code, flagged.stderr).toBe(0);
    const flaggedJson = syncRunJson(join(cwd, "flagged"));
    expect(flaggedJson).toContain("  created?: string | null | undefined;");
    expect(flaggedJson).toContain("  completedAt?: string | null | undefined;");
  });
});
