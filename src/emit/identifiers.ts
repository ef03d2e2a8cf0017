/** Whether `name` can be written as an identifier (a property name or binding) as it is. */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name);
}

/**
 * The text of a property key: the name itself when it is an identifier, else a JSON string
 * literal, which cannot let doc text out of the key.
 */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : quote(name);
}

/**
 * A string literal for arbitrary text: JSON quoting plus the two line terminators that JSON
 * leaves raw, so the literal is safe in any TypeScript or JavaScript context.
 */
export function quote(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
