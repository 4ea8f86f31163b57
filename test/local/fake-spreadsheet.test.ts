import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createFakeGoogle, MANIFEST_SCOPES, parseA1, snapshotSheet } from "../../src/local/fake";

function fresh(values: unknown[][] = []) {
  const google = createFakeGoogle({ sheets: [{ name: "数据", values: values as never }] });
  const sheet = google.globals.SpreadsheetApp.getActive().getSheetByName("数据");
  if (!sheet) throw new Error("fixture sheet missing");
  return { google, sheet };
}

describe("setValues parses strings as if typed", () => {
  it("turns numeric, percent, currency and boolean text into values", () => {
    const { sheet } = fresh();
    sheet.getRange(1, 1, 1, 6).setValues([["12", "1,234", "12.5%", "$1,234.50", "true", "hello"]]);
    expect(sheet.getRange(1, 1, 1, 6).getValues()).toEqual([[12, 1234, 0.125, 1234.5, true, "hello"]]);
    expect(sheet.getRange("C1").getNumberFormat()).toBe("0.0%");
  });

  it("stores =… as a formula that is not evaluated", () => {
    const { sheet } = fresh();
    sheet.getRange("A1").setValues([['=IMPORTXML("http://x","//a")']]);
    expect(sheet.getRange("A1").getFormula()).toBe('=IMPORTXML("http://x","//a")');
    expect(sheet.getRange("A1").getValue()).toBe("");
  });

  it("treats +1+1 and @SUM(A1) as formulas too, so writers must escape them", () => {
    const { sheet } = fresh();
    sheet.getRange(1, 1, 1, 2).setValues([["+1+1", "@SUM(A1)"]]);
    expect(sheet.getRange(1, 1, 1, 2).getFormulas()).toEqual([["=+1+1", "=SUM(A1)"]]);
  });

  it("keeps text after a leading apostrophe and drops the apostrophe", () => {
    const { sheet } = fresh();
    sheet.getRange(1, 1, 1, 4).setValues([["'=IMPORTXML(1)", "'+1+1", "'12.5%", "''quoted"]]);
    expect(sheet.getRange(1, 1, 1, 4).getValues()).toEqual([["=IMPORTXML(1)", "+1+1", "12.5%", "'quoted"]]);
    expect(sheet.getRange(1, 1, 1, 4).getFormulas()).toEqual([["", "", "", ""]]);
  });

  it("stores a typed date as midnight in the spreadsheet's time zone", () => {
    const { sheet } = fresh();
    sheet.getRange("A1").setValue("2026-11-22");
    expect((sheet.getRange("A1").getValue() as Date).toISOString()).toBe("2026-11-21T16:00:00.000Z");
    expect(sheet.getRange("A1").getDisplayValue()).toBe("2026-11-22");
  });

  it("keeps text as typed in a cell formatted as plain text (@)", () => {
    const { sheet } = fresh();
    sheet.getRange("A1").setNumberFormat("@").setValue("007");
    expect(sheet.getRange("A1").getValue()).toBe("007");
  });

  it("throws Google's message when the data does not match the range", () => {
    const { sheet } = fresh();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.",
    );
    expect(() => sheet.getRange(1, 1, 1, 2).setBackgrounds([["#fff"]])).toThrow(/number of columns/);
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow("The number of rows in the range must be at least 1.");
    expect(() => sheet.getRange(1001, 1)).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
  });
});

describe("reading", () => {
  it("returns '' for empty cells, numbers, booleans and Dates", () => {
    const day = new Date(2026, 10, 22);
    const { sheet } = fresh([
      ["日期", "访客数"],
      [day, 120],
      ["", true],
    ]);
    const values = sheet.getDataRange().getValues();
    expect(values).toEqual([
      ["日期", "访客数"],
      [day, 120],
      ["", true],
    ]);
    expect(values[1][0]).not.toBe(day); // a copy: editing it does not edit the sheet
    expect(sheet.getRange("A5").getValue()).toBe("");
  });

  it("tracks the last row and column with content", () => {
    const { sheet } = fresh([
      ["a", "", ""],
      ["", "", ""],
      ["", "b", ""],
    ]);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 2]);
    sheet.getRange("B3").clearContent();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([1, 1]);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1");
  });

  it("formats display values for the formats the report uses", () => {
    const { sheet } = fresh();
    const range = sheet.getRange(1, 1, 1, 6);
    range.setValues([[0.03456, 0.5, 1234567.891, 12, 3.14159, new Date(2026, 0, 5)]]);
    range.setNumberFormats([["0.00%", "0%", "#,##0.00", '"¥"#,##0', "0.0", "yyyy-mm-dd"]]);
    expect(range.getDisplayValues()).toEqual([["3.46%", "50%", "1,234,567.89", "¥12", "3.1", "2026-01-05"]]);
    expect(sheet.getRange("A2").getNumberFormat()).toBe("0.###############");
  });

  it("reports colours as lowercase hex and null as white", () => {
    const { sheet } = fresh();
    sheet.getRange(1, 1, 1, 3).setBackgrounds([["#ABCDEF", "#F00", null]]);
    expect(sheet.getRange(1, 1, 1, 3).getBackgrounds()).toEqual([["#abcdef", "#ff0000", "#ffffff"]]);
    sheet.getRange("A1").setBackground(null);
    expect(sheet.getRange("A1").getBackground()).toBe("#ffffff");
  });
});

