import { CODES } from "../../ir/codes.js";
import type { Diagnostic, FlavourMap, FlavourName } from "../../ir/types.js";

/** A doc as detection reads it: its path relative to the root, and its text. */
export interface DetectionDoc {
  readonly path: string;
  readonly text: string;
}

/** What one flavour's evidence in a root amounts to: how many lines, and the first one. */
export interface FlavourEvidence {
  readonly flavour: FlavourName;
  readonly lines: number;
  readonly first: { readonly file: string; readonly line: number; readonly column: number; readonly text: string };
}

/** The outcome of {@link detectFlavour}. */
export interface FlavourDetection {
  /** The flavour of each doc. */
  readonly flavours: FlavourMap;
  /** Every flavour some line of the root speaks for, most lines first. */
  readonly evidence: readonly FlavourEvidence[];
  /** The MDS014 diagnostic when the evidence is mixed (an error) or absent (a warning). */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Spellings that only one SDK language's docs use, in Type cells and in the language tags of code
 * blocks. A spelling that several languages share (`*string*` is TypeScript, Go, C# and PHP) is
 * no evidence, so each pattern names exactly one flavour.
 */
const EVIDENCE: readonly { readonly flavour: FlavourName; readonly cell: RegExp | null; readonly fence: string }[] = [
  {
    flavour: "typescript",
    cell: /\*number\*|Record<string,|developer\.mozilla\.org|\*BigInt\*|\w\*\[\]|\)\[\]|rfcdate\.md/,
    fence: "typescript",
  },
  {
    flavour: "python",
    cell: /\*str\*|\*Any\*|(?:^|[^\w.])(?:Optional|Nullable|OptionalNullable|List|Dict|Literal|Union)\[|#date(?:time)?-objects/,
    fence: "python",
  },
  {
    // Escaped generics (`Optional\<Long>`; C# and PHP leave `<` unescaped), JsonNullable, the
    // Java documentation links of dates and responses, and Java's capitalised class names.
    flavour: "java",
    cell: /\\<|\bJsonNullable\b|docs\.oracle\.com|\*(?:String|Object|Long|Boolean|BigDecimal)\*/,
    fence: "java",
  },
  {
    // Sorbet signatures and the Ruby documentation links of dates and responses.
    flavour: "ruby",
    cell: /\bT\.(?:nilable|any|untyped)\b|\bT::(?:Array|Hash|Boolean)\b|::(?:String|Integer|Float|Object)\b|ruby-doc\.org|rubydoc\.info/,
    fence: "ruby",
  },
];

/** The languages of code blocks (` ```python `) in examples and union bodies. */
const FENCE = /^```([a-z]+)\s*$/;

/**
 * Tells the SDK language a docs root was written for, from the spellings of its Type cells and the
 * languages of its code blocks. One language's evidence decides for the whole root. A root whose
 * top-level folders each speak one language (`go/`, `python/`, beside TypeScript docs) is read
 * folder by folder, each folder in its own language; a folder without evidence is read as
 * TypeScript docs. Evidence of several languages inside one folder is an error that lists each
 * with its first line (`--flavour` then says which one to read), and no evidence at all is a
 * warning and a TypeScript reading.
 */
export function detectFlavour(docs: readonly DetectionDoc[]): FlavourDetection {
  const byFolder = new Map<string, Map<FlavourName, { lines: number; first: FlavourEvidence["first"] }>>();
  const note = (folder: string, flavour: FlavourName, file: string, line: number, column: number, text: string) => {
    let found = byFolder.get(folder);
    if (!found) byFolder.set(folder, (found = new Map()));
    const entry = found.get(flavour);
    if (entry) entry.lines += 1;
    else found.set(flavour, { lines: 1, first: { file, line, column, text } });
  };
  for (const doc of docs) {
    const slash = doc.path.indexOf("/");
    const folder = slash < 0 ? "." : doc.path.slice(0, slash);
    const lines = doc.text.split("\n");
    for (let index = 0; index < lines.length; index += 1) {
      const line = lines[index]!;
      if (line.startsWith("```")) {
        const fence = FENCE.exec(line.trimEnd());
        const flavour = fence && EVIDENCE.find((entry) => entry.fence === fence[1]);
        if (flavour) note(folder, flavour.flavour, doc.path, index + 1, 1, line.trim());
        continue;
      }
      if (!line.startsWith("|")) continue;
      const cell = typeCell(line);
      if (!cell) continue;
      for (const entry of EVIDENCE) {
        if (entry.cell?.test(cell.text)) note(folder, entry.flavour, doc.path, index + 1, cell.column, cell.text);
      }
    }
  }
  const evidence = sortEvidence(merge([...byFolder.values()]));
  if (evidence.length === 1) return { flavours: { ".": evidence[0]!.flavour }, evidence, diagnostics: [] };
  if (evidence.length === 0) {
    const first = docs[0];
    const diagnostics: Diagnostic[] = first
      ? [
          {
            file: first.path,
            line: 1,
            column: 1,
            severity: "warning",
            code: CODES.flavourUnknown,
            message: "no Type cell or code block tells which SDK language these docs were written for; they are read as TypeScript docs (--flavour chooses)",
          },
        ]
      : [];
    return { flavours: { ".": "typescript" }, evidence, diagnostics };
  }
  const flavours: Record<string, FlavourName> = {};
  const diagnostics: Diagnostic[] = [];
  for (const folder of [...byFolder.keys()].sort()) {
    const found = sortEvidence(merge([byFolder.get(folder)!]));
    flavours[folder] = found[0]!.flavour;
    if (found.length > 1) diagnostics.push(mixed(found));
  }
  return { flavours, evidence, diagnostics };
}

