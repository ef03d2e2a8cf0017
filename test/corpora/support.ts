// Shared helpers of the tests over the real SDK corpora (read from ../shared/corpora, never
// copied): which corpora exist, generating one into a temporary folder, and building the smallest
// valid wire value of a model from the IR.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { EmitOptions } from "../../src/emit/options.js";
import { FLAVOUR_NAMES, type FlavourName, type Model, type TypeNode } from "../../src/ir/types.js";
import { ROOT } from "../helpers.js";
import { docsOf, generateToTemp, type TempOutput } from "../runtime/support.js";

/** The folder of the corpora beside the project. */
export const CORPORA = join(ROOT, "..", "shared", "corpora");

/**
 * The corpora of TypeScript-flavour docs (those whose oracle has no `flavour` block), sorted; an
 * empty list when the corpora are not beside the project.
 */
export function typescriptCorpora(): string[] {
  if (!existsSync(CORPORA)) return [];
  return readdirSync(CORPORA)
    .filter((name) => existsSync(join(CORPORA, name, "expected.json")))
    .filter((name) => !("flavour" in (JSON.parse(readFileSync(join(CORPORA, name, "expected.json"), "utf8")) as object)))
    .sort();
}

/**
 * The corpora of other SDK languages' docs whose language mdspec reads, with that language,
 * sorted by name.
 */
export function flavourCorpora(): { readonly name: string; readonly language: FlavourName }[] {
  if (!existsSync(CORPORA)) return [];
  return readdirSync(CORPORA)
    .filter((name) => existsSync(join(CORPORA, name, "expected.json")))
    .map((name) => ({ name, language: (JSON.parse(readFileSync(join(CORPORA, name, "expected.json"), "utf8")) as { flavour?: { language?: string } }).flavour?.language }))
    .filter((entry): entry is { name: string; language: FlavourName } => (FLAVOUR_NAMES as readonly (string | undefined)[]).includes(entry.language))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** The docs root of a corpus. */
export function corpusRoot(name: string): string {
  return join(CORPORA, name, "docs", "models");
}

/** Generates a whole corpus with `options` into a temporary folder. */
export async function generateCorpus(name: string, options: Parameters<typeof generateToTemp>[1]): Promise<TempOutput> {
  const root = corpusRoot(name);
  return generateToTemp(await docsOf(root), options, root);
}

/** The output module path of a doc (`components/x.md` -> `components/x.ts`). */
export function modulePath(id: string): string {
  return id.replace(/\.md$/, ".ts");
}

/**
 * Whether a field of this type takes null under either required-nulls policy, because its
 * decoder accepts any value: `*any*`, opaque models, and unions with such a member (as the
 * generator's own rule).
 */
export function decodesNullAnyway(type: TypeNode, lookup: (id: string) => Model | undefined, seen: ReadonlySet<string> = new Set()): boolean {
  switch (type.kind) {
    case "primitive":
      return type.name === "any";
    case "ref": {
      const target = type.target === null ? undefined : lookup(type.target);
      if (!target || seen.has(target.id)) return false;
      if (target.kind === "opaque") return true;
      return target.kind === "union" && target.members.some((member) => decodesNullAnyway(member.type, lookup, new Set([...seen, target.id])));
    }
    case "union":
      return type.members.some((member) => decodesNullAnyway(member, lookup, seen));
    default:
      return false;
  }
}

/** The value cannot be built from the docs alone (a platform object, a stream, a cycle). */
const UNBUILDABLE = Symbol("unbuildable");

/**
 * The smallest wire value a model accepts under the default options (wire names as the doc
 * writes them): only its required fields, each with the simplest value of its type; null when
 * the model needs something a JSON value cannot hold (a `Blob`, a stream) or has a required
 * cycle.
 */
export function minimalWire(model: Model, lookup: (id: string) => Model | undefined): unknown {
  const value = build(model, lookup, new Set());
  return value === UNBUILDABLE ? null : value;
}

function build(model: Model, lookup: (id: string) => Model | undefined, path: ReadonlySet<string>): unknown {
  if (path.has(model.id)) return UNBUILDABLE;
  const inner = new Set([...path, model.id]);
  switch (model.kind) {
    case "object": {
      const result: Record<string, unknown> = {};
      for (const field of model.fields) {
        if (!field.required) continue;
        const value = buildType(field.type, lookup, inner);
        if (value === UNBUILDABLE) return UNBUILDABLE;
        result[field.name] = value;
      }
      return result;
    }
    case "enum":
      return model.members[0]?.value ?? UNBUILDABLE;
    case "union":
      for (const member of model.members) {
        const value = buildType(member.type, lookup, inner);
        if (value !== UNBUILDABLE) return value;
      }
      return UNBUILDABLE;
    case "opaque":
      return "opaque";
    default: {
      const unreachable: never = model;
      return unreachable;
    }
  }
}

function buildType(type: TypeNode, lookup: (id: string) => Model | undefined, path: ReadonlySet<string>): unknown {
  switch (type.kind) {
    case "primitive":
      return { string: "s", number: 1, boolean: true, any: "any", bigint: "12", decimal: "1.5" }[type.name];
    case "date-time":
      return "2024-01-02T03:04:05.000Z";
    case "date":
      return "2024-01-02";
    case "literal":
      return type.value;
    case "ref": {
      const target = type.target === null ? undefined : lookup(type.target);
      return target ? build(target, lookup, path) : UNBUILDABLE;
    }
    case "array":
      return [];
    case "record":
      return {};
    case "union":
      for (const member of type.members) {
        const value = buildType(member, lookup, path);
        if (value !== UNBUILDABLE) return value;
      }
      return UNBUILDABLE;
    case "external":
    case "event-stream":
      return UNBUILDABLE;
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}
