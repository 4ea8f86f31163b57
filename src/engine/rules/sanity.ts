/**
 * data-sanity: every recognition issue becomes a finding (grouped per sheet and issue code,
 * with the first cells named), unrecognised sheets are listed, and a pasted totals row is
 * checked against the sum of the rows it claims to total. Nothing is dropped silently.
 */
import { isMessageKey, type MessageKey } from "../i18n";
import { RECOGNITION_ISSUE_CODES } from "../recognize";
import { columnLetter } from "../recognize/issues";
import type { RecognitionIssue, RecognizedTable } from "../tables";
import type { Status } from "../report";
import { makeFinding, type Draft, type Rule, type RuleContext } from "./context";
import { num } from "./totals";

/** Issue codes that mean the numbers themselves are wrong (red); the rest are amber. */
const BAD_CODES = new Set(["buyers-exceed-visitors", "negative", "negative-number", "totals-mismatch", "rate-mismatch", "count-exceeds-base"]);

/** Issue codes with their own wording; any other code is worded generically with its English detail. */
/** Why a table was not recognised, in the report's language when recognition gave a reason code. */
function unknownReason(ctx: RuleContext, table: RecognizedTable): string {
  const key = `sanity.reason.${table.reasonCode ?? ""}`;
  if (table.reasonCode && isMessageKey(key)) return ctx.t(key, table.reasonParams ?? {});
  return table.reason ?? "";
}

export const ISSUE_WORDING: Record<string, MessageKey> = {
  "not-a-number": "sanity.not-a-number",
  "negative": "sanity.negative",
  "negative-number": "sanity.negative",
  "buyers-exceed-visitors": "sanity.buyers-exceed-visitors",
  "count-exceeds-base": "sanity.buyers-exceed-visitors",
  "duplicate-date": "sanity.duplicate-date",
  "totals-row": "sanity.totals-row",
  "totals-mismatch": "sanity.totals-mismatch",
  "rate-mismatch": "sanity.rate-mismatch",
  "ambiguous-date": "sanity.ambiguous-date",
  "bad-date": "sanity.bad-date",
  "duplicate-column": "sanity.duplicate-column",
  "not-a-date": "sanity.bad-date",
  "mixed-date-order": "sanity.ambiguous-date",
  "missing-key": "sanity.missing-key",
  "not-a-flag": "sanity.not-a-flag",
  "rate-in-percent-points": "sanity.rate-in-percent-points",
  "column-ignored": "sanity.column-ignored",
  "not-a-data-row": "sanity.not-a-data-row",
  "no-data-rows": "sanity.no-data-rows",
  "blank-row-in-table": "sanity.blank-row-in-table",
  "row-outside-table": "sanity.row-outside-table",
  "no-plan-column": "sanity.no-plan-column",
  "dates-converted-by-locale": "sanity.dates-converted-by-locale",
  "id-precision-lost": "sanity.id-precision-lost",
  "terminal-rows-folded": "sanity.terminal-rows-folded",
  "terminal-rows-without-total": "sanity.terminal-rows-without-total",
};

/** The level of an issue: recognition's own documented level for its codes, ours for the value checks. */
function levelOf(code: string): Status {
  const known = (RECOGNITION_ISSUE_CODES as Record<string, { level: string }>)[code];
  if (known) return known.level === "info" ? "info" : known.level === "bad" ? "bad" : "warn";
  return BAD_CODES.has(code) ? "bad" : "warn";
}

/** Fields compared between a totals row and the sum of rows. */
const TOTAL_FIELDS = ["visitors", "sales", "paidBuyers", "pageviews", "spend", "clicks", "impressions"] as const;
/** Relative difference tolerated between a totals row and the sum (rounding in exports). */
const TOTALS_TOLERANCE = 0.01;
/** Cells named in one finding before "…". */
const MAX_CELLS_NAMED = 3;

function where(issue: RecognitionIssue): string {
  return issue.column !== null ? `${columnLetter(issue.column)}${issue.row}` : `${issue.row}`;
}

