/**
 * The one zoned-calendar routine of the Node side: the wall-clock fields of an instant in an
 * IANA time zone (Intl, the same tz database Sheets uses), and the instant of a wall-clock
 * time in a zone. The fake's Utilities.formatDate, typed dates, display values and the local
 * preview all go through it; the add-on itself uses Utilities.formatDate (real or fake).
 */

/** Wall-clock fields of `date` in `timeZone`. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar day and time `date` shows in `timeZone`. */
export function wallClock(date: Date, timeZone: string): WallClock {
  const p: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) p[part.type] = part.value;
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
  };
}

/** The instant whose wall clock in `timeZone` reads the given fields (the zone's offset on that day). */
export function zonedInstant(fields: WallClock, timeZone: string): Date {
  const wanted = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  let guess = wanted;
  // Two rounds settle the offset, also across a daylight-saving change near the wanted time.
  for (let i = 0; i < 2; i++) {
    const shown = wallClock(new Date(guess), timeZone);
    const shownMs = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute, shown.second);
    guess += wanted - shownMs;
  }
  return new Date(guess);
}

/**
 * `Utilities.formatDate(date, timeZone, pattern)` for the SimpleDateFormat letters the add-on
 * and the fake use: yyyy, MM, dd, HH, mm, ss, XXX (the zone's offset, `+08:00`, or `Z` at UTC)
 * and quoted literals (`'T'`); anything else is copied as written.
 */
export function formatZoned(date: Date, timeZone: string, pattern: string): string {
  const f = wallClock(date, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  const shownMs = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  const offsetMinutes = Math.round((shownMs - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const abs = Math.abs(offsetMinutes);
  const fields: Record<string, string> = {
    yyyy: String(f.year).padStart(4, "0"),
    MM: two(f.month),
    dd: two(f.day),
    HH: two(f.hour),
    mm: two(f.minute),
    ss: two(f.second),
    XXX: offsetMinutes === 0 ? "Z" : `${offsetMinutes < 0 ? "-" : "+"}${two(Math.floor(abs / 60))}:${two(abs % 60)}`,
  };
  return pattern.replace(/'([^']*)'|yyyy|MM|dd|HH|mm|ss|XXX/g, (token, quoted: string | undefined) =>
    quoted !== undefined ? (quoted === "" ? "'" : quoted) : (fields[token] ?? token),
  );
}
