/**
 * What Sheets does with a value written by `Range.setValues` / `setValue` (USER_ENTERED):
 * a string is parsed as if a person typed it into the cell.
 */
import { parseIsoLikeDate, parseNumberText } from "../../engine/cells";
import { zonedInstant } from "./zoned";

/** A value as the fake stores it; `""` is an empty cell. */
export type StoredValue = number | string | boolean | Date;

export interface TypedEntry {
  value: StoredValue;
  /** Set when the text became a formula (stored, never evaluated). */
  formula: string | null;
  /** A number format Sheets applies on its own when it recognises `12.5%` or a date. */
  autoFormat: string | null;
}

/**
 * `+1+1`, `-A1*2`, `@SUM(A1)`: Sheets turns a leading `+`/`-` expression into a formula, and
 * `@` before a function name is how older files spelled one. The fake treats all three as
 * formulas (strict on purpose: a writer that escapes them is safe on real Sheets too).
 */
const SIGNED_EXPRESSION = /^[+-].*[A-Za-z(+\-*/^&<>=]/;
const AT_FUNCTION = /^@[A-Za-z_][\w.]*\s*\(/;

function isDateLike(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

/** Midnight of a calendar day in `timeZone` (Sheets stores typed dates that way); local midnight without a zone. */
export function zonedMidnight(year: number, month: number, day: number, timeZone?: string): Date {
  if (!timeZone) return new Date(year, month - 1, day);
  return zonedInstant({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** Parses one written value the way the Sheets UI parses typed input (dates at midnight in `timeZone`). */
export function parseAsTyped(input: unknown, cellFormat: string | null, timeZone?: string): TypedEntry {
  if (input === null || input === undefined) return { value: "", formula: null, autoFormat: null };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return { value: "#NUM!", formula: null, autoFormat: null };
    return { value: input, formula: null, autoFormat: null };
  }
  if (typeof input === "boolean") return { value: input, formula: null, autoFormat: null };
  if (isDateLike(input)) return { value: new Date(input.getTime()), formula: null, autoFormat: null };
  const text = typeof input === "string" ? input : String(input);
  if (text === "") return { value: "", formula: null, autoFormat: null };
  // The apostrophe forces text and is not part of the stored value.
  if (text.startsWith("'")) return { value: text.slice(1), formula: null, autoFormat: null };
  // A cell formatted as plain text keeps whatever is written, formulas included.
  if (cellFormat === "@") return { value: text, formula: null, autoFormat: null };
  if (text.startsWith("=") && text.length > 1) return { value: "", formula: text, autoFormat: null };
  const trimmed = text.trim();
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE", formula: null, autoFormat: null };
  const number = parseTypedNumber(trimmed);
  if (number) return { value: number.value, formula: null, autoFormat: number.format };
  if ((SIGNED_EXPRESSION.test(trimmed) && /[A-Za-z0-9]/.test(trimmed)) || AT_FUNCTION.test(trimmed)) {
    return { value: "", formula: "=" + trimmed.replace(/^@/, ""), autoFormat: null };
  }
  const iso = parseIsoLikeDate(trimmed);
  if (iso && /^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/.test(trimmed)) {
    const [y, m, d] = iso.split("-").map(Number);
    return { value: zonedMidnight(y, m, d, timeZone), formula: null, autoFormat: "yyyy-mm-dd" };
  }
  return { value: text, formula: null, autoFormat: null };
}

/** Numbers the Sheets UI accepts: `12`, `-3.5`, `1,234`, `12.5%`, `$1,234.50`, `¥12`, `1e3`. */
function parseTypedNumber(text: string): { value: number; format: string | null } | null {
  // Sheets does not read dash tokens ("-", "--") or words as numbers; only real numerals.
  if (!/\d/.test(text)) return null;
  if (!/^[-+(]?\s*[$¥￥€£]?\s*[-+]?[\d.,]+(?:[eE][-+]?\d+)?\s*%?\)?$/.test(text)) return null;
  const reading = parseNumberText(text);
  if (reading.kind !== "number") return null;
  if (reading.percent) {
    const decimals = /\.(\d+)\s*%/.exec(text);
    return { value: reading.value, format: decimals ? "0." + "0".repeat(decimals[1].length) + "%" : "0%" };
  }
  return { value: reading.value, format: null };
}
