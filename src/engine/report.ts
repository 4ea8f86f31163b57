/**
 * The report model: what diagnoseTables returns and layoutReport lays out. Plain JSON
 * (no Dates, no classes) so it crosses google.script.run and the CLI's --json unchanged.
 */
import type { CurrencyCode } from "./currency";
import type { MessageKey } from "./i18n";
import type { CompareTo, Language } from "./settings";
import type { FieldName, TableKind } from "./tables";

export const STATUSES = ["good", "warn", "bad", "info"] as const;
export type Status = (typeof STATUSES)[number];

/** Rule ids are derived from the rule declarations (src/engine/rules/index.ts). */
export type { RuleId } from "./rules";
import type { RuleId } from "./rules";

/** Report areas, in the order the report groups them. Weights for the score live with the rules. */
export const AREAS = [
  "sales",
  "traffic",
  "conversion",
  "aov",
  "products",
  "ads",
  "reputation",
  "service",
  "data",
] as const;
export type Area = (typeof AREAS)[number];

/**
 * A metric a finding is about: every name that has a `metric.<name>` label in the catalogue,
 * so a finding can never name a metric the report cannot word.
 */
export type MetricName = MessageKey extends infer K ? (K extends `metric.${infer M}` ? M : never) : never;

/** How a finding's value and benchmark are formatted. */
export type ValueFormat = "percent" | "currency" | "number" | "integer" | "seconds" | "score" | "ratio";

export interface Finding {
  rule: RuleId;
  status: Status;
  area: Area;
  /**
   * The product / source / plan / agent / sheet / search term the finding is about; `shop` when subjectType is
   * `shop`, and "" for a finding about a whole table (all products …), so any name, `shop` included, is itself.
   */
  subject: string;
  subjectType: "shop" | "product" | "source" | "plan" | "agent" | "sheet" | "room" | "carrier" | "searchTerm";
  /** Canonical metric name, e.g. `payConversion`. */
  metric: MetricName;
  value: number | null;
  benchmark: number | null;
  format: ValueFormat;
  /**
   * Estimated money at stake (sales identity with one factor at its benchmark), or null: per day
   * when the days of the data it comes from are known, else for the whole export (impactBasis).
   */
  impact: number | null;
  /** What `impact` covers: "day" (the days are known) or "export" (the whole export); null without impact. */
  impactBasis: "day" | "export" | null;
  /** One sentence in the report language: what is wrong (or fine) and what to do. */
  message: string;
  /** Profit at stake and what it rests on (rules/stake.ts); absent without a Costs tab or without impact. */
  profitAtStake?: StakeFields["profitAtStake"];
  stakeBasis?: StakeFields["stakeBasis"];
  stakeMargin?: StakeFields["stakeMargin"];
}

/**
 * How a finding's money is stated once the Costs tab prices products (rules/stake.ts). Absent
 * altogether without a Costs tab (or without impact), so such reports keep today's shape.
 */
export interface StakeFields {
  /**
   * The profit at stake, same basis as `impact`: `impact` × `stakeMargin` when `impact` is sales,
   * `impact` itself when it is already profit; null when no profit is known (stakeBasis says which).
   */
  profitAtStake: number | null;
  /**
   * What the stated figure is: "profit" (profitAtStake), "sales" (impact is sales and no margin is
   * known for its subject, or the margin is 0 or below), "spend" (impact is money paid out or
   * refunded, lost whole, so no margin applies).
   */
  stakeBasis: "profit" | "sales" | "spend";
  /** The contribution margin that turned sales into profit; null when impact was already profit or none applies. */
  stakeMargin: number | null;
}

export interface Action {
  rule: RuleId;
  subject: string;
  /** What the subject names (as on its finding): the product "shop" is `product`, the whole shop `shop`. */
  subjectType: Finding["subjectType"];
  impact: number | null;
  /** What `impact` covers, as on the finding: "day", "export", or null without impact. */
  impactBasis: "day" | "export" | null;
  /** Worded as a to-do for today, in the report language. */
  message: string;
  /** As on the finding (absent without a Costs tab). */
  profitAtStake?: StakeFields["profitAtStake"];
  stakeBasis?: StakeFields["stakeBasis"];
  stakeMargin?: StakeFields["stakeMargin"];
}

