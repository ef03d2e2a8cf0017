import { type ApiCall, apiCallText, preformatted } from "./preformat.js";
import type { EmitContext } from "./context.js";

/**
 * The statement declaring a model's functions, built by the runtime from the model's table:
 *
 * ```ts
 * export const [parseX, safeParseX, isX, XSchema, serializeX] = $object<X, XJson>((): $Fields => [
 *   ["name", $string],
 *   ["id", $string, 1],
 * ]);
 * ```
 *
 * One statement per model and a table instead of code per field keep a folder of models small
 * once bundled (browser apps ship them), and print fast. Generated functions carry no JSDoc of
 * their own (docs/generated-api.md documents them); models and fields keep the JSDoc of their
 * docs.
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
