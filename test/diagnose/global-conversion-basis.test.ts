/**
 * Issue 13: conversion on each platform's own definition. Shopee on the order state the export
 * gives (confirmed orders first, never a placed-order count against confirmed-order sales);
 * Amazon's Unit Session Percentage is units ordered ÷ sessions, not orders ÷ sessions.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SheetInput } from "../../src/engine";
import { diagnoseTables } from "../../src/engine";
import { hasUnreadState } from "../../src/engine/rules/benchmarks";
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

describe("Shopee: a localized order-state note Shop Doctor cannot read", () => {
  it("tells a state note from a currency or visit note", () => {
    expect(hasUnreadState("Penjualan (Pesanan Dibuat)")).toBe(true);
    expect(hasUnreadState("Doanh số (Đơn đã đặt)")).toBe(true);
    expect(hasUnreadState("Sales (Confirmed Order) (SGD)")).toBe(false);
    expect(hasUnreadState("Sales (VND)")).toBe(false);
    expect(hasUnreadState("Product Visitors (Visit)")).toBe(false);
    expect(hasUnreadState("Penjualan")).toBe(false);
  });

  it("placed-order sales in Indonesian: a rate and no money, as with the English placed-only export", () => {
    // `Penjualan (Pesanan Dibuat)` (sales, placed orders) reaches the sales field only once its note is
    // dropped; `Tingkat Konversi (Pesanan Dibuat)` likewise reaches the conversion rate.
    const sheet = {
      name: "shopee-id-product-performance",
      values: [
        [
          "Item ID",
          "Product",
          "Penjualan (Pesanan Dibuat)",
          "Tingkat Konversi (Pesanan Dibuat)",
          "Product Visitors (Visit)",
        ],
        [4101, "Sarung tangan", 600000, "2.50%", 1000],
        [4102, "Syal", 300000, "1.00%", 1000],
      ],
    };
    const report = diagnoseTables([sheet], { language: "en", peerPayConversion: 0.03 });
    const table = report.tables.find((t) => t.sheet === "shopee-id-product-performance")!;
    expect(table.columns.sales).toBe("Penjualan (Pesanan Dibuat)");
    const shop = report.findings.find((f) => f.rule === "pay-conversion-vs-peer" && f.subjectType === "shop")!;
    // (2.5 % × 1,000 + 1 % × 1,000) ÷ 2,000 = 35 ÷ 2,000 = 1.75 %
    expect(shop.value).toBeCloseTo(0.0175, 6);
    // Before: 900,000 ÷ 35 conversions valued each one, (3 % − 1.75 %) × 2,000 × 25,714.29 = 642,857
    // of placed-order money taken as paid. Now the order state is unknown, so no money.
    expect(shop.impact).toBeNull();
    expect(shop.message).toContain("Tingkat Konversi (Pesanan Dibuat)");
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

describe("the price × conversion quadrant on the platform's own conversion", () => {
  // Amazon Business Report by child item, 1,000 sessions each; price = Ordered Product Sales ÷ Units Ordered.
  //        units  order items  sales   price  units ÷ sessions  order items ÷ sessions
  //   A      60        15      2,400    $40        6 %              1.5 %
  //   B      20        20      1,000    $50        2 %              2 %
  //   C      50        50        500    $10        5 %              5 %
  //   D      10        10        120    $12        1 %              1 %
  const sheet = {
    name: "BusinessReport-child-items",
    values: [
      [
        "(Parent) ASIN",
        "(Child) ASIN",
        "Title",
        "Sessions - Total",
        "Units Ordered",
        "Ordered Product Sales",
        "Total Order Items",
      ],
      ["B0P0000001", "B0C000000A", "A", 1000, 60, "$2,400.00", 15],
      ["B0P0000001", "B0C000000B", "B", 1000, 20, "$1,000.00", 20],
      ["B0P0000002", "B0C000000C", "C", 1000, 50, "$500.00", 50],
      ["B0P0000002", "B0C000000D", "D", 1000, 10, "$120.00", 10],
    ],
  };

  it("Amazon: units ÷ sessions picks A as the star, not B (which order items ÷ sessions would pick)", () => {
    const report = diagnoseTables([sheet], { language: "en" });
    const quadrant = report.findings.filter((f) => f.rule === "price-conversion-quadrant");
    // median price (12 + 40) ÷ 2 = $26; median conversion on units (2 % + 5 %) ÷ 2 = 3.5 %
    // star: price > $26 and conversion > 3.5 % → A (6 %); weak: price < $26 and conversion < 3.5 % → D (1 %).
    // On order items the median would be (1.5 % + 2 %) ÷ 2 = 1.75 % and the star B (2 %), A (1.5 %) neither.
    expect(quadrant.map((f) => `${f.subject} ${f.status}`).sort()).toEqual(["A good", "D warn"]);
    const star = quadrant.find((f) => f.subject === "A")!;
    expect(star.value).toBeCloseTo(0.06, 9);
    expect(star.benchmark).toBeCloseTo(0.035, 9);
    expect(star.message).toContain("($40.00, median $26.00)");
    expect(star.message).toContain("(6.00%, median 3.50%)");
    // The same definition as the conversion rule: 140 units ÷ 4,000 sessions = 3.5 %.
    const shop = report.findings.find((f) => f.rule === "pay-conversion-vs-peer")!;
    expect(shop.value).toBeCloseTo(0.035, 9);
  });
});
