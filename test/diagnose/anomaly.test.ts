/**
 * The days that broke pattern, on a synthetic 8-week series with a weekday shape: 56 shop days
 * from 2026-05-01 (a Friday). Visitors 1,000 on weekdays, 2,000 on Saturdays, 1,500 on Sundays,
 * each ± 20·((i mod 5) − 2); conversion 5 %, order value 100, so sales = visitors × 5; bounce 50 %.
 * Planted: Tuesday 2026-06-09 (day 39) converts 21 of 1,040 visitors; Thursday 05-21 (day 20)
 * bounces 80 %.
 */
import { describe, expect, it } from "vitest";
import { anomalyDays } from "../../src/engine/rules/anomaly";
import { buildContext } from "../../src/engine/rules/context";
import { defaultSettings } from "../../src/engine/settings";
import { day, findings, one, run, table } from "./helpers";

const PLANTED = 39;
function visitorsOn(i: number): number {
  const weekday = new Date(`${day(i)}T00:00:00Z`).getUTCDay();
  const base = weekday === 6 ? 2000 : weekday === 0 ? 1500 : 1000;
  return base + 20 * ((i % 5) - 2);
}
const rows = Array.from({ length: 56 }, (_, i) => {
  const visitors = visitorsOn(i);
  const buyers = i === PLANTED ? 21 : visitors * 0.05;
  return { date: day(i), visitors, paidBuyers: buyers, sales: buyers * 100, bounceRate: i === 20 ? 0.8 : 0.5 };
});
const shop = table("shop-daily", rows);

describe("anomaly days", () => {
  it("flags the planted Tuesday only, not the Saturdays, with conversion as the factor", () => {
    const ctx = buildContext([shop], defaultSettings(), "CNY");
    const days = anomalyDays(ctx.shop!.days);
    // Day 20 breaks pattern on bounce only; day 39 on sales and conversion. No Saturday (2 × the others) is flagged.
    expect(days.map((d) => d.date)).toEqual(["2026-05-21", "2026-06-09"]);
    const tuesday = days[1];
    // Baseline: the Tuesdays within 28 days, days 11, 18, 25, 32, 46, 53: visitors 980, 1020, 960, 1000, 980, 1020,
    // median (980 + 1000) ÷ 2 = 990; sales = visitors × 5, median 4,950; conversion 5 % on each.
    expect(tuesday.byWeekday).toBe(true);
    expect(tuesday.baseline).toBe(6);
    expect(tuesday.off.map((o) => [o.series, o.value, o.median])).toEqual([
      ["sales", 2100, 4950],
      ["conversion", 21 / 1040, 0.05],
    ]);
    // ln(1040/990) = 0.049, ln((21/1040)/0.05) = −0.907, ln(100/100) = 0: conversion moved most, 0.40385 − 1 = −59.62 %.
    expect(tuesday.factor?.name).toBe("conversion");
    expect(tuesday.factor?.change).toBeCloseTo(21 / 1040 / 0.05 - 1, 12);
  });

  it("reports the day with its factor and the sales lost, and leaves the bounce-only day to the bounce finding", () => {
    const r = run([shop], { language: "en" });
    const list = findings(r, "anomaly-days");
    expect(list).toHaveLength(1);
    const f = list[0];
    expect(f.status).toBe("warn");
    // Sales MAD: |4800..5100 − 4950| = 150, 50, 50, 50, 150, 150 → 100; spread 1.4826 × 100 = 148.26;
    // |2100 − 4950| = 2850 > 3.5 × 148.26 = 518.9. Money lost: 4950 − 2100 = 2,850.
    expect(f.impact).toBe(2850);
    expect(f.message).toBe(
      "2026-06-09 (Tuesday) broke pattern: sales ¥2,100 (usually ¥4,950, -57.58%), conversion 2.02% (usually 5.00%, -59.62%) (against 6 Tuesdays within four weeks). What moved most: conversion (-59.62%).",
    );
    expect(one(r, "bounce-rate").message).toContain(
      "Days with bounce clearly above usual: 2026-05-21 80.00% (usually 50.00%).",
    );
  });

  it("says no day broke pattern on the same series without the plants", () => {
    const clean = table(
      "shop-daily",
      rows.map((row, i) => (i === PLANTED ? { ...row, paidBuyers: 52, sales: 5200 } : { ...row, bounceRate: 0.5 })),
    );
    const r = run([clean], { language: "en" });
    expect(one(r, "anomaly-days").message).toBe(
      "None of the 56 days broke the usual pattern of sales, visitors, conversion or order value.",
    );
    expect(one(r, "bounce-rate").message).toContain("No single day's bounce rate was clearly above usual.");
  });
});

describe("high-bounce days on a platform whose bounce rate is not 生意参谋's", () => {
  it("names the planted bounce day in the ℹ bounce finding, and anomaly-days still leaves it out", () => {
    // The same 56 days read as a Shopify export: the 60 % / 70 % lines do not apply (ℹ), but day 20
    // (Thursday 05-21, 80 %) against the Thursdays around it (all 50 %, MAD 0, spread floor 2 % × 50 % = 1 pt):
    // |80 % − 50 %| = 30 pts > 3.5 × 1 pt → named once, in the bounce finding.
    const shopify = table("shop-daily", rows, "shop-daily", { platform: "shopify" });
    const r = run([shopify], { language: "en" });
    const f = one(r, "bounce-rate");
    expect(f.status).toBe("info");
    expect(f.message).toContain("this is Shopify's definition");
    expect(f.message).toContain("Days with bounce clearly above usual: 2026-05-21 80.00% (usually 50.00%).");
    expect(findings(r, "anomaly-days").some((a) => a.message.includes("2026-05-21"))).toBe(false);
  });
});
