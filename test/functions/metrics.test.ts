import { describe, expect, it } from "vitest";
import * as metrics from "../../src/engine/metrics";

describe("metric formulas shared by functions and rules", () => {
  it("return null, never Infinity or NaN, when the denominator is 0", () => {
    const ratios = [
      metrics.payConversion,
      metrics.browseConversion,
      metrics.orderConversion,
      metrics.paymentRate,
      metrics.visitorValue,
      metrics.aov,
      metrics.bounceRate,
      metrics.pagesPerVisitor,
      metrics.avgStay,
      metrics.ctr,
      metrics.cpc,
      metrics.roi,
      metrics.visitorCost,
      metrics.cac,
      metrics.repurchaseRate,
    ];
    for (const f of ratios) {
      expect(f(5, 0), f.name).toBeNull();
      expect(f(0, 0), f.name).toBeNull();
      expect(f(5, 10), f.name).toBe(0.5);
    }
    expect(metrics.profitMargin(0, 10)).toBeNull();
    expect(metrics.targetPace(100, 0, 10, 30)).toBeNull();
    expect(metrics.breakEvenRoi(0)).toBeNull();
  });

  it("compute the identity and the composite metrics", () => {
    expect(metrics.sales(1000, 0.035, 238)).toBeCloseTo(8330, 9);
    expect(metrics.profitMargin(200, 150)).toBe(0.25);
    expect(metrics.profitMargin(100, 130)).toBeCloseTo(-0.3, 12);
    expect(metrics.dsr(4.8, 4.7, 4.9)).toBeCloseTo(4.8, 12);
    expect(metrics.targetPace(90000, 300000, 10, 30)).toBeCloseTo(0.9, 12);
    expect(metrics.breakEvenRoi(0.25)).toBe(4);
  });

  it("averages daily bounce rates over days that had visitors", () => {
    expect(
      metrics.multiDayBounceRate([
        { bounced: 600, visitors: 1000 },
        { bounced: 0, visitors: 0 },
        { bounced: 90, visitors: 100 },
      ]),
    ).toBeCloseTo(0.75, 12);
    expect(metrics.multiDayBounceRate([{ bounced: 0, visitors: 0 }])).toBeNull();
    expect(metrics.multiDayBounceRate([])).toBeNull();
  });
});
