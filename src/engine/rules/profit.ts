/**
 * Profit rules (issue 14): products that lose money or keep too little once refunds, fees, cost
 * of goods and their ad spend are paid, and the Costs tab's own problems (unusable cells,
 * products it does not list), each said once.
 */
import { LANGUAGE_TABLE } from "../i18n/languages";
import { basedKey, basisOf, makeFinding, perDay, stable, type Draft, type RuleContext } from "./context";
import { defineRule, fixed, fromSetting, type Rule } from "./define";
import { MAX_SUBJECT_FINDINGS } from "./limits";
import { profitPicture, type CostProblem, type ProductProfit, type ProfitPicture } from "./profit-context";
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

/** What the figures rest on: estimated units, refunds from the setting or none. */
function caveats(ctx: RuleContext, p: ProductProfit): string {
  let text = "";
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
  needs: { kinds: ["costs", "products"], fields: ["unitCost", "sales", "units", "price", "refundAmount"] },
  summary:
    "net profit = sales − refunds − ({platformFee} + {paymentFee}) of the rest − units × unit cost − mapped ad spend: < 0 ✖ (profit lost per day); < {thinMargin} of sales ▲",
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
    return out;
  },
});

const COSTS = {
  maxCells: fixed(8, "cells", "unusable cost cells quoted before the rest are counted"),
  maxNames: fixed(8, "products", "products without costs named before the rest are counted"),
};

function problemText(ctx: RuleContext, p: CostProblem): string {
  if (p.reason === "text") return ctx.t("costs.cellText", { cell: p.cell, text: p.shown });
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
    "a cost cell that is text, negative or above the price ▲ (named by cell; its product judged without profit); products with sales missing from the Costs tab ▲ (one finding)",
  thresholds: COSTS,
  messages: [
    "costs.badCells",
    "costs.cellText",
    "costs.cellNegative",
    "costs.cellAbovePrice",
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
