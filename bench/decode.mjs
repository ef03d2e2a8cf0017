// `npm run bench [-- --quick] [-- --all-keys] [-- --check]`: decode/encode/reject throughput of the mdspec generated code for
// the Census `SyncRun` model, side by side with a hand-written codec, Zod v4, Zod v3 (Speakeasy
// style), class-transformer, valibot and ajv, in one process. A correctness gate runs first and
// exits 1 when the implementations disagree. `npm run bench` compiles generated/ into bench/.build
// first (tsc -p bench/tsconfig.json). With --check it also exits 1 when a ratio misses its target
// (CI runs it so the ratios never slip back).

import os from "node:os";
import { IMPLEMENTATIONS } from "./impls.mjs";
import { expectedModel, expectedWire, makeEdgeAccepted, makeInvalid, makeUserModels, makeValid } from "./data.mjs";

const QUICK = process.argv.includes("--quick");
const ALL_KEYS = process.argv.includes("--all-keys");
const CHECK = process.argv.includes("--check");
for (const arg of process.argv.slice(2))
  if (arg !== "--quick" && arg !== "--all-keys" && arg !== "--check") {
    console.error(`usage: node bench/decode.mjs [--quick] [--all-keys] [--check]\n  unknown argument ${arg}`);
    process.exit(2);
  }
const N = QUICK ? 10_000 : 100_000;
const ROUNDS = 7;
const INVALID = 1000;
const REJECT_REPS = QUICK ? 3 : 20; // rejections per round = INVALID * REJECT_REPS
// Encode runs over ENCODE_SAMPLE models built as user code builds them (object literals of the keys
// that are set, in varied orders: `makeUserModels`), the same objects for every implementation,
// ENCODE_REPS times (N encodes per round).
const ENCODE_SAMPLE = Math.min(N, 10_000);
// At least ten passes: one pass over 10,000 models takes about 10 ms, too short a window to time
// (a collection or a compilation inside it swings the figure by half).
const ENCODE_REPS = Math.max(10, Math.round(N / ENCODE_SAMPLE));

const gc = typeof globalThis.gc === "function" ? globalThis.gc : () => {};

// ---------------------------------------------------------------------------------------------
// Data

const valid = makeValid(N, { allKeys: ALL_KEYS });
const edge = makeEdgeAccepted();
const { values: invalid, kinds } = makeInvalid(valid, INVALID);
const { models: userModels, wires: userWires } = makeUserModels(ENCODE_SAMPLE);

// ---------------------------------------------------------------------------------------------
// Correctness gate

/** Deep equality for decoded/encoded values: Dates by instant, undefined-valued keys = absent, prototypes ignored. */
function same(a, b) {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === a.getTime() && a.getTime() === b.getTime();
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!Object.prototype.hasOwnProperty.call(b, k) || !same(a[k], b[k])) return false;
  return true;
}
/** Whether an object, or an object inside it, has a key whose value is undefined. */
function hasUndefined(x) {
  if (typeof x !== "object" || x === null) return false;
  return Object.values(x).some((v) => v === undefined || hasUndefined(v));
}
/** Whether a value contains a Date anywhere (an encoded wire value must not). */
function hasDate(x) {
  if (x instanceof Date) return true;
  if (typeof x !== "object" || x === null) return false;
  return Object.values(x).some(hasDate);
}

const show = (x) => {
  const s = JSON.stringify(x);
  return s === undefined ? String(x) : s.length > 300 ? s.slice(0, 297) + "..." : s;
};

