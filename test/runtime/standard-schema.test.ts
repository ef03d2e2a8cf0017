// The `XSchema` exports implement Standard Schema v1 (https://standardschema.dev) with parseX
// semantics: `{ value }` on success, `{ issues }` with paths on failure, vendor "mdspec".
import { describe, expect, it } from "vitest";
import { PaymentMethodSchema } from "../../generated/ledgerly/sdk/models/payments/paymentmethod.js";
import { FolderNodeSchema } from "../../generated/models/shared/foldernode.js";
import { type SyncRun, type SyncRunJson, SyncRunSchema } from "../../generated/models/shared/syncrun.js";
import { SyncRunStatusSchema } from "../../generated/models/shared/syncrunstatus.js";
import type { StandardSchemaV1 } from "../../generated/runtime.js";

/** What a Standard Schema consumer (a form library, a router) does with any schema. */
function validateSync<Output>(schema: StandardSchemaV1<unknown, Output>, input: unknown): StandardSchemaV1.Result<Output> {
  const result = schema["~standard"].validate(input);
  if (result instanceof Promise) throw new TypeError("expected a synchronous validation");
  return result;
}

describe("XSchema['~standard']", () => {
  it("declares version 1 and vendor mdspec, for objects, enums and unions", () => {
    for (const schema of [SyncRunSchema, SyncRunStatusSchema, PaymentMethodSchema, FolderNodeSchema]) {
      const standard = schema["~standard"];
      expect(standard.version).toBe(1);
      expect(standard.vendor).toBe("mdspec");
      expect(typeof standard.validate).toBe("function");
    }
  });

  it("is typed with the wire shape as input and the model as output", () => {
    const schema: StandardSchemaV1<SyncRunJson, SyncRun> = SyncRunSchema;
    expect(schema).toBe(SyncRunSchema);
  });

  it("returns { value } with the decoded model, synchronously", () => {
    const result = validateSync(SyncRunSchema, { id: 94, status: "completed", completedAt: "2021-10-20T02:52:29.234Z" });
    expect(result).not.toBeInstanceOf(Promise);
    expect(result.issues).toBeUndefined();
    expect("value" in result && result.value).toEqual({ id: 94, status: "completed", completedAt: new Date("2021-10-20T02:52:29.234Z") });
  });

  it("returns { issues } with every issue's message and wire path", () => {
    const result = validateSync(SyncRunSchema, { id: "94", status: "paused", fullSync: { forceFullSync: "yes" } });
    expect(result).not.toHaveProperty("value");
    // In the order of the input's keys.
    expect(result.issues?.map((issue) => issue.path)).toEqual([["id"], ["status"], ["fullSync", "forceFullSync"]]);
    for (const issue of result.issues ?? []) expect(typeof issue.message).toBe("string");
  });

  it("reports array indexes as numbers in paths", () => {
    const result = validateSync(FolderNodeSchema, { id: 1, name: "root", children: [{ id: 2, name: "a" }, { id: 3 }] });
    expect(result.issues?.map((issue) => issue.path)).toEqual([["children", 1, "name"]]);
  });

  it("works when validate is called detached from its schema object", () => {
    const { validate } = SyncRunStatusSchema["~standard"];
    expect(validate("queued")).toEqual({ value: "queued" });
    expect(validate("paused")).toEqual({ issues: [{ message: expect.any(String), path: [] }] });
  });

  it("never throws, whatever the input", () => {
    for (const input of [undefined, null, 0, "", [], Symbol("x"), () => 1, new Map()]) {
      expect(() => SyncRunSchema["~standard"].validate(input)).not.toThrow();
      expect(validateSync(PaymentMethodSchema, input).issues?.length).toBeGreaterThan(0);
    }
  });
});
