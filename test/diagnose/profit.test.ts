/**
 * Profit rules (issue 14), driven with hand-worked figures: product-profit (loss ✖ with profit lost
 * per day, thin margin ▲), cost-data (unusable cost cells by cell, missing products once) and the
 * ad rule's break-even after refunds and fees.
 */
import { describe, expect, it } from "vitest";
import type { RecognizedTable, TableRow } from "../../src/engine";
import { waterfallBars, waterfallRow } from "../../src/engine/waterfall";
import { findings, one, run, shopDays, table } from "./helpers";

/** Products over 30 days (one row each, dated 2026-05-01~2026-05-30). */
function products(rows: TableRow[]): RecognizedTable {
  return table(
    "products",
    rows.map((r) => ({ date: "2026-05-01", dateTo: "2026-05-30", ...r })),
    "商品",
  );
}

const PRODUCTS = products([
  { productId: "T", product: "Tee", sales: 30000, units: 300, price: 100, refundAmount: 3000 },
  { productId: "B", product: "Bag", sales: 10000, units: 100, price: 100, refundAmount: null },
  { productId: "C", product: "Cap", sales: 5000, units: 50, price: 100, refundAmount: null },
  { productId: "D", product: "Dress", sales: 2000, units: 10, price: 200, refundAmount: null },
  { productId: "E", product: "Earrings", sales: 900, units: 9, price: 100, refundAmount: null },
  { productId: "F", product: "Flask", sales: 800, units: 8, price: 100, refundAmount: null },
  { productId: "G", product: "Gloves", sales: 700, units: 7, price: 100, refundAmount: null },
]);

function costs(): RecognizedTable {
  // Columns: A productId, B product, C unitCost, D shippingCost, E packagingCost, F plan; rows 2–7.
  const t = table(
    "costs",
    [
      { productId: "T", product: "Tee", unitCost: 70, shippingCost: 8, packagingCost: 2, plan: "T-plan" },
      { productId: "B", product: "Bag", unitCost: 50, shippingCost: null, packagingCost: null, plan: null },
      { productId: "C", product: "Cap", unitCost: 80, shippingCost: null, packagingCost: null, plan: null },
      { productId: "E", product: "Earrings", unitCost: null, shippingCost: null, packagingCost: null, plan: null },
      { productId: "F", product: "Flask", unitCost: -5, shippingCost: null, packagingCost: null, plan: null },
      { productId: "G", product: "Gloves", unitCost: 120, shippingCost: null, packagingCost: null, plan: null },
    ],
    "成本",
  );
  t.issues.push({
    sheet: "成本",
    row: 5,
    column: 3,
    field: "unitCost",
    code: "not-a-number",
    message: "not a number",
    text: "待定",
  });
  return t;
}

const PLANS = table("ad-plans", [{ plan: "T-plan", spend: 2000, adSales: 9000, clicks: 1000, impressions: 50000 }]);
const SETTINGS = { platformFeeRate: 0.05, paymentFeeRate: 0.01, defaultRefundRate: 0.1, language: "en" as const };

