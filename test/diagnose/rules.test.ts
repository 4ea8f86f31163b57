/**
 * One hand-made scenario per rule that flips its status, and every status boundary tested on
 * both sides (the value on the boundary, and just past it).
 */
import { describe, expect, it } from "vitest";
import type { TableRow } from "../../src/engine";
import { day, findings, one, run, shopDays, statusOf, table } from "./helpers";

const shop = (row: TableRow) => shopDays(1, () => row);

describe("pay-conversion-vs-peer", () => {
  const base = { visitors: 1000, paidBuyers: 30, sales: 3000 };
  it("is good at the peer value and bad just below it, with the money per day", () => {
    expect(statusOf(run([shop(base)], { peerPayConversion: 0.03 }), "pay-conversion-vs-peer")).toBe("good");
    const bad = one(run([shop(base)], { peerPayConversion: 0.04 }), "pay-conversion-vs-peer");
    expect(bad.status).toBe("bad");
    // (0.04 − 0.03) × 1000 visitors/day × ¥100 AOV = ¥1,000/day
    expect(bad.impact).toBeCloseTo(1000, 6);
    expect(bad.message).toContain("¥1,000");
  });
  it("takes the peer value from a peer column in the data", () => {
    const r = run([shop({ ...base, peerPayConversion: 0.035 })]);
    expect(one(r, "pay-conversion-vs-peer").benchmark).toBe(0.035);
    expect(statusOf(r, "pay-conversion-vs-peer")).toBe("bad");
  });
  it("says what to enter when no peer value exists, and what to paste when data is missing", () => {
    expect(one(run([shop(base)]), "pay-conversion-vs-peer").message).toContain("peerPayConversion");
    const missing = one(run([shop({ visitors: 1000 })]), "pay-conversion-vs-peer");
    expect(missing.status).toBe("info");
    expect(missing.value).toBeNull();
  });
  it("flags products below the peer line only with 100+ visitors", () => {
    const products = table("products", [
      { product: "A", visitors: 100, paidBuyers: 1, sales: 100 },
      { product: "B", visitors: 99, paidBuyers: 1, sales: 100 },
    ]);
    const r = run([shop(base), products], { peerPayConversion: 0.03 });
    expect(one(r, "pay-conversion-vs-peer", { subject: "A" }).status).toBe("bad");
    expect(findings(r, "pay-conversion-vs-peer", "B")).toHaveLength(0);
  });
});

describe("sales-change-drivers", () => {
  // 7 days at ¥1,000/day then 7 days at `recent`/day; visitors and buyers flat, so AOV moved.
  const weeks = (recent: number) =>
    shopDays(14, (i) => ({ visitors: 100, paidBuyers: 10, sales: i < 7 ? 1000 : recent }));
  it("is bad at a 10% drop and amber just above it", () => {
    expect(statusOf(run([weeks(900)]), "sales-change-drivers")).toBe("bad");
    expect(statusOf(run([weeks(900.01)]), "sales-change-drivers")).toBe("warn");
  });
  it("is amber at a 3% drop and good just above it", () => {
    expect(statusOf(run([weeks(970)]), "sales-change-drivers")).toBe("warn");
    expect(statusOf(run([weeks(970.01)]), "sales-change-drivers")).toBe("good");
  });
  it("names the factor that moved sales and the money it cost", () => {
    const f = one(run([weeks(800)]), "sales-change-drivers");
    expect(f.value).toBeCloseTo(800);
    expect(f.benchmark).toBeCloseTo(1000);
    expect(f.impact).toBeCloseTo(200);
    expect(f.message).toContain("客单价");
  });
  it("blames visitors when traffic fell", () => {
    const r = run(
      [shopDays(14, (i) => ({ visitors: i < 7 ? 100 : 80, paidBuyers: i < 7 ? 10 : 8, sales: i < 7 ? 1000 : 800 }))],
      { language: "en" },
    );
    expect(one(r, "sales-change-drivers").message).toContain("visitors");
  });
  it("asks for 14 days when there are fewer", () => {
    expect(
      statusOf(run([shopDays(13, () => ({ visitors: 100, paidBuyers: 10, sales: 1000 }))]), "sales-change-drivers"),
    ).toBe("info");
  });
});

