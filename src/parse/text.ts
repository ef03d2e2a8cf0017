/**
 * Turns the markdown of a table cell into plain multi-line text: the HTML line breaks that
 * flatten multi-line text into one row (`<br/>`, `<br>`, `<br />`) become newlines, and escaped
 * pipes (`\|`) become pipes.
 */
export function cellToText(cell: string): string {
  return cell.replace(/<br\s*\/?>/gi, "\n").replace(/\\\|/g, "|");
}

/** Reads a Description cell: `N/A` (the generator's "no description") and empty cells are null. */
export function readDescription(cell: string): string | null {
  if (cell === "" || cell === "N/A") return null;
  const text = cellToText(cell).trim();
  return text === "" ? null : text;
}

/** Reads an Example cell: empty is null; otherwise the display text with line breaks restored. */
export function readExample(cell: string | undefined): string | null {
  if (cell === undefined || cell === "") return null;
  return cellToText(cell);
}
