import { identifierWords } from "../common.js";
import type { TypeCellRow } from "../flavour.js";

/** Which of the two a PHP `\DateTime` is, and what told so (for the warning). */
export interface DateReading {
  readonly kind: "date" | "date-time";
  readonly reason: string;
}

/**
 * PHP docs write `\DateTime` for a date-only value and a date-time alike. The row usually tells
 * which one it is, most reliably first:
 *
 * 1. the Example cell: `2020-01-01` is a date, `2020-01-01T00:00:00.001Z` a date-time;
 * 2. the words of the field's name: `dateTime`, `createdAt`, `timestamp` say date-time, `date`,
 *    `dates`, `birthday` say date;
 * 3. the same words in the description (`A date-time property.`), then in the doc's title
 *    (`UnionDateNullRes`);
 * 4. otherwise a date-time, the far more common of the two in APIs.
 */
export function readDateTime(row: TypeCellRow | undefined): DateReading {
  if (row?.example) {
    const value = /\d{4}-\d{2}-\d{2}(T)?/.exec(row.example);
    if (value) return { kind: value[1] ? "date-time" : "date", reason: "the Example cell" };
  }
  const sources: [string | null | undefined, string][] = [
    [row?.field, "the field's name"],
    [row?.description, "the description"],
    [row?.modelTitle, "the doc's title"],
  ];
  for (const [text, reason] of sources) {
    const kind = text ? kindFromWords(text) : null;
    if (kind) return { kind, reason };
  }
  return { kind: "date-time", reason: "no date in the Example cell, the field's name, the description or the title" };
}

/** `dateTime`, `updated_at`, `A date-time property` -> date-time; `dateVal`, `A date parameter` -> date. */
function kindFromWords(text: string): "date" | "date-time" | null {
  const words = identifierWords(text).map((word) => word.toLowerCase());
  if (words.some((word) => word === "time" || word === "datetime" || word === "timestamp" || word === "datetimes")) return "date-time";
  if (words.length > 1 && words[words.length - 1] === "at" && !/\s/.test(text)) return "date-time";
  if (words.some((word) => word === "date" || word === "dates" || word === "day" || word === "birthday")) return "date";
  return null;
}
