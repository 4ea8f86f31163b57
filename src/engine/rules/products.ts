/**
 * Product rules: conversion trend, the price × conversion quadrant, shop AOV vs the hero
 * product, products with visitors but no sales, pre-sale items, reviews of the top products.
 */
import { makeFinding, stable, type Draft, type Judged, type Rule, type Subject } from "./context";
import { lazy, MIN_VISITORS, topByImpact, TopList } from "./shop";

/** A relative conversion change this large (either way) is a trend worth naming. */
export const TREND_WARN = 0.15;
/** A relative conversion fall this large is red. */
export const TREND_BAD = 0.3;
/** A zero-sales product with at least this many visitors over the period is red. */
export const ZERO_SALES_BAD_VISITORS = 100;
/** How many of the highest-traffic products get their reviews checked daily. */
export const TOP_PRODUCTS = 5;

/** product-conversion-trend: products whose conversion fell (diagnose) or rose (give traffic). */
export const productConversionTrend: Rule = {
  id: "product-conversion-trend",
  area: "products",
  run(ctx) {
    const products = ctx.products;
    if (!products) return [];
    if (!products.hasTrend) {
      return [makeFinding(this, { status: "info", subjectType: "product", metric: "conversionTrend", format: "percent", message: ctx.t("trend.missing") })];
    }
    const falling = new TopList();
    const rising: { p: Subject; c0: number; c1: number; v: number }[] = [];
    for (const p of products.subjects) {
      if (p.presale || !p.recent || !p.previous) continue;
      const v1 = p.recent.get("visitors");
      const v0 = p.previous.get("visitors");
      const c1 = p.recent.payConversion();
      const c0 = p.previous.payConversion();
      // Both windows need enough visitors; half the period threshold each.
      if (v1 === null || v0 === null || c1 === null || c0 === null || c0 === 0) continue;
      if (v1 < MIN_VISITORS / 2 || v0 < MIN_VISITORS / 2) continue;
      const change = stable(c1 / c0 - 1);
      if (change <= -TREND_WARN) {
        const status: Judged = change <= -TREND_BAD ? "bad" : "warn";
        const aov = p.recent.aov() ?? p.totals.aov() ?? ctx.shop?.totals.aov() ?? null;
        const impact = aov !== null ? (c0 - c1) * (v1 / products.windowDays) * aov : null;
        if (falling.wants(impact, p.name)) falling.add(lazy(impact, p.name, () => {
          const params = { name: p.name, before: ctx.pct(c0), value: ctx.pct(c1), change: ctx.pct(-change), money: impact !== null ? ctx.money(impact) : "—" };
          return makeFinding(this, {
            status,
            subject: p.name,
            subjectType: "product",
            metric: "conversionTrend",
            value: c1,
            benchmark: c0,
            format: "percent",
            impact,
            message: ctx.t("trend.falling", params),
            todo: ctx.t("trend.todo", params),
          });
        }));
      } else if (change >= TREND_WARN) {
        rising.push({ p, c0, c1, v: v1 });
      }
    }
    const out = falling.drafts(this, ctx, "product");
    rising.sort((a, b) => b.v - a.v);
    for (const r of rising.slice(0, 3)) {
      out.push(
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
      );
    }
    if (out.length === 0) {
      out.push(makeFinding(this, { status: "good", subjectType: "product", metric: "conversionTrend", format: "percent", message: ctx.t("trend.stable") }));
    }
    return out;
  },
};

/** The `n` items with the largest positive key, largest first, in one pass (no full sort of 100k products). */
export function topN<T>(items: readonly T[], n: number, key: (item: T) => number): T[] {
  const best: { item: T; k: number }[] = [];
  for (const item of items) {
    const k = key(item);
    if (!(k > 0) || (best.length === n && k <= best[n - 1].k)) continue;
    let i = best.length < n ? best.length : n - 1;
    best[i] = { item, k };
    while (i > 0 && best[i - 1].k < k) {
      const tmp = best[i - 1];
      best[i - 1] = best[i];
      best[i] = tmp;
      i--;
    }
  }
  return best.map((b) => b.item);
}

