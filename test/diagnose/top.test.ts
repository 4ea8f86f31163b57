/** The one top-N module: what it keeps is exactly a stable sort's first N, without sorting everything. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstN, topN } from "../../src/engine/rules/top";

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
});
