import { describe, expect, it } from "vitest";
import type { ReportGrid } from "../../src/engine/report";
import { gridShape, literalValues, mergeCalls, widthRuns, writeReport } from "../../src/gas/report-writer";
import { snapshotSheet } from "../../src/local/fake";
import { shop } from "./support";

function grid(rows: number, columns: number): ReportGrid {
  const fill = <T>(v: T) => Array.from({ length: rows }, () => Array.from({ length: columns }, () => v));
  const values = fill<string | number | null>(null).map((line, r) =>
    line.map((_, c) => (c === 0 ? `row ${r + 1}` : r * c)),
  );
  return {
    sheetName: "店铺体检",
    values,
    numberFormats: fill("#,##0"),
    backgrounds: fill("#ffffff"),
    fontColors: fill("#202124"),
    fontWeights: fill<"bold" | "normal">("normal"),
    notes: fill(""),
    merges: [],
    frozenRows: 1,
    columnWidths: Array(columns).fill(90),
    charts: [],
  };
}

describe("report writer pieces", () => {
  it("escapes every string and leaves numbers and blanks alone", () => {
    expect(literalValues([["=1+1", "plain", "", null, 12, "+1"]])).toEqual([["'=1+1", "'plain", "", "", 12, "'+1"]]);
  });

  it("batches single-row merges with the same columns on consecutive rows into one mergeAcross", () => {
    const calls = mergeCalls([
      { row: 1, column: 1, numRows: 1, numColumns: 8 },
      { row: 7, column: 2, numRows: 1, numColumns: 5 },
      { row: 8, column: 2, numRows: 1, numColumns: 5 },
      { row: 9, column: 2, numRows: 1, numColumns: 5 },
      { row: 11, column: 2, numRows: 1, numColumns: 5 },
      { row: 3, column: 1, numRows: 2, numColumns: 2 },
    ]);
    expect(calls).toEqual([
      { range: { row: 1, column: 1, numRows: 1, numColumns: 8 }, across: true },
      { range: { row: 7, column: 2, numRows: 3, numColumns: 5 }, across: true },
      { range: { row: 11, column: 2, numRows: 1, numColumns: 5 }, across: true },
      { range: { row: 3, column: 1, numRows: 2, numColumns: 2 }, across: false },
    ]);
  });

  it("groups equal neighbouring widths", () => {
    expect(widthRuns([96, 170, 104, 104, 104, 520])).toEqual([
      [1, 1, 96],
      [2, 1, 170],
      [3, 3, 104],
      [6, 1, 520],
    ]);
  });

  it("refuses a grid whose layers do not match its values, naming the layer", () => {
    const bad = grid(3, 2);
    bad.notes = [
      ["", ""],
      ["", ""],
    ];
    expect(() => gridShape(bad)).toThrow(/notes is not 3 × 2/);
  });

  it("grows the sheet for a report longer than 1000 rows or wider than 26 columns", () => {
    const google = shop();
    const sheet = google.spreadsheet.insertSheet("店铺体检");
    writeReport(sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet, grid(1500, 30), "generated");
    expect(sheet.getRange(1500, 30).getValue()).toBe(1499 * 29);
    expect(sheet.getRange("A1500").getValue()).toBe("row 1500");
    expect(snapshotSheet(sheet).frozenRows).toBe(1);
  });

  it("a rewrite clears notes, merges, backgrounds and the chart of the previous report", () => {
    const google = shop();
    const sheet = google.spreadsheet.insertSheet("店铺体检");
    const first = grid(5, 3);
    first.notes[1][1] = "old note";
    first.backgrounds[2][2] = "#f6b9b4";
    first.merges = [{ row: 1, column: 1, numRows: 1, numColumns: 3 }];
    first.charts = [{ kind: "funnel", title: "漏斗", ranges: [{ row: 4, column: 1, numRows: 2, numColumns: 2 }] }];
    writeReport(sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet, first, "generated");
    writeReport(sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet, grid(2, 2), "generated");
    const snap = snapshotSheet(sheet);
    expect(snap).toMatchObject({ notes: {}, merges: [], charts: [], backgrounds: {} });
    expect(snap.values).toEqual([
      ["row 1", 0],
      ["row 2", 1],
    ]);
    expect(snap.protections).toHaveLength(1);
  });
});

describe("advice wraps in the sheet", () => {
  it("sets every cell's wrap in one setWraps call: text wraps, numbers do not, and a rewrite starts clean", () => {
    const google = shop();
    const sheet = google.spreadsheet.insertSheet("店铺体检");
    const g = grid(3, 3);
    g.values[1][2] = "先把这款商品的主图和详情页第一屏改成卖点清楚的版本，再看三天支付转化率能不能回到同行水平。";
    g.wraps = g.values.map((line) => line.map((v) => typeof v === "string"));
    const before = google.counter.snapshot()["Range.setWraps"] ?? 0;
    writeReport(sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet, g, "generated");
    expect((google.counter.snapshot()["Range.setWraps"] ?? 0) - before).toBe(1);
    const snap = snapshotSheet(sheet);
    expect(snap.wraps.C2).toBe(true);
    expect(snap.wraps.A1).toBe(true);
    expect(snap.wraps.B2).toBe(false);
    expect(sheet.getRange("C2").getWrap()).toBe(true);
    // A grid without wraps leaves the next report with none of the old wrap flags.
    writeReport(sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet, grid(2, 2), "generated");
    expect(snapshotSheet(sheet).wraps).toEqual({});
  });

  it("refuses a wraps layer of the wrong shape, naming it", () => {
    const g = grid(2, 2);
    g.wraps = [[true, true]];
    expect(() => gridShape(g)).toThrow(/wraps is not 2 × 2/);
  });
});
