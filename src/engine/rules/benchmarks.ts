/**
 * Published benchmarks and platform definitions for pay conversion (issue 13).
 *
 * When the team sets no peer conversion and the export has no peer column, a platform whose
 * conversion has a published norm is judged against it: a named default, worded in the report
 * as a "published benchmark" (never as the shop's peers), its source listed in docs/SCORING.md.
 * Platforms with no trustworthy public figure (Amazon: "Amazon doesn't publish official
 * benchmarks"; Shopee, Lazada, Rakuten: single-shop anecdotes) get none and stay ℹ.
 *
 * The report also names how the conversion it shows was computed, from the table's own
 * headers: Shopee on the export's order state (`Buyers (Confirmed Order)` ÷ `Product Visitors
 * (Visit)`), Amazon's Unit Session Percentage (`Units Ordered` ÷ `Sessions - Total`), Etsy
 * `Orders` ÷ `Visits`, or the export's own rate column.
 */
import { CURRENCIES, currencyOfHeader } from "../currency";
import type { Platform, RecognizedTable } from "../tables";
import type { RuleContext } from "./context";
import { ratio, type Totals } from "./totals";

/** A published conversion norm for one platform. */
export interface PublishedBenchmark {
  platform: Platform;
  /** Pay conversion as a fraction (0.01 = 1 %). */
  value: number;
  /** What the figure is and why this value was taken from the published range. */
  about: string;
  /** Where it was published. */
  source: string;
}

/** The table of published conversion benchmarks: one row per platform that has one. */
export const PUBLISHED_BENCHMARKS: readonly PublishedBenchmark[] = [
  {
    platform: "etsy",
    value: 0.01,
    about:
      "Etsy shop conversion (orders ÷ visits): 1–5 % is typical and it “should not be lower than 1 %”; the floor is used",
    source: "eshopmarketer.com/?p=284815; help.etsy.com/hc/articles/115015628207 (definition)",
  },
  {
    platform: "shopify",
    value: 0.02,
    about: "online-store conversion across industries is 2–4 % (fashion 1.9 %); the low end is used",
    source: "convertcart.com/blog/ecommerce-conversion-rate-by-industry",
  },
  {
    platform: "woocommerce",
    value: 0.02,
    about: "the same cross-industry 2–4 % range (WooCommerce itself records no sessions)",
    source: "convertcart.com/blog/ecommerce-conversion-rate-by-industry",
  },
];

/** The published conversion benchmark of a platform, or null when none is trustworthy. */
export function publishedBenchmark(platform: Platform): PublishedBenchmark | null {
  return PUBLISHED_BENCHMARKS.find((b) => b.platform === platform) ?? null;
}

/** An order state a Shopee header names: `Buyers (Confirmed Order)` → confirmed. */
export type OrderState = "placed" | "confirmed" | "paid";

/** The order state in a header (`(Confirmed Order)`, `(Paid Orders)`, `(Placed Order)`), or null. */
export function orderStateOf(header: string | undefined): OrderState | null {
  const m = header === undefined ? null : /\((placed|confirmed|paid) orders?\)/i.exec(header);
  return m ? (m[1].toLowerCase() as OrderState) : null;
}

/** Bracketed notes that say nothing about the order state: a currency (`(SGD)`, `(₫)`) or the visit / cart step. */
function isStatelessNote(note: string): boolean {
  const text = note.trim();
  if (/^[a-z]{3}$/i.test(text) && text.toUpperCase() in CURRENCIES) return true;
  if (currencyOfHeader(`(${text})`) !== null && text.length <= 3) return true;
  return /^(visits?|add to cart)$/i.test(text);
}

/**
 * True when a Shopee header carries a bracketed note that is neither a currency nor an order state
 * Shop Doctor reads: `Penjualan (Pesanan Dibuat)` matched `Penjualan` (sales) only once its note was
 * dropped, and that note may say "placed orders". Its amounts are then in an unknown order state,
 * so they never value a conversion as if they were confirmed or paid money.
 */
export function hasUnreadState(header: string | undefined): boolean {
  if (header === undefined || orderStateOf(header) !== null) return false;
  for (const m of header.matchAll(/[(（]([^()（）]*)[)）]/g)) if (!isStatelessNote(m[1])) return true;
  return false;
}

