// Deterministic benchmark data for the Census `SyncRun` model (specs/models/shared/syncrun.md):
// valid wire objects, their expected decoded models, invalid variants, and accepted edge cases.
// Wire keys are the doc's property names (the default `preserve` wire case).

/** The CurrentStep values (specs/models/shared/currentstep.md). */
export const CURRENT_STEPS = [
  "Preparing source query",
  "Validating destination schema",
  "Computing record diff",
  "Staging records in warehouse",
  "Sending records to destination",
  "Recording sync outcome",
  "Running sync",
];

/** The SyncRunStatus values (specs/models/shared/syncrunstatus.md). */
export const STATUSES = ["working", "completed", "failed", "skipped", "queued"];

export const DATE_FIELDS = ["completedAt", "createdAt", "scheduledExecutionTime", "updatedAt"];
export const NUMBER_FIELDS = [
  "id",
  "recordsFailed",
  "recordsInvalid",
  "recordsProcessed",
  "recordsUpdated",
  "sourceRecordCount",
  "syncId",
];
export const STRING_FIELDS = ["errorCode", "errorDetail", "errorMessage"];
export const BOOLEAN_FIELDS = ["canceled"];
export const ENUM_FIELDS = { currentStep: CURRENT_STEPS, status: STATUSES };
/** Every SyncRun property, in doc order. */
export const SYNC_RUN_KEYS = [
  "canceled",
  "completedAt",
  "createdAt",
  "currentStep",
  "errorCode",
  "errorDetail",
  "errorMessage",
  "fullSync",
  "id",
  "recordsFailed",
  "recordsInvalid",
  "recordsProcessed",
  "recordsUpdated",
  "scheduledExecutionTime",
  "sourceRecordCount",
  "status",
  "syncId",
  "updatedAt",
];
export const TRIGGER_STRING_FIELDS = [
  "uiTag",
  "uiDetail",
  "triggerSource",
  "requestedBy",
  "upstreamJobId",
];
export const TRIGGER_KEYS = [
  "uiTag",
  "uiDetail",
  "triggerSource",
  "requestedBy",
  "forceFullSync",
  "upstreamJobId",
];

