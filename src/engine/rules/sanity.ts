/**
 * data-sanity: every recognition issue becomes a finding (grouped per sheet and issue code,
 * with the first cells named), unrecognised sheets are listed, and a pasted totals row is
 * checked against the sum of the rows it claims to total. Nothing is dropped silently.
 */
import { isMessageKey, type MessageKey } from "../i18n";
import { RECOGNITION_ISSUE_CODES, VALUE_ISSUE_CODES, type IssueCode, type RecognitionIssueCode } from "../recognize";
import { columnLetter } from "../recognize/issues";
import type { FieldName, RecognitionIssue, RecognizedTable, TableRow } from "../tables";
import type { MetricName, Status } from "../report";
import { makeFinding, type Draft, type RuleContext } from "./context";
import { defineRule, fixed, type Rule } from "./define";
import { num, SUM_FIELDS } from "./totals";

/** Issue codes with their own wording; any other code is worded generically with its English detail. */
/** Why a table was not recognised, in the report's language when recognition gave a reason code. */
function unknownReason(ctx: RuleContext, table: RecognizedTable): string {
  const key = `sanity.reason.${table.reasonCode ?? ""}`;
  if (table.reasonCode && isMessageKey(key)) return ctx.t(key, table.reasonParams ?? {});
  return table.reason ?? "";
}

export const ISSUE_WORDING: Partial<Record<IssueCode, MessageKey>> = {
  "not-a-number": "sanity.not-a-number",
  "error-value": "sanity.error-value",
  negative: "sanity.negative",
  "buyers-exceed-visitors": "sanity.buyers-exceed-visitors",
  "duplicate-date": "sanity.duplicate-date",
  "totals-row": "sanity.totals-row",
  "rate-mismatch": "sanity.rate-mismatch",
  "ambiguous-date": "sanity.ambiguous-date",
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
  "ragged-row": "sanity.ragged-row",
  "subtotal-row": "sanity.subtotal-row",
  "parent-row": "sanity.parent-row",
  "average-row": "sanity.average-row",
  "repeated-header": "sanity.repeated-header",
  "key-without-metrics": "sanity.key-without-metrics",
  "several-entities": "sanity.several-entities",
  "ambiguous-number-format": "sanity.ambiguous-number-format",
};

/** The level of an issue, as documented next to its code (recognition's codes and the value checks'). */
function levelOf(code: IssueCode): Status {
  const level: string =
    code in RECOGNITION_ISSUE_CODES
      ? RECOGNITION_ISSUE_CODES[code as RecognitionIssueCode].level
      : VALUE_ISSUE_CODES[code as keyof typeof VALUE_ISSUE_CODES].level;
  return level === "info" ? "info" : level === "bad" ? "bad" : "warn";
}

/** Fields compared between a totals row and the sum of rows. */
const TOTAL_FIELDS = [
  "visitors",
  "sales",
  "paidBuyers",
  "pageviews",
  "spend",
  "clicks",
  "impressions",
] as const satisfies readonly MetricName[];

const SANITY = {
  totalsTolerance: fixed(
    0.01,
    "share",
    "relative difference tolerated between a pasted totals row and the sum of the rows (rounding in exports)",
  ),
  cellsNamed: fixed(3, "cells", 'cells named in one finding before "…"'),
};

/** A cell as A1 (`B7`), or a whole row worded as one (`第 4 行`, `row 4`): a bare "4" reads as a count. */
function where(issue: RecognitionIssue, ctx: RuleContext): string {
  return issue.column !== null ? `${columnLetter(issue.column)}${issue.row}` : ctx.t("sanity.row", { row: issue.row });
}

