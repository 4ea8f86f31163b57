/** Reading the spreadsheet for a diagnosis: one getValues per data sheet, dates as ISO text. */
import type { Cell } from "../engine/cells";
import { durationText } from "../engine/durations";
import type { SheetInput } from "../engine/tables";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** `Utilities.formatDate(date, timeZone, pattern)`: the one date formatter (the custom functions use it too). */
export type FormatDate = (date: Date, timeZone: string, pattern: string) => string;

/**
 * Date cells arrive as instants whose wall clock in the spreadsheet's time zone is what the
 * cell shows, while the script may run in another zone (and V8 and Sheets may disagree about
 * historical offsets such as Shanghai's +08:05:43 of 1899): so each is read through
 * Utilities.formatDate in the spreadsheet's zone and written out as text — a day →
 * `YYYY-MM-DD`, a day with a time → `YYYY-MM-DD HH:MM:SS`, and a duration or time of day →
 * `H:MM:SS` counted from Sheets' day zero (1899-12-30), so `25:00:30` (1899-12-31 01:00:30)
 * stays 25 hours, which recognition reads as 90030 seconds.
 */
export function datesAsIsoText(values: Cell[][], timeZone: string, formatDate: FormatDate): Cell[][] {
  const seen = new Map<number, string>();
  const text = (d: Date): string => {
    const cached = seen.get(d.getTime());
    if (cached !== undefined) return cached;
    const wall = formatDate(d, timeZone, "yyyy-MM-dd HH:mm:ss");
    const out = durationText(wall) ?? (wall.endsWith(" 00:00:00") ? wall.slice(0, 10) : wall);
    seen.set(d.getTime(), out);
    return out;
  };
  for (const row of values) {
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (Object.prototype.toString.call(v) === "[object Date]" && !Number.isNaN((v as Date).getTime()))
        row[j] = text(v as Date);
    }
  }
  return values;
}

/**
 * Every sheet whose name is not in `skip`, as SheetInputs, in tab order: one getValues each.
 * A tab that is not a grid (a chart moved to its own sheet, a connected data source) has no
 * cells to read: it is passed on without values, marked, so the report can say it was skipped.
 */
export function readDataSheets(spreadsheet: Spreadsheet, skip: ReadonlySet<string>): SheetInput[] {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const formatDate: FormatDate = (d, zone, pattern) => Utilities.formatDate(d, zone, pattern);
  const out: SheetInput[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    const name = sheet.getName();
    if (skip.has(name)) continue;
    const type = sheet.getType();
    if (type !== SpreadsheetApp.SheetType.GRID) {
      // SheetType is GRID, OBJECT (one embedded chart) or DATASOURCE (Apps Script reference, Enum
      // SheetType); @types/google-apps-script lacks DATASOURCE, so it is compared by name.
      out.push({ name, values: [], notGrid: String(type) === "DATASOURCE" ? "data-source" : "object" });
      continue;
    }
    const values = sheet.getDataRange().getValues() as Cell[][];
    out.push({ name, values: datesAsIsoText(values, timeZone, formatDate) });
  }
  return out;
}
