/** Every diagnostic rule, in RULE_IDS order (the order findings appear within an area). */
import type { RuleId } from "../report";
import { adPlanEfficiency, dsr, serviceAgentConversion, trafficSourceMix } from "./channels";
import type { Rule } from "./context";
import { aovVsHero, presaleConversion, priceConversionQuadrant, productConversionTrend, topProductReviews, zeroSalesProducts } from "./products";
import { dataSanity } from "./sanity";
import { bounceRate, dailyTarget, payConversionVsPeer, repurchase, salesChangeDrivers, visitDepth, visitorValueVsCost } from "./shop";

/** Rule id → rule. */
export const RULES: Record<RuleId, Rule> = {
  "pay-conversion-vs-peer": payConversionVsPeer,
  "sales-change-drivers": salesChangeDrivers,
  "product-conversion-trend": productConversionTrend,
  "traffic-source-mix": trafficSourceMix,
  "price-conversion-quadrant": priceConversionQuadrant,
  "bounce-rate": bounceRate,
  "visit-depth": visitDepth,
  "aov-vs-hero": aovVsHero,
  dsr,
  "zero-sales-products": zeroSalesProducts,
  "presale-conversion": presaleConversion,
  "daily-target": dailyTarget,
  "ad-plan-efficiency": adPlanEfficiency,
  "visitor-value-vs-cost": visitorValueVsCost,
  repurchase,
  "service-agent-conversion": serviceAgentConversion,
  "top-product-reviews": topProductReviews,
  "data-sanity": dataSanity,
};

export type { Rule, RuleContext, Draft } from "./context";
export { buildContext } from "./context";
