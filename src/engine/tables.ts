/**
 * The contract between table recognition (src/engine/recognize/) and everything that
 * reads recognised tables (rules, report, CLI). Canonical field names are listed and
 * documented here, in one place.
 */
import type { Cell } from "./cells";
import type { IssueCode, UnknownReasonCode } from "./recognize/issues";
import type { FieldName } from "./recognize/vocabulary";

export type { FieldName } from "./recognize/vocabulary";

/** A sheet as `Range.getValues()` returns it. */
export interface SheetInput {
  name: string;
  values: Cell[][];
  /**
   * How many values each row had in the file it came from (CSV/TSV), by 0-based row: the
   * grid itself is padded to a rectangle, so only the reader knows a row was short. Absent
   * for Sheets ranges (rectangular); recognition then detects only rows that run past the header.
   */
  rowLengths?: number[];
  /**
   * Set for a tab that is not a grid — a chart moved to its own sheet (`object`) or a connected
   * data source (`data-source`): it has no cells, is not read, and the report says it was skipped.
   */
  notGrid?: "object" | "data-source";
}

export const TABLE_KINDS = [
  "shop-daily",
  "products",
  "traffic-sources",
  "ad-plans",
  "service-agents",
  "search-terms",
  "live-sessions",
  "content-items",
  "orders",
  "costs",
  "events",
  "unknown",
] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

/**
 * Canonical field names. Rates are fractions (0.035), money is in the export's currency,
 * durations in seconds, dates are ISO `YYYY-MM-DD` text.
 *
 * | field | meaning | typical headers |
 * |---|---|---|
 * | date | statistics day (start day when the cell is a range) | 统计日期, 日期, Day, Date |
 * | dateTo | end day when the date cell is a range `2026-05-01~2026-05-31` | |
 * | visitors | unique visitors (UV) / sessions | 访客数, 商品访客数, Sessions - Total, Online store visitors |
 * | pageviews | page views (PV) | 浏览量, Page Views - Total, Pageviews |
 * | sales | paid sales amount | 支付金额, 成交金额, Total sales, Ordered Product Sales |
 * | paidBuyers | buyers who paid | 支付买家数, 成交客户数, Orders (Shopify) |
 * | payConversion | paid buyers ÷ visitors | 支付转化率, 商品支付转化率, Conversion rate, Unit Session Percentage |
 * | aov | average order value | 客单价, Average order value |
 * | bounceRate | single-page visitors ÷ visitors | 跳失率, 跳出率, Bounce rate |
 * | pagesPerVisitor | page views ÷ visitors (visit depth) | 人均浏览量（访问深度） |
 * | avgStaySeconds | average stay in seconds | 平均停留时长, 人均停留时长(秒), Average session duration |
 * | orderBuyers | buyers who placed an order | 下单买家数 |
 * | orderConversion | order buyers ÷ visitors | 下单转化率 |
 * | detailVisitors | visitors of product detail pages | 商品详情页访客数 |
 * | product | product title | 商品名称, Title, Product |
 * | productId | product / SKU / ASIN id, as text | 商品ID, (Child) ASIN, SKU |
 * | source | traffic source / channel | 来源, 流量来源, Session default channel group |
 * | plan | ad campaign / plan / keyword / ad group | 计划名称, Campaign |
 * | impressions | ad impressions | 展现量, Impressions |
 * | clicks | ad clicks | 点击量, Clicks |
 * | ctr | clicks ÷ impressions | 点击率, CTR |
 * | spend | ad spend | 花费, Spend |
 * | cpc | spend ÷ clicks | 平均点击花费, CPC |
 * | adSales | sales attributed to ads | 总成交金额, Sales (ads) |
 * | roi | ad sales ÷ spend | 投入产出比, ROAS |
 * | agent | customer-service agent | 客服, 旺旺 |
 * | consultations | buyers who consulted | 咨询人数, 询单人数 |
 * | units | units sold | 支付件数, Units Ordered |
 * | orders | paid orders | 支付父订单数, Orders, Total Order Items |
 * | dsrDescription / dsrService / dsrLogistics | the three DSR scores (1–5) | 描述相符动态评分(DSR) … |
 * | badReviews | new bad / low-score reviews | 差评数, DSR综合低评分买家数 |
 * | price | listed price | 价格, 单价, Price |
 *
 * Recognition may add fields (each documented in src/engine/recognize/vocabulary.ts next
 * to its headers); the ones above are the stable contract for rules.
 */
export const CORE_FIELDS = [
  "date",
  "dateTo",
  "visitors",
  "pageviews",
  "sales",
  "paidBuyers",
  "payConversion",
  "aov",
  "bounceRate",
  "pagesPerVisitor",
  "avgStaySeconds",
  "orderBuyers",
  "orderConversion",
  "detailVisitors",
  "product",
  "productId",
  "source",
  "plan",
  "impressions",
  "clicks",
  "ctr",
  "spend",
  "cpc",
  "adSales",
  "roi",
  "agent",
  "consultations",
  "units",
  "orders",
  "dsrDescription",
  "dsrService",
  "dsrLogistics",
  "badReviews",
  "price",
] as const satisfies readonly FieldName[];
export type CoreField = (typeof CORE_FIELDS)[number];

