#!/usr/bin/env node
// Fuzzes mdspec's compiled code (dist/): `parseDoc` on random and mutated docs, and the whole
// pipeline (`generateFromDocs`) on one mutated doc plus its fixed neighbours. Nothing may throw,
// every diagnostic needs a positive line and column, a refused generation has an error and no
// files, and no case may take longer than the hang limit. Each crash, hang and anomaly is saved as
// a JSON file (the docs to reproduce it) in a temporary folder.
//
// Usage: npm run build && node scripts/fuzz.mjs [--parse 1000000] [--pipeline 10000] [--seed N]
//          [--workers N] [--hang-ms 2000] [--input specs] [--no-cache]
//
// Cases are generated from (seed, phase, index) alone, so a case can be replayed: the saved file
// holds its docs, and `--seed N --parse 0 --pipeline 1 --first I` reruns pipeline case I.
import { mkdtempSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));

// ---------------------------------------------------------------------------------------------
// Deterministic case generation.

function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The random source of one case. */
function caseRandom(seed, phase, index) {
  return mulberry32((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b) ^ (phase === "pipeline" ? 0x5bd1e995 : 0)) >>> 0);
}

const pick = (random, items) => items[Math.floor(random() * items.length)];
const int = (random, max) => Math.floor(random() * (max + 1));

const FRAGMENTS = [
  "# ", "## ", "### ", "#", "Fields", "Values", "Supported Types", "Example Usage", "X", "Title", "~~",
  "|", "\\|", " | ", "| --- |", "| Field | Type | Required | Description |", "| Field | Type | Required | Description | Example |",
  "| --- | --- | --- | --- |", "| Name | Value |", "| - | `Unrecognized<string>` |", "`", "```", "```typescript\n", "~~~",
  "*", "**", "_", "[", "]", "(", ")", "](", "<", ">", "<br/>", "Record<string, ", "*string*", "*number*", "[]",
  "[X](x.md)", "[Date](https://developer.mozilla.org/x)", ":heavy_check_mark:", ":heavy_minus_sign:", "`a`", "~~`a`~~",
  '"a"', '"', "Unrecognized<string>", "Unrecognized<number>", "// Open enum: Unrecognized<string>", "\n", "\n\n", "\r\n", "\r",
  " ", "    ", "\t", "-", "- ", "1. ", "> ", "---", "===", "\\", "&amp;", "&#0;", "<!--", "-->", "\uFEFF", "\u2028", "\u0000",
  "é", "😀", "\ud800", "0", "404", "-1", "__proto__", "constructor", "*/", "${x}",
];
const TYPE_TOKENS = [
  "*string*", "*number*", "*boolean*", "*any*", "*BigInt*", "*Decimal*", "*Date*", "*true*", "*false*", '*"lit"*',
  "*ns.X*", "*X*", "*ReadableStream<Uint8Array>*", "*EventStream<ns.X>*", "*EventStream<", "*Uint8Array*",
  "[X](x.md)", "[ns.X](../../models/shared/x.md)", "[Date](https://developer.mozilla.org/x)", "[RFCDate](../../types/rfcdate.md)",
  "[File](https://developer.mozilla.org/en-US/docs/Web/API/File)", "Record<string, ", ">", "[]", "[", "]", "(", ")", "\\|", "*", '"', " ",
];

function randomChars(random, max) {
  let text = "";
  for (let count = int(random, max); count > 0; count -= 1) {
    const roll = random();
    text += String.fromCharCode(roll < 0.8 ? 32 + int(random, 94) : roll < 0.95 ? int(random, 0x2fff) : int(random, 0xffff));
  }
  return text;
}

function randomMarkdown(random) {
  const parts = [];
  for (let count = int(random, 80); count > 0; count -= 1) parts.push(random() < 0.8 ? pick(random, FRAGMENTS) : randomChars(random, 8));
  return parts.join("");
}

