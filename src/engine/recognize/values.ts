/**
 * Cell readers for the non-numeric column types (ids, text, yes/no flags) and the quiet
 * reader used for totals rows. Numbers and dates go through src/engine/cells.ts.
 */
import type { Cell, DayMonthOrder } from "../cells";
import {
  formatIsoDate,
  isDate,
  isEmptyCell,
  isNullToken,
  MAX_FIGURE,
  readDate,
  readNumber,
  readSeconds,
} from "../cells";
import type { FieldName, FieldType } from "./vocabulary";

/** How one column is read: its 0-based sheet column, field, type and (for dates) day/month order. */
export interface ColumnReader {
  col: number;
  field: FieldName;
  type: FieldType;
  header: string;
  order: DayMonthOrder;
  /** Decimal mark of a number column (`,` for `1.234,56` exports), decided per column in numbers.ts. */
  decimalMark?: "." | ",";
  /** Multiplier from the column's unit to the table's (0.01 for money counted in 分). */
  scale?: number;
}

const FLAG_YES = new Set([
  "是",
  "yes",
  "y",
  "true",
  "1",
  "预售",
  "預售",
  "✓",
  "√",
  "pre-order",
  "presale",
  "新款",
  "sí",
  "si",
  "sim",
  "oui",
  "ja",
  "はい",
  "có",
  "ya",
  "ใช่",
]);
const FLAG_NO = new Set([
  "否",
  "no",
  "n",
  "false",
  "0",
  "非预售",
  "×",
  "✗",
  "现货",
  "旧款",
  "não",
  "non",
  "nein",
  "いいえ",
  "không",
  "tidak",
  "ไม่",
]);

/** A cell shown in a message: dates as ISO days, everything else as its text. */
export function cellText(cell: Cell): string {
  if (isDate(cell)) return formatIsoDate(cell);
  return String(cell);
}

/** Reads a cell for a totals row: same coercion, no issues (the totals row is one already). */
export function readQuiet(cell: Cell, reader: ColumnReader): number | string | null {
  switch (reader.type) {
    case "date": {
      const d = readDate(cell, reader.order);
      return d.kind === "date" ? d.iso : null;
    }
    case "id":
      return readId(cell);
    case "text":
      return readText(cell);
    case "flag": {
      const f = readFlag(cell);
      return f === "invalid" ? null : f;
    }
    case "seconds": {
      const s = readSeconds(cell, reader.decimalMark);
      return s.kind === "number" ? s.value : null;
    }
    default: {
      // A figure past MAX_FIGURE is no total either (its sums would not be finite).
      const n = readNumber(cell, reader.decimalMark);
      if (n.kind !== "number" || Math.abs(n.value) > MAX_FIGURE) return null;
      return reader.scale === undefined ? n.value : scaled(n.value, reader.scale);
    }
  }
}

/** A figure in the column's unit → the table's (分 → 元), without binary noise (12345 × 0.01 = 123.45). */
export function scaled(value: number, scale: number): number {
  return Number((value * scale).toPrecision(15));
}

/** Ids stay text; a number id loses the `.0` spreadsheets add (123.0 → "123"). */
export function readId(cell: Cell): string | null {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return null;
    return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  }
  if (typeof cell !== "string") return isEmptyCell(cell) ? null : cellText(cell);
  const t = cell.trim();
  if (isNullToken(t)) return null;
  const m = /^(\d+)\.0+$/.exec(t);
  return m ? m[1] : t;
}

/** Names and labels: trimmed text; null tokens and blanks are no value. */
export function readText(cell: Cell): string | null {
  if (typeof cell === "string") {
    const t = cell.trim();
    return isNullToken(t) ? null : t;
  }
  if (cell === null || cell === undefined) return null;
  if (isDate(cell)) {
    const date = readDate(cell);
    return date.kind === "date" ? date.iso : null;
  }
  return String(cell);
}

/** Yes/no markers (是/否, yes/no, ✓) → 1 / 0; null when blank; "invalid" for anything else. */
export function readFlag(cell: Cell): 0 | 1 | null | "invalid" {
  if (cell === true) return 1;
  if (cell === false) return 0;
  if (typeof cell === "number") return cell === 1 ? 1 : cell === 0 ? 0 : "invalid";
  if (typeof cell !== "string") return isEmptyCell(cell) ? null : "invalid";
  const t = cell.trim().toLowerCase();
  if (t === "") return null;
  if (FLAG_YES.has(t)) return 1;
  if (FLAG_NO.has(t)) return 0;
  if (isNullToken(t)) return null;
  return "invalid";
}