/** data-sanity: every problem in the pasted data, by sheet and cell. */
export const dataSanity = defineRule({
  id: "data-sanity",
  area: "data",
  needs: { kinds: [], fields: [] },
  summary:
    "wrong numbers (buyers > visitors, negatives, rate ≠ counts, totals ≠ rows beyond {totalsTolerance}) ✖ or ▲; unreadable cells ▲; unrecognised sheets ℹ",
  thresholds: SANITY,
  messages: [
    ...new Set(Object.values(ISSUE_WORDING)),
    "sanity.other",
    "sanity.todo",
    "sanity.row",
    "sanity.unknownTable",
    "sanity.clean",
    "sanity.noTables",
    "sanity.totalsDiffer",
    "sanity.todoTotals",
  ],
  run(ctx) {
    const groups = issueGroups(ctx);
    const out: Draft[] = [];
    for (const list of groups.values()) {
      out.push(issueFinding(this, ctx, list));
    }
    // Repeated tabs and metrics counted once per parent (src/engine/duplicates.ts, grain.ts).
    for (const note of ctx.dataNotes) out.push(makeFinding(this, noteFields(note)));
    for (const table of ctx.tables) {
      if (table.kind === "unknown") {
        out.push(
          makeFinding(this, {
            status: "info",
            subject: table.sheet,
            subjectType: "sheet",
            metric: "dataIssues",
            format: "integer",
            message: ctx.t("sanity.unknownTable", { sheet: table.sheet, reason: unknownReason(ctx, table) }),
          }),
        );
        continue;
      }
      out.push(...checkTotals(this, ctx, table));
    }
    const known = ctx.tables.some((t) => t.kind !== "unknown");
    if (known && !out.some((d) => d.finding.status === "bad" || d.finding.status === "warn")) {
      out.push(
        makeFinding(this, {
          status: "good",
          metric: "dataIssues",
          value: 0,
          benchmark: 0,
          format: "integer",
          message: ctx.t("sanity.clean"),
        }),
      );
    }
    if (ctx.tables.length === 0) {
      out.push(
        makeFinding(this, {
          status: "info",
          subjectType: "sheet",
          metric: "dataIssues",
          format: "integer",
          message: ctx.t("sanity.noTables"),
        }),
      );
    }
    return out;
  },
});

/** The finding for one note from preparing the tables (a repeated tab, metrics counted once per parent). */
function noteFields(note: RuleContext["dataNotes"][number]): Parameters<typeof makeFinding>[1] {
  return {
    status: note.status,
    subject: note.sheet,
    subjectType: "sheet",
    metric: "dataIssues",
    value: note.count,
    benchmark: note.status === "info" ? null : 0,
    format: "integer",
    message: note.message,
  };
}

