// Determinism: the output is byte-identical whatever the order of the docs, their line ends, a
// BOM, the way the docs root is spelled, the process (worker thread or not, cache or not, time
// zone and locale), and across runs.
import { spawn } from "node:child_process";
import { cpSync, existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GeneratedFile, type GenerateResult, generate, generateFromDocs } from "../../src/generate.js";
import { flavourOf } from "../../src/ir/types.js";
import { readDocs } from "../../src/write/read-docs.js";
import { type Doc, ROOT, describeDiagnostics, errorsOf, makeTemp, readTree, removeTemp, runtimeSource, writeTree } from "./support.js";

const SPECS = join(ROOT, "specs");
const SPECS_ROOT = SPECS.replace(/\/$/, "");

/** Files and diagnostics, the parts of a result that must be identical. */
function essence(result: GenerateResult): { files: readonly { path: string; content: string }[]; diagnostics: string[] } {
  return { files: result.files.map((file) => ({ path: file.path, content: file.content })), diagnostics: describeDiagnostics(result.diagnostics) };
}

/** A seeded Fisher-Yates shuffle. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
    return state / 4294967296;
  };
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

let docs: Doc[] = [];
let baseline: ReturnType<typeof essence>;
const temps: string[] = [];

beforeAll(async () => {
  docs = await readDocs(SPECS);
  const result = await generateFromDocs(docs, { rootDir: SPECS_ROOT, parseWorker: false }, await runtimeSource());
  expect(describeDiagnostics(errorsOf(result.diagnostics))).toEqual([]);
  baseline = essence(result);
  expect(baseline.files.length).toBeGreaterThan(100);
}, 120_000);

afterAll(() => {
  for (const dir of temps) removeTemp(dir);
});

async function fromDocs(input: readonly Doc[], options: { parseWorker?: boolean } = {}): Promise<ReturnType<typeof essence>> {
  return essence(await generateFromDocs(input, { rootDir: SPECS_ROOT, parseWorker: options.parseWorker ?? false }, await runtimeSource()));
}

describe("generateFromDocs is independent of its input's incidentals", () => {
  it.each([1, 2, 3, 4])("shuffled docs (seed %i) give byte-identical output", async (seed) => {
    expect(await fromDocs(shuffle(docs, seed))).toEqual(baseline);
  });

  it("reversed docs give byte-identical output", async () => {
    expect(await fromDocs([...docs].reverse())).toEqual(baseline);
  });

  it("CRLF line ends give byte-identical output", async () => {
    expect(await fromDocs(docs.map((doc) => ({ path: doc.path, text: doc.text.replace(/\n/g, "\r\n") })))).toEqual(baseline);
  });

  it("a BOM gives byte-identical output", async () => {
    expect(await fromDocs(docs.map((doc) => ({ path: doc.path, text: `\uFEFF${doc.text}` })))).toEqual(baseline);
  });

  it("parsing on a worker thread gives the same output as parsing in-process (docs duplicated past the worker threshold)", async () => {
    const doubled = [...docs, ...docs.map((doc) => ({ path: `copy/${doc.path}`, text: doc.text }))];
    expect(doubled.length).toBeGreaterThanOrEqual(150);
    const inProcess = await fromDocs(doubled, { parseWorker: false });
    const onWorker = await fromDocs(shuffle(doubled, 7), { parseWorker: true });
    expect(onWorker).toEqual(inProcess);
  });

  it("handing the files to onFiles, a group at a time, gives the files of a run that keeps them", async () => {
    // Four copies of specs/: more models than one group of emitted files.
    const many = [0, 1, 2, 3].flatMap((copy) => docs.map((doc) => ({ path: `copy${copy}/${doc.path}`, text: doc.text })));
    const options = { rootDir: SPECS_ROOT, parseWorker: false };
    const kept = await generateFromDocs(many, options, await runtimeSource());
    const handed: GeneratedFile[] = [];
    let groups = 0;
    const streamed = await generateFromDocs(
      many,
      {
        ...options,
        onFiles: (files) => {
          groups += 1;
          handed.push(...files);
        },
      },
      await runtimeSource(),
    );
    expect(streamed.files).toEqual([]);
    expect(groups).toBeGreaterThan(2);
    expect(essence({ ...streamed, files: [...handed].sort((a, b) => (a.path < b.path ? -1 : 1)) })).toEqual(essence(kept));
    // The cache records each file's content hash, not its content: reused, it emits them again.
    expect(Object.keys(streamed.cache.files).sort()).toEqual(Object.keys(kept.cache.files).sort());
    for (const [path, entry] of Object.entries(streamed.cache.files)) expect(entry).toEqual({ inputs: kept.cache.files[path]!.inputs, hash: kept.cache.files[path]!.hash });
    const again = await generateFromDocs(many, { ...options, cache: streamed.cache }, await runtimeSource());
    expect(again.work).toEqual({ parsed: 0, emitted: kept.schema.models.length });
    expect(essence(again)).toEqual(essence(kept));
  });

  it("a cache entry that holds a doc's text serves that text, a CRLF copy of it by its hash, and an edited text not at all", async () => {
    const first = await generateFromDocs(docs, { rootDir: SPECS_ROOT, parseWorker: false }, await runtimeSource());
    const doc = docs.find((candidate) => candidate.text.includes("## Fields"))!;
    expect(first.cache.docs[doc.path]!.text).toBe(doc.text);
    const crlf = docs.map((candidate) => (candidate === doc ? { path: doc.path, text: doc.text.replace(/\n/g, "\r\n") } : candidate));
    const fromCrlf = await generateFromDocs(crlf, { rootDir: SPECS_ROOT, parseWorker: false, cache: first.cache }, await runtimeSource());
    // Normalized, the CRLF text hashes as the original: nothing to parse, the same output.
    expect(fromCrlf.work).toEqual({ parsed: 0, emitted: 0 });
    expect(essence(fromCrlf)).toEqual(baseline);
    const edited = docs.map((candidate) => (candidate === doc ? { path: doc.path, text: `${doc.text}\nEdited.\n` } : candidate));
    const fromEdit = await generateFromDocs(edited, { rootDir: SPECS_ROOT, parseWorker: false, cache: first.cache }, await runtimeSource());
    expect(fromEdit.work.parsed).toBe(1);
    expect(essence(fromEdit)).toEqual(await fromDocs(edited));
    // The same text read in another flavour is another entry: every doc not read as Python
    // before is parsed again.
    const asPython = await generateFromDocs(docs, { rootDir: SPECS_ROOT, parseWorker: false, cache: first.cache, flavour: "python" }, await runtimeSource());
    const notPython = docs.filter((candidate) => flavourOf(first.schema.flavours, candidate.path) !== "python").length;
    expect(notPython).toBeGreaterThan(100);
    expect(asPython.work.parsed).toBe(notPython);
  });

  it("a cache from a previous run gives the same output as no cache, also after shuffling", async () => {
    const first = await generateFromDocs(docs, { rootDir: SPECS_ROOT, parseWorker: false }, await runtimeSource());
    const second = await generateFromDocs(shuffle(docs, 11), { rootDir: SPECS_ROOT, parseWorker: false, cache: first.cache }, await runtimeSource());
    expect(second.work).toEqual({ parsed: 0, emitted: 0 });
    expect(essence(second)).toEqual(baseline);
  });
});

describe("generate (reading the docs from disk)", () => {
  it("two runs over specs/ give identical files", async () => {
    const first = essence(await generate({ input: SPECS, parseWorker: false }));
    const second = essence(await generate({ input: SPECS }));
    expect(first).toEqual(baseline);
    expect(second).toEqual(first);
  });

  it("the docs root as a relative path, an absolute path, with .. segments, with a trailing slash", async () => {
    const spellings = [relative(process.cwd(), SPECS) || ".", SPECS, join(SPECS, "models", "..", "..", "specs").replace(/specs$/, "specs/../specs"), `${SPECS}/`];
    expect(spellings[2]).toContain("..");
    for (const input of spellings) {
      expect(essence(await generate({ input, parseWorker: false })), input).toEqual(baseline);
    }
  });

  it("a copy of the docs under another folder name gives the same output", async () => {
    const temp = makeTemp();
    temps.push(temp);
    cpSync(SPECS, join(temp, "elsewhere", "docs"), { recursive: true });
    expect(essence(await generate({ input: join(temp, "elsewhere", "docs"), parseWorker: false }))).toEqual(baseline);
  });

  it("CRLF line ends and BOMs on disk give the same output", async () => {
    const temp = makeTemp();
    temps.push(temp);
    writeTree(
      join(temp, "docs"),
      docs.map((doc, index) => ({ path: doc.path, content: `${index % 2 === 0 ? "\uFEFF" : ""}${doc.text.replace(/\n/g, "\r\n")}` })),
    );
    const result = essence(await generate({ input: join(temp, "docs"), parseWorker: false }));
    expect(result).toEqual(baseline);
  });
});

describe("the CLI's output does not depend on the environment", () => {
  const BIN = join(ROOT, "bin/mdspec.js");

  function run(cwd: string, args: readonly string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: "1", ...env }, stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stderr }));
    });
  }

  it("time zone and locale change nothing", async () => {
    if (!existsSync(join(ROOT, "dist/cli/run.js"))) return expect.fail("dist/ is not built (npm run build)");
    const temp = makeTemp();
    temps.push(temp);
    const [a, b] = await Promise.all([
      run(temp, ["--input", SPECS, "--out", "a"], { TZ: "UTC", LANG: "C", LC_ALL: "C" }),
      run(temp, ["--input", SPECS, "--out", "b"], { TZ: "Pacific/Kiritimati", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" }),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const withoutCache = (tree: Map<string, string>) => new Map([...tree].filter(([path]) => path !== ".mdspec-cache.json"));
    const treeA = withoutCache(readTree(join(temp, "a")));
    const treeB = withoutCache(readTree(join(temp, "b")));
    expect(treeB).toEqual(treeA);
    // The manifest lists exactly the generated files. (The CLI runs dist/, which may lag behind the
    // src/ that generate() runs here, so the files are not compared with the baseline.)
    const manifest = JSON.parse(readFileSync(join(temp, "a", ".mdspec-manifest.json"), "utf8")) as { files: string[] };
    treeA.delete(".mdspec-manifest.json");
    expect(manifest.files).toEqual([...treeA.keys()]);
    expect(manifest.files.length).toBe(baseline.files.length);
  }, 60_000);
});
