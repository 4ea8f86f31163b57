/**
 * One verdict per product (issue 11, item 11): no product is judged ▲/✖ by one rule and told
 * "give it more traffic" ✔ by another in the same report; with a single product the shop AOV
 * is not compared with itself; a product whose name is an internal key or a translated word
 * ("shop", "Whole shop", 全部商品, 全店) is shown as itself.
 */
import { describe, expect, it } from "vitest";
import { diagnoseTables, layoutReport } from "../../src/engine";
import type { Finding, Report, TableRow } from "../../src/engine";
import { renderSummary } from "../../src/local/cli/summary";
import { day, findings, one, run, shopDays, table } from "./helpers";

const isJudged = (f: Finding) => f.status === "bad" || f.status === "warn";

/** Products that are ▲/✖ in one finding and ✔ in another (other than aov-vs-hero, which judges the shop's AOV). */
function contradictions(report: Report): string[] {
  const product = report.findings.filter((f) => f.subjectType === "product" && f.rule !== "aov-vs-hero");
  const judged = new Set(product.filter(isJudged).map((f) => f.subject));
  return product.filter((f) => f.status === "good" && judged.has(f.subject)).map((f) => `${f.rule}|${f.subject}`);
}

describe("one verdict per product", () => {
  // Peer conversion 3 %. Conversions: A 25/1000 = 2.5 %, B 20/1000 = 2.0 %, C 1.0 %, D 0.5 %: all below
  // the peer, so pay-conversion-vs-peer judges every one ✖. Price medians: (150 + 50) / 2 = 100;
  // conversion median (2.0 % + 1.0 %) / 2 = 1.5 %: A (200, 2.5 %) and B (150, 2.0 %) are the quadrant's
  // "stars" (✔ "give it more ad budget") while being ✖ below the peer — the contradiction.
  const belowPeer = table("products", [
    { product: "A", visitors: 1000, paidBuyers: 25, sales: 5000, price: 200 },
    { product: "B", visitors: 1000, paidBuyers: 20, sales: 3000, price: 150 },
    { product: "C", visitors: 1000, paidBuyers: 10, sales: 500, price: 50 },
    { product: "D", visitors: 1000, paidBuyers: 5, sales: 200, price: 40 },
  ]);

  it("drops the star ✔ of a product that is ✖ below the peer conversion", () => {
    const r = run([belowPeer], { peerPayConversion: 0.03 });
    expect(contradictions(r)).toEqual([]);
    for (const name of ["A", "B", "C", "D"])
      expect(one(r, "pay-conversion-vs-peer", { subject: name }).status).toBe("bad");
    // The stars are gone; the low-price, low-conversion line of C and D agrees with ✖ and stays.
    expect(findings(r, "price-conversion-quadrant").map((f) => `${f.subject} ${f.status}`)).toEqual([
      "C warn",
      "D warn",
    ]);
    // No action tells anyone to give A or B more budget.
    expect(
      r.actions.some((a) => a.rule === "price-conversion-quadrant" && (a.subject === "A" || a.subject === "B")),
    ).toBe(false);
  });

  it("keeps the stars when nothing else judges those products", () => {
    // No peer value: pay-conversion-vs-peer judges nothing per product, so A and B stay ✔.
    const r = run([belowPeer]);
    const stars = findings(r, "price-conversion-quadrant").filter((f) => f.status === "good");
    expect(stars.map((f) => f.subject)).toEqual(["A", "B"]);
  });

  // 14 days, 100 visitors a day each (700 per window ≥ 50). Per day: A 3 buyers at ¥200, B 3 at ¥150,
  // D 1 at ¥40; C 1 a day for the first 7 days (1 %), 2 a day for the last 7 (2 %): a +100 % rise, ✔
  // "worth more traffic". Over the period C converts 21 / 1400 = 1.5 %. Medians: price (150 + 50) / 2
  // = 100, conversion (3 % + 1.5 %) / 2 = 2.25 %: C (¥50, 1.5 %) is low-price low-conversion ▲
  // "cut its paid traffic" — today the same report also says "give it more traffic".
  const dated = () => {
    const rows: TableRow[] = [];
    for (let i = 0; i < 14; i++) {
      const c = i < 7 ? 1 : 2;
      rows.push({ date: day(i), product: "A", visitors: 100, paidBuyers: 3, sales: 600, price: 200 });
      rows.push({ date: day(i), product: "B", visitors: 100, paidBuyers: 3, sales: 450, price: 150 });
      rows.push({ date: day(i), product: "C", visitors: 100, paidBuyers: c, sales: 50 * c, price: 50 });
      rows.push({ date: day(i), product: "D", visitors: 100, paidBuyers: 1, sales: 40, price: 40 });
    }
    return table("products", rows);
  };

  it("drops the rising-conversion ✔ of a product the quadrant judges ▲", () => {
    const r = run([dated()]);
    expect(contradictions(r)).toEqual([]);
    expect(one(r, "price-conversion-quadrant", { subject: "C" }).status).toBe("warn");
    expect(findings(r, "product-conversion-trend", "C")).toHaveLength(0);
    expect(findings(r, "price-conversion-quadrant").find((f) => f.subject === "A")?.status).toBe("good");
  });

  it("drops the ✔ of a product only counted in a rule's “+N more” line", () => {
    // 13 products below a 3 % peer: pay-conversion-vs-peer names the 10 with most money at stake and
    // counts the other 3 in one ℹ line. Product "Z" (¥1000, 2.9 %) has the smallest gap: (3 % − 2.9 %)
    // × 1000 visitors × ¥1000 = ¥1,000, below every other product's, so it is only counted, never named.
    const rows: TableRow[] = [{ product: "Z", visitors: 1000, paidBuyers: 29, sales: 29_000, price: 1000 }];
    for (let i = 0; i < 12; i++)
      rows.push({ product: `P${i}`, visitors: 1000, paidBuyers: 5, sales: 5000, price: 1000 - i });
    const r = run([table("products", rows)], { peerPayConversion: 0.03 });
    expect(findings(r, "pay-conversion-vs-peer", "Z")).toHaveLength(0);
    expect(findings(r, "pay-conversion-vs-peer", "+3")).toHaveLength(1);
    // Z has the highest price and conversion: without the fix it is the quadrant's only star.
    expect(findings(r, "price-conversion-quadrant", "Z")).toHaveLength(0);
  });
});

