import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
