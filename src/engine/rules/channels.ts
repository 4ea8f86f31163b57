/**
 * Rules over traffic sources, ad plans, service agents and DSR: who converts, who loses
 * money, who needs coaching, which score lags the peers.
 */
import {
  type BasedKey,
  type Basis,
  basedKey,
  basisOf,
  makeFinding,
  perDay,
  stable,
  type Draft,
  type Group,
  type Judged,
  type RuleContext,
  type Subject,
} from "./context";
import { defineRule, fixed, fromSetting, type Rule } from "./define";
import { MAX_SUBJECT_FINDINGS } from "./limits";
import * as metrics from "../metrics";
import { planContributionMargins, shopContributionMargin, shopRefundRate } from "./profit-context";
import { isSearchTermAdTable } from "./search-terms";
import { firstN, lazy, topByImpact, TopList } from "./top";
import { ratio } from "./totals";
import { ordinaryDays } from "./windows";

const SOURCES = {
  minShare: fixed(0.05, "share", "sources below this share of visitors are too small to judge"),
  weak: fixed(0.6, "multiple", "a source converting below this multiple of the shop average is ▲ (fix or cut)"),
  strong: fixed(1.2, "multiple", "a source converting at this multiple of the shop average or more is ✔ (grow it)"),
  visitorDrop: fixed(0.2, "share", "a source whose visitors per day fell this much, window on window, is ▲"),
  maxProblems: MAX_SUBJECT_FINDINGS,
  maxStrong: fixed(3, "findings", "strong sources named"),
};

/** Only a source the shop pays for can have its spend cut; a free one needs its visitors converted. */
function hasSpend(s: Subject): boolean {
  const spend = s.totals.get("spend");
  return spend !== null && spend > 0;
}

/** traffic-source-mix: grow sources that convert well, fix or cut weak ones, find the source whose visitors fell. */
export const trafficSourceMix = defineRule({
  id: "traffic-source-mix",
  area: "traffic",
  needs: { kinds: ["traffic-sources"], fields: ["source", "visitors", "paidBuyers", "sales", "date"] },
  summary:
    "sources with ≥ {minShare} of visitors: conversion < {weak} average ▲, ≥ {strong} ✔; visitors per day down ≥ {visitorDrop} ▲",
  thresholds: SOURCES,
  messages: [
    "source.weak",
    "source.weak.export",
    "source.todoWeak",
    "source.todoWeakFree",
    "source.strong",
    "source.todoStrong",
    "source.visitorsFell",
    "source.todoFell",
    "source.balanced",
    "common.more",
    "common.more.export",
  ],
  run(ctx) {
    const sources = ctx.sources;
    // Every row a carrier (直播 / 短视频 …): no channel to judge (carrier-mix reads them).
    if (!sources || sources.subjects.length === 0) return [];
    const allVisitors = sources.total.get("visitors");
    const avg = sources.total.payConversion();
    if (allVisitors === null || allVisitors <= 0) return [];
    const aov = sources.total.aov() ?? ctx.shop?.totals.aov() ?? null;
    const drafts: Draft[] = [];
    const strong: Draft[] = [];
    for (const s of sources.subjects) {
      const v = s.totals.get("visitors");
      if (v === null || v / allVisitors < SOURCES.minShare.value) continue;
      const conv = s.totals.payConversion();
      const mix = sourceConversion(this, ctx, sources, s, { v, allVisitors, avg, aov, conv });
      if (mix?.finding.status === "good") strong.push(mix);
      else if (mix) drafts.push(mix);
      const fell = sourceVisitorsFell(this, ctx, sources, s, conv ?? avg, aov);
      if (fell) drafts.push(fell);
    }
    const out = topByImpact(this, ctx, drafts, "source", SOURCES.maxProblems.value);
    out.push(...strong.slice(0, SOURCES.maxStrong.value));
    if (out.length === 0 && avg !== null) {
      out.push(
        makeFinding(this, {
          status: "good",
          subjectType: "source",
          metric: "sourceConversion",
          value: avg,
          format: "percent",
          message: ctx.t("source.balanced", { avg: ctx.pct(avg) }),
        }),
      );
    }
    return out;
  },
});

