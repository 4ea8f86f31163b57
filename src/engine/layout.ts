/**
 * layoutReport: the report as a sheet grid — values, number formats, colours, notes, merges,
 * column widths and the funnel chart's source cells. Pure, so the sheet writer, the CLI's
 * HTML and the local preview all show exactly the same report.
 *
 * Status is never colour alone: every coloured status cell also holds a symbol and a word
 * (✔ 良好, ▲ 注意, ✖ 严重, ℹ 提示). The four fills are light tints that differ in lightness
 * as well as hue, with near-black text (contrast above 10:1, well past WCAG AA).
 */
import { amountNumberFormat, formatAmount, type CurrencyCode } from "./currency";
import { isMessageKey, translate, type MessageKey } from "./i18n";
import { LANGUAGE_TABLE } from "./i18n/languages";
import {
  AREAS,
  type Area,
  type ChartSpec,
  type FigureDelta,
  type Finding,
  type FindingRef,
  type GridRange,
  type Report,
  type ReportGrid,
  type SinceLast,
  type Status,
  type ValueFormat,
} from "./report";
import { windowParams } from "./rules/windows";
import { WATERFALL_SERIES, type WaterfallInput, type WaterfallSeries, waterfallBars, waterfallRow } from "./waterfall";
import { scoreBand, scoreBandParams } from "./score";
import { stakeShown, type StakeLabel, type Staked } from "./stake-text";

export const COLOURS = {
  good: "#cfe9dc",
  warn: "#ffe2a0",
  bad: "#f6b9b4",
  grey: "#e3e5e8",
  white: "#ffffff",
  text: "#202124",
  /** Cells that only feed a chart. */
  muted: "#5f6368",
} as const;

const STATUS_FILL: Record<Status, string> = {
  good: COLOURS.good,
  warn: COLOURS.warn,
  bad: COLOURS.bad,
  info: COLOURS.grey,
};

export const COLUMN_WIDTHS = [96, 170, 130, 104, 104, 104, 118, 520];
const WIDTH = COLUMN_WIDTHS.length;
/** The money column's width when it states profit at stake with the sales it comes from (a number cannot wrap). */
const STAKE_WIDTH = 240;

/** The layout's widths; with a Costs tab the money column is wider for its longer label. */
function columnWidthsOf(report: Report): number[] {
  const widths = [...COLUMN_WIDTHS];
  if (report.actionsRankedBy !== undefined) widths[6] = STAKE_WIDTH;
  return widths;
}
const TEXT = "@";

/** The Sheets number format of a value format; money uses the report currency's symbol and decimals. */
export function numberFormatOf(format: ValueFormat, currency: CurrencyCode): string {
  switch (format) {
    case "percent":
      return "0.00%";
    case "currency":
      return amountNumberFormat(currency);
    case "integer":
      return "#,##0";
    case "seconds":
      return "#,##0";
    case "score":
    case "ratio":
      return "0.00";
    case "number":
      return "#,##0.00";
  }
}

class GridBuilder {
  values: (string | number | null)[][] = [];
  numberFormats: string[][] = [];
  backgrounds: string[][] = [];
  fontColors: string[][] = [];
  fontWeights: ("bold" | "normal")[][] = [];
  notes: string[][] = [];
  wraps: boolean[][] = [];
  merges: GridRange[] = [];

  /** Appends a blank row and returns its 1-based row number. */
  row(fill: string = COLOURS.white): number {
    this.values.push(new Array<string | number | null>(WIDTH).fill(null));
    this.numberFormats.push(new Array<string>(WIDTH).fill(TEXT));
    this.backgrounds.push(new Array<string>(WIDTH).fill(fill));
    this.fontColors.push(new Array<string>(WIDTH).fill(COLOURS.text));
    this.fontWeights.push(new Array<"bold" | "normal">(WIDTH).fill("normal"));
    this.notes.push(new Array<string>(WIDTH).fill(""));
    this.wraps.push(new Array<boolean>(WIDTH).fill(false));
    return this.values.length;
  }

