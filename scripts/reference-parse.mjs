// The workflow benchmark's yardstick for the machine's speed: parses every doc of a docs root
// with unified, remark-parse and remark-gfm alone (no mdspec code), in a fresh process. Its time
// moves with the machine (the same build measured 3.0 s and 4.4 s cold on two days), so the
// benchmark states its cold-generate target against it.
//
// Usage: node scripts/reference-parse.mjs DIR
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const root = process.argv[2];
const processor = unified().use(remarkParse).use(remarkGfm).freeze();
let nodes = 0;
for (const path of readdirSync(root, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".md"))) {
  nodes += processor.parse(readFileSync(join(root, path), "utf8")).children.length;
}
process.stdout.write(`${nodes}\n`);