/** A weak (▲) or strong (✔) source by conversion against the average, or null when neither. */
function sourceConversion(
  rule: Rule,
  ctx: RuleContext,
  sources: Group,
  s: Subject,
  f: { v: number; allVisitors: number; avg: number | null; aov: number | null; conv: number | null },
): Draft | null {
  const { v, allVisitors, avg, aov, conv } = f;
  if (avg === null || avg <= 0 || conv === null) return null;
  const r = stable(conv / avg);
  const params = { name: s.name, value: ctx.pct(conv), avg: ctx.pct(avg), share: ctx.pct(v / allVisitors) };
  if (r < SOURCES.weak.value) {
    const impact = aov !== null ? (avg - conv) * perDay(v, sources.dayCount) * aov : null;
    const basis = basisOf(sources.dayCount);
    return makeFinding(rule, {
      status: "warn",
      subject: s.name,
      subjectType: "source",
      metric: "sourceConversion",
      value: conv,
      benchmark: avg,
      format: "percent",
      impact,
      basis,
      message: ctx.t(basedKey("source.weak", basis), { ...params, money: impact !== null ? ctx.money(impact) : "—" }),
      todo: ctx.t(hasSpend(s) ? "source.todoWeak" : "source.todoWeakFree", params),
    });
  }
  if (r >= SOURCES.strong.value) {
    return makeFinding(rule, {
      status: "good",
      subject: s.name,
      subjectType: "source",
      metric: "sourceConversion",
      value: conv,
      benchmark: avg,
      format: "percent",
      message: ctx.t("source.strong", params),
      todo: ctx.t("source.todoStrong", params),
    });
  }
  return null;
}

/** Which source's visitors fell: the first question when daily sales miss. */
function sourceVisitorsFell(
  rule: Rule,
  ctx: RuleContext,
  sources: Group,
  s: Subject,
  c: number | null,
  aov: number | null,
): Draft | null {
  const w = sources.comparison;
  if (!sources.hasTrend || !w || w.allEventDays || !s.recent || !s.previous) return null;
  // Per day over each window's ordinary days (event days left out of both).
  const v1 = (s.recent.get("visitors") ?? 0) / ordinaryDays(w, "recent");
  const v0 = (s.previous.get("visitors") ?? 0) / ordinaryDays(w, "previous");
  if (!(v0 > 0 && stable(1 - v1 / v0) >= SOURCES.visitorDrop.value)) return null;
  const impact = c !== null && aov !== null ? (v0 - v1) * c * aov : null;
  const params = {
    name: s.name,
    before: ctx.fmt(v0, 0),
    value: ctx.fmt(v1, 0),
    change: ctx.pct(1 - v1 / v0),
    money: impact !== null ? ctx.money(impact) : "—",
  };
  return makeFinding(rule, {
    status: "warn",
    subject: s.name,
    subjectType: "source",
    metric: "visitorsPerDay",
    value: v1,
    benchmark: v0,
    format: "integer",
    // Dated windows: visitors per day, always.
    impact,
    basis: "day",
    message: ctx.t("source.visitorsFell", params),
    todo: ctx.t("source.todoFell", params),
  });
}

const ADS = {
  margin: fromSetting(
    "grossMargin",
    "share",
    "break-even ROI is 1 ÷ gross margin (1 without a margin): a plan below it loses money ✖",
  ),
  refund: fromSetting(
    "defaultRefundRate",
    "share",
    "refunds when the exports carry none; the exports' own refund rate comes first",
  ),
  platformFee: fromSetting("platformFeeRate", "share", "the platform's commission on each sale"),
  paymentFee: fromSetting("paymentFeeRate", "share", "the payment fee on each sale"),
  ctrHigh: fixed(1.2, "multiple", "a plan's CTR at this multiple of the average of all plans or more is ✔ (bid up)"),
  ctrLow: fixed(0.8, "multiple", "a plan's CTR below this multiple of the average is ▲ (fix the creative)"),
  maxLosing: MAX_SUBJECT_FINDINGS,
  maxCtr: fixed(6, "findings", "high- or low-CTR plans named (▲ first, biggest spenders first)"),
};

type CtrPlan = { p: Subject; ctr: number; roi: number | null; spend: number; high: boolean };

