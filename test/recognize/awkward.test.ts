/** Each awkward case from issue 3, one behaviour per test, on small hand-made grids. */
import { describe, expect, it } from "vitest";
import { recognizeTables } from "../../src/engine";
import type { Cell, RecognizedTable } from "../../src/engine";

function one(values: Cell[][], name = "Paste"): RecognizedTable {
  const tables = recognizeTables([{ name, values }]);
  expect(tables).toHaveLength(1);
  return tables[0];
}
const codes = (t: RecognizedTable) => t.issues.map((i) => i.code);

describe("header detection", () => {
  it("skips title, note and date-range rows above the header", () => {
    const t = one([
      ["【生意参谋】经营概况"],
      ["统计时间：2026-11-01 ~ 2026-11-07"],
      ["注：所有终端", ""],
      ["", ""],
      ["统计日期", "访客数", "支付金额"],
      ["2026-11-01", 100, 2000],
    ]);
    expect(t.headerRow).toBe(5);
    expect(t.rows).toEqual([{ date: "2026-11-01", visitors: 100, sales: 2000 }]);
  });

  it("skips GA4's # comment block", () => {
    const t = one([
      ["# ----------------------------------------"],
      ["# Start date: 20260801"],
      ["# End date: 20260930"],
      [""],
      ["Session default channel group", "Sessions", "Total revenue"],
      ["Organic Search", "1,200", "3,400.50"],
    ]);
    expect(t.kind).toBe("traffic-sources");
    expect(t.rows[0]).toMatchObject({ source: "Organic Search", sessions: 1200, visitors: 1200, sales: 3400.5 });
  });

  it("finds tables stacked in one tab, separated by blank rows", () => {
    const tables = recognizeTables([
      {
        name: "Mixed",
        values: [
          ["统计日期", "访客数", "支付买家数"],
          ["2026-11-01", 1000, 20],
          ["", "", ""],
          ["商品ID", "商品名称", "商品访客数"],
          ["1001", "围巾", 300],
          ["1002", "手套", 200],
          ["", "", ""],
          ["", "", ""],
          ["客服", "询单人数", "询单转化率"],
          ["小雪", 100, "30%"],
        ],
      },
    ]);
    expect(tables.map((t) => [t.kind, t.headerRow, t.rows.length])).toEqual([
      ["shop-daily", 1, 1],
      ["products", 4, 2],
      ["service-agents", 9, 1],
    ]);
  });

  it("reads through a stray blank row inside a table and says so", () => {
    const t = one([
      ["统计日期", "访客数", "支付金额"],
      ["2026-11-01", 100, 2000],
      ["", "", ""],
      ["2026-11-02", 120, 2100],
    ]);
    expect(t.rows.map((r) => r.date)).toEqual(["2026-11-01", "2026-11-02"]);
    expect(t.issues).toEqual([expect.objectContaining({ code: "blank-row-in-table", row: 3 })]);
  });

  it("reports figures left below a table without a header instead of dropping them silently", () => {
    const tables = recognizeTables([
      {
        name: "S",
        values: [
          ["统计日期", "访客数", "支付金额"],
          ["2026-11-01", 100, 2000],
          ["", "", ""],
          ["", "", ""],
          ["", "", ""],
          ["2026-11-02", 120, 2100],
          ["2026-11-03", 130, 2200],
          ["2026-11-04", 140, 2300],
        ],
      },
    ]);
    expect(tables).toHaveLength(1);
    expect(tables[0].rows).toHaveLength(1);
    expect(tables[0].issues).toEqual([expect.objectContaining({ code: "row-outside-table", row: 6 })]);
    expect(tables[0].issues[0].message).toMatch(/^Rows 6–8 hold figures/);
  });

  it("folds header noise: full-width brackets, trailing spaces, case, traditional characters, dashes", () => {
    const t = one([
      [
        "統計日期 ",
        "人均浏览量（访问深度）",
        "人均停留时长(秒)",
        "SESSIONS — TOTAL",
        "unit session PERCENTAGE",
        "訪客數（人）",
      ],
      ["2026-11-01", "3.2", "45", "100", "5%", "90"],
    ]);
    expect(t.columns).toEqual({
      date: "統計日期",
      pagesPerVisitor: "人均浏览量（访问深度）",
      avgStaySeconds: "人均停留时长(秒)",
      sessions: "SESSIONS — TOTAL",
      unitSessionRate: "unit session PERCENTAGE",
      visitors: "訪客數（人）",
      payConversion: "unit session PERCENTAGE",
    });
  });

  it("maps terminal prefixes to device fields and keeps the all-terminal column in the plain field", () => {
    const t = one([
      [
        "统计日期",
        "访客数",
        "PC端访客数",
        "无线端访客数",
        "无线端支付转化率",
        "所有终端支付金额",
        "Sessions - Mobile App",
        "Sessions - Total - B2B",
      ],
      ["2026-11-01", 1000, 150, 850, "2.00%", 5000, 600, 20],
    ]);
    expect(t.rows[0]).toMatchObject({
      visitors: 1000,
      visitors_pc: 150,
      visitors_mobile: 850,
      payConversion_mobile: 0.02,
      sales: 5000,
      sessions_app: 600,
      sessions_b2b: 20,
    });
  });

  it("recognises DSR and peer columns, naming the peer after the metric in the header", () => {
    const t = one([
      [
        "统计日期",
        "支付转化率",
        "支付转化率(同行同层平均)",
        "同行同层优秀支付转化率",
        "同行平均UV价值",
        "描述相符动态评分(DSR)",
        "服务态度动态评分(DSR)",
        "物流服务动态评分(DSR)",
        "差评数",
      ],
      ["2026-11-01", "2.5%", "3.1%", "6.2%", "3.80", "4.78", "4.81", "4.75", "2"],
    ]);
    expect(t.rows[0]).toMatchObject({
      payConversion: 0.025,
      peerPayConversion: 0.031,
      peerPayConversionTop: 0.062,
      peerVisitorValue: 3.8,
      dsrDescription: 4.78,
      dsrService: 4.81,
      dsrLogistics: 4.75,
      badReviews: 2,
    });
  });

  it("reports columns it does not know and duplicate columns instead of guessing", () => {
    const t = one([
      ["统计日期", "访客数", "店铺访客数", "心情指数"],
      ["2026-11-01", 100, 101, "好"],
    ]);
    expect(t.columns).toEqual({ date: "统计日期", visitors: "访客数" });
    expect(t.issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ["duplicate-column", 1, 3],
      ["column-ignored", 1, 4],
    ]);
  });
});

