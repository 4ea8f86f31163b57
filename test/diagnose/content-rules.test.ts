/**
 * live-funnel and qianchuan-net-roi (issue 12), each driven across its boundaries with figures
 * worked by hand. day(0) is Friday 2026-05-01, so day(0), day(7), day(14), day(21) are four Fridays.
 */
import { describe, expect, it } from "vitest";
import type { TableRow } from "../../src/engine";
import { day, findings, one, run, table } from "./helpers";

/** One session: 40,000 people shown the room, 8,000 viewers, 4,800 shown a product, 960 clickers. */
function session(date: string, buyers: number, extra: TableRow = {}): TableRow {
  return {
    liveRoom: "旗舰店直播间",
    date,
    exposureUsers: 40000,
    viewers: 8000,
    productExposureUsers: 4800,
    productClickUsers: 960,
    paidBuyers: buyers,
    sales: buyers * 300,
    ...extra,
  };
}

function liveTable(latestBuyers: number, dates = [day(0), day(7), day(14), day(21)]) {
  const earlier = dates.slice(0, -1).map((d) => session(d, 96));
  return table("live-sessions", [...earlier, session(dates[dates.length - 1], latestBuyers)]);
}

describe("live-funnel", () => {
  it("names the weakest step against the room's own median and sizes it with the GMV identity", () => {
    // Earlier Fridays: 96 ÷ 960 = 10.00 % click-to-pay (median 10 %). Latest: 60 ÷ 960 = 6.25 %, 37.5 % short.
    // GMV = 曝光人数 × 曝光-成交转化率 × sales per buyer: at baseline 40,000 × (0.2 × 0.6 × 0.2 × 0.1) × 300 = 28,800;
    // actual 18,000 (60 × 300); moved to baseline the session gains 28,800 − 18,000 = 10,800 = 18,000 × (0.1 ÷ 0.0625 − 1).
    const f = one(run([liveTable(60)]), "live-funnel");
    expect(f).toMatchObject({ status: "warn", subject: "旗舰店直播间", subjectType: "room", metric: "liveStep" });
    expect(f.value).toBeCloseTo(0.0625, 12);
    expect(f.benchmark).toBeCloseTo(0.1, 12);
    expect(f.impact).toBe(10800);
    expect(f.impactBasis).toBe("day");
    expect(f.message).toContain("点击成交率");
  });

  it("is ▲ at exactly 20 % short, ✔ just above, ✖ at 40 % short", () => {
    // 77 ÷ 960 = 8.02 % is 19.8 % short (✔); 76.8 ÷ 960 = 8 % is exactly 20 % (▲); 57.6 ÷ 960 = 6 % is 40 % (✖)
    expect(one(run([liveTable(77)]), "live-funnel").status).toBe("good");
    expect(one(run([liveTable(76.8)]), "live-funnel").status).toBe("warn");
    expect(one(run([liveTable(57.61)]), "live-funnel").status).toBe("warn");
    expect(one(run([liveTable(57.6)]), "live-funnel").status).toBe("bad");
  });

  it("prefers the same weekday when there are three earlier sessions of it", () => {
    // Fridays convert at 10 %; three Saturdays at 5 %. The latest Friday at 6.25 % is judged against Fridays only.
    const rows = [
      ...[day(0), day(7), day(14)].map((d) => session(d, 96)),
      ...[day(1), day(8), day(15)].map((d) => session(d, 48)),
      session(day(21), 60),
    ];
    const f = one(run([table("live-sessions", rows)]), "live-funnel");
    expect(f.benchmark).toBeCloseTo(0.1, 12);
    // Two Fridays only: too few, so the median of all five earlier sessions (5 %, 5 %, 5 %, 10 %, 10 %) = 5 %.
    // A latest Friday at 40 ÷ 960 = 4.17 % is then 16.7 % short (✔), where against Fridays (10 %) it would be ✖.
    const few = [session(day(0), 96), session(day(7), 96), ...[day(1), day(8), day(15)].map((d) => session(d, 48))];
    const g = one(run([table("live-sessions", [...few, session(day(21), 40)])]), "live-funnel");
    expect(g.benchmark).toBeCloseTo(0.05, 12);
    expect(g.status).toBe("good");
  });

  it("falls back to 同行基准值 when the room has no history", () => {
    // One session, entry 8,000 ÷ 40,000 = 20 % against the peer baseline 30 %: a third short (▲).
    // Money: 18,000 × (0.3 ÷ 0.2 − 1) = 9,000.
    const rows = [session(day(0), 60, { peerEntryRate: 0.3, peerClickPayConversion: 0.05 })];
    const f = one(run([table("live-sessions", rows)]), "live-funnel");
    expect(f).toMatchObject({ status: "warn", benchmark: 0.3, impact: 9000 });
    expect(f.message).toContain("同行基准值");
  });

  it("judges each room on its own and never sizes money when a session sold nothing", () => {
    const other = [day(0), day(7), day(14), day(21)].map((d, i) => ({
      ...session(d, i < 3 ? 96 : 0),
      liveRoom: "童装直播间",
    }));
    const report = run([table("live-sessions", [...liveTable(96).rows, ...other])]);
    expect(one(report, "live-funnel", { subject: "旗舰店直播间" }).status).toBe("good");
    const kids = one(report, "live-funnel", { subject: "童装直播间" });
    expect(kids).toMatchObject({ status: "bad", value: 0, impact: null });
    expect(findings(report, "live-funnel")).toHaveLength(2);
  });
});

