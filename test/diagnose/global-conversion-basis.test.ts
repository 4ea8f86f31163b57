/**
 * Issue 13: conversion on each platform's own definition. Shopee on the order state the export
 * gives (confirmed orders first, never a placed-order count against confirmed-order sales);
 * Amazon's Unit Session Percentage is units ordered ÷ sessions, not orders ÷ sessions.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SheetInput } from "../../src/engine";
import { diagnoseTables } from "../../src/engine";
import { readExportFile } from "../../src/readers/delimited";
import { FIXTURE_DIR, loadFixture } from "../support/fixtures";

const file = (name: string): SheetInput => readExportFile(join(FIXTURE_DIR, "global", name));

function conversion(sheets: SheetInput[], settings: Record<string, unknown> = {}) {
  const report = diagnoseTables(sheets, { language: "en", ...settings });
  return report.findings.filter((f) => f.rule === "pay-conversion-vs-peer");
}

describe("Shopee: conversion on the export's order state", () => {
  it("the placed-order rate column is the placed state, not the pay conversion", () => {
    const report = diagnoseTables([file("shopee-sg-product-performance.csv")], { language: "en" });
    const table = report.tables.find((t) => t.sheet === "shopee-sg-product-performance")!;
    expect(table.columns.orderConversion).toBe("Conversion Rate (Placed Order)");
    expect(table.columns.payConversion).toBeUndefined();
    expect(table.columns.paidBuyers).toBe("Buyers (Confirmed Order)");
  });

  it("confirmed orders: buyers (confirmed) ÷ visitors, valued at confirmed sales ÷ confirmed buyers", () => {
    const shop = conversion([file("shopee-sg-product-performance.csv")], { peerPayConversion: 0.03 }).find(
      (f) => f.subjectType === "shop",
    )!;
    // variation rows: buyers (confirmed) 19 + 9, the scarf 15 = 43; visitors 1,200 + 800 = 2,000 → 2.15 %
    // (the placed state would be 30 + 15 = 45 orders → 2.25 %: not used)
    expect(shop.value).toBeCloseTo(0.0215, 6);
    // confirmed sales 570 + 270 + 450 = 1,290 ÷ 43 = S$30; (3 % − 2.15 %) × 2,000 × 30 = S$510
    expect(shop.impact).toBeCloseTo(510, 6);
    expect(shop.message).toContain(
      "conversion on confirmed orders: Buyers (Confirmed Order) ÷ Product Visitors (Visit)",
    );
  });

  it("placed-only export: conversion on placed orders from its rate, no confirmed sales to value it", () => {
    const sheet = {
      name: "shopee-placed",
      values: [
        [
          "Item ID",
          "Product",
          "Sales (Placed Order) (SGD)",
          "Conversion Rate (Placed Order)",
          "Product Visitors (Visit)",
        ],
        [4101, "Gloves", 600, "2.50%", 1000],
        [4102, "Scarf", 300, "1.00%", 1000],
      ],
    };
    const shop = conversion([sheet], { peerPayConversion: 0.03 }).find((f) => f.subjectType === "shop")!;
    // (2.5 % × 1,000 + 1 % × 1,000) ÷ 2,000 = 35 ÷ 2,000 = 1.75 %
    expect(shop.value).toBeCloseTo(0.0175, 6);
    expect(shop.impact).toBeNull();
    expect(shop.message).toContain("conversion on placed orders: the export's Conversion Rate (Placed Order) column");
  });

  it("confirmed buyers next to paid-order sales: the rate is shown, no money from a mixed ratio", () => {
    const sheet = {
      name: "shopee-mixed",
      values: [
        ["Item ID", "Product", "Sales (Paid Order) (SGD)", "Buyers (Confirmed Order)", "Product Visitors (Visit)"],
        [4201, "Gloves", 600, 20, 1000],
      ],
    };
    const shop = conversion([sheet], { peerPayConversion: 0.03 }).find((f) => f.subjectType === "shop")!;
    // 20 ÷ 1,000 = 2 %
    expect(shop.value).toBeCloseTo(0.02, 6);
    expect(shop.impact).toBeNull();
  });
});

describe("Amazon: Unit Session Percentage = units ordered ÷ sessions", () => {
  it("amazon.fr: 68 units over 2,000 sessions is 3.40 %, not 66 order items (3.30 %)", () => {
    const sheets = [loadFixture("global/amazon-fr-child-items.csv", { mode: "text" })];
    const shop = conversion(sheets, { peerPayConversion: 0.04 }).find((f) => f.subjectType === "shop")!;
    // units 48 + 20 = 68 ÷ sessions 1,200 + 800 = 2,000
    expect(shop.value).toBeCloseTo(0.034, 6);
    // (4 % − 3.4 %) × 2,000 = 12 units × (2,140 € ÷ 68 units) = 377.647 €
    // (the finding's money is kept to the cent)
    expect(shop.impact).toBeCloseTo(377.65, 6);
    expect(shop.message).toContain("(Amazon Unit Session Percentage: Unités commandées ÷ Sessions – Total");
  });

  it("amazon.co.jp and amazon.it name the same definition in their own headers", () => {
    const jp = conversion([loadFixture("global/amazon-jp-child-items.csv", { mode: "text" })])[0];
    // 注文された商品点数 90 + 30 = 120 ÷ セッション数 3,000 + 1,500 = 4,500
    expect(jp.value).toBeCloseTo(120 / 4500, 6);
    expect(jp.message).toContain("注文された商品点数 ÷ セッション数 - 合計");
    const it = conversion([file("amazon-it-child-items.csv")])[0];
    expect(it.message).toContain("Unità ordinate ÷ Sessioni – Totale");
  });
});
