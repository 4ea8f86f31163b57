/**
 * Locale numbers: decimal-comma exports (`1.000.000`, `10,00%`, `1.234,56 €`, `1 234,56`)
 * read right, the decimal mark decided per column; an undecidable column is reported.
 */
import { describe, expect, it } from "vitest";
import { parseNumberText } from "../../src/engine/cells";
import type { Cell, SheetInput } from "../../src/engine";
import { recognizeTables, VOCABULARY } from "../../src/engine/recognize";
import { cellStyle } from "../../src/engine/recognize/numbers";
import { diagnoseTables } from "../../src/engine";
import { fixtureNames, loadFixture } from "../support/fixtures";

describe("what one cell says about its decimal mark", () => {
  it("tells point-only, comma-only and either apart", () => {
    expect(cellStyle("1,234.56", false)).toBe("point");
    expect(cellStyle("₹10,76,626.01", false)).toBe("point");
    expect(cellStyle("12.5", false)).toBe("point");
    expect(cellStyle("1.234,56 €", false)).toBe("comma");
    expect(cellStyle("1.000.000", false)).toBe("comma");
    expect(cellStyle("10,00%", false)).toBe("comma");
    expect(cellStyle("1\u202f234,56", false)).toBe("comma");
    expect(cellStyle("1\u00a0234,56", false)).toBe("comma");
    expect(cellStyle("1,234", false)).toBe("either");
    expect(cellStyle("1.234", false)).toBe("either");
    expect(cellStyle("1234", false)).toBe("none");
  });
  it("in a column of whole numbers, `1,234` groups thousands and so does `1.234`", () => {
    expect(cellStyle("1,234", true)).toBe("point");
    expect(cellStyle("1.234", true)).toBe("comma");
  });
  it("parses decimal-comma text when the column says so", () => {
    expect(parseNumberText("1.234,56 €", ",")).toEqual({ kind: "number", value: 1234.56, percent: false });
    expect(parseNumberText("1.000.000", ",")).toEqual({ kind: "number", value: 1_000_000, percent: false });
    expect(parseNumberText("10,00%", ",")).toEqual({ kind: "number", value: 0.1, percent: true });
    expect(parseNumberText("1\u202f234,56", ",")).toEqual({ kind: "number", value: 1234.56, percent: false });
    expect(parseNumberText("-1 234,5", ",")).toEqual({ kind: "number", value: -1234.5, percent: false });
  });
  it("decides a 50,000-character cell at once (linear scans, no regex on long text)", { timeout: 5000 }, () => {
    const long = "1".repeat(50_000);
    for (const text of [long, `${long}x`, `${long},5`, `1,${"123,".repeat(12_000)}5`, `${"9.".repeat(25_000)}`]) {
      expect(parseNumberText(text).kind).toBe("invalid");
      expect(parseNumberText(text, ",").kind).toBe("invalid");
      expect(cellStyle(text, false)).toBe("none");
    }
  });
});

function table(values: Cell[][]) {
  const [t] = recognizeTables([{ name: "S", values }]);
  return t;
}

describe("a column's decimal mark", () => {
  it("is read from its own values, the table's other columns, or the currency", () => {
    // Counts written `1.520` settle the table as decimal-comma, so the amounts `1.234` are 1234 too.
    const t = table([
      ["Product", "Visitors", "Sales"],
      ["A", "1.520", "1.234"],
      ["B", "980", "567"],
    ]);
    expect(t.rows.map((r) => [r.visitors, r.sales])).toEqual([
      [1520, 1234],
      [980, 567],
    ]);
    // A currency without minor units: `1,234` VND is one thousand two hundred thirty-four đồng.
    const vnd = table([
      ["Product", "Sales (VND)"],
      ["A", "1,234"],
      ["B", "5,678"],
    ]);
    expect(vnd.rows.map((r) => r.sales)).toEqual([1234, 5678]);
    expect(vnd.issues.filter((i) => i.code === "ambiguous-number-format")).toEqual([]);
    // The real: R$ writes a decimal comma at home.
    const brl = table([
      ["Product", "Sales"],
      ["A", "R$ 1,234"],
      ["B", "R$ 5,678"],
    ]);
    expect(brl.rows.map((r) => r.sales)).toEqual([1.234, 5.678]);
  });

  it("is reported, naming the column, when nothing settles it", () => {
    const t = table([
      ["Product", "Sales"],
      ["A", "1,234"],
      ["B", "5,678"],
    ]);
    const issue = t.issues.find((i) => i.code === "ambiguous-number-format");
    expect(issue).toMatchObject({ sheet: "S", row: 1, column: 2, field: "sales", text: "1,234" });
    expect(issue?.message).toContain("Column B");
    expect(t.rows.map((r) => r.sales)).toEqual([1234, 5678]);
    const report = diagnoseTables(
      [
        {
          name: "S",
          values: [
            ["Product", "Sales"],
            ["A", "1,234"],
            ["B", "5,678"],
          ],
        },
      ],
      { language: "en" },
    );
    expect(
      report.findings.some(
        (f) => f.rule === "data-sanity" && f.message.includes("decimal comma") && f.message.includes("B1"),
      ),
    ).toBe(true);
    // The euro is written both ways, so it does not settle it either.
    const eur = table([
      ["Product", "Sales"],
      ["A", "1,234 €"],
      ["B", "5,678 €"],
    ]);
    expect(eur.issues.some((i) => i.code === "ambiguous-number-format")).toBe(true);
  });
});

