/**
 * The diagnosis history, pure: one row per diagnosed data period (the History sheet, or the
 * CLI's --history file), declared once as HISTORY_COLUMNS so the headers, number formats, the
 * reader and the writer all derive from the same list (a new figure is one more entry), plus
 * the matching (the same period replaces its row) and the "since the last diagnosis" deltas.
 */
import type { Cell } from "./cells";
import { amountNumberFormat, CURRENCIES, type CurrencyCode } from "./currency";
import { LANGUAGES, translate, type Language, type MessageKey } from "./i18n";
import {
  AREAS,
  type Area,
  type CoreFigures,
  type CoreMetric,
  type FigureDelta,
  type Finding,
  type FindingRef,
  type Report,
  type ScorePoint,
  type SinceLast,
} from "./report";
import { areaShare } from "./score";

/** A value in a history row: text, a number, or blank. */
export type HistoryValue = string | number | null;
/** One history row, by column key. */
export type HistoryRecord = Readonly<Record<string, HistoryValue>>;

/** How a column's cells are formatted: text (`@`), a whole score, a count, an amount in the row's currency, a rate. */
export type HistoryFormat = "text" | "score" | "count" | "amount" | "rate";

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface HistoryColumn {
  key: string;
  header: (t: Translate) => string;
  format: HistoryFormat;
  value: (report: Report, ranAt: string) => HistoryValue;
}

function column(key: string, header: MessageKey, format: HistoryFormat, value: HistoryColumn["value"]): HistoryColumn {
  return { key, header: (t) => t(header), format, value };
}

function core(metric: CoreMetric, header: MessageKey, format: HistoryFormat): HistoryColumn {
  return column(metric, header, format, (r) => r.core?.[metric] ?? null);
}

function areaColumn(area: Area): HistoryColumn {
  return {
    key: `area:${area}`,
    header: (t) => t("history.col.area", { area: t(`area.${area}`) }),
    format: "score",
    value: (r) => areaScore(r.findings, area),
  };
}

/** The key of the column that keeps the run's problem list (see encodeFindings). */
export const FINDINGS_KEY = "findings";

/** The history's columns, in sheet order. The problem list stays last: it is for Shop Doctor, not for reading. */
export const HISTORY_COLUMNS: readonly HistoryColumn[] = [
  column("ranAt", "history.col.ranAt", "text", (_r, ranAt) => ranAt),
  column("from", "history.col.from", "text", (r) => r.period?.from ?? null),
  column("to", "history.col.to", "text", (r) => r.period?.to ?? null),
  column("score", "history.col.score", "score", (r) => r.score),
  ...AREAS.map(areaColumn),
  column("currency", "history.col.currency", "text", (r) => r.currency),
  core("sales", "history.col.sales", "amount"),
  core("visitors", "history.col.visitors", "count"),
  core("conversion", "history.col.conversion", "rate"),
  core("aov", "history.col.aov", "amount"),
  // The profit block's net profit (in the row's currency, like sales); blank, never 0, without a Costs tab.
  column("netProfit", "history.col.netProfit", "amount", (r) => r.profit?.net ?? null),
  column("bad", "history.col.bad", "count", (r) => r.counts.bad),
  column("warn", "history.col.warn", "count", (r) => r.counts.warn),
  column("firstAction", "history.col.firstAction", "text", (r) => r.actions[0]?.message ?? null),
  column(FINDINGS_KEY, "history.col.findings", "text", (r) => encodeFindings(r.findings)),
];

/** An area's score (0–100, its passes ÷ (passes + problems), see score.ts), or null when nothing in it was judged. */
export function areaScore(findings: readonly Finding[], area: Area): number | null {
  const share = areaShare(findings, area);
  return share === null ? null : Math.round(100 * share);
}

/** The history row of one run: `ranAt` is when it ran (ISO 8601 with the spreadsheet's offset). */
export function historyRecord(report: Report, ranAt: string): HistoryRecord {
  return Object.fromEntries(HISTORY_COLUMNS.map((c) => [c.key, finite(c.value(report, ranAt))]));
}

