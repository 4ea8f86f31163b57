/**
 * Cell coercion shared by the custom functions and table recognition: turns what
 * `Range.getValues()` or a pasted export gives us into a number, "no value", or a
 * reason why the cell is unusable.
 */
import { currencyMarks } from "./currency";

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
  "-",
  "--",
  "---",
  "—",
  "——",
  "–",
  "n/a",
  "na",
  "null",
  "none",
  "nan",
  "未投放",
  "无数据",
  "無數據",
  "暂无",
  "暫無",
  "暂无数据",
  "暫無數據",
  "无",
  "無",
  "/",
]);

const FULL_WIDTH_DIGITS = /[０-９．，％－＋]/g;

function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * The largest figure a shop's data or settings can hold: 10^15, more than any shop's month
 * in any currency (₫ and Rp included), exact to the unit in a double, and far enough from
 * the double's limit that sums and products over a table stay finite. A cell or setting
 * beyond it is refused and named, so no Infinity can be computed from it.
 */
export const MAX_FIGURE = 1e15;

/**
 * Longer text is never a number, a date or a duration: the longest real cells are about 40
 * characters (`-₹1,23,45,67,890.12 INR`, `2026-11-01 00:00:00 ~ 2026-11-30 23:59:59`), and
 * 64 also covers the 17 significant digits plus exponent of any double. Text past it is
 * refused before any regex sees it, so every pattern below runs on at most 64 characters.
 */
const MAX_NUMBER_LENGTH = 64;

/**
 * Characters that exports and copy-paste leave in cells without showing them: soft hyphen,
 * zero-width space/non-joiner/joiner, LRM/RLM, bidi embeddings and isolates, word joiner and
 * invisible operators, BOM. They are removed before a cell is read or a header matched.
 * No-break spaces (U+00A0, U+202F) are not here: they are spaces, and in numbers they group digits.
 */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const HAS_INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** The text without invisible characters (one linear pass; the same string when there are none). */
export function stripInvisible(text: string): string {
  return HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, "") : text;
}

/**
 * Cell text short enough to be a value, without invisible characters; null when even
 * trimmed it is longer than any number, date or duration (decided in linear time).
 */
function valueText(raw: string): string | null {
  let t = raw;
  if (t.length > MAX_NUMBER_LENGTH) {
    // Spaces around are cut first (the native trim, one scan from each end); what is still
    // 4× too long is refused before any other pass over it.
    t = t.trim();
    if (t.length > 4 * MAX_NUMBER_LENGTH) return null;
  }
  t = stripInvisible(t);
  if (t.length > MAX_NUMBER_LENGTH) t = t.trim();
  return t.length > MAX_NUMBER_LENGTH ? null : t;
}

/** The first characters of an overlong cell, for a message. */
function headOf(text: string): string {
  return text.trim().slice(0, 40);
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);
const PLAIN_NUMBER = /^-?(?:\d+\.?\d*|\.\d+)$/;
const PLAIN_PERCENT = /^(?:\d+\.?\d*|\.\d+)%$/;
/** Western thousands grouping with nothing around it (`12,345.60`), as most exports write counts. */
const PLAIN_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * A plain number without allocating a reading: finite numbers and plain digit text
 * (`1234`, `-12.5`); undefined for anything that needs the full `readNumber`.
 */
export function quickNumber(cell: Cell): number | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? unsignedZero(cell) : undefined;
  if (typeof cell === "string" && cell.length <= MAX_NUMBER_LENGTH && PLAIN_NUMBER.test(cell))
    return unsignedZero(Number(cell));
  return undefined;
}

/**
 * `value`, with -0 turned into 0 (zero is shown and summed without a sign). Any other number
 * is handed back as it is: `value + 0` would box a fresh copy of every fractional cell of a
 * Sheets grid (one allocation per cell, and the garbage collection after it).
 */
function unsignedZero(value: number): number {
  return value === 0 ? 0 : value;
}

/** Thousands grouping: Western 1,234,567 or Indian 1,08,218. */
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$|^\d{1,2}(,\d{2})*,\d{3}(\.\d+)?$/;

/**
 * The error values a formula cell shows (and `getValues` hands over as this text); an export
 * written from a spreadsheet carries them the same way. They are never a value, nor a blank.
 */
const ERROR_VALUES = new Set(["#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#ERROR!", "#NULL!"]);

