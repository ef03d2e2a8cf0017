import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate, generateFromDocs, readRuntimeTemplate } from "../../src/generate.js";
import type { Field, Model } from "../../src/ir/types.js";
import { parseDoc } from "../../src/parse/doc.js";
import { fieldsDoc, onlyFieldOf, parseAs, shape } from "./support.js";
import { detectFlavour } from "../../src/parse/flavour/detect.js";
import { ROOT } from "../helpers.js";

function parseGo(text: string, path = "components/thing.md"): { model: Model | null; codes: string[] } {
  return parseAs("go", text, path);
}

function onlyField(type: string, required = true): Field {
  return onlyFieldOf("go", "components/thing.md", "Value", type, required);
}

const STRING = { kind: "primitive", name: "string" };
const NUMBER = { kind: "primitive", name: "number" };
const OWNER_LINK = { kind: "ref", via: { form: "link", url: "../../models/components/owner.md", text: "components.Owner" }, target: null };

describe("Go docs: Type cells", () => {
  // [cell, type, nullable when required]
  const cases: readonly [string, unknown, boolean][] = [
    // The italic era (to 2026-02): the pointer inside the emphasis.
    ["*string*", STRING, false],
    ["**string*", STRING, true],
    ["*int64*", NUMBER, false],
    ["**int64*", NUMBER, true],
    ["*int*", NUMBER, false],
    ["*float32*", NUMBER, false],
    ["**float64*", NUMBER, true],
    ["*bool*", { kind: "primitive", name: "boolean" }, false],
    ["*any*", { kind: "primitive", name: "any" }, false],
    ["[]*string*", { kind: "array", element: STRING }, false],
    ["[][]*string*", { kind: "array", element: { kind: "array", element: STRING } }, false],
    ["map[string]*any*", { kind: "record", value: { kind: "primitive", name: "any" } }, false],
    ["map[string][]*string*", { kind: "record", value: { kind: "array", element: STRING } }, false],
    ["*[]byte*", { kind: "external", name: "Uint8Array" }, false],
    ["*io.ReadCloser*", { kind: "external", name: "ReadableStream<Uint8Array>" }, false],
    ["**stream.EventStream[shared.Event]*", { kind: "event-stream", event: { kind: "ref", via: { form: "name", namespace: "shared", name: "Event" }, target: null } }, true],
    // The code-span era (from 2026-03).
    ["`string`", STRING, false],
    ["`*string`", STRING, true],
    ["`*float64`", NUMBER, true],
    ["[]`string`", { kind: "array", element: STRING }, false],
    ["map[string]`any`", { kind: "record", value: { kind: "primitive", name: "any" } }, false],
    ["`[]*int64`", { kind: "array", element: NUMBER }, false],
    ["*interface{}*", { kind: "primitive", name: "any" }, false],
    ["map[string]*interface{}*", { kind: "record", value: { kind: "primitive", name: "any" } }, false],
    // Links, in both eras.
    ["[time.Time](https://pkg.go.dev/time#Time)", { kind: "date-time" }, false],
    ["[*time.Time](https://pkg.go.dev/time#Time)", { kind: "date-time" }, true],
    ["[types.Date](../../types/date.md)", { kind: "date" }, false],
    ["[*big.Int](https://pkg.go.dev/math/big#Int)", { kind: "primitive", name: "bigint" }, false],
    ["[*decimal.Big](https://pkg.go.dev/github.com/ericlagergren/decimal#Big)", { kind: "primitive", name: "decimal" }, false],
    ["[*http.Response](https://pkg.go.dev/net/http#Response)", { kind: "external", name: "Response" }, false],
    ["[*http.Request](https://pkg.go.dev/net/http#Request)", { kind: "external", name: "Request" }, false],
    ["[components.Owner](../../models/components/owner.md)", OWNER_LINK, false],
    ["[*components.Owner](../../models/components/owner.md)", { ...OWNER_LINK, via: { ...OWNER_LINK.via, text: "*components.Owner" } }, true],
    ["[][components.Owner](../../models/components/owner.md)", { kind: "array", element: OWNER_LINK }, false],
    ["map[string][components.Owner](../../models/components/owner.md)", { kind: "record", value: OWNER_LINK }, false],
    ["[][*big.Int](https://pkg.go.dev/math/big#Int)", { kind: "array", element: { kind: "primitive", name: "bigint" } }, false],
  ];
  for (const [cell, type, nullable] of cases) {
    it(`reads ${cell}${nullable ? " (a pointer: nullable when required)" : ""}`, () => {
      const required = onlyField(cell, true);
      expect(shape(required.type)).toEqual(type);
      expect(required.nullable).toBe(nullable);
      // On an optional field a pointer says no more than the Required column.
      expect(onlyField(cell, false).nullable).toBe(false);
    });
  }

  it("reads newer SDKs' optionalnullable.OptionalNullable[T] as nullable, also on an optional field", () => {
    const cases: readonly [string, unknown][] = [
      ["optionalnullable.OptionalNullable[`string`]", STRING],
      ["optionalnullable.OptionalNullable[[]`string`]", { kind: "array", element: STRING }],
      ["optionalnullable.OptionalNullable[[time.Time](https://pkg.go.dev/time#Time)]", { kind: "date-time" }],
      ["optionalnullable.OptionalNullable[[][components.Owner](../../models/components/owner.md)]", { kind: "array", element: OWNER_LINK }],
    ];
    for (const [cell, type] of cases) {
      const field = onlyField(cell, false);
      expect(shape(field.type)).toEqual(type);
      expect(field.nullable).toBe(true);
    }
    expect(onlyField("map[string]optionalnullable.OptionalNullable[`string`]", false).nullable).toBe(false);
  });

  it("reports a type outside the grammar with the cell's position", () => {
    const parsed = parseDoc("components/thing.md", fieldsDoc([["Value", "*chan string*", true]]), "go");
    expect(parsed.model).toBeNull();
    expect(parsed.diagnostics).toMatchObject([{ code: "MDS105", line: 8, column: 19, message: expect.stringContaining(`unexpected "string"`) }]);
  });

  it("reports a link to a Go package doc that names no known type", () => {
    const parsed = parseDoc("components/thing.md", fieldsDoc([["Value", "[sync.Mutex](https://pkg.go.dev/sync#Mutex)", true]]), "go");
    expect(parsed.diagnostics).toMatchObject([{ code: "MDS105", message: expect.stringContaining("names no known type") }]);
  });
});