describe("aov-vs-hero with a single product", () => {
  // One product, 1000 visitors, 20 buyers, ¥2,000: the shop's figures are its own, AOV ¥100 both ways.
  // Today: ratio 100 / 100 = 1 < 1.3 ▲ with (1.3 × 100 − 100) × 20 buyers = ¥600 a day "to gain".
  const solo = { product: "Solo", visitors: 1000, paidBuyers: 20, sales: 2000 };

  it("is ℹ, with no figure, no money and no action, when the hero is the only product", () => {
    const r = run([table("products", [solo])]);
    const f = one(r, "aov-vs-hero");
    expect(f.status).toBe("info");
    expect([f.value, f.benchmark, f.impact]).toEqual([null, null, null]);
    expect(f.subject).toBe("Solo");
    expect(f.message).toContain("¥100");
    expect(r.actions.some((a) => a.rule === "aov-vs-hero")).toBe(false);
  });

  it("is ℹ when the other products sold nothing (the shop AOV is still the hero's)", () => {
    const r = run([table("products", [solo, { product: "Idle", visitors: 300, paidBuyers: 0, sales: 0 }])]);
    expect(one(r, "aov-vs-hero").status).toBe("info");
  });

  it("is judged when a second product sold, or when the shop's own daily figures are pasted", () => {
    // Two sellers: shop AOV (2000 + 500) / (20 + 10) = ¥83.33; hero (best seller) Solo ¥100: 0.83 × < 1.3 ▲.
    const two = run([table("products", [solo, { product: "Other", visitors: 500, paidBuyers: 10, sales: 500 }])]);
    expect(one(two, "aov-vs-hero").value).toBeCloseTo(2500 / 30 / 100, 9);
    expect(one(two, "aov-vs-hero").status).toBe("warn");
    // The shop-daily export holds every order: ¥13,000 / 100 buyers = ¥130 = 1.3 × the hero's ¥100 ✔.
    const daily = shopDays(1, () => ({ visitors: 5000, paidBuyers: 100, sales: 13_000 }));
    expect(one(run([daily, table("products", [solo])]), "aov-vs-hero").status).toBe("good");
  });
});

describe("products named like an internal key or a translated word", () => {
  const NAMES = ["shop", "Whole shop", "全部商品", "全店"];
  // 生意参谋 商品 layout; each product 1000 visitors, 20 buyers (2 % < the 3 % peer: ✖), ¥2,000.
  const sheet = {
    name: "商品",
    values: [
      ["商品ID", "商品名称", "商品访客数", "支付买家数", "支付金额"],
      ...NAMES.map((n, i) => [`6000${i}`, n, "1000", "20", "2000"]),
    ],
  };

  for (const language of ["zh-CN", "en"] as const) {
    it(`shows each as itself in findings, the report sheet and the CLI (${language})`, () => {
      const report = diagnoseTables([sheet], { peerPayConversion: 0.03, language });
      const grid = layoutReport(report);
      const cli = renderSummary(report, { color: false });
      for (const name of NAMES) {
        // subjectType tells the product "shop" from the whole shop's own line (subject "shop", type "shop").
        const mine = findings(report, "pay-conversion-vs-peer", name).filter((x) => x.subjectType === "product");
        expect(mine).toHaveLength(1);
        const f = mine[0];
        expect(f.status).toBe("bad");
        // Its row in the report sheet: the subject column (B) holds the product's own name.
        const row = grid.values.find((r) => r[7] === f.message);
        expect(row?.[1]).toBe(name);
        expect(cli).toContain(f.message);
      }
      // Actions carry the subject type too: each product action names one of the products, the shop's is "shop".
      const productActions = report.actions.filter((a) => a.subjectType === "product");
      expect(productActions.length).toBeGreaterThan(0);
      for (const a of productActions) expect(NAMES).toContain(a.subject);
      // The whole-table lines keep their own label: the one ℹ of the trend rule (no date column) reads
      // "all products", and no product's finding does.
      const trend = one(report, "product-conversion-trend");
      expect(trend.subject).toBe("");
      const all = language === "en" ? "All products" : "全部商品";
      expect(grid.values.find((r) => r[7] === trend.message)?.[1]).toBe(all);
    });
  }
});
