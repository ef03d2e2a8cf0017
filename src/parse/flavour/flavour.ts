import type { FlavourName, Model, ObjectModel, Point, TypeNode } from "../../ir/types.js";

export { FLAVOUR_NAMES, type FlavourName } from "../../ir/types.js";

/**
 * Something a doc of a flavour does not say that the TypeScript docs would (the date of a PHP
 * `\DateTime`, the members of a Java union doc): reported as a warning where a doc hits it.
 */
export interface FlavourLoss {
  /** Offset in the cell or heading text the loss was found at. */
  readonly offset: number;
  readonly message: string;
}

/** The outcome of reading a Type cell of a flavour. */
export type FlavourTypeParse =
  | {
      readonly ok: true;
      readonly type: TypeNode;
      /** Whether the doc says the value may be null (Python `Nullable[T]`, a Go pointer on a required field, ...). */
      readonly nullable: boolean;
      readonly losses: readonly FlavourLoss[];
    }
  | { readonly ok: false; readonly offset: number; readonly message: string };

/**
 * The outcome of reading one `###` member of a flavour's union doc. A failure's offset is in the
 * heading text, or -1 for the heading as a whole; its message is printed as it is.
 */
export type FlavourMemberParse =
  | { readonly ok: true; readonly type: TypeNode; readonly losses: readonly FlavourLoss[] }
  | { readonly ok: false; readonly offset: number; readonly message: string };

/** One `###` member of a `## Supported Types` section as the shared reader found it. */
export interface UnionMemberSource {
  /** The heading text after `###`, trimmed (`` `str` ``, `ExampleBoat`, `Str`, or empty). */
  readonly heading: string;
  /** Where the heading text starts. */
  readonly headingStart: Point;
  /** The first code block after the heading, when there is one. */
  readonly code: string | null;
  /** The title of the union doc (`ExampleVehicle`). */
  readonly modelTitle: string;
}

/**
 * The rest of a `## Fields` row, for a flavour whose Type cell leaves something open that the row
 * may tell (a PHP `\DateTime` is a date or a date-time: the Example cell or the field's name says).
 */
export interface TypeCellRow {
  /** The identifier of the Field cell, as written (`dateTime`, `created_at`). */
  readonly field: string;
  /** The Description cell, null for `N/A`. */
  readonly description: string | null;
  /** The Example cell as written, null when empty. */
  readonly example: string | null;
  /** The title of the doc (`SimpleObject`). */
  readonly modelTitle: string;
}

/**
 * The front-end of one flavour: what differs between the model docs of the SDK languages. The
 * section and table reading is shared (src/parse); a flavour reads Type cells, names and union
 * members, and always produces the one intermediate schema.
 */
export interface FlavourFrontEnd {
  readonly name: FlavourName;
  /**
   * Reads a Type cell. `cellStart` is where the cell text begins (node spans are relative to it);
   * `required` is the Required column, which tells a Go pointer or a PHP `?T` that is nullable;
   * `row` is the rest of the row, for what the cell leaves open.
   */
  readTypeCell(cell: string, cellStart: Point, required: boolean, row?: TypeCellRow): FlavourTypeParse;
  /** The TypeScript name of a model from its doc's title (`Error` -> `ErrorT`, `AnyT` -> `Any`). */
  modelName(title: string): string;
  /** The TypeScript property name of a Field cell's identifier (`connector_id` -> `connectorId`). */
  propertyName(fieldCell: string): string;
  /**
   * The warning for a Field cell whose TypeScript spelling the doc does not tell (Go's `ImageURL`
   * may be `imageUrl` or `imageURL`), or null; absent when every name is certain.
   */
  readonly propertyNameLoss?: (fieldCell: string) => string | null;
  /** The TypeScript member name of an enum Name cell (`IN_PROGRESS` -> `InProgress`). */
  enumMemberName(nameCell: string, modelTitle: string): string;
  /** Reads one member of a union doc. */
  readUnionMember(member: UnionMemberSource): FlavourMemberParse;
  /**
   * The warning for a doc with a title and no section, when the flavour writes its union docs
   * that way (Java, Ruby) so that the doc's members are lost; null when such a doc is opaque.
   */
  readonly titleOnlyLoss: string | null;
  /**
   * The model the TypeScript SDK declares for an object doc that the flavour's SDK shapes another
   * way (a Go operation response holds the HTTP envelope and one field per response body, where
   * TypeScript has the body); absent when every object is declared as written.
   */
  readonly reshapeObject?: (model: ObjectModel) => Model;
}