  set(row: number, column: number, given: string | number | null, format: string = TEXT): void {
    // The last guard before a sheet: the engine never hands over NaN, Infinity or -0 (inputs
    // past 10^15 are refused), but if one slipped through it is left blank, never written.
    const value = typeof given === "number" ? (Number.isFinite(given) ? given + 0 : null) : given;
    this.values[row - 1][column - 1] = value;
    this.numberFormats[row - 1][column - 1] = value === null ? TEXT : format;
    // Text wraps within its column (advice runs to several lines); numbers never wrap.
    this.wraps[row - 1][column - 1] = typeof value === "string";
  }

  fill(row: number, column: number, colour: string): void {
    this.backgrounds[row - 1][column - 1] = colour;
  }

  bold(row: number, from = 1, to = WIDTH): void {
    for (let c = from; c <= to; c++) this.fontWeights[row - 1][c - 1] = "bold";
  }

  fontColor(row: number, column: number, colour: string): void {
    this.fontColors[row - 1][column - 1] = colour;
  }

  note(row: number, column: number, text: string): void {
    this.notes[row - 1][column - 1] = text;
  }

  merge(row: number, from: number, to: number): void {
    if (to > from) this.merges.push({ row, column: from, numRows: 1, numColumns: to - from + 1 });
  }
}

/** Lays out a report as a grid (see ReportGrid). */
export function layoutReport(report: Report): ReportGrid {
  const t = reportTranslate(report);
  const g = new GridBuilder();

  // Title and score block (frozen).
  titleRow(g, t);
  scoreRows(g, report, t);
  periodRow(g, report, t);
  const frozenRows = sheetsRow(g, report, t);

  sinceLastRows(g, report, t);
  actionRows(g, report, t);
  findingsHeader(g, t, report);
  areaRows(g, report, t);
  const charts: ChartSpec[] = [];
  const funnel = funnelRows(g, report, t);
  if (funnel) charts.push(funnel);
  const history = scoreHistoryRows(g, report, t);
  if (history) charts.push(history);
  const profit = profitRows(g, report, t);
  if (profit) charts.push(profit);

  return {
    sheetName: t("report.sheetName"),
    values: g.values,
    numberFormats: g.numberFormats,
    backgrounds: g.backgrounds,
    fontColors: g.fontColors,
    fontWeights: g.fontWeights,
    notes: g.notes,
    wraps: g.wraps,
    merges: g.merges,
    frozenRows,
    columnWidths: columnWidthsOf(report),
    charts,
  };
}

/** The report's translator: `{settings}` in a note names where its reader fills settings (sheet or --settings file). */
function reportTranslate(report: Report): Translate {
  const lang = report.language;
  const settingsPhrase = translate(lang, `settings.where.${report.settingsIn ?? "sheet"}`);
  return (key: MessageKey, params?: Record<string, string | number>) =>
    translate(lang, key, { settings: settingsPhrase, ...params });
}

/** The bold, merged title row. */
function titleRow(g: GridBuilder, t: Translate): void {
  const title = g.row();
  g.set(title, 1, t("report.title"));
  g.bold(title);
  g.merge(title, 1, WIDTH);
  g.note(title, 1, t("layout.generated"));
}

