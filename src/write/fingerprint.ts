import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";

/**
 * Identifies this build of mdspec: a hash of its compiled code (`dist/**\/*.js`) and its runtime
 * template, so that a cache written by another build, or by this checkout before an edit, is
 * never reused. Takes a few milliseconds.
 */
export async function generatorFingerprint(): Promise<string> {
  const hash = createHash("sha1");
  const root = new URL("../", import.meta.url);
  const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".js")).sort();
  for (const file of files) hash.update(file).update(readFileSync(new URL(file, root)));
  hash.update(readFileSync(new URL("../templates/runtime.ts", root)));
  return `mdspec:${hash.digest("base64url")}`;
}