function runGate() {
  const problems = [];
  const report = (impl, msg) => {
    impl.problems += 1;
    if (problems.length < 25) problems.push(`  ${impl.name}: ${msg}`);
  };
  const accepted = [...valid, ...edge];
  const expModels = accepted.map(expectedModel);
  const expWires = accepted.map(expectedWire);
  const lines = [];
  for (const impl of IMPLEMENTATIONS) {
    impl.problems = 0;
    let decodedOk = 0;
    let encodedOk = 0;
    let rejectedOk = 0;
    for (let i = 0; i < accepted.length; i += 1) {
      const input = accepted[i];
      const snapshot = i >= valid.length ? JSON.stringify(input) : null;
      let model;
      try {
        model = impl.decode(input);
      } catch (error) {
        report(impl, `rejected valid input ${show(input)}: ${String(error.message).split("\n").slice(0, 3).join(" ")}`);
        continue;
      }
      if (!impl.accepts(input)) report(impl, `safe API rejects what decode accepts: ${show(input)}`);
      if (!same(model, expModels[i])) {
        report(impl, `decoded ${show(input)} to ${show(model)}`);
        continue;
      }
      if (snapshot !== null && JSON.stringify(input) !== snapshot) report(impl, `mutated its input ${snapshot}`);
      decodedOk += 1;
      if (impl.encode === null) continue;
      let wire;
      try {
        wire = impl.encode(model);
      } catch (error) {
        report(impl, `could not encode ${show(model)}: ${error.message}`);
        continue;
      }
      if (hasDate(wire) || !same(wire, expWires[i]) || !same(JSON.parse(JSON.stringify(wire)), expWires[i])) {
        report(impl, `encoded ${show(model)} to ${show(wire)}, expected ${show(expWires[i])}`);
        continue;
      }
      encodedOk += 1;
    }
    for (const input of invalid) {
      let threw = false;
      try {
        const out = impl.decode(input);
        report(impl, `accepted invalid input ${show(input)} as ${show(out)}`);
      } catch (error) {
        threw = true;
        if (!impl.isRejection(error)) report(impl, `crashed instead of rejecting ${show(input)}: ${error}`);
        else rejectedOk += 1;
      }
      if (threw && impl.accepts(input)) report(impl, `safe API accepts what decode rejects: ${show(input)}`);
    }
    // The user-built models: the same objects for everyone. An implementation that cannot encode
    // plain objects (it needs instances of its own classes) is left out of the encode timing.
    let userOk = 0;
    let userProblem = null;
    if (impl.encode !== null) {
      for (let i = 0; i < userModels.length; i += 1) {
        let wire;
        try {
          wire = impl.encode(userModels[i]);
        } catch (error) {
          userProblem ??= `could not encode the user-built ${show(userModels[i])}: ${error.message}`;
          continue;
        }
        if (hasDate(wire) || !same(wire, userWires[i]) || !same(JSON.parse(JSON.stringify(wire)), userWires[i])) {
          userProblem ??= `encoded the user-built ${show(userModels[i])} to ${show(wire)}, expected ${show(userWires[i])}`;
          continue;
        }
        // mdspec leaves a field the user did not set out of the wire object, not present as undefined.
        if (impl === IMPLEMENTATIONS[0] && hasUndefined(wire)) {
          userProblem ??= `encoded the user-built ${show(userModels[i])} with undefined-valued keys: ${Object.keys(wire).join(", ")}`;
          continue;
        }
        userOk += 1;
      }
    }
    impl.userEncode = impl.encode !== null && userOk === userModels.length;
    if (impl === IMPLEMENTATIONS[0] && !impl.userEncode) report(impl, userProblem ?? "cannot encode user-built models");
    if (!impl.userEncode && userProblem) impl.userEncodeNote = userProblem;
    lines.push(
      `  ${impl.name.padEnd(20)} decoded ${decodedOk}/${accepted.length}  ` +
        `encoded ${impl.encode === null ? "  n/a" : `${encodedOk}/${accepted.length}`}  ` +
        `user-built ${impl.encode === null ? "  n/a" : `${userOk}/${userModels.length}`}  ` +
        `rejected ${rejectedOk}/${invalid.length}  ${impl.problems === 0 ? "OK" : `${impl.problems} PROBLEMS`}`,
    );
  }
  return { lines, problems, ok: IMPLEMENTATIONS.every((impl) => impl.problems === 0) };
}

// ---------------------------------------------------------------------------------------------
// Timing. Every (implementation, operation) gets its own loop function (separate `new Function`
// compilations, so call-site feedback is not shared between implementations), and results are
// written to a small array so allocations escape.

const sink = new Array(1024).fill(null);
function makeLoop() {
  return new Function(
    "fn",
    "data",
    "sink",
    "reps",
    `let accepted = 0;
     for (let r = 0; r < reps; r += 1)
       for (let i = 0; i < data.length; i += 1) {
         const out = fn(data[i]);
         sink[i & 1023] = out;
         if (out === true) accepted += 1;
       }
     return accepted;`,
  );
}

function measure(loop, fn, data, reps) {
  gc();
  const start = process.hrtime.bigint();
  const accepted = loop(fn, data, sink, reps);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { opsPerSec: (data.length * reps) / seconds, accepted };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function runTiming() {
  const tasks = [];
  for (const impl of IMPLEMENTATIONS) {
    const rejectFn = impl.accepts;
    tasks.push(
      { impl, op: "decode", loop: makeLoop(), fn: impl.decode, data: valid, reps: 1, samples: [] },
      ...(impl.userEncode ? [{ impl, op: "encode", loop: makeLoop(), fn: impl.encode, data: userModels, reps: ENCODE_REPS, samples: [] }] : []),
      { impl, op: "reject", loop: makeLoop(), fn: rejectFn, data: invalid, reps: REJECT_REPS, samples: [] },
    );
  }
  const timingStart = performance.now();
  // Warm-up round (not recorded), then ROUNDS rounds, the order rotating every round.
  for (const task of tasks) measure(task.loop, task.fn, task.data, task.reps);
  for (let round = 0; round < ROUNDS; round += 1) {
    const shift = (round * 3) % tasks.length;
    const order = [...tasks.slice(shift), ...tasks.slice(0, shift)];
    for (const task of order) {
      const { opsPerSec, accepted } = measure(task.loop, task.fn, task.data, task.reps);
      if (task.op === "reject" && accepted !== 0) throw new Error(`${task.impl.name} accepted ${accepted} invalid objects while timing`);
      task.samples.push(opsPerSec);
    }
    process.stdout.write(round === 0 ? `Timing: round 1` : ` ${round + 1}`);
  }
  process.stdout.write(` done (${((performance.now() - timingStart) / 1000).toFixed(1)} s)\n\n`);
  const result = new Map();
  for (const task of tasks) {
    const entry = result.get(task.impl.name) ?? {};
    entry[task.op] = { median: median(task.samples), min: Math.min(...task.samples), max: Math.max(...task.samples), samples: task.samples };
    result.set(task.impl.name, entry);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Report

const fmt = (x) => {
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)}M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(1)}k`;
  return x.toFixed(0);
};
const cell = (s) => (s ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})` : "n/a");

