/**
 * What every rule reads: the recognised tables summarised once (shop days, products,
 * sources, plans, agents), the peer values, the period and how to word money and rates.
 * Built in linear passes so the rules stay cheap on 100,000-row product exports.
 */
import { eventDaysOf, readEvents } from "./events-book";
import { formatAmount, type CurrencyCode } from "../currency";
import { LANGUAGE_TABLE } from "../i18n/languages";
import { translate, type MessageKey } from "../i18n";
import type { Finding, MetricName, ReportPeriod, RuleId, SettingsPlace, Status, ValueFormat } from "../report";
import type { Language, Settings } from "../settings";
import type { FieldName, RecognizedTable, TableKind, TableRow } from "../tables";
import type { Rule } from "./define";
import { dropRepeatedRows, type RepeatedData } from "../duplicates";
import { applyGrain } from "../grain";
import { isCarrierName } from "../recognize/vocabulary";
import { SubjectColumns, SubjectCursor, type Subject } from "./subjects";
import { fieldMask, num, readRow, Totals, TotalsStore } from "./totals";
import { dayNumber, isoOfDay } from "./days";
import { comparisonFor, windowOf, type CompareTo, type Comparison, type IsEventDay, NO_EVENT_DAYS } from "./windows";

export type { Subject, SubjectCursor } from "./subjects";

/** One day (or one undated row) of the shop. */
export interface ShopDay {
  date: string | null;
  totals: Totals;
}

/** The shop-level picture, from the shop-daily table or, lacking one, the sum of sources or products. */
export interface ShopSummary {
  from: TableKind;
  sheet: string;
  days: ShopDay[];
  /** Days the totals cover, from the shop's own tables (see daysCovered); null when unknown. */
  dayCount: number | null;
  totals: Totals;
  /** The latest row that has DSR scores. */
  dsr: { description: number | null; service: number | null; logistics: number | null } | null;
}

/** A table's rows grouped by product, source, plan or agent. */
export interface Group {
  sheet: string;
  /** Every subject as an object, made on first use: on a big products group, prefer `cursor()`. */
  readonly subjects: readonly Subject[];
  /** How many subjects. */
  readonly size: number;
  /** Subject i as a kept object (the same object each time). */
  subject(i: number): Subject;
  /** A cursor over the subjects (`at(i)`), making no object per subject. */
  cursor(): SubjectCursor;
  /**
   * Days the sums cover, from this group's own tables: distinct dates (or the span of date
   * ranges), else each undated table's own period (title rows, file or tab name). Null when a
   * table says neither: its amounts are then stated for the whole export, never per day.
   */
  dayCount: number | null;
  /** True when the table has a date column with values. */
  dated: boolean;
  /** True when the table has dates spanning two comparable windows. */
  hasTrend: boolean;
  /** Days in each trend window (windows.ts: a week with two weeks of data, else half the dates); per-day figures divide by ordinaryDays. */
  windowDays: number;
  /** The recent window and its baseline under the team's compareTo, when dated. */
  comparison: Comparison | null;
  total: Totals;
}

/**
 * What a finding's money covers: one day (the days are known, amounts divided by them) or the
 * whole export (the days are unknown, amounts as summed).
 */
export type Basis = NonNullable<Finding["impactBasis"]>;

/** The basis of amounts summed over `days` days (null: unknown). */
export function basisOf(days: number | null): Basis {
  return days === null ? "export" : "day";
}

/** An amount summed over `days` days, per day when the days are known, else as summed. */
export function perDay(amount: number, days: number | null): number {
  return days === null ? amount : amount / days;
}

/** Message keys that have a whole-export variant `<key>.export` (worded without "per day"). */
export type BasedKey = { [K in MessageKey]: `${K}.export` extends MessageKey ? K : never }[MessageKey];

/** The key's wording for `basis`: itself per day, its `.export` variant for the whole export. */
export function basedKey(key: BasedKey, basis: Basis): MessageKey {
  return basis === "day" ? key : `${key}.export`;
}

/** A status the rule has judged (info is for "cannot judge"). */
export type Judged = Exclude<Status, "info">;

/** A finding plus the to-do wording used when it becomes one of today's actions. */
export interface Draft {
  finding: Finding;
  todo: string | null;
  /** Set on a ✔ whose advice is to give its product more traffic (verdicts.ts drops it when another rule judges that product ▲/✖). */
  advice?: "more-traffic";
  /** On a rule's "+N more" ℹ line: the subjects it counts without naming them (each judged as the rule's listed ones). */
  covers?: readonly string[];
}