describe("qianchuan-net-roi", () => {
  const plans = (rows: TableRow[]) => table("ad-plans", rows);

  it("✖ a plan whose gross ROI clears break-even but net ROI does not (loses money after refunds)", () => {
    // margin 40 % → break-even 2.5. A: gross 15,000 ÷ 5,000 = 3, net 12,000 ÷ 5,000 = 2.4 → ✖,
    // loss 5,000 − 12,000 × 0.4 = 200. B: gross exactly 2.5, net 1.5 → ✖, loss 2,000 − 3,000 × 0.4 = 800.
    // C: gross 2.4 is already below break-even (ad-plan-efficiency's case), D: net 2.5 is at break-even.
    const report = run(
      [
        plans([
          { plan: "A", spend: 5000, adSales: 15000, adNetSales: 12000 },
          { plan: "B", spend: 2000, adSales: 5000, adNetSales: 3000 },
          { plan: "C", spend: 1000, adSales: 2400, adNetSales: 2000 },
          { plan: "D", spend: 1000, adSales: 3000, adNetSales: 2500 },
        ]),
      ],
      { grossMargin: 0.4 },
    );
    const lost = findings(report, "qianchuan-net-roi")
      .filter((f) => f.status === "bad")
      .sort((a, b) => a.subject.localeCompare(b.subject));
    expect(lost.map((f) => [f.subject, f.value, f.impact, f.impactBasis])).toEqual([
      ["A", 2.4, 200, "export"],
      ["B", 1.5, 800, "export"],
    ]);
    expect(lost[0].message).toContain("退款后是亏的");
  });

  it("states the loss per day when the days are known, and labels the last 7 days provisional", () => {
    // 10 days × (spend 500, gross 1,500, net 1,200); margin 40 %: loss (5,000 − 12,000 × 0.4) ÷ 10 = 20 a day.
    const rows = Array.from({ length: 10 }, (_, i) => ({
      plan: "A",
      date: day(i),
      spend: 500,
      adSales: 1500,
      adNetSales: 1200,
    }));
    const period = { from: day(0), to: day(9), days: 10, source: "dates" as const };
    const report = run([table("ad-plans", rows, "千川计划", { period, platform: "douyin" })], { grossMargin: 0.4 });
    const bad = one(report, "qianchuan-net-roi", { subject: "A" });
    expect([bad.impact, bad.impactBasis]).toEqual([20, "day"]);
    const note = one(report, "qianchuan-net-roi", { subject: "千川计划" });
    expect(note.status).toBe("info");
    // the last 7 of 2026-05-01 … 2026-05-10 start on 2026-05-04
    expect(note.message).toContain("2026-05-04 ~ 2026-05-10");
  });

  it("beside net ROI, ad-plan-efficiency's all-clear says it is on gross ROI (no bare “all plans break even”)", () => {
    // margin 40 % → break-even 2.5; A gross 15,000 ÷ 5,000 = 3 and B gross 5,000 ÷ 2,000 = 2.5 both reach it,
    // overall 20,000 ÷ 7,000 = 2.857; B's net 3,000 ÷ 2,000 = 1.5 is the ✖ net-ROI finding next to it.
    const rows = [
      { plan: "A", spend: 5000, adSales: 15000, adNetSales: 12000 },
      { plan: "B", spend: 2000, adSales: 5000, adNetSales: 3000 },
    ];
    const withNet = findings(run([plans(rows)], { grossMargin: 0.4 }), "ad-plan-efficiency");
    expect(withNet.map((f) => [f.status, f.value])).toEqual([["good", 20000 / 7000]]);
    expect(withNet[0].message).toContain("按整体支付 ROI 看");
    expect(withNet[0].message).toContain("净成交 ROI 单独判断");
    // The same plans without net columns keep the plain all-clear.
    const gross = rows.map(({ adNetSales: _, ...r }) => r);
    const plain = findings(run([plans(gross)], { grossMargin: 0.4 }), "ad-plan-efficiency");
    expect(plain[0].message).toContain("所有计划的投入产出都不低于保本线");
  });

  it("without a margin, break-even is ROI 1", () => {
    // gross 1,200 ÷ 1,000 = 1.2 ≥ 1, net 900 ÷ 1,000 = 0.9 < 1 → ✖, loss 1,000 − 900 = 100
    const f = one(run([plans([{ plan: "A", spend: 1000, adSales: 1200, adNetSales: 900 }])]), "qianchuan-net-roi");
    expect([f.status, f.benchmark, f.impact]).toEqual(["bad", 1, 100]);
  });
});