describe("product-profit", () => {
  const report = run([PRODUCTS, costs(), PLANS], SETTINGS);

  it("✖ a best seller that loses money after refunds, fees, goods and its ad plan, with the profit lost per day", () => {
    // Tee: 30,000 − refunds 3,000 − fees 6 % × 27,000 = 1,620 − goods 300 × (70 + 8 + 2) = 24,000 − ads 2,000 = −620.
    // Over 30 days: 620 ÷ 30 = 20.67 of profit lost a day; −620 ÷ 300 units = −2.07 per unit.
    const tee = one(report, "product-profit", { subject: "Tee" });
    expect(tee.status).toBe("bad");
    expect(tee.impact).toBe(20.67);
    expect(tee.impactBasis).toBe("day");
    expect(tee.value).toBeCloseTo(-20.666667, 5);
    expect(tee.message).toContain("loses money");
    expect(tee.message).toContain("Profit at stake");
    expect(tee.message).toContain("-¥2.07 per unit");
  });

  it("▲ a thin margin; a healthy product has no finding", () => {
    // Cap: 5,000 − refunds 10 % (the default; no refund figure) 500 − fees 6 % × 4,500 = 270 − goods 50 × 80 = 4,000 = 230: 4.6 % < 10 %.
    const cap = one(report, "product-profit", { subject: "Cap" });
    expect(cap.status).toBe("warn");
    expect(cap.value).toBeCloseTo(0.046, 10);
    expect(cap.message).toContain("default refund rate 10.00%");
    // Bag: 10,000 − 1,000 − 540 − 5,000 = 3,460, 34.6 %: fine, said nowhere.
    expect(findings(report, "product-profit", "Bag")).toHaveLength(0);
  });

  it("judges no product whose cost cell is unusable, and makes up no profit for the missing one", () => {
    for (const name of ["Earrings", "Flask", "Gloves", "Dress"])
      expect(findings(report, "product-profit", name)).toHaveLength(0);
  });

  it("✔ when every costed product keeps at least 10 %, with the sum", () => {
    const healthy = products([{ productId: "B", product: "Bag", sales: 10000, units: 100, price: 100 }]);
    const fine = one(run([healthy, costs()], { ...SETTINGS }), "product-profit");
    // 10,000 − 1,000 − 540 − 5,000 = 3,460 of 10,000.
    expect(fine.status).toBe("good");
    expect(fine.value).toBeCloseTo(0.346, 10);
  });

  it("states the whole export's loss when the products' days are unknown", () => {
    const undated = table("products", [
      { productId: "T", product: "Tee", sales: 30000, units: 300, refundAmount: 3000 },
    ]);
    const tee = one(run([undated, costs(), PLANS], SETTINGS), "product-profit", { subject: "Tee" });
    expect(tee.impact).toBe(620);
    expect(tee.impactBasis).toBe("export");
  });
});

describe("product-profit boundaries", () => {
  // One product: 100 units at ¥100 = 10,000 over 30 days; Costs tab row 2 with its unit cost.
  const bag = products([{ productId: "B", product: "Bag", sales: 10000, units: 100, price: 100 }]);
  const book = (unitCost: number) => table("costs", [{ productId: "B", product: "Bag", unitCost }], "成本");

  it("net profit exactly 0 is not a loss (✖ is < 0) but a thin margin ▲ (0 % < 10 %)", () => {
    // 10,000 − refunds 10 % 1,000 − fees 5 % × 9,000 = 450 − goods 100 × 85.5 = 8,550 = 0; 0 per unit.
    const r = run([bag, book(85.5)], { defaultRefundRate: 0.1, platformFeeRate: 0.05, language: "en" });
    const f = one(r, "product-profit", { subject: "Bag" });
    expect(f.status).toBe("warn");
    expect(f.value).toBeCloseTo(0, 10);
    expect(f.message).not.toContain("-¥");
    expect(findings(r, "product-profit").filter((x) => x.status === "bad")).toHaveLength(0);
  });

  it("a margin of exactly 10 % is not thin (▲ is < 10 %): ✔", () => {
    // 10,000 − 1,000 − fees 6 % × 9,000 = 540 − goods 100 × 74.6 = 7,460 = 1,000: 1,000 ÷ 10,000 = 10 %.
    const settings = { defaultRefundRate: 0.1, platformFeeRate: 0.05, paymentFeeRate: 0.01 };
    const f = one(run([bag, book(74.6)], settings), "product-profit");
    expect(f.status).toBe("good");
    expect(f.value).toBeCloseTo(0.1, 10);
    // A cent more of cost per unit: 1,000 − 100 × 0.01 = 999, 9.99 % < 10 % ▲.
    expect(one(run([bag, book(74.61)], settings), "product-profit").status).toBe("warn");
  });
});