function merge(folders: readonly Map<FlavourName, { lines: number; first: FlavourEvidence["first"] }>[]): Map<FlavourName, { lines: number; first: FlavourEvidence["first"] }> {
  const merged = new Map<FlavourName, { lines: number; first: FlavourEvidence["first"] }>();
  for (const folder of folders) {
    for (const [flavour, entry] of folder) {
      const seen = merged.get(flavour);
      merged.set(flavour, seen ? { lines: seen.lines + entry.lines, first: seen.first } : { ...entry });
    }
  }
  return merged;
}

function sortEvidence(found: Map<FlavourName, { lines: number; first: FlavourEvidence["first"] }>): FlavourEvidence[] {
  return [...found].map(([flavour, entry]) => ({ flavour, ...entry })).sort((a, b) => b.lines - a.lines || (a.flavour < b.flavour ? -1 : 1));
}

/** The error for a folder whose docs use the spellings of several languages. */
function mixed(evidence: readonly FlavourEvidence[]): Diagnostic {
  const second = evidence[1]!;
  const listed = evidence.map((entry) => `${entry.flavour}: ${entry.lines} line${entry.lines === 1 ? "" : "s"}, first ${entry.first.file}:${entry.first.line} \`${clipText(entry.first.text)}\``).join("; ");
  return {
    file: second.first.file,
    line: second.first.line,
    column: second.first.column,
    severity: "error",
    code: CODES.flavourUnknown,
    message: `these docs mix the spellings of several SDK languages (${listed}); pass --flavour to say which one to read`,
  };
}

/** The Type cell (second cell) of a table row that starts with a backticked field name. */
function typeCell(line: string): { text: string; column: number } | null {
  if (!/^\|\s*(?:~~)?`/.test(line)) return null;
  let at = 1;
  while (at < line.length && !(line[at] === "|" && line[at - 1] !== "\\")) at += 1;
  const start = at + 1;
  let end = start;
  while (end < line.length && !(line[end] === "|" && line[end - 1] !== "\\")) end += 1;
  if (end >= line.length) return null;
  const raw = line.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  return { text: raw.trim(), column: start + lead + 1 };
}

function clipText(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