describe("product-conversion-trend", () => {
  // One product, 14 days, 100 visitors a day; conversion `before` then `after`.
  const trend = (before: number, after: number) =>
    table(
      "products",
      Array.from({ length: 14 }, (_, i) => ({
        date: day(i),
        product: "P",
        visitors: 100,
        paidBuyers: 100 * (i < 7 ? before : after),
        sales: 5000,
      })),
    );
  it("is amber at a 15% fall, red at 30%, and quiet between", () => {
    expect(statusOf(run([trend(0.1, 0.085)]), "product-conversion-trend", { subject: "P" })).toBe("warn");
    expect(statusOf(run([trend(0.1, 0.07)]), "product-conversion-trend", { subject: "P" })).toBe("bad");
    expect(statusOf(run([trend(0.1, 0.0701)]), "product-conversion-trend", { subject: "P" })).toBe("warn");
    const stable = run([trend(0.1, 0.0851)]);
    expect(findings(stable, "product-conversion-trend", "P")).toHaveLength(0);
    expect(statusOf(stable, "product-conversion-trend")).toBe("good");
  });
  it("calls a 15% rise an opportunity", () => {
    expect(statusOf(run([trend(0.1, 0.115)]), "product-conversion-trend", { subject: "P" })).toBe("good");
  });
  it("asks for dated product rows when there are none", () => {
    expect(
      statusOf(run([table("products", [{ product: "P", visitors: 100, paidBuyers: 3 }])]), "product-conversion-trend"),
    ).toBe("info");
  });
});

describe("traffic-source-mix", () => {
  // Two equal sources; A converts 2%, B at `b` buyers per 1000: B/avg = 2b/(20+b).
  const mix = (b: number) =>
    table("traffic-sources", [
      { source: "A", visitors: 1000, paidBuyers: 20, sales: 2000 },
      { source: "B", visitors: 1000, paidBuyers: b, sales: b * 100 },
    ]);
  it("flags a source below 0.6 × the average and leaves one at 0.6", () => {
    expect(statusOf(run([mix(8)]), "traffic-source-mix", { subject: "B" })).toBe("warn"); // 0.571
    expect(findings(run([mix(60 / 7)]), "traffic-source-mix", "B")).toHaveLength(0); // exactly 0.6
  });
  it("praises a source at 1.2 × the average, not below", () => {
    expect(statusOf(run([mix(30)]), "traffic-source-mix", { subject: "B" })).toBe("good"); // 1.2
    expect(findings(run([mix(29)]), "traffic-source-mix", "B")).toHaveLength(0); // 1.18
  });
  it("finds the source whose visitors fell", () => {
    const rows: TableRow[] = [];
    for (let i = 0; i < 14; i++) {
      rows.push({
        date: day(i),
        source: "搜索",
        visitors: i < 7 ? 1000 : 800,
        paidBuyers: i < 7 ? 20 : 16,
        sales: i < 7 ? 2000 : 1600,
      });
      rows.push({ date: day(i), source: "直通车", visitors: 1000, paidBuyers: 20, sales: 2000 });
    }
    const f = one(run([table("traffic-sources", rows)]), "traffic-source-mix", {
      subject: "搜索",
      metric: "visitorsPerDay",
    });
    expect(f.status).toBe("warn");
    // 200 fewer visitors a day × 2% conversion × ¥100 AOV
    expect(f.impact).toBeCloseTo(400);
  });
});

describe("price-conversion-quadrant", () => {
  const products = (weakPrice: number) =>
    table("products", [
      { product: "Star", visitors: 1000, paidBuyers: 50, sales: 10000, price: 200 },
      { product: "Weak", visitors: 1000, paidBuyers: 10, sales: 500, price: weakPrice },
      { product: "M1", visitors: 1000, paidBuyers: 40, sales: 2000, price: 50 },
      { product: "M2", visitors: 1000, paidBuyers: 20, sales: 3000, price: 150 },
    ]);
  it("gives traffic to high price + high conversion, cuts low + low", () => {
    const r = run([products(50)]);
    expect(statusOf(r, "price-conversion-quadrant", { subject: "Star" })).toBe("good");
    expect(statusOf(r, "price-conversion-quadrant", { subject: "Weak" })).toBe("warn");
  });
  it("stops flagging the low converter once its price is above the median", () => {
    expect(findings(run([products(180)]), "price-conversion-quadrant", "Weak")).toHaveLength(0);
  });
});

