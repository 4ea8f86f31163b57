/**
 * anomaly-days: the individual days on which sales, visitors, conversion or order value broke
 * their usual pattern (anomaly.ts), each with the factor of sales that moved most. High-bounce
 * days are named by the bounce-rate rule instead, so one day is not reported twice.
 */
import { LANGUAGE_TABLE } from "../i18n/languages";
import { type AnomalyDay, ANOMALY, anomalyDays, type OffPattern } from "./anomaly";
import { makeFinding, type Draft, type RuleContext } from "./context";
import { dayNumber, WEEKDAY_KEYS, weekdayOf } from "./days";
import { defineRule, fixed, type Rule } from "./define";
import { postPromoDays } from "./events";

const PATTERN = {
  ...ANOMALY,
  maxDays: fixed(5, "findings", "days listed (most sales lost first) before one ℹ line counts the rest"),
};

// Computed once per diagnosis: anomaly-days and bounce-rate read the same pass.
const cache = new WeakMap<RuleContext, AnomalyDay[]>();

/** The shop's days that broke pattern (event days left out), or [] without dated shop days. */
export function shopAnomalies(ctx: RuleContext): AnomalyDay[] {
  let found = cache.get(ctx);
  if (!found) {
    const shop = ctx.shop;
    found = shop && shop.from === "shop-daily" ? anomalyDays(shop.days, ctx.eventDays) : [];
    cache.set(ctx, found);
  }
  return found;
}

/** A reading worded in its own unit. */
function shown(ctx: RuleContext, o: Pick<OffPattern, "series">, v: number): string {
  if (o.series === "sales" || o.series === "aov") return ctx.money(v);
  if (o.series === "visitors") return ctx.fmt(v, 0);
  return ctx.pct(v);
}

function signedPct(ctx: RuleContext, change: number): string {
  return (change > 0 ? "+" : "") + ctx.pct(change);
}

/** "sales ¥600 (usually ¥1,000, −40.00%)". */
export function offText(ctx: RuleContext, o: OffPattern): string {
  return ctx.t("anomaly.part", {
    metric: ctx.t(`anomaly.metric.${o.series}`),
    value: shown(ctx, o, o.value),
    median: shown(ctx, o, o.median),
    change: o.median !== 0 ? signedPct(ctx, o.value / o.median - 1) : "—",
  });
}

/** Sales below their usual level on the day (money lost), else null. */
function salesLost(day: AnomalyDay): number | null {
  const s = day.off.find((o) => o.series === "sales");
  return s && s.value < s.median ? s.median - s.value : null;
}

/** anomaly-days: days whose sales, visitors, conversion or order value broke pattern. */
export const anomalyDaysRule = defineRule({
  id: "anomaly-days",
  area: "sales",
  needs: { kinds: ["shop-daily"], fields: ["date", "sales", "visitors", "paidBuyers"] },
  summary:
    "a day whose |value − median| > {threshold} × 1.4826 × MAD of the days within {baselineDays} (same weekday with {minSameWeekday}+) is ▲ when it fell, ℹ when it rose; the {maxDays} costliest are listed",
  thresholds: PATTERN,
  messages: [
    "anomaly.missing",
    "anomaly.none",
    "anomaly.day",
    "anomaly.factor",
    "anomaly.part",
    "anomaly.baseline.weekday",
    "anomaly.baseline.all",
    "anomaly.todo",
    "anomaly.more",
    "anomaly.postEvent",
    "anomaly.metric.sales",
    "anomaly.metric.visitors",
    "anomaly.metric.conversion",
    "anomaly.metric.aov",
    "factor.visitors",
    "factor.conversion",
    "factor.aov",
  ],
  run(ctx) {
    const shop = ctx.shop;
    if (!shop || shop.from !== "shop-daily") return [];
    const dated = shop.days.filter((d) => d.date !== null && !ctx.isEventDay(d.date)).length;
    if (dated <= PATTERN.minBaseline.value) {
      return [info(this, ctx, "anomaly.missing", { days: PATTERN.minBaseline.value + 1 })];
    }
    const days = shopAnomalies(ctx)
      .map((d) => ({ ...d, off: d.off.filter((o) => o.series !== "bounceRate") }))
      .filter((d) => d.off.length > 0);
    if (days.length === 0) return [info(this, ctx, "anomaly.none", { count: dated })];
    // Most sales lost first, then the latest.
    days.sort((a, b) => (salesLost(b) ?? 0) - (salesLost(a) ?? 0) || (a.date < b.date ? 1 : -1));
    const out = days.slice(0, PATTERN.maxDays.value).map((d) => dayFinding(this, ctx, d));
    const rest = days.length - PATTERN.maxDays.value;
    if (rest > 0) out.push(info(this, ctx, "anomaly.more", { count: rest }));
    return out;
  },
});

function info(
  rule: Rule,
  ctx: RuleContext,
  key: "anomaly.missing" | "anomaly.none" | "anomaly.more",
  params: Record<string, number>,
): Draft {
  return makeFinding(rule, { status: "info", metric: "anomalyDay", format: "currency", message: ctx.t(key, params) });
}

/** One day that broke pattern: ▲ when a figure fell, ℹ when it only rose. */
function dayFinding(rule: Rule, ctx: RuleContext, day: AnomalyDay): Draft {
  const weekday = ctx.t(WEEKDAY_KEYS[weekdayOf(dayNumber(day.date))]);
  const fell = day.off.some((o) => o.value < o.median);
  const lost = salesLost(day);
  const sales = day.off.find((o) => o.series === "sales");
  const factor = day.factor ? ctx.t(`factor.${day.factor.name}`) : "";
  const params = {
    date: day.date,
    weekday,
    parts: day.off.map((o) => offText(ctx, o)).join(LANGUAGE_TABLE[ctx.language].listSeparator),
    baseline: ctx.t(day.byWeekday ? "anomaly.baseline.weekday" : "anomaly.baseline.all", {
      count: day.baseline,
      weekday,
    }),
    factor,
  };
  const factorText = day.factor ? ctx.t("anomaly.factor", { factor, change: signedPct(ctx, day.factor.change) }) : "";
  // A fall within the days after a 大促 is the post-event dip, labelled as such.
  const promo = lost !== null ? postPromoDays(ctx).get(day.date) : undefined;
  const dipText = promo !== undefined ? ctx.t("anomaly.postEvent", { name: promo }) : "";
  return makeFinding(rule, {
    status: fell ? "warn" : "info",
    metric: "anomalyDay",
    value: sales?.value ?? null,
    benchmark: sales?.median ?? null,
    format: "currency",
    impact: lost,
    basis: "day",
    message: ctx.t("anomaly.day", params) + factorText + dipText,
    todo: fell ? ctx.t("anomaly.todo", { ...params, factor: factor || params.parts }) : null,
  });
}
