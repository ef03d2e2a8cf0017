// Property tests (fast-check): the parser never throws and positions every diagnostic inside the
// doc, whatever the markdown; mutated real docs go through the whole pipeline without throwing and
// come out either as files or as positioned errors; Type cells built from the grammar's tokens never
// make the cell parser throw. A sample of the accepted mutated outputs is type-checked.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatTypeScript } from "../../src/emit/format.js";
import { type GenerateCache, type GenerateResult, generateFromDocs } from "../../src/generate.js";
import type { Diagnostic } from "../../src/ir/types.js";
import { parseDoc } from "../../src/parse/doc.js";
import { parseTypeCell } from "../../src/parse/type-cell.js";
import { parseTypeHeading } from "../../src/parse/type-heading.js";
import { normalizeText, readDocs } from "../../src/write/read-docs.js";
import { typecheckFiles } from "../typecheck.js";
import { type Doc, ROOT, describeDiagnostics, errorsOf, runtimeSource } from "./support.js";

const RUNS = Number(process.env["MDSPEC_PROPERTY_RUNS"] ?? 1000);
const SEED = Number(process.env["MDSPEC_PROPERTY_SEED"] ?? 424_242);
const SPECS_ROOT = `${ROOT.replace(/\/$/, "")}/specs`;
const started = performance.now();

/** Problems with a diagnostic's position in `text` (1-based line and column inside the doc). */
function positionProblems(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const d of diagnostics) {
    const where = `${d.file}:${d.line}:${d.column} ${d.code}`;
    if (!Number.isInteger(d.line) || !Number.isInteger(d.column) || d.line < 1 || d.column < 1) {
      problems.push(`${where}: not a positive line and column`);
      continue;
    }
    const text = texts.get(d.file);
    if (text === undefined) continue;
    // Lines end at LF, CRLF or CR, as the markdown parser (and editors) count them.
    const lines = text.split(/\r\n|\r|\n/);
    if (d.line > lines.length) problems.push(`${where}: past the last line (${lines.length})`);
    else if (d.column > lines[d.line - 1]!.length + 1) problems.push(`${where}: past the end of the line (${lines[d.line - 1]!.length} chars)`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries.

/** Fragments with meaning to markdown, GFM tables or the doc format, plus arbitrary text. */
const FRAGMENTS = [
  "# ", "## ", "### ", "#", "Fields", "Values", "Supported Types", "Example Usage", "X", "Title", "~~",
  "|", "\\|", " | ", "| --- |", "| Field | Type | Required | Description |", "| Field | Type | Required | Description | Example |",
  "| --- | --- | --- | --- |", "| Name | Value |", "| - | `Unrecognized<string>` |", "`", "```", "```typescript\n", "~~~",
  "*", "**", "_", "[", "]", "(", ")", "](", "<", ">", "<br/>", "Record<string, ", "*string*", "*number*", "[]",
  "[X](x.md)", "[Date](https://developer.mozilla.org/x)", ":heavy_check_mark:", ":heavy_minus_sign:", "`a`", "~~`a`~~",
  '"a"', '"', "Unrecognized<string>", "Unrecognized<number>", "// Open enum: Unrecognized<string>", "\n", "\n\n", "\r\n", "\r",
  " ", "    ", "\t", "-", "- ", "1. ", "> ", "---", "===", "\\", "&amp;", "&#0;", "<!--", "-->", "\uFEFF", "\u2028", "\u0000",
  "é", "😀", "\ud800", "0", "404", "-1",
];
const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) },
);
const markdown = fc.array(fragment, { maxLength: 80 }).map((parts) => parts.join(""));
/** Markdown that starts like a model doc, so the deeper parsers are reached more often. */
const modelish = fc
  .tuple(
    fc.constantFrom("# X\n\n", "# ~~X~~\n\n", "# X\n\nText.\n\n", ""),
    fc.constantFrom("## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n", "## Values\n\n", "## Supported Types\n\n### `", ""),
    markdown,
  )
  .map(([head, section, rest]) => head + section + rest);

