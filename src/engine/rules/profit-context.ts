/**
 * Profit (issue 14): the team's Costs tab joined to the products export. Per product: sales,
 * refunds (the export's, else the default refund rate), platform + payment fees on what is kept,
 * cost of goods (units × (unit cost + shipping + packaging)), its ad spend (an ad export's rows
 * keyed by the product, see profit-ads.ts, else the plans the Costs tab maps to it; never both),
 * and what is left. Cost cells that are text, negative or above the price are
 * listed by cell and their products left out, never judged on a made-up cost; so is a blank unit cost.
 */
import * as metrics from "../metrics";
import { cellRef } from "../recognize/issues";
import type { ProfitBlock } from "../report";
import type { RecognizedTable, TableRow } from "../tables";
import type { Group, RuleContext, Subject } from "./context";
import { keyOf, productAdSpend, type AdTableSkipped, type ProductAdSpend } from "./profit-ads";
import { num } from "./totals";

/** One product's costs per unit, from one row of the Costs tab. */
interface CostEntry {
  unitCost: number;
  /** Shipping + packaging per unit (0 when the tab has neither). */
  extra: number;
  stock: number | null;
  price: number | null;
  /** Ad plans the row names as promoting this product. */
  plans: string[];
}

/** A cost cell that cannot be used. */
export interface CostProblem {
  /** `成本!C7`. */
  cell: string;
  reason: "text" | "negative" | "abovePrice" | "blank";
  /** The cell's text or value, as the message quotes it. */
  shown: string;
  price?: number;
}

/** Where a product's refunds come from. */
export type RefundSource = "export" | "setting" | "none";

/** Where a product's ad spend comes from: an ad export keyed by product, the Costs tab's plan column, or neither. */
export type AdSource = "export" | "plans" | "none";

export interface ProductProfit {
  subject: Subject;
  sales: number;
  refunds: number;
  refundsFrom: RefundSource;
  /** Platform + payment fees (the two parts below). */
  fees: number;
  platformFees: number;
  paymentFees: number;
  /** The export's own fee columns the fees were summed from (`Cargo por venta e impuestos (MXN)`); empty when the fee rate settings were used. */
  feeColumns: string[];
  /** Which fees the export charged itself: all of them (sale fees), the payment part only, or none (both rates). */
  feesCharged: "all" | "payment" | null;
  cogs: number;
  adSpend: number;
  adFrom: AdSource;
  /** The ad exports the spend came from (adFrom "export"). */
  adSheets: string[];
  /** The Costs tab also maps a plan to this product; the export's figure was used instead. */
  adPlansSkipped: boolean;
  net: number;
  units: number;
  /** Units were estimated as sales ÷ price (the export has no units column). */
  unitsEstimated: boolean;
  stock: number | null;
  /** Ad plans the Costs tab maps to this product. */
  plans: string[];
}

export interface ProfitPicture {
  costsSheet: string;
  products: ProductProfit[];
  problems: CostProblem[];
  /** Products with sales that the Costs tab does not list (names). */
  missing: string[];
  /** Platform + payment fee rate. */
  feeRate: number;
  dayCount: number | null;
  /** Ad exports with product keys left out because their days differ from the products'. */
  adSkipped: AdTableSkipped[];
  /**
   * Products the Costs tab prices that sold nothing: what each ¥1 of their sales would keep, from
   * their price (price × (1 − default refund rate) × (1 − fee rate) − unit costs) ÷ price.
   */
  unsold: { subject: Subject; margin: number; plans: string[] }[];
}

const COST_FIELDS = ["unitCost", "shippingCost", "packagingCost"] as const;
const PLAN_SEPARATORS = /[、,，;；|\n]+/;

