/**
 * Rules over traffic sources, ad plans, service agents and DSR: who converts, who loses
 * money, who needs coaching, which score lags the peers.
 */
import { makeFinding, stable, type Draft, type Judged, type Rule, type Subject } from "./context";
import { lazy, topByImpact, TopList } from "./shop";
import { ratio } from "./totals";

/** A source converting at ≥ this multiple of the shop average is worth growing. */
export const SOURCE_STRONG = 1.2;
/** A source converting below this multiple of the shop average is a candidate to cut or fix. */
export const SOURCE_WEAK = 0.6;
/** Sources below this share of visitors are too small to judge. */
export const SOURCE_MIN_SHARE = 0.05;
/** A source whose visitors per day fell by this much, window on window, is flagged. */
export const SOURCE_VISITOR_DROP = 0.2;
/** CTR bands relative to the average of all plans. */
export const CTR_HIGH = 1.2;
export const CTR_LOW = 0.8;
/** An agent below this multiple of the team's conversion is red (between it and 1, amber). */
export const AGENT_WARN = 0.8;
/** A DSR score this far below the peer is red (less, amber). */
export const DSR_BAD_GAP = 0.1;

/** Only a source the shop pays for can have its spend cut; a free one needs its visitors converted. */
function hasSpend(s: Subject): boolean {
  const spend = s.totals.get("spend");
  return spend !== null && spend > 0;
}

/** traffic-source-mix: grow sources that convert well, fix or cut weak ones, find the source whose visitors fell. */
export const trafficSourceMix: Rule = {
  id: "traffic-source-mix",
  area: "traffic",
  run(ctx) {
    const sources = ctx.sources;
    if (!sources) return [];
    const allVisitors = sources.total.get("visitors");
    const avg = sources.total.payConversion();
    if (allVisitors === null || allVisitors <= 0) return [];
    const aov = sources.total.aov() ?? ctx.shop?.totals.aov() ?? null;
    const drafts: Draft[] = [];
    const strong: Draft[] = [];
    for (const s of sources.subjects) {
      const v = s.totals.get("visitors");
      if (v === null || v / allVisitors < SOURCE_MIN_SHARE) continue;
      const perDay = v / sources.dayCount;
      const conv = s.totals.payConversion();
      if (avg !== null && avg > 0 && conv !== null) {
        const r = stable(conv / avg);
        const params = { name: s.name, value: ctx.pct(conv), avg: ctx.pct(avg), share: ctx.pct(v / allVisitors) };
        if (r < SOURCE_WEAK) {
          const impact = aov !== null ? (avg - conv) * perDay * aov : null;
          drafts.push(makeFinding(this, { status: "warn", subject: s.name, subjectType: "source", metric: "sourceConversion", value: conv, benchmark: avg, format: "percent", impact, message: ctx.t("source.weak", { ...params, money: impact !== null ? ctx.money(impact) : "—" }), todo: ctx.t(hasSpend(s) ? "source.todoWeak" : "source.todoWeakFree", params) }));
        } else if (r >= SOURCE_STRONG) {
          strong.push(makeFinding(this, { status: "good", subject: s.name, subjectType: "source", metric: "sourceConversion", value: conv, benchmark: avg, format: "percent", message: ctx.t("source.strong", params), todo: ctx.t("source.todoStrong", params) }));
        }
      }
      // Which source's visitors fell: the first question when daily sales miss.
      if (sources.hasTrend && s.recent && s.previous) {
        const v1 = (s.recent.get("visitors") ?? 0) / sources.windowDays;
        const v0 = (s.previous.get("visitors") ?? 0) / sources.windowDays;
        if (v0 > 0 && stable(1 - v1 / v0) >= SOURCE_VISITOR_DROP) {
          const c = conv ?? avg;
          const impact = c !== null && aov !== null ? (v0 - v1) * c * aov : null;
          const params = { name: s.name, before: ctx.fmt(v0, 0), value: ctx.fmt(v1, 0), change: ctx.pct(1 - v1 / v0), money: impact !== null ? ctx.money(impact) : "—" };
          drafts.push(makeFinding(this, { status: "warn", subject: s.name, subjectType: "source", metric: "visitorsPerDay", value: v1, benchmark: v0, format: "integer", impact, message: ctx.t("source.visitorsFell", params), todo: ctx.t("source.todoFell", params) }));
        }
      }
    }
    const out = topByImpact(this, ctx, drafts, "source");
    out.push(...strong.slice(0, 3));
    if (out.length === 0 && avg !== null) {
      out.push(makeFinding(this, { status: "good", subjectType: "source", metric: "sourceConversion", value: avg, format: "percent", message: ctx.t("source.balanced", { avg: ctx.pct(avg) }) }));
    }
    return out;
  },
};

