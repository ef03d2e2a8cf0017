import { describe, expect, it } from "vitest";
import { resolveSchema } from "../../src/ir/resolve.js";
import type { Model } from "../../src/ir/types.js";
import { parseDoc } from "../../src/parse/doc.js";
import { loadRoot } from "./load.js";

/** An expected resolver error. */
function error(file: string, code: string, line: number, column: number, message: string) {
  return { file, line, column, severity: "error", code, message: expect.stringContaining(message) };
}

describe("links", () => {
  it("resolves links that climb above the root and come back (../../models/<ns>/x.md from <ns>/)", () => {
    const root = loadRoot("census", "/repo/docs/models");
    expect(root.parseDiagnostics).toEqual([]);
    expect(root.diagnostics).toEqual([]);
    expect(root.fieldType("shared/syncrun.md", "status")).toMatchObject({
      kind: "ref",
      via: { form: "link", url: "../../models/shared/syncrunstatus.md", text: "models.SyncRunStatus" },
      target: "shared/syncrunstatus.md",
    });
    expect(root.fieldType("shared/syncrun.md", "runs")).toMatchObject({
      kind: "array",
      element: { kind: "ref", target: "shared/syncrun.md" },
    });
    // Across folders: the `models.` prefix names no folder, the URL decides.
    expect(root.fieldType("operations/getsyncrunresponse.md", "syncRun")).toMatchObject({ target: "shared/syncrun.md" });
    expect(root.fieldType("operations/getsyncrunresponse.md", "error")).toMatchObject({ target: "errors/error.md" });
    // An unprefixed v1a link into the doc's own namespace.
    expect(root.fieldType("operations/getsyncrunresponse.md", "request")).toMatchObject({
      via: { form: "link", text: "GetSyncRunRequest" },
      target: "operations/getsyncrunrequest.md",
    });
    expect(root.fieldType("operations/getsyncrunresponse.md", "rawResponse")).toMatchObject({ kind: "external", name: "AxiosResponse" });
  });

  it("resolves ../../../sdk/models/<ns>/x.md links of the sdk/models layout", () => {
    const root = loadRoot("sdk", "/repo/docs/sdk/models");
    expect(root.diagnostics).toEqual([]);
    expect(root.fieldType("shared/a.md", "b")).toMatchObject({ kind: "ref", target: "shared/b.md" });
  });

  it("resolves the flat layout: ../models/x.md from the root and ../../models/x.md from a subfolder", () => {
    const root = loadRoot("flat", "/repo/docs/models");
    expect(root.diagnostics).toEqual([]);
    expect(root.fieldType("a.md", "b")).toMatchObject({ kind: "ref", target: "b.md" });
    expect(root.fieldType("operations/c.md", "a")).toMatchObject({ kind: "ref", target: "a.md" });
  });

  it("reports a link leaving the root (MDS204), to a missing doc (MDS201), to a skipped doc (MDS201), and an unknown name (MDS202)", () => {
    const root = loadRoot("broken", "/repo/docs/models");
    expect(root.nonModelPaths).toEqual(["utils/retryconfig.md"]);
    const file = "shared/broken.md";
    expect(root.diagnostics).toEqual([
      error(file, "MDS204", 7, 15, "../../other/outside.md"),
      error(file, "MDS201", 8, 15, "shared/missing.md"),
      error(file, "MDS201", 9, 13, "not a model doc"),
      error(file, "MDS202", 10, 27, "components.Nope"),
    ]);
    for (const field of ["outside", "missing", "retry"]) {
      expect(root.fieldType(file, field)).toMatchObject({ kind: "ref", target: null });
    }
    expect(root.fieldType(file, "nope")).toMatchObject({ kind: "record", value: { kind: "ref", target: null } });
    expect(root.fieldType(file, "ok")).toMatchObject({ kind: "ref", target: "shared/fine.md" });
  });
});