/** Text cells of the cost columns, as recognition reported them (`not-a-number`). */
function textProblems(table: RecognizedTable): Map<number, CostProblem> {
  const out = new Map<number, CostProblem>();
  for (const issue of table.issues) {
    if (issue.code !== "not-a-number" || issue.column === null) continue;
    if (!COST_FIELDS.some((f) => f === issue.field)) continue;
    const cell = `${table.sheet}!${cellRef(issue.row, issue.column)}`;
    if (!out.has(issue.row)) out.set(issue.row, { cell, reason: "text", shown: issue.text ?? "" });
  }
  return out;
}

/** A row's problem with a readable cost: negative, or a unit cost above the price. */
function valueProblem(
  table: RecognizedTable,
  row: TableRow,
  sheetRow: number,
  price: number | null,
): CostProblem | null {
  for (const f of COST_FIELDS) {
    const v = num(row, f);
    if (v !== null && v < 0) {
      return {
        cell: `${table.sheet}!${cellRef(sheetRow, table.columnIndex[f]!)}`,
        reason: "negative",
        shown: String(v),
      };
    }
  }
  const unit = num(row, "unitCost");
  if (unit !== null && price !== null && price > 0 && unit > price) {
    const cell = `${table.sheet}!${cellRef(sheetRow, table.columnIndex.unitCost!)}`;
    return { cell, reason: "abovePrice", shown: String(unit), price };
  }
  return null;
}

/** A row whose unit cost cell is empty: named by cell, like an unreadable one (a costs table always has the column). */
function blankProblem(table: RecognizedTable, sheetRow: number): CostProblem | null {
  const column = table.columnIndex.unitCost;
  if (column === undefined) return null;
  return { cell: `${table.sheet}!${cellRef(sheetRow, column)}`, reason: "blank", shown: "" };
}

interface CostBook {
  sheet: string;
  entries: Map<string, CostEntry>;
  /** Keys (id or name) of rows whose cost cannot be used. */
  bad: Set<string>;
  problems: CostProblem[];
}

/** Reads every Costs tab: usable rows by product id and name, the rest as problems by cell. */
function readCostBook(tables: RecognizedTable[], priceOf: (keys: string[]) => number | null): CostBook | null {
  const costs = tables.filter((t) => t.kind === "costs" && t.rows.length > 0);
  if (costs.length === 0) return null;
  const book: CostBook = { sheet: costs[0].sheet, entries: new Map(), bad: new Set(), problems: [] };
  for (const table of costs) {
    const texts = textProblems(table);
    table.rows.forEach((row, i) => {
      const keys = keyOf(row);
      if (keys.length === 0) return;
      const sheetRow = table.rowNumbers[i];
      const price = num(row, "price") ?? priceOf(keys);
      const problem = texts.get(sheetRow) ?? valueProblem(table, row, sheetRow, price);
      const unitCost = num(row, "unitCost");
      const unusable = problem ?? (unitCost === null ? blankProblem(table, sheetRow) : null);
      if (unusable) {
        book.problems.push(unusable);
        for (const k of keys) book.bad.add(k);
        return;
      }
      if (unitCost === null) return;
      const extra = (num(row, "shippingCost") ?? 0) + (num(row, "packagingCost") ?? 0);
      const plans = typeof row.plan === "string" ? row.plan.split(PLAN_SEPARATORS).map((p) => p.trim()) : [];
      const entry: CostEntry = { unitCost, extra, stock: num(row, "stock"), price, plans: plans.filter(Boolean) };
      for (const k of keys) book.entries.set(k, entry);
    });
  }
  return book;
}

/**
 * A row's refunds and how much of them its sales figure has already had taken out: the refund
 * amount column, else the refund rate × sales, else (a table with neither) Shopify's or
 * WooCommerce's Returns, as a positive amount (Shopify signs it −, WooCommerce +). Their Total sales
 * is after returns, so those are `netted`: the sales before refunds are sales + returns. Never both.
 */
