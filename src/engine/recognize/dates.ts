/**
 * Day/month order of `a/b/yy` dates is a property of the whole column: decided here for
 * each date reader (set on the reader), with an issue when it is ambiguous or mixed.
 */
import type { Cell, DayMonthParts } from "../cells";
import { decideDayMonthOrder, isDate, parseDayMonthParts } from "../cells";
import type { RecognitionIssue } from "../tables";
import { cellRef, columnLetter, quoteCell } from "./issues";
import type { ColumnReader } from "./values";

/** What one date column holds: its `a/b/yy` texts, and the first cell Sheets already made a date. */
interface DateColumnScan {
  parts: DayMonthParts[];
  firstText: string;
  firstDateRow: number;
  /** First data cell that reads either way (both parts ≤ 12 and different), 1-based row, and its text. */
  firstAmbiguousRow: number;
  firstAmbiguousText: string;
}

function scanDateColumn(values: readonly (readonly Cell[])[], col: number, start: number, end: number): DateColumnScan {
  const scan: DateColumnScan = {
    parts: [],
    firstText: "",
    firstDateRow: 0,
    firstAmbiguousRow: 0,
    firstAmbiguousText: "",
  };
  for (let r = start; r < end; r++) {
    const cell = values[r]?.[col];
    if (typeof cell === "string") {
      const p = parseDayMonthParts(cell);
      if (p) {
        scan.parts.push(p);
        if (scan.firstText === "") scan.firstText = cell.trim();
        if (scan.firstAmbiguousRow === 0 && p.first !== p.second && p.first <= 12 && p.second <= 12) {
          scan.firstAmbiguousRow = r + 1;
          scan.firstAmbiguousText = cell.trim();
        }
      }
    } else if (scan.firstDateRow === 0 && isDate(cell)) {
      scan.firstDateRow = r + 1;
    }
  }
  return scan;
}

/** Decides the order of each date column over rows [start, end); issues for what stays unsure. */
export function decideDateOrders(
  sheet: string,
  headerRow: number,
  values: readonly (readonly Cell[])[],
  readers: readonly ColumnReader[],
  start: number,
  end: number,
): RecognitionIssue[] {
  const issues: RecognitionIssue[] = [];
  for (const reader of readers) {
    if (reader.type !== "date") continue;
    const scan = scanDateColumn(values, reader.col, start, end);
    if (scan.parts.length === 0) continue;
    const decision = decideDayMonthOrder(scan.parts);
    reader.order = decision.order;
    const column = reader.col + 1;
    const where = `column ${columnLetter(column)} (${quoteCell(reader.header)})`;
    // Sheets turns pasted a/b/yy text into dates only where its locale's order fits, so a
    // column holding both means the locale and the export disagree on the order.
    if (scan.firstDateRow > 0) {
      issues.push({
        sheet,
        row: scan.firstDateRow,
        column,
        field: reader.field,
        code: "dates-converted-by-locale",
        message: `Column ${columnLetter(column)} (${quoteCell(reader.header)}) mixes dates Sheets converted (e.g. ${cellRef(scan.firstDateRow, column)}) with dates it left as text (e.g. ${quoteCell(scan.firstText)}): the spreadsheet's locale reads day and month in the other order, so the converted ones may be swapped. Set File → Settings → Locale to match the export, or format the column as plain text, and paste again.`,
      });
    }
    const form = decision.order === "mdy" ? "month/day/year" : "day/month/year";
    if (decision.ambiguous) {
      const row = scan.firstAmbiguousRow || headerRow;
      const first = scan.firstAmbiguousRow
        ? ` (the first is ${cellRef(row, column)}, ${quoteCell(scan.firstAmbiguousText)})`
        : "";
      const ambiguous: RecognitionIssue = {
        sheet,
        row,
        column,
        field: reader.field,
        code: "ambiguous-date",
        message: `The dates in ${where} could be day/month or month/day${first}; no date in the column has a part above 12 to settle it, so they were read as ${form} and the period is marked unsure. Re-export with ISO dates (2026-11-22) if that is wrong.`,
      };
      if (scan.firstAmbiguousText) ambiguous.text = scan.firstAmbiguousText;
      issues.push(ambiguous);
    } else if (decision.conflicting) {
      issues.push({
        sheet,
        row: headerRow,
        column,
        field: reader.field,
        code: "mixed-date-order",
        message: `Column ${columnLetter(column)} (${quoteCell(reader.header)}) mixes day/month and month/day dates; they were read as ${form} and the others are reported. Use one date format.`,
      });
    }
  }
  return issues;
}
