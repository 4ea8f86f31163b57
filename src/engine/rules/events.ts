/**
 * event-result (issue 15): each finished event on the team's Events tab judged against the
 * ordinary days before it. Lift = (mean daily sales of the event days − median daily sales of the
 * ordinary days within baselineDays before it) × event days; extra ad spend is worked the same way
 * from the ad spend by day; the event paid when lift > extra spend. With a contribution margin from
 * the Costs tab (profit-context.ts), the event's profit = lift × margin − extra spend, and the
 * finding's status follows that profit verdict. The days after a 大促 whose sales are below that
 * median are named as a post-event dip (ℹ, not a fault of the shop).
 */
import { LANGUAGE_TABLE } from "../i18n/languages";
import { ANOMALY } from "./anomaly";
import { makeFinding, type Draft, type RuleContext } from "./context";
import { dayNumber, isoOfDay } from "./days";
import { defineRule, fixed, type Rule } from "./define";
import { daysOfEvent, EVENT_KIND_MESSAGES, type EventProblem, readEvents, type ShopEvent } from "./events-book";
import { shopContributionMargin } from "./profit-context";
import { num } from "./totals";

export const EVENTS = {
  baselineDays: fixed(28, "days", "an event's baseline: the ordinary days within this many days before it"),
  minBaseline: ANOMALY.minBaseline,
  postEventDays: fixed(7, "days", "days after a 大促 looked at for a post-event dip"),
  maxCells: fixed(5, "findings", "unusable Events-tab cells named before the rest are counted"),
};