describe("qianchuan-refund-1h", () => {
  /** Six days of plan A: three earlier days at `base`, the last three at `recent`, 10,000 sales a day. */
  function refundPlan(base: number, recent: number, sales: number | null = 10000) {
    const rows = Array.from({ length: 6 }, (_, i) => ({
      plan: "A",
      date: day(i),
      adRefundRate1h: i < 3 ? base : recent,
      ...(sales === null ? {} : { adSales: sales }),
    }));
    return table("ad-plans", rows, "千川计划", { platform: "douyin" });
  }

  it("▲ a rise of 5 points over the plan's own earlier days, with the extra refunds per day", () => {
    // earlier 4 %, last three days 12 %: +8 points ≥ 5 → ▲; extra refunds (0.12 − 0.04) × 30,000 ÷ 3 = 800 a day
    const f = one(run([refundPlan(0.04, 0.12)]), "qianchuan-refund-1h");
    expect(f).toMatchObject({ status: "warn", subject: "A", subjectType: "plan", metric: "refundRate1h" });
    expect(f.value).toBeCloseTo(0.12, 12);
    expect(f.benchmark).toBeCloseTo(0.04, 12);
    expect(f.impact).toBeCloseTo(800, 9);
    expect(f.impactBasis).toBe("day");
    expect(f.message).toContain("1小时内退款率");
  });

  it("is ▲ at exactly 5 points and silent just below", () => {
    // 4 % → 9 % is exactly +5 points (▲); 4 % → 8.99 % is +4.99 (no finding)
    expect(one(run([refundPlan(0.04, 0.09)]), "qianchuan-refund-1h").status).toBe("warn");
    expect(findings(run([refundPlan(0.04, 0.0899)]), "qianchuan-refund-1h")).toHaveLength(0);
  });

  it("weights the days by 整体成交金额 and says no amount when there are no sales", () => {
    // earlier: days of 1,000 sales at 2 % and 9,000 at 2 % → 2 %; recent: 1,000 at 50 %, 9,000 at 5 %:
    // (500 + 450) ÷ 10,000 = 9.5 % (a plain mean would be 27.5 %) → +7.5 points ▲
    const rows = [
      ...[0, 1, 2].map((i) => ({ plan: "A", date: day(i), adRefundRate1h: 0.02, adSales: i === 0 ? 1000 : 9000 })),
      { plan: "A", date: day(3), adRefundRate1h: 0.5, adSales: 1000 },
      { plan: "A", date: day(4), adRefundRate1h: 0.05, adSales: 9000 },
      { plan: "A", date: day(5), adRefundRate1h: 0.05, adSales: 0 },
    ];
    const f = one(run([table("ad-plans", rows)]), "qianchuan-refund-1h");
    expect(f.value).toBeCloseTo(0.095, 12);
    // (0.095 − 0.02) × 10,000 ÷ 3 = 250 a day
    expect(f.impact).toBeCloseTo(250, 9);
    const g = one(run([refundPlan(0.04, 0.12, null)]), "qianchuan-refund-1h");
    expect([g.impact, g.impactBasis]).toEqual([null, null]);
    expect(g.message).toContain("算不出金额");
  });

  it("needs three earlier days besides the last three", () => {
    const rows = refundPlan(0.04, 0.2).rows.slice(1);
    expect(findings(run([table("ad-plans", rows)]), "qianchuan-refund-1h")).toHaveLength(0);
  });
});

