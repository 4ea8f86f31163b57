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
 * headers: Shopee `Buyers (Confirmed Order)` ÷ `Product Visitors (Visit)`, Amazon `Total Order
 * Items` ÷ `Sessions - Total`, Etsy `Orders` ÷ `Visits`, or the export's own rate column.
 */
import type { Platform, RecognizedTable } from "../tables";
import type { RuleContext } from "./context";

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

/**
 * How the shown conversion was computed, in the table's own words: `(Shopee: Buyers (Confirmed
 * Order) ÷ Product Visitors (Visit))`; "" for 生意参谋-style exports, whose definition is the default.
 */
export function conversionDefinition(ctx: RuleContext, table: RecognizedTable | undefined): string {
  if (!table || table.platform === undefined || table.platform === "taobao" || table.platform === "unknown") return "";
  const platform = ctx.t(`platform.${table.platform}`);
  const buyers = table.columns.paidBuyers;
  const visitors = table.columns.visitors;
  if (buyers !== undefined && visitors !== undefined)
    return ctx.t("payConv.definition", { platform, buyers, visitors });
  const rate = table.columns.payConversion;
  return rate !== undefined ? ctx.t("payConv.definitionRate", { platform, rate }) : "";
}