/** ad-plan-efficiency: plans losing money below break-even ROI, and high/low CTR plans to bid up or down. */
export const adPlanEfficiency = defineRule({
  id: "ad-plan-efficiency",
  area: "ads",
  needs: { kinds: ["ad-plans"], fields: ["plan", "spend", "adSales", "clicks", "impressions"] },
  summary:
    "ROI < 1 ÷ {margin} (or < 1 without a margin) ✖; ROI < 1 ÷ ({margin} × (1 − refund rate) × (1 − {platformFee} − {paymentFee})) ✖ loses money after refunds and fees (refund rate from the exports, else {refund}); without {margin}, a Costs tab's contribution margin (of the products it maps the plan to, else the shop's; refunds and fees already in it): ROI ≥ 1 but < 1 ÷ that margin ✖ loses money after refunds and fees; CTR ≥ {ctrHigh} average ✔, < {ctrLow} ▲; from search term reports alone, a campaign with no ad sales is left to search-terms-no-sales, which names its terms",
  thresholds: ADS,
  messages: [
    "ads.losing",
    "ads.losing.export",
    "ads.belowOne",
    "ads.belowOne.export",
    "ads.todoLosing",
    "ads.todoLosing.export",
    "ads.ctrHigh",
    "ads.todoHigh",
    "ads.ctrLow",
    "ads.todoLow",
    "ads.allFine",
    "ads.allFineGross",
    "ads.missingMargin",
    "ads.losingAfterRefunds",
    "ads.losingAfterRefunds.export",
    "ads.todoAfterRefunds",
    "ads.todoAfterRefunds.export",
    "ads.losingAcos",
    "ads.losingAcos.export",
    "ads.belowOneAcos",
    "ads.belowOneAcos.export",
    "ads.losingAfterRefundsAcos",
    "ads.losingAfterRefundsAcos.export",
    "ads.losingCosts",
    "ads.losingCosts.export",
    "ads.losingCostsAcos",
    "ads.losingCostsAcos.export",
    "ads.marginProducts",
    "ads.marginShop",
    "metric.acos",
    "common.more",
    "common.more.export",
  ],
  run(ctx) {
    const plans = ctx.plans;
    if (!plans) return [];
    const margin = ctx.settings.grossMargin;
    // Without a margin the only certain loss is ROI below 1 (ad sales below spend).
    const plain = margin !== null ? 1 / margin : 1;
    const after = afterRefundsAndFees(ctx, margin);
    // Without the setting, the Costs tab's contribution margins (null without a Costs tab).
    const costs = margin === null ? costsMargins(ctx) : null;
    const shopBreakEven = costs && costs.shop !== null && costs.shop > 0 ? 1 / costs.shop : null;
    const breakEven = after?.breakEven ?? shopBreakEven ?? plain;
    const avgCtr = plans.total.ctr();
    const losing = new TopList(ADS.maxLosing.value);
    const others: CtrPlan[] = [];
    // From search term reports only, a campaign with no ad sales is exactly its search terms with
    // spend and no sales: search-terms-no-sales names those terms, so the money is not stated twice.
    const byTerm = ctx.tables.filter((t) => t.kind === "ad-plans").every(isSearchTermAdTable);
    for (const p of plans.subjects) {
      const spend = p.totals.get("spend");
      if (spend === null || spend <= 0) continue;
      if (byTerm && p.totals.get("adSales") === 0) continue;
      const roi = p.totals.roi();
      if (roi !== null && stable(roi) < stable(plain)) {
        offerLosingPlan(this, ctx, plans, losing, p, { spend, roi, margin, breakEven: plain });
        continue;
      }
      if (roi !== null && after && stable(roi) < stable(after.breakEven)) {
        offerLosingAfterRefunds(this, ctx, plans, losing, p, { spend, roi, plain, ...after });
        continue;
      }
      const fromCosts = costs ? costMarginOf(costs, p.name) : null;
      if (roi !== null && fromCosts && stable(roi) < stable(1 / fromCosts.margin)) {
        offerLosingAfterCosts(this, ctx, plans, losing, p, { spend, roi, ...fromCosts });
        continue;
      }
      const ctr = p.totals.ctr();
      if (ctr === null || avgCtr === null || avgCtr === 0) continue;
      const rel = stable(ctr / avgCtr);
      if (rel >= ADS.ctrHigh.value || rel < ADS.ctrLow.value)
        others.push({ p, ctr, roi, spend, high: rel >= ADS.ctrHigh.value });
    }
    const out = losing.drafts(this, ctx, "plan");
    out.push(...ctrFindings(this, ctx, others, avgCtr));
    if (out.length === 0 && plans.total.roi() !== null) out.push(allClear(this, ctx, plans.total.roi()!, breakEven));
    if (margin === null && shopBreakEven === null && plans.subjects.length > 0) {
      out.push(
        makeFinding(this, {
          status: "info",
          subjectType: "plan",
          metric: "roi",
          format: "ratio",
          message: ctx.t("ads.missingMargin"),
        }),
      );
    }
    return out;
  },
});

