/**
 * The analysis windows: trends compare the last WINDOW_DAYS days with the WINDOW_DAYS before
 * when there are at least 2 × WINDOW_DAYS dated days; with fewer, the later half of the dates
 * with the earlier half. Messages take the window length as `{days}` from here.
 */
import { Totals } from "./totals";

/** Days in a full trend window (a week). */
export const WINDOW_DAYS = 7;
/** Dated days needed for two full windows. */
export const FULL_WINDOWS_DAYS = 2 * WINDOW_DAYS;

/** Days in each of the two windows for `datedDays` distinct dates (0 when there is no trend). */
export function windowDaysFor(datedDays: number): number {
  if (datedDays >= FULL_WINDOWS_DAYS) return WINDOW_DAYS;
  return datedDays >= 2 ? Math.floor(datedDays / 2) : 0;
}

/** The window figures messages and notes quote: `{days}` per window, `{minDays}` for two full ones. */
export function windowParams(days: number = WINDOW_DAYS): { days: number; minDays: number } {
  return { days, minDays: FULL_WINDOWS_DAYS };
}

/** The last `size` dated days and the `size` before them, summed, or null when there are too few. */
export function lastTwoWindows(
  days: readonly { date: string | null; totals: Totals }[],
  size: number,
): { recent: Totals; previous: Totals } | null {
  const dated = days.filter((d) => d.date !== null);
  if (dated.length < 2 * size || size < 1) return null;
  const recent = new Totals();
  const previous = new Totals();
  for (let i = dated.length - 2 * size; i < dated.length; i++) {
    const target = i >= dated.length - size ? recent : previous;
    target.merge(dated[i].totals);
  }
  return { recent, previous };
}
