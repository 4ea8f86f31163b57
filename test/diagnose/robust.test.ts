/**
 * Whatever the pasted numbers (zeros, negatives, blanks, huge values, rates above 1), the
 * diagnosis finishes and every figure a user reads is a real number: no NaN, no Infinity,
 * no unfilled placeholder, a score within 0–100, at most three actions taken from the findings.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layoutReport } from "../../src/engine";
import type { FieldName, TableKind, TableRow } from "../../src/engine";
import { day, run, table } from "./helpers";

const value = fc.oneof(
  fc.constant(null),
  fc.constant(0),
  fc.integer({ min: -50, max: 100_000 }),
  fc.double({ min: -1, max: 5, noNaN: true, noDefaultInfinity: true }),
);

const FIELDS: Record<TableKind, FieldName[]> = {
  "shop-daily": [
    "visitors",
    "pageviews",
    "sales",
    "paidBuyers",
    "payConversion",
    "aov",
    "bounceRate",
    "orderBuyers",
    "detailVisitors",
    "repeatBuyers",
    "dsrDescription",
    "dsrService",
    "dsrLogistics",
  ],
  products: [
    "visitors",
    "sales",
    "paidBuyers",
    "payConversion",
    "price",
    "orderBuyers",
    "badReviews",
    "presale",
    "units",
  ],
  "traffic-sources": ["visitors", "paidBuyers", "sales", "payConversion"],
  "ad-plans": ["impressions", "clicks", "spend", "adSales", "ctr", "roi"],
  "service-agents": ["consultations", "paidBuyers", "consultConversion", "sales"],
  "search-terms": ["visitors", "paidBuyers", "sales"],
  "live-sessions": ["exposureUsers", "viewers", "productExposureUsers", "productClickUsers", "paidBuyers", "sales"],
  "content-items": ["plays", "paidBuyers", "sales"],
  orders: ["sales", "units"],
  costs: ["unitCost", "shippingCost", "packagingCost", "stock", "price"],
  events: [],
  unknown: [],
};
const KEY: Partial<Record<TableKind, FieldName>> = {
  products: "product",
  "traffic-sources": "source",
  "ad-plans": "plan",
  "service-agents": "agent",
  costs: "product",
  events: "eventName",
  "live-sessions": "liveRoom",
  "content-items": "contentItem",
};

function tableOf(kind: TableKind) {
  return fc
    .array(
      fc.record({
        d: fc.integer({ min: 0, max: 40 }),
        name: fc.constantFrom("A", "B", "C", "预售D", "=SUM(1)"),
        values: fc.array(value, { minLength: FIELDS[kind].length, maxLength: FIELDS[kind].length }),
      }),
      { minLength: 0, maxLength: 30 },
    )
    .map((rows) =>
      table(
        kind,
        rows.map((r) => {
          const row: TableRow = { date: day(r.d) };
          const key = KEY[kind];
          if (key) row[key] = r.name;
          FIELDS[kind].forEach((f, i) => (row[f] = r.values[i]));
          return row;
        }),
      ),
    );
}

const settings = fc.record(
  {
    peerPayConversion: fc.double({ min: 0.001, max: 0.5, noNaN: true }),
    peerVisitorValue: fc.double({ min: 0.1, max: 100, noNaN: true }),
    peerDsr: fc.double({ min: 1, max: 5, noNaN: true }),
    monthlyTarget: fc.double({ min: 1, max: 1e7, noNaN: true }),
    grossMargin: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
    platformFeeRate: fc.double({ min: 0.001, max: 0.5, noNaN: true }),
    defaultRefundRate: fc.double({ min: 0.001, max: 0.9, noNaN: true }),
    language: fc.constantFrom("zh-CN" as const, "zh-TW" as const, "en" as const),
  },
  { requiredKeys: [] },
);

describe("diagnosis on arbitrary numbers", () => {
  it("always yields readable figures, a 0–100 score or a reason for none, and at most three actions", () => {
    fc.assert(
      fc.property(
        tableOf("shop-daily"),
        tableOf("products"),
        tableOf("traffic-sources"),
        tableOf("ad-plans"),
        tableOf("service-agents"),
        tableOf("costs"),
        settings,
        (shop, products, sources, plans, agents, costs, s) => {
          const report = run([shop, products, sources, plans, agents, costs], s);
          // A score exactly when the coverage allows one; otherwise null with a worded reason.
          if (report.score === null) {
            expect(report.scoreReason!.message).not.toMatch(/NaN|Infinity|undefined|\{\w+\}/);
          } else {
            expect(report.score).toBeGreaterThanOrEqual(0);
            expect(report.score).toBeLessThanOrEqual(100);
            expect(report.scoreReason).toBeNull();
          }
          expect(report.actions.length).toBeLessThanOrEqual(3);
          for (const f of report.findings) {
            for (const n of [f.value, f.benchmark, f.impact])
              if (n !== null) expect(Number.isFinite(n), `${f.rule} ${f.metric} ${n}`).toBe(true);
            expect(f.message).not.toMatch(/NaN|Infinity|undefined|\{\w+\}/);
          }
          for (const a of report.actions) {
            expect(a.impact).not.toBeNull();
            expect(a.message).not.toMatch(/NaN|Infinity|undefined|\{\w+\}/);
            expect(
              report.findings.some(
                (f) => f.rule === a.rule && f.subject === a.subject && (f.status === "bad" || f.status === "warn"),
              ),
            ).toBe(true);
          }
          const grid = layoutReport(report);
          for (const row of grid.values)
            for (const v of row)
              if (typeof v === "number") expect(Number.isFinite(v), `grid ${row.join("|")}`).toBe(true);
        },
      ),
      { numRuns: 300, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31) },
    );
  });
});