describe("cost-data", () => {
  const report = run([PRODUCTS, costs(), PLANS], SETTINGS);

  it("names each unusable cost cell: text, negative, above the price", () => {
    const bad = findings(report, "cost-data").find((f) => f.subject === "成本")!;
    expect(bad.status).toBe("warn");
    expect(bad.value).toBe(3);
    expect(bad.message).toContain('成本!C5 "待定" is not a number');
    expect(bad.message).toContain("成本!C6 is negative (-5)");
    expect(bad.message).toContain("成本!C7 (¥120) is more than the price ¥100");
  });

  it("lists the products missing from the Costs tab in one finding", () => {
    const missing = findings(report, "cost-data").filter((f) => f.subject !== "成本");
    expect(missing).toHaveLength(1);
    expect(missing[0].value).toBe(1);
    expect(missing[0].message).toContain("Dress");
    expect(missing[0].message).not.toContain("Gloves");
  });

  it("one finding for many missing products", () => {
    const many = products(
      Array.from({ length: 30 }, (_, i) => ({ productId: `M${i}`, product: `Item ${i}`, sales: 100, units: 1 })),
    );
    const missing = findings(run([many, costs()], SETTINGS), "cost-data");
    expect(missing).toHaveLength(2); // the unusable cells, and one line for the 30 missing products
    expect(missing.find((f) => f.value === 30)!.message).toContain("30 products");
  });
});

describe("cost-data: a blank unit cost", () => {
  // Columns A productId, B product, C unitCost; Tee row 2, Cap row 3, Bag row 4 with its cost left empty.
  const blankBook = table(
    "costs",
    [
      { productId: "T", product: "Tee", unitCost: 70 },
      { productId: "C", product: "Cap", unitCost: 80 },
      { productId: "B", product: "Bag", unitCost: null },
    ],
    "成本",
  );
  const three = products([
    { productId: "T", product: "Tee", sales: 30000, units: 300, price: 100 },
    { productId: "C", product: "Cap", sales: 5000, units: 50, price: 100 },
    { productId: "B", product: "Bag", sales: 10000, units: 100, price: 100 },
  ]);
  const report = run([three, blankBook], { language: "en" });

  it("names the blank cell once, in the unusable-cells finding, and does not list the product as missing", () => {
    const list = findings(report, "cost-data");
    expect(list).toHaveLength(1);
    expect(list[0].subject).toBe("成本");
    expect(list[0].value).toBe(1);
    expect(list[0].message).toContain("成本!C4 has no unit cost");
    expect(list[0].message).not.toContain("Bag");
  });

  it("judges that product without profit", () => {
    expect(findings(report, "product-profit", "Bag")).toHaveLength(0);
    // Tee 30,000 − 300 × 70 = 9,000 and Cap 5,000 − 50 × 80 = 1,000 (no refunds or fees set): net 10,000 of 35,000.
    expect(report.profit).toMatchObject({ sales: 35000, cogs: 25000, net: 10000, products: 2, uncosted: 1 });
  });

  it("says it in Chinese too", () => {
    const zh = findings(run([three, blankBook], { language: "zh-CN" }), "cost-data")[0];
    expect(zh.message).toContain("成本!C4 没有填单位成本");
  });
});

