/**
 * The programmatic API of mdspec. `generate` turns a docs folder into files, diagnostics and the
 * IR (and, when asked, the models as an OpenAPI document and a JSON Schema bundle) without
 * writing anything; `writeOutput` writes them (atomically, with the manifest);
 * `diffOutput` and `diffShapes` tell what drifted; `defineConfig` types a config file.
 */
export { defineConfig, type MdspecConfig } from "./config.js";
export {
  type ExportFile,
  type FileSink,
  type GenerateCache,
  type GeneratedFile,
  type GenerateFromDocsOptions,
  type GenerateOptions,
  type GenerateResult,
  type ProgressEvent,
  type Timings,
  generate,
  generateFromDocs,
  readRuntimeTemplate,
} from "./generate.js";
export type { AnyType, EmitOptions, EnumStyle, NullPolicy, UnknownKeys, WireCase, WireNames, WireOverrides } from "./emit/options.js";
export { CODES, type DiagnosticCode } from "./ir/codes.js";
export { type ModelShape, type ShapeChange, diffShapes, schemaShapes } from "./ir/shape.js";
export type * from "./ir/types.js";
export { IR_VERSION } from "./ir/types.js";
export { type Drift, OutputStaging, type WriteSummary, diffOutput, readManifest, writeOutput } from "./write/output.js";
export { type DocFile, readDocs } from "./write/read-docs.js";