/** Something about the pasted data found while preparing the tables (repeated tabs, per-parent metrics), worded for data-sanity. */
export interface DataNote {
  status: Status;
  sheet: string;
  /** Rows concerned. */
  count: number;
  message: string;
}

/** Everything a rule reads, built once per diagnosis. */
export interface RuleContext {
  settings: Settings;
  language: Language;
  /** The ISO code every amount in this report is in (see decideCurrency in diagnose.ts). */
  currency: CurrencyCode;
  /** The tables diagnosed: each row once (repeated tabs left out) and parent metrics once per parent. */
  tables: RecognizedTable[];
  /** What preparing the tables found; data-sanity reports each. */
  dataNotes: DataNote[];
  shop: ShopSummary | null;
  products: Group | null;
  /**
   * What the profit block reads per product: the products exports plus the lines of orders exports
   * that name their product (Mercado Libre's # de publicación and título), summed per product. The
   * same group as `products` when no orders export names products.
   */
  productLines: Group | null;
  sources: Group | null;
  plans: Group | null;
  agents: Group | null;
  peer: { payConversion: number | null; visitorValue: number | null; dsr: number | null };
  /** The days the diagnosed tables cover (each table's own period), or null when none says. */
  period: ReportPeriod | null;
  /** Tables whose days are unknown: their amounts are stated for the whole export. */
  undated: { sheet: string; kind: TableKind }[];
  /** The recent window and its baseline under the team's compareTo (the shop's days first), or null. */
  comparison: Comparison | null;
  /** Dates inside an event the team listed (Events tab): left out of ordinary baselines; anomaly-days judges them against the other event days. */
  eventDays: ReadonlySet<string>;
  /** Whether a date is one of eventDays (false for an undated row): the one lookup every rule shares. */
  isEventDay(date: string | null): boolean;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  money(value: number): string;
  pct(value: number): string;
  fmt(value: number, digits?: number): string;
}

const PRESALE_WORDS = ["预售", "預售", "pre-sale", "presale", "pre-order", "preorder"];
/** Any of PRESALE_WORDS in any letter case (tested on the name as it is: no lower-cased copy per product). */
const PRESALE_NAME = new RegExp(PRESALE_WORDS.join("|"), "i");

function isIso(v: unknown): v is string {
  return typeof v === "string" && v.length >= 10 && v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45;
}

/**
 * The days a table covers. Rows with a date range (`2026-10-01~2026-10-31`, one row for the
 * month) cover the whole span; otherwise it is the number of distinct dates.
 */
class DateSpan {
  private first = Infinity;
  private last = -Infinity;
  private ranged = false;
  add(date: string, dateTo: unknown): void {
    const from = dayNumber(date);
    const to = isIso(dateTo) ? dayNumber(dateTo) : from;
    if (isIso(dateTo) && to > from) this.ranged = true;
    if (from < this.first) this.first = from;
    if (to > this.last) this.last = to;
  }
  /** An orders export lists sales as they came: a day between its first and last order with none sold nothing. */
  continuous(): void {
    this.ranged = true;
  }
  days(distinct: number): number {
    return Math.max(1, this.ranged ? this.last - this.first + 1 : distinct);
  }
}

/** Source columns that together key a traffic row (Shopify platform × channel × type; 生意参谋 一级/二级/三级来源). */
export const SOURCE_PARTS = [
  "sourcePlatform",
  "sourceLevel1",
  "sourceLevel2",
  "sourceLevel3",
  "source",
  "sourceDetail",
  "sourceType",
] as const satisfies readonly FieldName[];

/** Children listed in a parent's name before "…". */
const MAX_CHILDREN_NAMED = 5;

/** How one table's rows are keyed. */
interface Keying {
  /** Key fields: the first non-empty one identifies, the last non-empty one names (product ID, then title). */
  fields: readonly FieldName[];
  /** Several columns that identify together (source levels), in sheet order; null for one-column keys. */
  combined: FieldName[] | null;
  /** A parent table's child field (SKU, variation) and the header it is listed under. */
  child: { field: FieldName; label: string } | null;
}

