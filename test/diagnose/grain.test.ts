/**
 * Grain (issue 11.1): traffic that repeats on every SKU / variation row of its product is
 * counted once per product; units, sales and buyers are summed per row. Figures worked by
 * hand from the fixtures (see the sums in each test).
 */
import { describe, expect, it } from "vitest";
import { diagnoseTables, recognizeTables } from "../../src/engine";
import type { Finding, Report, SheetInput } from "../../src/engine";
import { applyGrain, detectGrain, MIN_PARENTS } from "../../src/engine/grain";
import { loadFixture } from "../support/fixtures";
import type { PasteMode } from "../support/fixtures";

const MODES: PasteMode[] = ["text", "sheets"];

function payConversion(report: Report): Finding {
  const f = report.findings.find((x) => x.rule === "pay-conversion-vs-peer" && x.subject === "shop");
  if (!f) throw new Error("no shop pay-conversion finding");
  return f;
}

function grainNotes(report: Report): Finding[] {
  return report.findings.filter(
    (f) => f.rule === "data-sanity" && f.status === "info" && /counted once per/.test(f.message),
  );
}

describe("Amazon child-item report with several SKUs per child ASIN", () => {
  for (const mode of MODES) {
    it(`counts Sessions and Page Views once per ASIN: conversion 12.37 %, not 8.26 % (${mode})`, () => {
      const sheet = loadFixture("amazon-child-items-sku-rows.csv", { mode });
      // By hand: sessions per child ASIN 306 + 847 + 648 + 2,434 = 4,235; summed over the 8 SKU
      // rows 306×3 + 847×2 + 648×2 + 2,434 = 6,342. Amazon's Unit Session Percentage counts units:
      // Units Ordered 15 + 9 + 6 + 63 + 39 + 53 + 28 + 311 = 524; 524 ÷ 4,235 = 12.37 % (÷ 6,342 it would be 8.26 %).
      const [table] = recognizeTables([sheet]);
      const summed = table.rows.reduce((s, r) => s + (r.visitors as number), 0);
      expect(summed).toBe(6342);
      expect(Math.round((524 / summed) * 10000) / 100).toBe(8.26);

      const report = diagnoseTables([sheet], { language: "en" });
      const conv = payConversion(report);
      expect(conv.value).toBeCloseTo(524 / 4235, 12);
      expect(conv.message).toContain("12.37%");
      expect(report.findings.some((f) => f.message.includes("8.26%"))).toBe(false);
      // Page views per session: 5,506 ÷ 4,235 = 1.30 (summed it would be 8,244 ÷ 6,342 = 1.30 too, by chance).
      const depth = report.findings.find((f) => f.rule === "visit-depth");
      expect(depth?.value).toBeCloseTo(5506 / 4235, 12);

      const [note] = grainNotes(report);
      expect(note.message).toContain("Sessions - Total");
      expect(note.message).toContain("Page Views - Total");
      expect(note.message).toContain("(Child) ASIN");
      expect(note.value).toBe(4); // 2 + 1 + 1 repeated SKU rows
      expect(grainNotes(report)).toHaveLength(1);
    });
  }

  it("names each product with its SKUs in per-product findings", () => {
    const report = diagnoseTables([loadFixture("amazon-child-items-sku-rows.csv", { mode: "sheets" })], {
      language: "en",
    });
    const names = report.findings.filter((f) => f.subjectType === "product").map((f) => f.subject);
    expect(names).toContain("Thermal Fleece Leggings Women, Black, M (SKU: TFL-BLK-M / TFL-BLK-M-FBM / TFL-BLK-M-RL)");
    // The black leggings ASIN on Amazon's Unit Session Percentage: 15 + 9 + 6 = 30 units over 306
    // sessions (not 918, the sessions repeated on each SKU row) = 9.80 %.
    const quad = report.findings.find(
      (f) => f.rule === "price-conversion-quadrant" && f.subject.startsWith("Thermal Fleece Leggings Women, Black, M"),
    );
    expect(quad?.value).toBeCloseTo(30 / 306, 12);
  });

  it("says it in all three languages", () => {
    const sheet = loadFixture("amazon-child-items-sku-rows.csv", { mode: "text" });
    const zh = diagnoseTables([sheet], { language: "zh-CN" }).findings.filter(
      (f) => f.rule === "data-sanity" && f.status === "info",
    );
    const tw = diagnoseTables([sheet], { language: "zh-TW" }).findings.filter(
      (f) => f.rule === "data-sanity" && f.status === "info",
    );
    expect(zh.some((f) => f.message.includes("只算一次") && f.message.includes("Sessions - Total"))).toBe(true);
    expect(tw.some((f) => f.message.includes("只算一次") && f.message.includes("列"))).toBe(true);
  });
});

