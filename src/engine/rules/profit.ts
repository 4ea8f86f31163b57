/**
 * Profit rules (issue 14): products that lose money or keep too little once refunds, fees, cost
 * of goods and their ad spend are paid, and the Costs tab's own problems (unusable cells,
 * products it does not list), each said once.
 */
import { LANGUAGE_TABLE } from "../i18n/languages";
import { basedKey, basisOf, makeFinding, perDay, stable, type Draft, type RuleContext, type Subject } from "./context";
import { defineRule, fixed, fromSetting, type Rule } from "./define";
import { MAX_SUBJECT_FINDINGS } from "./limits";
import * as metrics from "../metrics";
import {
  platformCoverOf,
  profitPicture,
  shopRefundRate,
  stockOf,
  type CostProblem,
  type ProductProfit,
  type ProfitPicture,
} from "./profit-context";
import { lazy, TopList } from "./top";

const PROFIT = {
  thinMargin: fixed(0.1, "share", "a product keeping less than this share of its sales as net profit is ▲"),
  platformFee: fromSetting("platformFeeRate", "share", "the platform's commission, taken off what is not refunded"),
  paymentFee: fromSetting("paymentFeeRate", "share", "the payment fee, added to the platform's"),
  refund: fromSetting("defaultRefundRate", "share", "refunds of a product whose export has no refund column"),
  maxListed: MAX_SUBJECT_FINDINGS,
};

/** The figures a product's message quotes. */
function moneyParams(ctx: RuleContext, p: ProductProfit, days: number | null) {
  return {
    name: p.subject.name,
    sales: ctx.money(p.sales),
    refunds: ctx.money(p.refunds),
    fees: ctx.money(p.fees),
    cogs: ctx.money(p.cogs),
    ads: ctx.money(p.adSpend),
    net: ctx.money(p.net),
    perUnit: ctx.money(p.net / p.units),
    margin: ctx.pct(p.net / p.sales),
    money: ctx.money(perDay(-p.net, days)),
  };
}

/** What the figures rest on: where the ad spend came from, estimated units, refunds from the setting or none. */
function caveats(ctx: RuleContext, p: ProductProfit): string {
  let text = "";
  if (p.adFrom === "export") {
    const params = { ads: ctx.money(p.adSpend), sheets: p.adSheets.map((s) => `「${s}」`).join("") };
    text += ctx.t(p.adPlansSkipped ? "profit.adsExportOverPlans" : "profit.adsFromExport", params);
  }
  if (p.feesCharged !== null) {
    const columns = p.feeColumns.join(LANGUAGE_TABLE[ctx.language].listSeparator);
    text +=
      p.feesCharged === "all"
        ? ctx.t("profit.feesFromExport", { fees: ctx.money(p.fees), columns })
        : ctx.t("profit.paymentFeesFromExport", { fees: ctx.money(p.paymentFees), columns });
  }
  if (p.unitsEstimated) text += ctx.t("profit.unitsEstimated", { units: ctx.fmt(p.units, 0) });
  if (p.refundsFrom === "setting")
    text += ctx.t("profit.refundsAssumed", { rate: ctx.pct(ctx.settings.defaultRefundRate ?? 0) });
  else if (p.refundsFrom === "none") text += ctx.t("profit.noRefunds");
  return text;
}

function lossDraft(rule: Rule, ctx: RuleContext, p: ProductProfit, days: number | null): Draft {
  const basis = basisOf(days);
  const params = moneyParams(ctx, p, days);
  return makeFinding(rule, {
    status: "bad",
    subject: p.subject.name,
    subjectType: "product",
    metric: "netProfit",
    value: perDay(p.net, days),
    benchmark: 0,
    format: "currency",
    impact: perDay(-p.net, days),
    basis,
    message: ctx.t(basedKey("profit.loss", basis), params) + caveats(ctx, p),
    todo: ctx.t(basedKey("profit.todoLoss", basis), params),
  });
}

function thinDraft(rule: Rule, ctx: RuleContext, p: ProductProfit, days: number | null): Draft {
  const params = moneyParams(ctx, p, days);
  return makeFinding(rule, {
    status: "warn",
    subject: p.subject.name,
    subjectType: "product",
    metric: "netProfit",
    value: p.net / p.sales,
    benchmark: PROFIT.thinMargin.value,
    format: "percent",
    message: ctx.t("profit.thin", params) + caveats(ctx, p),
    todo: ctx.t("profit.todoThin", params),
  });
}

