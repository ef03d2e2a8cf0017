// Flavour detection over every corpus beside the project: each corpus shows the evidence of its
// own language and of no other (a corpus of a language mdspec does not read yet shows none), so
// that every evidence pattern names exactly one language.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FLAVOUR_NAMES } from "../../src/ir/types.js";
import { detectFlavour } from "../../src/parse/flavour/detect.js";
import { docsOf } from "../runtime/support.js";
import { CORPORA, corpusRoot } from "./support.js";

const corpora = existsSync(CORPORA)
  ? readdirSync(CORPORA)
      .filter((name) => existsSync(join(CORPORA, name, "expected.json")))
      .sort()
      .map((name) => ({ name, language: (JSON.parse(readFileSync(join(CORPORA, name, "expected.json"), "utf8")) as { flavour?: { language?: string } }).flavour?.language ?? "typescript" }))
  : [];

describe.skipIf(corpora.length === 0)("flavour detection over every corpus", () => {
  for (const { name, language } of corpora) {
    const known = (FLAVOUR_NAMES as readonly string[]).includes(language);
    it(`${name}: ${known ? `evidence of ${language} only` : `no evidence (${language} is not read yet)`}`, { timeout: 60_000 }, async () => {
      const detection = detectFlavour(await docsOf(corpusRoot(name)));
      expect(detection.evidence.map((entry) => entry.flavour)).toEqual(known ? [language] : []);
    });
  }
});
