import { describe, expect, it } from "vitest";
import type { FlavourName, Model, TypeNode } from "../../src/ir/types.js";
import { parseDoc } from "../../src/parse/doc.js";

/** A `## Fields` doc with one row per `[field, type, required]`. */
function fieldsDoc(title: string, rows: readonly (readonly [string, string, boolean])[]): string {
  const lines = rows.map(([field, type, required]) => `| \`${field}\` | ${type} | ${required ? ":heavy_check_mark:" : ":heavy_minus_sign:"} | N/A |`);
  return `# ${title}\n\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n${lines.join("\n")}\n`;
}

/** A model without its source spans, to compare shapes. */
function shape(model: Model | null): unknown {
  return JSON.parse(JSON.stringify(model, (key, value) => (key === "span" ? undefined : value)));
}

function fieldTypes(model: Model | null): [string, boolean, unknown][] {
  if (model?.kind !== "object") throw new Error(`not an object: ${model?.kind}`);
  return model.fields.map((field) => [field.name, field.required, JSON.parse(JSON.stringify(field.type, (key, value) => (key === "span" ? undefined : value))) as TypeNode]);
}

const ENVELOPES: Readonly<Record<"csharp" | "php", { rows: [string, string, boolean][]; headers: [string, string, boolean]; body: (name: string, doc: string) => [string, string, boolean] }>> = {
  csharp: {
    rows: [
      ["ContentType", "*string*", true],
      ["StatusCode", "*int*", true],
      ["RawResponse", "[HttpResponseMessage](https://learn.microsoft.com/en-us/dotnet/api/system.net.http.httpresponsemessage?view=net-5.0)", true],
    ],
    headers: ["Headers", "Dictionary<String, List<*string*>>", true],
    body: (name, doc) => [name, `[${doc}](../../Models/Operations/${doc}.md)`, false],
  },
  php: {
    rows: [
      ["contentType", "*string*", true],
      ["statusCode", "*int*", true],
      ["rawResponse", "[\\Psr\\Http\\Message\\ResponseInterface](https://www.php-fig.org/psr/psr-7/#33-psrhttpmessageresponseinterface)", true],
    ],
    headers: ["headers", "array<string, array<*string*>>", true],
    body: (name, doc) => [name, `[?Operations\\${doc}](../../Models/Operations/${doc}.md)`, false],
  },
};

const ref = (doc: string, text: string) => ({ kind: "ref", via: { form: "link", url: `../../Models/Operations/${doc}.md`, text }, target: null });

describe("operation responses of C# and PHP docs, reshaped to the TypeScript SDK's", () => {
  for (const flavour of ["csharp", "php"] as const satisfies readonly FlavourName[]) {
    const envelope = ENVELOPES[flavour];
    const text = (doc: string) => (flavour === "csharp" ? doc : `?Operations\\${doc}`);
    const parse = (rows: readonly (readonly [string, string, boolean])[]) => {
      const parsed = parseDoc("Models/Operations/ListResponse.md", fieldsDoc("ListResponse", rows), flavour);
      expect(parsed.diagnostics).toEqual([]);
      return parsed.model;
    };

    it(`${flavour}: one body becomes a required result`, () => {
      const model = parse([...envelope.rows, envelope.body("Res", "ListRes")]);
      expect(fieldTypes(model)).toEqual([["result", true, ref("ListRes", text("ListRes"))]]);
    });

    it(`${flavour}: headers and two bodies become headers and a result of either body`, () => {
      const model = parse([envelope.rows[0]!, envelope.headers, ...envelope.rows.slice(1), envelope.body("Object", "Ok"), envelope.body("Created", "Made")]);
      expect(fieldTypes(model).map(([name, required]) => [name, required])).toEqual([
        ["headers", true],
        ["result", true],
      ]);
      expect(fieldTypes(model)[1]![2]).toEqual({ kind: "union", members: [ref("Ok", text("Ok")), ref("Made", text("Made"))] });
    });

    it(`${flavour}: two bodies and no headers become the union of the bodies`, () => {
      const model = parse([envelope.body("Res", "Ok"), envelope.body("TypedObject1", "Made"), ...envelope.rows]);
      expect(shape(model)).toMatchObject({ kind: "union", title: "ListResponse", members: [{ type: ref("Ok", text("Ok")) }, { type: ref("Made", text("Made")) }] });
    });

    it(`${flavour}: an error's raw response row is left out, other objects are kept`, () => {
      const error = parseDoc("Models/Errors/Oops.md", fieldsDoc("Oops", [envelope.rows[2]!, ["error", "*string*", true]]), flavour).model;
      expect(fieldTypes(error).map(([name]) => name)).toEqual(["error"]);
      // Without the raw response row the status rows are ordinary fields.
      const plain = parseDoc("Models/Operations/Status.md", fieldsDoc("Status", envelope.rows.slice(0, 2)), flavour).model;
      expect(fieldTypes(plain).map(([name]) => name)).toEqual(["contentType", "statusCode"]);
    });
  }
});
