/**
 * TREND(values, [dates]): the least-squares slope per day of a metric column, worded as a short
 * text with its direction: `↑ +3.2%/week` is a slope of 3.2 % of the column's mean per week.
 * Without dates each row is one day. Blank cells (and their dates) are left out.
 */
import { FunctionInputError, readArgumentDay, readArgumentNumber, type Place } from "./arguments";

/** A weekly change smaller than this share of the mean reads as flat (→). */
export const TREND_FLAT_SHARE = 0.005;

/** The cells of an argument, in reading order, with their places in the range. */
function cellsOf(arg: unknown, fn: string, param: string): { cell: unknown; place: Place }[] {
  if (!Array.isArray(arg)) return [{ cell: arg, place: { fn, param } }];
  const out: { cell: unknown; place: Place }[] = [];
  const wide = arg.some((r) => Array.isArray(r) && r.length > 1);
  arg.forEach((row, r) => {
    const cells = Array.isArray(row) ? row : [row];
    cells.forEach((cell, c) => out.push({ cell, place: { fn, param, row: r + 1, column: c + 1, wide } }));
  });
  return out;
}

/** Days since 1970-01-01 of a calendar day. */
function dayIndex(d: { year: number; month: number; day: number }): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

/** The points (day, value) of the arguments; blank values and blank dates drop the pair. */
function points(values: unknown, dates: unknown): { x: number; y: number }[] {
  const ys = cellsOf(values, "TREND", "values");
  const xs = dates === undefined ? null : cellsOf(dates, "TREND", "dates");
  if (xs && xs.length !== ys.length) {
    throw new FunctionInputError(
      `TREND: dates has ${xs.length} cells but values has ${ys.length}. Give one date per value.`,
    );
  }
  const out: { x: number; y: number }[] = [];
  ys.forEach(({ cell, place }, i) => {
    const y = readArgumentNumber(cell, "amount", place);
    const day = xs ? readArgumentDay(xs[i].cell, xs[i].place) : undefined;
    if (y === undefined || (xs && day === undefined)) return;
    out.push({ x: day ? dayIndex(day) : i, y });
  });
  return out;
}

/** The least-squares slope per day and the mean, or a named error when they cannot be stated. */
export function trendOf(values: unknown, dates?: unknown): { slope: number; mean: number } {
  const ps = points(values, dates);
  if (ps.length < 2) throw new FunctionInputError("TREND: values needs at least two numbers to draw a trend.");
  const mx = ps.reduce((s, p) => s + p.x, 0) / ps.length;
  const my = ps.reduce((s, p) => s + p.y, 0) / ps.length;
  let sxy = 0;
  let sxx = 0;
  for (const p of ps) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  if (sxx === 0) throw new FunctionInputError("TREND: every value has the same date, so there is no trend over time.");
  if (!(my > 0)) throw new FunctionInputError("TREND: the values average 0 or less, so a % change cannot be stated.");
  return { slope: sxy / sxx, mean: my };
}

/** `↑ +3.2%/week`, `↓ -1.5%/week` or `→ +0.3%/week` (flat within TREND_FLAT_SHARE). */
export function trendText(values: unknown, dates?: unknown): string {
  const { slope, mean } = trendOf(values, dates);
  const weekly = (slope * 7) / mean;
  const shown = Number((weekly * 100).toFixed(1));
  const arrow = Math.abs(weekly) < TREND_FLAT_SHARE ? "→" : weekly > 0 ? "↑" : "↓";
  const sign = shown > 0 ? "+" : shown < 0 ? "-" : "";
  return `${arrow} ${sign}${Math.abs(shown).toFixed(1)}%/week`;
}
