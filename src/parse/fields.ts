import type { Table } from "mdast";
import { CODES } from "../ir/codes.js";
import type { AdditionalPropertiesField, Field, Point, Span } from "../ir/types.js";
import type { Section } from "./outline.js";
import { readTableRows } from "./rows.js";
import { type DocSource, report, spanAt } from "./source.js";
import { readDescription, readExample } from "./text.js";
import type { FlavourFrontEnd } from "./flavour/flavour.js";
import { TYPESCRIPT } from "./flavour/typescript/index.js";

const FIELD_HEADER = ["Field", "Type", "Required", "Description"];
/** The hand-written utility docs (`utils/retryconfig.md`) use this header: not a model. */
const HAND_WRITTEN_HEADER = ["Name", "Type", "Description"];
const REQUIRED = new Map([
  [":heavy_check_mark:", true],
  [":heavy_minus_sign:", false],
]);

/**
 * A property name a doc of another SDK language may have spelled otherwise than the TypeScript SDK
 * (Go initialisms): reported once the model's final shape shows the property is kept.
 */
export interface NameLoss {
  readonly field: string;
  readonly point: Point;
  readonly message: string;
}

/** The result of reading a `## Fields` section: the fields, or why the doc is not a model. */
export type FieldsParse =
  | {
      readonly kind: "fields";
      readonly fields: readonly Field[];
      readonly additionalProperties: AdditionalPropertiesField | null;
      readonly nameLosses: readonly NameLoss[];
    }
  | { readonly kind: "not-a-model"; readonly reason: string }
  | { readonly kind: "invalid" };

/**
 * Reads the table of a `## Fields` section, with 4 or 5 columns:
 *
 * ```markdown
 * | Field              | Type                   | Required           | Description | Example |
 * | ------------------ | ---------------------- | ------------------ | ----------- | ------- |
 * | `canceled`         | *boolean*              | :heavy_minus_sign: | Whether…    | false   |
 * | ~~`legacyId`~~     | *string*               | :heavy_check_mark: | : warning: ** DEPRECATED **: … |  |
 * ```
 *
 * A table with no body rows is an empty object. Every problem of a row is reported with the
 * cell's position, and the row is left out. The Field and Type cells are read by the `flavour`
 * of the docs (Python `*Optional[str]*`, Go `**string*`, ...), which also sees the rest of the row
 * and the doc's `modelTitle` (a PHP `\DateTime` is told a date by them); the rest of the table is
 * the same in every SDK language.
 */