function keyingOf(table: RecognizedTable, keyFields: readonly FieldName[]): Keying {
  const grain = table.grain;
  if (grain) {
    // Variation / SKU names (Shopee Variation Name, 生意参谋 SKU名称) read better than their ids.
    const field =
      grain.childField !== "productId" && "variationName" in table.columnIndex ? "variationName" : grain.childField;
    return {
      fields: [grain.parentField, "product"],
      combined: null,
      child: { field, label: table.columns[field] ?? field },
    };
  }
  if (table.kind === "traffic-sources") {
    const byColumn = new Map<number, FieldName>();
    for (const f of SOURCE_PARTS) {
      const c = table.columnIndex[f];
      if (c !== undefined && !byColumn.has(c)) byColumn.set(c, f);
    }
    if (byColumn.size > 1)
      return {
        fields: keyFields,
        combined: [...byColumn.keys()].sort((a, b) => a - b).map((c) => byColumn.get(c)!),
        child: null,
      };
  }
  return { fields: keyFields, combined: null, child: null };
}

function partText(v: TableRow[FieldName]): string {
  if (v === null || v === undefined) return "";
  const t = String(v).trim();
  return t === "-" || t === "--" || t === "—" ? "" : t;
}

/** The non-empty leading parts of a combined key ("" when the first is empty). */
function combinedParts(row: TableRow, fields: readonly FieldName[]): string[] {
  const parts: string[] = [];
  for (const f of fields) {
    const t = partText(row[f]);
    if (t === "") break;
    parts.push(t);
  }
  return parts;
}

/**
 * Rows of a combined-key table that total deeper rows (`淘内免费` with blank 二级来源 above
 * its `淘内免费 › 手淘搜索` rows): counting them too would count those visitors twice.
 */
function subtotalKeys(table: RecognizedTable, fields: readonly FieldName[]): Set<string> {
  const prefixes = new Set<string>();
  for (const row of table.rows) {
    const parts = combinedParts(row, fields);
    for (let k = 1; k < parts.length; k++) prefixes.add(parts.slice(0, k).join("\u0000"));
  }
  return prefixes;
}

/** The distinct ISO dates of the tables' rows, and the span they (or their date ranges) cover. */
function datesOf(tables: RecognizedTable[]): { dates: Set<string>; span: DateSpan } {
  const dates = new Set<string>();
  const span = new DateSpan();
  for (const table of tables) {
    const rows = table.rows;
    if (table.kind === "orders" && rows.length > 0) span.continuous();
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const d = row.date;
      if (isIso(d)) {
        dates.add(d);
        span.add(d, row.dateTo);
      }
    }
  }
  return { dates, span };
}

/**
 * Days the tables' sums cover, from the tables themselves: the distinct dates of their rows (the
 * span when rows hold date ranges); an undated table adds its own period (title rows, file or
 * tab name). Null when any table with rows has neither: then nobody knows the days.
 */
function daysCovered(tables: RecognizedTable[]): number | null {
  const { dates, span } = datesOf(tables);
  let periods = 0;
  for (const table of tables) {
    if (table.rows.length === 0 || table.rows.some((r) => isIso(r.date))) continue;
    const p = table.period;
    if (!p) return null;
    if (p.from === p.to) dates.add(p.from);
    span.add(p.from, p.to);
    periods++;
  }
  return dates.size > 0 || periods > 0 ? span.days(dates.size) : null;
}

/** The display name of the row `subjectKey` read last (set with its key: no object per row). */
let keyName = "";

/**
 * The subject key of a row, or null when the row has no key (or totals deeper rows); its
 * display name is left in `keyName`.
 */
function subjectKey(row: TableRow, keying: Keying, subtotals: Set<string> | null): string | null {
  if (keying.combined) {
    const parts = combinedParts(row, keying.combined);
    if (parts.length === 0) return null;
    const key = parts.join("\u0000");
    if (subtotals?.has(key)) return null;
    keyName = parts.join(" › ");
    return key;
  }
  let key = "";
  let name = "";
  // The first key field identifies (product ID), the last one present names (product title).
  for (const f of keying.fields) {
    const v = row[f];
    if (v !== null && v !== undefined && v !== "") {
      if (!key) key = String(v);
      name = String(v);
    }
  }
  keyName = name;
  return key || null;
}

/** Remembers a parent's child (SKU, variation) so its findings can list them. */
function noteChild(columns: SubjectColumns, s: number, row: TableRow, child: Keying["child"]): void {
  if (!child) return;
  const c = partText(row[child.field]);
  if (c === "") return;
  columns.addChild(s, `${child.label}\u0000${c}`);
}

