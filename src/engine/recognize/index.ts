/**
 * recognizeTables: finds the tables in pasted sheets (header rows anywhere, stacked tables
 * separated by blank rows), decides what each table is, and reads its rows into typed
 * records. Never throws: anything it cannot use comes back as an issue or an `unknown` table.
 */
import type { Cell } from "../cells";
import { isEmptyCell, readNumber } from "../cells";
import type { RecognitionIssue, RecognizedTable, SheetInput } from "../tables";
import type { HeaderRow } from "./headers";
import { isHeaderRow, matchHeader, readHeaderRow } from "./headers";
import { quoteCell, type UnknownReasonCode } from "./issues";
import { sectionedHeader } from "./sections";
import { readTable, tableEnd } from "./table";

export { matchHeader } from "./headers";
export { VOCABULARY } from "./vocabulary";
export { rowSchemas, rowsOf } from "./schemas";
export { RECOGNITION_ISSUE_CODES, UNKNOWN_REASON_CODES, VALUE_ISSUE_CODES } from "./issues";
export type { IssueCode, RecognitionIssueCode, UnknownReasonCode } from "./issues";
export type { ShopDailyRow, ProductRow, TrafficSourceRow, AdPlanRow, ServiceAgentRow, RowOfKind } from "./schemas";

/** Grids that are not arrays of arrays (bad input from a caller) become an empty grid. */
function gridOf(values: unknown): readonly (readonly Cell[])[] {
  if (!Array.isArray(values)) return [];
  return values.map((row) => (Array.isArray(row) ? (row as Cell[]) : []));
}

/** Why a sheet holds no table: English text plus a code and values the report words in its own language. */
interface UnknownReason {
  text: string;
  reasonCode: UnknownReasonCode;
  params: Record<string, string | number>;
}

function unknownTable(
  sheet: string,
  headerRow: number,
  reason: UnknownReason,
  issues: RecognitionIssue[] = [],
): RecognizedTable {
  return {
    sheet,
    kind: "unknown",
    reason: reason.text,
    reasonCode: reason.reasonCode,
    reasonParams: reason.params,
    headerRow,
    columns: {},
    columnIndex: {},
    rows: [],
    rowNumbers: [],
    totals: [],
    issues,
    platform: "unknown",
  };
}

function isBlankRow(row: readonly Cell[]): boolean {
  for (let c = 0; c < row.length; c++) if (!isEmptyCell(row[c])) return false;
  return true;
}

function textCellCount(row: readonly Cell[]): number {
  let n = 0;
  for (const cell of row) if (typeof cell === "string" && cell.trim() !== "") n++;
  return n;
}

function numberCellCount(row: readonly Cell[]): number {
  let n = 0;
  for (const cell of row) if (readNumber(cell).kind === "number") n++;
  return n;
}

/** One issue per run of rows holding figures outside any table (first row, last row). */
function outsideIssue(sheet: string, first: number, last: number, headerRow: number): RecognitionIssue {
  const rows = first === last ? `Row ${first} holds` : `Rows ${first}–${last} hold`;
  return {
    sheet,
    row: first,
    column: null,
    code: "row-outside-table",
    message: `${rows} figures below the table that starts at row ${headerRow}, after blank rows and without a header Shop Doctor knows, so they were not read. Remove the blank rows above them, or give them the export's header row.`,
  };
}

/** Why nothing could be recognised in a sheet that is not empty. */
function noHeaderReason(sheet: string, grid: readonly (readonly Cell[])[], from: number): UnknownReason {
  // Metrics listed down a column (指标 | 本店 | 同行) instead of one column per metric.
  const down: string[] = [];
  for (let r = from; r < Math.min(grid.length, from + 60) && down.length < 3; r++) {
    const first = grid[r].find((cell) => !isEmptyCell(cell));
    if (typeof first === "string" && matchHeader(first)) down.push(first.trim());
  }
  if (down.length >= 2) {
    const metrics = down.map(quoteCell).join(", ");
    return {
      text:
        `Sheet "${sheet}" lists metrics down a column (${metrics}, …) instead of one column per metric. ` +
        `Paste the export's own table (one row per day, product, source, plan or agent), or transpose it (Edit → Paste special → Transposed).`,
      reasonCode: "metrics-down",
      params: { metrics },
    };
  }
  for (let r = from; r < Math.min(grid.length, from + 50); r++) {
    const row = grid[r];
    if (textCellCount(row) >= 2) {
      const header: HeaderRow = readHeaderRow(row, r);
      const names = header.cells
        .slice(0, 6)
        .map((c) => quoteCell(c.text))
        .join(", ");
      const shown = `${names}${header.cells.length > 6 ? ", …" : ""}`;
      return {
        text:
          `Sheet "${sheet}": row ${r + 1} looks like a header (${shown}) but ` +
          `${header.matched === 0 ? "none" : "too few"} of its columns are ones Shop Doctor knows. ` +
          `Paste the export with its original header row (e.g. 统计日期, 访客数, 支付金额 or Day, Sessions, Total sales).`,
        reasonCode: "unknown-header",
        params: { row: r + 1, names: shown },
      };
    }
  }
  return {
    text: `Sheet "${sheet}" has no table: no row has two or more column names Shop Doctor knows. Paste an export including its header row.`,
    reasonCode: "no-table",
    params: {},
  };
}

