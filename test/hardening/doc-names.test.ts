// Doc names are never refused. A doc whose output name mdspec writes itself (`runtime.md` at the
// root, `index.md` anywhere), whose output differs only in case from another's (`Foo.md` and
// `foo.md`), or that TypeScript would read as a declaration file gets the documented
// alternative name with an MDS208 warning. Each case checks the output, not the plan: the exact
// files, no two of them one file on a case-insensitive file system, every model's functions
// working from its own file and from its folder's index, the runtime still mdspec's, and the
// whole output type-checking under the strict flags.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GenerateResult } from "../../src/generate.js";
import { generateFromDocs } from "../../src/generate.js";
import { typecheckFiles } from "../typecheck.js";
import { DATE_LINK, type Doc, describeDiagnostics, gen, importAll, objectDoc, removeTemp, runtimeSource, writeOutput } from "./support.js";

type Module = Record<string, unknown>;

interface Case {
  readonly name: string;
  readonly docs: readonly Doc[];
  /** Every output path, sorted. */
  readonly files: readonly string[];
  /** The `file:line:column code` of every diagnostic. */
  readonly diagnostics: readonly string[];
  /** Model title → its output file, for the models to call. */
  readonly models: Readonly<Record<string, string>>;
  readonly check?: (module: (path: string) => Module, text: (path: string) => string) => void;
}

const WIRE = { name: "n", startedAt: "2024-05-01T10:00:00.000Z" };

