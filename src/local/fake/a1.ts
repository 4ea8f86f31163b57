/** A1 notation for the in-memory spreadsheet: column letters and range parsing. */

/** 1 → "A", 27 → "AA" (the engine's column lettering). */
import { columnLetter as columnLetters } from "../../engine/recognize/issues";

export { columnLetters };

/** "A" → 1, "AA" → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** `A1` or `A1:C3` for a rectangle. */
export function a1Notation(row: number, column: number, numRows = 1, numColumns = 1): string {
  const start = `${columnLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}

export interface ParsedA1 {
  sheetName: string | null;
  row: number;
  column: number;
  /** null means "to the end of the sheet" (open ranges like `A:B` or `2:3`). */
  lastRow: number | null;
  lastColumn: number | null;
}

const CELL = /^([A-Za-z]*)(\d*)$/;

/** Parses `A1`, `A1:C3`, `A:B`, `2:3`, optionally prefixed by `Sheet!` or `'My sheet'!`. */
export function parseA1(text: string): ParsedA1 {
  let rest = text.trim();
  let sheetName: string | null = null;
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    sheetName = rest
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    rest = rest.slice(bang + 1);
  }
  const [startText, endText] = rest.split(":");
  const start = CELL.exec(startText ?? "");
  const end = endText === undefined ? start : CELL.exec(endText);
  if (!start || !end || (!start[1] && !start[2])) throw new Error(`Range not found`);
  const startCol = start[1] ? columnNumber(start[1]) : 1;
  const startRow = start[2] ? Number(start[2]) : 1;
  const lastColumn = end[1] ? columnNumber(end[1]) : null;
  const lastRow = end[2] ? Number(end[2]) : null;
  return {
    sheetName,
    row: startRow,
    column: startCol,
    lastRow: endText === undefined && start[2] ? startRow : lastRow,
    lastColumn: endText === undefined && start[1] ? startCol : lastColumn,
  };
}
