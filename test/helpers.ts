import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseDoc } from "../src/parse/doc.js";

/** The project root, for reading fixtures and goldens. */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Reads a file relative to the project root. */
export function readProjectFile(path: string): string {
  return readFileSync(new URL(`../${path}`, import.meta.url), "utf8");
}

/** Parses a fixture doc of `test/fixtures/parse/` under the doc path `fixture/<name>.md`. */
export function parseFixture(name: string) {
  return parseDoc(`fixture/${name}.md`, readProjectFile(`test/fixtures/parse/${name}.md`));
}