/** The score row with its band and counts, and (no score) a row saying why. */
function scoreRows(g: GridBuilder, report: Report, t: Translate): void {
  const scoreRow = g.row();
  const judged = report.counts.good + report.counts.warn + report.counts.bad;
  g.set(scoreRow, 1, t("layout.score"));
  g.bold(scoreRow, 1, 2);
  const score = report.score;
  if (score !== null && judged > 0) {
    const band: Status = scoreBand(score);
    g.set(scoreRow, 2, score, "0");
    g.set(scoreRow, 3, t(`status.${band}`));
    g.fill(scoreRow, 2, STATUS_FILL[band]);
    g.fill(scoreRow, 3, STATUS_FILL[band]);
  } else {
    g.set(scoreRow, 2, "—");
    g.set(scoreRow, 3, t(judged > 0 ? "layout.notEnough" : "layout.notScored"));
    g.fill(scoreRow, 3, COLOURS.grey);
  }
  g.note(scoreRow, 2, t("layout.scoreNote", scoreBandParams()));
  g.set(scoreRow, 4, t("layout.counts", { ...report.counts }));
  g.merge(scoreRow, 4, WIDTH);
  // No score: say why and what to paste, right under it.
  if (score === null && report.scoreReason) {
    const why = g.row();
    g.set(why, 1, t("layout.scoreWhy"));
    g.bold(why, 1, 1);
    g.set(why, 2, report.scoreReason.message);
    g.merge(why, 2, WIDTH);
  }
}

/** The row naming the period the report covers. */
function periodRow(g: GridBuilder, report: Report, t: Translate): void {
  const row = g.row();
  g.set(row, 1, t("layout.period"));
  g.bold(row, 1, 1);
  g.set(row, 2, periodText(report, t));
  g.merge(row, 2, WIDTH);
}

/** The row listing the tables read (columns in its note); returns its row number, the last frozen row. */
function sheetsRow(g: GridBuilder, report: Report, t: Translate): number {
  const row = g.row();
  g.set(row, 1, t("layout.sheets"));
  g.bold(row, 1, 1);
  const used = report.tables.filter((tb) => tb.kind !== "unknown");
  g.set(
    row,
    2,
    used.length > 0
      ? used
          .map((tb) => t("layout.tableLine", { sheet: tb.sheet, kind: t(`tableKind.${tb.kind}`), rows: tb.rows }))
          .join(LANGUAGE_TABLE[report.language].clauseSeparator)
      : t("layout.noSheets"),
  );
  g.note(
    row,
    2,
    used.map((tb) => `${tb.sheet}: ${t("layout.columnsNote")}${Object.values(tb.columns).join(", ")}`).join("\n"),
  );
  g.merge(row, 2, WIDTH);
  return row;
}

/** Today's three actions, after a blank row and a grey heading. */
function actionRows(g: GridBuilder, report: Report, t: Translate): void {
  g.row();
  const actionsHead = g.row(COLOURS.grey);
  // With a Costs tab the heading says what the three are ranked by (profit, or the money as stated).
  const rankedBy =
    report.actionsRankedBy === undefined
      ? ""
      : t(report.actionsRankedBy === "profit" ? "layout.actionsByProfit" : "layout.actionsBySales");
  g.set(actionsHead, 1, t("layout.actions") + rankedBy);
  g.bold(actionsHead);
  g.merge(actionsHead, 1, WIDTH);
  if (report.actions.length === 0) {
    const r = g.row();
    g.set(r, 2, t("layout.noActions"));
    g.merge(r, 2, WIDTH);
  }
  report.actions.forEach((action, i) => {
    const r = g.row();
    g.set(r, 1, i + 1, "0");
    g.set(r, 2, action.message);
    g.merge(r, 2, 6);
    setImpact(g, r, action, report.currency, t);
    g.bold(r, 7, 7);
  });
}

const FINDING_HEADERS: readonly MessageKey[] = [
  "layout.col.status",
  "layout.col.subject",
  "layout.col.metric",
  "layout.col.value",
  "layout.col.benchmark",
  "layout.col.gap",
  "layout.col.impact",
  "layout.col.advice",
];

/** The findings heading (after a blank row) and the column-header row. */
function findingsHeader(g: GridBuilder, t: Translate, report: Report): void {
  g.row();
  const findingsHead = g.row(COLOURS.grey);
  g.set(findingsHead, 1, t("layout.findings"));
  g.bold(findingsHead);
  g.merge(findingsHead, 1, WIDTH);
  const header = g.row(COLOURS.grey);
  FINDING_HEADERS.forEach((key, i) => g.set(header, i + 1, t(key)));
  g.bold(header);
  // With a Costs tab the note also says how sales became profit at stake and what was left as it is.
  const staked = report.actionsRankedBy !== undefined ? `\n${t("layout.stakeNote")}` : "";
  g.note(header, 7, t("layout.impactNote") + staked);
}