/** A doc shaped like a model doc, with random cells built from the grammar's tokens. */
function structuredDoc(random) {
  const kind = random();
  const title = pick(random, ["X", "~~X~~", "Date", "__proto__", "2X", "Record", "", "A b"]);
  if (kind < 0.6) {
    const header = random() < 0.5 ? "| Field | Type | Required | Description |\n| --- | --- | --- | --- |" : "| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |";
    const rows = [];
    for (let count = int(random, 6); count > 0; count -= 1) {
      const type = Array.from({ length: 1 + int(random, 4) }, () => pick(random, TYPE_TOKENS)).join("");
      const name = pick(random, ["a", "b", "__proto__", "constructor", "a-b", "", "`", "class", randomChars(random, 4)]);
      const required = pick(random, [":heavy_check_mark:", ":heavy_minus_sign:", "yes", ""]);
      rows.push(`| \`${name}\` | ${type} | ${required} | ${randomMarkdown(random).replace(/\n/g, " ").slice(0, 40)} |${random() < 0.5 ? " x |" : ""}`);
    }
    return `# ${title}\n\n## Fields\n\n${header}\n${rows.join("\n")}`;
  }
  if (kind < 0.8) {
    const values = Array.from({ length: int(random, 6) }, () => pick(random, ['"a"', '"b"', '""', "1", "-1", '"__proto__"', "Unrecognized<string>", '"x\\"y"', "|", randomChars(random, 3)]));
    return `# ${title}\n\n## Values\n\n\`\`\`typescript\n${values.join(" | ")}\n\`\`\``;
  }
  const members = Array.from({ length: int(random, 4) }, () => `### \`${pick(random, ["string", "number", "ns.X", "X[]", "{ [k: string]: any }", "EventStream<ns.X>", "Date", randomChars(random, 5)])}\`\n\n\`\`\`typescript\nconst value = 1;\n\`\`\``);
  return `# ${title}\n\n## Supported Types\n\n${members.join("\n\n")}\n`;
}

/** Rarely: one construct repeated thousands of times (deep nesting, long rows, big tables). */
function pathologicalDoc(random) {
  const count = 500 + int(random, 4500);
  const fields = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";
  switch (int(random, 2)) {
    case 0: {
      const unit = pick(random, ["> ", "- ", "[", "*a ", "`", "<", "\\", "| "]);
      return `# X\n\n${unit.repeat(count)}\n\n## Fields\n\n${fields}| \`a\` | *string* | :heavy_check_mark: | N/A |`;
    }
    case 1: {
      const cell = pick(random, [
        () => `*string*${"[]".repeat(count)}`,
        () => `${"Record<string, ".repeat(count)}*string*${">".repeat(count)}`,
        () => `*${"EventStream<".repeat(count)}ns.X${">".repeat(count)}*`,
        () => Array.from({ length: count }, () => "*string*").join(" \\| "),
      ])();
      return `# X\n\n## Fields\n\n${fields}| \`a\` | ${cell} | :heavy_check_mark: | N/A |`;
    }
    default:
      return `# X\n\n## Fields\n\n${fields}${Array.from({ length: count * 2 }, (_, index) => `| \`f${index}\` | *string* | :heavy_check_mark: | N/A |`).join("\n")}`;
  }
}

function mutate(random, text) {
  const position = int(random, text.length);
  const lines = text.split("\n");
  const lineIndex = int(random, lines.length - 1);
  switch (int(random, 8)) {
    case 0: {
      // Drop one cell of a table row.
      const rows = lines.map((line, index) => [line, index]).filter(([line]) => line.trimStart().startsWith("|"));
      if (rows.length === 0) return text;
      const [line, index] = pick(random, rows);
      const pipes = [...line.matchAll(/(?<!\\)\|/g)].map((match) => match.index);
      if (pipes.length < 2) return text;
      const cell = int(random, pipes.length - 2);
      lines[index] = line.slice(0, pipes[cell]) + line.slice(pipes[cell + 1]);
      return lines.join("\n");
    }
    case 1:
      return `${text.slice(0, position)}|${text.slice(position)}`;
    case 2: {
      const headings = lines.map((line, index) => [line, index]).filter(([line]) => /^#{1,3} /.test(line));
      if (headings.length === 0) return text;
      lines[pick(random, headings)[1]] = pick(random, ["## Fields", "## Values", "## Supported Types", "## Example Usage", "### Fields", "# Fields", "## fields", "##Fields", ""]);
      return lines.join("\n");
    }
    case 3:
      return text.slice(0, position) + pick(random, ["|", "`", "*", "\\", "[", "]", "(", ")", "<", ">", "#", "\n", " ", "~", '"', "x", "\u0000"]) + text.slice(position + 1);
    case 4:
      return text.slice(0, position) + (random() < 0.7 ? pick(random, FRAGMENTS) : randomChars(random, 6)) + text.slice(position);
    case 5:
      return text.slice(0, position) + text.slice(position + 1 + int(random, 40));
    case 6:
      return text.slice(0, position);
    case 7:
      lines.splice(lineIndex, 0, lines[lineIndex]);
      return lines.join("\n");
    default: {
      const other = int(random, lines.length - 1);
      [lines[lineIndex], lines[other]] = [lines[other], lines[lineIndex]];
      return lines.join("\n");
    }
  }
}

