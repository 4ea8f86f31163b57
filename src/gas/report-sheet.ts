/**
 * Which sheet is Shop Doctor's report. A report sheet carries developer metadata under
 * REPORT_KEY from the run that created it (Sheet.addDeveloperMetadata; DeveloperMetadata's
 * methods are authorised by `spreadsheets.currentonly`, per its Apps Script reference), so a
 * teammate's tab that merely has the report's name is never rewritten. Unmarked tabs with our
 * name are used only when they are truly blank, or hold a report an older version wrote
 * (its title in A1); then they are marked.
 */
import { LANGUAGES, translate } from "../engine/i18n";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The developer-metadata key on the report sheet. */
export const REPORT_KEY = "shop-doctor.report";

/** True when Shop Doctor created (or adopted) `sheet` as its report. */
export function reportSheetMarked(sheet: Sheet): boolean {
  return sheet.getDeveloperMetadata().some((m) => m.getKey() === REPORT_KEY);
}

/** Marks `sheet` as the report (document-visible: any deployment of the add-on recognises it). */
export function markReportSheet(sheet: Sheet): void {
  sheet.addDeveloperMetadata(REPORT_KEY, SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
}

/** A report written before sheets were marked: our title in A1. */
function legacyReport(sheet: Sheet): boolean {
  if (sheet.getLastRow() === 0) return false;
  const title = sheet.getRange(1, 1).getValue();
  return LANGUAGES.some((l) => translate(l, "report.title") === title);
}

/**
 * True when a grid sheet holds nothing at all: no values, and none of what has no value —
 * notes, fills, charts, data validation, protections. (`getLastRow` counts values only.)
 */
function blankSheet(sheet: Sheet): boolean {
  if (sheet.getType() !== SpreadsheetApp.SheetType.GRID) return false;
  if (sheet.getLastRow() > 0 || sheet.getLastColumn() > 0 || sheet.getCharts().length > 0) return false;
  if (sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length > 0) return false;
  if (sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).length > 0) return false;
  const whole = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  if (whole.getNotes().some((line) => line.some((note) => note !== ""))) return false;
  if (whole.getBackgrounds().some((line) => line.some((c) => c !== "#ffffff"))) return false;
  return !whole.getDataValidations().some((line) => line.some((rule) => rule !== null));
}

/**
 * The sheet to write the report into: the marked one, else a blank or legacy tab with one of
 * our names, else none (create one). `taken` names a tab that has our name and a teammate's
 * content, or that stands where the marked report would be renamed to.
 */
export function findReportSheet(
  spreadsheet: Spreadsheet,
  marked: Sheet | null,
  name: string,
  names: readonly string[],
): { sheet: Sheet | null; marked: boolean } | { taken: string } {
  const named = spreadsheet.getSheetByName(name);
  if (marked) {
    if (named && named.getSheetId() !== marked.getSheetId()) return { taken: name };
    return { sheet: marked, marked: true };
  }
  for (const candidate of [name, ...names]) {
    const sheet = candidate === name ? named : spreadsheet.getSheetByName(candidate);
    if (!sheet) continue;
    if (legacyReport(sheet) || blankSheet(sheet)) return { sheet, marked: false };
    return { taken: sheet.getName() };
  }
  return { sheet: null, marked: false };
}
