import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, type GenerateResult } from "../../src/generate.js";
import { ROOT } from "../helpers.js";

/** The real SDK docs, next to the project; absent on a bare checkout. */
const CORPORA = join(ROOT, "..", "shared", "corpora");

/** The error diagnostics of a result, as `file:line:col CODE` lines. */
function errors(result: GenerateResult): string[] {
  return result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`);
}

describe.skipIf(!existsSync(CORPORA))("a real docs tree copied to a folder not named models", () => {
  let temp: string;
  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), "mdspec-roots-"));
  });
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it.each(["census", "vital"])(
    "%s: generates from <tmp>/vendor/api-docs with no errors and the same files as from docs/models",
    async (corpus) => {
      const original = join(CORPORA, corpus, "docs", "models");
      const copy = join(temp, corpus, "vendor", "api-docs");
      cpSync(original, copy, { recursive: true });
      const fromCopy = await generate({ input: copy, parseWorker: false });
      const fromOriginal = await generate({ input: original, parseWorker: false });
      expect(errors(fromCopy)).toEqual([]);
      expect(errors(fromOriginal)).toEqual([]);
      expect(fromCopy.files.length).toBeGreaterThan(100);
      expect(fromCopy.files).toEqual(fromOriginal.files);
      expect(fromCopy.diagnostics).toEqual(fromOriginal.diagnostics);
    },
  );
});

/** Rewrites every `.md` file below `dir` in place. */
function rewriteDocs(dir: string, rewrite: (text: string) => string): void {
  for (const entry of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const path = join(dir, entry);
    if (entry.endsWith(".md") && statSync(path).isFile()) writeFileSync(path, rewrite(readFileSync(path, "utf8")));
  }
}

/** How Speakeasy links a doc of the sdk/models layout from another (`docs/sdk/models/<ns>/`). */
const SDK_LINK = "](../../../sdk/models/";

/**
 * Generates from the tree in its conventional place and from a copy under `vendor/api-docs`:
 * no errors, the same files and diagnostics. Then one link of the copy is pointed out of the
 * root through `sdk/` (to a sibling of `models`), and that link alone is refused. Returns the
 * generation from the tree.
 */
async function checkSdkLayoutCopy(temp: string, name: string, tree: string): Promise<GenerateResult> {
  const copy = join(temp, name, "vendor", "api-docs");
  cpSync(tree, copy, { recursive: true });
  const fromTree = await generate({ input: tree, parseWorker: false });
  const fromCopy = await generate({ input: copy, parseWorker: false });
  expect(errors(fromTree)).toEqual([]);
  expect(errors(fromCopy)).toEqual([]);
  expect(fromCopy.files.length).toBeGreaterThan(10);
  expect(fromCopy.files).toEqual(fromTree.files);
  expect(fromCopy.diagnostics).toEqual(fromTree.diagnostics);

  const docs = readdirSync(copy, { recursive: true, encoding: "utf8" }).filter((entry) => entry.endsWith(".md")).sort();
  const leaver = docs.find((entry) => readFileSync(join(copy, entry), "utf8").includes(SDK_LINK))!;
  const text = readFileSync(join(copy, leaver), "utf8");
  writeFileSync(join(copy, leaver), text.replace(SDK_LINK, "](../../../sdk/elsewhere/"));
  const leaving = await generate({ input: copy, parseWorker: false });
  const line = text.slice(0, text.indexOf(SDK_LINK)).split("\n").length;
  expect(errors(leaving)).toEqual([expect.stringMatching(new RegExp(`^${leaver.split(sep).join("/")}:${line}:\\d+ MDS204$`))]);
  expect(leaving.files).toEqual([]);
  return fromTree;
}

describe("a docs tree in the sdk/models layout (links ../../../sdk/models/<ns>/x.md) copied to a folder of another name", () => {
  let temp: string;
  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), "mdspec-sdk-roots-"));
  });
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it.each(["specs/sdk/models", "specs/ledgerly/sdk/models"])("%s: the copy generates the same files, and a link that leaves it is refused", async (tree) => {
    await checkSdkLayoutCopy(temp, tree.replace(/\//g, "-"), join(ROOT, tree));
  });

  // No corpus is in this layout: a real tree is moved into it, its links rewritten as Speakeasy
  // writes them there (`../../models/shared/x.md` from docs/models/shared/ becomes
  // `../../../sdk/models/shared/x.md` from docs/sdk/models/shared/).
  it.skipIf(!existsSync(CORPORA)).each(["census", "vital"])(
    "%s moved to docs/sdk/models: generates as the original, the same from a copy, and a link that leaves it is refused",
    async (corpus) => {
      const original = join(CORPORA, corpus, "docs", "models");
      const tree = join(temp, `${corpus}-sdk`, "docs", "sdk", "models");
      cpSync(original, tree, { recursive: true });
      rewriteDocs(tree, (text) => text.replaceAll("](../../models/", SDK_LINK));
      const fromTree = await checkSdkLayoutCopy(temp, corpus, tree);
      expect(fromTree.files).toEqual((await generate({ input: original, parseWorker: false })).files);
    },
  );
});
