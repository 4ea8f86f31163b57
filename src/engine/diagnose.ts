/**
 * diagnoseTables: pasted sheets + team settings → the report (score, period, tables,
 * findings, today's three actions). Pure: the sheet writer, the CLI and the preview all
 * call this one function.
 *
 * Invalid settings throw an InvalidSettingsError listing every bad field (the Settings
 * sheet reader validates first and names the cell; this guard is for other callers, so a
 * typo never silently becomes a default).
 */
import type { Cell } from "./cells";
import { LANGUAGE_TABLE } from "./i18n/languages";
import { currencyOfCell, currencyOfHeader, currencySymbol, DEFAULT_CURRENCY, type CurrencyCode } from "./currency";
import { VOCABULARY } from "./recognize/vocabulary";
import { recognizeTables } from "./recognize";
import { homeCurrency } from "./recognize/platform";
import {
  AREAS,
  STATUSES,
  type Action,
  type CoreFigures,
  type Finding,
  type FunnelStep,
  type ProfitBlock,
  type Report,
  type ReportComparison,
  type SettingsPlace,
  type Status,
} from "./report";
import { RULES, RULE_IDS, runRules } from "./rules";
import { buildContext, makeFinding, type Draft, type RuleContext } from "./rules/context";
import { isoOfDay } from "./rules/days";
import { profitBlockOf } from "./rules/profit-context";
import { stateStakes } from "./rules/stake";
import type { Totals } from "./rules/totals";
import { type Comparison, eventDaysLeftOut } from "./rules/windows";
import { scoreFindings } from "./score";
import { gateScore } from "./score-gate";
import { parseSettings, type Settings, type SettingsError } from "./settings";
import type { RecognizedTable, SheetInput } from "./tables";
import { fieldsOf } from "./tables";

/** Thrown when the settings object does not validate; `errors` names each field and what is expected. */
export class InvalidSettingsError extends Error {
  readonly errors: SettingsError[];
  constructor(errors: SettingsError[]) {
    super(
      `Shop Doctor settings are invalid: ${errors.map((e) => `${e.field}: ${e.message}`).join("; ")}. Fix them in the Settings sheet and run again.`,
    );
    this.name = "InvalidSettingsError";
    this.errors = errors;
  }
}

function validSettings(input: unknown): Settings {
  const parsed = parseSettings(input ?? {});
  if (!parsed.ok) throw new InvalidSettingsError(parsed.errors);
  return parsed.settings;
}

/** How the caller's user sets things: advice that says "fill in X" names that place. */
export interface DiagnoseOptions {
  /** "sheet" (default): the Settings sheet; "cli": the `--settings` JSON file. */
  settingsIn?: SettingsPlace;
}

/** Recognises the tables in `sheets` and diagnoses them with `settings` (partial; defaults filled in). */
export function diagnoseTables(
  sheets: readonly SheetInput[],
  settings: unknown = {},
  options: DiagnoseOptions = {},
): Report {
  const valid = validSettings(settings);
  const tables = recognizeTables(sheets);
  return diagnose(tables, valid, decideCurrency(tables, sheets, valid.currency), options.settingsIn ?? "sheet");
}

/** Diagnoses already-recognised tables (tests, or a caller that recognised them itself). */
export function diagnoseRecognized(
  tables: readonly RecognizedTable[],
  settings: unknown = {},
  currency?: CurrencyCode,
): Report {
  const valid = validSettings(settings);
  const decision = decideCurrency(tables, null, currency ?? valid.currency);
  return diagnose(tables, valid, decision);
}

const SEVERITY: Record<Status, number> = { bad: 0, warn: 1, good: 2, info: 3 };

function diagnose(
  all: readonly RecognizedTable[],
  settings: Settings,
  decision: CurrencyDecision,
  settingsIn: SettingsPlace = "sheet",
): Report {
  const currency = decision.code;
  const tables = tablesInCurrency(all, decision);
  const ctx = buildContext([...tables], settings, currency, settingsIn);
  // Each rule runs guarded: one that throws becomes one ℹ finding, the rest still report.
  const drafts: Draft[] = runRules(ctx);
  drafts.push(...currencyFindings(ctx, decision));
  // With a Costs tab: each finding's money also as profit at stake, in one pass (rules/stake.ts).
  const staked = stateStakes(ctx, drafts);

  const findings = orderFindings(drafts);
  const { actions, rankedBy } = topActions(drafts, staked);
  const counts = countStatuses(findings);
  const tableList = tableSummaries(tables);
  // A score only when the judged findings cover enough areas; otherwise null and why.
  const gated = gateScore(scoreFindings(findings), findings, tableList, settings.language);

  return {
    language: settings.language,
    score: gated.score,
    scoreReason: gated.reason,
    judged: gated.judged,
    period: ctx.period,
    undated: ctx.undated,
    currency,
    tables: tableList,
    findings,
    actions,
    counts,
    comparison: reportComparison(ctx.comparison),
    funnel: funnelOf(ctx.shop?.totals ?? null),
    core: coreOf(ctx.shop?.totals ?? null),
    ...profitOf(ctx),
    ...(rankedBy ? { actionsRankedBy: rankedBy } : {}),
    settingsIn,
  };
}

