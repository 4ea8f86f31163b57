/**
 * How a finding's or action's money is labelled (rules/stake.ts decides what it is): the report
 * sheet's impact cell, the CLI summary, the morning brief and the sidebar all word it from here.
 * Without a Costs tab (no stakeBasis) and for spend, the label is today's "money at stake".
 */
import type { Finding } from "./report";

/** The money fields of a finding or an action. */
export type Staked = Pick<Finding, "impact" | "impactBasis" | "profitAtStake" | "stakeBasis" | "stakeMargin">;

/**
 * - plain: the money as stated, labelled as before profit existed (no Costs tab, or spend);
 * - profit: already profit (nothing was multiplied);
 * - profitOfSales: sales × margin, shown with the sales it comes from;
 * - sales: sales, no profit figure known for it.
 */
export type StakeLabel = "plain" | "profit" | "profitOfSales" | "sales";

export interface StakeShown {
  label: StakeLabel;
  /** The figure shown (profit at stake for profit labels, else impact); null without one. */
  amount: number | null;
  /** The sales a profitOfSales figure comes from; null otherwise. */
  sales: number | null;
}

/** Which figure a finding or action shows, and with which label. */
export function stakeShown(item: Staked): StakeShown {
  if (item.stakeBasis === "profit" && typeof item.profitAtStake === "number") {
    return typeof item.stakeMargin === "number"
      ? { label: "profitOfSales", amount: item.profitAtStake, sales: item.impact }
      : { label: "profit", amount: item.profitAtStake, sales: null };
  }
  if (item.stakeBasis === "sales") return { label: "sales", amount: item.impact, sales: null };
  return { label: "plain", amount: item.impact, sales: null };
}

/** The one-line text keys ("Profit at stake: about ¥1,730 a day (¥5,768 in sales)"), per label and basis. */
const LINE_KEYS = {
  plain: ["ui.impact.perDay", "ui.impact.perDay.export"],
  profit: ["ui.impact.profit", "ui.impact.profit.export"],
  profitOfSales: ["ui.impact.profitOfSales", "ui.impact.profitOfSales.export"],
  sales: ["ui.impact.sales", "ui.impact.sales.export"],
} as const satisfies Record<StakeLabel, readonly [string, string]>;

export type StakeLineKey = (typeof LINE_KEYS)[StakeLabel][number];

/**
 * The one-line label of an item's money, or null when it has no positive amount to show.
 * `money` formats an amount in the report currency; `t` is the caller's translate.
 */
export function stakeLine(
  item: Staked,
  money: (amount: number) => string,
  t: (key: StakeLineKey, params: Record<string, string>) => string,
): string | null {
  const shown = stakeShown(item);
  if (shown.amount === null || !Number.isFinite(shown.amount) || !(shown.amount > 0)) return null;
  const key = LINE_KEYS[shown.label][item.impactBasis === "export" ? 1 : 0];
  const params: Record<string, string> = { amount: money(shown.amount) };
  if (shown.sales !== null) params.sales = money(shown.sales);
  return t(key, params);
}
