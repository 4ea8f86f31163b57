/**
 * Shop-level rules: pay conversion vs peers, what moved sales week on week, bounce rate,
 * visit depth, the daily target, visitor value vs peers and vs visitor cost, repurchase.
 */
import { daysInMonth } from "../cells";
import { LANGUAGE_TABLE } from "../i18n/languages";
import type { Status } from "../report";
import type { Platform } from "../tables";
import {
  allEventDaysFinding,
  basedKey,
  basisOf,
  makeFinding,
  perDay,
  stable,
  type Basis,
  type Draft,
  type Judged,
  type RuleContext,
  type ShopSummary,
  type Subject,
} from "./context";
import {
  type ConversionBasis,
  conversionBasis,
  conversionDefinition,
  conversionOn,
  type PublishedBenchmark,
  publishedBenchmark,
  valuePerConversion,
} from "./benchmarks";
import { ANOMALY } from "./anomaly";
import { EVENTS, postPromoAmong, postPromoDays } from "./events";
import { readEvents } from "./events-book";
import { defineRule, fixed, fromSetting, type Rule } from "./define";
import { MAX_SUBJECT_FINDINGS, MIN_VISITORS } from "./limits";
import { shopAnomalies } from "./pattern";
import { type LazyDraft, lazy, TopList } from "./top";
import type { Totals } from "./totals";
import {
  baselineDay,
  type IsEventDay,
  lastTwoWindows,
  NO_EVENT_DAYS,
  WINDOW_DAYS,
  windowOf,
  windowParams,
} from "./windows";
import { dayNumber, isoOfDay, WEEKDAY_KEYS, weekdayOf } from "./days";

/**
 * Visitors per day (all of them when `days` is null: unknown), conversion and AOV of a Totals
 * over `days` days, when all three exist.
 */
export function salesFactors(
  t: Totals,
  days: number | null,
): { visitors: number; conversion: number; aov: number } | null {
  const visitors = t.get("visitors");
  const conversion = t.payConversion();
  const aov = t.aov();
  if (visitors === null || conversion === null || aov === null || (days !== null && days <= 0)) return null;
  return { visitors: perDay(visitors, days), conversion, aov };
}

/** Visitors per day, conversion and the value of one conversion on a platform's basis, when all exist. */
function conversionFactors(
  t: Totals,
  days: number | null,
  on: ConversionBasis,
): { visitors: number; value: number } | null {
  const visitors = t.get("visitors");
  const value = valuePerConversion(t, on);
  if (visitors === null || value === null || (days !== null && days <= 0)) return null;
  return { visitors: perDay(visitors, days), value };
}

const PAY_CONVERSION = {
  peer: fromSetting(
    "peerPayConversion",
    "share",
    "the peer pay conversion (else the export's peer column): at or above ✔, below ✖",
  ),
  minVisitors: MIN_VISITORS,
  maxProducts: MAX_SUBJECT_FINDINGS,
};

/** pay-conversion-vs-peer: the shop's and each product's pay conversion against the peer average. */
export const payConversionVsPeer = defineRule({
  id: "pay-conversion-vs-peer",
  area: "conversion",
  needs: {
    kinds: ["shop-daily", "traffic-sources", "products"],
    fields: ["visitors", "paidBuyers", "sales", "peerPayConversion"],
  },
  summary:
    "≥ {peer} ✔, below ✖; products need {minVisitors}+ visitors, the {maxProducts} with most money at stake are listed",
  thresholds: PAY_CONVERSION,
  messages: [
    "payConv.missingData",
    "payConv.missingPeer",
    "payConv.shopGood",
    "payConv.shopBad",
    "payConv.shopBad.export",
    "payConv.shopBadNoAov",
    "payConv.todoShop",
    "payConv.todoShop.export",
    "payConv.productBad",
    "payConv.productBad.export",
    "payConv.todoProduct",
    "payConv.todoProduct.export",
    "common.more",
    "common.more.export",
    "payConv.definition",
    "payConv.definitionRate",
    "payConv.definitionUsp",
    "payConv.definitionState",
    "payConv.definitionStateRate",
    "orderState.placed",
    "orderState.confirmed",
    "orderState.paid",
    "payConv.missingTraffic",
    "payConv.publishedGood",
    "payConv.publishedBad",
    "payConv.publishedBad.export",
    "payConv.todoPublished",
    "payConv.todoPublished.export",
  ],
  run(ctx) {
    const shop = ctx.shop;
    const table = shop ? ctx.tables.find((t) => t.sheet === shop.sheet) : undefined;
    const basis = conversionBasis(table);
    const conv = shop ? conversionOn(shop.totals, basis) : null;
    if (!shop || conv === null) {
      // WooCommerce records orders and money but no sessions: say which checks wait for a traffic export.
      const woo = ctx.tables.some((t) => t.platform === "woocommerce" && !("visitors" in t.columns));
      return [
        makeFinding(this, {
          status: "info",
          metric: "payConversion",
          format: "percent",
          message: ctx.t(woo ? "payConv.missingTraffic" : "payConv.missingData"),
        }),
      ];
    }
    const peer = ctx.peer.payConversion;
    const definition = conversionDefinition(ctx, table);
    if (peer === null) {
      const published = publishedBenchmark(table?.platform ?? "unknown");
      if (published) return [payConversionPublished(this, ctx, shop, basis, conv, published, definition)];
      return [
        makeFinding(this, {
          status: "info",
          metric: "payConversion",
          value: conv,
          format: "percent",
          message: withDefinition(ctx.t("payConv.missingPeer", { value: ctx.pct(conv) }), definition),
        }),
      ];
    }
    return [
      payConversionShop(this, ctx, shop, basis, conv, peer, definition),
      ...payConversionProducts(this, ctx, shop, basis, peer),
    ];
  },
});

