import type { EmitContext } from "../context.js";

/**
 * The name of a module-level constant holding `expression` (a runtime combinator call such as
 * `$arrayOf($string)`), declared once per distinct expression in the file being emitted. The
 * codec then passes a function built once at load time instead of an arrow function built on
 * every call, and its statements keep the simple forms printed without prettier.
 */
export function hoistCodec(context: EmitContext, expression: string): string {
  const existing = context.codecs.get(expression);
  if (existing) return existing;
  const name = `$codec${context.codecs.size}`;
  context.codecs.set(expression, name);
  context.scope.taken.add(name);
  return name;
}