describe("ad-plan-efficiency after refunds and fees", () => {
  // ROI 3.2 (3,200 ÷ 1,000) at a 35 % margin.
  const plan = table("ad-plans", [{ plan: "P1", spend: 1000, adSales: 3200, clicks: 500, impressions: 20000 }]);

  it("is fine at ROI 3.2 without refunds or fees: 1 ÷ 0.35 = 2.857", () => {
    expect(findings(run([plan], { grossMargin: 0.35 }), "ad-plan-efficiency", "P1")).toHaveLength(0);
  });

  it("✖ loses money after 20 % refunds and 5 % fees: 1 ÷ (0.35 × 0.8 × 0.95) = 3.759", () => {
    const r = run([plan], { grossMargin: 0.35, defaultRefundRate: 0.2, platformFeeRate: 0.05, language: "en" });
    const p1 = one(r, "ad-plan-efficiency", { subject: "P1" });
    expect(p1.status).toBe("bad");
    expect(p1.benchmark).toBeCloseTo(3.759398, 5);
    // Lost: 1,000 − 3,200 × 0.266 = 1,000 − 851.20 = 148.80 (the export's days are unknown).
    expect(p1.impact).toBe(148.8);
    expect(p1.impactBasis).toBe("export");
    expect(p1.message).toContain("loses money after refunds and fees");
    expect(p1.message).toContain("3.76");
  });

  it("is fine at ROI exactly the break-even after refunds and fees (✖ is below it), ✖ just under", () => {
    // Margin 50 %, refunds 20 %, fees 15 % + 5 % = 20 %: 1 ÷ (0.5 × 0.8 × 0.8) = 1 ÷ 0.32 = 3.125.
    const settings = { grossMargin: 0.5, defaultRefundRate: 0.2, platformFeeRate: 0.15, paymentFeeRate: 0.05 };
    const at = table("ad-plans", [{ plan: "P1", spend: 1000, adSales: 3125, clicks: 500, impressions: 20000 }]);
    const r = run([at], settings);
    expect(findings(r, "ad-plan-efficiency", "P1")).toHaveLength(0);
    const clear = one(r, "ad-plan-efficiency");
    expect(clear.status).toBe("good");
    expect(clear.benchmark).toBeCloseTo(3.125, 9);
    // ROI 3.124: ✖, losing 1,000 − 3,124 × 0.32 = 1,000 − 999.68 = 0.32 over the export.
    const under = table("ad-plans", [{ plan: "P1", spend: 1000, adSales: 3124, clicks: 500, impressions: 20000 }]);
    const p1 = one(run([under], settings), "ad-plan-efficiency", { subject: "P1" });
    expect(p1.status).toBe("bad");
    expect(p1.impact).toBe(0.32);
  });

  it("takes the refund rate from the shop's own refund column first", () => {
    // 2,000 refunded of 10,000 sold each day: 20 %, as above; the default 1 % is not used.
    const shop = shopDays(7, () => ({ visitors: 1000, sales: 10000, paidBuyers: 50, refundAmount: 2000 }));
    const r = run([shop, plan], { grossMargin: 0.35, defaultRefundRate: 0.01, platformFeeRate: 0.05 });
    expect(one(r, "ad-plan-efficiency", { subject: "P1" }).benchmark).toBeCloseTo(3.759398, 5);
  });
});

