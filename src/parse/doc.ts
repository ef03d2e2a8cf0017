import { CODES } from "../ir/codes.js";
import type { Diagnostic, FlavourName, Model, ObjectModel, Point } from "../ir/types.js";
import { readEnum } from "./enum.js";
import { readFields } from "./fields.js";
import type { FlavourFrontEnd } from "./flavour/flavour.js";
import { frontEnd } from "./flavour/index.js";
import { parseMarkdown } from "./markdown.js";
import { MODEL_SECTIONS, outlineDoc, toPoint } from "./outline.js";
import { type DocSource, report } from "./source.js";
import { readUnion } from "./union.js";

/** The outcome of parsing one doc: its model (null when skipped or invalid) and diagnostics. */
export interface DocParse {
  readonly model: Model | null;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parses one markdown model doc into an unresolved model (references keep the link or name the
 * doc wrote; the ir stage resolves them). The doc kind comes from its exact section heading:
 *
 * ```markdown
 * # SyncRun                 <- title (`# ~~Name~~` when deprecated)
 *
 * Optional description.
 *
 * ## Example Usage          <- optional (Zod era)
 * ## Fields | ## Values | ## Supported Types
 * ```
 *
 * A doc with a title and no `##` section at all is an opaque model. A markdown file that is not a
 * model doc (no title, or only other sections, like `types/rfcdate.md`) yields an info diagnostic
 * and no model. Never throws for any input text.
 *
 * @param path the doc path relative to the docs root, with `/` separators.
 * @param flavour the SDK language the docs were written for (see {@link frontEnd}).
 */
export function parseDoc(path: string, text: string, flavour: FlavourName = "typescript"): DocParse {
  const source: DocSource = { path, text, diagnostics: [] };
  const nested = deepNesting(text);
  if (nested) {
    report(source, nested, "error", CODES.tooDeep, "the doc nests blockquotes, lists or indentation too deeply to parse");
    return { model: null, diagnostics: source.diagnostics };
  }
  try {
    const model = readModel(source, frontEnd(flavour));
    return { model, diagnostics: source.diagnostics };
  } catch (error) {
    // Only a stack overflow can escape the parsers (markdown nested thousands of levels deep).
    if (!(error instanceof RangeError)) throw error;
    const diagnostics: Diagnostic[] = [
      { file: path, line: 1, column: 1, severity: "error", code: CODES.tooDeep, message: "the doc nests too deeply to parse (thousands of nested blocks)" },
    ];
    return { model: null, diagnostics };
  }
}

/** How long the container prefix of a line (indentation, `>`, list markers) may be. */
const MAX_PREFIX = 400;

/**
 * Finds a line whose leading container prefix (spaces, `>` quote markers, list bullets) is
 * absurdly long: markdown parsers take quadratic time or overflow the stack on such nesting, and
 * no model doc has it.
 */
function deepNesting(text: string): Point | null {
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf("\n", start);
    const stop = end < 0 ? text.length : end;
    let index = start;
    while (index < stop && index - start <= MAX_PREFIX && " \t>-*+".includes(text[index]!)) index += 1;
    if (index - start > MAX_PREFIX) return { line, column: 1, offset: start };
    if (end < 0) break;
    start = end + 1;
    line += 1;
  }
  return null;
}

function readModel(source: DocSource, flavour: FlavourFrontEnd): Model | null {
  const outline = outlineDoc(parseMarkdown(source.text), source.text);
  const start = { line: 1, column: 1, offset: 0 };
  const present = MODEL_SECTIONS.filter((name) => outline.known.has(name));
  if (!outline.title) {
    report(source, start, "info", CODES.notAModel, "skipped: not a model doc (it does not start with a # title)");
    return null;
  }
  if (present.length === 0 && outline.sections.some((section) => section.heading !== "Example Usage")) {
    report(source, start, "info", CODES.notAModel, "skipped: not a model doc (no ## Fields, ## Values or ## Supported Types section)");
    return null;
  }
  const title = /^(~~)?([A-Za-z_$][\w$]*)(~~)?$/.exec(outline.title.raw);
  if (!title || Boolean(title[1]) !== Boolean(title[3])) {
    report(source, outline.title.start, "error", CODES.badTitle, `the title "${outline.title.raw}" is not a model name (letters, digits and _, not starting with a digit)`);
    return null;
  }
  if (present.length > 1) {
    const second = outline.known.get(present[1]!)!;
    report(source, second.start, "error", CODES.conflictingSections, `a doc holds one model, but it has ## ${present.join(" and ## ")}`);
    return null;
  }
  const exampleSection = outline.known.get("Example Usage");
  const exampleNode = exampleSection?.nodes.find((node) => node.type === "code");
  const docTitle = title[2]!;
  const name = flavour.modelName(docTitle);
  const common = {
    id: source.path,
    title: name,
    ...(name === docTitle ? {} : { docTitle }),
    deprecated: Boolean(title[1]),
    description: outline.description,
    exampleUsage: exampleNode?.type === "code" ? exampleNode.value : null,
    span: { start: outline.title.start, end: toPoint({ line: outline.title.start.line, column: outline.title.start.column + outline.title.raw.length + 2, offset: outline.title.start.offset + outline.title.raw.length + 2 }) },
  };
  const kind = present[0];
  switch (kind) {
    case undefined:
      if (flavour.titleOnlyLoss) report(source, outline.title.start, "warning", CODES.flavourLoss, flavour.titleOnlyLoss);
      return { ...common, kind: "opaque" };
    case "Fields": {
      const fields = readFields(source, outline.known.get(kind)!, flavour, docTitle);
      if (fields.kind === "not-a-model") {
        report(source, start, "info", CODES.notAModel, `skipped: not a model doc (${fields.reason})`);
        return null;
      }
      if (fields.kind !== "fields") return null;
      const model: ObjectModel = { ...common, kind: "object", fields: fields.fields, additionalProperties: fields.additionalProperties };
      const shaped = flavour.reshapeObject ? flavour.reshapeObject(model) : model;
      // A name's spelling matters only where it stays a property (a response's body row becomes
      // `result`, or a union member, and its name goes).
      const kept = new Set(shaped.kind === "object" ? [...shaped.fields.map((field) => field.name), ...(shaped.additionalProperties ? [shaped.additionalProperties.name] : [])] : []);
      for (const loss of fields.nameLosses) if (kept.has(loss.field)) report(source, loss.point, "warning", CODES.flavourLoss, loss.message);
      return shaped;
    }
    case "Values": {
      const parsed = readEnum(source, outline.known.get(kind)!, common.exampleUsage, flavour, docTitle);
      return parsed ? { ...common, kind: "enum", ...parsed } : null;
    }
    case "Supported Types": {
      const members = readUnion(source, outline.known.get(kind)!, flavour, docTitle);
      return members ? { ...common, kind: "union", members } : null;
    }
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}
