// Every corpus of another SDK language's docs that mdspec reads is told apart as its language,
// parses and resolves with no error, and does not when read as another language: the front-end is
// what makes it readable. (Generating and scoring against the TypeScript SDK: `npm run
// conformance`, which CI runs on the same corpora.)
import { describe, expect, it } from "vitest";
import { resolveSchema } from "../../src/ir/resolve.js";
import type { FlavourMap } from "../../src/ir/types.js";
import { detectFlavour } from "../../src/parse/flavour/detect.js";
import { parseBatch } from "../../src/pipeline/parse-stage.js";
import { readDocs } from "../../src/write/read-docs.js";
import { corpusRoot, flavourCorpora } from "./support.js";

const corpora = flavourCorpora();

/** The error diagnostics of parsing and resolving a corpus read as `flavours`. */
function errorsOf(docs: Awaited<ReturnType<typeof readDocs>>, flavours: FlavourMap) {
  const parsed = parseBatch(docs, flavours);
  const resolved = resolveSchema(parsed.models, parsed.skipped, "/corpus/docs/models", flavours);
  return [...parsed.diagnostics, ...resolved.diagnostics].filter((diagnostic) => diagnostic.severity === "error");
}

describe.skipIf(corpora.length === 0)("other SDK languages' corpora", () => {
  for (const { name, language } of corpora) {
    it(`${name}: detected as ${language}, read with no error`, { timeout: 120_000 }, async () => {
      const docs = await readDocs(corpusRoot(name));
      const detection = detectFlavour(docs);
      expect(detection.flavours).toEqual({ ".": language });
      expect(detection.diagnostics).toEqual([]);
      expect(errorsOf(docs, detection.flavours)).toEqual([]);
      expect(errorsOf(docs, { ".": "typescript" }).length).toBeGreaterThan(0);
    });
  }
});