/** The comparison windows as dates for the report. */
function reportComparison(c: Comparison | null): ReportComparison | null {
  if (!c) return null;
  const span = (from: number, to: number) => ({ from: isoOfDay(from), to: isoOfDay(to), days: to - from + 1 });
  return {
    mode: c.mode,
    days: c.days,
    recent: span(c.recentFrom, c.recentTo),
    previous: span(c.previousFrom, c.previousTo),
    eventDaysLeftOut: eventDaysLeftOut(c),
    allEventDays: c.allEventDays,
  };
}

/** The profit block when a Costs tab prices some products; nothing at all otherwise (reports without costs keep their shape). */
function profitOf(ctx: RuleContext): { profit?: ProfitBlock } {
  const profit = profitBlockOf(ctx);
  return profit ? { profit } : {};
}

/** Amounts in different currencies are never added: tables in another currency sit this report out. */
function tablesInCurrency(all: readonly RecognizedTable[], decision: CurrencyDecision): readonly RecognizedTable[] {
  const left = new Set(decision.excluded.map((e) => e.table));
  return left.size > 0 ? all.filter((t) => !left.has(t)) : all;
}

/** Findings grouped by area (report order), worst first, then by money at stake; rule order breaks ties. */
function orderFindings(drafts: readonly Draft[]): Finding[] {
  const ruleOrder = new Map<string, number>(RULE_IDS.map((id, i) => [id, i]));
  const areaOrder = new Map<string, number>(AREAS.map((a, i) => [a, i]));
  const indexed = drafts.map((d, i) => ({ d, i }));
  indexed.sort((a, b) => {
    const fa = a.d.finding;
    const fb = b.d.finding;
    return (
      areaOrder.get(fa.area)! - areaOrder.get(fb.area)! ||
      SEVERITY[fa.status] - SEVERITY[fb.status] ||
      byMoney(fa, fb) ||
      ruleOrder.get(fa.rule)! - ruleOrder.get(fb.rule)! ||
      a.i - b.i
    );
  });
  return indexed.map((x) => x.d.finding);
}

/**
 * Today's three actions: the ✖/▲ findings with money at stake, largest first. With a Costs tab
 * (`staked`) they are ranked by profit at stake when every candidate has one, else by the money as
 * stated (sales, profit or spend, as without costs); `rankedBy` says which (null without costs).
 */
function topActions(
  drafts: readonly Draft[],
  staked: boolean,
): { actions: Action[]; rankedBy: "profit" | "sales" | null } {
  const candidates = drafts.filter(
    (d) =>
      (d.finding.status === "bad" || d.finding.status === "warn") && d.finding.impact !== null && d.finding.impact > 0,
  );
  const byProfit =
    staked && candidates.length > 0 && candidates.every((d) => typeof d.finding.profitAtStake === "number");
  const order = byProfit ? byProfitAtStake : byMoney;
  const actions = candidates
    .sort((a, b) => order(a.finding, b.finding))
    .slice(0, 3)
    .map((d) => ({
      rule: d.finding.rule,
      subject: d.finding.subject,
      subjectType: d.finding.subjectType,
      impact: d.finding.impact,
      impactBasis: d.finding.impactBasis,
      message: d.todo ?? d.finding.message,
      ...stakeFieldsOf(d.finding),
    }));
  return { actions, rankedBy: staked ? (byProfit ? "profit" : "sales") : null };
}

/** The finding's stake fields, when it has them (nothing at all otherwise, so reports without costs keep their shape). */
function stakeFieldsOf(f: Finding): Partial<Pick<Action, "profitAtStake" | "stakeBasis" | "stakeMargin">> {
  if (f.stakeBasis === undefined) return {};
  return { profitAtStake: f.profitAtStake ?? null, stakeBasis: f.stakeBasis, stakeMargin: f.stakeMargin ?? null };
}

