import { isIdentifier, quote } from "./identifiers.js";

/**
 * The key of a property in an object literal: a computed key for `__proto__` (which would set the
 * prototype otherwise), the name when it is an identifier, else a string literal.
 */
export function literalKey(key: string): string {
  if (key === "__proto__") return `[${quote(key)}]`;
  return isIdentifier(key) ? key : quote(key);
}

