// The runtime shared by every generated module. mdspec copies this file as `runtime.ts` into the
// output folder; it has no dependency, so generated code needs nothing at run time.
//
// Public API: ValidationError, Issue, SafeParseResult, StandardSchemaV1, Unrecognized, DateOnly,
// Decimal, AxiosResponseLike. Names starting with `$` are helpers for the generated modules.

declare const unrecognizedBrand: unique symbol;

/**
 * A value of an open enum that the docs did not list (`Unrecognized<string>` in the docs). The
 * brand keeps it apart from the listed members in the type system.
 */
export type Unrecognized<T extends string | number> = T & { readonly [unrecognizedBrand]: true };

/**
 * A date without a time (`[RFCDate](…)` in the docs): the `YYYY-MM-DD` string itself, never a
 * `Date` at midnight, so no time zone can shift the day.
 */
export type DateOnly = string;

/**
 * An arbitrary-precision decimal number (`*Decimal*` in the docs), kept as its exact decimal text
 * so that no digit is lost to binary floating point.
 */
export class Decimal {
  /** The decimal text, such as `-12.50`. */
  readonly text: string;

  /** Creates a decimal from its text; throws a `RangeError` for text that is not a decimal. */
  constructor(text: string) {
    if (!DECIMAL_TEXT.test(text))
      throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
    this.text = text;
  }

  /** Returns the decimal text. */
  toString(): string {
    return this.text;
  }

  /** Serialises as the decimal text, so `JSON.stringify` keeps every digit. */
  toJSON(): string {
    return this.text;
  }
}

const DECIMAL_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * The HTTP response of the axios client, as the class-transformer era docs type their
 * `rawResponse` field (`[AxiosResponse](https://axios-http.com/docs/res_schema)`): the part of its
 * shape that code reads, so generated code does not depend on axios.
 */
export interface AxiosResponseLike {
  readonly status: number;
  readonly statusText: string;
  readonly headers: { readonly [name: string]: unknown };
  readonly data: unknown;
}

/** One problem found while validating a value. */
export interface Issue {
  /** Where: the wire keys and array indexes from the root of the input to the bad value. */
  readonly path: (string | number)[];
  readonly message: string;
  /** A stable code: `invalid_type`, `required`, `invalid_enum_value`, `invalid_literal`, `invalid_date`, `invalid_union`, `unrecognized_keys`, `too_deep`. */
  readonly code: string;
}

/** Thrown by the generated `parseX` functions: every issue found in the input, with its path. */
export class ValidationError extends Error {
  readonly issues: Issue[];

  /** Builds the error; `captureStack: false` skips the stack trace, the costly part of it. */
  constructor(issues: Issue[], captureStack = true) {
    // `stackTraceLimit` is V8's (Node, Chromium); elsewhere setting it is harmless.
    const errors = Error as ErrorConstructor & { stackTraceLimit?: number };
    const limit = errors.stackTraceLimit;
    if (!captureStack && typeof limit === "number") errors.stackTraceLimit = 0;
    try {
      // No message here: it is written when first read (see below).
      super();
    } finally {
      if (typeof limit === "number") errors.stackTraceLimit = limit;
    }
    this.name = "ValidationError";
    this.issues = issues;
  }
}

// The message lists the issues; a caller of `safeParseX` that only reads `issues` never pays
// for writing it (it was a sixth of the cost of a rejection).
Object.defineProperty(ValidationError.prototype, "message", {
  configurable: true,
  get(this: ValidationError): string {
    const shown = this.issues
      .slice(0, 10)
      .map((issue) => `  ${formatPath(issue.path)}: ${issue.message}`);
    const more = this.issues.length > 10 ? [`  … and ${this.issues.length - 10} more`] : [];
    const count = this.issues.length;
    return [`invalid input (${count} issue${count === 1 ? "" : "s"}):`, ...shown, ...more].join(
      "\n",
    );
  },
});

function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return "(root)";
  return path
    .map((segment, index) =>
      typeof segment === "number" ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join("");
}

/** The result of a generated `safeParseX`: never throws. */
export type SafeParseResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: ValidationError };

