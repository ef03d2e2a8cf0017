// The runtime shared by every generated module. mdspec copies this file as `runtime.ts` into the
// output folder; it has no dependency, so generated code needs nothing at run time.

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
  /** The canonical decimal text, such as `-12.50`. */
  readonly text: string;

  /** Creates a decimal from its text; throws a `RangeError` for text that is not a decimal. */
  constructor(text: string) {
    if (!/^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(text)) {
      throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
    }
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
