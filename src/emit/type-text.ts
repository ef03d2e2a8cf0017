import { modelName } from "../ir/naming.js";
import type { TypeNode } from "../ir/types.js";
import type { EmitContext } from "./context.js";
import { EXTERNAL_TYPES } from "./externals.js";
import { quote } from "./identifiers.js";
import { RUNTIME_PATH, moduleSpecifier, outputPathOf } from "./paths.js";
import { globalName, importName } from "./scope.js";

/**
 * Registers the imports a type needs (referenced models, runtime types) in the file's scope.
 * Run over every type of a file before printing any, so that shadowed globals are known.
 */
export function collectTypeImports(context: EmitContext, type: TypeNode): void {
  switch (type.kind) {
    case "primitive":
      if (type.name === "decimal") runtimeType(context, "Decimal");
      return;
    case "date":
      runtimeType(context, "DateOnly");
      return;
    case "date-time":
    case "literal":
      return;
    case "external": {
      const runtime = EXTERNAL_TYPES[type.name].runtime;
      if (runtime) runtimeType(context, runtime);
      return;
    }
    case "ref":
      modelRef(context, type.target);
      return;
    case "array":
      return collectTypeImports(context, type.element);
    case "record":
      return collectTypeImports(context, type.value);
    case "union":
      return type.members.forEach((member) => collectTypeImports(context, member));
    case "event-stream":
      return collectTypeImports(context, type.event);
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

/**
 * Prints the TypeScript type of a type node, in the model (not wire) form: `Date` for date-times,
 * the runtime's `DateOnly` for date-only values, `unknown` for `*any*` (unless configured),
 * `{ [key: string]: T }` for records (never the global `Record`, which a model may shadow).
 */
export function typeText(context: EmitContext, type: TypeNode): string {
  switch (type.kind) {
    case "primitive":
      switch (type.name) {
        case "any":
          return context.options.anyType;
        case "bigint":
          return "bigint";
        case "decimal":
          return runtimeType(context, "Decimal");
        default:
          return type.name;
      }
    case "date-time":
      return globalName(context.scope, "Date");
    case "date":
      return runtimeType(context, "DateOnly");
    case "literal":
      return typeof type.value === "string" ? quote(type.value) : String(type.value);
    case "external": {
      const mapping = EXTERNAL_TYPES[type.name];
      if (mapping.runtime) return runtimeType(context, mapping.runtime);
      const name = globalName(context.scope, mapping.global!);
      return mapping.args ? `${name}${mapping.args.replace("Uint8Array", globalName(context.scope, "Uint8Array"))}` : name;
    }
    case "ref":
      return modelRef(context, type.target);
    case "array": {
      if (type.element.kind !== "union") return `${typeText(context, type.element)}[]`;
      const members = unionMemberTexts(context, type.element.members);
      return members.length > 1 ? `(${members.join(" | ")})[]` : `${members[0]}[]`;
    }
    case "record":
      return `{ [key: string]: ${typeText(context, type.value)} }`;
    case "union":
      return unionMemberTexts(context, type.members).join(" | ");
    case "event-stream":
      return `${globalName(context.scope, "AsyncIterable")}<${typeText(context, type.event)}>`;
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

/** The printed members of a union, each once (docs may list `number` twice). */
export function unionMemberTexts(context: EmitContext, members: readonly TypeNode[]): string[] {
  return [...new Set(members.map((member) => typeText(context, member)))];
}

function runtimeType(context: EmitContext, name: string): string {
  return importName(context.scope, moduleSpecifier(context.path, RUNTIME_PATH), name, true);
}

function modelRef(context: EmitContext, target: string | null): string {
  const model = target === null ? undefined : context.lookup(target);
  if (!model) return "unknown";
  const name = modelName(model.title);
  if (model.id === context.model.id) return name;
  return importName(context.scope, moduleSpecifier(context.path, outputPathOf(model.id)), name, true);
}
