/**
 * anomaly-days: the individual days on which sales, visitors, conversion or order value broke
 * their usual pattern (anomaly.ts), each with the factor of sales that moved most. Ordinary days
 * are judged against ordinary days, event days (Events tab) against the other event days; with too
 * few other event days, event days are not judged and one ℹ line says so. High-bounce days are
 * named by the bounce-rate rule instead, so one day is not reported twice.
 */
import { LANGUAGE_TABLE } from "../i18n/languages";
import { type AnomalyDay, ANOMALY, anomalyDays, eventAnomalyDays, type OffPattern } from "./anomaly";
import { makeFinding, type Draft, type RuleContext } from "./context";
import { dayNumber, WEEKDAY_KEYS, weekdayOf } from "./days";
import { defineRule, fixed, type Rule } from "./define";
import { postPromoDays } from "./events";
import { daysOfEvent, EVENT_KIND_MESSAGES, type EventKind, readEvents } from "./events-book";

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

/** The shop's dated event days → the kind of the first listed event that covers each. */
function eventDayKinds(ctx: RuleContext): Map<string, EventKind> {
  const out = new Map<string, EventKind>();
  const dated = new Set(ctx.shop?.days.flatMap((d) => (d.date !== null ? [d.date] : [])) ?? []);
  for (const e of readEvents(ctx.tables)?.events ?? [])
    for (const d of daysOfEvent(e)) if (dated.has(d) && !out.has(d)) out.set(d, e.kind);
  return out;
}

const eventCache = new WeakMap<RuleContext, { days: number; found: AnomalyDay[] }>();

/** The shop's event days (how many are dated in the data) and those that broke pattern against the other event days. */
export function eventAnomalies(ctx: RuleContext): { days: number; found: AnomalyDay[] } {
  let got = eventCache.get(ctx);
  if (!got) {
    const shop = ctx.shop;
    const kinds = shop && shop.from === "shop-daily" ? eventDayKinds(ctx) : new Map<string, string>();
    got = { days: kinds.size, found: shop && kinds.size > 0 ? eventAnomalyDays(shop.days, kinds) : [] };
    eventCache.set(ctx, got);
  }
  return got;
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
    "a day whose |value − median| > {threshold} the spread (1.4826 × MAD) of the ordinary days within {baselineDays} (same weekday with {minSameWeekday}+) is ▲ when it fell, ℹ when it rose; an event day is judged the same way against every other event day in the data (those of its kind with {minBaseline}+), and not judged (one ℹ) with fewer than {minBaseline} others; the {maxDays} costliest are listed",
  thresholds: PATTERN,
  messages: [
    "anomaly.missing",
    "anomaly.none",
    "anomaly.day",
    "anomaly.factor",
    "anomaly.part",
    "anomaly.baseline.weekday",
    "anomaly.baseline.all",
    "anomaly.baseline.events",
    "anomaly.baseline.eventKind",
    "anomaly.eventsTooFew",
    "anomaly.todo",
    "anomaly.more",
    "anomaly.postEvent",
    "anomaly.metric.sales",
    "anomaly.metric.visitors",
    "anomaly.metric.conversion",
    "anomaly.metric.aov",
    ...EVENT_KIND_MESSAGES,
    "factor.visitors",
    "factor.conversion",
    "factor.aov",
  ],
  run(ctx) {
    const shop = ctx.shop;
    if (!shop || shop.from !== "shop-daily") return [];
    const min = PATTERN.minBaseline.value;
    const dated = shop.days.filter((d) => d.date !== null && !ctx.isEventDay(d.date)).length;
    // Event days are judged only against the other event days: each needs minBaseline others.
    const events = eventAnomalies(ctx);
    const eventsJudged = events.days > min;
    const tooFew = events.days > 0 && !eventsJudged;
    const eventNote = tooFew ? [info(this, ctx, "anomaly.eventsTooFew", { count: events.days, days: min + 1 })] : [];
    const days = [...(dated > min ? shopAnomalies(ctx) : []), ...events.found]
      .map((d) => ({ ...d, off: d.off.filter((o) => o.series !== "bounceRate") }))
      .filter((d) => d.off.length > 0);
    if (days.length === 0) {
      const head =
        dated <= min
          ? info(this, ctx, "anomaly.missing", { days: min + 1 })
          : info(this, ctx, "anomaly.none", { count: dated + (eventsJudged ? events.days : 0) });
      return [head, ...eventNote];
    }
    // Most sales lost first, then the latest.
    days.sort((a, b) => (salesLost(b) ?? 0) - (salesLost(a) ?? 0) || (a.date < b.date ? 1 : -1));
    const out = days.slice(0, PATTERN.maxDays.value).map((d) => dayFinding(this, ctx, d));
    const rest = days.length - PATTERN.maxDays.value;
    if (rest > 0) out.push(info(this, ctx, "anomaly.more", { count: rest }));
    return [...out, ...eventNote];
  },
});

function info(
  rule: Rule,
  ctx: RuleContext,
  key: "anomaly.missing" | "anomaly.none" | "anomaly.more" | "anomaly.eventsTooFew",
  params: Record<string, number>,
): Draft {
  return makeFinding(rule, { status: "info", metric: "anomalyDay", format: "currency", message: ctx.t(key, params) });
}

/** What the day was compared with: ordinary days (same weekday or all) or the other event days. */
function baselineText(ctx: RuleContext, day: AnomalyDay, weekday: string): string {
  const count = day.baseline;
  if (day.event?.kind)
    return ctx.t("anomaly.baseline.eventKind", { count, kind: ctx.t(`events.kind.${day.event.kind as EventKind}`) });
  if (day.event) return ctx.t("anomaly.baseline.events", { count });
  return ctx.t(day.byWeekday ? "anomaly.baseline.weekday" : "anomaly.baseline.all", { count, weekday });
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
    baseline: baselineText(ctx, day, weekday),
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