const CASES: readonly Case[] = [
  {
    name: "runtime.md at a flat root (model Runtime), referenced by another model",
    docs: [
      { path: "runtime.md", text: objectDoc("Runtime", ["name", { name: "startedAt", type: DATE_LINK }]) },
      { path: "widget.md", text: objectDoc("Widget", [{ name: "runtime", type: "[Runtime](runtime.md)" }, { name: "at", type: DATE_LINK }]) },
    ],
    files: ["index.ts", "runtime.ts", "runtime_2.ts", "widget.ts"],
    diagnostics: ["runtime.md:1:1 MDS208"],
    models: { Runtime: "runtime_2.ts", Widget: "widget.ts" },
    check: (module, text) => {
      const runtime = module("runtime.ts");
      expect(runtime["parseRuntime"], "runtime.ts is mdspec's runtime").toBeUndefined();
      const ValidationError = runtime["ValidationError"] as new (...args: never[]) => Error;
      const parseRuntime = module("runtime_2.ts")["parseRuntime"] as (input: unknown) => { startedAt: Date };
      const serializeRuntime = module("runtime_2.ts")["serializeRuntime"] as (value: unknown) => unknown;
      expect(parseRuntime(WIRE).startedAt).toEqual(new Date(WIRE.startedAt));
      expect(serializeRuntime(parseRuntime(WIRE))).toEqual(WIRE);
      expect(() => parseRuntime({ name: 1 })).toThrow(ValidationError);
      const parseWidget = module("widget.ts")["parseWidget"] as (input: unknown) => { runtime: { startedAt: Date } };
      expect(parseWidget({ runtime: WIRE, at: WIRE.startedAt }).runtime.startedAt).toBeInstanceOf(Date);
      expect(() => parseWidget({ runtime: {}, at: "x" })).toThrow(ValidationError);
      expect(text("widget.ts")).toContain('from "./runtime_2.js"');
      expect(text("widget.ts")).toContain('from "./runtime.js"');
    },
  },
  {
    name: "index.md at the root and in a folder (model Index)",
    docs: [
      { path: "index.md", text: objectDoc("Index", ["name"]) },
      { path: "models/index.md", text: objectDoc("Index", ["name", { name: "startedAt", type: DATE_LINK }]) },
      { path: "models/thing.md", text: objectDoc("Thing", [{ name: "index", type: "[Index](index.md)" }]) },
    ],
    files: ["index.ts", "index_2.ts", "models/index.ts", "models/index_2.ts", "models/thing.ts", "runtime.ts"],
    diagnostics: ["index.md:1:1 MDS208", "models/index.md:1:1 MDS208"],
    models: { Index: "index_2.ts", "models.Index": "models/index_2.ts", "models.Thing": "models/thing.ts" },
    check: (module) => {
      const parseThing = module("models/thing.ts")["parseThing"] as (input: unknown) => { index: { startedAt: Date } };
      expect(parseThing({ index: WIRE }).index.startedAt).toBeInstanceOf(Date);
    },
  },
  {
    name: "Foo.md and foo.md in one folder (names that differ only in case), both referenced",
    docs: [
      { path: "Foo.md", text: objectDoc("Foo", ["upper"]) },
      { path: "foo.md", text: objectDoc("LowerFoo", ["lower"]) },
      { path: "bar.md", text: objectDoc("Bar", [{ name: "a", type: "[Foo](Foo.md)" }, { name: "b", type: "[LowerFoo](foo.md)" }]) },
    ],
    files: ["Foo.ts", "bar.ts", "foo_2.ts", "index.ts", "runtime.ts"],
    diagnostics: ["foo.md:1:1 MDS208"],
    models: { Foo: "Foo.ts", LowerFoo: "foo_2.ts", Bar: "bar.ts" },
    check: (module) => {
      const parseBar = module("bar.ts")["parseBar"] as (input: unknown) => unknown;
      expect(parseBar({ a: { upper: "u" }, b: { lower: "l" } })).toEqual({ a: { upper: "u" }, b: { lower: "l" } });
    },
  },
  {
    name: "x.MD and x.md (one output name)",
    docs: [
      { path: "x.MD", text: objectDoc("X", ["a"]) },
      { path: "x.md", text: objectDoc("Y", ["b"]) },
    ],
    files: ["index.ts", "runtime.ts", "x.ts", "x_2.ts"],
    diagnostics: ["x.md:1:1 MDS208"],
    models: { X: "x.ts", Y: "x_2.ts" },
  },
  {
    name: "folders Shared/ and shared/ (names that differ only in case)",
    docs: [
      { path: "Shared/a.md", text: objectDoc("A", ["a"]) },
      { path: "shared/b.md", text: objectDoc("B", [{ name: "a", type: "[A](../Shared/a.md)" }]) },
    ],
    files: ["Shared/a.ts", "Shared/index.ts", "index.ts", "runtime.ts", "shared_2/b.ts", "shared_2/index.ts"],
    diagnostics: ["shared/b.md:1:1 MDS208"],
    models: { "Shared.A": "Shared/a.ts", "shared.B": "shared_2/b.ts" },
  },
  {
    name: "a folder named like its sibling doc's output (x.ts/ beside x.md)",
    docs: [
      { path: "x.md", text: objectDoc("X", ["a"]) },
      { path: "x.ts/y.md", text: objectDoc("Y", ["b"]) },
    ],
    files: ["index.ts", "runtime.ts", "x.ts", "x_ts_2/index.ts", "x_ts_2/y.ts"],
    diagnostics: ["x.ts/y.md:1:1 MDS208"],
    models: { X: "x.ts", "xTs.Y": "x_ts_2/y.ts" },
  },
  {
    name: "folders my-models/ and my.models/ (one namespace name: the second is left out of the root index, with a warning)",
    docs: [
      { path: "my-models/a.md", text: objectDoc("A", ["a"]) },
      { path: "my.models/b.md", text: objectDoc("B", ["b"]) },
    ],
    files: ["index.ts", "my-models/a.ts", "my-models/index.ts", "my.models/b.ts", "my.models/index.ts", "runtime.ts"],
    diagnostics: ["my.models/b.md:1:1 MDS205"],
    models: { "myModels.A": "my-models/a.ts" },
    check: (module) => expect(module("my.models/index.ts")["safeParseB"]).toBe(module("my.models/b.ts")["safeParseB"]),
  },
  {
    name: "foo.d.md (a declaration-file name)",
    docs: [{ path: "foo.d.md", text: objectDoc("Foo", ["a"]) }],
    files: ["foo_d_2.ts", "index.ts", "runtime.ts"],
    diagnostics: ["foo.d.md:1:1 MDS208"],
    models: { Foo: "foo_d_2.ts" },
  },
  {
    name: ".hidden.md (a name starting with a dot keeps its name, imported as ./.hidden.js)",
    docs: [
      { path: ".hidden.md", text: objectDoc("Hidden", ["a"]) },
      { path: "b.md", text: objectDoc("B", [{ name: "h", type: "[Hidden](.hidden.md)" }]) },
    ],
    files: [".hidden.ts", "b.ts", "index.ts", "runtime.ts"],
    diagnostics: [],
    models: { Hidden: ".hidden.ts", B: "b.ts" },
    check: (_module, text) => expect(text("b.ts")).toContain('from "./.hidden.js"'),
  },
];

