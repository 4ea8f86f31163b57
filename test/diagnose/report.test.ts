/**
 * The report as a whole: today's actions, the score, settings validation, languages,
 * currency and period from the data, and the message catalogue's completeness.
 */
import { describe, expect, it } from "vitest";
import { AREA_WEIGHTS, diagnoseTables, InvalidSettingsError, messages, scoreFindings } from "../../src/engine";
import type { Finding } from "../../src/engine";
import { catalogues } from "../../src/engine/i18n";
import { report as reportMessages } from "../../src/engine/i18n/zh-CN";
import { day, run, shopDays, table } from "./helpers";

/** A shop with several money problems of different sizes. */
function sickShop() {
  return [
    shopDays(14, (i) => ({
      visitors: 1000,
      paidBuyers: 20,
      sales: i < 7 ? 2000 : 1500,
      bounceRate: 0.75,
      pagesPerVisitor: 2,
    })),
    table("products", [
      { product: "Dead", visitors: 3000, paidBuyers: 0, sales: 0 },
      { product: "Slow", visitors: 2000, paidBuyers: 10, sales: 1000 },
      { product: "Fine", visitors: 2000, paidBuyers: 80, sales: 8000 },
    ]),
  ];
}

describe("today's actions", () => {
  it("are the three bad/warn findings with the largest impact, largest first, worded as to-dos", () => {
    const r = run(sickShop(), { peerPayConversion: 0.03 });
    const money = r.findings.filter(
      (f) => (f.status === "bad" || f.status === "warn") && f.impact !== null && f.impact > 0,
    );
    // The undated products table knows no days of its own: its amounts are whole-export amounts,
    // ranked after the shop's per-day ones (never weighed against a day's amount as if alike).
    // (The hero's money is the dated shop's AOV gap × its buyers per day: per day.)
    const fromProducts = money.filter((f) => f.subjectType === "product" && f.rule !== "aov-vs-hero");
    expect(fromProducts.length).toBeGreaterThan(0);
    expect(fromProducts.map((f) => f.impactBasis)).toEqual(fromProducts.map(() => "export"));
    const perDay = money.filter((f) => f.impactBasis === "day").map((f) => f.impact!);
    const whole = money.filter((f) => f.impactBasis === "export").map((f) => f.impact!);
    const candidates = [...perDay.sort((a, b) => b - a), ...whole.sort((a, b) => b - a)];
    expect(candidates.length).toBeGreaterThan(3);
    expect(r.actions.map((a) => a.impact)).toEqual(candidates.slice(0, 3));
    for (const a of r.actions) {
      const finding = r.findings.find((f) => f.rule === a.rule && f.subject === a.subject && f.impact === a.impact)!;
      expect(a.message).not.toBe(finding.message);
      expect(a.message.length).toBeGreaterThan(10);
    }
  });
  it("never include good or info findings, and are empty for a healthy shop", () => {
    const healthy = shopDays(14, () => ({
      visitors: 1000,
      paidBuyers: 40,
      sales: 4000,
      bounceRate: 0.4,
      pagesPerVisitor: 4,
    }));
    const r = run([healthy], { peerPayConversion: 0.03 });
    expect(r.actions).toEqual([]);
    expect(r.counts.bad + r.counts.warn).toBe(0);
  });
});

describe("score", () => {
  const f = (area: Finding["area"], status: Finding["status"]): Finding => ({
    rule: "bounce-rate",
    status,
    area,
    subject: "shop",
    subjectType: "shop",
    metric: "bounceRate",
    value: null,
    benchmark: null,
    format: "number",
    impact: null,
    impactBasis: null,
    message: "",
  });
  it("is the weighted mean of each area's passes ÷ (passes + problems), ignoring info", () => {
    const findings = [
      f("sales", "bad"),
      f("sales", "good"),
      f("conversion", "good"),
      f("traffic", "warn"),
      f("traffic", "good"),
      f("data", "info"),
    ];
    // sales 1 ÷ (1 + 1) = 0.5; conversion 1; traffic 1 ÷ (1 + 0.5) = 2/3:
    // (3 × 0.5 + 3 × 1 + 2 × 2/3) ÷ 8 × 100 = 72.9 → 73, the worked example in docs/SCORING.md.
    expect(scoreFindings(findings)).toBe(73);
    expect(AREA_WEIGHTS.sales + AREA_WEIGHTS.conversion + AREA_WEIGHTS.traffic).toBe(8);
  });
  it("never rises when a warning joins a weak area (the kuaishou-goods 77 → 80 bug)", () => {
    // Reputation 2 ✖: 0. Adding 2 ▲ under the old mean made it (0 + 0 + 0.5 + 0.5) ÷ 4 = 0.25.
    const base = [f("sales", "good"), f("reputation", "bad"), f("reputation", "bad")];
    const more = [...base, f("reputation", "warn"), f("reputation", "warn")];
    // base: (3 × 1 + 1 × 0) ÷ 4 = 75; more: the same (reputation still has no pass).
    expect(scoreFindings(base)).toBe(75);
    expect(scoreFindings(more)).toBe(75);
    // A new area holding only a ▲ scores 0 and so cannot lift a low total: (3 × 0 + 1.5 × 0) ÷ 4.5.
    expect(scoreFindings([f("sales", "bad"), f("aov", "warn")])).toBe(0);
  });
  it("is null with nothing judged, and the report says so and what to paste", () => {
    expect(scoreFindings([f("data", "info")])).toBeNull();
    const r = diagnoseTables([]);
    expect(r.score).toBeNull();
    expect(r.scoreReason?.code).toBe("nothing-judged");
    expect(r.scoreReason?.suggest[0]).toBe("shop-daily");
    expect(r.counts.good + r.counts.warn + r.counts.bad).toBe(0);
    expect(r.findings.some((x) => x.rule === "data-sanity" && x.status === "info")).toBe(true);
  });
  it("drops when a problem appears", () => {
    const good = run([shopDays(1, () => ({ visitors: 100, bounceRate: 0.5 }))]);
    const bad = run([shopDays(1, () => ({ visitors: 100, bounceRate: 0.8 }))]);
    // One area only: the report states no score, but the computed one still drops.
    expect([good.score, bad.score]).toEqual([null, null]);
    expect(scoreFindings(bad.findings)!).toBeLessThan(scoreFindings(good.findings)!);
  });
});