console.log(`mdspec decode benchmark — Census SyncRun (specs/models/shared/syncrun.md)`);
console.log(
  `node ${process.version}, ${os.cpus()[0]?.model ?? "unknown CPU"} ×${os.cpus().length}; ` +
    `${N.toLocaleString("en-US")} valid objects (${ALL_KEYS ? "every key present: one shape" : `varied key presence: ${new Set(valid.map((o) => Object.keys(o).join() + "|" + Object.keys(o.fullSync ?? {}).join())).size.toLocaleString("en-US")} distinct key sets`}), ${invalid.length} invalid variants (${kinds} mutation kinds), ` +
    `encode over ${ENCODE_SAMPLE.toLocaleString("en-US")} user-built models (${new Set(userModels.map((m) => Object.keys(m).join() + "|" + Object.keys(m.fullSync ?? {}).join())).size} literal shapes: key sets in their own orders) ×${ENCODE_REPS}, reject over the invalid variants ×${REJECT_REPS}, ` +
    `${ROUNDS} rounds${QUICK ? " (--quick)" : ""}${typeof globalThis.gc === "function" ? ", gc between runs" : ""}`,
);
console.log("");
console.log(`Correctness gate (${valid.length + edge.length} valid incl. ${edge.length} edge cases; ${invalid.length} invalid):`);
const gateStart = performance.now();
const gate = runGate();
for (const line of gate.lines) console.log(line);
for (const impl of IMPLEMENTATIONS) if (impl.userEncodeNote) console.log(`  (${impl.name}: encode not timed: ${impl.userEncodeNote.slice(0, 200)})`);
if (!gate.ok) {
  console.log("");
  console.log("GATE FAILED — the implementations disagree:");
  for (const p of gate.problems) console.log(p);
  process.exit(1);
}
console.log(`  gate PASSED: same decoded models, same encoded wire values, same rejections (${((performance.now() - gateStart) / 1000).toFixed(1)} s)`);
console.log("");

const results = runTiming();
const header = ["implementation", "decode ops/s median (min–max)", "encode ops/s median (min–max)", "reject ops/s median (min–max)"];
const rows = IMPLEMENTATIONS.map((impl) => {
  const r = results.get(impl.name);
  return [impl.name, cell(r.decode), cell(r.encode), cell(r.reject)];
});
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (row) => `| ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
console.log(line(header));
console.log(`|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|")}|`);
for (const row of rows) console.log(line(row));
console.log("");

// Each ratio is the median of the rounds' ratios: a round times every implementation in turn, so
// pairing the two figures of one round keeps the machine's drift between rounds out of it.
const ratio = (op, other) => {
  const mine = results.get("mdspec")[op].samples;
  const theirs = results.get(other)[op].samples;
  return median(mine.map((sample, round) => sample / theirs[round]));
};
const checks = [
  // Decode is 2x hand-written on a quiet machine (`npm run bench`); 1.5x leaves room for a
  // quick run on a busy CI machine while still catching a real slip.
  ["decode", "hand-written", 1.5],
  ["decode", "Zod v4", 3.5],
  ["decode", "Zod v3 (Speakeasy)", 10],
  ["decode", "class-transformer", null],
  ["decode", "valibot", null],
  ["decode", "ajv + convert", null],
  ["encode", "hand-written", 1.5],
  ["encode", "Zod v4", 4],
  ["reject", "Zod v3 (Speakeasy)", 3],
];
console.log("Ratios (median over the rounds of mdspec's figure / the other's in that round):");
let missed = 0;
for (const [op, other, target] of checks) {
  const r = ratio(op, other);
  if (target !== null && r < target) missed += 1;
  const verdict = target === null ? "" : `  target ≥ ${target.toFixed(1)}x  ${r >= target ? "PASS" : "FAIL"}`;
  console.log(`  mdspec ${op} vs ${other.padEnd(20)} ${r.toFixed(2).padStart(6)}x${verdict}`);
}
if (CHECK && missed > 0) {
  console.log(`\n${missed} ratio(s) below target`);
  process.exit(1);
}
