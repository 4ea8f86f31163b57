/**
 * Shop-level rules: pay conversion vs peers, what moved sales week on week, bounce rate,
 * visit depth, the daily target, visitor value vs peers and vs visitor cost, repurchase.
 */
import { daysInMonth } from "../cells";
import type { Status } from "../report";
import { makeFinding, shopWindows, stable, type Draft, type Judged, type Rule, type RuleContext } from "./context";
import type { Totals } from "./totals";

/** Products (sources …) with fewer visitors than this over the period are too small to judge. */
export const MIN_VISITORS = 100;
/** Week-on-week sales drop that turns the sales finding amber, and red. */
export const SALES_DROP_WARN = 0.03;
export const SALES_DROP_BAD = 0.1;
/** Month-to-date pace below this (but below 1) is amber; lower is red. */
export const PACE_WARN = 0.9;
/** Yesterday's sales below this share of the day's target is red (between it and 1, amber). */
export const DAY_TARGET_WARN = 0.8;
/** Visitor value below this share of the peer value is red (the published 80 % line). */
export const VISITOR_VALUE_WARN = 0.8;
/** A relative fall in repurchase rate this large is worth flagging. */
export const REPURCHASE_DROP = 0.1;

/** Visitors per day, conversion and AOV of a Totals over `days` days, when all three exist. */
export function salesFactors(t: Totals, days: number): { visitors: number; conversion: number; aov: number } | null {
  const visitors = t.get("visitors");
  const conversion = t.payConversion();
  const aov = t.aov();
  if (visitors === null || conversion === null || aov === null || days <= 0) return null;
  return { visitors: visitors / days, conversion, aov };
}

/** pay-conversion-vs-peer: the shop's and each product's pay conversion against the peer average. */
export const payConversionVsPeer: Rule = {
  id: "pay-conversion-vs-peer",
  area: "conversion",
  run(ctx) {
    const out: Draft[] = [];
    const shop = ctx.shop;
    const conv = shop?.totals.payConversion() ?? null;
    if (!shop || conv === null) {
      out.push(makeFinding(this, { status: "info", metric: "payConversion", format: "percent", message: ctx.t("payConv.missingData") }));
      return out;
    }
    const peer = ctx.peer.payConversion;
    if (peer === null) {
      out.push(makeFinding(this, { status: "info", metric: "payConversion", value: conv, format: "percent", message: ctx.t("payConv.missingPeer", { value: ctx.pct(conv) }) }));
      return out;
    }
    const f = salesFactors(shop.totals, shop.dayCount);
    const impact = conv < peer && f ? (peer - conv) * f.visitors * f.aov : null;
    const status: Status = stable(conv) >= peer ? "good" : "bad";
    out.push(
      makeFinding(this, {
        status,
        metric: "payConversion",
        value: conv,
        benchmark: peer,
        format: "percent",
        impact,
        message:
          status === "good"
            ? ctx.t("payConv.shopGood", { value: ctx.pct(conv), peer: ctx.pct(peer) })
            : impact !== null
              ? ctx.t("payConv.shopBad", { value: ctx.pct(conv), peer: ctx.pct(peer), money: ctx.money(impact) })
              : ctx.t("payConv.shopBadNoAov", { value: ctx.pct(conv), peer: ctx.pct(peer) }),
        todo: impact !== null ? ctx.t("payConv.todoShop", { peer: ctx.pct(peer), money: ctx.money(impact) }) : null,
      }),
    );
    // Products below the peer line, largest money first; pre-sale items are judged elsewhere.
    const products = ctx.products;
    if (!products) return out;
    const below = new TopList();
    for (const p of products.subjects) {
      if (p.presale) continue;
      const visitors = p.totals.get("visitors");
      const pc = p.totals.payConversion();
      if (visitors === null || visitors < MIN_VISITORS || pc === null || stable(pc) >= peer) continue;
      // No sales at all is the zero-sales rule's finding; one product, one finding.
      if (pc === 0 && (p.totals.get("sales") ?? 0) === 0) continue;
      const aov = p.totals.aov() ?? shop.totals.aov();
      const money = aov !== null ? (peer - pc) * (visitors / products.dayCount) * aov : null;
      if (below.wants(money, p.name)) below.add(lazy(money, p.name, () =>
        makeFinding(this, {
          status: "bad",
          subject: p.name,
          subjectType: "product",
          metric: "payConversion",
          value: pc,
          benchmark: peer,
          format: "percent",
          impact: money,
          message: ctx.t("payConv.productBad", { name: p.name, value: ctx.pct(pc), peer: ctx.pct(peer), money: money !== null ? ctx.money(money) : "—" }),
          todo: ctx.t("payConv.todoProduct", { name: p.name, money: money !== null ? ctx.money(money) : "—" }),
        }),
      ));
    }
    out.push(...below.drafts(this, ctx, "product"));
    return out;
  },
};

