/**
 * Source keys (issue 11.9): a traffic table keyed by several columns is keyed by their
 * combination, subtotal rows of a level are not counted again, and "cut spend" goes only to
 * sources that have spend.
 */
import { describe, expect, it } from "vitest";
import { diagnoseTables } from "../../src/engine";
import type { Cell, Report, SheetInput } from "../../src/engine";

const source = (report: Report, name: string) =>
  report.findings.filter((f) => f.rule === "traffic-source-mix" && f.subject === name);

describe("生意参谋 一级来源 × 二级来源 with spend on paid sources", () => {
  const values: Cell[][] = [
    ["一级来源", "二级来源", "访客数", "支付买家数", "支付金额", "花费"],
    ["淘内免费", "", 6000, 240, 24000, ""], // subtotal of the two rows below
    ["淘内免费", "手淘搜索", 4000, 200, 20000, ""],
    ["淘内免费", "手淘推荐", 2000, 40, 4000, ""],
    ["付费流量", "-", 3000, 70, 7000, 2400], // subtotal
    ["付费流量", "直通车", 2000, 60, 6000, 1500],
    ["付费流量", "万相台", 1000, 10, 1000, 900],
    ["自主访问", "购物车", 1000, 60, 6000, ""],
  ];
  const sheet: SheetInput = { name: "流量来源", values };

  it("keys rows by both levels and skips the level subtotals", () => {
    const report = diagnoseTables([sheet], { language: "en" });
    expect(report.tables.map((t) => t.kind)).toEqual(["traffic-sources"]);
    // By hand, without the subtotals: visitors 4,000 + 2,000 + 2,000 + 1,000 + 1,000 = 10,000;
    // buyers 200 + 40 + 60 + 10 + 60 = 370 → 3.70 %.
    expect(report.findings.find((f) => f.rule === "pay-conversion-vs-peer")?.value).toBeCloseTo(0.037, 12);
    // 手淘推荐 40 ÷ 2,000 = 2.00 %, 0.54 × the shop: weak; (3.70 % − 2.00 %) × 2,000 × ¥100 AOV = 3,400 in this
    // undated export (no dates, title or name period: not per day).
    const weakFree = source(report, "淘内免费 › 手淘推荐");
    expect(weakFree.map((f) => [f.status, f.value, f.impact])).toEqual([["warn", 0.02, 3400]]);
    // 万相台 10 ÷ 1,000 = 1.00 %: (3.70 % − 1.00 %) × 1,000 × 100 = 2,700 in the export.
    expect(source(report, "付费流量 › 万相台").map((f) => [f.status, f.value, f.impact])).toEqual([
      ["warn", 0.01, 2700],
    ]);
    expect(source(report, "淘内免费 › 手淘搜索").map((f) => f.status)).toEqual(["good"]);
  });

  it("advises cutting spend only on the source that has spend", () => {
    const report = diagnoseTables([sheet], { language: "en" });
    const todo = (subject: string) =>
      report.actions.find((a) => a.rule === "traffic-source-mix" && a.subject === subject)?.message;
    expect(todo("付费流量 › 万相台")).toBe(
      'Cut spend on "付费流量 › 万相台" or target it more narrowly (conversion 1.00%).',
    );
    expect(todo("淘内免费 › 手淘推荐")).toBe(
      'Find out why visitors from "淘内免费 › 手淘推荐" don\'t buy: does the page they land on match what brought them? (conversion 2.00%).',
    );
    const zh = diagnoseTables([sheet], { language: "zh-CN" });
    expect(zh.actions.find((a) => a.subject === "淘内免费 › 手淘推荐")?.message).not.toContain("压缩");
    expect(zh.actions.find((a) => a.subject === "付费流量 › 万相台")?.message).toContain("压缩");
  });
});

describe("Shopify Referring platform × Channel × Type", () => {
  const values: Cell[][] = [
    ["Referring platform", "Channel", "Type", "Sessions", "Sessions that completed checkout"],
    ["Google", "Search", "Paid", 3000, 90],
    ["Google", "Search", "Organic", 5000, 100],
    ["Instagram", "Social", "Organic", 2000, 20],
    ["Direct", "Direct", "Organic", 1000, 40],
  ];

  it("is keyed by the combination, not by the Channel column alone", () => {
    const report = diagnoseTables([{ name: "Sessions by referrer", values }], { language: "en" });
    expect(report.tables[0].kind).toBe("traffic-sources");
    // Shop: 250 ÷ 11,000 = 2.27 %. Google paid 90 ÷ 3,000 = 3.00 % (1.32×: strong) is not merged
    // with Google organic 2.00 %; Instagram 20 ÷ 2,000 = 1.00 % (0.44×) is weak.
    expect(report.findings.find((f) => f.rule === "pay-conversion-vs-peer")?.value).toBeCloseTo(250 / 11000, 12);
    expect(source(report, "Google › Search › Paid").map((f) => [f.status, f.value])).toEqual([["good", 0.03]]);
    expect(source(report, "Instagram › Social › Organic").map((f) => [f.status, f.value])).toEqual([["warn", 0.01]]);
    expect(report.findings.some((f) => f.subject === "Search")).toBe(false);
  });
});
