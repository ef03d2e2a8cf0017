// The SyncRun decoders/encoders under comparison. Each implementation exposes:
//   decode(wire) -> model       validates and decodes; throws on invalid input
//   accepts(wire) -> boolean    the library's non-throwing validation API (used to time rejection)
//   encode(model) -> wire       model (as its own decode returns it) -> wire JSON value; null if n/a
//   isRejection(error)          whether an error thrown by decode is the library's validation error
//
// Shared rules (the correctness gate checks them): all 18 fields and the 6 nested fields are
// optional; absent keys stay absent/undefined; undeclared keys are stripped; date-times are RFC 3339
// (`YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, real calendar dates) decoded to Date; enums are
// closed. Where a library's idiomatic check is looser, the schema is tightened (marked ADJUST).

import "reflect-metadata";
import { Expose, Transform, Type, instanceToPlain, plainToInstance } from "class-transformer";
import { z as z3 } from "zod/v3";
import * as z4 from "zod/v4";
import * as v from "valibot";
import Ajv from "ajv";

import { CURRENT_STEPS, STATUSES } from "./data.mjs";

const BUILD = new URL("./.build/", import.meta.url);
let mdspec;
let runtime;
try {
  mdspec = await import(new URL("models/shared/syncrun.js", BUILD));
  runtime = await import(new URL("runtime.js", BUILD));
} catch (error) {
  console.error(
    "bench: cannot load the compiled generated code from bench/.build/ — run `npm run bench` " +
      "(it compiles generated/ with `tsc -p bench/tsconfig.json` first).\n",
    error,
  );
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Shared date-time helpers for the implementations that need a hand-written rule.

/** RFC 3339 date-time profile (field ranges, not calendar lengths). */
const RFC3339 =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** Whether the day of `YYYY-MM-DD…` exists in its month (the string already matched the shape). */
function dayFits(s) {
  const day = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
  if (day <= 28) return true;
  const month = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48);
  if (month === 2) {
    if (day > 29) return false;
    const year =
      (s.charCodeAt(0) - 48) * 1000 + (s.charCodeAt(1) - 48) * 100 + (s.charCodeAt(2) - 48) * 10 + (s.charCodeAt(3) - 48);
    return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  }
  return day <= 30 || month === 1 || month === 3 || month === 5 || month === 7 || month === 8 || month === 10 || month === 12;
}

/** A full RFC 3339 check (shape + calendar). */
export function isRfc3339(s) {
  return RFC3339.test(s) && dayFits(s);
}

const isPlainObject = (x) => typeof x === "object" && x !== null && !Array.isArray(x);

class DecodeError extends Error {
  constructor(path, expected, value) {
    super(`SyncRun${path ? "." + path : ""}: expected ${expected}, got ${typeof value === "string" ? JSON.stringify(value) : Array.isArray(value) ? "an array" : value === null ? "null" : typeof value}`);
    this.name = "DecodeError";
  }
}

// =============================================================================================
// 1. mdspec generated code
const mdspecImpl = {
  name: "mdspec",
  decode: mdspec.parseSyncRun,
  accepts: (x) => mdspec.safeParseSyncRun(x).success,
  encode: mdspec.serializeSyncRun,
  isRejection: (e) => e instanceof runtime.ValidationError,
};

// =============================================================================================
// 2. Hand-written: typeof checks, `new Date(s)` + isNaN (after a format regex and a calendar check,
// because V8's Date parser accepts 2021-02-30 and date-only strings), Set membership for enums, a
// fresh object of fixed shape; encoder with toISOString().

const STEP_SET = new Set(CURRENT_STEPS);
const STATUS_SET = new Set(STATUSES);

