import { CODES } from "../ir/codes.js";
import type { Diagnostic, Model } from "../ir/types.js";

/** The schema key of every model, and a warning for each model whose name another doc shares. */
export interface SchemaKeys {
  /** The key of each model, by model id. */
  readonly byId: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Keys the exported schemas (`components.schemas`, `$defs`) by model name, as unique keys:
 *
 * - a model whose name (its title) no other doc has is keyed by its name: `SyncRun`;
 * - models sharing a name are each keyed by their folder path and name, joined with dots:
 *   `models.errors.Error` and `models.shared.Error` (a doc at the root keeps the plain name);
 * - when that still clashes (two docs of one folder with the same title), by their doc path
 *   without `.md` and the name: `models.shared.a.Error`;
 * - a key still taken gets the first free suffix `_2`, `_3`, …
 *
 * Characters outside `A-Z a-z 0-9 . _ -` (which OpenAPI allows in component keys) become `_`.
 * The keys depend only on the set of doc paths and titles. Each model keyed by more than its name
 * gets a warning (MDS401) naming its key.
 */
export function schemaKeys(models: readonly Model[]): SchemaKeys {
  const byName = new Map<string, Model[]>();
  for (const model of models) {
    const name = clean(model.title);
    byName.set(name, [...(byName.get(name) ?? []), model]);
  }
  const wanted = new Map<string, string>();
  for (const [name, group] of byName) {
    if (group.length === 1) {
      wanted.set(group[0]!.id, name);
      continue;
    }
    const folder = (model: Model) => model.id.split("/").slice(0, -1);
    const byFolder = new Map<string, number>();
    for (const model of group) byFolder.set(folder(model).join("/"), (byFolder.get(folder(model).join("/")) ?? 0) + 1);
    for (const model of group) {
      const segments = byFolder.get(folder(model).join("/"))! > 1 ? model.id.replace(/\.md$/i, "").split("/") : folder(model);
      wanted.set(model.id, [...segments.map(clean), name].join("."));
    }
  }
  const taken = new Set<string>();
  const byId = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const model of [...models].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const base = wanted.get(model.id)!;
    let key = base;
    for (let suffix = 2; taken.has(key); suffix += 1) key = `${base}_${suffix}`;
    taken.add(key);
    byId.set(model.id, key);
    if (key !== clean(model.title)) {
      const others = byName.get(clean(model.title))!.length - 1;
      diagnostics.push({
        file: model.id,
        line: model.span.start.line,
        column: model.span.start.column,
        severity: "warning",
        code: CODES.schemaKeyQualified,
        message:
          others > 0
            ? `${others} other doc(s) declare a model named ${model.title}; its exported schema is keyed "${key}"`
            : `the exported schema of ${model.title} is keyed "${key}"`,
      });
    }
  }
  return { byId, diagnostics };
}

/** A name as a component key may hold it. */
function clean(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, "_") || "_";
}