/** Findings grouped by area in report order: an area row, then its findings. */
function areaRows(g: GridBuilder, report: Report, t: Translate): void {
  const byArea = new Map<Area, Finding[]>();
  for (const f of report.findings) {
    const list = byArea.get(f.area);
    if (list) list.push(f);
    else byArea.set(f.area, [f]);
  }
  for (const area of AREAS) {
    const list = byArea.get(area);
    if (!list) continue;
    const areaRow = g.row();
    // How many checks were judged in this area (ℹ notes do not count), e.g. "转化 · 3 项已评估".
    const judgedHere = list.filter((f) => f.status !== "info").length;
    const areaName = t(`area.${area}`);
    g.set(
      areaRow,
      1,
      judgedHere === 0
        ? t("layout.areaNotJudged", { area: areaName })
        : t(judgedHere === 1 ? "layout.areaJudged.one" : "layout.areaJudged", { area: areaName, n: judgedHere }),
    );
    g.bold(areaRow);
    g.merge(areaRow, 1, WIDTH);
    for (const f of list) findingRow(g, f, report.currency, t);
  }
}

/** The funnel chart's source cells (three steps or more) and the chart over them; null without. */
function funnelRows(g: GridBuilder, report: Report, t: Translate): ChartSpec | null {
  const funnel = report.funnel ?? null;
  if (!funnel || funnel.length < 3) return null;
  g.row();
  const head = g.row(COLOURS.grey);
  g.set(head, 1, t("layout.funnel"));
  g.bold(head);
  g.merge(head, 1, WIDTH);
  g.note(head, 1, t("layout.funnelNote"));
  const cols = g.row();
  g.set(cols, 1, t("layout.step"));
  g.set(cols, 2, t("layout.people"));
  g.bold(cols, 1, 2);
  for (const step of funnel) {
    const r = g.row();
    g.set(r, 1, t(`funnel.${step.step}`));
    g.set(r, 2, Math.round(step.value), "#,##0");
  }
  return {
    kind: "funnel",
    title: t("layout.funnel"),
    ranges: [{ row: cols, column: 1, numRows: funnel.length + 1, numColumns: 2 }],
  };
}

/** The header of each waterfall source column after the steps' labels, in WATERFALL_SERIES order. */
const WATERFALL_HEADERS: Record<WaterfallSeries, MessageKey> = {
  base: "layout.waterfall.base",
  gainAbove: "layout.waterfall.gainAbove",
  gainBelow: "layout.waterfall.gainBelow",
  lossAbove: "layout.waterfall.lossAbove",
  lossBelow: "layout.waterfall.lossBelow",
};

/** Where the waterfall's source columns start: right of the step and its signed amount. */
const WATERFALL_COLUMN = 3;

/**
 * Profit (issue 14): sales → refunds → fees → goods → ads → net profit as signed amounts, and
 * beside them the waterfall's source cells (an invisible base and the bar above and below 0,
 * see waterfall.ts; a part that is 0 is left blank) under a floating-bar chart; then the five
 * most and least profitable products. Null without a Costs tab.
 */