/** ad-plan-efficiency: plans losing money below break-even ROI, and high/low CTR plans to bid up or down. */
export const adPlanEfficiency: Rule = {
  id: "ad-plan-efficiency",
  area: "ads",
  run(ctx) {
    const plans = ctx.plans;
    if (!plans) return [];
    const margin = ctx.settings.grossMargin;
    // Without a margin the only certain loss is ROI below 1 (ad sales below spend).
    const breakEven = margin !== null ? 1 / margin : 1;
    const avgCtr = plans.total.ctr();
    const losing = new TopList();
    const others: { p: Subject; ctr: number; roi: number | null; spend: number; high: boolean }[] = [];
    for (const p of plans.subjects) {
      const spend = p.totals.get("spend");
      if (spend === null || spend <= 0) continue;
      const roi = p.totals.roi();
      const ctr = p.totals.ctr();
      const perDay = spend / plans.dayCount;
      if (roi !== null && stable(roi) < stable(breakEven)) {
        const adSales = p.totals.get("adSales") ?? 0;
        const lost = margin !== null ? spend - adSales * margin : spend - adSales;
        const impact = lost / plans.dayCount;
        if (losing.wants(impact, p.name)) losing.add(lazy(impact, p.name, () => {
          const params = { name: p.name, roi: ctx.fmt(roi), breakEven: ctx.fmt(breakEven), spend: ctx.money(perDay), money: ctx.money(impact) };
          return makeFinding(this, { status: "bad", subject: p.name, subjectType: "plan", metric: "roi", value: roi, benchmark: breakEven, format: "ratio", impact, message: ctx.t(margin !== null ? "ads.losing" : "ads.belowOne", params), todo: ctx.t("ads.todoLosing", params) });
        }));
        continue;
      }
      if (ctr === null || avgCtr === null || avgCtr === 0) continue;
      const rel = stable(ctr / avgCtr);
      if (rel >= CTR_HIGH || rel < CTR_LOW) others.push({ p, ctr, roi, spend, high: rel >= CTR_HIGH });
    }
    const out = losing.drafts(this, ctx, "plan");
    // Amber before green, biggest spenders first, so the list stays short on big accounts.
    others.sort((a, b) => (a.high === b.high ? b.spend - a.spend : a.high ? 1 : -1));
    for (const o of others.slice(0, 6)) {
      const params = { name: o.p.name, ctr: ctx.pct(o.ctr), avg: ctx.pct(avgCtr!), roi: o.roi !== null ? ctx.fmt(o.roi) : "—" };
      out.push(
        o.high
          ? makeFinding(this, { status: "good", subject: o.p.name, subjectType: "plan", metric: "ctr", value: o.ctr, benchmark: avgCtr, format: "percent", message: ctx.t("ads.ctrHigh", params), todo: ctx.t("ads.todoHigh", params) })
          : makeFinding(this, { status: "warn", subject: o.p.name, subjectType: "plan", metric: "ctr", value: o.ctr, benchmark: avgCtr, format: "percent", message: ctx.t("ads.ctrLow", params), todo: ctx.t("ads.todoLow", params) }),
      );
    }
    if (out.length === 0 && plans.total.roi() !== null) {
      const roi = plans.total.roi()!;
      out.push(makeFinding(this, { status: "good", subjectType: "plan", metric: "roi", value: roi, benchmark: breakEven, format: "ratio", message: ctx.t("ads.allFine", { roi: ctx.fmt(roi), breakEven: ctx.fmt(breakEven) }) }));
    }
    if (margin === null && plans.subjects.length > 0) {
      out.push(makeFinding(this, { status: "info", subjectType: "plan", metric: "roi", format: "ratio", message: ctx.t("ads.missingMargin") }));
    }
    return out;
  },
};

/** service-agent-conversion: each agent's consultation conversion against the team's. */
export const serviceAgentConversion: Rule = {
  id: "service-agent-conversion",
  area: "service",
  run(ctx) {
    const agents = ctx.agents;
    if (!agents) return [];
    const conversionOf = (t: typeof agents.total) => {
      const paid = t.get("paidBuyers");
      const asked = t.get("consultations");
      const r = asked !== null && asked > 0 ? ratio(paid, asked) : null;
      if (r !== null) return r;
      return t.consultConversionMean();
    };
    const team = conversionOf(agents.total);
    if (team === null || team === 0) {
      return [makeFinding(this, { status: "info", subjectType: "agent", metric: "agentConversion", format: "percent", message: ctx.t("agent.missing") })];
    }
    const shopAov = ctx.shop?.totals.aov() ?? null;
    const drafts: Draft[] = [];
    for (const a of agents.subjects) {
      const conv = conversionOf(a.totals);
      if (conv === null) continue;
      const r = stable(conv / team);
      const status: Judged = r >= 1 ? "good" : r >= AGENT_WARN ? "warn" : "bad";
      const asked = a.totals.get("consultations");
      const aov = a.totals.aov() ?? shopAov;
      const impact = status !== "good" && asked !== null && aov !== null ? (team - conv) * (asked / agents.dayCount) * aov : null;
      const params = { name: a.name, value: ctx.pct(conv), team: ctx.pct(team), money: impact !== null ? ctx.money(impact) : "—" };
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
          message: ctx.t(status === "good" ? "agent.good" : "agent.low", params),
          todo: ctx.t("agent.todo", params),
        }),
      );
    }
    return topByImpact(this, ctx, drafts, "agent", 20);
  },
};

/** dsr: each of the three DSR scores against the peer level. */
export const dsr: Rule = {
  id: "dsr",
  area: "reputation",
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
      const list = parts.filter(([, v]) => v !== null).map(([m, v]) => `${ctx.t(`metric.${m}`)} ${ctx.fmt(v!)}`).join(", ");
      return [makeFinding(this, { status: "info", metric: "dsr", format: "score", message: ctx.t("dsr.missingPeer", { list }) })];
    }
    const out: Draft[] = [];
    for (const [metric, value] of parts) {
      if (value === null) continue;
      // Scores have two decimals; round the gap so 4.70 vs 4.80 is exactly 0.10, not 0.0999….
      const gap = Math.round((peer - value) * 1e6) / 1e6;
      const status: Judged = gap <= 0 ? "good" : gap < DSR_BAD_GAP ? "warn" : "bad";
      const params = { name: ctx.t(`metric.${metric}`), value: ctx.fmt(value), peer: ctx.fmt(peer), cause: ctx.t(`dsr.cause.${metric}`) };
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
};