/** The spreadsheet error value (`#N/A`, `#REF!` …) a cell holds, upper-cased, or null. */
export function spreadsheetError(cell: unknown): string | null {
  // Every error value has a "#": most cells are rejected without allocating a trimmed copy.
  if (typeof cell !== "string" || cell.length > 12 || !cell.includes("#")) return null;
  const code = cell.trim().toUpperCase();
  return ERROR_VALUES.has(code) ? code : null;
}

/** True when a string cell stands for "no data" (blank, dash, 无数据 …). */
export function isNullToken(text: string): boolean {
  if (text.length > MAX_NUMBER_LENGTH && text.trim().length > MAX_NUMBER_LENGTH) return false;
  return isVisibleNullToken(stripInvisible(text));
}

/** isNullToken for short text already stripped of invisible characters. */
function isVisibleNullToken(text: string): boolean {
  const t = text.trim().toLowerCase();
  return t === "" || NULL_TOKENS.has(t);
}

const DIGIT_EDGE = /^[\d.]$/;

function stripCurrency(text: string): string {
  let t = text;
  if (t === "" || (DIGIT_EDGE.test(t[0]) && DIGIT_EDGE.test(t[t.length - 1]) && !t.endsWith("元"))) return t;
  const { byFirst, byLast } = marksByEdge();
  // Marks are tried longest first (`US$` before `$`), among those that start (end) with the text's first (last) character.
  for (const mark of byFirst.get(t[0]) ?? NO_MARKS) {
    if (t.startsWith(mark)) {
      t = t.slice(mark.length).trim();
      break;
    }
  }
  if (t === "") return t;
  for (const mark of byLast.get(t[t.length - 1]) ?? NO_MARKS) {
    if (t.endsWith(mark)) {
      t = t.slice(0, t.length - mark.length).trim();
      break;
    }
  }
  return t;
}

const NO_MARKS: readonly string[] = [];
let markEdges: { byFirst: Map<string, string[]>; byLast: Map<string, string[]> } | null = null;

/** The currency marks by their first and by their last character, each list longest first (as currencyMarks()). */
function marksByEdge(): { byFirst: Map<string, string[]>; byLast: Map<string, string[]> } {
  if (!markEdges) {
    const byFirst = new Map<string, string[]>();
    const byLast = new Map<string, string[]>();
    const add = (map: Map<string, string[]>, key: string, mark: string) => {
      const list = map.get(key);
      if (list) list.push(mark);
      else map.set(key, [mark]);
    };
    for (const [mark] of currencyMarks()) {
      add(byFirst, mark[0], mark);
      add(byLast, mark[mark.length - 1], mark);
    }
    markEdges = { byFirst, byLast };
  }
  return markEdges;
}

/**
 * `1.234,56` → `1234.56`: in a column decided to use a decimal comma, dots and spaces group
 * digits and the comma is the decimal mark. One pass, no regex.
 */
function toDecimalPoint(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === ".") continue;
    out += ch === "," ? "." : ch;
  }
  return out;
}

/**
 * Parse numeric-looking text as pasted from exports: `12.5%`, `1,234`, `¥1,234.00`,
 * `$99`, `₹1,08,218.36`, `(12.00)` accounting negatives, `-`/`--`/`—` for no data.
 * One sign at most: a minus (before or after the currency mark, `-$12` or `$-12`) or
 * accounting brackets, never two (`--5`, `- -5`, `(-5)` are not numbers, not 5).
 * Zero is never negative (`-0` reads 0).
 */
export function parseNumberText(raw: string, decimalMark: "." | "," = "."): NumberReading {
  // No number is this long: refuse before any regex sees a 50,000-character cell.
  const text = valueText(raw);
  if (text === null) return { kind: "invalid", reason: "not-a-number", text: headOf(raw) };
  if (decimalMark === ",") return parsePointText(toDecimalPoint(text), text);
  return parsePointText(text, text);
}

function startsWithSign(text: string): boolean {
  return text.startsWith("-") || text.startsWith("−") || text.startsWith("+");
}

/**
 * Splits off the signs in front of a number: accounting brackets around the whole text, a
 * minus or a plus. `marks` counts them (more than one is refused), `negative` says whether
 * the one there is a minus or brackets.
 */