function mutatedDoc(random, docs) {
  const doc = pick(random, docs);
  let text = doc.text;
  for (let count = 1 + int(random, 3); count > 0; count -= 1) text = mutate(random, text);
  return { path: doc.path, text };
}

/** The doc of parse case `index`. */
function parseCase(seed, index, docs) {
  const random = caseRandom(seed, "parse", index);
  const roll = random();
  if (roll < 0.0001) return { kind: "pathological", path: "fuzz.md", text: pathologicalDoc(random) };
  if (roll < 0.35) return { kind: "random", path: "fuzz.md", text: randomMarkdown(random) };
  if (roll < 0.55) return { kind: "structured", path: "fuzz.md", text: structuredDoc(random) };
  return { kind: "mutated", ...mutatedDoc(random, docs) };
}

/** The docs of pipeline case `index`: one mutated doc and its fixed neighbours. */
function pipelineCase(seed, index, docs, neighbourhoods) {
  const random = caseRandom(seed, "pipeline", index);
  const mutated = mutatedDoc(random, docs);
  // Rarely: the doc's text replaced by one construct repeated thousands of times.
  if (random() < 0.003) mutated.text = pathologicalDoc(random);
  const neighbours = neighbourhoods.get(mutated.path);
  return { mutated: mutated.path, docs: neighbours.map((doc) => (doc.path === mutated.path ? mutated : doc)) };
}

/**
 * The fixed neighbours of each doc: the docs of its top folder of the docs root (`models/`,
 * `zod/`, ...), which the links of real doc sets stay inside, so that references resolve.
 */
function neighbourhoodsOf(docs) {
  const top = (path) => (path.includes("/") ? path.slice(0, path.indexOf("/") + 1) : "");
  const result = new Map();
  for (const doc of docs) result.set(doc.path, docs.filter((other) => top(other.path) === top(doc.path)));
  return result;
}

// ---------------------------------------------------------------------------------------------
// Checks.

/** The first diagnostic whose position is not a line and column inside its doc, described. */
function positionProblem(diagnostics, docs) {
  for (const d of diagnostics) {
    if (!Number.isInteger(d.line) || !Number.isInteger(d.column) || d.line < 1 || d.column < 1) return `${d.file}:${d.line}:${d.column} ${d.code}: not a positive position`;
    const doc = docs.find((entry) => entry.path === d.file);
    if (!doc) continue;
    // Lines end at LF, CRLF or CR, as the markdown parser (and editors) count them.
    const lines = doc.text.split(/\r\n|\r|\n/);
    if (d.line > lines.length) return `${d.file}:${d.line}:${d.column} ${d.code}: past the last line`;
    if (d.column > lines[d.line - 1].length + 1) return `${d.file}:${d.line}:${d.column} ${d.code}: past the end of its line`;
  }
  return null;
}

function describeError(error) {
  if (error instanceof Error) {
    const frame = (error.stack ?? "").split("\n").find((line) => line.trim().startsWith("at ")) ?? "";
    return { signature: `${error.name}: ${error.message.slice(0, 120)} ${frame.trim()}`, stack: (error.stack ?? String(error)).slice(0, 4000) };
  }
  return { signature: String(error).slice(0, 200), stack: String(error) };
}

