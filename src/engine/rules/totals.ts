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
  return a === null || b === null ? null : formula(a, b);
}

/** a ÷ b, or null when either is missing or b is 0 (a rate without a denominator does not exist). */
export function ratio(a: number | null, b: number | null): number | null {
  return both(metrics.ratio, a, b);
}

/** Running sums over rows of one table (or one product, source, day …). */
export class Totals {
  readonly sums: Record<SumField, number>;
  readonly seen: Record<SumField, number>;
  rows = 0;
  private bounceSum = 0;
  private bounceN = 0;
  private priceSum = 0;
  private priceN = 0;
  private repurchaseSum = 0;
  private repurchaseN = 0;
  private convSum = 0;
  private convN = 0;
  private consultConvSum = 0;
  private consultConvN = 0;

  constructor() {
    this.sums = {} as Record<SumField, number>;
    this.seen = {} as Record<SumField, number>;
    for (const f of SUM_FIELDS) {
      this.sums[f] = 0;
      this.seen[f] = 0;
    }
  }

  private put(field: SumField, value: number | null): void {
    if (value === null) return;
    this.sums[field] += value;
    this.seen[field]++;
  }

  /** Adds one row, filling a missing count from its rate column when both parts are there. */
  add(row: TableRow): void {
    this.rows++;
    const visitors = num(row, "visitors");
    this.put("visitors", visitors);
    let paid = num(row, "paidBuyers");
    const conv = num(row, "payConversion");
    if (conv !== null) {
      this.convSum += conv;
      this.convN++;
    }
    if (paid === null && conv !== null && visitors !== null) paid = conv * visitors;
    this.put("paidBuyers", paid);
    let sales = num(row, "sales");
    if (sales === null) {
      const aov = num(row, "aov");
      if (aov !== null && paid !== null) sales = aov * paid;
    }
    this.put("sales", sales);
    let orderBuyers = num(row, "orderBuyers");
    if (orderBuyers === null) {
      const oc = num(row, "orderConversion");
      if (oc !== null && visitors !== null) orderBuyers = oc * visitors;
    }
    this.put("orderBuyers", orderBuyers);
    let pageviews = num(row, "pageviews");
    if (pageviews === null) {
      const depth = num(row, "pagesPerVisitor");
      if (depth !== null && visitors !== null) pageviews = depth * visitors;
    }
    this.put("pageviews", pageviews);
    const impressions = num(row, "impressions");
    this.put("impressions", impressions);
    let clicks = num(row, "clicks");
    if (clicks === null) {
      const ctr = num(row, "ctr");
      if (ctr !== null && impressions !== null) clicks = ctr * impressions;
    }
    this.put("clicks", clicks);
    let spend = num(row, "spend");
    if (spend === null) {
      const cpc = num(row, "cpc");
      if (cpc !== null && clicks !== null) spend = cpc * clicks;
    }
    this.put("spend", spend);
    let adSales = num(row, "adSales");
    if (adSales === null) {
      const roi = num(row, "roi");
      if (roi !== null && spend !== null) adSales = roi * spend;
    }
    this.put("adSales", adSales);
    this.put("detailVisitors", num(row, "detailVisitors"));
    this.put("units", num(row, "units"));
    this.put("orders", num(row, "orders"));
    this.put("consultations", num(row, "consultations"));
    const consultConv = num(row, "consultConversion");
    if (consultConv !== null) {
      this.consultConvSum += consultConv;
      this.consultConvN++;
    }
    this.put("badReviews", num(row, "badReviews"));
    let repeat = num(row, "repeatBuyers");
    const repurchase = num(row, "repurchaseRate") ?? num(row, "repeatBuyerShare");
    if (repurchase !== null) {
      this.repurchaseSum += repurchase;
      this.repurchaseN++;
    }
    if (repeat === null && repurchase !== null && paid !== null) repeat = repurchase * paid;
    this.put("repeatBuyers", repeat);
    let bounce = num(row, "bounceRate");
    if (bounce === null) {
      const bounced = num(row, "bouncedVisitors");
      if (bounced !== null && visitors !== null && visitors > 0) bounce = bounced / visitors;
    }
    if (bounce !== null) {
      this.bounceSum += bounce;
      this.bounceN++;
    }
    const price = num(row, "price");
    if (price !== null) {
      this.priceSum += price;
      this.priceN++;
    }
  }

  /** Adds another Totals' sums and means into this one. */
  merge(other: Totals): void {
    this.rows += other.rows;
    for (const f of SUM_FIELDS) {
      this.sums[f] += other.sums[f];
      this.seen[f] += other.seen[f];
    }
    this.bounceSum += other.bounceSum;
    this.bounceN += other.bounceN;
    this.priceSum += other.priceSum;
    this.priceN += other.priceN;
    this.repurchaseSum += other.repurchaseSum;
    this.repurchaseN += other.repurchaseN;
    this.convSum += other.convSum;
    this.convN += other.convN;
    this.consultConvSum += other.consultConvSum;
    this.consultConvN += other.consultConvN;
  }

  /** Sum of a field, or null when no row had it. */
  get(field: SumField): number | null {
    return this.seen[field] > 0 ? this.sums[field] : null;
  }

  payConversion(): number | null {
    return both(metrics.payConversion, this.get("paidBuyers"), this.get("visitors"));
  }
  /** Mean of the rows' 询单转化率 column (service agents). */
  consultConversionMean(): number | null {
    return this.consultConvN > 0 ? this.consultConvSum / this.consultConvN : null;
  }
  /** Mean of the rows' own conversion column, for tables without a visitor count (service agents). */
  payConversionColumnMean(): number | null {
    return this.convN > 0 ? this.convSum / this.convN : null;
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
    return this.bounceN > 0 ? this.bounceSum / this.bounceN : null;
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
    if (this.priceN > 0) return this.priceSum / this.priceN;
    return ratio(this.get("sales"), this.get("units")) ?? this.aov();
  }
  repurchaseRate(): number | null {
    const r = both(metrics.repurchaseRate, this.get("repeatBuyers"), this.get("paidBuyers"));
    if (r !== null) return r;
    return this.repurchaseN > 0 ? this.repurchaseSum / this.repurchaseN : null;
  }
}