describe("decimal-comma exports", () => {
  it("Shopee VN product performance: sales, rates and counts read right", () => {
    const [t] = recognizeTables([loadFixture("shopee-vn-product-performance.csv", { mode: "text" })]);
    expect(t.kind).toBe("products");
    // sales are the confirmed orders' (Sales (Confirmed Order) (VND)); the placed orders' are orderAmount
    expect(t.rows.map((r) => r.sales)).toEqual([41_040_000, 8_250_000, 2_700_000, 0]);
    expect(t.rows.map((r) => r.orderAmount)).toEqual([45_600_000, 8_250_000, 2_970_000, 0]);
    expect(t.rows.map((r) => r.visitors)).toEqual([4820, 1340, 615, 170]);
    expect(t.rows.map((r) => r.ctr)).toEqual([0.05, 0.04, 0.03, 0.02]);
    // "Conversion Rate (Placed Order)" is Shopee's placed-order rate, so orderConversion, never pay conversion:
    // the cells "3,15%", "4,10%", "5,37%", "0,00%" read as 0.0315, 0.041, 0.0537, 0.
    expect(t.rows.map((r) => r.orderConversion)).toEqual([0.0315, 0.041, 0.0537, 0]);
    expect(t.columns.payConversion).toBeUndefined();
    expect(t.issues.filter((i) => i.code === "not-a-number" || i.code === "ambiguous-number-format")).toEqual([]);
    const report = diagnoseTables([loadFixture("shopee-vn-product-performance.csv", { mode: "text" })], {
      language: "en",
    });
    expect(report.currency).toBe("VND");
    // Σ confirmed sales 41,040,000 + 8,250,000 + 2,700,000 + 0 = 51,990,000 over Σ visitors 6,945 = 7,485.96 ₫ per visitor
    const value = report.findings.find((f) => f.rule === "visitor-value-vs-cost");
    expect(value?.value).toBeCloseTo(51_990_000 / 6945, 6);
    expect(value?.message).toContain("7,486₫");
  });

  it("Amazon.de by date: `1.234,56 €`, `1.520` sessions and `4,01 %`", () => {
    const [t] = recognizeTables([loadFixture("amazon-de-by-date.csv", { mode: "text" })]);
    expect(t.kind).toBe("shop-daily");
    expect(t.rows.map((r) => r.sales)).toEqual([1234.56, 987.4, 2015, 1498.75, 1102.1]);
    expect(t.rows.map((r) => r.sessions)).toEqual([1520, 1388, 2004, 1733, 1407]);
    expect(t.rows.map((r) => r.date)).toEqual(["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"]);
    const report = diagnoseTables([loadFixture("amazon-de-by-date.csv", { mode: "text" })], { language: "en" });
    expect(report.currency).toBe("EUR");
    // Σ sales 6,837.81 ÷ Σ sessions 8,052 = €0.85; Σ page views 13,001 ÷ 8,052 = 1.61 pages
    expect(report.findings.find((f) => f.rule === "visitor-value-vs-cost")?.value).toBeCloseTo(6837.81 / 8052, 9);
    expect(report.findings.find((f) => f.rule === "visit-depth")?.value).toBeCloseTo(13001 / 8052, 9);
  });
});

const NUMERIC = new Set(["count", "money", "rate", "number"]);
const typeOf = new Map<string, string>(VOCABULARY.map((f) => [f.field, f.type]));

/** `1,234.56` → `1.234,56` in every number column's data cells (a decimal-comma export of the same data). */
let convertedCells = 0;

function toDecimalComma(sheet: SheetInput): SheetInput {
  const values = sheet.values.map((row) => [...row]);
  for (const t of recognizeTables([sheet])) {
    for (const [field, column] of Object.entries(t.columnIndex)) {
      const type = typeOf.get(field.split("_")[0]);
      if (!type || !NUMERIC.has(type)) continue;
      for (const r of [...t.rowNumbers, ...t.totals.map((x) => x.row)]) {
        const cell = values[r - 1][column - 1];
        if (typeof cell !== "string" || !/[.,]/.test(cell)) continue;
        values[r - 1][column - 1] = cell.replace(/[.,]/g, (m) => (m === "." ? "," : "."));
        convertedCells++;
      }
    }
  }
  return { name: sheet.name, values };
}

describe("property: a decimal-comma export of the same data gives the same figures", () => {
  for (const name of fixtureNames()) {
    if (name.startsWith("shopee-vn") || name.startsWith("amazon-de")) continue;
    it(name, () => {
      const sheet = loadFixture(name, { mode: "text" });
      const before = recognizeTables([sheet]);
      const after = recognizeTables([toDecimalComma(sheet)]);
      expect(after.map((t) => t.rows)).toEqual(before.map((t) => t.rows));
      expect(after.map((t) => t.totals.map((x) => x.values))).toEqual(before.map((t) => t.totals.map((x) => x.values)));
    });
  }
  it("changed real cells (the property is not vacuous)", () => {
    expect(convertedCells).toBeGreaterThan(500);
  });
});
