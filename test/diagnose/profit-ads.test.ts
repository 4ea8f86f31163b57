/**
 * Product-level ad spend in product-profit (issue 14): an ad export whose rows carry a product's
 * id, SKU or name takes that product's spend off its profit, hand-worked: product A, price 100,
 * unit cost 60, 10 units, no fees or refunds, ¥500 of ads on a row keyed by A's SKU →
 * 10 × (100 − 60) − 500 = −100. Only in the report's currency, only over the products' days,
 * never counted twice with the Costs tab's plan column.
 */
import { describe, expect, it } from "vitest";
import type { RecognizedTable, TableRow } from "../../src/engine";
import { findings, one, run, table } from "./helpers";

const MAY = { date: "2026-05-01", dateTo: "2026-05-30" };
const APRIL = { date: "2026-04-01", dateTo: "2026-04-30" };

const PRODUCTS = table(
  "products",
  [
    { ...MAY, productId: "1001", sku: "SKU-A", product: "Alpha", sales: 1000, units: 10, price: 100, refundAmount: 0 },
    { ...MAY, productId: "1002", sku: "SKU-B", product: "Beta", sales: 2000, units: 20, price: 100, refundAmount: 0 },
  ],
  "商品",
);

function costs(planOfAlpha: string | null = null): RecognizedTable {
  return table(
    "costs",
    [
      { productId: "1001", product: "Alpha", unitCost: 60, plan: planOfAlpha },
      { productId: "1002", product: "Beta", unitCost: 50, plan: null },
    ],
    "成本",
  );
}

/** An Amazon Sponsored Products "advertised product" report: campaign, Advertised SKU, spend. */
function adsBySku(days: TableRow, extra: TableRow = {}, sheet = "SP"): RecognizedTable {
  return table(
    "ad-plans",
    [{ ...days, plan: "SP-Auto", sku: "SKU-A", spend: 500, adSales: 800, clicks: 400, impressions: 9000, ...extra }],
    sheet,
  );
}

// No fees and no default refund rate: fees 0, refunds from the export (0).
const SETTINGS = { language: "en" as const };

describe("product-profit with an ad export keyed by product", () => {
  it("✖ takes the spend of the row keyed by A's SKU off A's profit: 10 × 40 − 500 = −100", () => {
    const report = run([PRODUCTS, costs(), adsBySku(MAY)], SETTINGS);
    const alpha = one(report, "product-profit", { subject: "Alpha" });
    expect(alpha.status).toBe("bad");
    // −100 over 30 days: −3.33 a day, and 100 ÷ 30 = 3.33 of profit at stake a day; −100 ÷ 10 = −10 per unit.
    expect(alpha.value).toBeCloseTo(-100 / 30, 10);
    expect(alpha.impact).toBe(3.33);
    expect(alpha.message).toContain("goods ¥600 and ads ¥500");
    expect(alpha.message).toContain("-¥10.00 per unit");
    expect(alpha.message).toContain("Ad spend ¥500 is this product's own rows in 「SP」.");
    // Beta has no ad row: 20 × (100 − 50) = 1,000, 50 %: no finding.
    expect(findings(report, "product-profit", "Beta")).toHaveLength(0);
    expect(report.profit?.adSpend).toBe(500);
    expect(report.profit?.net).toBe(-100 + 1000);
    expect(report.profit?.unmappedAdSpend).toBe(0);
  });

  it("matches the product's name or id as well as its SKU", () => {
    for (const key of [
      { sku: null, product: "Alpha" },
      { sku: null, productId: "1001" },
    ]) {
      const alpha = one(run([PRODUCTS, costs(), adsBySku(MAY, key)], SETTINGS), "product-profit", { subject: "Alpha" });
      expect(alpha.value).toBeCloseTo(-100 / 30, 10);
    }
  });

  it("does not subtract an ad export in another currency, and says it was left out", () => {
    const usd = adsBySku(MAY, { currency: "USD" });
    const report = run([PRODUCTS, costs(), usd], SETTINGS);
    // Without the ads: Alpha 10 × 40 = 400, Beta 1,000: every product keeps 40 % or more → ✔ on 1,400 of 3,000.
    const fine = one(report, "product-profit");
    expect(fine.status).toBe("good");
    expect(fine.value).toBeCloseTo(1400 / 3000, 10);
    expect(report.profit?.adSpend).toBe(0);
    const note = report.findings.find((f) => f.rule === "data-sanity" && f.message.includes("「SP」"));
    expect(note?.status).toBe("warn");
    expect(note?.message).toContain("USD");
  });

  it("does not subtract an ad export over other days, and says so once for all such tables", () => {
    const april = [adsBySku(APRIL), adsBySku(APRIL, { plan: "SP-Manual", sku: "SKU-B", spend: 300 }, "SP-2")];
    const report = run([PRODUCTS, costs(), ...april], SETTINGS);
    const profit = findings(report, "product-profit");
    expect(profit.find((f) => f.status === "good")?.value).toBeCloseTo(1400 / 3000, 10);
    const notes = profit.filter((f) => f.status === "info");
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toContain("2 ad exports give spend per product");
    expect(notes[0].message).toContain("(2026-05-01~2026-05-30)");
    expect(notes[0].message).toContain("「SP」(2026-04-01~2026-04-30)");
    expect(notes[0].message).toContain("「SP-2」(2026-04-01~2026-04-30)");
    expect(report.profit?.adSpend).toBe(0);
  });

  it("an undated ad export beside dated products is not subtracted either", () => {
    const report = run([PRODUCTS, costs(), adsBySku({})], SETTINGS);
    const notes = findings(report, "product-profit").filter((f) => f.status === "info");
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toContain("「SP」(days not stated)");
    expect(report.profit?.adSpend).toBe(0);
  });

  it("never counts twice: with the Costs tab mapping the same plan to A, the export's spend is used once", () => {
    // The plan SP-Auto (¥500) is mapped to Alpha by the Costs tab and its row names Alpha's SKU: −100, not −600.
    const report = run([PRODUCTS, costs("SP-Auto"), adsBySku(MAY)], SETTINGS);
    const alpha = one(report, "product-profit", { subject: "Alpha" });
    expect(alpha.value).toBeCloseTo(-100 / 30, 10);
    expect(alpha.message).toContain("the plan the Costs tab maps to it is not counted again");
    expect(report.profit?.adSpend).toBe(500);
  });

  it("keeps the Costs tab's plan column when the ad export has no product key", () => {
    const plansOnly = adsBySku(MAY, { sku: null });
    delete plansOnly.columns.sku;
    const alpha = one(run([PRODUCTS, costs("SP-Auto"), plansOnly], SETTINGS), "product-profit", { subject: "Alpha" });
    expect(alpha.value).toBeCloseTo(-100 / 30, 10);
    expect(alpha.message).not.toContain("own rows");
  });
});
