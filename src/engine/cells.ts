/**
 * Cell coercion shared by the custom functions and table recognition: turns what
 * `Range.getValues()` or a pasted export gives us into a number, "no value", or a
 * reason why the cell is unusable.
 */

/** A cell as Sheets hands it to Apps Script: number, text, boolean, Date or "" for empty. */
export type Cell = number | string | boolean | Date | null | undefined;

/** Result of reading one cell as a number. */
export type NumberReading =
  | { kind: "number"; value: number; percent: boolean }
  | { kind: "blank" }
  | { kind: "invalid"; reason: InvalidReason; text: string };

export type InvalidReason = "not-a-number" | "date" | "boolean" | "non-finite";

/** Tokens exports use for "no data"; they mean blank, never 0. */
const NULL_TOKENS = new Set([
  "-", "--", "---", "—", "——", "–", "n/a", "na", "null", "none", "nan", "#n/a",
  "未投放", "无数据", "無數據", "暂无", "暫無", "暂无数据", "暫無數據", "无", "無", "/",
]);

/** Currency marks and codes that may lead or trail a number. Longest first. */
const CURRENCY_MARKS = [
  "HK$", "NT$", "US$", "MX$", "CA$", "AU$", "C$", "A$", "S$", "R$",
  "CNY", "RMB", "USD", "EUR", "GBP", "JPY", "INR", "HKD", "TWD", "MXN", "CAD", "AUD",
  "元", "¥", "￥", "$", "＄", "₹", "€", "£", "₩",
];

const FULL_WIDTH_DIGITS = /[０-９．，％－＋]/g;

function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Thousands grouping: Western 1,234,567 or Indian 1,08,218. */
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$|^\d{1,2}(,\d{2})*,\d{3}(\.\d+)?$/;

/** True when a string cell stands for "no data" (blank, dash, 无数据 …). */
export function isNullToken(text: string): boolean {
  const t = text.trim().toLowerCase();
  return t === "" || NULL_TOKENS.has(t);
}

function stripCurrency(text: string): string {
  let t = text;
  for (const mark of CURRENCY_MARKS) {
    if (t.startsWith(mark)) {
      t = t.slice(mark.length).trim();
      break;
    }
  }
  for (const mark of CURRENCY_MARKS) {
    if (t.endsWith(mark)) {
      t = t.slice(0, t.length - mark.length).trim();
      break;
    }
  }
  return t;
}

/**
 * Parse numeric-looking text as pasted from exports: `12.5%`, `1,234`, `¥1,234.00`,
 * `$99`, `₹1,08,218.36`, `(12.00)` accounting negatives, `-`/`--`/`—` for no data.
 */
export function parseNumberText(raw: string): NumberReading {
  let t = toHalfWidth(raw).trim().replace(/\u00a0/g, " ");
  if (isNullToken(t)) return { kind: "blank" };
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  if (t.startsWith("-") || t.startsWith("−")) {
    negative = !negative;
    t = t.slice(1).trim();
  } else if (t.startsWith("+")) {
    t = t.slice(1).trim();
  }
  t = stripCurrency(t);
  // a sign may also sit after the currency mark: "$-12.00"
  if (t.startsWith("-") || t.startsWith("−")) {
    negative = !negative;
    t = t.slice(1).trim();
  }
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  t = t.replace(/ /g, "");
  if (t.includes(",")) {
    if (!GROUPED.test(t)) return { kind: "invalid", reason: "not-a-number", text: raw };
    t = t.replace(/,/g, "");
  }
  if (!/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
    return { kind: "invalid", reason: "not-a-number", text: raw };
  }
  let value = Number(t);
  if (!Number.isFinite(value)) return { kind: "invalid", reason: "non-finite", text: raw };
  if (percent) value = roundFloat(value / 100);
  if (negative) value = -value;
  return { kind: "number", value, percent };
}

/** Removes binary noise from a division by 100 (12.34 / 100 = 0.12340000000000001). */
function roundFloat(value: number): number {
  return Number(value.toPrecision(15));
}

/** Read any cell as a number: numbers pass, numeric text is parsed, blanks are blank. */
export function readNumber(cell: Cell): NumberReading {
  if (cell === null || cell === undefined) return { kind: "blank" };
  if (typeof cell === "number") {
    return Number.isFinite(cell)
      ? { kind: "number", value: cell, percent: false }
      : { kind: "invalid", reason: "non-finite", text: String(cell) };
  }
  if (typeof cell === "string") return parseNumberText(cell);
  if (typeof cell === "boolean") return { kind: "invalid", reason: "boolean", text: String(cell) };
  if (isDate(cell)) return { kind: "invalid", reason: "date", text: formatIsoDate(cell) };
  return { kind: "invalid", reason: "not-a-number", text: String(cell) };
}

/** `Date` check that also works for Dates created in another realm (Apps Script, vm). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

/** True for "" / null / undefined / whitespace-only text (not for dash tokens). */
export function isEmptyCell(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/**
 * A calendar date as `YYYY-MM-DD`. Sheets hands dates over as midnight in the
 * spreadsheet's time zone; callers that know that zone convert first, so here the
 * local calendar fields of the Date are used.
 */
export function formatIsoDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Validates a Y-M-D triple and returns it as ISO text, or null when it is not a real date. */
export function isoFromParts(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Parses unambiguous date text: ISO `2026-11-22`, `2026/11/22`, `2026.11.22`, `20261122`, `2026年11月22日`. */
export function parseIsoLikeDate(text: string): string | null {
  const t = toHalfWidth(text).trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
  if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}