function payConversionShop(
  rule: Rule,
  ctx: RuleContext,
  shop: ShopSummary,
  basis: ConversionBasis,
  conv: number,
  peer: number,
  definition: string,
): Draft {
  const f = conversionFactors(shop.totals, shop.dayCount, basis);
  const days = basisOf(shop.dayCount);
  const impact = conv < peer && f ? (peer - conv) * f.visitors * f.value : null;
  const status: Status = stable(conv) >= peer ? "good" : "bad";
  const params = { value: ctx.pct(conv), peer: ctx.pct(peer), money: impact !== null ? ctx.money(impact) : "" };
  return makeFinding(rule, {
    status,
    metric: "payConversion",
    value: conv,
    benchmark: peer,
    format: "percent",
    impact,
    basis: days,
    message: withDefinition(
      status === "good"
        ? ctx.t("payConv.shopGood", params)
        : impact !== null
          ? ctx.t(basedKey("payConv.shopBad", days), params)
          : ctx.t("payConv.shopBadNoAov", params),
      definition,
    ),
    todo: impact !== null ? ctx.t(basedKey("payConv.todoShop", days), params) : null,
  });
}

function withDefinition(message: string, definition: string): string {
  return definition === "" ? message : `${message} ${definition}`;
}

/**
 * No peer figure, but the platform has a published conversion norm: judged against it, worded
 * as a published benchmark (never as peers), ✔ at or above, ▲ below (a norm, not the shop's own peers).
 */
function payConversionPublished(
  rule: Rule,
  ctx: RuleContext,
  shop: ShopSummary,
  basis: ConversionBasis,
  conv: number,
  published: PublishedBenchmark,
  definition: string,
): Draft {
  const f = conversionFactors(shop.totals, shop.dayCount, basis);
  const days = basisOf(shop.dayCount);
  const below = stable(conv) < published.value;
  const impact = below && f ? (published.value - conv) * f.visitors * f.value : null;
  const params = {
    value: ctx.pct(conv),
    benchmark: ctx.pct(published.value),
    platform: ctx.t(`platform.${published.platform}`),
    money: impact !== null ? ctx.money(impact) : "—",
  };
  const key = below ? basedKey("payConv.publishedBad", days) : "payConv.publishedGood";
  return makeFinding(rule, {
    status: below ? "warn" : "good",
    metric: "payConversion",
    value: conv,
    benchmark: published.value,
    format: "percent",
    impact,
    basis: days,
    message: withDefinition(ctx.t(key, params), definition),
    todo: impact !== null ? ctx.t(basedKey("payConv.todoPublished", days), params) : null,
  });
}

/** Products below the peer line, largest money first; pre-sale items are judged elsewhere. */
function payConversionProducts(
  rule: Rule,
  ctx: RuleContext,
  shop: ShopSummary,
  on: ConversionBasis,
  peer: number,
): Draft[] {
  const products = ctx.products;
  if (!products) return [];
  const below = new TopList(PAY_CONVERSION.maxProducts.value);
  const c = products.cursor();
  for (let k = 0; k < products.size; k++) {
    const p = c.at(k);
    if (p.presale) continue;
    const visitors = p.totals.get("visitors");
    const pc = conversionOn(p.totals, on);
    if (visitors === null || visitors < PAY_CONVERSION.minVisitors.value || pc === null || stable(pc) >= peer) continue;
    // No sales at all is the zero-sales rule's finding; one product, one finding.
    if (pc === 0 && (p.totals.get("sales") ?? 0) === 0) continue;
    const value = valuePerConversion(p.totals, on) ?? valuePerConversion(shop.totals, on);
    const money = value !== null ? (peer - pc) * perDay(visitors, products.dayCount) * value : null;
    const basis = basisOf(products.dayCount);
    if (below.wants(money, p.name)) below.add(payConversionDraft(rule, ctx, c.kept(), pc, peer, money, basis));
  }
  return below.drafts(rule, ctx, "product");
}

