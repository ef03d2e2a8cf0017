// `--required-nulls reject|accept`: TypeScript-flavour docs cannot show that a required field is
// nullable, and real APIs send null there. `reject` (the default) reports it with a message that
// names the option; `accept` keeps the null, types the field `T | null` and writes it back as null.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { safeParseCharge } from "../../generated/ledgerly/sdk/models/payments/charge.js";
import { typecheckFiles } from "../typecheck.js";
import { type SafeResult, type TempOutput, dataOf, docsOf, FIXTURE_ROOT, generateFixtures, issueSummary, issuesOf } from "./support.js";
import { generateFromDocs, readRuntimeTemplate } from "../../src/generate.js";

interface ReadingModule {
  safeParseReading(input: unknown): SafeResult<Record<string, unknown>>;
  serializeReading(value: unknown): unknown;
  isReading(value: unknown): boolean;
}

/** A valid wire Reading; each test nulls some of its fields. */
const WIRE = {
  label: "kitchen",
  takenAt: "2025-02-03T04:05:06.000Z",
  part: { sku: "m-1" },
  parts: [{ sku: "m-2", qty: 2 }],
  totals: { day: 1.5 },
  counter: "9007199254740993",
  price: "0.25",
  unit: "kWh",
  raw: { any: true },
};

/** The required fields of Reading other than `raw` (`*any*`, which takes null under both policies). */
const TYPED_REQUIRED = ["label", "takenAt", "part", "parts", "totals", "counter", "price", "unit"] as const;

function withReading(requiredNulls: "reject" | "accept"): () => ReadingModule {
  let output: TempOutput | undefined;
  let module: ReadingModule | undefined;
  beforeAll(async () => {
    output = await generateFixtures({ requiredNulls });
    module = await output.load<ReadingModule>("models/components/reading.ts");
  });
  afterAll(() => output?.cleanup());
  return () => module!;
}

describe("--required-nulls reject (the default)", () => {
  const reading = withReading("reject");

  it("reports null in each required field, at its path, with a message naming the option", () => {
    for (const field of TYPED_REQUIRED) {
      const issues = issuesOf(reading().safeParseReading({ ...WIRE, [field]: null }));
      expect(issues, field).toEqual([{ path: [field], code: "invalid_type", message: expect.stringContaining("--required-nulls accept") }]);
      expect(issues[0]!.message, field).toContain(`null in the required field "${field}"`);
    }
  });

  it("holds for the committed generated code", () => {
    const result = safeParseCharge({ id: null, amount: 1, currency: "EUR", status: "captured", method: { type: "card", last4: "4242" } });
    expect(issueSummary(result)).toEqual([{ path: ["id"], code: "invalid_type" }]);
    expect(issuesOf(result)[0]!.message).toContain("requiredNulls");
  });

  it("still accepts null in a required *any* field and reads null in an optional field as absent", () => {
    const data = dataOf(reading().safeParseReading({ ...WIRE, raw: null, note: null }));
    expect(data["raw"]).toBeNull();
    expect(data["note"]).toBeUndefined();
  });
});

describe("--required-nulls accept", () => {
  const reading = withReading("accept");

  it("accepts null in every required field, keeps it in the model, and isX accepts the value", () => {
    const wire = { ...WIRE, ...Object.fromEntries(TYPED_REQUIRED.map((field) => [field, null])) };
    const data = dataOf(reading().safeParseReading(wire));
    for (const field of TYPED_REQUIRED) expect(data[field], field).toBeNull();
    expect(reading().isReading(data)).toBe(true);
  });

  it("writes the nulls back as null, and the other fields as before", () => {
    for (const field of TYPED_REQUIRED) {
      const wire = { ...WIRE, [field]: null };
      expect(JSON.parse(JSON.stringify(reading().serializeReading(dataOf(reading().safeParseReading(wire))))), field).toEqual(wire);
    }
  });

  it("still requires the key, and still rejects values of another type", () => {
    const { label: _label, ...missing } = WIRE;
    expect(issueSummary(reading().safeParseReading(missing))).toEqual([{ path: ["label"], code: "required" }]);
    expect(issueSummary(reading().safeParseReading({ ...WIRE, takenAt: 5 }))).toEqual([{ path: ["takenAt"], code: "invalid_date" }]);
  });

  it("types every required field as T | null, in the model and the wire shape, and type-checks under the strict flags", async () => {
    const docs = await docsOf(FIXTURE_ROOT);
    const result = await generateFromDocs(docs, { requiredNulls: "accept", rootDir: FIXTURE_ROOT }, await readRuntimeTemplate());
    const file = result.files.find((candidate) => candidate.path === "models/components/reading.ts")!;
    expect(file.content).toContain("  takenAt: Date | null;");
    expect(file.content).toContain("  takenAt: string | null;");
    expect(file.content).toContain("  part: Part | null;");
    expect(file.content).toContain("  raw: unknown;");
    expect(file.content).toContain("  note?: string | undefined;");
    expect(typecheckFiles(result.files)).toEqual([]);
  });
});
