import { describe, expect, it } from "vitest";
import { readSeconds, parseIsoLikeDate } from "../../src/engine/cells";
import { datesAsIsoText } from "../../src/gas/read";
import { formatZoned, zonedInstant } from "../../src/local/fake";

/** The fake's Utilities.formatDate (the same routine the fake hands Code.js). */
const format = formatZoned;

describe("dates read from a sheet", () => {
  it("keeps the spreadsheet's calendar day even when the script runs in another zone", () => {
    // Midnight 22 Nov in Shanghai is still 21 Nov in UTC (and in a US-zoned script).
    const shanghaiMidnight = new Date(Date.UTC(2026, 10, 21, 16, 0, 0));
    expect(datesAsIsoText([[shanghaiMidnight]], "Asia/Shanghai", format)).toEqual([["2026-11-22"]]);
    expect(datesAsIsoText([[shanghaiMidnight]], "America/Los_Angeles", format)).toEqual([["2026-11-21 08:00:00"]]);
  });

  it("turns durations (Sheets' 1899-12-30 times) into HH:MM:SS that recognition reads as seconds", () => {
    const [[cell]] = datesAsIsoText([[new Date(Date.UTC(1899, 11, 30, 0, 1, 23))]], "UTC", format);
    expect(cell).toBe("00:01:23");
    expect(readSeconds(cell)).toEqual({ kind: "number", value: 83, percent: false });
  });

  it("keeps the days of a duration of 24 h or more: 25:00:30 is 90030 seconds, in Shanghai's 1899 offset too", () => {
    // Sheets stores 25:00:30 as 1.0420… days: the wall clock 1899-12-31 01:00:30 in the spreadsheet's
    // zone. In 1899 Shanghai ran on local mean time (+08:05:43), which the zone database knows.
    const stay = zonedInstant({ year: 1899, month: 12, day: 31, hour: 1, minute: 0, second: 30 }, "Asia/Shanghai");
    expect(stay.toISOString()).toBe("1899-12-30T16:54:47.000Z");
    const [[cell]] = datesAsIsoText([[stay]], "Asia/Shanghai", format);
    expect(cell).toBe("25:00:30");
    // 25 h × 3600 + 0 min × 60 + 30 s = 90030
    expect(readSeconds(cell)).toEqual({ kind: "number", value: 90030, percent: false });
    // 50 h: 1900-01-01 02:00:00 → 2 days × 86400 + 2 × 3600 = 180000 s = "50:00:00"
    const long = zonedInstant({ year: 1900, month: 1, day: 1, hour: 2, minute: 0, second: 0 }, "Asia/Shanghai");
    expect(datesAsIsoText([[long]], "Asia/Shanghai", format)).toEqual([["50:00:00"]]);
  });

  it("leaves numbers and text alone and writes datetimes that still parse as dates", () => {
    const [[a, b, c]] = datesAsIsoText(
      [[12, "2026-11-01~2026-11-30", new Date(Date.UTC(2026, 0, 5, 9, 30))]],
      "UTC",
      format,
    );
    expect([a, b]).toEqual([12, "2026-11-01~2026-11-30"]);
    expect(parseIsoLikeDate(String(c))).toBe("2026-01-05");
  });
});