/** How many findings have each status. */
function countStatuses(findings: readonly Finding[]): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const f of findings) counts[f.status]++;
  return counts;
}

/** The report's list of tables read: sheet, kind, recognised columns and row count. */
function tableSummaries(tables: readonly RecognizedTable[]): Report["tables"] {
  return tables.map((t) => ({
    sheet: t.sheet,
    kind: t.kind,
    columns: { ...t.columns },
    rows: t.rows.length,
  }));
}

const BASIS_ORDER = { day: 0, export: 1 } as const;

/**
 * Largest money first, per-day amounts before whole-export ones: an export's total covers an
 * unknown number of days, so it is never weighed against a day's amount as if alike.
 */
function byMoney(a: Finding, b: Finding): number {
  const basis = (f: Finding) => (f.impactBasis === null ? 2 : BASIS_ORDER[f.impactBasis]);
  return basis(a) - basis(b) || (b.impact ?? -1) - (a.impact ?? -1);
}

/** As byMoney, on profit at stake (every finding compared has one). */
function byProfitAtStake(a: Finding, b: Finding): number {
  const basis = (f: Finding) => (f.impactBasis === null ? 2 : BASIS_ORDER[f.impactBasis]);
  return basis(a) - basis(b) || (b.profitAtStake ?? -1) - (a.profitAtStake ?? -1);
}

/**
 * What the report says about money: which tables it left out because their amounts are in
 * another currency (▲, one finding naming them), or that it assumed the currency (ℹ, once).
 */
function currencyFindings(ctx: RuleContext, decision: CurrencyDecision): Draft[] {
  const rule = RULES["data-sanity"];
  const symbol = `${currencySymbol(decision.code)} ${decision.code}`;
  const out: Draft[] = [];
  if (decision.excluded.length > 0) {
    const sheets = decision.excluded
      .map((e) => `「${e.table.sheet}」(${e.currency})`)
      .join(LANGUAGE_TABLE[ctx.language].listSeparator);
    const params = { count: decision.excluded.length, sheets, currency: symbol, other: decision.excluded[0].currency };
    out.push(
      makeFinding(rule, {
        status: "warn",
        subjectType: "sheet",
        subject: decision.excluded[0].table.sheet,
        metric: "dataIssues",
        value: decision.excluded.length,
        benchmark: 0,
        format: "integer",
        message: ctx.t("currency.excluded", params),
        todo: ctx.t("currency.todoExcluded", params),
      }),
    );
  } else if (
    decision.assumed &&
    ctx.tables.some((t) => t.kind !== "unknown" && Object.keys(t.columns).some(isMoneyField))
  ) {
    out.push(
      makeFinding(rule, {
        status: "info",
        metric: "dataIssues",
        format: "integer",
        message: ctx.t("currency.assumed", { currency: symbol }),
      }),
    );
  }
  return out;
}

/** Sales, visitors, pay conversion and order value of the whole shop (null where the data lacks one). */
function coreOf(totals: Totals | null): CoreFigures {
  if (!totals) return { sales: null, visitors: null, conversion: null, aov: null };
  return {
    sales: totals.get("sales"),
    visitors: totals.get("visitors"),
    conversion: totals.payConversion(),
    aov: totals.aov(),
  };
}

/** Visitors → detail visitors → order buyers → paid buyers, when at least three steps are known. */
function funnelOf(totals: Totals | null): FunnelStep[] | null {
  if (!totals) return null;
  const steps: FunnelStep["step"][] = ["visitors", "detailVisitors", "orderBuyers", "paidBuyers"];
  const out: FunnelStep[] = [];
  for (const step of steps) {
    const value = totals.get(step);
    if (value !== null) out.push({ step, value });
  }
  const ends = out.length > 0 && out[0].step === "visitors" && out[out.length - 1].step === "paidBuyers";
  return ends && out.length >= 3 ? out : null;
}

/** Money fields, from the vocabulary's types (plus derived `<field>_<channel>` columns). */
let moneyFields: ReadonlySet<string> | undefined;
function isMoneyField(field: string): boolean {
  if (!moneyFields) moneyFields = new Set(VOCABULARY.filter((f) => f.type === "money").map((f) => f.field));
  const at = field.indexOf("_");
  return moneyFields.has(at > 0 ? field.slice(0, at) : field);
}

/** Money cells sampled per column: enough to see a mark, cheap on 100,000-row exports. */
const SAMPLED_CELLS = 20;