/** ℹ once: ad exports keyed by product whose days differ from the products', so their spend was not subtracted. */
function adPeriodNote(rule: Rule, ctx: RuleContext, picture: ProfitPicture): Draft[] {
  const skipped = picture.adSkipped;
  if (skipped.length === 0) return [];
  const unstated = ctx.t("profit.daysUnstated");
  const sheets = skipped
    .map((s) => `「${s.sheet}」(${s.period ?? unstated})`)
    .join(LANGUAGE_TABLE[ctx.language].listSeparator);
  const params = { count: skipped.length, sheets, productsPeriod: skipped[0].productsPeriod ?? unstated };
  return [
    makeFinding(rule, {
      status: "info",
      subject: skipped[0].sheet,
      subjectType: "sheet",
      metric: "netProfit",
      format: "currency",
      message: ctx.t("profit.adsOtherPeriod", params),
    }),
  ];
}

/** ✔ when every costed product makes at least the thin-margin share. */
function allFine(rule: Rule, ctx: RuleContext, picture: ProfitPicture): Draft {
  let sales = 0;
  let net = 0;
  for (const p of picture.products) {
    sales += p.sales;
    net += p.net;
  }
  return makeFinding(rule, {
    status: "good",
    subjectType: "product",
    metric: "netProfit",
    value: net / sales,
    benchmark: PROFIT.thinMargin.value,
    format: "percent",
    message: ctx.t("profit.allFine", { net: ctx.money(net), sales: ctx.money(sales), margin: ctx.pct(net / sales) }),
  });
}

/** product-profit: ✖ a product whose net profit is below 0, ▲ one keeping under thinMargin of its sales. */
export const productProfit = defineRule({
  id: "product-profit",
  area: "products",
  needs: {
    kinds: ["costs", "products", "orders"],
    fields: ["unitCost", "sales", "units", "price", "refundAmount", "refundRate", "returns", "saleFees", "paymentFees"],
  },
  summary:
    "net profit = sales − refunds − ({platformFee} + {paymentFee}) of the rest (the export's own charges where it has them: Mercado Libre's Cargo por venta for both, Etsy's Card Processing Fees for the payment fee) − units × unit cost − ad spend (an ad export's rows keyed by the product's id, SKU or name over the same days, else the plans the Costs tab maps to it; never both): < 0 ✖ (profit lost per day); < {thinMargin} of sales ▲",
  thresholds: PROFIT,
  messages: [
    "profit.loss",
    "profit.loss.export",
    "profit.todoLoss",
    "profit.todoLoss.export",
    "profit.thin",
    "profit.todoThin",
    "profit.allFine",
    "profit.unitsEstimated",
    "profit.refundsAssumed",
    "profit.noRefunds",
    "profit.feesFromExport",
    "profit.paymentFeesFromExport",
    "profit.adsFromExport",
    "profit.adsExportOverPlans",
    "profit.adsOtherPeriod",
    "profit.daysUnstated",
    "common.more",
    "common.more.export",
  ],
  run(ctx) {
    const picture = profitPicture(ctx);
    if (!picture || picture.products.length === 0) return [];
    const days = picture.dayCount;
    const losing = new TopList(PROFIT.maxListed.value);
    const thin: ProductProfit[] = [];
    for (const p of picture.products) {
      if (stable(p.net) < 0) {
        const impact = perDay(-p.net, days);
        if (losing.wants(impact, p.subject.name))
          losing.add(lazy(impact, p.subject.name, () => lossDraft(this, ctx, p, days)));
      } else if (stable(p.net / p.sales) < PROFIT.thinMargin.value) thin.push(p);
    }
    const out = losing.isEmpty() ? [] : losing.drafts(this, ctx, "product");
    thin.sort((a, b) => a.net / a.sales - b.net / b.sales || (a.subject.name < b.subject.name ? -1 : 1));
    for (const p of thin.slice(0, PROFIT.maxListed.value)) out.push(thinDraft(this, ctx, p, days));
    if (out.length === 0) out.push(allFine(this, ctx, picture));
    out.push(...adPeriodNote(this, ctx, picture));
    return out;
  },
});

