// Every corpus of another SDK language's docs that mdspec reads generates with no error, is told
// apart as its language, and loses something when read as another language: the front-end is
// what makes it readable. (Scores against the TypeScript SDK: `npm run conformance`.)
import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { corpusRoot, flavourCorpora } from "./support.js";

const corpora = flavourCorpora();

describe.skipIf(corpora.length === 0)("other SDK languages' corpora", () => {
  for (const { name, language } of corpora) {
    it(`${name}: detected as ${language}, generated with no error`, { timeout: 120_000 }, async () => {
      const result = await generate({ input: corpusRoot(name), parseWorker: false });
      expect(result.schema.flavours).toEqual({ ".": language });
      expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
      expect(result.files.length).toBeGreaterThan(result.schema.models.length);
      const asTypeScript = await generate({ input: corpusRoot(name), parseWorker: false, flavour: "typescript" });
      expect(asTypeScript.diagnostics.filter((diagnostic) => diagnostic.severity === "error").length).toBeGreaterThan(0);
    });
  }
});