/**
 * The carrier a traffic row names in its 流量来源 (`source`) cell, or null when that cell is a
 * channel. Decided per cell, at the rules: a header cannot tell, and one column may mix both.
 */
export function carrierSource(row: TableRow): string | null {
  const v = row.source;
  return isCarrierName(v) ? v.trim() : null;
}

/** The window a dated row falls in (event days and days outside both: none). */
function windowOfRow(row: TableRow, comparison: Comparison | null): "recent" | "previous" | null {
  return comparison && isIso(row.date) ? windowOf(comparison, dayNumber(row.date)) : null;
}

/** Groups a table's rows by subject (product, source …); dated tables also get recent/previous windows. */
export function groupRows(
  tables: RecognizedTable[],
  keyFields: FieldName[],
  mode: CompareTo = "previous-period",
  isEventDay: IsEventDay = NO_EVENT_DAYS,
): Group | null {
  if (tables.length === 0) return null;
  // Room for the fields these tables have, not every field (7 doubles a product, not 27).
  const store = new TotalsStore(tables.map((t) => fieldMask(t.columnIndex)));
  const total = new Totals();
  const { dates } = datesOf(tables);
  // Two windows (see windows.ts): the recent days and the baseline the team compares with,
  // event days left out of both (windowOfRow places none of them).
  const comparison = comparisonFor([...dates].sort(), mode, false, isEventDay);
  const windowDays = comparison?.days ?? 0;
  // Each subject has a row of its own at least: room for that many, so no column regrows.
  const capacity = tables.reduce((n, t) => n + t.rows.length, 0);
  const columns = new SubjectColumns(store, windowDays > 0, capacity);

  for (const table of tables) {
    const mask = fieldMask(table.columnIndex);
    const keying = keyingOf(table, keyFields);
    const subtotals = keying.combined ? subtotalKeys(table, keying.combined) : null;
    const rows = table.rows;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const key = subjectKey(row, keying, subtotals);
      if (key === null) continue;
      const name = keyName || key;
      // Read once, added to the table total and (below) to its subject and one window.
      readRow(row, mask);
      total.addRead();
      // A 流量来源 of 直播 / 短视频 / 商品卡 / 图文 is a carrier (carrier-mix reads it), never a channel.
      if (table.kind === "traffic-sources" && carrierSource(row) !== null) continue;
      let s = columns.find(key);
      if (s < 0) s = columns.add(key, name, isPresale(name, row));
      noteChild(columns, s, row, keying.child);
      columns.addRead(s, windowOfRow(row, comparison));
    }
  }
  for (const [s, children] of columns.parents())
    if (children.size > 1) columns.names[s] = withChildren(columns.names[s], children);
  const sums = { total, dated: dates.size > 0, comparison, dayCount: daysCovered(tables) };
  return asGroup(tables[0].sheet, columns, sums);
}

/** The Group of some grouped columns and their sums. */
function asGroup(
  sheet: string,
  columns: SubjectColumns,
  sums: Pick<Group, "total" | "dated" | "comparison" | "dayCount">,
): Group {
  const windowDays = sums.comparison?.days ?? 0;
  return {
    sheet,
    get subjects() {
      return columns.all();
    },
    size: columns.size,
    subject: (i) => columns.subject(i),
    cursor: () => new SubjectCursor(columns),
    ...sums,
    hasTrend: windowDays > 0,
    windowDays,
  };
}

/** `Leggings (SKU: TFL-M / TFL-L)`: a parent's findings name the SKUs they cover. */
function withChildren(name: string, children: Set<string>): string {
  const list = [...children];
  const label = list[0].slice(0, list[0].indexOf("\u0000"));
  const values = list.map((c) => c.slice(c.indexOf("\u0000") + 1));
  const shown =
    values.slice(0, MAX_CHILDREN_NAMED).join(" / ") +
    (values.length > MAX_CHILDREN_NAMED ? ` / …+${values.length - MAX_CHILDREN_NAMED}` : "");
  return `${name} (${label}: ${shown})`;
}

function isPresale(name: string, row: TableRow): boolean {
  const flag = row.presale;
  if (flag === 1 || flag === "1" || flag === "是" || flag === "yes" || flag === "true") return true;
  return PRESALE_NAME.test(name);
}

