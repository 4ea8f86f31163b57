/**
 * Locale numbers: whether a column writes `1,234.56` (decimal point) or `1.234,56` /
 * `1 234,56` (decimal comma) is a property of the whole column, decided here from all its
 * text values, then from the table's other columns, then from the currency's convention.
 * A column that stays undecided is read with a decimal point and reported, never guessed
 * silently. Every cell is scanned once, character by character (no regex backtracking on
 * long digit runs); cells longer than any number are skipped.
 */
import { type Cell, stripInvisible } from "../cells";
import { CURRENCIES, currencyOfCell, currencyOfHeader, type CurrencyCode } from "../currency";
import type { RecognitionIssue } from "../tables";
import { columnLetter, quoteCell } from "./issues";
import type { ColumnReader } from "./values";

export type DecimalMark = "." | ",";

/** Longest text that can still be a number cell worth deciding from (`-₹1,23,45,67,890.12 INR`). */
const MAX_NUMBER_TEXT = 48;

/** What one cell allows: a decimal point only, a decimal comma only, either, or no separator at all. */
type CellStyle = "point" | "comma" | "either" | "none";

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A space that groups digits: plain, no-break (U+00A0), narrow no-break (U+202F), thin (U+2009). */
function isGroupSpace(code: number): boolean {
  return code === 32 || code === 0xa0 || code === 0x202f || code === 0x2009;
}

/**
 * How a number cell can be read. `integer`: the column holds whole numbers (counts), so a
 * reading with a fraction (`1,234` as 1.234 visitors) is not possible.
 */
export function cellStyle(raw: string, integer: boolean): CellStyle {
  if (raw.length > MAX_NUMBER_TEXT) return "none";
  // No `.` and no `,`: nothing to decide (digits with or without group spaces read the same either way).
  if (raw.indexOf(".") < 0 && raw.indexOf(",") < 0) return "none";
  // Invisible characters (a zero-width space inside `1\u200b234,56`) are read past, as parseNumberText does.
  const text = stripInvisible(raw);
  // Digit-run lengths and the separators between them (`.`, `,`, or a space), in buffers reused
  // from cell to cell: this runs on every text cell of every number column.
  const runs = RUNS;
  const seps = SEPS;
  let n = 0;
  let run = 0;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) {
      run++;
      started = true;
      continue;
    }
    if (
      started &&
      (code === DOT || code === COMMA || isGroupSpace(code)) &&
      i + 1 < text.length &&
      isDigit(text.charCodeAt(i + 1))
    ) {
      runs[n] = run;
      seps[n] = isGroupSpace(code) ? SPACE : code;
      n++;
      run = 0;
      continue;
    }
    if (started && run > 0) break;
  }
  if (!started) return "none";
  runs[n] = run;
  let dots = 0;
  let commas = 0;
  for (let i = 0; i < n; i++) {
    if (seps[i] === DOT) dots++;
    else if (seps[i] === COMMA) commas++;
  }
  if (dots === 0 && commas === 0) return "none";
  const point = readsAs(runs, seps, n, DOT, COMMA);
  const comma = readsAs(runs, seps, n, COMMA, DOT);
  if (point && comma) {
    if (!integer) return "either";
    // Whole numbers: the reading without a fraction is the one meant.
    return seps[n - 1] === COMMA ? "point" : "comma";
  }
  if (point) return "point";
  if (comma) return "comma";
  return "none";
}

const DOT = 46;
const COMMA = 44;
const SPACE = 32;
/** A number cell is at most MAX_NUMBER_TEXT characters: it has fewer runs and separators than that. */
const RUNS: number[] = new Array(MAX_NUMBER_TEXT + 1).fill(0);
const SEPS: number[] = new Array(MAX_NUMBER_TEXT + 1).fill(0);

/**
 * True when the runs read as groups (`group` or spaces, threes or Indian twos) with at most one
 * final `decimal`; `n` separators (char codes) stand between the n + 1 runs.
 */
function readsAs(runs: readonly number[], seps: readonly number[], n: number, decimal: number, group: number): boolean {
  let end = n;
  if (end > 0 && seps[end - 1] === decimal) end--;
  for (let i = 0; i < end; i++) if (seps[i] === decimal) return false;
  if (end === 0) return true;
  // Grouped part: runs[0..end]; every group after the first has 3 digits, or Indian 2s before a final 3.
  if (runs[0] < 1 || runs[0] > 3) return false;
  for (let i = 0; i < end; i++) if (seps[i] !== group && seps[i] !== SPACE) return false;
  if (runs[end] !== 3) return false;
  let threes = true;
  let indian = runs[0] <= 2;
  for (let i = 1; i < end; i++) {
    if (runs[i] !== 3) threes = false;
    if (runs[i] !== 2) indian = false;
  }
  return threes || (indian && group === COMMA);
}

