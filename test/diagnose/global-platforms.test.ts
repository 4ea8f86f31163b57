/**
 * Issue 13: one diagnosis per platform, each asserting a figure worked by hand from its
 * fixture (test/fixtures/global) and shown in the export's own currency.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SheetInput } from "../../src/engine";
import { diagnoseTables } from "../../src/engine";
import { readExportFile } from "../../src/readers/delimited";
import { FIXTURE_DIR, loadFixture } from "../support/fixtures";

const file = (name: string): SheetInput => readExportFile(join(FIXTURE_DIR, "global", name));

function finding(sheets: SheetInput[], rule: string, settings: Record<string, unknown> = {}) {
  const report = diagnoseTables(sheets, { language: "en", ...settings });
  return { report, found: report.findings.filter((f) => f.rule === rule) };
}

describe("one diagnosis per platform, in its currency", () => {
  it("Shopee SG products: conversion on confirmed orders, the product row not counted again", () => {
    const { report, found } = finding([file("shopee-sg-product-performance.csv")], "pay-conversion-vs-peer", {
      peerPayConversion: 0.03,
    });
    expect(report.currency).toBe("SGD");
    const shop = found.find((f) => f.subjectType === "shop")!;
    // buyers (confirmed) 19 + 9 + 15 = 43 over visitors 1,200 + 800 = 2,000 → 2.15 %
    expect(shop.value).toBeCloseTo(0.0215, 6);
    // (3 % − 2.15 %) × 2,000 visitors × AOV (1,290 ÷ 43 = S$30) = S$510 in this export
    expect(shop.impact).toBeCloseTo(510, 6);
    expect(shop.message).toContain("S$510");
  });

  it("Shopee SG ads: the paused ad with spend and no GMV", () => {
    const { report, found } = finding([file("shopee-sg-ads.csv")], "ad-plan-efficiency");
    expect(report.currency).toBe("SGD");
    const lost = found.find((f) => f.subject === "Winter bundle - search")!;
    // Expense S$45.00, GMV 0
    expect(lost.impact).toBeCloseTo(45, 6);
    expect(lost.message).toContain("S$45.00");
  });

  it("Lazada: visitor value in ringgit", () => {
    const { report, found } = finding([file("lazada-business-advisor.csv")], "visitor-value-vs-cost");
    expect(report.currency).toBe("MYR");
    // revenue 1,260 + 1,080 + 1,440 = 3,780 over visitors 1,400 + 1,500 + 1,600 = 4,500 → RM0.84
    expect(found[0].value).toBeCloseTo(3780 / 4500, 6);
    expect(found[0].message).toContain("RM0.84");
  });

  it("Etsy: orders ÷ visits from the stats table, the money in the orders table's EUR", () => {
    const sheets = [file("etsy-sold-orders.csv"), file("etsy-shop-stats.csv")];
    const { report, found } = finding(sheets, "pay-conversion-vs-peer");
    expect(report.currency).toBe("EUR");
    // orders 3 + 2 + 4 = 9 over visits 240 + 260 + 300 = 800 → 1.125 %
    expect(found[0].value).toBeCloseTo(9 / 800, 6);
    const value = report.findings.find((f) => f.rule === "visitor-value-vs-cost")!;
    // revenue 96 + 64 + 128 = 288 over 800 visits → €0.36
    expect(value.message).toContain("€0.36");
  });

  it("Etsy sold orders: profit with the Card Processing Fees the export charged, not the payment fee rate", () => {
    const costs = {
      name: "Costs",
      values: [
        ["SKU", "Unit cost"],
        ["BEANIE-RED", 15],
        ["SCARF-GRY", 30],
        ["MITTENS-SET", 10],
      ],
    };
    // Etsy's 6.5 % transaction fee as the platform rate; the 4 % payment rate must give way to the export
    const settings = { platformFeeRate: 0.065, paymentFeeRate: 0.04 };
    const { report, found } = finding([file("etsy-sold-orders.csv"), costs], "product-profit", settings);
    expect(report.currency).toBe("EUR");
    // SCARF-GRY: Order Value 32.00 − 6.5 % × 32 (2.08) − Card Processing Fees 1.29 − 1 × 30 = −1.37
    // (at the 4 % rate the payment fee would be 1.28: −1.36) over 3–14 Nov, 12 days → 0.114 a day
    const loss = found.find((f) => f.subject === "SCARF-GRY")!;
    expect(loss.status).toBe("bad");
    expect(loss.value).toBeCloseTo(-1.37 / 12, 9);
    expect(loss.message).toContain("leave -€1.37");
    expect(loss.message).toContain("fees €3.37");
    expect(loss.message).toContain("Payment fees €1.29");
    // payment fees 1.87 + 1.29 + 2.55 = 5.71 from the export; platform 6.5 % × (48 + 32 + 75 = 155) = 10.075
    // goods 2 × 15 + 30 + 3 × 10 = 90; net 155 − 10.075 − 5.71 − 90 = 49.215 (the block keeps cents:
    // 10.075 is held as 10.0749… in floating point, so 10.07; 49.215 as 49.2150…, so 49.22)
    expect(report.profit).toMatchObject({ sales: 155, platformFees: 10.07, paymentFees: 5.71, cogs: 90, net: 49.22 });
  });

  it("Rakuten: visitor value in yen, whichever encoding", () => {
    for (const name of ["rakuten-item-analysis-shift-jis.csv", "rakuten-item-analysis-utf8-bom.csv"]) {
      const { report, found } = finding([file(name)], "visitor-value-vs-cost");
      expect(report.currency).toBe("JPY");
      // 売上 128,000 + 54,000 = 182,000 over アクセス人数 1,600 + 900 = 2,500 → 72.8 円
      expect(found[0].value).toBeCloseTo(72.8, 6);
      expect(found[0].message).toContain("73円");
    }
  });

  it("Rakuten: 在庫数 is the stock the stock-cover check reads, over the 期間 of the preface", () => {
    const sheet = file("rakuten-item-analysis-utf8-bom.csv");
    // the leggings' 在庫数 120 → 20 (column AB of the row under the header on row 6)
    const values = sheet.values.map((row) => [...row]);
    values[6][27] = 20;
    const { found } = finding([{ ...sheet, values }], "stock-cover");
    expect(found).toHaveLength(1);
    const low = found[0];
    expect(low.subject).toBe("裏起毛レギンス 黒");
    // 期間 2026/11/01〜2026/11/07 = 7 days; 売上個数 40 ÷ 7 = 5.71 a day; 20 ÷ 5.71 = 3.5 days of cover
    expect(low.value).toBeCloseTo(3.5, 6);
    // sales at risk per day: 売上 128,000 ÷ 7 = 18,285.71 円
    expect(low.impact).toBeCloseTo(18285.71, 6); // kept to the cent
    expect(low.message).toContain("18,286円");
    // the untouched file: 120 ÷ (40 ÷ 7) = 21 days and 75 ÷ (18 ÷ 7) = 29.2 days, both over 7
    expect(finding([sheet], "stock-cover").found).toEqual([]);
  });

  it("Amazon.co.jp Business Report: ￥ amounts are yen", () => {
    const { report, found } = finding(
      [loadFixture("global/amazon-jp-child-items.csv", { mode: "text" })],
      "visitor-value-vs-cost",
    );
    expect(report.currency).toBe("JPY");
    // ￥405,000 + ￥165,000 = 570,000 over sessions 3,000 + 1,500 = 4,500 → 126.67 円
    expect(found[0].value).toBeCloseTo(570000 / 4500, 6);
    expect(found[0].message).toContain("127円");
  });

  it("Amazon.fr Business Report: conversion on sessions, money in euros", () => {
    const { report, found } = finding(
      [loadFixture("global/amazon-fr-child-items.csv", { mode: "text" })],
      "visitor-value-vs-cost",
    );
    expect(report.currency).toBe("EUR");
    // 1,440 € + 700 € = 2,140 over sessions 1,200 + 800 = 2,000 → €1.07
    expect(found[0].value).toBeCloseTo(1.07, 6);
    expect(found[0].message).toContain("€1.07");
  });

  it("Amazon Sponsored Products: the search term with spend and no sales", () => {
    const { report, found } = finding([file("amazon-sp-search-terms.csv")], "search-terms-no-sales");
    expect(report.currency).toBe("USD");
    const lost = found.find((f) => f.subject === "usb hand warmer")!;
    // Spend $90.00 on `usb hand warmer` (SP - Gloves - Broad), 7 Day Total Sales $0.00, one day
    expect(lost.impact).toBeCloseTo(90, 6);
    expect(lost.message).toContain("$90.00");
    expect(lost.message).toContain("SP - Gloves - Broad");
  });

  it("eBay listings traffic: no money in the export, so no money in the report", () => {
    // The report carries impressions, page views, quantity sold and stock, but no sales amount,
    // price or visitors: nothing can be priced, and no zero-sales finding is made from page views
    // (the wool socks' 0 sold has `-` page views: no data, not zero).
    const report = diagnoseTables([file("ebay-listings-traffic.csv")], { language: "en" });
    for (const f of report.findings) {
      expect(f.impact, f.rule).toBeNull();
      expect(f.message, f.rule).not.toMatch(/\$\d/);
    }
    expect(report.findings.filter((f) => f.rule === "zero-sales-products")).toEqual([]);
    const table = report.tables.find((t) => t.sheet === "ebay-listings-traffic")!;
    // read, not judged: C (promotion status) and the three impression splits I, J, K are all that is unused
    const unknown = report.findings.find((f) => f.rule === "data-sanity" && f.message.includes("does not know"))!;
    expect(unknown.value).toBe(4);
    expect(table.rows).toBe(3);
  });

  it("Mercado Libre: profit in pesos, with the sale fees the export charged (the package's shared over its items)", () => {
    const costs = {
      name: "Costs",
      values: [
        ["Product", "Unit cost"],
        ["Guantes térmicos", 500],
        ["Bufanda de lana", 400],
      ],
    };
    // fee rate settings that must not be used: the export says what it charged
    const settings = { platformFeeRate: 0.5, paymentFeeRate: 0.1 };
    const { report, found } = finding([file("mercadolibre-ventas.csv"), costs], "product-profit", settings);
    expect(report.currency).toBe("MXN");
    // Bufanda de lana: sales 450 (in the package) + 1,350 = 1,800; 1 + 3 = 4 units;
    // Cargo por venta 450/1,050 × 157.50 = 67.50 + 202.50 = 270; goods 4 × 400 = 1,600; no refunds
    // net 1,800 − 270 − 1,600 = −70 over 3–6 Nov (4 days, the 5th sold nothing) → 17.50 a day
    // (at the fee rate settings it would be 1,800 × 60 % = 1,080 of fees instead)
    const loss = found.find((f) => f.subject === "Bufanda de lana")!;
    expect(loss.status).toBe("bad");
    expect(loss.impact).toBeCloseTo(17.5, 6);
    expect(loss.message).toContain("leave -MX$70.00");
    expect(loss.message).toContain("fees MX$270");
    expect(loss.message).toContain("Cargo por venta e impuestos (MXN)");
    // Guantes térmicos: 1,200 + 600 = 1,800; fees 180 + 600/1,050 × 157.50 = 90 → 270; goods 3 × 500 = 1,500
    // net 30 = 1.67 % of sales, under the 10 % thin line
    const thin = found.find((f) => f.subject === "Guantes térmicos")!;
    expect(thin.status).toBe("warn");
    expect(thin.value).toBeCloseTo(30 / 1800, 6);
    // the block: fees 270 + 270 = 540 as the platform's, none at the payment fee rate; goods 1,500 + 1,600;
    // net 30 − 70 = −40
    expect(report.profit).toMatchObject({ sales: 3600, platformFees: 540, paymentFees: 0, cogs: 3100, net: -40 });
  });

  it("Mercado Libre: pesos, and the package row's 1,050 not added to its items", () => {
    const report = diagnoseTables([file("mercadolibre-ventas.csv")], { language: "en" });
    expect(report.currency).toBe("MXN");
    const table = report.tables.find((t) => t.sheet === "mercadolibre-ventas")!;
    // rows 4, 6, 7, 8 are read; row 5 (the package) is kept aside
    expect(table.rows).toBe(4);
    // the fee and shipping columns are read (and the package's shared over its items, see
    // test/recognize/package-fees.test.ts); only Descripción del estado (D) and Total (K) are not used
    expect(table.columns).toMatchObject({
      saleFees: "Cargo por venta e impuestos (MXN)",
      shippingPaid: "Costos de envío (MXN)",
    });
    const unknown = report.findings.find((f) => f.rule === "data-sanity" && f.message.includes("does not know"))!;
    expect(unknown.value).toBe(2);
    expect(unknown.message).toContain("(D3, K3)");
  });
});

describe("platform definitions and published benchmarks", () => {
  it("names the conversion's own columns (Shopee: confirmed-order buyers ÷ product visitors)", () => {
    const { found } = finding([file("shopee-sg-product-performance.csv")], "pay-conversion-vs-peer");
    expect(found[0].status).toBe("info");
    expect(found[0].message).toContain(
      "(Shopee, conversion on confirmed orders: Buyers (Confirmed Order) ÷ Product Visitors (Visit).)",
    );
  });

  it("judges Etsy against its published benchmark when no peer figure is set, never calling it peers", () => {
    const sheets = [file("etsy-sold-orders.csv"), file("etsy-shop-stats.csv")];
    const { found } = finding(sheets, "pay-conversion-vs-peer");
    // 9 orders ÷ 800 visits = 1.125 % ≥ the published 1 % floor
    expect(found[0]).toMatchObject({ status: "good", benchmark: 0.01 });
    expect(found[0].message).toContain("published benchmark for Etsy (1.00%");
    expect(found[0].message).not.toMatch(/peer average/);
    expect(found[0].message).toContain("(Etsy: Orders ÷ Visits.)");
  });

  it("below the benchmark it is ▲ with the money to reach it; a team peer value still wins", () => {
    // Etsy stats with 3 orders over 800 visits: 0.375 %, below the published 1 %
    const stats = {
      name: "etsy-shop-stats",
      values: [
        ["Date", "Visits", "Orders", "Revenue"],
        ["2026-11-01", 240, 1, 96],
        ["2026-11-02", 260, 1, 96],
        ["2026-11-03", 300, 1, 96],
      ],
    };
    const { found } = finding([stats], "pay-conversion-vs-peer");
    expect(found[0]).toMatchObject({ status: "warn", benchmark: 0.01 });
    // per day: (0.01 − 3/800) × 800/3 visitors a day × 96 = 160
    expect(found[0].impact).toBeCloseTo((0.01 - 3 / 800) * (800 / 3) * 96, 6);
    const peer = finding([stats], "pay-conversion-vs-peer", { peerPayConversion: 0.003 }).found[0];
    expect(peer).toMatchObject({ status: "good", benchmark: 0.003 });
  });

  it("WooCommerce: says which checks need a traffic export and which exports serve", () => {
    const { found } = finding([file("woocommerce-revenue.csv")], "pay-conversion-vs-peer");
    expect(found[0].status).toBe("info");
    expect(found[0].message).toContain("GA4 Traffic acquisition");
    expect(found[0].message).toContain("Jetpack Stats");
  });
});
