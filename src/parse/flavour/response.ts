import type { Field, Model, ObjectModel, TypeNode, UnionMember } from "../../ir/types.js";

/** The raw HTTP response row of a response or error (`rawResponse` once named as in TypeScript). */
function isRawResponseRow(field: Field): boolean {
  return field.name === "rawResponse" && field.type.kind === "external" && field.type.name === "Response";
}

/** The content type and status code rows that go with a raw response row. */
function isStatusRow(field: Field): boolean {
  return (
    (field.name === "contentType" && field.type.kind === "primitive" && field.type.name === "string") ||
    (field.name === "statusCode" && field.type.kind === "primitive" && field.type.name === "number")
  );
}

/** The row holding a response's headers: `Headers` typed as a map of string lists. */
function isHeadersRow(field: Field): boolean {
  return field.name === "headers" && field.type.kind === "record";
}

/**
 * Turns an operation response of an SDK that wraps every response in an envelope (Go, Java, C#,
 * PHP, Ruby) into
 * what the TypeScript SDK declares. The envelope rows come with the TypeScript property names the
 * flavour gives them (`contentType`, `statusCode`, `rawResponse`), then a `headers` row when the
 * operation documents response headers, then one optional row per response body:
 *
 * ```markdown
 * | `ContentType` | *string*                         | :heavy_check_mark: | HTTP response content type for this operation |
 * | `StatusCode`  | *int*                            | :heavy_check_mark: | HTTP response status code for this operation  |
 * | `RawResponse` | [HttpResponseMessage](https://…) | :heavy_check_mark: | Raw HTTP response; suitable for custom response parsing |
 * | `Res`         | [ListRes](../../Models/Operations/ListRes.md) | :heavy_minus_sign: | OK |
 * ```
 *
 * A TypeScript SDK returns the body itself, and declares a response model only to add the
 * headers or to wrap a paginated body: `{ headers, result }`. So a doc with the envelope becomes
 * the union of its bodies when it has two or more and no headers, and otherwise an object with
 * its headers and a required `result` holding the body (or the union of the bodies). A raw
 * response row in any other doc (an error's `RawResponse`) is left out. Any other object is kept
 * as written.
 */
export function reshapeResponse(model: ObjectModel): Model {
  const raw = model.fields.some(isRawResponseRow);
  const envelope = raw && model.fields.filter(isStatusRow).length === 2;
  if (!envelope) return raw ? { ...model, fields: model.fields.filter((field) => !isRawResponseRow(field)) } : model;
  const isEnvelopeRow = (field: Field) => isRawResponseRow(field) || isStatusRow(field);
  const bodies = model.fields.filter((field) => !isEnvelopeRow(field) && !isHeadersRow(field));
  const headers = model.fields.filter(isHeadersRow);
  if (headers.length === 0 && bodies.length > 1) {
    const members: UnionMember[] = bodies.map((body) => ({ type: body.type, example: null, span: body.span }));
    const { fields: _fields, additionalProperties: _additional, ...common } = model;
    return { ...common, kind: "union", members };
  }
  const fields: Field[] = [];
  for (const field of model.fields) {
    if (isHeadersRow(field)) fields.push(field);
    else if (field === bodies[0]) fields.push(resultField(bodies));
  }
  return { ...model, fields };
}

/** The `result` of a TypeScript response model: the body, required, or the union of the bodies. */
function resultField(bodies: readonly Field[]): Field {
  const first = bodies[0]!;
  const type: TypeNode = bodies.length === 1 ? first.type : { kind: "union", members: bodies.map((body) => body.type), span: first.type.span };
  return {
    name: "result",
    docName: first.docName,
    type,
    required: true,
    nullable: false,
    deprecated: bodies.every((body) => body.deprecated),
    description: bodies.length === 1 ? first.description : null,
    example: null,
    span: first.span,
  };
}
