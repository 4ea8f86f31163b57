/**
 * Every diagnostic rule, as one ordered list of declarations: the order findings appear in
 * within an area. RULE_IDS, RuleId, the RULES table and the rules section of docs/SCORING.md
 * are all derived from this list; adding a rule is one `defineRule` plus one line here.
 */
import { adPlanEfficiency, dsr, serviceAgentConversion, trafficSourceMix } from "./channels";
import { searchTermsNoSales } from "./search-terms";
import { serviceScore } from "./service-score";
import { makeFinding, type Draft, type RuleContext } from "./context";
import type { Rule } from "./define";
import {
  aovVsHero,
  presaleConversion,
  priceConversionQuadrant,
  productConversionTrend,
  topProductReviews,
  zeroSalesProducts,
} from "./products";
import { anomalyDaysRule } from "./pattern";
import { eventResult } from "./events";
import { costData, productProfit, refundRateRule, stockCover } from "./profit";
import { itemQuality, liveFunnel, qianchuanNetRoi, qianchuanRefundJump } from "./content";
import { carrierMix, gpmTrend } from "./content-trends";
import { dataSanity } from "./sanity";
import { oneVerdictPerProduct } from "./verdicts";
import {
  bounceRate,
  dailyTarget,
  payConversionVsPeer,
  repurchase,
  salesChangeDrivers,
  visitDepth,
  visitorValueVsCost,
} from "./shop";

export const RULE_DECLARATIONS = [
  payConversionVsPeer,
  salesChangeDrivers,
  anomalyDaysRule,
  eventResult,
  productConversionTrend,
  trafficSourceMix,
  carrierMix,
  priceConversionQuadrant,
  bounceRate,
  visitDepth,
  aovVsHero,
  dsr,
  // service score (issue 13)
  serviceScore,
  zeroSalesProducts,
  presaleConversion,
  dailyTarget,
  adPlanEfficiency,
  searchTermsNoSales,
  qianchuanNetRoi,
  qianchuanRefundJump,
  liveFunnel,
  gpmTrend,
  visitorValueVsCost,
  repurchase,
  serviceAgentConversion,
  topProductReviews,
  itemQuality,
  // profit (issue 14)
  productProfit,
  stockCover,
  refundRateRule,
  costData,
  dataSanity,
] as const;

/** A rule id: the union of the declared ids, so a wrong id is a compile error. */
export type RuleId = (typeof RULE_DECLARATIONS)[number]["id"];

/** Rule ids in declaration order. */
export const RULE_IDS: readonly RuleId[] = RULE_DECLARATIONS.map((r) => r.id);

/** Rule id → rule. */
export const RULES = Object.fromEntries(RULE_DECLARATIONS.map((r) => [r.id, r])) as {
  readonly [Id in RuleId]: Rule<Id>;
};

/** Longest error text quoted in the ℹ finding of a rule that failed. */
const MAX_ERROR_TEXT = 200;

/**
 * Runs each rule in turn, guarded: a rule that throws contributes one ℹ finding naming it
 * (in its own area) instead of its findings, and every other rule still runs. Then one verdict
 * per product (verdicts.ts).
 */
export function runRules(ctx: RuleContext, rules: readonly Rule[] = RULE_DECLARATIONS): Draft[] {
  const drafts: Draft[] = [];
  for (const rule of rules) {
    let found: Draft[];
    try {
      found = rule.run(ctx);
    } catch (error) {
      found = [ruleFailed(rule, ctx, error)];
    }
    for (const d of found) drafts.push(d);
  }
  // The worst judgement of a product wins: no ✔ "give it more traffic" beside its ▲/✖.
  return oneVerdictPerProduct(drafts);
}

function ruleFailed(rule: Rule, ctx: RuleContext, error: unknown): Draft {
  const text = error instanceof Error ? error.message : String(error);
  const detail = text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT)}…` : text;
  return makeFinding(rule, {
    status: "info",
    metric: "ruleError",
    format: "integer",
    message: ctx.t("rule.failed", { rule: rule.id, detail }),
  });
}

export type { RuleContext, Draft } from "./context";
export type { Rule, Threshold } from "./define";