describe("Go docs: names", () => {
  it("turns exported Go names into camelCase with initialisms as ordinary words", () => {
    const rows = ["ID", "PartnerID", "JSON", "JSONFormat", "APIKeyAuth", "HTTPStatus", "OpenIDConnect", "Float32", "Int32Enum", "ConstStrDQuotes", "UTF8Text"];
    const { model } = parseGo(fieldsDoc(rows.map((name) => [name, "*string*", false])));
    expect(model?.kind === "object" && model.fields.map((field) => [field.docName, field.name])).toEqual([
      ["ID", "id"],
      ["PartnerID", "partnerId"],
      ["JSON", "json"],
      ["JSONFormat", "jsonFormat"],
      ["APIKeyAuth", "apiKeyAuth"],
      ["HTTPStatus", "httpStatus"],
      ["OpenIDConnect", "openIdConnect"],
      ["Float32", "float32"],
      ["Int32Enum", "int32Enum"],
      ["ConstStrDQuotes", "constStrDQuotes"],
      ["UTF8Text", "utf8Text"],
    ]);
  });

  it("warns (MDS130) where an initialism after the first word may keep its capitals in TypeScript", () => {
    const parsed = parseDoc("components/thing.md", fieldsDoc([["ImageURL", "*string*", true], ["URLFormat", "*string*", true], ["ID", "*string*", true]]), "go");
    expect(parsed.diagnostics).toMatchObject([{ severity: "warning", code: "MDS130", line: 8, column: 4, message: expect.stringContaining("imageUrl") }]);
    expect(parsed.diagnostics[0]!.message).toContain("imageURL");
  });

  it("names models as the TypeScript SDK does: initialisms as words, its T suffix added", () => {
    const empty = (title: string) => parseGo(fieldsDoc([], title)).model;
    expect(empty("URLEvent")).toMatchObject({ title: "UrlEvent", docTitle: "URLEvent" });
    expect(empty("HTTPBinSimpleJSONObject")).toMatchObject({ title: "HttpBinSimpleJsonObject" });
    expect(empty("File")).toMatchObject({ title: "FileT", docTitle: "File" });
    expect(empty("Account")).not.toHaveProperty("docTitle");
  });

  it("strips the type-name prefix of enum constants", () => {
    const text =
      "# AccessLevel\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `AccessLevelRead` | read |\n| `AccessLevelAdminURL` | admin_url |\n| `Legacy` | legacy |\n| `AccessLevel2` | 2 |\n";
    const { model, codes } = parseGo(text);
    expect(codes).toEqual([]);
    expect(model?.kind === "enum" && model.members.map((member) => [member.name, member.value])).toEqual([
      ["Read", "read"],
      ["AdminUrl", "admin_url"],
      ["Legacy", "legacy"],
      ["AccessLevel2", 2],
    ]);
  });
});