/** The Standard Schema v1 interface (https://standardschema.dev), as its spec asks to copy it. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}

/** The types of the Standard Schema v1 interface. */
export declare namespace StandardSchemaV1 {
  /** The properties of a Standard Schema. */
  export interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  /** The result of `validate`. */
  export type Result<Output> = SuccessResult<Output> | FailureResult;
  /** A successful validation. */
  export interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  /** A failed validation. */
  export interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  /** One issue of a failed validation. */
  export interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  /** A path segment given as an object. */
  export interface PathSegment {
    readonly key: PropertyKey;
  }
  /** The input and output types, for inference. */
  export interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers for the generated modules.
//
// A generated model file describes its model as data, and the helpers below build the model's
// functions from it: an object model lists its fields (`$object`), a union its members
// (`$union`), an enum its values (`$enum`). One table per model and generic code that reads it
// keep every model a few lines long, which matters to browser apps that ship hundreds of models.
//
// A field's or member's type is a `$Type`: how to decode a wire value, check a model value and
// encode one. The runtime has one per scalar (`$string`, `$dateTime`, …) and combinators for
// the others (`$array`, `$record`, `$literal`, `$anyOf`, `$external`); a model is named by its
// `XSchema`, which stands for the model's own `$Type`. Tables are read when the model is first
// used, not when its module loads: models refer to each other in cycles, and a module's
// constants may not be set yet while another module of the cycle loads.
//
// A decoder is `(value, context, key) => decoded`. With a null context (the fast path) it
// decodes and, at the first problem, throws the private `FAST_FAIL` marker (no stack trace, so
// cheap); `parseX` catches it and runs the decoder again with a context, which records every
// issue with its path and carries on past them (returning a placeholder that is thrown away).
// `key` is the wire key or index under which the value sits in its parent, pushed onto the path
// while decoding inside it.

/** The issue-collecting context of the slow path of a decoder. */
export interface $Ctx {
  readonly path: (string | number)[];
  readonly issues: Issue[];
}

/** A decoder: with a null context, throws at the first problem; with one, records issues. */
export type $Decoder<T> = (value: unknown, context: $Ctx | null, key?: string | number) => T;

/**
 * How generated code handles the values of one type: decode a wire value, check a model value,
 * encode a model value (null when a value is its own wire form, which is then not copied).
 */
export interface $Type<T = unknown> {
  readonly decode: $Decoder<T>;
  readonly is: (value: unknown) => boolean;
  readonly encode: ((value: never) => unknown) | null;
  /** An object model's table, for unions to prefer the member that keeps most of a value. */
  readonly table?: () => ObjectTable;
}

/** A type in a field or member list: a `$Type`, or a model's `XSchema` standing for the model. */
export type $TypeRef = $Type | StandardSchemaV1<unknown, unknown>;

/**
 * One field of an object model: its property name, its type, its flags (the sum of those that
 * apply: 1 required, 2 null is a value of the field, kept as it is, 4 null is handed to the
 * decoder, 8 the catch-all row that collects undeclared keys), and its wire key when it is not
 * the property name.
 */
export type $Field = readonly [name: string, type: $TypeRef, flags?: number, wire?: string];

/** The fields of an object model, in the order of its doc's table. */
export type $Fields = readonly $Field[];

/** The members of a union model, in the order of its doc. */
export type $Members = readonly $TypeRef[];

/** `parseX`, `safeParseX`, `isX` and `XSchema` of a model (see docs/generated-api.md). */
export type $Api<T, J> = readonly [
  parse: (input: unknown) => T,
  safeParse: (input: unknown) => SafeParseResult<T>,
  is: (value: unknown) => value is T,
  schema: StandardSchemaV1<J, T>,
];

/** The {@link $Api} of a model with a serializer, and `serializeX`. */
export type $CodecApi<T, J> = readonly [...$Api<T, J>, serialize: (value: T) => J];

/** A plain JSON object as decoders read it. */
type Wire = { readonly [key: string]: unknown };

/** A writable object being filled in. */
type Draft = { [key: string]: unknown };

/** What the fast path throws at the first problem; never escapes `parse` / `safeParse`. */
const FAST_FAIL: { readonly fastFail: true } = Object.freeze({ fastFail: true });

/** The placeholder a decoder returns on the slow path after recording an issue. */
const REJECTED = undefined as never;

const REQUIRED = 1;
const KEEPS_NULL = 2;
const DECODES_NULL = 4;
const CATCH_ALL = 8;

/**
 * Rejects a value: on the fast path throws the fail marker; on the slow path records an issue at
 * the current path plus `key` and returns the placeholder.
 */
function issue(
  context: $Ctx | null,
  key: string | number | undefined,
  code: string,
  message: string,
): never {
  if (context === null) throw FAST_FAIL;
  const path = context.path.slice();
  if (key !== undefined) path.push(key);
  context.issues.push({ path, message, code });
  return REJECTED;
}

/** Reports a missing required key. */
function missing(context: $Ctx | null, key: string): never {
  return issue(context, key, "required", `required field "${key}" is missing`);
}

/**
 * Reports `null` in a required field. The docs cannot show that a field is nullable, so the
 * message names the option that accepts it.
 */
function nullField(context: $Ctx | null, key: string): never {
  return issue(
    context,
    key,
    "invalid_type",
    `null in the required field "${key}" (the docs cannot show nullability; generate with --required-nulls accept, config requiredNulls, to accept it)`,
  );
}

/**
 * Rejects a value a decoder does not accept. Undefined under a field key is an absent field,
 * reported as a missing required one.
 */
function reject(
  value: unknown,
  context: $Ctx | null,
  key: string | number | undefined,
  code: string,
  message: string,
): never {
  if (value === undefined && typeof key === "string") return missing(context, key);
  return issue(context, key, code, message);
}

/** Whether a value is a non-null, non-array object. */
function isObject(value: unknown): value is Wire {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether an object has its own property `key` (for keys such as `constructor`). */
function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** Sets an own property, also for the key `__proto__` (which plain assignment treats as the prototype). */
function setOwn(target: object, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else (target as Draft)[key] = value;
}

/**
 * Starts decoding an object: checks that `value` is an object and pushes `key` onto the path.
 * Returns false (after recording the issue) when it is not an object.
 */
function enter(
  value: unknown,
  context: $Ctx | null,
  key: string | number | undefined,
): value is Wire {
  if (!isObject(value)) {
    reject(value, context, key, "invalid_type", `expected an object, got ${describe(value)}`);
    return false;
  }
  if (context !== null && key !== undefined) context.path.push(key);
  return true;
}

/** Ends decoding an object or array started with {@link enter}. */
function leave(context: $Ctx | null, key: string | number | undefined): void {
  if (context !== null && key !== undefined) context.path.pop();
}

function isString(value: unknown): boolean {
  return typeof value === "string";
}

function isNumber(value: unknown): boolean {
  return typeof value === "number" && Number.isFinite(value);
}

/** `*string*`. */
export const $string: $Type<string> = {
  decode: (value, context, key) =>
    typeof value === "string"
      ? value
      : reject(value, context, key, "invalid_type", `expected a string, got ${describe(value)}`),
  is: isString,
  encode: null,
};

/** `*number*`: a finite number. */
export const $number: $Type<number> = {
  decode: (value, context, key) =>
    typeof value === "number" && Number.isFinite(value)
      ? value
      : reject(
          value,
          context,
          key,
          "invalid_type",
          `expected a finite number, got ${describe(value)}`,
        ),
  is: isNumber,
  encode: null,
};

/** `*boolean*`. */
export const $boolean: $Type<boolean> = {
  decode: (value, context, key) =>
    typeof value === "boolean"
      ? value
      : reject(value, context, key, "invalid_type", `expected a boolean, got ${describe(value)}`),
  is: (value) => typeof value === "boolean",
  encode: null,
};

/** `*any*`: every value, as it is. */
export const $unknown: $Type<unknown> = {
  decode: (value) => value,
  is: () => true,
  encode: null,
};

/** `*BigInt*`: an integer number or a string of digits, without precision loss. */
export const $bigint: $Type<bigint> = {
  decode: (value, context, key) => {
    if (typeof value === "bigint") return value;
    if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
    if (typeof value === "string" && /^-?\d+$/.test(value)) return BigInt(value);
    return reject(
      value,
      context,
      key,
      "invalid_type",
      `expected an integer (number or string of digits), got ${describe(value)}`,
    );
  },
  is: (value) => typeof value === "bigint",
  encode: decimalText,
};

/**
 * `*Decimal*`: a decimal string, kept as its exact text in a {@link Decimal}, or a finite number,
 * kept as the number (its digits beyond a double's went with `JSON.parse`), as Speakeasy's
 * TypeScript SDKs type it (`Decimal | number`). Each is written back in its own form.
 */
export const $decimal: $Type<Decimal | number> = {
  decode: (value, context, key) => {
    if (typeof value === "string" && DECIMAL_TEXT.test(value)) return new Decimal(value);
    if (typeof value === "number" && Number.isFinite(value)) return value;
    return reject(
      value,
      context,
      key,
      "invalid_type",
      `expected a decimal (number or decimal string), got ${describe(value)}`,
    );
  },
  is: (value) => value instanceof Decimal || (typeof value === "number" && Number.isFinite(value)),
  encode: decimalText,
};

/**
 * A date-time: an ISO 8601 date-time in the extended format with a time zone
 * (`2021-10-20T02:52:29.234Z`, `2021-10-20T04:52:29+02:00`; seconds and fractions optional),
 * read character by character (several times faster than `new Date(text)`) into a `Date`, and
 * written back as `toISOString()` writes it. Impossible calendar dates such as February 30 are
 * rejected; fractions beyond milliseconds are truncated.
 */
export const $dateTime: $Type<Date> = {
  decode: (value, context, key) => {
    if (typeof value === "string") {
      const time = isoDateTimeToEpoch(value);
      if (time === time) return new Date(time);
    }
    return reject(
      value,
      context,
      key,
      "invalid_date",
      `expected an ISO 8601 date-time with a time zone, got ${describe(value)}`,
    );
  },
  is: isDate,
  encode: $isoDateTime,
};

/** A date-only `YYYY-MM-DD` value (a real calendar date), kept as the string. */
export const $dateOnly: $Type<DateOnly> = {
  decode: (value, context, key) =>
    isDateOnly(value)
      ? value
      : reject(
          value,
          context,
          key,
          "invalid_date",
          `expected a date YYYY-MM-DD, got ${describe(value)}`,
        ),
  is: isDateOnly,
  encode: null,
};

/** An axios-like response object (an object with a numeric status). */
export const $axiosResponse: $Type<unknown> = {
  decode: (value, context, key) =>
    isAxiosResponse(value)
      ? value
      : reject(
          value,
          context,
          key,
          "invalid_type",
          `expected an HTTP response object, got ${describe(value)}`,
        ),
  is: isAxiosResponse,
  encode: null,
};

function isAxiosResponse(value: unknown): boolean {
  return isObject(value) && typeof value["status"] === "number";
}

/**
 * A platform object (`Blob`, `Response`, …) checked by class where the platform has the class
 * (any object where it has not); `AsyncIterable` for an event stream.
 */
export function $external(name: string): $Type<unknown> {
  const is = (value: unknown): boolean => {
    if (name === "AsyncIterable")
      return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
    const constructor = (globalThis as Wire)[name];
    if (typeof constructor === "function") return value instanceof constructor;
    return typeof value === "object" && value !== null;
  };
  return {
    decode: (value, context, key) =>
      is(value)
        ? value
        : reject(value, context, key, "invalid_type", `expected a ${name}, got ${describe(value)}`),
    is,
    encode: null,
  };
}

/** A literal (const) value. */
export function $literal<T extends string | number | boolean | null>(expected: T): $Type<T> {
  return {
    decode: (value, context, key) =>
      value === expected
        ? expected
        : reject(
            value,
            context,
            key,
            "invalid_literal",
            `expected ${JSON.stringify(expected)}, got ${describe(value)}`,
          ),
    is: (value) => value === expected,
    encode: null,
  };
}

/** The models' types, by their `XSchema`. */
const MODEL_TYPES = new WeakMap<object, $Type>();

/** The `$Type` of a field's or member's type. */
function typeOf(ref: $TypeRef): $Type {
  return MODEL_TYPES.get(ref) ?? (ref as $Type);
}

/** An array whose elements are of type `element`. */
export function $array(element: $TypeRef): $Type<unknown[]> {
  const inner = typeOf(element);
  const decode = inner.decode;
  const is = inner.is;
  const encode = inner.encode;
  return {
    decode: (value, context, key) => {
      if (!Array.isArray(value))
        return reject(
          value,
          context,
          key,
          "invalid_type",
          `expected an array, got ${describe(value)}`,
        );
      if (context !== null && key !== undefined) context.path.push(key);
      const length = value.length;
      const result = new Array<unknown>(length);
      for (let index = 0; index < length; index += 1)
        result[index] = decode(value[index], context, index);
      leave(context, key);
      return result;
    },
    is: (value) => {
      if (!Array.isArray(value)) return false;
      for (const element of value) if (!is(element)) return false;
      return true;
    },
    // A value that is not an array is outside the type and is returned as it is.
    encode:
      encode === null
        ? null
        : (array: unknown[]) => {
            if (!Array.isArray(array)) return array;
            const length = array.length;
            const result = new Array<unknown>(length);
            for (let index = 0; index < length; index += 1)
              result[index] = encode(array[index] as never);
            return result;
          },
  };
}

/** A string-keyed record whose values are of type `value`. */
export function $record(value: $TypeRef): $Type<{ [key: string]: unknown }> {
  const inner = typeOf(value);
  const decode = inner.decode;
  const encode = inner.encode;
  return {
    decode: (input, context, key) => {
      if (!enter(input, context, key)) return REJECTED;
      const result: Draft = {};
      for (const entry of Object.keys(input))
        setOwn(result, entry, decode(input[entry], context, entry));
      leave(context, key);
      return result;
    },
    is: recordCheck(inner.is),
    // A value that is not an object (null, an array) is returned as it is.
    encode:
      encode === null
        ? null
        : (record: Wire) => {
            if (!isObject(record)) return record;
            const result: Draft = {};
            for (const entry of Object.keys(record))
              setOwn(result, entry, encode(record[entry] as never));
            return result;
          },
  };
}

/** The check of a record whose values satisfy `is`. */
function recordCheck(is: (value: unknown) => boolean): (value: unknown) => boolean {
  return (value) => {
    if (!isObject(value)) return false;
    for (const key of Object.keys(value)) if (!is(value[key])) return false;
    return true;
  };
}

/** An inline union of a Type cell (`[File](…) \| [Blob](…)`): see {@link $union}. */
export function $anyOf(...members: $TypeRef[]): $Type<unknown> {
  return unionType(() => members);
}

/** The parts of an object model that its functions read, built from its fields at first use. */
interface ObjectTable {
  /** Declared fields by wire key, and by property name. */
  readonly byWire: Map<string, FieldEntry>;
  readonly byName: Map<string, FieldEntry>;
  /** Every row (the catch-all included), in table order: what `isX` checks. */
  readonly rows: readonly FieldEntry[];
  /** Every row's property, undefined, in table order: decoded objects start as a copy. */
  readonly template: Wire;
  /** The wire keys of the required fields. */
  readonly required: readonly string[];
  readonly catchAll: FieldEntry | null;
  readonly policy: "strip" | "strict" | "passthrough";
}

interface FieldEntry {
  readonly name: string;
  readonly wire: string;
  readonly decode: $Decoder<unknown>;
  readonly is: (value: unknown) => boolean;
  readonly encode: ((value: never) => unknown) | null;
  /** 1 when the field is required, else 0: decoders add it up. */
  readonly required: number;
  readonly flags: number;
}

function objectTable(fields: $Fields, policy: ObjectTable["policy"]): ObjectTable {
  const byWire = new Map<string, FieldEntry>();
  const byName = new Map<string, FieldEntry>();
  const rows: FieldEntry[] = [];
  const template: Draft = {};
  const required: string[] = [];
  let catchAll: FieldEntry | null = null;
  for (const [name, ref, flags = 0, wire = name] of fields) {
    const type = typeOf(ref);
    const catches = (flags & CATCH_ALL) !== 0;
    const entry: FieldEntry = {
      name,
      wire,
      decode: type.decode,
      is: catches ? recordCheck(type.is) : type.is,
      encode: type.encode,
      required: flags & REQUIRED,
      flags,
    };
    rows.push(entry);
    setOwn(template, name, undefined);
    if (catches) {
      catchAll = entry;
      continue;
    }
    byWire.set(wire, entry);
    byName.set(name, entry);
    if (flags & REQUIRED) required.push(wire);
  }
  return {
    byWire,
    byName,
    rows,
    template,
    required,
    catchAll,
    policy,
  };
}

/**
 * The functions of an object model from its fields (a function returning them, read at first
 * use), and the policy for keys it does not declare (`strip` unless given): see
 * docs/generated-api.md.
 *
 * The decoder walks the keys the input has (`for...in`) and looks each up in the table: real
 * inputs vary in which optional keys they carry, so their objects have many shapes, and reading
 * each declared key by name would be a slow generic lookup per field, while the keys of a
 * `for...in` loop come with their values' positions and only present keys cost anything. The
 * result starts as a copy of a template holding every field (undefined), so all decoded objects
 * of a model share one shape. The serializer walks the keys of the value likewise: objects that
 * user code builds hold only the keys they set, in their own order.
 */
export function $object<T, J>(fields: () => $Fields): $CodecApi<T, J>;
export function $object<T, J>(
  policy: "strict" | "passthrough",
  fields: () => $Fields,
): $CodecApi<T, J>;
export function $object<T, J>(
  first: "strict" | "passthrough" | (() => $Fields),
  second?: () => $Fields,
): $CodecApi<T, J> {
  const fields = typeof first === "function" ? first : second!;
  const policy = typeof first === "function" ? "strip" : first;
  let loaded: ObjectTable | null = null;
  const table = (): ObjectTable => (loaded ??= objectTable(fields(), policy));
  const type: $Type<T> = {
    decode: (value, context, key) => decodeObject(value, context, key, loaded ?? table()) as T,
    is: (value) => isObjectOf(value, table()),
    encode: (value: T) => encodeObject(value, loaded ?? table()),
    table,
  };
  return [...api<T, J>(type), type.encode as (value: T) => J];
}

function decodeObject(
  value: unknown,
  context: $Ctx | null,
  key: string | number | undefined,
  table: ObjectTable,
): unknown {
  if (!enter(value, context, key)) return REJECTED;
  const policy = table.policy;
  if (policy === "strict") {
    for (const entry of Object.keys(value))
      if (!table.byWire.has(entry))
        issue(context, entry, "unrecognized_keys", `unknown key "${entry}"`);
  }
  const result: Draft = { ...table.template };
  const catchAll = table.catchAll;
  if (catchAll !== null && catchAll.required) result[catchAll.name] = {};
  const fields = table.byWire;
  let count = 0;
  for (const k in value) {
    const field = fields.get(k);
    if (field === undefined) {
      if (catchAll !== null) decodeExtra(value[k], context, k, result, catchAll);
      continue;
    }
    const t = value[k];
    if (t != null) result[field.name] = field.decode(t, context, k);
    else decodeNullish(t, context, k, result, field);
    count += field.required;
  }
  if (count < table.required.length)
    for (const required of table.required) if (!hasOwn(value, required)) missing(context, required);
  leave(context, key);
  if (policy === "passthrough") {
    // Undeclared keys are kept as they are, never over a key the model itself set.
    for (const entry of Object.keys(value))
      if (!table.byWire.has(entry) && !hasOwn(result, entry)) setOwn(result, entry, value[entry]);
  }
  return result;
}

/**
 * Decodes null or undefined under a declared key: undefined is an absent field (missing when
 * required); null is absent in an optional field, an issue in a required one, unless the field's
 * flags keep it or hand it to the decoder.
 */
function decodeNullish(
  value: null | undefined,
  context: $Ctx | null,
  key: string,
  result: Draft,
  field: FieldEntry,
): void {
  if (value === undefined) {
    if (field.required) missing(context, key);
  } else if (field.flags & DECODES_NULL) result[field.name] = field.decode(value, context, key);
  else if (field.flags & KEEPS_NULL) result[field.name] = null;
  else if (field.required) nullField(context, key);
}

/**
 * Adds an undeclared wire key to the catch-all record, creating it at the first such key. Null
 * is dropped unless the row hands it to its decoder (`*any*` values keep it).
 */
function decodeExtra(
  value: unknown,
  context: $Ctx | null,
  key: string,
  result: Draft,
  field: FieldEntry,
): void {
  if (value === undefined || (value === null && !(field.flags & DECODES_NULL))) return;
  const decoded = field.decode(value, context, key);
  const record = (result[field.name] as Draft | undefined) ?? {};
  setOwn(record, key, decoded);
  result[field.name] = record;
}

/**
 * Encodes an object model value. A field that is not set (or is undefined) is left out of the
 * wire object; the wire keys come in the order of the value's keys. The catch-all record is
 * written back as top-level keys beside the declared ones (never over one). A value that is not
 * an object is outside the type and is returned as it is (`null` stays `null`).
 */
function encodeObject(value: unknown, table: ObjectTable): unknown {
  if (typeof value !== "object" || value === null) return value;
  const result: Draft = {};
  const fields = table.byName;
  for (const k in value) {
    const t = (value as Wire)[k];
    if (t === undefined) continue;
    const field = fields.get(k);
    if (field === undefined) continue;
    const encoded = field.encode === null ? t : field.encode(t as never);
    if (field.wire === "__proto__") setOwn(result, field.wire, encoded);
    else result[field.wire] = encoded;
  }
  const catchAll = table.catchAll;
  if (catchAll !== null) {
    const record = hasOwn(value, catchAll.name) ? (value as Wire)[catchAll.name] : undefined;
    if (record === undefined || record === null) return result;
    // A catch-all that is not an object is written as it is under its own property name.
    if (!isObject(record)) {
      setOwn(result, catchAll.name, record);
      return result;
    }
    const encode = catchAll.encode;
    for (const key of Object.keys(record)) {
      const extra = record[key];
      if (extra === undefined || table.byWire.has(key)) continue;
      setOwn(result, key, encode === null ? extra : encode(extra as never));
    }
  } else if (table.policy === "passthrough") {
    for (const key of Object.keys(value))
      if (!table.byName.has(key) && !hasOwn(result, key)) setOwn(result, key, (value as Wire)[key]);
  }
  return result;
}

/**
 * Whether an in-memory value is an object whose fields pass their checks (absent optional fields
 * pass). Fields are read as own properties, so `constructor` or `toString` fields work.
 */
function isObjectOf(value: unknown, table: ObjectTable): boolean {
  if (!isObject(value)) return false;
  for (const field of table.rows) {
    const x = hasOwn(value, field.name) ? value[field.name] : undefined;
    if (x === undefined) {
      if (field.required && !field.is(undefined)) return false;
    } else if (!(x === null && field.flags & KEEPS_NULL) && !field.is(x)) return false;
  }
  return true;
}

/** A union member as decoding and encoding read it. */
interface Member {
  readonly type: $Type;
  /** An object member's wire keys and property names; null for other members. */
  readonly wireKeys: ReadonlyMap<string, unknown> | null;
  readonly names: ReadonlyMap<string, unknown> | null;
}

/**
 * The `$Type` of a union of `members` (a function returning them, read at first use). Every
 * member that accepts a value is a candidate; among objects, the one that recognises the most
 * keys of the input wins (so a member whose fields are all optional does not swallow the others'
 * values), ties going to the member listed first. When no member accepts the value, the issue
 * says why for each member. A value is encoded by the member its check picks by the same rule.
 */
function unionType(members: () => $Members): $Type<unknown> {
  let loaded: readonly Member[] | null = null;
  const list = (): readonly Member[] =>
    (loaded ??= members().map((ref) => {
      const type = typeOf(ref);
      const table = type.table?.() ?? null;
      return { type, wireKeys: table && table.byWire, names: table && table.byName };
    }));
  return {
    decode: (value, context, key) => decodeUnion(value, context, key, loaded ?? list()),
    is: (value) => pickMember(value, list()) !== undefined,
    encode: (value: unknown) => {
      const member = pickMember(value, list());
      const encode = member?.type.encode;
      return encode ? encode(value as never) : value;
    },
  };
}

/** The functions of a union model from its members: see {@link unionType}. */
export function $union<T, J>(members: () => $Members): $CodecApi<T, J> {
  const type = unionType(members) as $Type<T>;
  return [...api<T, J>(type), type.encode as (value: T) => J];
}

function decodeUnion(
  value: unknown,
  context: $Ctx | null,
  key: string | number | undefined,
  members: readonly Member[],
): unknown {
  let best: unknown;
  let bestScore = -1;
  for (const member of members) {
    let decoded: unknown;
    try {
      decoded = member.type.decode(value, null);
    } catch (error) {
      if (error === FAST_FAIL) continue;
      throw error;
    }
    const score = scoreKeys(value, member.wireKeys);
    if (score > bestScore) {
      best = decoded;
      bestScore = score;
    }
  }
  if (bestScore >= 0) return best;
  if (context === null) throw FAST_FAIL;
  if (value === undefined && typeof key === "string") return missing(context, key);
  const reasons = members.map((member, index) => {
    const inner: $Ctx = { path: [], issues: [] };
    member.type.decode(value, inner);
    const first = inner.issues[0];
    return `member ${index + 1}: ${first ? `${formatPath(first.path)}: ${first.message}` : "rejected"}`;
  });
  return issue(
    context,
    key,
    "invalid_union",
    `no member of the union accepts the value (${reasons.join("; ")})`,
  );
}

/** Picks the union member of an in-memory value, by the same rule as decoding. */
function pickMember(value: unknown, members: readonly Member[]): Member | undefined {
  let best: Member | undefined;
  let bestScore = -1;
  for (const member of members) {
    if (!member.type.is(value)) continue;
    const score = scoreKeys(value, member.names);
    if (score > bestScore) {
      best = member;
      bestScore = score;
    }
  }
  return best;
}

/** How many of `keys` the value has (not undefined); 0 for a member that is not an object. */
function scoreKeys(value: unknown, keys: ReadonlyMap<string, unknown> | null): number {
  if (keys === null || !isObject(value)) return 0;
  let score = 0;
  for (const key of keys.keys()) if (value[key] !== undefined) score += 1;
  return score;
}

/**
 * The functions of an enum model from its values (its `as const` object, or a list), and
 * whether it is open: an open enum also accepts any string (`"string"`) or any finite number
 * (`"number"`).
 */
export function $enum<T>(
  values: readonly (string | number)[] | { readonly [name: string]: string | number },
  open?: "string" | "number",
): $Api<T, T> {
  const allowed: ReadonlySet<unknown> = new Set(
    Array.isArray(values) ? values : Object.values(values),
  );
  const is =
    open === "string"
      ? isString
      : open === "number"
        ? isNumber
        : (value: unknown) => allowed.has(value);
  return api<T, T>({
    decode: (value, context, key) =>
      is(value) ? (value as T) : enumIssue(context, key, value, allowed),
    is,
    encode: null,
  });
}

/** Records the issue of a value outside an enum. */
function enumIssue(
  context: $Ctx | null,
  key: string | number | undefined,
  value: unknown,
  allowed: ReadonlySet<unknown>,
): never {
  const listed = [...allowed]
    .slice(0, 12)
    .map((member) => JSON.stringify(member))
    .join(", ");
  return reject(
    value,
    context,
    key,
    "invalid_enum_value",
    `expected one of ${listed}${allowed.size > 12 ? ", …" : ""}; got ${describe(value)}`,
  );
}

/** The functions of an opaque model: every value is accepted as it is, `undefined` included. */
export function $opaque<T>(): $Api<T, T> {
  return api<T, T>($unknown as $Type<T>);
}

/** `parseX`, `safeParseX`, `isX` and `XSchema` of a model's type; the schema stands for the type. */
function api<T, J>(type: $Type<T>): $Api<T, J> {
  const decode = type.decode;
  const schema: StandardSchemaV1<J, T> = {
    "~standard": {
      version: 1,
      vendor: "mdspec",
      validate: (value: unknown): StandardSchemaV1.Result<T> => {
        const result = safeParse(value, decode);
        return result.success
          ? { value: result.data }
          : {
              issues: result.error.issues.map((issue) => ({
                message: issue.message,
                path: issue.path,
              })),
            };
      },
    },
  };
  MODEL_TYPES.set(schema, type);
  return [
    (input) => parse(input, decode),
    (input) => safeParse(input, decode),
    type.is as (value: unknown) => value is T,
    schema,
  ];
}

/**
 * The decimal text of a `bigint` or {@link Decimal}, as the wire carries them; any other value
 * (a `*Decimal*` field's number, or a value outside the type) is returned as it is.
 */
function decimalText(value: bigint | Decimal): string {
  return typeof value === "bigint" || value instanceof Decimal
    ? value.toString()
    : (value as never);
}

/** Runs a decoder: the fast path first, then the issue-collecting one; throws {@link ValidationError}. */
function parse<T>(input: unknown, decode: $Decoder<T>): T {
  // The fast path returns the value itself, without the result object of `safeParse`.
  try {
    return decode(input, null);
  } catch (error) {
    if (error !== FAST_FAIL && !(error instanceof RangeError)) throw error;
  }
  const result = safeParse(input, decode);
  if (result.success) return result.data;
  // A thrown error carries a stack trace from here; `safeParseX` returns its error without one.
  throw new ValidationError(result.error.issues);
}

/** Runs a decoder and never throws: deep inputs that overflow the stack become a `too_deep` issue. */
function safeParse<T>(input: unknown, decode: $Decoder<T>): SafeParseResult<T> {
  try {
    return { success: true, data: decode(input, null) };
  } catch (error) {
    if (error !== FAST_FAIL) return tooDeep(error);
  }
  const context: $Ctx = { path: [], issues: [] };
  try {
    decode(input, context);
  } catch (error) {
    return tooDeep(error);
  }
  if (context.issues.length === 0)
    context.issues.push({ path: [], code: "invalid_type", message: "the value was rejected" });
  return { success: false, error: new ValidationError(context.issues, false) };
}

/** Turns a stack overflow on a deeply nested input into an issue; rethrows anything else. */
function tooDeep(error: unknown): SafeParseResult<never> {
  if (error instanceof RangeError) {
    return {
      success: false,
      error: new ValidationError([
        { path: [], code: "too_deep", message: "the input is nested too deeply to decode" },
      ]),
    };
  }
  throw error;
}

/** A short description of a value for messages. */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return value.length > 40
        ? `the string ${JSON.stringify(`${value.slice(0, 37)}...`)}`
        : `the string ${JSON.stringify(value)}`;
    case "number":
    case "boolean":
    case "bigint":
      return `${typeof value} ${String(value)}`;
    case "undefined":
      return "undefined";
    default:
      return typeof value === "object" ? "an object" : `a ${typeof value}`;
  }
}