function hString(v, path) {
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw new DecodeError(path, "a string", v);
  return v;
}
function hNumber(v, path) {
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v)) throw new DecodeError(path, "a number", v);
  return v;
}
function hBoolean(v, path) {
  if (v === undefined) return undefined;
  if (typeof v !== "boolean") throw new DecodeError(path, "a boolean", v);
  return v;
}
function hDate(v, path) {
  if (v === undefined) return undefined;
  if (typeof v !== "string" || !RFC3339.test(v)) throw new DecodeError(path, "an RFC 3339 date-time", v);
  const d = new Date(v);
  if (isNaN(d.getTime()) || !dayFits(v)) throw new DecodeError(path, "an RFC 3339 date-time", v);
  return d;
}
function hEnum(v, set, path) {
  if (v === undefined) return undefined;
  if (!set.has(v)) throw new DecodeError(path, "a listed enum value", v);
  return v;
}
function hTrigger(v) {
  if (v === undefined) return undefined;
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new DecodeError("fullSync", "an object", v);
  return {
    uiTag: hString(v.uiTag, "fullSync.uiTag"),
    uiDetail: hString(v.uiDetail, "fullSync.uiDetail"),
    triggerSource: hString(v.triggerSource, "fullSync.triggerSource"),
    requestedBy: hString(v.requestedBy, "fullSync.requestedBy"),
    forceFullSync: hBoolean(v.forceFullSync, "fullSync.forceFullSync"),
    upstreamJobId: hString(v.upstreamJobId, "fullSync.upstreamJobId"),
  };
}
function handDecode(v) {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new DecodeError("", "an object", v);
  return {
    canceled: hBoolean(v.canceled, "canceled"),
    completedAt: hDate(v.completedAt, "completedAt"),
    createdAt: hDate(v.createdAt, "createdAt"),
    currentStep: hEnum(v.currentStep, STEP_SET, "currentStep"),
    errorCode: hString(v.errorCode, "errorCode"),
    errorDetail: hString(v.errorDetail, "errorDetail"),
    errorMessage: hString(v.errorMessage, "errorMessage"),
    fullSync: hTrigger(v.fullSync),
    id: hNumber(v.id, "id"),
    recordsFailed: hNumber(v.recordsFailed, "recordsFailed"),
    recordsInvalid: hNumber(v.recordsInvalid, "recordsInvalid"),
    recordsProcessed: hNumber(v.recordsProcessed, "recordsProcessed"),
    recordsUpdated: hNumber(v.recordsUpdated, "recordsUpdated"),
    scheduledExecutionTime: hDate(v.scheduledExecutionTime, "scheduledExecutionTime"),
    sourceRecordCount: hNumber(v.sourceRecordCount, "sourceRecordCount"),
    status: hEnum(v.status, STATUS_SET, "status"),
    syncId: hNumber(v.syncId, "syncId"),
    updatedAt: hDate(v.updatedAt, "updatedAt"),
  };
}
function handEncodeTrigger(t) {
  return {
    uiTag: t.uiTag,
    uiDetail: t.uiDetail,
    triggerSource: t.triggerSource,
    requestedBy: t.requestedBy,
    forceFullSync: t.forceFullSync,
    upstreamJobId: t.upstreamJobId,
  };
}
function handEncode(m) {
  return {
    canceled: m.canceled,
    completedAt: m.completedAt === undefined ? undefined : m.completedAt.toISOString(),
    createdAt: m.createdAt === undefined ? undefined : m.createdAt.toISOString(),
    currentStep: m.currentStep,
    errorCode: m.errorCode,
    errorDetail: m.errorDetail,
    errorMessage: m.errorMessage,
    fullSync: m.fullSync === undefined ? undefined : handEncodeTrigger(m.fullSync),
    id: m.id,
    recordsFailed: m.recordsFailed,
    recordsInvalid: m.recordsInvalid,
    recordsProcessed: m.recordsProcessed,
    recordsUpdated: m.recordsUpdated,
    scheduledExecutionTime: m.scheduledExecutionTime === undefined ? undefined : m.scheduledExecutionTime.toISOString(),
    sourceRecordCount: m.sourceRecordCount,
    status: m.status,
    syncId: m.syncId,
    updatedAt: m.updatedAt === undefined ? undefined : m.updatedAt.toISOString(),
  };
}
const handImpl = {
  name: "hand-written",
  decode: handDecode,
  accepts: (x) => {
    try {
      handDecode(x);
      return true;
    } catch {
      return false;
    }
  },
  encode: handEncode,
  isRejection: (e) => e instanceof DecodeError,
};

// =============================================================================================
// 3. Zod v4: z.iso.datetime() transformed to Date for decoding; a codec schema for encoding.

