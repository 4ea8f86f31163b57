/**
 * A small number-format renderer for `getDisplayValues`: the formats the report and the
 * Settings sheet use (`0.00%`, `0%`, `#,##0`, `#,##0.00`, `0.0`, currency prefixes such as
 * `¥#,##0.00` or `[$$]#,##0.00`, `@`, `yyyy-mm-dd`), plus Sheets' default for unformatted cells.
 */
import type { StoredValue } from "./typed";
import { wallClock } from "./zoned";

/** What `getNumberFormat()` returns for a cell nobody formatted. */
export const DEFAULT_NUMBER_FORMAT = "0.###############";

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** Calendar fields of `date` as seen in `timeZone` (the process's zone when none is given). */
function fieldsIn(date: Date, timeZone?: string): { y: number; m: number; d: number; h: number; s: number } {
  if (!timeZone)
    return {
      y: date.getFullYear(),
      m: date.getMonth() + 1,
      d: date.getDate(),
      h: date.getHours(),
      s: date.getSeconds(),
    };
  const f = wallClock(date, timeZone);
  return { y: f.year, m: f.month, d: f.day, h: f.hour, s: f.second };
}

function formatDate(date: Date, pattern: string, timeZone?: string): string {
  const f = fieldsIn(date, timeZone);
  return pattern
    .replace(/yyyy/g, String(f.y))
    .replace(/mm/g, pad(f.m))
    .replace(/dd/g, pad(f.d))
    .replace(/hh/g, pad(f.h))
    .replace(/ss/g, pad(f.s));
}

function group(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Splits a format like `[$¥]#,##0.00"元"` into literal prefix, numeric core and suffix. */
function splitPattern(pattern: string): { prefix: string; core: string; suffix: string } {
  const literal = (s: string) => s.replace(/\[\$([^\]-]*)(?:-[^\]]*)?\]/g, "$1").replace(/"([^"]*)"/g, "$1");
  const m = /^(.*?)([#0][#0,]*(?:\.[0#]+)?%?)(.*)$/.exec(pattern);
  if (!m) return { prefix: literal(pattern), core: "", suffix: "" };
  return { prefix: literal(m[1]), core: m[2], suffix: literal(m[3]) };
}

/** Renders a number with Sheets-style number-format patterns (positive section only). */
function formatNumber(value: number, pattern: string): string {
  if (pattern === "" || pattern === DEFAULT_NUMBER_FORMAT || pattern.toLowerCase() === "general") {
    return String(Number(value.toPrecision(15)));
  }
  const section = pattern.split(";")[0];
  const { prefix, core, suffix } = splitPattern(section);
  if (!core) return prefix + String(value) + suffix;
  const percent = core.endsWith("%");
  const numeric = percent ? core.slice(0, -1) : core;
  const [intPart, fracPart = ""] = numeric.split(".");
  const minDecimals = (fracPart.match(/0/g) ?? []).length;
  const maxDecimals = fracPart.length;
  const scaled = Math.abs(percent ? value * 100 : value);
  let text = scaled.toFixed(maxDecimals);
  if (maxDecimals > minDecimals) {
    // `#` decimals are optional: trim trailing zeros down to the required ones.
    const [i, f = ""] = text.split(".");
    let frac = f;
    while (frac.length > minDecimals && frac.endsWith("0")) frac = frac.slice(0, -1);
    text = frac ? `${i}.${frac}` : i;
  }
  let [integer, fraction] = text.split(".");
  if (intPart.includes(",")) integer = group(integer);
  if (!/0/.test(intPart) && integer === "0" && fraction) integer = "";
  const body = fraction !== undefined ? `${integer}.${fraction}` : integer;
  const sign = value < 0 && Number(text) !== 0 ? "-" : "";
  return sign + prefix + body + (percent ? "%" : "") + suffix;
}

/** The text Sheets would show for `value` under `pattern`, dates seen in `timeZone`. */
export function formatDisplay(value: StoredValue, pattern: string | null | undefined, timeZone?: string): string {
  const p = pattern ?? DEFAULT_NUMBER_FORMAT;
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (p === "@") return String(value);
    if (/[yd]/.test(p) && !/[#0]/.test(p.replace(/yyyy|mm|dd|hh|ss/g, ""))) {
      // A date format on a number: Sheets shows the serial as a date; rare in our sheets.
      return formatDate(new Date(Math.round((value - 25569) * 86400000)), p, "UTC");
    }
    return formatNumber(value, p);
  }
  const datePattern = /[yd]/.test(p) ? p : "yyyy-mm-dd";
  return formatDate(value, datePattern, timeZone);
}