describe("bounce-rate", () => {
  const at = (bounceRate: number, settings = {}) =>
    statusOf(run([shop({ visitors: 100, bounceRate })], settings), "bounce-rate");
  it("is good up to 60%, passable up to 70%, bad above", () => {
    expect(at(0.6)).toBe("good");
    expect(at(0.6001)).toBe("warn");
    expect(at(0.7)).toBe("warn");
    expect(at(0.7001)).toBe("bad");
  });
  it("uses the mean of the daily rates and the team's thresholds", () => {
    const r = run([shopDays(2, (i) => ({ visitors: i === 0 ? 100 : 900, bounceRate: i === 0 ? 0.5 : 0.7 }))]);
    expect(one(r, "bounce-rate").value).toBeCloseTo(0.6);
    expect(at(0.5, { bounceGood: 0.4, bounceBad: 0.45 })).toBe("bad");
  });
});

describe("visit-depth", () => {
  const at = (pagesPerVisitor: number) => statusOf(run([shop({ visitors: 100, pagesPerVisitor })]), "visit-depth");
  it("is good from 3.5, passable from 2.5, bad below", () => {
    expect(at(3.5)).toBe("good");
    expect(at(3.49)).toBe("warn");
    expect(at(2.5)).toBe("warn");
    expect(at(2.49)).toBe("bad");
  });
});

describe("aov-vs-hero", () => {
  // Hero AOV ¥100; the shop's AOV is `aov`.
  const tables = (aov: number) => [
    shop({ visitors: 1000, paidBuyers: 10, sales: aov * 10 }),
    table("products", [
      { product: "Hero", visitors: 500, paidBuyers: 5, sales: 500 },
      { product: "Other", visitors: 500, paidBuyers: 1, sales: 50 },
    ]),
  ];
  it("is good at 1.3 × the hero's AOV and amber just below", () => {
    expect(statusOf(run(tables(130)), "aov-vs-hero")).toBe("good");
    const low = one(run(tables(129.9)), "aov-vs-hero");
    expect(low.status).toBe("warn");
    expect(low.impact).toBeCloseTo(0.1 * 10, 6);
  });
  it("uses the hero from Settings and says when it is not in the data", () => {
    expect(one(run(tables(130), { heroProduct: "Other" }), "aov-vs-hero").subject).toBe("Other");
    expect(statusOf(run(tables(130), { heroProduct: "Nope" }), "aov-vs-hero")).toBe("info");
  });
});

describe("dsr", () => {
  const at = (score: number) => run([shop({ visitors: 100, dsrDescription: score })], { peerDsr: 4.8 });
  it("is good at the peer, amber within 0.1 below, red from 0.1 below", () => {
    expect(statusOf(at(4.8), "dsr")).toBe("good");
    expect(statusOf(at(4.79), "dsr")).toBe("warn");
    expect(statusOf(at(4.71), "dsr")).toBe("warn");
    expect(statusOf(at(4.7), "dsr")).toBe("bad");
  });
  it("asks for the peer level when it is missing", () => {
    const f = one(run([shop({ visitors: 100, dsrDescription: 4.8, dsrService: 4.7 })]), "dsr");
    expect(f.status).toBe("info");
    expect(f.message).toContain("peerDsr");
  });
});

describe("zero-sales-products", () => {
  const at = (visitors: number, sales: number) =>
    run([
      shop({ visitors: 1000, paidBuyers: 20, sales: 2000 }),
      table("products", [{ product: "Z", visitors, paidBuyers: sales > 0 ? 1 : 0, sales }]),
    ]);
  it("is amber below 100 visitors and red from 100", () => {
    expect(statusOf(at(99, 0), "zero-sales-products", { subject: "Z" })).toBe("warn");
    const bad = one(at(100, 0), "zero-sales-products", { subject: "Z" });
    expect(bad.status).toBe("bad");
    // 100 visitors/day × 2% shop conversion × ¥100 shop AOV
    expect(bad.impact).toBeCloseTo(200);
  });
  it("is good when every product with visitors sold", () => {
    expect(statusOf(at(100, 50), "zero-sales-products")).toBe("good");
  });
});

