import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CUSTOM_FUNCTIONS, findFunction } from "../../src/functions/registry";
import { FunctionInputError } from "../../src/functions/arguments";
import * as metrics from "../../src/engine/metrics";

/** Calls a custom function by name the way Sheets would (positional Sheets-style values). */
function call(name: string, ...args: unknown[]): unknown {
  const fn = findFunction(name);
  if (!fn) throw new Error(`no function ${name}`);
  return fn.impl(...args);
}

const column = (...values: unknown[]) => values.map((v) => [v]);

/** Deep comparison that tolerates binary rounding in numbers. */
function expectClose(actual: unknown, expected: unknown): void {
  if (typeof expected === "number") {
    expect(typeof actual).toBe("number");
    expect(actual as number).toBeCloseTo(expected, 10);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    expect((actual as unknown[]).length).toBe(expected.length);
    expected.forEach((e, i) => expectClose((actual as unknown[])[i], e));
  } else {
    expect(actual).toEqual(expected);
  }
}

describe("the registry", () => {
  it("has exactly the DOMAIN.md functions plus FUNNEL and TREND, with their argument orders", () => {
    const signatures = Object.fromEntries(
      CUSTOM_FUNCTIONS.map((fn) => [fn.name, fn.params.map((p) => p.name).join(",")]),
    );
    expect(signatures).toEqual({
      PAY_CONVERSION: "paid_buyers,visitors",
      BROWSE_CONVERSION: "detail_visitors,visitors",
      ORDER_CONVERSION: "order_buyers,detail_visitors",
      PAYMENT_RATE: "paid_buyers,order_buyers",
      VISITOR_VALUE: "sales,visitors",
      AOV: "sales,paid_buyers",
      SALES: "visitors,conversion,aov",
      BOUNCE_RATE: "bounced_visitors,visitors",
      PAGES_PER_VISITOR: "pageviews,visitors",
      AVG_STAY: "total_seconds,visits",
      CTR: "clicks,impressions",
      CPC: "spend,clicks",
      ROI: "ad_sales,spend",
      VISITOR_COST: "spend,visitors",
      CAC: "marketing_spend,new_customers",
      REPURCHASE_RATE: "repeat_buyers,buyers",
      PROFIT_MARGIN: "revenue,cost",
      DSR: "description,service,logistics",
      TARGET_PACE: "actual_to_date,month_target,date",
      FUNNEL: "visitors,detail_visitors,order_buyers,paid_buyers",
      TREND: "values,dates",
      NET_PROFIT: "sales,cogs,fees,ad_spend,refunds",
      PROFIT_PER_UNIT: "price,unit_cost,fee_rate,shipping",
      CONTRIBUTION_MARGIN: "sales,variable_costs",
      BREAKEVEN_ROI: "margin,refund_rate,fee_rate",
      BREAKEVEN_ACOS: "margin,refund_rate,fee_rate",
      REFUND_RATE: "refunds,sales",
      DAYS_OF_COVER: "stock,units_sold,days",
      GPM: "sales,exposures",
      LIVE_FUNNEL: "exposure_users,viewers,product_exposure_users,product_click_users,buyers",
      ENTRY_RATE: "viewers,exposure_users",
      NET_ROI: "net_sales,spend",
    });
  });

  it("gives every function a description, a return, an example that calls it, and described parameters", () => {
    for (const fn of CUSTOM_FUNCTIONS) {
      expect(fn.description.length, fn.name).toBeGreaterThan(20);
      expect(fn.returns.length, fn.name).toBeGreaterThan(5);
      expect(fn.example, fn.name).toContain(`${fn.name}(`);
      for (const p of fn.params) expect(p.description.length, `${fn.name} ${p.name}`).toBeGreaterThan(3);
      expect(fn.samples?.length, fn.name).toBeGreaterThan(0);
    }
  });

  it("shows an example formula that passes exactly one value per parameter", () => {
    for (const fn of CUSTOM_FUNCTIONS) {
      const call = new RegExp(`${fn.name}\\(([^()]*(?:\\([^()]*\\)[^()]*)*)\\)`).exec(fn.example);
      expect(call, fn.example).not.toBeNull();
      // Count top-level commas only: nested calls such as SUM(a, b) keep theirs.
      let depth = 0;
      let args = 1;
      for (const ch of call![1]) {
        if (ch === "(") depth++;
        else if (ch === ")") depth--;
        else if (ch === "," && depth === 0) args++;
      }
      expect(args, fn.example).toBe(fn.params.length);
    }
  });

  it("computes every worked example the reference shows", () => {
    for (const fn of CUSTOM_FUNCTIONS) {
      for (const sample of fn.samples ?? []) expectClose(fn.impl(...sample.args), sample.result);
    }
  });
});

