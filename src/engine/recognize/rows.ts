/**
 * What a row under a header is, before its cells are read: blank, a totals row, a lone
 * note, or data. Each skipped row is reported with its row number.
 */
import type { Cell } from "../cells";
import { isEmptyCell, readNumber } from "../cells";
import type { RecognitionIssue, TableRow, TotalsRow } from "../tables";
import { isRowBlank } from "./bounds";
import { cellRef, quoteCell } from "./issues";
import { headerKey } from "./normalize";
import type { ColumnReader } from "./values";
import { readQuiet } from "./values";
import { TOTALS_LABELS } from "./vocabulary";

/** First characters a totals label can start with (a cheap filter before folding the text). */
const TOTALS_FIRST_CHAR = /^[\s合总總汇匯小全tTgGsS합\uff21-\uff5a]/;
const NOTE_TEXT = /^(注|备注|說明|说明|提示|数据来源|數據來源|来源[:：]|\*|#|note|source:|data source)/i;

/** The table a row is read for: its sheet, header row, readers and where skipped rows go. */
export interface RowScope {
  sheet: string;
  headerRow: number;
  readers: readonly ColumnReader[];
  issues: RecognitionIssue[];
  totals: TotalsRow[];
}

/** The totals label of a row (合计, Total …) in its first non-empty cell, with that cell's 0-based column. */
function totalsLabel(row: readonly Cell[]): { label: string; col: number } | null {
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (isEmptyCell(cell)) continue;
    if (typeof cell !== "string" || cell.length > 40 || !TOTALS_FIRST_CHAR.test(cell)) return null;
    return TOTALS_LABELS.test(headerKey(cell)) ? { label: cell.trim(), col: c } : null;
  }
  return null;
}

function nonEmptyCount(row: readonly Cell[]): number {
  let n = 0;
  for (let c = 0; c < row.length; c++) if (!isEmptyCell(row[c])) n++;
  return n;
}

function skipBlank(scope: RowScope, sheetRow: number): true {
  scope.issues.push({
    sheet: scope.sheet, row: sheetRow, column: null, code: "blank-row-in-table",
    message: `Row ${sheetRow} is blank inside the table that starts at row ${scope.headerRow}; the rows after it were read as part of the same table.`,
  });
  return true;
}

/** Keeps a totals row aside (in `totals`) when the row is one. */
function keepTotals(scope: RowScope, row: readonly Cell[], sheetRow: number): boolean {
  const totalsCell = totalsLabel(row);
  if (totalsCell === null) return false;
  const label = totalsCell.label;
  const values: TableRow = {};
  for (const reader of scope.readers) values[reader.field] = readQuiet(row[reader.col], reader);
  scope.totals.push({ row: sheetRow, label, values });
  scope.issues.push({
    sheet: scope.sheet, row: sheetRow, column: totalsCell.col + 1, code: "totals-row", text: label,
    message: `Row ${sheetRow} is a totals row (${quoteCell(label)}); it is kept apart from the data rows so it is not counted twice.`,
  });
  return true;
}

/**
 * A lone name in a name column is a row whose figures are all blank (a paused plan); a
 * lone text anywhere else, or one worded like a note, is a footnote and is skipped.
 */
function skipNote(scope: RowScope, row: readonly Cell[], sheetRow: number): boolean {
  if (scope.readers.length < 3 || nonEmptyCount(row) !== 1) return false;
  const c = row.findIndex((cell) => !isEmptyCell(cell));
  const cell = row[c];
  if (typeof cell !== "string" || readNumber(cell).kind === "number") return false;
  const reader = scope.readers.find((rd) => rd.col === c);
  const inNameColumn = reader !== undefined && (reader.type === "text" || reader.type === "id");
  if (inNameColumn && !NOTE_TEXT.test(cell.trim())) return false;
  scope.issues.push({
    sheet: scope.sheet, row: sheetRow, column: c + 1, code: "not-a-data-row", text: cell,
    message: `Row ${sheetRow} holds only the note ${quoteCell(cell)} in ${cellRef(sheetRow, c + 1)}; it is not a data row and was skipped.`,
  });
  return true;
}

/** True when the row is not data (blank, totals, note): it has been reported or kept aside. */
export function setAside(scope: RowScope, row: readonly Cell[], sheetRow: number): boolean {
  if (isRowBlank(row)) return skipBlank(scope, sheetRow);
  return keepTotals(scope, row, sheetRow) || skipNote(scope, row, sheetRow);
}
