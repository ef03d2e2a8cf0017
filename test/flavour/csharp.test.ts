import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { resolveSchema } from "../../src/ir/resolve.js";
import type { Field, Model } from "../../src/ir/types.js";
import { parseDoc } from "../../src/parse/doc.js";
import { fieldsDoc, onlyFieldOf, parseAs, shape } from "./support.js";
import { detectFlavour } from "../../src/parse/flavour/detect.js";
import { ROOT } from "../helpers.js";
import { typecheckFiles } from "../typecheck.js";

/** A C#-docs union doc with one `### Name` member per name. */
function unionDoc(title: string, members: readonly string[]): string {
  const sections = members.map((member) => `### ${member}\n\n\`\`\`csharp\n${title}.Create${member}(/* values here */);\n\`\`\``);
  return `# ${title}\n\n\n## Supported Types\n\n${sections.join("\n\n")}\n`;
}

function parseCSharp(text: string, path = "Models/Components/Thing.md"): { model: Model | null; codes: string[] } {
  return parseAs("csharp", text, path);
}

function onlyField(type: string, required = true): Field {
  return onlyFieldOf("csharp", "Models/Components/Thing.md", "Value", type, required);
}

const STRING = { kind: "primitive", name: "string" };
const NUMBER = { kind: "primitive", name: "number" };

describe("C# docs: Type cells", () => {
  const cases: readonly [string, unknown][] = [
    ["*string*", STRING],
    ["*int*", NUMBER],
    ["*long*", NUMBER],
    ["*double*", NUMBER],
    ["*float*", NUMBER],
    ["*bool*", { kind: "primitive", name: "boolean" }],
    ["*decimal*", { kind: "primitive", name: "decimal" }],
    ["*BigInteger*", { kind: "primitive", name: "bigint" }],
    ["*object*", { kind: "primitive", name: "any" }],
    ["*byte[]*", { kind: "external", name: "Uint8Array" }],
    ["[DateTime](https://learn.microsoft.com/en-us/dotnet/api/system.datetime?view=net-5.0)", { kind: "date-time" }],
    ["[LocalDate](https://nodatime.org/3.1.x/api/NodaTime.LocalDate.html)", { kind: "date" }],
    ["[HttpResponseMessage](https://learn.microsoft.com/en-us/dotnet/api/system.net.http.httpresponsemessage?view=net-5.0)", { kind: "external", name: "Response" }],
    ["List<*string*>", { kind: "array", element: STRING }],
    ["Dictionary<String, *object*>", { kind: "record", value: { kind: "primitive", name: "any" } }],
    ["Dictionary<String, List<*long*>>", { kind: "record", value: { kind: "array", element: NUMBER } }],
    ["List<List<*string*>>", { kind: "array", element: { kind: "array", element: STRING } }],
    [
      "[ContactType](../../Models/Components/ContactType.md)",
      { kind: "ref", via: { form: "link", url: "../../Models/Components/ContactType.md", text: "ContactType" }, target: null },
    ],
    [
      "Dictionary<String, [Models.Errors.Tag](../../Models/Errors/Tag.md)>",
      { kind: "record", value: { kind: "ref", via: { form: "link", url: "../../Models/Errors/Tag.md", text: "Models.Errors.Tag" }, target: null } },
    ],
  ];
  for (const [cell, type] of cases) {
    it(`reads ${cell}`, () => {
      const field = onlyField(cell);
      expect(shape(field.type)).toEqual(type);
      // C# docs never say that a value may be null.
      expect(field.nullable).toBe(false);
    });
  }

  it("reports a type outside the grammar with the cell's position", () => {
    const parsed = parseDoc("Models/Components/Thing.md", fieldsDoc([["Value", "HashSet<*string*>", true]]), "csharp");
    expect(parsed.model).toBeNull();
    expect(parsed.diagnostics).toMatchObject([{ code: "MDS105", line: 8, column: 13, message: expect.stringContaining("HashSet") }]);
  });

  it("refuses a Dictionary whose key is not a string", () => {
    const parsed = parseDoc("Models/Components/Thing.md", fieldsDoc([["Value", "Dictionary<long, *string*>", true]]), "csharp");
    expect(parsed.diagnostics).toMatchObject([{ code: "MDS105", message: expect.stringContaining("key must be String") }]);
  });
});

describe("C# docs: names", () => {
  it("lowers the first letter of PascalCase properties, keeping the rest (initialisms too)", () => {
    const { model } = parseCSharp(fieldsDoc([["ImageURL", "*string*", true], ["IPv4", "*string*", false], ["Name", "*string*", false]]));
    expect(model?.kind === "object" && model.fields.map((field) => [field.docName, field.name])).toEqual([
      ["ImageURL", "imageURL"],
      ["IPv4", "iPv4"],
      ["Name", "name"],
    ]);
  });

  it("keeps the Pascal names of enum tables", () => {
    const text = "# HeroWidth\n\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `FourHundredAndEighty` | 480 |\n| `ThumbsUp` | thumbs-up |\n";
    expect(parseCSharp(text).model).toMatchObject({ kind: "enum", members: [{ name: "FourHundredAndEighty", value: 480 }, { name: "ThumbsUp", value: "thumbs-up" }] });
  });

  it("names models as the TypeScript SDK does (Object -> ObjectT)", () => {
    expect(parseCSharp(fieldsDoc([], "Object")).model).toMatchObject({ title: "ObjectT", docTitle: "Object" });
    expect(parseCSharp(fieldsDoc([], "Account")).model).not.toHaveProperty("docTitle");
  });
});

