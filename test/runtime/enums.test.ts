// Enums: closed enums reject unknown values (invalid_enum_value, with the path), open enums
// (`Unrecognized<…>`) accept them, numeric enums compare numbers (DESIGN.md section 3).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { safeParseListSyncRunsResponseBody } from "../../generated/models/operations/listsyncrunsresponsebody.js";
import { parseSyncRunNotFound, safeParseSyncRunNotFound } from "../../generated/models/errors/syncrunnotfound.js";
import { SyncRunNotFoundStatus, parseSyncRunNotFoundStatus } from "../../generated/models/errors/syncrunnotfoundstatus.js";
import { CurrentStep, parseCurrentStep } from "../../generated/models/shared/currentstep.js";
import { parseSyncRun, safeParseSyncRun } from "../../generated/models/shared/syncrun.js";
import {
  SyncRunStatus,
  SyncRunStatusSchema,
  isSyncRunStatus,
  parseSyncRunStatus,
  safeParseSyncRunStatus,
} from "../../generated/models/shared/syncrunstatus.js";
import { parseEmployee } from "../../generated/kombo/models/employee.js";
import { EmploymentStatus, isEmploymentStatus, parseEmploymentStatus } from "../../generated/kombo/models/employmentstatus.js";
import { ChargeStatus, parseChargeStatus } from "../../generated/ledgerly/sdk/models/payments/chargestatus.js";
import { ModelFamily, isModelFamily, parseModelFamily, safeParseModelFamily } from "../../generated/zod/models/components/modelfamily.js";
import { RatelimitTier, isRatelimitTier, parseRatelimitTier, safeParseRatelimitTier } from "../../generated/zod/models/components/ratelimittier.js";
import { RetryPriority, isRetryPriority, parseRetryPriority, safeParseRetryPriority } from "../../generated/zod/models/components/retrypriority.js";
import { parseSetRetentionRequest, safeParseSetRetentionRequest } from "../../generated/zod/models/operations/setretentionrequest.js";
import { type SafeResult, type TempOutput, generateFixtures, issueSummary, issuesOf } from "./support.js";

describe("closed string enums", () => {
  it("expose the documented members as a const object", () => {
    expect(SyncRunStatus).toEqual({ Working: "working", Completed: "completed", Failed: "failed", Skipped: "skipped", Queued: "queued" });
    expect(CurrentStep.RunningSync).toBe("Running sync");
  });

  it("accept every documented value", () => {
    for (const value of Object.values(SyncRunStatus)) {
      expect(parseSyncRunStatus(value)).toBe(value);
      expect(isSyncRunStatus(value)).toBe(true);
    }
    expect(parseCurrentStep("Running sync")).toBe(CurrentStep.RunningSync);
  });

  it("reject unknown values, other casings and non-strings with invalid_enum_value", () => {
    for (const value of ["paused", "Completed", "COMPLETED", " completed", "", 1, null, {}]) {
      expect(issueSummary(safeParseSyncRunStatus(value)), JSON.stringify(value)).toEqual([{ path: [], code: "invalid_enum_value" }]);
      expect(isSyncRunStatus(value)).toBe(false);
    }
  });

  it("name the allowed values and the bad one in the message", () => {
    const [issue] = issuesOf(safeParseSyncRunStatus("paused"));
    expect(issue?.message).toContain('"completed"');
    expect(issue?.message).toContain("paused");
  });

  it("report a bad value inside a model at the field's wire path", () => {
    expect(issueSummary(safeParseSyncRun({ id: 1, status: "paused" }))).toEqual([{ path: ["status"], code: "invalid_enum_value" }]);
    expect(issueSummary(safeParseSyncRun({ currentStep: "Running Sync" }))).toEqual([{ path: ["currentStep"], code: "invalid_enum_value" }]);
    const body = { data: [{ id: 1 }, { id: 2, status: "done" }], pagination: { page: 1, perPage: 2 } };
    expect(issueSummary(safeParseListSyncRunsResponseBody(body))).toEqual([{ path: ["data", 1, "status"], code: "invalid_enum_value" }]);
  });

  it("have a Standard Schema that rejects unknown values", () => {
    const standard = SyncRunStatusSchema["~standard"];
    expect(standard.validate("working")).toEqual({ value: "working" });
    const failed = standard.validate("paused");
    expect("issues" in failed && failed.issues?.length).toBe(1);
  });

  it("treat inherited Object properties as unknown values", () => {
    for (const value of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      expect(issueSummary(safeParseSyncRunStatus(value)), value).toEqual([{ path: [], code: "invalid_enum_value" }]);
    }
  });
});

