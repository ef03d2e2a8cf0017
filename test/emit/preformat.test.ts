// The codec statements printed in prettier's layout without prettier (src/emit/preformat.ts):
// long names and long lines take every layout it knows (broken parameter lists, conditional
// entries on one, two and four lines, broken call arguments and type arguments, `if` bodies on
// their own line), and each file must still be exactly what prettier makes of it.
import { describe, expect, it } from "vitest";
import { emitSchema } from "../../src/emit/emit.js";
import { formatTypeScript } from "../../src/emit/format.js";
import { DEFAULT_EMIT_OPTIONS } from "../../src/emit/options.js";
import { PREFORMATTED_MARK } from "../../src/emit/preformat.js";
import { generateFromDocs, readRuntimeTemplate } from "../../src/generate.js";

const FIELDS_HEADER = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";

function doc(title: string, rows: readonly string[]): string {
  return `# ${title}\n\n## Fields\n\n${FIELDS_HEADER}${rows.join("")}`;
}

function row(name: string, type: string, required: boolean): string {
  return `| \`${name}\` | ${type} | ${required ? ":heavy_check_mark:" : ":heavy_minus_sign:"} | A field. |\n`;
}

// Names of several lengths, so that lines land on both sides of the print width.
const TITLES = ["Short", "MediumLengthModelName", "AVeryLongModelNameThatPushesEveryDeclarationPastTheLineWidth", "Nested", "NestedWithAQuiteLongNameAsWell"];

const docs = TITLES.map((title, index) => ({
  path: `${title.toLowerCase()}.md`,
  text: doc(title, [
    row("id", "*string*", true),
    row("createdAt", "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)", index % 2 === 0),
    row("kind", '*"widget"*', true),
    row("count", "*number*", false),
    row("tags", "*string*[]", false),
    row("nestedValueWithAnEspeciallyLongPropertyName", "[Nested](nested.md)", false),
    row("children", "[NestedWithAQuiteLongNameAsWell](nestedwithaquitelongnameaswell.md)[]", false),
    row("somewhatLongRequiredReferenceToTheNestedModel", "[Nested](nested.md)", true),
    row("anything", "*any*", index % 2 === 1),
  ]),
}));

describe("preformatted codec statements", () => {
  it("print files that prettier leaves unchanged, whatever the lengths of the names", async () => {
    const result = await generateFromDocs(docs, {}, await readRuntimeTemplate());
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const unformatted: string[] = [];
    for (const file of result.files) if ((await formatTypeScript(file.content)) !== file.content) unformatted.push(file.path);
    expect(unformatted).toEqual([]);
  });

  it("are used for every one of these models (none falls back to prettier)", async () => {
    const result = await generateFromDocs(docs, {}, await readRuntimeTemplate());
    const emission = emitSchema(result.schema, DEFAULT_EMIT_OPTIONS);
    for (const file of emission.files) {
      expect(file.content, file.path).toContain(PREFORMATTED_MARK);
      expect(file.content, file.path).not.toContain("export function $decode");
    }
  });

  it("break a serializer's result declaration that is too wide, as prettier does", async () => {
    // 64 characters: `const result: $Writable<XJson> = {};` no longer fits, everything else does.
    const title = "RequestBodyPostEmptyBodyRetainedWithAllOptionalFieldsRequestBody";
    const wide = [{ path: "wide.md", text: doc(title, [row("bool", "*boolean*", false), row("str", "*string*", false)]) }];
    const result = await generateFromDocs(wide, {}, await readRuntimeTemplate());
    const file = result.files.find((entry) => entry.path === "wide.ts")!;
    expect(file.content).toContain(`const result: $Writable<${title}Json> =\n    {};`);
    expect(await formatTypeScript(file.content)).toBe(file.content);
  });

  it("leave statements they are unsure of to prettier (a wire key with a quote in it)", async () => {
    const quoted = [{ path: "q.md", text: doc("Quoted", [row("a", "*string*", true)]) }];
    const result = await generateFromDocs(quoted, { wireNames: { case: "preserve", overrides: { "q.md": { a: 'say "hi"' } } } }, await readRuntimeTemplate());
    const emission = emitSchema(result.schema, { ...DEFAULT_EMIT_OPTIONS, wireNames: { case: "preserve", overrides: { "q.md": { a: 'say "hi"' } } } });
    // The codec goes to prettier as code (the imports alone are preformatted).
    expect(emission.files[0]?.content).toContain("export function $decodeQuoted(");
    const file = result.files.find((candidate) => candidate.path === "q.ts")!;
    expect(await formatTypeScript(file.content)).toBe(file.content);
  });
});

describe("preformatted interfaces", () => {
  const withDocs = (rows: readonly string[], description: string) => `# Documented\n\n${description}\n\n## Fields\n\n| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n${rows.join("")}`;
  const cases: Record<string, string> = {
    "multi-line, indented and tagged JSDoc": withDocs(
      [
        "| ~~`old`~~ | *string* | :heavy_minus_sign: | : warning: ** DEPRECATED **: gone soon.<br/>  An indented second line.<br/><br/>A paragraph. | abc |\n",
        "| `plain` | *number* | :heavy_check_mark: | One line. | 5 |\n",
        "| `tags` | Record<string, *string*[]> | :heavy_minus_sign: | N/A |  |\n",
      ],
      "A model whose description\nruns over lines.\n\n  And has an indented one.",
    ),
    "a member type too long for one line": withDocs(
      [`| \`kind\` | ${["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"].map((name) => `*"${name}-value"*`).join(" \\| ")} | :heavy_check_mark: | Long. |  |\n`],
      "Long.",
    ),
    "a key that must be quoted": withDocs(["| `x-trace-id` | *string* | :heavy_minus_sign: | A header-like key. |  |\n"], "Quoted."),
  };

  for (const [name, text] of Object.entries(cases)) {
    it(`are exactly as prettier formats them: ${name}`, async () => {
      const result = await generateFromDocs([{ path: "documented.md", text }], {}, await readRuntimeTemplate());
      expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
      const file = result.files.find((candidate) => candidate.path === "documented.ts")!;
      expect(await formatTypeScript(file.content)).toBe(file.content);
    });
  }
});