/** mulberry32: a small, fast, seedable PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const ERROR_CODES = ["JSON_ARRAY_ERROR", "DESTINATION_TIMEOUT", "SOURCE_QUERY_FAILED", "RATE_LIMITED", "INVALID_CREDENTIALS"];
const ERROR_MESSAGES = [
  "The array field being used does not appear to be valid JSON...",
  "The destination did not answer within 120 seconds.",
  "Query failed: column \"email\" does not exist",
  "Too many requests; retrying with backoff.",
  "Les identifiants fournis ont expiré — reconnectez la source.",
];
const TAGS = ["Manual", "Scheduled", "API", "dbt Cloud", "Webhook", "Backfill"];
const SOURCES = ["schedule", "api", "dashboard", "dbt_job", "webhook"];
const PEOPLE = ["jules@tidewater.example", "ops-bot", "ana.lima@example.org", "key_live_3f9a", "張偉@example.cn"];
const DETAILS = [
  "Started from the dashboard by a workspace admin.",
  "Triggered by the nightly schedule.",
  "Requested through the API.",
  "Upstream dbt job finished.",
];

const START_2019 = Date.UTC(2019, 0, 1);
const SPAN = Date.UTC(2026, 0, 1) - START_2019;

function iso(ms) {
  return new Date(ms).toISOString();
}

/** One valid wire SyncRun (a plain object as `JSON.parse` makes it). */
function makeSyncRun(r, index) {
  const o = {};
  const status = r.pick(STATUSES);
  const created = START_2019 + Math.floor(r.next() * SPAN);
  if (r.chance(0.9)) o.canceled = status === "failed" ? r.chance(0.3) : r.chance(0.05);
  if (status === "completed" || status === "failed" || r.chance(0.1))
    o.completedAt = iso(created + r.int(1, 7_200_000));
  if (r.chance(0.97)) o.createdAt = iso(created);
  if (status === "working" ? r.chance(0.95) : r.chance(0.15)) o.currentStep = r.pick(CURRENT_STEPS);
  if (status === "failed" || r.chance(0.08)) {
    o.errorCode = r.pick(ERROR_CODES);
    if (r.chance(0.8)) o.errorDetail = `${r.pick(ERROR_MESSAGES)} (row ${r.int(1, 99_999)})`;
    o.errorMessage = r.pick(ERROR_MESSAGES);
  }
  if (r.chance(0.7)) {
    const t = {};
    if (r.chance(0.9)) t.uiTag = r.pick(TAGS);
    if (r.chance(0.7)) t.uiDetail = r.pick(DETAILS);
    if (r.chance(0.8)) t.triggerSource = r.pick(SOURCES);
    if (r.chance(0.6)) t.requestedBy = r.pick(PEOPLE);
    if (r.chance(0.85)) t.forceFullSync = r.chance(0.2);
    if (r.chance(0.25)) t.upstreamJobId = `job_${r.int(1, 1e9).toString(36)}`;
    o.fullSync = t;
  }
  o.id = 1_000_000 + index;
  const processed = r.int(0, 5_000_000);
  if (r.chance(0.85)) o.recordsFailed = r.chance(0.8) ? 0 : r.int(1, 5000);
  if (r.chance(0.85)) o.recordsInvalid = r.chance(0.8) ? 0 : r.int(1, 500);
  if (r.chance(0.9)) o.recordsProcessed = processed;
  if (r.chance(0.85)) o.recordsUpdated = r.int(0, processed);
  if (r.chance(0.8)) o.scheduledExecutionTime = iso(created - r.int(0, 600_000));
  if (r.chance(0.8)) o.sourceRecordCount = r.chance(0.02) ? r.int(0, 1e6) + 0.5 : processed + r.int(0, 1000);
  if (r.chance(0.95)) o.status = status;
  if (r.chance(0.98)) o.syncId = r.int(1, 5000);
  if (r.chance(0.9)) o.updatedAt = iso(created + r.int(0, 9_000_000));
  // A few inputs carry keys the doc does not list; every implementation must strip them.
  if (r.chance(0.03)) o.syncRunUrl = `https://app.getcensus.example/syncs/${o.syncId ?? 0}/runs/${o.id}`;
  if (r.chance(0.01)) o.fullSync && (o.fullSync.legacyFlag = { nested: [1, 2, 3] });
  return o;
}

/** Fills every absent field (and nested field) so that all objects share one shape; drops undeclared keys. */
function withAllKeys(r, o) {
  const created = o.createdAt ? Date.parse(o.createdAt) : START_2019 + Math.floor(r.next() * SPAN);
  const fill = {
    canceled: () => false,
    completedAt: () => iso(created + r.int(1, 7_200_000)),
    createdAt: () => iso(created),
    currentStep: () => r.pick(CURRENT_STEPS),
    errorCode: () => "",
    errorDetail: () => "",
    errorMessage: () => "",
    fullSync: () => ({}),
    recordsFailed: () => 0,
    recordsInvalid: () => 0,
    recordsProcessed: () => 0,
    recordsUpdated: () => 0,
    scheduledExecutionTime: () => iso(created - r.int(0, 600_000)),
    sourceRecordCount: () => 0,
    status: () => r.pick(STATUSES),
    syncId: () => r.int(1, 5000),
    updatedAt: () => iso(created + r.int(0, 9_000_000)),
  };
  const out = {};
  for (const key of SYNC_RUN_KEYS) out[key] = o[key] ?? fill[key]();
  const t = out.fullSync;
  out.fullSync = {
    uiTag: t.uiTag ?? r.pick(TAGS),
    uiDetail: t.uiDetail ?? r.pick(DETAILS),
    triggerSource: t.triggerSource ?? r.pick(SOURCES),
    requestedBy: t.requestedBy ?? r.pick(PEOPLE),
    forceFullSync: t.forceFullSync ?? false,
    upstreamJobId: t.upstreamJobId ?? "",
  };
  return out;
}

/**
 * `count` valid wire SyncRuns, as `JSON.parse` would produce them. By default each optional field
 * is present or absent independently (thousands of distinct key sets); with `allKeys` every
 * object has every key, in doc order (one shape, like an API that always sends every field).
 */