describe("cells", () => {
  it("reads percent text, thousands (incl. Indian grouping) and currency marks", () => {
    const marks = [
      "¥1,234.50",
      "￥1,234.50",
      "$1,234.50",
      "US$1,234.50",
      "MX$1,234.50",
      "₹1,234.50",
      "€1,234.50",
      "£1,234.50",
      "HK$1,234.50",
      "NT$1,234.50",
    ];
    const t = one([
      ["商品名称", "支付金额", "支付转化率"],
      ...marks.map((m, i): Cell[] => [`p${i}`, m, "12.34%"]),
      ["india", "₹1,08,218.36", "0.5%"],
    ]);
    expect(t.rows.slice(0, marks.length).map((r) => r.sales)).toEqual(marks.map(() => 1234.5));
    expect(t.rows[0].payConversion).toBe(0.1234);
    expect(t.rows[marks.length]).toMatchObject({ sales: 108218.36, payConversion: 0.005 });
  });

  it("turns null tokens into no value, never 0", () => {
    const tokens = ["-", "--", "—", "未投放", "无数据", "N/A", ""];
    const t = one([["计划名称", "花费", "点击量"], ...tokens.map((tok, i): Cell[] => [`plan ${i}`, tok, 3])]);
    for (const row of t.rows) expect(row).toMatchObject({ spend: null, clicks: 3 });
    expect(t.rows).toHaveLength(7);
    expect(t.issues).toEqual([]);
  });

  it("leaves out a row with its key and no figures at all, with a note naming the row", () => {
    const t = one([
      ["计划名称", "花费", "点击量"],
      ["plan A", "未投放", "-"],
      ["plan B", 10, 4],
    ]);
    expect(t.rows.map((r) => r.plan)).toEqual(["plan B"]);
    expect(t.issues).toEqual([
      expect.objectContaining({ code: "key-without-metrics", row: 2, column: 1, text: "plan A" }),
    ]);
  });

  it("reports cells that are not numbers, pointing at the cell", () => {
    const t = one([
      ["统计日期", "访客数"],
      ["2026-11-01", "很多"],
      ["2026-11-02", 5],
    ]);
    expect(t.rows.map((r) => r.visitors)).toEqual([null, 5]);
    expect(t.issues).toEqual([
      expect.objectContaining({ code: "not-a-number", row: 2, column: 2, field: "visitors", text: "很多" }),
    ]);
    expect(t.issues[0].message).toMatch(/B2/);
  });

  it("keeps product ids as text without the .0 spreadsheets add", () => {
    const t = one([
      ["商品ID", "商品访客数"],
      ["123.0", 1],
      [652318870012, 2],
      ["B0CX1CHLD1", 3],
    ]);
    expect(t.rows.map((r) => r.productId)).toEqual(["123", "652318870012", "B0CX1CHLD1"]);
  });

  it("warns when an id came through as a number too long to be exact", () => {
    const t = one([
      ["商品ID", "商品访客数"],
      [123456789012345680000, 1],
      [652318870012, 2],
    ]);
    expect(t.issues).toEqual([expect.objectContaining({ code: "id-precision-lost", row: 2, column: 1 })]);
  });

  it("reads dates as Date, ISO, slashes, compact text and numbers, and ranges", () => {
    const t = one([
      ["统计日期", "访客数"],
      [new Date(2026, 10, 22), 1],
      ["2026-11-23", 1],
      ["2026/11/24", 1],
      ["20261125", 1],
      [20261126, 1],
      ["2026-05-01~2026-05-31", 1],
      ["2026年11月27日", 1],
    ]);
    expect(t.rows.map((r) => r.date)).toEqual([
      "2026-11-22",
      "2026-11-23",
      "2026-11-24",
      "2026-11-25",
      "2026-11-26",
      "2026-05-01",
      "2026-11-27",
    ]);
    expect(t.rows[5].dateTo).toBe("2026-05-31");
    expect(t.issues).toEqual([]);
  });

  it("decides day/month order per column from the values", () => {
    const us = one([
      ["Date", "Sessions"],
      ["11/22/26", 1],
      ["11/23/26", 1],
    ]);
    expect(us.rows.map((r) => r.date)).toEqual(["2026-11-22", "2026-11-23"]);
    const eu = one([
      ["Date", "Sessions"],
      ["22/11/26", 1],
      ["23/11/26", 1],
    ]);
    expect(eu.rows.map((r) => r.date)).toEqual(["2026-11-22", "2026-11-23"]);
    // all parts ≤ 12: consecutive days settle it (1, 2, 3 April rather than 4 Jan, 4 Feb, 4 Mar)
    const seq = one([
      ["Date", "Sessions"],
      ["01/04/26", 1],
      ["02/04/26", 1],
      ["03/04/26", 1],
    ]);
    expect(seq.rows.map((r) => r.date)).toEqual(["2026-04-01", "2026-04-02", "2026-04-03"]);
    expect(codes(seq)).toEqual([]);
  });

  it("says so when the day/month order cannot be decided, naming the first ambiguous data cell (A2, not the header)", () => {
    const t = one([
      ["Date", "Sessions"],
      ["03/04/26", 1],
    ]);
    expect(t.rows[0].date).toBe("2026-03-04");
    expect(t.issues).toEqual([
      expect.objectContaining({ code: "ambiguous-date", row: 2, column: 1, text: "03/04/26" }),
    ]);
  });

  it("reads durations written as seconds, clock text, Chinese units or a time-of-day Date", () => {
    const t = one([
      ["统计日期", "平均停留时长"],
      ["2026-11-01", 83],
      ["2026-11-02", "00:01:23"],
      ["2026-11-03", "1分23秒"],
      ["2026-11-04", new Date(1899, 11, 30, 0, 1, 23)],
    ]);
    expect(t.rows.map((r) => r.avgStaySeconds)).toEqual([83, 83, 83, 83]);
  });

  it("reads a rate column written in percentage points without a % sign", () => {
    const t = one([
      ["统计日期", "跳失率"],
      ["2026-11-01", "65.2"],
      ["2026-11-02", "58"],
      ["合计", "61.6"],
    ]);
    expect(t.rows.map((r) => r.bounceRate)).toEqual([0.652, 0.58]);
    expect(t.totals[0].values.bounceRate).toBe(0.616);
    expect(codes(t)).toEqual(["rate-in-percent-points", "totals-row"]);
  });
});

