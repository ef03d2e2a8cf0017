// What the tests of each SDK language's docs share: a `## Fields` doc built from rows, a doc read
// as one language, and type trees compared without their source spans.
import { expect } from "vitest";
import type { Field, FlavourName, Model, TypeNode } from "../../src/ir/types.js";
import { parseDoc } from "../../src/parse/doc.js";

/** One row of a `## Fields` table: `[field, type, required]`. */
export type FieldRow = readonly [string, string, boolean];

/** A `## Fields` doc with one row per `[field, type, required]` and N/A descriptions. */
export function fieldsDoc(rows: readonly FieldRow[], title = "Thing"): string {
  const lines = rows.map(([field, type, required]) => `| \`${field}\` | ${type} | ${required ? ":heavy_check_mark:" : ":heavy_minus_sign:"} | N/A |`);
  return `# ${title}\n\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n${lines.join("\n")}\n`;
}

/** A type tree without its source spans, to compare shapes. */
export function shape(type: TypeNode): unknown {
  return JSON.parse(JSON.stringify(type, (key, value) => (key === "span" ? undefined : value)));
}

/** A doc read as `flavour`: its model, and its diagnostics as `"<severity> <code>"`. */
export function parseAs(flavour: FlavourName, text: string, path: string): { model: Model | null; codes: string[] } {
  const parsed = parseDoc(path, text, flavour);
  return { model: parsed.model, codes: parsed.diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.code}`) };
}

/** The one field of a doc with a single row, read without any diagnostic. */
export function onlyFieldOf(flavour: FlavourName, path: string, fieldCell: string, type: string, required: boolean): Field {
  const { model, codes } = parseAs(flavour, fieldsDoc([[fieldCell, type, required]]), path);
  expect(codes).toEqual([]);
  if (model?.kind !== "object") throw new Error("not an object doc");
  return model.fields[0]!;
}