function finite(value: HistoryValue): HistoryValue {
  return typeof value === "number" && !Number.isFinite(value) ? null : value;
}

/** The header row in `language`. */
export function historyHeaders(language: Language): string[] {
  const t: Translate = (key, params) => translate(language, key, params);
  return HISTORY_COLUMNS.map((c) => c.header(t));
}

/** The number format of each cell of a row (amounts in the row's own currency). */
export function historyFormats(record: HistoryRecord): string[] {
  const code = record.currency;
  const currency = typeof code === "string" && code in CURRENCIES ? (code as CurrencyCode) : null;
  return HISTORY_COLUMNS.map((c) => {
    switch (c.format) {
      case "text":
        return "@";
      case "score":
        return "0";
      case "count":
        return "#,##0";
      case "rate":
        return "0.00%";
      case "amount":
        return currency ? amountNumberFormat(currency) : "#,##0.00";
    }
  });
}

/** A record as one row of cells, in column order. */
export function historyCells(record: HistoryRecord): HistoryValue[] {
  return HISTORY_COLUMNS.map((c) => record[c.key] ?? null);
}

let headerKeys: Map<string, string> | undefined;
/** Header text (any language) → column key. */
function keyOfHeader(header: string): string | undefined {
  if (!headerKeys) {
    headerKeys = new Map();
    for (const language of LANGUAGES)
      historyHeaders(language).forEach((h, i) => headerKeys!.set(h, HISTORY_COLUMNS[i].key));
  }
  return headerKeys.get(header.trim());
}

/** A cell as a history value: text stays text, finite numbers stay numbers; a date (reformatted by hand) becomes its day. */
function cellValue(cell: Cell, format: HistoryFormat): HistoryValue {
  if (cell === null || cell === undefined || cell === "") return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  if (typeof cell === "number") return !Number.isFinite(cell) ? null : format === "text" ? String(cell) : cell;
  if (typeof cell === "boolean") return null;
  if (format === "text") return cell;
  // A file (the CLI's --history CSV) holds numbers as text: read a plain decimal back as the number.
  return /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(cell.trim()) ? Number(cell.trim()) : null;
}

/**
 * Reads a history table (header row first), by header in any of the languages, so a column added
 * later (or a language change) still reads older rows. `inOrder` is false when the header row is
 * not exactly today's columns in today's order: then the whole table must be rewritten. `rows` is
 * each record's 1-based row in `values` (blank rows are skipped).
 */
export function readHistory(
  values: readonly (readonly Cell[])[],
  language: Language,
): { records: HistoryRecord[]; rows: number[]; inOrder: boolean } {
  if (values.length === 0) return { records: [], rows: [], inOrder: false };
  const header = values[0].map((h) => (typeof h === "string" ? h : ""));
  const keys = header.map(keyOfHeader);
  const expected = historyHeaders(language);
  const inOrder = expected.every((h, i) => header[i] === h) && header.slice(expected.length).every((h) => h === "");
  const formats = new Map(HISTORY_COLUMNS.map((c) => [c.key, c.format]));
  const records: HistoryRecord[] = [];
  const rows: number[] = [];
  values.forEach((row, r) => {
    if (r === 0) return;
    const record: Record<string, HistoryValue> = {};
    keys.forEach((key, i) => {
      if (key) record[key] = cellValue(row[i], formats.get(key) ?? "text");
    });
    if (Object.values(record).some((v) => v !== null)) {
      records.push(record);
      rows.push(r + 1);
    }
  });
  return { records, rows, inOrder };
}

/** The data period a row is for: its first and last day (a run on undated data has neither). */
function periodKey(record: HistoryRecord): string {
  return `${record.from ?? ""}~${record.to ?? ""}`;
}

/** When a row's run happened, for ordering; NaN when its time cannot be read. */
function ranAtTime(record: HistoryRecord): number {
  return typeof record.ranAt === "string" ? Date.parse(record.ranAt) : Number.NaN;
}