// ---------------------------------------------------------------------------------------------
// Worker: runs a range of cases and reports findings; the case index lives in shared memory, so
// that the main thread can tell which case hangs and kill the worker.

async function workerMain() {
  const { phase, seed, from, to, hangMs, input, useCache, progress, slot } = workerData;
  const dist = pathToFileURL(join(root, "dist")).href;
  const { parseDoc } = await import(`${dist}/parse/doc.js`);
  const { generateFromDocs, readRuntimeTemplate } = await import(`${dist}/generate.js`);
  const { readDocs, normalizeText } = await import(`${dist}/write/read-docs.js`);
  const docs = await readDocs(input);
  const counter = new Int32Array(progress);
  const findings = [];
  const report = (kind, index, detail, docsToSave) => findings.push({ kind, index, detail, docs: docsToSave });
  const flush = () => {
    if (findings.length > 0) parentPort.postMessage({ type: "findings", findings: findings.splice(0) });
  };

  if (phase === "parse") {
    for (let index = from; index < to; index += 1) {
      Atomics.store(counter, slot, index);
      const generated = parseCase(seed, index, docs);
      // Every caller of parseDoc (readDocs, watch mode, generateFromDocs) hands it normalised text:
      // no BOM, LF line ends. Raw CRs reach it only through generateFromDocs, which normalises.
      const testCase = { ...generated, text: normalizeText(generated.text) };
      const started = performance.now();
      try {
        const parsed = parseDoc(testCase.path, testCase.text);
        const problem = positionProblem(parsed.diagnostics, [testCase]);
        if (problem) report("anomaly", index, { signature: `position: ${problem.replace(/^[^ ]+ /, "")}`, problem }, [testCase]);
      } catch (error) {
        report("crash", index, describeError(error), [testCase]);
      }
      const ms = performance.now() - started;
      if (ms > hangMs) report("hang", index, { signature: `parseDoc ${testCase.kind} over ${hangMs} ms`, ms }, [testCase]);
      if ((index & 1023) === 0) flush();
    }
  } else {
    const runtime = await readRuntimeTemplate();
    const neighbourhoods = neighbourhoodsOf(docs);
    const caches = new Map();
    const rootDir = resolve(input).split("\\").join("/");
    for (let index = from; index < to; index += 1) {
      Atomics.store(counter, slot, index);
      const testCase = pipelineCase(seed, index, docs, neighbourhoods);
      let cache;
      if (useCache) {
        const key = testCase.docs.map((doc) => doc.path).join("\n");
        cache = caches.get(key);
        if (cache === undefined) {
          const clean = testCase.docs.map((doc) => docs.find((original) => original.path === doc.path));
          cache = (await generateFromDocs(clean, { rootDir, parseWorker: false }, runtime)).cache;
          caches.set(key, cache);
        }
      }
      const started = performance.now();
      try {
        const result = await generateFromDocs(testCase.docs, { rootDir, parseWorker: false, ...(cache ? { cache } : {}) }, runtime);
        const errors = result.diagnostics.filter((d) => d.severity === "error");
        const problem =
          positionProblem(result.diagnostics, testCase.docs) ??
          (errors.length > 0 && result.files.length > 0 ? "files generated despite an error" : null) ??
          (errors.length === 0 && result.files.length === 0 ? "no files and no error" : null);
        if (problem) report("anomaly", index, { signature: `pipeline: ${problem.replace(/^[^ ]+ /, "")}`, problem }, testCase.docs);
        parentPort.postMessage({ type: "outcome", accepted: errors.length === 0 });
      } catch (error) {
        report("crash", index, describeError(error), testCase.docs);
      }
      const ms = performance.now() - started;
      if (ms > hangMs) report("hang", index, { signature: `generateFromDocs over ${hangMs} ms`, ms }, testCase.docs);
      flush();
    }
  }
  flush();
  parentPort.postMessage({ type: "done" });
}

// ---------------------------------------------------------------------------------------------
// Main: splits the cases over workers, watches for hard hangs, prints progress and a summary.

