/**
 * Event days (the Events tab) left out of the compareTo windows and the daily target's baseline
 * day: ordinary days are compared with ordinary days, the report counts the days left out, and a
 * window of event days only is not compared at all.
 *
 * Fixture: 14 shop days 2026-05-01 (i = 0) … 2026-05-14 (i = 13). An ordinary day has 100 visitors,
 * 10 buyers and sells 1,000 (conversion 10 %, AOV 100); the event days 05-03 … 05-05 (i = 2, 3, 4),
 * inside the earlier window (05-01 … 05-07), have 100 visitors, 40 buyers and sell 4,000.
 */
import { describe, expect, it } from "vitest";
import { diagnoseTables, layoutReport } from "../../src/engine";
import type { Cell, RecognizedTable, Report } from "../../src/engine";
import { day, findings, one, run, shopDays, table } from "./helpers";

const EVENT = new Set([2, 3, 4]);
const SHOP = shopDays(14, (i) =>
  EVENT.has(i) ? { visitors: 100, paidBuyers: 40, sales: 4000 } : { visitors: 100, paidBuyers: 10, sales: 1000 },
);

function events(from: number, to: number, name = "双11"): RecognizedTable {
  return table("events", [{ eventName: name, eventStart: day(from), eventEnd: day(to), eventKind: "大促" }], "活动");
}

/** The laid-out period row (its label is "Period" in English, "数据周期" etc. otherwise: the row's second cell). */
function periodCell(r: Report, label = "Period"): string {
  const g = layoutReport(r);
  return String(g.values.find((row) => row[0] === label)![1]);
}