describe("totals rows", () => {
  it.each(["合计", "总计", "汇总", "Total", "Grand total", "總計", "TOTAL"])(
    "keeps %s apart with its values",
    (label) => {
      const t = one([
        ["流量来源", "访客数"],
        ["手淘搜索", 60],
        ["直通车", 40],
        [label, 100],
      ]);
      expect(t.rows).toHaveLength(2);
      expect(t.totals).toEqual([{ row: 4, label, values: { source: label, visitors: 100 } }]);
      expect(t.issues).toEqual([expect.objectContaining({ code: "totals-row", row: 4, column: 1 })]);
    },
  );

  it("does not take a product merely named like a total for a totals row", () => {
    const t = one([
      ["商品名称", "商品访客数"],
      ["Totally Warm Scarf", 10],
    ]);
    expect(t.rows).toHaveLength(1);
    expect(t.totals).toEqual([]);
  });
});

describe("rates and counts together", () => {
  it("accepts rounding within half a percentage point and reports rows beyond it", () => {
    const t = one([
      ["统计日期", "访客数", "支付买家数", "支付转化率", "展现量", "点击量", "点击率"],
      ["2026-11-01", 3000, 100, "3.33%", 1000, 30, "3.00%"],
      ["2026-11-02", 3000, 100, "3.80%", 1000, 30, "3.00%"],
      ["2026-11-03", 3000, 100, "4.00%", 1000, 30, "2.00%"],
    ]);
    expect(t.issues.filter((i) => i.code === "rate-mismatch").map((i) => [i.row, i.field])).toEqual([
      [4, "payConversion"],
      [4, "ctr"],
    ]);
  });

  it("checks a terminal's rate against that terminal's counts", () => {
    const t = one([
      ["统计日期", "无线端访客数", "无线端支付买家数", "无线端支付转化率"],
      ["2026-11-01", 1000, 20, "5.00%"],
    ]);
    expect(t.issues).toEqual([
      expect.objectContaining({ code: "rate-mismatch", row: 2, column: 4, field: "payConversion_mobile" }),
    ]);
  });

  it("does not check a stand-in: Shopify orders are not buyers", () => {
    const t = one([
      ["Day", "Sessions", "Orders", "Conversion rate"],
      ["2026-11-01", 1000, 40, "2.0%"],
    ]);
    expect(t.rows[0]).toMatchObject({ visitors: 1000, paidBuyers: 40, payConversion: 0.02 });
    expect(t.issues).toEqual([]);
  });
});