/** A finding not worded yet: on a 100,000-product export only the few kept get a message. */
export interface LazyDraft {
  impact: number | null;
  subject: string;
  build(): Draft;
}
/** A worded finding, or one still to be worded. */
export type Candidate = Draft | LazyDraft;

/** A candidate finding worded only if it is kept. */
export function lazy(impact: number | null, subject: string, build: () => Draft): LazyDraft {
  return { impact, subject, build };
}

function impactOf(c: Candidate): number {
  return ("build" in c ? c.impact : c.finding.impact) ?? -1;
}
function subjectOf(c: Candidate): string {
  return "build" in c ? c.subject : c.finding.subject;
}

function compareCandidates(a: Candidate, b: Candidate): number {
  return impactOf(b) - impactOf(a) || (subjectOf(a) < subjectOf(b) ? -1 : subjectOf(a) > subjectOf(b) ? 1 : 0);
}

/**
 * Keeps the `max` largest-impact candidates of a rule while counting and summing all of them,
 * so a rule over 1,000,000 products words (and allocates) only what the report shows.
 */
export class TopList {
  private readonly best: LazyDraft[] = [];
  private count = 0;
  private money = 0;
  constructor(private readonly max = 10) {}

  /** Counts a candidate; true when it would be kept, the only case worth wording it. */
  wants(impact: number | null, subject: string): boolean {
    this.count++;
    this.money += Math.max(0, impact ?? 0);
    if (this.best.length < this.max) return true;
    return compareCandidates({ impact, subject, build: noBuild }, this.best[this.max - 1]) < 0;
  }

  /** True when no candidate was offered. */
  isEmpty(): boolean {
    return this.count === 0;
  }

  /** Adds a candidate that `wants` accepted. */
  add(candidate: LazyDraft): void {
    let i = this.best.length < this.max ? this.best.length : this.max - 1;
    this.best[i] = candidate;
    while (i > 0 && compareCandidates(this.best[i], this.best[i - 1]) < 0) {
      const tmp = this.best[i - 1];
      this.best[i - 1] = this.best[i];
      this.best[i] = tmp;
      i--;
    }
  }

  /** The kept findings, worded, plus one info line counting (and summing) the rest. */
  drafts(rule: Rule, ctx: RuleContext, kind: "product" | "source" | "plan" | "agent"): Draft[] {
    const kept = this.best.map((c) => c.build());
    if (this.count <= this.max) return kept;
    let money = this.money;
    for (const c of this.best) money -= Math.max(0, c.impact ?? 0);
    const rest = this.count - this.max;
    return [
      ...kept,
      makeFinding(rule, {
        status: "info",
        subject: `+${rest}`,
        subjectType: kind,
        metric: kept[0].finding.metric,
        value: rest,
        format: "integer",
        message: ctx.t("common.more", { count: rest, kind: ctx.t(`kind.${kind}`), money: ctx.money(money) }),
      }),
    ];
  }
}

function noBuild(): Draft {
  throw new Error("Shop Doctor: a probe candidate was worded");
}

