/** Bad input never throws: it comes back as an `unknown` table with a reason, or as issues on real cells. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recognizeTables } from "../../src/engine";
import { RECOGNITION_ISSUE_CODES } from "../../src/engine/recognize";
import type { Cell, SheetInput } from "../../src/engine";

describe("bad input", () => {
  it("an empty sheet (no rows, or only blank cells) is unknown and says it is empty", () => {
    for (const values of [
      [],
      [[]],
      [
        ["", " ", ""],
        ["", "", ""],
      ],
    ] as Cell[][][]) {
      const [t] = recognizeTables([{ name: "Empty", values }]);
      expect(t).toMatchObject({ kind: "unknown", headerRow: 0, rows: [] });
      expect(t.reason).toMatch(/Sheet "Empty" is empty/);
    }
  });

  it("a sheet of prose is unknown and asks for the export's header row", () => {
    const [t] = recognizeTables([
      { name: "Notes", values: [["昨天销售额下降了，访客数也少了"], ["明天看看直通车"], [42]] },
    ]);
    expect(t.kind).toBe("unknown");
    expect(t.reason).toMatch(/no table/);
  });

  it("a header without data rows is unknown and says the rows are missing", () => {
    const [t] = recognizeTables([
      {
        name: "S",
        values: [
          ["统计日期", "访客数", "支付金额"],
          ["", "", ""],
        ],
      },
    ]);
    expect(t.kind).toBe("unknown");
    expect(t.headerRow).toBe(1);
    expect(t.reason).toMatch(/no data rows/);
    expect(t.issues).toEqual([expect.objectContaining({ code: "no-data-rows", row: 1 })]);
  });

  it("a table whose columns match nothing is unknown and names the header it saw", () => {
    const [t] = recognizeTables([
      {
        name: "S",
        values: [
          ["Colour", "Mood", "Weather"],
          ["red", "happy", "sunny"],
          ["blue", "sad", "rain"],
        ],
      },
    ]);
    expect(t.kind).toBe("unknown");
    expect(t.reason).toMatch(/row 1 looks like a header \("Colour", "Mood", "Weather"\)/);
  });

  it("known metric columns without any row key are unknown, asking for a key column", () => {
    const [t] = recognizeTables([
      {
        name: "S",
        values: [
          ["访客数", "支付金额"],
          [100, 2000],
        ],
      },
    ]);
    expect(t.kind).toBe("unknown");
    expect(t.reason).toMatch(/date, product, traffic source, ad plan or agent/);
    expect(t.columns).toEqual({ visitors: "访客数", sales: "支付金额" });
  });

  it("input that is not a grid at all is reported, not thrown", () => {
    const broken = [
      { name: "A", values: null },
      { name: "B", values: [null, "x", [1, 2]] },
      null,
    ] as unknown as SheetInput[];
    const tables = recognizeTables(broken);
    expect(tables.every((t) => t.kind === "unknown" && typeof t.reason === "string")).toBe(true);
    expect(recognizeTables(undefined as unknown as SheetInput[])).toEqual([]);
  });

  it("100,000 rows come back complete", () => {
    const values: Cell[][] = [["统计日期", "访客数", "支付买家数", "支付转化率", "支付金额"]];
    const start = Date.UTC(2000, 0, 1);
    for (let i = 0; i < 100_000; i++) {
      const d = new Date(start + (i % 20_000) * 86_400_000);
      values.push([d.toISOString().slice(0, 10), 1000, 25, "2.50%", "3,000.00"]);
    }
    const [t] = recognizeTables([{ name: "Big", values }]);
    expect(t.kind).toBe("shop-daily");
    expect(t.rows).toHaveLength(100_000);
    expect(t.rows[99_999]).toMatchObject({ visitors: 1000, payConversion: 0.025, sales: 3000 });
    expect(t.issues).toEqual([]);
  });
});

/** Cells an export or a careless paste may contain, header words included so tables do form. */
const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>(
    "",
    "",
    "-",
    "--",
    "合计",
    "Total",
    "N/A",
    "统计日期",
    "访客数",
    "支付金额",
    "支付转化率",
    "商品名称",
    "计划名称",
    "花费",
    "点击量",
    "Date",
    "Sessions",
    "11/22/26",
    "22/11/26",
    "2026-11-22~2026-11-30",
    "12.5%",
    "¥1,234",
    "abc",
    "00:01:23",
  ),
  fc.integer({ min: -1000, max: 1_000_000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.string({ maxLength: 12 }),
  fc.date({ min: new Date(1899, 0, 1), max: new Date(2200, 0, 1) }),
  fc.constant(null),
);

describe("property: random grids", () => {
  it("recognition never throws and every issue points at a real cell", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { maxLength: 8 }), { maxLength: 25 }), (grid) => {
        const tables = recognizeTables([{ name: "Fuzz", values: grid }]);
        // getValues() grids are rectangular: a short row's missing cells are real, empty cells
        const width = Math.max(1, ...grid.map((r) => r.length));
        expect(tables.length).toBeGreaterThan(0);
        for (const t of tables) {
          if (t.kind === "unknown") expect(t.reason).toBeTruthy();
          expect(t.rows).toHaveLength(t.rowNumbers.length);
          for (const issue of t.issues) {
            expect(issue.sheet).toBe("Fuzz");
            expect(issue.row).toBeGreaterThanOrEqual(1);
            expect(issue.row).toBeLessThanOrEqual(grid.length);
            if (issue.column !== null) {
              expect(issue.column).toBeGreaterThanOrEqual(1);
              expect(issue.column).toBeLessThanOrEqual(width);
            }
            expect(issue.message.length).toBeGreaterThan(10);
            expect(Object.keys(RECOGNITION_ISSUE_CODES)).toContain(issue.code);
          }
          for (const n of t.rowNumbers) expect(grid[n - 1]).toBeDefined();
          for (const v of t.rows.flatMap((r) => Object.values(r))) {
            expect(v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v))).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
