// Unions (`## Supported Types` docs and inline union fields): each input decodes to the member it
// belongs to without losing properties, and when no member accepts it the issue says why.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmployeeJson, isEmployee, parseEmployee, serializeEmployee } from "../../generated/kombo/models/employee.js";
import { parseEmployeeReference } from "../../generated/kombo/models/employeereference.js";
import { parseCharge, safeParseCharge, serializeCharge } from "../../generated/ledgerly/sdk/models/payments/charge.js";
import {
  type PaymentMethodJson,
  isPaymentMethod,
  parsePaymentMethod,
  safeParsePaymentMethod,
  serializePaymentMethod,
} from "../../generated/ledgerly/sdk/models/payments/paymentmethod.js";
import { parseLegacyPrompt } from "../../generated/zod/models/components/legacyprompt.js";
import { isMessageContent, parseMessageContent, safeParseMessageContent, serializeMessageContent } from "../../generated/zod/models/components/messagecontent.js";
import { parseMetricPoint, safeParseMetricPoint, serializeMetricPoint } from "../../generated/zod/models/components/metricpoint.js";
import { type SafeResult, type TempOutput, generateFixtures, issueSummary, issuesOf } from "./support.js";

describe("a union of objects with a literal discriminator", () => {
  const card: PaymentMethodJson = { type: "card", last4: "4242", brand: "visa" };
  const bank: PaymentMethodJson = { type: "bank_transfer", iban: "DE89370400440532013000" };

  it("decodes each variant to its own member, keeping every documented property", () => {
    expect(parsePaymentMethod(card)).toEqual(card);
    expect(parsePaymentMethod(bank)).toEqual(bank);
    expect(parsePaymentMethod({ type: "card", last4: "0005" })).toEqual({ type: "card", last4: "0005" });
  });

  it("serializes each variant back to its wire form", () => {
    expect(serializePaymentMethod(parsePaymentMethod(card))).toEqual(card);
    expect(serializePaymentMethod(parsePaymentMethod(bank))).toEqual(bank);
    expect(isPaymentMethod(parsePaymentMethod(card))).toBe(true);
    expect(isPaymentMethod(parsePaymentMethod(bank))).toBe(true);
  });

  it("decodes the union inside a model field and reports its failure at that field", () => {
    const charge = { id: "ch_1", amount: "1999", currency: "EUR", status: "captured", method: bank };
    expect(parseCharge(charge).method).toEqual(bank);
    expect(serializeCharge(parseCharge(charge)).method).toEqual(bank);
    const result = safeParseCharge({ ...charge, method: { type: "cash" } });
    expect(issueSummary(result)).toEqual([{ path: ["method"], code: "invalid_union" }]);
  });

  it("says why each member rejected the value when none accepts it", () => {
    const [issue, ...rest] = issuesOf(safeParsePaymentMethod({ type: "cash", last4: "1" }));
    expect(rest).toEqual([]);
    expect(issue?.code).toBe("invalid_union");
    expect(issue?.path).toEqual([]);
    // member 1 (CardPayment) fails on the literal, member 2 (BankTransfer) on the literal or the missing iban
    expect(issue?.message).toMatch(/member 1\b[^;]*type[^;]*"card"/);
    expect(issue?.message).toMatch(/member 2\b[^;]*(type|iban)/);
  });

  it("isX is false when the discriminator does not match the member's fields", () => {
    expect(isPaymentMethod({ type: "card", iban: "DE89" })).toBe(false);
    expect(isPaymentMethod({ type: "bank_transfer", last4: "4242" })).toBe(false);
  });

  it("works the same for the chunk union of the Zod-era docs", () => {
    expect(parseMessageContent({ type: "text", text: "hi" })).toEqual({ type: "text", text: "hi" });
    expect(parseMessageContent({ type: "image_url", imageUrl: "https://x/y.png" })).toEqual({ type: "image_url", imageUrl: "https://x/y.png" });
    expect(serializeMessageContent({ type: "image_url", imageUrl: "u" })).toEqual({ type: "image_url", imageUrl: "u" });
    expect(isMessageContent({ type: "text", imageUrl: "u" })).toBe(false);
    expect(issueSummary(safeParseMessageContent({ type: "video", text: "x" }))).toEqual([{ path: [], code: "invalid_union" }]);
  });

  it("resolves a union whose member is itself a union (string | MessageContent)", () => {
    expect(parseLegacyPrompt("plain")).toBe("plain");
    expect(parseLegacyPrompt({ type: "text", text: "hi" })).toEqual({ type: "text", text: "hi" });
  });
});