/**
 * A product's pay-conversion finding, worded only if kept. Built here, not in the loop, so
 * the products passed over allocate no closure context.
 */
function payConversionDraft(
  rule: Rule,
  ctx: RuleContext,
  p: Subject,
  pc: number,
  peer: number,
  money: number | null,
  basis: Basis,
): LazyDraft {
  return lazy(money, p.name, () =>
    makeFinding(rule, {
      status: "bad",
      subject: p.name,
      subjectType: "product",
      metric: "payConversion",
      value: pc,
      benchmark: peer,
      format: "percent",
      impact: money,
      basis,
      message: ctx.t(basedKey("payConv.productBad", basis), {
        name: p.name,
        value: ctx.pct(pc),
        peer: ctx.pct(peer),
        money: money !== null ? ctx.money(money) : "—",
      }),
      todo: ctx.t(basedKey("payConv.todoProduct", basis), {
        name: p.name,
        money: money !== null ? ctx.money(money) : "—",
      }),
    }),
  );
}

const SALES_CHANGE = {
  window: fixed(WINDOW_DAYS, "days", "the last this many days are compared with the same number before"),
  dropWarn: fixed(0.03, "share", "a fall in sales per day this large, window on window, is ▲"),
  dropBad: fixed(0.1, "share", "a fall in sales per day this large, window on window, is ✖"),
};

/** sales-change-drivers: last week vs the week before, split into visitors, conversion and AOV. */
export const salesChangeDrivers = defineRule({
  id: "sales-change-drivers",
  area: "sales",
  needs: { kinds: ["shop-daily"], fields: ["date", "visitors", "paidBuyers", "sales"] },
  summary:
    "last {window} days vs the {window} before, per ordinary day (Events tab days left out; a window of event days only is ℹ): drop ≥ {dropBad} ✖, ≥ {dropWarn} ▲; recent days within the post-event days after a 大促 are counted in the message",
  thresholds: SALES_CHANGE,
  messages: [
    "salesChange.missing",
    "salesChange.good",
    "salesChange.drop",
    "salesChange.todo",
    "compare.allEvent.recent",
    "compare.allEvent.previous",
    "salesChange.postEvent",
    "factor.visitors",
    "factor.conversion",
    "factor.aov",
  ],
  run(ctx) {
    const shop = ctx.shop;
    if (!shop || shop.from !== "shop-daily") return [];
    const days = SALES_CHANGE.window.value;
    const mode = ctx.settings.compareTo;
    const w = lastTwoWindows(shop.days, mode, true, ctx.isEventDay);
    if (w && "allEventDays" in w) return [allEventDaysFinding(this, ctx, w.comparison, "salesPerDay", "currency")];
    // Per day over the ordinary days each window holds (event days left out of both).
    const f1 = w && salesFactors(w.recent, w.recentDays);
    const f0 = w && salesFactors(w.previous, w.previousDays);
    if (!w || !f1 || !f0) {
      return [
        makeFinding(this, {
          status: "info",
          metric: "salesPerDay",
          format: "currency",
          message: ctx.t("salesChange.missing", windowParams(days, mode)),
        }),
      ];
    }
    // The recent window's ordinary days that fall in a 大促's post-event dip days.
    const recentDates = shop.days.flatMap((d) =>
      d.date !== null && windowOf(w.comparison, dayNumber(d.date)) === "recent" ? [d.date] : [],
    );
    return [salesChangeFinding(this, ctx, f0, f1, days, postPromoAmong(ctx, recentDates))];
  },
});

type Factors = NonNullable<ReturnType<typeof salesFactors>>;

/** The week-on-week finding: sales per day split into visitors, conversion and AOV effects. */
function salesChangeFinding(
  rule: Rule,
  ctx: RuleContext,
  f0: Factors,
  f1: Factors,
  days: number,
  dip: { count: number; name: string } | null,
): Draft {
  const s1 = f1.visitors * f1.conversion * f1.aov;
  const s0 = f0.visitors * f0.conversion * f0.aov;
  // Sequential substitution: the three effects add up exactly to the change in sales per day.
  const effects = {
    visitors: (f1.visitors - f0.visitors) * f0.conversion * f0.aov,
    conversion: f1.visitors * (f1.conversion - f0.conversion) * f0.aov,
    aov: f1.visitors * f1.conversion * (f1.aov - f0.aov),
  };
  const change = s0 > 0 ? stable(s1 / s0 - 1) : 0;
  const status: Status =
    change <= -SALES_CHANGE.dropBad.value ? "bad" : change <= -SALES_CHANGE.dropWarn.value ? "warn" : "good";
  const worst = (Object.keys(effects) as (keyof typeof effects)[]).reduce((a, b) => (effects[b] < effects[a] ? b : a));
  const best = (Object.keys(effects) as (keyof typeof effects)[]).reduce((a, b) => (effects[b] > effects[a] ? b : a));
  const impact = status === "good" ? null : -effects[worst];
  const params = {
    ...windowParams(days),
    change: ctx.pct(Math.abs(change)),
    from: ctx.money(s0),
    to: ctx.money(s1),
    visitors: signedMoney(ctx, effects.visitors),
    conversion: signedMoney(ctx, effects.conversion),
    aov: signedMoney(ctx, effects.aov),
    driver: ctx.t(`factor.${status === "good" ? best : worst}`),
    money: impact !== null ? ctx.money(impact) : "",
  };
  return makeFinding(rule, {
    status,
    metric: "salesPerDay",
    value: s1,
    benchmark: s0,
    format: "currency",
    // Dated windows: sales per day, always.
    impact,
    basis: "day",
    message:
      ctx.t(status === "good" ? "salesChange.good" : "salesChange.drop", params) +
      (dip
        ? ctx.t("salesChange.postEvent", { count: dip.count, name: dip.name, post: EVENTS.postEventDays.value })
        : ""),
    todo: ctx.t("salesChange.todo", params),
  });
}

