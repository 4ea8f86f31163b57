/**
 * One verdict per product. Several rules judge the same product (its conversion against the
 * peer, its conversion trend, its place in the price × conversion grid, zero sales, new bad
 * reviews); two of them can also advise giving it more traffic (✔ a high-price, high-conversion
 * "star"; ✔ conversion rising). The precedence: the worst judgement wins. A ✔ that advises more
 * traffic is dropped when any of the rules below judges the same product ▲ or ✖, named or only
 * counted in its "+N more" line, so no product is ✖ and "give it more traffic" in one report.
 *
 * aov-vs-hero is not among them: its ▲ judges the shop's order value, not the hero product.
 * presale-conversion is not either: pre-sale items never get the traffic advice (the grid and
 * the trend leave them out), so it has nothing to disagree with.
 */
import type { RuleId } from "../report";
import type { Draft } from "./context";

/** The rules whose ▲/✖ on a product outrank a ✔ "more traffic" on it. */
const PRODUCT_VERDICTS: ReadonlySet<RuleId> = new Set<RuleId>([
  "pay-conversion-vs-peer",
  "product-conversion-trend",
  "price-conversion-quadrant",
  "zero-sales-products",
  "top-product-reviews",
]);

/** Marks a ✔ whose advice is to give its product more traffic. */
export function moreTraffic(draft: Draft): Draft {
  return { ...draft, advice: "more-traffic" };
}

/** The drafts with every "more traffic" ✔ dropped whose product another finding judges ▲/✖. */
export function oneVerdictPerProduct(drafts: readonly Draft[]): Draft[] {
  // The few products advised more traffic; the judged ones (a "+N more" line may cover
  // 100,000s) are only looked up in this small set, never collected into one of their own.
  const advised = new Set<string>();
  for (const d of drafts) if (d.advice === "more-traffic") advised.add(d.finding.subject);
  if (advised.size === 0) return [...drafts];
  const judged = new Set<string>();
  for (const { finding: f, covers } of drafts) {
    if (f.subjectType !== "product" || !PRODUCT_VERDICTS.has(f.rule)) continue;
    if ((f.status === "bad" || f.status === "warn") && advised.has(f.subject)) judged.add(f.subject);
    if (covers) for (const s of covers) if (advised.has(s)) judged.add(s);
  }
  return drafts.filter((d) => d.advice !== "more-traffic" || !judged.has(d.finding.subject));
}