describe("open enums (Unrecognized<string>)", () => {
  it("accept documented values", () => {
    expect(parseModelFamily("lumen-large")).toBe(ModelFamily.LumenLarge);
    expect(parseEmploymentStatus("ACTIVE")).toBe(EmploymentStatus.Active);
    expect(parseChargeStatus("captured")).toBe(ChargeStatus.Captured);
  });

  it("accept unknown strings and keep them exactly", () => {
    expect(parseModelFamily("lumen-xl-2026")).toBe("lumen-xl-2026");
    expect(isModelFamily("lumen-xl-2026")).toBe(true);
    expect(parseEmploymentStatus("RETIRED")).toBe("RETIRED");
    expect(isEmploymentStatus("")).toBe(true);
    expect(parseChargeStatus("disputed")).toBe("disputed");
  });

  it("accept unknown values inside models", () => {
    expect(parseEmployee({ id: "e1", firstName: "Ada", status: "SABBATICAL" }).status).toBe("SABBATICAL");
    expect(parseSetRetentionRequest({ workspaceId: "w", setting: 30, family: "lumen-next" }).family).toBe("lumen-next");
  });

  it("still reject values of the wrong type with invalid_enum_value", () => {
    for (const value of [5, true, null, {}, ["lumen-large"]]) {
      expect(issueSummary(safeParseModelFamily(value)), JSON.stringify(value)).toEqual([{ path: [], code: "invalid_enum_value" }]);
      expect(isModelFamily(value)).toBe(false);
    }
    expect(issueSummary(safeParseSetRetentionRequest({ workspaceId: "w", setting: 30, family: 7 }))).toEqual([{ path: ["family"], code: "invalid_enum_value" }]);
  });
});

describe("numeric enums", () => {
  it("expose numeric members", () => {
    expect(RetryPriority).toEqual({ Value0: 0, Value1: 1, Value2: 2 });
    expect(Object.values(SyncRunNotFoundStatus)).toEqual([404, 410]);
    expect(RatelimitTier.Value2).toBe(2);
  });

  it("accept the documented numbers", () => {
    expect(parseRetryPriority(0)).toBe(0);
    expect(parseRetryPriority(2)).toBe(RetryPriority.Value2);
    expect(parseSyncRunNotFoundStatus(410)).toBe(410);
    expect(parseSyncRunNotFound({ message: "gone", status: 404 }).status).toBe(SyncRunNotFoundStatus.FourHundredAndFour);
  });

  it("reject other numbers and numeric strings (closed)", () => {
    for (const value of [3, -1, 1.5, "1", "0", Number.NaN, null, true]) {
      expect(issueSummary(safeParseRetryPriority(value)), String(value)).toEqual([{ path: [], code: "invalid_enum_value" }]);
      expect(isRetryPriority(value)).toBe(false);
    }
    expect(issueSummary(safeParseSyncRunNotFound({ status: "404" }))).toEqual([{ path: ["status"], code: "invalid_enum_value" }]);
    expect(issueSummary(safeParseSetRetentionRequest({ workspaceId: "w", setting: 30, priority: 5 }))).toEqual([{ path: ["priority"], code: "invalid_enum_value" }]);
  });

  it("accept unknown numbers when open (Unrecognized<number>), but not numeric strings", () => {
    expect(parseRatelimitTier(1)).toBe(1);
    expect(parseRatelimitTier(7)).toBe(7);
    expect(isRatelimitTier(7)).toBe(true);
    for (const value of ["7", null, true]) {
      expect(issueSummary(safeParseRatelimitTier(value)), String(value)).toEqual([{ path: [], code: "invalid_enum_value" }]);
    }
  });

  it("reject NaN and the infinities in an open numeric enum (numbers must be finite)", () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(safeParseRatelimitTier(value).success, String(value)).toBe(false);
      expect(isRatelimitTier(value), String(value)).toBe(false);
    }
  });
});

describe("enum values in a decoded model are the enum's own values", () => {
  it("compares equal to the const members", () => {
    const run = parseSyncRun({ status: "skipped", currentStep: "Computing record diff" });
    expect(run.status === SyncRunStatus.Skipped).toBe(true);
    expect(run.currentStep === CurrentStep.ComputingRecordDiff).toBe(true);
  });
});

describe.each(["const", "enum", "union"] as const)("enum members named like Object.prototype members (enumStyle %s, fixture doc)", (enumStyle) => {
  interface ObjectKeyModule {
    ObjectKey?: Record<string, unknown>;
    parseObjectKey(input: unknown): string;
    safeParseObjectKey(input: unknown): SafeResult<string>;
    isObjectKey(value: unknown): boolean;
  }
  let output: TempOutput;
  let module: ObjectKeyModule;

  beforeAll(async () => {
    output = await generateFixtures({ enumStyle });
    module = await output.load<ObjectKeyModule>("models/components/objectkey.ts");
  });
  afterAll(() => output?.cleanup());

  it("accepts exactly the documented values, inherited names included", () => {
    for (const value of ["__proto__", "constructor", "toString", "plain"]) {
      expect(module.parseObjectKey(value)).toBe(value);
      expect(module.isObjectKey(value)).toBe(true);
    }
    for (const value of ["valueOf", "hasOwnProperty", "Plain"]) {
      expect(issueSummary(module.safeParseObjectKey(value)), value).toEqual([{ path: [], code: "invalid_enum_value" }]);
    }
  });

  it("declares every member with its value, `__proto__` as an own member that does not set the prototype", () => {
    if (enumStyle === "union") {
      expect(module.ObjectKey).toBeUndefined();
      return;
    }
    const members = module.ObjectKey!;
    // A TS enum assigns its members, so the `enum` style names that member `_proto_` (README).
    const protoMember = enumStyle === "enum" ? "_proto_" : "__proto__";
    expect(Object.getOwnPropertyDescriptor(members, protoMember)?.value).toBe("__proto__");
    expect(members["constructor"]).toBe("constructor");
    expect(members["toString"]).toBe("toString");
    expect(members["Plain"]).toBe("plain");
    expect(Object.getPrototypeOf(members)).toBe(Object.prototype);
  });
});