/** ✔ every plan reaches break-even; beside net ROI (千川) it says the verdict is on gross ROI. */
function allClear(rule: Rule, ctx: RuleContext, roi: number, breakEven: number): Draft {
  // A 千川-style export also carries net ROI after refunds: the gross "all clear" must not read as
  // the verdict on those plans, which the net-ROI check judges on its own.
  const key = hasNetRoi(ctx) ? "ads.allFineGross" : "ads.allFine";
  return makeFinding(rule, {
    status: "good",
    subjectType: "plan",
    metric: "roi",
    value: roi,
    benchmark: breakEven,
    format: "ratio",
    message: ctx.t(key, { roi: ctx.fmt(roi), breakEven: ctx.fmt(breakEven) }),
  });
}

/** Whether an ad-plan table carries net sales or net ROI after refunds (巨量千川 净成交金额 / 净成交ROI). */
function hasNetRoi(ctx: RuleContext): boolean {
  return ctx.tables.some((t) => t.kind === "ad-plans" && ("adNetSales" in t.columns || "netRoi" in t.columns));
}

function offerLosingPlan(
  rule: Rule,
  ctx: RuleContext,
  plans: Group,
  losing: TopList,
  p: Subject,
  f: { spend: number; roi: number; margin: number | null; breakEven: number },
): void {
  const { spend, roi, margin, breakEven } = f;
  // Without a margin, each ¥1 of ad sales keeps ¥1 against the spend (the loss is spend − ad sales).
  offerLosing(losing, plans, p, spend, margin ?? 1, (adSales, impact, basis) => {
    const params = {
      name: p.name,
      roi: ctx.fmt(roi),
      breakEven: ctx.fmt(breakEven),
      spend: ctx.money(perDay(spend, plans.dayCount)),
      money: ctx.money(impact),
    };
    // ACoS-worded exports: spend ÷ ad sales against break-even ACoS = margin (100 % without one).
    return losingPlanDraft(rule, ctx, p, {
      spend,
      adSales,
      line: margin ?? 1,
      acosKey: margin !== null ? "ads.losingAcos" : "ads.belowOneAcos",
      roi,
      breakEven,
      roiKey: margin !== null ? "ads.losing" : "ads.belowOne",
      todo: "ads.todoLosing",
      params,
      impact,
      basis,
    });
  });
}

/**
 * Offers a losing plan to `losing`: the profit it loses a day when each ¥1 of its ad sales keeps
 * `kept` (its break-even ACoS) against the spend, worded by `word` only if the plan is kept.
 */
function offerLosing(
  losing: TopList,
  plans: Group,
  p: Subject,
  spend: number,
  kept: number,
  word: (adSales: number, impact: number, basis: Basis) => Draft,
): void {
  const adSales = p.totals.get("adSales") ?? 0;
  const impact = perDay(spend - adSales * kept, plans.dayCount);
  if (!losing.wants(impact, p.name)) return;
  const basis = basisOf(plans.dayCount);
  losing.add(lazy(impact, p.name, () => word(adSales, impact, basis)));
}

/** What is kept of a sale after refunds and fees, and the break-even ROI that follows; null without a margin or either. */
function afterRefundsAndFees(
  ctx: RuleContext,
  margin: number | null,
): { kept: number; breakEven: number; refundRate: number; feeRate: number } | null {
  if (margin === null) return null;
  const refundRate = shopRefundRate(ctx)?.rate ?? 0;
  const feeRate = Math.min(1, (ctx.settings.platformFeeRate ?? 0) + (ctx.settings.paymentFeeRate ?? 0));
  if (refundRate === 0 && feeRate === 0) return null;
  const breakEven = metrics.breakEvenRoi(margin, Math.min(1, refundRate), feeRate);
  if (breakEven === null) return null;
  return { kept: metrics.breakEvenAcos(margin, Math.min(1, refundRate), feeRate), breakEven, refundRate, feeRate };
}

/** The Costs tab's margins for the ad check when the grossMargin setting is unset. */
interface CostsMargins {
  plans: Map<string, { margin: number; products: string[] }>;
  shop: number | null;
}

