/**
 * The days that broke pattern: a robust check on each daily series (sales, visitors, conversion,
 * order value, bounce). A day's baseline is the ordinary days within BASELINE_DAYS of it, the same
 * weekday only when at least MIN_SAME_WEEKDAY of those exist (a Saturday is judged against
 * Saturdays); the day is off pattern when |x − median| > THRESHOLD × 1.4826 × MAD. Event days
 * are never part of an ordinary baseline: eventAnomalyDays judges each one against the other event
 * days in the data instead (see there). For each such day, the factor of
 * sales = visitors × conversion × order value that moved most is the one with the largest
 * |ln(x ÷ baseline median)|: the three logs add up to the log change in sales.
 */
import { fixed } from "./define";
import { dayNumber, weekdayOf } from "./days";
import type { ShopDay } from "./context";

/** The thresholds the anomaly check uses (declared by the rules that report it). */
export const ANOMALY = {
  threshold: fixed(3.5, "multiple", "a day is off pattern when |value − median| exceeds this × 1.4826 × MAD"),
  baselineDays: fixed(28, "days", "a day's baseline: the ordinary days within this many days either side"),
  minSameWeekday: fixed(4, "days", "with this many same weekdays in the baseline, only those are compared"),
  minBaseline: fixed(7, "days", "a day with fewer baseline days than this is not judged"),
  spreadFloor: fixed(
    0.02,
    "share",
    "the spread (1.4826 × MAD) is taken as at least this share of the median, so a flat series does not flag a wobble",
  ),
};

/** MAD × this estimates the standard deviation of normally distributed values. */
const MAD_SCALE = 1.4826;

/** The daily series the check runs on, by the metric each reads. */
export const ANOMALY_SERIES = ["sales", "visitors", "conversion", "aov", "bounceRate"] as const;
export type AnomalySeries = (typeof ANOMALY_SERIES)[number];
/** The three factors of sales. */
export type SalesFactor = "visitors" | "conversion" | "aov";

/** One series' reading on a day that broke pattern. */
export interface OffPattern {
  series: AnomalySeries;
  value: number;
  /** The baseline median it is compared with. */
  median: number;
}

export interface AnomalyDay {
  date: string;
  /** True when the baseline was the same weekday only. */
  byWeekday: boolean;
  /** Baseline days compared with. */
  baseline: number;
  off: OffPattern[];
  /** The factor of sales that moved most, with its change (x ÷ median − 1), when all three are known. */
  factor: { name: SalesFactor; change: number } | null;
  /**
   * Set on an event day (eventAnomalyDays): judged against other event days, of its own kind
   * (`kind`) or of every kind (`kind` null).
   */
  event?: { kind: string | null };
}

/** A series' value on one day (null: not in the export, or no such rate). */
export function seriesValue(day: ShopDay, series: AnomalySeries): number | null {
  const t = day.totals;
  switch (series) {
    case "sales":
    case "visitors":
      return t.get(series);
    case "conversion":
      return t.payConversion();
    case "aov":
      return t.aov();
    case "bounceRate":
      return t.bounceRate();
  }
}