/** Type-cell tokens of the grammar (FORMAT.md section 3) and near misses. */
const TYPE_TOKENS = [
  "*string*", "*number*", "*boolean*", "*any*", "*BigInt*", "*Decimal*", "*Date*", "*true*", "*false*", '*"lit"*', '*"a\\"b"*',
  "*ns.X*", "*X*", "*ReadableStream<Uint8Array>*", "*EventStream<ns.X>*", "*EventStream<", "*Uint8Array*", "*Request*",
  "[X](x.md)", "[ns.X](../../models/shared/x.md)", "[Date](https://developer.mozilla.org/x)", "[RFCDate](../../types/rfcdate.md)",
  "[File](https://developer.mozilla.org/en-US/docs/Web/API/File)", "[AxiosResponse>](https://axios-http.com/docs/res_schema)",
  "Record<string, ", "Record<", "string", ",", ">", "[]", "[", "]", "(", ")", "](", "\\|", "|", "*", '"', " ", "<", "\\", "x", "#", "",
];
const typeCell = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.constantFrom(...TYPE_TOKENS), { maxLength: 40 }).map((tokens) => tokens.join("")) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("Record<string, ", "[]", "*EventStream<", ">", "\\| *string*", "["), fc.integer({ min: 0, max: 400 }), fc.array(fc.constantFrom(...TYPE_TOKENS), { maxLength: 6 }))
      .map(([token, count, tail]) => token.repeat(count) + tail.join("")),
  },
);
const HEADING_TOKENS = ["string", "number", "boolean", "any", "BigInt", "Date", "ns.X", "X", "[]", "{ [k: string]: ", " }", "ReadableStream<Uint8Array>", "EventStream<", ">", "|", " ", "{", "}", ":", "[", "]", ""];
const headingType = fc.array(fc.constantFrom(...HEADING_TOKENS), { maxLength: 30 }).map((tokens) => tokens.join(""));

/** One edit of a real doc. Positions are fractions of the text, so they fit any doc. */
type Mutation =
  | { kind: "drop-cell"; at: number }
  | { kind: "add-pipe"; at: number }
  | { kind: "heading"; at: number; to: string }
  | { kind: "flip"; at: number; char: string }
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "truncate"; at: number }
  | { kind: "duplicate-line"; at: number }
  | { kind: "swap-lines"; at: number; other: number };

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("drop-cell" as const), at: fraction }),
  fc.record({ kind: fc.constant("add-pipe" as const), at: fraction }),
  fc.record({ kind: fc.constant("heading" as const), at: fraction, to: fc.constantFrom("## Fields", "## Values", "## Supported Types", "## Example Usage", "### Fields", "# Fields", "## fields", "##Fields", "## Field", "") }),
  fc.record({ kind: fc.constant("flip" as const), at: fraction, char: fc.constantFrom("|", "`", "*", "\\", "[", "]", "(", ")", "<", ">", "#", "\n", " ", "~", '"', "x", "\u0000") }),
  fc.record({ kind: fc.constant("insert" as const), at: fraction, text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })) }),
  fc.record({ kind: fc.constant("delete" as const), at: fraction, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fraction }),
  fc.record({ kind: fc.constant("duplicate-line" as const), at: fraction }),
  fc.record({ kind: fc.constant("swap-lines" as const), at: fraction, other: fraction }),
);