function takeSign(text: string): { negative: boolean; rest: string; marks: number } {
  let t = text;
  let marks = 0;
  let negative = false;
  if (t.length >= 2 && t.startsWith("(") && t.endsWith(")")) {
    marks++;
    negative = true;
    t = t.slice(1, -1).trim();
  }
  if (startsWithSign(t)) {
    marks++;
    negative = !t.startsWith("+");
    t = t.slice(1).trim();
  }
  return { negative, rest: t, marks };
}

function parsePointText(raw: string, shown: string): NumberReading {
  // Fast paths for the common export cells (`1234`, `-12.5`, `2.43%`): same results, no regex replaces.
  if (PLAIN_NUMBER.test(raw)) return { kind: "number", value: unsignedZero(Number(raw)), percent: false };
  if (PLAIN_PERCENT.test(raw)) return { kind: "number", value: percentOf(raw.slice(0, -1)), percent: true };
  if (PLAIN_GROUPED.test(raw)) return { kind: "number", value: Number(raw.replace(/,/g, "")), percent: false };
  const spaced = toHalfWidth(raw)
    .trim()
    .replace(/[\u00a0\u202f\u2009]/g, " ");
  // `raw` came through valueText: short, and already without invisible characters.
  if (isVisibleNullToken(spaced)) return { kind: "blank" };
  return parseMarkedText(spaced, shown);
}

/** The not-a-number reading of `shown` (built only when a cell is refused). */
function notANumber(shown: string): NumberReading {
  return { kind: "invalid", reason: "not-a-number", text: shown };
}