const COSTS = {
  maxCells: fixed(8, "cells", "unusable cost cells quoted before the rest are counted"),
  maxNames: fixed(8, "products", "products without costs named before the rest are counted"),
};

function problemText(ctx: RuleContext, p: CostProblem): string {
  if (p.reason === "text") return ctx.t("costs.cellText", { cell: p.cell, text: p.shown });
  if (p.reason === "blank") return ctx.t("costs.cellBlank", { cell: p.cell });
  if (p.reason === "negative") return ctx.t("costs.cellNegative", { cell: p.cell, value: p.shown });
  return ctx.t("costs.cellAbovePrice", {
    cell: p.cell,
    value: ctx.money(Number(p.shown)),
    price: ctx.money(p.price ?? 0),
  });
}

/** The first `max` items joined, then "…" when there are more. */
function shortList(items: string[], max: number, separator: string): string {
  const shown = items.slice(0, max).join(separator);
  return items.length > max ? `${shown}${separator}…` : shown;
}

/** cost-data: one ▲ for the Costs tab's unusable cells (by cell), one ▲ for the products it does not list. */
export const costData = defineRule({
  id: "cost-data",
  area: "data",
  needs: { kinds: ["costs"], fields: ["unitCost", "shippingCost", "packagingCost", "price"] },
  summary:
    "a cost cell that is text, negative or above the price, or a blank unit cost ▲ (named by cell; its product judged without profit); products with sales missing from the Costs tab ▲ (one finding)",
  thresholds: COSTS,
  messages: [
    "costs.badCells",
    "costs.cellText",
    "costs.cellNegative",
    "costs.cellAbovePrice",
    "costs.cellBlank",
    "costs.missing",
    "costs.todoMissing",
  ],
  run(ctx) {
    const picture = profitPicture(ctx);
    if (!picture) return [];
    const out: Draft[] = [];
    if (picture.problems.length > 0) {
      const texts = picture.problems.map((p) => problemText(ctx, p));
      const cells = shortList(texts, COSTS.maxCells.value, LANGUAGE_TABLE[ctx.language].clauseSeparator);
      out.push(
        makeFinding(this, {
          status: "warn",
          subject: picture.costsSheet,
          subjectType: "sheet",
          metric: "costData",
          value: picture.problems.length,
          format: "integer",
          message: ctx.t("costs.badCells", { count: picture.problems.length, cells }),
        }),
      );
    }
    if (picture.missing.length > 0) {
      const params = {
        count: picture.missing.length,
        sheet: picture.costsSheet,
        names: shortList(picture.missing, COSTS.maxNames.value, LANGUAGE_TABLE[ctx.language].listSeparator),
      };
      out.push(
        makeFinding(this, {
          status: "warn",
          subject: `${picture.costsSheet} ∅`,
          subjectType: "sheet",
          metric: "costData",
          value: picture.missing.length,
          format: "integer",
          message: ctx.t("costs.missing", params),
          todo: ctx.t("costs.todoMissing", params),
        }),
      );
    }
    return out;
  },
});

const STOCK = {
  coverDays: fixed(7, "days", "a top seller whose stock lasts fewer days than this at its selling rate is ▲ restock"),
  topSellers: fixed(5, "products", "the best-selling products whose stock is checked"),
};

/** One top seller's days of cover: from its stock and selling rate, else the export's own 可售天数. */
function coverOf(
  s: Subject,
  days: number,
  stock: Map<Subject, number>,
  platform: Map<Subject, number>,
): { cover: number; left: number | null; units: number | null } | null {
  const sales = s.get("sales") ?? 0;
  const price = s.price();
  const units = s.get("units") ?? (price !== null && price > 0 ? sales / price : null);
  const left = stock.get(s);
  if (left !== undefined) {
    if (units === null || units <= 0) return null;
    const cover = metrics.daysOfCover(left, units, days);
    return cover === null ? null : { cover, left, units };
  }
  const exported = platform.get(s);
  return exported === undefined ? null : { cover: exported, left: null, units };
}

/**
 * stock-cover: ▲ restock a top seller whose stock lasts under coverDays, with its sales at risk per
 * day. Stock ÷ units sold a day; a product without a stock figure but with the platform's own days of
 * cover (可售天数) is judged on that figure, and the message says so.
 */
