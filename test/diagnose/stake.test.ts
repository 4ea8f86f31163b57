/**
 * Profit at stake (rules/stake.ts), on the sample shop (samples/sample-shop, with its 成本 tab and
 * settings.json: platform fee 5 %, payment fee 1 %, default refund rate 18 %, gross margin 40 %),
 * with hand-worked figures: sales findings × the margin that applies, profit findings never scaled
 * twice, spend left as it is, and without a Costs tab nothing changes at all.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnoseTables, layoutReport, type Report, type SheetInput } from "../../src/engine";
import { impactKind, IMPACT_KINDS } from "../../src/engine/rules/stake";
import type { RuleContext } from "../../src/engine/rules/context";
import type { Finding } from "../../src/engine/report";
import { renderSummary } from "../../src/local/cli/summary";
import { stakeLine } from "../../src/engine/stake-text";
import { translate } from "../../src/engine/i18n";
import { readExportFile } from "../../src/readers/delimited";
import { RULE_IDS } from "../../src/engine/rules";

const SAMPLE = join(__dirname, "..", "..", "samples", "sample-shop");
const SETTINGS = JSON.parse(readFileSync(join(SAMPLE, "settings.json"), "utf8"));
const TABS: SheetInput[] = readdirSync(SAMPLE)
  .filter((f) => f.endsWith(".csv"))
  .map((f) => readExportFile(join(SAMPLE, f)));
const NO_COSTS = TABS.filter((t) => t.name !== "成本");

function find(r: Report, rule: string, subject: string, metric?: string): Finding {
  const f = r.findings.find((x) => x.rule === rule && x.subject === subject && (!metric || x.metric === metric));
  if (!f) throw new Error(`no ${rule} finding about ${subject}`);
  return f;
}

describe("profit at stake on the sample shop", () => {
  const r = diagnoseTables(TABS, SETTINGS);

  it("the shop's margin turns a shop-wide sales figure into profit", () => {
    // Profit block over the 6 costed products that sold: sales 281,734.29 − refunds 50,712.17 (18 %)
    // − platform fees 11,551.11 − payment fees 2,310.22 − goods 150,149.59 = 67,011.20 kept before ads;
    // 67,011.20 ÷ 281,734.29 = 0.237852 (the shop's contribution margin).
    expect(r.profit!.sales).toBeCloseTo(281734.29, 2);
    const kept = 281734.29 - 50712.17 - 11551.11 - 2310.22 - 150149.59;
    expect(kept).toBeCloseTo(67011.2, 2);
    // Yesterday (2026-10-31) missed its day's target by ¥5,767.84 of sales: 5,767.84 × 0.237852 = 1,371.90 profit.
    const day = find(r, "daily-target", "shop", "dailySales");
    expect(day.impact).toBeCloseTo(5767.84, 2);
    expect(day.stakeBasis).toBe("profit");
    expect(day.stakeMargin).toBeCloseTo(0.237852, 6);
    expect(day.profitAtStake).toBeCloseTo(1371.9, 2);
  });

  it("a product's own margin turns its sales figure into profit", () => {
    // 直筒休闲工装裤: price ¥199, sales ¥44,324.46, units estimated as 44,324.46 ÷ 199; cost 70 + 8 + 3 = ¥81 a unit.
    // Each ¥1 of sales: − 0.18 refunded, − 0.06 × 0.82 = 0.0492 fees, − 81 ÷ 199 = 0.407035 goods → 0.363765.
    // Its conversion gap costs ¥678.22 of sales a day: 678.22 × 0.363765 = 246.71 profit a day.
    const pants = find(r, "pay-conversion-vs-peer", "直筒休闲工装裤");
    expect(pants.impact).toBeCloseTo(678.22, 2);
    expect(pants.stakeMargin).toBeCloseTo(1 - 0.18 - 0.06 * 0.82 - 81 / 199, 6);
    expect(pants.profitAtStake).toBeCloseTo(246.71, 2);
    // 复古水洗牛仔外套 sold nothing: its margin is one unit's, at its price ¥289 and cost 110 + 10 + 4 = ¥124:
    // (289 × 0.82 × 0.94 − 124) ÷ 289 = (222.7612 − 124) ÷ 289 = 0.341734; 1,573.25 × 0.341734 = 537.63.
    const jacket = find(r, "zero-sales-products", "复古水洗牛仔外套");
    expect(jacket.impact).toBeCloseTo(1573.25, 2);
    expect(jacket.stakeMargin).toBeCloseTo(98.7612 / 289, 6);
    expect(jacket.profitAtStake).toBeCloseTo(537.63, 2);
  });

  it("a product-profit loss and a losing ad plan are profit already: never multiplied again", () => {
    // The T-shirt loses ¥18,898.57 over 31 days: 18,898.57 ÷ 31 = 609.63 a day, stated as it is.
    const tee = find(r, "product-profit", "经典纯棉圆领T恤 男女同款");
    expect(tee.impact).toBeCloseTo(609.63, 2);
    expect(tee.profitAtStake).toBe(tee.impact);
    expect(tee.stakeBasis).toBe("profit");
    expect(tee.stakeMargin).toBeNull();
    // Its own contribution margin is 2.66 % (stock-cover scales by it); the loss is not 609.63 × 0.0266.
    const stock = find(r, "stock-cover", "经典纯棉圆领T恤 男女同款");
    expect(stock.stakeMargin).toBeCloseTo(0.0266, 3);
    for (const f of r.findings.filter((x) => x.rule === "ad-plan-efficiency" && x.impact !== null)) {
      // Plans lose spend − ad sales × the 40 % gross margin: profit.
      expect(f.profitAtStake).toBe(f.impact);
      expect(f.stakeMargin).toBeNull();
    }
  });

  it("today's actions are ranked by profit when all have it, and the sheet, the summary and the JSON say so", () => {
    expect(r.actionsRankedBy).toBe("profit");
    const profits = r.actions.map((a) => a.profitAtStake!);
    expect(profits).toEqual([...profits].sort((a, b) => b - a));
    // Pay conversion: 6,280.70 × 0.237852 = 1,493.88.
    expect(r.actions[0].rule).toBe("pay-conversion-vs-peer");
    expect(r.actions[0].profitAtStake).toBeCloseTo(1493.88, 2);
    const summary = renderSummary(r, { color: false });
    expect(summary).toContain("今天的三件事（按利润排序）");
    expect(summary).toContain("(利润影响：每天约 ¥1,494（销售额 ¥6,281）)");
    const grid = layoutReport(r);
    const at = grid.values.findIndex((row) => row[1] === r.actions[0].message);
    expect(grid.values[at][6]).toBeCloseTo(1493.88, 2);
    expect(grid.numberFormats[at][6]).toBe('"每天利润 ""¥"#,##0.00"（销售额 ¥6,281）"');
    const en = diagnoseTables(TABS, { ...SETTINGS, language: "en" });
    const enGrid = layoutReport(en);
    const enAt = enGrid.values.findIndex((row) => row[1] === en.actions[0].message);
    expect(enGrid.numberFormats[enAt][6]).toBe('"¥"#,##0.00" profit/day (¥6,281 in sales)"');
    expect(renderSummary(en, { color: false })).toContain("Profit at stake: about ¥1,494 a day, from ¥6,281 in sales");
  });

  it("a product the Costs tab does not price stays in sales, and the actions fall back to sales", () => {
    // Drop 直筒休闲工装裤 (683201457714) from the Costs tab: nothing is known of its profit.
    const tabs = TABS.map((t) =>
      t.name === "成本" ? { ...t, values: t.values.filter((row) => String(row[0]) !== "683201457714") } : t,
    );
    const r2 = diagnoseTables(tabs, SETTINGS);
    const pants = find(r2, "pay-conversion-vs-peer", "直筒休闲工装裤");
    expect(pants.impact).toBeCloseTo(678.22, 2);
    expect(pants.stakeBasis).toBe("sales");
    expect(pants.profitAtStake).toBeNull();
    expect(r2.actionsRankedBy).toBe("sales");
    expect(renderSummary(r2, { color: false })).toContain("(销售额：每天约 ¥678（算不出利润）)");
  });
});

describe("impact kinds", () => {
  const ctx = (grossMargin: number | null) => ({ settings: { grossMargin } }) as unknown as RuleContext;
  const f = (rule: string, metric = "x") => ({ rule, metric }) as unknown as Finding;

  it("every rule says what its money is; refunds and ad spend without a margin are spend", () => {
    expect(Object.keys(IMPACT_KINDS).sort()).toEqual([...RULE_IDS].sort());
    expect(impactKind(f("refund-rate"), ctx(0.4))).toBe("spend");
    expect(impactKind(f("qianchuan-refund-1h"), ctx(0.4))).toBe("spend");
    expect(impactKind(f("ad-plan-efficiency"), ctx(null))).toBe("spend");
    expect(impactKind(f("ad-plan-efficiency"), ctx(0.4))).toBe("profit");
    expect(impactKind(f("visitor-value-vs-cost", "visitorCost"), ctx(0.4))).toBe("profit");
    expect(impactKind(f("visitor-value-vs-cost", "visitorValue"), ctx(0.4))).toBe("sales");
    expect(impactKind(f("product-profit"), ctx(null))).toBe("profit");
  });
});

describe("without a Costs tab", () => {
  const r = diagnoseTables(NO_COSTS, SETTINGS);

  it("no finding or action carries a stake and the report says money as before", () => {
    expect(r.profit).toBeUndefined();
    expect("actionsRankedBy" in r).toBe(false);
    for (const x of [...r.findings, ...r.actions]) {
      expect("profitAtStake" in x).toBe(false);
      expect("stakeBasis" in x).toBe(false);
      expect("stakeMargin" in x).toBe(false);
    }
    // Same sales figure as with costs, worded as always.
    const summary = renderSummary(r, { color: false });
    expect(summary).toContain("今天的三件事\n");
    expect(summary).toContain("(涉及金额：每天约 ¥6,281)");
    expect(summary).not.toContain("利润影响");
    const grid = layoutReport(r);
    const at = grid.values.findIndex((row) => row[1] === r.actions[0].message);
    expect(grid.values[at][6]).toBeCloseTo(6280.7, 2);
    expect(grid.numberFormats[at][6]).toBe('"每天 ""¥"#,##0.00');
  });
});

describe("stake labels", () => {
  const money = (v: number) => `¥${Math.round(v).toLocaleString("en-US")}`;
  const en = (key: Parameters<typeof translate>[1], params: Record<string, string>) => translate("en", key, params);
  const tw = (key: Parameters<typeof translate>[1], params: Record<string, string>) => translate("zh-TW", key, params);

  it("words profit of sales, profit, sales and spend, per day and for a whole export", () => {
    // ¥1,000 of sales in an undated export at a 25 % margin: 1,000 × 0.25 = ¥250 profit.
    const ofSales = {
      impact: 1000,
      impactBasis: "export",
      profitAtStake: 250,
      stakeBasis: "profit",
      stakeMargin: 0.25,
    } as const;
    expect(stakeLine(ofSales, money, en)).toBe("Profit at stake: about ¥250 in this export, from ¥1,000 in sales");
    expect(stakeLine({ ...ofSales, impactBasis: "day" }, money, tw)).toBe("利潤影響：每天約 ¥250（銷售額 ¥1,000）");
    const loss = {
      impact: 610,
      impactBasis: "day",
      profitAtStake: 610,
      stakeBasis: "profit",
      stakeMargin: null,
    } as const;
    expect(stakeLine(loss, money, en)).toBe("Profit at stake: about ¥610 a day");
    const sales = {
      impact: 678,
      impactBasis: "day",
      profitAtStake: null,
      stakeBasis: "sales",
      stakeMargin: null,
    } as const;
    expect(stakeLine(sales, money, en)).toBe("Sales at stake: about ¥678 a day (no profit figure)");
    // Refunds above the usual rate: lost whole, worded as without costs.
    const spend = {
      impact: 90,
      impactBasis: "day",
      profitAtStake: null,
      stakeBasis: "spend",
      stakeMargin: null,
    } as const;
    expect(stakeLine(spend, money, en)).toBe("Money at stake: about ¥90 a day");
    // Without a Costs tab (no stake fields): today's words.
    expect(stakeLine({ impact: 90, impactBasis: "export" }, money, en)).toBe(
      "Money at stake: about ¥90 in this export",
    );
    expect(stakeLine({ impact: 0, impactBasis: "day" }, money, en)).toBeNull();
  });
});