describe("hand-worked examples from the domain notes", () => {
  it("ties sales = visitors × conversion × AOV together", () => {
    // A day: 1,000 visitors, 35 paying buyers, ¥8,330 sales.
    const conversion = call("PAY_CONVERSION", 35, 1000) as number;
    const aov = call("AOV", 8330, 35) as number;
    expect(conversion).toBeCloseTo(0.035, 12);
    expect(aov).toBeCloseTo(238, 12);
    expect(call("SALES", 1000, conversion, aov) as number).toBeCloseTo(8330, 8);
    // Visitor value is conversion × AOV.
    expect(call("VISITOR_VALUE", 8330, 1000) as number).toBeCloseTo(conversion * aov, 12);
    // What-if: the peer conversion 4.2% at today's traffic and AOV.
    expect(call("SALES", 1000, "4.2%", aov) as number).toBeCloseTo(9996, 8);
  });

  it("finds the shop AOV about 1.5 × the hero product's ¥238", () => {
    const hero = call("AOV", "¥4,760.00", 20) as number;
    const shop = call("AOV", "¥17,850", 50) as number;
    expect(hero).toBeCloseTo(238, 12);
    expect(shop / hero).toBeCloseTo(1.5, 12);
  });

  it("reads ROI against break-even 1 ÷ margin", () => {
    const margin = call("PROFIT_MARGIN", 10000, 7500) as number;
    expect(margin).toBeCloseTo(0.25, 12);
    expect(metrics.breakEvenRoi(margin)).toBeCloseTo(4, 12);
    expect(call("ROI", 900, 300)).toBe(3); // below 4: this plan loses money
  });

  it("averages DSR scores and paces the monthly target by days elapsed including the date", () => {
    expect(call("DSR", 4.8, 4.6, 4.7) as number).toBeCloseTo(4.7, 12);
    // November has 30 days; by the 15th (included) half of ¥300,000 is due.
    expect(call("TARGET_PACE", 120000, 300000, new Date(2026, 10, 15))).toBeCloseTo(0.8, 12);
    expect(call("TARGET_PACE", 150000, 300000, "2026-11-15")).toBeCloseTo(1, 12);
    expect(call("TARGET_PACE", 150000, 300000, "2026/11/15")).toBeCloseTo(1, 12);
    // The 1st counts as one elapsed day: 1/30 of the target.
    expect(call("TARGET_PACE", 10000, 300000, "2026-11-01")).toBeCloseTo(1, 12);
    // February in a leap year has 29 days.
    expect(call("TARGET_PACE", 29000, 29000, "2028-02-29")).toBeCloseTo(1, 12);
    expect(call("TARGET_PACE", 14000, 28000, "2027-02-14")).toBeCloseTo(1, 12);
  });
});