function zod4Shape(date) {
  const trigger = z4.object({
    uiTag: z4.string().optional(),
    uiDetail: z4.string().optional(),
    triggerSource: z4.string().optional(),
    requestedBy: z4.string().optional(),
    forceFullSync: z4.boolean().optional(),
    upstreamJobId: z4.string().optional(),
  });
  return z4.object({
    canceled: z4.boolean().optional(),
    completedAt: date.optional(),
    createdAt: date.optional(),
    currentStep: z4.enum(CURRENT_STEPS).optional(),
    errorCode: z4.string().optional(),
    errorDetail: z4.string().optional(),
    errorMessage: z4.string().optional(),
    fullSync: trigger.optional(),
    id: z4.number().optional(),
    recordsFailed: z4.number().optional(),
    recordsInvalid: z4.number().optional(),
    recordsProcessed: z4.number().optional(),
    recordsUpdated: z4.number().optional(),
    scheduledExecutionTime: date.optional(),
    sourceRecordCount: z4.number().optional(),
    status: z4.enum(STATUSES).optional(),
    syncId: z4.number().optional(),
    updatedAt: date.optional(),
  });
}
const SyncRunZ4 = zod4Shape(z4.iso.datetime({ offset: true }).transform((s) => new Date(s)));
const SyncRunZ4Codec = zod4Shape(
  z4.codec(z4.iso.datetime({ offset: true }), z4.date(), {
    decode: (s) => new Date(s),
    encode: (d) => d.toISOString(),
  }),
);
const zod4Impl = {
  name: "Zod v4",
  decode: (x) => SyncRunZ4.parse(x),
  accepts: (x) => SyncRunZ4.safeParse(x).success,
  encode: (m) => z4.encode(SyncRunZ4Codec, m),
  isRejection: (e) => e instanceof z4.ZodError,
};

// =============================================================================================
// 4. Zod v3 as Speakeasy's Zod SDKs write it: const-object enums with z.nativeEnum, `$inboundSchema`
// z.object + z.string().datetime({ offset: true }).transform(v => new Date(v)) + a .transform()
// remap step; `$outboundSchema` with z.date().transform(v => v.toISOString()).
// (With the `preserve` wire case Speakeasy would not emit the remap since no key is renamed; it
// is kept here, mapping every key to itself, as it costs the same as a real snake_case remap.)

/** Speakeasy's `remap` (src/lib/primitives.ts). */
function remap$(inp, mappings) {
  let out = {};
  if (!Object.keys(mappings).length) {
    out = inp;
    return out;
  }
  for (const [k, val] of Object.entries(inp)) {
    const j = mappings[k];
    if (j === null) continue;
    out[j ?? k] = val;
  }
  return out;
}

const CurrentStep = {
  PreparingSourceQuery: "Preparing source query",
  ValidatingDestinationSchema: "Validating destination schema",
  ComputingRecordDiff: "Computing record diff",
  StagingRecordsInWarehouse: "Staging records in warehouse",
  SendingRecordsToDestination: "Sending records to destination",
  RecordingSyncOutcome: "Recording sync outcome",
  RunningSync: "Running sync",
};
const SyncRunStatus = { Working: "working", Completed: "completed", Failed: "failed", Skipped: "skipped", Queued: "queued" };
const CurrentStep$inboundSchema = z3.nativeEnum(CurrentStep);
const CurrentStep$outboundSchema = CurrentStep$inboundSchema;
const SyncRunStatus$inboundSchema = z3.nativeEnum(SyncRunStatus);
const SyncRunStatus$outboundSchema = SyncRunStatus$inboundSchema;

const SyncTriggerReason$inboundSchema = z3.object({
  uiTag: z3.string().optional(),
  uiDetail: z3.string().optional(),
  triggerSource: z3.string().optional(),
  requestedBy: z3.string().optional(),
  forceFullSync: z3.boolean().optional(),
  upstreamJobId: z3.string().optional(),
});
const SyncTriggerReason$outboundSchema = SyncTriggerReason$inboundSchema;

