/**
 * The contract between table recognition (src/engine/recognize/) and everything that
 * reads recognised tables (rules, report, CLI). Canonical field names are listed and
 * documented here, in one place.
 */
import type { Cell } from "./cells";
import type { IssueCode, UnknownReasonCode } from "./recognize/issues";

/** A sheet as `Range.getValues()` returns it. */
export interface SheetInput {
  name: string;
  values: Cell[][];
}

export const TABLE_KINDS = [
  "shop-daily",
  "products",
  "traffic-sources",
  "ad-plans",
  "service-agents",
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
  "date", "dateTo", "visitors", "pageviews", "sales", "paidBuyers", "payConversion", "aov",
  "bounceRate", "pagesPerVisitor", "avgStaySeconds", "orderBuyers", "orderConversion",
  "detailVisitors", "product", "productId", "source", "plan", "impressions", "clicks", "ctr",
  "spend", "cpc", "adSales", "roi", "agent", "consultations", "units", "orders",
  "dsrDescription", "dsrService", "dsrLogistics", "badReviews", "price",
] as const;
export type CoreField = (typeof CORE_FIELDS)[number];

/** A typed data row: canonical field → number, ISO date text, text, or null for "no value". */
export type TableRow = Record<string, number | string | null | undefined>;

/** Something in the pasted data that could not be used, pointing at a real cell or row. */
export interface RecognitionIssue {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** 1-based sheet column, or null when the issue is about a whole row or table. */
  column: number | null;
  /** The canonical field of that column, when known. */
  field?: string;
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
  columns: Record<string, string>;
  /** Canonical field → 1-based sheet column. */
  columnIndex: Record<string, number>;
  /** Typed data rows (totals rows excluded). */
  rows: TableRow[];
  /** 1-based sheet row of each entry in `rows`. */
  rowNumbers: number[];
  totals: TotalsRow[];
  issues: RecognitionIssue[];
}