/** The largest-impact candidates, worded, plus one info line counting (and summing) the rest. */
export function topByImpact(rule: Rule, ctx: RuleContext, candidates: Candidate[], kind: "product" | "source" | "plan" | "agent", max = 10): Draft[] {
  const order = (a: Candidate, b: Candidate) => impactOf(b) - impactOf(a) || (subjectOf(a) < subjectOf(b) ? -1 : subjectOf(a) > subjectOf(b) ? 1 : 0);
  // Keep the best `max` in one pass (a full sort of 100k candidates costs more than the rules).
  const best: Candidate[] = [];
  let money = 0;
  for (const c of candidates) {
    money += Math.max(0, impactOf(c));
    if (best.length === max && order(c, best[max - 1]) >= 0) continue;
    let i = best.length < max ? best.length : max - 1;
    best[i] = c;
    while (i > 0 && order(best[i], best[i - 1]) < 0) {
      const tmp = best[i - 1];
      best[i - 1] = best[i];
      best[i] = tmp;
      i--;
    }
  }
  const kept = best.map((c) => ("build" in c ? c.build() : c));
  if (candidates.length <= max) return kept;
  const restCount = candidates.length - max;
  for (const d of kept) money -= Math.max(0, d.finding.impact ?? 0);
  const summary = makeFinding(rule, {
    status: "info",
    subject: `+${restCount}`,
    subjectType: kind,
    metric: kept[0].finding.metric,
    value: restCount,
    format: "integer",
    message: ctx.t("common.more", { count: restCount, kind: ctx.t(`kind.${kind}`), money: ctx.money(money) }),
  });
  return [...kept, summary];
}

/** sales-change-drivers: last 7 days vs the 7 before, split into visitors, conversion and AOV. */
export const salesChangeDrivers: Rule = {
  id: "sales-change-drivers",
  area: "sales",
  run(ctx) {
    const shop = ctx.shop;
    if (!shop || shop.from !== "shop-daily") return [];
    const w = shopWindows(shop.days, 7);
    const f1 = w && salesFactors(w.recent, 7);
    const f0 = w && salesFactors(w.previous, 7);
    if (!w || !f1 || !f0) {
      return [makeFinding(this, { status: "info", metric: "salesPerDay", format: "currency", message: ctx.t("salesChange.missing") })];
    }
    const s1 = f1.visitors * f1.conversion * f1.aov;
    const s0 = f0.visitors * f0.conversion * f0.aov;
    // Sequential substitution: the three effects add up exactly to the change in sales per day.
    const effects = {
      visitors: (f1.visitors - f0.visitors) * f0.conversion * f0.aov,
      conversion: f1.visitors * (f1.conversion - f0.conversion) * f0.aov,
      aov: f1.visitors * f1.conversion * (f1.aov - f0.aov),
    };
    const change = s0 > 0 ? stable(s1 / s0 - 1) : 0;
    const status: Status = change <= -SALES_DROP_BAD ? "bad" : change <= -SALES_DROP_WARN ? "warn" : "good";
    const worst = (Object.keys(effects) as (keyof typeof effects)[]).reduce((a, b) => (effects[b] < effects[a] ? b : a));
    const best = (Object.keys(effects) as (keyof typeof effects)[]).reduce((a, b) => (effects[b] > effects[a] ? b : a));
    const impact = status === "good" ? null : -effects[worst];
    const params = {
      change: ctx.pct(Math.abs(change)),
      from: ctx.money(s0),
      to: ctx.money(s1),
      visitors: signedMoney(ctx, effects.visitors),
      conversion: signedMoney(ctx, effects.conversion),
      aov: signedMoney(ctx, effects.aov),
      driver: ctx.t(`factor.${status === "good" ? best : worst}`),
      money: impact !== null ? ctx.money(impact) : "",
    };
    return [
      makeFinding(this, {
        status,
        metric: "salesPerDay",
        value: s1,
        benchmark: s0,
        format: "currency",
        impact,
        message: ctx.t(status === "good" ? "salesChange.good" : "salesChange.drop", params),
        todo: ctx.t("salesChange.todo", params),
      }),
    ];
  },
};

function signedMoney(ctx: RuleContext, v: number): string {
  return (v >= 0 ? "+" : "-") + ctx.money(Math.abs(v));
}

/** bounce-rate: mean daily bounce rate against bounceGood / bounceBad. */
export const bounceRate: Rule = {
  id: "bounce-rate",
  area: "traffic",
  run(ctx) {
    const rate = ctx.shop?.totals.bounceRate() ?? null;
    if (rate === null) return [];
    const { bounceGood, bounceBad } = ctx.settings;
    const status: Judged = stable(rate) <= bounceGood ? "good" : stable(rate) <= bounceBad ? "warn" : "bad";
    const params = { value: ctx.pct(rate), good: ctx.pct(bounceGood), bad: ctx.pct(bounceBad) };
    return [
      makeFinding(this, {
        status,
        metric: "bounceRate",
        value: rate,
        benchmark: bounceGood,
        format: "percent",
        message: ctx.t(`bounce.${status}`, params),
        todo: ctx.t("bounce.todo", params),
      }),
    ];
  },
};

