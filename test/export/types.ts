// The type-level check of the exported OpenAPI document: openapi-typescript turns it into types,
// and one TypeScript program per output asserts, model by model, that the type of each schema and
// the generated wire type (`XJson`, or `X` for enums and opaque models) are mutually assignable.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import openapiTS, { type ObjectSubtype, type SchemaObject, type TransformNodeOptions, UNDEFINED, astToString, transformSchemaObject, tsUnion } from "openapi-typescript";
import ts from "typescript";
import type { Model } from "../../src/ir/types.js";
import { modulePath } from "../corpora/support.js";

/** What the type check found: how many models it compared, and the models whose types differ. */
export interface TypeAgreement {
  readonly checked: number;
  /**
   * The models left out because openapi-typescript throws on their schema or on a schema it refers
   * to (sorted doc paths): 7.13, through @redocly/openapi-core's resolver, crashes on a property
   * named like some `Object.prototype` methods (`hasOwnProperty`, `valueOf`, …).
   */
  readonly skipped: readonly string[];
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
 * type-checks one file comparing every model and returns the models whose types differ. Models
 * whose schema openapi-typescript cannot read are left out and named ({@link unreadableSchemas}).
 */
export async function checkTypeAgreement(dir: string, allModels: readonly Model[], document: string): Promise<TypeAgreement> {
  const whole = JSON.parse(document) as Document;
  const keyOf = new Map<string, string>();
  for (const [key, schema] of Object.entries(whole.components.schemas)) keyOf.set(schema["x-mdspec-doc"] as string, key);
  const unreadable = await unreadableSchemas(whole);
  const models = allModels.filter((model) => !unreadable.has(keyOf.get(model.id)!));
  const parsed: Document = { ...whole, components: { ...whole.components, schemas: Object.fromEntries(Object.entries(whole.components.schemas).filter(([key]) => !unreadable.has(key))) } };
  const byKey = new Map(models.map((model) => [keyOf.get(model.id)!, model]));
  const eventImports = new Map<string, string>();
  const ast = await openapiTS(parsed as never, {
    silent: true,
    transform(schema, options) {
      const record = schema as Record<string, unknown>;
      const external = record["x-mdspec-external"];
      if (typeof external === "string") return externalType(external, record["x-mdspec-event"], byKey, eventImports);
      // openapi-typescript writes an object without properties as `Record<string, never>`; the
      // generated interface of a model without fields is `{}`, as open as any other object type.
      if (record["type"] === "object" && isEmpty(record["properties"]) && (record["additionalProperties"] ?? false) === false && record["not"] === undefined) return ts.factory.createTypeLiteralNode([]);
      if (record["x-mdspec-unrecognized"] === true) {
        return ts.factory.createTypeReferenceNode("Unrecognized", [ts.factory.createKeywordTypeNode(record["type"] === "number" ? ts.SyntaxKind.NumberKeyword : ts.SyntaxKind.StringKeyword)]);
      }
      return typedCatchAll(schema, options);
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
  const skipped = allModels.filter((model) => unreadable.has(keyOf.get(model.id)!)).map((model) => model.id);
  return { checked: models.length, skipped: skipped.sort(), failures: [...failures].sort(), notAssignableToWire: [...notAssignableToWire].sort() };
}

/** An exported OpenAPI document, as the check reads it. */
interface Document {
  readonly components: { readonly schemas: Readonly<Record<string, Record<string, unknown>>> };
}

/**
 * The keys of the schemas openapi-typescript throws on, alone with the schemas they refer to
 * (so also those referring to such a schema): none when it reads the whole document. Found by
 * trying rather than by a list of names, so that the check covers every model again once
 * openapi-typescript reads them.
 */
async function unreadableSchemas(document: Document): Promise<ReadonlySet<string>> {
  const reads = async (schemas: Record<string, unknown>) => {
    try {
      await openapiTS({ ...document, components: { schemas } } as never, { silent: true });
      return true;
    } catch {
      return false;
    }
  };
  const all = document.components.schemas;
  if (await reads(all)) return new Set();
  const unreadable = new Set<string>();
  for (const key of Object.keys(all)) {
    const closure = new Set([key]);
    for (const current of closure) {
      for (const ref of references(all[current])) closure.add(decodeURIComponent(ref.slice("#/components/schemas/".length)));
    }
    if (!(await reads(Object.fromEntries([...closure].map((name) => [name, all[name]]))))) unreadable.add(key);
  }
  return unreadable;
}

/** Every `$ref` inside a schema. */
function references(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(references);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => (key === "$ref" && typeof item === "string" ? [item] : references(item)));
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

/**
 * The type of an object with properties and a catch-all of typed values, as an interface must
 * declare it: its index signature covers the declared properties too (TypeScript's rule), as the
 * generated `XJson`'s does. openapi-typescript writes `{ a: string } & { [key: string]: number }`
 * instead, a type no object literal can be assigned to; with the declared properties' types (and
 * `undefined` for an optional one) in the index signature, it can. The schema is not changed: it
 * keeps saying, exactly, which values the undeclared keys take. Undefined for other schemas.
 */
function typedCatchAll(schema: SchemaObject, options: TransformNodeOptions): ts.TypeNode | undefined {
  if (!("type" in schema) || schema.type !== "object") return undefined;
  const extras = (schema as ObjectSubtype).additionalProperties;
  const properties = Object.entries((schema as ObjectSubtype).properties ?? {});
  if (typeof extras !== "object" || Object.keys(extras).length === 0 || properties.length === 0) return undefined;
  // The declared properties as openapi-typescript writes them, and beside them the index signature.
  const declared = transformSchemaObject({ ...schema, additionalProperties: undefined } as SchemaObject, options);
  const values = [extras as SchemaObject, ...properties.map(([, property]) => property)].map((value) => transformSchemaObject(value, options));
  if (properties.some(([key]) => !((schema as ObjectSubtype).required ?? []).includes(key))) values.push(UNDEFINED);
  const key = ts.factory.createParameterDeclaration(undefined, undefined, "key", undefined, ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword));
  const index = ts.factory.createTypeLiteralNode([ts.factory.createIndexSignature(undefined, [key], tsUnion(values))]);
  return ts.factory.createIntersectionTypeNode([declared, index]);
}

function isEmpty(properties: unknown): boolean {
  return properties === undefined || (typeof properties === "object" && properties !== null && Object.keys(properties).length === 0);
}
