/**
 * The one place a data cell becomes a typed value: `readCell` reads the cell of one column
 * in one row by that column's type, reports what it cannot read, and feeds the rate
 * statistics. A per-column parsing option (number locale, currency) belongs on the
 * ColumnReader and is honoured here.
 */
import type { Cell } from "../cells";
import { MAX_FIGURE, quickNumber, readDate, readNumber, readSeconds, spreadsheetError } from "../cells";
import type { FieldName, RecognitionIssue, TableRow } from "../tables";
import { cellRef, quoteCell, type IssueCode } from "./issues";
import type { RateStats } from "./rates";
import { noteRate } from "./rates";
import type { ColumnReader } from "./values";
import { cellText, readFlag, readId, readText, scaled } from "./values";

/** What reading the cells of one table shares: where issues go and the rate statistics. */
export interface CellContext {
  sheet: string;
  issues: RecognitionIssue[];
  rateStats: ReadonlyMap<FieldName, RateStats>;
}

function issue(
  ctx: CellContext,
  sheetRow: number,
  reader: ColumnReader,
  what: { code: IssueCode; text: string; message: string },
): void {
  ctx.issues.push({
    sheet: ctx.sheet,
    row: sheetRow,
    column: reader.col + 1,
    field: reader.field,
    code: what.code,
    text: what.text,
    message: what.message,
  });
}

function readNumberCell(out: TableRow, reader: ColumnReader, cell: Cell, sheetRow: number, ctx: CellContext): void {
  const stats = reader.type === "rate" ? ctx.rateStats.get(reader.field) : undefined;
  const quick = reader.decimalMark === "," ? undefined : quickNumber(cell);
  if (quick !== undefined && Math.abs(quick) <= MAX_FIGURE) {
    out[reader.field] = reader.scale === undefined ? quick : scaled(quick, reader.scale);
    if (stats) noteRate(stats, quick, false);
    return;
  }
  const reading =
    reader.type === "seconds" ? readSeconds(cell, reader.decimalMark) : readNumber(cell, reader.decimalMark);
  if (reading.kind === "number" && Math.abs(reading.value) > MAX_FIGURE) {
    out[reader.field] = null;
    issue(ctx, sheetRow, reader, {
      code: "not-a-number",
      text: cellText(cell),
      message: `${cellRef(sheetRow, reader.col + 1)} under ${quoteCell(reader.header)} is ${quoteCell(cellText(cell))}, larger than any real figure (over 10^15); it is left out. Fix the cell or clear it.`,
    });
    return;
  }
  if (reading.kind === "number") {
    out[reader.field] = reader.scale === undefined ? reading.value : scaled(reading.value, reader.scale);
    if (stats) noteRate(stats, reading.value, reading.percent === true);
    return;
  }
  out[reader.field] = null;
  if (reading.kind === "invalid") {
    issue(ctx, sheetRow, reader, {
      code: "not-a-number",
      text: reading.text,
      message: `${cellRef(sheetRow, reader.col + 1)} under ${quoteCell(reader.header)} is ${quoteCell(reading.text)}, which is not a number; it is left out. Fix the cell or clear it.`,
    });
  }
}

function readDateCell(out: TableRow, reader: ColumnReader, cell: Cell, sheetRow: number, ctx: CellContext): void {
  const reading = readDate(cell, reader.order);
  if (reading.kind === "date") {
    out[reader.field] = reading.iso;
    if (reading.to !== null) out.dateTo = reading.to;
    return;
  }
  out[reader.field] = null;
  if (reading.kind === "invalid") {
    issue(ctx, sheetRow, reader, {
      code: "not-a-date",
      text: reading.text,
      message: `${cellRef(sheetRow, reader.col + 1)} under ${quoteCell(reader.header)} is ${quoteCell(reading.text)}, which is not a date Shop Doctor can read; use 2026-11-22.`,
    });
  }
}

function readIdCell(out: TableRow, reader: ColumnReader, cell: Cell, sheetRow: number, ctx: CellContext): void {
  out[reader.field] = readId(cell);
  if (typeof cell === "number" && !Number.isSafeInteger(cell) && Number.isInteger(cell)) {
    issue(ctx, sheetRow, reader, {
      code: "id-precision-lost",
      text: String(out[reader.field]),
      message: `${cellRef(sheetRow, reader.col + 1)} under ${quoteCell(reader.header)} is an id too long for a number; Sheets may have changed its last digits. Format the column as plain text before pasting.`,
    });
  }
}

function readFlagCell(out: TableRow, reader: ColumnReader, cell: Cell, sheetRow: number, ctx: CellContext): void {
  const flag = readFlag(cell);
  out[reader.field] = flag === "invalid" ? null : flag;
  if (flag === "invalid") {
    issue(ctx, sheetRow, reader, {
      code: "not-a-flag",
      text: cellText(cell),
      message: `${cellRef(sheetRow, reader.col + 1)} under ${quoteCell(reader.header)} is ${quoteCell(cellText(cell))}; use 是/否 or yes/no.`,
    });
  }
}

/** True (and reported) when `cell` is a spreadsheet error value; the field is then left empty. */
function errorValue(out: TableRow, reader: ColumnReader, cell: Cell, sheetRow: number, ctx: CellContext): boolean {
  const code = spreadsheetError(cell);
  if (code === null) return false;
  out[reader.field] = null;
  issue(ctx, sheetRow, reader, {
    code: "error-value",
    text: code,
    message: `${cellRef(sheetRow, reader.col + 1)} under ${quoteCell(reader.header)} shows the error ${code}, not a value; it is left out. Fix the formula or the cell it refers to.`,
  });
  return true;
}

/** Reads the cell of `reader`'s column into `out[reader.field]`. */
export function readCell(out: TableRow, reader: ColumnReader, cell: Cell, sheetRow: number, ctx: CellContext): void {
  if (errorValue(out, reader, cell, sheetRow, ctx)) return;
  switch (reader.type) {
    case "count":
    case "money":
    case "number":
    case "rate":
    case "seconds":
      readNumberCell(out, reader, cell, sheetRow, ctx);
      return;
    case "date":
      readDateCell(out, reader, cell, sheetRow, ctx);
      return;
    case "id":
      readIdCell(out, reader, cell, sheetRow, ctx);
      return;
    case "text":
      out[reader.field] = readText(cell);
      return;
    case "flag":
      readFlagCell(out, reader, cell, sheetRow, ctx);
      return;
  }
}
