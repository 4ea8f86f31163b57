/** Reading the spreadsheet for a diagnosis: one getValues per data sheet, dates as ISO text. */
import type { Cell } from "../engine/cells";
import type { SheetInput } from "../engine/tables";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Date cells arrive as instants in the spreadsheet's time zone, while the script may run in
 * another zone; written out as text in the spreadsheet's zone they keep their meaning:
 * a day → `YYYY-MM-DD`, a day with a time → `YYYY-MM-DD HH:MM:SS`, and a duration or time of
 * day (Sheets stores `00:01:23` on 1899-12-30) → `HH:MM:SS`, which recognition reads as seconds.
 */
export function datesAsIsoText(values: Cell[][], timeZone: string): Cell[][] {
  let formatter: Intl.DateTimeFormat | null = null;
  const text = (d: Date): string => {
    formatter ??= new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    const p: Record<string, string> = {};
    for (const part of formatter.formatToParts(d)) p[part.type] = part.value;
    const time = `${p.hour}:${p.minute}:${p.second}`;
    if (Number(p.year) <= 1900) return time;
    const day = `${p.year}-${p.month}-${p.day}`;
    return time === "00:00:00" ? day : `${day} ${time}`;
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
