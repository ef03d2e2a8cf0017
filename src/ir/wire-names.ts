import type { Field } from "./types.js";
import type { WireCase, WireNames } from "../emit/options.js";

/**
 * Cuts a property name into words: at every run of characters other than letters and digits,
 * between a lower-case letter or digit and an upper-case letter (`sourceId` -> `source Id`), and
 * before the last capital of a capital run followed by a lower-case letter (`HTTPStatus` ->
 * `HTTP Status`). Digits never start a word (`omega3` stays one word, `ipv4Cidrs` is
 * `ipv4 Cidrs`). This is the rule of the conformance tool, so `--wire-case` and its overrides
 * agree.
 */
export function splitWords(name: string): string[] {
  return name
    .split(/[^A-Za-z0-9]+/)
    .flatMap((part) => part.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2").split(" "))
    .filter((word) => word !== "");
}

/** Applies a case convention to a property name. */
export function applyCase(name: string, wireCase: WireCase): string {
  if (wireCase === "preserve") return name;
  const words = splitWords(name);
  if (words.length === 0) return name;
  const capital = (word: string) => word[0]!.toUpperCase() + word.slice(1).toLowerCase();
  switch (wireCase) {
    case "snake_case":
      return words.map((word) => word.toLowerCase()).join("_");
    case "kebab-case":
      return words.map((word) => word.toLowerCase()).join("-");
    case "camelCase":
      return words.map((word, index) => (index === 0 ? word.toLowerCase() : capital(word))).join("");
    case "PascalCase":
      return words.map(capital).join("");
    default: {
      const unreachable: never = wireCase;
      return unreachable;
    }
  }
}

/** The wire (JSON) key of a field of the doc `docId`: its override, else the case convention. */
export function wireName(docId: string, field: Field, wireNames: WireNames): string {
  const override = Object.prototype.hasOwnProperty.call(wireNames.overrides, docId) ? wireNames.overrides[docId] : undefined;
  if (override && Object.prototype.hasOwnProperty.call(override, field.name)) return override[field.name]!;
  return applyCase(field.name, wireNames.case);
}
