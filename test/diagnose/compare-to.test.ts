/**
 * compareTo: one fixture, each way. 35 shop days from 2026-05-01 (a Friday) to 2026-06-04 with
 * day i selling 1000 + 10·i (100 visitors, 10 buyers a day), and day 24 (2026-05-25) missing.
 */
import { describe, expect, it } from "vitest";
import { layoutReport } from "../../src/engine";
import { day, one, run, table } from "./helpers";

const rows = Array.from({ length: 35 }, (_, i) => i)
  .filter((i) => i !== 24)
  .map((i) => ({ date: day(i), visitors: 100, paidBuyers: 10, sales: 1000 + 10 * i }));
const shop = table("shop-daily", rows);
const target = { monthlyTarget: 30000, language: "en" as const };

/** The laid-out period row (its label is "Period"). */
function periodCell(r: ReturnType<typeof run>): string {
  const g = layoutReport(r);
  return String(g.values.find((row) => row[0] === "Period")![1]);
}

describe("compareTo on one fixture", () => {
  it("previous-period (default): the last 7 dated days against the 7 dated days before them", () => {
    const r = run([shop], target);
    // Recent: days 28..34, mean 1000 + 10·31 = 1310 a day.
    // Previous: the 7 dated days before, 20..27 without 24: 7000 + 10·(20+21+22+23+25+26+27) = 8640 → 8640 ÷ 7 = 1234.2857…
    const f = one(r, "sales-change-drivers");
    expect(f.value).toBeCloseTo(1310, 9);
    expect(f.benchmark).toBeCloseTo(8640 / 7, 9);
    expect(r.comparison).toEqual({
      mode: "previous-period",
      days: 7,
      recent: { from: "2026-05-29", to: "2026-06-04", days: 7 },
      previous: { from: "2026-05-21", to: "2026-05-28", days: 8 },
      // No Events tab: no day left out.
      eventDaysLeftOut: 0,
      allEventDays: null,
    });
    // Yesterday (06-04) sold 1340; the day before 1330: 1340 ÷ 1330 − 1 = +0.75 %.
    expect(one(r, "daily-target", { metric: "dailySales" }).message).toContain(
      "Against the day before (2026-06-03, ¥1,330): +0.75%.",
    );
    expect(periodCell(r)).toContain(
      "Compared: 2026-05-29 to 2026-06-04 against the 7 days just before (2026-05-21 to 2026-05-28)",
    );
  });

  it("previous-week: the same weekdays a week earlier, per day over the days present", () => {
    const r = run([shop], { ...target, compareTo: "previous-week" });
    // Previous: 05-22..05-28 = days 21..27 without 24, six days: 6000 + 10·144 = 7440 → 7440 ÷ 6 = 1240 a day.
    const f = one(r, "sales-change-drivers");
    expect(f.value).toBeCloseTo(1310, 9);
    expect(f.benchmark).toBeCloseTo(1240, 9);
    expect(r.comparison?.previous).toEqual({ from: "2026-05-22", to: "2026-05-28", days: 7 });
    // Same weekday last week: day 27 (05-28) sold 1270: 1340 ÷ 1270 − 1 = 0.05512 → +5.51 %.
    expect(one(r, "daily-target", { metric: "dailySales" }).message).toContain(
      "Against the same weekday last week (2026-05-28, ¥1,270): +5.51%.",
    );
    expect(periodCell(r)).toContain("against the same weekdays a week earlier");
  });

  it("four-weeks: the same days four weeks earlier", () => {
    const r = run([shop], { ...target, compareTo: "four-weeks" });
    // Previous: 05-01..05-07 = days 0..6, mean 1000 + 10·3 = 1030 a day; change 1310 ÷ 1030 − 1 = +27.18 %.
    const f = one(r, "sales-change-drivers");
    expect(f.value).toBeCloseTo(1310, 9);
    expect(f.benchmark).toBeCloseTo(1030, 9);
    expect(f.status).toBe("good");
    expect(r.comparison?.previous).toEqual({ from: "2026-05-01", to: "2026-05-07", days: 7 });
    // Day 6 (05-07) sold 1060: 1340 ÷ 1060 − 1 = 0.26415 → +26.42 %.
    expect(one(r, "daily-target", { metric: "dailySales" }).message).toContain(
      "Against the same weekday four weeks earlier (2026-05-07, ¥1,060): +26.42%.",
    );
  });

  it("four-weeks with under 35 days of data says week-on-week needs 35 days", () => {
    const short = table("shop-daily", rows.slice(0, 20));
    const f = one(run([short], { compareTo: "four-weeks", language: "en" }), "sales-change-drivers");
    expect(f.status).toBe("info");
    expect(f.message).toContain("35+ days");
  });
});
