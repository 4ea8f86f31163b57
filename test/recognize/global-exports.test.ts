/**
 * Issue 13 recognition: one fixture per export type from the real header layouts
 * (PEERS-2.md a1/a3, PEERS.md §2d), read through the CLI's own file reader (which decodes
 * Shift_JIS and UTF-8 BOM alike) or, for decimal-comma files, as exported text. Each test
 * asserts the recognised kind, the platform, the header row and the column map.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { FieldName, RecognizedTable } from "../../src/engine";
import { recognizeTables } from "../../src/engine";
import { tableCurrency } from "../../src/engine/diagnose";
import { readExportFile } from "../../src/readers/delimited";
import { FIXTURE_DIR, loadFixture } from "../support/fixtures";

const DIR = join(FIXTURE_DIR, "global");

function read(name: string): RecognizedTable {
  const sheet = readExportFile(join(DIR, name));
  const tables = recognizeTables([sheet]);
  expect(tables).toHaveLength(1);
  return tables[0];
}

/** Decimal-comma exports as text: a US-locale paste (and the CLI's plain-number reading) would turn `1.000` into 1. */
function readText(name: string): { table: RecognizedTable; values: (string | number | null)[][] } {
  const sheet = loadFixture(join("global", name), { mode: "text" });
  const tables = recognizeTables([sheet]);
  expect(tables).toHaveLength(1);
  return { table: tables[0], values: sheet.values as (string | number | null)[][] };
}

const sum = (t: RecognizedTable, field: FieldName) =>
  t.rows.reduce((s, r) => s + (typeof r[field] === "number" ? (r[field] as number) : 0), 0);

describe("TikTok Shop product analytics (two-row header)", () => {
  it("merges All / Affiliate over the metric row and reads the All section as the shop's figures", () => {
    const t = read("tiktok-shop-product-analytics.csv");
    expect(t).toMatchObject({ kind: "products", platform: "tiktok", headerRow: 2 });
    expect(t.columns).toMatchObject({
      productId: "Product ID",
      product: "Product",
      sales: "All::GMV",
      orders: "All::Orders",
      units: "All::Items sold",
      paidBuyers: "All::Est. customers",
      impressions: "All::Product impressions",
      clicks: "All::Product clicks",
      refundAmount: "All::Refunds",
    });
    expect(t.reason).toContain("Affiliate::Product impressions (LIVE)");
    // $4,320.00 + $1,188.00 + $375.00 = $5,883.00 (the affiliate $1,440 + $150 is a part of it, not added)
    expect(sum(t, "sales")).toBeCloseTo(5883, 2);
    expect(tableCurrency(t, readExportFile(join(DIR, "tiktok-shop-product-analytics.csv")).values)).toBe("USD");
  });
});

describe("Shopee", () => {
  it("product performance: the product row over its variations is kept aside, never counted twice", () => {
    const t = read("shopee-sg-product-performance.csv");
    expect(t).toMatchObject({ kind: "products", platform: "shopee", headerRow: 1 });
    expect(t.columns).toMatchObject({
      productId: "Item ID",
      variationId: "Variation ID",
      visitors: "Product Visitors (Visit)",
      pageviews: "Product Page Views",
      bounceRate: "Product Bounce Rate",
      bouncedVisitors: "Product Bounce Visitors",
      cartUnits: "Units (Add to Cart)",
      orderAmount: "Sales (Placed Order) (SGD)",
      sales: "Sales (Confirmed Order) (SGD)",
      impressions: "Product Impression",
      clicks: "Product Clicks",
      paidBuyers: "Buyers (Confirmed Order)",
    });
    expect(t.subtotals?.map((s) => s.row)).toEqual([2]);
    expect(t.issues.filter((i) => i.code === "parent-row")).toEqual([expect.objectContaining({ row: 2 })]);
    // confirmed sales: 570 + 270 (the variations of Heated gloves) + 450 (Merino scarf) = 1,290, not 2,130
    expect(sum(t, "sales")).toBeCloseTo(1290, 2);
    expect(tableCurrency(t, undefined)).toBe("SGD");
  });

  it("Shopee Ads: Expense, GMV, ROAS, ACOS; Conversions and Items Sold are the ads' own", () => {
    const t = read("shopee-sg-ads.csv");
    expect(t).toMatchObject({ kind: "ad-plans", platform: "shopee" });
    expect(t.columns).toMatchObject({
      plan: "Ad Name",
      impressions: "Impression",
      clicks: "Clicks",
      spend: "Expense (SGD)",
      adSales: "GMV (SGD)",
      roi: "ROAS",
      acos: "ACOS",
      adOrders: "Conversions",
      adUnits: "Items Sold",
    });
    // 156 + 96 + 45 = 297 spend
    expect(sum(t, "spend")).toBeCloseTo(297, 2);
  });
});

