/** Words that cannot name a declaration of a module (JS reserved words and TS type keywords). */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "implements interface let package private protected public static yield await arguments eval " +
    "any bigint boolean never number object string symbol undefined unknown"
  ).split(" "),
);

/**
 * The TypeScript name of a model: its title, or the title with a `Model` suffix when the title is
 * a reserved word or type keyword (`# string` declares `stringModel`). Titles are identifiers
 * (the parser refuses others), so no other change is needed.
 */
export function modelName(title: string): string {
  return RESERVED.has(title) ? `${title}Model` : title;
}

/**
 * The model names that the TypeScript generator suffixes with `T` because they would shadow a
 * global of the platform (`Error`, `File`, `Response`, ...), as the TypeScript SDKs of the
 * flavour corpora and of public SDKs show them.
 */
const SHADOWING_TITLES = new Set(["Error", "File", "Function", "Object", "Request", "Response"]);

/**
 * The TypeScript SDK's name for a model that another language's doc titles `title`: the title,
 * with `T` after a name that would shadow a platform global (`# Error` is `ErrorT`).
 */
export function typeScriptModelTitle(title: string): string {
  return SHADOWING_TITLES.has(title) ? `${title}T` : title;
}
