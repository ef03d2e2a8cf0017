import type { Span, TypeNode } from "../ir/types.js";

/**
 * Maps a bare type word, as it appears between asterisks in a Type cell (`*string*`) or alone in
 * a union heading (`` `string` ``), to its type node; null when the word names no built-in type.
 */
export function builtinType(word: string, span: Span): TypeNode | null {
  switch (word) {
    case "string":
    case "number":
    case "boolean":
    case "any":
      return { kind: "primitive", name: word, span };
    case "unknown":
      return { kind: "primitive", name: "any", span };
    case "BigInt":
    case "bigint":
      return { kind: "primitive", name: "bigint", span };
    case "Decimal":
      return { kind: "primitive", name: "decimal", span };
    case "Date":
      return { kind: "date-time", span };
    case "RFCDate":
      return { kind: "date", span };
    case "true":
      return { kind: "literal", value: true, span };
    case "false":
      return { kind: "literal", value: false, span };
    case "Uint8Array":
    case "Request":
    case "Response":
    case "File":
    case "Blob":
    case "AxiosResponse":
      return { kind: "external", name: word, span };
    case "ReadableStream<Uint8Array>":
      return { kind: "external", name: "ReadableStream<Uint8Array>", span };
    default:
      return null;
  }
}

/** Maps the text of a link to an absolute URL (`[Date](https://developer.mozilla.org/…)`). */
export function linkedBuiltinType(text: string, span: Span): TypeNode | null {
  switch (text) {
    case "Date":
      return { kind: "date-time", span };
    case "RFCDate":
      return { kind: "date", span };
    case "Response":
    case "File":
    case "Blob":
    case "Request":
    case "AxiosResponse":
      return { kind: "external", name: text, span };
    // The stray `>` is a generator bug of Speakeasy CLI <= 1.82 (FORMAT.md section 3).
    case "AxiosResponse>":
      return { kind: "external", name: "AxiosResponse", span };
    default:
      return null;
  }
}

/** Whether `url` points at the hand-written date-only doc (`../../types/rfcdate.md`). */
export function isRfcDateUrl(url: string): boolean {
  return /(^|\/)rfcdate\.md$/i.test(url);
}

/** Whether `url` is absolute (a scheme such as `https:`), not a path relative to the doc. */
export function isAbsoluteUrl(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url);
}

/** A type name as written: `Name` or `ns.Name`. */
export const QUALIFIED_NAME = /^(?:([A-Za-z_$][\w$]*)\.)?([A-Za-z_$][\w$]*)$/;