describe("ad-plan-efficiency on the Costs tab's margin when grossMargin is unset", () => {
  // Bag 10,000 (100 × ¥100, cost 50, plan P1) and Tee 30,000 (300 × ¥100, cost 70, no plan) over 30 days;
  // refunds 10 % (default), fees 5 % of the rest.
  // Bag: 10,000 − 1,000 − 450 − 5,000 = 3,550 → 35.5 %, break-even 1 ÷ 0.355 = 2.817.
  // Tee: 30,000 − 3,000 − 1,350 − 21,000 = 4,650. Shop: 8,200 ÷ 40,000 = 20.5 %, break-even 1 ÷ 0.205 = 4.878.
  const goods = products([
    { productId: "B", product: "Bag", sales: 10000, units: 100, price: 100 },
    { productId: "T", product: "Tee", sales: 30000, units: 300, price: 100 },
  ]);
  const book = table(
    "costs",
    [
      { productId: "B", product: "Bag", unitCost: 50, plan: "P1" },
      { productId: "T", product: "Tee", unitCost: 70, plan: null },
    ],
    "成本",
  );
  const plan = (name: string, adSales: number) => ({
    plan: name,
    spend: 1000,
    adSales,
    clicks: 500,
    impressions: 20000,
  });
  const settings = { defaultRefundRate: 0.1, platformFeeRate: 0.05, language: "en" as const };

  it("✖ a mapped plan below 1 ÷ its products' margin, saying whose margin, with the profit lost", () => {
    const r = run([goods, book, table("ad-plans", [plan("P1", 2500)])], settings);
    const p1 = one(r, "ad-plan-efficiency", { subject: "P1" });
    expect(p1.status).toBe("bad");
    expect(p1.benchmark).toBeCloseTo(1 / 0.355, 9);
    // ROI 2.5 < 2.817: lost 1,000 − 2,500 × 0.355 = 1,000 − 887.50 = 112.50 over the export.
    expect(p1.impact).toBe(112.5);
    expect(p1.message).toContain("loses money after refunds and fees");
    expect(p1.message).toContain("the product it promotes 「Bag」");
    expect(p1.message).toContain("35.50%");
    expect(p1.stakeBasis).toBe("profit");
    expect(p1.profitAtStake).toBe(112.5);
    // The Costs tab judges the plans, so the "enter grossMargin" note is not shown.
    expect(findings(r, "ad-plan-efficiency").filter((f) => f.status === "info")).toHaveLength(0);
  });

  it("speaks ACoS when the export does: 1,000 ÷ 2,500 = 40 % against break-even ACoS 35.5 %", () => {
    const acosPlans = table("ad-plans", [{ ...plan("P1", 2500), acos: 0.4 }]);
    const p1 = one(run([goods, book, acosPlans], settings), "ad-plan-efficiency", { subject: "P1" });
    expect(p1.metric).toBe("acos");
    expect(p1.value).toBeCloseTo(0.4, 10);
    expect(p1.benchmark).toBeCloseTo(0.355, 10);
    expect(p1.message).toContain("break-even ACoS is 35.50%");
    expect(p1.stakeBasis).toBe("profit");
    expect(p1.profitAtStake).toBe(112.5);
  });

  it("judges a mapped plan by its products' margin, not the shop's: ROI 3 clears 2.817 though the shop needs 4.878", () => {
    const r = run([goods, book, table("ad-plans", [plan("P1", 3000)])], settings);
    expect(findings(r, "ad-plan-efficiency", "P1")).toHaveLength(0);
  });

  it("✖ a plan the Costs tab maps to no product by the shop's contribution margin, saying so", () => {
    const r = run([goods, book, table("ad-plans", [plan("P1", 3000), plan("P2", 4000)])], settings);
    const p2 = one(r, "ad-plan-efficiency", { subject: "P2" });
    expect(p2.benchmark).toBeCloseTo(1 / 0.205, 9);
    // ROI 4 < 4.878: lost 1,000 − 4,000 × 0.205 = 1,000 − 820 = 180.
    expect(p2.impact).toBe(180);
    expect(p2.message).toContain("the shop's contribution margin from the Costs tab");
    expect(p2.message).toContain("20.50%");
  });

  it("keeps ROI below 1 as spend beyond sales, and the grossMargin setting wins when set", () => {
    const r = run([goods, book, table("ad-plans", [plan("P2", 800)])], settings);
    const p2 = one(r, "ad-plan-efficiency", { subject: "P2" });
    // 1,000 − 800 = 200 spent beyond its sales.
    expect(p2.impact).toBe(200);
    expect(p2.stakeBasis).toBe("spend");
    // With grossMargin 20 % set, refunds 10 % and fees 5 %: plain 1 ÷ 0.2 = 5, after them 1 ÷ (0.2 × 0.9 × 0.95)
    // = 1 ÷ 0.171 = 5.848. ROI 5.5 is judged on that line, not on the Costs tab's 4.878.
    const set = run([goods, book, table("ad-plans", [plan("P2", 5500)])], { ...settings, grossMargin: 0.2 });
    expect(one(set, "ad-plan-efficiency", { subject: "P2" }).benchmark).toBeCloseTo(1 / 0.171, 9);
  });
});

