/**
 * The stable diagnostic codes, one per rule. A code never changes meaning once released; the
 * README lists them with their severity.
 */
export const CODES = {
  /** A markdown file that is not a model doc (no title, or sections of another kind): skipped. */
  notAModel: "MDS001",
  /** A file that cannot be read as UTF-8 text. */
  unreadable: "MDS002",
  /** The title line is missing or is not a valid model name. */
  badTitle: "MDS010",
  /** A doc has more than one model section (`## Fields` and `## Values`, ...). */
  conflictingSections: "MDS011",
  /** A model section holds no table or code block of the expected form. */
  missingBody: "MDS012",
  /** A doc whose markdown nests too deeply to parse (thousands of nested blocks). */
  tooDeep: "MDS013",
  /** A table header that is not one of the documented column sets. */
  badHeader: "MDS101",
  /** A table row whose cell count differs from the header's. */
  badRowCells: "MDS102",
  /** A Field cell that is not a backticked identifier. */
  badFieldName: "MDS103",
  /** A Required cell other than `:heavy_check_mark:` / `:heavy_minus_sign:`. */
  badRequired: "MDS104",
  /** A Type cell outside the documented grammar. */
  badType: "MDS105",
  /** Two rows of one table with the same field name. */
  duplicateField: "MDS106",
  /** An enum Name cell that is not a backticked name. */
  badEnumName: "MDS110",
  /** An enum value line (code form) outside the documented grammar. */
  badEnumValues: "MDS111",
  /** Two enum members with the same name or the same value. */
  duplicateEnumMember: "MDS112",
  /** A union member heading outside the documented grammar. */
  badUnionMember: "MDS120",
  /**
   * A doc of another SDK language (a flavour) that does not say something the TypeScript docs
   * would (a PHP `\DateTime` that may be a date or a date-time, a Java union doc without members):
   * a warning naming the rule mdspec applied.
   */
  flavourLoss: "MDS130",
  /** The SDK language of a folder of docs cannot be told: its evidence is mixed. */
  flavourUnknown: "MDS014",
  /** A Type-column link whose URL resolves to no model doc. */
  unresolvedLink: "MDS201",
  /** An `*ns.X*` name (or union heading) that resolves to no model doc. */
  unresolvedName: "MDS202",
  /** Two docs of one folder declare the same title, so the folder index cannot export both. */
  duplicateTitle: "MDS203",
  /** A model or folder that the folder index cannot re-export without a clash. */
  indexClash: "MDS205",
  /**
   * No longer reported: a doc whose output path was reserved for a file mdspec writes itself
   * (`runtime.ts`). Such a doc now gets another file name ({@link CODES.outputRenamed}); the code
   * stays reserved so that it never means anything else.
   */
  reservedOutput: "MDS206",
  /** Two fields of one model whose wire names (after the wire case and overrides) are the same. */
  wireNameClash: "MDS207",
  /** A wire-name override that matches no field of its doc, or several. */
  overrideUnmatched: "MDS209",
  /** A doc or folder whose output gets another name, its own being unusable (see the README's output layout). */
  outputRenamed: "MDS208",
  /** An Example cell that contradicts its own doc (a warning: the code is still generated). */
  exampleContradicts: "MDS301",
  /** A link that leaves the docs root. */
  linkOutsideRoot: "MDS204",
  /** A model whose exported schema (OpenAPI, JSON Schema) is keyed by more than its name, which another doc shares. */
  schemaKeyQualified: "MDS401",
} as const;

/** Any stable diagnostic code. */
export type DiagnosticCode = (typeof CODES)[keyof typeof CODES];