function profitRows(g: GridBuilder, report: Report, t: Translate): ChartSpec | null {
  const p = report.profit;
  if (!p) return null;
  const money = numberFormatOf("currency", report.currency);
  g.row();
  const head = g.row(COLOURS.grey);
  g.set(head, 1, t("layout.profit"));
  g.bold(head);
  g.merge(head, 1, WIDTH);
  g.note(head, 1, t("layout.profitNote"));
  const cover = g.row();
  g.set(cover, 1, t("layout.profitCoverage", { count: p.products, uncosted: p.uncosted }));
  g.merge(cover, 1, WIDTH);
  const cols = g.row();
  g.set(cols, 1, t("layout.step"));
  g.set(cols, 2, t("layout.amount"));
  WATERFALL_SERIES.forEach((series, i) => {
    g.set(cols, WATERFALL_COLUMN + i, t(WATERFALL_HEADERS[series]));
    g.fontColor(cols, WATERFALL_COLUMN + i, COLOURS.muted);
  });
  g.note(cols, WATERFALL_COLUMN, t("layout.waterfall.note"));
  g.bold(cols, 1, 2);
  const steps: [MessageKey, WaterfallInput][] = [
    ["profit.step.sales", { kind: "total", value: p.sales }],
    ["profit.step.refunds", { kind: "change", value: -p.refunds }],
    ["profit.step.platformFees", { kind: "change", value: -p.platformFees }],
    ["profit.step.paymentFees", { kind: "change", value: -p.paymentFees }],
    ["profit.step.cogs", { kind: "change", value: -p.cogs }],
    ["profit.step.ads", { kind: "change", value: -p.adSpend }],
    ["profit.step.net", { kind: "total", value: p.net }],
  ];
  const bars = waterfallBars(steps.map(([, step]) => step));
  steps.forEach(([key, step], i) => {
    const r = g.row(key === "profit.step.net" ? (p.net < 0 ? STATUS_FILL.bad : STATUS_FILL.good) : COLOURS.white);
    g.set(r, 1, t(key));
    g.set(r, 2, step.value + 0, money);
    const parts = waterfallRow(bars[i]);
    WATERFALL_SERIES.forEach((series, n) => {
      const v = parts[series];
      g.set(r, WATERFALL_COLUMN + n, v === 0 ? null : v, money);
      g.fontColor(r, WATERFALL_COLUMN + n, COLOURS.muted);
    });
  });
  if (p.unmappedAdSpend > 0) {
    const r = g.row();
    g.set(r, 1, t("layout.profitUnmapped"));
    g.set(r, 2, p.unmappedAdSpend, money);
  }
  profitList(g, t("layout.profitBest"), p.best, money);
  profitList(g, t("layout.profitWorst"), p.worst, money);
  return {
    kind: "waterfall",
    title: t("layout.profit"),
    ranges: [
      { row: cols, column: 1, numRows: steps.length + 1, numColumns: 1 },
      { row: cols, column: WATERFALL_COLUMN, numRows: steps.length + 1, numColumns: WATERFALL_SERIES.length },
    ],
  };
}

function profitList(g: GridBuilder, title: string, list: { name: string; net: number }[], money: string): void {
  const head = g.row();
  g.set(head, 1, title);
  g.bold(head, 1, 2);
  for (const item of list) {
    const r = g.row();
    g.set(r, 1, item.name);
    g.set(r, 2, item.net + 0, money);
  }
}

function findingRow(g: GridBuilder, f: Finding, currency: CurrencyCode, t: Translate): void {
  const r = g.row();
  g.set(r, 1, t(`status.${f.status}`));
  g.fill(r, 1, STATUS_FILL[f.status]);
  g.bold(r, 1, 1);
  // A finding about a whole table (no single product or source) reads "all products" etc.
  g.set(
    r,
    2,
    f.subjectType === "shop" ? t("layout.shop") : f.subject === "" ? t(`layout.all.${f.subjectType}`) : f.subject,
  );
  const metricKey = `metric.${f.metric}`;
  const noteKey = `note.${f.metric}`;
  g.set(r, 3, hasMessage(metricKey) ? t(metricKey) : f.metric);
  if (hasMessage(noteKey)) g.note(r, 3, t(noteKey, windowParams()));
  const format = numberFormatOf(f.format, currency);
  g.set(r, 4, f.value, format);
  g.set(r, 5, f.benchmark, format);
  const gap = f.value !== null && f.benchmark !== null ? f.value - f.benchmark : null;
  g.set(r, 6, gap !== null && Number.isFinite(gap) ? gap : null, format);
  setImpact(g, r, f, currency, t);
  g.set(r, 8, f.message);
}

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The label of each figure the since-last block compares. */
/** The label of each figure in the since-last block (the terminal summary uses the same). */
export const DELTA_LABELS: Record<FigureDelta["metric"], MessageKey> = {
  score: "layout.score",
  sales: "history.col.sales",
  visitors: "history.col.visitors",
  conversion: "history.col.conversion",
  aov: "history.col.aov",
  netProfit: "history.col.netProfit",
};