describe("export-style text and blanks", () => {
  it("reads pasted numbers: percentages, grouping, currency, Indian grouping", () => {
    expect(call("PAY_CONVERSION", "1,234", "12,340")).toBeCloseTo(0.1, 12);
    expect(call("AOV", "₹1,08,218.36", 2)).toBeCloseTo(54109.18, 8);
    expect(call("CPC", "$99", 9)).toBe(11);
    expect(call("SALES", "1,000", "12.5%", "¥80.00")).toBe(10000);
  });

  it("leaves a cell blank when an input has no data (blank, -, --, —), never 0", () => {
    for (const none of ["", "-", "--", "—"]) {
      expect(call("PAY_CONVERSION", none, 100)).toBe("");
      expect(call("PAY_CONVERSION", 5, none)).toBe("");
    }
    expect(call("PAY_CONVERSION", column(5, "", "-"), column(100, "", 40))).toEqual([[0.05], [""], [""]]);
  });
});

describe("broadcasting over ranges", () => {
  it("divides column by column and keeps the range's shape", () => {
    expectClose(call("PAY_CONVERSION", column(35, 12, 0), column(1000, 400, 300)), [[0.035], [0.03], [0]]);
    expectClose(
      call(
        "CTR",
        [
          [10, 20],
          [30, 40],
        ],
        [
          [100, 200],
          [300, 800],
        ],
      ),
      [
        [0.1, 0.1],
        [0.1, 0.05],
      ],
    );
  });

  it("broadcasts a single value (or a 1×1 range) against a range", () => {
    expectClose(call("SALES", column(1000, 2000), 0.03, 100), [[3000], [6000]]);
    expectClose(call("SALES", column(1000, 2000), [[0.03]], [[100]]), [[3000], [6000]]);
    expectClose(call("VISITOR_COST", 300, column(100, 150)), [[3], [2]]);
  });

  it("fills an open-ended column: trailing blank rows stay blank", () => {
    const paid = column(35, 12, ...Array<string>(50).fill(""));
    const visitors = column(1000, 400, ...Array<string>(50).fill(""));
    const out = call("PAY_CONVERSION", paid, visitors) as unknown[][];
    expect(out).toHaveLength(52);
    expect(out.slice(2).every((row) => row.length === 1 && row[0] === "")).toBe(true);
    // A single value broadcast against blank rows does not make them compute.
    expect((call("SALES", column(1000, ""), 0.03, 100) as unknown[][])[1]).toEqual([""]);
  });

  it("leaves a zero-denominator row blank in a range, but explains it on single cells", () => {
    expect(call("PAY_CONVERSION", column(3, 0), column(0, 10))).toEqual([[""], [0]]);
    expect(() => call("PAY_CONVERSION", 3, 0)).toThrow("PAY_CONVERSION: visitors is 0, so there is no conversion rate");
    expect(() => call("AOV", 100, 0)).toThrow("AOV: paid_buyers is 0, so there is no average order value");
    expect(() => call("PROFIT_MARGIN", 0, 10)).toThrow("PROFIT_MARGIN: revenue is 0, so there is no profit margin");
    expect(() => call("TARGET_PACE", 5, 0, "2026-11-10")).toThrow("TARGET_PACE: month_target is 0");
  });

  it("refuses ranges of different shapes, naming both arguments and their sizes", () => {
    expect(() => call("PAY_CONVERSION", column(1, 2, 3), column(10, 20))).toThrow(
      "PAY_CONVERSION: paid_buyers is 3 rows × 1 column but visitors is 2 rows × 1 column",
    );
    expect(() => call("CTR", [[1, 2]], column(1, 2))).toThrow(
      /clicks is 1 row × 2 columns but impressions is 2 rows × 1 column/,
    );
  });
});

describe("FUNNEL", () => {
  it("returns browse, order, payment and pay conversion for each input row", () => {
    const out = call(
      "FUNNEL",
      column(1000, 500, "", 0),
      column(640, 200, "", 0),
      column(48, 20, "", 0),
      column(36, 15, "", 0),
    );
    expectClose(out, [
      [0.64, 0.075, 0.75, 0.036],
      [0.4, 0.1, 0.75, 0.03],
      ["", "", "", ""],
      ["", "", "", ""],
    ]);
  });

  it("fills what it can when a stage has no data or no denominator", () => {
    expectClose(call("FUNNEL", 1000, 640, "-", 36), [[0.64, "", "", 0.036]]);
    expectClose(call("FUNNEL", 1000, 640, 0, 0), [[0.64, 0, "", 0]]);
  });

  it("asks for one column per argument", () => {
    expect(() =>
      call(
        "FUNNEL",
        [
          [1, 2],
          [3, 4],
        ],
        1,
        1,
        1,
      ),
    ).toThrow(/FUNNEL: visitors has 2 columns/);
  });
});

