/**
 * The health score is stated only when the judged findings cover sales or conversion plus at
 * least two other areas (data quality never counts); otherwise the report says "not enough to
 * score yet", why, and which exports would make a score possible.
 */
import { describe, expect, it } from "vitest";
import {
  coverageAllowsScore,
  diagnoseTables,
  gateScore,
  judgedByArea,
  layoutReport,
  suggestedExports,
  translate,
} from "../../src/engine";
import type { Area, Finding } from "../../src/engine";
import { loadFixture } from "../support/fixtures";

const f = (area: Area, status: Finding["status"]): Finding => ({
  rule: "bounce-rate",
  status,
  area,
  subject: "shop",
  subjectType: "shop",
  metric: "dataIssues",
  value: null,
  benchmark: null,
  format: "number",
  impact: null,
  impactBasis: null,
  message: "",
});

describe("score coverage", () => {
  it("needs sales or conversion plus two other areas; ℹ and data quality do not count", () => {
    const judged = (...areas: Area[]) => judgedByArea(areas.map((a) => f(a, "good")));
    expect(coverageAllowsScore(judged("conversion", "traffic", "products"))).toBe(true);
    expect(coverageAllowsScore(judged("sales", "conversion", "traffic"))).toBe(true);
    expect(coverageAllowsScore(judged("sales", "conversion"))).toBe(false);
    expect(coverageAllowsScore(judged("conversion", "traffic", "data"))).toBe(false);
    expect(coverageAllowsScore(judged("traffic", "products", "ads", "service"))).toBe(false);
    expect(coverageAllowsScore(judgedByArea([f("conversion", "bad"), f("traffic", "warn"), f("ads", "info")]))).toBe(
      false,
    );
  });

  it("counts judged findings per area, leaving ℹ out", () => {
    const j = judgedByArea([
      f("conversion", "bad"),
      f("conversion", "good"),
      f("conversion", "info"),
      f("data", "good"),
    ]);
    expect(j.conversion).toBe(2);
    expect(j.data).toBe(1);
    expect(j.sales).toBe(0);
  });

  it("suggests a shop-daily export first when neither sales nor conversion was judged", () => {
    expect(suggestedExports(judgedByArea([f("data", "good")]), [{ kind: "unknown" }])).toEqual([
      "shop-daily",
      "products",
      "traffic-sources",
    ]);
    // Conversion judged from a shop-daily table: suggest kinds not pasted yet that add areas.
    expect(
      suggestedExports(judgedByArea([f("sales", "warn"), f("conversion", "good")]), [{ kind: "shop-daily" }]),
    ).toEqual(["products", "traffic-sources", "ad-plans"]);
  });

  it("keeps a score when the coverage allows it", () => {
    const findings = [f("conversion", "bad"), f("traffic", "good"), f("products", "good")];
    expect(gateScore(67, findings, [], "en")).toMatchObject({ score: 67, reason: null });
    const gated = gateScore(100, [f("data", "good")], [{ kind: "products" }], "en");
    expect(gated.score).toBeNull();
    expect(gated.reason).toMatchObject({
      code: "nothing-judged",
      suggest: ["shop-daily", "traffic-sources", "ad-plans"],
    });
  });
});

describe("reports on real exports", () => {
  it("a Shopify sales export with only data quality judged has no score, not 100 状态良好", () => {
    const report = diagnoseTables([loadFixture("shopify-total-sales-over-time.csv", { mode: "text" })], {
      language: "zh-CN",
    });
    expect(report.findings.filter((x) => x.status !== "info").every((x) => x.area === "data")).toBe(true);
    expect(report.score).toBeNull();
    expect(report.scoreReason!.code).toBe("nothing-judged");
    expect(report.scoreReason!.message).toContain("店铺每日数据（含访客数、支付买家数、支付金额");
    const g = layoutReport(report);
    expect(g.values[1][1]).toBe("—");
    expect(g.values[1][2]).toBe(translate("zh-CN", "layout.notEnough"));
    expect(g.values[2]).toEqual(["为何未评分", report.scoreReason!.message, null, null, null, null, null, null]);
    expect(JSON.stringify(g.values)).not.toContain("状态良好");
  });

  it("an Amazon by-date report judging sales and conversion only says which exports would make a score", () => {
    const report = diagnoseTables([loadFixture("amazon-by-date-us.csv", { mode: "text" })], {
      language: "en",
      peerPayConversion: 0.03,
    });
    expect(report.judged).toMatchObject({ sales: 1, conversion: 1, traffic: 0, products: 0 });
    expect(report.score).toBeNull();
    expect(report.scoreReason).toMatchObject({
      code: "too-few-areas",
      areas: ["sales", "conversion"],
      suggest: ["products", "traffic-sources", "ad-plans"],
    });
    expect(report.scoreReason!.message).toMatch(
      /^The judged checks cover only sales, conversion\. .*Also paste a products export/,
    );
    const g = layoutReport(report);
    expect(g.values[1][2]).toBe("not enough to score yet");
  });

  it("the 2017 生意参谋 shop export covers enough areas and keeps its score; each area heading counts its judged checks", () => {
    const report = diagnoseTables([loadFixture("sycm-shop-daily-2017.csv", { mode: "text" })], {
      peerPayConversion: 0.03,
      grossMargin: 0.4,
      peerDsr: 4.8,
    });
    expect(report.score).toBe(12); // 39 under the old half-point ▲; its ▲-only areas now score 0
    expect(report.scoreReason).toBeNull();
    const g = layoutReport(report);
    const headings = g.values
      .map((row) => row[0])
      .filter((v): v is string => typeof v === "string" && v.includes(" · "));
    // Counted by hand from the report: sales ▲, traffic ▲▲, conversion ✖, reputation ▲▲✔✔, data ✔.
    expect(headings).toEqual([
      "销售 · 1 项已评估",
      "流量 · 2 项已评估",
      "转化 · 1 项已评估",
      "口碑 · 4 项已评估",
      "数据质量 · 1 项已评估",
    ]);
  });
});
