/**
 * Our functions inside a real spreadsheet engine: formulas that spill, nest, and feed
 * built-ins such as AVERAGE and SUM, the way an operator writes them in Sheets.
 */
import { DetailedCellError } from "hyperformula";
import type { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { CUSTOM_FUNCTIONS } from "../../src/functions/registry";
import { buildSheet, serialToDate } from "./hyperformula-bridge";

// A week of a shop: A date, B paid buyers, C visitors, D bounced visitors, E sales.
const WEEK: unknown[][] = [
  ["统计日期", "支付买家数", "访客数", "跳失访客数", "支付金额"],
  ["2026-11-01", 35, 1000, 620, "8330"],
  ["2026-11-02", 30, 1200, 700, 7140],
  ["2026-11-03", 12, 400, 300, 2856],
  ["2026-11-04", 0, 0, 0, 0],
  ["2026-11-05", 44, 1100, 640, 10472],
  ["2026-11-06", "", "", "", ""],
  ["2026-11-07", 50, 1250, 690, 11900],
];

function value(hf: HyperFormula, a1: string): unknown {
  const address = hf.simpleCellAddressFromString(a1, 0);
  if (!address) throw new Error(`bad address ${a1}`);
  return hf.getCellValue(address);
}

/** The sheet with extra formula cells placed to the right (column G onwards). */
function withFormulas(formulas: Record<string, string>): HyperFormula {
  const rows: unknown[][] = WEEK.map((r) => [...r, null, null, null, null, null, null]);
  for (const [a1, formula] of Object.entries(formulas)) {
    const m = /^([A-Z])(\d+)$/.exec(a1)!;
    const col = m[1].charCodeAt(0) - 65;
    const row = Number(m[2]) - 1;
    while (rows.length <= row) rows.push(Array<unknown>(11).fill(null));
    rows[row][col] = formula;
  }
  return buildSheet(rows);
}

describe("custom functions in a spreadsheet engine", () => {
  it("registers every function of the registry", () => {
    const hf = buildSheet([[""]]);
    const known = new Set(hf.getRegisteredFunctionNames());
    for (const fn of CUSTOM_FUNCTIONS) expect(known.has(fn.name), fn.name).toBe(true);
    hf.destroy();
  });

  it("spills =PAY_CONVERSION(B2:B8, C2:C8) down the column, blank where there is no rate", () => {
    const hf = withFormulas({ G2: "=PAY_CONVERSION(B2:B8, C2:C8)" });
    expect(value(hf, "G2")).toBeCloseTo(0.035, 12);
    expect(value(hf, "G3")).toBeCloseTo(0.025, 12);
    expect(value(hf, "G4")).toBeCloseTo(0.03, 12);
    expect(value(hf, "G5")).toBe(""); // 0 visitors: no rate, not an error in a range
    expect(value(hf, "G6")).toBeCloseTo(0.04, 12);
    expect(value(hf, "G7")).toBe(""); // nothing pasted that day
    expect(value(hf, "G8")).toBeCloseTo(0.04, 12);
    hf.destroy();
  });

  it("gives the multi-day bounce rate as AVERAGE(BOUNCE_RATE(…)), the mean of daily rates", () => {
    const hf = withFormulas({ G2: "=AVERAGE(BOUNCE_RATE(D2:D8, C2:C8))", H2: "=SUM(D2:D8)/SUM(C2:C8)" });
    const daily = [620 / 1000, 700 / 1200, 300 / 400, 640 / 1100, 690 / 1250];
    const mean = daily.reduce((a, b) => a + b, 0) / daily.length;
    expect(value(hf, "G2")).toBeCloseTo(mean, 12);
    // The pooled ratio is a different figure; the platform reports the mean.
    expect(Math.abs((value(hf, "H2") as number) - mean)).toBeGreaterThan(0.005);
    hf.destroy();
  });

  it("nests: =SALES(C2, PAY_CONVERSION(B2, C2), AOV(E2, B2)) rebuilds the day's sales", () => {
    const hf = withFormulas({
      G2: "=SALES(C2, PAY_CONVERSION(B2, C2), AOV(E2, B2))",
      G3: "=SALES(C3, PAY_CONVERSION(B3, C3), AOV(E3, B3))",
    });
    expect(value(hf, "G2")).toBeCloseTo(8330, 8);
    expect(value(hf, "G3")).toBeCloseTo(7140, 8);
    hf.destroy();
  });

  it("takes a period's conversion from the sums: =PAY_CONVERSION(SUM(B2:B8), SUM(C2:C8))", () => {
    const hf = withFormulas({ G2: "=PAY_CONVERSION(SUM(B2:B8), SUM(C2:C8))" });
    expect(value(hf, "G2")).toBeCloseTo(171 / 4950, 12);
    hf.destroy();
  });

  it("gives TREND's text next to a metric column, with and without dates", () => {
    // Sales 100, 110, 120, 130 on 2026-11-01..04: slope 10 a day, mean 115 → 70 ÷ 115 = +60.9 % a week.
    const hf = buildSheet([
      ["2026-11-01", 100, "=TREND(B1:B4)", "=TREND(B1:B4, A1:A4)"],
      ["2026-11-02", 110],
      ["2026-11-03", 120],
      ["2026-11-04", 130],
    ]);
    expect(value(hf, "C1")).toBe("↑ +60.9%/week");
    expect(value(hf, "D1")).toBe("↑ +60.9%/week");
    hf.destroy();
  });

  it("spills FUNNEL four columns wide", () => {
    const hf = buildSheet([
      [1000, 640, 48, 36, "=FUNNEL(A1:A2, B1:B2, C1:C2, D1:D2)"],
      [500, 200, 20, 15],
    ]);
    const out = hf.getSheetValues(0).map((r) => r.slice(4, 8));
    const expected = [
      [0.64, 0.075, 0.75, 0.036],
      [0.4, 0.1, 0.75, 0.03],
    ];
    expected.forEach((row, r) => row.forEach((v, c) => expect(out[r][c]).toBeCloseTo(v, 12)));
    hf.destroy();
  });

  it("reads a date cell (a serial number in the engine) as a Date for TARGET_PACE", () => {
    expect(serialToDate(46336).getDate()).toBe(10); // 2026-11-10
    const hf = buildSheet([
      [90000, 300000, "=DATE(2026,11,10)", "=TARGET_PACE(A1, B1, C1)", '=TARGET_PACE(A1, B1, "2026-11-10")'],
    ]);
    expect(value(hf, "D1")).toBeCloseTo(0.9, 12);
    expect(value(hf, "E1")).toBeCloseTo(0.9, 12);
    hf.destroy();
  });

  it("shows our message when a single-cell call has no answer", () => {
    const hf = withFormulas({
      G2: "=PAY_CONVERSION(B5, C5)",
      G3: "=SALES(C2, 3.5, 238)",
      G4: "=PAY_CONVERSION(B2:B8, C2:C4)",
    });
    const zero = value(hf, "G2");
    expect(zero).toBeInstanceOf(DetailedCellError);
    expect((zero as DetailedCellError).message).toBe("PAY_CONVERSION: visitors is 0, so there is no conversion rate");
    expect((value(hf, "G3") as DetailedCellError).message).toContain("did you mean 3.5%?");
    expect((value(hf, "G4") as DetailedCellError).message).toContain(
      "paid_buyers is 7 rows × 1 column but visitors is 3 rows × 1 column",
    );
    hf.destroy();
  });

  it("names the row where a share's part is more than its whole (columns swapped), in range mode", () => {
    // Swapped arguments: visitors as the part, paid buyers as the whole. Row 1 reads 1000 ÷ 35 = 28.6 (2,857%).
    const hf = withFormulas({ G2: "=PAY_CONVERSION(C2:C8, B2:B8)", H2: "=BOUNCE_RATE(C2:C8, D2:D8)" });
    const swapped = value(hf, "G2") as DetailedCellError;
    expect(swapped).toBeInstanceOf(DetailedCellError);
    expect(swapped.message).toBe(
      "PAY_CONVERSION: paid_buyers (1000) is more than visitors (35) in row 1. The result is a share of visitors and can't be over 100% — check that the two columns are not swapped.",
    );
    expect((value(hf, "H2") as DetailedCellError).message).toContain(
      "bounced_visitors (1000) is more than visitors (620) in row 1",
    );
    hf.destroy();
  });

  it("spills LIVE_FUNNEL four columns wide and feeds GPM into AVERAGE", () => {
    // A exposed, B viewers, C product-exposed, D clickers, E buyers, F sales, G views
    const hf = buildSheet([
      [40000, 8000, 4800, 960, 96, 28800, 9600, "=LIVE_FUNNEL(A1:A2, B1:B2, C1:C2, D1:D2, E1:E2)"],
      [16000, 2400, 1440, 216, 18, 3600, 2800],
      ["=AVERAGE(GPM(F1:F2, G1:G2))"],
    ]);
    const out = hf.getSheetValues(0).map((r) => r.slice(7, 11));
    const expected = [
      [0.2, 0.6, 0.2, 0.1],
      [0.15, 0.6, 0.15, 18 / 216],
    ];
    expected.forEach((row, r) => row.forEach((v, c) => expect(out[r][c]).toBeCloseTo(v, 12)));
    // GPM per session: 28,800 ÷ 9,600 × 1,000 = 3,000 and 3,600 ÷ 2,800 × 1,000 = 1,285.71…; mean 2,142.857…
    expect(value(hf, "A3")).toBeCloseTo((3000 + 3600000 / 2800) / 2, 6);
    hf.destroy();
  });

  it("names the row of a FUNNEL step whose part is more than its whole", () => {
    // Row 2: 20 order buyers but 30 paid buyers, so paid ÷ orders = 1.5.
    const hf = buildSheet([
      [1000, 640, 48, 36, "=FUNNEL(A1:A2, B1:B2, C1:C2, D1:D2)"],
      [500, 200, 20, 30],
    ]);
    expect((value(hf, "E1") as DetailedCellError).message).toBe(
      "FUNNEL: paid_buyers (30) is more than order_buyers (20) in row 2. The result is a share of order_buyers and can't be over 100% — check that the two columns are not swapped.",
    );
    hf.destroy();
  });

  it("in range mode, a double negative or a negative count is an error naming its row, never 5", () => {
    const hf = buildSheet([
      [35, 1000, "=PAY_CONVERSION(A1:A3, B1:B3)", "=PAY_CONVERSION(A4:A5, B4:B5)", "=PROFIT_MARGIN(A6:A7, B6:B7)"],
      [12, 400],
      ["--5", 100],
      [35, 1000],
      [-3, 100],
      [8330, 5831],
      [-100, 50],
    ]);
    expect((value(hf, "C1") as DetailedCellError).message).toBe(
      'PAY_CONVERSION: paid_buyers in row 3 is "--5", which is not a number. Use a number, a blank, or text such as 1,234, ¥99.50 or 12.5%.',
    );
    expect((value(hf, "D1") as DetailedCellError).message).toBe(
      "PAY_CONVERSION: paid_buyers in row 2 is -3, but a count can't be negative.",
    );
    expect((value(hf, "E1") as DetailedCellError).message).toBe(
      "PROFIT_MARGIN: revenue in row 2 is -100, but a margin needs revenue of 0 or more (with negative revenue its sign would flip).",
    );
    hf.destroy();
  });
});

describe("profit functions in a spreadsheet engine (issue 14)", () => {
  it("BREAKEVEN_ROI with and without its optional arguments, and BREAKEVEN_ACOS as its inverse", () => {
    const hf = buildSheet([
      [0.35, 0.2, 0.05, "=BREAKEVEN_ROI(A1)", "=BREAKEVEN_ROI(A1, B1, C1)", "=BREAKEVEN_ACOS(A1, B1, C1)", 3.2],
      ['=IF(G1 >= BREAKEVEN_ROI(A1, B1, C1), "ok", "loses money")', '=IF(G1 >= D1, "ok", "loses money")'],
    ]);
    expect(value(hf, "D1")).toBeCloseTo(2.857142857, 8); // 1 ÷ 0.35
    expect(value(hf, "E1")).toBeCloseTo(3.759398496, 8); // 1 ÷ (0.35 × 0.8 × 0.95)
    expect(value(hf, "F1")).toBeCloseTo(0.266, 12);
    expect(value(hf, "A2")).toBe("loses money");
    expect(value(hf, "B2")).toBe("ok");
    hf.destroy();
  });

  it("spills NET_PROFIT and DAYS_OF_COVER down columns and feeds SUM", () => {
    const hf = buildSheet([
      [
        10000,
        4000,
        800,
        1500,
        600,
        "=NET_PROFIT(A1:A2, B1:B2, C1:C2, D1:D2, E1:E2)",
        "=SUM(NET_PROFIT(A1:A2, B1:B2, C1:C2, D1:D2, E1:E2))",
      ],
      [5000, 3000, 500, 2000, 250],
      [120, 300, 30, "=DAYS_OF_COVER(A3, B3, C3)", '=PROFIT_PER_UNIT(99, 40, "5%")'],
    ]);
    expect(value(hf, "F1")).toBe(3100); // 10,000 − 600 − 800 − 4,000 − 1,500
    expect(value(hf, "F2")).toBe(-750); // 5,000 − 250 − 500 − 3,000 − 2,000
    expect(value(hf, "G1")).toBe(2350);
    expect(value(hf, "D3")).toBe(12); // 120 ÷ (300 ÷ 30)
    expect(value(hf, "E3")).toBeCloseTo(54.05, 10); // 99 × 0.95 − 40
    hf.destroy();
  });
});