export function readFields(source: DocSource, section: Section, flavour: FlavourFrontEnd = TYPESCRIPT, modelTitle = ""): FieldsParse {
  const table = section.nodes.find((node): node is Table => node.type === "table");
  if (!table) {
    report(source, section.start, "error", CODES.missingBody, "the ## Fields section has no table");
    return { kind: "invalid" };
  }
  const rows = readTableRows(table, source.text);
  const header = rows.header.map((cell) => cell.text);
  if (startsWith(header, HAND_WRITTEN_HEADER) && !header.includes("Required")) {
    return { kind: "not-a-model", reason: `its ## Fields table has the hand-written header | ${header.join(" | ")} |` };
  }
  const exampleColumn = header.length === 5 && header[4] === "Example";
  if (!startsWith(header, FIELD_HEADER) || !(header.length === 4 || exampleColumn)) {
    report(
      source,
      rows.headerStart,
      "error",
      CODES.badHeader,
      `the ## Fields table header is | ${header.join(" | ")} |; expected | Field | Type | Required | Description | with an optional | Example |`,
    );
    return { kind: "invalid" };
  }
  const fields: Field[] = [];
  const nameLosses: NameLoss[] = [];
  const seen = new Map<string, number>();
  let valid = true;
  for (const row of rows.body) {
    if (row.cells.length !== header.length) {
      report(source, row.start, "error", CODES.badRowCells, `this row has ${row.cells.length} cells; the header has ${header.length}`);
      valid = false;
      continue;
    }
    const [nameCell, typeCell, requiredCell, descriptionCell, exampleCell] = row.cells;
    const name = /^(~~)?`([^`]+)`(~~)?$/.exec(nameCell!.text);
    if (!name || Boolean(name[1]) !== Boolean(name[3]) || name[2]!.trim() === "") {
      report(source, nameCell!.start, "error", CODES.badFieldName, `expected a field name in backticks, got "${clip(nameCell!.text)}"`);
      valid = false;
      continue;
    }
    const docName = name[2]!;
    let fieldName = flavour.propertyName(docName);
    const required = REQUIRED.get(requiredCell!.text);
    if (required === undefined) {
      report(
        source,
        requiredCell!.start,
        "error",
        CODES.badRequired,
        `the Required cell of "${fieldName}" is "${clip(requiredCell!.text)}"; expected :heavy_check_mark: or :heavy_minus_sign:`,
      );
      valid = false;
      continue;
    }
    const description = readDescription(descriptionCell!.text);
    const example = readExample(exampleCell?.text);
    const type = flavour.readTypeCell(typeCell!.text, typeCell!.start, required, { field: docName, description, example, modelTitle });
    if (!type.ok) {
      report(
        source,
        spanAt(typeCell!.start, type.offset, 0).start,
        "error",
        CODES.badType,
        `the Type of "${fieldName}" is not a documented type: ${type.message} in "${clip(typeCell!.text)}"`,
      );
      valid = false;
      continue;
    }
    // A catch-all row (Python's `__pydantic_extra__`) of a model that also has a field named
    // `additionalProperties` is a field of its own in the TypeScript SDK, which names it so.
    if (fieldName === "additionalProperties" && docName !== fieldName && seen.has(fieldName)) fieldName = "additionalPropertiesT";
    const previous = seen.get(fieldName);
    if (previous !== undefined) {
      report(source, nameCell!.start, "error", CODES.duplicateField, `the field "${fieldName}" is already defined on line ${previous}`);
      valid = false;
      continue;
    }
    seen.set(fieldName, row.start.line);
    const nameLoss = flavour.propertyNameLoss?.(docName) ?? null;
    if (nameLoss) nameLosses.push({ field: fieldName, point: spanAt(nameCell!.start, nameCell!.text.indexOf("`") + 1, 0).start, message: nameLoss });
    for (const loss of type.losses) report(source, spanAt(typeCell!.start, loss.offset, 0).start, "warning", CODES.flavourLoss, loss.message);
    fields.push({
      name: fieldName,
      docName,
      type: type.type,
      required,
      nullable: type.nullable,
      deprecated: Boolean(name[1]),
      description,
      example,
      span: rowSpan(row),
    });
  }
  if (!valid) return { kind: "invalid" };
  const catchAll = fields.find(isAdditionalPropertiesRow) ?? null;
  return { kind: "fields", fields: fields.filter((field) => field !== catchAll), additionalProperties: catchAll, nameLosses };
}

/**
 * Whether a row is the model's catch-all rather than a wire key: the row the Zod-era generator
 * writes for a schema with `additionalProperties`, named so and typed as a record.
 *
 * ```markdown
 * | `additionalProperties` | Record<string, *any*> | :heavy_minus_sign: | N/A |
 * ```
 *
 * A field of another type under that name (an API whose objects really have an
 * `additionalProperties` key holding a list, say) stays an ordinary field.
 */
export function isAdditionalPropertiesRow(field: Field): field is AdditionalPropertiesField {
  return field.name === "additionalProperties" && field.type.kind === "record";
}

/** The span of a table row, from its first to its last character. */
export function rowSpan(row: { readonly start: Point; readonly length: number }): Span {
  return spanAt(row.start, 0, row.length);
}

function startsWith(cells: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((cell, index) => cells[index] === cell);
}

/** Shortens a cell for a message. */
export function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