describe("presale-conversion", () => {
  const tables = (orderBuyers: number) => [
    shop({ visitors: 1000, paidBuyers: 30, sales: 3000 }),
    table("products", [{ product: "冬装预售款", visitors: 1000, paidBuyers: 0, sales: 0, orderBuyers, presale: 1 }]),
  ];
  it("judges pre-sale items by order conversion, not the false 0 pay conversion", () => {
    const r = run(tables(30), { peerPayConversion: 0.03 });
    expect(statusOf(r, "presale-conversion")).toBe("good");
    expect(findings(r, "zero-sales-products", "冬装预售款")).toHaveLength(0);
    expect(findings(r, "pay-conversion-vs-peer", "冬装预售款")).toHaveLength(0);
    expect(statusOf(run(tables(29), { peerPayConversion: 0.03 }), "presale-conversion")).toBe("warn");
  });
  it("asks for order buyers when they are missing", () => {
    const r = run([table("products", [{ product: "Pre-order coat", visitors: 500, paidBuyers: 0 }])]);
    expect(statusOf(r, "presale-conversion")).toBe("info");
  });
});

describe("daily-target", () => {
  // May has 31 days: a ¥31,000 target is ¥1,000 a day. Ten days, the last one at `last`.
  const month = (last: number, earlier = 1000) =>
    shopDays(10, (i) => ({ visitors: 100, sales: i === 9 ? last : earlier }));
  const target = { monthlyTarget: 31000 };
  it("checks yesterday against its share: good at 100%, amber from 80%, red below", () => {
    expect(statusOf(run([month(1000)], target), "daily-target", { metric: "dailySales" })).toBe("good");
    expect(statusOf(run([month(999.99)], target), "daily-target", { metric: "dailySales" })).toBe("warn");
    expect(statusOf(run([month(800)], target), "daily-target", { metric: "dailySales" })).toBe("warn");
    expect(statusOf(run([month(799.99)], target), "daily-target", { metric: "dailySales" })).toBe("bad");
  });
  it("checks the month's pace: good at 100%, amber from 90%, red below", () => {
    expect(statusOf(run([month(1000)], target), "daily-target", { metric: "targetPace" })).toBe("good");
    expect(statusOf(run([month(1000, 900)], target), "daily-target", { metric: "targetPace" })).toBe("warn"); // 9100/10000
    expect(statusOf(run([month(0, 1000)], target), "daily-target", { metric: "targetPace" })).toBe("warn"); // exactly 90%
    expect(statusOf(run([month(0, 999.99)], target), "daily-target", { metric: "targetPace" })).toBe("bad");
  });
  it("asks for a monthly target when none is set", () => {
    expect(statusOf(run([month(1000)]), "daily-target")).toBe("info");
  });
});

describe("ad-plan-efficiency", () => {
  const plans = (adSales: number) =>
    table("ad-plans", [
      { plan: "P1", impressions: 10000, clicks: 200, spend: 100, adSales },
      { plan: "P2", impressions: 10000, clicks: 200, spend: 100, adSales: 500 },
    ]);
  it("is red below break-even ROI (1 ÷ margin) and not at it", () => {
    expect(statusOf(run([plans(199)], { grossMargin: 0.5 }), "ad-plan-efficiency", { subject: "P1" })).toBe("bad");
    expect(findings(run([plans(200)], { grossMargin: 0.5 }), "ad-plan-efficiency", "P1")).toHaveLength(0);
    // loses spend − ad sales × margin = 100 − 199 × 0.5 = ¥0.50 in this export (undated: not per day)
    const p1 = one(run([plans(199)], { grossMargin: 0.5 }), "ad-plan-efficiency", { subject: "P1" });
    expect([p1.impact, p1.impactBasis]).toEqual([0.5, "export"]);
    expect(p1.message).toBe("计划「P1」ROI 1.99，低于保本线 2.00，本次导出内花了 ¥100，亏约 ¥0.50。");
  });
  it("without a margin flags only ROI below 1, and asks for the margin", () => {
    const r = run([plans(99)]);
    expect(statusOf(r, "ad-plan-efficiency", { subject: "P1" })).toBe("bad");
    expect(findings(run([plans(100)]), "ad-plan-efficiency", "P1")).toHaveLength(0);
    expect(
      findings(r, "ad-plan-efficiency").some((f) => f.status === "info" && f.message.includes("grossMargin")),
    ).toBe(true);
  });
  it("sorts healthy plans by CTR against the average: ≥1.2× good, <0.8× amber", () => {
    const ctr = (clicksA: number, clicksB: number) =>
      table("ad-plans", [
        { plan: "A", impressions: 1000, clicks: clicksA, spend: 10, adSales: 100 },
        { plan: "B", impressions: 1000, clicks: clicksB, spend: 10, adSales: 100 },
      ]);
    // A 60 / B 40: avg 50 → A 1.2× good, B 0.8× (not amber)
    const r = run([ctr(60, 40)]);
    expect(statusOf(r, "ad-plan-efficiency", { subject: "A" })).toBe("good");
    expect(findings(r, "ad-plan-efficiency", "B")).toHaveLength(0);
    const r2 = run([ctr(61, 39)]);
    expect(statusOf(r2, "ad-plan-efficiency", { subject: "B" })).toBe("warn");
  });
});

