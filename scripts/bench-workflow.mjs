#!/usr/bin/env node
// Measures the build-pipeline workflow on a real corpus (default: mistral, 1,012 docs):
// cold generate, a rerun with no change, a rerun after editing one doc, and the watch latency
// from saving a doc to its regenerated file. Each figure is the median of several runs of the
// real CLI in a child process, on a temporary copy of the docs.
//
// Also: a run without the cache over an output folder that is already current (a fresh clone in
// CI, where the generated files are committed and the cache is not).
//
// Also: the cost of exporting, a cold run that writes the OpenAPI document and the JSON Schema
// bundle too (--openapi, --json-schema) right after each cold run, as the median of the pairs'
// ratios (CI holds it to 110% of cold).
//
// Peak memory: the largest resident set size of the cold runs (worker threads included).
// With --scale it also generates roots of the corpus repeated to about 1,000, 5,000 and 20,000
// docs (each copy in a folder of its own: `c0/models/…`), cold, reporting time per doc and peak
// memory for each; the targets: time per doc at 20,000 within 1.2x of that at 5,000, and a peak
// under 1 GiB at 20,000.
//
// Flavours: on the mistral corpus, each cold run is paired with a cold run over the same API's
// docs written for the Python SDK (the mistral-python corpus, 1,051 docs), when it is there; the
// median of the pairs' ratios of time per doc is the cost of reading another flavour (CI holds
// it to 110%).
//
// Watch: the first save after the watching message, in several sessions, and the saves after it
// (see measureWatch); both must reach their file within 150 ms.
//
// The time targets (cold 4 s, no-change rerun 0.4 s, watch 150 ms) were set on a machine where
// `scripts/reference-parse.mjs` (remark and remark-gfm alone over the same docs, in a fresh
// process) took REFERENCE_SECONDS. This machine's speed drifts from day to day and hour to hour
// (the same build took 3.0 s and 4.7 s cold), so each run also times that reference and scales
// the targets by how much slower it is here (never below the targets as written).
//
// Usage: node scripts/bench-workflow.mjs [--corpus NAME | --docs DIR] [--runs N] [--scale] [--only runs|watch|scale] [--check]
// With --check it exits 1 when a target is missed (CI runs it so the figures never slip back).
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const args = process.argv.slice(2);
const corpus = args.includes("--corpus") ? args[args.indexOf("--corpus") + 1] : "mistral";
const runs = args.includes("--runs") ? Number(args[args.indexOf("--runs") + 1]) : 5;
// `--docs DIR` measures another docs root (specs/, say) instead of a corpus.
const source = args.includes("--docs") ? resolve(args[args.indexOf("--docs") + 1]) : resolve(root, "..", "shared", "corpora", corpus, "docs", "models");
const bin = join(root, "bin", "mdspec.js");
const rssReport = join(root, "scripts", "rss-report.mjs");

/**
 * The reference parse time of the mistral docs on the machine the time targets were set on:
 * measured as 2.00 s beside 4.68 s for a cold run of the build that took 3.0 s there.
 */
const REFERENCE_SECONDS = 1.28;

/** The peak memory CI holds a cold run of the corpus to (mistral measured about 270 MiB). */
const MEMORY_LIMIT_MIB = 400;

/** The same API's docs for another SDK language, paired with the TypeScript ones (mistral only). */
const flavourSource = corpus === "mistral" && !args.includes("--docs") ? resolve(root, "..", "shared", "corpora", "mistral-python", "docs", "models") : null;

const work = mkdtempSync(join(tmpdir(), "mdspec-bench-"));
const docs = join(work, "docs", "models");
const out = join(work, "out");
cpSync(source, docs, { recursive: true });

/** The doc edited in the incremental runs, and the output file that must change. */
const edited = pickDoc();
const editedOutput = join(out, edited.replace(/\.md$/, ".ts"));

function pickDoc() {
  const manifest = listDocs(docs).sort();
  // A doc with a Fields table whose description cells can be edited.
  const path = manifest.find((file) => /\| `\w+`\s+\| \*string\*\s+\|.*\| N\/A/.test(readFileSync(file, "utf8")));
  return path.slice(docs.length + 1);
}

