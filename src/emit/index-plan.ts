import { posix } from "node:path";
import { CODES } from "../ir/codes.js";
import { modelName } from "../ir/naming.js";
import type { Diagnostic, Model } from "../ir/types.js";
import { isIdentifier } from "./identifiers.js";
import { moduleSpecifier, outputPathOf } from "./paths.js";
import { exportedNames } from "./symbols.js";

/**
 * What one folder index re-exports: model modules (all of a module's names, or the listed ones
 * when some clash with another module's), and subfolder indexes as namespaces.
 */
export interface IndexPlan {
  readonly path: string;
  readonly exports: ReadonlyArray<{
    readonly module: string;
    readonly namespace?: string;
    readonly names?: ReadonlyArray<{ readonly name: string; readonly typeOnly: boolean }>;
  }>;
}

/**
 * Plans one `index.ts` per output folder: `export *` of each model file in the folder and
 * `export * as <folder>` of each subfolder's index, so that models of one title in two folders
 * never clash (`components.Domains`, `operations.Domains`). A subfolder whose name is not an
 * identifier is exported under its camelCased name; a doc named `index.md`, or a subfolder name
 * that clashes with a model of the folder, is left out of the index with a warning.
 */
export function planIndexes(models: readonly Model[]): { readonly indexes: IndexPlan[]; readonly diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const folders = new Map<string, { models: Model[]; subfolders: Set<string> }>();
  const folder = (path: string) => {
    let entry = folders.get(path);
    if (!entry) {
      entry = { models: [], subfolders: new Set() };
      folders.set(path, entry);
      if (path !== ".") folder(posix.dirname(path)).subfolders.add(posix.basename(path));
    }
    return entry;
  };
  folder(".");
  for (const model of models) folder(posix.dirname(model.id)).models.push(model);
  const indexes: IndexPlan[] = [];
  for (const [path, entry] of [...folders].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const indexPath = path === "." ? "index.ts" : `${path}/index.ts`;
    const occupant = entry.models.find((model) => outputPathOf(model.id) === indexPath);
    if (occupant) {
      diagnostics.push(warning(occupant, `the doc's output ${indexPath} takes the place of the folder index; the folder has no index`));
      continue;
    }
    const exports: Array<IndexPlan["exports"][number]> = [];
    const names = new Set<string>();
    const owners = new Map<string, Model>();
    for (const model of entry.models) {
      const exported = exportedNames(model);
      const free = exported.filter((entry) => !owners.has(entry.name));
      for (const clash of exported.filter((entry) => owners.has(entry.name))) {
        diagnostics.push(warning(model, `${indexPath} leaves out ${clash.name} of this doc: ${owners.get(clash.name)!.id} exports the same name`));
      }
      for (const entry of free) owners.set(entry.name, model);
      names.add(modelName(model.title));
      const module = moduleSpecifier(indexPath, outputPathOf(model.id));
      exports.push(free.length === exported.length ? { module } : { module, names: free });
    }
    for (const sub of [...entry.subfolders].sort()) {
      const alias = namespaceName(sub);
      const target = path === "." ? `${sub}/index.ts` : `${path}/${sub}/index.ts`;
      if (names.has(alias) || owners.has(alias)) {
        const clash = owners.get(alias) ?? entry.models.find((model) => modelName(model.title) === alias)!;
        diagnostics.push(warning(clash, `the folder ${sub}/ is not re-exported from ${indexPath}: its namespace name ${alias} is this model's name`));
        continue;
      }
      names.add(alias);
      exports.push({ module: moduleSpecifier(indexPath, target), namespace: alias });
    }
    indexes.push({ path: indexPath, exports });
  }
  return { indexes, diagnostics };
}

/** The namespace name of a folder: itself when an identifier, else camelCased words. */
function namespaceName(folder: string): string {
  if (isIdentifier(folder)) return folder;
  const words = folder.split(/[^A-Za-z0-9_$]+/).filter(Boolean);
  const camel = words.map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join("");
  return isIdentifier(camel) ? camel : `_${camel}`;
}

function warning(model: Model, message: string): Diagnostic {
  return {
    file: model.id,
    line: model.span.start.line,
    column: model.span.start.column,
    severity: "warning",
    code: CODES.indexClash,
    message,
  };
}
