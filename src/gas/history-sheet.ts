/**
 * The History sheet (体检记录 / 體檢記錄 / History): one row per diagnosed data period, which
 * Shop Doctor owns like the report — marked with developer metadata under HISTORY_KEY, so a
 * teammate's tab that merely has the name is never written to. The rows, their columns and
 * the matching are the engine's (src/engine/history.ts); this file only reads and writes cells.
 * It runs inside diagnoseShop's document lock, so two runs never interleave their writes.
 */
import type { Cell } from "../engine/cells";
import {
  HISTORY_COLUMNS,
  historyCells,
  historyFormats,
  historyHeaders,
  readHistory,
  type HistoryRecord,
} from "../engine/history";
import { LANGUAGES, translate, type Language } from "../engine/i18n";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The developer-metadata key on the History sheet. */
export const HISTORY_KEY = "shop-doctor.history";

/** Every name the History sheet may have (one per language). */
export const HISTORY_SHEET_NAMES: readonly string[] = LANGUAGES.map((l) => translate(l, "history.sheetName"));

/** True when Shop Doctor created (or adopted) `sheet` as its History sheet. */
export function historySheetMarked(sheet: Sheet): boolean {
  return sheet.getDeveloperMetadata().some((m) => m.getKey() === HISTORY_KEY);
}

/** True when a tab holds nothing, or only a header row of ours (in any language). */
function adoptable(sheet: Sheet): boolean {
  if (sheet.getType() !== SpreadsheetApp.SheetType.GRID) return false;
  if (sheet.getLastRow() === 0 && sheet.getLastColumn() === 0 && sheet.getCharts().length === 0) return true;
  if (sheet.getLastRow() !== 1) return false;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  return LANGUAGES.some((l) => historyHeaders(l).every((h, i) => header[i] === h));
}

/**
 * The History sheet to use: the marked one; else a blank tab (or one holding only our header)
 * with one of our names; else none yet (create it). `taken` names a tab with our name and
 * someone else's content: this run is then not recorded, and the report says so.
 */
export function findHistorySheet(
  spreadsheet: Spreadsheet,
): { sheet: Sheet | null; marked: boolean } | { taken: string } {
  const marked = spreadsheet.getSheets().find(historySheetMarked);
  if (marked) return { sheet: marked, marked: true };
  for (const name of HISTORY_SHEET_NAMES) {
    const sheet = spreadsheet.getSheetByName(name);
    if (!sheet) continue;
    if (adoptable(sheet)) return { sheet, marked: false };
    return { taken: name };
  }
  return { sheet: null, marked: false };
}

/** What the sheet holds: its rows as records, each one's sheet row, and whether its header is today's. */
export function readHistorySheet(
  sheet: Sheet | null,
  language: Language,
  timeZone: string,
): ReturnType<typeof readHistory> & { lastRow: number } {
  if (!sheet || sheet.getLastRow() === 0) return { records: [], rows: [], inOrder: false, lastRow: 0 };
  const values = sheet.getDataRange().getValues() as Cell[][];
  // A teammate may have turned a day column into dates: read them as the day the sheet shows.
  const cells = values.map((row) =>
    row.map((v) => (v instanceof Date ? Utilities.formatDate(v, timeZone, "yyyy-MM-dd") : v)),
  );
  return { ...readHistory(cells, language), lastRow: values.length };
}

/** A cell value for setValues after the formats: text cells (`@`) keep strings as written. */
function cellsOf(record: HistoryRecord): (string | number)[] {
  return historyCells(record).map((v) => (v === null ? "" : v));
}

/** Grows the sheet to hold `rows` × `columns`. */
function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < columns) sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
}

/** Writes a block of rows: number formats first (so text lands as text), then the values. */
function writeRows(sheet: Sheet, row: number, records: readonly HistoryRecord[]): void {
  if (records.length === 0) return;
  const range = sheet.getRange(row, 1, records.length, HISTORY_COLUMNS.length);
  range.setNumberFormats(records.map(historyFormats));
  range.setValues(records.map(cellsOf));
}

/** The header row in `language`, bold and frozen, with what the sheet is in its first cell's note. */
function writeHeader(sheet: Sheet, language: Language): void {
  const range = sheet.getRange(1, 1, 1, HISTORY_COLUMNS.length);
  range.setNumberFormat("@");
  range.setValues([historyHeaders(language)]);
  range.setFontWeight("bold");
  sheet.getRange(1, 1).setNote(translate(language, "history.note"));
  sheet.setFrozenRows(1);
}

/**
 * Records this run: only its own row when the header is today's (the row of its period, or the
 * next free one); otherwise (a new sheet, a language change, a column added since) the header
 * and every row are rewritten in today's columns, nothing of the earlier rows lost.
 */
export function writeHistory(
  spreadsheet: Spreadsheet,
  found: { sheet: Sheet | null; marked: boolean },
  read: ReturnType<typeof readHistorySheet>,
  placed: { records: HistoryRecord[]; index: number; replaced: boolean },
  language: Language,
): void {
  const name = translate(language, "history.sheetName");
  let sheet = found.sheet;
  if (!sheet) {
    const active = spreadsheet.getActiveSheet();
    sheet = spreadsheet.insertSheet(name, spreadsheet.getNumSheets());
    if (active) spreadsheet.setActiveSheet(active);
  } else if (sheet.getName() !== name && !spreadsheet.getSheetByName(name)) {
    sheet.setName(name);
  }
  if (!found.marked) sheet.addDeveloperMetadata(HISTORY_KEY, SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
  if (read.inOrder) {
    const row = placed.replaced ? read.rows[placed.index] : read.lastRow + 1;
    ensureSize(sheet, row, HISTORY_COLUMNS.length);
    writeRows(sheet, row, [placed.records[placed.index]]);
    return;
  }
  sheet.clear();
  ensureSize(sheet, placed.records.length + 1, HISTORY_COLUMNS.length);
  writeHeader(sheet, language);
  writeRows(sheet, 2, placed.records);
}
