// Non-JSON types (Response, Request, Blob, File, ReadableStream, Uint8Array, AxiosResponse, event
// streams): passed through decode and serialize unchanged (same instance), checked by class when
// the platform has the class.
import { afterEach, describe, expect, it } from "vitest";
import { parseListChargesResponse, safeParseListChargesResponse, serializeListChargesResponse, isListChargesResponse } from "../../generated/ledgerly/sdk/models/operations/listchargesresponse.js";
import { isGetSyncRunResponse, parseGetSyncRunResponse, safeParseGetSyncRunResponse, serializeGetSyncRunResponse } from "../../generated/models/operations/getsyncrunresponse.js";
import { parseUploadSeedFileRequestBody, safeParseUploadSeedFileRequestBody } from "../../generated/models/operations/uploadseedfilerequestbody.js";
import type { AxiosResponseLike } from "../../generated/runtime.js";
import { isFileT, parseFileT, safeParseFileT, serializeFileT } from "../../generated/zod/models/components/filet.js";
import { isHTTPMetadata, parseHTTPMetadata, safeParseHTTPMetadata } from "../../generated/zod/models/components/httpmetadata.js";
import { parsePayloadBody } from "../../generated/zod/models/components/payloadbody.js";
import { parseStreamAgentResponse, safeParseStreamAgentResponse } from "../../generated/zod/models/operations/streamagentresponse.js";
import {
  isUploadAttachmentRequest,
  parseUploadAttachmentRequest,
  safeParseUploadAttachmentRequest,
  serializeUploadAttachmentRequest,
} from "../../generated/zod/models/operations/uploadattachmentrequest.js";
import { issueSummary } from "./support.js";

describe("Response and Request", () => {
  it("pass through decode and serialize as the same instance", () => {
    const response = new Response('{"data": []}', { status: 200 });
    const decoded = parseListChargesResponse({ contentType: "application/json", statusCode: 200, rawResponse: response, data: [] });
    expect(decoded.rawResponse).toBe(response);
    expect(isListChargesResponse(decoded)).toBe(true);
    expect(serializeListChargesResponse(decoded).rawResponse).toBe(response);

    const request = new Request("https://api.example.com/charges");
    const meta = parseHTTPMetadata({ response, request });
    expect(meta.response).toBe(response);
    expect(meta.request).toBe(request);
    expect(isHTTPMetadata(meta)).toBe(true);
  });

  it("reject a plain object or a JSON value where the platform class belongs", () => {
    for (const value of [{}, { status: 200 }, "response", 200]) {
      expect(issueSummary(safeParseListChargesResponse({ contentType: "a", statusCode: 200, rawResponse: value })), JSON.stringify(value)).toEqual([
        { path: ["rawResponse"], code: "invalid_type" },
      ]);
    }
    expect(issueSummary(safeParseHTTPMetadata({ response: new Request("https://x.test/"), request: new Response("") }))).toEqual([
      { path: ["response"], code: "invalid_type" },
      { path: ["request"], code: "invalid_type" },
    ]);
    expect(isHTTPMetadata({ response: {}, request: {} })).toBe(false);
  });
});

describe("Blob, File and ReadableStream", () => {
  it("decode a File | Blob | FileT union field to the very instance given", () => {
    const blob = new Blob(["hello"], { type: "text/plain" });
    const file = new File(["hello"], "hello.txt", { type: "text/plain" });
    for (const value of [blob, file]) {
      const request = parseUploadAttachmentRequest({ conversationId: "c1", file: value });
      expect(request.file).toBe(value);
      expect(serializeUploadAttachmentRequest(request).file).toBe(value);
      expect(isUploadAttachmentRequest(request)).toBe(true);
    }
  });

  it("decode the FileT member with its ReadableStream content unchanged", () => {
    const stream = new ReadableStream<Uint8Array>();
    const request = parseUploadAttachmentRequest({ conversationId: "c1", file: { fileName: "a.txt", content: stream } });
    expect(request.file).toEqual({ fileName: "a.txt", content: stream });
    expect((request.file as { content: unknown }).content).toBe(stream);
    expect(serializeUploadAttachmentRequest(request).file).toEqual({ fileName: "a.txt", content: stream });
  });

  it("reject values that are none of the union's classes", () => {
    for (const value of ["hello", { size: 5 }, new Uint8Array([1]), { fileName: "a.txt", content: "text" }]) {
      expect(issueSummary(safeParseUploadAttachmentRequest({ conversationId: "c1", file: value })), String(value)).toEqual([{ path: ["file"], code: "invalid_union" }]);
    }
  });

  it("check ReadableStream by class", () => {
    const stream = new ReadableStream<Uint8Array>();
    const file = parseFileT({ fileName: "a", content: stream });
    expect(file.content).toBe(stream);
    expect(serializeFileT(file).content).toBe(stream);
    expect(isFileT(file)).toBe(true);
    for (const value of [{}, { getReader: () => null }, "bytes", [1, 2]]) {
      expect(issueSummary(safeParseFileT({ fileName: "a", content: value })), JSON.stringify(value)).toEqual([{ path: ["content"], code: "invalid_type" }]);
    }
    expect(isFileT({ fileName: "a", content: {} })).toBe(false);
  });

  it("pass a stream member of a union through unchanged", () => {
    const stream = new ReadableStream<Uint8Array>();
    expect(parsePayloadBody(stream)).toBe(stream);
  });
});

