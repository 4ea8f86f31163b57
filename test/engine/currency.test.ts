/**
 * The one currency table: marks read from cells and headers, amounts formatted in their own
 * currency, and the report's choice of currency when tables disagree.
 */
import { describe, expect, it } from "vitest";
import { diagnoseTables, layoutReport } from "../../src/engine";
import { amountNumberFormat, currencyOfCell, currencyOfHeader, formatAmount } from "../../src/engine/currency";
import { decideCurrency } from "../../src/engine/diagnose";
import { recognizeTables } from "../../src/engine/recognize";
import { loadFixture } from "../support/fixtures";
import { renderSummary } from "../../src/local/cli/summary";

describe("currency marks", () => {
  it("reads the mark at either end of a cell, longest mark first", () => {
    expect(currencyOfCell("₹1,08,218.36")).toBe("INR");
    expect(currencyOfCell("Rs 1,250")).toBe("INR");
    expect(currencyOfCell("NT$1,200")).toBe("TWD");
    expect(currencyOfCell("HK$88.00")).toBe("HKD");
    expect(currencyOfCell("MX$429.50")).toBe("MXN");
    expect(currencyOfCell("R$ 1.234,56")).toBe("BRL");
    expect(currencyOfCell("$12.00")).toBe("USD");
    expect(currencyOfCell("-$12.00")).toBe("USD");
    expect(currencyOfCell("1.234,56 €")).toBe("EUR");
    expect(currencyOfCell("120.000₫")).toBe("VND");
    expect(currencyOfCell("Rp 15.000")).toBe("IDR");
    expect(currencyOfCell("RM12.50")).toBe("MYR");
    expect(currencyOfCell("฿350")).toBe("THB");
    expect(currencyOfCell("₱1,000")).toBe("PHP");
    expect(currencyOfCell("S$45")).toBe("SGD");
    expect(currencyOfCell("1,200円")).toBe("JPY");
    expect(currencyOfCell("₩12,000")).toBe("KRW");
    expect(currencyOfCell("￥1,234.00")).toBe("CNY");
    expect(currencyOfCell("1234元")).toBe("CNY");
    expect(currencyOfCell("12.50 GBP")).toBe("GBP");
    expect(currencyOfCell("1,234")).toBeNull();
    // letters of a word are not a mark
    expect(currencyOfCell("RMX 12")).toBeNull();
  });

  it("reads the currency a header names, but not a letter inside a word", () => {
    expect(currencyOfHeader("Sales (VND)")).toBe("VND");
    expect(currencyOfHeader("Ingresos por productos (MXN)")).toBe("MXN");
    expect(currencyOfHeader("销售额(元)")).toBe("CNY");
    expect(currencyOfHeader("支付金额（元）")).toBe("CNY");
    expect(currencyOfHeader("Umsatz (€)")).toBe("EUR");
    expect(currencyOfHeader("Price ($)")).toBe("USD");
    expect(currencyOfHeader("Total sales")).toBeNull();
    expect(currencyOfHeader("元素数量")).toBeNull();
    expect(currencyOfHeader("Doanh số (Đơn đã đặt)")).toBeNull();
    expect(currencyOfHeader("PRODUCTS")).toBeNull();
  });
});

describe("formatting amounts in their own currency", () => {
  it("uses each currency's symbol, placement, decimals and grouping", () => {
    expect(formatAmount(1076626.01, "INR")).toBe("₹10,76,626");
    expect(formatAmount(47.15726, "INR")).toBe("₹47.16");
    expect(formatAmount(123456789, "INR")).toBe("₹12,34,56,789");
    expect(formatAmount(1076626.01, "USD")).toBe("$1,076,626");
    expect(formatAmount(12000, "VND")).toBe("12,000₫");
    expect(formatAmount(47.6, "JPY")).toBe("48円");
    expect(formatAmount(12.5, "KRW")).toBe("₩13");
    expect(formatAmount(12.5, "CNY")).toBe("¥12.50");
    expect(formatAmount(-1234.5, "GBP")).toBe("-£1,235");
    expect(formatAmount(Number.NaN, "EUR")).toBe("—");
  });

  it("gives Sheets a number format with the symbol on the right side and the right decimals", () => {
    expect(amountNumberFormat("INR")).toBe('"₹"#,##0.00');
    expect(amountNumberFormat("VND")).toBe('#,##0"₫"');
    expect(amountNumberFormat("JPY")).toBe('#,##0"円"');
    expect(amountNumberFormat("TWD")).toBe('"NT$"#,##0.00');
  });
});