/**
 * "Since the last diagnosis", right under the frozen header: what it is compared with, each
 * figure then / now / change / change % (a missing side blank, with the reason), and the
 * problems that are new, fixed, or not judged this time. Nothing when the caller keeps no history.
 */
function sinceLastRows(g: GridBuilder, report: Report, t: Translate): void {
  const since = report.sinceLast;
  if (!since) return;
  g.row();
  const head = g.row(COLOURS.grey);
  g.set(head, 1, t("layout.since.title"));
  g.bold(head);
  g.merge(head, 1, WIDTH);
  if (since.notRecorded) {
    textRow(g, t("layout.since.notRecorded", { sheet: since.notRecorded }));
    return;
  }
  if (!since.previous) {
    textRow(g, t("layout.since.first"));
    return;
  }
  const p = since.previous;
  const period = p.from && p.to ? `${p.from} ~ ${p.to}` : t("layout.since.undated");
  textRow(g, t("layout.since.previous", { ranAt: p.ranAt, period }));
  const cols = g.row();
  const headers: MessageKey[] = ["layout.since.col.before", "layout.since.col.now", "layout.since.col.change"];
  g.set(cols, 1, t("layout.since.col.metric"));
  g.merge(cols, 1, 2);
  headers.forEach((key, i) => g.set(cols, 3 + i, t(key)));
  g.set(cols, 6, t("layout.since.col.ratio"));
  g.bold(cols);
  for (const delta of since.deltas) deltaRow(g, delta, report, t);
  findingChangeRows(g, report, since, t);
}

/** A row of text across the block (columns 1 to the end). */
function textRow(g: GridBuilder, text: string): void {
  const r = g.row();
  g.set(r, 1, text);
  g.merge(r, 1, WIDTH);
}

/** Number formats of one figure's cells: the value, and its change (signed; conversion in points). */
function deltaFormats(delta: FigureDelta, report: Report, t: Translate): { value: string; change: string } {
  const signed = (f: string) => `"+"${f};"-"${f};${f}`;
  switch (delta.metric) {
    case "score":
      return { value: "0", change: signed("0") };
    case "visitors":
      return { value: "#,##0", change: signed("#,##0") };
    case "conversion":
      return { value: "0.00%", change: signed(`0.00${literal(` ${t("layout.since.pp")}`)}`) };
    default: {
      const money = numberFormatOf("currency", report.currency);
      return { value: money, change: signed(money) };
    }
  }
}

/** One figure: label, before, now, change, change %, and why a blank is blank. */
function deltaRow(g: GridBuilder, delta: FigureDelta, report: Report, t: Translate): void {
  const r = g.row();
  const formats = deltaFormats(delta, report, t);
  g.set(r, 1, t(DELTA_LABELS[delta.metric]));
  g.merge(r, 1, 2);
  // Money from another currency is not shown as if it were in this one: the before cell stays blank.
  if (delta.missing !== "currency") g.set(r, 3, delta.before, formats.value);
  g.set(r, 4, delta.now, formats.value);
  // Conversion changes are in percentage points (0.003 → 0.30 points).
  const change = delta.change === null ? null : delta.metric === "conversion" ? delta.change * 100 : delta.change;
  g.set(r, 5, change, formats.change);
  g.set(r, 6, delta.ratio, `"+"0.0%;"-"0.0%;0.0%`);
  const previousCurrency = report.sinceLast?.previous?.currency ?? "";
  const why =
    delta.missing === "currency"
      ? t("layout.since.missing.currency", { before: previousCurrency, now: report.currency })
      : delta.missing !== null
        ? t(`layout.since.missing.${delta.missing}`)
        : delta.ratio === null && delta.change !== null && delta.metric !== "score"
          ? t("layout.since.zero")
          : "";
  if (why) g.set(r, 7, why);
  g.merge(r, 7, WIDTH);
}