describe("sales-change-drivers with event days in the earlier window", () => {
  it("without the Events tab, the event days count as ordinary: a 56.25 % drop that is only the event ending", () => {
    const r = run([SHOP], { language: "en" });
    const f = one(r, "sales-change-drivers");
    // Earlier window 05-01 … 05-07: 4 × 1,000 + 3 × 4,000 = 16,000 over 7 days = 2,285.714… a day.
    // Recent window 05-08 … 05-14: 7 × 1,000 ÷ 7 = 1,000 a day. 1,000 ÷ (16,000 ÷ 7) − 1 = 7,000 ÷ 16,000 − 1 = −56.25 %.
    expect(f.benchmark).toBeCloseTo(16000 / 7, 9);
    expect(f.value).toBeCloseTo(1000, 9);
    expect(f.status).toBe("bad");
    expect(f.message).toContain("fell 56.25%");
    expect(r.comparison?.eventDaysLeftOut).toBe(0);
    expect(periodCell(r)).not.toContain("event day");
  });

  it("with the Events tab, the earlier window is its 4 ordinary days: 1,000 a day, no drop", () => {
    const r = run([SHOP, events(2, 4)], { language: "en" });
    const f = one(r, "sales-change-drivers");
    // Earlier window without 05-03 … 05-05: days 0, 1, 5, 6 = 4 × 1,000 = 4,000 ÷ 4 ordinary days = 1,000 a day
    // (not ÷ 7 = 571.43). Recent 1,000 a day: change 0 → ✔.
    expect(f.benchmark).toBeCloseTo(1000, 9);
    expect(f.value).toBeCloseTo(1000, 9);
    expect(f.status).toBe("good");
    expect(r.comparison).toMatchObject({
      recent: { from: "2026-05-08", to: "2026-05-14", days: 7 },
      previous: { from: "2026-05-01", to: "2026-05-07", days: 7 },
      eventDaysLeftOut: 3,
      allEventDays: null,
    });
    expect(periodCell(r)).toContain(
      "Compared: 2026-05-08 to 2026-05-14 against the 7 days just before (2026-05-01 to 2026-05-07), leaving out 3 event days from the Events tab",
    );
  });

  it("counts one event day in the singular, and event days in the recent window too", () => {
    // One event day in each window: 05-03 (i = 2) and 05-10 (i = 9) → 2 left out; then 05-10 only → 1.
    const shop = shopDays(14, () => ({ visitors: 100, paidBuyers: 10, sales: 1000 }));
    const two = run(
      [
        shop,
        table(
          "events",
          [
            { eventName: "券", eventStart: day(2), eventEnd: day(2), eventKind: "优惠券" },
            { eventName: "秒杀", eventStart: day(9), eventEnd: day(9), eventKind: "秒杀" },
          ],
          "活动",
        ),
      ],
      { language: "en" },
    );
    expect(two.comparison?.eventDaysLeftOut).toBe(2);
    expect(periodCell(two)).toContain("leaving out 2 event days");
    const single = run([shop, events(9, 9, "秒杀")], { language: "en" });
    expect(single.comparison?.eventDaysLeftOut).toBe(1);
    expect(periodCell(single)).toContain("leaving out 1 event day from the Events tab");
  });

  it("does not compare when every day of the earlier window is an event day, and says so instead of a figure", () => {
    const r = run([SHOP, events(0, 6)], { language: "en" });
    const f = one(r, "sales-change-drivers");
    expect(f.status).toBe("info");
    expect(f.value).toBeNull();
    expect(f.benchmark).toBeNull();
    expect(f.message).toBe(
      "Every day of the window compared with, 2026-05-01 to 2026-05-07 (7 days), is inside an event on the Events tab; ordinary days are not set against event days, so this trend is not judged.",
    );
    expect(r.comparison).toMatchObject({ eventDaysLeftOut: 7, allEventDays: "previous" });
    expect(periodCell(r)).toContain(
      "but every day of the earlier window is an event day, so nothing is set against it",
    );
    expect(periodCell(r)).not.toContain("leaving out");
  });

  it("does not compare when every day of the recent window is an event day", () => {
    const r = run([SHOP, events(7, 13)], { language: "en" });
    const f = one(r, "sales-change-drivers");
    expect(f.status).toBe("info");
    expect(f.message).toContain("Every day of the recent window, 2026-05-08 to 2026-05-14 (7 days)");
    expect(r.comparison?.allEventDays).toBe("recent");
  });

  it("says the all-event window in Chinese", () => {
    const zh = one(run([SHOP, events(0, 6)], { language: "zh-CN" }), "sales-change-drivers");
    expect(zh.message).toContain("用来对比的那段 2026-05-01 ~ 2026-05-07（7 天）每天都在活动表的活动里");
    const tw = one(run([SHOP, events(0, 6)], { language: "zh-TW" }), "sales-change-drivers");
    expect(tw.message).toContain("用來比較的那段 2026-05-01 ~ 2026-05-07（7 天）");
  });
});

describe("repurchase with event days", () => {
  it("leaves event days out of both windows' repurchase rate", () => {
    // Ordinary days 5 %, event days 20 %. Without events the earlier window reads
    // (4 × 5 % + 3 × 20 %) ÷ 7 = 80 % ÷ 7 = 11.43 % against 5 % now: a 56.25 % fall, ▲.
    // With events: 5 % against 5 %, ✔.
    const shop = shopDays(14, (i) => ({
      visitors: 100,
      paidBuyers: 10,
      sales: 1000,
      repurchaseRate: EVENT.has(i) ? 0.2 : 0.05,
    }));
    const without = one(run([shop], { language: "en" }), "repurchase");
    expect(without.status).toBe("warn");
    expect(without.benchmark).toBeCloseTo(0.8 / 7, 9);
    const withEvents = one(run([shop, events(2, 4)], { language: "en" }), "repurchase");
    expect(withEvents.status).toBe("good");
    expect(withEvents.benchmark).toBeCloseTo(0.05, 9);
    expect(withEvents.value).toBeCloseTo(0.05, 9);
  });

  it("does not compare repurchase against a window of event days only", () => {
    const shop = shopDays(14, () => ({ visitors: 100, paidBuyers: 10, sales: 1000, repurchaseRate: 0.05 }));
    const f = one(run([shop, events(0, 6)], { language: "en" }), "repurchase");
    expect(f.status).toBe("info");
    expect(f.value).toBeNull();
    expect(f.message).toContain("Every day of the window compared with, 2026-05-01 to 2026-05-07");
  });
});