function signedMoney(ctx: RuleContext, v: number): string {
  return (v >= 0 ? "+" : "-") + ctx.money(Math.abs(v));
}

const BOUNCE = {
  good: fromSetting("bounceGood", "share", "mean daily bounce rate at or below this is ✔"),
  bad: fromSetting("bounceBad", "share", "above bounceGood up to this is ▲, above it ✖"),
};

/** bounce-rate: mean daily bounce rate against bounceGood / bounceBad. */
/**
 * The platform of the table the shop figures come from. The bounce-rate and visit-depth lines
 * are 生意参谋's definitions; another platform's metric of the same name is a different measure.
 */
function shopPlatform(ctx: RuleContext): Platform {
  const sheet = ctx.shop?.sheet;
  return ctx.tables.find((t) => t.sheet === sheet)?.platform ?? "unknown";
}

/** Platforms whose bounce rate and visit depth mean what 生意参谋's do (unknown: Chinese shop exports read as 生意参谋's). */
const SYCM_DEFINITIONS: readonly Platform[] = ["taobao", "unknown"];

export const bounceRate = defineRule({
  id: "bounce-rate",
  area: "traffic",
  needs: { kinds: ["shop-daily"], fields: ["bounceRate"] },
  summary:
    "≤ {good} ✔, ≤ {bad} ▲, above ✖ (another platform's bounce rate ℹ, not judged against these lines); the days whose bounce broke the shop's own pattern (anomaly-days' test) are named on every platform",
  thresholds: BOUNCE,
  messages: [
    "bounce.good",
    "bounce.warn",
    "bounce.bad",
    "bounce.todo",
    "bounce.otherPlatform",
    "bounce.days",
    "bounce.noDays",
    "bounce.day",
  ],
  run(ctx) {
    const rate = ctx.shop?.totals.bounceRate() ?? null;
    if (rate === null) return [];
    const { bounceGood, bounceBad } = ctx.settings;
    const platform = shopPlatform(ctx);
    if (!SYCM_DEFINITIONS.includes(platform)) {
      const params = {
        value: ctx.pct(rate),
        good: ctx.pct(bounceGood),
        bad: ctx.pct(bounceBad),
        platform: ctx.t(`platform.${platform}`),
      };
      return [
        makeFinding(this, {
          status: "info",
          metric: "bounceRate",
          value: rate,
          format: "percent",
          // The days that broke the shop's own pattern need no 生意参谋 line: they are named here
          // too (anomaly-days leaves bounce to this rule, so each day is reported once).
          message: ctx.t("bounce.otherPlatform", params) + highBounceDays(ctx),
        }),
      ];
    }
    const status: Judged = stable(rate) <= bounceGood ? "good" : stable(rate) <= bounceBad ? "warn" : "bad";
    const params = { value: ctx.pct(rate), good: ctx.pct(bounceGood), bad: ctx.pct(bounceBad) };
    return [
      makeFinding(this, {
        status,
        metric: "bounceRate",
        value: rate,
        benchmark: bounceGood,
        format: "percent",
        message: ctx.t(`bounce.${status}`, params) + highBounceDays(ctx),
        todo: ctx.t("bounce.todo", params),
      }),
    ];
  },
});

/** Most high-bounce days named in the bounce finding (the highest first). */
const MAX_BOUNCE_DAYS = 5;

/**
 * The days whose bounce rate broke pattern upwards (anomaly.ts), or that none did; "" without
 * enough daily rates for any day to be judged (a baseline needs minBaseline other days).
 */