describe("Lazada, WooCommerce, Etsy, eBay", () => {
  it("Lazada Business Advisor", () => {
    const t = read("lazada-business-advisor.csv");
    expect(t).toMatchObject({ kind: "shop-daily", platform: "lazada" });
    expect(t.columns).toMatchObject({
      sales: "Revenue (RM)",
      visitors: "Visitors",
      paidBuyers: "Buyers",
      payConversion: "Conversion rate",
      visitorValue: "Visitor value (RM)",
      cartAdds: "Add to cart visitors",
      aov: "Revenue per buyer (RM)",
    });
    expect(tableCurrency(t, undefined)).toBe("MYR");
  });

  it("WooCommerce Analytics → Revenue (no traffic column at all)", () => {
    const t = read("woocommerce-revenue.csv");
    expect(t).toMatchObject({ kind: "shop-daily", platform: "woocommerce" });
    expect(t.columns).toMatchObject({
      orders: "Orders",
      grossSales: "Gross sales",
      returns: "Returns",
      discounts: "Coupons",
      netSales: "Net sales",
      taxes: "Taxes",
      shipping: "Shipping",
      sales: "Total sales",
    });
    expect(t.columns.visitors).toBeUndefined();
  });

  it("Etsy sold orders: a Currency column says EUR row by row", () => {
    const t = read("etsy-sold-orders.csv");
    expect(t).toMatchObject({ kind: "orders", platform: "etsy" });
    expect(t.columns).toMatchObject({
      date: "Sale Date",
      orderId: "Order ID",
      units: "Number of Items",
      currency: "Currency",
      sales: "Order Value",
      paymentFees: "Card Processing Fees",
    });
    expect(t.rows.map((r) => r.paymentFees)).toEqual([1.87, 1.29, 2.55]);
    expect(t.rows.map((r) => r.date)).toEqual(["2026-11-03", "2026-11-05", "2026-11-14"]);
    expect(tableCurrency(t, undefined)).toBe("EUR");
  });

  it("Etsy shop stats pasted as a table: Visits are sessions", () => {
    const t = read("etsy-shop-stats.csv");
    expect(t).toMatchObject({ kind: "shop-daily" });
    expect(t.columns).toMatchObject({ sessions: "Visits", visitors: "Visits", orders: "Orders", sales: "Revenue" });
  });

  it("eBay listings traffic report: header on row 6, `-` is no data", () => {
    const t = read("ebay-listings-traffic.csv");
    expect(t).toMatchObject({ kind: "products", platform: "ebay", headerRow: 6 });
    expect(t.columns).toMatchObject({
      product: "Listing title",
      productId: "eBay item ID",
      impressions: "Total impressions on eBay site",
      ctr: "Click-through rate = Page views from eBay site/Total impressions",
      units: "Quantity sold",
      pageviews: "Total page views",
      stock: "Quantity available",
    });
    expect(t.rows[2]).toMatchObject({ productId: "285512340003", ctr: null, pageviews: null, stock: 60 });
  });

  it("eBay Sales conversion rate is its own field (quantity sold ÷ page views), checked against the counts", () => {
    const t = read("ebay-listings-traffic.csv");
    expect(t.columns.unitPageviewRate).toBe("Sales conversion rate = Quantity sold/Total page views");
    // units over page views is neither Shop Doctor's buyers ÷ visitors nor Amazon's units ÷ sessions
    expect(t.columns.payConversion).toBeUndefined();
    expect(t.columns.unitSessionRate).toBeUndefined();
    // 2.25% = 18 ÷ 800; 1.90% ≈ 4 ÷ 210 = 1.905%; `-` is no data
    expect(t.rows.map((r) => r.unitPageviewRate)).toEqual([0.0225, 0.019, null]);
    expect(t.issues.filter((i) => i.code === "rate-mismatch")).toEqual([]);
  });

  it("an eBay conversion cell that disagrees with its counts is reported by cell", () => {
    const sheet = readExportFile(join(DIR, "ebay-listings-traffic.csv"));
    const values = sheet.values.map((row) => [...row]);
    values[7][7] = "4.00%"; // Merino scarf: 4 sold ÷ 210 page views is 1.90%, not 4.00%
    const [t] = recognizeTables([{ ...sheet, values }]);
    const mismatch = t.issues.filter((i) => i.code === "rate-mismatch");
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]).toMatchObject({ row: 8, column: 8, field: "unitPageviewRate" });
    expect(mismatch[0].message).toContain("= 4 ÷ 210 = 1.90%");
    expect(mismatch[0].message).toContain("H8");
  });
});

