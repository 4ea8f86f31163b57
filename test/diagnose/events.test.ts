/**
 * The team's Events tab (issue 15): recognised from its headers, its days judged as event days (not
 * anomalies, not part of the ordinary baseline), one event-result finding per finished event with
 * its lift worked by hand, a post-event dip after a 大促, and unusable date cells named by cell.
 */
import { describe, expect, it } from "vitest";
import { recognizeTables } from "../../src/engine";
import type { Cell, RecognizedTable } from "../../src/engine";
import { day, findings, one, run, shopDays, table } from "./helpers";

// 35 shop days, 2026-05-01 (i = 0) … 2026-06-04 (i = 34). Ordinary sales cycle 900 / 1000 / 1100 (i % 3).
// The event 05-29 … 05-31 (i = 28, 29, 30) sells 3000, 3600, 2400; the days after it 600, 800,
// then 900 and 1000 from the cycle (i = 33, 34). Ad spend 100 a day, 500 / 600 / 700 on the event days.
const EVENT_SALES: Record<number, number> = { 28: 3000, 29: 3600, 30: 2400, 31: 600, 32: 800 };
const EVENT_SPEND: Record<number, number> = { 28: 500, 29: 600, 30: 700 };
const SHOP = shopDays(35, (i) => {
  const sales = EVENT_SALES[i] ?? [900, 1000, 1100][i % 3];
  return { sales, visitors: 1000, paidBuyers: sales / 100, spend: EVENT_SPEND[i] ?? 100 };
});

const EVENTS: RecognizedTable = table(
  "events",
  [{ eventName: "618 预热", eventStart: day(28), eventEnd: day(30), eventKind: "大促" }],
  "活动",
);

describe("event-result", () => {
  it("judges a three-day 大促 against the ordinary days before it, with its lift and extra spend", () => {
    const report = run([SHOP, EVENTS], { language: "en" });
    const f = one(report, "event-result");
    // Baseline: the 28 ordinary days before 05-29 (i = 0 … 27): ten 900s, nine 1000s, nine 1100s;
    // sorted, the 14th and 15th values are both 1000 → median 1000.
    // Event mean (3000 + 3600 + 2400) / 3 = 3000 → lift (3000 − 1000) × 3 = 6000.
    expect(f.value).toBe(6000);
    // Spend: event mean (500 + 600 + 700) / 3 = 600, ordinary median 100 → extra (600 − 100) × 3 = 1500.
    expect(f.benchmark).toBe(1500);
    // 6000 > 1500: it paid, 4500 ahead.
    expect(f.status).toBe("good");
    expect(f.message).toContain("¥4,500");
    // Post-event dip within 7 days after 05-31: 06-01 600, 06-02 800, 06-03 900 are below 1000
    // (06-04 is 1000, not below) → 3 days, (400 + 200 + 100) = 700 short.
    expect(f.message).toContain("3 days sold below ordinary days, about ¥700");
  });

  it("leaves the event days out of the anomaly check (they would be flagged as ordinary days)", () => {
    const eventDay = /2026-05-(29|30|31)/;
    const without = findings(run([SHOP], { language: "en" }), "anomaly-days");
    expect(without.some((f) => eventDay.test(f.message))).toBe(true);
    const withEvents = findings(run([SHOP, EVENTS], { language: "en" }), "anomaly-days");
    expect(withEvents.some((f) => eventDay.test(f.message))).toBe(false);
  });

  it("says nothing about paying back without ad spend by day, and the event is ℹ", () => {
    const noSpend = shopDays(35, (i) => {
      const sales = EVENT_SALES[i] ?? [900, 1000, 1100][i % 3];
      return { sales, visitors: 1000, paidBuyers: sales / 100 };
    });
    const f = one(run([noSpend, EVENTS], { language: "en" }), "event-result");
    expect(f.status).toBe("info");
    expect(f.value).toBe(6000);
    expect(f.benchmark).toBeNull();
  });

  it("reads an Events tab from its headers and names an unreadable date and an end before start by cell", () => {
    const values: Cell[][] = [
      ["活动名称", "开始日期", "结束日期", "类型"],
      ["618 预热", "2026-05-29", "2026-05-31", "大促"],
      ["店铺券", "下周一", "2026-05-20", "优惠券"],
      ["秒杀", "2026-05-10", "2026-05-08", "秒杀"],
    ];
    const [tab] = recognizeTables([{ name: "活动", values }]);
    expect(tab.kind).toBe("events");
    expect(tab.rows[0]).toMatchObject({ eventName: "618 预热", eventStart: "2026-05-29", eventEnd: "2026-05-31" });
    const report = run([SHOP, tab], { language: "en" });
    const bad = one(report, "event-result", { subject: "活动" });
    expect(bad.status).toBe("warn");
    expect(bad.value).toBe(2);
    expect(bad.message).toContain("活动!B3 “下周一” is not a date");
    expect(bad.message).toContain("活动!C4 ends on 2026-05-08");
    // The usable event is still judged: lift 6000 as above.
    expect(one(report, "event-result", { subject: "618 预热" }).value).toBe(6000);
  });
});

