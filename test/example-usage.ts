// Evaluating the value of a doc's `## Example Usage` block (`let value: X = …;`) in a sandbox, for
// the tests that run documented examples through the generated code.
import { runInNewContext } from "node:vm";
import { transformSync } from "esbuild";

/** Evaluates the value of an Example Usage block, or returns why it cannot be used. */
export async function evaluateSnippet(
  code: string,
  runtime: Record<string, unknown>,
  enumObject: (name: string) => Promise<unknown>,
): Promise<{ value: unknown } | { skip: string }> {
  if (/await |openAsBlob|new (Response|Request|Blob|File)\(|ReadableStream/.test(code)) return { skip: "non-JSON value" };
  if (!/let value\s*:/.test(code)) return { skip: "no value" };
  const body = code
    .replace(/^import[\s\S]*?from\s+"[^"]+";\s*$/gm, "")
    .replace(/let value\s*:\s*[\w.]+\s*=/, "value =")
    // `new` would turn the date-only string into an object; call the stand-in instead.
    .replace(/new RFCDate\(/g, "RFCDate(");
  // esbuild strips the types a hundred times faster than TypeScript's transpiler (corpora have
  // hundreds of snippets).
  const js = transformSync(`let value: any;\n${body}\n;globalThis.__value = value;`, { loader: "ts", target: "es2022" }).code;
  // Snippets name enum members through the SDK's enum objects (`Currency.Usd`): give them ours.
  const imported = [...code.matchAll(/import\s*\{([^}]*)\}/g)].flatMap((match) => match[1]!.split(",").map((name) => name.trim()));
  const enums: Record<string, unknown> = {};
  for (const name of imported) {
    const value = await enumObject(name);
    if (value !== undefined) enums[name] = value;
  }
  const sandbox: Record<string, unknown> = {
    ...enums,
    Date,
    BigInt,
    Decimal: runtime["Decimal"],
    // Date-only values are `YYYY-MM-DD` strings in the generated model.
    RFCDate: function RFCDate(text: string) {
      return String(text).slice(0, 10);
    },
  };
  runInNewContext(js, sandbox, { timeout: 1000 });
  return { value: sandbox["__value"] };
}