/** visit-depth: pages per visitor against depthGood / depthBad. */
export const visitDepth: Rule = {
  id: "visit-depth",
  area: "traffic",
  run(ctx) {
    const depth = ctx.shop?.totals.pagesPerVisitor() ?? null;
    if (depth === null) return [];
    const { depthGood, depthBad } = ctx.settings;
    const status: Judged = stable(depth) >= depthGood ? "good" : stable(depth) >= depthBad ? "warn" : "bad";
    const params = { value: ctx.fmt(depth), good: ctx.fmt(depthGood, 1), bad: ctx.fmt(depthBad, 1) };
    return [
      makeFinding(this, {
        status,
        metric: "pagesPerVisitor",
        value: depth,
        benchmark: depthGood,
        format: "number",
        message: ctx.t(`depth.${status}`, params),
        todo: ctx.t("depth.todo", params),
      }),
    ];
  },
};

/** daily-target: yesterday against its share of the monthly target, and the month's pace. */
export const dailyTarget: Rule = {
  id: "daily-target",
  area: "sales",
  run(ctx) {
    const shop = ctx.shop;
    const dated = shop && shop.from === "shop-daily" ? shop.days.filter((d) => d.date !== null && d.totals.get("sales") !== null) : [];
    if (dated.length === 0) return [];
    const target = ctx.settings.monthlyTarget;
    if (target === null) {
      return [makeFinding(this, { status: "info", metric: "dailySales", format: "currency", message: ctx.t("target.missing") })];
    }
    const last = dated[dated.length - 1];
    const lastDate = last.date!;
    const year = Number(lastDate.slice(0, 4));
    const month = Number(lastDate.slice(5, 7));
    const day = Number(lastDate.slice(8, 10));
    const dim = daysInMonth(year, month);
    const share = target / dim;
    const yesterday = last.totals.get("sales")!;
    const dayRatio = stable(yesterday / share);
    const dayStatus: Status = dayRatio >= 1 ? "good" : dayRatio >= DAY_TARGET_WARN ? "warn" : "bad";
    const monthPrefix = lastDate.slice(0, 7);
    let toDate = 0;
    for (const d of dated) if (d.date!.startsWith(monthPrefix)) toDate += d.totals.get("sales")!;
    const due = target * (day / dim);
    const pace = stable(toDate / due);
    const paceStatus: Status = pace >= 1 ? "good" : pace >= PACE_WARN ? "warn" : "bad";
    const remaining = dim - day;
    const neededPerDay = remaining > 0 ? (target - toDate) / remaining : null;
    const paceImpact = paceStatus !== "good" && neededPerDay !== null ? Math.max(0, neededPerDay - share) : null;
    const params = {
      date: lastDate,
      value: ctx.money(yesterday),
      share: ctx.money(share),
      gap: ctx.money(Math.max(0, share - yesterday)),
      pace: ctx.pct(pace),
      toDate: ctx.money(toDate),
      due: ctx.money(due),
      needed: neededPerDay !== null ? ctx.money(Math.max(0, neededPerDay)) : "—",
    };
    return [
      makeFinding(this, {
        status: dayStatus,
        metric: "dailySales",
        value: yesterday,
        benchmark: share,
        format: "currency",
        impact: dayStatus === "good" ? null : share - yesterday,
        message: ctx.t(dayStatus === "good" ? "target.dayGood" : "target.dayMiss", params),
        todo: ctx.t("target.todoDay", params),
      }),
      makeFinding(this, {
        status: paceStatus,
        metric: "targetPace",
        value: pace,
        benchmark: 1,
        format: "percent",
        impact: paceImpact,
        message: ctx.t(paceStatus === "good" ? "target.paceGood" : remaining > 0 ? "target.paceBehind" : "target.monthMissed", params),
        todo: remaining > 0 ? ctx.t("target.todoPace", params) : null,
      }),
    ];
  },
};

