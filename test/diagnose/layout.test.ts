/**
 * layoutReport: a grid the writer can hand to Sheets in one call per property, with status
 * shown by symbol and word as well as colour, readable contrast, formats, notes, merges and
 * the funnel chart's source cells.
 */
import { describe, expect, it } from "vitest";
import { COLOURS, layoutReport, translate } from "../../src/engine";
import type { ReportGrid } from "../../src/engine";
import { run, shopDays, table } from "./helpers";

function report(language: "zh-CN" | "en" = "zh-CN") {
  return run(
    [
      shopDays(14, (i) => ({
        visitors: 1000,
        detailVisitors: 700,
        orderBuyers: 40,
        paidBuyers: 30,
        sales: i < 7 ? 3000 : 2400,
        bounceRate: 0.65,
      })),
      table("products", [
        { product: '=IMPORTXML("http://x","//a")', visitors: 500, paidBuyers: 0, sales: 0 },
        { product: "+1+1", visitors: 400, paidBuyers: 2, sales: 200 },
        { product: "@SUM(A1)", visitors: 300, paidBuyers: 9, sales: 900 },
      ]),
    ],
    { peerPayConversion: 0.04, language },
  );
}

function cellsWith(grid: ReportGrid, text: string): [number, number][] {
  const out: [number, number][] = [];
  grid.values.forEach((row, r) => row.forEach((v, c) => typeof v === "string" && v.includes(text) && out.push([r, c])));
  return out;
}

