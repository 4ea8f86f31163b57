/** Builders for hand-made recognised tables, so each rule can be driven across its boundaries. */
import { diagnoseRecognized } from "../../src/engine";
import type { Finding, RecognizedTable, Report, RuleId, SettingsInput, TableKind, TableRow } from "../../src/engine";

/** A recognised table whose columns are exactly the fields used in `rows`. */
export function table(
  kind: TableKind,
  rows: TableRow[],
  sheet: string = kind,
  extra: Partial<RecognizedTable> = {},
): RecognizedTable {
  const fields: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!fields.includes(k)) fields.push(k);
  return {
    sheet,
    kind,
    headerRow: 1,
    columns: Object.fromEntries(fields.map((f) => [f, f])),
    columnIndex: Object.fromEntries(fields.map((f, i) => [f, i + 1])),
    rows,
    rowNumbers: rows.map((_, i) => i + 2),
    totals: [],
    issues: [],
    ...extra,
  };
}

/** ISO date `n` days after 2026-05-01. */
export function day(n: number): string {
  const d = new Date(Date.UTC(2026, 4, 1 + n));
  return d.toISOString().slice(0, 10);
}

/** `count` shop days starting 2026-05-01, each from `make(i)`. */
export function shopDays(count: number, make: (i: number) => TableRow): RecognizedTable {
  return table(
    "shop-daily",
    Array.from({ length: count }, (_, i) => ({ date: day(i), ...make(i) })),
  );
}

export function run(tables: RecognizedTable[], settings: SettingsInput = {}): Report {
  return diagnoseRecognized(tables, settings, "CNY");
}

/** The findings of one rule, optionally about one subject. */
export function findings(report: Report, rule: RuleId, subject?: string): Finding[] {
  return report.findings.filter((f) => f.rule === rule && (subject === undefined || f.subject === subject));
}

/** The single finding of a rule (and subject/metric); fails the test when there is not exactly one. */
export function one(report: Report, rule: RuleId, opts: { subject?: string; metric?: string } = {}): Finding {
  const list = findings(report, rule, opts.subject).filter(
    (f) => opts.metric === undefined || f.metric === opts.metric,
  );
  if (list.length !== 1)
    throw new Error(
      `expected one ${rule} finding${opts.subject ? ` about ${opts.subject}` : ""}, got ${list.length}: ${list.map((f) => f.status + " " + f.message).join(" | ")}`,
    );
  return list[0];
}

export function statusOf(report: Report, rule: RuleId, opts: { subject?: string; metric?: string } = {}): string {
  return one(report, rule, opts).status;
}