/** A column's cells counted by what they allow. */
export interface ColumnStyleCount {
  point: number;
  comma: number;
  either: number;
  /** First cell that allowed either reading, for the message. */
  example: string;
}

/** Counts the text cells of one column over rows [start, end). */
export function countColumnStyles(
  values: readonly (readonly Cell[])[],
  col: number,
  start: number,
  end: number,
  integer: boolean,
): ColumnStyleCount {
  const out: ColumnStyleCount = { point: 0, comma: 0, either: 0, example: "" };
  for (let r = start; r < end; r++) {
    const cell = values[r]?.[col];
    if (typeof cell !== "string") continue;
    const style = cellStyle(cell, integer);
    if (style === "point") out.point++;
    else if (style === "comma") out.comma++;
    else if (style === "either") {
      out.either++;
      if (out.example === "") out.example = cell.trim();
    }
  }
  return out;
}

function majority(count: ColumnStyleCount): DecimalMark | null {
  if (count.point === 0 && count.comma === 0) return null;
  return count.comma > count.point ? "," : ".";
}

const NUMBER_TYPES = new Set(["count", "money", "rate", "number", "seconds"]);
const SAMPLED = 20;

/** The currency a table names in its money headers or its first money cells, or null. */
export function tableCurrencyHint(
  values: readonly (readonly Cell[])[],
  readers: readonly ColumnReader[],
  start: number,
  end: number,
): CurrencyCode | null {
  for (const reader of readers) {
    if (reader.type !== "money") continue;
    const fromHeader = currencyOfHeader(reader.header);
    if (fromHeader) return fromHeader;
    for (let r = start; r < Math.min(end, start + SAMPLED); r++) {
      const cell = values[r]?.[reader.col];
      if (typeof cell === "string") {
        const code = currencyOfCell(cell);
        if (code) return code;
      }
    }
  }
  return null;
}

/**
 * Sets `decimalMark` on every numeric reader of a table: from the column's own values, else
 * the mark the table's other columns settled on, else the currency's convention; a column
 * whose values allow both readings and that nothing settles is read with a decimal point
 * and reported (`ambiguous-number-format`).
 */
export function decideDecimalMarks(
  sheet: string,
  headerRow: number,
  values: readonly (readonly Cell[])[],
  readers: ColumnReader[],
  start: number,
  end: number,
): RecognitionIssue[] {
  const counts = new Map<ColumnReader, ColumnStyleCount>();
  let tablePoint = 0;
  let tableComma = 0;
  const currency = tableCurrencyHint(values, readers, start, end);
  // Amounts in a currency without minor units (JPY, KRW, VND, IDR) are whole numbers, like counts.
  const wholeMoney = currency !== null && CURRENCIES[currency].decimals === 0;
  for (const reader of readers) {
    if (!NUMBER_TYPES.has(reader.type)) continue;
    const integer = reader.type === "count" || (wholeMoney && reader.type === "money");
    const count = countColumnStyles(values, reader.col, start, end, integer);
    counts.set(reader, count);
    const mark = majority(count);
    if (mark === ".") tablePoint++;
    else if (mark === ",") tableComma++;
  }
  const tableMark: DecimalMark | null =
    tablePoint === 0 && tableComma === 0 ? null : tableComma > tablePoint ? "," : ".";
  const currencyMark: DecimalMark | null = currency !== null ? CURRENCIES[currency].decimalMark : null;
  const issues: RecognitionIssue[] = [];
  for (const [reader, count] of counts) {
    let mark = majority(count) ?? tableMark;
    if (mark === null && count.either > 0) {
      mark = currencyMark;
      if (mark === null) {
        const column = reader.col + 1;
        issues.push({
          sheet,
          row: headerRow,
          column,
          field: reader.field,
          code: "ambiguous-number-format",
          text: count.example,
          message: `Column ${columnLetter(column)} (${quoteCell(reader.header)}) holds values like ${quoteCell(count.example)} that can be read with a decimal point or with a decimal comma, and nothing else in the table says which; they were read with a decimal point. Re-export with decimals shown (1,234.00 or 1.234,00) if that is wrong.`,
        });
      }
    }
    reader.decimalMark = mark ?? ".";
  }
  return issues;
}
