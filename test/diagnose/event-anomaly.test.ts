/**
 * Event days judged against event days (issue 15): each day inside an event is compared with the
 * other event days in the data (same median / MAD test as ordinary days), never with ordinary days.
 *
 * 42 shop days from 2026-05-01 (i = 0 … 41), visitors 1,000 and order value 100 every day.
 * Ordinary days sell 1,000 (10 buyers, 1 % conversion). Eleven one-day live sessions on
 * i = 3, 6, …, 33 sell ~4,000; the sixth of them (i = 18, Tuesday 2026-05-19) sells only 1,000.
 */
import { describe, expect, it } from "vitest";
import type { RecognizedTable } from "../../src/engine";
import { day, findings, one, run, shopDays, table } from "./helpers";

const EVENT_SALES = [3800, 3900, 3900, 4000, 4000, 1000, 4000, 4000, 4100, 4100, 4200];
const EVENT_DAYS = EVENT_SALES.map((_, k) => 3 * (k + 1));
const salesOn = (i: number) => (EVENT_DAYS.includes(i) ? EVENT_SALES[EVENT_DAYS.indexOf(i)] : 1000);
const SHOP = shopDays(42, (i) => ({ sales: salesOn(i), visitors: 1000, paidBuyers: salesOn(i) / 100 }));

function events(days: readonly number[], kind: (k: number) => string): RecognizedTable {
  const rows = days.map((i, k) => ({
    eventName: `直播 ${k + 1}`,
    eventStart: day(i),
    eventEnd: day(i),
    eventKind: kind(k),
  }));
  return table("events", rows, "活动");
}

describe("event days judged against the other event days", () => {
  it("flags the event day that sold 1,000 against the event median 4,000, not the ordinary days at 1,000", () => {
    const report = run([SHOP, events(EVENT_DAYS, () => "直播")], { language: "en" });
    const list = findings(report, "anomaly-days");
    // Baseline for 05-19: the other 10 live-session days (10 ≥ 7 of the same kind):
    // 3800 3900 3900 4000 4000 4000 4000 4100 4100 4200 → median (4000 + 4000) ÷ 2 = 4,000.
    // |x − 4000| = 200 100 100 0 0 0 0 100 100 200 → MAD (100 + 100) ÷ 2 = 100; spread 1.4826 × 100 = 148.26
    // (above the 2 % floor, 80); |1000 − 4000| = 3000 > 3.5 × 148.26 = 518.91 → off pattern, 3,000 lost.
    // Conversion the same way: 1 % against 4 %. Visitors and order value did not move: conversion moved most.
    // The 4,200 day against the others (with 1,000): median 4,000, MAD 100 → |200| < 518.91, not flagged.
    // The 31 ordinary days all sell 1,000: none is flagged.
    expect(list).toHaveLength(1);
    const f = list[0];
    expect(f.status).toBe("warn");
    expect(f.value).toBe(1000);
    expect(f.benchmark).toBe(4000);
    expect(f.impact).toBe(3000);
    expect(f.message).toBe(
      "2026-05-19 (Tuesday) broke pattern: sales ¥1,000 (usually ¥4,000, -75.00%), conversion 1.00% (usually 4.00%, -75.00%) (against 10 other event days of the kind Live session: event days are judged against event days). What moved most: conversion (-75.00%).",
    );
  });

  it("falls back to every other event day when fewer than 7 are of the same kind", () => {
    // Kinds: 5 live sessions (k = 0 … 4), 6 coupons (k = 5 … 10, 05-19 among them): 5 other coupon days < 7,
    // so 05-19 is judged against all 10 other event days: the same median 4,000 as above.
    const kinds = events(EVENT_DAYS, (k) => (k < 5 ? "直播" : "优惠券"));
    const f = one(run([SHOP, kinds], { language: "en" }), "anomaly-days");
    expect(f.benchmark).toBe(4000);
    expect(f.message).toContain("(against 10 other event days: event days are judged against event days)");
  });

  it("without the Events tab the same days read the other way round: the ~4,000 days break the ordinary pattern", () => {
    // Ordinary baseline of 1,000 days (MAD 0, spread floor 2 % × 1,000 = 20): the 10 ~4,000 days are off
    // (rises, ℹ), 05-19 is not. The latest 5 are listed (06-03 first), one line counts the other 5.
    const list = findings(run([SHOP], { language: "en" }), "anomaly-days");
    expect(list.some((f) => f.message.startsWith("2026-05-19"))).toBe(false);
    expect(list[0].message.startsWith("2026-06-03")).toBe(true);
    expect(list.map((f) => f.message)).toContain("5 more days broke pattern and are not listed one by one.");
  });

  it("does not judge event days with only 3 of them, and says so once", () => {
    // Events on i = 9, 18, 27 (4,000, 1,000, 4,000 from the series above): each has 2 other event days < 7.
    const three = run([SHOP, events([9, 18, 27], () => "直播")], { language: "en" });
    const list = findings(three, "anomaly-days");
    expect(list.some((f) => f.message.includes("2026-05-19"))).toBe(false);
    const notes = list.filter((f) => f.message.includes("event days are judged only against"));
    expect(notes).toHaveLength(1);
    expect(notes[0].status).toBe("info");
    expect(notes[0].message).toBe(
      "3 event days are judged only against the other event days, and 8+ are needed: they were not checked for a broken pattern.",
    );
    const zh = findings(run([SHOP, events([9, 18, 27], () => "直播")], { language: "zh-CN" }), "anomaly-days");
    expect(zh.some((f) => f.message.includes("至少要有 8 个；现在只有 3 个"))).toBe(true);
  });
});