describe("bad input messages name the function, the argument and the row", () => {
  const cases: [string, () => unknown, string | RegExp][] = [
    [
      "prose in a single cell",
      () => call("PAY_CONVERSION", "about ten", 100),
      'PAY_CONVERSION: paid_buyers is "about ten", which is not a number',
    ],
    [
      "prose in row 3 of a range",
      () => call("PAY_CONVERSION", column(1, 2, "n/a?"), column(10, 20, 30)),
      'PAY_CONVERSION: paid_buyers in row 3 is "n/a?", which is not a number',
    ],
    [
      "a Date where a number goes",
      () => call("VISITOR_VALUE", 100, new Date(2026, 10, 22)),
      "VISITOR_VALUE: visitors is a date (2026-11-22), but a number is expected",
    ],
    [
      "a Date inside a range",
      () => call("AOV", column(100, new Date(2026, 0, 2)), 5),
      "AOV: sales in row 2 is a date (2026-01-02)",
    ],
    ["a boolean", () => call("CTR", true, 100), "CTR: clicks is TRUE, but a number is expected"],
    [
      "a negative count",
      () => call("BOUNCE_RATE", column(5, -3), column(10, 10)),
      "BOUNCE_RATE: bounced_visitors in row 2 is -3, but a count can't be negative",
    ],
    [
      "negative spend",
      () => call("CPC", -5, 10),
      "CPC: spend is -5, but an amount spent or targeted can't be negative",
    ],
    [
      "a rate given as a percent number",
      () => call("SALES", 1000, 3.5, 238),
      "SALES: conversion is 3.5, but rates are fractions from 0 to 1 — did you mean 3.5%?",
    ],
    [
      "a rate far out of range",
      () => call("SALES", 1000, 350, 238),
      "SALES: conversion is 350, but a rate must be between 0 and 1",
    ],
    [
      "a negative rate in a range",
      () => call("SALES", 1000, column(0.03, -0.1), 238),
      "SALES: conversion in row 2 is -0.1, but a rate must be between 0 and 1",
    ],
    ["a DSR score above 5", () => call("DSR", 4.8, 48, 4.7), "DSR: service is 48, but DSR scores run from 1 to 5"],
    [
      "a DSR score below 1",
      () => call("DSR", column(4.8, 0.5), 4.7, 4.6),
      "DSR: description in row 2 is 0.5, but DSR scores run from 1 to 5",
    ],
    [
      "a number where a date goes",
      () => call("TARGET_PACE", 100, 300, 15),
      "TARGET_PACE: date is the number 15, but a date is expected",
    ],
    [
      "unreadable date text",
      () => call("TARGET_PACE", 100, 300, "15 Nov"),
      'TARGET_PACE: date is "15 Nov", which is not a date I can read',
    ],
    [
      "an impossible date",
      () => call("TARGET_PACE", 100, 300, "2026-02-30"),
      'TARGET_PACE: date is "2026-02-30", which is not a date I can read',
    ],
    [
      "a missing argument",
      () => call("AOV", 100),
      "AOV needs 2 arguments (sales, paid_buyers); paid_buyers is missing",
    ],
    [
      "a column named in a wide range",
      () =>
        call(
          "CTR",
          [
            [1, 2],
            [3, "x"],
          ],
          [
            [10, 10],
            [10, 10],
          ],
        ),
      'CTR: clicks in row 2, column 2 is "x"',
    ],
    ["a ragged array", () => call("CTR", [[1, 2], [3]], 10), "CTR: clicks is not a rectangular range"],
  ];
  for (const [label, run, message] of cases) {
    it(label, () => {
      expect(run).toThrow(FunctionInputError);
      expect(run).toThrow(message);
    });
  }
});

