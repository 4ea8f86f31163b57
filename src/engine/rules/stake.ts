/**
 * Profit at stake (issue 14), in one pass after the rules run. Every rule states its money
 * (`impact`) as it always has; this pass says what that money is and, when the Costs tab prices
 * what a finding is about, the profit it stands for:
 *
 * - **sales**: sales won or lost (conversion, traffic, order value, targets, stock running out …).
 *   Profit at stake = sales × the contribution margin that applies: the product's own (after
 *   refunds, fees and cost of goods, before ad spend; profit-context.ts) for a finding about one
 *   product, the shop's sales-weighted one for anything wider (shop, source, agent, room, carrier).
 *   A product the Costs tab does not price has no profit figure: its money stays sales, said so.
 * - **profit**: already profit (a product's net loss, an ad plan losing money against the margin,
 *   an event judged in profit, visitors costing more than they earn). Stated as it is, never
 *   multiplied by a margin again.
 * - **spend**: money paid out or handed back, lost whole (ad spend beyond the sales it bought when
 *   no margin is set, refunds above the usual rate: the goods' cost and fees are spent either way in
 *   the profit sum, so a refunded ¥1 is a ¥1 less). Not scaled by a margin; stated as today.
 *
 * Without a Costs tab that prices a product (no shop contribution margin) nothing is added: the
 * findings, actions and their order are exactly what they were before profit existed.
 */
import type { Finding, RuleId, StakeFields } from "../report";
import type { Draft, RuleContext } from "./context";
import { productContributionMargins, shopContributionMargin } from "./profit-context";

/** What a finding's `impact` is: sales, profit, or spend (see the file comment). */
export type ImpactKind = "sales" | "profit" | "spend";

/** A kind decided per finding, with the words docs/SCORING.md prints for it. */
interface KindRule {
  readonly kinds: string;
  decide(f: Finding, ctx: RuleContext): ImpactKind;
}

/** A rule's kind, or one decided per finding; null for a rule that states no money. */
type KindOf = ImpactKind | null | KindRule;

/**
 * Ad plans (ad-plan-efficiency, qianchuan-net-roi): with a gross margin set, lost = spend − ad sales ×
 * margin, already profit; without one, spend − ad sales (ROI below 1), spend beyond what it sold.
 */
const adLoss: KindRule = {
  kinds: "profit with the `grossMargin` setting, else spend",
  decide: (_f, ctx) => (ctx.settings.grossMargin !== null ? "profit" : "spend"),
};

/**
 * Every rule's impact kind. A Record over RuleId: a new rule does not compile until it says what
 * its money is.
 */
export const IMPACT_KINDS: Record<RuleId, KindOf> = {
  "pay-conversion-vs-peer": "sales",
  "sales-change-drivers": "sales",
  "anomaly-days": "sales",
  // The event's verdict uses the same shop contribution margin this pass needs (events.ts): with
  // costs known, its money lost per day is lift × margin − extra spend, profit.
  "event-result": "profit",
  "product-conversion-trend": "sales",
  "traffic-source-mix": "sales",
  "carrier-mix": "sales",
  "price-conversion-quadrant": null,
  "bounce-rate": null,
  "visit-depth": null,
  "aov-vs-hero": "sales",
  dsr: null,
  "service-score": null,
  "zero-sales-products": "sales",
  "presale-conversion": "sales",
  "daily-target": "sales",
  // Without the setting, a plan judged on the Costs tab's margin marks its finding as profit itself.
  "ad-plan-efficiency": adLoss,
  "qianchuan-net-roi": adLoss,
  // Refunds above the plan's usual share: money handed back.
  "qianchuan-refund-1h": "spend",
  // Ad spend on search terms that sold nothing: money already gone, stated as it is.
  "search-terms-no-sales": "spend",
  "live-funnel": "sales",
  "gpm-trend": "sales",
  // visitorCost: (click cost − visitor value × margin) × clicks, profit; visitorValue: sales per visitor below the peer's.
  "visitor-value-vs-cost": {
    kinds: "profit for visitorCost, sales for visitorValue",
    decide: (f) => (f.metric === "visitorCost" ? "profit" : "sales"),
  },
  repurchase: null,
  "service-agent-conversion": "sales",
  "top-product-reviews": null,
  "item-quality-lines": null,
  "product-profit": "profit",
  "stock-cover": "sales",
  "refund-rate": "spend",
  "cost-data": null,
  "data-sanity": null,
};

/** Rules about one product whose money is nevertheless the shop's (the hero sets a shop-wide order value). */
export const SHOP_MONEY: ReadonlySet<RuleId> = new Set<RuleId>(["aov-vs-hero"]);

/** The impact kind of one finding (sales for a rule that declares none yet carries money). */
export function impactKind(f: Finding, ctx: RuleContext): ImpactKind {
  // A rule that worked this finding's money in profit (or spend) itself says so on the finding.
  if (f.stakeBasis === "profit" || f.stakeBasis === "spend") return f.stakeBasis;
  const kind = IMPACT_KINDS[f.rule];
  if (kind !== null && typeof kind === "object") return kind.decide(f, ctx);
  return kind ?? "sales";
}

function cents(v: number): number | null {
  const r = Math.round(v * 100) / 100;
  return Number.isFinite(r) ? r : null;
}

/** One finding's stake, given the margins that apply. */
function stakeOf(
  f: Finding,
  kind: ImpactKind,
  margins: { shop: number; products: ReadonlyMap<string, number> },
): StakeFields {
  const impact = f.impact!;
  if (kind === "spend") return { profitAtStake: null, stakeBasis: "spend", stakeMargin: null };
  if (kind === "profit") return { profitAtStake: impact, stakeBasis: "profit", stakeMargin: null };
  const product = f.subjectType === "product" && f.subject !== "" && !SHOP_MONEY.has(f.rule);
  const margin = product ? (margins.products.get(f.subject) ?? null) : margins.shop;
  // No margin known, or one at or below 0 (more sales would not add profit): the money stays sales.
  if (margin === null || !(margin > 0)) return { profitAtStake: null, stakeBasis: "sales", stakeMargin: margin };
  const profit = cents(impact * margin);
  return profit === null
    ? { profitAtStake: null, stakeBasis: "sales", stakeMargin: null }
    : { profitAtStake: profit, stakeBasis: "profit", stakeMargin: margin };
}

/**
 * Adds profitAtStake, stakeBasis and stakeMargin to every finding with money, when the Costs tab
 * gives the shop a contribution margin; returns whether it did (false: the drafts are untouched).
 */
export function stateStakes(ctx: RuleContext, drafts: readonly Draft[]): boolean {
  const shop = shopContributionMargin(ctx);
  if (!shop) return false;
  const margins = { shop: shop.margin, products: productContributionMargins(ctx) };
  for (const d of drafts) {
    const f = d.finding;
    if (f.impact === null) continue;
    Object.assign(f, stakeOf(f, impactKind(f, ctx), margins));
  }
  return true;
}

/** The kind of a rule's money as docs/SCORING.md prints it ("—" for a rule that states none). */
export function impactKindText(rule: RuleId): string {
  const kind = IMPACT_KINDS[rule];
  if (kind === null) return "—";
  return typeof kind === "object" ? kind.kinds : kind;
}