/** visitor-value-vs-cost: visitor value against peers, and gross profit per visitor against its cost. */
export const visitorValueVsCost: Rule = {
  id: "visitor-value-vs-cost",
  area: "traffic",
  run(ctx) {
    const shop = ctx.shop;
    const vv = shop?.totals.visitorValue() ?? null;
    if (!shop || vv === null) return [];
    const out: Draft[] = [];
    const perDay = (shop.totals.get("visitors") ?? 0) / shop.dayCount;
    const peer = ctx.peer.visitorValue;
    if (peer !== null) {
      const r = stable(vv / peer);
      const status: Status = r >= 1 ? "good" : r >= VISITOR_VALUE_WARN ? "warn" : "bad";
      const impact = status === "good" ? null : (peer - vv) * perDay;
      const params = { value: ctx.money(vv), peer: ctx.money(peer), money: impact !== null ? ctx.money(impact) : "" };
      out.push(
        makeFinding(this, {
          status,
          metric: "visitorValue",
          value: vv,
          benchmark: peer,
          format: "currency",
          impact,
          message: ctx.t(status === "good" ? "visitorValue.peerGood" : "visitorValue.peerLow", params),
          todo: ctx.t("visitorValue.todoPeer", params),
        }),
      );
    }
    const plans = ctx.plans;
    const cost = plans?.total.cpc() ?? null;
    const margin = ctx.settings.grossMargin;
    if (plans && cost !== null) {
      if (margin === null) {
        out.push(makeFinding(this, { status: "info", metric: "visitorCost", value: cost, format: "currency", message: ctx.t("visitorValue.missingMargin", { cost: ctx.money(cost) }) }));
      } else {
        const earned = vv * margin;
        const status: Status = stable(earned) >= stable(cost) ? "good" : "bad";
        const clicksPerDay = (plans.total.get("clicks") ?? 0) / plans.dayCount;
        const impact = status === "bad" ? (cost - earned) * clicksPerDay : null;
        const params = { earned: ctx.money(earned), cost: ctx.money(cost), margin: ctx.pct(margin), money: impact !== null ? ctx.money(impact) : "" };
        out.push(
          makeFinding(this, {
            status,
            metric: "visitorCost",
            value: earned,
            benchmark: cost,
            format: "currency",
            impact,
            message: ctx.t(status === "good" ? "visitorValue.costGood" : "visitorValue.costLoss", params),
            todo: ctx.t("visitorValue.todoCost", params),
          }),
        );
      }
    }
    if (out.length === 0) {
      out.push(makeFinding(this, { status: "info", metric: "visitorValue", value: vv, format: "currency", message: ctx.t("visitorValue.missingPeer", { value: ctx.money(vv) }) }));
    }
    return out;
  },
};

/** repurchase: a falling repurchase rate. */
export const repurchase: Rule = {
  id: "repurchase",
  area: "sales",
  run(ctx) {
    const shop = ctx.shop;
    const rate = shop?.totals.repurchaseRate() ?? null;
    if (!shop || rate === null) {
      return shop ? [makeFinding(this, { status: "info", metric: "repurchaseRate", format: "percent", message: ctx.t("repurchase.missing") })] : [];
    }
    const dated = shop.days.filter((d) => d.date !== null && d.totals.repurchaseRate() !== null);
    const size = dated.length >= 14 ? 7 : Math.floor(dated.length / 2);
    const w = size > 0 ? shopWindows(dated, size) : null;
    const r1 = w?.recent.repurchaseRate() ?? null;
    const r0 = w?.previous.repurchaseRate() ?? null;
    if (r1 === null || r0 === null || r0 === 0) {
      return [makeFinding(this, { status: "info", metric: "repurchaseRate", value: rate, format: "percent", message: ctx.t("repurchase.noTrend", { value: ctx.pct(rate) }) })];
    }
    const fall = stable(1 - r1 / r0);
    const status: Status = fall >= REPURCHASE_DROP ? "warn" : "good";
    const params = { value: ctx.pct(r1), before: ctx.pct(r0), fall: ctx.pct(Math.max(0, fall)) };
    return [
      makeFinding(this, {
        status,
        metric: "repurchaseRate",
        value: r1,
        benchmark: r0,
        format: "percent",
        message: ctx.t(status === "good" ? "repurchase.good" : "repurchase.falling", params),
        todo: ctx.t("repurchase.todo", params),
      }),
    ];
  },
};