function highBounceDays(ctx: RuleContext): string {
  const shop = ctx.shop;
  const rated = shop?.from === "shop-daily" ? shop.days.filter((d) => d.totals.bounceRate() !== null).length : 0;
  if (!shop || rated <= ANOMALY.minBaseline.value) return "";
  const high: { date: string; value: number; median: number }[] = [];
  for (const day of shopAnomalies(ctx)) {
    const b = day.off.find((o) => o.series === "bounceRate");
    if (b && b.value > b.median) high.push({ date: day.date, value: b.value, median: b.median });
  }
  if (high.length === 0) return ctx.t("bounce.noDays");
  high.sort((a, b) => b.value - b.median - (a.value - a.median));
  const days = high
    .slice(0, MAX_BOUNCE_DAYS)
    .map((d) => ctx.t("bounce.day", { date: d.date, value: ctx.pct(d.value), median: ctx.pct(d.median) }))
    .join(LANGUAGE_TABLE[ctx.language].listSeparator);
  return ctx.t("bounce.days", { days: high.length > MAX_BOUNCE_DAYS ? `${days}…` : days });
}

const DEPTH = {
  good: fromSetting("depthGood", "pages", "pages per visitor at or above this is ✔"),
  bad: fromSetting("depthBad", "pages", "below depthGood down to this is ▲, below it ✖"),
};

