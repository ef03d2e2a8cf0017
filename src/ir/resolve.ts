import { posix } from "node:path";
import { CODES } from "./codes.js";
import type { Diagnostic, FlavourMap, Model, RefType, Schema, TypeNode } from "./types.js";
import { IR_VERSION, tableRows } from "./types.js";

/** The resolved schema and the problems found while resolving it. */
export interface Resolution {
  readonly schema: Schema;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Resolves every reference of the parsed models to a model id, sorts the models by id and checks
 * that titles are unique within a folder. Links resolve by URL relative to the doc (never by the
 * `models.`/`shared.` prefix of their text). Names written `*ns.X*` (and union headings `ns.X`)
 * resolve through the namespace map the links establish: the folders that links whose text starts
 * with `ns.` point into, then the folders named `ns`, then the doc's own folder; within a folder
 * the doc is `lower(X).md`, as the generator names files (or `X.md` in Java, C# and PHP docs). A
 * bare name found in none of those resolves to the one folder holding a doc of that title (and
 * is an error when several do).
 *
 * @param models the parsed models; `nonModelPaths` are the paths of markdown files that were
 *   skipped as not being model docs, so that a link to one of them is reported precisely.
 * @param flavours the SDK language of each doc, recorded in the schema.
 * @param rootDir the absolute `/`-separated path of the docs root. Links climb above the root and
 *   come back down into it (`../../models/shared/x.md` from `docs/models/shared/`), so resolving
 *   them needs the names of the root's folders; a link may come back through `models` or
 *   `sdk/models` whatever the root is named (see {@link pathInRoot}). The path is never part of any output.
 */
export function resolveSchema(
  models: readonly Model[],
  nonModelPaths: readonly string[] = [],
  rootDir = "/docs",
  flavours: FlavourMap = { ".": "typescript" },
): Resolution {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map(models.map((model) => [model.id, model]));
  const skipped = new Set(nonModelPaths);
  const target = linkTargets(rootDir);
  const namespaces = collectNamespaces(models, byId, target);
  const folders = [...new Set(models.map((model) => posix.dirname(model.id)))].sort();
  const context: Context = { byId, skipped, namespaces, folders, diagnostics, target };
  const resolved = models.map((model) => resolveModel(context, model));
  resolved.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  checkTitles(resolved, diagnostics);
  return { schema: { version: IR_VERSION, flavours, models: resolved }, diagnostics };
}

interface Context {
  readonly byId: ReadonlyMap<string, Model>;
  readonly skipped: ReadonlySet<string>;
  readonly namespaces: ReadonlyMap<string, readonly string[]>;
  readonly folders: readonly string[];
  readonly diagnostics: Diagnostic[];
  /** {@link linkTarget} below this run's root. */
  readonly target: LinkTargets;
  model?: Model;
}

/** Where a link URL of a doc points (see {@link linkTarget}), below one docs root. */
type LinkTargets = (doc: string, url: string) => string | null;

/**
 * {@link linkTarget} for one docs root, remembering each answer by the doc's folder and the URL:
 * the docs of a folder repeat the same few links (a thousand docs hold about five thousand links
 * to a few hundred targets), and each is looked up twice (namespaces, then resolution).
 */
function linkTargets(rootDir: string): LinkTargets {
  const known = new Map<string, string | null>();
  return (doc, url) => {
    const folder = posix.dirname(doc);
    const key = `${folder}\u0000${url}`;
    let target = known.get(key);
    if (target === undefined) {
      target = linkTarget(doc, url, rootDir);
      known.set(key, target);
    }
    return target;
  };
}

/**
 * The model with its references resolved. Parts without a reference are kept as they are, not
 * copied (the IR is never changed in place): most fields are scalars, and a rerun under
 * `--watch` resolves every model again.
 */
function resolveModel(context: Context, model: Model): Model {
  const local: Context = { ...context, model };
  switch (model.kind) {
    case "object": {
      const additional = model.additionalProperties;
      const value = additional ? resolveType(local, additional.type.value) : undefined;
      return {
        ...model,
        fields: model.fields.map((field) => withType(field, resolveType(local, field.type))),
        additionalProperties: additional && (value === additional.type.value ? additional : { ...additional, type: { ...additional.type, value: value! } }),
      };
    }
    case "union":
      return { ...model, members: model.members.map((member) => withType(member, resolveType(local, member.type))) };
    case "enum":
    case "opaque":
      return model;
    default: {
      const unreachable: never = model;
      return unreachable;
    }
  }
}

/** `holder` with `type`, or `holder` itself when its type is `type` already. */
function withType<T extends { readonly type: TypeNode }>(holder: T, type: TypeNode): T {
  return type === holder.type ? holder : { ...holder, type };
}

/** The type with its references resolved; the same object when it holds none. */
function resolveType(context: Context, type: TypeNode): TypeNode {
  switch (type.kind) {
    case "primitive":
    case "date-time":
    case "date":
    case "literal":
    case "external":
      return type;
    case "array": {
      const element = resolveType(context, type.element);
      return element === type.element ? type : { ...type, element };
    }
    case "record": {
      const value = resolveType(context, type.value);
      return value === type.value ? type : { ...type, value };
    }
    case "union": {
      const members = type.members.map((member) => resolveType(context, member));
      return members.every((member, index) => member === type.members[index]) ? type : { ...type, members };
    }
    case "event-stream": {
      const event = resolveType(context, type.event);
      return event === type.event ? type : { ...type, event };
    }
    case "ref":
      return type.via.form === "name" && type.via.guessed ? resolveGuessed(context, type, type.via.name) : { ...type, target: resolveRef(context, type) };
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

function resolveRef(context: Context, ref: RefType): string | null {
  const doc = context.model!.id;
  const problem = (code: string, message: string): null => {
    context.diagnostics.push({
      file: doc,
      line: ref.span.start.line,
      column: ref.span.start.column,
      severity: "error",
      code,
      message,
    });
    return null;
  };
  if (ref.via.form === "link") {
    const target = context.target(doc, ref.via.url);
    if (target === null) {
      return problem(CODES.linkOutsideRoot, `the link [${ref.via.text}](${ref.via.url}) leaves the docs root`);
    }
    if (context.byId.has(target)) return target;
    if (context.skipped.has(target)) {
      return problem(CODES.unresolvedLink, `the link [${ref.via.text}](${ref.via.url}) points at ${target}, which is not a model doc`);
    }
    return problem(CODES.unresolvedLink, `the link [${ref.via.text}](${ref.via.url}) resolves to ${target}, which does not exist`);
  }
  const { namespace, name } = ref.via;
  const file = `${name.toLowerCase()}.md`;
  for (const folder of candidateFolders(context, namespace, posix.dirname(doc))) {
    // TypeScript, Python, Go and Ruby docs are named `lower(X).md`; Java, C# and PHP docs `X.md`.
    for (const candidate of [file, `${name}.md`]) {
      const id = folder === "." ? candidate : `${folder}/${candidate}`;
      const model = context.byId.get(id);
      if (model && (model.title === name || model.docTitle === name)) return id;
    }
  }
  // A bare name (Java's `EventStream\<TextEvent>` in an operations doc) that no candidate
  // folder holds names the doc of that title in whichever one folder has it.
  if (namespace === null) {
    const found = context.folders.flatMap((folder) =>
      [file, `${name}.md`].map((candidate) => (folder === "." ? candidate : `${folder}/${candidate}`)).filter((id) => [context.byId.get(id)?.title, context.byId.get(id)?.docTitle].includes(name)).slice(0, 1),
    );
    if (found.length === 1) return found[0]!;
    if (found.length > 1) return problem(CODES.unresolvedName, `the type ${name} may name any of ${found.join(", ")}; a link or a namespace would tell which`);
  }
  const written = namespace ? `${namespace}.${name}` : name;
  return problem(CODES.unresolvedName, `the type ${written} names no model doc (looked for ${file} in ${candidateFolders(context, namespace, posix.dirname(doc)).join(", ") || "no folder"})`);
}

/**
 * Resolves a name a flavour guessed (a C# union member `### SimpleObject`): the doc's own folder
 * first, then every folder in order. A name no doc has (`### Tag1`, a discriminator value) is no
 * model: the member is `any`, with a warning, since the doc was written that way.
 */
function resolveGuessed(context: Context, ref: RefType, name: string): TypeNode {
  const doc = context.model!.id;
  const file = `${name.toLowerCase()}.md`;
  for (const folder of [posix.dirname(doc), ...context.folders]) {
    for (const candidate of [file, `${name}.md`]) {
      const id = folder === "." ? candidate : `${folder}/${candidate}`;
      const model = context.byId.get(id);
      if (model && (model.title === name || model.docTitle === name)) return { ...ref, target: id };
    }
  }
  context.diagnostics.push({
    file: doc,
    line: ref.span.start.line,
    column: ref.span.start.column,
    severity: "warning",
    code: CODES.flavourLoss,
    message: `no model doc is titled ${name}, so the type this doc names ${name} is unknown (a discriminator value, say); it is read as any`,
  });
  return { kind: "primitive", name: "any", span: ref.span };
}

/**
 * The folders a namespaced name may live in, most likely first: where links with that prefix
 * point, then folders named like the namespace, then the doc's own folder.
 */
function candidateFolders(context: Context, namespace: string | null, ownFolder: string): string[] {
  const result: string[] = [];
  const add = (folder: string) => {
    if (!result.includes(folder)) result.push(folder);
  };
  if (namespace) {
    for (const folder of context.namespaces.get(namespace) ?? []) add(folder);
    for (const folder of context.folders) if (posix.basename(folder) === namespace) add(folder);
  }
  add(ownFolder);
  return result;
}

/**
 * Builds the namespace map from the links of all docs: `components.X` linking into
 * `components/` maps `components` to that folder. Folders are ordered by how many links agree.
 */
function collectNamespaces(models: readonly Model[], byId: ReadonlyMap<string, Model>, linkTarget: LinkTargets): Map<string, string[]> {
  const counts = new Map<string, Map<string, number>>();
  const visit = (doc: string, type: TypeNode): void => {
    switch (type.kind) {
      case "array":
        return visit(doc, type.element);
      case "record":
        return visit(doc, type.value);
      case "union":
        return type.members.forEach((member) => visit(doc, member));
      case "event-stream":
        return visit(doc, type.event);
      case "ref": {
        if (type.via.form !== "link") return;
        const prefix = /^([A-Za-z_$][\w$]*)\./.exec(type.via.text);
        const target = linkTarget(doc, type.via.url);
        if (!prefix || target === null || !byId.has(target)) return;
        const folders = counts.get(prefix[1]!) ?? new Map<string, number>();
        const folder = posix.dirname(target);
        folders.set(folder, (folders.get(folder) ?? 0) + 1);
        counts.set(prefix[1]!, folders);
        return;
      }
      default:
        return;
    }
  };
  for (const model of models) {
    if (model.kind === "object") tableRows(model).forEach((field) => visit(model.id, field.type));
  }
  const result = new Map<string, string[]>();
  for (const [namespace, folders] of counts) {
    result.set(
      namespace,
      [...folders].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([folder]) => folder),
    );
  }
  return result;
}

/**
 * The doc id a relative link URL points at, relative to the docs root; null when it ends outside
 * the root (climbing out and back in is fine: the generator writes every link that way, see
 * {@link pathInRoot}). Anchors and queries are dropped and percent-escapes decoded.
 */
export function linkTarget(doc: string, url: string, rootDir: string): string | null {
  let path = url.replace(/[?#].*$/, "");
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape is kept as written; it then resolves to no doc and is reported.
  }
  if (path.startsWith("/") || path.includes("\0")) return null;
  return pathInRoot(posix.join(posix.dirname(doc), path), rootDir);
}

/** The name of the docs root that Speakeasy writes its links against (`docs/models`). */
export const CONVENTIONAL_ROOT_NAME = "models";

/**
 * The paths, relative to the SDK's `docs/` folder, of the docs roots Speakeasy writes, as their
 * links name them: `docs/models/<ns>/x.md` linked as `../../models/<ns>/x.md`, and
 * `docs/sdk/models/<ns>/x.md` linked as `../../../sdk/models/<ns>/x.md`.
 */
export const CONVENTIONAL_ROOT_PATHS: readonly (readonly string[])[] = [[CONVENTIONAL_ROOT_NAME], ["sdk", CONVENTIONAL_ROOT_NAME]];

/**
 * Returns the path relative to the docs root that a path names, or null when the path ends
 * outside the root.
 *
 * The path is relative to the root and may start by climbing above it with `..` segments; the
 * root is given as its absolute `/`-separated path, of which only the folder names are read. A
 * path that climbs k folders above the root comes back into it only when its next k segments
 * name those same folders again, outermost first, except that they may end with a path that
 * Speakeasy writes for the root instead of the root's actual one (see
 * {@link CONVENTIONAL_ROOT_PATHS}): `models` for the root (`../../models/shared/x.md` from
 * `operations/`), or `sdk/models` for the root and its parent (`../../../sdk/models/shared/x.md`
 * from `shared/`). A docs tree copied into a folder of any other name therefore keeps its links,
 * and a root that is actually named so resolves links as it always did. A path that climbs
 * higher than the root has ancestors, descends into a folder other than the one it climbed out
 * of (or than that conventional path), or stops at the root or above it leaves the root.
 */
export function pathInRoot(path: string, rootDir: string): string | null {
  const segments = posix.normalize(path).split("/").filter((segment) => segment !== "" && segment !== ".");
  let climbs = 0;
  while (segments[climbs] === "..") climbs++;
  const ancestors = rootDir.split("/").filter((segment) => segment !== "");
  if (climbs > ancestors.length) return null;
  const climbedOutOf = ancestors.slice(ancestors.length - climbs);
  const descent = segments.slice(climbs, 2 * climbs);
  const comesBack = (actual: number, conventional: readonly string[]): boolean =>
    descent.length === climbs &&
    descent.every((segment, index) => (index < actual ? segment === climbedOutOf[index] : segment === conventional[index - actual]));
  const back =
    comesBack(climbs, []) ||
    CONVENTIONAL_ROOT_PATHS.some((conventional) => conventional.length <= climbs && comesBack(climbs - conventional.length, conventional));
  if (!back) return null;
  const inside = segments.slice(2 * climbs);
  return inside.length === 0 ? null : inside.join("/");
}

/** Reports two models of one folder with the same title: their exports would clash. */
function checkTitles(models: readonly Model[], diagnostics: Diagnostic[]): void {
  const seen = new Map<string, string>();
  for (const model of models) {
    const key = `${posix.dirname(model.id)}\u0000${model.title}`;
    const first = seen.get(key);
    if (first) {
      diagnostics.push({
        file: model.id,
        line: model.span.start.line,
        column: model.span.start.column,
        severity: "error",
        code: CODES.duplicateTitle,
        message: `the title ${model.title} is already used by ${first} in the same folder`,
      });
    } else {
      seen.set(key, model.id);
    }
  }
}
