/**
 * The analysis windows. A trend compares a recent window with a baseline chosen by the
 * `compareTo` setting:
 * - `previous-period` (default): the last WINDOW_DAYS dated days with the WINDOW_DAYS dated days
 *   before them when there are at least 2 × WINDOW_DAYS; with fewer, the later half of the dates
 *   with the earlier half;
 * - `previous-week`: the last days (up to WINDOW_DAYS) with the same weekdays one week earlier;
 * - `four-weeks`: the last days (up to WINDOW_DAYS) with the same days four weeks earlier.
 * Messages take the window length as `{days}` from here.
 */
import type { CompareTo } from "../settings";
import { dayNumber } from "./days";
import { Totals } from "./totals";

export type { CompareTo } from "../settings";

/** Days in a full trend window (a week). */
export const WINDOW_DAYS = 7;
/** Dated days needed for two full windows. */
export const FULL_WINDOWS_DAYS = 2 * WINDOW_DAYS;

/** Days between a recent day and its baseline day for the shifted comparisons. */
const SHIFT_DAYS: Record<Exclude<CompareTo, "previous-period">, number> = {
  "previous-week": 7,
  "four-weeks": 28,
};

/** A recent window and its baseline, as inclusive day numbers (days since 1970-01-01). */
export interface Comparison {
  mode: CompareTo;
  /** Days in each window. */
  days: number;
  recentFrom: number;
  recentTo: number;
  previousFrom: number;
  previousTo: number;
}

/** Days in each of the two windows for `datedDays` distinct dates (0 when there is no trend). */
export function windowDaysFor(datedDays: number): number {
  if (datedDays >= FULL_WINDOWS_DAYS) return WINDOW_DAYS;
  return datedDays >= 2 ? Math.floor(datedDays / 2) : 0;
}

/** Dated days (a calendar span) needed for two full windows under `mode`. */
export function fullWindowsDays(mode: CompareTo): number {
  return mode === "previous-period" ? FULL_WINDOWS_DAYS : SHIFT_DAYS[mode] + WINDOW_DAYS;
}

/** The window figures messages and notes quote: `{days}` per window, `{minDays}` for two full ones. */
export function windowParams(
  days: number = WINDOW_DAYS,
  mode: CompareTo = "previous-period",
): { days: number; minDays: number } {
  return { days, minDays: fullWindowsDays(mode) };
}

/**
 * The two windows over sorted ISO dates, or null when there are too few. `full` asks for two
 * whole WINDOW_DAYS windows (week on week); otherwise shorter windows do when data is short.
 */
export function comparisonFor(sorted: readonly string[], mode: CompareTo, full = false): Comparison | null {
  const n = sorted.length;
  if (n < 2) return null;
  const last = dayNumber(sorted[n - 1]);
  if (mode === "previous-period") {
    const days = full ? (n >= FULL_WINDOWS_DAYS ? WINDOW_DAYS : 0) : windowDaysFor(n);
    if (days < 1) return null;
    const recentFrom = dayNumber(sorted[n - days]);
    return {
      mode,
      days,
      recentFrom,
      recentTo: last,
      previousFrom: dayNumber(sorted[n - 2 * days]),
      previousTo: recentFrom - 1,
    };
  }
  const shift = SHIFT_DAYS[mode];
  const span = last - dayNumber(sorted[0]) + 1;
  const days = Math.min(WINDOW_DAYS, span - shift);
  if (days < (full ? WINDOW_DAYS : 1)) return null;
  const recentFrom = last - days + 1;
  return { mode, days, recentFrom, recentTo: last, previousFrom: recentFrom - shift, previousTo: last - shift };
}

/** Which window a day number falls in. */
export function windowOf(c: Comparison, day: number): "recent" | "previous" | null {
  if (day >= c.recentFrom && day <= c.recentTo) return "recent";
  if (day >= c.previousFrom && day <= c.previousTo) return "previous";
  return null;
}

/** The day a single day is compared with under `mode` (the day before for previous-period). */
export function baselineDay(day: number, mode: CompareTo): number {
  return mode === "previous-period" ? day - 1 : day - SHIFT_DAYS[mode];
}

/**
 * The dated days of each window summed, with how many days each holds (a shifted window may
 * miss a day the export lacks), or null when there are too few (see comparisonFor).
 */
export function lastTwoWindows(
  days: readonly { date: string | null; totals: Totals }[],
  mode: CompareTo,
  full = false,
): { recent: Totals; previous: Totals; recentDays: number; previousDays: number; comparison: Comparison } | null {
  const dated = days.filter((d) => d.date !== null);
  const comparison = comparisonFor(
    dated.map((d) => d.date!),
    mode,
    full,
  );
  if (!comparison) return null;
  const recent = new Totals();
  const previous = new Totals();
  let recentDays = 0;
  let previousDays = 0;
  for (const d of dated) {
    const w = windowOf(comparison, dayNumber(d.date!));
    if (w === "recent") {
      recent.merge(d.totals);
      recentDays++;
    } else if (w === "previous") {
      previous.merge(d.totals);
      previousDays++;
    }
  }
  if (recentDays === 0 || previousDays === 0) return null;
  return { recent, previous, recentDays, previousDays, comparison };
}