/** visit-depth: pages per visitor against depthGood / depthBad. */
export const visitDepth = defineRule({
  id: "visit-depth",
  area: "traffic",
  needs: { kinds: ["shop-daily"], fields: ["pageviews", "visitors", "pagesPerVisitor"] },
  summary: "≥ {good} ✔, ≥ {bad} ▲, below ✖",
  thresholds: DEPTH,
  messages: ["depth.good", "depth.warn", "depth.bad", "depth.todo", "depth.otherPlatform"],
  run(ctx) {
    const depth = ctx.shop?.totals.pagesPerVisitor() ?? null;
    if (depth === null) return [];
    const { depthGood, depthBad } = ctx.settings;
    const platform = shopPlatform(ctx);
    if (!SYCM_DEFINITIONS.includes(platform)) {
      const params = {
        value: ctx.fmt(depth),
        good: ctx.fmt(depthGood, 1),
        bad: ctx.fmt(depthBad, 1),
        platform: ctx.t(`platform.${platform}`),
      };
      return [
        makeFinding(this, {
          status: "info",
          metric: "pagesPerVisitor",
          value: depth,
          format: "number",
          message: ctx.t("depth.otherPlatform", params),
        }),
      ];
    }
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
});

const TARGET = {
  target: fromSetting(
    "monthlyTarget",
    "money",
    "the month's sales target; each day's share is target ÷ days in the month, or shaped by weekday (shapeDays)",
  ),
  dayWarn: fixed(
    0.8,
    "share",
    "yesterday's sales at or above this share of the day's target is ▲ (below ✖, at 100 % ✔)",
  ),
  paceWarn: fixed(
    0.9,
    "share",
    "month-to-date sales at or above this share of what is due by now is ▲ (below ✖, at 100 % ✔)",
  ),
  shapeDays: fixed(
    28,
    "days",
    "with this many dated days, four or more of each weekday, a day's share is target × its weekday's sales ÷ the mean weekday's, scaled so the month adds up to the target; flat before",
  ),
};

/** Same weekdays needed before the daily target follows the weekday shape. */
const SHAPE_MIN_PER_WEEKDAY = TARGET.shapeDays.value / 7;

/**
 * Each weekday's mean sales ÷ the mean of the seven weekday means (0 Sunday … 6 Saturday), or
 * null while there are fewer than shapeDays dated days or four of some weekday. Event days
 * (`skip`) are not ordinary days and stay out of the shape.
 */
export function weekdayShape(dated: ShopSummary["days"], isEventDay: IsEventDay = NO_EVENT_DAYS): number[] | null {
  const sums = [0, 0, 0, 0, 0, 0, 0];
  const counts = [0, 0, 0, 0, 0, 0, 0];
  let days = 0;
  for (const d of dated) {
    const sales = d.totals.get("sales");
    if (d.date === null || sales === null || isEventDay(d.date)) continue;
    const w = weekdayOf(dayNumber(d.date));
    sums[w] += sales;
    counts[w]++;
    days++;
  }
  if (days < TARGET.shapeDays.value || counts.some((c) => c < SHAPE_MIN_PER_WEEKDAY)) return null;
  const means = sums.map((s, w) => s / counts[w]);
  const mean = means.reduce((a, b) => a + b, 0) / 7;
  return mean > 0 ? means.map((m) => m / mean) : null;
}

/** The daily-target figures for the month of the last dated day (shaped by weekday when `shape` is given). */
function targetFigures(dated: ShopSummary["days"], target: number, shape: number[] | null) {
  const lastDate = dated[dated.length - 1].date!;
  const day = Number(lastDate.slice(8, 10));
  const dim = daysInMonth(Number(lastDate.slice(0, 4)), Number(lastDate.slice(5, 7)));
  const first = dayNumber(lastDate) - day + 1;
  // Weight of each day of the month: 1 flat, its weekday's share when shaped.
  const weight = (i: number) => (shape ? shape[weekdayOf(first + i)] : 1);
  let monthWeight = 0;
  let dueWeight = 0;
  for (let i = 0; i < dim; i++) {
    monthWeight += weight(i);
    if (i < day) dueWeight += weight(i);
  }
  const share = (target * weight(day - 1)) / monthWeight;
  const yesterday = dated[dated.length - 1].totals.get("sales")!;
  const monthPrefix = lastDate.slice(0, 7);
  let toDate = 0;
  for (const d of dated) if (d.date!.startsWith(monthPrefix)) toDate += d.totals.get("sales")!;
  const due = (target * dueWeight) / monthWeight;
  const remaining = dim - day;
  const neededPerDay = remaining > 0 ? (target - toDate) / remaining : null;
  return { lastDate, share, yesterday, toDate, due, remaining, neededPerDay };
}

/** daily-target: yesterday against its share of the monthly target, and the month's pace. */
export const dailyTarget = defineRule({
  id: "daily-target",
  area: "sales",
  needs: { kinds: ["shop-daily"], fields: ["date", "sales"] },
  summary:
    "yesterday ≥ {target} ÷ days in month (by weekday shape of the ordinary days after {shapeDays}) ✔, ≥ {dayWarn} ▲, below ✖ (a day inside an event on the Events tab ℹ, not judged; a day within the post-event days after a 大促 is named so); month pace ≥ 100 % ✔, ≥ {paceWarn} ▲, below ✖",
  thresholds: TARGET,
  messages: [
    "target.missing",
    "target.dayGood",
    "target.dayMiss",
    "target.todoDay",
    "target.paceGood",
    "target.paceBehind",
    "target.monthMissed",
    "target.todoPace",
    "target.shapeFlat",
    "target.shapeWeekday",
    "target.vsBefore",
    "target.vsBeforeEvent",
    "target.dayEvent",
    "target.postEvent",
    "compare.day.previous-period",
    "compare.day.previous-week",
    "compare.day.four-weeks",
  ],
  run(ctx) {
    const shop = ctx.shop;
    const dated =
      shop && shop.from === "shop-daily"
        ? shop.days.filter((d) => d.date !== null && d.totals.get("sales") !== null)
        : [];
    if (dated.length === 0) return [];
    const target = ctx.settings.monthlyTarget;
    if (target === null) {
      return [
        makeFinding(this, {
          status: "info",
          metric: "dailySales",
          format: "currency",
          message: ctx.t("target.missing"),
        }),
      ];
    }
    return targetFindings(this, ctx, dated, target);
  },
});

/**
 * "Against the same weekday last week (2026-05-26: ¥1,270.00): +3.15%", or "" when that day is
 * not in the data. A baseline day inside an event is not an ordinary day to judge by: it is named
 * and not compared.
 */
function vsBefore(ctx: RuleContext, dated: ShopSummary["days"], yesterday: number): string {
  const mode = ctx.settings.compareTo;
  const baseDay = isoOfDay(baselineDay(dayNumber(dated[dated.length - 1].date!), mode));
  if (ctx.isEventDay(baseDay)) {
    return ctx.t("target.vsBeforeEvent", { when: ctx.t(`compare.day.${mode}`), date: baseDay });
  }
  const base = dated.find((d) => d.date === baseDay)?.totals.get("sales") ?? null;
  if (base === null || base <= 0) return "";
  const change = yesterday / base - 1;
  return ctx.t("target.vsBefore", {
    when: ctx.t(`compare.day.${mode}`),
    date: baseDay,
    value: ctx.money(base),
    change: (change > 0 ? "+" : "") + ctx.pct(change),
  });
}

/** Which split the day's target used: flat, or the weekday's share (e.g. Saturday 130 % of the mean). */
function shapeText(ctx: RuleContext, lastDate: string, shape: number[] | null): string {
  if (!shape) return ctx.t("target.shapeFlat", { days: TARGET.shapeDays.value });
  const w = weekdayOf(dayNumber(lastDate));
  return ctx.t("target.shapeWeekday", { weekday: ctx.t(WEEKDAY_KEYS[w]), ratio: ctx.pct(shape[w]) });
}

/** Yesterday against its share of the target, and the month's pace (dated days: amounts per day). */
function targetFindings(rule: Rule, ctx: RuleContext, dated: ShopSummary["days"], target: number): Draft[] {
  const shape = weekdayShape(dated, ctx.isEventDay);
  const { lastDate, share, yesterday, toDate, due, remaining, neededPerDay } = targetFigures(dated, target, shape);
  const dayRatio = stable(yesterday / share);
  const dayStatus: Status = dayRatio >= 1 ? "good" : dayRatio >= TARGET.dayWarn.value ? "warn" : "bad";
  const pace = stable(toDate / due);
  const paceStatus: Status = pace >= 1 ? "good" : pace >= TARGET.paceWarn.value ? "warn" : "bad";
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
    dayFinding(rule, ctx, { lastDate, yesterday, share, shape, dayStatus, params, dated }),
    makeFinding(rule, {
      status: paceStatus,
      metric: "targetPace",
      value: pace,
      benchmark: 1,
      format: "percent",
      impact: paceImpact,
      basis: "day",
      message: ctx.t(
        paceStatus === "good" ? "target.paceGood" : remaining > 0 ? "target.paceBehind" : "target.monthMissed",
        params,
      ),
      todo: remaining > 0 ? ctx.t("target.todoPace", params) : null,
    }),
  ];
}