function summariseShop(tables: RecognizedTable[], fallback: Group | null, fallbackKind: TableKind): ShopSummary | null {
  const daily = tables.filter((t) => t.kind === "shop-daily" && t.rows.length > 0);
  if (daily.length > 0) {
    const byDate = new Map<string, ShopDay>();
    const undated: ShopDay[] = [];
    const totals = new Totals();
    let dsr: ShopSummary["dsr"] = null;
    let dsrDate = "";
    for (const table of daily) {
      const mask = fieldMask(table.columnIndex);
      for (const row of table.rows) {
        totals.add(row, mask);
        const d = row.date;
        let day: ShopDay;
        if (isIso(d)) {
          let found = byDate.get(d);
          if (!found) {
            found = { date: d, totals: new Totals() };
            byDate.set(d, found);
          }
          day = found;
        } else {
          day = { date: null, totals: new Totals() };
          undated.push(day);
        }
        day.totals.add(row, mask);
        const desc = num(row, "dsrDescription");
        const serv = num(row, "dsrService");
        const logi = num(row, "dsrLogistics");
        if ((desc !== null || serv !== null || logi !== null) && (isIso(d) ? d >= dsrDate : dsr === null)) {
          dsr = { description: desc, service: serv, logistics: logi };
          if (isIso(d)) dsrDate = d;
        }
      }
    }
    const days = [...byDate.values()].sort((a, b) => (a.date! < b.date! ? -1 : 1)).concat(undated);
    return { from: "shop-daily", sheet: daily[0].sheet, days, dayCount: daysCovered(daily), totals, dsr };
  }
  if (fallback && fallback.total.get("visitors") !== null) {
    return {
      from: fallbackKind,
      sheet: fallback.sheet,
      days: [],
      dayCount: fallback.dayCount,
      totals: fallback.total,
      dsr: null,
    };
  }
  return null;
}

/** The shop's two windows, when its days are dated (week on week when there are enough). */
function shopComparison(shop: ShopSummary | null, mode: CompareTo, isEventDay: IsEventDay): Comparison | null {
  if (!shop || shop.from !== "shop-daily") return null;
  const dates = shop.days.filter((d) => d.date !== null).map((d) => d.date!);
  return comparisonFor(dates, mode, true, isEventDay) ?? comparisonFor(dates, mode, false, isEventDay);
}

/** The mean of a numeric field over every row of the given tables that has it, or null. */
function columnMean(tables: RecognizedTable[], field: FieldName): number | null {
  let sum = 0;
  let n = 0;
  for (const table of tables) {
    if (!(field in table.columnIndex)) continue;
    for (const row of table.rows) {
      const v = num(row, field);
      if (v !== null) {
        sum += v;
        n++;
      }
    }
  }
  return n > 0 ? sum / n : null;
}

/**
 * The days the tables cover together: each table's dated rows (with their date ranges), else its
 * own period (title rows, file or tab name); null when no table says.
 */
function periodOf(tables: RecognizedTable[]): ReportPeriod | null {
  let from = "";
  let to = "";
  const cover = (start: string, end: string) => {
    if (!from || start < from) from = start;
    if (!to || end > to) to = end;
  };
  for (const table of tables) {
    let dated = false;
    for (const row of table.rows) {
      const d = row.date;
      if (!isIso(d)) continue;
      dated = true;
      cover(d, isIso(row.dateTo) && row.dateTo > d ? row.dateTo : d);
    }
    if (!dated && table.rows.length > 0 && table.period) cover(table.period.from, table.period.to);
  }
  return from ? { from, to, days: dayNumber(to) - dayNumber(from) + 1 } : null;
}

/** Tables with rows whose days nobody knows (no dated rows, no period in the title or name). */
function undatedTables(tables: RecognizedTable[]): { sheet: string; kind: TableKind }[] {
  const out: { sheet: string; kind: TableKind }[] = [];
  for (const table of tables) {
    // A Costs tab holds prices and costs per unit, not amounts over days.
    if (table.rows.length === 0 || table.period || table.kind === "costs" || table.kind === "events") continue;
    if (out.some((u) => u.sheet === table.sheet && u.kind === table.kind)) continue;
    if (!table.rows.some((r) => isIso(r.date))) out.push({ sheet: table.sheet, kind: table.kind });
  }
  return out;
}

/**
 * A ratio rounded to 9 decimals before it is compared with a boundary, so that 900 ÷ 1000 − 1
 * is exactly −0.1 (not −0.0999…98) and a value on a boundary lands on the documented side.
 */
