// `node bench/bundle-size.mjs [--corpus NAME] [--check]` (after `npm run build`): what the
// generated code costs a browser app. Generates a corpus (default mistral) into a temporary
// folder, then bundles with esbuild (minified, tree-shaken, ESM) and gzips: one model's parse
// function (`parseAgentConversation` of components/agentconversation.md for mistral) and the whole
// `components/` folder (everything its index exports). Prints both sizes in KB. With --check
// (mistral only) it exits 1 when a size is above its limit (CI runs it so the sizes never grow
// back).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const args = process.argv.slice(2);
const CHECK = args.includes("--check");
const corpus = args.includes("--corpus") ? args[args.indexOf("--corpus") + 1] : "mistral";
for (const [index, arg] of args.entries())
  if (arg !== "--check" && arg !== "--corpus" && args[index - 1] !== "--corpus") {
    console.error(`usage: node bench/bundle-size.mjs [--corpus NAME] [--check]\n  unknown argument ${arg}`);
    process.exit(2);
  }
if (CHECK && corpus !== "mistral") {
  console.error("bundle-size: the limits of --check are for the mistral corpus");
  process.exit(2);
}

/**
 * The sizes held by --check, in KB of gzip. Speakeasy's own Zod code of the same models, zod
 * included, is 28.7 KB for the one model and 80 KB for the folder; mdspec reached 4.1 and 51.5.
 */
const LIMITS = { model: 4.5, folder: 60 };

const input = resolve(root, "..", "shared", "corpora", corpus, "docs", "models");
const { generate } = await import(join(root, "dist", "generate.js"));
const { writeOutput } = await import(join(root, "dist", "write", "output.js"));
const { schemaShapes } = await import(join(root, "dist", "ir", "shape.js"));

const work = mkdtempSync(join(tmpdir(), "mdspec-bundle-"));
let missed = 0;
try {
  const result = await generate({ input });
  if (result.diagnostics.some((d) => d.severity === "error")) throw new Error(`${corpus} does not generate`);
  const out = join(work, "out");
  await writeOutput(out, result.files, schemaShapes(result.schema));
  writeFileSync(join(work, "package.json"), '{ "type": "module" }\n');
  const sizes = [
    ["model", "one model (parseAgentConversation)", 'export { parseAgentConversation } from "./out/components/agentconversation.ts";'],
    ["folder", "the whole components/ folder", 'export * from "./out/components/index.ts";'],
  ];
  console.log(`mdspec bundle size: ${corpus} (esbuild --bundle --minify, ESM, then gzip -9)`);
  for (const [name, label, entry] of sizes) {
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
    const gzip = gzipSync(code, { level: 9 }).length / 1024;
    const limit = LIMITS[name];
    const verdict = CHECK ? `  limit ${limit.toFixed(1)} KB  ${gzip <= limit ? "PASS" : "FAIL"}` : "";
    if (CHECK && gzip > limit) missed += 1;
    console.log(`  ${label.padEnd(36)} ${(code.length / 1024).toFixed(1).padStart(7)} KB minified  ${gzip.toFixed(1).padStart(6)} KB gzip${verdict}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (missed > 0) {
  console.log(`\n${missed} size(s) above the limit`);
  process.exit(1);
}