function rowRefund(table: RecognizedTable, row: TableRow): { refund: number; netted: number } | null {
  const idx = table.columnIndex;
  if ("refundAmount" in idx || "refundRate" in idx) {
    const refund = num(row, "refundAmount") ?? rateTimes(num(row, "refundRate"), num(row, "sales"));
    return refund === null ? null : { refund, netted: 0 };
  }
  const returns = num(row, "returns");
  if (returns === null) return null;
  return { refund: Math.abs(returns), netted: Math.abs(returns) };
}

/** The table carries refunds of some kind (an amount, a rate, or Returns). */
function hasRefunds(table: RecognizedTable): boolean {
  const idx = table.columnIndex;
  return "refundAmount" in idx || "refundRate" in idx || "returns" in idx;
}

/** The fees an export charges per line, summed for a product, with the columns they came from. */
interface ExportFees {
  /** Sale fees (Mercado Libre's Cargo por venta e impuestos), which stand for both fee rates; null when none. */
  sale: number | null;
  /** Payment fees (Etsy's Card Processing Fees), which stand for the payment fee rate; null when none. */
  payment: number | null;
  columns: string[];
}

/** Fee columns an export may carry per product line and the part of the fees each is. */
const FEE_FIELDS = [
  ["saleFees", "sale"],
  ["paymentFees", "payment"],
] as const;

/**
 * Per product key: refunds (rowRefund, summed over rows), the part of them already taken out of the
 * export's sales (Returns), the fees the export itself charged (written negative by Mercado Libre,
 * so counted by size), and the latest stock and days of cover of the products exports (and of
 * orders exports whose lines name their product).
 */
function exportExtras(tables: RecognizedTable[]): {
  refunds: Map<string, number>;
  netted: Map<string, number>;
  stock: Map<string, number>;
  cover: Map<string, number>;
  fees: Map<string, ExportFees>;
} {
  const refunds = new Map<string, number>();
  const netted = new Map<string, number>();
  const stock = new Map<string, number>();
  const stockDate = new Map<string, string>();
  const cover = new Map<string, number>();
  const coverDate = new Map<string, string>();
  const fees = new Map<string, ExportFees>();
  for (const table of tables) {
    if (table.kind !== "products" && table.kind !== "orders") continue;
    for (const row of table.rows) {
      const key = keyOf(row)[0];
      if (key === undefined) continue;
      const refund = rowRefund(table, row);
      if (refund !== null) {
        refunds.set(key, (refunds.get(key) ?? 0) + refund.refund);
        netted.set(key, (netted.get(key) ?? 0) + refund.netted);
      }
      for (const [field, part] of FEE_FIELDS) {
        const fee = num(row, field);
        const column = table.columns[field];
        if (fee === null || column === undefined) continue;
        const found = fees.get(key) ?? { sale: null, payment: null, columns: [] };
        found[part] = (found[part] ?? 0) + Math.abs(fee);
        if (!found.columns.includes(column)) found.columns.push(column);
        fees.set(key, found);
      }
      const s = num(row, "stock");
      const date = typeof row.date === "string" ? row.date : "";
      if (s !== null && date >= (stockDate.get(key) ?? "")) {
        stock.set(key, s);
        stockDate.set(key, date);
      }
      const c = num(row, "daysOfCover");
      if (c !== null && c >= 0 && date >= (coverDate.get(key) ?? "")) {
        cover.set(key, c);
        coverDate.set(key, date);
      }
    }
  }
  return { refunds, netted, stock, cover, fees };
}

function rateTimes(rate: number | null, base: number | null): number | null {
  return rate === null || base === null ? null : rate * base;
}

/** The cost row of a product: by its key (id), else by its name. */
function findEntry<T>(map: Map<string, T>, s: Subject): T | undefined {
  return map.get(s.key) ?? map.get(s.name);
}