describe("daily target: the vs-before day is never an event day", () => {
  // 14 days: 05-13 (i = 12) is an event day selling 4,000; yesterday is 05-14 at 1,000.
  const shop = shopDays(14, (i) => ({ visitors: 100, paidBuyers: 10, sales: i === 12 ? 4000 : 1000 }));
  const settings = { monthlyTarget: 31000, language: "en" as const };

  it("without the Events tab compares yesterday with the day before", () => {
    // 1,000 ÷ 4,000 − 1 = −75 %.
    const f = one(run([shop], settings), "daily-target", { metric: "dailySales" });
    expect(f.message).toContain("Against the day before (2026-05-13, ¥4,000): -75.00%.");
  });

  it("with 05-13 on the Events tab names the day and does not compare", () => {
    const f = one(run([shop, events(12, 12)], settings), "daily-target", { metric: "dailySales" });
    expect(f.message).toContain(
      "No comparison with the day before (2026-05-13): it was an event day on the Events tab.",
    );
    expect(f.message).not.toContain("Against the day before");
  });
});

describe("daily target: yesterday inside an event is not judged against an ordinary day's share", () => {
  // 14 days of May; yesterday 05-14 (i = 13) sells 500, every other day 1,000. Target 31,000 over
  // May's 31 days, flat (fewer than 28 days): the day's share is 31,000 ÷ 31 = 1,000.
  const shop = shopDays(14, (i) => ({ visitors: 100, paidBuyers: 10, sales: i === 13 ? 500 : 1000 }));
  const settings = { monthlyTarget: 31000, language: "en" as const };

  it("without the Events tab, 500 against 1,000 is ✖ with ¥500 at stake", () => {
    const f = one(run([shop], settings), "daily-target", { metric: "dailySales" });
    expect(f.status).toBe("bad");
    expect(f.impact).toBeCloseTo(500, 9);
  });

  it("with 05-14 inside an event, the day is named with its event and not judged; the pace still counts it", () => {
    const r = run([shop, events(13, 13, "Flash Friday")], settings);
    const f = one(r, "daily-target", { metric: "dailySales" });
    expect(f.status).toBe("info");
    expect(f.impact).toBeNull();
    expect(f.message).toContain('2026-05-14 falls inside the event "Flash Friday"');
    expect(f.message).toContain("(¥1,000)");
    // Month to date 13 × 1,000 + 500 = 13,500 against 31,000 × 14 ÷ 31 = 14,000 due: 96.43 % of pace.
    const pace = one(r, "daily-target", { metric: "targetPace" });
    expect(pace.value).toBeCloseTo(13500 / 14000, 9);
  });
});