function mutate(text: string, change: Mutation): string {
  const position = Math.floor(change.at * (text.length + 1));
  const lines = text.split("\n");
  const lineIndex = Math.floor(change.at * lines.length);
  switch (change.kind) {
    case "drop-cell": {
      // Remove one cell (from a pipe to the next) of a table row, if the chosen line is one.
      const rows = lines.map((line, index) => [line, index] as const).filter(([line]) => line.trimStart().startsWith("|"));
      if (rows.length === 0) return text;
      const [line, index] = rows[Math.floor(change.at * rows.length)]!;
      const pipes = [...line.matchAll(/(?<!\\)\|/g)].map((match) => match.index);
      if (pipes.length < 2) return text;
      const cell = Math.floor(change.at * (pipes.length - 1));
      lines[index] = line.slice(0, pipes[cell]) + line.slice(pipes[cell + 1]);
      return lines.join("\n");
    }
    case "add-pipe":
      return `${text.slice(0, position)}|${text.slice(position)}`;
    case "heading": {
      const headings = lines.map((line, index) => [line, index] as const).filter(([line]) => /^#{1,3} /.test(line));
      if (headings.length === 0) return text;
      const [, index] = headings[Math.floor(change.at * headings.length)]!;
      lines[index] = change.to;
      return lines.join("\n");
    }
    case "flip":
      return text.slice(0, position) + change.char + text.slice(position + 1);
    case "insert":
      return text.slice(0, position) + change.text + text.slice(position);
    case "delete":
      return text.slice(0, position) + text.slice(position + change.length);
    case "truncate":
      return text.slice(0, position);
    case "duplicate-line":
      lines.splice(lineIndex, 0, lines[lineIndex] ?? "");
      return lines.join("\n");
    case "swap-lines": {
      const other = Math.floor(change.other * lines.length);
      [lines[lineIndex], lines[other]] = [lines[other]!, lines[lineIndex]!];
      return lines.join("\n");
    }
  }
}

// ---------------------------------------------------------------------------------------------

let docs: Doc[] = [];
let baselineCache: GenerateCache;
let baselineFiles: ReadonlyMap<string, string>;
const accepted: { doc: string; result: GenerateResult }[] = [];
const counts = { parseRuns: 0, pipelineRuns: 0, pipelineAccepted: 0, pipelineRefused: 0 };

beforeAll(async () => {
  docs = await readDocs(SPECS_ROOT);
  const baseline = await generateFromDocs(docs, { rootDir: SPECS_ROOT, parseWorker: false }, await runtimeSource());
  expect(describeDiagnostics(errorsOf(baseline.diagnostics))).toEqual([]);
  baselineCache = baseline.cache;
  baselineFiles = new Map(baseline.files.map((file) => [file.path, file.content]));
}, 120_000);

afterAll(() => {
  console.log(
    `properties: ${counts.parseRuns} parseDoc runs, ${counts.pipelineRuns} pipeline runs (${counts.pipelineAccepted} accepted, ${counts.pipelineRefused} refused), ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s, seed ${SEED}`,
  );
});

describe("parseDoc", () => {
  it(`never throws on random markdown, and positions every diagnostic inside the doc (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(markdown, modelish), (raw) => {
        counts.parseRuns += 1;
        // Every caller of parseDoc (readDocs, watch mode, generateFromDocs) normalises the text
        // first (no BOM, LF line ends); the pipeline property below feeds raw text end to end.
        const text = normalizeText(raw);
        const parsed = parseDoc("random.md", text);
        expect(positionProblems(parsed.diagnostics, new Map([["random.md", text]]))).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it(`never throws on mutated real docs, and positions every diagnostic inside the doc (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), (pick, changes) => {
        counts.parseRuns += 1;
        const doc = docs[pick % docs.length]!;
        const text = normalizeText(changes.reduce(mutate, doc.text));
        const parsed = parseDoc(doc.path, text);
        expect(positionProblems(parsed.diagnostics, new Map([[doc.path, text]]))).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED + 1 },
    );
  });
});

describe("the Type-cell and union-heading parsers", () => {
  it(`never throw on cells built from the grammar's tokens (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(typeCell, (cell) => {
        const parsed = parseTypeCell(cell, { line: 3, column: 5, offset: 40 });
        if (!parsed.ok) {
          expect(parsed.offset).toBeGreaterThanOrEqual(0);
          expect(parsed.offset).toBeLessThanOrEqual(cell.length);
        }
      }),
      { numRuns: RUNS, seed: SEED + 2 },
    );
  });

  it(`never throw on union headings built from the heading grammar's tokens (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(headingType, (heading) => {
        const parsed = parseTypeHeading(heading, { line: 3, column: 5, offset: 40 });
        if (!parsed.ok) {
          expect(parsed.offset).toBeGreaterThanOrEqual(0);
          expect(parsed.offset).toBeLessThanOrEqual(heading.length);
        }
      }),
      { numRuns: RUNS, seed: SEED + 3 },
    );
  });

  it("never throw on deeply nested EventStream<…> cells (the other nestings are limited)", () => {
    const cell = `*${"EventStream<".repeat(10_000)}ns.X${">".repeat(10_000)}*`;
    expect(() => parseTypeCell(cell, { line: 1, column: 1, offset: 0 })).not.toThrow();
  });
});