/** Ad spend per plan name, shared out over the products each plan is mapped to in proportion to their sales. */
function adSpendShares(plans: Group | null, mapped: Map<Subject, CostEntry>): Map<Subject, number> {
  const out = new Map<Subject, number>();
  if (!plans) return out;
  const spendOf = new Map(plans.subjects.map((p) => [p.name, p.totals.get("spend") ?? 0]));
  const salesOfPlan = new Map<string, number>();
  for (const [s, e] of mapped)
    for (const plan of e.plans) salesOfPlan.set(plan, (salesOfPlan.get(plan) ?? 0) + (s.get("sales") ?? 0));
  for (const [s, e] of mapped) {
    let spend = 0;
    for (const plan of e.plans) {
      const total = salesOfPlan.get(plan) ?? 0;
      const share = total > 0 ? (s.get("sales") ?? 0) / total : 1 / e.plans.length;
      spend += (spendOf.get(plan) ?? 0) * share;
    }
    out.set(s, spend);
  }
  return out;
}

/** One product's ad spend and where it came from. */
interface AdShare {
  amount: number;
  from: AdSource;
  sheets: string[];
  plansSkipped: boolean;
}

/** The export's spend for the product when an ad export names it (the Costs tab's plans then set aside), else its plans' share. */
function adOf(s: Subject, planShares: Map<Subject, number>, exported: ProductAdSpend): AdShare {
  const viaPlans = planShares.get(s) ?? 0;
  const e = exported.spend.get(s);
  if (e) return { amount: e.amount, from: "export", sheets: e.sheets, plansSkipped: viaPlans > 0 };
  return { amount: viaPlans, from: viaPlans > 0 ? "plans" : "none", sheets: [], plansSkipped: false };
}

interface Rates {
  feeRate: number;
  platformRate: number;
  paymentRate: number;
  defaultRefund: number | null;
}

/**
 * A product's platform and payment fees: the export's sale fees stand for both (Mercado Libre charges
 * one Cargo por venta); its payment fees replace the payment rate only, the platform rate still applying
 * on what is kept; without either, both rates on what is kept.
 */
function feeParts(kept: number, charged: ExportFees | undefined, rates: Rates): { platform: number; payment: number } {
  if (charged?.sale != null) return { platform: charged.sale, payment: charged.payment ?? 0 };
  return { platform: kept * rates.platformRate, payment: charged?.payment ?? kept * rates.paymentRate };
}

/** One product's money, or null when it has no sales or no way to count its units. */
function productProfit(
  s: Subject,
  entry: CostEntry,
  ad: AdShare,
  refunded: { amount: number; netted: number } | undefined,
  charged: ExportFees | undefined,
  rates: Rates,
) {
  const exported = s.get("sales");
  // Sales before refunds: the export's, plus any returns its figure already has taken out.
  const sales = exported === null ? null : exported + (refunded?.netted ?? 0);
  if (sales === null || sales <= 0) return null;
  const price = entry.price ?? s.price();
  const exact = s.get("units");
  const units = exact ?? (price !== null && price > 0 ? sales / price : null);
  if (units === null) return null;
  const refundsFrom: RefundSource =
    refunded !== undefined ? "export" : rates.defaultRefund !== null ? "setting" : "none";
  const refunds = refunded?.amount ?? sales * (rates.defaultRefund ?? 0);
  // The export's own charges when it has them; else the fee rate settings on what is kept.
  const parts = feeParts(sales - refunds, charged, rates);
  const fees = parts.platform + parts.payment;
  const feeColumns = charged?.columns ?? [];
  const feesCharged: ProductProfit["feesCharged"] =
    charged?.sale != null ? "all" : charged?.payment != null ? "payment" : null;
  const cogs = units * (entry.unitCost + entry.extra);
  const net = metrics.netProfit(sales, cogs, fees, ad.amount, refunds);
  const adFields = { adSpend: ad.amount, adFrom: ad.from, adSheets: ad.sheets, adPlansSkipped: ad.plansSkipped };
  return {
    sales,
    refunds,
    refundsFrom,
    fees,
    platformFees: parts.platform,
    paymentFees: parts.payment,
    feeColumns,
    feesCharged,
    cogs,
    ...adFields,
    net,
    units,
    unitsEstimated: exact === null,
  };
}