/** Each case's result, or what the generation threw. */
const results = new Map<string, GenerateResult | Error>();
/** The type errors of all outputs, or why they could not be checked (two outputs at one path). */
let typeErrors: string[] | Error = [];
const dirs: string[] = [];

beforeAll(async () => {
  for (const testCase of CASES) results.set(testCase.name, await gen(testCase.docs).catch((error: unknown) => error as Error));
  // One program for every output (each in its own folder) is much faster than one each.
  try {
    typeErrors = typecheckFiles(
      CASES.flatMap((testCase, index) => {
        const result = results.get(testCase.name)!;
        return result instanceof Error ? [] : result.files.map((file) => ({ path: `c${index}/${file.path}`, content: file.content }));
      }),
    );
  } catch (error) {
    typeErrors = error as Error;
  }
}, 300_000);

afterAll(() => {
  for (const dir of dirs) removeTemp(dir);
});

describe("doc names that collide with mdspec's files or with each other", () => {
  it.each(CASES.map((testCase, index) => [testCase.name, testCase, index] as const))("%s", async (_name, testCase, index) => {
    const result = results.get(testCase.name)!;
    if (result instanceof Error) expect.fail(`the generation threw: ${result.stack ?? result.message}`);
    expect(describeDiagnostics(result.diagnostics.filter((d) => d.severity === "error"))).toEqual([]);
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(testCase.diagnostics);
    const paths = result.files.map((file) => file.path);
    expect(paths).toEqual(testCase.files);
    // No two outputs are one file on a case-insensitive file system.
    expect(new Set(paths.map((path) => path.normalize("NFC").toLowerCase())).size).toBe(paths.length);
    if (typeErrors instanceof Error) expect.fail(`the outputs could not be type-checked: ${typeErrors.message}`);
    expect(typeErrors.filter((message) => message.split("\\").join("/").startsWith(`out/c${index}/`))).toEqual([]);

    const contents = new Map(result.files.map((file) => [file.path, file.content]));
    const dir = writeOutput(result.files);
    dirs.push(dir);
    const modules = await importAll(dir, paths);
    const module = (path: string): Module => modules.get(path) ?? expect.fail(`no module ${path}`);
    expect(contents.get("runtime.ts")).toMatch(/^\/\/ Code generated by mdspec from templates\/runtime\.ts\./);
    for (const path of paths.filter((path) => path.endsWith("index.ts"))) expect(contents.get(path), path).toMatch(/^\/\/ Code generated by mdspec\. DO NOT EDIT\./);

    // Every model works from its own file and is the same function from the root index (through
    // the folder namespaces: `models.Thing`).
    for (const [qualified, path] of Object.entries(testCase.models)) {
      const title = qualified.split(".").pop()!;
      const own = module(path);
      expect(contents.get(path)).toContain(`export interface ${title} {`);
      expect(typeof own[`safeParse${title}`], `${path} exports safeParse${title}`).toBe("function");
      const fromIndex = qualified.split(".").slice(0, -1).reduce<Module>((scope, namespace) => scope[namespace] as Module, module("index.ts"));
      expect(fromIndex[`safeParse${title}`], `index.ts re-exports ${qualified}`).toBe(own[`safeParse${title}`]);
    }
    testCase.check?.(module, (path) => contents.get(path) ?? expect.fail(`no output file ${path}`));
  });

  it("a cached rerun writes what a cold run writes when a new doc takes a referenced doc's name", async () => {
    const before = [
      { path: "foo.md", text: objectDoc("LowerFoo", ["lower"]) },
      { path: "bar.md", text: objectDoc("Bar", [{ name: "b", type: "[LowerFoo](foo.md)" }]) },
    ];
    const after = [{ path: "Foo.md", text: objectDoc("Foo", ["upper"]) }, ...before];
    const first = await gen(before);
    const cached = await generateFromDocs(after, { rootDir: "/docs", parseWorker: false, cache: first.cache }, await runtimeSource());
    const cold = await gen(after);
    expect(cached.files.find((file) => file.path === "bar.ts")?.content).toContain('from "./foo_2.js"');
    expect(cached.files).toEqual(cold.files);
  });
});
