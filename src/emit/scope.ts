/**
 * The names of one generated module: its own declarations, its imports (aliased when a name is
 * taken) and the globals it refers to (written `globalThis.X` when a local name shadows them).
 */
export interface Scope {
  /** Names declared or imported so far. */
  readonly taken: Set<string>;
  /** Local name of each imported binding, keyed by `module specifier` + NUL + exported name. */
  readonly imports: Map<string, { readonly module: string; readonly name: string; readonly local: string; readonly typeOnly: boolean }>;
}

/** Creates the scope of a module that declares `declared`. */
export function createScope(declared: readonly string[]): Scope {
  return { taken: new Set(declared), imports: new Map() };
}

/**
 * Returns the local name for `name` imported from `module`, allocating an alias (`Name2`,
 * `Name3`, ...) when the name is already declared or imported from elsewhere.
 */
export function importName(scope: Scope, module: string, name: string, typeOnly: boolean): string {
  const key = `${module}\u0000${name}`;
  const existing = scope.imports.get(key);
  if (existing) {
    if (!typeOnly && existing.typeOnly) scope.imports.set(key, { ...existing, typeOnly: false });
    return existing.local;
  }
  let local = name;
  for (let suffix = 2; scope.taken.has(local); suffix += 1) local = `${name}${suffix}`;
  scope.taken.add(local);
  scope.imports.set(key, { module, name, local, typeOnly });
  return local;
}

/** Returns how to name the global `name` in this module: bare, or `globalThis.name` if shadowed. */
export function globalName(scope: Scope, name: string): string {
  return scope.taken.has(name) ? `globalThis.${name}` : name;
}