describe("sheet structure", () => {
  it("merges keep the upper-left value and refuse partial overlaps", () => {
    const { sheet } = fresh([["title", "x", "y"]]);
    sheet.getRange("A1:C1").merge();
    expect(sheet.getRange("A1:C1").getValues()).toEqual([["title", "", ""]]);
    expect(() => sheet.getRange("B1:D1").merge()).toThrow(/merged range/);
    sheet.getRange(2, 1, 3, 2).mergeAcross();
    expect(snapshotSheet(sheet).merges).toEqual(["A1:C1", "A2:B2", "A3:B3", "A4:B4"]);
    sheet.getRange(1, 1, 10, 5).breakApart();
    expect(snapshotSheet(sheet).merges).toEqual([]);
  });

  it("inserts, finds, activates and deletes sheets by name", () => {
    const { google } = fresh();
    const ss = google.globals.SpreadsheetApp.getActive();
    const report = ss.insertSheet("店铺体检", 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["店铺体检", "数据"]);
    expect(() => ss.insertSheet("数据")).toThrow(
      'A sheet with the name "数据" already exists. Please enter another name.',
    );
    expect(ss.getActiveSheet().getName()).toBe("店铺体检");
    ss.setActiveSheet(ss.getSheetByName("数据")!);
    expect(ss.getActiveSheet().getName()).toBe("数据");
    ss.deleteSheet(report);
    expect(ss.getSheetByName("店铺体检")).toBeNull();
  });

  it("keeps notes, frozen rows, widths, protections, charts and range lists", () => {
    const { sheet } = fresh([["a", 1]]);
    sheet.getRange(1, 1, 1, 2).setNotes([["why", ""]]);
    sheet.setFrozenRows(2);
    sheet.setColumnWidth(2, 240);
    sheet.protect().setDescription("generated").setWarningOnly(true);
    sheet.getRangeList(["A1", "B1:B2"]).setFontWeight("bold");
    const chart = sheet
      .newChart()
      .asBarChart()
      .addRange(sheet.getRange("A1:B1"))
      .setPosition(1, 4, 0, 0)
      .setTitle("漏斗")
      .build();
    sheet.insertChart(chart);
    const snap = snapshotSheet(sheet);
    expect(snap.notes).toEqual({ A1: "why" });
    expect(snap.frozenRows).toBe(2);
    expect(sheet.getColumnWidth(2)).toBe(240);
    expect(sheet.getColumnWidth(1)).toBe(100);
    expect(snap.protections).toEqual([{ type: "SHEET", range: null, description: "generated", warningOnly: true }]);
    expect(snap.fontWeights).toEqual({ A1: "bold", B1: "bold", B2: "bold" });
    expect(snap.charts).toEqual([{ type: "BAR", ranges: ["A1:B1"], title: "漏斗" }]);
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toHaveLength(0);
    // A stacked column chart keeps its stacking and its per-series options in the snapshot.
    sheet.insertChart(
      sheet
        .newChart()
        .asColumnChart()
        .setStacked()
        .addRange(sheet.getRange("A1:B1"))
        .setOption("series", { 0: { color: "#ffffff" } })
        .build(),
    );
    expect(snapshotSheet(sheet).charts).toEqual([
      { type: "COLUMN", ranges: ["A1:B1"], title: null, stacked: true, series: { 0: { color: "#ffffff" } } },
    ]);
  });

  it("rejects values outside a list validation that does not allow invalid data", () => {
    const { google, sheet } = fresh();
    const rule = google.globals.SpreadsheetApp.newDataValidation()
      .requireValueInList(["zh-CN", "en"], true)
      .setAllowInvalid(false)
      .build();
    sheet.getRange("B2").setDataValidation(rule);
    sheet.getRange("B2").setValue("'en");
    expect(() => sheet.getRange("B2").setValue("fr")).toThrow(
      "The data you entered in cell B2 violates the data validation rules set on this cell.",
    );
    expect(sheet.getRange("B2").getValue()).toBe("en");
    expect(snapshotSheet(sheet).validations).toEqual({ B2: "zh-CN|en" });
  });

  it("parses A1 notation with sheet names and open ranges", () => {
    expect(parseA1("'设置'!B3")).toMatchObject({ sheetName: "设置", row: 3, column: 2, lastRow: 3, lastColumn: 2 });
    expect(parseA1("A:C")).toMatchObject({ row: 1, column: 1, lastRow: null, lastColumn: 3 });
    expect(parseA1("B2:D9")).toMatchObject({ row: 2, column: 2, lastRow: 9, lastColumn: 4 });
  });
});

