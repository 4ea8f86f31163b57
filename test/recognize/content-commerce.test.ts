/**
 * Content-commerce exports (issue 12 and TikTok LIVE from issue 13): 抖音罗盘 live rooms, goods and
 * carriers, 巨量千川 全域推广, 快手, 小红书 千帆, 视频号, TikTok Studio LIVE, and the traps PEERS-2 §a3
 * lists — prefix collisions, (人数)/(次数) pairs, the two GPMs, `1.5万`, money in 分, 全部 rows.
 */
import { describe, expect, it } from "vitest";
import { recognizeTables } from "../../src/engine";
import type { Cell } from "../../src/engine";
import { tableCurrency } from "../../src/engine/diagnose";
import { matchHeader } from "../../src/engine/recognize";
import { valueChecks } from "../../src/engine/rules/sanity";
import { loadFixture } from "../support/fixtures";

function one(values: Cell[][]) {
  const [t] = recognizeTables([{ name: "Sheet1", values }]);
  return t;
}

/** Header (as PEERS-2 writes it) → field, for every content-commerce export. */
const HEADERS: [header: string, field: string][] = [
  // 罗盘 经营 / 商品 / 直播
  ["成交金额(元)", "sales"],
  ["退款金额(元)", "refundAmount"],
  ["成交订单数", "orders"],
  ["成交人数", "paidBuyers"],
  ["商品访客数", "visitors"],
  ["商品点击人数", "productClickUsers"],
  ["商品曝光次数", "productExposures"],
  ["商品曝光人数", "productExposureUsers"],
  ["商品点击次数", "productClicks"],
  ["商品点击率(次数)", "productCtrByCount"],
  ["商品点击率(人数)", "productCtr"],
  ["商品点击-支付转化率(次数)", "clickPayConversionByCount"],
  ["商品点击-支付转化率(人数)", "clickPayConversion"],
  ["成交客单价(元)", "aov"],
  ["千次曝光成交金额(元)", "gpmImpressions"],
  ["千次观看成交金额", "gpmViews"],
  ["GPM(元)", "gpmViews"],
  ["载体类型", "carrier"],
  ["曝光人数", "exposureUsers"],
  ["观看人数", "viewers"],
  ["观看次数", "views"],
  ["进入率", "entryRate"],
  ["曝光进入率(人数)", "entryRate"],
  ["曝光进入率(次数)", "entryRateByCount"],
  ["曝光观看率(次数)", "entryRateByCount"],
  ["人均观看时长", "avgWatchSeconds"],
  ["直播时长", "liveSeconds"],
  ["直播间名称", "liveRoom"],
  ["开播时间", "liveStart"],
  ["退款率", "refundRate"],
  ["直播间退款率", "refundRate"],
  ["投放消耗", "spend"],
  ["ROI", "roi"],
  ["用户支付金额", ""],
  ["商品曝光-点击转化率(次数)", "productCtrByCount"],
  ["退款率(支付时间)", "refundRate"],
  ["退款金额(退款时间)", "refundAmount"],
  ["退款金额(支付时间)", "refundAmountByPayTime"],
  ["直播间整体曝光次数", "exposures"],
  ["观看成交转化率", "viewPayConversion"],
  // 千川
  ["整体消耗", "spend"],
  ["整体成交金额", "adSales"],
  ["整体支付ROI", "roi"],
  ["整体成交订单数", "adOrders"],
  ["整体展示次数", "impressions"],
  ["整体点击次数", "clicks"],
  ["整体点击率", "ctr"],
  ["整体转化率", "clickConversion"],
  ["整体千次展现费用", "cpm"],
  ["用户实际支付金额", "userPaidAmount"],
  ["电商平台补贴金额", "platformSubsidy"],
  ["净成交ROI", "netRoi"],
  ["净成交金额", "adNetSales"],
  ["净成交订单数", "adNetOrders"],
  ["1小时内退款率", "adRefundRate1h"],
  ["1小时内退款金额", "adRefund1hAmount"],
  ["净成交金额结算率", "netSettleRate"],
  ["7日GMV结算率", "gmvSettleRate7d"],
  ["7日结算金额", "settled7d"],
  ["14日结算金额", "settled14d"],
  ["视频播放数", "plays"],
  ["视频完播率", "completionRate"],
  ["3秒播放率", "play3sRate"],
  ["5秒播放率", "play5sRate"],
  ["素材ID", "contentId"],
  ["素材名称", "contentItem"],
  // 快手
  ["商品浏览量", "pageviews"],
  ["下单买家数", "orderBuyers"],
  ["下单件数", "orderUnits"],
  ["下单金额", "orderAmount"],
  ["支付老买家数", "repeatBuyers"],
  ["支付新买家数", "newBuyers"],
  ["件单价", "avgUnitPrice"],
  ["品退订单数", "qualityReturnOrders"],
  ["商品品退率", "qualityReturnRate"],
  ["商品评价数", "reviews"],
  ["商品差评数", "badReviews"],
  ["商品差评率", "badReviewRate"],
  ["下单转化率", "orderConversion"],
  ["支付转化率", "payConversion"],
  ["支付金额", "sales"],
  // 小红书 千帆
  ["笔记支付金额", "noteSales"],
  ["直播支付金额", "liveSales"],
  ["商卡支付金额", "cardSales"],
  ["支付订单数", "orders"],
  ["支付买家数", "paidBuyers"],
  ["笔记阅读数", "plays"],
  ["加购人数", "cartAdds"],
  ["笔记信息", "contentItem"],
  ["平均阅读(观播)时长", "avgWatchSeconds"],
  // 视频号 (API names, in 分)
  ["pay_gmv", "sales"],
  ["pay_uv", "paidBuyers"],
  ["pay_refund_gmv", "refundAmount"],
  ["pay_order_cnt", "orders"],
  ["live_pay_gmv", "liveSales"],
  ["feed_pay_gmv", "videoSales"],
  // TikTok Studio / Seller LIVE
  ["Room ID", "liveRoomId"],
  ["Room Title", "liveTitle"],
  ["Start Time", "liveStart"],
  ["Duration", "liveSeconds"],
  ["GMV", "sales"],
  ["Viewers", "viewers"],
];

