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
import { recognizeTables } from "./recognize";
import { AREAS, RULE_IDS, STATUSES, type Action, type Finding, type FunnelStep, type Report, type SettingsPlace, type Status } from "./report";
import { RULES } from "./rules";
import { buildContext, type Draft } from "./rules/context";
import type { Totals } from "./rules/totals";
import { scoreFindings } from "./score";
import { gateScore } from "./score-gate";
import { parseSettings, type Settings, type SettingsError } from "./settings";
import type { RecognizedTable, SheetInput } from "./tables";

/** Thrown when the settings object does not validate; `errors` names each field and what is expected. */
export class InvalidSettingsError extends Error {
  readonly errors: SettingsError[];
  constructor(errors: SettingsError[]) {
    super(`Shop Doctor settings are invalid: ${errors.map((e) => `${e.field}: ${e.message}`).join("; ")}. Fix them in the Settings sheet and run again.`);
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
export function diagnoseTables(sheets: readonly SheetInput[], settings: unknown = {}, options: DiagnoseOptions = {}): Report {
  const valid = validSettings(settings);
  const tables = recognizeTables(sheets);
  return diagnose(tables, valid, inferCurrency(tables, sheets), options.settingsIn ?? "sheet");
}

/** Diagnoses already-recognised tables (tests, or a caller that recognised them itself). */
export function diagnoseRecognized(tables: readonly RecognizedTable[], settings: unknown = {}, currency?: string): Report {
  return diagnose(tables, validSettings(settings), currency ?? inferCurrency(tables, null));
}

const SEVERITY: Record<Status, number> = { bad: 0, warn: 1, good: 2, info: 3 };

function diagnose(tables: readonly RecognizedTable[], settings: Settings, currency: string, settingsIn: SettingsPlace = "sheet"): Report {
  const ctx = buildContext([...tables], settings, currency, settingsIn);
  const drafts: Draft[] = [];
  for (const id of RULE_IDS) drafts.push(...RULES[id].run(ctx));

  // Group by area (report order), worst first, then by money at stake; rule order breaks ties.
  const ruleOrder = new Map<string, number>(RULE_IDS.map((id, i) => [id, i]));
  const areaOrder = new Map<string, number>(AREAS.map((a, i) => [a, i]));
  const indexed = drafts.map((d, i) => ({ d, i }));
  indexed.sort((a, b) => {
    const fa = a.d.finding;
    const fb = b.d.finding;
    return (
      areaOrder.get(fa.area)! - areaOrder.get(fb.area)! ||
      SEVERITY[fa.status] - SEVERITY[fb.status] ||
      (fb.impact ?? -1) - (fa.impact ?? -1) ||
      ruleOrder.get(fa.rule)! - ruleOrder.get(fb.rule)! ||
      a.i - b.i
    );
  });
  const findings: Finding[] = indexed.map((x) => x.d.finding);

  const actions: Action[] = drafts
    .filter((d) => (d.finding.status === "bad" || d.finding.status === "warn") && d.finding.impact !== null && d.finding.impact > 0)
    .sort((a, b) => b.finding.impact! - a.finding.impact!)
    .slice(0, 3)
    .map((d) => ({ rule: d.finding.rule, subject: d.finding.subject, impact: d.finding.impact, message: d.todo ?? d.finding.message }));

  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const f of findings) counts[f.status]++;

  const tableList = tables.map((t) => ({ sheet: t.sheet, kind: t.kind, columns: { ...t.columns }, rows: t.rows.length }));
  // A score only when the judged findings cover enough areas; otherwise null and why.
  const gated = gateScore(scoreFindings(findings), findings, tableList, settings.language);

  return {
    language: settings.language,
    score: gated.score,
    scoreReason: gated.reason,
    judged: gated.judged,
    period: ctx.period,
    currency,
    tables: tableList,
    findings,
    actions,
    counts,
    funnel: funnelOf(ctx.shop?.totals ?? null),
    settingsIn,
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

const MONEY_FIELDS = ["sales", "aov", "spend", "adSales", "price", "cpc"];
const SYMBOLS: [RegExp, string][] = [
  [/[¥￥]|元|RMB|CNY/i, "¥"],
  [/€|EUR/, "€"],
  [/£|GBP/, "£"],
  [/\$|USD/, "$"],
];

/**
 * The currency symbol of the data: a symbol in the money cells or headers wins; otherwise
 * English-only headers (Shopify, Amazon, GA4 exports) mean `$`, anything else `¥`.
 * Only a few cells per money column are sampled, so this stays cheap on big exports.
 */
export function inferCurrency(tables: readonly RecognizedTable[], sheets: readonly SheetInput[] | null): string {
  const votes = new Map<string, number>();
  const vote = (text: string) => {
    for (const [re, symbol] of SYMBOLS) {
      if (re.test(text)) {
        votes.set(symbol, (votes.get(symbol) ?? 0) + 1);
        return;
      }
    }
  };
  let headers = 0;
  let asciiHeaders = 0;
  const bySheet = new Map<string, Cell[][]>();
  for (const s of sheets ?? []) bySheet.set(s.name, s.values);
  for (const table of tables) {
    if (table.kind === "unknown") continue;
    for (const [field, header] of Object.entries(table.columns)) {
      headers++;
      if (/^[\x20-\x7e]*$/.test(header)) asciiHeaders++;
      if (!MONEY_FIELDS.includes(field)) continue;
      vote(header);
      const values = bySheet.get(table.sheet);
      const column = table.columnIndex[field];
      if (!values || !column) continue;
      for (let i = 0; i < Math.min(20, table.rowNumbers.length); i++) {
        const cell = values[table.rowNumbers[i] - 1]?.[column - 1];
        if (typeof cell === "string") vote(cell);
      }
    }
  }
  let best = "";
  let most = 0;
  for (const [symbol, n] of votes) {
    if (n > most) {
      best = symbol;
      most = n;
    }
  }
  if (best) return best;
  return headers > 0 && asciiHeaders === headers ? "$" : "¥";
}