describe("Go docs: open enums", () => {
  it("reads the open-enum comment of the Example Usage", () => {
    const usage = (value: string) =>
      `\n\n## Example Usage\n\n\`\`\`go\nimport (\n\t"github.com/acme/sdk-go/models/components"\n)\n\nvalue := components.SampleModeLog\n\n// Open enum: custom values can be created with a direct type cast\ncustom := components.SampleMode(${value})\n\`\`\`\n\n`;
    const strings = parseGo(`# SampleMode${usage('"custom_value"')}## Values\n\n| Name | Value |\n| --- | --- |\n| \`SampleModeLog\` | log |\n| \`SampleModeSqrt\` | sqrt |\n`);
    expect(strings.codes).toEqual([]);
    expect(strings.model).toMatchObject({ kind: "enum", open: "string", members: [{ name: "Log" }, { name: "Sqrt" }] });
    const numbers = parseGo(`# Width${usage("4242")}## Values\n\n| Name | Value |\n| --- | --- |\n| \`WidthSmall\` | 480 |\n`);
    expect(numbers.model).toMatchObject({ kind: "enum", open: "number" });
    expect(parseGo("# Width\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `WidthSmall` | 480 |\n").model).toMatchObject({ kind: "enum", open: null });
  });
});

describe("Go docs: unions", () => {
  const union = (body: string) => parseGo(`# CreatedBy\n\n\n## Supported Types\n\n${body}`);
  const member = (heading: string, argument: string) => `### ${heading}\n\n\`\`\`go\ncreatedBy := shared.CreateCreatedByX(${argument}{/* values here */})\n\`\`\`\n\n`;

  it("takes each member's type from the argument of its constructor call", () => {
    const { model, codes } = union(
      member("", "string") +
        member("", "int64") +
        member("ExampleBoat", "shared.ExampleBoat") +
        member("", "[]shared.Enum") +
        member("", "map[string]any") +
        member("", "*big.Int") +
        member("", "time.Time"),
    );
    expect(codes).toEqual([]);
    expect(model?.kind === "union" && model.members.map((entry) => shape(entry.type))).toEqual([
      STRING,
      NUMBER,
      { kind: "ref", via: { form: "name", namespace: "shared", name: "ExampleBoat" }, target: null },
      { kind: "array", element: { kind: "ref", via: { form: "name", namespace: "shared", name: "Enum" }, target: null } },
      { kind: "record", value: { kind: "primitive", name: "any" } },
      { kind: "primitive", name: "bigint" },
      { kind: "date-time" },
    ]);
  });

  it("reads the constructor call without an assignment, and ignores ## Union Discrimination", () => {
    const text =
      "### \n\n```go\ncomponents.CreateCreatedByStr(string{/* values here */})\n```\n\n## Union Discrimination\n\n```go\nswitch createdBy.Type {\n\tcase components.CreatedByTypeStr:\n}\n```\n";
    const { model, codes } = union(text);
    expect(codes).toEqual([]);
    expect(model?.kind === "union" && model.members.map((entry) => shape(entry.type))).toEqual([STRING]);
  });

  it("reads a member heading alone when there is no code block", () => {
    const { model } = union("### SimpleObject\n\n### Other\n");
    expect(model?.kind === "union" && model.members.map((entry) => shape(entry.type))).toEqual([
      { kind: "ref", via: { form: "name", namespace: null, name: "SimpleObject" }, target: null },
      { kind: "ref", via: { form: "name", namespace: null, name: "Other" }, target: null },
    ]);
  });

  it("reports an empty heading without a constructor call", () => {
    const parsed = parseDoc("components/createdby.md", "# CreatedBy\n\n## Supported Types\n\n### \n\n```go\n// nothing\n```\n", "go");
    expect(parsed.model).toBeNull();
    expect(parsed.diagnostics).toMatchObject([{ code: "MDS120", line: 5, column: 1, message: expect.stringContaining("constructor call") }]);
  });
});