describe("product and source windows with event days", () => {
  /** One product over 14 days: `make(i)` gives its visitors and buyers; each buyer pays 100. */
  function product(make: (i: number) => { visitors: number; paidBuyers: number }): RecognizedTable {
    const rows = Array.from({ length: 14 }, (_, i) => {
      const r = make(i);
      return { date: day(i), productId: "P1", product: "Tee", ...r, sales: r.paidBuyers * 100 };
    });
    return table("products", rows, "商品");
  }

  it("product-conversion-trend: event days in the earlier window no longer read as a conversion fall", () => {
    // Ordinary days 100 visitors, 10 buyers (10 %); event days 05-03 … 05-05 100 visitors, 40 buyers.
    const p = product((i) => ({ visitors: 100, paidBuyers: EVENT.has(i) ? 40 : 10 }));
    // Without events: before (4 × 10 + 3 × 40) ÷ 700 = 160 ÷ 700 = 22.857 %, now 10 % → −56.25 % ✖.
    const without = one(run([p], { language: "en" }), "product-conversion-trend", { subject: "Tee" });
    expect(without.status).toBe("bad");
    expect(without.benchmark).toBeCloseTo(160 / 700, 9);
    // With events: before 40 ÷ 400 = 10 %, now 10 %: no product moved.
    const withEvents = one(run([p, events(2, 4)], { language: "en" }), "product-conversion-trend");
    expect(withEvents.status).toBe("good");
    expect(withEvents.subject).toBe("");
  });

  it("product-conversion-trend: the money lost is per ordinary day of the recent window", () => {
    // Earlier window 05-01 … 05-07: 100 visitors, 20 buyers a day (20 %). Recent 05-08 … 05-12:
    // 100 visitors, 10 buyers (10 %); 05-13 and 05-14 are event days, 300 visitors and 60 buyers.
    const p = product((i) =>
      i >= 12 ? { visitors: 300, paidBuyers: 60 } : { visitors: 100, paidBuyers: i < 7 ? 20 : 10 },
    );
    const f = one(run([p, events(12, 13)], { language: "en" }), "product-conversion-trend", { subject: "Tee" });
    // Recent ordinary days 05-08 … 05-12: 500 visitors, 50 buyers → 10 %, against 140 ÷ 700 = 20 %: −50 % ✖.
    expect(f.status).toBe("bad");
    expect(f.value).toBeCloseTo(0.1, 9);
    expect(f.benchmark).toBeCloseTo(0.2, 9);
    // (20 % − 10 %) × (500 visitors ÷ 5 ordinary days) × AOV 100 = 1,000 a day (÷ 7 days it would read 714.29).
    expect(f.impact).toBeCloseTo(1000, 6);
  });

  it("product-conversion-trend: not compared against a window of event days only", () => {
    const p = product(() => ({ visitors: 100, paidBuyers: 10 }));
    const f = one(run([p, events(0, 6)], { language: "en" }), "product-conversion-trend");
    expect(f.status).toBe("info");
    expect(f.subjectType).toBe("product");
    expect(f.message).toContain("Every day of the window compared with, 2026-05-01 to 2026-05-07 (7 days)");
  });

  /** One traffic source over 14 days with `visitors(i)` visitors, 10 % converting at 100 a buyer. */
  function source(visitors: (i: number) => number): RecognizedTable {
    const rows = Array.from({ length: 14 }, (_, i) => {
      const v = visitors(i);
      return { date: day(i), source: "手淘搜索", visitors: v, paidBuyers: v / 10, sales: v * 10 };
    });
    return table("traffic-sources", rows, "流量来源");
  }
  const fell = (r: Report) =>
    r.findings.filter((f) => f.rule === "traffic-source-mix" && f.metric === "visitorsPerDay");

  it("traffic-source-mix: visitors per day over each window's ordinary days", () => {
    // Event days in the earlier window at 400 visitors, 100 otherwise. Without events: before
    // (4 × 100 + 3 × 400) ÷ 7 = 1,600 ÷ 7 = 228.57 a day, now 100 → down 56.25 % ▲.
    const earlier = source((i) => (EVENT.has(i) ? 400 : 100));
    const without = fell(run([earlier], { language: "en" }));
    expect(without).toHaveLength(1);
    expect(without[0].benchmark).toBeCloseTo(1600 / 7, 9);
    expect(without[0].value).toBeCloseTo(100, 9);
    // With events: 400 ÷ 4 = 100 before, 100 now: no fall.
    expect(fell(run([earlier, events(2, 4)], { language: "en" }))).toHaveLength(0);
    // Event days 05-10 … 05-12 (i = 9, 10, 11) in the recent window: 400 ÷ 4 ordinary days = 100 a day,
    // as before; over the window's 7 days it would read 57.14, a 42.86 % fall.
    const recent = source((i) => (i >= 9 && i <= 11 ? 400 : 100));
    expect(fell(run([recent, events(9, 11)], { language: "en" }))).toHaveLength(0);
  });
});

