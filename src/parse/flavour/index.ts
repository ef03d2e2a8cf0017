import type { FlavourFrontEnd, FlavourName } from "./flavour.js";
import { CSHARP } from "./csharp/index.js";
import { GO } from "./go/index.js";
import { PHP } from "./php/index.js";
import { JAVA } from "./java/index.js";
import { PYTHON } from "./python/index.js";
import { RUBY } from "./ruby/index.js";
import { TYPESCRIPT } from "./typescript/index.js";

export { FLAVOUR_NAMES, type FlavourName } from "./flavour.js";

/** The front-end that reads the docs of one SDK language. */
export function frontEnd(flavour: FlavourName): FlavourFrontEnd {
  switch (flavour) {
    case "typescript":
      return TYPESCRIPT;
    case "python":
      return PYTHON;
    case "go":
      return GO;
    case "csharp":
      return CSHARP;
    case "php":
      return PHP;
    case "java":
      return JAVA;
    case "ruby":
      return RUBY;
    default: {
      const unreachable: never = flavour;
      return unreachable;
    }
  }
}
