/**
 * Summing recognised rows the one right way: counts are summed and rates recomputed from the
 * sums (never averaged), except bounce rate, which is the mean of the daily rates (DOMAIN.md).
 * A row that only has a rate column gets its count back from the rate × its denominator.
 */
import * as metrics from "../metrics";
import type { TableRow } from "../tables";

export const SUM_FIELDS = [
  "visitors", "pageviews", "sales", "paidBuyers", "orderBuyers", "detailVisitors", "units",
  "orders", "impressions", "clicks", "spend", "adSales", "consultations", "badReviews", "repeatBuyers",
] as const;
export type SumField = (typeof SUM_FIELDS)[number];

/** The number in a typed row field, or null for blank / text / missing. */
export function num(row: TableRow, field: string): number | null {
  const v = row[field];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** Applies a metric formula from src/engine/metrics when both inputs exist. */
function both(formula: (a: number, b: number) => number | null, a: number | null, b: number | null): number | null {
  // Every denominator here is a count or an amount; zero or below (a data error) has no rate.
  if (a === null || b === null || !(b > 0)) return null;
  const r = formula(a, b);
  // A denominator like 5e-324 gives Infinity: no rate a user could read, so none at all.
  return r !== null && Number.isFinite(r) ? r : null;
}

/** a ÷ b, or null when either is missing or b is 0 (a rate without a denominator does not exist). */
export function ratio(a: number | null, b: number | null): number | null {
  return both(metrics.ratio, a, b);
}

const READ_FIELDS = ["adSales", "aov", "badReviews", "bounceRate", "bouncedVisitors", "clicks", "consultConversion", "consultations", "cpc", "ctr", "depositBuyers", "detailVisitors", "impressions", "orderBuyers", "orderConversion", "orders", "pagesPerVisitor", "pageviews", "paidBuyers", "payConversion", "presaleOrders", "price", "repeatBuyerShare", "repeatBuyers", "repurchaseRate", "roi", "sales", "spend", "units", "visitors"] as const;
/** Bit per field Totals.add reads. */
const F = Object.fromEntries(READ_FIELDS.map((f, i) => [f, 2 ** i])) as Record<(typeof READ_FIELDS)[number], number>;
const ALL_FIELDS = 2 ** READ_FIELDS.length - 1;

/** The bits of the fields a table has columns for, so Totals.add only looks those up. */
export function fieldMask(columnIndex: Record<string, number>): number {
  let mask = 0;
  for (const f of READ_FIELDS) if (f in columnIndex) mask |= F[f];
  return mask;
}

const N = SUM_FIELDS.length;
const INDEX = Object.fromEntries(SUM_FIELDS.map((f, i) => [f, i])) as Record<SumField, number>;
// Slots after the sums: the means kept alongside (sum, count).
const BOUNCE = N;
const PRICE = N + 2;
const REPURCHASE = N + 4;
const CONV = N + 6;
const CONSULT = N + 8;
const SLOTS = N + 10;
const [VISITORS, PAGEVIEWS, SALES, PAID, ORDER_BUYERS, DETAIL, UNITS, ORDERS, IMPRESSIONS, CLICKS, SPEND, AD_SALES, CONSULTATIONS, BAD_REVIEWS, REPEAT] =
  SUM_FIELDS.map((f) => INDEX[f]);

/** A fresh array of SLOTS zeros, held as doubles from the start (no element-kind transition). */
function zeros(): number[] {
  const a = new Array<number>(SLOTS);
  for (let i = 0; i < SLOTS; i++) a[i] = 0;
  return a;
}

/**
 * Running sums over rows of one table (or one product, source, day …). One flat
 * Float64Array per instance: a 100,000-product export makes 100,000 of these.
 */
export class Totals {
  private readonly v: number[] = zeros();
  /** Bit i set when some row had sum field i (a field never seen has no total, not 0). */
  private seen = 0;
  rows = 0;

  private put(i: number, value: number | null): void {
    if (value === null) return;
    this.v[i] += value;
    this.seen |= 1 << i;
  }

  private mean(slot: number, value: number | null): void {
    if (value === null) return;
    this.v[slot] += value;
    this.v[slot + 1]++;
  }

  private meanOf(slot: number): number | null {
    return this.v[slot + 1] > 0 ? this.v[slot] / this.v[slot + 1] : null;
  }

  /**
   * Adds one row, filling a missing count from its rate column when both parts are there.
   * `mask` (from fieldMask) skips the fields the row's table has no column for.
   */
  add(row: TableRow, mask: number = ALL_FIELDS): void {
    this.rows++;
    const visitors = (mask & F.visitors ? num(row, "visitors") : null);
    this.put(VISITORS, visitors);
    let paid = (mask & F.paidBuyers ? num(row, "paidBuyers") : null);
    const conv = (mask & F.payConversion ? num(row, "payConversion") : null);
    this.mean(CONV, conv);
    if (paid === null && conv !== null && visitors !== null) paid = conv * visitors;
    this.put(PAID, paid);
    let sales = (mask & F.sales ? num(row, "sales") : null);
    if (sales === null) {
      const aov = (mask & F.aov ? num(row, "aov") : null);
      if (aov !== null && paid !== null) sales = aov * paid;
    }
    this.put(SALES, sales);
    let orderBuyers = (mask & F.orderBuyers ? num(row, "orderBuyers") : null);
    if (orderBuyers === null) {
      const oc = (mask & F.orderConversion ? num(row, "orderConversion") : null);
      if (oc !== null && visitors !== null) orderBuyers = oc * visitors;
    }
    // A pre-sale item's orders are its deposit buyers (or pre-sale orders) until the balance is paid.
    if (orderBuyers === null) orderBuyers = (mask & F.depositBuyers ? num(row, "depositBuyers") : null) ?? (mask & F.presaleOrders ? num(row, "presaleOrders") : null);
    this.put(ORDER_BUYERS, orderBuyers);
    let pageviews = (mask & F.pageviews ? num(row, "pageviews") : null);
    if (pageviews === null) {
      const depth = (mask & F.pagesPerVisitor ? num(row, "pagesPerVisitor") : null);
      if (depth !== null && visitors !== null) pageviews = depth * visitors;
    }
    this.put(PAGEVIEWS, pageviews);
    const impressions = (mask & F.impressions ? num(row, "impressions") : null);
    this.put(IMPRESSIONS, impressions);
    let clicks = (mask & F.clicks ? num(row, "clicks") : null);
    if (clicks === null) {
      const ctr = (mask & F.ctr ? num(row, "ctr") : null);
      if (ctr !== null && impressions !== null) clicks = ctr * impressions;
    }
    this.put(CLICKS, clicks);
    let spend = (mask & F.spend ? num(row, "spend") : null);
    if (spend === null) {
      const cpc = (mask & F.cpc ? num(row, "cpc") : null);
      if (cpc !== null && clicks !== null) spend = cpc * clicks;
    }
    this.put(SPEND, spend);
    let adSales = (mask & F.adSales ? num(row, "adSales") : null);
    if (adSales === null) {
      const roi = (mask & F.roi ? num(row, "roi") : null);
      if (roi !== null && spend !== null) adSales = roi * spend;
    }
    this.put(AD_SALES, adSales);
    this.put(DETAIL, (mask & F.detailVisitors ? num(row, "detailVisitors") : null));
    this.put(UNITS, (mask & F.units ? num(row, "units") : null));
    this.put(ORDERS, (mask & F.orders ? num(row, "orders") : null));
    this.put(CONSULTATIONS, (mask & F.consultations ? num(row, "consultations") : null));
    this.mean(CONSULT, (mask & F.consultConversion ? num(row, "consultConversion") : null));
    this.put(BAD_REVIEWS, (mask & F.badReviews ? num(row, "badReviews") : null));
    let repeat = (mask & F.repeatBuyers ? num(row, "repeatBuyers") : null);
    const repurchase = (mask & F.repurchaseRate ? num(row, "repurchaseRate") : null) ?? (mask & F.repeatBuyerShare ? num(row, "repeatBuyerShare") : null);
    this.mean(REPURCHASE, repurchase);
    if (repeat === null && repurchase !== null && paid !== null) repeat = repurchase * paid;
    this.put(REPEAT, repeat);
    let bounce = (mask & F.bounceRate ? num(row, "bounceRate") : null);
    if (bounce === null) {
      const bounced = (mask & F.bouncedVisitors ? num(row, "bouncedVisitors") : null);
      if (bounced !== null && visitors !== null && visitors > 0) bounce = bounced / visitors;
    }
    this.mean(BOUNCE, bounce);
    this.mean(PRICE, (mask & F.price ? num(row, "price") : null));
  }

  /** Adds another Totals' sums and means into this one. */
  merge(other: Totals): void {
    this.rows += other.rows;
    for (let i = 0; i < SLOTS; i++) this.v[i] += other.v[i];
    this.seen |= other.seen;
  }

  /** Sum of a field, or null when no row had it. */
  get(field: SumField): number | null {
    const i = INDEX[field];
    return this.seen & (1 << i) ? this.v[i] : null;
  }

  payConversion(): number | null {
    return both(metrics.payConversion, this.get("paidBuyers"), this.get("visitors"));
  }
  /** Mean of the rows' 询单转化率 column (service agents). */
  consultConversionMean(): number | null {
    return this.meanOf(CONSULT);
  }
  /** Mean of the rows' own conversion column, for tables without a visitor count (service agents). */
  payConversionColumnMean(): number | null {
    return this.meanOf(CONV);
  }
  /** Order buyers ÷ all visitors (生意参谋's 下单转化率; metrics.orderConversion divides by detail visitors). */
  orderConversion(): number | null {
    return ratio(this.get("orderBuyers"), this.get("visitors"));
  }
  aov(): number | null {
    return both(metrics.aov, this.get("sales"), this.get("paidBuyers"));
  }
  visitorValue(): number | null {
    return both(metrics.visitorValue, this.get("sales"), this.get("visitors"));
  }
  pagesPerVisitor(): number | null {
    return both(metrics.pagesPerVisitor, this.get("pageviews"), this.get("visitors"));
  }
  /** Mean of the rows' bounce rates (the platforms' multi-day convention). */
  bounceRate(): number | null {
    return this.meanOf(BOUNCE);
  }
  ctr(): number | null {
    return both(metrics.ctr, this.get("clicks"), this.get("impressions"));
  }
  cpc(): number | null {
    return both(metrics.cpc, this.get("spend"), this.get("clicks"));
  }
  roi(): number | null {
    return both(metrics.roi, this.get("adSales"), this.get("spend"));
  }
  /** Listed price: the mean of the price column, else sales ÷ units, else AOV. */
  price(): number | null {
    return this.meanOf(PRICE) ?? ratio(this.get("sales"), this.get("units")) ?? this.aov();
  }
  repurchaseRate(): number | null {
    const r = both(metrics.repurchaseRate, this.get("repeatBuyers"), this.get("paidBuyers"));
    if (r !== null) return r;
    return this.meanOf(REPURCHASE);
  }
}
