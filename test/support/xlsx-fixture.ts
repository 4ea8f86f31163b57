/**
 * Writes real .xlsx workbooks with exceljs (the same library the reader uses, writing the
 * format Excel and 生意参谋 write: shared strings, styles, merges), from tabs of CSV text:
 * `12.5%` becomes the number 0.125 formatted `0.00%`, `2026-10-01` a date cell formatted
 * `yyyy-mm-dd`, plain numbers numbers, and a title row (one cell above a wider table) a cell
 * merged across the table's width, as 生意参谋's exports hold them.
 */
import ExcelJS from "exceljs";
import type { Cell, SheetInput } from "../../src/engine";

const PERCENT = /^(-?\d+(?:\.\d+)?)%$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Writes one CSV-read cell the way Excel holds it. */
function writeCell(cell: ExcelJS.Cell, value: Cell): void {
  if (typeof value === "string") {
    const percent = PERCENT.exec(value.trim());
    const day = ISO_DAY.exec(value.trim());
    if (percent) {
      cell.value = Number(percent[1]) / 100;
      cell.numFmt = "0.00%";
      return;
    }
    if (day) {
      cell.value = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
      cell.numFmt = "yyyy-mm-dd";
      return;
    }
  }
  if (value === "" || value === null || value === undefined) return;
  cell.value = value as ExcelJS.CellValue;
}

/** Adds one tab; rows holding a single first cell in a wider table become merged title rows. */
export function addSheet(workbook: ExcelJS.Workbook, tab: SheetInput): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(tab.name);
  const width = tab.values.reduce((max, row) => Math.max(max, row.length), 0);
  tab.values.forEach((row, r) => {
    row.forEach((value, c) => writeCell(sheet.getCell(r + 1, c + 1), value));
    const filled = row.filter((v) => v !== "" && v !== null && v !== undefined).length;
    if (width > 1 && filled === 1 && row[0] !== "") sheet.mergeCells(r + 1, 1, r + 1, width);
  });
  return sheet;
}

/** A workbook of these tabs, as the bytes of an .xlsx file. */
export async function xlsxOf(tabs: SheetInput[], extra?: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const tab of tabs) addSheet(workbook, tab);
  extra?.(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