describe("visitor-value-vs-cost", () => {
  const shopRow = { visitors: 1000, sales: 2000, paidBuyers: 20 }; // visitor value ¥2
  it("compares visitor value with the peer: good at it, amber from 80%, red below", () => {
    const at = (peer: number) =>
      statusOf(run([shop(shopRow)], { peerVisitorValue: peer }), "visitor-value-vs-cost", { metric: "visitorValue" });
    expect(at(2)).toBe("good");
    expect(at(2.01)).toBe("warn");
    expect(at(2.5)).toBe("warn"); // exactly 80%
    expect(at(2.51)).toBe("bad");
  });
  it("says paid traffic loses money when value × margin is below the cost of a click", () => {
    const plans = (spend: number) =>
      table("ad-plans", [{ plan: "P", impressions: 10000, clicks: 100, spend, adSales: 1000 }]);
    // value × margin = 2 × 0.5 = ¥1 per visitor; CPC = spend ÷ 100
    expect(
      statusOf(run([shop(shopRow), plans(100)], { grossMargin: 0.5 }), "visitor-value-vs-cost", {
        metric: "visitorCost",
      }),
    ).toBe("good");
    const bad = one(run([shop(shopRow), plans(101)], { grossMargin: 0.5 }), "visitor-value-vs-cost", {
      metric: "visitorCost",
    });
    expect(bad.status).toBe("bad");
    expect(bad.impact).toBeCloseTo(1);
  });
});

describe("repurchase", () => {
  const days = (recentRepeat: number) =>
    shopDays(14, (i) => ({ visitors: 1000, paidBuyers: 100, repeatBuyers: i < 7 ? 20 : recentRepeat }));
  it("flags a 10% relative fall and not a smaller one", () => {
    expect(statusOf(run([days(18)]), "repurchase")).toBe("warn");
    expect(statusOf(run([days(18.01)]), "repurchase")).toBe("good");
  });
  it("asks for a returning-buyer column when there is none", () => {
    expect(statusOf(run([shop({ visitors: 10 })]), "repurchase")).toBe("info");
  });
});

describe("service-agent-conversion", () => {
  const agents = (paid: number) =>
    table("service-agents", [
      { agent: "Ann", consultations: 100, paidBuyers: 50 },
      { agent: "Bo", consultations: 100, paidBuyers: paid },
    ]);
  // team = (50 + b)/200; Bo/team = 2b/(50 + b)
  it("is good at the team average, amber from 80%, red below", () => {
    expect(statusOf(run([agents(50)]), "service-agent-conversion", { subject: "Bo" })).toBe("good");
    expect(statusOf(run([agents(49)]), "service-agent-conversion", { subject: "Bo" })).toBe("warn");
    expect(statusOf(run([agents(100 / 3)]), "service-agent-conversion", { subject: "Bo" })).toBe("warn"); // exactly 0.8
    expect(statusOf(run([agents(33)]), "service-agent-conversion", { subject: "Bo" })).toBe("bad");
  });
  it("uses the 询单转化率 column when there are no counts", () => {
    const r = run([
      table("service-agents", [
        { agent: "A", consultConversion: 0.5 },
        { agent: "B", consultConversion: 0.3 },
      ]),
    ]);
    expect(statusOf(r, "service-agent-conversion", { subject: "B" })).toBe("bad");
  });
});