describe("unions with primitive members", () => {
  it("decodes a number or an object with a date (number | MetricSample)", () => {
    expect(parseMetricPoint(12.5)).toBe(12.5);
    const sample = parseMetricPoint({ value: 14, at: "2025-06-01T00:05:00.000Z" });
    expect(sample).toEqual({ value: 14, at: new Date("2025-06-01T00:05:00.000Z") });
    expect(serializeMetricPoint(sample)).toEqual({ value: 14, at: "2025-06-01T00:05:00.000Z" });
    expect(serializeMetricPoint(3)).toBe(3);
    expect(issueSummary(safeParseMetricPoint("12.5"))).toEqual([{ path: [], code: "invalid_union" }]);
    expect(issueSummary(safeParseMetricPoint({ value: 14, at: "yesterday" }))).toEqual([{ path: [], code: "invalid_union" }]);
  });

  it("decodes a self-referencing union (string | Employee, Employee.manager being the union)", () => {
    const wire: EmployeeJson = { id: "e2", firstName: "Grace", status: "ACTIVE", manager: { id: "e1", firstName: "Ada", status: "ACTIVE", manager: "e0" } };
    const employee = parseEmployee(wire);
    expect(employee).toEqual(wire);
    expect(isEmployee(employee)).toBe(true);
    expect(serializeEmployee(employee)).toEqual(wire);
    expect(parseEmployeeReference("e9")).toBe("e9");
  });

  describe("string | number | Part[] (fixture doc)", () => {
    interface Part {
      sku: string;
      qty?: number | undefined;
    }
    type MixedValue = string | number | Part[];
    interface MixedModule {
      parseMixedValue(input: unknown): MixedValue;
      safeParseMixedValue(input: unknown): SafeResult<MixedValue>;
      serializeMixedValue(value: MixedValue): unknown;
      isMixedValue(value: unknown): boolean;
    }
    interface HolderModule {
      safeParseHolder(input: unknown): SafeResult<{ value: MixedValue; values?: MixedValue[] | undefined }>;
    }
    let output: TempOutput;
    let mixed: MixedModule;
    let holder: HolderModule;

    beforeAll(async () => {
      output = await generateFixtures({});
      mixed = await output.load<MixedModule>("models/components/mixedvalue.ts");
      holder = await output.load<HolderModule>("models/components/holder.ts");
    });
    afterAll(() => output?.cleanup());

    it("decodes each member kind", () => {
      expect(mixed.parseMixedValue("bolt")).toBe("bolt");
      expect(mixed.parseMixedValue("")).toBe("");
      expect(mixed.parseMixedValue(12.5)).toBe(12.5);
      expect(mixed.parseMixedValue(0)).toBe(0);
      expect(mixed.parseMixedValue([{ sku: "B-1", qty: 2 }, { sku: "B-2" }])).toEqual([{ sku: "B-1", qty: 2 }, { sku: "B-2" }]);
      expect(mixed.parseMixedValue([])).toEqual([]);
    });

    it("does not coerce between members (a numeric string stays a string)", () => {
      expect(mixed.parseMixedValue("7")).toBe("7");
    });

    it("serializes and checks each member kind", () => {
      expect(mixed.serializeMixedValue([{ sku: "B-1", qty: 2 }])).toEqual([{ sku: "B-1", qty: 2 }]);
      expect(mixed.serializeMixedValue("x")).toBe("x");
      expect(mixed.isMixedValue([{ sku: "B-1" }])).toBe(true);
      expect(mixed.isMixedValue(4)).toBe(true);
      expect(mixed.isMixedValue([{ qty: 1 }])).toBe(false);
      expect(mixed.isMixedValue(true)).toBe(false);
    });

    it("rejects a value no member accepts with invalid_union, saying why for each of the three members", () => {
      for (const value of [true, null, { sku: "B-1" }, Number.NaN]) {
        const issues = issuesOf(mixed.safeParseMixedValue(value));
        expect(issues.map(({ path, code }) => ({ path, code })), JSON.stringify(value)).toEqual([{ path: [], code: "invalid_union" }]);
        expect(issues[0]?.message).toMatch(/member 1\b.*member 2\b.*member 3\b/);
      }
      const [issue] = issuesOf(mixed.safeParseMixedValue([{ sku: "B-1" }, { sku: 7 }]));
      expect(issue?.code).toBe("invalid_union");
      // the array member's reason points into the array
      expect(issue?.message).toMatch(/member 3\b[^;]*\[1\][^;]*sku/);
    });

    it("reports the union issue at the field and array index that hold it", () => {
      expect(issueSummary(holder.safeParseHolder({ value: false, values: ["a", 1, [], { x: 1 }] }))).toEqual([
        { path: ["value"], code: "invalid_union" },
        { path: ["values", 3], code: "invalid_union" },
      ]);
    });
  });

  describe("objects without a discriminator (EmailContact | FullContact, fixture doc)", () => {
    interface ContactModule {
      parseContact(input: unknown): Record<string, unknown>;
      serializeContact(value: unknown): unknown;
    }
    let output: TempOutput;
    let contact: ContactModule;

    beforeAll(async () => {
      output = await generateFixtures({});
      contact = await output.load<ContactModule>("models/components/contact.ts");
    });
    afterAll(() => output?.cleanup());

    it("picks the member that keeps the most properties, so none is dropped", () => {
      expect(contact.parseContact({ email: "ada@example.com", phone: "+44", name: "Ada" })).toEqual({ email: "ada@example.com", phone: "+44", name: "Ada" });
      expect(contact.parseContact({ email: "ada@example.com" })).toEqual({ email: "ada@example.com" });
    });

    it("serializes a value with the member that keeps the most properties", () => {
      expect(contact.serializeContact({ email: "ada@example.com", phone: "+44" })).toEqual({ email: "ada@example.com", phone: "+44" });
    });
  });
});
