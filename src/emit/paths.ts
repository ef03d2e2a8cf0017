import { posix } from "node:path";
import { CODES } from "../ir/codes.js";
import type { Diagnostic, Model } from "../ir/types.js";

/** The runtime module every generated file may import, at the output root. */
export const RUNTIME_PATH = "runtime.ts";

/** The name of the index file of every output folder. */
export const INDEX_NAME = "index.ts";

/** The file at the output root that lists what mdspec wrote there. */
export const MANIFEST_NAME = ".mdspec-manifest.json";

/** The file at the output root that caches parses and outputs for the next run (safe to delete). */
export const CACHE_NAME = ".mdspec-cache.json";

/** Where each model file and each folder of the output goes. */
export interface OutputLayout {
  /** The output path of each model's file, by model id (the doc path): `a/b.md` → `a/b.ts` unless renamed. */
  readonly files: ReadonlyMap<string, string>;
  /** The output folder of each docs folder that holds a model at any depth, by its path (`.` for the root). */
  readonly folders: ReadonlyMap<string, string>;
}

/**
 * Plans where every model file and folder goes in the output. The layout mirrors the docs
 * (`a/b.md` → `a/b.ts`, folder `a/` → `a/`) except where a name cannot be used; then that one
 * doc or folder gets the first of `<name>_2`, `<name>_3`, … (dots of the name turned into
 * underscores, plus `.ts` for a doc) that nothing else in its output folder holds. A name cannot be used when mdspec writes a file of that name
 * itself (`runtime.ts`, the manifest and the cache at the root, `index.ts` in every folder), when
 * another doc or folder of the same output folder holds it as a case-insensitive file system
 * compares names (`Foo.ts` and `foo.ts` are one file there), or when TypeScript would compile it
 * as a declaration file (`x.d.ts`). Docs claim their names before folders, each in path order,
 * and every usable name is claimed before any alternative, so the layout depends only on the set
 * of doc ids. Each renamed doc or folder gets a warning (for a folder, on the first model below
 * it): its output is not where the mirrored layout would put it.
 */
export function planOutputLayout(models: readonly Model[]): { readonly layout: OutputLayout; readonly diagnostics: Diagnostic[] } {
  const root = newFolder();
  for (const model of [...models].sort((a, b) => compare(a.id, b.id))) {
    let folder = root;
    for (const segment of model.id.split("/").slice(0, -1)) {
      let sub = folder.subfolders.get(segment);
      if (!sub) folder.subfolders.set(segment, (sub = newFolder()));
      sub.models.push(model);
      folder = sub;
    }
    folder.docs.push(model);
  }
  const files = new Map<string, string>();
  const folders = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const place = (folder: Folder, docPath: string, outPath: string): void => {
    folders.set(docPath, outPath);
    const entries: Entry[] = [
      ...folder.docs.map((model) => ({ name: posix.basename(model.id).replace(/\.md$/i, ""), suffix: ".ts", model, folder: null })),
      ...[...folder.subfolders.keys()].sort(compare).map((name) => ({ name, suffix: "", model: folder.subfolders.get(name)!.models[0]!, folder: name })),
    ];
    // Who holds each name (folded): a file mdspec writes itself (entry null), or a doc or folder.
    const owners = new Map<string, { readonly name: string; readonly entry: Entry | null }>();
    for (const name of RESERVED_NAMES) if (docPath === "." || name === INDEX_NAME) owners.set(fold(name), { name, entry: null });
    const names = new Map<Entry, string>();
    const renamed: Array<{ readonly entry: Entry; readonly reason: string }> = [];
    for (const entry of entries) {
      const natural = entry.name + entry.suffix;
      const owner = owners.get(fold(natural));
      if (isDeclarationName(entry, natural)) renamed.push({ entry, reason: "TypeScript would compile that name as a declaration file" });
      else if (owner) renamed.push({ entry, reason: ownerText(owner, natural, docPath) });
      else {
        owners.set(fold(natural), { name: natural, entry });
        names.set(entry, natural);
      }
    }
    // Alternatives come after every usable name is claimed, so they never take one from a later doc.
    for (const { entry, reason } of renamed) {
      // Dots become underscores, so that no alternative can look like a declaration file.
      let name = "";
      for (let n = 2; name === "" || owners.has(fold(name)); n += 1) name = `${entry.name.replace(/\./g, "_")}_${n}${entry.suffix}`;
      owners.set(fold(name), { name, entry });
      names.set(entry, name);
      const what =
        entry.folder === null
          ? `the doc's output is ${name}, not ${entry.name}${entry.suffix}`
          : `the folder ${join(docPath, entry.folder)}/ is written as ${join(outPath, name)}/`;
      diagnostics.push({
        file: entry.model.id,
        line: entry.model.span.start.line,
        column: entry.model.span.start.column,
        severity: "warning",
        code: CODES.outputRenamed,
        message: `${what}: ${reason}`,
      });
    }
    for (const entry of entries) {
      const path = join(outPath, names.get(entry)!);
      if (entry.folder === null) files.set(entry.model.id, path);
      else place(folder.subfolders.get(entry.folder)!, join(docPath, entry.folder), path);
    }
  };
  place(root, ".", ".");
  return { layout: { files, folders }, diagnostics };
}

