/**
 * gpm-trend and carrier-mix (issue 12), and the traffic-source rule leaving carriers alone: each
 * driven across its boundaries with figures worked by hand. day(0)…day(6) is the comparison window,
 * day(7)…day(13) the recent one (14 dated days: two full weeks under previous-period).
 */
import { describe, expect, it } from "vitest";
import { diagnoseTables, recognizeTables } from "../../src/engine";
import type { TableRow } from "../../src/engine";
import { day, findings, one, run, table } from "./helpers";

/** 14 days of rows: `before(i)` for days 0–6, `after(i)` for days 7–13. */
function fortnight(before: (i: number) => TableRow[], after: (i: number) => TableRow[]): TableRow[] {
  const rows: TableRow[] = [];
  for (let i = 0; i < 14; i++) for (const r of i < 7 ? before(i) : after(i)) rows.push({ date: day(i), ...r });
  return rows;
}

describe("gpm-trend", () => {
  /** One room, 10,000 views a day; 3,000 a day before (GPM 300), `recentSales` a day after. */
  function room(recentSales: number, extra: TableRow = {}) {
    return table(
      "live-sessions",
      fortnight(
        () => [{ liveRoom: "旗舰店直播间", views: 10000, sales: 3000, ...extra }],
        () => [{ liveRoom: "旗舰店直播间", views: 10000, sales: recentSales, ...extra }],
      ),
    );
  }

  it("▲ a room whose GPM per 1,000 views fell exactly 20 %, with the sales short per day", () => {
    // Before: 21,000 ÷ 70,000 views × 1,000 = 300. After: 16,800 ÷ 70,000 × 1,000 = 240, 20 % lower.
    // Money: (300 − 240) × 70,000 ÷ 1,000 = 4,200 over the 7 recent days = 600 a day.
    const f = one(run([room(2400)]), "gpm-trend");
    expect(f).toMatchObject({ status: "warn", subject: "旗舰店直播间", subjectType: "room", metric: "gpmViews" });
    expect(f.value).toBeCloseTo(240, 9);
    expect(f.benchmark).toBeCloseTo(300, 9);
    expect(f.impact).toBe(600);
    expect(f.impactBasis).toBe("day");
    expect(f.message).toContain("千次观看");
  });

  it("is silent just inside the line, and the team's own line moves it", () => {
    // 2,401 a day: GPM 240.1, 19.97 % lower (under 20 %).
    expect(findings(run([room(2401)]), "gpm-trend")).toEqual([]);
    // With gpmDrop 25 %, the 20 % fall is not a warning; with 15 %, 2,500 a day (GPM 250, 16.7 % lower) is.
    expect(findings(run([room(2400)], { gpmDrop: 0.25 }), "gpm-trend")).toEqual([]);
    expect(one(run([room(2500)], { gpmDrop: 0.15 }), "gpm-trend").impact).toBe(500); // 50 × 70 ÷ 7
  });

  it("reads the count back from a GPM column when the export has no 观看次数", () => {
    // 千次观看成交金额 300 on 3,000 sales is 10,000 views; 240 on 2,400 is 10,000 again: the same 600 a day.
    const rows = fortnight(
      () => [{ liveRoom: "旗舰店直播间", gpmViews: 300, sales: 3000 }],
      () => [{ liveRoom: "旗舰店直播间", gpmViews: 240, sales: 2400 }],
    );
    expect(one(run([table("live-sessions", rows)]), "gpm-trend").impact).toBe(600);
  });

  it("judges a product's GPM per 1,000 impressions, never the room's, and each product on its own", () => {
    // 羽绒服: 50,000 impressions a day; 5,000 a day before (GPM 100), 4,000 after (GPM 80, 20 % lower).
    // Money: 20 × 350,000 ÷ 1,000 = 7,000 over 7 days = 1,000 a day. 围巾 holds its GPM of 50.
    const rows = fortnight(
      () => [
        { product: "羽绒服", productExposures: 50000, sales: 5000 },
        { product: "围巾", productExposures: 20000, sales: 1000 },
      ],
      () => [
        { product: "羽绒服", productExposures: 50000, sales: 4000 },
        { product: "围巾", productExposures: 20000, sales: 1000 },
      ],
    );
    const f = one(run([table("products", rows)]), "gpm-trend");
    expect(f).toMatchObject({ subject: "羽绒服", subjectType: "product", metric: "gpmImpressions", impact: 1000 });
    expect(f.value).toBeCloseTo(80, 9);
    expect(f.message).toContain("千次曝光");
  });

  it("says nothing without two windows of dates", () => {
    const rows = [{ liveRoom: "旗舰店直播间", views: 10000, sales: 3000, date: day(0) }];
    expect(findings(run([table("live-sessions", rows)]), "gpm-trend")).toEqual([]);
  });
});

