/**
 * Two-row headers (issue 13): a section row over a metric row becomes one header of
 * `Section::Metric` texts, whatever the section row looks like after a paste — blank cells,
 * a section written only over its first column (a merged cell), or repeated over each column.
 */
import { describe, expect, it } from "vitest";
import type { Cell, RecognizedTable } from "../../src/engine";
import { recognizeTables } from "../../src/engine";
import { matchHeader } from "../../src/engine/recognize/headers";

function one(values: Cell[][]): RecognizedTable {
  const tables = recognizeTables([{ name: "Sheet1", values }]);
  expect(tables).toHaveLength(1);
  return tables[0];
}

const metrics = ["GMV", "Orders", "Product impressions", "Product clicks"];
const rows: Cell[][] = [
  ["1729", "Fleece hoodie", 1200, 30, 40000, 1600, 300, 8, 9000, 310],
  ["1730", "Wool socks", 480, 24, 22000, 700, 0, 0, 1000, 20],
];

describe("section row over a metric row", () => {
  it("merged-looking: each section written once over its first column; key names left of the first section", () => {
    const t = one([
      ["", "", "All", "", "", "", "Affiliate", "", "", ""],
      ["Product ID", "Product", ...metrics, ...metrics],
      ...rows,
    ]);
    expect(t.kind).toBe("products");
    expect(t.headerRow).toBe(2);
    expect(t.columns).toEqual({
      productId: "Product ID",
      product: "Product",
      sales: "All::GMV",
      orders: "All::Orders",
      impressions: "All::Product impressions",
      clicks: "All::Product clicks",
      paidBuyers: "All::Orders",
    });
    // the shop's figures are the All section's: 1,200 + 480 GMV, not the affiliate 300 + 0
    expect(t.rows.map((r) => r.sales)).toEqual([1200, 480]);
    expect(t.issues.filter((i) => i.code === "duplicate-column")).toEqual([]);
    expect(t.reason).toContain("Affiliate::GMV");
  });

  it("repeated: the section written over every one of its columns reads the same", () => {
    const t = one([
      ["", "", "All", "All", "All", "All", "Affiliate", "Affiliate", "Affiliate", "Affiliate"],
      ["Product ID", "Product", ...metrics, ...metrics],
      ...rows,
    ]);
    expect(t.columns.sales).toBe("All::GMV");
    expect(t.columnIndex.clicks).toBe(6);
    // 1,600 + 700 clicks
    expect(t.rows.reduce((s, r) => s + (r.clicks as number), 0)).toBe(2300);
  });

  it("names spanning both rows (top cell over a blank one) and a grouping section that is not a slice", () => {
    const t = one([
      ["Product ID", "Product", "Traffic", "", "Sales", ""],
      ["", "", "Visitors", "Page views", "Revenue", "Orders"],
      ["1729", "Fleece hoodie", 900, 2400, 1200, 30],
    ]);
    expect(t.kind).toBe("products");
    expect(t.columns).toMatchObject({
      productId: "Product ID",
      product: "Product",
      visitors: "Traffic::Visitors",
      pageviews: "Traffic::Page views",
      sales: "Sales::Revenue",
      orders: "Sales::Orders",
    });
    expect(t.rows[0]).toMatchObject({ visitors: 900, sales: 1200 });
  });

  it("blank: a metric row with nothing above it is read as a one-row header, as before", () => {
    const t = one([
      ["", "", "", ""],
      ["Product ID", "Product", "GMV", "Orders"],
      ["1729", "Hoodie", 1200, 30],
    ]);
    expect(t.headerRow).toBe(2);
    expect(t.columns.sales).toBe("GMV");
  });

  it("leaves a title row over a one-row header alone (same fields, no duplicates to tell apart)", () => {
    const t = one([
      ["店铺名称：暖冬旗舰店", "统计时间：2026-11-01~2026-11-07"],
      ["统计日期", "访客数", "支付金额", "支付买家数"],
      ["2026-11-01", 1000, 5000, 20],
    ]);
    expect(t.headerRow).toBe(2);
    expect(t.columns).toMatchObject({ date: "统计日期", visitors: "访客数", sales: "支付金额" });
  });

  it("does not take a header over a data row of names for a section row", () => {
    const t = one([
      ["Product", "Variation Name", "Visitors", "Sales"],
      ["Hoodie", "Black", 100, 500],
      ["Hoodie", "Grey", 80, 300],
    ]);
    expect(t.headerRow).toBe(1);
    expect(t.rows).toHaveLength(2);
  });

  it("matches `Section::Metric` texts: whole-shop and grouping sections name the metric, slices nothing", () => {
    expect(matchHeader("All::GMV")?.field).toBe("sales");
    expect(matchHeader("Total::Items sold")?.field).toBe("units");
    expect(matchHeader("Affiliate::Product impressions (LIVE)")).toBeNull();
    expect(matchHeader("Seller Product card::Product clicks")).toBeNull();
    expect(matchHeader("Shop tab::GMV")).toBeNull();
    expect(matchHeader("全部::商品访客数")?.field).toBe("visitors");
    expect(matchHeader("直播::成交金额")).toBeNull();
  });
});