function median(values: number[]): number {
  const s = Float64Array.from(values).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** price-conversion-quadrant: high price + high conversion gets traffic, low + low loses it. */
export const priceConversionQuadrant: Rule = {
  id: "price-conversion-quadrant",
  area: "products",
  run(ctx) {
    const products = ctx.products;
    if (!products) return [];
    const judged: { p: Subject; price: number; conv: number; visitors: number }[] = [];
    for (const p of products.subjects) {
      if (p.presale) continue;
      const visitors = p.totals.get("visitors");
      const conv = p.totals.payConversion();
      const price = p.totals.price();
      if (visitors === null || visitors < MIN_VISITORS || conv === null || price === null) continue;
      judged.push({ p, price, conv, visitors });
    }
    if (judged.length < 4) {
      return [makeFinding(this, { status: "info", subjectType: "product", metric: "price", format: "currency", message: ctx.t("quadrant.missing") })];
    }
    const midPrice = median(judged.map((j) => j.price));
    const midConv = median(judged.map((j) => j.conv));
    const stars = judged.filter((j) => j.price > midPrice && j.conv > midConv).sort((a, b) => b.visitors - a.visitors);
    const weak = judged.filter((j) => j.price < midPrice && j.conv < midConv).sort((a, b) => b.visitors - a.visitors);
    const out: Draft[] = [];
    const base = { midPrice: ctx.money(midPrice), midConv: ctx.pct(midConv) };
    for (const s of stars.slice(0, 3)) {
      const params = { ...base, name: s.p.name, price: ctx.money(s.price), value: ctx.pct(s.conv) };
      out.push(makeFinding(this, { status: "good", subject: s.p.name, subjectType: "product", metric: "quadrantConversion", value: s.conv, benchmark: midConv, format: "percent", message: ctx.t("quadrant.star", params), todo: ctx.t("quadrant.todoStar", params) }));
    }
    for (const w of weak.slice(0, 5)) {
      const params = { ...base, name: w.p.name, price: ctx.money(w.price), value: ctx.pct(w.conv) };
      out.push(makeFinding(this, { status: "warn", subject: w.p.name, subjectType: "product", metric: "quadrantConversion", value: w.conv, benchmark: midConv, format: "percent", message: ctx.t("quadrant.weak", params), todo: ctx.t("quadrant.todoWeak", params) }));
    }
    return out;
  },
};

function normalise(text: string): string {
  return text.trim().toLowerCase();
}

/** aov-vs-hero: shop AOV should be at least aovHeroRatio × the hero product's AOV. */
export const aovVsHero: Rule = {
  id: "aov-vs-hero",
  area: "aov",
  run(ctx) {
    const products = ctx.products;
    const shopAov = ctx.shop?.totals.aov() ?? null;
    if (!products || shopAov === null) return [];
    const wanted = ctx.settings.heroProduct;
    let hero: Subject | null = null;
    if (wanted) {
      const w = normalise(wanted);
      hero = products.subjects.find((p) => normalise(p.name) === w || normalise(p.key) === w) ?? null;
      if (!hero) {
        return [makeFinding(this, { status: "info", subjectType: "product", metric: "aovHeroRatio", format: "ratio", message: ctx.t("hero.notFound", { name: wanted }) })];
      }
    } else {
      let best = -1;
      for (const p of products.subjects) {
        const s = p.totals.get("sales") ?? -1;
        if (s > best) {
          best = s;
          hero = p;
        }
      }
    }
    const heroAov = hero?.totals.aov() ?? null;
    if (!hero || heroAov === null || heroAov <= 0) {
      return [makeFinding(this, { status: "info", subjectType: "product", metric: "aovHeroRatio", format: "ratio", message: ctx.t("hero.missing") })];
    }
    const want = ctx.settings.aovHeroRatio;
    const r = stable(shopAov / heroAov);
    if (!Number.isFinite(r)) {
      return [makeFinding(this, { status: "info", subjectType: "product", metric: "aovHeroRatio", format: "ratio", message: ctx.t("hero.missing") })];
    }
    const status: Judged = r >= want ? "good" : "warn";
    const buyersPerDay = (ctx.shop!.totals.get("paidBuyers") ?? 0) / ctx.shop!.dayCount;
    const impact = status === "warn" ? (want * heroAov - shopAov) * buyersPerDay : null;
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
    return [
      makeFinding(this, {
        status,
        subject: hero.name,
        subjectType: "product",
        metric: "aovHeroRatio",
        value: r,
        benchmark: want,
        format: "ratio",
        impact,
        message: ctx.t(status === "good" ? "hero.good" : "hero.low", params),
        todo: ctx.t("hero.todo", params),
      }),
    ];
  },
};

/** zero-sales-products: products with visitors and no sales. */
export const zeroSalesProducts: Rule = {
  id: "zero-sales-products",
  area: "products",
  run(ctx) {
    const products = ctx.products;
    if (!products) return [];
    const shopConv = ctx.shop?.totals.payConversion() ?? null;
    const shopAov = ctx.shop?.totals.aov() ?? null;
    const drafts = new TopList();
    let judged = 0;
    for (const p of products.subjects) {
      if (p.presale) continue;
      const visitors = p.totals.get("visitors");
      const sales = p.totals.get("sales") ?? p.totals.get("paidBuyers");
      if (visitors === null || visitors <= 0 || sales === null) continue;
      judged++;
      if (sales > 0) continue;
      const status: Judged = visitors >= ZERO_SALES_BAD_VISITORS ? "bad" : "warn";
      const aov = p.totals.price() ?? shopAov;
      const impact = shopConv !== null && aov !== null ? (visitors / products.dayCount) * shopConv * aov : null;
      if (drafts.wants(impact, p.name)) drafts.add(lazy(impact, p.name, () => {
        const params = { name: p.name, visitors: ctx.fmt(visitors, 0), money: impact !== null ? ctx.money(impact) : "—" };
        return makeFinding(this, {
          status,
          subject: p.name,
          subjectType: "product",
          metric: "visitors",
          value: visitors,
          benchmark: null,
          format: "integer",
          impact,
          message: ctx.t("zeroSales.found", params),
          todo: ctx.t("zeroSales.todo", params),
        });
      }));
    }
    if (judged === 0) return [];
    if (drafts.isEmpty()) {
      return [makeFinding(this, { status: "good", subjectType: "product", metric: "visitors", format: "integer", message: ctx.t("zeroSales.none") })];
    }
    return drafts.drafts(this, ctx, "product");
  },
};

/** presale-conversion: pre-sale items judged by order conversion, not their false 0 pay conversion. */
export const presaleConversion: Rule = {
  id: "presale-conversion",
  area: "conversion",
  run(ctx) {
    const products = ctx.products;
    if (!products) return [];
    const benchmark = ctx.peer.payConversion ?? ctx.shop?.totals.payConversion() ?? null;
    const drafts: Draft[] = [];
    for (const p of products.subjects) {
      if (!p.presale) continue;
      const visitors = p.totals.get("visitors");
      if (visitors === null || visitors <= 0) continue;
      const oc = p.totals.orderConversion();
      if (oc === null) {
        drafts.push(makeFinding(this, { status: "info", subject: p.name, subjectType: "product", metric: "orderConversion", format: "percent", message: ctx.t("presale.missing", { name: p.name }) }));
        continue;
      }
      if (benchmark === null) {
        drafts.push(makeFinding(this, { status: "info", subject: p.name, subjectType: "product", metric: "orderConversion", value: oc, format: "percent", message: ctx.t("presale.noBenchmark", { name: p.name, value: ctx.pct(oc) }) }));
        continue;
      }
      const status: Judged = stable(oc) >= stable(benchmark) ? "good" : "warn";
      const aov = p.totals.price() ?? ctx.shop?.totals.aov() ?? null;
      const impact = status === "warn" && aov !== null ? (benchmark - oc) * (visitors / products.dayCount) * aov : null;
      const params = { name: p.name, value: ctx.pct(oc), benchmark: ctx.pct(benchmark), money: impact !== null ? ctx.money(impact) : "—" };
      drafts.push(
        makeFinding(this, {
          status,
          subject: p.name,
          subjectType: "product",
          metric: "orderConversion",
          value: oc,
          benchmark,
          format: "percent",
          impact,
          message: ctx.t(status === "good" ? "presale.good" : "presale.low", params),
          todo: ctx.t("presale.todo", params),
        }),
      );
    }
    return topByImpact(this, ctx, drafts, "product");
  },
};

/** top-product-reviews: new bad reviews on the five highest-traffic products. */
export const topProductReviews: Rule = {
  id: "top-product-reviews",
  area: "reputation",
  run(ctx) {
    const out: Draft[] = [];
    // The shop export's low-score buyers (DSR综合低评分买家数) on its last day: yesterday's new ones.
    const days = ctx.shop?.days.filter((d) => d.date !== null && d.totals.get("badReviews") !== null) ?? [];
    if (days.length > 0) {
      const last = days[days.length - 1];
      const count = last.totals.get("badReviews")!;
      const status: Judged = count > 0 ? "warn" : "good";
      const params = { date: last.date!, count: ctx.fmt(count, 0) };
      out.push(makeFinding(this, { status, metric: "badReviews", value: count, benchmark: 0, format: "integer", message: ctx.t(status === "good" ? "reviews.shopClean" : "reviews.shopBad", params), todo: ctx.t("reviews.todoShop", params) }));
    }
    const products = ctx.products;
    if (!products) return out;
    const top = topN(products.subjects, TOP_PRODUCTS, (p) => p.totals.get("visitors") ?? 0);
    if (top.length === 0) return out;
    const hasReviews = top.some((p) => p.totals.get("badReviews") !== null);
    if (!hasReviews) {
      out.push(makeFinding(this, { status: "info", subjectType: "product", metric: "badReviews", format: "integer", message: ctx.t("reviews.check", { names: top.map((p) => p.name).join(", ") }) }));
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
};
