/** The one top-N module: what it keeps is exactly a stable sort's first N, without sorting everything. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstN, median, topN } from "../../src/engine/rules/top";

describe("top-N selection", () => {
  it("firstN equals a stable sort followed by slice, ties in arrival order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ k: fc.integer({ min: -3, max: 3 }), i: fc.nat() })),
        fc.integer({ min: 0, max: 8 }),
        (items, n) => {
          const byK = (a: { k: number }, b: { k: number }) => b.k - a.k;
          expect(firstN(items, n, byK)).toEqual([...items].sort(byK).slice(0, n));
        },
      ),
    );
  });

  it("topN keeps the largest positive keys only: [5, 0, 7, -1, 7, 2] → top 2 is 7 (first), 7 (second)", () => {
    const items = [
      { n: "a", k: 5 },
      { n: "b", k: 0 },
      { n: "c", k: 7 },
      { n: "d", k: -1 },
      { n: "e", k: 7 },
      { n: "f", k: 2 },
    ];
    expect(topN(items, 2, (x) => x.k).map((x) => x.n)).toEqual(["c", "e"]);
    expect(topN(items, 10, (x) => x.k).map((x) => x.n)).toEqual(["c", "e", "a", "f"]);
  });

  it("median selects exactly what sorting gives: [3, 1, 2] → 2, [4, 1, 3, 2] → (2 + 3) / 2 = 2.5, −0 and +0 kept apart", () => {
    expect(median(Float64Array.of(3, 1, 2))).toBe(2);
    expect(median(Float64Array.of(4, 1, 3, 2))).toBe(2.5);
    // sorted: −0, 0, 0 → the middle one is +0; sorted −0, −0, 0 → −0
    expect(Object.is(median(Float64Array.of(0, -0, 0)), 0)).toBe(true);
    expect(Object.is(median(Float64Array.of(0, -0, -0)), -0)).toBe(true);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double(), fc.integer({ min: -2, max: 2 }), fc.constantFrom(0, -0)), { maxLength: 300 }),
        (values) => {
          const s = Float64Array.from(values).sort();
          const m = s.length >> 1;
          const sorted = s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
          expect(Object.is(median(Float64Array.from(values)), sorted)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("median stays exact on 100,000 equal and sorted prices (no quadratic partitioning)", () => {
    expect(median(new Float64Array(100_000).fill(99))).toBe(99);
    // 0 … 99,999 ascending: the middle pair is 49,999 and 50,000 → 49,999.5
    expect(median(Float64Array.from({ length: 100_000 }, (_, i) => i))).toBe(49_999.5);
    expect(median(Float64Array.from({ length: 100_001 }, (_, i) => 100_000 - i))).toBe(50_000);
  });
});
