/** Where a table's data ends: blank rows, short gaps inside a paste, the next header. */
import type { Cell } from "../cells";
import { isEmptyCell, readNumber } from "../cells";
import type { HeaderRow } from "./headers";
import { isHeaderRow, readHeaderRow } from "./headers";
import type { FieldType } from "./vocabulary";

export const NUMERIC: ReadonlySet<FieldType> = new Set(["count", "money", "rate", "number", "seconds"]);

export function isRowBlank(row: readonly Cell[] | undefined): boolean {
  if (!row) return true;
  for (let c = 0; c < row.length; c++) if (!isEmptyCell(row[c])) return false;
  return true;
}

/** First row index ≥ start that is blank, or the sheet's end. */
function nextBlank(values: readonly (readonly Cell[])[], start: number): number {
  for (let r = start; r < values.length; r++) if (isRowBlank(values[r])) return r;
  return values.length;
}

/** True when a row reads as data under this header: at least two, and half, of its numeric columns hold numbers. */
export function rowFitsHeader(header: HeaderRow, row: readonly Cell[]): boolean {
  let numeric = 0;
  let numbers = 0;
  for (const cell of header.cells) {
    if (!cell.match || !NUMERIC.has(cell.match.type)) continue;
    numeric++;
    if (readNumber(row[cell.column]).kind === "number") numbers++;
  }
  return numbers >= 2 && numbers * 2 >= numeric;
}

/** Blank rows a table may contain (a stray empty line in a paste) before it is taken as ended. */
const MAX_GAP = 2;

/**
 * End (exclusive) of the table whose data starts at `start`: the first blank row, unless
 * within two blank rows the data continues (rows that fit the header and are not a new
 * header), in which case the blank rows are inside the table and reported there.
 */
export function tableEnd(values: readonly (readonly Cell[])[], start: number, header?: HeaderRow): number {
  let end = nextBlank(values, start);
  while (header && end < values.length) {
    let next = end;
    while (next < values.length && isRowBlank(values[next])) next++;
    if (next >= values.length || next - end > MAX_GAP) break;
    const row = values[next];
    if (isHeaderRow(readHeaderRow(row, next)) || !rowFitsHeader(header, row)) break;
    end = nextBlank(values, next);
  }
  return end;
}