/**
 * The currency one table's amounts are in, from its money headers (`Sales (VND)`, `销售额(元)`)
 * and the marks in its first money cells (`₹1,08,218.36`, `1.234,56 €`); null when neither says.
 */
export function tableCurrency(
  table: RecognizedTable,
  values: readonly (readonly Cell[])[] | undefined,
): CurrencyCode | null {
  if (table.kind === "unknown") return null;
  const votes = new Map<CurrencyCode, number>();
  const vote = (code: CurrencyCode | null) => {
    if (code !== null) votes.set(code, (votes.get(code) ?? 0) + 1);
  };
  for (const field of fieldsOf(table.columns)) {
    const header = table.columns[field] ?? "";
    if (!isMoneyField(field)) continue;
    vote(currencyOfHeader(header));
    const column = table.columnIndex[field];
    if (!values || !column) continue;
    for (let i = 0; i < Math.min(SAMPLED_CELLS, table.rowNumbers.length); i++) {
      const cell = values[table.rowNumbers[i] - 1]?.[column - 1];
      if (typeof cell === "string") vote(currencyOfCell(cell));
    }
  }
  // A currency column (Etsy, Amazon Ads) says it row by row: `USD`.
  for (const row of table.rows.slice(0, SAMPLED_CELLS))
    if (typeof row.currency === "string") vote(currencyOfCell(row.currency));
  if (votes.size === 0) return homeCurrency(table.platform);
  let best: CurrencyCode | null = null;
  let most = 0;
  for (const [code, n] of votes) {
    if (n > most) {
      best = code;
      most = n;
    }
  }
  // Japanese exports (Amazon.co.jp, 楽天) write the yen as ￥, the sign the table reads as renminbi.
  if (best === "CNY" && Object.values(table.columns).some((h) => KANA.test(h ?? ""))) return "JPY";
  return best;
}

const KANA = /[\u3041-\u30ff]/;

/** What the report decided about money: the currency it states amounts in, and what it left out. */
export interface CurrencyDecision {
  code: CurrencyCode;
  /** No table said which currency it is in: the code is the default (English headers → USD, else CNY). */
  assumed: boolean;
  /** Tables whose amounts are in another currency, left out so that currencies are never added up. */
  excluded: { table: RecognizedTable; currency: CurrencyCode }[];
}

/**
 * Decides the report currency: the `currency` setting when the team set one, else the
 * currency of the largest group of tables (by data rows) that state one. Tables that state
 * another currency are left out; tables that state none go with the chosen group. With no
 * evidence at all, English-only headers (Shopify, Amazon, GA4) mean USD, anything else CNY,
 * and `assumed` is set so the report can say so.
 */
export function decideCurrency(
  tables: readonly RecognizedTable[],
  sheets: readonly SheetInput[] | null,
  setting: CurrencyCode | null = null,
): CurrencyDecision {
  const bySheet = new Map<string, Cell[][]>();
  for (const s of sheets ?? []) if (s && Array.isArray(s.values)) bySheet.set(s.name, s.values);
  const known = tables.map((table) => ({ table, code: tableCurrency(table, bySheet.get(table.sheet)) }));
  const rowsBy = new Map<CurrencyCode, number>();
  for (const { table, code } of known)
    if (code !== null) rowsBy.set(code, (rowsBy.get(code) ?? 0) + Math.max(1, table.rows.length));
  let chosen: CurrencyCode | null = setting;
  if (chosen === null) {
    let most = 0;
    for (const [code, rows] of rowsBy) {
      if (rows > most) {
        chosen = code;
        most = rows;
      }
    }
  }
  const excluded = known
    .filter((k) => k.code !== null && k.code !== chosen)
    .map((k) => ({ table: k.table, currency: k.code! }));
  if (chosen !== null) return { code: chosen, assumed: false, excluded };
  let headers = 0;
  let asciiHeaders = 0;
  for (const table of tables) {
    if (table.kind === "unknown") continue;
    for (const header of Object.values(table.columns)) {
      headers++;
      if (/^[\x20-\x7e]*$/.test(header)) asciiHeaders++;
    }
  }
  return { code: headers > 0 && asciiHeaders === headers ? "USD" : DEFAULT_CURRENCY, assumed: true, excluded };
}

/** The report currency of the data (see decideCurrency). */
export function inferCurrency(tables: readonly RecognizedTable[], sheets: readonly SheetInput[] | null): CurrencyCode {
  return decideCurrency(tables, sheets).code;
}
