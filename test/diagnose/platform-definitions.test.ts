/**
 * Platform definitions (issue 11.6): the bounce-rate and visit-depth lines are 生意参谋's. An
 * Amazon report's "page views per session" or a Shopee product page's views per visitor is
 * another measure: it is stated (ℹ) with its platform, never judged against 2.5 / 3.5 pages.
 */
import { describe, expect, it } from "vitest";
import { diagnoseTables } from "../../src/engine";
import { loadFixture } from "../support/fixtures";

function depth(name: string, language: "zh-CN" | "en" = "en") {
  const report = diagnoseTables([loadFixture(name)], { language });
  return report.findings.filter((f) => f.rule === "visit-depth");
}

describe("platform definitions", () => {
  it("states Amazon's page views per session without judging them against 生意参谋's visit-depth lines", () => {
    // The report that once said "✖ 人均浏览只有 1.40 页，低于 2.5".
    const [f] = depth("amazon-child-items-endash.csv");
    expect(f.value).toBeCloseTo(1.4, 2);
    expect(f.status).toBe("info");
    expect(f.message).toContain("Amazon");
    expect(f.message).toContain("do not apply");
  });

  it("does the same for a Shopee product export (the depth it once marked ✖ at 1.46 pages)", () => {
    const [f] = depth("shopee-vn-product-performance.csv", "zh-CN");
    expect(f.status).toBe("info");
    // (7,230 + 1,876 + 861 + 204) = 10,171 page views ÷ (4,820 + 1,340 + 615 + 170) = 6,945 visitors.
    expect(f.value).toBeCloseTo(10_171 / 6_945, 2);
    expect(f.message).toContain("Shopee");
  });

  it("still judges a 生意参谋 shop export against the lines", () => {
    const judged = depth("sycm-shop-daily-2017.csv").concat(
      diagnoseTables([loadFixture("sycm-shop-daily-2017.csv")]).findings.filter((f) => f.rule === "bounce-rate"),
    );
    expect(judged.length).toBeGreaterThan(0);
    for (const f of judged) expect(f.status).not.toBe("info");
  });
});