const cache = new WeakMap<RuleContext, ProfitPicture | null>();
const extrasCache = new WeakMap<RuleContext, ReturnType<typeof exportExtras>>();

/** exportExtras of this diagnosis's tables: one pass over the export rows, shared by the profit picture and stock cover. */
function extrasOf(ctx: RuleContext): ReturnType<typeof exportExtras> {
  let extras = extrasCache.get(ctx);
  if (!extras) {
    extras = exportExtras(ctx.tables);
    extrasCache.set(ctx, extras);
  }
  return extras;
}

/** The profit picture of this diagnosis, or null without a Costs tab or products export. Built once. */
export function profitPicture(ctx: RuleContext): ProfitPicture | null {
  if (cache.has(ctx)) return cache.get(ctx)!;
  const picture = buildPicture(ctx);
  cache.set(ctx, picture);
  return picture;
}

/** A product's price by any of its keys (id or name): its own, else sales ÷ units; null when not in the exports. */
function priceLookup(subjects: readonly Subject[]): (keys: string[]) => number | null {
  const byKey = new Map<string, Subject>();
  for (const s of subjects) {
    byKey.set(s.key, s);
    byKey.set(s.name, s);
  }
  return (keys) => {
    for (const k of keys) {
      const s = byKey.get(k);
      if (s) return s.price() ?? metrics.ratio(s.get("sales") ?? 0, s.get("units") ?? 0);
    }
    return null;
  };
}

function buildPicture(ctx: RuleContext): ProfitPicture | null {
  const products = ctx.productLines;
  if (!products) return null;
  // No Costs tab, no picture: the product index below is not built for nothing (1M products → 2M keys).
  if (!ctx.tables.some((t) => t.kind === "costs" && t.rows.length > 0)) return null;
  const book = readCostBook(ctx.tables, priceLookup(products.subjects));
  if (!book) return null;
  const { refunds, netted, stock, fees } = extrasOf(ctx);
  const refundOf = (s: Subject) => {
    const amount = refunds.get(s.key);
    return amount === undefined ? undefined : { amount, netted: netted.get(s.key) ?? 0 };
  };
  const rates: Rates = {
    feeRate: (ctx.settings.platformFeeRate ?? 0) + (ctx.settings.paymentFeeRate ?? 0),
    platformRate: ctx.settings.platformFeeRate ?? 0,
    paymentRate: ctx.settings.paymentFeeRate ?? 0,
    defaultRefund: ctx.settings.defaultRefundRate,
  };
  const mapped = new Map<Subject, CostEntry>();
  const missing: string[] = [];
  for (const s of products.subjects) {
    const entry = findEntry(book.entries, s);
    if (entry) mapped.set(s, entry);
    else if (!book.bad.has(s.key) && !book.bad.has(s.name) && (s.get("sales") ?? 0) > 0) missing.push(s.name);
  }
  const planShares = adSpendShares(ctx.plans, mapped);
  const exported = productAdSpend(ctx.tables, products);
  const out: ProductProfit[] = [];
  const unsold: ProfitPicture["unsold"] = [];
  for (const [s, entry] of mapped) {
    const ad = adOf(s, planShares, exported);
    const money = productProfit(s, entry, ad, refundOf(s), fees.get(s.key), rates);
    if (money) out.push({ subject: s, ...money, stock: stock.get(s.key) ?? entry.stock, plans: entry.plans });
    else if ((s.get("sales") ?? 0) <= 0) {
      const margin = unitMargin(entry, entry.price ?? s.price(), rates);
      if (margin !== null) unsold.push({ subject: s, margin, plans: entry.plans });
    }
  }
  return {
    costsSheet: book.sheet,
    products: out,
    problems: book.problems,
    missing,
    feeRate: rates.feeRate,
    dayCount: products.dayCount,
    adSkipped: exported.skipped,
    unsold,
  };
}

