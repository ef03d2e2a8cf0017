// Date-times ([Date](MDN): ISO 8601 on the wire, `Date` in the model) and date-only values
// ([RFCDate](…): a `YYYY-MM-DD` string, never a midnight Date), DESIGN.md section 3.
import { describe, expect, it } from "vitest";
import { parseAuditEntry, safeParseAuditEntry, serializeAuditEntry } from "../../generated/models/shared/auditentry.js";
import { isBlackoutWindow, parseBlackoutWindow, safeParseBlackoutWindow, serializeBlackoutWindow } from "../../generated/models/shared/blackoutwindow.js";
import { parseSyncRun, safeParseSyncRun, serializeSyncRun } from "../../generated/models/shared/syncrun.js";
import { parseUsageRecord } from "../../generated/zod/models/components/usagerecord.js";
import { issueSummary, issuesOf } from "./support.js";

describe("date-time fields", () => {
  it.each([
    ["2021-10-20T02:52:29.234Z", Date.UTC(2021, 9, 20, 2, 52, 29, 234)],
    ["2021-10-20T02:52:29Z", Date.UTC(2021, 9, 20, 2, 52, 29)],
    ["2021-10-20T04:52:29.234+02:00", Date.UTC(2021, 9, 20, 2, 52, 29, 234)],
    ["2021-10-19T21:22:29.234-05:30", Date.UTC(2021, 9, 20, 2, 52, 29, 234)],
    ["2021-10-20T02:52:29.234+00:00", Date.UTC(2021, 9, 20, 2, 52, 29, 234)],
    ["2020-02-29T23:59:59.999Z", Date.UTC(2020, 1, 29, 23, 59, 59, 999)],
    ["2000-01-01T00:00:00Z", Date.UTC(2000, 0, 1)],
  ])("accepts %s as the same instant", (text, epoch) => {
    const run = parseSyncRun({ completedAt: text });
    expect(run.completedAt).toBeInstanceOf(Date);
    expect(run.completedAt?.getTime()).toBe(epoch);
  });

  it("truncates fractions beyond milliseconds instead of rejecting them", () => {
    expect(parseSyncRun({ completedAt: "2021-10-20T02:52:29.2349999Z" }).completedAt?.toISOString()).toBe("2021-10-20T02:52:29.234Z");
  });

  it.each([
    ["not-a-date"],
    ["2021-02-30T00:00:00Z"],
    ["2021-02-29T00:00:00Z"],
    ["2021-04-31T12:00:00Z"],
    ["2021-10-20T02:52:29"],
    ["2021-10-20T02:52:29.234"],
    ["2021-13-01T00:00:00Z"],
    ["2021-00-10T00:00:00Z"],
    ["2021-10-20T24:00:00Z"],
    ["2021-10-20T02:60:00Z"],
    ["2021-10-20T02:52:61Z"],
    ["2021-10-20T02:52:29+25:00"],
    ["2021-10-20"],
    ["2021-10-20T02:52:29.Z"],
    ["2021-10-20T02:52:29ZZ"],
    ["2021-10-20T02:52:29Z "],
    ["Wed, 20 Oct 2021 02:52:29 GMT"],
    [""],
  ])("rejects %j with invalid_date at the field's path", (text) => {
    const result = safeParseSyncRun({ id: 1, completedAt: text });
    expect(issueSummary(result)).toEqual([{ path: ["completedAt"], code: "invalid_date" }]);
  });

  it("rejects non-strings (numbers, Date objects from non-JSON input) with invalid_date", () => {
    for (const value of [1634698349234, true, {}, []]) {
      expect(issueSummary(safeParseSyncRun({ createdAt: value })), JSON.stringify(value)).toEqual([{ path: ["createdAt"], code: "invalid_date" }]);
    }
  });

  it("leaves an absent optional date-time absent, never an Invalid Date or the epoch", () => {
    const absent = parseSyncRun({ id: 1 });
    expect(absent.completedAt).toBeUndefined();
    const nulled = parseSyncRun({ id: 1, completedAt: null });
    expect(nulled.completedAt).toBeUndefined();
    expect(nulled.completedAt).not.toBeInstanceOf(Date);
  });

  it("reports a missing required date-time as required, not as an invalid date", () => {
    expect(issueSummary(safeParseAuditEntry({ id: 1 }))).toEqual([{ path: ["occurredAt"], code: "required" }]);
    expect(issueSummary(safeParseAuditEntry({ id: 1, occurredAt: "2021-02-30T00:00:00Z" }))).toEqual([{ path: ["occurredAt"], code: "invalid_date" }]);
  });

  it("serializes with toISOString (UTC, milliseconds), whatever offset the input had", () => {
    const run = parseSyncRun({ completedAt: "2021-10-20T04:52:29+02:00" });
    expect(serializeSyncRun(run).completedAt).toBe("2021-10-20T02:52:29.000Z");
    const entry = parseAuditEntry({ id: 1, occurredAt: "2024-02-29T12:00:00.5Z" });
    expect(serializeAuditEntry(entry).occurredAt).toBe("2024-02-29T12:00:00.500Z");
  });

  it("gives each decode its own Date object (mutating one does not change another)", () => {
    const wire = { completedAt: "2021-10-20T02:52:29.234Z" };
    const first = parseSyncRun(wire);
    const second = parseSyncRun(wire);
    first.completedAt?.setUTCFullYear(1999);
    expect(second.completedAt?.toISOString()).toBe("2021-10-20T02:52:29.234Z");
  });
});

