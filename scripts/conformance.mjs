#!/usr/bin/env node
// Scores mdspec against every corpus in ../shared/corpora with the shared conformance tool, checks
// that each output type-checks under the strict flags of DESIGN.md and is exactly as prettier
// formats it (part of it is printed in prettier's layout without prettier, see
// src/emit/preformat.ts), and fails when a score drops below the thresholds this project has
// reached (so CI holds them).
//
// Usage: node scripts/conformance.mjs [corpus ...]   (default: every corpus found)
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { formatTypeScript } from "../dist/emit/format.js";
import { FLAVOUR_NAMES } from "../dist/ir/types.js";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const shared = resolve(root, "..", "shared");
const tool = join(shared, "tools", "conformance", "run");
const corporaDir = join(shared, "corpora");

/** The scores each corpus must keep; a summary part below its threshold fails the run. */
const THRESHOLDS = { static: 100, enums: 100, wire: 100, runtime: 100, examples: 100 };

/**
 * The scores of the corpora of other SDK languages' docs, by corpus, scored with names compared
 * loosely (`--loose-names`). Each is what the docs hold: the misses are information the docs do not
 * carry (docs/flavours.md) or the oracle's `Decimal$ | number` for decimal fields, whose JSON
 * form these docs cannot tell (fixture corpora).
 */
const FLAVOUR_THRESHOLDS = {
  "fixture-python": { static: 94.4, enums: 100, wire: 99.6, runtime: 99.4 },
  "fixture-go": { static: 95.4, enums: 100, wire: 99.6, runtime: 99.1 },
  "mistral-python": { static: 99.9, enums: 100, wire: 100, runtime: 100 },
  "fixture-csharp": { static: 94.4, enums: 100, wire: 99.3, runtime: 94.3 },
  "fixture-php": { static: 94.2, enums: 100, wire: 99.7, runtime: 94.8 },
  // Java and Ruby docs also lose union members (title-only docs), literals and numbers sent as
  // strings; Ruby's of January 2025 BigInt, Decimal and union fields (`::Object`) as well.
  "fixture-java": { static: 90.9, enums: 100, wire: 99.3, runtime: 95.0 },
  "fixture-ruby": { static: 89.5, enums: 96.1, wire: 99.8, runtime: 95.9 },
};

/** Scores that may be `n/a`: the class-transformer and early Zod corpora have no Example Usage. */
const MAY_BE_NA = new Set(["examples"]);

/** Deliberate exceptions, each argued in the README (none at present). */
const EXCEPTIONS = {};

if (!existsSync(corporaDir)) {
  console.log("conformance: ../shared/corpora not found; nothing to score");
  process.exit(0);
}
const wanted = process.argv.slice(2);
const corpora = [];
for (const name of readdirSync(corporaDir).sort()) {
  const expected = join(corporaDir, name, "expected.json");
  if (!existsSync(expected) || (wanted.length > 0 && !wanted.includes(name))) continue;
  // Docs written for another SDK language (the oracle's `flavour` block) are not an input yet.
  const flavour = JSON.parse(readFileSync(expected, "utf8")).flavour;
  if (flavour && !FLAVOUR_NAMES.includes(flavour.language)) console.log(`${name}: not scored: ${flavour.language ?? "another language's"} docs are not yet an input`);
  else corpora.push({ name, language: flavour?.language ?? null });
}

const failures = [];
const summaries = [];
for (const { name, language } of corpora) {
  const corpus = join(corporaDir, name);
  const expected = join(corpus, "expected.json");
  const work = mkdtempSync(join(tmpdir(), `mdspec-conformance-${name}-`));
  try {
    // No doc of another SDK language shows wire names, and its field names may have lost the
    // casing that the case convention would start from: every wire name comes from the overrides.
    const overrides = run(tool, ["overrides", "--expected", expected, "--case", "auto", ...(language ? ["--all"] : [])]);
    const wireCase = /for case (\S+)/.exec(overrides.stderr)?.[1] ?? "preserve";
    const overridesFile = join(work, "overrides.json");
    writeFileSync(overridesFile, overrides.stdout);
    const out = join(work, "out");
    const started = performance.now();
    const generated = run(process.execPath, [
      join(root, "bin", "mdspec.js"),
      "generate",
      "--input",
      join(corpus, "docs", "models"),
      "--out",
      out,
      "--wire-case",
      wireCase,
      "--wire-overrides",
      overridesFile,
    ]);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (generated.status !== 0) {
      failures.push(`${name}: mdspec exited ${generated.status}\n${generated.stderr}`);
      continue;
    }
    console.log(`${name}: generated in ${seconds} s`);
    const loose = language ? ["--loose-names"] : [];
    const check = run(tool, ["check", "--expected", expected, "--generated", out, "--case", wireCase, "--show", "20", ...loose]);
    process.stdout.write(check.stdout);
    const summary = check.stdout.trim().split("\n").pop() ?? "";
    summaries.push(summary);
    for (const [score, threshold] of Object.entries(language ? (FLAVOUR_THRESHOLDS[name] ?? { static: 100, enums: 100, wire: 100, runtime: 100 }) : THRESHOLDS)) {
      const minimum = EXCEPTIONS[name]?.[score] ?? threshold;
      if (MAY_BE_NA.has(score) && new RegExp(`${score} n/a`).test(summary)) continue;
      const match = new RegExp(`${score} (\\d+\\.\\d)%`).exec(summary);
      if (!match || Number(match[1]) < minimum) failures.push(`${name}: ${score} ${match ? match[1] + "%" : "missing"} is below ${minimum}%`);
    }
    const unformatted = [];
    for (const file of readdirSync(out, { recursive: true, encoding: "utf8" }).filter((path) => path.endsWith(".ts")).sort()) {
      const text = readFileSync(join(out, file), "utf8");
      if ((await formatTypeScript(text)) !== text) unformatted.push(file);
    }
    console.log(`${name}: files prettier would change: ${unformatted.length}`);
    if (unformatted.length > 0) failures.push(`${name}: not as prettier formats them: ${unformatted.slice(0, 20).join(", ")}`);
    const errors = typecheck(out, work);
    console.log(`${name}: type-check under the strict flags: ${errors.length} error(s)`);
    if (errors.length > 0) failures.push(`${name}: the output does not type-check:\n${errors.slice(0, 20).join("\n")}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

console.log("\nsummary:");
for (const summary of summaries) console.log(`  ${summary}`);
if (failures.length > 0) {
  console.error(`\nconformance FAILED:\n${failures.join("\n")}`);
  process.exit(1);
}
console.log(`\nconformance: ${corpora.length} corpora meet the thresholds (${Object.entries(THRESHOLDS).map(([k, v]) => `${k} ${v}%`).join(", ")}; exceptions ${JSON.stringify(EXCEPTIONS)})`);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result;
}

/** Type-checks a generated folder inside an ESM package with the flags of DESIGN.md section 3. */
function typecheck(out, work) {
  writeFileSync(join(work, "package.json"), '{ "type": "module" }\n');
  writeFileSync(
    join(work, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        isolatedModules: true,
        verbatimModuleSyntax: true,
        erasableSyntaxOnly: true,
        module: "NodeNext",
        moduleResolution: "NodeNext",
        target: "ES2022",
        lib: ["ES2022", "DOM"],
        types: [],
        noEmit: true,
        skipLibCheck: true,
      },
      include: ["out/**/*.ts"],
    }),
  );
  const result = run(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(work, "tsconfig.json")]);
  return result.stdout.split("\n").filter((line) => /error TS/.test(line));
}