/** Whether a value is a valid `YYYY-MM-DD` date. */
function isDateOnly(value: unknown): value is DateOnly {
  if (
    typeof value !== "string" ||
    value.length !== 10 ||
    value.charCodeAt(4) !== 45 ||
    value.charCodeAt(7) !== 45
  )
    return false;
  const century = twoDigits(value, 0);
  const yearOfCentury = twoDigits(value, 2);
  const year = century < 0 || yearOfCentury < 0 ? -1 : century * 100 + yearOfCentury;
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Whether a value is a valid `Date` (not an Invalid Date). */
function isDate(value: unknown): value is Date {
  return value instanceof Date && value.getTime() === value.getTime();
}

/** Parses the two digits at `text[at]`, `text[at + 1]`; -1 when one is not a digit. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The epoch milliseconds of an ISO 8601 date-time with a zone, or NaN when it is not one. */
function isoDateTimeToEpoch(text: string): number {
  const length = text.length;
  if (
    length < 17 ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(13) !== 58
  )
    return NaN;
  const separator = text.charCodeAt(10);
  if (separator !== 84) return NaN;
  const century = twoDigits(text, 0);
  const yearOfCentury = twoDigits(text, 2);
  const year = century < 0 || yearOfCentury < 0 ? -1 : century * 100 + yearOfCentury;
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  if (
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59
  ) {
    return NaN;
  }
  let index = 16;
  let second = 0;
  let millisecond = 0;
  if (text.charCodeAt(index) === 58) {
    second = twoDigits(text, index + 1);
    if (second < 0 || second > 59) return NaN;
    index += 3;
    if (text.charCodeAt(index) === 46 || text.charCodeAt(index) === 44) {
      index += 1;
      const start = index;
      let scale = 100;
      while (index < length) {
        const code = text.charCodeAt(index) - 48;
        if (code < 0 || code > 9) break;
        millisecond += code * scale;
        scale /= 10;
        index += 1;
      }
      if (index === start) return NaN;
      millisecond = Math.floor(millisecond);
    }
  }
  let offset = 0;
  const zone = text.charCodeAt(index);
  if (zone === 90) {
    index += 1;
  } else if ((zone === 43 || zone === 45) && text.charCodeAt(index + 3) === 58) {
    const zoneHour = twoDigits(text, index + 1);
    const zoneMinute = twoDigits(text, index + 4);
    index += 6;
    if (zoneHour < 0 || zoneHour > 23 || zoneMinute < 0 || zoneMinute > 59) return NaN;
    offset = (zoneHour * 60 + zoneMinute) * (zone === 43 ? 1 : -1);
  } else {
    return NaN;
  }
  if (index !== length) return NaN;
  const epoch =
    ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute - offset) * 60000 +
    second * 1000 +
    millisecond;
  return Math.abs(epoch) <= 8.64e15 ? epoch : NaN;
}

