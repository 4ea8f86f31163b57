/** Reading the spreadsheet for a diagnosis: one getValues per data sheet, dates as ISO text. */
import type { Cell } from "../engine/cells";
import type { SheetInput } from "../engine/tables";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Date cells arrive as instants at midnight in the spreadsheet's time zone, while the script may
 * run in another zone; turning them into `YYYY-MM-DD` in the spreadsheet's zone keeps the day.
 */
export function datesAsIsoText(values: Cell[][], timeZone: string): Cell[][] {
  let formatter: Intl.DateTimeFormat | null = null;
  const day = (d: Date): string => {
    formatter ??= new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    const parts: Record<string, string> = {};
    for (const p of formatter.formatToParts(d)) parts[p.type] = p.value;
    return `${parts.year}-${parts.month}-${parts.day}`;
  };
  for (const row of values) {
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (Object.prototype.toString.call(v) === "[object Date]" && !Number.isNaN((v as Date).getTime())) row[j] = day(v as Date);
    }
  }
  return values;
}

/** Every sheet whose name is not in `skip`, as SheetInputs, in tab order: one getValues each. */
export function readDataSheets(spreadsheet: Spreadsheet, skip: ReadonlySet<string>): SheetInput[] {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const out: SheetInput[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    const name = sheet.getName();
    if (skip.has(name)) continue;
    const values = sheet.getDataRange().getValues() as Cell[][];
    out.push({ name, values: datesAsIsoText(values, timeZone) });
  }
  return out;
}