/** " 2026-06-21 is within 7 days after the big promotion “618”, …" when the day is a post-event dip day, else "". */
function postEventText(ctx: RuleContext, date: string): string {
  const promo = postPromoDays(ctx).get(date);
  return promo === undefined ? "" : ctx.t("target.postEvent", { date, name: promo, post: EVENTS.postEventDays.value });
}

/**
 * Yesterday against its share of the target. A day inside an event on the Events tab is not an
 * ordinary day: its share of the target (worked for ordinary days) is not its yardstick, so it is
 * named with its event and not judged; the month's pace still counts its sales.
 */
function dayFinding(
  rule: Rule,
  ctx: RuleContext,
  f: {
    lastDate: string;
    yesterday: number;
    share: number;
    shape: number[] | null;
    dayStatus: Status;
    params: Record<string, string>;
    dated: ShopSummary["days"];
  },
): Draft {
  if (ctx.isEventDay(f.lastDate)) {
    const event = readEvents(ctx.tables)?.events.find((e) => e.start <= f.lastDate && f.lastDate <= e.end);
    return makeFinding(rule, {
      status: "info",
      metric: "dailySales",
      value: f.yesterday,
      format: "currency",
      message: ctx.t("target.dayEvent", { ...f.params, event: event?.name ?? "" }),
    });
  }
  return makeFinding(rule, {
    status: f.dayStatus,
    metric: "dailySales",
    value: f.yesterday,
    benchmark: f.share,
    format: "currency",
    impact: f.dayStatus === "good" ? null : f.share - f.yesterday,
    basis: "day",
    message:
      ctx.t(f.dayStatus === "good" ? "target.dayGood" : "target.dayMiss", f.params) +
      shapeText(ctx, f.lastDate, f.shape) +
      vsBefore(ctx, f.dated, f.yesterday) +
      postEventText(ctx, f.lastDate),
    todo: ctx.t("target.todoDay", f.params),
  });
}

const VISITOR_VALUE = {
  peer: fromSetting(
    "peerVisitorValue",
    "money",
    "the peer visitor value (else the export's peer column): at or above ✔",
  ),
  warn: fixed(
    0.8,
    "share",
    "visitor value at or above this share of the peer value is ▲, below ✖ (the published 80 % line)",
  ),
  margin: fromSetting(
    "grossMargin",
    "share",
    "visitor value × gross margin is compared with the cost per ad click: at or above ✔, below ✖",
  ),
};

/** visitor-value-vs-cost: visitor value against peers, and gross profit per visitor against its cost. */
export const visitorValueVsCost = defineRule({
  id: "visitor-value-vs-cost",
  area: "traffic",
  needs: { kinds: ["shop-daily", "ad-plans"], fields: ["visitors", "sales", "peerVisitorValue", "spend", "clicks"] },
  summary: "visitor value ≥ {peer} ✔, ≥ {warn} of it ▲, below ✖; value × {margin} ≥ cost per click ✔, below ✖",
  thresholds: VISITOR_VALUE,
  messages: [
    "visitorValue.peerGood",
    "visitorValue.peerLow",
    "visitorValue.peerLow.export",
    "visitorValue.todoPeer",
    "visitorValue.todoPeer.export",
    "visitorValue.missingMargin",
    "visitorValue.costGood",
    "visitorValue.costLoss",
    "visitorValue.costLoss.export",
    "visitorValue.todoCost",
    "visitorValue.todoCost.export",
    "visitorValue.missingPeer",
  ],
  run(ctx) {
    const shop = ctx.shop;
    const vv = shop?.totals.visitorValue() ?? null;
    if (!shop || vv === null) return [];
    const out: Draft[] = [];
    const peer = ctx.peer.visitorValue;
    if (peer !== null) out.push(visitorValuePeer(this, ctx, shop, vv, peer));
    const cost = visitorValueCost(this, ctx, vv);
    if (cost) out.push(cost);
    if (out.length === 0) {
      out.push(
        makeFinding(this, {
          status: "info",
          metric: "visitorValue",
          value: vv,
          format: "currency",
          message: ctx.t("visitorValue.missingPeer", { value: ctx.money(vv) }),
        }),
      );
    }
    return out;
  },
});

