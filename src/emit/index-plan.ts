import { posix } from "node:path";
import { CODES } from "../ir/codes.js";
import { modelName } from "../ir/naming.js";
import type { Diagnostic, Model } from "../ir/types.js";
import { isIdentifier } from "./identifiers.js";
import { type OutputLayout, indexPathOf, moduleSpecifier } from "./paths.js";
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
 * Plans one `index.ts` per output folder, at the folders of the layout: `export *` of each model
 * file in the folder and `export * as <folder>` of each subfolder's index, so that models of one
 * title in two folders never clash (`components.Domains`, `operations.Domains`). A subfolder is
 * exported under its docs folder's name, camelCased when that is not an identifier; a model
 * name exported by two files, or a subfolder name that another subfolder or a model of the
 * folder already uses, is left out of the index with a warning. The layout never gives a doc
 * the index's name, so every folder gets its index.
 */
export function planIndexes(models: readonly Model[], layout: OutputLayout): { readonly indexes: IndexPlan[]; readonly diagnostics: Diagnostic[] } {
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
    const indexPath = indexPathOf(layout.folders.get(path)!);
    const exports: Array<IndexPlan["exports"][number]> = [];
    const owners = new Map<string, Model>();
    const namespaces = new Map<string, string>();
    for (const model of entry.models) {
      const exported = exportedNames(model);
      const free = exported.filter((entry) => !owners.has(entry.name));
      for (const clash of exported.filter((entry) => owners.has(entry.name))) {
        diagnostics.push(warning(model, `${indexPath} leaves out ${clash.name} of this doc: ${owners.get(clash.name)!.id} exports the same name`));
      }
      for (const entry of free) owners.set(entry.name, model);
      const module = moduleSpecifier(indexPath, layout.files.get(model.id)!);
      exports.push(free.length === exported.length ? { module } : { module, names: free });
    }
    for (const sub of [...entry.subfolders].sort()) {
      const alias = namespaceName(sub);
      const subPath = path === "." ? sub : `${path}/${sub}`;
      const target = indexPathOf(layout.folders.get(subPath)!);
      const clash = owners.get(alias) ?? entry.models.find((model) => modelName(model.title) === alias);
      if (clash) {
        diagnostics.push(warning(clash, `the folder ${sub}/ is not re-exported from ${indexPath}: its namespace name ${alias} is this model's name`));
        continue;
      }
      const sibling = namespaces.get(alias);
      if (sibling !== undefined) {
        // Two folder names can give one namespace name (`my-models`, `my.models`); the warning goes to a doc of the one left out.
        const first = models.find((model) => model.id.startsWith(`${subPath}/`))!;
        diagnostics.push(warning(first, `the folder ${sub}/ is not re-exported from ${indexPath}: its namespace name ${alias} is the folder ${sibling}/'s`));
        continue;
      }
      namespaces.set(alias, sub);
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
