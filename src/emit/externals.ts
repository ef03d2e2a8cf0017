import type { ExternalName } from "../ir/types.js";

/**
 * How each non-JSON type of the docs is declared in the generated code: a platform global (with
 * its type arguments), or a type exported by the runtime. This is the documented mapping of
 * DESIGN.md section 3; nothing maps to `any`.
 */
export const EXTERNAL_TYPES: Readonly<Record<ExternalName, { readonly global?: string; readonly runtime?: string; readonly args?: string }>> = {
  Response: { global: "Response" },
  Request: { global: "Request" },
  File: { global: "File" },
  Blob: { global: "Blob" },
  Uint8Array: { global: "Uint8Array" },
  "ReadableStream<Uint8Array>": { global: "ReadableStream", args: "<Uint8Array>" },
  AxiosResponse: { runtime: "AxiosResponseLike" },
};