function parseArgs(argv) {
  const options = { parse: 1_000_000, pipeline: 10_000, seed: 1, workers: Math.max(1, availableParallelism()), hangMs: 2000, input: join(root, "specs"), cache: true, first: 0 };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    const value = () => {
      const next = argv[++index];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === "--parse") options.parse = Number(value());
    else if (flag === "--pipeline") options.pipeline = Number(value());
    else if (flag === "--seed") options.seed = Number(value());
    else if (flag === "--workers") options.workers = Number(value());
    else if (flag === "--hang-ms") options.hangMs = Number(value());
    else if (flag === "--input") options.input = resolve(value());
    else if (flag === "--first") options.first = Number(value());
    else if (flag === "--no-cache") options.cache = false;
    else if (flag === "--help" || flag === "-h") {
      console.log("usage: node scripts/fuzz.mjs [--parse N] [--pipeline N] [--seed N] [--workers N] [--hang-ms MS] [--input DIR] [--no-cache] [--first I]");
      process.exit(0);
    } else throw new Error(`unknown flag ${flag}`);
  }
  return options;
}

async function runPhase(phase, total, options, state) {
  if (total <= 0) return { seconds: 0, done: 0 };
  const started = performance.now();
  const workers = Math.min(options.workers, total);
  const progress = new SharedArrayBuffer(4 * workers);
  const counter = new Int32Array(progress);
  const chunk = Math.ceil(total / workers);
  let lastPrint = performance.now();
  const lanes = [];
  const done = new Array(workers).fill(0);
  const first = options.first;
  for (let slot = 0; slot < workers; slot += 1) {
    const from = first + slot * chunk;
    const to = Math.min(first + total, from + chunk);
    lanes.push(runLane(phase, slot, from, to, options, progress, state, (count) => (done[slot] = count)));
  }
  const ticker = setInterval(() => {
    const now = performance.now();
    if (now - lastPrint < 5000) return;
    lastPrint = now;
    const count = [...counter].reduce((sum, index, slot) => sum + Math.max(0, index - (first + slot * chunk)), 0);
    const rate = count / ((now - started) / 1000);
    console.log(`  ${phase}: ${count.toLocaleString("en")} / ${total.toLocaleString("en")} cases, ${rate.toFixed(0)} cases/s, ${state.crashes.size} crash signature(s), ${state.hangs} hang(s), ${state.anomalies.size} anomaly signature(s)`);
  }, 1000);
  await Promise.all(lanes);
  clearInterval(ticker);
  const seconds = (performance.now() - started) / 1000;
  return { seconds, done: total };
}

