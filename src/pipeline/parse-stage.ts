import { CODES } from "../ir/codes.js";
import { type Diagnostic, type FlavourMap, type Model, flavourOf } from "../ir/types.js";
import { parseDoc } from "../parse/doc.js";
import type { DocFile } from "../write/read-docs.js";

/** The outcome of parsing a batch of docs. */
export interface ParsedBatch {
  readonly models: readonly Model[];
  readonly diagnostics: readonly Diagnostic[];
  /** Paths of markdown files that are not model docs (skipped with an info diagnostic). */
  readonly skipped: readonly string[];
}

/** Parses a batch of docs, each written for the SDK language `flavours` gives it, into unresolved models. */
export function parseBatch(docs: readonly DocFile[], flavours: FlavourMap = {}): ParsedBatch {
  const diagnostics: Diagnostic[] = [];
  const models: Model[] = [];
  const skipped: string[] = [];
  for (const doc of docs) {
    if (doc.invalidUtf8) {
      diagnostics.push({
        file: doc.path,
        ...doc.invalidUtf8,
        severity: "error",
        code: CODES.unreadable,
        message: "the file is not valid UTF-8 text",
      });
      continue;
    }
    const parsed = parseDoc(doc.path, doc.text, flavourOf(flavours, doc.path));
    diagnostics.push(...parsed.diagnostics);
    if (parsed.model) models.push(parsed.model);
    else if (!parsed.diagnostics.some((diagnostic) => diagnostic.severity === "error")) skipped.push(doc.path);
  }
  return { models, diagnostics, skipped };
}
