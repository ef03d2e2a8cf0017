import { type Model, type Schema, type TypeNode, tableRows } from "./types.js";

/**
 * The public shape of a model, as `--check` compares it between the committed output and the
 * docs: field types and optionality, enum values, union members. Kept in the output manifest so
 * a clean checkout can tell what changed without the previous docs.
 */
export type ModelShape =
  | { readonly kind: "object"; readonly name: string; readonly fields: Readonly<Record<string, { readonly type: string; readonly required: boolean }>> }
  | { readonly kind: "enum"; readonly name: string; readonly values: readonly (string | number)[]; readonly open: boolean }
  | { readonly kind: "union"; readonly name: string; readonly members: readonly string[] }
  | { readonly kind: "opaque"; readonly name: string };

/** One semantic change of a model. */
export interface ShapeChange {
  /** The doc of the model. */
  readonly doc: string;
  readonly model: string;
  readonly message: string;
  /** Whether code using the previous model may break (removals, narrowing, type changes). */
  readonly breaking: boolean;
}

/** The shapes of every model of a schema, keyed by doc path. */
export function schemaShapes(schema: Schema): Record<string, ModelShape> {
  const byId = new Map(schema.models.map((model) => [model.id, model]));
  return Object.fromEntries(schema.models.map((model) => [model.id, modelShape(model, (id) => byId.get(id))]));
}

/** Computes the shape of a model; references print as the referenced model's title. */
export function modelShape(model: Model, lookup: (id: string) => Model | undefined): ModelShape {
  switch (model.kind) {
    case "object": {
      const fields: Record<string, { type: string; required: boolean }> = {};
      for (const field of tableRows(model)) fields[field.name] = { type: typeString(field.type, lookup), required: field.required };
      return { kind: "object", name: model.title, fields };
    }
    case "enum":
      return { kind: "enum", name: model.title, values: model.members.map((member) => member.value), open: model.open !== null };
    case "union":
      return { kind: "union", name: model.title, members: model.members.map((member) => typeString(member.type, lookup)) };
    case "opaque":
      return { kind: "opaque", name: model.title };
    default: {
      const unreachable: never = model;
      return unreachable;
    }
  }
}

/** A canonical, human-readable type string (`string`, `Date`, `Fields[]`, `Record<string, X>`). */
export function typeString(type: TypeNode, lookup: (id: string) => Model | undefined): string {
  switch (type.kind) {
    case "primitive":
      return type.name;
    case "date-time":
      return "Date";
    case "date":
      return "RFCDate";
    case "literal":
      return JSON.stringify(type.value);
    case "external":
      return type.name;
    case "ref":
      return (type.target === null ? undefined : lookup(type.target)?.title) ?? "unknown";
    case "array": {
      const element = typeString(type.element, lookup);
      return type.element.kind === "union" ? `(${element})[]` : `${element}[]`;
    }
    case "record":
      return `Record<string, ${typeString(type.value, lookup)}>`;
    case "union":
      return type.members.map((member) => typeString(member, lookup)).join(" | ");
    case "event-stream":
      return `EventStream<${typeString(type.event, lookup)}>`;
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

/**
 * Lists what changed between two sets of model shapes (keyed by doc path), each change marked
 * breaking (a model, field, value or member removed; a type changed; a field made required; an
 * enum closed) or additive (added, or made optional).
 */
export function diffShapes(before: Readonly<Record<string, ModelShape>>, after: Readonly<Record<string, ModelShape>>): ShapeChange[] {
  const changes: ShapeChange[] = [];
  const docs = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const doc of docs) {
    const old = before[doc];
    const now = after[doc];
    const add = (model: string, message: string, breaking: boolean) => changes.push({ doc, model, message, breaking });
    if (!old) {
      add(now!.name, `model added (${now!.kind})`, false);
      continue;
    }
    if (!now) {
      add(old.name, "model removed", true);
      continue;
    }
    if (old.kind !== now.kind || old.name !== now.name) {
      add(now.name, `model changed from ${old.kind} ${old.name} to ${now.kind} ${now.name}`, true);
      continue;
    }
    if (old.kind === "object" && now.kind === "object") {
      for (const name of Object.keys(old.fields)) if (!(name in now.fields)) add(now.name, `field ${name} removed`, true);
      for (const [name, field] of Object.entries(now.fields)) {
        const previous = old.fields[name];
        if (!previous) {
          add(now.name, `field ${name} added (${field.required ? "required" : "optional"} ${field.type})`, field.required);
          continue;
        }
        if (previous.type !== field.type) add(now.name, `field ${name} type changed: ${previous.type} → ${field.type}`, true);
        if (previous.required !== field.required) {
          add(now.name, `field ${name} made ${field.required ? "required" : "optional"}`, field.required);
        }
      }
    } else if (old.kind === "enum" && now.kind === "enum") {
      for (const value of old.values) if (!now.values.includes(value)) add(now.name, `value ${JSON.stringify(value)} removed`, true);
      for (const value of now.values) if (!old.values.includes(value)) add(now.name, `value ${JSON.stringify(value)} added`, false);
      if (old.open !== now.open) add(now.name, now.open ? "enum made open" : "enum made closed", !now.open);
    } else if (old.kind === "union" && now.kind === "union") {
      for (const member of old.members) if (!now.members.includes(member)) add(now.name, `member ${member} removed`, true);
      for (const member of now.members) if (!old.members.includes(member)) add(now.name, `member ${member} added`, false);
    }
  }
  return changes;
}