function visitorValuePeer(rule: Rule, ctx: RuleContext, shop: ShopSummary, vv: number, peer: number): Draft {
  const visitors = perDay(shop.totals.get("visitors") ?? 0, shop.dayCount);
  const basis = basisOf(shop.dayCount);
  const r = stable(vv / peer);
  const status: Status = r >= 1 ? "good" : r >= VISITOR_VALUE.warn.value ? "warn" : "bad";
  const impact = status === "good" ? null : (peer - vv) * visitors;
  const params = { value: ctx.money(vv), peer: ctx.money(peer), money: impact !== null ? ctx.money(impact) : "" };
  return makeFinding(rule, {
    status,
    metric: "visitorValue",
    value: vv,
    benchmark: peer,
    format: "currency",
    impact,
    basis,
    message: ctx.t(status === "good" ? "visitorValue.peerGood" : basedKey("visitorValue.peerLow", basis), params),
    todo: ctx.t(basedKey("visitorValue.todoPeer", basis), params),
  });
}

/** Gross profit per visitor against what an ad click costs, when ad plans are pasted. */
function visitorValueCost(rule: Rule, ctx: RuleContext, vv: number): Draft | null {
  const plans = ctx.plans;
  const cost = plans?.total.cpc() ?? null;
  const margin = ctx.settings.grossMargin;
  if (!plans || cost === null) return null;
  if (margin === null) {
    return makeFinding(rule, {
      status: "info",
      metric: "visitorCost",
      value: cost,
      format: "currency",
      message: ctx.t("visitorValue.missingMargin", { cost: ctx.money(cost) }),
    });
  }
  const earned = vv * margin;
  const status: Status = stable(earned) >= stable(cost) ? "good" : "bad";
  const clicks = perDay(plans.total.get("clicks") ?? 0, plans.dayCount);
  const basis = basisOf(plans.dayCount);
  const impact = status === "bad" ? (cost - earned) * clicks : null;
  const params = {
    earned: ctx.money(earned),
    cost: ctx.money(cost),
    margin: ctx.pct(margin),
    money: impact !== null ? ctx.money(impact) : "",
  };
  return makeFinding(rule, {
    status,
    metric: "visitorCost",
    value: earned,
    benchmark: cost,
    format: "currency",
    impact,
    basis,
    message: ctx.t(status === "good" ? "visitorValue.costGood" : basedKey("visitorValue.costLoss", basis), params),
    todo: ctx.t(basedKey("visitorValue.todoCost", basis), params),
  });
}

const REPURCHASE = {
  window: fixed(
    WINDOW_DAYS,
    "days",
    "the last this many days are compared with the same number before (half the dates each with fewer than two windows)",
  ),
  drop: fixed(0.1, "share", "a relative fall in repurchase rate this large is ▲"),
};

/** repurchase: a falling repurchase rate. */
export const repurchase = defineRule({
  id: "repurchase",
  area: "sales",
  needs: { kinds: ["shop-daily"], fields: ["date", "repurchaseRate"] },
  summary:
    "last {window} days vs the {window} before, event days left out: a fall of {drop} or more (relative) ▲, else ✔",
  thresholds: REPURCHASE,
  messages: [
    "repurchase.missing",
    "repurchase.noTrend",
    "repurchase.good",
    "repurchase.falling",
    "repurchase.todo",
    "compare.allEvent.recent",
    "compare.allEvent.previous",
  ],
  run(ctx) {
    const shop = ctx.shop;
    const rate = shop?.totals.repurchaseRate() ?? null;
    if (!shop || rate === null) {
      return shop
        ? [
            makeFinding(this, {
              status: "info",
              metric: "repurchaseRate",
              format: "percent",
              message: ctx.t("repurchase.missing"),
            }),
          ]
        : [];
    }
    const dated = shop.days.filter((d) => d.date !== null && d.totals.repurchaseRate() !== null);
    const w = lastTwoWindows(dated, ctx.settings.compareTo, false, ctx.isEventDay);
    if (w && "allEventDays" in w) return [allEventDaysFinding(this, ctx, w.comparison, "repurchaseRate", "percent")];
    const r1 = w?.recent.repurchaseRate() ?? null;
    const r0 = w?.previous.repurchaseRate() ?? null;
    if (r1 === null || r0 === null || r0 === 0) {
      return [
        makeFinding(this, {
          status: "info",
          metric: "repurchaseRate",
          value: rate,
          format: "percent",
          message: ctx.t("repurchase.noTrend", { value: ctx.pct(rate) }),
        }),
      ];
    }
    const fall = stable(1 - r1 / r0);
    const status: Status = fall >= REPURCHASE.drop.value ? "warn" : "good";
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
});