/** The problems new / fixed / not judged this time, or why they cannot be listed. */
function findingChangeRows(g: GridBuilder, report: Report, since: SinceLast, t: Translate): void {
  const f = since.findings;
  if (!f.known) {
    textRow(g, t(f.reason === "cut-short" ? "layout.since.cutShort" : "layout.since.noList"));
    return;
  }
  if (f.added.length === 0 && f.fixed.length === 0 && f.dropped.length === 0) {
    textRow(g, t("layout.since.same"));
    return;
  }
  const lists: [MessageKey, FindingRef[]][] = [
    ["layout.since.added", f.added],
    ["layout.since.fixed", f.fixed],
    ["layout.since.dropped", f.dropped],
  ];
  for (const [key, refs] of lists) {
    if (refs.length === 0) continue;
    const r = g.row();
    g.set(r, 1, t(key, { count: refs.length }));
    g.bold(r, 1, 1);
    g.merge(r, 1, 2);
    g.set(r, 3, refList(refs, report, t));
    g.merge(r, 3, WIDTH);
    if (key === "layout.since.dropped") g.note(r, 1, t("layout.since.droppedNote"));
  }
}

/** At most this many problems are named in one line; the rest are counted. */
const LISTED_REFS = 8;

/** "全店：支付转化率、「连衣裙」：访客数 等 12 项". */
function refList(refs: readonly FindingRef[], report: Report, t: Translate): string {
  const names = refs.slice(0, LISTED_REFS).map((ref) => {
    const subject =
      ref.subjectType === "shop"
        ? t("layout.shop")
        : ref.subject === ""
          ? t(`layout.all.${ref.subjectType}`)
          : `「${ref.subject}」`;
    const metricKey = `metric.${ref.metric}`;
    return t("layout.since.item", { subject, metric: hasMessage(metricKey) ? t(metricKey) : ref.metric });
  });
  const list = names.join(LANGUAGE_TABLE[report.language].listSeparator);
  return refs.length > LISTED_REFS ? t("layout.since.more", { list, count: refs.length }) : list;
}

/** The score chart shows at most this many recorded runs (the latest). */
const CHARTED_RUNS = 60;

/** The score-over-time cells (two recorded runs or more) and the line chart over them; null without. */
function scoreHistoryRows(g: GridBuilder, report: Report, t: Translate): ChartSpec | null {
  const points = (report.scoreHistory ?? []).slice(-CHARTED_RUNS);
  if (points.length < 2) return null;
  g.row();
  const head = g.row(COLOURS.grey);
  g.set(head, 1, t("layout.history.title"));
  g.bold(head);
  g.merge(head, 1, WIDTH);
  g.note(head, 1, t("layout.history.note", { count: points.length }));
  const cols = g.row();
  g.set(cols, 1, t("layout.history.col.to"));
  g.set(cols, 2, t("layout.score"));
  g.bold(cols, 1, 2);
  for (const point of points) {
    const r = g.row();
    g.set(r, 1, point.to ?? t("layout.since.undated"));
    // A run without a score is a gap in the line, never a 0.
    g.set(r, 2, point.score, "0");
  }
  return {
    kind: "line",
    title: t("layout.history.title"),
    ranges: [{ row: cols, column: 1, numRows: points.length + 1, numColumns: 2 }],
  };
}

/**
 * The period row: the days the data covers (`2026-10-01 ~ 2026-10-31（31 天）`), then the
 * tables whose days are unknown; "dates unknown" when no table says.
 */