describe("the whole pipeline on a mutated doc plus the rest of specs/", () => {
  it(`never throws, and gives files or a positioned error (${RUNS} runs)`, async () => {
    const runtime = await runtimeSource();
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (pick, changes) => {
        counts.pipelineRuns += 1;
        const index = pick % docs.length;
        const doc = docs[index]!;
        const text = changes.reduce(mutate, doc.text);
        const mutated = docs.map((other, at) => (at === index ? { path: doc.path, text } : other));
        // The baseline's cache: only the mutated doc is parsed again and only what it changes is emitted.
        const result = await generateFromDocs(mutated, { rootDir: SPECS_ROOT, parseWorker: false, cache: baselineCache }, runtime);
        expect(positionProblems(result.diagnostics, new Map(mutated.map((entry) => [entry.path, entry.text])))).toEqual([]);
        const errors = errorsOf(result.diagnostics);
        if (errors.length > 0) {
          counts.pipelineRefused += 1;
          expect(result.files).toEqual([]);
        } else {
          counts.pipelineAccepted += 1;
          expect(result.files.length).toBeGreaterThan(0);
          const changed = result.files.some((file) => baselineFiles.get(file.path) !== file.content) || result.files.length !== baselineFiles.size;
          if (changed && accepted.length < 30 && !accepted.some((entry) => entry.doc === doc.path)) accepted.push({ doc: doc.path, result });
        }
      }),
      { numRuns: RUNS, seed: SEED + 4 },
    );
    expect(counts.pipelineAccepted).toBeGreaterThan(0);
    expect(counts.pipelineRefused).toBeGreaterThan(0);
  }, 120_000);

  it("a sample of up to 30 accepted mutated outputs type-checks (each doc's top folder, with the runtime)", () => {
    expect(accepted.length).toBeGreaterThan(0);
    // Each sample: the files of the mutated doc's top folder (links stay inside it) and the runtime.
    const files = accepted.flatMap(({ doc, result }, index) => {
      const top = `${doc.split("/")[0]!}/`;
      return result.files
        .filter((file) => file.path.startsWith(top) || file.path === "runtime.ts")
        .map((file) => ({ path: `s${index}/${file.path}`, content: file.content }));
    });
    // The unmutated output of the same folders, as a control.
    const controls = [...new Set(accepted.map(({ doc }) => `${doc.split("/")[0]!}/`))].flatMap((top) =>
      [...baselineFiles].filter(([path]) => path.startsWith(top) || path === "runtime.ts").map(([path, content]) => ({ path: `control-${top}${path}`, content })),
    );
    const errors = typecheckFiles([...files, ...controls]);
    const controlErrors = new Set(errors.filter((message) => message.startsWith("out/control-")).map((message) => message.replace(/^out\/control-[^/]+\//, "")));
    const sampleErrors = errors.filter((message) => !message.startsWith("out/control-") && !controlErrors.has(message.replace(/^out\/s\d+\//, "")));
    console.log(`properties: type-checked ${accepted.length} accepted mutated outputs (${files.length} files)`);
    expect(sampleErrors).toEqual([]);
  }, 120_000);

  it("the files a mutation changed are exactly as prettier formats them (preformatted parts included)", async () => {
    const unformatted: string[] = [];
    let checked = 0;
    for (const { doc, result } of accepted) {
      for (const file of result.files) {
        if (baselineFiles.get(file.path) === file.content) continue;
        checked += 1;
        if ((await formatTypeScript(file.content)) !== file.content) unformatted.push(`${doc}: ${file.path}`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(unformatted).toEqual([]);
  }, 120_000);
});