/** `"00"` to `"99"`. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, value) =>
  String(value).padStart(2, "0"),
);

/**
 * The time of day of an ISO date-time in three pieces, ready to join: `"HH:MM:"` by minute of the
 * day, `"SS."` by second, `"mmmZ"` by millisecond (three joins instead of eight).
 */
const MINUTE_TEXTS: readonly string[] = Array.from(
  { length: 1440 },
  (_, value) => `${TWO_DIGITS[Math.floor(value / 60)]}:${TWO_DIGITS[value % 60]}:`,
);
const SECOND_TEXTS: readonly string[] = TWO_DIGITS.slice(0, 60).map((text) => `${text}.`);
const MILLISECOND_TEXTS: readonly string[] = Array.from(
  { length: 1000 },
  (_, value) => `${String(value).padStart(3, "0")}Z`,
);

/** The epoch milliseconds of 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z. */
const FOUR_DIGIT_YEARS_START = -62167219200000;
const FOUR_DIGIT_YEARS_END = 253402300799999;

/**
 * Encodes a `Date` exactly as `toISOString()` does (`2021-10-20T02:52:29.234Z`), about four
 * times faster: the engine's builtin goes through a slow runtime call, while the fields of a
 * four-digit year follow from the epoch milliseconds by integer arithmetic (H. Hinnant's
 * civil_from_days). Other years are left to the builtin. A value that is not a valid `Date` is
 * outside the type and is returned as it is (the builtin would throw).
 */