// ADJUST: zod v3's datetime({ offset: true }) also accepts `-0200` and `+24:00` offsets.
const ZONE = /(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const SYNC_RUN_REMAP = {
  canceled: "canceled",
  completedAt: "completedAt",
  createdAt: "createdAt",
  currentStep: "currentStep",
  errorCode: "errorCode",
  errorDetail: "errorDetail",
  errorMessage: "errorMessage",
  fullSync: "fullSync",
  id: "id",
  recordsFailed: "recordsFailed",
  recordsInvalid: "recordsInvalid",
  recordsProcessed: "recordsProcessed",
  recordsUpdated: "recordsUpdated",
  scheduledExecutionTime: "scheduledExecutionTime",
  sourceRecordCount: "sourceRecordCount",
  status: "status",
  syncId: "syncId",
  updatedAt: "updatedAt",
};
const SyncRun$inboundSchema = z3
  .object({
    canceled: z3.boolean().optional(),
    completedAt: z3.string().datetime({ offset: true }).regex(ZONE).transform((v) => new Date(v)).optional(),
    createdAt: z3.string().datetime({ offset: true }).regex(ZONE).transform((v) => new Date(v)).optional(),
    currentStep: CurrentStep$inboundSchema.optional(),
    errorCode: z3.string().optional(),
    errorDetail: z3.string().optional(),
    errorMessage: z3.string().optional(),
    fullSync: SyncTriggerReason$inboundSchema.optional(),
    id: z3.number().optional(),
    recordsFailed: z3.number().optional(),
    recordsInvalid: z3.number().optional(),
    recordsProcessed: z3.number().optional(),
    recordsUpdated: z3.number().optional(),
    scheduledExecutionTime: z3.string().datetime({ offset: true }).regex(ZONE).transform((v) => new Date(v)).optional(),
    sourceRecordCount: z3.number().optional(),
    status: SyncRunStatus$inboundSchema.optional(),
    syncId: z3.number().optional(),
    updatedAt: z3.string().datetime({ offset: true }).regex(ZONE).transform((v) => new Date(v)).optional(),
  })
  .transform((v) => remap$(v, SYNC_RUN_REMAP));
const SyncRun$outboundSchema = z3
  .object({
    canceled: z3.boolean().optional(),
    completedAt: z3.date().transform((v) => v.toISOString()).optional(),
    createdAt: z3.date().transform((v) => v.toISOString()).optional(),
    currentStep: CurrentStep$outboundSchema.optional(),
    errorCode: z3.string().optional(),
    errorDetail: z3.string().optional(),
    errorMessage: z3.string().optional(),
    fullSync: SyncTriggerReason$outboundSchema.optional(),
    id: z3.number().optional(),
    recordsFailed: z3.number().optional(),
    recordsInvalid: z3.number().optional(),
    recordsProcessed: z3.number().optional(),
    recordsUpdated: z3.number().optional(),
    scheduledExecutionTime: z3.date().transform((v) => v.toISOString()).optional(),
    sourceRecordCount: z3.number().optional(),
    status: SyncRunStatus$outboundSchema.optional(),
    syncId: z3.number().optional(),
    updatedAt: z3.date().transform((v) => v.toISOString()).optional(),
  })
  .transform((v) => remap$(v, SYNC_RUN_REMAP));
const zod3Impl = {
  name: "Zod v3 (Speakeasy)",
  decode: (x) => SyncRun$inboundSchema.parse(x),
  accepts: (x) => SyncRun$inboundSchema.safeParse(x).success,
  encode: (m) => SyncRun$outboundSchema.parse(m),
  isRejection: (e) => e instanceof z3.ZodError,
};

// =============================================================================================
// 5. class-transformer, as the class-transformer era Speakeasy SDKs use it: decorated classes,
// `plainToInstance(Class, data, { excludeExtraneousValues: true })`, `@Expose({ name })`,
// `@Type(() => Nested)`, dates via `@Transform(({ value }) => new Date(value), { toClassOnly })`
// (a `@Type(() => Date)` would turn the ISO string of `instanceToPlain` back into a Date) and
// `@Transform(({ value }) => value.toISOString(), { toPlainOnly })`. The decorators are applied
// with Reflect.decorate, as TypeScript's emit does.
// ADJUST: class-transformer does not validate, so the toClassOnly transforms check every value
// (the SDKs did not; without this it would accept every invalid object).

function ctFail(path, expected, value) {
  throw new DecodeError(path, expected, value);
}
const ctString = (path) =>
  Transform(({ value }) => (value === undefined || typeof value === "string" ? value : ctFail(path, "a string", value)), { toClassOnly: true });
const ctNumber = (path) =>
  Transform(({ value }) => (value === undefined || (typeof value === "number" && Number.isFinite(value)) ? value : ctFail(path, "a number", value)), { toClassOnly: true });
const ctBoolean = (path) =>
  Transform(({ value }) => (value === undefined || typeof value === "boolean" ? value : ctFail(path, "a boolean", value)), { toClassOnly: true });
const ctEnum = (set, path) =>
  Transform(({ value }) => (value === undefined || set.has(value) ? value : ctFail(path, "a listed enum value", value)), { toClassOnly: true });
const ctDateIn = (path) =>
  Transform(
    ({ value }) => {
      if (value === undefined) return undefined;
      if (typeof value !== "string" || !isRfc3339(value)) ctFail(path, "an RFC 3339 date-time", value);
      return new Date(value);
    },
    { toClassOnly: true },
  );
const ctDateOut = Transform(({ value }) => (value === undefined ? undefined : value.toISOString()), { toPlainOnly: true });

function decorate(klass, key, designType, decorators) {
  Reflect.decorate([...decorators, Reflect.metadata("design:type", designType)], klass.prototype, key, undefined);
}

class SyncTriggerReasonCT {}
for (const key of ["uiTag", "uiDetail", "triggerSource", "requestedBy", "upstreamJobId"])
  decorate(SyncTriggerReasonCT, key, String, [Expose({ name: key }), ctString(`fullSync.${key}`)]);
decorate(SyncTriggerReasonCT, "forceFullSync", Boolean, [Expose({ name: "forceFullSync" }), ctBoolean("fullSync.forceFullSync")]);

class SyncRunCT {}
decorate(SyncRunCT, "canceled", Boolean, [Expose({ name: "canceled" }), ctBoolean("canceled")]);
for (const key of ["completedAt", "createdAt", "scheduledExecutionTime", "updatedAt"])
  decorate(SyncRunCT, key, Date, [Expose({ name: key }), ctDateIn(key), ctDateOut]);
decorate(SyncRunCT, "currentStep", String, [Expose({ name: "currentStep" }), ctEnum(STEP_SET, "currentStep")]);
for (const key of ["errorCode", "errorDetail", "errorMessage"]) decorate(SyncRunCT, key, String, [Expose({ name: key }), ctString(key)]);
decorate(SyncRunCT, "fullSync", SyncTriggerReasonCT, [
  Expose({ name: "fullSync" }),
  Type(() => SyncTriggerReasonCT),
  Transform(({ key, obj, value }) => (obj[key] === undefined || isPlainObject(obj[key]) ? value : ctFail("fullSync", "an object", obj[key])), {
    toClassOnly: true,
  }),
]);
for (const key of ["id", "recordsFailed", "recordsInvalid", "recordsProcessed", "recordsUpdated", "sourceRecordCount", "syncId"])
  decorate(SyncRunCT, key, Number, [Expose({ name: key }), ctNumber(key)]);
decorate(SyncRunCT, "status", String, [Expose({ name: "status" }), ctEnum(STATUS_SET, "status")]);

const CT_OPTIONS = { excludeExtraneousValues: true };
function ctDecode(x) {
  // plainToInstance maps arrays element-wise and returns primitives as they are.
  if (!isPlainObject(x)) ctFail("", "an object", x);
  return plainToInstance(SyncRunCT, x, CT_OPTIONS);
}
const classTransformerImpl = {
  name: "class-transformer",
  decode: ctDecode,
  accepts: (x) => {
    try {
      ctDecode(x);
      return true;
    } catch {
      return false;
    }
  },
  encode: (m) => instanceToPlain(m),
  isRejection: (e) => e instanceof DecodeError,
};

// =============================================================================================
// 6. valibot: v.object + v.pipe(v.string(), v.isoTimestamp(), v.transform(...)).
// ADJUST: v.isoTimestamp() also accepts a space separator, `+02` / `+0200` offsets and impossible
// calendar dates (2021-02-30), so a v.check tightens it; v.object() accepts arrays (as `{}`), so a
// v.custom plain-object check runs first.

function tightenTimestamp(s) {
  const n = s.length;
  return s.charCodeAt(10) === 84 && (s.charCodeAt(n - 1) === 90 || s.charCodeAt(n - 3) === 58) && dayFits(s);
}
const vDateIn = v.pipe(v.string(), v.isoTimestamp(), v.check(tightenTimestamp), v.transform((s) => new Date(s)));
const vDateOut = v.pipe(v.date(), v.transform((d) => d.toISOString()));
const vPlainObject = (entries) =>
  v.pipe(
    v.custom((x) => typeof x === "object" && x !== null && !Array.isArray(x), "Invalid type: Expected Object"),
    v.object(entries),
  );
function valibotShape(date) {
  return vPlainObject({
    canceled: v.optional(v.boolean()),
    completedAt: v.optional(date),
    createdAt: v.optional(date),
    currentStep: v.optional(v.picklist(CURRENT_STEPS)),
    errorCode: v.optional(v.string()),
    errorDetail: v.optional(v.string()),
    errorMessage: v.optional(v.string()),
    fullSync: v.optional(
      vPlainObject({
        uiTag: v.optional(v.string()),
        uiDetail: v.optional(v.string()),
        triggerSource: v.optional(v.string()),
        requestedBy: v.optional(v.string()),
        forceFullSync: v.optional(v.boolean()),
        upstreamJobId: v.optional(v.string()),
      }),
    ),
    id: v.optional(v.number()),
    recordsFailed: v.optional(v.number()),
    recordsInvalid: v.optional(v.number()),
    recordsProcessed: v.optional(v.number()),
    recordsUpdated: v.optional(v.number()),
    scheduledExecutionTime: v.optional(date),
    sourceRecordCount: v.optional(v.number()),
    status: v.optional(v.picklist(STATUSES)),
    syncId: v.optional(v.number()),
    updatedAt: v.optional(date),
  });
}
const SyncRunV = valibotShape(vDateIn);
const SyncRunVOut = valibotShape(vDateOut);
const valibotImpl = {
  name: "valibot",
  decode: (x) => v.parse(SyncRunV, x),
  accepts: (x) => v.safeParse(SyncRunV, x).success,
  encode: (m) => v.parse(SyncRunVOut, m),
  isRejection: (e) => e instanceof v.ValiError,
};

// =============================================================================================
// 7. ajv: a compiled JSON Schema (format "date-time" registered like ajv-formats' full mode: RFC
// 3339 regex + calendar check), then a convert pass that builds the model with Dates.

const ajv = new Ajv();
ajv.addFormat("date-time", { type: "string", validate: isRfc3339 });
const dt = { type: "string", format: "date-time" };
const num = { type: "number" };
const str = { type: "string" };
const validateSyncRun = ajv.compile({
  type: "object",
  properties: {
    canceled: { type: "boolean" },
    completedAt: dt,
    createdAt: dt,
    currentStep: { type: "string", enum: CURRENT_STEPS },
    errorCode: str,
    errorDetail: str,
    errorMessage: str,
    fullSync: {
      type: "object",
      properties: {
        uiTag: str,
        uiDetail: str,
        triggerSource: str,
        requestedBy: str,
        forceFullSync: { type: "boolean" },
        upstreamJobId: str,
      },
    },
    id: num,
    recordsFailed: num,
    recordsInvalid: num,
    recordsProcessed: num,
    recordsUpdated: num,
    scheduledExecutionTime: dt,
    sourceRecordCount: num,
    status: { type: "string", enum: STATUSES },
    syncId: num,
    updatedAt: dt,
  },
});
class AjvDecodeError extends Error {}
function ajvConvert(w) {
  const t = w.fullSync;
  return {
    canceled: w.canceled,
    completedAt: w.completedAt === undefined ? undefined : new Date(w.completedAt),
    createdAt: w.createdAt === undefined ? undefined : new Date(w.createdAt),
    currentStep: w.currentStep,
    errorCode: w.errorCode,
    errorDetail: w.errorDetail,
    errorMessage: w.errorMessage,
    fullSync:
      t === undefined
        ? undefined
        : {
            uiTag: t.uiTag,
            uiDetail: t.uiDetail,
            triggerSource: t.triggerSource,
            requestedBy: t.requestedBy,
            forceFullSync: t.forceFullSync,
            upstreamJobId: t.upstreamJobId,
          },
    id: w.id,
    recordsFailed: w.recordsFailed,
    recordsInvalid: w.recordsInvalid,
    recordsProcessed: w.recordsProcessed,
    recordsUpdated: w.recordsUpdated,
    scheduledExecutionTime: w.scheduledExecutionTime === undefined ? undefined : new Date(w.scheduledExecutionTime),
    sourceRecordCount: w.sourceRecordCount,
    status: w.status,
    syncId: w.syncId,
    updatedAt: w.updatedAt === undefined ? undefined : new Date(w.updatedAt),
  };
}
const ajvImpl = {
  name: "ajv + convert",
  decode: (x) => {
    if (!validateSyncRun(x)) throw new AjvDecodeError(ajv.errorsText(validateSyncRun.errors));
    return ajvConvert(x);
  },
  accepts: (x) => validateSyncRun(x),
  encode: null, // JSON Schema validates wire values only; the encode pass would be the hand-written one
  isRejection: (e) => e instanceof AjvDecodeError,
};

export const IMPLEMENTATIONS = [mdspecImpl, handImpl, zod4Impl, zod3Impl, classTransformerImpl, valibotImpl, ajvImpl];
