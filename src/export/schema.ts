import type { EmitOptions } from "../emit/options.js";
import { readExample } from "../ir/examples.js";
import { extraTakesNull, takesNull, wireTakesNull } from "../ir/nulls.js";
import { type EnumModel, type Field, type Model, type ObjectModel, type Schema, type TypeNode, type UnionModel } from "../ir/types.js";
import { wireName } from "../ir/wire-names.js";
import { BIGINT_TEXT, DECIMAL_TEXT, acceptsValue } from "./accepts.js";

/** A JSON value as the exported documents hold it. */
export type Json = null | boolean | number | string | readonly Json[] | JsonObject;

/** A JSON object (a schema, a document). */
export interface JsonObject {
  readonly [key: string]: Json;
}

/** Which document the schemas are for: references and the discriminator differ. */
export type ExportTarget = "openapi" | "json-schema";

/** The keyword naming the doc a schema comes from (its path relative to the docs root). */
export const DOC_KEYWORD = "x-mdspec-doc";
/** The keyword naming the platform type of a non-JSON field (`Response`, `Blob`, `EventStream`, …). */
export const EXTERNAL_KEYWORD = "x-mdspec-external";
/** The keyword holding the event schema of an event stream. */
export const EVENT_KEYWORD = "x-mdspec-event";
/** The keyword marking the member of an open enum that takes the values the docs do not list. */
export const UNRECOGNIZED_KEYWORD = "x-mdspec-unrecognized";
/** Every keyword of mdspec's own in the schemas: a strict validator (ajv) is told them as a vocabulary. */
export const MDSPEC_KEYWORDS: readonly string[] = [DOC_KEYWORD, EXTERNAL_KEYWORD, EVENT_KEYWORD, UNRECOGNIZED_KEYWORD];

/** What the mapping of one schema needs: the options deciding the wire, the models, the keys. */
interface Context {
  readonly options: EmitOptions;
  readonly lookup: (id: string) => Model | undefined;
  readonly keys: ReadonlyMap<string, string>;
  readonly target: ExportTarget;
}

/**
 * The schemas of every model of a resolved schema, keyed by `keys`, in key order. They describe
 * the wire as the generated `XJson` types and decoders do under `options`: wire names after the
 * wire case and overrides, the unknown-keys policy, the null policies, bigint and decimal as
 * strings or numbers. docs/openapi.md gives the mapping.
 */