function costsMargins(ctx: RuleContext): CostsMargins | null {
  const shop = shopContributionMargin(ctx)?.margin ?? null;
  const plans = planContributionMargins(ctx);
  return shop === null && plans.size === 0 ? null : { plans, shop };
}

/**
 * A plan's margin from the Costs tab: its mapped products', else the shop's; null when the one that
 * applies is 0 or below (every sale then loses money before ads, and no ROI breaks even).
 */
function costMarginOf(costs: CostsMargins, plan: string): { margin: number; products: string[] } | null {
  const mapped = costs.plans.get(plan);
  if (mapped) return mapped.margin > 0 ? mapped : null;
  return costs.shop !== null && costs.shop > 0 ? { margin: costs.shop, products: [] } : null;
}

/**
 * ✖ Without the grossMargin setting: a plan at ROI 1 or more but below 1 ÷ the Costs tab's
 * contribution margin (refunds and fees already in it), with the profit it loses and whose margin.
 */
function offerLosingAfterCosts(
  rule: Rule,
  ctx: RuleContext,
  plans: Group,
  losing: TopList,
  p: Subject,
  f: { spend: number; roi: number; margin: number; products: string[] },
): void {
  // Each ¥1 of ad sales keeps the contribution margin once refunds, fees and goods are paid.
  offerLosing(losing, plans, p, f.spend, f.margin, (adSales, impact, basis) => {
    const names = f.products.map((n) => `「${n}」`).join("");
    const source =
      f.products.length > 0
        ? ctx.t("ads.marginProducts", { count: f.products.length, names })
        : ctx.t("ads.marginShop");
    const breakEven = 1 / f.margin;
    const params = {
      name: p.name,
      roi: ctx.fmt(f.roi),
      breakEven: ctx.fmt(breakEven),
      margin: ctx.pct(f.margin),
      source,
      money: ctx.money(impact),
    };
    const draft = losingPlanDraft(rule, ctx, p, {
      spend: f.spend,
      adSales,
      line: f.margin,
      acosKey: "ads.losingCostsAcos",
      roi: f.roi,
      breakEven,
      roiKey: "ads.losingCosts",
      todo: "ads.todoAfterRefunds",
      params,
      impact,
      basis,
    });
    // Worked on the Costs tab's contribution margin: the loss is profit already (rules/stake.ts).
    draft.finding.stakeBasis = "profit";
    return draft;
  });
}

type AfterRefundsPlan = {
  spend: number;
  roi: number;
  plain: number;
  kept: number;
  breakEven: number;
  refundRate: number;
  feeRate: number;
};

/** ✖ A plan above 1 ÷ margin but below the break-even after refunds and fees: the profit it loses. */
function offerLosingAfterRefunds(
  rule: Rule,
  ctx: RuleContext,
  plans: Group,
  losing: TopList,
  p: Subject,
  f: AfterRefundsPlan,
): void {
  // Each ¥1 of ad sales keeps margin × (1 − refund rate) × (1 − fee rate) once refunds and fees are paid.
  offerLosing(losing, plans, p, f.spend, f.kept, (adSales, impact, basis) => {
    const params = {
      name: p.name,
      roi: ctx.fmt(f.roi),
      plain: ctx.fmt(f.plain),
      breakEven: ctx.fmt(f.breakEven),
      refunds: ctx.pct(f.refundRate),
      fees: ctx.pct(f.feeRate),
      money: ctx.money(impact),
    };
    // Break-even ACoS after refunds and fees = margin × (1 − refund rate) × (1 − fee rate) = f.kept.
    return losingPlanDraft(rule, ctx, p, {
      spend: f.spend,
      adSales,
      line: f.kept,
      plain: 1 / f.plain,
      acosKey: "ads.losingAfterRefundsAcos",
      roi: f.roi,
      breakEven: f.breakEven,
      roiKey: "ads.losingAfterRefunds",
      todo: "ads.todoAfterRefunds",
      params,
      impact,
      basis,
    });
  });
}

/**
 * ACoS (spend ÷ ad sales) when an ad export carries an ACOS column (Amazon Sponsored Products, Shopee Ads),
 * so the finding speaks the export's own measure; null otherwise or without ad sales (ACoS has no value then).
 */