/** The `.md` files below `dir`, as absolute paths. */
function listDocs(dir) {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((entry) => entry.endsWith(".md"))
    .map((entry) => join(dir, entry));
}

/**
 * Waits until the disk has been idle for a moment (Linux: the "time spent doing I/O" counters of
 * /proc/diskstats stop moving), at most 10 s. Earlier steps (an install, a removed folder of
 * thousands of files) leave write-back and discards running for seconds, and a run measured
 * against them measures the disk, not mdspec.
 */
function waitForIdleDisk() {
  spawnSync("sync");
  const busy = () => {
    try {
      return readFileSync("/proc/diskstats", "utf8")
        .split("\n")
        .map((line) => line.trim().split(/\s+/))
        .filter((fields) => fields.length > 12 && !/^(loop|ram)/.test(fields[2]))
        .reduce((sum, fields) => sum + Number(fields[12]), 0);
    } catch {
      return null;
    }
  };
  const deadline = performance.now() + 10_000;
  let last = busy();
  if (last === null) return;
  let quietSince = performance.now();
  while (performance.now() < deadline && performance.now() - quietSince < 300) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    const now = busy();
    if (now !== last) quietSince = performance.now();
    last = now;
  }
}

/** Runs the CLI once; returns its wall time in seconds and its peak memory in MiB. */
function runCliMeasured(outDir = out, input = docs, extra = []) {
  waitForIdleDisk();
  const rssFile = join(work, "rss.txt");
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--import", pathToFileURL(rssReport).href, bin, "--input", input, "--out", outDir, ...extra], {
    encoding: "utf8",
    env: { ...process.env, MDSPEC_RSS_FILE: rssFile },
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`mdspec exited ${result.status}:\n${result.stderr}`);
  return { seconds, mib: Number(readFileSync(rssFile, "utf8")) / 1024 };
}

function runCli(outDir = out) {
  return runCliMeasured(outDir).seconds;
}

/** Times the reference parse (see REFERENCE_SECONDS) in a fresh process. */
function runReference() {
  waitForIdleDisk();
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(root, "scripts", "reference-parse.mjs"), docs], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`reference parse exited ${result.status}:\n${result.stderr}`);
  return (performance.now() - started) / 1000;
}

