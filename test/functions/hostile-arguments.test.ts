/**
 * Custom functions never answer nonsense (issue 10): a share over 100 %, a double negative,
 * a negative count or revenue, an invalid Date, an empty range are named errors; -0 is 0.
 */
import { describe, expect, it } from "vitest";
import { CUSTOM_FUNCTIONS, findFunction } from "../../src/functions/registry";
import { FunctionInputError } from "../../src/functions/arguments";

function call(name: string, ...args: unknown[]): unknown {
  const fn = findFunction(name);
  if (!fn) throw new Error(`no function ${name}`);
  return fn.impl(...args);
}

/** The message a call fails with (and that it fails with our named error, not a RangeError). */
function failure(name: string, ...args: unknown[]): string {
  try {
    call(name, ...args);
  } catch (error) {
    expect(error).toBeInstanceOf(FunctionInputError);
    return (error as Error).message;
  }
  throw new Error(`${name} did not fail`);
}

const column = (...values: unknown[]) => values.map((v) => [v]);
const SWAP_HINT =
  "The result is a share of visitors and can't be over 100% — check that the two columns are not swapped.";

describe("shares that cannot exceed 100 %", () => {
  it("name both arguments with their values and hint at swapped columns", () => {
    expect(failure("PAY_CONVERSION", 150, 100)).toBe(
      `PAY_CONVERSION: paid_buyers (150) is more than visitors (100). ${SWAP_HINT}`,
    );
    expect(failure("BROWSE_CONVERSION", 1001, 1000)).toContain("detail_visitors (1001) is more than visitors (1000)");
    expect(failure("ORDER_CONVERSION", 650, 640)).toContain("order_buyers (650) is more than detail_visitors (640)");
    expect(failure("PAYMENT_RATE", "49", 48)).toContain("paid_buyers (49) is more than order_buyers (48)");
    expect(failure("BOUNCE_RATE", 1200, 1000)).toContain("bounced_visitors (1200) is more than visitors (1000)");
    expect(failure("CTR", 12000, 180)).toContain("clicks (12000) is more than impressions (180)");
    expect(failure("REPURCHASE_RATE", 37, 36)).toContain("repeat_buyers (37) is more than buyers (36)");
    expect(failure("FUNNEL", 1000, 640, 700, 36)).toContain("order_buyers (700) is more than detail_visitors (640)");
  });

  it("in range mode name the row (and the column of a wide range)", () => {
    // row 2 is 150 ÷ 100 = 1.5; row 1 (35 ÷ 1000 = 0.035) is fine
    expect(failure("PAY_CONVERSION", column(35, 150, ""), column(1000, 100, ""))).toBe(
      `PAY_CONVERSION: paid_buyers (150) is more than visitors (100) in row 2. ${SWAP_HINT}`,
    );
    expect(failure("PAY_CONVERSION", column("35", "150"), column(1000, 100))).toContain("(100) in row 2.");
    expect(failure("PAY_CONVERSION", [[35, 150]], [[1000, 100]])).toContain("(100) in row 1, column 2.");
    expect(failure("FUNNEL", column(1000, 500), column(640, 200), column(48, 20), column(36, 30))).toContain(
      "paid_buyers (30) is more than order_buyers (20) in row 2.",
    );
  });

  it("a share of exactly 100 % and a part over a whole of 0 keep their answers", () => {
    expect(call("PAY_CONVERSION", 100, 100)).toBe(1);
    // 0 visitors: no rate (a message on one cell, a blank in a range), as before
    expect(failure("PAY_CONVERSION", 5, 0)).toBe("PAY_CONVERSION: visitors is 0, so there is no conversion rate");
    expect(call("PAY_CONVERSION", column(5, 1), column(0, 2))).toEqual([[""], [0.5]]);
  });

  it("ratios that are not shares may exceed 1", () => {
    expect(call("PAGES_PER_VISITOR", 3200, 1000)).toBe(3.2);
    expect(call("ROI", 675, 270)).toBe(2.5);
    expect(call("AOV", 8330, 35)).toBe(238);
  });
});