describe("date-only fields (RFCDate)", () => {
  it("keeps YYYY-MM-DD as the string itself, never a Date", () => {
    const window = parseBlackoutWindow({ startsOn: "2024-02-29", endsOn: "2024-03-01", extraDays: ["2024-12-24"], holidayCalendar: { xmas: "2024-12-25" } });
    expect(window.startsOn).toBe("2024-02-29");
    expect(typeof window.startsOn).toBe("string");
    expect(window.endsOn).toBe("2024-03-01");
    expect(window.extraDays).toEqual(["2024-12-24"]);
    expect(window.holidayCalendar).toEqual({ xmas: "2024-12-25" });
    expect(isBlackoutWindow(window)).toBe(true);
    expect(serializeBlackoutWindow(window)).toEqual({ startsOn: "2024-02-29", endsOn: "2024-03-01", extraDays: ["2024-12-24"], holidayCalendar: { xmas: "2024-12-25" } });
  });

  it("keeps `[Date](…/rfcdate.md)` fields as date-only strings too", () => {
    const usage = parseUsageRecord({ workspaceId: "ws", day: "2024-01-02", billedOn: "2024-01-03", tokensIn: 1, cost: "1.5" });
    expect(usage.day).toBe("2024-01-02");
    expect(usage.billedOn).toBe("2024-01-03");
  });

  it.each([["2021-02-29"], ["2021-02-30"], ["2021-13-01"], ["2021-00-01"], ["2021-04-31"], ["2021-1-01"], ["2021-10-20T00:00:00Z"], ["20211020"], ["not-a-date"], [""]])(
    "rejects %j with invalid_date",
    (text) => {
      expect(issueSummary(safeParseBlackoutWindow({ startsOn: text, endsOn: "2024-01-01" }))).toEqual([{ path: ["startsOn"], code: "invalid_date" }]);
    },
  );

  it("reports bad dates inside arrays and records with the index or key", () => {
    const result = safeParseBlackoutWindow({ startsOn: "2024-01-01", endsOn: "2024-01-02", extraDays: ["2024-01-03", "2023-02-29"], holidayCalendar: { a: "2024-01-01", b: 20240101 } });
    expect(issueSummary(result)).toEqual([
      { path: ["extraDays", 1], code: "invalid_date" },
      { path: ["holidayCalendar", "b"], code: "invalid_date" },
    ]);
    expect(issuesOf(result)[0]?.message).toContain("2023-02-29");
  });

  it("isX rejects a Date object where a date-only string belongs", () => {
    expect(isBlackoutWindow({ startsOn: new Date("2024-01-01"), endsOn: "2024-01-02" })).toBe(false);
    expect(isBlackoutWindow({ startsOn: "2024-02-30", endsOn: "2024-01-02" })).toBe(false);
  });
});