function acosOf(ctx: RuleContext, spend: number, adSales: number): number | null {
  if (adSales <= 0) return null;
  const worded = ctx.tables.some((t) => t.kind === "ad-plans" && t.columnIndex.acos !== undefined);
  return worded ? spend / adSales : null;
}

/**
 * A losing plan's finding: judged on ACoS against the break-even ACoS when the export gives an ACOS column
 * and the plan has ad sales, otherwise on ROI against the break-even ROI.
 */
function losingPlanDraft(
  rule: Rule,
  ctx: RuleContext,
  p: Subject,
  o: {
    spend: number;
    adSales: number;
    line: number;
    plain?: number;
    acosKey: BasedKey;
    roi: number;
    breakEven: number;
    roiKey: BasedKey;
    todo: BasedKey;
    params: Record<string, string>;
    impact: number;
    basis: Basis;
  },
): Draft {
  const acos = acosOf(ctx, o.spend, o.adSales);
  const todo = ctx.t(basedKey(o.todo, o.basis), o.params);
  const common = {
    status: "bad",
    subject: p.name,
    subjectType: "plan",
    impact: o.impact,
    basis: o.basis,
    todo,
  } as const;
  if (acos === null) {
    const message = ctx.t(basedKey(o.roiKey, o.basis), o.params);
    return makeFinding(rule, {
      ...common,
      metric: "roi",
      value: o.roi,
      benchmark: o.breakEven,
      format: "ratio",
      message,
    });
  }
  const shown = { ...o.params, acos: ctx.pct(acos), breakEvenAcos: ctx.pct(o.line) };
  return makeFinding(rule, {
    ...common,
    metric: "acos",
    value: acos,
    benchmark: o.line,
    format: "percent",
    message: ctx.t(
      basedKey(o.acosKey, o.basis),
      o.plain !== undefined ? { ...shown, plainAcos: ctx.pct(o.plain) } : shown,
    ),
  });
}

/** Amber before green, biggest spenders first, so the list stays short on big accounts. */
function ctrFindings(rule: Rule, ctx: RuleContext, others: CtrPlan[], avgCtr: number | null): Draft[] {
  const shown = firstN(others, ADS.maxCtr.value, (a, b) => (a.high === b.high ? b.spend - a.spend : a.high ? 1 : -1));
  return shown.map((o) => {
    const params = {
      name: o.p.name,
      ctr: ctx.pct(o.ctr),
      avg: ctx.pct(avgCtr!),
      roi: o.roi !== null ? ctx.fmt(o.roi) : "—",
    };
    return o.high
      ? makeFinding(rule, {
          status: "good",
          subject: o.p.name,
          subjectType: "plan",
          metric: "ctr",
          value: o.ctr,
          benchmark: avgCtr,
          format: "percent",
          message: ctx.t("ads.ctrHigh", params),
          todo: ctx.t("ads.todoHigh", params),
        })
      : makeFinding(rule, {
          status: "warn",
          subject: o.p.name,
          subjectType: "plan",
          metric: "ctr",
          value: o.ctr,
          benchmark: avgCtr,
          format: "percent",
          message: ctx.t("ads.ctrLow", params),
          todo: ctx.t("ads.todoLow", params),
        });
  });
}

const AGENTS = {
  warn: fixed(
    0.8,
    "multiple",
    "an agent at or above this multiple of the team's conversion is ▲ (below ✖, at the team's ✔)",
  ),
  maxAgents: fixed(20, "findings", "agents listed before one ℹ line sums up the rest"),
};