/** Traditional spellings of a sample of the headers above (as 台灣 / 香港 exports write them). */
const TRADITIONAL: [header: string, field: string][] = [
  ["成交金額(元)", "sales"],
  ["觀看人數", "viewers"],
  ["曝光-觀看率(人數)", "entryRate"],
  ["曝光-觀看率(次數)", "entryRateByCount"],
  ["商品點擊率(次數)", "productCtrByCount"],
  ["千次觀看成交金額", "gpmViews"],
  ["千次曝光成交金額(元)", "gpmImpressions"],
  ["載體類型", "carrier"],
  ["淨成交金額結算率", "netSettleRate"],
  ["淨成交金額", "adNetSales"],
  ["整體支付ROI", "roi"],
  ["開播時間", "liveStart"],
  ["直播時長", "liveSeconds"],
  ["筆記支付金額", "noteSales"],
  ["商品品退率", "qualityReturnRate"],
  ["商品差評率", "badReviewRate"],
];

describe("content-commerce headers", () => {
  it("map every header PEERS-2 lists, in both bracket widths", () => {
    for (const [header, field] of [...HEADERS, ...TRADITIONAL]) {
      const wide = header.replace(/\(/g, "（").replace(/\)/g, "）");
      for (const h of [header, wide]) expect([h, matchHeader(h)?.field ?? ""]).toEqual([h, field]);
    }
  });

  it("exact names win over prefixes: 净成交金额结算率 is not 净成交金额", () => {
    expect(matchHeader("净成交金额")?.field).toBe("adNetSales");
    expect(matchHeader("净成交金额结算率")?.field).toBe("netSettleRate");
    expect(matchHeader("整体成交金额")?.field).toBe("adSales");
    expect(matchHeader("整体成交订单成本")).toBeNull();
  });

  it("keeps the (人数) and (次数) rates apart, and the two GPMs apart", () => {
    const t = one([
      [
        "日期",
        "直播间名称",
        "曝光人数",
        "曝光次数",
        "观看人数",
        "观看次数",
        "曝光-观看率（人数）",
        "曝光-观看率（次数）",
      ],
      // 2,000 ÷ 10,000 = 20.00 % (people); 3,000 ÷ 12,000 = 25.00 % (counts)
      ["2026-11-01", "A直播间", 10000, 12000, 2000, 3000, "20.00%", "25.00%"],
    ]);
    expect(t.rows[0]).toMatchObject({ entryRate: 0.2, entryRateByCount: 0.25 });
    // each rate is checked against its own family only: both agree, so no rate-mismatch
    expect(t.issues.filter((i) => i.code === "rate-mismatch")).toEqual([]);
    // a (次数) rate that was really the people rate is caught against the counts: 20 % ≠ 3,000 ÷ 12,000
    const mixed = one([
      ["日期", "直播间名称", "曝光人数", "曝光次数", "观看人数", "观看次数", "曝光-观看率（次数）"],
      ["2026-11-01", "A直播间", 10000, 12000, 2000, 3000, "20.00%"],
    ]);
    expect(mixed.issues.map((i) => i.code)).toContain("rate-mismatch");
    expect(matchHeader("千次观看成交金额")?.field).not.toBe(matchHeader("千次曝光成交金额")?.field);
  });

  it("reads 1.5万 as 15,000 and money in 分 as yuan", () => {
    const t = one([
      ["日期", "商品访客数", "成交金额（分）", "成交人数"],
      ["2026-11-01", "1.5万", "123456", 30],
    ]);
    // 123,456 分 = ¥1,234.56
    expect(t.rows[0]).toMatchObject({ visitors: 15000, sales: 1234.56, paidBuyers: 30 });
  });

  it("keeps a 全部 carrier row aside as a total, and two carriers on one day are no duplicate", () => {
    const [t] = recognizeTables([loadFixture("douyin-compass-carriers.csv", { mode: "text" })]);
    expect(t.totals.map((r) => [r.row, r.label, r.values.sales])).toEqual([
      [2, "全部", 54000], // 32,400 + 9,000 + 12,000 + 600
      [7, "全部", 54500], // 33,400 + 8,000 + 12,600 + 500
    ]);
    expect(t.rows.reduce((s, r) => s + (r.sales as number), 0)).toBe(108500);
    expect(valueChecks(t).filter((i) => i.code === "duplicate-date")).toEqual([]);
    // the same carrier twice on one day is still a duplicate
    const twice = one([
      ["日期", "载体类型", "成交金额"],
      ["2026-11-01", "直播", 1],
      ["2026-11-01", "直播", 1],
    ]);
    expect(valueChecks(twice).map((i) => [i.code, i.row])).toEqual([["duplicate-date", 3]]);
  });
});