describe("stock-cover", () => {
  const stockRow = (stock: number) => table("costs", [{ productId: "T", product: "Tee", unitCost: 50, stock }], "成本");
  const tee = products([{ productId: "T", product: "Tee", sales: 30000, units: 300, price: 100 }]);

  it("▲ restock a top seller with under 7 days of stock, with its sales at risk per day", () => {
    // 300 units in 30 days = 10 a day; 60 on hand last 6 days. Sales at risk: 30,000 ÷ 30 = 1,000 a day.
    const f = one(run([tee, stockRow(60)], { language: "en" }), "stock-cover", { subject: "Tee" });
    expect(f.status).toBe("warn");
    expect(f.value).toBeCloseTo(6, 10);
    expect(f.impact).toBe(1000);
    expect(f.impactBasis).toBe("day");
    expect(f.message).toContain("Restock");
  });

  it("is quiet at exactly 7 days, and when the days of the data are unknown", () => {
    expect(findings(run([tee, stockRow(70)]), "stock-cover")).toHaveLength(0);
    const undated = table("products", [{ productId: "T", product: "Tee", sales: 30000, units: 300 }]);
    expect(findings(run([undated, stockRow(10)]), "stock-cover")).toHaveLength(0);
  });

  it("takes stock from an inventory column of the export too", () => {
    const withStock = products([{ productId: "T", product: "Tee", sales: 30000, units: 300, stock: 20 }]);
    // 20 ÷ 10 a day = 2 days.
    expect(one(run([withStock]), "stock-cover").value).toBeCloseTo(2, 10);
  });

  it("uses the platform's own days of cover (可售天数) when the export has no stock count, saying so", () => {
    // 6.5 days < 7: ▲, sales at risk 30,000 ÷ 30 days = 1,000 a day.
    const six = products([{ productId: "T", product: "Tee", sales: 30000, units: 300, daysOfCover: 6.5 }]);
    const f = one(run([six], { language: "en" }), "stock-cover", { subject: "Tee" });
    expect(f.status).toBe("warn");
    expect(f.value).toBe(6.5);
    expect(f.impact).toBe(1000);
    expect(f.message).toContain("6.5 days");
    expect(f.message).toContain("platform's own days-of-cover figure");
    expect(one(run([six], { language: "zh-CN" }), "stock-cover").message).toContain("平台导出的可售天数");
    // Exactly 7 days is quiet, as for a computed cover of 7 (the line is "fewer than 7").
    const seven = products([{ productId: "T", product: "Tee", sales: 30000, units: 300, daysOfCover: 7 }]);
    expect(findings(run([seven]), "stock-cover")).toHaveLength(0);
  });

  it("prefers a stock count to the platform's days of cover", () => {
    // Stock 20 ÷ 10 a day = 2 days, not the export's 30.
    const both = products([{ productId: "T", product: "Tee", sales: 30000, units: 300, stock: 20, daysOfCover: 30 }]);
    const f = one(run([both], { language: "en" }), "stock-cover");
    expect(f.value).toBeCloseTo(2, 10);
    expect(f.message).toContain("20 units left");
  });
});

describe("refund-rate", () => {
  const shop = (refunds: number) =>
    shopDays(7, () => ({ visitors: 1000, paidBuyers: 50, sales: 10000, refundAmount: refunds }));

  it("▲ above the 20 % line without a team default, with the refunds above the line per day", () => {
    // 2,500 ÷ 10,000 = 25 % > 20 %; (0.25 − 0.20) × 70,000 ÷ 7 days = 500 a day.
    const f = one(run([shop(2500)]), "refund-rate");
    expect(f.status).toBe("warn");
    expect(f.value).toBeCloseTo(0.25, 10);
    expect(f.impact).toBe(500);
  });

  it("✖ at 1.5 × the line; quiet at or below the team's default", () => {
    expect(one(run([shop(3000)]), "refund-rate").status).toBe("bad"); // 30 % = 1.5 × 20 %
    expect(findings(run([shop(2000)]), "refund-rate")).toHaveLength(0); // exactly 20 %
    expect(findings(run([shop(2500)], { defaultRefundRate: 0.3 }), "refund-rate")).toHaveLength(0);
  });
});

