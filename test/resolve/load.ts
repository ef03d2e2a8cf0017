import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { resolveSchema, type Resolution } from "../../src/ir/resolve.js";
import type { Diagnostic, Model, ObjectModel, TypeNode } from "../../src/ir/types.js";
import { parseDoc } from "../../src/parse/doc.js";
import { ROOT } from "../helpers.js";

/** Every `.md` file below `dir`, as `/`-separated paths relative to it. */
function listDocs(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".md")) found.push(relative(dir, path).split(sep).join("/"));
    }
  };
  walk(dir);
  return found.sort();
}

/** A fixture docs root, parsed and resolved. */
export interface Loaded extends Resolution {
  /** The diagnostics of the parse stage (MDS001 for skipped docs, ...). */
  readonly parseDiagnostics: readonly Diagnostic[];
  /** The paths that were skipped as not being model docs. */
  readonly nonModelPaths: readonly string[];
  /** The resolved model with this id. */
  model(id: string): Model;
  /** The resolved type of `field` of the object doc `id`. */
  fieldType(id: string, field: string): TypeNode;
}

/**
 * Parses every doc of `test/fixtures/resolve/<name>/` under its path relative to that folder, and
 * resolves them as if the folder were the docs root `rootDir`. Models are passed to the resolver
 * in reverse path order, so that sorting is its own work.
 */
export function loadRoot(name: string, rootDir: string): Loaded {
  const dir = join(ROOT, "test", "fixtures", "resolve", name);
  const models: Model[] = [];
  const nonModelPaths: string[] = [];
  const parseDiagnostics: Diagnostic[] = [];
  for (const path of listDocs(dir)) {
    const parsed = parseDoc(path, readFileSync(join(dir, path), "utf8"));
    parseDiagnostics.push(...parsed.diagnostics);
    if (parsed.model) models.push(parsed.model);
    else if (parsed.diagnostics.some((diagnostic) => diagnostic.code === "MDS001")) nonModelPaths.push(path);
  }
  const resolution = resolveSchema(models.reverse(), nonModelPaths, rootDir);
  const model = (id: string): Model => {
    const found = resolution.schema.models.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`no model ${id}`);
    return found;
  };
  return {
    ...resolution,
    parseDiagnostics,
    nonModelPaths,
    model,
    fieldType(id, field) {
      const object = model(id) as ObjectModel;
      const found = object.fields.find((candidate) => candidate.name === field);
      if (!found) throw new Error(`no field ${field} in ${id}`);
      return found.type;
    },
  };
}