function medianOf(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function meanOf(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Daily sales of the shop-daily export, by ISO day. */
function salesByDay(ctx: RuleContext): Map<string, number> {
  const out = new Map<string, number>();
  if (!ctx.shop || ctx.shop.from !== "shop-daily") return out;
  for (const d of ctx.shop.days) {
    const v = d.totals.get("sales");
    if (d.date !== null && v !== null) out.set(d.date, v);
  }
  return out;
}

/** Ad spend by ISO day: the dated ad reports summed, else the shop-daily export's own spend column. */
function spendByDay(ctx: RuleContext): Map<string, number> {
  const out = new Map<string, number>();
  const add = (kind: "ad-plans" | "shop-daily") => {
    for (const t of ctx.tables) {
      if (t.kind !== kind) continue;
      for (const row of t.rows) {
        const v = num(row, "spend");
        if (typeof row.date === "string" && row.dateTo == null && v !== null)
          out.set(row.date, (out.get(row.date) ?? 0) + v);
      }
    }
  };
  add("ad-plans");
  if (out.size === 0) add("shop-daily");
  return out;
}

interface EventResult {
  event: ShopEvent;
  days: number;
  baselineDays: number;
  eventMean: number;
  usual: number;
  lift: number;
  extraSpend: number | null;
  /** The shop's contribution margin (Costs tab), or null without costs. */
  margin: number | null;
  dip: { days: number; shortfall: number } | null;
}

/** The ordinary days within baselineDays before `start` that have a figure in `series`. */
function baselineOf(series: Map<string, number>, start: string, skip: ReadonlySet<string>): number[] {
  const out: number[] = [];
  const first = dayNumber(start);
  for (let d = first - EVENTS.baselineDays.value; d < first; d++) {
    const iso = isoOfDay(d);
    const v = series.get(iso);
    if (v !== undefined && !skip.has(iso)) out.push(v);
  }
  return out;
}

/** (mean over the event − median over the baseline) × event days, or null without both. */
function liftOf(series: Map<string, number>, event: ShopEvent, skip: ReadonlySet<string>) {
  const inside = daysOfEvent(event).flatMap((d) => (series.has(d) ? [series.get(d)!] : []));
  const base = baselineOf(series, event.start, skip);
  if (inside.length === 0 || base.length < EVENTS.minBaseline.value) return null;
  const eventMean = meanOf(inside);
  const usual = medianOf(base);
  return {
    days: inside.length,
    baselineDays: base.length,
    eventMean,
    usual,
    lift: (eventMean - usual) * inside.length,
  };
}

/** The days after a 大促 (postEventDays) whose sales are below the usual level. */
function dipAfter(sales: Map<string, number>, event: ShopEvent, usual: number, skip: ReadonlySet<string>) {
  if (event.kind !== "promo") return null;
  let days = 0;
  let shortfall = 0;
  const last = dayNumber(event.end);
  for (let d = last + 1; d <= last + EVENTS.postEventDays.value; d++) {
    const iso = isoOfDay(d);
    const v = sales.get(iso);
    if (v === undefined || skip.has(iso) || v >= usual) continue;
    days++;
    shortfall += usual - v;
  }
  return days > 0 ? { days, shortfall } : null;
}

/** An event's result, or null when it is not finished within the data or has too few ordinary days before it. */
function resultOf(ctx: RuleContext, event: ShopEvent, sales: Map<string, number>, spend: Map<string, number>) {
  const lastDay = [...sales.keys()].reduce((a, b) => (b > a ? b : a), "");
  if (event.end > lastDay) return null;
  const lift = liftOf(sales, event, ctx.eventDays);
  if (!lift) return null;
  const ads = spend.size > 0 ? liftOf(spend, event, ctx.eventDays) : null;
  const dip = dipAfter(sales, event, lift.usual, ctx.eventDays);
  const margin = shopContributionMargin(ctx)?.margin ?? null;
  return { event, ...lift, extraSpend: ads ? ads.lift : null, margin, dip } satisfies EventResult;
}

const afterCache = new WeakMap<RuleContext, Map<string, string>>();

/** Days within postEventDays after a 大促 (outside any event) → the promotion's name. */
export function postPromoDays(ctx: RuleContext): Map<string, string> {
  let out = afterCache.get(ctx);
  if (out) return out;
  out = new Map();
  for (const e of readEvents(ctx.tables)?.events ?? []) {
    if (e.kind !== "promo") continue;
    const last = dayNumber(e.end);
    for (let d = last + 1; d <= last + EVENTS.postEventDays.value; d++) {
      const iso = isoOfDay(d);
      if (!ctx.isEventDay(iso) && !out.has(iso)) out.set(iso, e.name);
    }
  }
  afterCache.set(ctx, out);
  return out;
}

/**
 * The post-event dip days among `dates` (within postEventDays after a 大促, outside any event):
 * how many, and the promotion the first of them follows; null when none is.
 */
export function postPromoAmong(ctx: RuleContext, dates: readonly string[]): { count: number; name: string } | null {
  const after = postPromoDays(ctx);
  let count = 0;
  let name = "";
  for (const d of [...dates].sort()) {
    const promo = after.get(d);
    if (promo === undefined) continue;
    if (count === 0) name = promo;
    count++;
  }
  return count > 0 ? { count, name } : null;
}

function problemText(ctx: RuleContext, p: EventProblem): string {
  if (p.reason === "badDate") return ctx.t("events.cellBadDate", { cell: p.cell, text: p.shown });
  if (p.reason === "noStart") return ctx.t("events.cellNoStart", { cell: p.cell });
  return ctx.t("events.cellEndBeforeStart", { cell: p.cell, value: p.shown });
}

/** event-result: one finding per finished event (lift, extra spend, whether it paid), one ▲ for unusable cells. */
export const eventResult = defineRule({
  id: "event-result",
  area: "sales",
  needs: {
    kinds: ["events", "shop-daily"],
    fields: ["eventName", "eventStart", "eventEnd", "eventKind", "date", "sales", "spend"],
  },
  summary:
    "each finished event: lift = (mean event-day sales − median of the ordinary days within {baselineDays} before it) × event days, against the extra ad spend worked the same way — ✔ paid (lift > extra spend), ▲ did not, ℹ without daily ad spend; with the Costs tab's contribution margin the verdict is in profit: lift × margin − extra spend > 0 ✔, else ▲; days within {postEventDays} after a 大促 below that median are named as a post-event dip; unusable date cells ▲ by cell",
  thresholds: EVENTS,
  messages: [
    "events.result",
    "events.paid",
    "events.notPaid",
    "events.noSpend",
    "events.profitPaid",
    "events.profitNotPaid",
    "events.dip",
    "events.todoNotPaid",
    "events.badCells",
    "events.cellBadDate",
    "events.cellNoStart",
    "events.cellEndBeforeStart",
    ...EVENT_KIND_MESSAGES,
  ],
  run(ctx) {
    const book = readEvents(ctx.tables);
    if (!book) return [];
    const out: Draft[] = [];
    if (book.problems.length > 0) out.push(badCells(this, ctx, book.sheet, book.problems));
    const sales = salesByDay(ctx);
    if (sales.size === 0) return out;
    const spend = spendByDay(ctx);
    for (const event of book.events) {
      const r = resultOf(ctx, event, sales, spend);
      if (r) out.push(eventFinding(this, ctx, r));
    }
    return out;
  },
});

function badCells(rule: Rule, ctx: RuleContext, sheet: string, problems: EventProblem[]): Draft {
  const texts = problems.map((p) => problemText(ctx, p));
  const shownCells = texts.slice(0, EVENTS.maxCells.value);
  const sep = LANGUAGE_TABLE[ctx.language].clauseSeparator;
  const cells = shownCells.join(sep) + (texts.length > shownCells.length ? `${sep}…` : "");
  return makeFinding(rule, {
    status: "warn",
    subject: sheet,
    subjectType: "sheet",
    metric: "eventData",
    value: problems.length,
    format: "integer",
    message: ctx.t("events.badCells", { count: problems.length, cells }),
  });
}

/** The verdict: in profit (lift × margin − extra spend) with a margin, else in sales; null without ad spend. */
function verdictOf(r: EventResult): { paid: boolean; gain: number; profit: number | null } | null {
  if (r.extraSpend === null) return null;
  const profit = r.margin === null ? null : r.lift * r.margin - r.extraSpend;
  const gain = profit ?? r.lift - r.extraSpend;
  return { paid: gain > 0, gain, profit };
}

function eventFinding(rule: Rule, ctx: RuleContext, r: EventResult): Draft {
  const v = verdictOf(r);
  const params = {
    name: r.event.name,
    kind: ctx.t(`events.kind.${r.event.kind}`),
    start: r.event.start,
    end: r.event.end,
    count: r.days,
    mean: ctx.money(r.eventMean),
    usual: ctx.money(r.usual),
    baseline: r.baselineDays,
    lift: ctx.money(r.lift),
    spend: r.extraSpend === null ? "" : ctx.money(r.extraSpend),
    // How far ahead (paid) or short (did not) the lift is of the extra spend, as a positive amount.
    net: r.extraSpend === null ? "" : ctx.money(Math.abs(r.lift - r.extraSpend)),
    margin: r.margin === null ? "" : ctx.pct(r.margin),
    kept: r.margin === null ? "" : ctx.money(r.lift * r.margin),
    profit: v?.profit == null ? "" : ctx.money(Math.abs(v.profit)),
  };
  const inSales = r.extraSpend === null ? null : r.lift > r.extraSpend;
  const verdict = inSales === null ? "events.noSpend" : inSales ? "events.paid" : "events.notPaid";
  const inProfit = v?.profit == null ? "" : ctx.t(v.paid ? "events.profitPaid" : "events.profitNotPaid", params);
  const dip = r.dip ? ctx.t("events.dip", { count: r.dip.days, money: ctx.money(r.dip.shortfall) }) : "";
  // Money (profit with a margin, else sales) lost per event day when the event did not pay for its extra spend.
  const lost = v && !v.paid ? -v.gain / r.days : null;
  return makeFinding(rule, {
    status: v === null ? "info" : v.paid ? "good" : "warn",
    subject: r.event.name,
    subjectType: "sheet",
    metric: "eventLift",
    value: r.lift,
    benchmark: r.extraSpend,
    format: "currency",
    impact: lost,
    basis: "day",
    message: ctx.t("events.result", params) + ctx.t(verdict, params) + inProfit + dip,
    todo: v && !v.paid ? ctx.t("events.todoNotPaid", params) : null,
  });
}
