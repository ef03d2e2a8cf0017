import { CODES } from "./codes.js";
import type { Diagnostic, Field, Model } from "./types.js";

/** Wire-name overrides: doc path relative to the root, then a field's name, then its wire name. */
export type OverrideMap = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The overrides keyed by each field's property name, and the keys that matched no field or several. */
export interface MatchedOverrides {
  readonly overrides: OverrideMap;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Finds the field each override key means. A key may be the generated property name
 * (`partnerId`), the doc's own Field cell (`partner_id` in Python docs, `PartnerID` in Go docs),
 * or the TypeScript SDK's spelling (`partnerID`). A key equal to a property name or Field cell
 * wins; otherwise the key matches the field whose name is equal ignoring case and underscores. A
 * key that matches no field, or several fields equally, is a warning (MDS209) and is not used; so
 * is a doc path that names no object model.
 */
export function matchOverrides(models: readonly Model[], overrides: OverrideMap): MatchedOverrides {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map(models.map((model) => [model.id, model]));
  const matched: Record<string, Record<string, string>> = {};
  for (const docId of Object.keys(overrides).sort()) {
    const entries = overrides[docId]!;
    const model = byId.get(docId);
    if (!model || model.kind !== "object") {
      diagnostics.push({
        file: docId,
        line: 1,
        column: 1,
        severity: "warning",
        code: CODES.overrideUnmatched,
        message: `the wire-name overrides name ${model ? `the ${model.kind} doc` : "the doc"} ${docId}, which has no fields; they are not used`,
      });
      continue;
    }
    const result: Record<string, string> = {};
    for (const key of Object.keys(entries)) {
      const fields = fieldsFor(model.fields, key);
      if (fields.length === 1) {
        // An exact key beats a loose one for the same field.
        if (!Object.prototype.hasOwnProperty.call(result, fields[0]!.name) || fields[0]!.name === key || fields[0]!.docName === key) result[fields[0]!.name] = entries[key]!;
        continue;
      }
      diagnostics.push({
        file: docId,
        line: (fields[0] ?? model).span.start.line,
        column: (fields[0] ?? model).span.start.column,
        severity: "warning",
        code: CODES.overrideUnmatched,
        message:
          fields.length === 0
            ? `the wire-name override "${key}" matches no field of ${model.title}; it is not used`
            : `the wire-name override "${key}" matches ${fields.map((field) => `"${field.name}"`).join(" and ")} of ${model.title}; it is not used`,
      });
    }
    matched[docId] = result;
  }
  return { overrides: matched, diagnostics };
}

/** The fields an override key means: an exact match, else every loose one. */
function fieldsFor(fields: readonly Field[], key: string): Field[] {
  const exact = fields.filter((field) => field.name === key || field.docName === key);
  if (exact.length > 0) return exact;
  const loose = looseName(key);
  return fields.filter((field) => looseName(field.name) === loose || looseName(field.docName) === loose);
}

/** A name compared ignoring case and underscores: `connector_id`, `connectorID` and `ConnectorId` agree. */
function looseName(name: string): string {
  return name.replaceAll("_", "").toLowerCase();
}
