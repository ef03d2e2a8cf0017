/**
 * The intermediate schema (IR): plain, readonly, JSON-serialisable data that the parse stage
 * produces, the ir stage resolves, and the emit stage turns into TypeScript. Nothing here depends
 * on ts-morph or remark. The shape is versioned by {@link IR_VERSION}; the README documents it.
 */

/** The version of the IR shape printed by `mdspec ir`; bumped on any incompatible change. */
export const IR_VERSION = 3;

/** The SDK languages whose model docs mdspec reads (`--flavour`), in the order the docs list them. */
export const FLAVOUR_NAMES = ["typescript", "python", "go", "java", "csharp", "php", "ruby"] as const;

/** An SDK language whose model docs mdspec reads: the docs root's flavour. */
export type FlavourName = (typeof FLAVOUR_NAMES)[number];

/**
 * The flavour of each doc of a root: `{ ".": "python" }` for a root in one language, or one entry
 * per folder whose docs speak one language (`{ "go": "go", "models": "typescript" }`) for a root
 * whose folders hold the docs of different SDK languages. A doc takes the entry of its nearest
 * folder that has one, else TypeScript.
 */
export type FlavourMap = Readonly<Record<string, FlavourName>>;

/** The flavour of the doc at `path` (relative to the root) under `flavours`. */
export function flavourOf(flavours: FlavourMap, path: string): FlavourName {
  let folder = path;
  for (;;) {
    const slash = folder.lastIndexOf("/");
    folder = slash < 0 ? "." : folder.slice(0, slash);
    if (Object.prototype.hasOwnProperty.call(flavours, folder)) return flavours[folder]!;
    if (folder === ".") return "typescript";
  }
}

