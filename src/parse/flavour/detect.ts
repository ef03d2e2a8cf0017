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
  /** The MDS014 errors of folders whose evidence is mixed. */
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
    flavour: "go",
    // Slices and maps written before the element (`[]*string*`, `map[string]*any*`), the
    // pointer inside the italics (`**string*`) or in a code span (`` `*string` ``), Go's sized
    // numbers (`*int64*`, `` `float32` ``), `interface{}`, the `optionalnullable.OptionalNullable[T]`
    // of newer SDKs and links to Go's package docs (`[time.Time](https://pkg.go.dev/time#Time)`).
    cell: /^`?\[\]|map\[string\]|^\*\*[a-z]|^`\*[\w.]+`|(?:^|[*`])(?:u?int(?:8|16|32|64)|float(?:32|64))(?:[*`]|$)|pkg\.go\.dev|optionalnullable\.|interface\{\}/,
    fence: "go",
  },
  {
    flavour: "csharp",
    cell: /Dictionary<|(?:^|[^\\\w])List<|learn\.microsoft\.com|nodatime\.org|\*decimal\*|\*object\*/,
    fence: "csharp",
  },
  {
    flavour: "php",
    cell: /(?:^|[^\w])array<|\*\?|\\Brick\\Math\\|php\.net|php-fig\.org|\*mixed\*/,
    fence: "php",
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

/** What one doc speaks for: each flavour with its count of lines and its first line. */
type DocEvidence = Map<FlavourName, { lines: number; first: FlavourEvidence["first"] }>;

/**
 * Tells the SDK language a docs root was written for, from the spellings of its Type cells and the
 * languages of its code blocks. One language's evidence decides for the whole root. A root whose
 * folders speak different languages (`python/` and `go/` beside TypeScript docs, at any depth)
 * is read folder by folder: a folder whose evidence is mixed is split into its own docs and its
 * subfolders, until each part speaks one language; a part without evidence takes the language of
 * the folder above, else TypeScript. Docs of several languages side by side in one folder are an
 * error that lists each language with its first line (`--flavour` then says which one to read).
 * A root without any evidence is read as TypeScript docs.
 */
export function detectFlavour(docs: readonly DetectionDoc[]): FlavourDetection {
  const perDoc = docs.map((doc) => ({ path: doc.path, evidence: docEvidence(doc) }));
  const evidence = sortEvidence(merge(perDoc.map((doc) => doc.evidence)));
  if (evidence.length <= 1) return { flavours: { ".": evidence[0]?.flavour ?? "typescript" }, evidence, diagnostics: [] };
  const flavours: Record<string, FlavourName> = {};
  const diagnostics: Diagnostic[] = [];
  splitFolder(".", perDoc, flavours, diagnostics);
  return { flavours, evidence, diagnostics };
}

/** Assigns a language to `folder` and, where its docs are mixed, to its parts (see {@link detectFlavour}). */
function splitFolder(folder: string, docs: readonly { path: string; evidence: DocEvidence }[], flavours: Record<string, FlavourName>, diagnostics: Diagnostic[]): void {
  const found = sortEvidence(merge(docs.map((doc) => doc.evidence)));
  if (found.length === 0) return;
  if (found.length === 1) {
    flavours[folder] = found[0]!.flavour;
    return;
  }
  const prefix = folder === "." ? "" : `${folder}/`;
  const own: { path: string; evidence: DocEvidence }[] = [];
  const subfolders = new Map<string, { path: string; evidence: DocEvidence }[]>();
  for (const doc of docs) {
    const rest = doc.path.slice(prefix.length);
    const slash = rest.indexOf("/");
    if (slash < 0) own.push(doc);
    else {
      const sub = `${prefix}${rest.slice(0, slash)}`;
      subfolders.set(sub, [...(subfolders.get(sub) ?? []), doc]);
    }
  }
  const ownFound = sortEvidence(merge(own.map((doc) => doc.evidence)));
  if (ownFound.length > 1) diagnostics.push(mixed(ownFound));
  if (ownFound.length > 0) flavours[folder] = ownFound[0]!.flavour;
  for (const sub of [...subfolders.keys()].sort()) splitFolder(sub, subfolders.get(sub)!, flavours, diagnostics);
}

/** The evidence of one doc: its code-block languages and the Type cells only one language spells so. */
function docEvidence(doc: DetectionDoc): DocEvidence {
  const found: DocEvidence = new Map();
  const note = (flavour: FlavourName, line: number, column: number, text: string) => {
    const entry = found.get(flavour);
    if (entry) entry.lines += 1;
    else found.set(flavour, { lines: 1, first: { file: doc.path, line, column, text } });
  };
  const lines = doc.text.split("\n");
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.startsWith("```")) {
      const fence = FENCE.exec(line.trimEnd());
      const flavour = fence && EVIDENCE.find((entry) => entry.fence === fence[1]);
      if (flavour) note(flavour.flavour, index + 1, 1, line.trim());
      continue;
    }
    if (!line.startsWith("|")) continue;
    const cell = typeCell(line);
    if (!cell) continue;
    for (const entry of EVIDENCE) {
      if (entry.cell?.test(cell.text)) note(entry.flavour, index + 1, cell.column, cell.text);
    }
  }
  return found;
}

function merge(docs: readonly DocEvidence[]): DocEvidence {
  const merged: DocEvidence = new Map();
  for (const doc of docs) {
    for (const [flavour, entry] of doc) {
      const seen = merged.get(flavour);
      merged.set(flavour, seen ? { lines: seen.lines + entry.lines, first: seen.first } : { ...entry });
    }
  }
  return merged;
}

function sortEvidence(found: DocEvidence): FlavourEvidence[] {
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
