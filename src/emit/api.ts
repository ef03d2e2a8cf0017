import { type ApiCall, apiCallText, preformatted } from "./preformat.js";
import type { EmitContext } from "./context.js";

/**
 * The statement declaring a model's functions, built by the runtime from the model's table:
 *
 * ```ts
 * const [parseX, safeParseX, isX, XSchema, serializeX] = $object<X, XJson>((): $Fields => [
 *   ["name", $string],
 *   ["id", $string, 1],
 * ]);
 * export { parseX, safeParseX, isX, XSchema, serializeX };
 * ```
 *
 * One statement per model and a table instead of code per field keep a folder of models small
 * once bundled (browser apps ship them), and print fast. Generated functions carry no JSDoc of
 * their own (docs/generated-api.md documents them); models and fields keep the JSDoc of their
 * docs.
 *
 * The names are declared by destructuring and exported by name (`export { ... }`), a form every
 * tool that lists a module's exports reads. The list function's return type is written out
 * (`(): $Fields =>`): inferred, the type of a model that refers to itself, or to a model that
 * refers back to it, would depend on its own initializer, which TypeScript reports (TS7022).
 *
 * The statement is printed in prettier's layout when it has one of the forms `preformat.ts`
 * knows, else handed to prettier as text.
 */
export function apiStatement(context: EmitContext, call: ApiCall): string {
  const lines = apiCallText(call);
  return lines ? preformatted(context.chunks, lines) : apiCallSource(call);
}

/** The statement as plain source, for prettier to format. */
function apiCallSource(call: ApiCall): string {
  const item = (entry: string | readonly string[]) => (typeof entry === "string" ? entry : `[${entry.join(", ")}]`);
  const list = call.list === null ? [] : [`(): ${call.list.type} => [${call.list.items.map(item).join(", ")}]`];
  const args = [...call.leading, ...list].join(", ");
  return `const [${call.names.join(", ")}] = ${call.callee}<${call.typeArguments.join(", ")}>(${args});\nexport { ${call.names.join(", ")} };`;
}
