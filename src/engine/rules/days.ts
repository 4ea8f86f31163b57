/** Day arithmetic on ISO `YYYY-MM-DD` dates, shared by the windows and the rules. */

// Cached: the same few hundred dates repeat across 100,000 rows.
const dayCache = new Map<string, number>();
/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(iso: string): number {
  let n = dayCache.get(iso);
  if (n === undefined) {
    n = Math.round(
      Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000,
    );
    if (dayCache.size > 10_000) dayCache.clear();
    dayCache.set(iso, n);
  }
  return n;
}

/** The ISO date of a day number (the inverse of dayNumber). */
export function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The weekday of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The catalogue key of each weekday's name, by weekdayOf. */
export const WEEKDAY_KEYS = [
  "weekday.0",
  "weekday.1",
  "weekday.2",
  "weekday.3",
  "weekday.4",
  "weekday.5",
  "weekday.6",
] as const;