describe("C# docs: union members inferred from their names", () => {
  const guessed = (name: string) => ({ kind: "ref", via: { form: "name", namespace: null, name, guessed: true }, target: null });
  const cases: readonly [string, unknown][] = [
    ["Str", STRING],
    ["Integer", NUMBER],
    ["Int32", NUMBER],
    ["Number", NUMBER],
    ["Float32", NUMBER],
    ["Boolean", { kind: "primitive", name: "boolean" }],
    ["Bigint", { kind: "primitive", name: "bigint" }],
    ["Decimal", { kind: "primitive", name: "decimal" }],
    ["DateTime", { kind: "date-time" }],
    ["Any", { kind: "primitive", name: "any" }],
    ["ArrayOfStr", { kind: "array", element: STRING }],
    ["MapOfAny", { kind: "record", value: { kind: "primitive", name: "any" } }],
    ["ArrayOfArrayOfInteger", { kind: "array", element: { kind: "array", element: NUMBER } }],
    ["ArrayOfBike", { kind: "array", element: guessed("Bike") }],
    // A class name cannot start with a digit: the SDK spells it out.
    ["ArrayOf1", { kind: "array", element: guessed("One") }],
    ["SimpleObject", guessed("SimpleObject")],
  ];
  for (const [member, type] of cases) {
    it(`reads ### ${member}`, () => {
      const { model, codes } = parseCSharp(unionDoc("Value", [member]));
      expect(codes).toEqual([]);
      expect(model?.kind === "union" && shape(model.members[0]!.type)).toEqual(type);
    });
  }

  it("refuses a heading that is no member name", () => {
    const parsed = parseDoc("Models/Components/Value.md", "# Value\n\n## Supported Types\n\n### List<string>\n", "csharp");
    expect(parsed.model).toBeNull();
    expect(parsed.diagnostics).toMatchObject([{ code: "MDS120", line: 5, column: 1 }]);
  });

  it("resolves a member name in the doc's own folder first, then in any folder", () => {
    const docs: [string, string][] = [
      ["Models/Operations/Body.md", unionDoc("Body", ["Str", "SimpleObject", "Tag"])],
      ["Models/Operations/Tag.md", fieldsDoc([], "Tag")],
      ["Models/Components/Tag.md", fieldsDoc([], "Tag")],
      ["Models/Components/SimpleObject.md", fieldsDoc([], "SimpleObject")],
    ];
    const { schema, diagnostics } = resolveSchema(docs.map(([path, text]) => parseDoc(path, text, "csharp").model!));
    expect(diagnostics).toEqual([]);
    const body = schema.models.find((model) => model.id === "Models/Operations/Body.md");
    expect(body?.kind === "union" && body.members.map((member) => (member.type.kind === "ref" ? member.type.target : member.type.kind))).toEqual([
      "primitive",
      "Models/Components/SimpleObject.md",
      "Models/Operations/Tag.md",
    ]);
  });

  it("reads a member name that no doc has (a discriminator value) as any, with a warning", () => {
    const { schema, diagnostics } = resolveSchema([parseDoc("Models/Components/HasWheels.md", unionDoc("HasWheels", ["Two", "Four"]), "csharp").model!]);
    const union = schema.models[0]!;
    expect(union.kind === "union" && union.members.map((member) => shape(member.type))).toEqual([
      { kind: "primitive", name: "any" },
      { kind: "primitive", name: "any" },
    ]);
    expect(diagnostics).toMatchObject([
      { severity: "warning", code: "MDS130", line: 6, column: 5, message: expect.stringContaining("Two") },
      { severity: "warning", code: "MDS130", line: 12, column: 5, message: expect.stringContaining("Four") },
    ]);
  });
});

describe("C# docs: detection and specs/csharp", () => {
  it("tells C# docs from their Type cells and code blocks", () => {
    expect(detectFlavour([{ path: "a.md", text: fieldsDoc([["Tags", "List<*string*>", false]]) }]).flavours).toEqual({ ".": "csharp" });
    expect(detectFlavour([{ path: "a.md", text: fieldsDoc([["Meta", "Dictionary<String, *object*>", false]]) }]).flavours).toEqual({ ".": "csharp" });
    expect(detectFlavour([{ path: "a.md", text: unionDoc("Value", ["Str"]) }]).flavours).toEqual({ ".": "csharp" });
    // Java escapes its generics: `List\<String>` is no C# evidence.
    expect(detectFlavour([{ path: "a.md", text: fieldsDoc([["tags", "List\\<*String*>", false]]) }]).evidence.map((entry) => entry.flavour)).not.toContain("csharp");
  });

  it("generates specs/csharp as its own root with no error, as strict TypeScript", async () => {
    const result = await generate({ input: join(ROOT, "specs", "csharp"), parseWorker: false });
    expect(result.schema.flavours).toEqual({ ".": "csharp" });
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity !== "info")).toEqual([]);
    expect(typecheckFiles(result.files)).toEqual([]);
    const account = result.schema.models.find((model) => model.title === "Account");
    expect(account?.kind === "object" && account.fields.map((field) => field.name)).toContain("cardsByOwner");
  });
});
