import { typescriptModelName } from "../common.js";

/**
 * A Go name with its initialisms written as ordinary words: Go writes `ID`, `URL`, `JSON`, `HTTP`
 * (`PartnerID`, `APIKeyAuth`, `HTTPStatus`) where the TypeScript SDK, which camel-cases the same
 * OpenAPI names, writes `Id`, `Url`, `Json`, `Http`. Every run of two or more capitals is such an
 * initialism, up to the capital that starts the next word (`APIKey` is `Api` `Key`); digits,
 * underscores and the other letters are kept (`UTF8` -> `Utf8`, `Int32Enum` stays).
 */
function softenInitialisms(name: string): string {
  return name.replace(/[A-Z]{2,}/g, (run, at: number) => {
    const next = name[at + run.length];
    const initialism = next !== undefined && /[a-z]/.test(next) ? run.slice(0, -1) : run;
    if (initialism.length < 2) return run;
    return initialism[0]! + initialism.slice(1).toLowerCase() + run.slice(initialism.length);
  });
}

/**
 * The TypeScript property name of a Go field: `PartnerID` -> `partnerId`, `JSON` -> `json`,
 * `APIKeyAuthNew` -> `apiKeyAuthNew`, `Float32` -> `float32`. A name the TypeScript SDK spells
 * with an upper-case run of its own (`imageURL`) cannot be told from the Go name and comes out as
 * `imageUrl` (README, "Other SDK languages' docs").
 */
export function goPropertyName(name: string): string {
  const soft = softenInitialisms(name);
  return soft.slice(0, 1).toLowerCase() + soft.slice(1);
}

/**
 * The warning for a Go field name with an initialism after its first word (`ImageURL`,
 * `PartnerID`): the TypeScript SDK camel-cases the OpenAPI name, which may have been `imageURL` as
 * well as `image_url`, so the property (and, with `--wire-case preserve`, the wire key) may be
 * either. A leading initialism (`URLFormat` -> `urlFormat`, `ID` -> `id`) is certain.
 */
export function goPropertyNameLoss(name: string): string | null {
  const firstWordEnd = name.search(/[a-z0-9]/);
  if (firstWordEnd < 0 || softenInitialisms(name.slice(firstWordEnd)) === name.slice(firstWordEnd)) return null;
  const kept = name[0]!.toLowerCase() + name.slice(1);
  return `Go writes initialisms in capitals whatever the API's spelling: ${name} is read as ${goPropertyName(name)}, which the TypeScript SDK and the wire may spell ${kept} (a wire-name override keyed ${name} sets the wire key)`;
}

/**
 * The TypeScript member name of a Go enum constant, which Go prefixes with the enum's type name:
 * `AccessLevelWrite` in `# AccessLevel` -> `Write`, `EventURL` in `# Event` -> `Url`. A name
 * without that prefix, or whose rest does not start a new word, is kept whole (initialisms
 * aside).
 */
export function goEnumMemberName(name: string, typeName: string): string {
  const rest = typeName !== "" && name.startsWith(typeName) ? name.slice(typeName.length) : "";
  const member = /^[A-Z]/.test(rest) ? rest : name;
  return softenInitialisms(member);
}

/** Go has no reserved names that its SDK renames models for. */
const GO_RESERVED: ReadonlySet<string> = new Set();

/**
 * The TypeScript name of the model of a Go doc's title: initialisms as ordinary words
 * (`URLEvent` -> `UrlEvent`, `HTTPBinSimpleJSONObject` -> `HttpBinSimpleJsonObject`) and the
 * TypeScript SDK's `T` after the names of JavaScript globals (`File` -> `FileT`).
 */
export function goModelName(title: string): string {
  return typescriptModelName(softenInitialisms(title), GO_RESERVED);
}