describe("settings", () => {
  it("rejects invalid settings with a message naming the field", () => {
    expect(() => diagnoseTables([], { bounceGood: 1.5 })).toThrow(InvalidSettingsError);
    expect(() => diagnoseTables([], { bounceGood: 1.5 })).toThrow(/bounceGood/);
    expect(() => diagnoseTables([], { peerPayConversoin: 0.03 })).toThrow(/settings/i);
    try {
      diagnoseTables([], { depthGood: 2, depthBad: 3 });
      expect.unreachable();
    } catch (e) {
      expect((e as InvalidSettingsError).errors.map((x) => x.field)).toContain("depthGood");
    }
  });
  it("fills defaults for a partial object", () => {
    expect(diagnoseTables([], { language: "en" }).language).toBe("en");
  });
});

describe("languages", () => {
  const tables = () => [shopDays(1, () => ({ visitors: 1000, paidBuyers: 20, sales: 2000, bounceRate: 0.75 }))];
  it("words findings in the report language", () => {
    const cn = run(tables(), { language: "zh-CN" }).findings.find((f) => f.rule === "bounce-rate")!.message;
    const tw = run(tables(), { language: "zh-TW" }).findings.find((f) => f.rule === "bounce-rate")!.message;
    const en = run(tables(), { language: "en" }).findings.find((f) => f.rule === "bounce-rate")!.message;
    expect(cn).toContain("跳失率");
    expect(tw).toContain("詳情頁");
    expect(tw).not.toContain("详情页");
    expect(en).toMatch(/Bounce rate 75\.00% is above 70\.00%/);
  });
  it("has every report string in all three languages with the same placeholders", () => {
    const placeholders = (s: string) =>
      [...new Set([...s.matchAll(/(?<!(?:one|other) ?)\{(\w+)(?:\}|\s*,\s*plural\s*,)/g)].map((m) => m[1]))]
        .sort()
        .join(",");
    for (const key of Object.keys(reportMessages) as (keyof typeof reportMessages)[]) {
      for (const lang of ["zh-CN", "zh-TW", "en"] as const) {
        expect(catalogues[lang][key].trim(), `${key} ${lang}`).not.toBe("");
        expect(placeholders(catalogues[lang][key]), `${key} ${lang}`).toBe(placeholders(catalogues.en[key]));
      }
      expect(messages).toHaveProperty(key);
    }
  });
  it("leaves no placeholder unfilled in any finding or action", () => {
    for (const language of ["zh-CN", "zh-TW", "en"] as const) {
      const r = run(sickShop(), {
        language,
        peerPayConversion: 0.03,
        monthlyTarget: 60000,
        grossMargin: 0.4,
        peerDsr: 4.8,
        peerVisitorValue: 3,
      });
      for (const text of [...r.findings.map((f) => f.message), ...r.actions.map((a) => a.message)]) {
        expect(text).not.toMatch(/\{\w+\}/);
        expect(text).not.toContain("undefined");
        expect(text).not.toContain("NaN");
      }
    }
  });
});

describe("from pasted sheets", () => {
  it("reads the period and currency from the data", () => {
    const cn = diagnoseTables([
      {
        name: "店铺",
        values: [
          ["统计日期", "访客数", "支付金额", "支付买家数"],
          [day(0), 1000, "¥2,000.00", 20],
          [day(2), 900, "¥1,800.00", 18],
        ],
      },
    ]);
    expect(cn.period).toEqual({ from: "2026-05-01", to: "2026-05-03", days: 3 });
    expect(cn.currency).toBe("CNY");
    const shopify = diagnoseTables([
      {
        name: "Sales",
        values: [
          ["Day", "Sessions", "Orders", "Total sales"],
          ["2026-05-01", 1000, 20, 2000],
          ["2026-05-02", 900, 18, 1800],
        ],
      },
    ]);
    expect(shopify.currency).toBe("USD");
    expect(shopify.tables[0]).toMatchObject({ sheet: "Sales", kind: "shop-daily", rows: 2 });
  });
  it("is plain JSON", () => {
    const r = run(sickShop(), { peerPayConversion: 0.03 });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  it("is the same report for the same data", () => {
    expect(run(sickShop(), { peerPayConversion: 0.03 })).toEqual(run(sickShop(), { peerPayConversion: 0.03 }));
  });
});