describe("services", () => {
  it("counts the calls the code makes, not the fake's own work", () => {
    const { google, sheet } = fresh([["a"]]);
    google.counter.reset();
    sheet.getDataRange().getValues();
    sheet.getRange("A1").setValue("b").setBackground("#fff");
    expect(google.counter.snapshot()).toEqual({
      "Range.getValues": 1,
      "Range.setBackground": 1,
      "Range.setValue": 1,
      "Sheet.getDataRange": 1,
      "Sheet.getRange": 1,
    });
  });

  it("lets a test hold the document lock as another user", () => {
    const { google } = fresh();
    const release = google.locks._holdDocumentLockAsAnotherUser();
    const mine = google.globals.LockService.getDocumentLock();
    expect(mine.tryLock(3000)).toBe(false);
    expect(() => mine.waitLock(10)).toThrow("Lock timeout: another process was holding the lock for too long.");
    release();
    expect(mine.tryLock(3000)).toBe(true);
    expect(google.globals.LockService.getDocumentLock().tryLock(1)).toBe(false);
    mine.releaseLock();
    expect(google.locks._documentLocked()).toBe(false);
  });

  it("records menus, sidebars and alerts; serves HTML files", () => {
    const google = createFakeGoogle({ htmlFiles: { Sidebar: "<p>hi</p>" } });
    const ui = google.globals.SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem("诊断", "showSidebar").addToUi();
    ui.showSidebar(google.globals.HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("T").setWidth(300));
    ui.alert("done");
    expect(google.ui.menus[0].items).toEqual([{ caption: "诊断", functionName: "showSidebar" }]);
    expect(google.ui.sidebars).toEqual([{ title: "T", width: 300, content: "<p>hi</p>" }]);
    expect(google.ui.alerts).toEqual([{ title: "", prompt: "done" }]);
    expect(() => google.globals.HtmlService.createHtmlOutputFromFile("Nope")).toThrow(/Nope/);
    const props = google.globals.PropertiesService.getDocumentProperties();
    props.setProperty("k", "v");
    expect(props.getProperty("k")).toBe("v");
    expect(props.getProperty("missing")).toBeNull();
  });
});

describe("what issue 10 needed the fake to model", () => {
  it("asks for exactly the manifest's scopes, and a missing one fails as Apps Script words it", () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, "..", "..", "appsscript.json"), "utf8")) as {
      oauthScopes: string[];
    };
    expect([...MANIFEST_SCOPES]).toEqual(manifest.oauthScopes);
    const google = createFakeGoogle();
    expect(() => google.globals.ScriptApp.requireAllScopes("FULL")).not.toThrow();
    google.authorization.granted.delete(MANIFEST_SCOPES[0]);
    expect(() => google.globals.ScriptApp.requireAllScopes("FULL")).toThrow();
    expect(() => google.globals.SpreadsheetApp.getActive()).toThrow(
      "Specified permissions are not sufficient to call SpreadsheetApp.getActive. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)",
    );
  });

  it("inserting a row moves values, notes, fills and validation down with their row", () => {
    const google = createFakeGoogle({ sheets: [{ name: "S", values: [["a"], ["b"], ["c"]] }] });
    const sheet = google.spreadsheet.getSheetByName("S")!;
    sheet.getRange("A2").setNote("n").setBackground("#ff0000");
    const rule = google.globals.SpreadsheetApp.newDataValidation().requireValueInList(["b", "x"]).build();
    sheet.getRange("A2").setDataValidation(rule);
    sheet.insertRowBefore(2);
    const snap = snapshotSheet(sheet);
    expect(snap.values).toEqual([["a"], [""], ["b"], ["c"]]);
    expect([snap.notes, snap.backgrounds, snap.validations]).toEqual([{ A3: "n" }, { A3: "#ff0000" }, { A3: "b|x" }]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(
      sheet
        .getRange("A1:A4")
        .getDataValidations()
        .map((r) => r[0]?.getCriteriaValues() ?? null),
    ).toEqual([null, null, [["b", "x"], true], null]);
  });

  it("keeps sheet developer metadata through clear(), reports sheet types, and formats dates in a zone", () => {
    const google = createFakeGoogle({ sheets: [{ name: "S", values: [["a"]] }] });
    const sheet = google.spreadsheet.getSheetByName("S")!;
    sheet.addDeveloperMetadata("k", "v");
    sheet.clear();
    expect(sheet.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue(), m.getVisibility()])).toEqual([
      ["k", "v", "DOCUMENT"],
    ]);
    const chart = google.addNonGridSheet("Chart1", "OBJECT");
    expect([sheet.getType(), chart.getType()]).toEqual(["GRID", "OBJECT"]);
    expect(() => chart.getDataRange()).toThrow(/not a grid/);
    // 2026-11-21 16:00 UTC is 2026-11-22 00:00 in Shanghai (UTC+8).
    expect(
      google.globals.Utilities.formatDate(new Date(Date.UTC(2026, 10, 21, 16)), "Asia/Shanghai", "yyyy-MM-dd HH:mm"),
    ).toBe("2026-11-22 00:00");
  });
});
