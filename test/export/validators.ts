// The validators the exported documents are checked with: a maintained OpenAPI validator for the
// OpenAPI document, and ajv (2020-12 dialect, strict mode, ajv-formats) for the JSON Schema bundle.
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { MDSPEC_KEYWORDS } from "../../src/export/schema.js";

// ajv-formats is CommonJS: its default export is the plugin function.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** The errors of the OpenAPI validator for a document text (empty when it is valid). */
export async function openApiErrors(text: string): Promise<string[]> {
  const result = await new Validator().validate(JSON.parse(text) as Parameters<Validator["validate"]>[0]);
  if (result.valid) return [];
  return (Array.isArray(result.errors) ? result.errors : [result.errors]).map((error) => JSON.stringify(error));
}

/**
 * An ajv instance in strict mode with the formats, knowing mdspec's keywords (`x-mdspec-doc`, …)
 * as a vocabulary, and the bundle added under the id `models`, as docs/openapi.md shows.
 */
export function bundleAjv(text: string): Ajv2020 {
  // ownProperties: a model may have fields named `constructor` or `toString`, which every object
  // inherits; the generated decoders read own properties only, and so must ajv. inlineRefs and
  // optimize off: compiling a thousand schemas takes half the time.
  const ajv = new Ajv2020({ strict: true, ownProperties: true, inlineRefs: false, code: { optimize: false } });
  addFormats(ajv);
  ajv.addVocabulary([...MDSPEC_KEYWORDS]);
  ajv.addSchema(JSON.parse(text) as object, "models");
  return ajv;
}

/** Compiles every schema of a bundle; returns the keys whose schema ajv refuses, with the reason. */
export function uncompiled(text: string): { keys: readonly string[]; failures: string[] } {
  const ajv = bundleAjv(text);
  const keys = Object.keys((JSON.parse(text) as { $defs: object }).$defs);
  const failures: string[] = [];
  for (const key of keys) {
    try {
      if (!ajv.getSchema(`models#/$defs/${key}`)) failures.push(`${key}: not found`);
    } catch (error) {
      failures.push(`${key}: ${(error as Error).message}`);
    }
  }
  return { keys, failures };
}