describe("Go docs: operation responses", () => {
  const ENVELOPE: readonly (readonly [string, string, boolean])[] = [
    ["ContentType", "*string*", true],
    ["StatusCode", "*int*", true],
    ["RawResponse", "[*http.Response](https://pkg.go.dev/net/http#Response)", true],
  ];
  const RES: readonly [string, string, boolean] = ["Res", "[*operations.ListRes](../../models/operations/listres.md)", false];
  const TEXT: readonly [string, string, boolean] = ["Res", "**string*", false];
  const OBJECT: readonly [string, string, boolean] = ["Object", "map[string]*any*", false];
  const HEADERS: readonly [string, string, boolean] = ["Headers", "map[string][]*string*", true];
  const response = (rows: readonly (readonly [string, string, boolean])[]) => parseGo(fieldsDoc(rows, "ListResponse"), "operations/listresponse.md").model;

  it("turns the body of a response into the required result of the TypeScript SDK, without the envelope", () => {
    const model = response([...ENVELOPE, RES]);
    if (model?.kind !== "object") throw new Error("not an object");
    expect(model.fields.map((field) => [field.name, field.docName, field.required, field.nullable])).toEqual([["result", "Res", true, false]]);
    expect(shape(model.fields[0]!.type)).toMatchObject({ kind: "ref", via: { form: "link", url: "../../models/operations/listres.md" } });
  });

  it("keeps the responses and errors of newer SDKs, with their HTTPMeta row, as written", () => {
    const meta: readonly [string, string, boolean] = ["HTTPMeta", "[components.HTTPMetadata](../../models/components/httpmetadata.md)", true];
    const model = response([meta, RES, HEADERS]);
    expect(model?.kind === "object" && model.fields.map((field) => field.name)).toEqual(["httpMeta", "res", "headers"]);
    const error = parseGo(fieldsDoc([["Message", "`string`", true], meta], "BadRequestError"), "sdkerrors/badrequesterror.md").model;
    expect(error?.kind === "object" && error.fields.map((field) => field.name)).toEqual(["message", "httpMeta"]);
  });

  it("keeps the headers, and makes result the union of several bodies", () => {
    const model = response([...ENVELOPE, HEADERS, TEXT, OBJECT]);
    if (model?.kind !== "object") throw new Error("not an object");
    expect(model.fields.map((field) => field.name)).toEqual(["headers", "result"]);
    expect(shape(model.fields[1]!.type)).toEqual({ kind: "union", members: [STRING, { kind: "record", value: { kind: "primitive", name: "any" } }] });
  });

  it("declares a response with several bodies and no headers as the union of the bodies", () => {
    const model = response([...ENVELOPE, TEXT, OBJECT]);
    expect(model).toMatchObject({ kind: "union", title: "ListResponse" });
    expect(model?.kind === "union" && model.members.map((entry) => shape(entry.type))).toEqual([STRING, { kind: "record", value: { kind: "primitive", name: "any" } }]);
  });

  it("warns about the initialisms of a row's name only where the name stays a property", () => {
    // The body row's name (TwoHundredApplicationJSONObject) becomes `result`: its spelling is lost
    // with it, so there is nothing to warn about; a row kept as written still warns.
    const body: readonly [string, string, boolean] = ["TwoHundredApplicationJSONObject", "map[string]*any*", false];
    const reshaped = parseGo(fieldsDoc([...ENVELOPE, body], "ListResponse"), "operations/listresponse.md");
    expect(reshaped.model?.kind === "object" && reshaped.model.fields.map((field) => field.name)).toEqual(["result"]);
    expect(reshaped.codes).toEqual([]);
    const kept = parseGo(fieldsDoc([["RequestID", "*string*", true], body], "Upload"), "operations/upload.md");
    expect(kept.model?.kind === "object" && kept.model.fields.map((field) => field.name)).toEqual(["requestId", "twoHundredApplicationJsonObject"]);
    expect(kept.codes).toEqual(["warning MDS130", "warning MDS130"]);
  });

  it("leaves out an error's RawResponse, and keeps objects without the envelope as written", () => {
    const error = parseGo(fieldsDoc([["RawResponse", "[*http.Response](https://pkg.go.dev/net/http#Response)", false], ["Code", "*string*", true]], "Error"), "sdkerrors/error.md").model;
    expect(error?.kind === "object" && error.fields.map((field) => field.name)).toEqual(["code"]);
    const plain = parseGo(fieldsDoc([["ContentType", "*string*", true], ["StatusCode", "*int*", true], TEXT], "Upload")).model;
    expect(plain?.kind === "object" && plain.fields.map((field) => field.name)).toEqual(["contentType", "statusCode", "res"]);
  });
});