describe("gpm-trend with event days in the recent window", () => {
  // One live room, 1,000 views a day. Earlier window 05-01 … 05-07 sells 1,000 a day (GPM 1,000);
  // recent ordinary days 05-08 … 05-12 sell 500 (GPM 500); the event days 05-13, 05-14 sell 3,000.
  const room = table(
    "live-sessions",
    Array.from({ length: 14 }, (_, i) => ({
      date: day(i),
      liveRoom: "旗舰店直播间",
      views: 1000,
      sales: i >= 12 ? 3000 : i >= 7 ? 500 : 1000,
    })),
    "直播",
  );

  it("without the Events tab the event hides the fall", () => {
    // Recent (5 × 500 + 2 × 3,000) ÷ 7,000 views × 1,000 = 1,214.29 ≥ 1,000: no fall.
    expect(findings(run([room], { language: "en" }), "gpm-trend")).toEqual([]);
  });

  it("with the Events tab the fall is found and sized per ordinary day", () => {
    const f = one(run([room, events(12, 13)], { language: "en" }), "gpm-trend");
    // Recent ordinary days: 2,500 ÷ 5,000 views × 1,000 = 500 against 1,000: 50 % lower ▲.
    expect(f.value).toBeCloseTo(500, 9);
    expect(f.benchmark).toBeCloseTo(1000, 9);
    // (1,000 − 500) × 5,000 views ÷ 1,000 = 2,500 short over 5 ordinary days = 500 a day (÷ 7 it would read 357.14).
    expect(f.impact).toBeCloseTo(500, 6);
  });
});

describe("daily target: the weekday shape is built from ordinary days only", () => {
  // May 2026 (05-01 a Friday, 31 days: five Fridays, Saturdays and Sundays): 1,000 a day, Saturdays 2,000;
  // the event 05-15 … 05-17 (Fri, Sat, Sun; i = 14, 15, 16) sells 5,000 a day. Target 35,000.
  const isSaturday = (i: number) => new Date(`${day(i)}T00:00:00Z`).getUTCDay() === 6;
  const shop = shopDays(31, (i) => ({ sales: i >= 14 && i <= 16 ? 5000 : isSaturday(i) ? 2000 : 1000 }));
  const settings = { monthlyTarget: 35000, language: "en" as const };

  it("without the Events tab the event inflates Friday to Sunday", () => {
    // Means: Fri (4 × 1,000 + 5,000) ÷ 5 = 1,800, Sat (4 × 2,000 + 5,000) ÷ 5 = 2,600, Sun 1,800, Mon–Thu 1,000.
    // Month weight 5 × 1,800 + 5 × 2,600 + 5 × 1,800 + 16 × 1,000 = 47,000 (in sales units; the mean cancels).
    // Sunday 05-31: 35,000 × 1,800 ÷ 47,000 = 1,340.43; 1,000 ÷ 1,340.43 = 0.746 < 0.8 → ✖.
    const f = one(run([shop], settings), "daily-target", { metric: "dailySales" });
    expect(f.benchmark).toBeCloseTo((35000 * 1800) / 47000, 9);
    expect(f.status).toBe("bad");
  });

  it("with the Events tab the shape is Saturday 1.75, other days 0.875, as without the event", () => {
    // 28 ordinary days, four of each weekday: mean (6 × 1,000 + 2,000) ÷ 7 = 1,142.857; Sunday 0.875.
    // Month weight 26 × 0.875 + 5 × 1.75 = 31.5; Sunday share 35,000 × 0.875 ÷ 31.5 = 972.22 ≤ 1,000 → ✔.
    const f = one(run([shop, events(14, 16)], settings), "daily-target", { metric: "dailySales" });
    expect(f.benchmark).toBeCloseTo((35000 * 0.875) / 31.5, 9);
    expect(f.status).toBe("good");
    expect(f.message).toContain("Sunday sales average 87.50% of the mean day");
  });
});

