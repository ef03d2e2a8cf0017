import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { type GenerateResult, generate } from "../src/generate.js";
import { readExample } from "../src/ir/examples.js";
import type { Model, TypeNode } from "../src/ir/types.js";
import { evaluateSnippet } from "./example-usage.js";
import { ROOT } from "./helpers.js";

// Every usable documented example of specs/ runs through the generated validators: the Example
// column (scalars by type, JSON cells through the referenced model's parser) and the
// `## Example Usage` blocks (evaluated, then checked with isX and a serialize/parse round trip).

type Module = Record<string, unknown>;

let result: GenerateResult;
const byId = new Map<string, Model>();
const modules = new Map<string, Module>();

async function moduleOf(id: string): Promise<Module> {
  let module = modules.get(id);
  if (!module) {
    module = (await import(pathToFileURL(join(ROOT, "generated", id.replace(/\.md$/, ".ts"))).href)) as Module;
    modules.set(id, module);
  }
  return module;
}

/** A runtime type constant (`$string`, `$dateTime`, …), whose decoder throws on a bad value without a context. */
function typeOf(module: Module, name: string): { decode(value: unknown, context: null): unknown } {
  const value = module[name];
  if (typeof value !== "object" || value === null || typeof (value as { decode?: unknown }).decode !== "function") throw new Error(`missing type ${name}`);
  return value as { decode(value: unknown, context: null): unknown };
}

function fn(module: Module, name: string): (...args: unknown[]) => unknown {
  const value = module[name];
  if (typeof value !== "function") throw new Error(`missing export ${name}`);
  return value as (...args: unknown[]) => unknown;
}

beforeAll(async () => {
  result = await generate({ input: join(ROOT, "specs") });
  for (const model of result.schema.models) byId.set(model.id, model);
});

/** Validates a wire value against a type with the generated code; returns the problems. */
async function validate(type: TypeNode, value: unknown, runtime: Module): Promise<string[]> {
  switch (type.kind) {
    case "ref": {
      const target = byId.get(type.target!)!;
      const parsed = fn(await moduleOf(target.id), `safeParse${target.title}`)(value) as { success: boolean; error?: Error };
      return parsed.success ? [] : [`${target.title}: ${parsed.error?.message}`];
    }
    case "array":
      if (!Array.isArray(value)) return ["expected an array"];
      return (await Promise.all(value.map((element) => validate(type.element, element, runtime)))).flat();
    case "record":
      if (typeof value !== "object" || value === null) return ["expected an object"];
      return (await Promise.all(Object.values(value).map((element) => validate(type.value, element, runtime)))).flat();
    default: {
      const decoders: Partial<Record<string, string>> = {
        string: "$string",
        number: "$number",
        boolean: "$boolean",
        bigint: "$bigint",
        decimal: "$decimal",
      };
      const name = type.kind === "primitive" ? decoders[type.name] : type.kind === "date-time" ? "$dateTime" : type.kind === "date" ? "$dateOnly" : undefined;
      if (!name) return [];
      try {
        typeOf(runtime, name).decode(value, null);
        return [];
      } catch {
        return [`${JSON.stringify(value)} rejected by ${name}`];
      }
    }
  }
}

describe("Example column of specs/", () => {
  it("accepts every usable example and reports only the contradicting ones as warnings", async () => {
    const runtime = await import(pathToFileURL(join(ROOT, "generated", "runtime.ts")).href);
    const warned = new Set(result.diagnostics.filter((d) => d.code === "MDS301").map((d) => `${d.file}:${d.line}`));
    let usable = 0;
    const failures: string[] = [];
    for (const model of result.schema.models) {
      if (model.kind !== "object") continue;
      for (const field of model.fields) {
        const verdict = readExample(field, (id) => byId.get(id));
        if (verdict.kind === "contradicts") {
          expect(warned.has(`${model.id}:${field.span.start.line}`), `${model.id} ${field.name} is not warned`).toBe(true);
          continue;
        }
        if (verdict.kind !== "usable") continue;
        usable += 1;
        const problems = await validate(field.type, verdict.value, runtime);
        if (problems.length > 0) failures.push(`${model.id} ${field.name}: ${problems.join("; ")}`);
      }
    }
    expect(failures).toEqual([]);
    expect(usable).toBeGreaterThan(100);
  });

  it("warns about the seed's contradicting examples", () => {
    const messages = result.diagnostics.filter((d) => d.code === "MDS301").map((d) => `${d.file}: ${d.message}`);
    expect(messages).toContain('models/shared/syncrun.md: currentStep: the example "Running Sync" is not a value of CurrentStep (did the doc mean "Running sync"?)');
    expect(messages.some((message) => message.includes("[object Object]"))).toBe(true);
  });
});

/** The enum object a snippet imports by name (`Currency`), from the generated module of that enum. */
async function enumObject(name: string): Promise<unknown> {
  const model = [...byId.values()].find((candidate) => candidate.kind === "enum" && candidate.title === name);
  return model ? (await moduleOf(model.id))[name] : undefined;
}

describe("Example Usage blocks of specs/", () => {
  it("pass isX and survive serialize → JSON → parse", async () => {
    const runtime = await import(pathToFileURL(join(ROOT, "generated", "runtime.ts")).href);
    const failures: string[] = [];
    let checked = 0;
    for (const model of result.schema.models) {
      if (!model.exampleUsage || model.kind === "opaque") continue;
      const evaluated = await evaluateSnippet(model.exampleUsage, runtime, enumObject);
      if (!("value" in evaluated)) continue;
      const module = await moduleOf(model.id);
      const value = evaluated.value;
      checked += 1;
      if (!fn(module, `is${model.title}`)(value)) {
        failures.push(`${model.id}: is${model.title} rejects the example`);
        continue;
      }
      const serialize = model.kind === "enum" ? (input: unknown) => input : fn(module, `serialize${model.title}`);
      const wire = JSON.parse(JSON.stringify(serialize(value), (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item)));
      const parsed = fn(module, `safeParse${model.title}`)(wire) as { success: boolean; data?: unknown; error?: Error };
      if (!parsed.success) {
        failures.push(`${model.id}: ${parsed.error?.message}`);
        continue;
      }
      try {
        expect(parsed.data).toEqual(value);
      } catch (error) {
        failures.push(`${model.id}: round trip differs: ${(error as Error).message.split("\n")[0]}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(30);
  });
});
