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
import { AVERAGE_LABELS, DIMENSION_ALL, SUBTOTAL_LABELS, TOTALS_LABELS } from "./vocabulary";

/** First characters a totals / subtotal / average label can start with (a cheap filter before folding the text). */
const TOTALS_FIRST_CHAR = /^[\s合总總汇匯小分全均平日tTgGsSaAmMzZ합소평\uff21-\uff5a]/;
const NOTE_TEXT = /^(注|备注|說明|说明|提示|数据来源|數據來源|来源[:：]|\*|#|note|source:|data source)/i;

/** The table a row is read for: its sheet, header row, readers and where skipped rows go. */
export interface RowScope {
  sheet: string;
  headerRow: number;
  readers: readonly ColumnReader[];
  issues: RecognitionIssue[];
  totals: TotalsRow[];
  averages: TotalsRow[];
  subtotals: TotalsRow[];
  /** The header's cell texts by 0-based column ("" where blank). */
  headerTexts: readonly string[];
  /** Columns the header spans (up to its last non-empty cell). */
  headerWidth: number;
  /** Values per row in the source file, when the reader knows them (CSV/TSV). */
  rowLengths?: readonly number[];
  /** 0-based columns of dimension fields (carrier, live room) whose `全部` / `整体` cell marks a totals row. */
  dimensionCols?: readonly number[];
}

type AsideRole = "totals" | "subtotal" | "average";

const ASIDE: readonly (readonly [role: AsideRole, labels: RegExp])[] = [
  ["totals", TOTALS_LABELS],
  ["subtotal", SUBTOTAL_LABELS],
  ["average", AVERAGE_LABELS],
];

/** The totals / subtotal / average label of a row in its first non-empty cell, with that cell's 0-based column. */
function asideLabel(row: readonly Cell[]): { label: string; col: number; role: AsideRole } | null {
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (isEmptyCell(cell)) continue;
    if (typeof cell !== "string" || cell.length > 40 || !TOTALS_FIRST_CHAR.test(cell)) return null;
    const key = headerKey(cell);
    const hit = ASIDE.find(([, labels]) => labels.test(key));
    return hit ? { label: cell.trim(), col: c, role: hit[0] } : null;
  }
  return null;
}

/** A carrier or room cell reading 全部 / 整体 / All: the row is the table's total over that dimension. */
function dimensionTotal(scope: RowScope, row: readonly Cell[]): { label: string; col: number; role: AsideRole } | null {
  for (const col of scope.dimensionCols ?? []) {
    const cell = row[col];
    if (typeof cell === "string" && cell.length <= 40 && DIMENSION_ALL.test(headerKey(cell)))
      return { label: cell.trim(), col, role: "totals" };
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
    sheet: scope.sheet,
    row: sheetRow,
    column: null,
    code: "blank-row-in-table",
    message: `Row ${sheetRow} is blank inside the table that starts at row ${scope.headerRow}; the rows after it were read as part of the same table.`,
  });
  return true;
}

/** Keeps a totals, subtotal or average row aside (in `totals`, `subtotals`, `averages`) when the row is one. */
function keepAside(scope: RowScope, row: readonly Cell[], sheetRow: number): boolean {
  const aside = asideLabel(row) ?? dimensionTotal(scope, row);
  if (aside === null) return false;
  const { label, col, role } = aside;
  const values: TableRow = {};
  for (const reader of scope.readers) values[reader.field] = readQuiet(row[reader.col], reader);
  const kept: TotalsRow = { row: sheetRow, label, values };
  const base = { sheet: scope.sheet, row: sheetRow, column: col + 1, text: label };
  if (role === "totals") {
    scope.totals.push(kept);
    scope.issues.push({
      ...base,
      code: "totals-row",
      message: `Row ${sheetRow} is a totals row (${quoteCell(label)}); it is kept apart from the data rows so it is not counted twice.`,
    });
  } else if (role === "subtotal") {
    scope.subtotals.push(kept);
    scope.issues.push({
      ...base,
      code: "subtotal-row",
      message: `Row ${sheetRow} is a subtotal row (${quoteCell(label)}); it is kept apart from the data rows so it is not counted twice.`,
    });
  } else {
    scope.averages.push(kept);
    scope.issues.push({
      ...base,
      code: "average-row",
      message: `Row ${sheetRow} is an average row (${quoteCell(label)}); it is kept apart from the data rows and never added to them.`,
    });
  }
  return true;
}