describe("the report's profit block", () => {
  it("walks sales down to net profit over the costed products, with the best and worst, and a waterfall chart", async () => {
    const { layoutReport } = await import("../../src/engine");
    const report = run([PRODUCTS, costs(), PLANS], SETTINGS);
    // Tee −620 (above); Bag 3,460; Cap 230. Sales 30,000 + 10,000 + 5,000 = 45,000.
    // Refunds 3,000 + 1,000 + 500 = 4,500; fees 1,620 + 540 + 270 = 2,430; goods 24,000 + 5,000 + 4,000 = 33,000;
    // ads 2,000 (T-plan, mapped to Tee). Net 45,000 − 4,500 − 2,430 − 33,000 − 2,000 = 3,070 = −620 + 3,460 + 230.
    expect(report.profit).toMatchObject({
      sales: 45000,
      refunds: 4500,
      platformFees: 2025, // 5 % of (45,000 − 4,500) = 40,500
      paymentFees: 405, // 1 % of 40,500; 2,025 + 405 = 2,430
      cogs: 33000,
      adSpend: 2000,
      net: 3070,
      products: 3,
      uncosted: 4, // Dress (missing), Earrings, Flask, Gloves (unusable cost cells)
      unmappedAdSpend: 0,
    });
    expect(report.profit!.best.map((b) => b.name)).toEqual(["Bag", "Cap", "Tee"]);
    expect(report.profit!.worst[0]).toEqual({ name: "Tee", net: -620 });
    const grid = layoutReport(report);
    const chart = grid.charts.find((c) => c.kind === "waterfall")!;
    expect(grid.charts.filter((c) => c.kind === "column")).toEqual([]);
    const [labels, parts] = chart.ranges;
    expect(parts).toMatchObject({ row: labels.row, column: 3, numRows: 8, numColumns: 5 });
    const rows = grid.values.slice(labels.row - 1, labels.row - 1 + labels.numRows);
    // The signed amounts stay in column B; the chart reads A and C:G (base, green ↑, green ↓, red ↑, red ↓),
    // a part that is 0 left blank. Bases are the running totals worked in the waterfallBars test below.
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ["Step", "Amount"],
      ["Sales", 45000],
      ["Refunds", -4500],
      ["Platform fees", -2025],
      ["Payment fees", -405],
      ["Cost of goods", -33000],
      ["Ad spend", -2000],
      ["Net profit", 3070],
    ]);
    expect(rows.map((r) => [r[0], ...r.slice(2, 7)])).toEqual([
      [
        "Step",
        "Chart: hidden base",
        "Chart: sales or profit",
        "Chart: sales or profit below 0",
        "Chart: cost or loss",
        "Chart: cost or loss below 0",
      ],
      ["Sales", null, 45000, null, null, null],
      ["Refunds", 40500, null, null, 4500, null],
      ["Platform fees", 38475, null, null, 2025, null],
      ["Payment fees", 38070, null, null, 405, null],
      ["Cost of goods", 5070, null, null, 33000, null],
      ["Ad spend", 3070, null, null, 2000, null],
      ["Net profit", null, 3070, null, null, null],
    ]);
  });

  it("puts a loss below 0: the step that crosses 0 is split on base 0, and a negative net is red", async () => {
    const { layoutReport } = await import("../../src/engine");
    const bigAds = table("ad-plans", [
      { plan: "T-plan", spend: 10000, adSales: 9000, clicks: 1000, impressions: 50000 },
    ]);
    const report = run([PRODUCTS, costs(), bigAds], SETTINGS);
    // As above with ads 10,000: 5,070 − 10,000 = −4,930.
    expect(report.profit).toMatchObject({ adSpend: 10000, net: -4930 });
    const grid = layoutReport(report);
    const [labels] = grid.charts.find((c) => c.kind === "waterfall")!.ranges;
    const rows = grid.values.slice(labels.row - 1, labels.row - 1 + labels.numRows);
    expect(rows.slice(5).map((r) => [r[0], r[1], ...r.slice(2, 7)])).toEqual([
      ["Cost of goods", -33000, 5070, null, null, 33000, null],
      // From 5,070 down to −4,930: 5,070 above 0 and −4,930 below it, on no base.
      ["Ad spend", -10000, null, null, null, 5070, -4930],
      ["Net profit", -4930, null, null, null, null, -4930],
    ]);
  });
});

