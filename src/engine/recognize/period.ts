/**
 * The days a table covers: from the distinct dates in its rows; else from its title rows
 * (`统计时间 2026-10-01 ~ 2026-10-31`, `时间范围：2026-11-01至2026-11-07`, GA4
 * `# Start date: 20260801` / `# End date: 20260831`); else from its file or tab name
 * (`2025-09-01_2025-12-19`, `20260901`, `BusinessReport-12-19-25`); else none.
 */
import type { Cell } from "../cells";
import { isoFromParts } from "../cells";
import type { PeriodSource, TablePeriod, TableRow } from "../tables";

const DAY_MS = 86_400_000;

/** Days from `from` to `to`, both included (ISO dates). */
export function spanDays(from: string, to: string): number {
  const ms = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((ms(to) - ms(from)) / DAY_MS) + 1;
}

/** Period from the rows' `date` (and `dateTo` when rows are ranges). */
export function periodFromRows(rows: readonly TableRow[], ambiguousDates: boolean): TablePeriod | undefined {
  const days = new Set<string>();
  let from = "";
  let to = "";
  let ranges = false;
  for (const row of rows) {
    const d = row.date;
    if (typeof d !== "string") continue;
    days.add(d);
    if (from === "" || d < from) from = d;
    const end = typeof row.dateTo === "string" && row.dateTo > d ? row.dateTo : d;
    if (end !== d) ranges = true;
    if (to === "" || end > to) to = end;
  }
  if (days.size === 0) return undefined;
  const period: TablePeriod = { from, to, days: ranges ? spanDays(from, to) : days.size, source: "dates" };
  if (ambiguousDates) period.ambiguousDates = true;
  return period;
}

/** `2026-10-01`, `2026/10/01`, `2026年10月1日`, `20261001` anywhere in a text; compact ones not followed by `_HHMMSS`. */
const TEXT_DATE = /(?<!\d)(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2})(?![\d]|_\d{6}))/g;
/** Amazon's `BusinessReport-12-19-25` (month-day-year). */
const AMAZON_NAME = /BusinessReport[-_ ](\d{1,2})-(\d{1,2})-(\d{2})(?!\d)/i;

function datesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TEXT_DATE)) {
    const iso =
      m[2] !== undefined
        ? isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]))
        : isoFromParts(Number(m[1]), Number(m[4]), Number(m[5]));
    if (iso !== null) out.push(iso);
  }
  return out;
}

function periodOf(dates: readonly string[], source: PeriodSource): TablePeriod | undefined {
  if (dates.length === 0) return undefined;
  const sorted = [...dates].sort();
  const from = sorted[0];
  const to = sorted[sorted.length - 1];
  return { from, to, days: spanDays(from, to), source };
}

/** Words that mark a title cell as naming the table's period. */
const PERIOD_LABEL =
  /统计时间|统计日期|统计周期|时间范围|日期范围|時間範圍|統計時間|date range|start date|end date|reporting period|period|~|～|至/i;

/** Period from the text cells above the header (title rows). */
export function periodFromTitle(titleRows: readonly (readonly Cell[])[]): TablePeriod | undefined {
  const dates: string[] = [];
  for (const row of titleRows) {
    for (const cell of row) {
      if (typeof cell !== "string" || cell.length > 160) continue;
      // A labelled date (统计时间 …, # Start date: …) or a range of two dates (搜索词_2026-11-01_2026-11-07).
      const found = datesIn(cell);
      if (found.length >= 2 || (found.length === 1 && PERIOD_LABEL.test(cell))) dates.push(...found);
    }
  }
  return periodOf(dates, "title");
}

/** Period from a file or tab name. */
export function periodFromName(name: string): TablePeriod | undefined {
  const amazon = AMAZON_NAME.exec(name);
  if (amazon) {
    const iso = isoFromParts(2000 + Number(amazon[3]), Number(amazon[1]), Number(amazon[2]));
    if (iso !== null) return periodOf([iso], "name");
  }
  return periodOf(datesIn(name), "name");
}

/** The table's period: its dates first, then its title rows, then its name. */
export function tablePeriod(
  rows: readonly TableRow[],
  ambiguousDates: boolean,
  titleRows: readonly (readonly Cell[])[],
  name: string,
): TablePeriod | undefined {
  return periodFromRows(rows, ambiguousDates) ?? periodFromTitle(titleRows) ?? periodFromName(name);
}