export function modelSchemas(schema: Schema, options: EmitOptions, keys: ReadonlyMap<string, string>, target: ExportTarget): JsonObject {
  const byId = new Map(schema.models.map((model) => [model.id, model]));
  const context: Context = { options, lookup: (id) => byId.get(id), keys, target };
  const entries = schema.models.map((model) => [keys.get(model.id)!, modelSchema(context, model)] as const);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

function modelSchema(context: Context, model: Model): JsonObject {
  const head: [string, Json][] = [["title", model.title]];
  if (model.description !== null) head.push(["description", model.description]);
  if (model.deprecated) head.push(["deprecated", true]);
  const doc: [string, Json] = [DOC_KEYWORD, model.id];
  switch (model.kind) {
    case "object":
      return object([...head, ...Object.entries(objectSchema(context, model)), doc]);
    case "enum":
      return object([...head, ...Object.entries(enumSchema(model)), doc]);
    case "union":
      return object([...head, ...Object.entries(unionModelSchema(context, model)), doc]);
    case "opaque":
      return object([...head, doc]);
    default: {
      const unreachable: never = model;
      return unreachable;
    }
  }
}

function objectSchema(context: Context, model: ObjectModel): JsonObject {
  const properties: [string, Json][] = [];
  const required: string[] = [];
  for (const field of model.fields) {
    const key = wireName(model.id, field, context.options.wireNames);
    properties.push([key, fieldSchema(context, field)]);
    if (field.required) required.push(key);
  }
  const entries: [string, Json][] = [
    ["type", "object"],
    ["properties", object(properties)],
  ];
  if (required.length > 0) entries.push(["required", required]);
  // The catch-all keeps the undeclared keys whatever the policy; else only `strict` refuses them.
  if (model.additionalProperties) {
    const value = model.additionalProperties.type.value;
    const values = typeSchema(context, value);
    entries.push(["additionalProperties", extraTakesNull(value, context.options.nulls, context.lookup) ? orNull(values) : values]);
  } else if (context.options.unknownKeys === "strict") entries.push(["additionalProperties", false]);
  return object(entries);
}

/**
 * A field's schema: its type's, made null-accepting when its wire value may be null (a field
 * that takes null, and an optional one under `--nulls absent`, whose decoder reads null as
 * absent), with the field's description, `deprecated` and its documented example when the
 * generated code accepts it.
 */
function fieldSchema(context: Context, field: Field): JsonObject {
  let schema = typeSchema(context, field.type);
  if (wireTakesNull(field, context.options.nulls, context.options.requiredNulls, context.lookup)) schema = orNull(schema);
  const entries: [string, Json][] = Object.entries(schema);
  if (field.description !== null) entries.push(["description", field.description]);
  if (field.deprecated) entries.push(["deprecated", true]);
  const example = field.example === null ? null : readExample(field, context.lookup);
  if (example?.kind === "usable" && isJson(example.value) && acceptsValue(example.value, field.type, context.options, context.lookup)) {
    entries.push(["examples", [example.value]]);
  }
  return object(entries);
}

function enumSchema(model: EnumModel): JsonObject {
  const values = model.members.map((member) => member.value);
  const type = model.open ?? (values.every((value) => typeof value === "string") ? "string" : values.every((value) => typeof value === "number") ? "number" : null);
  const closed: JsonObject = values.length === 0 ? { not: {} } : type === null ? { enum: values } : { type, enum: values };
  if (model.open === null) return closed;
  // Any string (number) decodes; the listed values stay visible as the first member.
  const other: JsonObject = { type: model.open, [UNRECOGNIZED_KEYWORD]: true };
  return values.length === 0 ? other : { anyOf: [closed, other] };
}

function unionModelSchema(context: Context, model: UnionModel): JsonObject {
  return unionSchema(
    context,
    model.members.map((member) => member.type),
  );
}

/**
 * A union: one schema per distinct member. When every member is an object model with a required
 * string literal field of one wire name and distinct values, that field tells the members apart:
 * `oneOf` with a `discriminator` (OpenAPI only; JSON Schema has no such keyword). Else `anyOf`, as
 * the decoder takes the value when any member accepts it.
 */
function unionSchema(context: Context, members: readonly TypeNode[]): JsonObject {
  const schemas: JsonObject[] = [];
  const seen = new Set<string>();
  for (const member of members) {
    const schema = typeSchema(context, member);
    const text = JSON.stringify(schema);
    if (seen.has(text)) continue;
    seen.add(text);
    schemas.push(schema);
  }
  if (schemas.length === 1) return schemas[0]!;
  const tag = discriminator(context, members);
  if (tag === null) return { anyOf: schemas };
  if (context.target === "json-schema") return { oneOf: schemas };
  return { oneOf: schemas, discriminator: { propertyName: tag.property, mapping: object(tag.mapping) } };
}

/** The wire name and values of a literal field that tells every member of a union apart, or null. */
function discriminator(context: Context, members: readonly TypeNode[]): { property: string; mapping: [string, Json][] } | null {
  const objects: ObjectModel[] = [];
  for (const member of members) {
    const target = member.kind === "ref" && member.target !== null ? context.lookup(member.target) : undefined;
    if (target?.kind !== "object" || objects.includes(target)) return null;
    objects.push(target);
  }
  if (objects.length < 2) return null;
  const tagOf = (model: ObjectModel, property: string): string | null => {
    const field = model.fields.find((candidate) => wireName(model.id, candidate, context.options.wireNames) === property);
    if (!field || !field.required || field.type.kind !== "literal" || typeof field.type.value !== "string") return null;
    return takesNull(field, context.options.requiredNulls, context.lookup) ? null : field.type.value;
  };
  for (const field of objects[0]!.fields) {
    const property = wireName(objects[0]!.id, field, context.options.wireNames);
    const values = objects.map((model) => tagOf(model, property));
    if (values.some((value) => value === null) || new Set(values).size !== values.length) continue;
    return { property, mapping: objects.map((model, index) => [values[index]!, reference(context, model.id)]) };
  }
  return null;
}

/** The schema of a type on the wire (the `XJson` form). */
function typeSchema(context: Context, type: TypeNode): JsonObject {
  switch (type.kind) {
    case "primitive":
      switch (type.name) {
        case "string":
        case "number":
        case "boolean":
          return { type: type.name };
        case "any":
          return {};
        // The decoders take the string the serializers write, or a number: a safe integer for
        // `*BigInt*` (a larger one has already lost digits), any finite number for `*Decimal*`.
        case "bigint":
          return {
            anyOf: [
              { type: "string", pattern: BIGINT_TEXT.source.replace("\\d", "[0-9]") },
              { type: "integer", minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER },
            ],
          };
        case "decimal":
          return { anyOf: [{ type: "string", pattern: DECIMAL_TEXT.source.replace(/\\d/g, "[0-9]") }, { type: "number" }] };
        default: {
          const unreachable: never = type;
          return unreachable;
        }
      }
    case "date-time":
      return { type: "string", format: "date-time" };
    case "date":
      return { type: "string", format: "date" };
    case "literal":
      return { type: type.value === null ? "null" : typeof type.value === "string" ? "string" : typeof type.value === "boolean" ? "boolean" : "number", const: type.value };
    case "ref":
      return { $ref: reference(context, type.target!) };
    case "array":
      return { type: "array", items: typeSchema(context, type.element) };
    case "record":
      return { type: "object", additionalProperties: typeSchema(context, type.value) };
    case "union":
      return unionSchema(context, type.members);
    case "external":
      // Platform objects have no JSON form (no JSON value decodes), except the axios response: an
      // object with a numeric status.
      if (type.name === "AxiosResponse") {
        return { type: "object", properties: { status: { type: "number" } }, required: ["status"], [EXTERNAL_KEYWORD]: type.name };
      }
      // An object, never a JSON value: `type` says what it is (and lets openapi-typescript's transform see it).
      return { type: "object", not: {}, [EXTERNAL_KEYWORD]: type.name };
    case "event-stream":
      return { type: "object", not: {}, [EXTERNAL_KEYWORD]: "EventStream", [EVENT_KEYWORD]: typeSchema(context, type.event) };
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

/**
 * A schema that also takes null: `{ anyOf: [schema, { type: "null" }] }`, or the null member added
 * to a schema that is an `anyOf` alone (an inline union, a `*BigInt*`), which openapi-typescript
 * turns into `T | null` either way.
 */
function orNull(schema: JsonObject): JsonObject {
  const members = schema["anyOf"];
  if (Array.isArray(members) && Object.keys(schema).length === 1) return { anyOf: [...(members as readonly Json[]), { type: "null" }] };
  return { anyOf: [schema, { type: "null" }] };
}

/** The reference of a model's schema. */
function reference(context: Context, id: string): string {
  const key = encodeURIComponent(context.keys.get(id)!);
  return context.target === "openapi" ? `#/components/schemas/${key}` : `#/$defs/${key}`;
}

/** An object of entries as own properties, `__proto__` included (a wire name may be that). */
function object(entries: readonly (readonly [string, Json])[]): JsonObject {
  return Object.fromEntries(entries) as JsonObject;
}

/** Whether a parsed example is plain JSON (a number cell may overflow to Infinity). */
function isJson(value: unknown): value is Json {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  return typeof value === "object" && Object.values(value as object).every(isJson);
}
