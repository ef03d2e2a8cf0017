// Docs of other SDK languages say which fields are nullable (Python `Nullable[T]`,
// `OptionalNullable[T]`): those fields take null, whatever the null policies say of the others.
import { describe, expect, it } from "vitest";
import { isAccount, safeParseAccount, serializeAccount } from "../../generated/python/models/components/account.js";
import { isPerson, safeParsePerson, serializePerson } from "../../generated/python/models/components/person.js";
import { issueSummary } from "./support.js";

/** A valid wire Account (the specs' Python doc, with the default wire case: property names). */
const WIRE = {
  accountId: "acc_1",
  object: "account",
  displayName: "Acme",
  verified: true,
  createdAt: "2025-02-03T04:05:06.000Z",
  status: "active",
};

describe("nullable fields of Python docs", () => {
  it("keeps null in a required Nullable[T] field, and isX and serializeX accept it", () => {
    const result = safeParseAccount({ ...WIRE, displayName: null });
    expect(result.success && result.data.displayName).toBeNull();
    if (!result.success) return;
    expect(isAccount(result.data)).toBe(true);
    expect(serializeAccount(result.data)).toMatchObject({ displayName: null });
  });

  it("keeps null in an optional OptionalNullable[T] field instead of dropping it", () => {
    const result = safeParseAccount({ ...WIRE, discountRate: null });
    expect(result.success && Object.prototype.hasOwnProperty.call(result.data, "discountRate") && result.data.discountRate).toBeNull();
    if (result.success) expect(serializeAccount(result.data)).toMatchObject({ discountRate: null });
  });

  it("still rejects null in a required field the doc does not call nullable", () => {
    expect(issueSummary(safeParseAccount({ ...WIRE, accountId: null }))).toEqual([{ path: ["accountId"], code: "invalid_type" }]);
  });

  it("reads null in an optional Optional[T] field as absent, as in TypeScript docs", () => {
    const result = safeParseAccount({ ...WIRE, seats: null });
    expect(result.success && result.data.seats).toBeUndefined();
  });

  it("isX refuses null in a field that does not take it", () => {
    const result = safeParseAccount(WIRE);
    if (!result.success) throw new Error("the valid Account was refused");
    expect(isAccount({ ...result.data, verified: null })).toBe(false);
    expect(isAccount({ ...result.data, discountRate: null })).toBe(true);
  });

  it("reads Literal[None] as the constant null: required, null only, kept and written back", () => {
    const result = safeParsePerson({ name: "Ada", mergedInto: null });
    expect(result.success && result.data.mergedInto).toBeNull();
    if (!result.success) return;
    expect(isPerson(result.data)).toBe(true);
    expect(serializePerson(result.data)).toEqual({ name: "Ada", mergedInto: null });
    expect(issueSummary(safeParsePerson({ name: "Ada", mergedInto: "x" }))).toEqual([{ path: ["mergedInto"], code: "invalid_literal" }]);
    expect(issueSummary(safeParsePerson({ name: "Ada" }))).toEqual([{ path: ["mergedInto"], code: "required" }]);
    expect(isPerson({ name: "Ada", mergedInto: "x" })).toBe(false);
  });
});