describe("signs", () => {
  it("double or bracketed negatives are errors, not 5", () => {
    for (const text of ["--5", "(-5)", "- -5", "−−5"]) {
      expect(failure("PAY_CONVERSION", text, 100), text).toBe(
        `PAY_CONVERSION: paid_buyers is "${text}", which is not a number. Use a number, a blank, or text such as 1,234, ¥99.50 or 12.5%.`,
      );
      expect(failure("VISITOR_VALUE", text, 100), text).toContain("which is not a number");
    }
  });

  it("(5) is an accounting negative: -5 where money may be negative, an error where a count is required", () => {
    // (5) − 0 … VISITOR_VALUE(-5, 10) = -0.5
    expect(call("VISITOR_VALUE", "(5)", 10)).toBe(-0.5);
    expect(failure("PAY_CONVERSION", "(5)", 100)).toBe(
      "PAY_CONVERSION: paid_buyers is -5, but a count can't be negative.",
    );
  });

  it("negative counts are errors, in a range with their row", () => {
    expect(failure("CTR", column(10, -1), column(100, 100))).toBe(
      "CTR: clicks in row 2 is -1, but a count can't be negative.",
    );
  });

  it("PROFIT_MARGIN with negative revenue is an error; with cost above revenue it is negative", () => {
    expect(failure("PROFIT_MARGIN", -100, 50)).toBe(
      "PROFIT_MARGIN: revenue is -100, but a margin needs revenue of 0 or more (with negative revenue its sign would flip).",
    );
    // (100 − 150) ÷ 100 = -0.5
    expect(call("PROFIT_MARGIN", 100, 150)).toBe(-0.5);
  });

  it("-0 is 0, given or computed", () => {
    // SALES(0, 0.03, -238) = 0 × 0.03 × -238 = -0 in floating point
    expect(Object.is(call("SALES", 0, 0.03, -238), 0)).toBe(true);
    expect(Object.is(call("PAY_CONVERSION", -0, 5), 0)).toBe(true);
    expect(Object.is(call("VISITOR_VALUE", "-0", 5), 0)).toBe(true);
    const range = call("SALES", column(0, 10), 0.5, -2) as unknown[][];
    expect(Object.is(range[0][0], 0)).toBe(true);
    expect(range[1][0]).toBe(-10);
    const wide = call("VISITOR_VALUE", [[-0, 10]], [[5, 5]]) as unknown[][];
    expect(Object.is(wide[0][0], 0)).toBe(true);
  });
});

describe("dates and ranges", () => {
  it("an invalid Date gives a named error, not RangeError: Invalid time value", () => {
    const invalid = new Date(Number.NaN);
    expect(failure("TARGET_PACE", 1, 2, invalid)).toBe(
      "TARGET_PACE: date is an invalid date. Use a date cell, DATE(2026,11,22) or text like 2026-11-22.",
    );
    expect(failure("PAY_CONVERSION", invalid, 100)).toBe(
      "PAY_CONVERSION: paid_buyers is an invalid date, but a number is expected.",
    );
    expect(failure("PAY_CONVERSION", column(1, invalid), 100)).toBe(
      "PAY_CONVERSION: paid_buyers in row 2 is an invalid date, but a number is expected.",
    );
  });

  it("an empty range is an error", () => {
    expect(failure("PAY_CONVERSION", [], 100)).toBe("PAY_CONVERSION: paid_buyers is an empty range.");
    expect(failure("PAY_CONVERSION", [[]], 100)).toBe("PAY_CONVERSION: paid_buyers is an empty range.");
    expect(failure("FUNNEL", [[]], 1, 1, 1)).toBe("FUNNEL: visitors is an empty range.");
  });

  it("a 50,000-character cell is refused as not a number", () => {
    expect(failure("PAY_CONVERSION", `${"9".repeat(50_000)}x`, 1)).toBe(
      `PAY_CONVERSION: paid_buyers is "${"9".repeat(37)}…", which is not a number. Use a number, a blank, or text such as 1,234, ¥99.50 or 12.5%.`,
    );
  });
});

describe("descriptions", () => {
  it("carry what the result is (Sheets shows the description, not @return)", () => {
    for (const fn of CUSTOM_FUNCTIONS) expect(fn.description, fn.name).toContain(`Returns ${fn.returns}.`);
    expect(findFunction("PAY_CONVERSION")?.description).toContain("format the cell as %");
    expect(findFunction("CTR")?.description).toContain("format the cell as %");
  });
});

describe("spreadsheet error values in arguments", () => {
  it("are named errors, never read as blanks", () => {
    expect(failure("PAY_CONVERSION", "#N/A", 100)).toContain("shows the error #N/A, not a value");
    // In a range the row is named: row 2 of paid_buyers holds #REF!.
    const message = failure("PAY_CONVERSION", column(35, "#REF!"), column(1000, 100));
    expect(message).toContain("#REF!");
    expect(message).toContain("row 2");
  });
});