describe("carrier-mix", () => {
  /** Daily sales by carrier: `before` on days 0–6, `after` on days 7–13. */
  function carriers(before: Record<string, number>, after: Record<string, number>, extra: TableRow = {}) {
    const rowsOf = (m: Record<string, number>) => () =>
      Object.entries(m).map(([carrier, sales]) => ({ carrier, sales, ...extra }));
    return table("shop-daily", fortnight(rowsOf(before), rowsOf(after)));
  }

  it("✔ a carrier whose share grew 10 points and ▲ the one that shrank 10, with its sales lost a day", () => {
    // Before 6,000 / 3,000 / 1,000 of 10,000 (60 / 30 / 10 %); after 7,000 / 2,000 / 1,000 (70 / 20 / 10 %).
    // 短视频 sells 3,000 − 2,000 = 1,000 less a day. Over both weeks 直播 has 91,000 ÷ 140,000 = 65 %: no dependence.
    const r = run([carriers({ 直播: 6000, 短视频: 3000, 商品卡: 1000 }, { 直播: 7000, 短视频: 2000, 商品卡: 1000 })]);
    const grew = one(r, "carrier-mix", { subject: "直播" });
    expect(grew).toMatchObject({ status: "good", subjectType: "carrier", metric: "carrierShare" });
    expect(grew.value).toBeCloseTo(0.7, 12);
    expect(grew.benchmark).toBeCloseTo(0.6, 12);
    const shrank = one(r, "carrier-mix", { subject: "短视频" });
    expect(shrank).toMatchObject({ status: "warn", impact: 1000, impactBasis: "day" });
    expect(findings(r, "carrier-mix", "商品卡")).toEqual([]);
    expect(
      findings(r, "carrier-mix")
        .map((f) => f.subject)
        .sort(),
    ).toEqual(["直播", "短视频"].sort());
  });

  it("is silent on a share that moved just under 10 points", () => {
    // After 6,999 / 2,001 / 1,000: 直播 69.99 % (+9.99 points), 短视频 20.01 % (−9.99 points).
    const r = run([carriers({ 直播: 6000, 短视频: 3000, 商品卡: 1000 }, { 直播: 6999, 短视频: 2001, 商品卡: 1000 })]);
    expect(findings(r, "carrier-mix")).toEqual([]);
  });

  it("▲ a shop that depends on one carrier for 80 % of sales, and not at 79.99 % or under the team's 90 %", () => {
    // 8,000 of 10,000 every day = 80 %; 7,999 of 10,000 = 79.99 %.
    const at = { 直播: 8000, 短视频: 1500, 商品卡: 500 };
    const f = one(run([carriers(at, at)]), "carrier-mix");
    expect(f).toMatchObject({ status: "warn", subject: "直播", metric: "carrierShare", value: 0.8, benchmark: 0.8 });
    const under = { 直播: 7999, 短视频: 1501, 商品卡: 500 };
    expect(findings(run([carriers(under, under)]), "carrier-mix")).toEqual([]);
    expect(findings(run([carriers(at, at)], { carrierShareMax: 0.9 }), "carrier-mix")).toEqual([]);
  });

  it("names the best-converting carrier among those with 5 % of the clickers", () => {
    // Per day: 直播 100 buyers ÷ 1,000 clickers = 10 %; 短视频 20 ÷ 400 = 5 %; 商品卡 30 ÷ 200 = 15 %;
    // 图文 5 ÷ 20 = 25 %, but 140 ÷ 11,340 = 1.2 % of the clickers: too small. All: 155 ÷ 1,620 = 9.57 %.
    const day0 = [
      { carrier: "直播", sales: 5000, paidBuyers: 100, productClickUsers: 1000 },
      { carrier: "短视频", sales: 3000, paidBuyers: 20, productClickUsers: 400 },
      { carrier: "商品卡", sales: 1500, paidBuyers: 30, productClickUsers: 200 },
      { carrier: "图文", sales: 500, paidBuyers: 5, productClickUsers: 20 },
    ];
    const f = one(
      run([
        table(
          "shop-daily",
          fortnight(
            () => day0,
            () => day0,
          ),
        ),
      ]),
      "carrier-mix",
    );
    expect(f).toMatchObject({ status: "good", subject: "商品卡", metric: "carrierConversion" });
    expect(f.value).toBeCloseTo(0.15, 12);
    expect(f.benchmark).toBeCloseTo(155 / 1620, 12);
  });
});