describe("Mercado Libre and Rakuten", () => {
  it("Mercado Libre: intro rows, (MXN) headers, the package row kept apart from its items", () => {
    const t = read("mercadolibre-ventas.csv");
    expect(t).toMatchObject({ kind: "orders", platform: "mercadolibre", headerRow: 3 });
    expect(t.columns).toMatchObject({
      orderId: "# de venta",
      date: "Fecha de venta",
      units: "Unidades",
      sales: "Ingresos por productos (MXN)",
      productId: "# de publicación",
      product: "Título de la publicación",
      packageRow: "Paquete de varios productos",
      saleFees: "Cargo por venta e impuestos (MXN)",
      shipping: "Ingresos por envío (MXN)",
      shippingPaid: "Costos de envío (MXN)",
    });
    expect(t.subtotals?.map((s) => s.row)).toEqual([5]);
    // `3 de noviembre de 2026 14:05 hs.` and the others, as the real export writes them
    expect(t.rows.map((r) => r.date)).toEqual(["2026-11-03", "2026-11-04", "2026-11-04", "2026-11-06"]);
    expect(t.issues.filter((i) => i.code === "not-a-date")).toEqual([]);
    // 1,200 + 600 + 450 + 1,350 = 3,600 MXN (the package row's 1,050 is its two items again)
    expect(sum(t, "sales")).toBeCloseTo(3600, 2);
    expect(tableCurrency(t, undefined)).toBe("MXN");
  });

  for (const name of ["rakuten-item-analysis-shift-jis.csv", "rakuten-item-analysis-utf8-bom.csv"]) {
    it(`Rakuten 商品分析 (${name.includes("shift") ? "Shift_JIS" : "UTF-8 BOM"}): four preface lines, yen`, () => {
      const t = read(name);
      expect(t).toMatchObject({ kind: "products", platform: "rakuten", headerRow: 6 });
      expect(t.columns).toMatchObject({
        productId: "商品ID",
        product: "商品名",
        sales: "売上",
        orders: "売上件数",
        units: "売上個数",
        visitors: "アクセス人数",
        payConversion: "転換率",
        aov: "客単価",
        bouncedVisitors: "直帰数",
        stock: "在庫数",
      });
      // 売上 128,000 + 54,000
      expect(sum(t, "sales")).toBe(182000);
      // 在庫数 120 + 75; 離脱率 (exit rate) has no field of its own and stays unused
      expect(sum(t, "stock")).toBe(195);
      expect(Object.values(t.columns)).not.toContain("離脱率");
      expect(tableCurrency(t, undefined)).toBe("JPY");
    });
  }
});