describe("the 86-column 罗盘 live file", () => {
  const [t] = recognizeTables([loadFixture("douyin-compass-live-rooms.csv", { mode: "text" })]);

  it("is live-sessions of two rooms, 38 columns used and 48 not", () => {
    expect(t.kind).toBe("live-sessions");
    expect(t.entityField).toBe("liveRoom");
    expect(Object.keys(t.columns)).toHaveLength(38);
    expect(t.issues.filter((i) => i.code === "column-ignored")).toHaveLength(48);
    expect(t.columnIndex).toMatchObject({ date: 1, liveRoom: 2, liveStart: 5, exposureUsers: 7, sales: 28, spend: 33 });
  });

  it("reads each session once: two sessions of one room on 11-03 and the two bare rows are no duplicate", () => {
    expect(valueChecks(t).filter((i) => i.code === "duplicate-date")).toEqual([]);
    expect(t.rows.filter((r) => r.date === "2026-11-03" && r.liveRoom === "暖冬旗舰店直播间")).toHaveLength(2);
    // the rows holding only a room and a date are left out, each with a note
    expect(t.issues.filter((i) => i.code === "key-without-metrics").map((i) => i.row)).toEqual([10, 11]);
    // 旗舰店 sales: 28,800 + 30,000 + 14,400 + 29,400 = 102,600
    const flagship = t.rows.filter((r) => r.liveRoom === "暖冬旗舰店直播间");
    expect(flagship.reduce((s, r) => s + (r.sales as number), 0)).toBe(102600);
    expect(t.period).toMatchObject({ from: "2026-11-01", to: "2026-11-03", days: 3 });
    expect(t.issues.filter((i) => i.code === "rate-mismatch")).toEqual([]);
  });
});

describe("TikTok Studio LIVE performance", () => {
  it("is keyed by Room ID with sessions by Start Time, money read from R$ text", () => {
    const sheet = loadFixture("tiktok-studio-live.csv", { mode: "text" });
    const [t] = recognizeTables([sheet]);
    expect(t.kind).toBe("live-sessions");
    expect(t.platform).toBe("tiktok");
    expect(tableCurrency(t, sheet.values)).toBe("BRL");
    // R$ 413.57 + R$ 98.10 + R$ 1,204.00 = R$ 1,715.67; 2h37m + 45m + 1h12m = 9,420 + 2,700 + 4,320 s
    expect(t.rows.reduce((s, r) => s + (r.sales as number), 0)).toBeCloseTo(1715.67, 2);
    expect(t.rows.map((r) => r.liveSeconds)).toEqual([9420, 2700, 4320]);
    expect(valueChecks(t).filter((i) => i.code === "duplicate-date")).toEqual([]);
  });
});

describe("platforms", () => {
  it("names 快手, 小红书 and 视频号 exports", () => {
    const platform = (name: string) => recognizeTables([loadFixture(name, { mode: "text" })])[0].platform;
    expect(platform("kuaishou-goods.csv")).toBe("kuaishou");
    expect(platform("xiaohongshu-qianfan-overview.csv")).toBe("xiaohongshu");
    expect(platform("weixin-channels-compass.csv")).toBe("weixin");
    expect(platform("qianchuan-plans-gbk.csv")).toBe("douyin");
  });
});