export interface ReportTable {
  sheet: string;
  kind: TableKind;
  /** Canonical field → the header it was read from. */
  columns: Partial<Record<FieldName, string>>;
  rows: number;
}

/**
 * Where the user types their settings, so advice names it: the Settings sheet (the add-on,
 * the preview), the CLI's `--settings` JSON file, or the HTTP function's `settings` field.
 */
export type SettingsPlace = "sheet" | "cli" | "http";

/** Why a report states no health score (see score-gate.ts). */
export interface ScoreReason {
  code: "nothing-judged" | "too-few-areas";
  /** The areas that were judged (data quality left out). */
  areas: Area[];
  /** Export kinds that would make a score possible. */
  suggest: Exclude<TableKind, "unknown">[];
  /** The reason and what to paste, in the report language. */
  message: string;
}

export interface Report {
  language: Language;
  /** 0–100, or null when the judged findings do not cover enough areas (scoreReason says why). */
  score: number | null;
  /** Null when there is a score. */
  scoreReason: ScoreReason | null;
  /** Judged (good/warn/bad) findings per area. */
  judged: Record<Area, number>;
  /** Where advice tells the user to fill a setting; "sheet" when absent. */
  settingsIn?: SettingsPlace;
  /** The days the diagnosed tables cover (their dates, title rows or names), or null when none says. */
  period: ReportPeriod | null;
  /** Sheets whose days are unknown (no dates, no period in title or name): their amounts are for the whole export. */
  undated?: { sheet: string; kind: TableKind }[];
  /** ISO code of the currency every amount is in (from the data or the `currency` setting; CNY by default). */
  currency: CurrencyCode;
  tables: ReportTable[];
  findings: Finding[];
  actions: Action[];
  counts: Record<Status, number>;
  /** The recent window and the baseline it was compared with (the `compareTo` setting), when the data is dated. */
  comparison?: ReportComparison | null;
  /** Shop funnel (people at each step, summed over the period) when the data has at least three steps. */
  funnel?: FunnelStep[] | null;
  /** The shop's core figures over the period (each null when the data does not give it). */
  core?: CoreFigures;
  /** What changed since the last recorded diagnosis; absent when the caller keeps no history. */
  sinceLast?: SinceLast;
  /** The recorded scores in data-period order (this run included), for the score-over-time chart. */
  scoreHistory?: ScorePoint[];
  /** Sales down to net profit over the products the Costs tab prices; absent without a Costs tab. */
  profit?: ProfitBlock;
  /**
   * What today's actions are ranked by: "profit" when every candidate action has a profit at stake,
   * else "sales" (the money as stated, as without costs). Absent without a Costs tab.
   */
  actionsRankedBy?: "profit" | "sales";
}

/** The four figures of sales = visitors × conversion × order value, for the whole shop. */
export interface CoreFigures {
  sales: number | null;
  visitors: number | null;
  /** Paying buyers ÷ visitors. */
  conversion: number | null;
  aov: number | null;
}

export type CoreMetric = keyof CoreFigures;

/**
 * One figure then and now. `change` (now − before) and `ratio` (change ÷ before) are null when a
 * side is missing, and `missing` says which (or `currency`: the two runs' amounts are in
 * different currencies); `ratio` alone is null when before was 0.
 */
export interface FigureDelta {
  /** `netProfit` is the profit block's net (only when a run had a Costs tab). */
  metric: "score" | CoreMetric | "netProfit";
  before: number | null;
  now: number | null;
  change: number | null;
  ratio: number | null;
  missing: "before" | "now" | "both" | "currency" | null;
}

/** A finding's identity across runs: its rule, metric and subject (what the history row keeps). */
export interface FindingRef {
  rule: string;
  metric: string;
  subjectType: Finding["subjectType"];
  subject: string;
}

