/**
 * Issue 11 items 3, 6, 7, 8, 12 on the recognition side: rows that do not fit their header,
 * rows kept aside, what a row is (search terms, live rooms, orders, several shops), the
 * table's period and its platform. Fixtures in test/fixtures/rows-kinds/ are read through
 * the CLI's own file reader, which knows each row's real value count.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { recognizeTables } from "../../src/engine";
import type { Cell, FieldName, RecognizedTable } from "../../src/engine";
import { detectPlatform } from "../../src/engine/recognize/platform";
import { valueChecks } from "../../src/engine/rules/sanity";
import { readExportFile } from "../../src/readers/delimited";
import { FIXTURE_DIR, fixtureNames, loadFixture } from "../support/fixtures";

function readFixture(name: string): RecognizedTable[] {
  return recognizeTables([readExportFile(join(FIXTURE_DIR, "rows-kinds", name))]);
}

function one(values: Cell[][], name = "Sheet1"): RecognizedTable {
  const tables = recognizeTables([{ name, values }]);
  expect(tables).toHaveLength(1);
  return tables[0];
}

const sum = (t: RecognizedTable, field: FieldName) =>
  t.rows.reduce((s, r) => s + (typeof r[field] === "number" ? (r[field] as number) : 0), 0);

describe("rows that do not fit their header (11.7)", () => {
  it("leaves out a CSV row with 10 values under 11 headers and names it, instead of shifting ROI 8 into 推广费比", () => {
    const [t] = readFixture("sycm-shop-daily-ragged.csv");
    expect(t.kind).toBe("shop-daily");
    expect(t.rowNumbers).toEqual([2, 3, 5, 6]);
    // every kept day has its real ROI of 8, none reads 0.08 or 0.125 from a shifted column
    expect(t.rows.map((r) => r.roi)).toEqual([8, 8, 8, 8]);
    // 24000 + 22500 + 23250 + 21750
    expect(sum(t, "sales")).toBe(91500);
    const ragged = t.issues.filter((i) => i.code === "ragged-row");
    expect(ragged).toEqual([expect.objectContaining({ row: 4, column: null, text: "10" })]);
    expect(ragged[0].message).toMatch(/Row 4 has 10 values .* 11 columns/);
  });

  it("in a rectangular Sheets grid, detects a row whose values run past the header", () => {
    const t = one([
      ["统计日期", "访客数", "支付金额"],
      ["2026-11-01", 100, 500],
      ["2026-11-02", 120, 600, 4.5],
      ["2026-11-03", 90, 450],
    ]);
    expect(t.rowNumbers).toEqual([2, 4]);
    expect(t.issues).toEqual([expect.objectContaining({ code: "ragged-row", row: 3, text: "4" })]);
  });

  it("keeps subtotal and average rows aside, skips a repeated header and a key-only row; the totals still agree", () => {
    const [t] = readFixture("sycm-products-aside-rows.csv");
    expect(t.kind).toBe("products");
    expect(t.rows.map((r) => r.productId)).toEqual(["652318870012", "652318870013", "652318870014"]);
    expect(t.subtotals).toEqual([expect.objectContaining({ row: 4, label: "小计" })]);
    expect(t.subtotals?.[0].values.visitors).toBe(3000);
    expect(t.averages).toEqual([expect.objectContaining({ row: 8, label: "平均值" })]);
    expect(t.totals).toEqual([expect.objectContaining({ row: 9, label: "合计" })]);
    // 2000 + 1000 + 500 = the 合计 row's 3500; the 小计 (3000) and 平均值 (1166.67) rows are not added
    expect(sum(t, "visitors")).toBe(3500);
    expect(t.totals[0].values.visitors).toBe(3500);
    const codes = t.issues.map((i) => [i.code, i.row]);
    expect(codes).toContainEqual(["subtotal-row", 4]);
    expect(codes).toContainEqual(["repeated-header", 5]);
    expect(codes).toContainEqual(["key-without-metrics", 7]);
    expect(codes).toContainEqual(["average-row", 8]);
    expect(codes).toContainEqual(["totals-row", 9]);
  });

  it("reads Average, Mean and Subtotal in English exports too", () => {
    const t = one([
      ["Day", "Sessions", "Total sales"],
      ["2026-11-01", 10, 100],
      ["2026-11-02", 30, 300],
      ["Average", 20, 200],
      ["Mean", 20, 200],
      ["Subtotal", 40, 400],
      ["Total", 40, 400],
    ]);
    expect(t.rows).toHaveLength(2);
    expect(t.averages?.map((a) => a.label)).toEqual(["Average", "Mean"]);
    expect(t.subtotals?.map((a) => a.label)).toEqual(["Subtotal"]);
    expect(t.totals.map((a) => a.label)).toEqual(["Total"]);
  });
});

describe("what a row is (11.8)", () => {
  it("a 生意参谋 search-terms table is its own kind, not shop-daily", () => {
    const [t] = readFixture("sycm-search-terms.csv");
    expect(t.kind).toBe("search-terms");
    expect(t.rows.map((r) => r.searchTerm)).toEqual(["加厚睡衣女冬", "珊瑚绒睡衣", "法兰绒家居服"]);
    expect(t.platform).toBe("taobao");
    // the title row 【生意参谋平台】搜索词_2026-11-01_2026-11-07 gives the period
    expect(t.period).toEqual({ from: "2026-11-01", to: "2026-11-07", days: 7, source: "title" });
  });

  it("a keyword with spend and clicks is still an ad report", () => {
    expect(
      one([
        ["关键词", "花费", "点击量"],
        ["睡衣", 10, 5],
      ]).kind,
    ).toBe("ad-plans");
    expect(
      one([
        ["Search term", "Sessions", "Orders"],
        ["pajamas", 10, 1],
      ]).kind,
    ).toBe("search-terms");
  });

  it("an orders table is its own kind, keyed by the order number", () => {
    const [t] = readFixture("taobao-orders.csv");
    expect(t.kind).toBe("orders");
    expect(t.rows.map((r) => r.orderId)).toEqual(["3701234567890123", "3701234567890124", "3701234567890125"]);
    expect(
      one([
        ["Order ID", "Total sales"],
        ["#1001", 20],
      ]).kind,
    ).toBe("orders");
  });

  it("a 抖音 table of two live rooms is live-sessions grouped per room, with no false duplicated dates", () => {
    const [t] = readFixture("douyin-live-rooms-daily.csv");
    expect(t.kind).toBe("live-sessions");
    expect(t.entityField).toBe("liveRoom");
    expect(t.platform).toBe("douyin");
    expect(valueChecks(t).filter((i) => i.code === "duplicate-date")).toEqual([]);
    const per = (room: string) =>
      t.rows.filter((r) => r.liveRoom === room).reduce((s, r) => s + (r.sales as number), 0);
    expect(per("暖冬旗舰店直播间")).toBe(48500); // 12000 + 13000 + 11000 + 12500
    expect(per("暖冬童装直播间")).toBe(20100); // 5000 + 5200 + 4800 + 5100
    expect(t.period).toEqual({ from: "2026-11-01", to: "2026-11-04", days: 4, source: "dates" });
  });

  it("a shop-daily table of two shops gets an entity column; the same date twice in one shop is still a duplicate", () => {
    const [t] = readFixture("sycm-two-shops-daily.csv");
    expect(t.kind).toBe("shop-daily");
    expect(t.entityField).toBe("sellerNick");
    expect(valueChecks(t).filter((i) => i.code === "duplicate-date")).toEqual([]);
    expect(t.issues.map((i) => i.code)).toContain("several-entities");
    const twice = one([
      ["统计日期", "店铺名称", "访客数", "支付金额"],
      ["2026-11-01", "A店", 1, 2],
      ["2026-11-01", "B店", 1, 2],
      ["2026-11-01", "A店", 1, 2],
    ]);
    expect(
      valueChecks(twice)
        .filter((i) => i.code === "duplicate-date")
        .map((i) => i.row),
    ).toEqual([4]);
  });

  it("one shop named in every row is no entity column", () => {
    const t = one([
      ["统计日期", "店铺名称", "访客数", "支付金额"],
      ["2026-11-01", "A店", 1, 2],
      ["2026-11-02", "A店", 1, 2],
    ]);
    expect(t.entityField).toBeUndefined();
  });
});

describe("ambiguous a/b/yy dates (11.12)", () => {
  const header: Cell[] = ["Date", "Sessions - Total", "Units Ordered"];
  it("names the first ambiguous data cell, not the header, and marks the period unsure", () => {
    const t = one([header, ["01/04/26", 10, 1], ["03/05/26", 12, 2], ["07/09/26", 9, 1]]);
    const issue = t.issues.find((i) => i.code === "ambiguous-date");
    expect(issue).toMatchObject({ row: 2, column: 1, text: "01/04/26" });
    expect(issue?.message).toMatch(/A2/);
    expect(t.period).toEqual({ from: "2026-01-04", to: "2026-07-09", days: 3, source: "dates", ambiguousDates: true });
  });

  it("one value with a part above 12 decides the order for the whole column", () => {
    const t = one([header, ["01/04/26", 10, 1], ["03/05/26", 12, 2], ["13/05/26", 9, 1]]);
    expect(t.issues.map((i) => i.code)).not.toContain("ambiguous-date");
    expect(t.rows.map((r) => r.date)).toEqual(["2026-04-01", "2026-05-03", "2026-05-13"]);
    expect(t.period).toEqual({ from: "2026-04-01", to: "2026-05-13", days: 3, source: "dates" });
  });
});

describe("period (11.3)", () => {
  const dateless: Cell[][] = [
    ["Product title", "Net quantity", "Total sales"],
    ["Parka", 3, 300],
    ["Beanie", 5, 100],
  ];
  it.each([
    ["Sales by product 2025-09-01_2025-12-19", { from: "2025-09-01", to: "2025-12-19", days: 110 }],
    ["商品_全部_2026-07-20_2026-07-26", { from: "2026-07-20", to: "2026-07-26", days: 7 }],
    ["products 20260901", { from: "2026-09-01", to: "2026-09-01", days: 1 }],
    ["BusinessReport-12-19-25", { from: "2025-12-19", to: "2025-12-19", days: 1 }],
  ])("a dateless table named %s takes its period from the name", (name, want) => {
    expect(one(dateless, name).period).toEqual({ ...want, source: "name" });
  });

  it("an export timestamp (计划报表_20260901_123456) is not a period", () => {
    expect(one(dateless, "计划报表_20260901_123456").period).toBeUndefined();
  });

  it("a dateless table takes its period from its title row; with no title or name, it has none", () => {
    expect(one([["统计时间 2026-10-01 ~ 2026-10-31"], [], ...dateless]).period).toEqual({
      from: "2026-10-01",
      to: "2026-10-31",
      days: 31,
      source: "title",
    });
    expect(one([["Date range: 2026-10-01 - 2026-10-15"], ...dateless]).period).toEqual({
      from: "2026-10-01",
      to: "2026-10-15",
      days: 15,
      source: "title",
    });
    expect(one(dateless, "Sheet1").period).toBeUndefined();
  });

  it("dates in the rows come first; ranges count their span", () => {
    const [jd] = recognizeTables([loadFixture("jd-shangzhi-shop.csv", { mode: "text" })]);
    expect(jd.period).toEqual({ from: "2026-11-01", to: "2026-11-07", days: 7, source: "dates" });
    const [products] = recognizeTables([loadFixture("sycm-products-all.csv", { mode: "text" })]);
    expect(products.period).toEqual({ from: "2026-11-01", to: "2026-11-07", days: 7, source: "dates" });
  });
});

describe("platform (11.6)", () => {
  const PLATFORM: Record<string, string> = {
    "amazon-by-date-india.csv": "amazon",
    "amazon-by-date-us.csv": "amazon",
    "amazon-child-items-2023.csv": "amazon",
    "amazon-child-items-endash.csv": "amazon",
    "amazon-child-items-sku-rows.csv": "amazon",
    "amazon-de-by-date.csv": "amazon",
    "shopee-product-variations.csv": "shopee",
    "shopee-vn-product-performance.csv": "shopee",
    "sycm-product-skus.csv": "taobao",
    "ga4-traffic-acquisition.csv": "ga4",
    "jd-shangzhi-shop.csv": "jd",
    "pdd-goods-data.csv": "pdd",
    "qianniu-service-agents.csv": "taobao",
    "shopify-sessions-over-time.csv": "shopify",
    "shopify-total-sales-over-time.csv": "shopify",
    "stacked-day-sources-ads.tsv": "taobao",
    "sycm-product-effect-gbk.csv": "taobao",
    "sycm-products-all.csv": "taobao",
    "sycm-shop-daily-2017.csv": "taobao",
    "sycm-shop-daily-traditional.csv": "taobao",
    "sycm-shop-vs-peers.csv": "taobao",
    "sycm-traffic-map.csv": "taobao",
    "wanxiangtai-plan-report.csv": "taobao",
    // content commerce (issue 12)
    "douyin-compass-carriers.csv": "douyin",
    "douyin-compass-live-rooms.csv": "douyin",
    "douyin-compass-products.csv": "douyin",
    "douyin-content-videos.csv": "douyin",
    "kuaishou-goods.csv": "kuaishou",
    "qianchuan-plans-gbk.csv": "douyin",
    "tiktok-studio-live.csv": "tiktok",
    "weixin-channels-compass.csv": "weixin",
    "xiaohongshu-qianfan-overview.csv": "xiaohongshu",
    "ztc-plans-old.csv": "taobao",
  };
  it("every fixture export knows its platform", () => {
    const got: Record<string, string> = {};
    for (const name of fixtureNames()) {
      const tables = recognizeTables([loadFixture(name, { mode: "text", dayFirst: name.includes("india") })]);
      got[name] = [...new Set(tables.map((t) => t.platform))].join("+");
    }
    expect(got).toEqual(PLATFORM);
  });

  it("Shopee, Lazada and TikTok headers", () => {
    expect(
      one([
        ["Item ID", "Product", "Sales (Placed Order)", "Product Impression", "Placed Order"],
        ["1", "A", 10, 100, 1],
      ]).platform,
    ).toBe("shopee");
    expect(
      one([
        ["Date", "Revenue per buyer", "Visitors", "Wishlist visitors"],
        ["2026-11-01", 10, 100, 1],
      ]).platform,
    ).toBe("lazada");
    // TikTok's two-level headers are not read yet (the table stays unknown); the headers still name the platform
    expect(detectPlatform(["Date", "All::GMV", "All::Items sold", "All::SKU orders"], [], "Sheet1")).toBe("tiktok");
    expect(detectPlatform(["统计日期", "访客数"], [], "京东-经营概况")).toBe("jd");
    expect(detectPlatform(["Day", "Sessions"], [], "Sheet1")).toBe("unknown");
  });
});
