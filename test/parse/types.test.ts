import { describe, expect, it } from "vitest";
import type { Span, TypeNode } from "../../src/ir/types.js";
import { parseFixture } from "../helpers.js";
import { fixtureText, spanIn, spanOf } from "./positions.js";

const MDN = "https://developer.mozilla.org/en-US/docs";
const MDN_DATE = `${MDN}/Web/JavaScript/Reference/Global_Objects/Date`;

/** Parses a fixture that must be a clean object doc and returns its field types by name. */
function fieldTypes(name: string): { types: Record<string, TypeNode>; at: (line: number, column: number, length: number) => Span } {
  const { model, diagnostics } = parseFixture(name);
  expect(diagnostics).toEqual([]);
  if (model?.kind !== "object") throw new Error(`${name} did not parse as an object doc`);
  const text = fixtureText(name);
  return {
    types: Object.fromEntries(model.fields.map((field) => [field.name, field.type])),
    at: (line, column, length) => spanIn(text, line, column, length),
  };
}

describe("Type column", () => {
  it("reads the primitives *string* *number* *boolean* *any* *BigInt* *Decimal*", () => {
    const { types, at } = fieldTypes("types-primitives");
    expect(types).toEqual({
      s: { kind: "primitive", name: "string", span: at(7, 9, 8) },
      n: { kind: "primitive", name: "number", span: at(8, 9, 8) },
      b: { kind: "primitive", name: "boolean", span: at(9, 9, 9) },
      a: { kind: "primitive", name: "any", span: at(10, 9, 5) },
      big: { kind: "primitive", name: "bigint", span: at(11, 11, 8) },
      dec: { kind: "primitive", name: "decimal", span: at(12, 11, 9) },
    });
  });

  it("reads the external types: Response, AxiosResponse (also the AxiosResponse> typo), streams, bytes, Request, EventStream", () => {
    const { types, at } = fieldTypes("types-externals");
    expect(types).toEqual({
      rawResponse: { kind: "external", name: "Response", span: at(7, 19, 69) },
      axios: { kind: "external", name: "AxiosResponse", span: at(8, 13, 55) },
      axiosTypo: { kind: "external", name: "AxiosResponse", span: at(9, 17, 56) },
      stream: { kind: "external", name: "ReadableStream<Uint8Array>", span: at(10, 14, 28) },
      bytes: { kind: "external", name: "Uint8Array", span: at(11, 13, 12) },
      request: { kind: "external", name: "Request", span: at(12, 15, 9) },
      events: {
        kind: "event-stream",
        // The event type's text `shared.JsonEvent` starts 13 characters into `*EventStream<shared.JsonEvent>*`.
        event: { kind: "ref", via: { form: "name", namespace: "shared", name: "JsonEvent" }, target: null, span: at(13, 27, 16) },
        span: at(13, 14, 31),
      },
    });
  });

  it("reads date-time [Date](MDN) and date-only [RFCDate](…rfcdate.md) / [Date](…rfcdate.md), in arrays and records", () => {
    const { types, at } = fieldTypes("types-dates");
    expect(types).toEqual({
      at: { kind: "date-time", span: at(7, 10, 93) },
      day: { kind: "date", span: at(8, 11, 33) },
      plexDay: { kind: "date", span: at(9, 15, 30) },
      days: { kind: "array", element: { kind: "date", span: at(10, 12, 36) }, span: at(10, 12, 38) },
      byKey: { kind: "record", value: { kind: "date-time", span: at(11, 28, 93) }, span: at(11, 13, 109) },
    });
  });

  it("reads links [ns.X](rel) and unprefixed [X](rel), with [] and [][] suffixes, keeping the URL and text as written", () => {
    const { types, at } = fieldTypes("types-links");
    const link = (url: string, text: string, span: Span): TypeNode => ({ kind: "ref", via: { form: "link", url, text }, target: null, span });
    expect(types).toEqual({
      step: link("../../models/shared/currentstep.md", "models.CurrentStep", at(7, 12, 56)),
      body: link("../../models/operations/createlocallobbyrequestbody.md", "CreateLocalLobbyRequestBody", at(8, 12, 85)),
      fields: { kind: "array", element: link("../../models/shared/fields.md", "models.Fields", at(9, 14, 46)), span: at(9, 14, 48) },
      tags: {
        kind: "array",
        element: link("../../models/shared/buildregionalcontainertags.md", "BuildRegionalContainerTags", at(10, 12, 79)),
        span: at(10, 12, 81),
      },
      grid: {
        kind: "array",
        element: { kind: "array", element: link("../../../sdk/models/shared/cell.md", "shared.Cell", at(11, 12, 49)), span: at(11, 12, 51) },
        span: at(11, 12, 53),
      },
      flat: link("../models/thing.md", "models.Thing", at(12, 12, 34)),
    });
  });

  it("reads arrays of primitives, including [][]", () => {
    const { types, at } = fieldTypes("types-arrays");
    expect(types).toEqual({
      strings: { kind: "array", element: { kind: "primitive", name: "string", span: at(7, 15, 8) }, span: at(7, 15, 10) },
      numbers: { kind: "array", element: { kind: "primitive", name: "number", span: at(8, 15, 8) }, span: at(8, 15, 10) },
      flags: { kind: "array", element: { kind: "primitive", name: "boolean", span: at(9, 13, 9) }, span: at(9, 13, 11) },
      anys: { kind: "array", element: { kind: "primitive", name: "any", span: at(10, 12, 5) }, span: at(10, 12, 7) },
      matrix: {
        kind: "array",
        element: { kind: "array", element: { kind: "primitive", name: "string", span: at(11, 14, 8) }, span: at(11, 14, 10) },
        span: at(11, 14, 12),
      },
      bigs: { kind: "array", element: { kind: "primitive", name: "bigint", span: at(12, 12, 8) }, span: at(12, 12, 10) },
      decs: { kind: "array", element: { kind: "primitive", name: "decimal", span: at(13, 12, 9) }, span: at(13, 12, 11) },
    });
  });

  it("reads Record<string, …> with any value type, nested, and as an array element", () => {
    const { types, at } = fieldTypes("types-records");
    expect(types).toEqual({
      meta: { kind: "record", value: { kind: "primitive", name: "any", span: at(7, 27, 5) }, span: at(7, 12, 21) },
      lists: {
        kind: "record",
        value: { kind: "array", element: { kind: "primitive", name: "string", span: at(8, 28, 8) }, span: at(8, 28, 10) },
        span: at(8, 13, 26),
      },
      refs: {
        kind: "record",
        value: {
          kind: "ref",
          via: { form: "link", url: "../../models/components/webhooksupportresources.md", text: "components.WebhookSupportResources" },
          target: null,
          span: at(9, 27, 88),
        },
        span: at(9, 12, 104),
      },
      nested: {
        kind: "record",
        value: {
          kind: "record",
          value: { kind: "ref", via: { form: "link", url: "../../models/shared/volume.md", text: "shared.Volume" }, target: null, span: at(10, 44, 46) },
          span: at(10, 29, 62),
        },
        span: at(10, 14, 78),
      },
      rows: {
        kind: "array",
        element: { kind: "record", value: { kind: "primitive", name: "any", span: at(11, 27, 5) }, span: at(11, 12, 21) },
        span: at(11, 12, 23),
      },
      unions: {
        kind: "record",
        value: { kind: "ref", via: { form: "name", namespace: "components", name: "DocumentOrErrorUnion" }, target: null, span: at(12, 29, 33) },
        span: at(12, 14, 49),
      },
      deep: {
        kind: "array",
        element: {
          kind: "record",
          value: { kind: "record", value: { kind: "primitive", name: "number", span: at(13, 42, 8) }, span: at(13, 27, 24) },
          span: at(13, 12, 40),
        },
        span: at(13, 12, 42),
      },
      refLists: {
        kind: "record",
        value: {
          kind: "array",
          element: { kind: "ref", via: { form: "link", url: "../../models/shared/port.md", text: "Port" }, target: null, span: at(14, 31, 35) },
          span: at(14, 31, 37),
        },
        span: at(14, 16, 53),
      },
    });
  });

  it("reads the inline union [File](MDN) \\| [Blob](MDN) \\| [ns.X](rel)", () => {
    const { types } = fieldTypes("types-inline-union");
    const text = fixtureText("types-inline-union");
    const file = `[File](${MDN}/Web/API/File)`;
    const blob = `[Blob](${MDN}/Web/API/Blob)`;
    const ref = "[operations.FileT](../../models/operations/filet.md)";
    expect(types).toEqual({
      file: {
        kind: "union",
        members: [
          { kind: "external", name: "File", span: spanOf(text, 7, file) },
          { kind: "external", name: "Blob", span: spanOf(text, 7, blob) },
          { kind: "ref", via: { form: "link", url: "../../models/operations/filet.md", text: "operations.FileT" }, target: null, span: spanOf(text, 7, ref) },
        ],
        span: spanOf(text, 7, `${file} \\| ${blob} \\| ${ref}`),
      },
    });
  });

  it("reads italic names *ns.X* and *X*, with array suffixes", () => {
    const { types, at } = fieldTypes("types-names");
    const name = (namespace: string | null, n: string, span: Span): TypeNode => ({
      kind: "ref",
      via: { form: "name", namespace, name: n },
      target: null,
      span,
    });
    expect(types).toEqual({
      createdBy: name("components", "CreatedBy", at(7, 17, 22)),
      fields: { kind: "array", element: name("components", "Fields", at(8, 14, 19)), span: at(8, 14, 21) },
      series: {
        kind: "array",
        element: { kind: "array", element: name("components", "TimeSeriesMetricValue2", at(9, 14, 35)), span: at(9, 14, 37) },
        span: at(9, 14, 39),
      },
      detail: { kind: "array", element: name(null, "ValidationError", at(10, 14, 17)), span: at(10, 14, 19) },
      error: name("errors", "ErrorResponse", at(11, 13, 22)),
    });
  });

  it('reads the literal types *"click"*, *true*, *false*', () => {
    const { types, at } = fieldTypes("types-literals");
    expect(types).toEqual({
      event: { kind: "literal", value: "click", span: at(7, 13, 9) },
      type: { kind: "literal", value: "agent.handoff.done", span: at(8, 12, 22) },
      stream: { kind: "literal", value: true, span: at(9, 14, 6) },
      cached: { kind: "literal", value: false, span: at(10, 14, 7) },
    });
  });
});