describe("item-quality-lines", () => {
  const items = (rows: TableRow[]) => table("products", rows, "快手商品");

  it("judges 商品品退率 against 3 % ▲ and 6 % ✖, on both sides of each line", () => {
    // one row per item: its rate as exported. 2.99 % and 3 %, 5.99 % and 6 %.
    const report = run([
      items([
        { product: "A", qualityReturnRate: 0.0299 },
        { product: "B", qualityReturnRate: 0.03 },
        { product: "C", qualityReturnRate: 0.0599 },
        { product: "D", qualityReturnRate: 0.06 },
      ]),
    ]);
    const got = findings(report, "item-quality-lines")
      .map((f) => [f.subject, f.status, f.benchmark])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(got).toEqual([
      ["B", "warn", 0.03],
      ["C", "warn", 0.03],
      ["D", "bad", 0.03],
    ]);
    expect(one(report, "item-quality-lines", { subject: "D" }).message).toContain("品退率是 6.00%");
  });

  it("judges 商品差评率 against 2 % ▲ and 5 % ✖ from the counts summed over days", () => {
    // E: 1 + 0 bad of 30 + 20 reviews = 2 % → ▲; F: 2 + 0 of 60 + 41 = 1.98 % → none; G: 3 of 60 = 5 % → ✖
    const report = run([
      items([
        { product: "E", date: day(0), badReviews: 1, reviews: 30 },
        { product: "E", date: day(1), badReviews: 0, reviews: 20 },
        { product: "F", date: day(0), badReviews: 2, reviews: 60 },
        { product: "F", date: day(1), badReviews: 0, reviews: 41 },
        { product: "G", date: day(0), badReviews: 3, reviews: 60 },
      ]),
    ]);
    const got = findings(report, "item-quality-lines")
      .map((f) => [f.subject, f.status, f.metric, f.value])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(got).toEqual([
      ["E", "warn", "badReviewRate", 0.02],
      ["G", "bad", "badReviewRate", 0.05],
    ]);
  });

  it("weights daily rates by orders, and leaves an item with fewer than 20 orders unjudged", () => {
    // H: 10 % of 10 orders and 1 % of 90 → (1 + 0.9) ÷ 100 = 1.9 % (a plain mean would be 5.5 %): under 3 %
    // I: 10 % of 19 orders: too few to judge
    const report = run([
      items([
        { product: "H", date: day(0), qualityReturnRate: 0.1, orders: 10 },
        { product: "H", date: day(1), qualityReturnRate: 0.01, orders: 90 },
        { product: "I", date: day(0), qualityReturnRate: 0.1, orders: 19 },
      ]),
    ]);
    expect(findings(report, "item-quality-lines")).toHaveLength(0);
  });
});
