import { describe, expect, it } from "vitest";
import { readSeconds, parseIsoLikeDate } from "../../src/engine/cells";
import { datesAsIsoText } from "../../src/gas/read";

describe("dates read from a sheet", () => {
  it("keeps the spreadsheet's calendar day even when the script runs in another zone", () => {
    // Midnight 22 Nov in Shanghai is still 21 Nov in UTC (and in a US-zoned script).
    const shanghaiMidnight = new Date(Date.UTC(2026, 10, 21, 16, 0, 0));
    expect(datesAsIsoText([[shanghaiMidnight]], "Asia/Shanghai")).toEqual([["2026-11-22"]]);
    expect(datesAsIsoText([[shanghaiMidnight]], "America/Los_Angeles")).toEqual([["2026-11-21 08:00:00"]]);
  });

  it("turns durations (Sheets' 1899-12-30 times) into HH:MM:SS that recognition reads as seconds", () => {
    const [[cell]] = datesAsIsoText([[new Date(Date.UTC(1899, 11, 30, 0, 1, 23))]], "UTC");
    expect(cell).toBe("00:01:23");
    expect(readSeconds(cell)).toEqual({ kind: "number", value: 83, percent: false });
  });

  it("leaves numbers and text alone and writes datetimes that still parse as dates", () => {
    const [[a, b, c]] = datesAsIsoText([[12, "2026-11-01~2026-11-30", new Date(Date.UTC(2026, 0, 5, 9, 30))]], "UTC");
    expect([a, b]).toEqual([12, "2026-11-01~2026-11-30"]);
    expect(parseIsoLikeDate(String(c))).toBe("2026-01-05");
  });
});