export function stable(x: number): number {
  const r = Math.round(x * 1e9) / 1e9;
  return Number.isFinite(r) ? r : x;
}

/** A fraction as a percentage with 2 decimals; a value that rounds to zero has no sign (not "-0.00%"). */
function percentText(v: number): string {
  const fixed = (v * 100).toFixed(2);
  return `${Number(fixed) === 0 ? "0.00" : fixed}%`;
}

/** Groups thousands with commas (no Intl: Apps Script's V8 locale data is not guaranteed). */
export function groupDigits(value: number, digits: number): string {
  const fixed = Math.abs(value).toFixed(digits);
  const [int, frac] = fixed.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (value < 0 && Number(fixed) !== 0 ? "-" : "") + grouped + (frac ? "." + frac : "");
}

/** Builds the context the rules share; `currency` is decided by the caller, which sees the raw cells. */
export function buildContext(
  pasted: RecognizedTable[],
  settings: Settings,
  currency: CurrencyCode,
  settingsIn: SettingsPlace = "sheet",
): RuleContext {
  // Each day/product once, then each product's traffic once per product (not per SKU row).
  const { tables: once, repeats } = dropRepeatedRows(pasted);
  const tables = once.map(applyGrain);
  const known = tables.filter((t) => t.kind !== "unknown");
  const ofKind = (kind: TableKind) => known.filter((t) => t.kind === kind);
  // Each group's days come from its own tables: an undated products report pasted beside a
  // dated day table does not borrow the day table's period (see daysCovered).
  const eventDays = eventDaysOf(readEvents(known));
  const isEventDay = (date: string | null) => date !== null && eventDays.has(date);
  const group = (kind: TableKind, keys: FieldName[]) => groupRows(ofKind(kind), keys, settings.compareTo, isEventDay);
  const products = group("products", ["productId", "product"]);
  const productLines = productLinesOf(known, products, settings.compareTo, isEventDay);
  const sources = group("traffic-sources", ["source"]);
  const plans = group("ad-plans", ["plan"]);
  const agents = group("service-agents", ["agent"]);
  const shop = summariseShop(known, sources ?? products, sources ? "traffic-sources" : "products");
  const language = settings.language;
  const settingsPhrase = translate(language, `settings.where.${settingsIn}`);
  const peer = {
    payConversion: settings.peerPayConversion ?? columnMean(known, "peerPayConversion"),
    visitorValue: settings.peerVisitorValue ?? columnMean(known, "peerVisitorValue"),
    dsr: settings.peerDsr ?? columnMean(known, "peerDsr"),
  };
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
  return {
    settings,
    language,
    currency,
    tables,
    dataNotes: [
      ...repeats.map((r) => repeatNote(r, t)),
      ...grainNotes(tables, t, LANGUAGE_TABLE[language].listSeparator),
    ],
    shop,
    products,
    productLines,
    sources,
    plans,
    agents,
    peer,
    period: periodOf(known),
    undated: undatedTables(known),
    comparison:
      shopComparison(shop, settings.compareTo, isEventDay) ?? products?.comparison ?? sources?.comparison ?? null,
    eventDays,
    isEventDay,
    // `{settings}` in advice names where this user fills settings (Settings sheet or --settings file).
    t: (key, params) => translate(language, key, { settings: settingsPhrase, ...params }),
    // A figure that is not a real number is shown as a dash, never as NaN or Infinity.
    money: (v) => formatAmount(v, currency),
    pct: (v) => (Number.isFinite(v * 100) ? percentText(v) : "—"),
    fmt: (v, digits = 2) => (Number.isFinite(v) ? groupDigits(v, digits) : "—"),
  };
}

/**
 * The products with their order lines: an orders export whose lines name their product (by id,
 * SKU or title) is that product's sales and units for its profit. The products group itself when
 * no orders export names products.
 */
