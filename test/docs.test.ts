// Checks the user documentation (README.md and docs/*.md): every diagnostic code is documented,
// every relative link (and its #anchor) resolves inside the repository, nothing points outside
// it, and every spec and generated file that docs/input-format.md quotes exists.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { Heading, Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { CODES } from "../src/ir/codes.js";
import { ROOT } from "./helpers.js";

/** The documentation files, relative to the repository root. */
const DOCS = ["README.md", ...readdirSync(join(ROOT, "docs"), { encoding: "utf8" }).filter((name) => name.endsWith(".md")).sort().map((name) => `docs/${name}`)];

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const trees = new Map<string, Root>();
const parse = (path: string): Root => {
  let tree = trees.get(path);
  if (!tree) trees.set(path, (tree = processor.parse(read(path))));
  return tree;
};

type Node = Root | RootContent;

/** Every node of a tree, depth first. */
function nodes(node: Node): Node[] {
  const children = "children" in node ? (node.children as Node[]) : [];
  return [node, ...children.flatMap(nodes)];
}

/** The plain text of a node, inline code included. */
function text(node: Node): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  return "children" in node ? (node.children as Node[]).map(text).join("") : "";
}

/** The heading anchors of a markdown file as GitHub makes them (`## Foo: `bar`` -> `foo-bar`, repeats get -1, -2, …). */
const anchorSets = new Map<string, Set<string>>();
function anchors(path: string): Set<string> {
  const cached = anchorSets.get(path);
  if (cached) return cached;
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const node of nodes(parse(path))) {
    if (node.type !== "heading") continue;
    const base = text(node as Heading)
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
      .replace(/ /g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  anchorSets.set(path, result);
  return result;
}

/** The link and image URLs of a markdown file (code blocks and code spans hold examples, not links). */
function links(path: string): string[] {
  return nodes(parse(path)).flatMap((node) => (node.type === "link" || node.type === "image" || node.type === "definition" ? [node.url] : []));
}

const isExternal = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url);

describe("docs/diagnostics.md", () => {
  const diagnostics = read("docs/diagnostics.md");

  it("documents every diagnostic code of src/ir/codes.ts, each under its own heading", () => {
    const codes = Object.values(CODES);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) {
      expect(diagnostics, `${code} is not mentioned`).toContain(code);
      expect(diagnostics, `${code} has no "## ${code}" section`).toMatch(new RegExp(`^## ${code}$`, "m"));
    }
  });

  it("documents no code that src/ir/codes.ts does not define", () => {
    const known = new Set<string>(Object.values(CODES));
    const mentioned = new Set(diagnostics.match(/MDS\d{3}/g) ?? []);
    expect([...mentioned].filter((code) => !known.has(code))).toEqual([]);
  });
});

describe("links of README.md and docs/*.md", () => {
  it("finds the documentation files and their links", () => {
    expect(DOCS).toEqual(expect.arrayContaining(["README.md", "docs/cli.md", "docs/diagnostics.md", "docs/generated-api.md", "docs/input-format.md"]));
    expect(links("README.md").filter((url) => !isExternal(url))).toEqual(expect.arrayContaining(["docs/input-format.md", "docs/diagnostics.md"]));
    expect(links("docs/input-format.md").filter((url) => url.includes("#")).length).toBeGreaterThan(10);
  });

  for (const doc of DOCS) {
    it(`${doc}: every relative link resolves to a file or folder of the repository, and every #anchor to a heading`, () => {
      const problems: string[] = [];
      for (const url of links(doc)) {
        if (isExternal(url)) continue;
        const [pathPart = "", anchor] = url.split("#", 2) as [string, string | undefined];
        const target = pathPart === "" ? join(ROOT, doc) : resolve(dirname(join(ROOT, doc)), decodeURIComponent(pathPart));
        const inside = relative(ROOT, target);
        if (isAbsolute(pathPart) || inside.startsWith("..") || isAbsolute(inside)) {
          problems.push(`${url}: points outside the repository`);
          continue;
        }
        if (!existsSync(target)) {
          problems.push(`${url}: ${inside} does not exist`);
          continue;
        }
        if (anchor !== undefined && statSync(target).isFile() && target.endsWith(".md") && !anchors(inside).has(anchor)) {
          problems.push(`${url}: ${inside} has no heading #${anchor}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it(`${doc}: nothing links to or names ../shared`, () => {
      expect(read(doc)).not.toContain("../shared");
      for (const url of links(doc)) expect(url).not.toMatch(/(^|\/)\.\.\/shared(\/|$)/);
    });
  }
});

describe("docs/input-format.md", () => {
  const page = read("docs/input-format.md");
  /** The repository paths below `folder/` that the page names, trailing punctuation removed. */
  const named = (folder: string) => [...new Set([...page.matchAll(new RegExp(`(?<![\\w./-])${folder}/[\\w./-]*`, "g"))].map((match) => match[0].replace(/[.]+$/, "")))];

  it("names spec docs, and every one it names exists", () => {
    const specs = named("specs");
    expect(specs.filter((path) => path.endsWith(".md")).length).toBeGreaterThan(30);
    expect(specs.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it("names generated files, and every one it names exists", () => {
    const generated = named("generated");
    expect(generated.filter((path) => path.endsWith(".ts")).length).toBeGreaterThan(30);
    expect(generated.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });
});
