/**
 * The analysis windows. A trend compares a recent window with a baseline chosen by the
 * `compareTo` setting:
 * - `previous-period` (default): the last WINDOW_DAYS dated days with the WINDOW_DAYS dated days
 *   before them when there are at least 2 × WINDOW_DAYS; with fewer, the later half of the dates
 *   with the earlier half;
 * - `previous-week`: the last days (up to WINDOW_DAYS) with the same weekdays one week earlier;
 * - `four-weeks`: the last days (up to WINDOW_DAYS) with the same days four weeks earlier.
 * Messages take the window length as `{days}` from here.
 *
 * Days inside an event the team listed (Events tab) are left out of both windows: ordinary days
 * are compared with ordinary days, and per-day figures divide by the ordinary days counted. A
 * window whose every day is an event day is not compared at all (`allEventDays`).
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

/** Whether an ISO date is inside an event the team listed (RuleContext.isEventDay). */
export type IsEventDay = (date: string) => boolean;

/** No Events tab: no day is an event day. */
export const NO_EVENT_DAYS: IsEventDay = () => false;

/** A recent window and its baseline, as inclusive day numbers (days since 1970-01-01). */
export interface Comparison {
  mode: CompareTo;
  /** Days in each window. */
  days: number;
  recentFrom: number;
  recentTo: number;
  previousFrom: number;
  previousTo: number;
  /** Dated days of each window inside an event: left out of that window's figures (0 and 0 without events). */
  eventDays: { recent: number; previous: number };
  /** The window whose every dated day is an event day (nothing ordinary to compare), else null. */
  allEventDays: "recent" | "previous" | null;
  /** The event days left out, as day numbers (windowOf places none of them). */
  skip: ReadonlySet<number>;
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
export function comparisonFor(
  sorted: readonly string[],
  mode: CompareTo,
  full = false,
  isEventDay: IsEventDay = NO_EVENT_DAYS,
): Comparison | null {
  const spans = windowSpans(sorted, mode, full);
  return spans && withEventDays(spans, sorted, isEventDay);
}

type Spans = Omit<Comparison, "eventDays" | "allEventDays" | "skip">;

/** Counts each window's dated days and the event days among them; the event days are skipped from then on. */
function withEventDays(spans: Spans, sorted: readonly string[], isEventDay: IsEventDay): Comparison {
  const dated = { recent: 0, previous: 0 };
  const eventDays = { recent: 0, previous: 0 };
  const skip = new Set<number>();
  for (const date of sorted) {
    const day = dayNumber(date);
    const w = placeOf(spans, day);
    if (w === null) continue;
    dated[w]++;
    if (!isEventDay(date)) continue;
    eventDays[w]++;
    skip.add(day);
  }
  const allOf = (w: "recent" | "previous") => dated[w] > 0 && eventDays[w] === dated[w];
  const allEventDays = allOf("previous") ? "previous" : allOf("recent") ? "recent" : null;
  return { ...spans, eventDays, allEventDays, skip };
}

function windowSpans(sorted: readonly string[], mode: CompareTo, full: boolean): Spans | null {
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

/** Which window a day number falls in (null for an event day: it is in neither). */
export function windowOf(c: Comparison, day: number): "recent" | "previous" | null {
  return c.skip.has(day) ? null : placeOf(c, day);
}

function placeOf(c: Spans, day: number): "recent" | "previous" | null {
  if (day >= c.recentFrom && day <= c.recentTo) return "recent";
  if (day >= c.previousFrom && day <= c.previousTo) return "previous";
  return null;
}

/** The ordinary days a window's per-day figures divide by: its length less its event days. */
export function ordinaryDays(c: Comparison, w: "recent" | "previous"): number {
  return c.days - c.eventDays[w];
}

/** Event days left out of the two windows together. */
export function eventDaysLeftOut(c: Comparison): number {
  return c.eventDays.recent + c.eventDays.previous;
}

/** The day a single day is compared with under `mode` (the day before for previous-period). */
export function baselineDay(day: number, mode: CompareTo): number {
  return mode === "previous-period" ? day - 1 : day - SHIFT_DAYS[mode];
}

/** Two windows summed (lastTwoWindows). */
export interface SummedWindows {
  recent: Totals;
  previous: Totals;
  /** Ordinary dated days summed in each window (event days left out). */
  recentDays: number;
  previousDays: number;
  comparison: Comparison;
}

/**
 * The ordinary dated days of each window summed, with how many days each holds (a shifted
 * window may miss a day the export lacks; event days are left out), or null when there are too
 * few (see comparisonFor). A window of event days only gives `{ allEventDays, comparison }`:
 * there is nothing ordinary to compare, and the caller says so instead of a figure.
 */
export function lastTwoWindows(
  days: readonly { date: string | null; totals: Totals }[],
  mode: CompareTo,
  full = false,
  isEventDay: IsEventDay = NO_EVENT_DAYS,
): SummedWindows | { allEventDays: "recent" | "previous"; comparison: Comparison } | null {
  const dated = days.filter((d) => d.date !== null);
  const comparison = comparisonFor(
    dated.map((d) => d.date!),
    mode,
    full,
    isEventDay,
  );
  if (!comparison) return null;
  if (comparison.allEventDays) return { allEventDays: comparison.allEventDays, comparison };
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
