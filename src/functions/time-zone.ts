/**
 * The calendar day of a Date cell. Sheets hands a date cell over as midnight in the
 * spreadsheet's time zone, while the script's own getters use the add-on manifest's zone:
 * a Tokyo spreadsheet read by a Shanghai-zoned script would see 23:00 of the day before.
 * So in Apps Script the day is read in the spreadsheet's zone; elsewhere (tests, local
 * preview) the Date's local fields are used.
 */
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

/** Year, month and day of a Date as the spreadsheet shows it. */
export function calendarDayOf(date: Date): Day {
  const zone = spreadsheetTimeZone();
  if (zone) {
    const [year, month, day] = Utilities.formatDate(date, zone, "yyyy-MM-dd").split("-").map(Number);
    return { year, month, day };
  }
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}