/** The median of the first `n` values of a sorted buffer. */
function median(sorted: Float64Array, n: number): number {
  return n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/**
 * Sorts the first `n` values of `a` in place. Insertion sort: a baseline holds a few dozen values
 * at most (usually the eight same weekdays), where it beats TypedArray#sort on a fresh subarray.
 */
function sortPrefix(a: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

/** The median and spread of the first `n` values of `buf` (sorted in place). */
function centre(buf: Float64Array, n: number, scratch: Float64Array): { median: number; spread: number } {
  sortPrefix(buf, n);
  const m = median(buf, n);
  for (let i = 0; i < n; i++) scratch[i] = Math.abs(buf[i] - m);
  sortPrefix(scratch, n);
  const spread = Math.max(MAD_SCALE * median(scratch, n), ANOMALY.spreadFloor.value * Math.abs(m));
  return { median: m, spread };
}

/** The dated, ordinary days as day numbers and weekdays, sorted. */
interface Calendar {
  days: readonly ShopDay[];
  numbers: number[];
  weekdays: number[];
}

function calendarOf(days: readonly ShopDay[], skip: ReadonlySet<string>): Calendar {
  const ordinary = days.filter((d) => d.date !== null && !skip.has(d.date));
  const numbers = ordinary.map((d) => dayNumber(d.date!));
  return { days: ordinary, numbers, weekdays: numbers.map(weekdayOf) };
}

/** Reused buffers for one pass: the baseline values (all days, same weekday) and the deviations. */
class Buffers {
  readonly all: Float64Array;
  readonly same: Float64Array;
  readonly scratch: Float64Array;
  constructor(size: number) {
    this.all = new Float64Array(size);
    this.same = new Float64Array(size);
    this.scratch = new Float64Array(size);
  }
}

/**
 * Day `i` of one series (NaN: no value) against its baseline: same-weekday values when there are
 * enough, else all. Null when the day has no value or too few baseline days.
 */
function judge(cal: Calendar, values: Float64Array, i: number, buf: Buffers) {
  const x = values[i];
  if (Number.isNaN(x)) return null;
  let all = 0;
  let same = 0;
  const n = cal.numbers[i];
  const reach = ANOMALY.baselineDays.value;
  const w = cal.weekdays[i];
  let j = i - 1;
  while (j >= 0 && cal.numbers[j] >= n - reach) j--;
  // Days are sorted: only the window's days are visited.
  for (j++; j < cal.numbers.length && cal.numbers[j] <= n + reach; j++) {
    const v = values[j];
    if (j === i || Number.isNaN(v)) continue;
    buf.all[all++] = v;
    if (cal.weekdays[j] === w) buf.same[same++] = v;
  }
  const byWeekday = same >= ANOMALY.minSameWeekday.value;
  const count = byWeekday ? same : all;
  if (!byWeekday && all < ANOMALY.minBaseline.value) return null;
  const c = centre(byWeekday ? buf.same : buf.all, count, buf.scratch);
  return { x, median: c.median, off: Math.abs(x - c.median) > ANOMALY.threshold.value * c.spread, byWeekday, count };
}

/** Every ordinary day on which at least one series broke pattern, in date order. */
export function anomalyDays(days: readonly ShopDay[], skip: ReadonlySet<string> = new Set()): AnomalyDay[] {
  const cal = calendarOf(days, skip);
  const series = ANOMALY_SERIES.map((s) => Float64Array.from(cal.days, (d) => seriesValue(d, s) ?? Number.NaN));
  const buf = new Buffers(2 * ANOMALY.baselineDays.value + 1);
  const out: AnomalyDay[] = [];
  for (let i = 0; i < cal.days.length; i++) {
    const off: OffPattern[] = [];
    const medians: Partial<Record<AnomalySeries, number>> = {};
    let byWeekday = false;
    let baseline = 0;
    for (let s = 0; s < ANOMALY_SERIES.length; s++) {
      const r = judge(cal, series[s], i, buf);
      if (!r) continue;
      const name = ANOMALY_SERIES[s];
      medians[name] = r.median;
      if (r.off) off.push({ series: name, value: r.x, median: r.median });
      byWeekday ||= r.byWeekday;
      baseline = Math.max(baseline, r.count);
    }
    if (off.length > 0)
      out.push({ date: cal.days[i].date!, byWeekday, baseline, off, factor: movedMost(cal.days[i], medians) });
  }
  return out;
}

/** The factor of sales with the largest |ln(x ÷ baseline median)|, or null when one is unknown or not positive. */
export function movedMost(day: ShopDay, medians: Partial<Record<AnomalySeries, number>>): AnomalyDay["factor"] {
  let best: AnomalyDay["factor"] = null;
  let bestLog = -1;
  for (const name of ["visitors", "conversion", "aov"] as const) {
    const x = seriesValue(day, name);
    const m = medians[name];
    if (x === null || m === undefined || !(x > 0) || !(m > 0)) return null;
    const log = Math.abs(Math.log(x / m));
    if (log > bestLog) {
      bestLog = log;
      best = { name, change: x / m - 1 };
    }
  }
  return best;
}

/**
 * Every event day on which at least one series broke pattern, judged against the other event days
 * in the data (`kindOf`: each event day → its event's kind). The same test and thresholds as
 * anomalyDays, with this baseline: the other event days of the same kind when at least minBaseline
 * of them have the figure, else the other event days of every kind; with fewer than minBaseline the
 * day is not judged. Every other event day in the data counts, before or after the day and with no
 * reach limit (events are rare: a four-week window would seldom hold enough), and weekdays are not
 * told apart (an event sets its own pattern). A day in two events takes the kind `kindOf` gives it.
 */
export function eventAnomalyDays(days: readonly ShopDay[], kindOf: ReadonlyMap<string, string>): AnomalyDay[] {
  const event = days.filter((d) => d.date !== null && kindOf.has(d.date));
  const kinds = event.map((d) => kindOf.get(d.date!)!);
  const series = ANOMALY_SERIES.map((s) => event.map((d) => seriesValue(d, s) ?? Number.NaN));
  const buf = new Buffers(event.length);
  const min = ANOMALY.minBaseline.value;
  const out: AnomalyDay[] = [];
  for (let i = 0; i < event.length; i++) {
    const off: OffPattern[] = [];
    const medians: Partial<Record<AnomalySeries, number>> = {};
    let baseline = 0;
    let sameKind = false;
    for (let s = 0; s < ANOMALY_SERIES.length; s++) {
      const values = series[s];
      const x = values[i];
      if (Number.isNaN(x)) continue;
      let all = 0;
      let same = 0;
      for (let j = 0; j < event.length; j++) {
        const v = values[j];
        if (j === i || Number.isNaN(v)) continue;
        buf.all[all++] = v;
        if (kinds[j] === kinds[i]) buf.same[same++] = v;
      }
      const byKind = same >= min;
      if (!byKind && all < min) continue;
      const count = byKind ? same : all;
      const c = centre(byKind ? buf.same : buf.all, count, buf.scratch);
      const name = ANOMALY_SERIES[s];
      medians[name] = c.median;
      if (Math.abs(x - c.median) > ANOMALY.threshold.value * c.spread)
        off.push({ series: name, value: x, median: c.median });
      sameKind ||= byKind;
      baseline = Math.max(baseline, count);
    }
    if (off.length > 0)
      out.push({
        date: event[i].date!,
        byWeekday: false,
        baseline,
        off,
        factor: movedMost(event[i], medians),
        event: { kind: sameKind ? kinds[i] : null },
      });
  }
  return out;
}