describe("Uint8Array", () => {
  it("passes a Uint8Array (and a Buffer, its subclass) through unchanged and rejects arrays of numbers", () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(parseUploadSeedFileRequestBody({ content: bytes, fileName: "seed.csv" }).content).toBe(bytes);
    const buffer = Buffer.from("a,b\n");
    expect(parseUploadSeedFileRequestBody({ content: buffer, fileName: "seed.csv" }).content).toBe(buffer);
    for (const value of [[1, 2, 3], "AQID", new Uint16Array([1])]) {
      expect(issueSummary(safeParseUploadSeedFileRequestBody({ content: value, fileName: "seed.csv" })), String(value)).toEqual([{ path: ["content"], code: "invalid_type" }]);
    }
  });
});

describe("AxiosResponse (AxiosResponseLike)", () => {
  const raw: AxiosResponseLike = { status: 200, statusText: "OK", headers: { "content-type": "application/json" }, data: { id: 94 } };

  it("passes an axios-like response through unchanged, next to decoded fields", () => {
    const decoded = parseGetSyncRunResponse({ contentType: "application/json", statusCode: 200, rawResponse: raw, syncRun: { id: 94, completedAt: "2021-10-20T02:52:29.234Z" } });
    expect(decoded.rawResponse).toBe(raw);
    expect(decoded.syncRun?.completedAt).toEqual(new Date("2021-10-20T02:52:29.234Z"));
    expect(isGetSyncRunResponse(decoded)).toBe(true);
    const wire = serializeGetSyncRunResponse(decoded);
    expect(wire.rawResponse).toBe(raw);
    expect(wire.syncRun?.completedAt).toBe("2021-10-20T02:52:29.234Z");
  });

  it("rejects values that are not response objects", () => {
    for (const value of ["OK", 200, [], { status: "200" }, {}]) {
      expect(issueSummary(safeParseGetSyncRunResponse({ contentType: "a", statusCode: 200, rawResponse: value })), JSON.stringify(value)).toEqual([
        { path: ["rawResponse"], code: "invalid_type" },
      ]);
    }
  });
});

describe("event streams (EventStream<X> -> AsyncIterable<X>)", () => {
  const httpMeta = { response: new Response(""), request: new Request("https://x.test/") };

  it("passes an async iterable through unchanged and rejects other values", async () => {
    async function* events() {
      yield { type: "agent.handoff.done" };
    }
    const stream = events();
    const decoded = parseStreamAgentResponse({ httpMeta, result: stream });
    expect(decoded.result).toBe(stream);
    for (const value of [{}, [1], "data: x"]) {
      expect(issueSummary(safeParseStreamAgentResponse({ httpMeta, result: value })), JSON.stringify(value)).toEqual([{ path: ["result"], code: "invalid_type" }]);
    }
  });
});

describe("a platform without the class", () => {
  const saved = Object.getOwnPropertyDescriptor(globalThis, "ReadableStream");

  afterEach(() => {
    if (saved) Object.defineProperty(globalThis, "ReadableStream", saved);
  });

  it("accepts any object for the missing class (and still rejects non-objects)", () => {
    const fake = { getReader: () => null };
    delete (globalThis as { ReadableStream?: unknown }).ReadableStream;
    expect((globalThis as { ReadableStream?: unknown }).ReadableStream).toBeUndefined();
    expect(parseFileT({ fileName: "a", content: fake }).content).toBe(fake);
    expect(issueSummary(safeParseFileT({ fileName: "a", content: "bytes" }))).toEqual([{ path: ["content"], code: "invalid_type" }]);
  });
});