describe("never NaN, Infinity or a silent 0", () => {
  const cell = fc.oneof(
    fc.double({ noNaN: false }),
    fc.integer({ min: -5, max: 100000 }),
    fc.constantFrom("", "-", "--", "—", "12.5%", "1,234", "¥1,234.00", "abc", "0", "3.5"),
    fc.boolean(),
    fc.constant(new Date(2026, 10, 22)),
  );
  it("every function returns a finite number, a blank, or throws a named error", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CUSTOM_FUNCTIONS),
        fc.array(cell, { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        (fn, cells, asRange) => {
          const args = fn.params.map((_, i) => (asRange ? [[cells[i]], [cells[(i + 1) % 4]]] : cells[i]));
          let result: unknown;
          try {
            result = fn.impl(...args);
          } catch (error) {
            expect(error).toBeInstanceOf(FunctionInputError);
            expect((error as Error).message.startsWith(fn.name)).toBe(true);
            return;
          }
          const flat = Array.isArray(result) ? (result as unknown[][]).flat() : [result];
          for (const v of flat) expect(v === "" || (typeof v === "number" && Number.isFinite(v))).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("multi-day figures", () => {
  it("AVERAGE of daily BOUNCE_RATE is the platform's multi-day bounce, not the pooled ratio", () => {
    const bounced = column(600, 90);
    const visitors = column(1000, 100);
    const daily = (call("BOUNCE_RATE", bounced, visitors) as number[][]).map((r) => r[0]);
    const mean = (daily[0] + daily[1]) / 2;
    expect(mean).toBeCloseTo(0.75, 12);
    expect(
      metrics.multiDayBounceRate([
        { bounced: 600, visitors: 1000 },
        { bounced: 90, visitors: 100 },
      ]),
    ).toBeCloseTo(0.75, 12);
    // Pooled would be 690 / 1100 ≈ 0.627: a different number.
    expect(call("BOUNCE_RATE", 690, 1100) as number).not.toBeCloseTo(mean, 2);
  });

  it("a period's conversion is PAY_CONVERSION of the sums, not the mean of daily rates", () => {
    const daily = (call("PAY_CONVERSION", column(30, 1), column(1000, 10)) as number[][]).map((r) => r[0]);
    expect((daily[0] + daily[1]) / 2).toBeCloseTo(0.065, 12);
    expect(call("PAY_CONVERSION", 31, 1010) as number).toBeCloseTo(0.0307, 4);
  });
});

describe("TREND", () => {
  const trend = findFunction("TREND")!.impl;
  it("words the least-squares slope as % of the mean per week", () => {
    // x = 0..3, mean x 1.5, mean y 115; slope = Σ(x−1.5)(y−115) ÷ Σ(x−1.5)² = (1.5·15 + 0.5·5 + 0.5·5 + 1.5·15) ÷ 5 = 50 ÷ 5 = 10 a day.
    // 10 × 7 ÷ 115 = 0.6087 → ↑ +60.9%/week.
    expect(trend([[100], [110], [120], [130]])).toBe("↑ +60.9%/week");
    // Days 0, 2, 4 from the dates: slope −5 a day, mean 190: −35 ÷ 190 = −0.1842 → ↓ -18.4%/week.
    expect(trend([[200], [190], [180]], [["2026-11-01"], ["2026-11-03"], ["2026-11-05"]])).toBe("↓ -18.4%/week");
    // A blank value drops its date too: the same three points.
    expect(trend([[200], [""], [190], [180]], [["2026-11-01"], ["2026-11-02"], ["2026-11-03"], ["2026-11-05"]])).toBe(
      "↓ -18.4%/week",
    );
    // 100, 101, 100.5, 101.5: slope 0.4 a day → 2.8 ÷ 100.75 = 2.8% a week; under 0.5% a week is flat.
    expect(trend([[100], [101], [100.5], [101.5]])).toBe("↑ +2.8%/week");
    expect(trend([[1000], [1000.5], [1001]])).toBe("→ +0.3%/week"); // 0.5 × 7 ÷ 1000.5 = 0.3498 %
  });
  it("names what is wrong", () => {
    expect(() => trend([[100]])).toThrow("TREND: values needs at least two numbers");
    expect(() => trend([[1], [2]], [["2026-11-01"]])).toThrow("dates has 1 cells but values has 2");
    expect(() => trend([[1], ["abc"]])).toThrow("TREND: values in row 2");
    expect(() => trend([[0], [0]])).toThrow("average 0 or less");
  });
});

describe("profit functions (issue 14), worked by hand", () => {
  it("BREAKEVEN_ROI: ROI 3.2 at 35 % margin clears 1 ÷ 0.35 but not the break-even after 20 % refunds and 5 % fees", () => {
    // 1 ÷ 0.35 = 2.857 < 3.2: fine without refunds.
    const plain = call("BREAKEVEN_ROI", 0.35) as number;
    expect(plain).toBeCloseTo(2.857142857, 8);
    expect(3.2).toBeGreaterThan(plain);
    // 1 ÷ (0.35 × 0.8 × 0.95) = 1 ÷ 0.266 = 3.759 > 3.2: the plan loses money.
    const after = call("BREAKEVEN_ROI", "35%", "20%", "5%") as number;
    expect(after).toBeCloseTo(3.759398496, 8);
    expect(3.2).toBeLessThan(after);
    // BREAKEVEN_ACOS is its inverse: 26.6 %.
    expect(call("BREAKEVEN_ACOS", 0.35, 0.2, 0.05) as number).toBeCloseTo(0.266, 12);
    expect((call("BREAKEVEN_ACOS", 0.35, 0.2, 0.05) as number) * after).toBeCloseTo(1, 12);
    // Only the refund rate given: 1 ÷ (0.35 × 0.8) = 3.571.
    expect(call("BREAKEVEN_ROI", 0.35, 0.2) as number).toBeCloseTo(3.571428571, 8);
  });

  it("BREAKEVEN_ROI explains a margin of 0 and a refund rate of 100 %; a blank margin stays blank", () => {
    expect(() => call("BREAKEVEN_ROI", 0)).toThrow("BREAKEVEN_ROI: margin × (1 − refund_rate) × (1 − fee_rate) is 0");
    expect(() => call("BREAKEVEN_ROI", 0.35, 1)).toThrow(FunctionInputError);
    expect(() => call("BREAKEVEN_ROI", 35)).toThrow("did you mean 35%?");
    expect(call("BREAKEVEN_ROI", "")).toBe("");
    // A blank cell given on purpose is "no data", not 0.
    expect(call("BREAKEVEN_ROI", 0.35, "")).toBe("");
  });

  it("NET_PROFIT takes refunds, fees, COGS and ad spend off sales; a negative cost is refused", () => {
    // 10,000 − 600 − 800 − 4,000 − 1,500 = 3,100
    expect(call("NET_PROFIT", "¥10,000", 4000, 800, 1500, 600)).toBe(3100);
    expect(() => call("NET_PROFIT", 10000, -4000, 800, 1500, 600)).toThrow(
      "NET_PROFIT: cogs is -4000, but it is a sum of money that can't be negative",
    );
    // Column mode: row 2 has no refunds figure yet, so it stays blank rather than pretending 0.
    expect(
      call("NET_PROFIT", column(10000, 5000), column(4000, 3000), 800, column(1500, 2000), column(600, "")),
    ).toEqual([[3100], [""]]);
  });

  it("PROFIT_PER_UNIT, CONTRIBUTION_MARGIN, REFUND_RATE and DAYS_OF_COVER", () => {
    // 59 × (1 − 0.1) − 45 − 12 = 53.1 − 57 = −3.9
    expect(call("PROFIT_PER_UNIT", 59, 45, "10%", 12) as number).toBeCloseTo(-3.9, 12);
    // (10,000 − 7,000) ÷ 10,000 = 0.3; with costs above sales it is negative, not refused.
    expect(call("CONTRIBUTION_MARGIN", 10000, 7000) as number).toBeCloseTo(0.3, 12);
    expect(call("CONTRIBUTION_MARGIN", 1000, 1200) as number).toBeCloseTo(-0.2, 12);
    expect(() => call("CONTRIBUTION_MARGIN", 0, 10)).toThrow("sales is 0, so there is no contribution margin");
    // 1,200 refunded of 8,000 sold: 15 %. Refunds dated by refund day may exceed a short period's sales.
    expect(call("REFUND_RATE", 1200, 8000) as number).toBeCloseTo(0.15, 12);
    expect(call("REFUND_RATE", 900, 600) as number).toBeCloseTo(1.5, 12);
    // 45 units, 210 sold in 30 days = 7 a day: 45 ÷ 7 = 6.43 days.
    expect(call("DAYS_OF_COVER", 45, 210, 30) as number).toBeCloseTo(6.428571429, 8);
    expect(() => call("DAYS_OF_COVER", 45, 0, 30)).toThrow("units_sold or days is 0");
    expect(call("DAYS_OF_COVER", column(45, 10), column(210, 0), 30)).toEqual([[45 / 7], [""]]);
  });
});

// content commerce (issue 12)
describe("GPM, LIVE_FUNNEL, ENTRY_RATE, NET_ROI", () => {
  it("GPM is sales per 1,000 exposures, blank when there were none", () => {
    // 144,000 ÷ 150,000 × 1,000 = 960 (goods GPM); 28,800 ÷ 9,600 × 1,000 = 3,000 (live GPM)
    expectClose(call("GPM", column(144000, 28800, 5), column(150000, 9600, 0)), [[960], [3000], [""]]);
  });

  it("LIVE_FUNNEL returns the four step rates per room-session", () => {
    // 8,000 ÷ 40,000 = 0.2; 4,800 ÷ 8,000 = 0.6; 960 ÷ 4,800 = 0.2; 96 ÷ 960 = 0.1
    // 2,400 ÷ 16,000 = 0.15; 1,440 ÷ 2,400 = 0.6; 216 ÷ 1,440 = 0.15; 18 ÷ 216 = 0.0833…
    const out = call(
      "LIVE_FUNNEL",
      column(40000, 16000),
      column(8000, 2400),
      column(4800, 1440),
      column(960, 216),
      column(96, 18),
    );
    expectClose(out, [
      [0.2, 0.6, 0.2, 0.1],
      [0.15, 0.6, 0.15, 18 / 216],
    ]);
  });

  it("LIVE_FUNNEL names a step whose people exceed the step before (swapped columns)", () => {
    expect(() => call("LIVE_FUNNEL", 40000, 8000, 4800, 96, 960)).toThrow(
      /buyers \(960\) is more than product_click_users \(96\)/,
    );
  });

  it("ENTRY_RATE is a share of the people shown the room; NET_ROI may fall below 1", () => {
    expectClose(call("ENTRY_RATE", 8000, 40000), 0.2);
    expect(() => call("ENTRY_RATE", 50000, 40000)).toThrow(/viewers \(50,?000\) is more than exposure_users/);
    // 12,000 ÷ 5,000 = 2.4; 3,000 ÷ 2,000 = 1.5; a refund-heavy day: −100 ÷ 50 = −2
    expectClose(call("NET_ROI", column(12000, 3000, -100), column(5000, 2000, 50)), [[2.4], [1.5], [-2]]);
    expect(() => call("NET_ROI", 100, -5)).toThrow(/spend/);
  });
});