/**
 * What each ¥1 of a product's sales keeps before ad spend when it has none to sum: one unit at its
 * price, less the default refund rate's share (none without one), the fees on what is kept and its
 * unit costs, ÷ the price. The same sum productProfit does for one unit; null without a price.
 */
function unitMargin(entry: CostEntry, price: number | null, rates: Rates): number | null {
  if (price === null || !(price > 0)) return null;
  const kept = price * (1 - (rates.defaultRefund ?? 0));
  const margin = (kept * (1 - rates.feeRate) - entry.unitCost - entry.extra) / price;
  return Number.isFinite(margin) ? margin : null;
}

/**
 * Each costed product's contribution margin, by name: (sales − refunds − fees − goods) ÷ sales
 * (before its ad spend), or for one that sold nothing its unit margin (unitMargin). Products the
 * Costs tab does not price are absent: nothing is known of their profit.
 */
export function productContributionMargins(ctx: RuleContext): Map<string, number> {
  const out = new Map<string, number>();
  const picture = profitPicture(ctx);
  if (!picture) return out;
  for (const p of picture.products) {
    const margin = metrics.contributionMargin(p.sales, p.refunds + p.fees + p.cogs);
    if (margin !== null && Number.isFinite(margin)) out.set(p.subject.name, margin);
  }
  for (const u of picture.unsold) if (!out.has(u.subject.name)) out.set(u.subject.name, u.margin);
  return out;
}

/**
 * The shop's contribution margin: Σ (sales − refunds − fees − goods) ÷ Σ sales over the costed
 * products (so weighted by sales), before ad spend; null without a Costs tab, costed products or sales.
 */
export function shopContributionMargin(ctx: RuleContext): { margin: number; products: number } | null {
  const picture = profitPicture(ctx);
  if (!picture || picture.products.length === 0) return null;
  let sales = 0;
  let costs = 0;
  for (const p of picture.products) {
    sales += p.sales;
    costs += p.refunds + p.fees + p.cogs;
  }
  const margin = metrics.contributionMargin(sales, costs);
  return margin === null || !Number.isFinite(margin) ? null : { margin, products: picture.products.length };
}

/**
 * Each ad plan's contribution margin from the products the Costs tab maps it to: Σ (sales − refunds
 * − fees − goods) ÷ Σ sales over those that sold, else the mean unit margin of those that sold
 * nothing. Refunds and fees are already in it, so 1 ÷ this margin is the plan's break-even ROI
 * after refunds and fees. Plans mapped to no costed product are absent.
 */
export function planContributionMargins(ctx: RuleContext): Map<string, { margin: number; products: string[] }> {
  const out = new Map<string, { margin: number; products: string[] }>();
  const picture = profitPicture(ctx);
  if (!picture) return out;
  const sums = new Map<string, { sales: number; costs: number; products: string[] }>();
  for (const p of picture.products)
    for (const plan of p.plans) {
      const sum = sums.get(plan) ?? { sales: 0, costs: 0, products: [] };
      sum.sales += p.sales;
      sum.costs += p.refunds + p.fees + p.cogs;
      sum.products.push(p.subject.name);
      sums.set(plan, sum);
    }
  for (const [plan, sum] of sums) {
    const margin = metrics.contributionMargin(sum.sales, sum.costs);
    if (margin !== null && Number.isFinite(margin)) out.set(plan, { margin, products: sum.products });
  }
  const unsold = new Map<string, { total: number; products: string[] }>();
  for (const u of picture.unsold)
    for (const plan of u.plans) {
      if (sums.has(plan)) continue;
      const sum = unsold.get(plan) ?? { total: 0, products: [] };
      sum.total += u.margin;
      sum.products.push(u.subject.name);
      unsold.set(plan, sum);
    }
  for (const [plan, sum] of unsold) out.set(plan, { margin: sum.total / sum.products.length, products: sum.products });
  return out;
}