/** service-agent-conversion: each agent's consultation conversion against the team's. */
export const serviceAgentConversion = defineRule({
  id: "service-agent-conversion",
  area: "service",
  needs: { kinds: ["service-agents"], fields: ["agent", "consultations", "paidBuyers", "consultConversion"] },
  summary: "≥ team average ✔, ≥ {warn} team average ▲, below ✖; the {maxAgents} with most money at stake are listed",
  thresholds: AGENTS,
  messages: [
    "agent.missing",
    "agent.good",
    "agent.low",
    "agent.low.export",
    "agent.todo",
    "common.more",
    "common.more.export",
  ],
  run(ctx) {
    const agents = ctx.agents;
    if (!agents) return [];
    const team = agentConversion(agents.total);
    if (team === null || team === 0) {
      return [
        makeFinding(this, {
          status: "info",
          subjectType: "agent",
          metric: "agentConversion",
          format: "percent",
          message: ctx.t("agent.missing"),
        }),
      ];
    }
    const shopAov = ctx.shop?.totals.aov() ?? null;
    const drafts: Draft[] = [];
    for (const a of agents.subjects) {
      const conv = agentConversion(a.totals);
      if (conv === null) continue;
      const r = stable(conv / team);
      const status: Judged = r >= 1 ? "good" : r >= AGENTS.warn.value ? "warn" : "bad";
      const asked = a.totals.get("consultations");
      const aov = a.totals.aov() ?? shopAov;
      const impact =
        status !== "good" && asked !== null && aov !== null
          ? (team - conv) * perDay(asked, agents.dayCount) * aov
          : null;
      const params = {
        name: a.name,
        value: ctx.pct(conv),
        team: ctx.pct(team),
        money: impact !== null ? ctx.money(impact) : "—",
      };
      drafts.push(
        makeFinding(this, {
          status,
          subject: a.name,
          subjectType: "agent",
          metric: "agentConversion",
          value: conv,
          benchmark: team,
          format: "percent",
          impact,
          basis: basisOf(agents.dayCount),
          message: ctx.t(status === "good" ? "agent.good" : basedKey("agent.low", basisOf(agents.dayCount)), params),
          todo: ctx.t("agent.todo", params),
        }),
      );
    }
    return topByImpact(this, ctx, drafts, "agent", AGENTS.maxAgents.value);
  },
});

/** Paid buyers ÷ consultations, else the mean of the export's consultation-conversion column. */
function agentConversion(t: Group["total"]): number | null {
  const paid = t.get("paidBuyers");
  const asked = t.get("consultations");
  const r = asked !== null && asked > 0 ? ratio(paid, asked) : null;
  if (r !== null) return r;
  return t.consultConversionMean();
}

const DSR = {
  peer: fromSetting("peerDsr", "points", "the peer DSR level (else the export's peer column): at or above ✔"),
  badGap: fixed(0.1, "points", "a score this far or further below the peer is ✖ (less, ▲)"),
};

/** dsr: each of the three DSR scores against the peer level. */
export const dsr = defineRule({
  id: "dsr",
  area: "reputation",
  needs: { kinds: ["shop-daily"], fields: ["dsrDescription", "dsrService", "dsrLogistics", "peerDsr"] },
  summary: "≥ {peer} ✔, less than {badGap} below ▲, {badGap} or more below ✖",
  thresholds: DSR,
  messages: [
    "dsr.missingPeer",
    "dsr.good",
    "dsr.low",
    "dsr.todo",
    "metric.dsrDescription",
    "metric.dsrService",
    "metric.dsrLogistics",
    "dsr.cause.dsrDescription",
    "dsr.cause.dsrService",
    "dsr.cause.dsrLogistics",
  ],
  run(ctx) {
    const scores = ctx.shop?.dsr;
    if (!scores) return [];
    const peer = ctx.peer.dsr;
    const parts = [
      ["dsrDescription", scores.description],
      ["dsrService", scores.service],
      ["dsrLogistics", scores.logistics],
    ] as const;
    if (peer === null) {
      const list = parts
        .filter(([, v]) => v !== null)
        .map(([m, v]) => `${ctx.t(`metric.${m}`)} ${ctx.fmt(v!)}`)
        .join(", ");
      return [
        makeFinding(this, {
          status: "info",
          metric: "dsr",
          format: "score",
          message: ctx.t("dsr.missingPeer", { list }),
        }),
      ];
    }
    const out: Draft[] = [];
    for (const [metric, value] of parts) {
      if (value === null) continue;
      // Scores have two decimals; round the gap so 4.70 vs 4.80 is exactly 0.10, not 0.0999….
      const gap = Math.round((peer - value) * 1e6) / 1e6;
      const status: Judged = gap <= 0 ? "good" : gap < DSR.badGap.value ? "warn" : "bad";
      const params = {
        name: ctx.t(`metric.${metric}`),
        value: ctx.fmt(value),
        peer: ctx.fmt(peer),
        cause: ctx.t(`dsr.cause.${metric}`),
      };
      out.push(
        makeFinding(this, {
          status,
          metric,
          value,
          benchmark: peer,
          format: "score",
          message: ctx.t(status === "good" ? "dsr.good" : "dsr.low", params),
          todo: ctx.t("dsr.todo", params),
        }),
      );
    }
    return out;
  },
});
