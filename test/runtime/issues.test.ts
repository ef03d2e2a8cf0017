// Every issue of an input is collected with its exact path (wire keys and array indexes), not
// only the first one (DESIGN.md section 3: "throws ValidationError listing every issue").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseObjectT, safeParseObjectT } from "../../generated/models/shared/objectt.js";
import { parseSyncRun, safeParseSyncRun } from "../../generated/models/shared/syncrun.js";
import { ValidationError } from "../../generated/runtime.js";
import { type SafeResult, type TempOutput, generateFixtures, issueSummary, issuesOf } from "./support.js";

describe("issues of the committed models", () => {
  it("lists each bad field once, at every depth: the input's keys in order, then the required fields it lacks", () => {
    const result = safeParseObjectT({
      fullName: 1,
      fields: [{ id: "a" }, { label: 2 }],
      identifierFields: "id",
      supportedOperations: ["upsert", 3, null],
    });
    expect(issueSummary(result)).toEqual([
      { path: ["fullName"], code: "invalid_type" },
      { path: ["fields", 1, "label"], code: "invalid_type" },
      { path: ["fields", 1, "id"], code: "required" },
      { path: ["identifierFields"], code: "invalid_type" },
      { path: ["supportedOperations", 1], code: "invalid_type" },
      { path: ["supportedOperations", 2], code: "invalid_type" },
    ]);
  });

  it("throws one ValidationError holding all of them, its message showing the paths", () => {
    let caught: unknown;
    try {
      parseObjectT({ fullName: 1, fields: [{ id: "a" }, { id: 2 }] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect(caught).toBeInstanceOf(Error);
    const error = caught as ValidationError;
    expect(error.name).toBe("ValidationError");
    expect(error.issues.map((issue) => issue.path)).toEqual([["fullName"], ["fields", 1, "id"]]);
    expect(error.message).toContain("2 issues");
    expect(error.message).toContain("fullName");
    expect(error.message).toContain("fields[1].id");
    for (const issue of error.issues) expect(issue.message.length).toBeGreaterThan(0);
  });

  it("reports every one of many issues, while the message stays short", () => {
    const bad = {
      canceled: "no",
      completedAt: 1,
      createdAt: "x",
      currentStep: "y",
      errorCode: 1,
      errorDetail: 2,
      errorMessage: 3,
      fullSync: 4,
      id: "5",
      recordsFailed: "6",
      recordsInvalid: "7",
      recordsProcessed: "8",
      recordsUpdated: "9",
      scheduledExecutionTime: "10",
      sourceRecordCount: "11",
      status: "12",
      syncId: "13",
      updatedAt: "14",
    };
    const issues = issuesOf(safeParseSyncRun(bad));
    expect(issues.map((issue) => issue.path)).toEqual(Object.keys(bad).map((key) => [key]));
    let message = "";
    try {
      parseSyncRun(bad);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("18 issues");
    expect(message).toContain("8 more");
  });

  it("does not report issues below a container of the wrong type", () => {
    expect(issueSummary(safeParseObjectT({ fullName: "a", fields: { 0: { id: 1 } } }))).toEqual([{ path: ["fields"], code: "invalid_type" }]);
  });

  it("gives the same result for a valid input whether or not another parse failed before", () => {
    safeParseObjectT({ fullName: 1 });
    expect(parseObjectT({ fullName: "Contact", fields: [{ id: "email", required: true }] })).toEqual({ fullName: "Contact", fields: [{ id: "email", required: true }] });
  });
});

describe("issues with snake_case wire names (fixture Catalog doc)", () => {
  interface CatalogModule {
    safeParseCatalog(input: unknown): SafeResult<unknown>;
    parseCatalog(input: unknown): unknown;
  }
  let output: TempOutput;
  let catalog: CatalogModule;

  beforeAll(async () => {
    output = await generateFixtures({ wireNames: { case: "snake_case", overrides: {} } });
    catalog = await output.load<CatalogModule>("models/components/catalog.ts");
  });
  afterAll(() => output?.cleanup());

  it("collects three bad fields at different depths with their exact wire paths", () => {
    const result = catalog.safeParseCatalog({
      destination_name: 5,
      objects: [{ fields: [{ id: "email" }, { id: "owner", lookup_object: 7 }] }],
    });
    expect(issueSummary(result)).toEqual([
      { path: ["destination_name"], code: "invalid_type" },
      { path: ["objects", 0, "fields", 1, "lookup_object"], code: "invalid_type" },
      { path: ["objects", 0, "full_name"], code: "required" },
    ]);
  });

  it("shows the wire path in the error message", () => {
    expect(() => catalog.parseCatalog({ destination_name: "crm", objects: [{ full_name: "Contact", fields: [{ id: "a" }, { id: "b", lookup_object: 7 }] }] })).toThrow(
      /objects\[0\]\.fields\[1\]\.lookup_object/,
    );
  });

  it("collects issues across several array elements", () => {
    const result = catalog.safeParseCatalog({
      destination_name: "crm",
      objects: [
        { full_name: "A", fields: [{ id: 1 }] },
        { full_name: "B" },
        { full_name: 3, fields: [{ id: "x", is_required: "yes" }, { lookup_object: "A" }] },
      ],
    });
    expect(issueSummary(result)).toEqual([
      { path: ["objects", 0, "fields", 0, "id"], code: "invalid_type" },
      { path: ["objects", 2, "full_name"], code: "invalid_type" },
      { path: ["objects", 2, "fields", 0, "is_required"], code: "invalid_type" },
      { path: ["objects", 2, "fields", 1, "id"], code: "required" },
    ]);
  });
});
