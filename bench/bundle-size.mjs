// `node bench/bundle-size.mjs [--corpus NAME]` (after `npm run build`): what the generated code
// costs a browser app. Generates a corpus (default mistral) into a temporary folder, then bundles
// with esbuild (minified, tree-shaken, ESM) and gzips: one model's parse function
// (`parseAgentConversation` of components/agentconversation.md for mistral) and the whole
// `components/` folder (everything its index exports). Prints both sizes in KB.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const args = process.argv.slice(2);
const corpus = args.includes("--corpus") ? args[args.indexOf("--corpus") + 1] : "mistral";
const input = resolve(root, "..", "shared", "corpora", corpus, "docs", "models");
const { generate } = await import(join(root, "dist", "generate.js"));
const { writeOutput } = await import(join(root, "dist", "write", "output.js"));
const { schemaShapes } = await import(join(root, "dist", "ir", "shape.js"));

const work = mkdtempSync(join(tmpdir(), "mdspec-bundle-"));
try {
  const result = await generate({ input });
  if (result.diagnostics.some((d) => d.severity === "error")) throw new Error(`${corpus} does not generate`);
  const out = join(work, "out");
  await writeOutput(out, result.files, schemaShapes(result.schema));
  writeFileSync(join(work, "package.json"), '{ "type": "module" }\n');
  const sizes = [
    ["one model (parseAgentConversation)", 'export { parseAgentConversation } from "./out/components/agentconversation.ts";'],
    ["the whole components/ folder", 'export * from "./out/components/index.ts";'],
  ];
  console.log(`mdspec bundle size: ${corpus} (esbuild --bundle --minify, ESM, then gzip -9)`);
  for (const [label, entry] of sizes) {
    const bundled = await build({
      stdin: { contents: entry, resolveDir: work, loader: "ts" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    const code = bundled.outputFiles[0].contents;
    const gzip = gzipSync(code, { level: 9 }).length;
    console.log(`  ${label.padEnd(36)} ${(code.length / 1024).toFixed(1).padStart(7)} KB minified  ${(gzip / 1024).toFixed(1).padStart(6)} KB gzip`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