/** The "since the last diagnosis" block. */
export interface SinceLast {
  /** The earlier run compared with; null when this is the first one recorded. */
  previous: { ranAt: string; from: string | null; to: string | null; currency: string | null } | null;
  deltas: FigureDelta[];
  /**
   * Problems (✖/▲) that are new, fixed (now ✔) or no longer judged (absent or ℹ now); `known`
   * false when the earlier row's list is missing or was cut short, and `reason` says which.
   */
  findings: {
    known: boolean;
    reason: "no-list" | "cut-short" | null;
    added: FindingRef[];
    fixed: FindingRef[];
    dropped: FindingRef[];
  };
  /** Set when this run could not be recorded: the name of the tab in the way. */
  notRecorded?: string;
}

/** One recorded run on the score-over-time chart: its data period's last day (null: unknown) and score. */
export interface ScorePoint {
  to: string | null;
  score: number | null;
}

/**
 * Profit (issue 14): the period's sums (not per day) over the products with a usable cost, from
 * sales down to net profit, and the five most and least profitable of them.
 */
export interface ProfitBlock {
  sales: number;
  refunds: number;
  /** The platform's commission and the payment fee, each at its rate on what is not refunded. */
  platformFees: number;
  paymentFees: number;
  cogs: number;
  adSpend: number;
  net: number;
  /** Products counted (a usable cost and sales). */
  products: number;
  /** Products with sales left out: missing from the Costs tab or with an unusable cost cell. */
  uncosted: number;
  /** Ad spend of plans the Costs tab maps to no counted product: not in `adSpend` nor in `net`. */
  unmappedAdSpend: number;
  /** The five most profitable, best first, and the five least profitable, worst first. */
  best: { name: string; net: number }[];
  worst: { name: string; net: number }[];
}

/** A span of days, both ends counted. */
export interface ReportPeriod {
  from: string;
  to: string;
  /** Days from `from` to `to`, both included. */
  days: number;
}

/** What trends were compared with: the setting's choice and the two windows. */
export interface ReportComparison {
  mode: CompareTo;
  /** Days in each window (a window's span may be longer when the export skips a day). */
  days: number;
  recent: ReportPeriod;
  previous: ReportPeriod;
  /** Dated days of the two windows inside an event (Events tab), left out of both: ordinary days are compared with ordinary days. */
  eventDaysLeftOut: number;
  /** The window whose every dated day is an event day (its trends are not compared), else null. */
  allEventDays: "recent" | "previous" | null;
}

export interface FunnelStep {
  step: "visitors" | "detailVisitors" | "orderBuyers" | "paidBuyers";
  value: number;
}

/** A cell rectangle, 1-based like Apps Script's getRange(row, column, numRows, numColumns). */
export interface GridRange {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/**
 * A report laid out as a sheet: every array is rows × columns of the same shape. The sheet
 * writer, the CLI's HTML and the local preview all render this one structure.
 * Every string in `values` is literal text (the writer must never let Sheets parse it).
 */
export interface ReportGrid {
  sheetName: string;
  values: (string | number | null)[][];
  numberFormats: string[][];
  /** Lowercase `#rrggbb`. */
  backgrounds: string[][];
  fontColors: string[][];
  fontWeights: ("bold" | "normal")[][];
  /** "" for no note. */
  notes: string[][];
  /** Whether each cell's text wraps within its column (the sheet's setWraps); absent means none wraps. */
  wraps?: boolean[][];
  merges: GridRange[];
  frozenRows: number;
  /** Pixel widths per column. */
  columnWidths: number[];
  /** Charts to draw over cells of this grid (the shop funnel, the score over time …), in report order. */
  charts: ChartSpec[];
}

/**
 * How a chart is drawn: `funnel` horizontal bars with each step's rate, `column` vertical bars,
 * `line` a line through the points, `waterfall` floating bars stacked on an invisible base (its
 * series are WATERFALL_SERIES in order, see waterfall.ts). Each adapter (sheet writer, HTML,
 * preview) draws every kind.
 */
export const CHART_KINDS = ["funnel", "column", "line", "waterfall"] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/**
 * A chart over cells of the report grid. The ranges cover the same rows; together they read as
 * a table whose first row names the series and whose first column holds the labels (categories,
 * dates); every further column is one series of numbers. A blank or text cell is a missing point.
 */
export interface ChartSpec {
  kind: ChartKind;
  title: string;
  ranges: GridRange[];
}