/** A tab with no cells (a chart sheet, a data-source sheet): reported as skipped, never read. */
function notGridTable(name: string, kind: NonNullable<SheetInput["notGrid"]>): RecognizedTable {
  return kind === "object"
    ? unknownTable(name, 0, {
        text: `Sheet "${name}" holds a chart, not cells: skipped.`,
        reasonCode: "chart-sheet",
        params: {},
      })
    : unknownTable(name, 0, {
        text: `Sheet "${name}" is a connected data source, not cells: skipped. Extract the data into an ordinary sheet to diagnose it.`,
        reasonCode: "data-source-sheet",
        params: {},
      });
}

/** A section row over a metric row, merged (sections.ts); only text rows over a row of names are tried. */
function sectionRowAt(grid: readonly (readonly Cell[])[], r: number): HeaderRow | null {
  const next = grid[r + 1];
  // A metric row holds names only; a row with figures is data under a one-row header.
  if (!next || textCellCount(next) < 2 || numberCellCount(grid[r]) > 0 || numberCellCount(next) > 0) return null;
  return sectionedHeader(grid, r);
}

/** Recognises every table in one sheet. */
function recognizeSheet(sheet: SheetInput): RecognizedTable[] {
  const name = typeof sheet?.name === "string" ? sheet.name : String(sheet?.name ?? "");
  if (sheet?.notGrid) return [notGridTable(name, sheet.notGrid)];
  const grid = gridOf(sheet?.values);
  const tables: RecognizedTable[] = [];
  const rowLengths = Array.isArray(sheet?.rowLengths) ? sheet.rowLengths : undefined;
  let titleFrom = 0;
  let r = 0;
  let firstContent = -1;
  while (r < grid.length) {
    const row = grid[r];
    if (isBlankRow(row)) {
      r++;
      continue;
    }
    if (firstContent < 0) firstContent = r;
    const sections = sectionRowAt(grid, r);
    if (sections) r++;
    // Prose rows and most data rows have at most one text cell: skip them without matching.
    const header = sections ?? (textCellCount(row) >= 2 ? readHeaderRow(row, r) : null);
    if (header === null || !isHeaderRow(header)) {
      const previous = tables[tables.length - 1];
      if (previous && numberCellCount(row) >= 2) {
        const first = r + 1;
        while (r + 1 < grid.length && !isBlankRow(grid[r + 1]) && numberCellCount(grid[r + 1]) >= 2) r++;
        previous.issues.push(outsideIssue(name, first, r + 1, previous.headerRow));
      }
      r++;
      continue;
    }
    const start = r + 1;
    const end = tableEnd(grid, start, header);
    tables.push(readTable(name, grid, header, start, end, { rowLengths, titleFrom }));
    r = end;
    titleFrom = end;
  }
  if (tables.length === 0) {
    if (firstContent < 0) {
      return [
        unknownTable(name, 0, {
          text: `Sheet "${name}" is empty: paste an export into it.`,
          reasonCode: "empty-sheet",
          params: {},
        }),
      ];
    }
    return [unknownTable(name, 0, noHeaderReason(name, grid, firstContent))];
  }
  return tables;
}

/** Finds and reads every table in the given sheets (values exactly as `Range.getValues()` returns them). */
export function recognizeTables(sheets: readonly SheetInput[]): RecognizedTable[] {
  const list = Array.isArray(sheets) ? sheets : [];
  const out: RecognizedTable[] = [];
  for (const sheet of list) {
    try {
      out.push(...recognizeSheet(sheet));
    } catch (error) {
      // A bug here must not take the whole diagnosis down; the sheet is reported instead.
      const name = typeof sheet?.name === "string" ? sheet.name : "";
      const detail = error instanceof Error ? error.message : String(error);
      out.push(
        unknownTable(name, 0, {
          text: `Sheet "${name}" could not be read (${detail}). Please report this with a copy of the sheet.`,
          reasonCode: "unreadable",
          params: { detail },
        }),
      );
    }
  }
  return out;
}