/** One product selling 1,000 (10 units at 100) whose unit cost leaves `1 − cost ÷ 100` of each sale. */
function costed(unitCost: number): RecognizedTable[] {
  const products = table(
    "products",
    [{ date: day(0), dateTo: day(34), productId: "P1", product: "Tee", sales: 1000, units: 10, price: 100 }],
    "商品",
  );
  return [products, table("costs", [{ productId: "P1", product: "Tee", unitCost }], "成本")];
}

describe("event-result in profit (with the Costs tab's contribution margin)", () => {
  it("✔ an event whose lift × margin beats the extra spend, labelled as profit", () => {
    // Margin (1,000 − goods 10 × 70) ÷ 1,000 = 30 %. Profit = 6,000 × 0.3 − 1,500 = 1,800 − 1,500 = 300.
    const report = run([SHOP, EVENTS, ...costed(70)], { language: "en" });
    const f = one(report, "event-result");
    expect(f.value).toBe(6000);
    expect(f.benchmark).toBe(1500);
    expect(f.status).toBe("good");
    expect(f.message).toContain("the event paid (¥4,500 ahead)");
    expect(f.message).toContain("contribution margin of 30.00% the lift kept about ¥1,800");
    expect(f.message).toContain("the event paid in profit (¥300 profit)");
    expect(f.impact).toBeNull();
    expect(report.actions.some((a) => a.rule === "event-result")).toBe(false);
  });

  it("▲ an event that paid in sales but not in profit, with the profit lost per event day", () => {
    // Margin (1,000 − 10 × 80) ÷ 1,000 = 20 %. Profit = 6,000 × 0.2 − 1,500 = 1,200 − 1,500 = −300: ▲,
    // though the sales lift (6,000) beat the extra spend. −300 over 3 event days = 100 lost a day.
    const report = run([SHOP, EVENTS, ...costed(80)], { language: "en" });
    const f = one(report, "event-result");
    expect(f.status).toBe("warn");
    expect(f.message).toContain("the event paid (¥4,500 ahead)");
    expect(f.message).toContain("contribution margin of 20.00% the lift kept about ¥1,200");
    expect(f.message).toContain("did not pay in profit (¥300 of profit lost)");
    expect(f.impact).toBe(100);
    const action = report.actions.find((a) => a.rule === "event-result");
    expect(action?.message).toContain("Review “618 预热”");
  });

  it("weights the margin by sales after refunds and fees, and says it in Chinese", () => {
    // A: 3,000 − refunds 10 % 300 − fees 10 % × 2,700 = 270 − goods 30 × 60 = 1,800 → 630.
    // B: 1,000 − 100 − 10 % × 900 = 90 − 10 × 90 = 900 → −90. Margin (630 − 90) ÷ 4,000 = 13.5 %.
    // Profit = 6,000 × 0.135 − 1,500 = 810 − 1,500 = −690 → 230 lost per event day.
    const products = table(
      "products",
      [
        { date: day(0), dateTo: day(34), productId: "A", product: "Tee", sales: 3000, units: 30, price: 100 },
        { date: day(0), dateTo: day(34), productId: "B", product: "Bag", sales: 1000, units: 10, price: 100 },
      ],
      "商品",
    );
    const costs = table(
      "costs",
      [
        { productId: "A", product: "Tee", unitCost: 60 },
        { productId: "B", product: "Bag", unitCost: 90 },
      ],
      "成本",
    );
    const settings = {
      language: "zh-CN" as const,
      platformFeeRate: 0.05,
      paymentFeeRate: 0.05,
      defaultRefundRate: 0.1,
    };
    const f = one(run([SHOP, EVENTS, products, costs], settings), "event-result");
    expect(f.status).toBe("warn");
    expect(f.impact).toBe(230);
    expect(f.message).toContain("边际贡献率 13.50%");
    expect(f.message).toContain("¥810");
    expect(f.message).toContain("利润亏 ¥690");
  });

  it("without ad spend by day stays ℹ and claims no profit verdict", () => {
    const noSpend = shopDays(35, (i) => {
      const sales = EVENT_SALES[i] ?? [900, 1000, 1100][i % 3];
      return { sales, visitors: 1000, paidBuyers: sales / 100 };
    });
    const f = one(run([noSpend, EVENTS, ...costed(70)], { language: "en" }), "event-result");
    expect(f.status).toBe("info");
    expect(f.message).not.toContain("profit");
  });
});

describe("post-event dip on anomaly days", () => {
  it("labels a fall within the week after a 大促 as the post-event dip", () => {
    const report = run([SHOP, EVENTS], { language: "en" });
    // 06-01 sold 600, 40% under its usual level: flagged, and every flagged day in the week after carries the label.
    const after = findings(report, "anomaly-days").filter((f) => /2026-06-0[1-7]/.test(f.message));
    expect(after.some((f) => f.message.startsWith("2026-06-01"))).toBe(true);
    for (const f of after) expect(f.message).toContain("post-event dip after “618 预热”");
  });
});