describe("top-product-reviews", () => {
  const products = (bad: number | null) =>
    table("products", [
      { product: "Top", visitors: 900, badReviews: bad },
      { product: "Second", visitors: 800, badReviews: 0 },
    ]);
  it("is red for a top product with new bad reviews and good with none", () => {
    expect(statusOf(run([products(1)]), "top-product-reviews", { subject: "Top" })).toBe("bad");
    expect(statusOf(run([products(0)]), "top-product-reviews", { subject: "Top" })).toBe("good");
  });
  it("lists the five highest-traffic products to check when reviews are not in the data", () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ product: `P${i}`, visitors: 100 * (i + 1) }));
    const f = one(run([table("products", rows)]), "top-product-reviews");
    expect(f.status).toBe("info");
    expect(f.message).toContain("P6, P5, P4, P3, P2");
    expect(f.message).not.toContain("P1");
  });
});

describe("data-sanity", () => {
  it("turns recognition issues into findings named by sheet and cell", () => {
    const t = table("shop-daily", [{ date: day(0), visitors: 10 }], "店铺", {
      issues: [
        { sheet: "店铺", row: 5, column: 3, code: "not-a-number", message: "x", text: "abc" },
        { sheet: "店铺", row: 6, column: 3, code: "not-a-number", message: "x", text: "def" },
        { sheet: "店铺", row: 7, column: 2, code: "rate-mismatch", message: "x" },
      ],
    });
    const r = run([t]);
    const nan = findings(r, "data-sanity").find((f) => f.message.includes("C5"));
    expect(nan?.status).toBe("warn");
    expect(nan?.value).toBe(2);
    expect(nan?.message).toContain("C6");
    expect(findings(r, "data-sanity").find((f) => f.message.includes("B7"))?.status).toBe("bad");
  });
  it("finds buyers above visitors, negative numbers and a day pasted twice", () => {
    const t = table("shop-daily", [
      { date: day(0), visitors: 10, paidBuyers: 11 },
      { date: day(1), visitors: -5, paidBuyers: 1 },
      { date: day(1), visitors: 10, paidBuyers: 1 },
    ]);
    const r = run([t], { language: "en" });
    const msgs = findings(r, "data-sanity").map((f) => `${f.status} ${f.message}`);
    expect(msgs.some((m) => m.startsWith("bad") && m.includes("more buyers than visitors") && m.includes("C2"))).toBe(
      true,
    );
    expect(msgs.some((m) => m.startsWith("bad") && m.includes("negative") && m.includes("B3"))).toBe(true);
    expect(msgs.some((m) => m.startsWith("warn") && m.includes("has 1 repeated date (") && m.includes("A4"))).toBe(
      true,
    );
  });
  it("compares a totals row with the sum of the rows", () => {
    const t = table(
      "shop-daily",
      [
        { date: day(0), visitors: 10 },
        { date: day(1), visitors: 20 },
      ],
      "S",
      {
        totals: [{ row: 4, label: "合计", values: { visitors: 40 } }],
      },
    );
    const f = findings(run([t]), "data-sanity").find((x) => x.metric === "visitors");
    expect(f?.status).toBe("warn");
    expect(f?.value).toBe(40);
    expect(f?.benchmark).toBe(30);
    const ok = table(
      "shop-daily",
      [
        { date: day(0), visitors: 10 },
        { date: day(1), visitors: 20 },
      ],
      "S",
      {
        totals: [{ row: 4, label: "合计", values: { visitors: 30 } }],
      },
    );
    expect(statusOf(run([ok]), "data-sanity")).toBe("good");
  });
  it("checks a dated totals row (罗盘's 全部 carrier row each day) against that day's rows only", () => {
    // Day 0: 32,400 + 9,000 + 12,600 = 54,000 = its 全部 row. Day 1: 33,400 + 8,000 + 12,600 = 54,000,
    // but its 全部 row says 55,000: only day 1's row is off (by 1,000), never 54,000 against 108,000.
    const rows = [
      { date: day(0), carrier: "直播", sales: 32400 },
      { date: day(0), carrier: "短视频", sales: 9000 },
      { date: day(0), carrier: "商品卡", sales: 12600 },
      { date: day(1), carrier: "直播", sales: 33400 },
      { date: day(1), carrier: "短视频", sales: 8000 },
      { date: day(1), carrier: "商品卡", sales: 12600 },
    ];
    const totals = [
      { row: 2, label: "全部", values: { date: day(0), sales: 54000 } },
      { row: 6, label: "全部", values: { date: day(1), sales: 55000 } },
    ];
    const t = table("shop-daily", rows, "S", { totals });
    const off = findings(run([t]), "data-sanity").filter((x) => x.metric === "sales");
    expect(off.map((f) => [f.value, f.benchmark])).toEqual([[55000, 54000]]);
    // Two undated totals rows: which rows each covers is unknown, so neither is compared.
    const undated = table("shop-daily", rows, "S", {
      totals: totals.map((x) => ({ ...x, values: { sales: x.values.sales } })),
    });
    expect(findings(run([undated]), "data-sanity").filter((x) => x.metric === "sales")).toEqual([]);
  });
  it("lists sheets it could not recognise", () => {
    const unknown = table("unknown", [], "Notes", { reason: "No header found" });
    const f = one(run([unknown]), "data-sanity");
    expect(f.status).toBe("info");
    expect(f.message).toContain("Notes");
  });
});