describe("names", () => {
  it("resolves *ns.X* through the namespace map the link prefixes establish (models. -> shared/, then errors/)", () => {
    const root = loadRoot("census", "/repo/docs/models");
    expect(root.diagnostics).toEqual([]);
    expect(root.fieldType("operations/getsyncrunresponse.md", "source")).toMatchObject({
      kind: "ref",
      via: { form: "name", namespace: "models", name: "Source" },
      target: "shared/source.md",
    });
    // `models.` links point into shared/ (most) and errors/: a name found only in errors/ resolves there.
    expect(root.fieldType("operations/getsyncrunresponse.md", "fallback")).toMatchObject({
      via: { form: "name", namespace: "models", name: "Error" },
      target: "errors/error.md",
    });
  });

  it("resolves *ns.X*, Record values, EventStream events and union headings through a folder named ns", () => {
    const root = loadRoot("zod", "/repo/docs/models");
    expect(root.parseDiagnostics).toEqual([]);
    expect(root.diagnostics).toEqual([]);
    expect(root.fieldType("components/pet.md", "animal")).toMatchObject({ kind: "ref", target: "components/animal.md" });
    expect(root.fieldType("components/pet.md", "byName")).toMatchObject({
      kind: "record",
      value: { kind: "array", element: { kind: "ref", target: "components/animal.md" } },
    });
    expect(root.fieldType("components/pet.md", "born")).toMatchObject({ kind: "date" });
    expect(root.fieldType("components/pet.md", "events")).toMatchObject({
      kind: "event-stream",
      event: { kind: "ref", target: "components/event.md" },
    });
    expect(root.model("components/animal.md")).toMatchObject({
      kind: "union",
      members: [
        { type: { kind: "ref", target: "components/cat.md" } },
        { type: { kind: "array", element: { kind: "ref", target: "components/dog.md" } } },
      ],
    });
    expect(root.fieldType("operations/getpetresponse.md", "pet")).toMatchObject({ target: "components/pet.md" });
  });

  it("resolves an unprefixed *X* in the doc's own folder", () => {
    const root = loadRoot("zod", "/repo/docs/models");
    expect(root.fieldType("errors/httpvalidationerror.md", "detail")).toMatchObject({
      kind: "array",
      element: { kind: "ref", via: { form: "name", namespace: null, name: "ValidationError" }, target: "errors/validationerror.md" },
    });
  });

  it("resolves the same title in two folders by URL and by namespace, without a clash", () => {
    const root = loadRoot("same-title", "/repo/docs/models");
    expect(root.diagnostics).toEqual([]);
    expect(root.fieldType("operations/listdomainsresponse.md", "object")).toMatchObject({ target: "components/domains.md" });
    expect(root.fieldType("operations/listdomainsresponse.md", "result")).toMatchObject({
      via: { form: "name", namespace: "operations", name: "Domains" },
      target: "operations/domains.md",
    });
    expect(root.model("operations/domains.md")).toMatchObject({
      kind: "union",
      members: [{ type: { kind: "array", element: { kind: "ref", target: "components/domains.md" } } }, { type: { kind: "primitive" } }],
    });
  });
});

describe("bare names in another folder", () => {
  const doc = (path: string, text: string) => parseDoc(path, text, "java").model!;
  const stream = "# ChatResponse\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `events` | *Optional\\<EventStream\\<ChatEvent>>* | :heavy_minus_sign: | N/A |\n";
  const event = "# ChatEvent\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `data` | *String* | :heavy_check_mark: | N/A |\n";

  it("resolve to the one folder holding a doc of that title (Java's EventStream\\<X> in an operations doc)", () => {
    const { schema, diagnostics } = resolveSchema([doc("operations/ChatResponse.md", stream), doc("shared/ChatEvent.md", event)]);
    expect(diagnostics).toEqual([]);
    const response = schema.models.find((model) => model.id === "operations/ChatResponse.md");
    expect(response?.kind === "object" && response.fields[0]!.type).toMatchObject({ kind: "event-stream", event: { kind: "ref", target: "shared/ChatEvent.md" } });
  });

  it("are an error (MDS202) when several folders hold a doc of that title", () => {
    const { diagnostics } = resolveSchema([doc("operations/ChatResponse.md", stream), doc("shared/ChatEvent.md", event), doc("webhooks/ChatEvent.md", event)]);
    expect(diagnostics).toEqual([error("operations/ChatResponse.md", "MDS202", 7, 38, "may name any of shared/ChatEvent.md, webhooks/ChatEvent.md")]);
  });
});

describe("schema", () => {
  it("reports two docs of one folder with the same title (MDS203) on the second by id", () => {
    const root = loadRoot("duplicate-title", "/repo/docs/models");
    expect(root.diagnostics).toEqual([error("shared/thing2.md", "MDS203", 1, 1, "shared/thing.md")]);
  });

  it("sorts models by id and stamps the IR version", () => {
    const root = loadRoot("census", "/repo/docs/models");
    expect(root.schema.version).toBe(3);
    expect(root.schema.models.map((model) => model.id)).toEqual([
      "errors/error.md",
      "operations/getsyncrunrequest.md",
      "operations/getsyncrunresponse.md",
      "shared/source.md",
      "shared/syncrun.md",
      "shared/syncrunstatus.md",
    ]);
  });

  it("sorts ids by code unit, not by locale", () => {
    const doc = (id: string, title: string): Model => parseDoc(id, `# ${title}`).model!;
    const { schema } = resolveSchema([doc("b.md", "B"), doc("a/z.md", "Z"), doc("B.md", "BB"), doc("a.md", "A")], [], "/docs");
    expect(schema.models.map((model) => model.id)).toEqual(["B.md", "a.md", "a/z.md", "b.md"]);
  });

  it("does not change models that need no resolution", () => {
    const parsed = parseDoc("shared/status.md", "# Status\n\n## Values\n\n| Name | Value |\n| ---- | ----- |\n| `A` | a |").model!;
    const { schema, diagnostics } = resolveSchema([parsed], [], "/docs/models");
    expect(diagnostics).toEqual([]);
    expect(schema.models).toEqual([parsed]);
  });
});