/** A copy of the header inside the table (exports pasted one after another): skipped. */
function skipRepeatedHeader(scope: RowScope, row: readonly Cell[], sheetRow: number): boolean {
  // Cheap exit for data rows: a repeated header repeats at least one of its first two used columns.
  const sameAt = (i: number) => {
    const reader = scope.readers[i];
    const cell = reader ? row[reader.col] : undefined;
    return typeof cell === "string" && cell.trim() === scope.headerTexts[reader.col];
  };
  if (!sameAt(0) && !sameAt(1)) return false;
  let same = 0;
  for (const reader of scope.readers) {
    const cell = row[reader.col];
    if (typeof cell === "string" && cell.trim() === scope.headerTexts[reader.col]) same++;
  }
  if (same < 2 || same * 2 < scope.readers.length) return false;
  scope.issues.push({
    sheet: scope.sheet,
    row: sheetRow,
    column: null,
    code: "repeated-header",
    message: `Row ${sheetRow} repeats the header of the table at row ${scope.headerRow}; it was skipped. Delete it if the rows under it belong to the same table.`,
  });
  return true;
}

/** Values a row has beyond the header's last column (0 when none). */
function valuesPastHeader(scope: RowScope, row: readonly Cell[]): number {
  let last = -1;
  for (let c = row.length - 1; c >= scope.headerWidth; c--) {
    if (!isEmptyCell(row[c])) {
      last = c;
      break;
    }
  }
  return last < 0 ? 0 : last + 1;
}

/**
 * A row with fewer or more values than its header would read every value after the gap
 * under the wrong column: it is left out and reported, never shifted.
 */
function skipRagged(scope: RowScope, row: readonly Cell[], sheetRow: number): boolean {
  const fileLength = scope.rowLengths?.[sheetRow - 1];
  const past = valuesPastHeader(scope, row);
  const short = typeof fileLength === "number" && fileLength < scope.headerWidth;
  if (!short && past === 0) return false;
  const count = short ? fileLength : Math.max(past, fileLength ?? 0);
  const fewerOrMore = short ? "fewer" : "more";
  scope.issues.push({
    sheet: scope.sheet,
    row: sheetRow,
    column: null,
    code: "ragged-row",
    text: String(count),
    message: `Row ${sheetRow} has ${count} values but the header at row ${scope.headerRow} has ${scope.headerWidth} columns (${fewerOrMore} values than headers), so its figures cannot be matched to their columns; it was left out. Re-export the file, or fix the row so each value sits under its header.`,
  });
  return true;
}

/** Columns the header spans: up to its last non-empty cell. */
export function headerWidth(headerCells: readonly Cell[]): number {
  for (let c = headerCells.length - 1; c >= 0; c--) if (!isEmptyCell(headerCells[c])) return c + 1;
  return 0;
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
    sheet: scope.sheet,
    row: sheetRow,
    column: c + 1,
    code: "not-a-data-row",
    text: cell,
    message: `Row ${sheetRow} holds only the note ${quoteCell(cell)} in ${cellRef(sheetRow, c + 1)}; it is not a data row and was skipped.`,
  });
  return true;
}

/** True when the row is not data (blank, ragged, totals, subtotal, average, repeated header, note): reported or kept aside. */
export function setAside(scope: RowScope, row: readonly Cell[], sheetRow: number): boolean {
  if (isRowBlank(row)) return skipBlank(scope, sheetRow);
  return (
    skipRagged(scope, row, sheetRow) ||
    keepAside(scope, row, sheetRow) ||
    skipRepeatedHeader(scope, row, sheetRow) ||
    skipNote(scope, row, sheetRow)
  );
}
