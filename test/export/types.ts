// The type-level check of the exported OpenAPI document: openapi-typescript turns it into types,
// and one TypeScript program per output asserts, model by model, that the type of each schema and
// the generated wire type (`XJson`, or `X` for enums and opaque models) are mutually assignable.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import type { Model } from "../../src/ir/types.js";
import { modulePath } from "../corpora/support.js";

/** What the type check found: how many models it compared, and the models whose types differ. */
export interface TypeAgreement {
  readonly checked: number;
  /** The models whose types are not mutually assignable (sorted doc paths). */
  readonly failures: readonly string[];
  /** The models whose schema type is not assignable to their wire type (a subset of `failures`). */
  readonly notAssignableToWire: readonly string[];
}

/** The options a TypeScript user of openapi-typescript's output would have (no exactOptionalPropertyTypes). */
const OPTIONS: ts.CompilerOptions = {
  strict: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.asynciterable.d.ts"],
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

/** The name of a model's generated module-level type on the wire. */
function wireTypeName(model: Model, module: Record<string, unknown> | null): string {
  void module;
  return model.kind === "object" || model.kind === "union" ? `${model.title}Json` : model.title;
}

/**
 * Runs openapi-typescript on `document` (the exported OpenAPI text) and writes its types into
 * `dir`, the generated output of the same docs; the platform types that mdspec's keywords name
 * (`x-mdspec-external`, `x-mdspec-unrecognized`) are mapped by the documented transform. Then
 * type-checks one file comparing every model and returns the models whose types differ.
 */
export async function checkTypeAgreement(dir: string, models: readonly Model[], document: string): Promise<TypeAgreement> {
  const parsed = JSON.parse(document) as { components: { schemas: Record<string, Record<string, unknown>> } };
  const keyOf = new Map<string, string>();
  for (const [key, schema] of Object.entries(parsed.components.schemas)) keyOf.set(schema["x-mdspec-doc"] as string, key);
  const byKey = new Map(models.map((model) => [keyOf.get(model.id)!, model]));
  const eventImports = new Map<string, string>();
  const ast = await openapiTS(parsed as never, {
    silent: true,
    transform(schema) {
      const record = schema as Record<string, unknown>;
      const external = record["x-mdspec-external"];
      if (typeof external === "string") return externalType(external, record["x-mdspec-event"], byKey, eventImports);
      // openapi-typescript writes an object without properties as `Record<string, never>`; the
      // generated interface of a model without fields is `{}`, as open as any other object type.
      if (record["type"] === "object" && isEmpty(record["properties"]) && (record["additionalProperties"] ?? false) === false && record["not"] === undefined) return ts.factory.createTypeLiteralNode([]);
      if (record["x-mdspec-unrecognized"] === true) {
        return ts.factory.createTypeReferenceNode("Unrecognized", [ts.factory.createKeywordTypeNode(record["type"] === "number" ? ts.SyntaxKind.NumberKeyword : ts.SyntaxKind.StringKeyword)]);
      }
      return undefined;
    },
  });
  const imports = [`import type { AxiosResponseLike, Unrecognized } from "./runtime.js";`, ...[...eventImports].map(([alias, line]) => line.replace("%", alias))];
  writeFileSync(join(dir, "openapi-types.ts"), `${imports.join("\n")}\n${astToString(ast)}`);
  const lines = ['import type { components } from "./openapi-types.js";', "type Assignable<A, B> = [A] extends [B] ? true : false;"];
  const lineModel = new Map<number, { readonly id: string; readonly toWire: boolean }>();
  models.forEach((model, index) => {
    lines.push(`import type { ${wireTypeName(model, null)} as W${index} } from "./${modulePath(model.id).replace(/\.ts$/, ".js")}";`);
  });
  models.forEach((model, index) => {
    const schemaType = `components["schemas"][${JSON.stringify(keyOf.get(model.id))}]`;
    lineModel.set(lines.length + 1, { id: model.id, toWire: true });
    lines.push(`export const a${index}: Assignable<${schemaType}, W${index}> = true;`);
    lineModel.set(lines.length + 1, { id: model.id, toWire: false });
    lines.push(`export const b${index}: Assignable<W${index}, ${schemaType}> = true;`);
  });
  const check = join(dir, "openapi-check.ts");
  writeFileSync(check, `${lines.join("\n")}\n`);
  const program = ts.createProgram([check], OPTIONS);
  const source = program.getSourceFile(check)!;
  const failures = new Set<string>();
  const notAssignableToWire = new Set<string>();
  for (const diagnostic of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
    const line = diagnostic.start === undefined ? 0 : source.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
    const found = lineModel.get(line);
    failures.add(found?.id ?? `openapi-check.ts:${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`);
    if (found?.toWire) notAssignableToWire.add(found.id);
  }
  return { checked: models.length, failures: [...failures].sort(), notAssignableToWire: [...notAssignableToWire].sort() };
}

/** The TypeScript type of a platform value named by `x-mdspec-external`, as the generated code declares it. */
function externalType(name: string, event: unknown, byKey: ReadonlyMap<string, Model>, eventImports: Map<string, string>): ts.TypeNode {
  const reference = (type: string, args?: ts.TypeNode[]) => ts.factory.createTypeReferenceNode(type, args);
  switch (name) {
    case "AxiosResponse":
      return reference("AxiosResponseLike");
    case "ReadableStream<Uint8Array>":
      return reference("ReadableStream", [reference("Uint8Array")]);
    case "EventStream": {
      // The events of a stream are model values (`AsyncIterable<X>`), not wire values.
      const ref = (event as { $ref?: string } | undefined)?.$ref;
      const model = ref === undefined ? undefined : byKey.get(decodeURIComponent(ref.slice("#/components/schemas/".length)));
      if (!model) return reference("AsyncIterable", [ts.factory.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword)]);
      const alias = `E${eventImports.size}`;
      eventImports.set(alias, `import type { ${model.title} as % } from "./${modulePath(model.id).replace(/\.ts$/, ".js")}";`);
      return reference("AsyncIterable", [reference(alias)]);
    }
    default:
      return reference(name);
  }
}

function isEmpty(properties: unknown): boolean {
  return properties === undefined || (typeof properties === "object" && properties !== null && Object.keys(properties).length === 0);
}