describe("waterfallBars", () => {
  const walk = (ads: number, net: number) =>
    waterfallBars([
      { kind: "total", value: 45000 },
      { kind: "change", value: -4500 },
      { kind: "change", value: -2025 },
      { kind: "change", value: -405 },
      { kind: "change", value: -33000 },
      { kind: "change", value: -ads },
      { kind: "total", value: net },
    ]).map((b) => [b.base, b.above, b.below, b.gain]);

  it("floats each deduction from the running total down, the totals from 0", () => {
    // 45,000 − 4,500 = 40,500; − 2,025 = 38,475; − 405 = 38,070; − 33,000 = 5,070; − 2,000 = 3,070.
    expect(walk(2000, 3070)).toEqual([
      [0, 45000, 0, true],
      [40500, 4500, 0, false],
      [38475, 2025, 0, false],
      [38070, 405, 0, false],
      [5070, 33000, 0, false],
      [3070, 2000, 0, false],
      [0, 3070, 0, true],
    ]);
  });

  it("splits a step that crosses 0 on base 0, and stands a loss below 0", () => {
    // 5,070 − 10,000 = −4,930: 5,070 above 0, −4,930 below; the net −4,930 hangs from 0.
    const bars = walk(10000, -4930);
    expect(bars[5]).toEqual([0, 5070, -4930, false]);
    expect(bars[6]).toEqual([0, 0, -4930, false]);
  });

  it("hangs a step that stays below 0 from a negative base", () => {
    // 100 → −50 (crosses: 100 above, −50 below) → −80 (all below: base −50, bar −30) → net −80 from 0.
    const bars = waterfallBars([
      { kind: "total", value: 100 },
      { kind: "change", value: -150 },
      { kind: "change", value: -30 },
      { kind: "total", value: -80 },
    ]);
    expect(bars.map((b) => [b.base, b.above, b.below, b.from, b.to])).toEqual([
      [0, 100, 0, 0, 100],
      [0, 100, -50, 100, -50],
      [-50, 0, -30, -50, -80],
      [0, 0, -80, 0, -80],
    ]);
    expect(waterfallRow(bars[2])).toEqual({ base: -50, gainAbove: 0, gainBelow: 0, lossAbove: 0, lossBelow: -30 });
    // A change that adds is green, on the base of its lower end: −80 + 30 = −50 stays below 0.
    const up = waterfallBars([
      { kind: "total", value: -80 },
      { kind: "change", value: 30 },
    ])[1];
    expect([up.base, up.above, up.below, up.gain]).toEqual([-50, 0, -30, true]);
  });
});

describe("Shopify / WooCommerce Returns as refunds", () => {
  // Shopify: Gross sales 10,000, Returns −1,500 (no discounts, shipping or taxes): Total sales
  // 10,000 − 1,500 = 8,500, so the sales before refunds are 8,500 + 1,500 = 10,000.
  const shopify = (extra: TableRow = {}) =>
    products([
      { productId: "B", product: "Bag", grossSales: 10000, returns: -1500, sales: 8500, units: 100, ...extra },
    ]);

  it("counts −Returns as refunds: rate 1,500 ÷ 10,000 = 15 %, and the profit block's refunds step 1,500", () => {
    const r = run([shopify(), costs()], { platformFeeRate: 0.05, language: "en" });
    // 15 % ≤ 20 % (the line without a team default): no refund-rate finding; 25 % would be one.
    expect(findings(r, "refund-rate")).toHaveLength(0);
    // Bag: 10,000 − 1,500 = 8,500; fees 5 % × 8,500 = 425; goods 100 × 50 = 5,000; net 8,500 − 425 − 5,000 = 3,075.
    expect(r.profit).toMatchObject({ sales: 10000, refunds: 1500, platformFees: 425, cogs: 5000, net: 3075 });
    // With the team's default at 10 %: 15 % reaches 1.5 × 10 % = 15 %, so ✖.
    const f = one(run([shopify(), costs()], { defaultRefundRate: 0.1 }), "refund-rate");
    expect(f.value).toBeCloseTo(0.15, 10);
    expect(f.status).toBe("bad");
  });

  it("takes WooCommerce's positive Returns the same way, in a shop-daily table", () => {
    // 7 days of Gross 1,000, Returns 250, Total sales 750: 1,750 ÷ 7,000 = 25 % > 20 % ▲;
    // (0.25 − 0.20) × 7,000 ÷ 7 days = 50 a day above the line.
    const shop = shopDays(7, () => ({ visitors: 100, paidBuyers: 5, grossSales: 1000, returns: 250, sales: 750 }));
    const f = one(run([shop]), "refund-rate");
    expect(f.value).toBeCloseTo(0.25, 10);
    expect(f.status).toBe("warn");
    expect(f.impact).toBe(50);
  });

  it("never counts Returns as well as a refund column", () => {
    // The refund amount 500 wins; Returns is left alone and the sales are not grossed up.
    const r = run([shopify({ refundAmount: 500 }), costs()], { language: "en" });
    expect(r.profit).toMatchObject({ sales: 8500, refunds: 500 });
  });
});

describe("the report's profit block, without costs", () => {
  it("is absent without a Costs tab, so reports without costs keep their shape", () => {
    expect("profit" in run([PRODUCTS, PLANS], SETTINGS)).toBe(false);
  });
});
