/**
 * The calendar day of a Date cell. Sheets hands a date cell over as midnight in the
 * spreadsheet's time zone, while the script's own getters use the add-on manifest's zone:
 * a Tokyo spreadsheet read by a Shanghai-zoned script would see 23:00 of the day before.
 * So in Apps Script the day is read in the spreadsheet's zone; elsewhere (tests, local
 * preview) the Date's local fields are used.
 */
import { durationSeconds } from "../engine/durations";
import type { Day } from "./arguments";

let cachedZone: string | null | undefined;

/** The spreadsheet's time zone when running in Apps Script, else null. Read once per execution. */
function spreadsheetTimeZone(): string | null {
  if (cachedZone !== undefined) return cachedZone;
  cachedZone = null;
  try {
    if (typeof SpreadsheetApp !== "undefined" && typeof Utilities !== "undefined") {
      const active = SpreadsheetApp.getActiveSpreadsheet();
      cachedZone = active ? active.getSpreadsheetTimeZone() || null : null;
    }
  } catch {
    // Not allowed or not available here: fall back to the Date's own fields.
    cachedZone = null;
  }
  return cachedZone;
}

/** `yyyy-MM-dd HH:mm:ss` of a Date as the spreadsheet shows it (Utilities.formatDate in its zone). */
function wallClockOf(date: Date): string {
  const zone = spreadsheetTimeZone();
  if (zone) return Utilities.formatDate(date, zone, "yyyy-MM-dd HH:mm:ss");
  const two = (n: number) => String(n).padStart(2, "0");
  return `${String(date.getFullYear()).padStart(4, "0")}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** Year, month and day of a Date as the spreadsheet shows it. */
export function calendarDayOf(date: Date): Day {
  const [year, month, day] = wallClockOf(date).slice(0, 10).split("-").map(Number);
  return { year, month, day };
}

/**
 * Seconds of a duration cell (`25:00:30` arrives as the Date 1899-12-31 01:00:30 in the
 * spreadsheet's zone: 90030), or null when the Date is a real day rather than a duration.
 */
export function durationSecondsOf(date: Date): number | null {
  return durationSeconds(wallClockOf(date));
}