/** WCAG relative luminance contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

describe("layoutReport", () => {
  it("gives every property the same rows × columns shape", () => {
    const g = layoutReport(report());
    const rows = g.values.length;
    const cols = g.columnWidths.length;
    for (const key of [
      "values",
      "numberFormats",
      "backgrounds",
      "fontColors",
      "fontWeights",
      "notes",
      "wraps",
    ] as const) {
      expect(g[key]).toHaveLength(rows);
      for (const row of g[key]!) expect(row).toHaveLength(cols);
    }
  });

  it("shows each status with a symbol and a word in a coloured cell, never colour alone", () => {
    const r = report();
    const g = layoutReport(r);
    const fills = { good: COLOURS.good, warn: COLOURS.warn, bad: COLOURS.bad, info: COLOURS.grey };
    for (const status of ["good", "warn", "bad", "info"] as const) {
      const label = translate("zh-CN", `status.${status}`);
      expect(label).toMatch(/^[✔▲✖ℹ] \S+/);
      if (r.counts[status] === 0) continue;
      const cells = cellsWith(g, label).filter(([, c]) => c === 0);
      expect(cells.length, status).toBeGreaterThan(0);
      for (const [row, col] of cells) expect(g.backgrounds[row][col]).toBe(fills[status]);
    }
    expect(new Set(Object.values(fills)).size).toBe(4);
  });

  it("keeps text readable on every fill (WCAG AA)", () => {
    const g = layoutReport(report());
    g.backgrounds.forEach((row, r) =>
      row.forEach((bg, c) => expect(contrast(bg, g.fontColors[r][c])).toBeGreaterThanOrEqual(4.5)),
    );
    for (const bg of [COLOURS.good, COLOURS.warn, COLOURS.bad, COLOURS.grey]) expect(bg).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("formats rates as percentages, money in the report currency, counts as integers", () => {
    const r = report();
    const g = layoutReport(r);
    const row = cellsWith(g, "支付转化率").find(([, c]) => c === 2)![0];
    expect(g.numberFormats[row][3]).toBe("0.00%");
    expect(g.numberFormats[row][4]).toBe("0.00%");
    expect(typeof g.values[row][3]).toBe("number");
    const impactCells = g.values.flatMap((v, i) => (typeof v[6] === "number" && i > g.frozenRows + 2 ? [i] : []));
    expect(impactCells.length).toBeGreaterThan(0);
    // Each amount says what it covers: the dated shop's per day, the undated products table's whole export.
    const formats = new Set(impactCells.map((i) => g.numberFormats[i][6]));
    expect([...formats].sort()).toEqual(['"合计 ""¥"#,##0.00', '"每天 ""¥"#,##0.00']);
    const dollars = layoutReport({ ...r, currency: "USD" });
    expect(new Set(impactCells.map((i) => dollars.numberFormats[i][6]))).toEqual(
      new Set(['"每天 ""$"#,##0.00', '"合计 ""$"#,##0.00']),
    );
    // The column header no longer claims every amount is per day.
    expect(cellsWith(g, "影响金额")).toHaveLength(1);
    expect(g.values.flat().some((v) => v === "每天影响金额")).toBe(false);
  });

  it("writes names from the data verbatim, as literal strings", () => {
    const g = layoutReport(report());
    for (const name of ['=IMPORTXML("http://x","//a")', "+1+1", "@SUM(A1)"]) {
      expect(
        g.values.some((row) => row[1] === name),
        name,
      ).toBe(true);
    }
  });

  it("merges the title across the width and freezes the header block without cutting a merge", () => {
    const g = layoutReport(report());
    expect(g.merges).toContainEqual({ row: 1, column: 1, numRows: 1, numColumns: g.columnWidths.length });
    expect(g.values[0][0]).toBe("店铺体检报告");
    expect(g.frozenRows).toBe(4);
    for (const m of g.merges) {
      expect(m.row + m.numRows - 1).toBeLessThanOrEqual(g.values.length);
      expect(m.column + m.numColumns - 1).toBeLessThanOrEqual(g.columnWidths.length);
      expect(m.row <= g.frozenRows && m.row + m.numRows - 1 > g.frozenRows).toBe(false);
    }
    // No two merges overlap.
    const seen = new Set<string>();
    for (const m of g.merges)
      for (let c = m.column; c < m.column + m.numColumns; c++) {
        const key = `${m.row}:${c}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
  });

  it("shows the score, the period, the sheets used and today's actions", () => {
    const r = report("en");
    const g = layoutReport(r);
    expect(g.sheetName).toBe("Shop Health");
    expect(g.values[1][1]).toBe(r.score);
    expect(g.notes[1][1]).toContain("SCORING.md");
    // 14 dated shop days; the products table has no dates, title or name period of its own.
    expect(g.values[2][1]).toBe(
      '2026-05-01 to 2026-05-14 (14 days); Dates unknown for the products in "products": its amounts are for the whole export',
    );
    expect(String(g.values[3][1])).toContain("shop-daily");
    for (const action of r.actions) expect(cellsWith(g, action.message)).toHaveLength(1);
  });

  it("explains each metric in a note", () => {
    const g = layoutReport(report());
    const row = cellsWith(g, "跳失率").find(([, c]) => c === 2)![0];
    expect(g.notes[row][2]).toContain("bounceGood");
  });

  it("lays out the funnel chart over cells that hold its data", () => {
    const r = report();
    expect(r.funnel!.map((s) => s.step)).toEqual(["visitors", "detailVisitors", "orderBuyers", "paidBuyers"]);
    const g = layoutReport(r);
    expect(g.charts).toHaveLength(1);
    const range = g.charts[0].ranges[0];
    expect(g.charts[0].kind).toBe("funnel");
    expect(range.numRows).toBe(5);
    expect(range.numColumns).toBe(2);
    const body = g.values
      .slice(range.row, range.row + range.numRows - 1)
      .map((row) => row.slice(range.column - 1, range.column + 1));
    expect(body).toEqual(r.funnel!.map((s) => [translate("zh-CN", `funnel.${s.step}`), s.value]));
  });

  it("has no chart without funnel data, and a dash instead of a score when nothing could be judged", () => {
    const g = layoutReport(run([]));
    expect(g.charts).toEqual([]);
    expect(g.values[1][1]).toBe("—");
    expect(cellsWith(g, translate("zh-CN", "layout.noActions"))).toHaveLength(1);
  });

  it("wraps every text cell (advice, subjects, headings) and no number, so nothing is cut off", () => {
    const r = report();
    const g = layoutReport(r);
    g.values.forEach((row, i) =>
      row.forEach((v, c) => expect(g.wraps![i][c], `R${i + 1}C${c + 1}`).toBe(typeof v === "string")),
    );
    for (const f of r.findings) {
      const [[row, column]] = cellsWith(g, f.message).filter(([, c]) => c === 7);
      expect(g.wraps![row][column]).toBe(true);
    }
  });
});