/** Numeric text with its signs, currency mark, `%` or 万/亿 still on (`-¥1,234.00`, `12.5 %`). */
function parseMarkedText(spaced: string, shown: string): NumberReading {
  const sign = takeSign(spaced);
  let negative = sign.negative;
  let t = stripCurrency(sign.rest);
  // a sign may also sit after the currency mark ("$-12.00"), but only if none came before it
  if (startsWithSign(t)) {
    if (sign.marks > 0) return notANumber(shown);
    negative = !t.startsWith("+");
    t = t.slice(1).trim();
  }
  if (sign.marks > 1 || startsWithSign(t)) return notANumber(shown);
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  // Copied from the back-office UI rather than exported, big counts read `1.23万` / `2.1亿`.
  let scale = 1;
  if (!percent && (t.endsWith("万") || t.endsWith("萬"))) scale = 1e4;
  else if (!percent && (t.endsWith("亿") || t.endsWith("億"))) scale = 1e8;
  if (scale !== 1) t = t.slice(0, -1).trim();
  t = t.replace(/ /g, "");
  if (t.includes(",")) {
    if (!GROUPED.test(t)) return notANumber(shown);
    t = t.replace(/,/g, "");
  }
  if (!/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return notANumber(shown);
  let value = Number(t);
  if (percent) value = /^\d*\.?\d*$/.test(t) ? percentOf(t) : roundFloat(value / 100);
  if (scale !== 1) value = roundFloat(value * scale);
  if (!Number.isFinite(value)) return { kind: "invalid", reason: "non-finite", text: shown };
  if (negative && value !== 0) value = -value;
  return { kind: "number", value, percent };
}

/**
 * `12.34` (percent digits) → 0.1234 by moving the decimal point in the text, so the result
 * is the double nearest the decimal value, with no binary noise from dividing by 100.
 */
function percentOf(digits: string): number {
  const dot = digits.indexOf(".");
  // An exact integer divided by an exact power of ten is rounded once, to the nearest double.
  const decimals = dot < 0 ? 0 : digits.length - dot - 1;
  if (digits.length <= 16 && decimals <= 20) {
    return Number(dot < 0 ? digits : digits.slice(0, dot) + digits.slice(dot + 1)) / POWERS_OF_TEN[decimals + 2];
  }
  const whole = (dot < 0 ? digits : digits.slice(0, dot)).padStart(3, "0");
  const fraction = dot < 0 ? "" : digits.slice(dot + 1);
  return Number(`${whole.slice(0, -2)}.${whole.slice(-2)}${fraction}`);
}

/** Removes binary noise from a division by 100 (12.34 / 100 = 0.12340000000000001). */
function roundFloat(value: number): number {
  return Number(value.toPrecision(15));
}

/** Read any cell as a number: numbers pass, numeric text is parsed, blanks are blank. */
export function readNumber(cell: Cell, decimalMark: "." | "," = "."): NumberReading {
  if (cell === null || cell === undefined) return { kind: "blank" };
  if (typeof cell === "number") {
    return Number.isFinite(cell)
      ? { kind: "number", value: unsignedZero(cell), percent: false }
      : { kind: "invalid", reason: "non-finite", text: String(cell) };
  }
  if (typeof cell === "string") return parseNumberText(cell, decimalMark);
  if (typeof cell === "boolean") return { kind: "invalid", reason: "boolean", text: String(cell) };
  if (isDate(cell)) return { kind: "invalid", reason: "date", text: dateText(cell) };
  return { kind: "invalid", reason: "not-a-number", text: String(cell) };
}

/** A Date cell shown in a message: its ISO day, or `Invalid Date` (never `NaN-NaN-NaN`). */
function dateText(date: Date): string {
  return Number.isNaN(date.getTime()) ? "Invalid Date" : formatIsoDate(date);
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
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Validates a Y-M-D triple and returns it as ISO text, or null when it is not a real date. */
export function isoFromParts(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Parses unambiguous date text: ISO `2026-11-22`, `2026/11/22`, `2026.11.22`, `20261122`, `2026年11月22日`. */
export function parseIsoLikeDate(raw: string): string | null {
  if (ISO_DAY.test(raw)) {
    return isoFromParts(Number(raw.slice(0, 4)), Number(raw.slice(5, 7)), Number(raw.slice(8, 10))) === null
      ? null
      : raw;
  }
  const text = valueText(raw);
  if (text === null) return null;
  const t = toHalfWidth(text).trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
  if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

// ── Dates with a day/month order decided per column, ranges, durations ──

/** Order of the two small numbers in `11/22/26` (US) or `22/11/26` (India, Europe). */
export type DayMonthOrder = "mdy" | "dmy";

/** The parts of a `11/22/26`-style date, before the column decides which is the day. */
export interface DayMonthParts {
  first: number;
  second: number;
  year: number;
}

const DAY_MONTH = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;

/** Splits `11/22/26`, `22.11.2026`, `1-4-26` into its parts; null for anything else. */
export function parseDayMonthParts(raw: string): DayMonthParts | null {
  const text = valueText(raw);
  if (text === null) return null;
  const m = DAY_MONTH.exec(toHalfWidth(text).trim());
  if (!m) return null;
  const y = Number(m[3]);
  return { first: Number(m[1]), second: Number(m[2]), year: m[3].length === 2 ? 2000 + y : y };
}

/** What a column's `a/b/yy` dates say about their order. */
export interface DayMonthDecision {
  order: DayMonthOrder;
  /** No value proves the order (every part ≤ 12) and the sequence did not settle it. */
  ambiguous: boolean;
  /** Some values only work as m/d and others only as d/m. */
  conflicting: boolean;
}

function dayNumber(parts: DayMonthParts, order: DayMonthOrder): number | null {
  const [month, day] = order === "mdy" ? [parts.first, parts.second] : [parts.second, parts.first];
  const iso = isoFromParts(parts.year, month, day);
  return iso === null ? null : Date.UTC(parts.year, month - 1, day) / 86_400_000;
}

/**
 * Decides day/month order for one column: a part above 12 proves it; otherwise the order
 * under which consecutive rows are one day apart wins (daily exports); otherwise month
 * first (the US form) and `ambiguous` is set so the caller can say so.
 */
export function decideDayMonthOrder(values: readonly DayMonthParts[]): DayMonthDecision {
  let mdyOnly = 0;
  let dmyOnly = 0;
  for (const p of values) {
    const mdy = dayNumber(p, "mdy") !== null;
    const dmy = dayNumber(p, "dmy") !== null;
    if (mdy && !dmy) mdyOnly++;
    if (dmy && !mdy) dmyOnly++;
  }
  if (mdyOnly > 0 && dmyOnly > 0) {
    return { order: mdyOnly >= dmyOnly ? "mdy" : "dmy", ambiguous: false, conflicting: true };
  }
  if (mdyOnly > 0) return { order: "mdy", ambiguous: false, conflicting: false };
  if (dmyOnly > 0) return { order: "dmy", ambiguous: false, conflicting: false };
  const steps = (order: DayMonthOrder): number => {
    let n = 0;
    for (let i = 1; i < values.length; i++) {
      const a = dayNumber(values[i - 1], order);
      const b = dayNumber(values[i], order);
      if (a !== null && b !== null && Math.abs(b - a) === 1) n++;
    }
    return n;
  };
  if (values.length > 1) {
    const mdySteps = steps("mdy");
    const dmySteps = steps("dmy");
    if (mdySteps !== dmySteps)
      return { order: mdySteps > dmySteps ? "mdy" : "dmy", ambiguous: false, conflicting: false };
  }
  // a single value whose parts are equal (5/5/26) reads the same either way
  const ambiguous = values.some((p) => p.first !== p.second);
  return { order: "mdy", ambiguous, conflicting: false };
}

/** Result of reading one cell as a calendar date (or a date range). */
export type DateReading =
  | { kind: "date"; iso: string; to: string | null }
  | { kind: "blank" }
  | { kind: "invalid"; text: string };

const RANGE_SEPARATOR = /\s*(?:~|～|至|到|—|–|\s-\s)\s*/;

/** Sheets serial day numbers between 1954 and 2119 (an unformatted date cell). */
const SERIAL_MIN = 20_000;
const SERIAL_MAX = 80_000;

const MONTH_NAMES: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/**
 * Spanish and Portuguese month names and the abbreviations Mercado Libre (and Latin American
 * exports generally) write: `octubre`, `outubro`, `oct`, `out`. Matched whole (after the
 * optional dot), never by prefix, so `outro` or `marzipan` stay text.
 */
const IBERIAN_MONTHS: Record<string, number> = {
  // es
  enero: 1,
  ene: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  abr: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  ago: 8,
  septiembre: 9,
  setiembre: 9,
  set: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
  dic: 12,
  // pt
  janeiro: 1,
  fevereiro: 2,
  fev: 2,
  março: 3,
  marco: 3,
  maio: 5,
  mai: 5,
  junho: 6,
  julho: 7,
  setembro: 9,
  outubro: 10,
  out: 10,
  novembro: 11,
  dezembro: 12,
  dez: 12,
};

/** A Spanish/Portuguese month word, or an English abbreviation (`oct`, `sept`); null for any other word. */
function iberianMonth(word: string): number | null {
  return IBERIAN_MONTHS[word] ?? MONTH_NAMES[word] ?? null;
}

/**
 * `15 de octubre de 2026 10:32 hs.` (Mercado Libre, es), `15 de outubro de 2026 10:32` (pt),
 * `15 oct 2026`, `15 de out. de 2026`: day, optional `de`, month, optional `de`, year, and an
 * optional time of day (with `hs.` / `h`, or `às` / `a las` before it), which is dropped.
 */
const IBERIAN_DATE =
  /^(\d{1,2})\s+(?:de\s+)?([a-zà-ÿ]{3,10})\.?\s+(?:de\s+)?(\d{4})(?:,?\s+(?:(?:às|as|a las)\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:hs|hrs|h)\.?)?)?$/;

/**
 * Month-name dates: English as Amazon Ads and others write them (`Nov 01, 2026`,
 * `1 November 2026`, `01-Nov-2026`), and Spanish / Portuguese long dates as Mercado Libre
 * writes them (`15 de octubre de 2026 10:32 hs.`, `15 de outubro de 2026 10:32`, `15 oct 2026`).
 */
export function parseMonthNameDate(raw: string): string | null {
  const text = valueText(raw);
  if (text === null) return null;
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  let m = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = MONTH_NAMES[m[1].slice(0, m[1] === "sept" ? 4 : 3)];
    return month ? isoFromParts(Number(m[3]), month, Number(m[2])) : null;
  }
  m = /^(\d{1,2})[\s-]([a-z]{3,9})\.?[\s-](\d{4}|\d{2})$/.exec(t);
  if (m) {
    const month = MONTH_NAMES[m[2].slice(0, 3)] ?? IBERIAN_MONTHS[m[2]];
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return month ? isoFromParts(year, month, Number(m[1])) : null;
  }
  m = IBERIAN_DATE.exec(t);
  if (m) {
    const month = iberianMonth(m[2]);
    return month ? isoFromParts(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}

function singleDate(text: string, order: DayMonthOrder): string | null {
  const iso = parseIsoLikeDate(text);
  if (iso !== null) return iso;
  if (/[a-z]/i.test(text)) return parseMonthNameDate(text);
  const parts = parseDayMonthParts(text);
  if (!parts) return null;
  const [month, day] = order === "mdy" ? [parts.first, parts.second] : [parts.second, parts.first];
  return isoFromParts(parts.year, month, day);
}

/**
 * Reads a date cell: a `Date`, ISO-like text, `20261122` (text or number), `11/22/26` in
 * the given order, a Sheets serial number, a range `2026-05-01~2026-05-31`, or a month
 * `2026-11` (read as the range of its days).
 */
export function readDate(cell: Cell, order: DayMonthOrder = "mdy"): DateReading {
  if (cell === null || cell === undefined) return { kind: "blank" };
  if (isDate(cell)) {
    if (Number.isNaN(cell.getTime()) || cell.getFullYear() < 1900) return { kind: "invalid", text: String(cell) };
    return { kind: "date", iso: formatIsoDate(cell), to: null };
  }
  if (typeof cell === "number") {
    if (Number.isInteger(cell) && cell >= 19_000_101 && cell <= 22_001_231) {
      const iso = parseIsoLikeDate(String(cell));
      if (iso !== null) return { kind: "date", iso, to: null };
    }
    if (Number.isInteger(cell) && cell >= SERIAL_MIN && cell <= SERIAL_MAX) {
      const d = new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000);
      return {
        kind: "date",
        iso: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
        to: null,
      };
    }
    return { kind: "invalid", text: String(cell) };
  }
  if (typeof cell !== "string") return { kind: "invalid", text: String(cell) };
  const bounded = valueText(cell);
  if (bounded === null) return { kind: "invalid", text: headOf(cell) };
  const text = bounded.trim();
  if (isVisibleNullToken(text)) return { kind: "blank" };
  const single = singleDate(text, order);
  if (single !== null) return { kind: "date", iso: single, to: null };
  // A month view (`2026-11`, `2026年11月`) covers the whole month.
  const month = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(toHalfWidth(text));
  if (month) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    const first = isoFromParts(y, m, 1);
    if (first !== null) return { kind: "date", iso: first, to: isoFromParts(y, m, daysInMonth(y, m)) };
  }
  const halves = text.split(RANGE_SEPARATOR);
  if (halves.length === 2) {
    const from = singleDate(halves[0], order);
    const to = singleDate(halves[1], order);
    if (from !== null && to !== null && from <= to) return { kind: "date", iso: from, to };
  }
  return { kind: "invalid", text };
}

/** Result of reading a duration cell as seconds. */
export type SecondsReading = NumberReading;

/**
 * Reads a duration as seconds: a number (already seconds), `83`, `83秒`, `83s`,
 * `00:01:23` or `1:23`, `1分23秒`, or a time-of-day `Date` (Sheets turns `00:01:23` into one).
 * With the column's decimal comma, `30,53` and `83,5秒` are 30.53 and 83.5 seconds.
 */
export function readSeconds(cell: Cell, decimalMark: "." | "," = "."): SecondsReading {
  if (isDate(cell)) {
    if (cell.getFullYear() <= 1900) {
      const value = cell.getHours() * 3600 + cell.getMinutes() * 60 + cell.getSeconds();
      return { kind: "number", value, percent: false };
    }
    return { kind: "invalid", reason: "date", text: dateText(cell) };
  }
  if (typeof cell !== "string") return readNumber(cell);
  const bounded = valueText(cell);
  if (bounded === null) return { kind: "invalid", reason: "not-a-number", text: headOf(cell) };
  const half = toHalfWidth(bounded).trim().toLowerCase();
  const text = decimalMark === "," ? toDecimalPoint(half) : half;
  let m = /^(\d+):(\d{1,2})(?::(\d{1,2}(?:\.\d+)?))?$/.exec(text);
  if (m) {
    const value =
      m[3] === undefined ? Number(m[1]) * 60 + Number(m[2]) : Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
    return { kind: "number", value, percent: false };
  }
  m = /^(?:(\d+)\s*(?:小时|时|h)\s*)?(?:(\d+)\s*(?:分钟|分|min|m)\s*)?(?:(\d+(?:\.\d+)?)\s*(?:秒|sec|s))?$/.exec(text);
  if (m && (m[1] || m[2] || m[3])) {
    const value = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
    return { kind: "number", value, percent: false };
  }
  return parseNumberText(cell, decimalMark);
}