export function makeValid(count, { seed = 20211020, allKeys = false } = {}) {
  const r = rng(seed);
  const list = [];
  for (let i = 0; i < count; i += 1) {
    const o = makeSyncRun(r, i);
    list.push(allKeys ? withAllKeys(r, o) : o);
  }
  return JSON.parse(JSON.stringify(list));
}

/** Wire objects that every implementation must accept (edge cases of the shared rules). */
export function makeEdgeAccepted() {
  const base = { id: 7, status: "completed", createdAt: "2021-10-20T02:51:07.546Z" };
  const dates = [
    "2021-10-20T02:52:29Z", // no fraction
    "2021-10-20T04:52:29.234+02:00", // offset
    "2021-10-19T20:52:29.234-06:00",
    "2021-10-20T02:52:29.5Z", // short fraction
    "2021-10-20T02:52:29.123456Z", // long fraction (truncated to milliseconds)
    "2024-02-29T00:00:00.000Z", // leap day
    "2000-02-29T23:59:59.999Z",
    "0000-01-01T00:00:00.000Z",
    "9999-12-31T23:59:59.999Z",
  ];
  const list = [{}, { fullSync: {} }, { ...base, fullSync: { forceFullSync: false } }];
  for (const field of DATE_FIELDS) for (const d of dates) list.push({ ...base, [field]: d });
  list.push({ ...base, unknownKey: null, another: [1, { x: 2 }] });
  list.push({ ...base, fullSync: { uiTag: "", extra: 1 } });
  list.push({ ...base, recordsFailed: -0, recordsInvalid: 1.5e300, recordsProcessed: -3 });
  list.push({ ...base, errorCode: "", errorMessage: "\u0000\u2028", errorDetail: "x".repeat(5000) });
  return JSON.parse(JSON.stringify(list));
}

/** Bad date-time strings: every implementation must reject them. */
export const BAD_DATES = [
  "2021-02-30T00:00:00Z", // impossible calendar dates
  "2021-02-29T00:00:00.000Z",
  "2021-04-31T00:00:00.000Z",
  "1900-02-29T00:00:00.000Z",
  "not-a-date",
  "",
  "2021-10-20", // date only
  "2021-10-20T02:52:29.234", // no zone
  "2021-10-20 02:52:29.234Z", // space separator
  "2021-10-20t02:52:29.234Z",
  "2021-10-20T02:52:29.234z",
  "2021-10-20T24:00:00.000Z",
  "2021-10-20T02:60:00.000Z",
  "2021-10-20T02:52:60.000Z",
  "2021-13-01T00:00:00.000Z",
  "2021-00-10T00:00:00.000Z",
  "2021-10-00T00:00:00.000Z",
  "2021-10-20T02:52:29.Z",
  "+002021-10-20T02:52:29.234Z",
  "21-10-20T02:52:29.234Z",
  "2021-10-20T02:52:29.234+24:00",
  "2021-10-20T02:52:29.234-0200",
  "2021-10-20T02:52:29.234+02",
  "2021-10-20T02:52:29.234Z ",
  " 2021-10-20T02:52:29.234Z",
  "2021-10-20T02:52:29.234ZZ",
  "Wed Oct 20 2021 02:52:29 GMT+0000",
  "1634698349234",
];

const NOT_STRING = [42, true, [], {}, 0];
const NOT_NUMBER = ["12", true, [], {}, "NaN", false];
const NOT_BOOLEAN = ["true", 1, 0, [], {}, "false"];
const NOT_OBJECT = ["x", [], 5, true, ""];
const BAD_ENUM = {
  currentStep: ["Running Sync", "running sync", "Preparing Source Query", "", "unknown", 3, true, {}],
  status: ["WORKING", "Completed", "done", "", "canceled", 0, false, []],
};