describe("the Amazon India export is reported in rupees", () => {
  // Σ Ordered Product Sales = 9,226,365.06 over 9 days; Σ Sessions - Total = 195,651;
  // visitor value = 9,226,365.06 ÷ 195,651 = 47.157…; the last day (2026-04-09) sold 7,92,980.93.
  const sheet = loadFixture("amazon-by-date-india.csv", { mode: "text" });
  const report = diagnoseTables([sheet], {
    peerPayConversion: 0.03,
    peerVisitorValue: 60,
    monthlyTarget: 30_000_000,
    language: "en",
  });

  it("has INR as its currency and ₹ in every amount, never $", () => {
    expect(report.currency).toBe("INR");
    const value = report.findings.find((f) => f.rule === "visitor-value-vs-cost");
    expect(value?.value).toBeCloseTo(47.15726, 5);
    expect(value?.message).toContain("₹47.16");
    const target = report.findings.find((f) => f.rule === "daily-target");
    expect(target?.message).toContain("₹7,92,981");
    for (const f of report.findings) expect(f.message).not.toMatch(/\$/);
    const grid = layoutReport(report);
    const formats = grid.numberFormats.flat().filter((f) => f.includes('"'));
    expect(formats.length).toBeGreaterThan(0);
    // Plain amounts, and impact amounts with the words of their basis around the ₹ amount.
    for (const f of formats) expect(f).toMatch(/^"₹"#,##0\.00("\/day"|" total")?$/);
    expect(formats).toContain('"₹"#,##0.00');
  });

  it("shows ₹ in the CLI summary", () => {
    const withAction = {
      ...report,
      actions: [
        {
          rule: report.findings[0].rule,
          subject: "shop",
          subjectType: "shop" as const,
          impact: 1234567,
          impactBasis: "day" as const,
          message: "Do it",
        },
      ],
    };
    const text = renderSummary(withAction, { color: false });
    expect(text).toContain("₹12,34,567");
    expect(text).not.toMatch(/\$/);
  });
});

describe("tables in different currencies are never added up", () => {
  const day = (i: number) => `2026-05-${String(i + 1).padStart(2, "0")}`;
  const uk = {
    name: "UK",
    values: [["Date", "Sessions", "Orders", "Total sales"], ...[0, 1, 2].map((i) => [day(i), 1000, 20, "£2,000.00"])],
  };
  const us = {
    name: "US",
    values: [["Date", "Sessions", "Orders", "Total sales"], ...[0, 1].map((i) => [day(i), 500, 10, "$900.00"])],
  };
  const plain = {
    name: "Products",
    values: [
      ["Product", "Sessions", "Orders", "Total sales"],
      ["Coat", 600, 12, 1200],
      ["Hat", 400, 8, 800],
    ],
  };

  it("diagnoses the largest currency group, inherits it for tables without marks, and names the left-out table", () => {
    const report = diagnoseTables([uk, us, plain], { language: "en" });
    expect(report.currency).toBe("GBP");
    expect(report.tables.map((t) => t.sheet)).toEqual(["UK", "Products"]);
    const left = report.findings.find((f) => f.message.includes("another currency"));
    expect(left?.status).toBe("warn");
    expect(left?.message).toContain("「US」(USD)");
    // 3 UK days of 1000 sessions and £2,000: the US days are not added
    expect(report.period).toEqual({ from: "2026-05-01", to: "2026-05-03", days: 3 });
  });

  it("follows the currency setting when the team picks one", () => {
    const report = diagnoseTables([uk, us, plain], { language: "en", currency: "USD" });
    expect(report.currency).toBe("USD");
    expect(report.tables.map((t) => t.sheet)).toEqual(["US", "Products"]);
    expect(report.period).toEqual({ from: "2026-05-01", to: "2026-05-02", days: 2 });
  });

  it("says once that the currency was assumed when no table names one", () => {
    const report = diagnoseTables([plain], { language: "en" });
    expect(report.currency).toBe("USD");
    const assumed = report.findings.filter((f) => f.message.includes("does not say which currency"));
    expect(assumed).toHaveLength(1);
    expect(assumed[0].message).toContain("$ USD");
  });

  it("English headers do not mean dollars when another table says pounds", () => {
    const tables = recognizeTables([plain, uk]);
    expect(decideCurrency(tables, [plain, uk])).toMatchObject({ code: "GBP", assumed: false, excluded: [] });
  });

  it("rejects a currency setting it cannot format", () => {
    expect(() => diagnoseTables([plain], { currency: "XYZ" })).toThrow(/currency/);
  });
});