export function $isoDateTime(date: Date): string {
  if (!(date instanceof Date)) return date;
  const time = date.getTime();
  if (!(time >= FOUR_DIGIT_YEARS_START && time <= FOUR_DIGIT_YEARS_END))
    return Number.isNaN(time) ? (date as never) : date.toISOString();
  const days = Math.floor(time / 86400000);
  // A direct-mapped memo of recent days: real timestamps cluster on few days, and the date is
  // half the work.
  const slot = days & 4095;
  let date10 = DAY_TEXTS[slot]!;
  if (DAY_NUMBERS[slot] !== days) {
    date10 = civilDateText(days);
    DAY_NUMBERS[slot] = days;
    DAY_TEXTS[slot] = date10;
  }
  const rest = time - days * 86400000;
  const minutes = Math.floor(rest / 60000);
  const milliseconds = rest - minutes * 60000;
  const second = Math.floor(milliseconds / 1000);
  return (
    date10 +
    MINUTE_TEXTS[minutes] +
    SECOND_TEXTS[second] +
    MILLISECOND_TEXTS[milliseconds - second * 1000]
  );
}

/** The `YYYY-MM-DDT` texts of recently encoded days (days since the epoch), by the day's low 12 bits. */
const DAY_NUMBERS = new Int32Array(4096).fill(0x7fffffff);
const DAY_TEXTS: string[] = new Array<string>(4096).fill("");

/** The `YYYY-MM-DDT` text of a day (days since the epoch, four-digit years). */
function civilDateText(days: number): string {
  const shifted = days + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${TWO_DIGITS[Math.floor(year / 100)]}${TWO_DIGITS[year % 100]}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T`;
}