describe("rows split by terminal", () => {
  it("folds PC / 无线 rows into the 所有终端 row of the same day", () => {
    const t = one([
      ["日期", "终端", "支付金额", "支付买家数", "支付转化率"],
      ["2026-11-01", "所有终端", 10000, 50, "2.00%"],
      ["2026-11-01", "PC", 1000, 6, "1.50%"],
      ["2026-11-01", "无线", 9000, 44, "2.10%"],
      ["2026-11-02", "所有终端", 12000, 60, "2.20%"],
    ]);
    expect(t.rows).toEqual([
      {
        date: "2026-11-01",
        terminal: "所有终端",
        sales: 10000,
        paidBuyers: 50,
        payConversion: 0.02,
        sales_pc: 1000,
        paidBuyers_pc: 6,
        payConversion_pc: 0.015,
        sales_mobile: 9000,
        paidBuyers_mobile: 44,
        payConversion_mobile: 0.021,
      },
      { date: "2026-11-02", terminal: "所有终端", sales: 12000, paidBuyers: 60, payConversion: 0.022 },
    ]);
    expect(t.rowNumbers).toEqual([2, 5]);
    expect(codes(t)).toEqual(["terminal-rows-folded"]);
  });

  it("warns when rows are split by terminal without an all-terminal row", () => {
    const t = one([
      ["日期", "终端", "支付金额"],
      ["2026-11-01", "PC", 1000],
      ["2026-11-01", "无线", 9000],
    ]);
    expect(t.rows).toHaveLength(2);
    expect(codes(t)).toEqual(["terminal-rows-without-total"]);
  });
});