describe("presale-conversion with deposit data", () => {
  it("judges a pre-sale item by its deposit buyers when there is no order column", () => {
    const tables = (depositBuyers: number) => [
      table("shop-daily", [{ date: day(0), visitors: 1000, paidBuyers: 30, sales: 3000 }]),
      table("products", [
        { product: "羽绒服（定金预售）", visitors: 1000, paidBuyers: 0, sales: 0, depositBuyers, presale: 1 },
      ]),
    ];
    expect(statusOf(run(tables(30), { peerPayConversion: 0.03 }), "presale-conversion")).toBe("good");
    expect(statusOf(run(tables(20), { peerPayConversion: 0.03 }), "presale-conversion")).toBe("warn");
  });
});

describe("subjects and days, as exports give them", () => {
  it("names a product by its title even when its ID column comes first", () => {
    const r = run([
      table("shop-daily", [{ date: day(0), visitors: 1000, paidBuyers: 30, sales: 3000 }]),
      table("products", [
        { productId: "683201457717", product: "复古水洗牛仔外套", visitors: 500, paidBuyers: 0, sales: 0 },
      ]),
    ]);
    expect(one(r, "zero-sales-products", { subject: "复古水洗牛仔外套" }).status).toBe("bad");
  });
  it("spreads a month-long source row over the month's days for money per day", () => {
    // One row covering 31 days: 31,000 visitors is 1,000 a day.
    const sources = table("traffic-sources", [
      { date: "2026-10-01", dateTo: "2026-10-31", source: "Weak", visitors: 31000, paidBuyers: 0, sales: 0 },
      { date: "2026-10-01", dateTo: "2026-10-31", source: "Strong", visitors: 31000, paidBuyers: 1240, sales: 124000 },
    ]);
    // average 2%: (0.02 − 0) × 1,000 visitors/day × ¥100
    expect(one(run([sources]), "traffic-source-mix", { subject: "Weak" }).impact).toBeCloseTo(2000);
  });
  it("says the month is over instead of asking for sales on days that do not exist", () => {
    const month = table(
      "shop-daily",
      Array.from({ length: 30 }, (_, i) => ({
        date: `2026-11-${String(i + 1).padStart(2, "0")}`,
        visitors: 100,
        sales: 800,
      })),
    );
    const f = one(run([month], { monthlyTarget: 30000, language: "en" }), "daily-target", { metric: "targetPace" });
    expect(f.status).toBe("bad");
    expect(f.message).toContain("month closed");
  });
});