export const stockCover = defineRule({
  id: "stock-cover",
  area: "products",
  needs: { kinds: ["products", "costs"], fields: ["stock", "daysOfCover", "sales", "units", "price"] },
  summary:
    "stock ÷ units sold per day (else the export's own days of cover, 可售天数) < {coverDays} days for one of the {topSellers} best sellers ▲ restock (sales at risk per day); needs the days of the data",
  thresholds: STOCK,
  messages: ["stock.low", "stock.lowPlatform", "stock.todo"],
  run(ctx) {
    const products = ctx.products;
    const days = products?.dayCount ?? null;
    if (!products || days === null) return [];
    const stock = stockOf(ctx);
    const platform = platformCoverOf(ctx);
    if (stock.size === 0 && platform.size === 0) return [];
    const top = [...products.subjects]
      .filter((s) => (s.get("sales") ?? 0) > 0)
      .sort((a, b) => (b.get("sales") ?? 0) - (a.get("sales") ?? 0) || (a.name < b.name ? -1 : 1))
      .slice(0, STOCK.topSellers.value);
    const out: Draft[] = [];
    for (const s of top) {
      const found = coverOf(s, days, stock, platform);
      if (found === null || stable(found.cover) >= STOCK.coverDays.value) continue;
      const { cover, left, units } = found;
      const sales = s.get("sales") ?? 0;
      const params = {
        name: s.name,
        stock: left === null ? "" : ctx.fmt(left, 0),
        cover: ctx.fmt(cover, 1),
        rate: units === null ? "" : ctx.fmt(units / days, 1),
        money: ctx.money(sales / days),
      };
      out.push(
        makeFinding(this, {
          status: "warn",
          subject: s.name,
          subjectType: "product",
          metric: "daysOfCover",
          value: cover,
          benchmark: STOCK.coverDays.value,
          format: "number",
          impact: sales / days,
          basis: "day",
          message: ctx.t(left === null ? "stock.lowPlatform" : "stock.low", params),
          todo: ctx.t("stock.todo", params),
        }),
      );
    }
    return out;
  },
});

const REFUNDS = {
  norm: fromSetting(
    "defaultRefundRate",
    "share",
    "the team's usual refund rate; without one, 20 %: published return-rate bands call 10–20 % typical and above 20 % worth investigating (patternowl.com e-commerce return-rate benchmarks; apparel runs 30–40 %)",
  ),
  fallback: fixed(0.2, "share", "the line used when the team has set no default refund rate"),
  badMultiple: fixed(1.5, "multiple", "a refund rate at this multiple of the line or more is ✖"),
};

/** refund-rate: the exports' refunds ÷ sales against the team's default (else 20 %): above ▲, 1.5 × above ✖. */
export const refundRateRule = defineRule({
  id: "refund-rate",
  area: "sales",
  needs: { kinds: ["shop-daily", "products"], fields: ["refundAmount", "refundRate", "returns", "sales"] },
  summary:
    "refunds ÷ sales before refunds from the exports (refund amount or rate; else Returns, which Shopify and WooCommerce have already taken out of Total sales) > {norm} (else {fallback}) ▲; ≥ {badMultiple} that line ✖, with the refunds above the line per day",
  thresholds: REFUNDS,
  messages: ["refunds.high", "refunds.high.export", "refunds.todo"],
  run(ctx) {
    const found = shopRefundRate(ctx);
    if (!found || found.from !== "export") return [];
    const line = ctx.settings.defaultRefundRate ?? REFUNDS.fallback.value;
    const rate = found.rate;
    if (stable(rate) <= line) return [];
    const days = ctx.shop?.dayCount ?? ctx.products?.dayCount ?? null;
    const sales = found.sales;
    const impact = perDay((rate - line) * sales, days);
    const basis = basisOf(days);
    const params = { rate: ctx.pct(rate), line: ctx.pct(line), money: ctx.money(impact) };
    return [
      makeFinding(this, {
        status: stable(rate) >= stable(line * REFUNDS.badMultiple.value) ? "bad" : "warn",
        metric: "refundRate",
        value: rate,
        benchmark: line,
        format: "percent",
        impact,
        basis,
        message: ctx.t(basedKey("refunds.high", basis), params),
        todo: ctx.t("refunds.todo", params),
      }),
    ];
  },
});