describe("a 流量来源 column mixing carriers and channels", () => {
  // 直播 / 短视频 / 商品卡 are carriers; 搜索 and 推荐 are channels.
  const grid = [
    ["流量来源", "访客数", "成交人数", "成交金额"],
    ["直播", 5000, 150, 15000],
    ["短视频", 3000, 30, 3000],
    ["商品卡", 2000, 70, 7000],
    ["搜索", 4000, 160, 16000],
    ["推荐", 6000, 60, 6000],
  ];
  const [t] = recognizeTables([{ name: "流量来源", values: grid }]);
  const r = diagnoseTables([{ name: "流量来源", values: grid }], { language: "zh-CN" });

  it("is a traffic-sources table whose carrier rows the traffic-source rule never judges as channels", () => {
    expect(t.kind).toBe("traffic-sources");
    expect(t.columns.source).toBe("流量来源");
    // All 470 buyers ÷ 20,000 visitors = 2.35 % (carrier rows count in the shop's total).
    // 搜索 160 ÷ 4,000 = 4 % = 1.70 × ✔; 推荐 60 ÷ 6,000 = 1 % = 0.43 × ▲, short (2.35 % − 1 %) × 6,000 × ¥100 = 8,100.
    const judged = findings(r, "traffic-source-mix");
    expect(judged.map((f) => [f.subject, f.status]).sort()).toEqual([
      ["推荐", "warn"],
      ["搜索", "good"],
    ]);
    expect(one(r, "traffic-source-mix", { subject: "推荐" }).impact).toBe(8100);
  });

  it("gives the carrier rows to carrier-mix: 商品卡 converts best of the carriers", () => {
    // Carriers only: 直播 150 ÷ 5,000 = 3 %, 短视频 1 %, 商品卡 70 ÷ 2,000 = 3.5 %; all 250 ÷ 10,000 = 2.5 %.
    // 直播 has 15,000 of the carriers' 25,000 sales = 60 %: no dependence.
    const f = one(r, "carrier-mix");
    expect(f).toMatchObject({ status: "good", subject: "商品卡", subjectType: "carrier", metric: "carrierConversion" });
    expect(f.value).toBeCloseTo(0.035, 12);
    expect(f.benchmark).toBeCloseTo(0.025, 12);
  });

  it("leaves a table of carriers only to carrier-mix", () => {
    const only = diagnoseTables([{ name: "流量来源", values: grid.slice(0, 4) }], { language: "zh-CN" });
    expect(findings(only, "traffic-source-mix")).toEqual([]);
    expect(one(only, "carrier-mix").subject).toBe("商品卡");
  });
});
