import { isIdentifier, quote } from "./identifiers.js";

/** Keys every plain object inherits: reading them must not see `Object.prototype`. */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Whether reading `key` from a plain object may find an inherited member. */
export function isInheritedKey(key: string): boolean {
  return INHERITED.has(key);
}

/**
 * The expression reading property `key` of `object`: `o.key`, `o["a-b"]`, or, for a key every
 * object inherits (`constructor`, `__proto__`, `toString`), an own-property read through the
 * runtime's `own` helper so that an absent key reads as undefined.
 */
export function readProperty(object: string, key: string, own: () => string, cast?: string): string {
  if (isInheritedKey(key)) return cast ? `(${own()}(${object}, ${quote(key)}) as ${cast})` : `${own()}(${object}, ${quote(key)})`;
  return isIdentifier(key) ? `${object}.${key}` : `${object}[${quote(key)}]`;
}

/**
 * The key of a property in an object literal: a computed key for `__proto__` (which would set the
 * prototype otherwise), the name when it is an identifier, else a string literal.
 */
export function literalKey(key: string): string {
  if (key === "__proto__") return `[${quote(key)}]`;
  return isIdentifier(key) ? key : quote(key);
}

