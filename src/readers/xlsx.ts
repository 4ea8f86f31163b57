/**
 * Reads an .xlsx workbook the way Google Sheets imports it: every worksheet becomes a tab named
 * after it, in tab order, and each cell arrives as Apps Script's getValues would hand it over
 * and src/gas/read.ts passes it to the engine — numbers as numbers (a `12.5%` cell is 0.125),
 * dates as `YYYY-MM-DD` (`YYYY-MM-DD HH:MM:SS` with a time), durations and times of day as
 * `H:MM:SS` counted from day zero (so `25:00:30` stays 25 hours), text as text, a formula as
 * its cached result, an error as its code (`#N/A`). A merged range keeps its value in its
 * top-left cell and blanks elsewhere, as 生意参谋's title rows and merged headers arrive.
 *
 * The library is exceljs (MIT, maintained, no known advisories): SheetJS's npm package `xlsx`
 * stopped at 0.18.5, which has unfixed prototype-pollution and ReDoS advisories. Before exceljs
 * sees a byte, zip-guard inflates the archive under a hard budget (no zip bombs).
 */
import ExcelJS from "exceljs";
import type { Cell, SheetInput } from "../engine";
import { durationText } from "../engine/durations";
import { ExportReadError, megabytes } from "./errors";
import { checkZip } from "./zip-guard";

/** An .xlsx unpacks to at most this (a year of daily data with 10k products is a few MB). */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** Parts in the archive: a workbook has a few per sheet. */
const MAX_ZIP_ENTRIES = 2000;
/** Cells per sheet: Google Sheets' own limit for a whole spreadsheet. */
export const MAX_SHEET_CELLS = 10_000_000;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * A date cell as src/gas/read.ts writes one out. exceljs gives an instant whose UTC wall clock
 * is the cell's (serial days since 1899-12-30, or 1904 for a 1904 workbook): read in UTC.
 */
export function dateCellText(date: Date): string {
  // Excel stores fractions of a day; what a cell shows is whole seconds.
  const d = new Date(Math.round(date.getTime() / 1000) * 1000);
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const wall = `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return durationText(wall) ?? (wall.endsWith(" 00:00:00") ? day : wall);
}

type ExcelValue = ExcelJS.CellValue;

/** One cell's value as getValues would give it (see the module comment). */
function cellValue(value: ExcelValue): Cell {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : dateCellText(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result !== null && typeof result === "object" && !(result instanceof Date) && "error" in result) {
      return result.error;
    }
    return cellValue(result as ExcelValue);
  }
  if ("text" in value) return cellValue((value as ExcelJS.CellHyperlinkValue).text);
  return "";
}

/** One worksheet as a rectangular grid from A1 to its last non-blank cell, as getDataRange reads it. */
function sheetValues(sheet: ExcelJS.Worksheet, file: string): Cell[][] {
  const rows: Cell[][] = [];
  let width = 0;
  let cells = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const line: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      // A merged range's other cells are blank (exceljs would repeat the top-left value).
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = cellValue(cell.value);
      if (value === "") return;
      while (line.length < column - 1) line.push("");
      line[column - 1] = value;
    });
    if (line.length === 0) return;
    cells += line.length;
    if (cells > MAX_SHEET_CELLS) {
      throw new ExportReadError(file, {
        key: "read.tooManyCells",
        params: { sheet: sheet.name, limit: MAX_SHEET_CELLS.toLocaleString("en") },
        kind: "too-large",
        sheet: sheet.name,
      });
    }
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = line;
    width = Math.max(width, line.length);
  });
  for (const row of rows) while (row.length < width) row.push("");
  return rows;
}

/** Reads the bytes of an .xlsx workbook: one SheetInput per worksheet. Throws ExportReadError. */
export async function readXlsx(bytes: Buffer, file: string): Promise<SheetInput[]> {
  const check = checkZip(bytes, { maxUnpackedBytes: MAX_UNPACKED_BYTES, maxEntries: MAX_ZIP_ENTRIES });
  if (!check.ok && check.reason === "too-large") {
    throw new ExportReadError(file, {
      key: "read.xlsxUnpacked",
      params: { limit: megabytes(MAX_UNPACKED_BYTES) },
      kind: "too-large",
    });
  }
  if (!check.ok) throw new ExportReadError(file, { key: "read.xlsxBroken", params: { detail: check.detail } });
  if (!check.entries.includes("xl/workbook.xml")) {
    throw new ExportReadError(file, { key: "read.xlsxBroken", params: { detail: "no xl/workbook.xml" } });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new ExportReadError(file, { key: "read.xlsxBroken", params: { detail: (error as Error).message } });
  }
  const sheets = workbook.worksheets.map((sheet) => ({ name: sheet.name, values: sheetValues(sheet, file) }));
  if (sheets.length === 0) throw new ExportReadError(file, { key: "read.noSheets" });
  return sheets;
}