/** The fields a column map (or a row) holds: `Object.keys` types them as plain strings. */
export function fieldsOf(map: Partial<Record<FieldName, unknown>>): FieldName[] {
  return Object.keys(map) as FieldName[];
}

/** A typed data row: canonical field → number, ISO date text, text, or null for "no value". */
export type TableRow = { [F in FieldName]?: number | string | null };

/** Something in the pasted data that could not be used, pointing at a real cell or row. */
export interface RecognitionIssue {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** 1-based sheet column, or null when the issue is about a whole row or table. */
  column: number | null;
  /** The canonical field of that column, when known. */
  field?: FieldName;
  /** Stable machine code, e.g. `not-a-number`, `totals-row`, `rate-mismatch`, `ambiguous-date` (see recognize/issues.ts). */
  code: IssueCode;
  /** Plain-English explanation naming what to do; translated by code in the report. */
  message: string;
  /** The offending cell text, when there is one. */
  text?: string;
}

/** A totals row (合计/总计/Total) kept aside so a sanity rule can compare it with the rows. */
export interface TotalsRow {
  row: number;
  label: string;
  values: TableRow;
}

/** Where a table's period came from: distinct dates in its rows, its title rows, or its file/tab name. */
export type PeriodSource = "dates" | "title" | "name";

/** The days a table covers (ISO dates, inclusive). */
export interface TablePeriod {
  from: string;
  to: string;
  /** Days covered: distinct dates in the rows (or the span when rows hold ranges); the span for title and name. */
  days: number;
  source: PeriodSource;
  /** True when `a/b/yy` dates could be read either way and the order was a guess (month first). */
  ambiguousDates?: boolean;
}

export const PLATFORMS = [
  "taobao",
  "jd",
  "pdd",
  "douyin",
  "shopify",
  "amazon",
  "ga4",
  "shopee",
  "lazada",
  "tiktok",
  "kuaishou",
  "xiaohongshu",
  "weixin",
  "woocommerce",
  "etsy",
  "ebay",
  "mercadolibre",
  "rakuten",
  "unknown",
] as const;
/** The platform whose export a table is (taobao = 生意参谋 / 万相台 / 直通车). */
export type Platform = (typeof PLATFORMS)[number];

export interface RecognizedTable {
  sheet: string;
  kind: TableKind;
  /** Why the table is `unknown` (or a note about a partial recognition), in English. */
  reason?: string;
  /**
   * For `unknown` tables: a stable code for the reason, so the report can say it in its own
   * language (`empty-sheet`, `metrics-down`, `unknown-header`, `no-table`, `no-key-column`,
   * `no-data-rows`, `unreadable`), with the values its wording needs.
   */
  reasonCode?: UnknownReasonCode;
  reasonParams?: Record<string, string | number>;
  /** 1-based row of the header (0 when there is none, e.g. an empty sheet). */
  headerRow: number;
  /** Canonical field → header text it came from. */
  columns: Partial<Record<FieldName, string>>;
  /** Canonical field → 1-based sheet column. */
  columnIndex: Partial<Record<FieldName, number>>;
  /** Typed data rows (totals rows excluded). */
  rows: TableRow[];
  /** 1-based sheet row of each entry in `rows`. */
  rowNumbers: number[];
  totals: TotalsRow[];
  /** Average rows (均值, 平均, Average, Mean), kept aside like totals; absent when none. */
  averages?: TotalsRow[];
  /** Subtotal rows (小计, Subtotal), kept aside; absent when none. */
  subtotals?: TotalsRow[];
  /**
   * The field naming the entity each row belongs to when the table holds several (a 店铺名称 /
   * 直播间名称 / Store column with 2+ values): group rows per value of this field.
   */
  entityField?: FieldName;
  /** The days the table covers; absent when neither its rows, its title nor its name say. */
  period?: TablePeriod;
  /** The platform whose export this is, from its headers (and title/name); "unknown" when nothing tells. */
  platform?: Platform;
  issues: RecognitionIssue[];
  /**
   * Set after recognition (src/engine/grain.ts) when rows are children (SKUs, variations) of
   * a parent (child ASIN, 商品ID, Item ID) whose traffic repeats on every child row: those
   * fields are kept on the first row of each parent (and day) only, and rules group by the parent.
   */
  grain?: TableGrain;
}

/** Which rows share a parent and which metrics belong to the parent, not the row. */
export interface TableGrain {
  /** Field naming the parent (`productId` for a child ASIN / 商品ID / Item ID, `parentAsin`). */
  parentField: FieldName;
  /** Field naming the row within its parent (`sku`, `variationId`, `productId`). */
  childField: FieldName;
  /** Fields constant within each parent, counted once per parent (and day). */
  onceFields: FieldName[];
  /** Parents with more than one row. */
  parents: number;
  /** Rows whose repeated values were left out of the sums. */
  repeatedRows: number;
}