/**
 * The counts a platform's own conversion divides, so the shown rate and the money behind it use
 * one definition: Amazon's Unit Session Percentage is units ordered ÷ sessions (not orders);
 * Shopee's is on the order state the export gives (its confirmed-order buyers, else paid, else the
 * placed-order rate), never a placed-order numerator against confirmed-order sales; elsewhere
 * paying buyers ÷ visitors.
 */
export interface ConversionBasis {
  numerator: "paidBuyers" | "units" | "orderBuyers";
  /** Sales in the same state as the numerator, so sales ÷ numerator is the value of one conversion; null when absent. */
  value: "sales" | null;
  /** The order state named in the report (Shopee), else null. */
  state: OrderState | null;
}

const DEFAULT_BASIS: ConversionBasis = { numerator: "paidBuyers", value: "sales", state: null };

/** The conversion basis of the shop's table (see ConversionBasis). */
export function conversionBasis(table: RecognizedTable | undefined): ConversionBasis {
  const c = table?.columns;
  if (!table || !c) return DEFAULT_BASIS;
  if (table.platform === "amazon" && c.units !== undefined && c.visitors !== undefined)
    return { numerator: "units", value: "sales", state: null };
  if (table.platform !== "shopee") return DEFAULT_BASIS;
  // A sales, buyers or rate header whose state note cannot be read is in no known state: no money from it.
  const unread = hasUnreadState(c.sales) || hasUnreadState(c.paidBuyers) || hasUnreadState(c.payConversion);
  const buyers = orderStateOf(c.paidBuyers) ?? (c.paidBuyers === undefined ? null : orderStateOf(c.orders));
  if (c.paidBuyers !== undefined) {
    // The sales figure counts only when it is in the buyers' own state.
    const same = !unread && (orderStateOf(c.sales) === buyers || buyers === null);
    return { numerator: "paidBuyers", value: same ? "sales" : null, state: buyers };
  }
  if (c.orderConversion !== undefined) return { numerator: "orderBuyers", value: null, state: "placed" };
  return unread ? { ...DEFAULT_BASIS, value: null } : DEFAULT_BASIS;
}

/** Conversion on a basis: its numerator ÷ visitors. */
export function conversionOn(t: Totals, basis: ConversionBasis): number | null {
  return ratio(t.get(basis.numerator), t.get("visitors"));
}

/** What one conversion is worth on a basis: same-state sales ÷ its numerator (null when not in the export). */
export function valuePerConversion(t: Totals, basis: ConversionBasis): number | null {
  return basis.value === null ? null : ratio(t.get(basis.value), t.get(basis.numerator));
}

/**
 * How the shown conversion was computed, in the table's own words: `(Shopee, conversion on
 * confirmed orders: Buyers (Confirmed Order) ÷ Product Visitors (Visit).)`, `(Amazon Unit Session
 * Percentage: Units Ordered ÷ Sessions - Total.)`; "" for 生意参谋-style exports, whose definition is the default.
 */
export function conversionDefinition(ctx: RuleContext, table: RecognizedTable | undefined): string {
  if (!table || table.platform === undefined || table.platform === "taobao" || table.platform === "unknown") return "";
  const platform = ctx.t(`platform.${table.platform}`);
  const basis = conversionBasis(table);
  const visitors = table.columns.visitors;
  const counted = basis.numerator === "orderBuyers" ? undefined : table.columns[basis.numerator];
  if (basis.numerator === "units" && counted !== undefined && visitors !== undefined)
    return ctx.t("payConv.definitionUsp", { units: counted, sessions: visitors });
  if (basis.state !== null) {
    const state = ctx.t(`orderState.${basis.state}`);
    const from = counted ?? table.columns.orderConversion ?? "";
    return ctx.t(counted !== undefined ? "payConv.definitionState" : "payConv.definitionStateRate", {
      platform,
      state,
      buyers: from,
      visitors: visitors ?? "",
      rate: from,
    });
  }
  if (counted !== undefined && visitors !== undefined)
    return ctx.t("payConv.definition", { platform, buyers: counted, visitors });
  const rate = table.columns.payConversion;
  return rate !== undefined ? ctx.t("payConv.definitionRate", { platform, rate }) : "";
}