describe("remaining boundaries", () => {
  it("product-conversion-trend: a rise of exactly 15% is an opportunity, 14.9% is not", () => {
    const trend = (after: number) =>
      table(
        "products",
        Array.from({ length: 14 }, (_, i) => ({
          date: day(i),
          product: "P",
          visitors: 1000,
          paidBuyers: i < 7 ? 100 : after,
          sales: 5000,
        })),
      );
    expect(statusOf(run([trend(115)]), "product-conversion-trend", { subject: "P" })).toBe("good");
    expect(findings(run([trend(114.9)]), "product-conversion-trend", "P")).toHaveLength(0);
  });
  it("traffic-source-mix: visitors down exactly 20% are flagged, 19.9% are not", () => {
    const sources = (recent: number) => {
      const rows: TableRow[] = [];
      for (let i = 0; i < 14; i++) {
        rows.push({ date: day(i), source: "S", visitors: i < 7 ? 1000 : recent, paidBuyers: 20, sales: 2000 });
        rows.push({ date: day(i), source: "T", visitors: 1000, paidBuyers: 20, sales: 2000 });
      }
      return table("traffic-sources", rows);
    };
    expect(one(run([sources(800)]), "traffic-source-mix", { subject: "S", metric: "visitorsPerDay" }).status).toBe(
      "warn",
    );
    expect(
      findings(run([sources(801)]), "traffic-source-mix", "S").filter((f) => f.metric === "visitorsPerDay"),
    ).toHaveLength(0);
  });
  it("visitor-value-vs-cost: gross profit per visitor equal to the click cost is good", () => {
    const r = run(
      [
        table("shop-daily", [{ date: day(0), visitors: 100, sales: 300, paidBuyers: 3 }]),
        table("ad-plans", [{ plan: "P", clicks: 10, spend: 15, impressions: 100, adSales: 60 }]),
      ],
      { grossMargin: 0.5 },
    );
    expect(one(r, "visitor-value-vs-cost", { metric: "visitorCost" }).status).toBe("good"); // 3 × 0.5 = 1.5 = 15 ÷ 10
  });
});

describe("top-product-reviews from the shop export", () => {
  it("flags low-score buyers on the last day of the shop data, not earlier days", () => {
    const days = (last: number) =>
      table("shop-daily", [
        { date: day(0), visitors: 10, badReviews: 3 },
        { date: day(1), visitors: 10, badReviews: last },
      ]);
    expect(statusOf(run([days(1)]), "top-product-reviews")).toBe("warn");
    expect(statusOf(run([days(0)]), "top-product-reviews")).toBe("good");
  });
});

describe("long lists", () => {
  it("lists the ten products that cost most and sums up the rest in one line", () => {
    const rows = Array.from({ length: 15 }, (_, i) => ({
      product: `P${String(i).padStart(2, "0")}`,
      visitors: 1000,
      paidBuyers: i + 1,
      sales: (i + 1) * 100,
    }));
    const r = run(
      [
        table("shop-daily", [{ date: day(0), visitors: 15000, paidBuyers: 120, sales: 12000 }]),
        table("products", rows),
      ],
      { peerPayConversion: 0.05, language: "en" },
    );
    const products = findings(r, "pay-conversion-vs-peer").filter((f) => f.subjectType === "product");
    expect(products).toHaveLength(11);
    // Lowest conversion costs most: P00 (0.1%) first, P09 last of the ten listed.
    expect(products.slice(0, 10).map((f) => f.subject)).toEqual(
      Array.from({ length: 10 }, (_, i) => `P${String(i).padStart(2, "0")}`),
    );
    const rest = products[10];
    expect(rest.status).toBe("info");
    expect(rest.subject).toBe("+5");
    // P10…P14 lose (0.05 − c) × 1000 × ¥100 each: 3,900 + 3,800 + 3,700 + 3,600 + 3,500
    expect(rest.message).toContain("¥18,500");
  });
});

describe("data-sanity wording", () => {
  it("has its own wording for every issue code recognition documents", async () => {
    const { RECOGNITION_ISSUE_CODES } = await import("../../src/engine/recognize");
    const { ISSUE_WORDING } = await import("../../src/engine/rules/sanity");
    // unknown-table is reported with the table's own reason instead.
    const missing = Object.keys(RECOGNITION_ISSUE_CODES).filter(
      (code) => code !== "unknown-table" && !ISSUE_WORDING[code as keyof typeof RECOGNITION_ISSUE_CODES],
    );
    expect(missing).toEqual([]);
  });
  it("uses recognition's level for its codes: notes are info, contradictions are red", () => {
    const t = table("shop-daily", [{ date: day(0), visitors: 10 }], "S", {
      issues: [
        { sheet: "S", row: 9, column: 1, code: "totals-row", message: "x" },
        { sheet: "S", row: 5, column: 2, code: "rate-mismatch", message: "x" },
      ],
    });
    const list = findings(run([t]), "data-sanity");
    expect(list.find((f) => f.message.includes("A9"))?.status).toBe("info");
    expect(list.find((f) => f.message.includes("B5"))?.status).toBe("bad");
  });
});