/** The mutations that each turn a valid wire object into an invalid one. */
function mutations() {
  const list = [];
  const set = (key, value) => (o) => ({ ...o, [key]: value });
  for (const key of BOOLEAN_FIELDS) for (const v of NOT_BOOLEAN) list.push(set(key, v));
  for (const key of STRING_FIELDS) for (const v of NOT_STRING) list.push(set(key, v));
  for (const key of NUMBER_FIELDS) for (const v of NOT_NUMBER) list.push(set(key, v));
  for (const [key, bad] of Object.entries(BAD_ENUM)) for (const v of bad) list.push(set(key, v));
  for (const key of DATE_FIELDS) {
    for (const v of BAD_DATES) list.push(set(key, v));
    for (const v of [1634698349234, true, {}, []]) list.push(set(key, v));
  }
  for (const v of NOT_OBJECT) list.push(set("fullSync", v));
  const nested = (key, value) => (o) => ({ ...o, fullSync: { ...(o.fullSync ?? { uiTag: "Manual" }), [key]: value } });
  for (const key of TRIGGER_STRING_FIELDS) for (const v of NOT_STRING) list.push(nested(key, v));
  for (const v of NOT_BOOLEAN) list.push(nested("forceFullSync", v));
  for (const root of [null, [], "x", 42, true, [{ id: 1 }]]) list.push(() => root);
  return list;
}

/** About `count` invalid wire values: valid objects with one mutation each, cycling the mutations. */
export function makeInvalid(valid, count = 1000) {
  const list = mutations();
  const r = rng(4242);
  const out = [];
  for (let i = 0; i < count; i += 1) {
    const base = valid[r.int(0, Math.min(valid.length, 5000) - 1)];
    out.push(list[i % list.length](base));
  }
  return { values: JSON.parse(JSON.stringify(out)), kinds: list.length };
}

/**
 * The model a valid wire object must decode to, computed independently of every implementation:
 * declared keys only, date-times as Dates (the data's dates are ones `Date.parse` reads exactly).
 */
export function expectedModel(wire) {
  const m = {};
  for (const key of SYNC_RUN_KEYS) {
    const v = wire[key];
    if (v === undefined) continue;
    if (DATE_FIELDS.includes(key)) m[key] = new Date(Date.parse(v));
    else if (key === "fullSync") {
      const t = {};
      for (const k of TRIGGER_KEYS) if (v[k] !== undefined) t[k] = v[k];
      m[key] = t;
    } else m[key] = v;
  }
  return m;
}

/** The wire value a model must encode to: the input without undeclared keys, dates in UTC `Z` form. */
export function expectedWire(wire) {
  const m = expectedModel(wire);
  for (const key of DATE_FIELDS) if (m[key] !== undefined) m[key] = m[key].toISOString();
  return m;
}

/**
 * Models as user code builds them: object literals holding only the keys that are set, in the
 * order the code writes them. User code has a few such literals (call sites), so the models come
 * from `templates` key lists, each a subset of the fields in its own order (a nested `fullSync`
 * literal likewise), filled with the values of generated valid objects. Every implementation
 * encodes these same objects. Returns the models and the wire values they must encode to.
 */
export function makeUserModels(count, { seed = 424242, templates = 12 } = {}) {
  const r = rng(seed);
  const shuffled = (keys) => {
    const list = [...keys];
    for (let i = list.length - 1; i > 0; i -= 1) {
      const j = r.int(0, i);
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  };
  const subset = (keys, keep) => shuffled(keys.filter(() => r.chance(keep)));
  const shapes = Array.from({ length: templates }, (_, index) => ({
    keys: subset(SYNC_RUN_KEYS, index === 0 ? 1 : 0.3 + 0.6 * r.next()),
    trigger: subset(TRIGGER_KEYS, 0.6),
  }));
  const full = makeValid(count, { seed: seed + 1, allKeys: true }).map(expectedModel);
  const models = [];
  const wires = [];
  for (const [index, source] of full.entries()) {
    const shape = shapes[index % shapes.length];
    const model = {};
    for (const key of shape.keys) {
      if (key !== "fullSync") model[key] = source[key];
      else {
        const trigger = {};
        for (const k of shape.trigger) trigger[k] = source.fullSync[k];
        model.fullSync = trigger;
      }
    }
    models.push(model);
    const wire = {};
    for (const key of SYNC_RUN_KEYS) if (key in model) wire[key] = key === "fullSync" ? { ...model.fullSync } : DATE_FIELDS.includes(key) ? model[key].toISOString() : model[key];
    wires.push(wire);
  }
  return { models, wires };
}
