import { describe, expect, it } from "vitest";
import { detectFlavour } from "../../src/parse/flavour/detect.js";

const TS_ROW = "| `id` | *number* | :heavy_check_mark: | N/A |";
const PY_ROW = "| `id` | *Optional[str]* | :heavy_minus_sign: | N/A |";
const SHARED_ROW = "| `id` | *string* | :heavy_check_mark: | N/A |";

function doc(path: string, row: string) {
  return { path, text: `# X\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n${row}\n` };
}

describe("flavour detection", () => {
  it("reads a root in one language, with that language's evidence", () => {
    const detection = detectFlavour([doc("components/a.md", PY_ROW), doc("components/b.md", SHARED_ROW)]);
    expect(detection.flavours).toEqual({ ".": "python" });
    expect(detection.diagnostics).toEqual([]);
    expect(detection.evidence).toMatchObject([{ flavour: "python", lines: 1, first: { file: "components/a.md", line: 7, column: 10, text: "*Optional[str]*" } }]);
  });

  it("takes the language of code blocks as evidence", () => {
    const text = "# U\n\n## Supported Types\n\n### `str`\n\n```python\nvalue: str = /* values here */\n```\n";
    expect(detectFlavour([{ path: "u.md", text }]).flavours).toEqual({ ".": "python" });
  });

  it("reads each top-level folder in its own language when the folders differ", () => {
    const detection = detectFlavour([doc("python/models/a.md", PY_ROW), doc("models/shared/b.md", TS_ROW), doc("kombo/c.md", SHARED_ROW)]);
    expect(detection.flavours).toEqual({ models: "typescript", python: "python" });
    expect(detection.diagnostics).toEqual([]);
  });

  it("splits mixed folders at any depth (a copy of such a root under another folder)", () => {
    const detection = detectFlavour([doc("copy/python/models/a.md", PY_ROW), doc("copy/models/shared/b.md", TS_ROW), doc("copy/kombo/c.md", SHARED_ROW)]);
    expect(detection.flavours).toEqual({ "copy/models": "typescript", "copy/python": "python" });
    expect(detection.diagnostics).toEqual([]);
  });

  it("refuses a folder that mixes languages, naming each language's evidence", () => {
    const detection = detectFlavour([doc("models/a.md", PY_ROW), doc("models/b.md", TS_ROW), doc("models/c.md", TS_ROW)]);
    expect(detection.diagnostics).toHaveLength(1);
    const [diagnostic] = detection.diagnostics;
    expect(diagnostic).toMatchObject({ severity: "error", code: "MDS014", file: "models/a.md", line: 7 });
    expect(diagnostic!.message).toContain("typescript: 2 lines, first models/b.md:7 `*number*`");
    expect(diagnostic!.message).toContain("python: 1 line, first models/a.md:7 `*Optional[str]*`");
    expect(diagnostic!.message).toContain("--flavour");
  });

  it("tells Java docs by their escaped generics, JsonNullable, capitalised classes and Java documentation links", () => {
    for (const row of ["| `id` | *Optional\\<Long>* | :heavy_minus_sign: | N/A |", "| `id` | *JsonNullable\\<String>* | :heavy_minus_sign: | N/A |", "| `id` | *String* | :heavy_check_mark: | N/A |", "| `at` | [OffsetDateTime](https://docs.oracle.com/javase/8/docs/api/java/time/OffsetDateTime.html) | :heavy_check_mark: | N/A |"]) {
      expect(detectFlavour([doc("shared/A.md", row)]).flavours, row).toEqual({ ".": "java" });
    }
  });

  it("tells Ruby docs by their Sorbet signatures and Ruby documentation links", () => {
    for (const row of ["| `id` | *T.nilable(::String)* | :heavy_minus_sign: | N/A |", "| `n` | *::Integer* | :heavy_check_mark: | N/A |", "| `tags` | T::Array<*::String*> | :heavy_minus_sign: | N/A |", "| `at` | [Date](https://ruby-doc.org/stdlib-2.6.1/libdoc/date/rdoc/Date.html) | :heavy_check_mark: | N/A |"]) {
      expect(detectFlavour([doc("shared/a.md", row)]).flavours, row).toEqual({ ".": "ruby" });
    }
  });

  it("refuses a folder that mixes Java and Ruby docs", () => {
    const detection = detectFlavour([doc("models/A.md", "| `id` | *Optional\\<Long>* | :heavy_minus_sign: | N/A |"), doc("models/b.md", "| `id` | *T.nilable(::String)* | :heavy_minus_sign: | N/A |")]);
    expect(detection.diagnostics).toMatchObject([{ severity: "error", code: "MDS014" }]);
    expect(detection.evidence.map((entry) => entry.flavour).sort()).toEqual(["java", "ruby"]);
  });

  it("reads TypeScript when nothing tells the language (spellings every language shares)", () => {
    const detection = detectFlavour([doc("a.md", SHARED_ROW)]);
    expect(detection.flavours).toEqual({ ".": "typescript" });
    expect(detection.diagnostics).toEqual([]);
  });
});