function periodText(report: Report, t: Translate): string {
  if (!report.period) return t("layout.noPeriod");
  const parts = [t("layout.periodDays", { ...report.period }), comparedText(report, t), undatedText(report, t)];
  return parts.filter((p) => p !== "").join(LANGUAGE_TABLE[report.language].clauseSeparator);
}

/** "compared: 05-25 to 05-31 against the same weekdays a week earlier (…)", or "" without windows. */
export function comparedText(report: Pick<Report, "comparison">, t: Translate): string {
  const c = report.comparison;
  if (!c) return "";
  return (
    t("layout.compared", {
      what: t(`compare.${c.mode}`, { days: c.days }),
      recentFrom: c.recent.from,
      recentTo: c.recent.to,
      previousFrom: c.previous.from,
      previousTo: c.previous.to,
    }) + eventDaysText(c, t)
  );
}

/** ", leaving out 3 event days from the Events tab …", a window of event days only, or "" without events. */
function eventDaysText(c: NonNullable<Report["comparison"]>, t: Translate): string {
  // Reports stored before event days were left out have neither field.
  if (c.allEventDays) return t(`layout.allEventDays.${c.allEventDays}`);
  const count = c.eventDaysLeftOut ?? 0;
  return count > 0 ? t("layout.eventDaysLeftOut", { count }) : "";
}

/** "「X」的商品数据日期未知，其金额按本次导出合计", or "" when every table knows its days. */
export function undatedText(report: Pick<Report, "undated" | "language">, t: Translate): string {
  const undated = report.undated ?? [];
  if (undated.length === 0) return "";
  const tables = undated
    .map((u) => t("layout.undatedTable", { sheet: u.sheet, kind: t(`tableKind.${u.kind}`) }))
    .join(LANGUAGE_TABLE[report.language].listSeparator);
  return t("layout.undated", { count: undated.length, tables });
}

/** Quotes text as a Sheets number-format literal (a `"` cannot appear inside one). */
function literal(text: string): string {
  return text === "" ? "" : `"${text.replace(/"/g, "")}"`;
}

/** The number-format wording of each stake label, per basis (day, export). */
const CELL_KEYS: Record<StakeLabel, readonly [MessageKey, MessageKey]> = {
  plain: ["layout.impactCell", "layout.impactCell.export"],
  profit: ["layout.impactCell.profit", "layout.impactCell.profit.export"],
  profitOfSales: ["layout.impactCell.profitOfSales", "layout.impactCell.profitOfSales.export"],
  sales: ["layout.impactCell.sales", "layout.impactCell.sales.export"],
};

/**
 * Column 7 of a finding or action: the money it states, as a number whose format says what it is
 * (profit at stake with the sales it comes from, sales, or as before profit existed).
 */
function setImpact(g: GridBuilder, r: number, item: Staked, currency: CurrencyCode, t: Translate): void {
  const shown = stakeShown(item);
  g.set(r, 7, shown.amount, impactFormat(item.impactBasis, currency, t, shown));
}

/**
 * An impact cell's number format: the amount with the words of its basis around it, so a cell
 * reads `每天约 ¥1,234.00` or `本次导出内约 ¥1,234.00` and still holds a number.
 */
function impactFormat(
  basis: Finding["impactBasis"],
  currency: CurrencyCode,
  t: Translate,
  shown: { label: StakeLabel; sales: number | null } = { label: "plain", sales: null },
): string {
  const amount = numberFormatOf("currency", currency);
  if (basis === null) return amount;
  // The sales behind a profit figure are words of the format (the cell holds the profit).
  const params: Record<string, string> = { amount: "\u0000" };
  if (shown.sales !== null) params.sales = formatAmount(shown.sales, currency, 0);
  const text = t(CELL_KEYS[shown.label][basis === "day" ? 0 : 1], params);
  const at = text.indexOf("\u0000");
  if (at < 0) return amount;
  return literal(text.slice(0, at)) + amount + literal(text.slice(at + 1));
}

function hasMessage(key: string): key is MessageKey {
  return isMessageKey(key);
}