/** Every issue of every table (recognition's and the value checks'), grouped by sheet and code in first-seen order. */
function issueGroups(ctx: RuleContext): Map<string, RecognitionIssue[]> {
  const groups = new Map<string, RecognitionIssue[]>();
  for (const table of ctx.tables) {
    // Why a table is unknown is reported once, with the reason in the report's language.
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
  return groups;
}

/** One finding for one sheet's issues of one code, naming the first few cells. */
function issueFinding(rule: Rule, ctx: RuleContext, list: RecognitionIssue[]): Draft {
  const first = list[0];
  const max = SANITY.cellsNamed.value;
  const cells =
    list
      .slice(0, max)
      .map((i) => where(i, ctx))
      .join(", ") + (list.length > max ? " …" : "");
  const status = levelOf(first.code);
  const params = { sheet: first.sheet, count: list.length, cells, detail: first.message, text: first.text ?? "" };
  const key = ISSUE_WORDING[first.code];
  return makeFinding(rule, {
    status,
    subject: first.sheet,
    subjectType: "sheet",
    metric: "dataIssues",
    value: list.length,
    benchmark: status === "info" ? null : 0,
    format: "integer",
    message: key ? ctx.t(key, params) : ctx.t("sanity.other", params),
    todo: ctx.t("sanity.todo", params),
  });
}

/** Count and money fields checked for negative values: the summed fields, less the review and repeat counts. */
const NON_NEGATIVE: readonly FieldName[] = SUM_FIELDS.filter((f) => f !== "badReviews" && f !== "repeatBuyers");
/** Counts that cannot exceed the visitors of the same row. */
const WITHIN_VISITORS: readonly FieldName[] = ["paidBuyers", "orderBuyers"];

/**
 * Checks recognition leaves to the rules: negative counts or amounts, more buyers than
 * visitors on one row, and the same day (or day + product/source/plan/agent) pasted twice.
 */
/**
 * What makes a dated row unique: its date, its subject, its entity (a table of several shops
 * or live rooms has each date once per entity) and its SKU (SKU rows of one product share its id).
 */
function dateKey(row: TableRow, date: string, parts: readonly (FieldName | undefined)[]): string {
  let key = date;
  for (const f of parts) key += `\u0000${f ? String(row[f] ?? "") : ""}`;
  return key;
}

export function valueChecks(table: RecognizedTable): RecognitionIssue[] {
  const out: RecognitionIssue[] = [];
  const cols = table.columnIndex;
  const negativeFields = NON_NEGATIVE.filter((f) => f in cols);
  const withinFields = "visitors" in cols ? WITHIN_VISITORS.filter((f) => f in cols) : [];
  const keyField = (["productId", "product", "source", "plan", "agent"] as const).find((f) => f in cols);
  const seen = "date" in cols ? new Set<string>() : null;
  const entity = table.entityField;
  const childField = table.grain?.childField;
  // A live room's sessions share their day (one row each, keyed by start time); carrier rows share theirs.
  const sessionField = "liveStart" in cols ? ("liveStart" as const) : undefined;
  const carrierField = "carrier" in cols ? ("carrier" as const) : undefined;
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i];
    const sheetRow = table.rowNumbers[i];
    for (let k = 0; k < negativeFields.length; k++) {
      const f = negativeFields[k];
      const v = num(row, f);
      if (v !== null && v < 0)
        out.push({
          sheet: table.sheet,
          row: sheetRow,
          column: cols[f] ?? null,
          field: f,
          code: "negative",
          message: `${f} is negative`,
          text: String(v),
        });
    }
    const visitors = num(row, "visitors");
    if (visitors !== null) {
      for (let k = 0; k < withinFields.length; k++) {
        const f = withinFields[k];
        const v = num(row, f);
        if (v !== null && v > visitors)
          out.push({
            sheet: table.sheet,
            row: sheetRow,
            column: cols[f] ?? null,
            field: f,
            code: "buyers-exceed-visitors",
            message: `${f} ${v} > visitors ${visitors}`,
            text: String(v),
          });
      }
    }
    if (seen && typeof row.date === "string") {
      const key = dateKey(row, row.date, [keyField, entity, childField, sessionField, carrierField]);
      if (!seen.has(key)) seen.add(key);
      else {
        const at = { sheet: table.sheet, row: sheetRow, column: cols.date ?? null, field: "date" as const };
        out.push({ ...at, code: "duplicate-date", message: `${row.date} appears twice`, text: row.date });
      }
    }
  }
  return out;
}

/** The detail rows' sum of one field: all rows, or only those of `day`. */
function detailSum(table: RecognizedTable, field: (typeof TOTAL_FIELDS)[number], day: string | null) {
  let sum = 0;
  let seen = 0;
  for (const row of table.rows) {
    if (day !== null && row.date !== day) continue;
    const v = num(row, field);
    if (v !== null) {
      sum += v;
      seen++;
    }
  }
  return { sum, seen };
}

function checkTotals(rule: Rule, ctx: RuleContext, table: RecognizedTable): Draft[] {
  const out: Draft[] = [];
  for (const totals of table.totals) {
    // A dated totals row (one per day, as 罗盘's 全部 carrier rows) adds up that day's rows only.
    // Several undated totals rows: nothing says which rows each one covers, so none is checked.
    const day = typeof totals.values.date === "string" ? totals.values.date : null;
    if (day === null && table.totals.length > 1) continue;
    for (const field of TOTAL_FIELDS) {
      const stated = num(totals.values, field);
      if (stated === null) continue;
      const { sum, seen } = detailSum(table, field, day);
      if (seen === 0) continue;
      const diff = Math.abs(stated - sum) / Math.max(Math.abs(stated), Math.abs(sum), 1);
      if (diff <= SANITY.totalsTolerance.value) continue;
      const column = table.columnIndex[field];
      const cell = column ? `${columnLetter(column)}${totals.row}` : `${totals.row}`;
      const params = {
        sheet: table.sheet,
        cell,
        label: totals.label,
        field: ctx.t(`metric.${field}`),
        stated: ctx.fmt(stated),
        sum: ctx.fmt(sum),
      };
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
