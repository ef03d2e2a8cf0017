import type { EmitOptions } from "../emit/options.js";
import { takesNull } from "../ir/nulls.js";
import { wireName } from "../ir/wire-names.js";
import { type Model, type TypeNode } from "../ir/types.js";

/**
 * Whether the generated decoder of `type` accepts the JSON value `value`, by the decoding rules
 * of docs/generated-api.md, decided on the IR alone. The schema export keeps a documented
 * example only when this holds, so that no exported example is one the generated code rejects;
 * it cannot run the generated code, which does not exist yet when the export is built.
 */
export function acceptsValue(value: unknown, type: TypeNode, options: EmitOptions, lookup: (id: string) => Model | undefined, depth = 0): boolean {
  if (depth > 64) return false;
  const inner = (item: unknown, itemType: TypeNode) => acceptsValue(item, itemType, options, lookup, depth + 1);
  switch (type.kind) {
    case "primitive":
      switch (type.name) {
        case "any":
          return true;
        case "string":
          return typeof value === "string";
        case "number":
          return typeof value === "number" && Number.isFinite(value);
        case "boolean":
          return typeof value === "boolean";
        case "bigint":
          return (typeof value === "number" && Number.isSafeInteger(value)) || (typeof value === "string" && BIGINT_TEXT.test(value));
        case "decimal":
          return (typeof value === "number" && Number.isFinite(value)) || (typeof value === "string" && DECIMAL_TEXT.test(value));
        default: {
          const unreachable: never = type;
          return unreachable;
        }
      }
    case "date-time":
      return typeof value === "string" && isDateTime(value);
    case "date":
      return typeof value === "string" && isDate(value);
    case "literal":
      return value === type.value;
    case "array":
      return Array.isArray(value) && value.every((item) => inner(item, type.element));
    case "record":
      return isObject(value) && Object.values(value).every((item) => inner(item, type.value));
    case "union":
      return type.members.some((member) => inner(value, member));
    case "external":
      // Only the axios response has a JSON form: an object with a numeric status.
      return type.name === "AxiosResponse" && isObject(value) && typeof value["status"] === "number";
    case "event-stream":
      return false;
    case "ref": {
      const target = type.target === null ? undefined : lookup(type.target);
      return target !== undefined && acceptsModel(value, target, options, lookup, depth + 1);
    }
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

function acceptsModel(value: unknown, model: Model, options: EmitOptions, lookup: (id: string) => Model | undefined, depth: number): boolean {
  const inner = (item: unknown, itemType: TypeNode) => acceptsValue(item, itemType, options, lookup, depth);
  switch (model.kind) {
    case "opaque":
      return true;
    case "enum":
      if (model.members.some((member) => member.value === value)) return true;
      return model.open === "string" ? typeof value === "string" : model.open === "number" ? typeof value === "number" && Number.isFinite(value) : false;
    case "union":
      return model.members.some((member) => inner(value, member.type));
    case "object": {
      if (!isObject(value)) return false;
      const declared = new Set<string>();
      for (const field of model.fields) {
        const key = wireName(model.id, field, options.wireNames);
        declared.add(key);
        const item = Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
        if (item === undefined) {
          if (field.required) return false;
          continue;
        }
        if (item === null && !(field.type.kind === "primitive" && field.type.name === "any")) {
          // Kept when the field takes null; else an optional field reads it as absent (by default).
          if (takesNull(field, options.requiredNulls, lookup) || inner(null, field.type)) continue;
          if (field.required || options.nulls === "reject") return false;
          continue;
        }
        if (!inner(item, field.type)) return false;
      }
      const catchAll = model.additionalProperties;
      for (const key of Object.keys(value)) {
        if (declared.has(key)) continue;
        if (catchAll) {
          const item = value[key];
          const any = catchAll.type.value.kind === "primitive" && catchAll.type.value.name === "any";
          if (item === null && !any && options.nulls === "absent") continue;
          if (!inner(item, catchAll.type.value)) return false;
        } else if (options.unknownKeys === "strict") {
          return false;
        }
      }
      return true;
    }
    default: {
      const unreachable: never = model;
      return unreachable;
    }
  }
}

/** The runtime's decimal text (`templates/runtime.ts`). */
export const DECIMAL_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** The runtime's integer text for `*BigInt*`. */
export const BIGINT_TEXT = /^-?\d+$/;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** The runtime's date-time rule: ISO 8601 extended format with a zone, a real calendar date and time. */
function isDateTime(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (!match) return false;
  const [, year, month, day, hour, minute, second = "0", zoneHour = "0", zoneMinute = "0"] = match;
  return (
    isCalendarDay(Number(year), Number(month), Number(day)) &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    Number(zoneHour) <= 23 &&
    Number(zoneMinute) <= 59
  );
}

/** The runtime's date-only rule: `YYYY-MM-DD` naming a real calendar day. */
function isDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match !== null && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

function isObject(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