/** A 1-based line and column in a markdown doc, with the 0-based character offset. */
export interface Point {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** The source range of an IR node inside its doc. */
export interface Span {
  readonly start: Point;
  readonly end: Point;
}

/** A primitive scalar as the Type column writes it (`*string*`, `*BigInt*`, ...). */
export type PrimitiveName = "string" | "number" | "boolean" | "any" | "bigint" | "decimal";

/** A non-JSON type from the platform or an HTTP client, carried through a documented mapping. */
export type ExternalName =
  | "Response"
  | "AxiosResponse"
  | "Request"
  | "File"
  | "Blob"
  | "Uint8Array"
  | "ReadableStream<Uint8Array>";

/** `*string*`, `*number*`, `*boolean*`, `*any*`, `*BigInt*`, `*Decimal*`. */
export interface PrimitiveType {
  readonly kind: "primitive";
  readonly name: PrimitiveName;
  readonly span: Span;
}

/** `[Date](MDN)`: an ISO 8601 date-time on the wire, a `Date` in the model. */
export interface DateTimeType {
  readonly kind: "date-time";
  readonly span: Span;
}

/** `[RFCDate](../../types/rfcdate.md)`: a date-only `YYYY-MM-DD` value. */
export interface DateType {
  readonly kind: "date";
  readonly span: Span;
}

/**
 * A reference to another model doc. Before resolution (`target` null) it carries what the doc
 * wrote: a link URL relative to the doc, or a namespaced name `ns.X` / `X`.
 */
export interface RefType {
  readonly kind: "ref";
  /** The written reference: a relative link or a bare/namespaced name. */
  readonly via: { readonly form: "link"; readonly url: string; readonly text: string } | {
    readonly form: "name";
    readonly namespace: string | null;
    readonly name: string;
    /**
     * True when a flavour guessed the name from something that only may name a model (a C# union
     * member `### SimpleObject`, which may as well be a discriminator value such as `Tag1`): the
     * model may live in any folder, and when no doc has that title the type is `any`, with a
     * warning instead of an error.
     */
    readonly guessed?: boolean;
  };
  /** The id (doc path relative to the root) of the referenced model once resolved. */
  readonly target: string | null;
  readonly span: Span;
}

/** `T[]`. */
export interface ArrayType {
  readonly kind: "array";
  readonly element: TypeNode;
  readonly span: Span;
}

/** `Record<string, T>` (or `{ [k: string]: T }` in union headings). */
export interface RecordType {
  readonly kind: "record";
  readonly value: TypeNode;
  readonly span: Span;
}

/**
 * `*"click"*`, `*true*`, `*false*`: a literal (const) type; `null` where a doc says the value is
 * always null (Python's `Literal[None]`).
 */
export interface LiteralType {
  readonly kind: "literal";
  readonly value: string | number | boolean | null;
  readonly span: Span;
}

/** `A \| B`: the inline union of the Type column (`[File](…) \| [Blob](…) \| [ns.X](…)`). */
export interface UnionType {
  readonly kind: "union";
  readonly members: readonly TypeNode[];
  readonly span: Span;
}

/** A non-JSON platform type (`Response`, `File`, streams, ...). */
export interface ExternalType {
  readonly kind: "external";
  readonly name: ExternalName;
  readonly span: Span;
}

/** `EventStream<ns.X>`: a server-sent event stream whose events are `X`. */
export interface EventStreamType {
  readonly kind: "event-stream";
  readonly event: TypeNode;
  readonly span: Span;
}

/** Every type form of the Type column and of union member headings. */
export type TypeNode =
  | PrimitiveType
  | DateTimeType
  | DateType
  | RefType
  | ArrayType
  | RecordType
  | LiteralType
  | UnionType
  | ExternalType
  | EventStreamType;

/** One row of a `## Fields` table. */
export interface Field {
  /**
   * The TypeScript property name: the Field column (`` `name` ``) as written in TypeScript docs,
   * turned back into the TypeScript SDK's spelling in other languages' docs (`connector_id`).
   */
  readonly name: string;
  /** The identifier as the Field column writes it (`connector_id` in Python docs). */
  readonly docName: string;
  readonly type: TypeNode;
  readonly required: boolean;
  /**
   * Whether the doc says the value may be `null` (Python `Nullable[T]`, Java `JsonNullable<T>`, a
   * Go pointer or a PHP `?T` on a required field). TypeScript docs never say so: always false.
   */
  readonly nullable: boolean;
  /** True for `` ~~`name`~~ ``. */
  readonly deprecated: boolean;
  /** The Description cell as markdown with `<br/>` turned into newlines; null for `N/A`. */
  readonly description: string | null;
  /** The Example cell as written (display text, not JSON); null when empty. */
  readonly example: string | null;
  readonly span: Span;
}

/** One member of an enum. */
export interface EnumMember {
  /** The member name: from the Name column, or derived from the value for code-block enums. */
  readonly name: string;
  readonly value: string | number;
  readonly span: Span;
}

/** One `### \`T\`` member of a union doc, with its example code block when there is one. */
export interface UnionMember {
  readonly type: TypeNode;
  readonly example: string | null;
  readonly span: Span;
}

/** What every model kind shares. */
interface ModelCommon {
  /** The doc path relative to the docs root, with `/` separators: `models/shared/syncrun.md`. */
  readonly id: string;
  /**
   * The model's TypeScript name: the title of the doc (`# SyncRun`, strikethrough removed), as
   * the TypeScript SDK spells it (`# Error` in a Python doc is `ErrorT`).
   */
  readonly title: string;
  /** The title as the doc writes it, when the TypeScript name differs (`Error`). */
  readonly docTitle?: string;
  readonly deprecated: boolean;
  /** The prose between the title and the first section, as markdown; null when absent. */
  readonly description: string | null;
  /** The source of the `## Example Usage` code block, when the doc has one. */
  readonly exampleUsage: string | null;
  readonly span: Span;
}

/**
 * The `additionalProperties` row of a `## Fields` table (`Record<string, *any*>` in the Zod-era
 * docs): not a wire key but the catch-all of the model. The wire keys the model does not declare
 * are collected into this property on decode and written back beside the declared ones on encode.
 */
export interface AdditionalPropertiesField extends Field {
  readonly type: RecordType;
}

/** A `## Fields` doc. */
export interface ObjectModel extends ModelCommon {
  readonly kind: "object";
  /** The declared fields, each with a wire key, in table order (the catch-all row excluded). */
  readonly fields: readonly Field[];
  /** The `additionalProperties` catch-all row, when the table has one. */
  readonly additionalProperties: AdditionalPropertiesField | null;
}

/** A `## Values` doc. */
export interface EnumModel extends ModelCommon {
  readonly kind: "enum";
  readonly members: readonly EnumMember[];
  /** Whether the member names come from a `| Name | Value |` table (else they are derived). */
  readonly namedMembers: boolean;
  /** `string` or `number` for an open enum (`Unrecognized<string>`), null for a closed one. */
  readonly open: "string" | "number" | null;
}

/** A `## Supported Types` doc. */
export interface UnionModel extends ModelCommon {
  readonly kind: "union";
  readonly members: readonly UnionMember[];
}

/** A doc with only a title (and description): its shape is not documented. */
export interface OpaqueModel extends ModelCommon {
  readonly kind: "opaque";
}

/** Every row of an object model's table: the declared fields, then the catch-all row if any. */
export function tableRows(model: ObjectModel): readonly Field[] {
  return model.additionalProperties ? [...model.fields, model.additionalProperties] : model.fields;
}

/** Every model kind. */
export type Model = ObjectModel | EnumModel | UnionModel | OpaqueModel;

/** How serious a diagnostic is. */
export type Severity = "error" | "warning" | "info";

/** A problem found in a doc, returned as data and printed by the CLI. */
export interface Diagnostic {
  /** The doc path relative to the docs root. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: Severity;
  /** A stable rule code, such as `MDS101`. */
  readonly code: string;
  readonly message: string;
}

/** The whole resolved schema of a docs root. */
export interface Schema {
  readonly version: typeof IR_VERSION;
  /** The SDK language of the root's docs (see {@link FlavourMap}). */
  readonly flavours: FlavourMap;
  /** Models sorted by id. */
  readonly models: readonly Model[];
}