let editCount = 0;
function editDoc() {
  const path = join(docs, edited);
  const text = readFileSync(path, "utf8");
  editCount += 1;
  // Change one N/A description of a string field: a new JSDoc line in the output.
  writeFileSync(path, text.replace(/(\| `\w+`\s+\| \*string\*\s+\|[^|]*\| )(N\/A|edited \d+)/, `$1edited ${editCount}`));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// `--only runs|watch|scale` measures one part (the reference parse is timed in every case).
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : null;
const measures = (part) => (only === null ? part !== "scale" || args.includes("--scale") : only === part);

const reference = [];
const cold = [];
const coldMemory = [];
const noChange = [];
const oneEdit = [];
const noCache = [];
const withExports = [];
const flavourRatio = [];
const flavourCold = [];
const flavourDocs = flavourSource !== null && existsSync(flavourSource) ? join(work, "flavour", "models") : null;
if (flavourDocs !== null) cpSync(flavourSource, flavourDocs, { recursive: true });
const docCount = listDocs(docs).length;
const flavourDocCount = flavourDocs === null ? 0 : listDocs(flavourDocs).length;
for (let run = 0; run < runs; run += 1) {
  reference.push(runReference());
  if (!measures("runs")) continue;
  // A new folder each time: deleting the previous output just before would make the disk busy
  // with that deletion during the measured run.
  const fresh = join(work, `cold-${run}`);
  // Each cold run is paired with the same cold run writing the OpenAPI document and the JSON
  // Schema bundle too (the pair's ratio is what exporting costs), and with one over the Python
  // docs; which of a pair runs first alternates, so that neither always has the warmer machine.
  const exported = join(work, `exports-${run}`);
  const exportRun = () => runCliMeasured(exported, docs, ["--openapi", join(exported, "openapi.json"), "--json-schema", join(exported, "models.schema.json")]).seconds;
  const flavourRun = () => runCliMeasured(join(work, `flavour-${run}`), flavourDocs).seconds;
  const before = run % 2 === 1;
  const exportSeconds = before ? exportRun() : 0;
  const flavourSeconds = before && flavourDocs !== null ? flavourRun() : 0;
  const measured = runCliMeasured(fresh);
  cold.push(measured.seconds);
  coldMemory.push(measured.mib);
  withExports.push((before ? exportSeconds : exportRun()) / measured.seconds);
  if (flavourDocs !== null) {
    const seconds = before ? flavourSeconds : flavourRun();
    flavourCold.push(seconds);
    flavourRatio.push(seconds / flavourDocCount / (measured.seconds / docCount));
  }
  noChange.push(runCli(fresh));
  editDoc();
  oneEdit.push(runCli(fresh));
  // A fresh clone in CI: the committed output is current, but there is no cache.
  rmSync(join(fresh, ".mdspec-cache.json"));
  noCache.push(runCli(fresh));
}

// Watch latency: from the write of the doc to the moment its output file has new content.
const watch = measures("watch") ? await measureWatch() : null;
const scaling = measures("scale") ? measureScaling() : [];

rmSync(work, { recursive: true, force: true });

const fmt = (seconds) => `${seconds.toFixed(3)} s`;
const ms = (seconds) => `${(seconds * 1000).toFixed(0)} ms`;
const range = (values, show) => `${show(median(values))}  [${show(Math.min(...values))} - ${show(Math.max(...values))}]`;
// How much slower this machine is now than the one the targets were set on (at least 1). The
// reference time was taken on the mistral docs: other roots keep the targets as written.
const calibrated = corpus === "mistral" && !args.includes("--docs");
const slower = calibrated ? Math.max(1, median(reference) / REFERENCE_SECONDS) : 1;
const times = `x${slower.toFixed(2)}`;
console.log(`mdspec workflow benchmark: ${args.includes("--docs") ? source : corpus} (${runs} runs each, medians; min-max in brackets)`);
const checks = [];
if (cold.length > 0) {
  const coldMedian = median(cold);
  const noChangeMedian = median(noChange);
  console.log(`  cold generate            ${range(cold, fmt)}`);
  console.log(`  rerun, no change         ${range(noChange, fmt)}  = ${((noChangeMedian / coldMedian) * 100).toFixed(1)}% of cold`);
  console.log(`  rerun, one doc edited    ${range(oneEdit, fmt)}`);
  console.log(`  no cache, output current ${range(noCache, fmt)}  (a fresh clone in CI)`);
  console.log(`  cold, with the exports   ${fmt(coldMedian * median(withExports))}  = ${(median(withExports) * 100).toFixed(1)}% of cold (median of the pairs' ratios; --openapi and --json-schema)`);
  console.log(`  peak memory, cold        ${range(coldMemory, (mib) => `${mib.toFixed(0)} MiB`)}`);
  if (flavourCold.length > 0) {
    console.log(
      `  cold, Python flavour     ${range(flavourCold, fmt)}  (mistral-python, ${flavourDocCount} docs; ${docCount} TypeScript docs): time per doc ${(median(flavourRatio) * 100).toFixed(1)}% of the TypeScript docs' (median of the pairs' ratios)`,
    );
    checks.push(["cold Python flavour per doc <= 110% of TypeScript", median(flavourRatio) <= 1.1]);
  }
  checks.push(
    [`cold generate <= ${(4 * slower).toFixed(2)} s (4 s ${times})`, coldMedian <= 4 * slower],
    [`no-change rerun <= ${(0.4 * slower).toFixed(2)} s (0.4 s ${times})`, noChangeMedian <= 0.4 * slower],
    ["no-change rerun <= 15% of cold", noChangeMedian <= 0.15 * coldMedian],
    ["cold with the exports <= 110% of cold", median(withExports) <= 1.1],
    [`peak memory of a cold run <= ${MEMORY_LIMIT_MIB} MiB`, median(coldMemory) <= MEMORY_LIMIT_MIB],
  );
}
for (const { docs: count, seconds, mib } of scaling) {
  console.log(`  scale ${String(count).padStart(6)} docs     ${fmt(seconds)} cold, ${((seconds / count) * 1000).toFixed(2)} ms per doc, peak ${mib.toFixed(0)} MiB`);
}
if (scaling.length > 0) {
  const perDoc = (entry) => entry.seconds / entry.docs;
  const [, mid, large] = scaling;
  checks.push([`time per doc at ${large.docs} docs <= 1.2x at ${mid.docs} (${(perDoc(large) / perDoc(mid)).toFixed(2)}x)`, perDoc(large) <= 1.2 * perDoc(mid)]);
  checks.push([`peak memory at ${large.docs} docs < 1024 MiB`, large.mib < 1024]);
}
if (watch) {
  console.log(`  watch, first save        ${range(watch.first, ms)} over ${watch.first.length} sessions`);
  console.log(`  watch, later saves       ${range(watch.later, ms)} over ${watch.later.length} saves`);
  checks.push(
    [`watch, first save <= ${(150 * slower).toFixed(0)} ms (150 ms ${times})`, median(watch.first) <= 0.15 * slower],
    [`watch, later saves <= ${(150 * slower).toFixed(0)} ms (150 ms ${times})`, median(watch.later) <= 0.15 * slower],
  );
}
console.log(`  reference parse          ${fmt(median(reference))}  (${REFERENCE_SECONDS.toFixed(2)} s where the targets were set: time targets ${times})`);
for (const [name, ok] of checks) console.log(`  ${ok ? "PASS" : "FAIL"}  ${name}`);
if (args.includes("--check") && checks.some(([, ok]) => !ok)) process.exit(1);

/**
 * Cold runs over roots holding 1, 5 and 20 copies of the corpus, each copy in `c<i>/models/` so
 * that its links (written relative to a folder named `models`) stay inside the copy.
 */
function measureScaling() {
  const results = [];
  for (const copies of [1, 5, 20]) {
    const scaled = join(work, `scale-${copies}`);
    for (let copy = 0; copy < copies; copy += 1) cpSync(source, join(scaled, `c${copy}`, "models"), { recursive: true });
    const count = listDocs(scaled).length;
    const measured = runCliMeasured(join(work, `scale-out-${copies}`), scaled);
    results.push({ docs: count, ...measured });
    rmSync(join(work, `scale-out-${copies}`), { recursive: true, force: true });
    rmSync(scaled, { recursive: true, force: true });
  }
  return results;
}

/**
 * Watch sessions (at least 3, one per run): each starts `mdspec --watch` over a current output,
 * waits for the watching message, then saves the edited doc three times, 300 ms apart, timing
 * each save to the new content of its output file. The first save of each session is the one a
 * user waits on right after starting the watch, so it is reported apart.
 */
async function measureWatch() {
  const first = [];
  const later = [];
  for (let session = 0; session < Math.max(3, runs); session += 1) {
    rmSync(out, { recursive: true, force: true });
    runCli();
    const child = spawn(process.execPath, [bin, "--watch", "--input", docs, "--out", out], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    await waitFor(() => stderr.includes("watching"), 30_000);
    for (let edit = 0; edit < 3; edit += 1) {
      const before = readFileSync(editedOutput, "utf8");
      await new Promise((done) => setTimeout(done, 300));
      const started = performance.now();
      editDoc();
      await waitFor(() => {
        try {
          return readFileSync(editedOutput, "utf8") !== before;
        } catch {
          return false;
        }
      }, 10_000, 2);
      (edit === 0 ? first : later).push((performance.now() - started) / 1000);
    }
    child.kill("SIGINT");
    await new Promise((done) => child.once("exit", done));
  }
  return { first, later };
}

async function waitFor(condition, timeoutMs, pollMs = 20) {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error("timed out");
    await new Promise((done) => setTimeout(done, pollMs));
  }
}