/**
 * The shop's refund rate: refunds ÷ sales before refunds over the shop-daily tables (else the
 * products tables) that carry refunds (rowRefund: an amount, a rate, else Returns, whose sales
 * figure is after them, so they are added back); else the team's default refund rate; null when
 * neither says.
 */
export function shopRefundRate(ctx: RuleContext): { rate: number; from: "export" | "setting"; sales: number } | null {
  for (const kind of ["shop-daily", "products"] as const) {
    let refunds = 0;
    let sales = 0;
    for (const table of ctx.tables) {
      if (table.kind !== kind || !hasRefunds(table)) continue;
      for (const row of table.rows) {
        const s = num(row, "sales");
        const r = rowRefund(table, row);
        if (s === null || r === null) continue;
        refunds += r.refund;
        sales += s + r.netted;
      }
    }
    const rate = metrics.refundRate(refunds, sales);
    if (sales > 0 && rate !== null) return { rate, from: "export", sales };
  }
  const setting = ctx.settings.defaultRefundRate;
  return setting !== null ? { rate: setting, from: "setting", sales: 0 } : null;
}

/** Stock on hand per product: the latest inventory column of the products exports, else the Costs tab's 库存. */
export function stockOf(ctx: RuleContext): Map<Subject, number> {
  const out = new Map<Subject, number>();
  const products = ctx.products;
  if (!products) return out;
  const { stock } = extrasOf(ctx);
  const book = readCostBook(ctx.tables, () => null);
  // Neither an inventory column nor a Costs tab: no product has stock, none is looked at.
  if (stock.size === 0 && !book) return out;
  for (const s of products.subjects) {
    const fromCosts = book ? findEntry(book.entries, s)?.stock : undefined;
    const v = stock.get(s.key) ?? fromCosts ?? null;
    if (v !== null) out.set(s, v);
  }
  return out;
}

/** The platform's own days of cover (可售天数) per product: the latest row of the products exports that has one. */
export function platformCoverOf(ctx: RuleContext): Map<Subject, number> {
  const out = new Map<Subject, number>();
  if (!ctx.products) return out;
  const { cover } = extrasOf(ctx);
  if (cover.size === 0) return out;
  for (const s of ctx.products.subjects) {
    const v = cover.get(s.key);
    if (v !== undefined) out.set(s, v);
  }
  return out;
}

/** Products listed at each end of the report's profit block. */
const PROFIT_LIST = 5;

/** The report's profit block: sales → refunds → fees → goods → ads → net over the costed products. */
export function profitBlockOf(ctx: RuleContext): ProfitBlock | null {
  const picture = profitPicture(ctx);
  if (!picture || picture.products.length === 0) return null;
  const sum = (f: (p: ProductProfit) => number) => picture.products.reduce((a, p) => a + f(p), 0);
  const ranked = picture.products
    .map((p) => ({ name: p.subject.name, net: Math.round(p.net * 100) / 100 }))
    .sort((a, b) => b.net - a.net || (a.name < b.name ? -1 : 1));
  const withSales = ctx.productLines?.subjects.filter((s) => (s.get("sales") ?? 0) > 0).length ?? 0;
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    sales: round(sum((p) => p.sales)),
    refunds: round(sum((p) => p.refunds)),
    // Each product's own parts (feeParts): the export's charges where it has them, else the rates.
    platformFees: round(sum((p) => p.platformFees)),
    paymentFees: round(sum((p) => p.paymentFees)),
    cogs: round(sum((p) => p.cogs)),
    adSpend: round(sum((p) => p.adSpend)),
    net: round(sum((p) => p.net)),
    products: picture.products.length,
    unmappedAdSpend: round(Math.max(0, (ctx.plans?.total.get("spend") ?? 0) - sum((p) => p.adSpend))),
    uncosted: Math.max(0, withSales - picture.products.length),
    best: ranked.slice(0, PROFIT_LIST),
    worst: [...ranked].reverse().slice(0, PROFIT_LIST),
  };
}
