/**
 * The daily target by weekday shape. 28 shop days from 2026-05-01 (a Friday) to 05-28 (a
 * Thursday): 1,000 a day, Saturdays 2,000. Target 35,000 for May (31 days, five Saturdays).
 */
import { describe, expect, it } from "vitest";
import { weekdayShape } from "../../src/engine/rules/shop";
import { buildContext } from "../../src/engine/rules/context";
import { defaultSettings } from "../../src/engine/settings";
import { day, one, run, table } from "./helpers";

const isSaturday = (i: number) => new Date(`${day(i)}T00:00:00Z`).getUTCDay() === 6;
const rows = (from: number) =>
  Array.from({ length: 28 - from }, (_, k) => from + k).map((i) => ({
    date: day(i),
    sales: isSaturday(i) ? 2000 : 1000,
  }));
const settings = { monthlyTarget: 35000, language: "en" as const };

describe("daily-target split by weekday", () => {
  it("with four weeks of days, a Thursday's share follows the weekday shape", () => {
    // Weekday means: Saturday 2,000, the other six 1,000; their mean (6·1000 + 2000) ÷ 7 = 1,142.857.
    // Shares: Saturday 2000 ÷ 1142.857 = 1.75, other days 0.875.
    const ctx = buildContext([table("shop-daily", rows(0))], { ...defaultSettings(), ...settings }, "CNY");
    const shape = weekdayShape(ctx.shop!.days)!;
    expect(shape[6]).toBeCloseTo(1.75, 12);
    expect(shape[4]).toBeCloseTo(0.875, 12);
    const r = run([table("shop-daily", rows(0))], settings);
    const f = one(r, "daily-target", { metric: "dailySales" });
    // May weights: 26 days × 0.875 + 5 Saturdays × 1.75 = 31.5; Thursday 05-28: 35000 × 0.875 ÷ 31.5 = 972.22.
    expect(f.benchmark).toBeCloseTo((35000 * 0.875) / 31.5, 9);
    expect(f.status).toBe("good"); // 1,000 ≥ 972.22
    expect(f.message).toContain("follows the weekday pattern: Thursday sales average 87.50% of the mean day");
    // Due by 05-28: 24 × 0.875 + 4 Saturdays × 1.75 = 28 → 35000 × 28 ÷ 31.5 = 31,111.11; sold 24·1000 + 4·2000 = 32,000.
    const pace = one(r, "daily-target", { metric: "targetPace" });
    expect(pace.value).toBeCloseTo(32000 / ((35000 * 28) / 31.5), 9);
    expect(pace.status).toBe("good");
  });

  it("with fewer than 28 days the target stays flat, and says so", () => {
    const r = run([table("shop-daily", rows(1))], settings);
    const f = one(r, "daily-target", { metric: "dailySales" });
    // 27 days (05-02..05-28): flat 35000 ÷ 31 = 1,129.03; 1000 ÷ 1129.03 = 0.886 → ▲.
    expect(f.benchmark).toBeCloseTo(35000 / 31, 9);
    expect(f.status).toBe("warn");
    expect(f.message).toContain("split evenly over the month's days (with 28+ days of daily data");
  });
});
