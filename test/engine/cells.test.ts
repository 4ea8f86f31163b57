import { describe, expect, it } from "vitest";
import { parseIsoLikeDate, readNumber } from "../../src/engine/cells";

const num = (cell: unknown) => {
  const r = readNumber(cell as never);
  return r.kind === "number" ? r.value : r.kind;
};

describe("readNumber", () => {
  it("reads numbers and export-style text", () => {
    expect(num(42)).toBe(42);
    expect(num("12.5%")).toBe(0.125);
    expect(num("12.34%")).toBe(0.1234);
    expect(num("1,234")).toBe(1234);
    expect(num("¥1,234.00")).toBe(1234);
    expect(num("￥1,234.00")).toBe(1234);
    expect(num("$99")).toBe(99);
    expect(num("US$99.5")).toBe(99.5);
    expect(num("MX$1,200")).toBe(1200);
    expect(num("₹1,08,218.36")).toBe(108218.36);
    expect(num("HK$ 12")).toBe(12);
    expect(num("-12")).toBe(-12);
    expect(num("(12.00)")).toBe(-12);
    expect(num("１２３")).toBe(123);
  });
  it("treats dash tokens and blanks as no value, never 0", () => {
    for (const t of ["", " ", "-", "--", "—", "N/A", "未投放", "无数据"]) expect(num(t)).toBe("blank");
    expect(num(null)).toBe("blank");
  });
  it("rejects prose, bad grouping, dates and booleans", () => {
    expect(num("abc")).toBe("invalid");
    expect(num("1,2,3")).toBe("invalid");
    expect(num(new Date(2026, 0, 1))).toBe("invalid");
    expect(num(true)).toBe("invalid");
    expect(num(Number.NaN)).toBe("invalid");
  });
});

describe("parseIsoLikeDate", () => {
  it("reads unambiguous dates and rejects impossible ones", () => {
    expect(parseIsoLikeDate("2026-11-22")).toBe("2026-11-22");
    expect(parseIsoLikeDate("2026/11/22")).toBe("2026-11-22");
    expect(parseIsoLikeDate("20261122")).toBe("2026-11-22");
    expect(parseIsoLikeDate("2026年11月2日")).toBe("2026-11-02");
    expect(parseIsoLikeDate("2026-02-30")).toBeNull();
    expect(parseIsoLikeDate("hello")).toBeNull();
  });
});
