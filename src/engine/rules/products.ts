/**
 * Product rules: conversion trend, the price × conversion quadrant, shop AOV vs the hero
 * product, products with visitors but no sales, pre-sale items, reviews of the top products.
 */
import {
  allEventDaysFinding,
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
import { type ConversionBasis, conversionBasis, conversionOn } from "./benchmarks";
import { defineRule, fixed, fromSetting, type Rule } from "./define";
import { MAX_SUBJECT_FINDINGS, MIN_VISITORS } from "./limits";
import { Best, firstN, type LazyDraft, lazy, median, topByImpact, TopList, topSubjects } from "./top";
import { moreTraffic } from "./verdicts";
import { ordinaryDays, WINDOW_DAYS } from "./windows";

const TREND = {
  warn: fixed(0.15, "share", "a relative conversion change this large is a trend: a fall ▲, a rise ✔"),
  bad: fixed(0.3, "share", "a relative conversion fall this large is ✖"),
  window: fixed(
    WINDOW_DAYS,
    "days",
    "the last this many days vs the same number before (half the dates each with fewer than two windows)",
  ),
  minVisitors: fixed(MIN_VISITORS.value / 2, "visitors", "visitors each window needs (half the period threshold)"),
  maxFalling: MAX_SUBJECT_FINDINGS,
  maxRising: fixed(3, "findings", "rising products named (most visitors first)"),
};

type Rising = { p: Subject; c0: number; c1: number; v: number };

/** product-conversion-trend: products whose conversion fell (diagnose) or rose (give traffic). */
export const productConversionTrend = defineRule({
  id: "product-conversion-trend",
  area: "products",
  needs: { kinds: ["products"], fields: ["date", "visitors", "paidBuyers"] },
  summary:
    "last {window} days vs the {window} before (event days left out), {minVisitors}+ visitors in each: change ≤ −{bad} ✖, ≤ −{warn} ▲, ≥ +{warn} ✔ (the {maxRising} busiest; not one another rule judges ▲/✖)",
  thresholds: TREND,
  messages: [
    "trend.missing",
    "trend.falling",
    "trend.todo",
    "trend.rising",
    "trend.stable",
    "compare.allEvent.recent",
    "compare.allEvent.previous",
    "common.more",
    "common.more.export",
  ],
  run(ctx) {
    const products = ctx.products;
    if (!products) return [];
    if (products.comparison?.allEventDays) {
      return [allEventDaysFinding(this, ctx, products.comparison, "conversionTrend", "percent", "product")];
    }
    if (!products.hasTrend) {
      return [
        makeFinding(this, {
          status: "info",
          subjectType: "product",
          metric: "conversionTrend",
          format: "percent",
          message: ctx.t("trend.missing"),
        }),
      ];
    }
    const falling = new TopList(TREND.maxFalling.value);
    const rising: Rising[] = [];
    const c = products.cursor();
    for (let k = 0; k < products.size; k++) {
      const change = conversionChange(c.at(k));
      if (!change) continue;
      if (change.change <= -TREND.warn.value) offerFalling(this, ctx, products, falling, c.kept(), change);
      else if (change.change >= TREND.warn.value)
        rising.push({ p: c.kept(), c0: change.c0, c1: change.c1, v: change.v1 });
    }
    const out = falling.drafts(this, ctx, "product");
    for (const r of firstN(rising, TREND.maxRising.value, (a, b) => b.v - a.v)) {
      out.push(
        moreTraffic(
          makeFinding(this, {
            status: "good",
            subject: r.p.name,
            subjectType: "product",
            metric: "conversionTrend",
            value: r.c1,
            benchmark: r.c0,
            format: "percent",
            message: ctx.t("trend.rising", { name: r.p.name, before: ctx.pct(r.c0), value: ctx.pct(r.c1) }),
          }),
        ),
      );
    }
    if (out.length === 0) {
      out.push(
        makeFinding(this, {
          status: "good",
          subjectType: "product",
          metric: "conversionTrend",
          format: "percent",
          message: ctx.t("trend.stable"),
        }),
      );
    }
    return out;
  },
});

/** A product's conversion in the two windows, when both have enough visitors (pre-sale items never). */
function conversionChange(p: Subject): { c0: number; c1: number; v1: number; change: number } | null {
  if (p.presale || !p.recent || !p.previous) return null;
  const v1 = p.recent.get("visitors");
  const v0 = p.previous.get("visitors");
  const c1 = p.recent.payConversion();
  const c0 = p.previous.payConversion();
  if (v1 === null || v0 === null || c1 === null || c0 === null || c0 === 0) return null;
  if (v1 < TREND.minVisitors.value || v0 < TREND.minVisitors.value) return null;
  return { c0, c1, v1, change: stable(c1 / c0 - 1) };
}

function offerFalling(
  rule: Rule,
  ctx: RuleContext,
  products: Group,
  falling: TopList,
  p: Subject,
  c: { c0: number; c1: number; v1: number; change: number },
): void {
  const { c0, c1, v1, change } = c;
  const status: Judged = change <= -TREND.bad.value ? "bad" : "warn";
  const aov = p.recent!.aov() ?? p.totals.aov() ?? ctx.shop?.totals.aov() ?? null;
  // Visitors per ordinary day of the recent window (event days left out).
  const days = products.comparison ? ordinaryDays(products.comparison, "recent") : products.windowDays;
  const impact = aov !== null ? (c0 - c1) * (v1 / days) * aov : null;
  if (!falling.wants(impact, p.name)) return;
  falling.add(
    lazy(impact, p.name, () => {
      const params = {
        name: p.name,
        before: ctx.pct(c0),
        value: ctx.pct(c1),
        change: ctx.pct(-change),
        money: impact !== null ? ctx.money(impact) : "—",
      };
      return makeFinding(rule, {
        status,
        subject: p.name,
        subjectType: "product",
        metric: "conversionTrend",
        value: c1,
        benchmark: c0,
        format: "percent",
        // Dated windows: money per day, always.
        impact,
        basis: "day",
        message: ctx.t("trend.falling", params),
        todo: ctx.t("trend.todo", params),
      });
    }),
  );
}

const QUADRANT = {
  minVisitors: MIN_VISITORS,
  minProducts: fixed(4, "products", "products with price, visitors and sales needed to draw the medians"),
  maxStars: fixed(3, "findings", "high-price, high-conversion products named (most visitors first)"),
  maxWeak: fixed(5, "findings", "low-price, low-conversion products named (most visitors first)"),
};

/** price-conversion-quadrant: high price + high conversion gets traffic, low + low loses it. */
export const priceConversionQuadrant = defineRule({
  id: "price-conversion-quadrant",
  area: "products",
  needs: { kinds: ["products"], fields: ["visitors", "paidBuyers", "price", "sales"] },
  summary:
    "price and conversion both above the medians ✔ (the {maxStars} busiest; not one another rule judges ▲/✖), both below ▲ (the {maxWeak} busiest); needs {minProducts}+ products with {minVisitors}+ visitors",
  thresholds: QUADRANT,
  messages: ["quadrant.missing", "quadrant.star", "quadrant.todoStar", "quadrant.weak", "quadrant.todoWeak"],
  run(ctx) {
    const products = ctx.products;
    if (!products) return [];
    // The platform's own conversion, as the conversion rule states it (Amazon: units ÷ sessions).
    const basis = conversionBasis(ctx.tables.find((t) => t.sheet === products.sheet));
    const judged = quadrantCandidates(products, basis);
    if (judged.length < QUADRANT.minProducts.value) {
      return [
        makeFinding(this, {
          status: "info",
          subjectType: "product",
          metric: "price",
          format: "currency",
          message: ctx.t("quadrant.missing", { count: QUADRANT.minProducts.value }),
        }),
      ];
    }
    // median reorders its input: each takes a copy of the filled part.
    const midPrice = median(judged.price.slice(0, judged.length));
    const midConv = median(judged.conv.slice(0, judged.length));
    const stars = busiestWhere(
      judged,
      QUADRANT.maxStars.value,
      (i) => judged.price[i] > midPrice && judged.conv[i] > midConv,
    );
    const weak = busiestWhere(
      judged,
      QUADRANT.maxWeak.value,
      (i) => judged.price[i] < midPrice && judged.conv[i] < midConv,
    );
    const out: Draft[] = [];
    const base = { midPrice: ctx.money(midPrice), midConv: ctx.pct(midConv) };
    for (const j of stars) out.push(moreTraffic(makeFinding(this, quadrantFields(ctx, j, base, midConv, "good"))));
    for (const j of weak) out.push(makeFinding(this, quadrantFields(ctx, j, base, midConv, "warn")));
    return out;
  },
});

type QuadrantProduct = { p: Subject; price: number; conv: number; visitors: number };

/**
 * Products busy enough, with a price and a conversion, that the quadrant can place: one
 * typed column per figure, sized once (no object and no array growth per product on a
 * 1,000,000-product export). Entries [0, length) are filled; `at` indexes the subjects.
 */
interface QuadrantColumns {
  readonly group: Group;
  readonly at: Int32Array;
  readonly price: Float64Array;
  readonly conv: Float64Array;
  readonly visitors: Float64Array;
  readonly length: number;
}

function quadrantCandidates(group: Group, basis: ConversionBasis): QuadrantColumns {
  const n = group.size;
  const cursor = group.cursor();
  const at = new Int32Array(n);
  const price = new Float64Array(n);
  const conv = new Float64Array(n);
  const visitors = new Float64Array(n);
  let length = 0;
  for (let k = 0; k < n; k++) {
    const p = cursor.at(k);
    if (p.presale) continue;
    const v = p.totals.get("visitors");
    if (v === null || v < QUADRANT.minVisitors.value) continue;
    const c = conversionOn(p.totals, basis);
    if (c === null) continue;
    const pr = p.totals.price();
    if (pr === null) continue;
    at[length] = k;
    price[length] = pr;
    conv[length] = c;
    visitors[length] = v;
    length++;
  }
  return { group, at, price, conv, visitors, length };
}

/** The `max` busiest products (most visitors, ties in table order) among those `where` picks. */
function busiestWhere(judged: QuadrantColumns, max: number, where: (i: number) => boolean): QuadrantProduct[] {
  const best = new Best<number>(max, (a, b) => judged.visitors[b] - judged.visitors[a]);
  for (let i = 0; i < judged.length; i++) if (where(i)) best.offer(i);
  return best.items.map((i) => ({
    p: judged.group.subject(judged.at[i]),
    price: judged.price[i],
    conv: judged.conv[i],
    visitors: judged.visitors[i],
  }));
}

/** The fields of a star (✔, price and conversion above the medians) or weak (▲, both below) product. */
function quadrantFields(
  ctx: RuleContext,
  j: QuadrantProduct,
  base: { midPrice: string; midConv: string },
  midConv: number,
  status: "good" | "warn",
): Parameters<typeof makeFinding>[1] {
  const params = { ...base, name: j.p.name, price: ctx.money(j.price), value: ctx.pct(j.conv) };
  const star = status === "good";
  return {
    status,
    subject: j.p.name,
    subjectType: "product",
    metric: "quadrantConversion",
    value: j.conv,
    benchmark: midConv,
    format: "percent",
    message: ctx.t(star ? "quadrant.star" : "quadrant.weak", params),
    todo: ctx.t(star ? "quadrant.todoStar" : "quadrant.todoWeak", params),
  };
}

function normalise(text: string): string {
  return text.trim().toLowerCase();
}

/** The hero product: the one the team named, else the best seller; a string when the named one is not found. */
function findHero(products: Group, wanted: string | null): Subject | null | "not-found" {
  const c = products.cursor();
  if (wanted) {
    const w = normalise(wanted);
    for (let k = 0; k < products.size; k++) {
      const p = c.at(k);
      if (normalise(p.name) === w || normalise(p.key) === w) return c.kept();
    }
    return "not-found";
  }
  let hero = -1;
  let best = -1;
  for (let k = 0; k < products.size; k++) {
    const s = c.at(k).totals.get("sales") ?? -1;
    if (s > best) {
      best = s;
      hero = k;
    }
  }
  return hero < 0 ? null : products.subject(hero);
}

const HERO = {
  ratio: fromSetting("aovHeroRatio", "multiple", "shop AOV ÷ the hero product's AOV at or above this is ✔, below ▲"),
};

/** aov-vs-hero: shop AOV should be at least aovHeroRatio × the hero product's AOV. */
export const aovVsHero = defineRule({
  id: "aov-vs-hero",
  area: "aov",
  needs: { kinds: ["products"], fields: ["product", "sales", "paidBuyers"] },
  summary:
    "shop AOV ÷ hero AOV ≥ {ratio} ✔, below ▲ (the hero is Settings heroProduct, else the best seller); ℹ when the shop's figures are the products' sum and only the hero sold",
  thresholds: HERO,
  messages: [
    "hero.notFound",
    "hero.missing",
    "hero.single",
    "hero.picked",
    "hero.good",
    "hero.low",
    "hero.low.export",
    "hero.todo",
    "hero.todo.export",
  ],
  run(ctx) {
    const products = ctx.products;
    const shopAov = ctx.shop?.totals.aov() ?? null;
    if (!products || shopAov === null) return [];
    const wanted = ctx.settings.heroProduct;
    const hero = findHero(products, wanted);
    if (hero === "not-found") return [heroInfo(this, ctx, "hero.notFound", { name: wanted ?? "" })];
    const heroAov = hero?.totals.aov() ?? null;
    const r = heroAov !== null ? stable(shopAov / heroAov) : NaN;
    if (!hero || heroAov === null || heroAov <= 0 || !Number.isFinite(r)) return [heroInfo(this, ctx, "hero.missing")];
    // The shop's figures are the products' sum and the hero is the only one that sold: the shop AOV is its own.
    if (ctx.shop!.from === "products" && onlySeller(products, hero)) {
      return [heroInfo(this, ctx, "hero.single", { name: hero.name, aov: ctx.money(heroAov) }, hero.name)];
    }
    return [heroFinding(this, ctx, hero, heroAov, shopAov)];
  },
});

/** The hero finding: ✔ at or above aovHeroRatio × the hero's AOV, else ▲ with the money to its target. */
function heroFinding(rule: Rule, ctx: RuleContext, hero: Subject, heroAov: number, shopAov: number): Draft {
  const wanted = ctx.settings.heroProduct;
  const want = ctx.settings.aovHeroRatio;
  const r = stable(shopAov / heroAov);
  const status: Judged = r >= want ? "good" : "warn";
  const days = ctx.shop!.dayCount;
  const basis = basisOf(days);
  const buyers = perDay(ctx.shop!.totals.get("paidBuyers") ?? 0, days);
  const impact = status === "warn" ? (want * heroAov - shopAov) * buyers : null;
  const params = {
    name: hero.name,
    heroAov: ctx.money(heroAov),
    shopAov: ctx.money(shopAov),
    ratio: ctx.fmt(r),
    want: ctx.fmt(want, 1),
    target: ctx.money(want * heroAov),
    money: impact !== null ? ctx.money(impact) : "",
    picked: wanted ? "" : ctx.t("hero.picked"),
  };
  return makeFinding(rule, {
    status,
    subject: hero.name,
    subjectType: "product",
    metric: "aovHeroRatio",
    value: r,
    benchmark: want,
    format: "ratio",
    impact,
    basis,
    message: ctx.t(status === "good" ? "hero.good" : basedKey("hero.low", basis), params),
    todo: ctx.t(basedKey("hero.todo", basis), params),
  });
}

/** An ℹ of aov-vs-hero: the ratio cannot be judged (no value, no money, no action). */
function heroInfo(
  rule: Rule,
  ctx: RuleContext,
  key: "hero.notFound" | "hero.missing" | "hero.single",
  params: Record<string, string> = {},
  subject?: string,
): Draft {
  return makeFinding(rule, {
    status: "info",
    subject,
    subjectType: "product",
    metric: "aovHeroRatio",
    format: "ratio",
    message: ctx.t(key, params),
  });
}

/** True when no product but `hero` has sales (or paid buyers). */
function onlySeller(products: Group, hero: Subject): boolean {
  const c = products.cursor();
  for (let k = 0; k < products.size; k++) {
    const p = c.at(k);
    // Keys are unique within a group: the same key is the hero itself.
    if (p.key === hero.key) continue;
    if ((p.totals.get("sales") ?? 0) > 0 || (p.totals.get("paidBuyers") ?? 0) > 0) return false;
  }
  return true;
}

const ZERO_SALES = {
  badVisitors: fixed(
    100,
    "visitors",
    "a product with visitors and no sales is ▲, ✖ from this many visitors over the period",
  ),
  maxProducts: MAX_SUBJECT_FINDINGS,
};

/** zero-sales-products: products with visitors and no sales. */
export const zeroSalesProducts = defineRule({
  id: "zero-sales-products",
  area: "products",
  needs: { kinds: ["products"], fields: ["visitors", "sales", "paidBuyers"] },
  summary:
    "visitors but no sales: ▲, ✖ from {badVisitors} visitors; the {maxProducts} with most money at stake are listed",
  thresholds: ZERO_SALES,
  messages: [
    "zeroSales.found",
    "zeroSales.found.export",
    "zeroSales.foundNoMoney",
    "zeroSales.todo",
    "zeroSales.none",
    "common.more",
    "common.more.export",
  ],
  run(ctx) {
    const products = ctx.products;
    if (!products) return [];
    const shopConv = ctx.shop?.totals.payConversion() ?? null;
    const shopAov = ctx.shop?.totals.aov() ?? null;
    const drafts = new TopList(ZERO_SALES.maxProducts.value);
    let judged = 0;
    const c = products.cursor();
    for (let k = 0; k < products.size; k++) {
      const p = c.at(k);
      if (p.presale) continue;
      const visitors = p.totals.get("visitors");
      const sales = p.totals.get("sales") ?? p.totals.get("paidBuyers");
      if (visitors === null || visitors <= 0 || sales === null) continue;
      judged++;
      if (sales > 0) continue;
      const status: Judged = visitors >= ZERO_SALES.badVisitors.value ? "bad" : "warn";
      const aov = p.totals.price() ?? shopAov;
      const impact = shopConv !== null && aov !== null ? perDay(visitors, products.dayCount) * shopConv * aov : null;
      if (drafts.wants(impact, p.name))
        drafts.add(zeroSalesDraft(this, ctx, c.kept(), status, visitors, impact, products.dayCount));
    }
    if (judged === 0) return [];
    if (drafts.isEmpty()) {
      return [
        makeFinding(this, {
          status: "good",
          subjectType: "product",
          metric: "visitors",
          format: "integer",
          message: ctx.t("zeroSales.none"),
        }),
      ];
    }
    return drafts.drafts(this, ctx, "product");
  },
});

/** A product's zero-sales finding, worded only if kept (built outside the loop: no closure context per product). */
function zeroSalesDraft(
  rule: Rule,
  ctx: RuleContext,
  p: Subject,
  status: Judged,
  visitors: number,
  impact: number | null,
  dayCount: number | null,
): LazyDraft {
  return lazy(impact, p.name, () => {
    const params = {
      name: p.name,
      visitors: ctx.fmt(visitors, 0),
      money: impact !== null ? ctx.money(impact) : "",
    };
    return makeFinding(rule, {
      status,
      subject: p.name,
      subjectType: "product",
      metric: "visitors",
      value: visitors,
      benchmark: null,
      format: "integer",
      impact,
      basis: basisOf(dayCount),
      // No money is never shown as "about — missed": the sentence says why it is not priced.
      message:
        impact !== null
          ? ctx.t(basedKey("zeroSales.found", basisOf(dayCount)), params)
          : ctx.t("zeroSales.foundNoMoney", params),
      todo: ctx.t("zeroSales.todo", params),
    });
  });
}

const PRESALE = {
  benchmark: fromSetting(
    "peerPayConversion",
    "share",
    "order conversion at or above the peer (else the shop's) pay conversion is ✔, below ▲",
  ),
  maxProducts: MAX_SUBJECT_FINDINGS,
};

/** presale-conversion: pre-sale items judged by order conversion, not their false 0 pay conversion. */
export const presaleConversion = defineRule({
  id: "presale-conversion",
  area: "conversion",
  needs: { kinds: ["products"], fields: ["product", "presale", "visitors", "orderBuyers"] },
  summary:
    "order conversion ≥ {benchmark} (or the shop's conversion) ✔, below ▲; the {maxProducts} with most money at stake are listed",
  thresholds: PRESALE,
  messages: [
    "presale.missing",
    "presale.noBenchmark",
    "presale.good",
    "presale.low",
    "presale.low.export",
    "presale.todo",
    "presale.todo.export",
    "common.more",
    "common.more.export",
  ],
  run(ctx) {
    const products = ctx.products;
    if (!products) return [];
    const benchmark = ctx.peer.payConversion ?? ctx.shop?.totals.payConversion() ?? null;
    const drafts: Draft[] = [];
    const c = products.cursor();
    for (let k = 0; k < products.size; k++) {
      if (!c.at(k).presale) continue;
      const draft = presaleFinding(this, ctx, products, c.kept(), benchmark);
      if (draft) drafts.push(draft);
    }
    return topByImpact(this, ctx, drafts, "product", PRESALE.maxProducts.value);
  },
});

function presaleFinding(
  rule: Rule,
  ctx: RuleContext,
  products: Group,
  p: Subject,
  benchmark: number | null,
): Draft | null {
  const visitors = p.totals.get("visitors");
  if (visitors === null || visitors <= 0) return null;
  const oc = p.totals.orderConversion();
  if (oc === null) {
    return makeFinding(rule, {
      status: "info",
      subject: p.name,
      subjectType: "product",
      metric: "orderConversion",
      format: "percent",
      message: ctx.t("presale.missing", { name: p.name }),
    });
  }
  if (benchmark === null) {
    return makeFinding(rule, {
      status: "info",
      subject: p.name,
      subjectType: "product",
      metric: "orderConversion",
      value: oc,
      format: "percent",
      message: ctx.t("presale.noBenchmark", { name: p.name, value: ctx.pct(oc) }),
    });
  }
  const status: Judged = stable(oc) >= stable(benchmark) ? "good" : "warn";
  const aov = p.totals.price() ?? ctx.shop?.totals.aov() ?? null;
  const impact =
    status === "warn" && aov !== null ? (benchmark - oc) * perDay(visitors, products.dayCount) * aov : null;
  const basis = basisOf(products.dayCount);
  const params = {
    name: p.name,
    value: ctx.pct(oc),
    benchmark: ctx.pct(benchmark),
    money: impact !== null ? ctx.money(impact) : "—",
  };
  return makeFinding(rule, {
    status,
    subject: p.name,
    subjectType: "product",
    metric: "orderConversion",
    value: oc,
    benchmark,
    format: "percent",
    impact,
    basis,
    message: ctx.t(status === "good" ? "presale.good" : basedKey("presale.low", basis), params),
    todo: ctx.t(basedKey("presale.todo", basis), params),
  });
}

const REVIEWS = {
  topProducts: fixed(5, "products", "the highest-traffic products whose bad reviews are checked"),
};

/** top-product-reviews: new bad reviews on the five highest-traffic products. */
export const topProductReviews = defineRule({
  id: "top-product-reviews",
  area: "reputation",
  needs: { kinds: ["shop-daily", "products"], fields: ["badReviews", "visitors"] },
  summary:
    "new bad reviews on the {topProducts} highest-traffic products ✖, none ✔; the shop's new low-score buyers yesterday ▲, none ✔",
  thresholds: REVIEWS,
  messages: [
    "reviews.shopClean",
    "reviews.shopBad",
    "reviews.todoShop",
    "reviews.check",
    "reviews.clean",
    "reviews.bad",
    "reviews.todo",
  ],
  run(ctx) {
    const out: Draft[] = [];
    const shopDraft = shopReviews(this, ctx);
    if (shopDraft) out.push(shopDraft);
    const products = ctx.products;
    if (!products) return out;
    const top = topSubjects(products, REVIEWS.topProducts.value, (p) => p.totals.get("visitors") ?? 0);
    if (top.length === 0) return out;
    const hasReviews = top.some((p) => p.totals.get("badReviews") !== null);
    if (!hasReviews) {
      out.push(
        makeFinding(this, {
          status: "info",
          subjectType: "product",
          metric: "badReviews",
          format: "integer",
          message: ctx.t("reviews.check", { names: top.map((p) => p.name).join(", ") }),
        }),
      );
      return out;
    }
    for (const p of top) {
      const bad = p.totals.get("badReviews");
      if (bad === null) continue;
      const status: Judged = bad > 0 ? "bad" : "good";
      const params = { name: p.name, count: ctx.fmt(bad, 0) };
      out.push(
        makeFinding(this, {
          status,
          subject: p.name,
          subjectType: "product",
          metric: "badReviews",
          value: bad,
          benchmark: 0,
          format: "integer",
          message: ctx.t(status === "good" ? "reviews.clean" : "reviews.bad", params),
          todo: ctx.t("reviews.todo", params),
        }),
      );
    }
    return out;
  },
});

/** The shop export's low-score buyers (DSR综合低评分买家数) on its last day: yesterday's new ones. */
function shopReviews(rule: Rule, ctx: RuleContext): Draft | null {
  const days = ctx.shop?.days.filter((d) => d.date !== null && d.totals.get("badReviews") !== null) ?? [];
  if (days.length === 0) return null;
  const last = days[days.length - 1];
  const count = last.totals.get("badReviews")!;
  const status: Judged = count > 0 ? "warn" : "good";
  const params = { date: last.date!, count: ctx.fmt(count, 0) };
  return makeFinding(rule, {
    status,
    metric: "badReviews",
    value: count,
    benchmark: 0,
    format: "integer",
    message: ctx.t(status === "good" ? "reviews.shopClean" : "reviews.shopBad", params),
    todo: ctx.t("reviews.todoShop", params),
  });
}