describe("Shopee product + variation layout", () => {
  it("counts Product Visitors once per Item ID: conversion 5.00 %, not 2.14 %", () => {
    // By hand: visitors 1,200 + 800 + 400 = 2,400 (summed over 6 variation rows: 3,600 + 1,600 + 400
    // = 5,600); Buyers (Confirmed Order) 30+20+10 + 25+15 + 20 = 120. 120 ÷ 2,400 = 5.00 %.
    const report = diagnoseTables([loadFixture("shopee-product-variations.csv", { mode: "text" })], { language: "en" });
    const conv = payConversion(report);
    expect(conv.value).toBeCloseTo(120 / 2400, 12);
    expect(conv.message).toContain("5.00%");
    const [note] = grainNotes(report);
    expect(note.message).toContain("Product Visitors (Visit)");
    expect(note.message).toContain("Item ID");
    const names = report.findings.filter((f) => f.subjectType === "product").map((f) => f.subject);
    expect(names).toContain("Thermal Fleece Leggings (Variation Name: Black,M / Black,L / Grey,M)");
  });

  it("each variation's placed-order rate counts its own buyers over the product's visitors: 120, not 75", () => {
    // Conversion Rate (Placed Order) per variation is over the product's visitors: (2.50 + 1.67 + 0.83) % × 1,200
    // = 60, (3.12 + 1.88) % × 800 = 40, 5.00 % × 400 = 20 → 120 placed-order buyers. Keeping only each product's
    // first variation (2.50 % × 1,200 + 3.12 % × 800 + 5.00 % × 400) would give 75, fewer than the 120 buyers.
    const [table] = recognizeTables([loadFixture("shopee-product-variations.csv", { mode: "text" })]);
    const rows = applyGrain(table).rows;
    const orderBuyers = rows.reduce(
      (s, r) => s + ((r.orderConversion ?? 0) as number) * ((r.visitors ?? 0) as number),
      0,
    );
    expect(orderBuyers).toBeCloseTo(120, 6);
  });
});

describe("生意参谋 SKU rows (商品ID over SKU rows, two days)", () => {
  it("counts 商品访客数 once per product and day: 3.92 %, not 1.61 %; no false repeated dates", () => {
    // By hand: visitors per product-day 1,000 + 500 + 300 + 1,200 + 400 + 300 = 3,700 (summed over
    // SKU rows 9,000); buyers 40 + 20 + 9 + 48 + 16 + 12 = 145. 145 ÷ 3,700 = 3.92 %.
    const report = diagnoseTables([loadFixture("sycm-product-skus.csv", { mode: "text" })], { language: "zh-CN" });
    const conv = payConversion(report);
    expect(conv.value).toBeCloseTo(145 / 3700, 12);
    expect(conv.message).toContain("3.92%");
    expect(report.findings.some((f) => f.message.includes("重复日期"))).toBe(false);
    const note = report.findings.find(
      (f) => f.rule === "data-sanity" && f.status === "info" && f.message.includes("只算一次"),
    );
    expect(note?.message).toContain("商品访客数、商品浏览量");
    expect(note?.message).toContain("商品ID");
    // Findings per product name its SKUs (by SKU名称).
    expect(report.findings.some((f) => f.subject === "加厚羽绒服女中长款 (SKU名称: 黑色 M / 黑色 L / 米白 M)")).toBe(
      true,
    );
  });
});

describe("values equal by chance are not collapsed", () => {
  const header = ["商品ID", "SKU ID", "商品访客数", "支付买家数", "支付金额"];
  const sheet = (rows: (string | number)[][]): SheetInput => ({ name: "商品", values: [header, ...rows] });

  it("one SKU per product: no grain (the original child-item fixture is unchanged at 8.34 %)", () => {
    const report = diagnoseTables([loadFixture("amazon-child-items-2023.csv", { mode: "sheets" })], { language: "en" });
    expect(grainNotes(report)).toHaveLength(0);
    // Unit Session Percentage: 138 + 46 + 136 + 201 = 521 units over 2,589 + 834 + 1,195 + 1,631 = 6,249 sessions.
    expect(payConversion(report).value).toBeCloseTo(521 / 6249, 12);
  });

  it(`needs ${MIN_PARENTS} products whose SKU rows differ`, () => {
    const one = sheet([
      ["p1", "s1", 100, 3, 30],
      ["p1", "s2", 100, 5, 50],
      ["p2", "s3", 80, 2, 20],
      ["p3", "s4", 60, 1, 10],
    ]);
    expect(detectGrain(recognizeTables([one])[0])).toBeNull();
    const two = sheet([
      ["p1", "s1", 100, 3, 30],
      ["p1", "s2", 100, 5, 50],
      ["p2", "s3", 80, 2, 20],
      ["p2", "s4", 80, 1, 10],
    ]);
    expect(detectGrain(recognizeTables([two])[0])).toMatchObject({
      parentField: "productId",
      childField: "sku",
      onceFields: ["visitors"],
      parents: 2,
    });
  });

  it("a metric that differs between SKUs of one product is per row", () => {
    const rows = sheet([
      ["p1", "s1", 100, 3, 30],
      ["p1", "s2", 100, 5, 50],
      ["p2", "s3", 80, 2, 20],
      ["p2", "s4", 81, 1, 10],
    ]);
    expect(detectGrain(recognizeTables([rows])[0])).toBeNull();
  });

  it("the same value on every product is not taken for a per-product metric", () => {
    const rows = sheet([
      ["p1", "s1", 100, 3, 30],
      ["p1", "s2", 100, 5, 50],
      ["p2", "s3", 100, 2, 20],
      ["p2", "s4", 100, 1, 10],
    ]);
    expect(detectGrain(recognizeTables([rows])[0])).toBeNull();
  });

  it("repeated rows with identical sales are not evidence (nothing differs within a product)", () => {
    const rows = sheet([
      ["p1", "s1", 100, 3, 30],
      ["p1", "s2", 100, 3, 30],
      ["p2", "s3", 80, 2, 20],
      ["p2", "s4", 80, 2, 20],
    ]);
    expect(detectGrain(recognizeTables([rows])[0])).toBeNull();
  });
});