/**
 * The NodeNext module specifier for importing output file `to` from output file `from`:
 * relative, with a `.js` extension.
 */
export function moduleSpecifier(from: string, to: string): string {
  const relative = posix.relative(posix.dirname(from), to).replace(/\.ts$/, ".js");
  // A file name starting with a dot (`.hidden.js`) is not relative by itself: only `./` and `../` are.
  return relative.startsWith("../") ? relative : `./${relative}`;
}

/** The index file of an output folder (`.` for the root). */
export function indexPathOf(outFolder: string): string {
  return join(outFolder, INDEX_NAME);
}

/** Why a name is not free: what holds it. */
function ownerText(owner: { readonly name: string; readonly entry: Entry | null }, natural: string, docPath: string): string {
  const holder =
    owner.entry === null
      ? RESERVED_ROLES[owner.name]!
      : owner.entry.folder === null
        ? `the output of ${owner.entry.model.id}`
        : `the output folder of ${join(docPath, owner.entry.folder)}/`;
  const caseNote = owner.name === natural ? "" : " (one file on a case-insensitive file system)";
  return `${owner.name} is ${holder}${caseNote}`;
}

/** A path below a folder (`.` for the root), `/`-separated. */
function join(folder: string, name: string): string {
  return folder === "." ? name : `${folder}/${name}`;
}

/** The names mdspec writes itself: the index in every folder, the others at the root only. */
const RESERVED_NAMES: readonly string[] = [INDEX_NAME, RUNTIME_PATH, MANIFEST_NAME, CACHE_NAME];

const RESERVED_ROLES: Readonly<Record<string, string>> = {
  [INDEX_NAME]: "the folder's index",
  [RUNTIME_PATH]: "mdspec's runtime",
  [MANIFEST_NAME]: "mdspec's manifest",
  [CACHE_NAME]: "mdspec's cache",
};

/** A docs folder: the docs directly in it, its subfolders, and every model at any depth below it. */
interface Folder {
  readonly docs: Model[];
  readonly subfolders: Map<string, Folder>;
  readonly models: Model[];
}

/** A doc (`folder` null) or a subfolder to name in an output folder. */
interface Entry {
  readonly name: string;
  readonly suffix: string;
  /** The doc, or the first model below the folder (where a warning about it goes). */
  readonly model: Model;
  readonly folder: string | null;
}

function newFolder(): Folder {
  return { docs: [], subfolders: new Map(), models: [] };
}

/**
 * A name as case-insensitive file systems compare it (macOS and Windows by default): case
 * folded, and Unicode-normalized as macOS compares it. Folding more than a file system does
 * only renames a file that did not need it; folding less would let two outputs be one file.
 */
function fold(name: string): string {
  return name.normalize("NFC").toLowerCase();
}

/** Whether TypeScript would compile a doc's output of this name as a declaration file (`x.d.ts`, `x.d.css.ts`). */
function isDeclarationName(entry: Entry, name: string): boolean {
  return entry.folder === null && name.includes(".d.");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