/** data-sanity: every problem in the pasted data, by sheet and cell. */
export const dataSanity: Rule = {
  id: "data-sanity",
  area: "data",
  run(ctx) {
    const out: Draft[] = [];
    const groups = new Map<string, RecognitionIssue[]>();
    for (const table of ctx.tables) {
      // Why a table is unknown is reported once below, with the reason in the report's language.
      const issues =
        table.kind === "unknown"
          ? table.issues.filter((i) => i.code !== "unknown-table" && i.code !== "no-data-rows")
          : [...table.issues, ...valueChecks(table)];
      for (const issue of issues) {
        const key = `${issue.sheet}\u0000${issue.code}`;
        const list = groups.get(key);
        if (list) list.push(issue);
        else groups.set(key, [issue]);
      }
    }
    const reportedMismatch = new Set<string>();
    for (const list of groups.values()) {
      const first = list[0];
      if (first.code === "totals-mismatch") reportedMismatch.add(first.sheet);
      const cells = list.slice(0, MAX_CELLS_NAMED).map(where).join(", ") + (list.length > MAX_CELLS_NAMED ? " …" : "");
      const status = levelOf(first.code);
      const params = { sheet: first.sheet, count: list.length, cells, detail: first.message, text: first.text ?? "" };
      const key = ISSUE_WORDING[first.code];
      out.push(
        makeFinding(this, {
          status,
          subject: first.sheet,
          subjectType: "sheet",
          metric: "dataIssues",
          value: list.length,
          benchmark: status === "info" ? null : 0,
          format: "integer",
          message: key ? ctx.t(key, params) : ctx.t("sanity.other", params),
          todo: ctx.t("sanity.todo", params),
        }),
      );
    }
    for (const table of ctx.tables) {
      if (table.kind === "unknown") {
        out.push(makeFinding(this, { status: "info", subject: table.sheet, subjectType: "sheet", metric: "dataIssues", format: "integer", message: ctx.t("sanity.unknownTable", { sheet: table.sheet, reason: unknownReason(ctx, table) }) }));
        continue;
      }
      if (!reportedMismatch.has(table.sheet)) out.push(...checkTotals(this, ctx, table));
    }
    const known = ctx.tables.some((t) => t.kind !== "unknown");
    if (known && !out.some((d) => d.finding.status === "bad" || d.finding.status === "warn")) {
      out.push(makeFinding(this, { status: "good", metric: "dataIssues", value: 0, benchmark: 0, format: "integer", message: ctx.t("sanity.clean") }));
    }
    if (ctx.tables.length === 0) {
      out.push(makeFinding(this, { status: "info", subjectType: "sheet", metric: "dataIssues", format: "integer", message: ctx.t("sanity.noTables") }));
    }
    return out;
  },
};

/** Count and money fields that can never be negative. */
const NON_NEGATIVE = ["visitors", "pageviews", "sales", "paidBuyers", "orderBuyers", "detailVisitors", "units", "orders", "impressions", "clicks", "spend", "adSales", "consultations"];
/** Counts that cannot exceed the visitors of the same row. */
const WITHIN_VISITORS = ["paidBuyers", "orderBuyers"];

/**
 * Checks recognition leaves to the rules: negative counts or amounts, more buyers than
 * visitors on one row, and the same day (or day + product/source/plan/agent) pasted twice.
 */
export function valueChecks(table: RecognizedTable): RecognitionIssue[] {
  const out: RecognitionIssue[] = [];
  const cols = table.columnIndex;
  const negativeFields = NON_NEGATIVE.filter((f) => f in cols);
  const withinFields = "visitors" in cols ? WITHIN_VISITORS.filter((f) => f in cols) : [];
  const keyField = ["productId", "product", "source", "plan", "agent"].find((f) => f in cols);
  const seen = "date" in cols ? new Set<string>() : null;
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i];
    const sheetRow = table.rowNumbers[i];
    for (const f of negativeFields) {
      const v = num(row, f);
      if (v !== null && v < 0) out.push({ sheet: table.sheet, row: sheetRow, column: cols[f], field: f, code: "negative", message: `${f} is negative`, text: String(v) });
    }
    const visitors = num(row, "visitors");
    if (visitors !== null) {
      for (const f of withinFields) {
        const v = num(row, f);
        if (v !== null && v > visitors) out.push({ sheet: table.sheet, row: sheetRow, column: cols[f], field: f, code: "buyers-exceed-visitors", message: `${f} ${v} > visitors ${visitors}`, text: String(v) });
      }
    }
    if (seen && typeof row.date === "string") {
      const key = keyField ? `${row.date}\u0000${String(row[keyField] ?? "")}` : row.date;
      if (seen.has(key)) out.push({ sheet: table.sheet, row: sheetRow, column: cols.date, field: "date", code: "duplicate-date", message: `${row.date} appears twice`, text: row.date });
      else seen.add(key);
    }
  }
  return out;
}

function checkTotals(rule: Rule, ctx: Parameters<Rule["run"]>[0], table: RecognizedTable): Draft[] {
  const out: Draft[] = [];
  for (const totals of table.totals) {
    for (const field of TOTAL_FIELDS) {
      const stated = num(totals.values, field);
      if (stated === null) continue;
      let sum = 0;
      let seen = 0;
      for (const row of table.rows) {
        const v = num(row, field);
        if (v !== null) {
          sum += v;
          seen++;
        }
      }
      if (seen === 0) continue;
      const diff = Math.abs(stated - sum) / Math.max(Math.abs(stated), Math.abs(sum), 1);
      if (diff <= TOTALS_TOLERANCE) continue;
      const column = table.columnIndex[field];
      const cell = column ? `${columnLetter(column)}${totals.row}` : `${totals.row}`;
      const params = { sheet: table.sheet, cell, label: totals.label, field: ctx.t(`metric.${field}`), stated: ctx.fmt(stated), sum: ctx.fmt(sum) };
      out.push(
        makeFinding(rule, {
          status: "warn",
          subject: table.sheet,
          subjectType: "sheet",
          metric: field,
          value: stated,
          benchmark: sum,
          format: "number",
          message: ctx.t("sanity.totalsDiffer", params),
          todo: ctx.t("sanity.todoTotals", params),
        }),
      );
    }
  }
  return out;
}