describe("end to end through diagnoseTables (pasted cells)", () => {
  it("recognises the shop tab and the 活动 tab and states the event days left out next to the comparison", () => {
    const shopCells: Cell[][] = [["统计日期", "访客数", "支付买家数", "支付金额"]];
    for (let i = 0; i < 14; i++) shopCells.push([day(i), 100, EVENT.has(i) ? 40 : 10, EVENT.has(i) ? 4000 : 1000]);
    const eventCells: Cell[][] = [
      ["活动名称", "开始日期", "结束日期", "类型"],
      ["双11", day(2), day(4), "大促"],
    ];
    const report = diagnoseTables(
      [
        { name: "店铺", values: shopCells },
        { name: "活动", values: eventCells },
      ],
      { language: "zh-CN" },
    );
    expect(report.comparison?.eventDaysLeftOut).toBe(3);
    // Earlier window 4 ordinary days × 1,000 ÷ 4 = 1,000 a day, the same as now: ✔.
    const f = one(report, "sales-change-drivers");
    expect(f.status).toBe("good");
    expect(f.benchmark).toBeCloseTo(1000, 9);
    const g = layoutReport(report);
    const line = g.values.map((row) => row.map(String).join(" ")).find((s) => s.includes("对比："));
    expect(line).toContain("不含活动表里的 3 个活动日");
  });
});

describe("the post-event dip named in sales-change-drivers and daily-target", () => {
  // 14 days: the 大促 双11 on 05-09 … 05-10 (i = 8, 9) sells 4,000 a day; the four days after it,
  // 05-11 … 05-14 (i = 10 … 13), sell 700; every other day 1,000. 100 visitors, 100 a buyer.
  const sales = (i: number) => (i === 8 || i === 9 ? 4000 : i >= 10 ? 700 : 1000);
  const shop = shopDays(14, (i) => ({ visitors: 100, paidBuyers: sales(i) / 100, sales: sales(i) }));
  const settings = { monthlyTarget: 31000, language: "en" as const };

  it("says how many of the recent window's days are within 7 days after the 大促", () => {
    const f = one(run([shop, events(8, 9)], settings), "sales-change-drivers");
    // Recent window 05-08 … 05-14 less the 2 event days: i = 7, 10, 11, 12, 13 → (1,000 + 4 × 700) ÷ 5 = 760 a day;
    // earlier 05-01 … 05-07: 1,000 a day → −24 %, ✖. The post-event days (05-11 … 05-17) in it: i = 10 … 13 = 4.
    expect(f.value).toBeCloseTo(760, 9);
    expect(f.benchmark).toBeCloseTo(1000, 9);
    expect(f.message).toContain("fell 24.00%");
    expect(f.message).toContain(
      "4 of these days fall within 7 days after the big promotion “双11”, when sales often dip after the event.",
    );
    const zh = one(run([shop, events(8, 9)], { language: "zh-CN" }), "sales-change-drivers");
    expect(zh.message).toContain("其中 4 天在大促「双11」结束后 7 天内");
    const tw = one(run([shop, events(8, 9)], { language: "zh-TW" }), "sales-change-drivers");
    expect(tw.message).toContain("其中 4 天在大促「双11」結束後 7 天內");
  });

  it("says yesterday is within the post-event days", () => {
    const f = one(run([shop, events(8, 9)], settings), "daily-target", { metric: "dailySales" });
    // Yesterday 05-14 sells 700 against the flat share 31,000 ÷ 31 = 1,000: ✖, and it is the 4th day after 05-10.
    expect(f.status).toBe("bad");
    expect(f.message).toContain(
      "2026-05-14 is within 7 days after the big promotion “双11”, when sales often dip after the event.",
    );
  });

  it("says nothing of a dip after an event that is not a 大促, nor without the Events tab", () => {
    const coupon = table(
      "events",
      [{ eventName: "店铺券", eventStart: day(8), eventEnd: day(9), eventKind: "优惠券" }],
      "活动",
    );
    for (const r of [run([shop, coupon], settings), run([shop], settings)]) {
      expect(one(r, "sales-change-drivers").message).not.toContain("after the big promotion");
      expect(one(r, "daily-target", { metric: "dailySales" }).message).not.toContain("after the big promotion");
    }
  });
});
