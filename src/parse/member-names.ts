/**
 * Derives a member name for a value of a code-block enum (`"a" | "b"`), which carries no names:
 * the value's words in PascalCase (`in_progress` -> `InProgress`, `ON_LEAVE` -> `OnLeave`, `/v1/ocr` -> `V1Ocr`), a
 * `Value` prefix when that would start with a digit or be empty (`24h` -> `Value24h`), numbers as
 * `Value404` / `ValueMinus1`, and a numeric suffix for the second of two equal names. The result
 * depends only on the values and their order, so reruns agree.
 */
export function deriveMemberNames(values: readonly (string | number)[]): string[] {
  const used = new Set<string>();
  return values.map((value) => {
    const base = baseName(value);
    let name = base;
    for (let suffix = 2; used.has(name); suffix += 1) name = `${base}${suffix}`;
    used.add(name);
    return name;
  });
}

function baseName(value: string | number): string {
  if (typeof value === "number") {
    return `Value${String(value).replace("-", "Minus").replace(".", "_")}`;
  }
  const words = value.split(/[^A-Za-z0-9]+/).filter((word) => word !== "");
  // A word in one case (`ON`, `leave`) is capitalised; a mixed-case word (`iPhone`) keeps its inner capitals.
  const pascal = (word: string) =>
    word === word.toUpperCase() || word === word.toLowerCase()
      ? word[0]!.toUpperCase() + word.slice(1).toLowerCase()
      : word[0]!.toUpperCase() + word.slice(1);
  const joined = words.map(pascal).join("");
  if (joined === "") return value === "" ? "Empty" : "Value";
  return /^[0-9]/.test(joined) ? `Value${joined}` : joined;
}