/**
 * Where this run's row goes: over the row of the same data period (a re-run replaces it), else
 * after the last row. `previous` is the latest-run row of another period (the one to compare with):
 * by run time, rows further down winning ties and unreadable times.
 */
export function placeRecord(
  records: readonly HistoryRecord[],
  record: HistoryRecord,
): { records: HistoryRecord[]; index: number; replaced: boolean; previous: HistoryRecord | null } {
  const key = periodKey(record);
  const at = records.findIndex((r) => periodKey(r) === key);
  let previous: HistoryRecord | null = null;
  for (const r of records) {
    if (periodKey(r) === key) continue;
    const t = ranAtTime(r);
    if (previous === null || !(ranAtTime(previous) > t)) previous = r;
  }
  const out = [...records];
  if (at >= 0) out[at] = record;
  else out.push(record);
  return { records: out, index: at >= 0 ? at : out.length - 1, replaced: at >= 0, previous };
}

/** A cell holds at most 50,000 characters; the list stops well short and says it was cut. */
const MAX_FINDINGS_TEXT = 40_000;
const CUT_MARK = "…";

/** The run's problems (✖ and ▲) as compact JSON: `[rule, metric, subjectType, subject]` each, "…" last when cut short. */
export function encodeFindings(findings: readonly Finding[]): string {
  const refs: (string[] | string)[] = [];
  let length = 2;
  for (const f of findings) {
    if (f.status !== "bad" && f.status !== "warn") continue;
    const ref = [f.rule, f.metric, f.subjectType, f.subject.slice(0, 200)];
    length += JSON.stringify(ref).length + 1;
    if (length > MAX_FINDINGS_TEXT) {
      refs.push(CUT_MARK);
      break;
    }
    refs.push(ref);
  }
  return JSON.stringify(refs);
}

const SUBJECT_TYPES = new Set<string>([
  "shop",
  "product",
  "source",
  "plan",
  "agent",
  "sheet",
  "room",
  "carrier",
  "searchTerm",
]);

