/**
 * A group's subjects as columns: grouping by key (its own hash table), the cursor that reads
 * them without making objects, and the kept Subjects rules put in findings.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupRows } from "../../src/engine/rules/context";
import { SubjectColumns } from "../../src/engine/rules/subjects";
import { topN, topSubjects } from "../../src/engine/rules/top";
import { fieldMask, readRow, TotalsStore } from "../../src/engine/rules/totals";
import type { RecognizedTable, TableRow } from "../../src/engine/tables";

function productsTable(rows: TableRow[]): RecognizedTable {
  const columns = { productId: "商品ID", product: "商品名称", visitors: "商品访客数", sales: "支付金额" };
  return {
    sheet: "商品",
    kind: "products",
    columns,
    columnIndex: { productId: 0, product: 1, visitors: 2, sales: 3 },
    rows,
  } as unknown as RecognizedTable;
}

describe("SubjectColumns", () => {
  it("groups rows by key through growth, whatever the keys: the same sums as a Map would give", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.string({ maxLength: 3 }), visitors: fc.integer({ min: 0, max: 50 }) }), {
          maxLength: 300,
        }),
        (rows) => {
          const mask = fieldMask({ visitors: 0 });
          const columns = new SubjectColumns(new TotalsStore([mask]), false);
          const expected = new Map<string, number>();
          for (const r of rows) {
            let i = columns.find(r.key);
            if (i < 0) i = columns.add(r.key, r.key, false);
            readRow({ visitors: r.visitors }, mask);
            columns.addRead(i, null);
            expected.set(r.key, (expected.get(r.key) ?? 0) + r.visitors);
          }
          expect(columns.size).toBe(expected.size);
          expect(columns.keys.slice(0, columns.size)).toEqual([...expected.keys()]);
          for (const [key, visitors] of expected)
            expect(columns.subject(columns.find(key)).get("visitors")).toBe(visitors);
        },
      ),
    );
  });

  it("refuses an add that no missed find of the same key came before", () => {
    const columns = new SubjectColumns(new TotalsStore([fieldMask({ visitors: 0 })]), false);
    expect(columns.find("A")).toBe(-1);
    expect(() => columns.add("B", "B", false)).toThrow(/find/);
    expect(columns.add("A", "A", false)).toBe(0);
    expect(() => columns.add("A", "A", false)).toThrow(/find/);
    expect(columns.find("A")).toBe(0);
  });
});

describe("a group's subjects", () => {
  const table = productsTable([
    { productId: "p1", product: "Scarf", visitors: 100, sales: 500 },
    { productId: "p2", product: "Gloves", visitors: 300, sales: 0 },
    { productId: "p1", product: "Scarf", visitors: 50, sales: 250 },
    { productId: "p3", product: "Hat", visitors: 300, sales: 900 },
  ]);

  it("the cursor reads what the kept subjects hold, and a kept subject is always the same object", () => {
    const g = groupRows([table], ["productId", "product"])!;
    expect(g.size).toBe(3);
    const c = g.cursor();
    // p1: 100 + 50 visitors, 500 + 250 sales
    expect([c.at(0).name, c.get("visitors"), c.get("sales")]).toEqual(["Scarf", 150, 750]);
    expect([c.at(2).key, c.get("visitors")]).toEqual(["p3", 300]);
    const kept = c.at(1).kept();
    c.at(0);
    expect([kept.name, kept.get("visitors")]).toEqual(["Gloves", 300]);
    expect(g.subject(1)).toBe(kept);
    expect(g.subjects[1]).toBe(kept);
    expect(g.subjects.map((s) => s.name)).toEqual(["Scarf", "Gloves", "Hat"]);
  });

  it("topSubjects keeps what topN keeps on the same subjects: most visitors first, ties in table order", () => {
    const g = groupRows([table], ["productId", "product"])!;
    const byVisitors = (s: { get(f: "visitors"): number | null }) => s.get("visitors") ?? 0;
    // Gloves 300 and Hat 300 tie: table order keeps Gloves first; Scarf 150 third
    expect(topSubjects(g, 2, byVisitors).map((s) => s.name)).toEqual(["Gloves", "Hat"]);
    expect(topSubjects(g, 5, byVisitors)).toEqual(topN(g.subjects, 5, byVisitors));
    // keys ≤ 0 never count: Gloves sold nothing
    expect(topSubjects(g, 5, (s) => s.get("sales") ?? 0).map((s) => s.name)).toEqual(["Hat", "Scarf"]);
  });
});