function productLinesOf(
  known: readonly RecognizedTable[],
  products: Group | null,
  compareTo: Settings["compareTo"],
  isEventDay: IsEventDay,
): Group | null {
  const keys: FieldName[] = ["productId", "sku", "product"];
  const orderLines = known.filter((t) => t.kind === "orders" && keys.some((f) => f in t.columns));
  if (orderLines.length === 0) return products;
  return groupRows([...known.filter((t) => t.kind === "products"), ...orderLines], keys, compareTo, isEventDay);
}

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** ▲ Two tabs holding the same rows: which, how many rows, and the cells that disagree. */
function repeatNote(r: RepeatedData, t: Translate): DataNote {
  const params = { copy: r.copy, original: r.original, rows: r.rows, from: r.from ?? "", to: r.to ?? "" };
  let message = t(r.whole ? "dup.whole" : r.from ? "dup.overlap" : "dup.rows", params);
  if (r.disagreementCount > 0) {
    const cells = r.disagreements
      .map(
        (d) =>
          `${d.copyCell} ${groupDigits(d.copyValue, Number.isInteger(d.copyValue) ? 0 : 2)} ≠ ${d.originalCell} ${groupDigits(d.originalValue, Number.isInteger(d.originalValue) ? 0 : 2)}`,
      )
      .join("; ");
    message += t("dup.disagree", {
      count: r.disagreementCount,
      cells: cells + (r.disagreementCount > r.disagreements.length ? "; …" : ""),
      original: r.original,
    });
  }
  return { status: "warn", sheet: r.copy, count: r.rows, message };
}

/** ℹ Which metrics were counted once per parent (ASIN, 商品ID, Item ID) instead of once per row. */
function grainNotes(tables: RecognizedTable[], t: Translate, listSeparator: string): DataNote[] {
  const out: DataNote[] = [];
  for (const table of tables) {
    const grain = table.grain;
    if (!grain) continue;
    const headers: string[] = [];
    for (const f of grain.onceFields) {
      const h = table.columns[f] ?? f;
      if (!headers.includes(h)) headers.push(h);
    }
    const params = {
      sheet: table.sheet,
      metrics: headers.join(listSeparator),
      parent: table.columns[grain.parentField] ?? grain.parentField,
      child: table.columns[grain.childField] ?? grain.childField,
      parents: grain.parents,
      rows: grain.repeatedRows,
    };
    out.push({ status: "info", sheet: table.sheet, count: grain.repeatedRows, message: t("grain.once", params) });
  }
  return out;
}

function finite(n: number | null | undefined): number | null {
  return n !== null && n !== undefined && Number.isFinite(n) ? n : null;
}

/**
 * ℹ One of the comparison's windows holds event days only: ordinary days are not set against
 * event days, so the trend is not compared at all (no figure), and the message names the window.
 */
export function allEventDaysFinding(
  rule: Rule,
  ctx: RuleContext,
  c: Comparison,
  metric: MetricName,
  format: ValueFormat,
  subjectType?: Finding["subjectType"],
): Draft {
  const which = c.allEventDays ?? "previous";
  const recent = which === "recent";
  return makeFinding(rule, {
    status: "info",
    subjectType,
    metric,
    format,
    message: ctx.t(`compare.allEvent.${which}`, {
      from: isoOfDay(recent ? c.recentFrom : c.previousFrom),
      to: isoOfDay(recent ? c.recentTo : c.previousTo),
      count: c.eventDays[which],
    }),
  });
}

/** Shorthand for a finding with the rule's id and area filled in. */
export function makeFinding(
  rule: Rule,
  fields: {
    status: Status;
    subject?: string;
    subjectType?: Finding["subjectType"];
    metric: MetricName;
    value?: number | null;
    benchmark?: number | null;
    format: ValueFormat;
    message: string;
    todo?: string | null;
  } & ({ impact?: null } | { impact: number | null; basis: Basis }),
): Draft {
  const rounded = "basis" in fields && fields.impact !== null ? finite(Math.round(fields.impact * 100) / 100) : null;
  return {
    finding: {
      // Every rule that runs is in RULE_DECLARATIONS, whose ids are RuleId by construction.
      rule: rule.id as RuleId,
      status: fields.status,
      area: rule.area,
      // A finding about a whole table (all products, every source) has no subject: "" never collides with a name.
      subject: fields.subject ?? (fields.subjectType === undefined || fields.subjectType === "shop" ? "shop" : ""),
      subjectType: fields.subjectType ?? "shop",
      metric: fields.metric,
      value: finite(fields.value),
      benchmark: finite(fields.benchmark),
      format: fields.format,
      // Money to the cent; a figure too large to round is no figure at all.
      impact: rounded,
      impactBasis: rounded !== null && "basis" in fields ? fields.basis : null,
      message: fields.message,
    },
    todo: fields.todo ?? null,
  };
}
