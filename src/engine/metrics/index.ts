/**
 * The shop's metric formulas as plain number functions. The custom functions and the
 * diagnostic rules both call these, so a metric is defined exactly once.
 *
 * A ratio whose denominator is 0 has no value: those functions return `null` rather than
 * Infinity or NaN, and each caller decides how to say so.
 */

/** numerator ÷ denominator, or null when the denominator is 0 (there is no rate). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** 支付转化率: paying buyers ÷ visitors. */
export function payConversion(paidBuyers: number, visitors: number): number | null {
  return ratio(paidBuyers, visitors);
}

/** 浏览转化率: visitors who opened a product detail page ÷ visitors. */
export function browseConversion(detailVisitors: number, visitors: number): number | null {
  return ratio(detailVisitors, visitors);
}

/** 下单转化率: buyers who placed an order ÷ detail-page visitors. */
export function orderConversion(orderBuyers: number, detailVisitors: number): number | null {
  return ratio(orderBuyers, detailVisitors);
}

/** 下单-支付转化率: paying buyers ÷ ordering buyers. */
export function paymentRate(paidBuyers: number, orderBuyers: number): number | null {
  return ratio(paidBuyers, orderBuyers);
}

/** 访客价值 (UV价值): sales ÷ visitors, which equals conversion × AOV. */
export function visitorValue(sales: number, visitors: number): number | null {
  return ratio(sales, visitors);
}

/** 客单价: sales ÷ paying buyers. */
export function aov(sales: number, paidBuyers: number): number | null {
  return ratio(sales, paidBuyers);
}

/** 销售额 = visitors × pay conversion × AOV (the identity every diagnosis walks down). */
export function sales(visitors: number, conversion: number, averageOrderValue: number): number {
  return visitors * conversion * averageOrderValue;
}

/** 跳失率 for one day: visitors who viewed exactly one page ÷ visitors. */
export function bounceRate(bouncedVisitors: number, visitors: number): number | null {
  return ratio(bouncedVisitors, visitors);
}

/**
 * 跳失率 over several days the way the platform reports it: the mean of the daily rates
 * (not pooled bounced ÷ pooled visitors). Days without visitors have no rate and are skipped.
 */
export function multiDayBounceRate(days: ReadonlyArray<{ bounced: number; visitors: number }>): number | null {
  let sum = 0;
  let count = 0;
  for (const day of days) {
    const rate = bounceRate(day.bounced, day.visitors);
    if (rate === null) continue;
    sum += rate;
    count++;
  }
  return count === 0 ? null : sum / count;
}

/** 人均浏览量 (访问深度): page views ÷ visitors. */
export function pagesPerVisitor(pageviews: number, visitors: number): number | null {
  return ratio(pageviews, visitors);
}

/** 平均停留时长 in seconds: total dwell seconds on detail pages ÷ detail-page visits. */
export function avgStay(totalSeconds: number, visits: number): number | null {
  return ratio(totalSeconds, visits);
}

/** 点击率: clicks ÷ impressions. */
export function ctr(clicks: number, impressions: number): number | null {
  return ratio(clicks, impressions);
}

/** 平均点击花费: ad spend ÷ clicks. */
export function cpc(spend: number, clicks: number): number | null {
  return ratio(spend, clicks);
}

/** 投入产出比: sales attributed to ads ÷ ad spend. */
export function roi(adSales: number, spend: number): number | null {
  return ratio(adSales, spend);
}

/** 访客成本: spend ÷ visitors it bought. */
export function visitorCost(spend: number, visitors: number): number | null {
  return ratio(spend, visitors);
}

/** 获客成本: marketing spend ÷ new customers. */
export function cac(marketingSpend: number, newCustomers: number): number | null {
  return ratio(marketingSpend, newCustomers);
}

/** 复购率: buyers who had bought before ÷ buyers. */
export function repurchaseRate(repeatBuyers: number, buyers: number): number | null {
  return ratio(repeatBuyers, buyers);
}

/** 利润率: (revenue − cost) ÷ revenue. */
export function profitMargin(revenue: number, cost: number): number | null {
  return ratio(revenue - cost, revenue);
}

/** DSR 动态评分: the mean of the description, service and logistics scores (each 1–5). */
export function dsr(description: number, service: number, logistics: number): number {
  return (description + service + logistics) / 3;
}

/**
 * 销售达标 pace: actual sales so far ÷ the part of the month target due by `dayOfMonth`
 * (counting that day), i.e. actual ÷ (target × days elapsed ÷ days in month).
 * 1 means exactly on pace; null when the target is 0.
 */
export function targetPace(
  actualToDate: number,
  monthTarget: number,
  dayOfMonth: number,
  daysInThisMonth: number,
): number | null {
  return ratio(actualToDate, (monthTarget * dayOfMonth) / daysInThisMonth);
}

/**
 * 保本ROI: the ROI at which an ad plan neither makes nor loses money, 1 ÷ (margin × (1 − refund
 * rate) × (1 − fee rate)); with no refunds and no fees it is 1 ÷ margin. null when nothing of a sale
 * is left (a margin of 0, or every sale refunded).
 */
export function breakEvenRoi(grossMargin: number, refundRate = 0, feeRate = 0): number | null {
  const kept = breakEvenAcos(grossMargin, refundRate, feeRate);
  return kept <= 0 ? null : 1 / kept;
}

/** Break-even ACoS (spend ÷ ad sales): the share of a sale left after refunds and fees, margin × (1 − r) × (1 − f). */
export function breakEvenAcos(grossMargin: number, refundRate = 0, feeRate = 0): number {
  return grossMargin * (1 - refundRate) * (1 - feeRate);
}

/** 净利润: sales − refunds − platform fees − cost of goods − ad spend. */
export function netProfit(sales: number, cogs: number, fees: number, adSpend: number, refunds: number): number {
  return sales - refunds - fees - cogs - adSpend;
}

/** 单件利润: what one unit earns after the platform's fee on its price, its cost and its shipping. */
export function profitPerUnit(price: number, unitCost: number, feeRate: number, shipping = 0): number {
  return price * (1 - feeRate) - unitCost - shipping;
}

/** 边际贡献率: (sales − variable costs) ÷ sales, the share of each sale left before fixed costs and ads. */
export function contributionMargin(sales: number, variableCosts: number): number | null {
  return ratio(sales - variableCosts, sales);
}

/** 退款率: refunded amount ÷ sales. */
export function refundRate(refunds: number, sales: number): number | null {
  return ratio(refunds, sales);
}

/** 可售天数: stock ÷ (units sold ÷ days); null when nothing sold or the period has no days. */
export function daysOfCover(stock: number, unitsSold: number, days: number): number | null {
  if (unitsSold === 0 || days === 0) return null;
  return stock / (unitsSold / days);
}

// content commerce (issue 12)

/** GPM (千次曝光成交金额 / 千次观看成交金额): sales per 1,000 exposures (or views). */
export function gpm(sales: number, exposures: number): number | null {
  const perOne = ratio(sales, exposures);
  return perOne === null ? null : Number((perOne * 1000).toPrecision(15));
}

/** 进入率 (曝光-观看率, 人数): viewers ÷ people the live room was shown to. */
export function entryRate(viewers: number, exposureUsers: number): number | null {
  return ratio(viewers, exposureUsers);
}

/** 净成交ROI: net sales (after refunds) ÷ spend. */
export function netRoi(netSales: number, spend: number): number | null {
  return ratio(netSales, spend);
}
