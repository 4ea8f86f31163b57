import { describe, expect, it } from "vitest";
import { fieldMask, Totals, TotalsStore } from "../../src/engine/rules/totals";

describe("Totals.add (table-driven)", () => {
  it("sums counts and recomputes rates from the sums", () => {
    const t = new Totals();
    t.add({ visitors: 1000, paidBuyers: 30, sales: 4500 });
    t.add({ visitors: 3000, paidBuyers: 30, sales: 1500 });
    expect(t.rows).toBe(2);
    expect(t.get("visitors")).toBe(4000);
    expect(t.get("paidBuyers")).toBe(60);
    // 60 / 4000, not the mean of 3% and 1%
    expect(t.payConversion()).toBeCloseTo(0.015, 12);
    expect(t.aov()).toBe(100); // 6000 / 60
    expect(t.get("orders")).toBeNull(); // never seen: no total, not 0
  });

  it("fills a missing count from its rate × the row's own denominator", () => {
    const t = new Totals();
    // paid = 2% × 500 = 10; sales = aov 80 × 10 = 800; pageviews = 3 × 500; orderBuyers = 4% × 500
    t.add({ visitors: 500, payConversion: 0.02, aov: 80, pagesPerVisitor: 3, orderConversion: 0.04 });
    expect(t.get("paidBuyers")).toBeCloseTo(10, 12);
    expect(t.get("sales")).toBeCloseTo(800, 9);
    expect(t.get("pageviews")).toBe(1500);
    expect(t.get("orderBuyers")).toBeCloseTo(20, 12);
    expect(t.payConversionColumnMean()).toBe(0.02);
  });

  it("chains the ad fallbacks: clicks from ctr, spend from cpc, ad sales from roi", () => {
    const t = new Totals();
    // clicks = 2% × 10,000 = 200; spend = 0.5 × 200 = 100; adSales = 3 × 100 = 300
    t.add({ impressions: 10_000, ctr: 0.02, cpc: 0.5, roi: 3 });
    expect(t.get("clicks")).toBe(200);
    expect(t.get("spend")).toBe(100);
    expect(t.get("adSales")).toBe(300);
    expect(t.roi()).toBe(3);
  });

  it("prefers the count column, and takes pre-sale deposit buyers as orders", () => {
    const t = new Totals();
    t.add({ visitors: 100, paidBuyers: 7, payConversion: 0.5, depositBuyers: 4 });
    t.add({ visitors: 100, presaleOrders: 6 });
    expect(t.get("paidBuyers")).toBe(7); // the column, not 50% × 100
    expect(t.get("orderBuyers")).toBe(10); // 4 deposit buyers + 6 pre-sale orders
  });

  it("keeps bounce rate, price and repurchase as means; bounce from bounced ÷ visitors", () => {
    const t = new Totals();
    t.add({ visitors: 200, bouncedVisitors: 100, price: 10, repurchaseRate: 0.2, paidBuyers: 10 });
    t.add({ visitors: 0, bouncedVisitors: 5, price: 30, repeatBuyerShare: 0.4, paidBuyers: 5 });
    t.add({ bounceRate: 0.7 });
    // (0.5 + 0.7) / 2: the zero-visitor row has no bounce rate
    expect(t.bounceRate()).toBeCloseTo(0.6, 12);
    expect(t.price()).toBe(20);
    // repeat buyers 0.2 × 10 + 0.4 × 5 = 4, ÷ 15 paid buyers
    expect(t.get("repeatBuyers")).toBeCloseTo(4, 12);
    expect(t.repurchaseRate()).toBeCloseTo(4 / 15, 12);
  });

  it("ignores text, blanks and non-finite cells, and honours the column mask", () => {
    const t = new Totals();
    t.add({ visitors: "1,000", paidBuyers: null, sales: Number.POSITIVE_INFINITY, units: 3 });
    expect(t.get("visitors")).toBeNull();
    expect(t.get("sales")).toBeNull();
    expect(t.get("units")).toBe(3);
    const masked = new Totals();
    masked.add({ visitors: 10, units: 3 }, fieldMask({ visitors: 0 }));
    expect(masked.get("visitors")).toBe(10);
    expect(masked.get("units")).toBeNull(); // the table has no units column
  });

  it("merges another Totals' sums and means", () => {
    const a = new Totals();
    const b = new Totals();
    a.add({ visitors: 10, price: 4 });
    b.add({ visitors: 5, price: 8 });
    a.merge(b);
    expect(a.rows).toBe(2);
    expect(a.get("visitors")).toBe(15);
    expect(a.price()).toBe(6);
  });

  it("a store made for some tables keeps only their slots, with the same sums as a full one", () => {
    const products = fieldMask({ visitors: 0, paidBuyers: 1, sales: 2, price: 3 });
    const days = fieldMask({ visitors: 0, bounceRate: 1 });
    const store = new TotalsStore([products, days]);
    // visitors, paidBuyers, sales, the price mean (sum + count), the bounce mean (sum + count),
    // after the row count and the seen bits: 9 doubles, not 2 + 25
    expect(store.width).toBe(9);
    const rows = [
      { visitors: 1000, paidBuyers: 30, sales: 4500, price: 150 },
      { visitors: 500, paidBuyers: 10, sales: 1000, price: 100 },
    ];
    const compact = [new Totals(store), new Totals(store)];
    const full = new Totals();
    for (const t of compact) for (const row of rows) t.add(row, products);
    for (const row of rows) full.add(row, products);
    compact[1].add({ visitors: 200, bounceRate: 0.5 }, days);
    expect(compact[0].rows).toBe(2);
    expect(compact[0].get("visitors")).toBe(1500);
    expect(compact[0].get("sales")).toBe(5500);
    expect(compact[0].payConversion()).toBe(full.payConversion()); // 40 ÷ 1,500
    expect(compact[0].price()).toBe(125); // the mean of 150 and 100
    expect(compact[0].bounceRate()).toBeNull(); // no row of it had one
    expect(compact[0].get("units")).toBeNull(); // not a slot of this store
    // the second Totals of the block is its own: 1,700 visitors, bounce 0.5
    expect(compact[1].get("visitors")).toBe(1700);
    expect(compact[1].bounceRate()).toBe(0.5);
    expect(compact[1].rows).toBe(3);
  });

  it("refuses a row with a field its store has no slot for, rather than drop it", () => {
    const store = new TotalsStore([fieldMask({ visitors: 0 })]);
    const t = new Totals(store);
    expect(() => t.add({ visitors: 1, units: 2 }, fieldMask({ visitors: 0, units: 1 }))).toThrow(/not made for/);
    // merging into it a Totals that has units is refused the same way
    const other = new Totals();
    other.add({ units: 2 });
    expect(() => t.merge(other)).toThrow(/not made for/);
  });
});
