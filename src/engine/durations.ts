/**
 * Durations as Sheets stores them: a number of days since its day zero, 1899-12-30, which
 * Apps Script hands over as a Date whose wall clock (in the spreadsheet's time zone) is that
 * day plus the duration. `25:00:30` is 1899-12-31 01:00:30; a time of day is a duration under 24 h.
 */

/** Sheets' day zero: serial number 0 is this calendar day. */
const DAY_ZERO_UTC = Date.UTC(1899, 11, 30);
/** Wall clocks up to the end of 1900 are read as durations (a shop's data has no real dates then). */
const LAST_DURATION_YEAR = 1900;
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * Seconds of a duration from a wall clock `yyyy-MM-dd HH:mm:ss` (Utilities.formatDate in the
 * spreadsheet's zone); null for a real date or any other text.
 */
export function durationSeconds(wallClock: string): number | null {
  const m = WALL_CLOCK.exec(wallClock);
  if (!m || Number(m[1]) > LAST_DURATION_YEAR) return null;
  const days = Math.round((Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - DAY_ZERO_UTC) / 86_400_000);
  return days * 86_400 + Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6]);
}

/** A duration wall clock as `H:MM:SS` (hours past 24 kept: `25:00:30`), a leading `-` when negative; null for a date. */
export function durationText(wallClock: string): string | null {
  const seconds = durationSeconds(wallClock);
  if (seconds === null) return null;
  const abs = Math.abs(seconds);
  const two = (n: number) => String(n).padStart(2, "0");
  const time = `${two(Math.floor(abs / 3600))}:${two(Math.floor((abs % 3600) / 60))}:${two(abs % 60)}`;
  return seconds < 0 ? `-${time}` : time;
}
