/**
 * ad-plan-efficiency worded as ACoS against break-even ACoS where the export gives ACOS
 * (Shopee Ads, Amazon Sponsored Products); figures worked by hand in the comments.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnoseTables } from "../../src/engine";
import { readExportFile } from "../../src/readers/delimited";
import { FIXTURE_DIR } from "../support/fixtures";
import { findings, one, run, table } from "./helpers";

const ads = readExportFile(join(FIXTURE_DIR, "global", "shopee-sg-ads.csv"));

describe("ACoS against break-even ACoS", () => {
  it("Shopee SG ads at a 50 % margin: the scarf's ACoS 80 % is above break-even ACoS 50 %", () => {
    const report = diagnoseTables([ads], { language: "en", grossMargin: 0.5 });
    const scarf = one(report, "ad-plan-efficiency", { subject: "Merino scarf - discovery" });
    // Expense S$96.00 ÷ GMV S$120.00 = 80 % ACoS; break-even ACoS = margin = 50 %
    expect(scarf.metric).toBe("acos");
    expect(scarf.value).toBeCloseTo(0.8, 9);
    expect(scarf.benchmark).toBe(0.5);
    // lost: 96 − 120 × 0.5 = S$36.00 in this export (no dates)
    expect(scarf.impact).toBeCloseTo(36, 9);
    expect(scarf.message).toContain("ACoS 80.00%");
    expect(scarf.message).toContain("50.00%");
    expect(scarf.message).toContain("S$36.00");
  });
  it("an ad with spend and no GMV keeps the ROI wording (ACoS has no value without ad sales)", () => {
    const report = diagnoseTables([ads], { language: "en", grossMargin: 0.5 });
    const paused = one(report, "ad-plan-efficiency", { subject: "Winter bundle - search" });
    expect(paused.metric).toBe("roi");
    expect(paused.message).not.toContain("ACoS");
  });
  it("without a margin the line is 100 % ACoS (ad sales below spend)", () => {
    const t = table("ad-plans", [{ plan: "P", spend: 150, adSales: 120, acos: 1.25, clicks: 10, impressions: 100 }]);
    const f = one(run([t], { language: "en" }), "ad-plan-efficiency", { subject: "P" });
    // 150 ÷ 120 = 125 % ACoS, above 100 %; lost 150 − 120 = ¥30
    expect(f.value).toBeCloseTo(1.25, 9);
    expect(f.benchmark).toBe(1);
    expect(f.impact).toBeCloseTo(30, 9);
    expect(f.message).toContain("125.00%");
  });
  it("after refunds and fees: break-even ACoS = margin × (1 − refunds) × (1 − fees)", () => {
    const t = table("ad-plans", [{ plan: "P", spend: 40, adSales: 100, acos: 0.4, clicks: 10, impressions: 100 }]);
    const settings = { language: "en", grossMargin: 0.5, platformFeeRate: 0.2, defaultRefundRate: 0.2 } as const;
    const f = one(run([t], settings), "ad-plan-efficiency", { subject: "P" });
    // ACoS 40 ÷ 100 = 40 %: inside 50 % (margin) but above 0.5 × (1 − 0.2) × (1 − 0.2) = 32 %
    expect(f.metric).toBe("acos");
    expect(f.value).toBeCloseTo(0.4, 9);
    expect(f.benchmark).toBeCloseTo(0.32, 9);
    // profit lost: 40 − 100 × 0.32 = ¥8 in this export
    expect(f.impact).toBeCloseTo(8, 9);
    expect(f.message).toContain("40.00%");
    expect(f.message).toContain("50.00%");
    expect(f.message).toContain("32.00%");
  });
  it("an ad export without an ACOS column keeps the ROI wording", () => {
    const t = table("ad-plans", [{ plan: "P", spend: 150, adSales: 120, clicks: 10, impressions: 100 }]);
    const f = findings(run([t], { language: "en", grossMargin: 0.5 }), "ad-plan-efficiency", "P")[0];
    expect(f.metric).toBe("roi");
    expect(f.message).toContain("ROI 0.80");
  });
});
