/**
 * Rate columns written in percentage points (65.2 meaning 65.2%): the statistics gathered
 * while the rows are read, and the step that rescales such a column afterwards.
 */
import type { FieldName, RecognitionIssue, RecognizedTable, TableRow, TotalsRow } from "../tables";
import { columnLetter, quoteCell } from "./issues";

/** Per rate column: whether any cell carried a % sign, and how its plain values spread. */
export interface RateStats {
  percentMarked: boolean;
  above1: number;
  nonZero: number;
  max: number;
}

export function newRateStats(): RateStats {
  return { percentMarked: false, above1: 0, nonZero: 0, max: 0 };
}

/** Counts one value read from a rate column (`percent`: the cell carried a % sign). */
export function noteRate(stats: RateStats, value: number, percent: boolean): void {
  if (percent) stats.percentMarked = true;
  const v = Math.abs(value);
  if (v !== 0) stats.nonZero++;
  if (v > 1) stats.above1++;
  if (v > stats.max) stats.max = v;
}

/** A rate column of plain numbers mostly above 1, none above 100, and no % sign anywhere. */
function inPercentPoints(stats: RateStats): boolean {
  return !stats.percentMarked && stats.above1 * 2 > stats.nonZero && stats.max <= 100;
}

/** Divides `field` (and the fields standing in for it) by 100 in every record. */
function scaleField(records: readonly TableRow[], targets: readonly FieldName[], field: FieldName): void {
  for (const record of records) {
    const v = record[field];
    if (typeof v !== "number") continue;
    const scaled = Number((v / 100).toPrecision(15));
    for (const target of targets) if (target in record) record[target] = scaled;
  }
}

/**
 * A rate column of plain numbers mostly above 1 (and none above 100) is written in
 * percentage points (65.2 = 65.2%): its values, stand-ins and totals are divided by 100.
 */
export function fixPercentPoints(
  sheet: string,
  headerRow: number,
  rateStats: ReadonlyMap<FieldName, RateStats>,
  rows: TableRow[],
  totals: TotalsRow[],
  standIns: readonly (readonly [target: FieldName, source: FieldName])[],
  columns: Readonly<RecognizedTable["columns"]>,
  columnIndex: Readonly<RecognizedTable["columnIndex"]>,
): RecognitionIssue[] {
  const issues: RecognitionIssue[] = [];
  for (const [field, stats] of rateStats) {
    if (!inPercentPoints(stats)) continue;
    const targets = [field, ...standIns.filter(([, source]) => source === field).map(([target]) => target)];
    scaleField(rows, targets, field);
    scaleField(
      totals.map((t) => t.values),
      targets,
      field,
    );
    issues.push({
      sheet,
      row: headerRow,
      column: columnIndex[field]!,
      field,
      code: "rate-in-percent-points",
      message: `Column ${columnLetter(columnIndex[field]!)} (${quoteCell(columns[field]!)}) holds rates without a % sign (e.g. 65.2); they were read as percentages (65.2%).`,
    });
  }
  return issues;
}