describe("fields the rules need", () => {
  it("marks pre-sale products from the name or a marker column, with pre-sale and deposit orders", () => {
    const byName = one([
      ["商品名称", "商品访客数", "支付买家数"],
      ["【预售】羊绒大衣", 500, 0],
      ["羊绒围巾", 300, 9],
    ]);
    expect(byName.rows.map((r) => r.presale)).toEqual([1, 0]);
    const byMarker = one([
      ["商品ID", "是否预售", "预售订单数", "定金订单数", "下单转化率"],
      ["1", "是", 12, 15, "3%"],
      ["2", "否", "-", "-", "2%"],
    ]);
    expect(byMarker.rows).toEqual([
      { productId: "1", presale: 1, presaleOrders: 12, depositOrders: 15, orderConversion: 0.03 },
      { productId: "2", presale: 0, presaleOrders: null, depositOrders: null, orderConversion: 0.02 },
    ]);
  });

  it("reads an Amazon Sponsored Products campaign report with its own start and end dates", () => {
    const t = one([
      [
        "Start Date",
        "End Date",
        "Campaign Name",
        "Impressions",
        "Clicks",
        "Click-Thru Rate (CTR)",
        "Spend",
        "Cost Per Click (CPC)",
        "7 Day Total Sales ",
        "Total Advertising Cost of Sales (ACOS) ",
        "Total Return on Advertising Spend (ROAS)",
        "7 Day Total Orders (#)",
        "7 Day Total Units (#)",
      ],
      [
        "Nov 01, 2026",
        "Nov 07, 2026",
        "SP - Leggings - Auto",
        "12,400",
        186,
        "1.5000%",
        "$120.90",
        "$0.65",
        "$410.00",
        "29.4878%",
        "3.39",
        14,
        16,
      ],
    ]);
    expect(t.kind).toBe("ad-plans");
    expect(t.issues).toEqual([]);
    expect(t.rows[0]).toMatchObject({
      date: "2026-11-01",
      dateTo: "2026-11-07",
      plan: "SP - Leggings - Auto",
      impressions: 12400,
      clicks: 186,
      ctr: 0.015,
      spend: 120.9,
      cpc: 0.65,
      adSales: 410,
      acos: 0.294878,
      roi: 3.39,
      adOrders: 14,
      adUnits: 16,
    });
  });

  it("reads an account-level ad report (no plan column) as one row per day, saying so once", () => {
    const t = one([
      ["日期", "花费", "展现量", "点击量"],
      ["2026-11-01", "120.50", 10000, 300],
      ["2026-11-02", "99.00", 9000, 280],
    ]);
    expect(t.kind).toBe("ad-plans");
    expect(t.rows.map((r) => [r.date, r.spend, r.plan])).toEqual([
      ["2026-11-01", 120.5, undefined],
      ["2026-11-02", 99, undefined],
    ]);
    expect(codes(t)).toEqual(["no-plan-column"]);
  });

  it("reads service agents with consultations, consult conversion and buyers", () => {
    const t = one([
      ["客服昵称", "咨询人数", "询单人数", "支付人数", "询单转化率"],
      ["小雪", 200, 100, 30, "30.00%"],
    ]);
    expect(t.kind).toBe("service-agents");
    expect(t.rows[0]).toEqual({
      agent: "小雪",
      chats: 200,
      consultations: 100,
      paidBuyers: 30,
      consultConversion: 0.3,
    });
  });

  it("fills ad figures in an ad report even when the export calls them sales and orders", () => {
    const t = one([
      ["Campaign", "Impressions", "Clicks", "Spend", "Sales", "Orders", "ROAS"],
      ["Winter", "10,000", 200, "$150.00", "$600.00", 12, "4.00"],
    ]);
    expect(t.kind).toBe("ad-plans");
    expect(t.rows[0]).toEqual({
      plan: "Winter",
      impressions: 10000,
      clicks: 200,
      spend: 150,
      adSales: 600,
      adOrders: 12,
      roi: 4,
    });
  });
});
