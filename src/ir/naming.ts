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