describe("Go docs: generation", () => {
  it("resolves a union member named by its Go title to the model of that doc", async () => {
    const docs = [
      { path: "shared/urlevent.md", text: fieldsDoc([["URL", "*string*", true]], "URLEvent") },
      { path: "shared/eventdata.md", text: "# EventData\n\n## Supported Types\n\n### URLEvent\n\n```go\neventData := shared.CreateEventDataURLEvent(shared.URLEvent{/* values here */})\n```\n" },
    ];
    const result = await generateFromDocs(docs, { rootDir: "/docs/models", flavour: "go" }, await readRuntimeTemplate());
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const union = result.schema.models.find((model) => model.id === "shared/eventdata.md");
    expect(union?.kind === "union" && union.members.map((entry) => entry.type.kind === "ref" && entry.type.target)).toEqual(["shared/urlevent.md"]);
    const file = result.files.find((entry) => entry.path === "shared/eventdata.ts")!.content;
    expect(file).toContain("export type EventData = UrlEvent;");
  });

  it("generates specs/go as a root of its own, with a nullable required pointer", async () => {
    const result = await generate({ input: join(ROOT, "specs", "go"), parseWorker: false });
    expect(result.schema.flavours).toEqual({ ".": "go" });
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const sample = result.files.find((entry) => entry.path === "models/components/telemetrysample.ts")!.content;
    expect(sample).toContain("expiredUrl: string | null;");
    expect(sample).toContain("label?: string | undefined;");
  });
});

describe("Go docs: detection", () => {
  const row = (type: string) => ({ path: "components/a.md", text: `# A\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| \`ID\` | ${type} | :heavy_check_mark: | N/A |\n` });
  for (const type of ["**string*", "`*string`", "*int64*", "`float32`", "[]*string*", "[]`string`", "map[string]`any`", "map[string]*any*", "[time.Time](https://pkg.go.dev/time#Time)", "*interface{}*", "optionalnullable.OptionalNullable[`string`]"]) {
    it(`takes ${type} as Go evidence`, () => {
      expect(detectFlavour([row(type)]).flavours).toEqual({ ".": "go" });
    });
  }
  for (const type of ["*string*", "*string*[]", "*string*[][]", "`*string*`", "Record<string, *number*>", "*Optional[str]*", "*int*"]) {
    it(`takes ${type} as no Go evidence`, () => {
      expect(detectFlavour([row(type)]).evidence.map((entry) => entry.flavour)).not.toContain("go");
    });
  }

  it("takes the go code blocks of union docs as evidence", () => {
    const text = "# U\n\n## Supported Types\n\n### \n\n```go\nu := shared.CreateUStr(string{/* values here */})\n```\n";
    expect(detectFlavour([{ path: "u.md", text }]).flavours).toEqual({ ".": "go" });
  });
});
