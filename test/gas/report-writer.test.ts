import { describe, expect, it } from "vitest";
import type { ReportGrid } from "../../src/engine/report";
import { gridShape, literalValues, mergeCalls, widthRuns, writeReport } from "../../src/gas/report-writer";
import { snapshotSheet } from "../../src/local/fake";
import { shop } from "./support";

function grid(rows: number, columns: number): ReportGrid {
  const fill = <T,>(v: T) => Array.from({ length: rows }, () => Array.from({ length: columns }, () => v));
  const values = fill<string | number | null>(null).map((line, r) => line.map((_, c) => (c === 0 ? `row ${r + 1}` : r * c)));
  return {
    sheetName: "店铺体检", values, numberFormats: fill("#,##0"), backgrounds: fill("#ffffff"), fontColors: fill("#202124"),
    fontWeights: fill<"bold" | "normal">("normal"), notes: fill(""), merges: [], frozenRows: 1, columnWidths: Array(columns).fill(90), chart: null,
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
    expect(widthRuns([96, 170, 104, 104, 104, 520])).toEqual([[1, 1, 96], [2, 1, 170], [3, 3, 104], [6, 1, 520]]);
  });

  it("refuses a grid whose layers do not match its values, naming the layer", () => {
    const bad = grid(3, 2);
    bad.notes = [["", ""], ["", ""]];
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
    first.chart = { kind: "funnel", title: "漏斗", range: { row: 4, column: 1, numRows: 2, numColumns: 2 } };
    writeReport(sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet, first, "generated");
    writeReport(sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet, grid(2, 2), "generated");
    const snap = snapshotSheet(sheet);
    expect(snap).toMatchObject({ notes: {}, merges: [], charts: [], backgrounds: {} });
    expect(snap.values).toEqual([["row 1", 0], ["row 2", 1]]);
    expect(snap.protections).toHaveLength(1);
  });
});
