import { CODES } from "./codes.js";
import { type Diagnostic, type Field, type Model, type ObjectModel, type Schema, type TypeNode, tableRows } from "./types.js";

/** How an Example cell relates to its field's type. */
export type ExampleVerdict =
  | { readonly kind: "usable"; readonly value: unknown }
  | { readonly kind: "unchecked" }
  | { readonly kind: "contradicts"; readonly reason: string };

/**
 * Checks every Example cell of the schema against its field's type and reports the ones that
 * contradict their own doc as warnings (the generated code is still written): a JavaScript
 * `[object Object]` where a value belongs, a value outside its enum (`Running Sync` for
 * `Running sync`), a number or date that does not parse, invalid JSON.
 */
export function checkExamples(schema: Schema): Diagnostic[] {
  const byId = new Map(schema.models.map((model) => [model.id, model]));
  const diagnostics: Diagnostic[] = [];
  for (const model of schema.models) {
    if (model.kind !== "object") continue;
    for (const field of tableRows(model)) {
      if (field.example === null) continue;
      const verdict = readExample(field, (id) => byId.get(id));
      if (verdict.kind === "contradicts") diagnostics.push(warning(model, field, verdict.reason));
    }
  }
  return diagnostics;
}

/**
 * Interprets the Example cell of a field as a wire value, as far as the display text allows
 * (FORMAT.md section 4): scalars by type, enum values by membership, JSON for cells that start
 * with `{` or `[`, comma-joined lists for arrays of scalars. Free text for a string is usable as
 * it is; shapes that display text cannot carry are `unchecked`.
 */
export function readExample(field: Field, lookup: (id: string) => Model | undefined): ExampleVerdict {
  const text = field.example;
  if (text === null) return { kind: "unchecked" };
  // Newer docs list several examples in one cell: `**Example 1:** {…}<br/>**Example 2:** {…}`.
  const parts = /^\s*\*\*Example \d+:\*\*/.test(text) ? text.split(/\*\*Example \d+:\*\*/).slice(1) : [text];
  let first: ExampleVerdict = { kind: "unchecked" };
  for (const [index, part] of parts.entries()) {
    const verdict = readOne(part, field, lookup);
    if (verdict.kind === "contradicts" && parts.length > 1) return { kind: "contradicts", reason: `example ${index + 1}: ${verdict.reason}` };
    if (verdict.kind === "contradicts" || index === 0) first = verdict;
  }
  return first;
}

function readOne(text: string, field: Field, lookup: (id: string) => Model | undefined): ExampleVerdict {
  if (/^\[object Object\](,\[object Object\])*$/.test(text.trim())) {
    return { kind: "contradicts", reason: `the example "${text.trim()}" is JavaScript's rendering of an object, not a value` };
  }
  return readValue(text, field.type, lookup, true);
}

function readValue(text: string, type: TypeNode, lookup: (id: string) => Model | undefined, top: boolean): ExampleVerdict {
  const trimmed = text.trim();
  switch (type.kind) {
    case "primitive":
      switch (type.name) {
        case "string":
          return { kind: "usable", value: text };
        case "any":
          return jsonOrUnchecked(trimmed);
        case "number":
          return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(trimmed)
            ? { kind: "usable", value: Number(trimmed) }
            : { kind: "contradicts", reason: `the example "${clip(trimmed)}" is not a number` };
        case "boolean":
          return trimmed === "true" || trimmed === "false"
            ? { kind: "usable", value: trimmed === "true" }
            : { kind: "contradicts", reason: `the example "${clip(trimmed)}" is not true or false` };
        case "bigint":
          return /^-?\d+$/.test(trimmed) ? { kind: "usable", value: trimmed } : { kind: "contradicts", reason: `the example "${clip(trimmed)}" is not an integer` };
        case "decimal":
          return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(trimmed)
            ? { kind: "usable", value: trimmed }
            : { kind: "contradicts", reason: `the example "${clip(trimmed)}" is not a decimal number` };
        default: {
          const unreachable: never = type;
          return unreachable;
        }
      }
    case "date-time":
      return ISO_DATE_TIME.test(trimmed) && !Number.isNaN(Date.parse(trimmed))
        ? { kind: "usable", value: trimmed }
        : { kind: "contradicts", reason: `the example "${clip(trimmed)}" is not an ISO 8601 date-time` };
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(trimmed) && !Number.isNaN(Date.parse(`${trimmed}T00:00:00Z`))
        ? { kind: "usable", value: trimmed }
        : { kind: "contradicts", reason: `the example "${clip(trimmed)}" is not a date YYYY-MM-DD` };
    case "literal": {
      const written = trimmed.replace(/^"(.*)"$/, "$1");
      return written === String(type.value)
        ? { kind: "usable", value: type.value }
        : { kind: "contradicts", reason: `the example "${clip(trimmed)}" is not the constant ${JSON.stringify(type.value)}` };
    }
    case "ref": {
      const target = type.target === null ? undefined : lookup(type.target);
      if (target?.kind === "enum") {
        const member = target.members.find((candidate) => String(candidate.value) === trimmed);
        if (member) return { kind: "usable", value: member.value };
        if (target.open) return { kind: "usable", value: target.open === "number" && /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed };
        const near = target.members.find((candidate) => String(candidate.value).toLowerCase() === trimmed.toLowerCase());
        return {
          kind: "contradicts",
          reason: `the example "${clip(trimmed)}" is not a value of ${target.title}${near ? ` (did the doc mean "${String(near.value)}"?)` : ""}`,
        };
      }
      return jsonOrUnchecked(trimmed);
    }
    case "array": {
      if (trimmed.startsWith("[")) return jsonOrUnchecked(trimmed);
      if (!top || !isScalar(type.element, lookup)) return { kind: "unchecked" };
      // Display text of an array of scalars is its elements joined with commas.
      const values: unknown[] = [];
      for (const part of trimmed.split(",")) {
        const element = readValue(part, type.element, lookup, false);
        if (element.kind !== "usable") return element;
        values.push(element.value);
      }
      return { kind: "usable", value: values };
    }
    case "record":
    case "union":
      return jsonOrUnchecked(trimmed);
    case "external":
    case "event-stream":
      return { kind: "unchecked" };
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function isScalar(type: TypeNode, lookup: (id: string) => Model | undefined): boolean {
  if (type.kind === "primitive") return type.name !== "any";
  if (type.kind === "ref") return lookup(type.target ?? "")?.kind === "enum";
  return type.kind === "date" || type.kind === "date-time" || type.kind === "literal";
}

/** A cell that starts with `{` or `[` is JSON (after the cell's `<br/>` and `\|` are restored). */
function jsonOrUnchecked(text: string): ExampleVerdict {
  if (!text.startsWith("{") && !text.startsWith("[")) return { kind: "unchecked" };
  try {
    return { kind: "usable", value: JSON.parse(text) };
  } catch (error) {
    return { kind: "contradicts", reason: `the example is not valid JSON (${(error as Error).message})` };
  }
}

function clip(text: string): string {
  return text.length > 50 ? `${text.slice(0, 47)}...` : text;
}

function warning(model: ObjectModel, field: Field, reason: string): Diagnostic {
  return {
    file: model.id,
    line: field.span.start.line,
    column: field.span.start.column,
    severity: "warning",
    code: CODES.exampleContradicts,
    message: `${field.name}: ${reason}`,
  };
}