describe("Amazon", () => {
  const LOCALIZED: [string, Partial<Record<FieldName, string>>, number][] = [
    ["amazon-fr-child-items.csv", { sessions: "Sessions – Total", units: "Unités commandées" }, 2000],
    ["amazon-es-child-items.csv", { sessions: "Sesiones – Total", units: "Unidades pedidas" }, 1500],
    ["amazon-it-child-items.csv", { sessions: "Sessioni – Totale", units: "Unità ordinate" }, 3000],
    ["amazon-jp-child-items.csv", { sessions: "セッション数 - 合計", units: "注文された商品点数" }, 4500],
  ];
  for (const [name, columns, sessions] of LOCALIZED) {
    it(`Business Report by child item, localized: ${name}`, () => {
      const { table: t } = readText(name);
      expect(t).toMatchObject({ kind: "products", platform: "amazon" });
      expect(t.columns).toMatchObject(columns);
      for (const field of ["parentAsin", "productId", "product", "pageviews", "unitSessionRate", "sales"] as const)
        expect(t.columns[field], field).toBeDefined();
      expect(sum(t, "sessions")).toBe(sessions);
      expect(t.issues.filter((i) => i.code === "rate-mismatch" || i.code === "ambiguous-number-format")).toEqual([]);
    });
  }

  it("the yen of Amazon.co.jp (￥) is JPY, the euro of the others EUR", () => {
    const jp = readText("amazon-jp-child-items.csv");
    expect(tableCurrency(jp.table, jp.values)).toBe("JPY");
    const fr = readText("amazon-fr-child-items.csv");
    expect(tableCurrency(fr.table, fr.values)).toBe("EUR");
  });

  it("Sponsored Products search term report", () => {
    const t = read("amazon-sp-search-terms.csv");
    expect(t).toMatchObject({ kind: "ad-plans", platform: "amazon" });
    expect(t.columns).toMatchObject({
      plan: "Campaign Name",
      keyword: "Targeting",
      searchTerm: "Customer Search Term",
      spend: "Spend",
      adSales: "7 Day Total Sales",
      acos: "Total Advertising Cost of Sales (ACOS)",
      roi: "Total Return on Advertising Spend (ROAS)",
      currency: "Currency",
    });
    expect(tableCurrency(t, undefined)).toBe("USD");
  });

  it("Search Query Performance: the metadata row first, the brand's counts read", () => {
    const t = read("amazon-sqp.csv");
    expect(t).toMatchObject({ kind: "search-terms", platform: "amazon", headerRow: 2 });
    expect(t.columns).toMatchObject({
      searchTerm: "Search Query",
      impressions: "Impressions: Brand Count",
      clicks: "Clicks: Brand Count",
      orders: "Purchases: Brand Count",
    });
  });

  // Search Query Performance is documented in English and Italian only (PEERS-2 a1 and the parser it
  // cites); its German, French, Spanish and Japanese headers are n/v, so none are guessed.
  it("Search Query Performance, Italian (Amazon.it): the metadata row first, decimal-comma counts", () => {
    const { table: t } = readText("amazon-it-sqp.csv");
    expect(t).toMatchObject({ kind: "search-terms", platform: "amazon", headerRow: 2 });
    expect(t.columns).toMatchObject({
      searchTerm: "Query di ricerca",
      impressions: "Impressioni: conteggio marchio",
      clicks: "Clic: conteggio marchio",
      orders: "Acquisti: conteggio marchio",
    });
    // The market-wide totals are not the brand's own figures.
    expect(Object.values(t.columns)).not.toContain("Impressioni: numero totale");
    expect(t.rows.map((r) => r.searchTerm)).toEqual(["guanti riscaldati", "scaldamani usb"]);
    // brand impressions 16.000 + 3.400 = 19,400; brand clicks 456 + 80 = 536; brand purchases 42 + 3 = 45
    expect([sum(t, "impressions"), sum(t, "clicks"), sum(t, "orders")]).toEqual([19400, 536, 45]);
  });

  it("Search Query Performance pasted into an unnamed tab is still Amazon's, in either language", () => {
    for (const name of ["amazon-sqp.csv", "amazon-it-sqp.csv"]) {
      const sheet = loadFixture(join("global", name), { mode: "text" });
      const [t] = recognizeTables([{ ...sheet, name: "Sheet1" }]);
      expect(t, name).toMatchObject({ kind: "search-terms", platform: "amazon", headerRow: 2 });
    }
  });
});

describe("Amazon Sponsored Products advertised product report", () => {
  it("keys each ad row by its Advertised SKU and Advertised ASIN, so its spend can reach that product", () => {
    const header = [
      "Start Date",
      "End Date",
      "Currency",
      "Campaign Name",
      "Ad Group Name",
      "Advertised SKU",
      "Advertised ASIN",
      "Impressions",
      "Clicks",
      "Spend",
      "7 Day Total Sales ",
    ];
    const row = ["Nov 01, 2026", "Nov 30, 2026", "USD", "SP - Gloves", "Ad group 1", "GLV-01", "B0ABC12345"];
    const [table] = recognizeTables([
      { name: "Sponsored Products Advertised product report", values: [header, [...row, 12000, 240, 180, 450]] },
    ]);
    expect(table.kind).toBe("ad-plans");
    expect(table.columns).toMatchObject({ sku: "Advertised SKU", productId: "Advertised ASIN", spend: "Spend" });
    expect([table.rows[0].sku, table.rows[0].productId, table.rows[0].spend]).toEqual(["GLV-01", "B0ABC12345", 180]);
  });
});
