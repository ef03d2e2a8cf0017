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

// An enum and a union beside each object, with names from 1 to 45 characters: the API statement
// takes each of its layouts (names on one line or one per line, the call after the `=` or on the
// next line, type arguments broken, the member list on one line, hugged or broken).
const NAME = "AbcdefghijKlmnopqrstUvwxyzAbcdefghijKlmnopqrs";
const LENGTHS = [1, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 45];
const enumDoc = (title: string) => `# ${title}\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| \`On\` | on |\n| \`Off\` | off |\n`;
const unionDoc = (title: string, members: readonly string[]) =>
  `# ${title}\n\n## Supported Types\n\n${members.map((member) => `### \`${member}\`\n\n`).join("")}`;
const extraDocs = LENGTHS.flatMap((length) => {
  const title = NAME.slice(0, length);
  return [
    { path: `e${length}.md`, text: enumDoc(`E${title}`) },
    { path: `u${length}.md`, text: unionDoc(`U${title}`, ["string", "number"]) },
    { path: `w${length}.md`, text: unionDoc(`W${title}`, ["string", "number", "boolean", "models.Short", "models.Nested", "models.MediumLengthModelName"]) },
  ];
});

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
})).concat(extraDocs);

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
      expect(file.content, file.path).not.toContain("const [");
    }
  });

  it("lay out the API statement of a 64-character title as prettier does (type arguments broken)", async () => {
    const title = "RequestBodyPostEmptyBodyRetainedWithAllOptionalFieldsRequestBody";
    const wide = [{ path: "wide.md", text: doc(title, [row("bool", "*boolean*", false), row("str", "*string*", false)]) }];
    const result = await generateFromDocs(wide, {}, await readRuntimeTemplate());
    const file = result.files.find((entry) => entry.path === "wide.ts")!;
    expect(file.content).toContain(`] = $object<\n  ${title},\n  ${title}Json\n>((): $Fields => [\n`);
    expect(emitSchema(result.schema, DEFAULT_EMIT_OPTIONS).files[0]?.content).not.toContain("const [");
    expect(await formatTypeScript(file.content)).toBe(file.content);
  });

  it("leave statements they are unsure of to prettier (a wire key with a quote in it)", async () => {
    const quoted = [{ path: "q.md", text: doc("Quoted", [row("a", "*string*", true)]) }];
    const result = await generateFromDocs(quoted, { wireNames: { case: "preserve", overrides: { "q.md": { a: 'say "hi"' } } } }, await readRuntimeTemplate());
    const emission = emitSchema(result.schema, { ...DEFAULT_EMIT_OPTIONS, wireNames: { case: "preserve", overrides: { "q.md": { a: 'say "hi"' } } } });
    // The API statement goes to prettier as code (the interfaces and imports are preformatted).
    expect(emission.files[0]?.content).toContain("const [parseQuoted, safeParseQuoted, isQuoted, QuotedSchema, serializeQuoted] = ");
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