/** Runs cases [from, to) on a worker; a case that runs 15x past the hang limit is a hard hang: the worker is killed and restarted after it. */
function runLane(phase, slot, from, to, options, progress, state, setDone) {
  return new Promise((resolveLane, rejectLane) => {
    const start = (begin) => {
      if (begin >= to) {
        resolveLane();
        return;
      }
      const counter = new Int32Array(progress);
      Atomics.store(counter, slot, begin);
      const worker = new Worker(fileURLToPath(import.meta.url), {
        workerData: { phase, seed: options.seed, from: begin, to, hangMs: options.hangMs, input: options.input, useCache: options.cache, progress, slot },
      });
      let seen = begin;
      let since = performance.now();
      const hardLimit = Math.max(30_000, options.hangMs * 15);
      const watchdog = setInterval(() => {
        const current = Atomics.load(counter, slot);
        if (current !== seen) {
          seen = current;
          since = performance.now();
        } else if (performance.now() - since > hardLimit) {
          clearInterval(watchdog);
          state.record({ kind: "hang", index: current, detail: { signature: `${phase} case never returned (killed after ${hardLimit} ms)` }, docs: state.replay(phase, current) }, phase, options);
          worker.terminate().then(() => start(current + 1));
        }
      }, 250);
      worker.on("message", (message) => {
        if (message.type === "findings") for (const finding of message.findings) state.record(finding, phase, options);
        else if (message.type === "outcome") state.outcomes[message.accepted ? "accepted" : "refused"] += 1;
        else if (message.type === "done") {
          clearInterval(watchdog);
          setDone(to - from);
          resolveLane();
        }
      });
      worker.on("error", (error) => {
        clearInterval(watchdog);
        rejectLane(error);
      });
    };
    start(from);
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const out = mkdtempSync(join(tmpdir(), "mdspec-fuzz-"));
  // The docs, to regenerate a case that a killed worker could not report.
  const { readDocs } = await import(`${pathToFileURL(join(root, "dist")).href}/write/read-docs.js`);
  const docs = await readDocs(options.input);
  const neighbourhoods = neighbourhoodsOf(docs);
  const state = {
    replay(phase, index) {
      return phase === "parse" ? [parseCase(options.seed, index, docs)] : pipelineCase(options.seed, index, docs, neighbourhoods).docs;
    },
    crashes: new Map(),
    anomalies: new Map(),
    hangs: 0,
    outcomes: { accepted: 0, refused: 0 },
    saved: 0,
    record(finding, phase, opts) {
      const bucket = finding.kind === "crash" ? this.crashes : finding.kind === "anomaly" ? this.anomalies : null;
      if (finding.kind === "hang") this.hangs += 1;
      const key = `${phase} ${finding.detail.signature}`;
      if (bucket) {
        const entry = bucket.get(key);
        if (entry) {
          entry.count += 1;
          return;
        }
      }
      let file = null;
      if (this.saved < 200) {
        const replay = finding.docs ?? null;
        file = join(out, `${phase}-${finding.kind}-${finding.index}.json`);
        writeFileSync(file, `${JSON.stringify({ phase, kind: finding.kind, seed: opts.seed, index: finding.index, detail: finding.detail, docs: replay }, null, 2)}\n`);
        this.saved += 1;
      }
      if (bucket) bucket.set(key, { count: 1, file, detail: finding.detail });
      console.log(`  ${finding.kind.toUpperCase()} in ${phase} case ${finding.index}: ${finding.detail.signature}${file ? ` (input: ${file})` : ""}`);
    },
  };
  console.log(`mdspec fuzz: seed ${options.seed}, ${options.workers} worker(s), hang limit ${options.hangMs} ms, docs from ${options.input}, findings in ${out}`);
  const started = performance.now();
  const parse = await runPhase("parse", options.parse, options, state);
  if (parse.done > 0) console.log(`parse: ${parse.done.toLocaleString("en")} cases in ${parse.seconds.toFixed(1)} s (${(parse.done / parse.seconds).toFixed(0)} cases/s)`);
  const pipeline = await runPhase("pipeline", options.pipeline, options, state);
  if (pipeline.done > 0) {
    console.log(
      `pipeline: ${pipeline.done.toLocaleString("en")} cases in ${pipeline.seconds.toFixed(1)} s (${(pipeline.done / pipeline.seconds).toFixed(1)} cases/s; ${state.outcomes.accepted} accepted, ${state.outcomes.refused} refused)`,
    );
  }
  const crashCount = [...state.crashes.values()].reduce((sum, entry) => sum + entry.count, 0);
  const anomalyCount = [...state.anomalies.values()].reduce((sum, entry) => sum + entry.count, 0);
  console.log(
    `total: ${(options.parse + options.pipeline).toLocaleString("en")} cases in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `crashes: ${crashCount} (${state.crashes.size} signature(s)), hangs: ${state.hangs}, anomalies: ${anomalyCount} (${state.anomalies.size} signature(s))`,
  );
  for (const [signature, entry] of [...state.crashes, ...state.anomalies]) console.log(`  ${entry.count}x ${signature}${entry.file ? `  -> ${entry.file}` : ""}`);
  process.exitCode = crashCount + state.hangs + anomalyCount > 0 ? 1 : 0;
}

if (isMainThread) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 2;
  });
} else {
  workerMain().catch((error) => {
    parentPort.postMessage({ type: "findings", findings: [{ kind: "crash", index: -1, detail: describeError(error), docs: null }] });
    parentPort.postMessage({ type: "done" });
  });
}
