/**
 * Issue 13, "one diagnosis per platform asserting a hand-worked figure in the right currency", for
 * the platforms test/diagnose/global-platforms.test.ts does not cover with a figure: Amazon's
 * Business Reports in English, German, Spanish and Italian, TikTok Shop's product analytics and
 * WooCommerce's revenue report. Each file is read by the CLI's own reader (src/readers), so a
 * decimal-comma export's `1.520` sessions reach the engine as the export wrote them.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnoseTables, type SheetInput } from "../../src/engine";
import { readExportFile } from "../../src/readers/delimited";
import { FIXTURE_DIR } from "../support/fixtures";

function read(name: string): SheetInput {
  const { name: sheet, values, rowLengths } = readExportFile(join(FIXTURE_DIR, name));
  return { name: sheet, values, rowLengths };
}

function diagnose(name: string, settings: Record<string, unknown> = {}) {
  const report = diagnoseTables([read(name)], { language: "en", ...settings });
  const rule = (id: string) => report.findings.filter((f) => f.rule === id);
  return { report, rule };
}

describe("one hand-worked figure per platform, in the export's currency", () => {
  it("Amazon US Business Report by date: what moved sales, in $", () => {
    const { report, rule } = diagnose("amazon-by-date-us.csv");
    expect(report.currency).toBe("USD");
    // Ordered Product Sales, 8–14 Jul: 3,772.62 + 3,939.74 + 4,577.93 + 3,783.15 + 6,286.18 + 4,251.59 + 4,380.16
    // = 30,991.37 → $4,427.34 a day; 1–7 Jul: 4,244.15 + 5,979.99 + 4,646.11 + 3,837.33 + 4,706.94 + 4,719.28
    // + 5,894.10 = 34,027.90 → $4,861.13 a day; −8.92 %.
    const drop = rule("sales-change-drivers")[0];
    expect(drop.value).toBeCloseTo(30991.37 / 7, 6);
    expect(drop.benchmark).toBeCloseTo(34027.9 / 7, 6);
    expect(drop.message).toContain("Sales per day fell 8.92%, from $4,861 to $4,427");
  });

  it("Amazon.de by date: 1.520 sessions are 1,520, and the visitor value is in euros", () => {
    const { report, rule } = diagnose("amazon-de-by-date.csv");
    expect(report.currency).toBe("EUR");
    // Sitzungen – Summe 1.520 + 1.388 + 2.004 + 1.733 + 1.407 = 8,052 sessions;
    // Umsatz 1.234,56 + 987,40 + 2.015,00 + 1.498,75 + 1.102,10 = 6,837.81 € → €0.85 a session.
    expect(report.core?.visitors).toBe(8052);
    const value = rule("visitor-value-vs-cost")[0];
    expect(value.value).toBeCloseTo(6837.81 / 8052, 9);
    expect(value.message).toContain("€0.85");
  });

  it("Amazon.es by child item: the order value against the top seller's, in euros", () => {
    const { report, rule } = diagnose("global/amazon-es-child-items.csv");
    expect(report.currency).toBe("EUR");
    // Ventas 900,00 € + 350,00 € = 1,250 € over Total de productos pedidos 29 + 10 = 39 → €32.05; the top seller
    // Guantes calefactables 900 ÷ 29 = €31.03, × 1.3 = €40.34; (40.34 − 32.05) × 39 orders = €323.45 in this export.
    const aov = rule("aov-vs-hero")[0];
    expect(aov.subject).toBe("Guantes calefactables");
    // (impacts are kept to the cent)
    expect(aov.impact).toBeCloseTo((1.3 * 900 * 39) / 29 - 1250, 2);
    expect(aov.message).toContain("Shop order value €32.05 is only 1.03× the hero");
    expect(aov.message).toContain("adds €323 in this export");
    // Sesiones 1.000 + 500 = 1,500: 1,250 € ÷ 1,500 = €0.83 a session (not 1,250 ÷ 501)
    expect(rule("visitor-value-vs-cost")[0].value).toBeCloseTo(1250 / 1500, 9);
  });

  it("Amazon.it by child item: the order value against the top seller's, in euros", () => {
    const { report, rule } = diagnose("global/amazon-it-child-items.csv");
    expect(report.currency).toBe("EUR");
    // Vendite 1.500,00 € + 525,00 € = 2,025 € over Totale articoli ordinati 48 + 15 = 63 → €32.14; Guanti riscaldati
    // 1,500 ÷ 48 = €31.25, × 1.3 = €40.625; 40.625 × 63 − 2,025 = €534.38 in this export.
    const aov = rule("aov-vs-hero")[0];
    expect(aov.subject).toBe("Guanti riscaldati");
    expect(aov.impact).toBeCloseTo(40.625 * 63 - 2025, 2);
    expect(aov.message).toContain("adds €534 in this export");
    // Amazon's Unit Session Percentage: Unità ordinate 50 + 15 = 65 over Sessioni 2.000 + 1.000 = 3,000 → 2.17 %
    // (the order value above stays per order: 63 Totale articoli ordinati).
    expect(rule("pay-conversion-vs-peer")[0].value).toBeCloseTo(65 / 3000, 9);
  });

  it("TikTok Shop product analytics: refunds over the team's line, in $", () => {
    const { report, rule } = diagnose("global/tiktok-shop-product-analytics.csv", { defaultRefundRate: 0.02 });
    expect(report.currency).toBe("USD");
    // All::Refunds $180 + $36 + $0 = $216 over All::GMV $4,320 + $1,188 + $375 = $5,883 → 3.67 %; at the 2 % line
    // $117.66 would be refunded, so $216 − $117.66 = $98.34 more (the Affiliate GMV is not added).
    const refunds = rule("refund-rate")[0];
    expect(refunds.status).toBe("bad");
    expect(refunds.value).toBeCloseTo(216 / 5883, 9);
    expect(refunds.impact).toBeCloseTo(216 - 0.02 * 5883, 6);
    expect(refunds.message).toContain("$98.34 more refunded");
  });

  it("WooCommerce revenue: a day short of the monthly target's share, in $", () => {
    const { report, rule } = diagnose("global/woocommerce-revenue.csv", { monthlyTarget: 36000, currency: "USD" });
    expect(report.currency).toBe("USD");
    // 36,000 over November's 30 days = $1,200 a day; Total sales on 3 Nov $1,032.00 → $168 short.
    const day = rule("daily-target").find((f) => f.status === "warn")!;
    expect(day.value).toBe(1032);
    expect(day.impact).toBeCloseTo(168, 9);
    expect(day.message).toContain("were $1,032, short of the day's share $1,200 by $168");
    // month to date 858.00 + 619.20 + 1,032.00 = $2,509.20 of $3,600 due (69.70 %); (36,000 − 2,509.20) ÷ 27 days
    const pace = rule("daily-target").find((f) => f.status === "bad")!;
    expect(pace.value).toBeCloseTo(2509.2 / 3600, 9);
    expect(pace.message).toContain("needs $1,240 a day");
  });
});