/** The problem list a row keeps, or why it cannot be used. */
export function decodeFindings(
  text: HistoryValue,
): { ok: true; refs: FindingRef[]; complete: boolean } | { ok: false } {
  if (typeof text !== "string") return { ok: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  if (!Array.isArray(parsed)) return { ok: false };
  const complete = parsed[parsed.length - 1] !== CUT_MARK;
  const refs: FindingRef[] = [];
  for (const item of complete ? parsed : parsed.slice(0, -1)) {
    if (!Array.isArray(item) || item.length !== 4 || !item.every((x) => typeof x === "string")) return { ok: false };
    const [rule, metric, subjectType, subject] = item as string[];
    if (!SUBJECT_TYPES.has(subjectType)) return { ok: false };
    refs.push({ rule, metric, subjectType: subjectType as FindingRef["subjectType"], subject });
  }
  return { ok: true, refs, complete };
}

function refKey(r: FindingRef): string {
  return JSON.stringify([r.rule, r.metric, r.subjectType, r.subject]);
}

function num(value: HistoryValue | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** One figure then and now; figures are compared only within one currency (one marketplace). */
export function figureDelta(
  metric: FigureDelta["metric"],
  before: number | null,
  now: number | null,
  sameCurrency = true,
): FigureDelta {
  if (!sameCurrency) return { metric, before, now, change: null, ratio: null, missing: "currency" };
  if (before === null || now === null) {
    const missing = before === null && now === null ? "both" : before === null ? "before" : "now";
    return { metric, before, now, change: null, ratio: null, missing };
  }
  const change = now - before;
  const ratio = before !== 0 && Number.isFinite(change / before) ? change / before : null;
  return { metric, before, now, change, ratio, missing: null };
}

const CORE_METRICS: readonly CoreMetric[] = ["sales", "visitors", "conversion", "aov"];

/** The problems then and now, compared by identity. */
function findingChanges(previous: HistoryRecord, findings: readonly Finding[]): SinceLast["findings"] {
  const decoded = decodeFindings(previous[FINDINGS_KEY] ?? null);
  if (!decoded.ok) return { known: false, reason: "no-list", added: [], fixed: [], dropped: [] };
  if (!decoded.complete) return { known: false, reason: "cut-short", added: [], fixed: [], dropped: [] };
  const now = decodeFindings(encodeFindings(findings));
  if (!now.ok || !now.complete) return { known: false, reason: "cut-short", added: [], fixed: [], dropped: [] };
  const before = new Set(decoded.refs.map(refKey));
  const problems = new Set(now.refs.map(refKey));
  const good = new Set(
    findings
      .filter((f) => f.status === "good")
      .map((f) => refKey({ rule: f.rule, metric: f.metric, subjectType: f.subjectType, subject: f.subject })),
  );
  return {
    known: true,
    reason: null,
    added: now.refs.filter((r) => !before.has(refKey(r))),
    fixed: decoded.refs.filter((r) => !problems.has(refKey(r)) && good.has(refKey(r))),
    dropped: decoded.refs.filter((r) => !problems.has(refKey(r)) && !good.has(refKey(r))),
  };
}

/**
 * Net profit then and now, in the same currency only. Left out when neither run had a Costs tab
 * (a shop that keeps no costs is not told about a missing figure every time); shown with the
 * side that is missing when only one had it.
 */
function netProfitDelta(before: number | null, now: number | null, sameCurrency: boolean): FigureDelta[] {
  if (before === null && now === null) return [];
  return [figureDelta("netProfit", before, now, sameCurrency)];
}

/** "Since the last diagnosis": `previous` null for the first recorded run. */
export function sinceLast(previous: HistoryRecord | null, report: Report): SinceLast {
  if (previous === null)
    return { previous: null, deltas: [], findings: { known: true, reason: null, added: [], fixed: [], dropped: [] } };
  const text = (v: HistoryValue | undefined) => (typeof v === "string" ? v : null);
  const sameCurrency = text(previous.currency) === null || text(previous.currency) === report.currency;
  const figures: CoreFigures = report.core ?? { sales: null, visitors: null, conversion: null, aov: null };
  return {
    previous: {
      ranAt: text(previous.ranAt) ?? "",
      from: text(previous.from),
      to: text(previous.to),
      currency: text(previous.currency),
    },
    deltas: [
      figureDelta("score", num(previous.score), report.score),
      // Another currency means another marketplace or shop (a different table was diagnosed): its visitors
      // and conversion are no "before" for these, so no core figure is compared across currencies.
      ...CORE_METRICS.map((m) => figureDelta(m, num(previous[m]), figures[m], sameCurrency)),
      ...netProfitDelta(num(previous.netProfit), report.profit?.net ?? null, sameCurrency),
    ],
    findings: findingChanges(previous, report.findings),
  };
}

/** The recorded scores in data-period order (by last day; undated rows by their run's day). */
export function scorePoints(records: readonly HistoryRecord[]): ScorePoint[] {
  const day = (r: HistoryRecord) =>
    typeof r.to === "string" ? r.to : typeof r.ranAt === "string" ? r.ranAt.slice(0, 10) : "";
  return [...records]
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (day(a.r) < day(b.r) ? -1 : day(a.r) > day(b.r) ? 1 : a.i - b.i))
    .map(({ r }) => ({ to: typeof r.to === "string" ? r.to : null, score: num(r.score) }));
}

/**
 * This run against the history: the row to write (and where), the updated rows, and the report
 * with its "since the last diagnosis" block and score points.
 */
export function withHistory(
  report: Report,
  records: readonly HistoryRecord[],
  ranAt: string,
): { report: Report; record: HistoryRecord; records: HistoryRecord[]; index: number; replaced: boolean } {
  const record = historyRecord(report, ranAt);
  const placed = placeRecord(records, record);
  return {
    report: { ...report, sinceLast: sinceLast(placed.previous, report), scoreHistory: scorePoints(placed.records) },
    record,
    records: placed.records,
    index: placed.index,
    replaced: placed.replaced,
  };
}
