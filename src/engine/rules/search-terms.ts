/**
 * search-terms-no-sales: in an ad report keyed by the buyer's search term (Amazon Sponsored
 * Products search term report: Campaign Name, Ad Group Name, Targeting, Customer Search Term,
 * Spend, 7 Day Total Sales …), the terms the ads paid for that sold nothing. One subject per
 * term: the same term matched in two ad groups or campaigns is one finding, its spend summed,
 * its campaigns named as context.
 */
import { LANGUAGE_TABLE } from "../i18n/languages";
import type { RecognizedTable } from "../tables";
import { basedKey, basisOf, groupRows, makeFinding, perDay, type RuleContext } from "./context";
import { defineRule } from "./define";
import { MAX_SUBJECT_FINDINGS } from "./limits";
import { lazy, TopList } from "./top";

const SEARCH_TERMS = {
  maxTerms: MAX_SUBJECT_FINDINGS,
};

/** Campaigns named in a finding before the rest are counted as `+N`. */
const MAX_CAMPAIGNS_NAMED = 3;

/** An ad report whose rows are search terms with their spend and ad sales. */
export function isSearchTermAdTable(t: RecognizedTable): boolean {
  return t.kind === "ad-plans" && "searchTerm" in t.columns && "spend" in t.columns && "adSales" in t.columns;
}

/**
 * The search-term tables grouped by term. Like every other group, its compareTo windows leave the
 * Events tab's days out (ctx.isEventDay); the totals judged here cover the whole export.
 */
export function searchTermGroup(ctx: RuleContext, tables = ctx.tables.filter(isSearchTermAdTable)) {
  return groupRows(tables, ["searchTerm"], ctx.settings.compareTo, ctx.isEventDay);
}

/** search-terms-no-sales: search terms with ad spend and no ad sales, most spend first. */
export const searchTermsNoSales = defineRule({
  id: "search-terms-no-sales",
  area: "ads",
  needs: { kinds: ["ad-plans"], fields: ["searchTerm", "plan", "spend", "adSales"] },
  summary:
    "a search term with spend and no ad sales (summed over its ad groups and campaigns) ▲, its spend the money at stake; the {maxTerms} with most spend are listed",
  thresholds: SEARCH_TERMS,
  messages: [
    "searchTerm.noSales",
    "searchTerm.noSales.export",
    "searchTerm.todo",
    "searchTerm.none",
    "common.more",
    "common.more.export",
  ],
  run(ctx) {
    const tables = ctx.tables.filter(isSearchTermAdTable);
    const terms = searchTermGroup(ctx, tables);
    if (!terms || terms.subjects.length === 0) return [];
    const campaigns = campaignsByTerm(tables);
    const basis = basisOf(terms.dayCount);
    const wasted = new TopList(SEARCH_TERMS.maxTerms.value);
    let paid = 0;
    for (const term of terms.subjects) {
      const spend = term.totals.get("spend");
      if (spend === null || spend <= 0) continue;
      const sales = term.totals.get("adSales");
      // Blank sales cells say nothing: only a term whose sales were read as 0 sold nothing.
      if (sales === null) continue;
      paid++;
      if (sales > 0) continue;
      const impact = perDay(spend, terms.dayCount);
      if (!wasted.wants(impact, term.name)) continue;
      wasted.add(
        lazy(impact, term.name, () => {
          const params = {
            name: term.name,
            campaigns: campaignText(ctx, campaigns.get(term.key)),
            money: ctx.money(impact),
          };
          return makeFinding(this, {
            status: "warn",
            subject: term.name,
            subjectType: "searchTerm",
            metric: "termSpend",
            value: impact,
            benchmark: 0,
            format: "currency",
            impact,
            basis,
            message: ctx.t(basedKey("searchTerm.noSales", basis), params),
            todo: ctx.t("searchTerm.todo", params),
          });
        }),
      );
    }
    if (!wasted.isEmpty()) return wasted.drafts(this, ctx, "searchTerm");
    if (paid === 0) return [];
    return [
      makeFinding(this, {
        status: "good",
        subjectType: "searchTerm",
        metric: "termSpend",
        value: 0,
        benchmark: 0,
        format: "currency",
        message: ctx.t("searchTerm.none"),
      }),
    ];
  },
});

/** Each term's campaigns (the ad plan column), largest spend on the term first, ties in table order. */
function campaignsByTerm(tables: readonly RecognizedTable[]): Map<string, string[]> {
  const spendBy = new Map<string, Map<string, number>>();
  for (const t of tables) {
    for (const row of t.rows) {
      const term = row.searchTerm;
      const plan = row.plan;
      if (term === null || term === undefined || term === "") continue;
      if (plan === null || plan === undefined || String(plan).trim() === "") continue;
      const key = String(term);
      let plans = spendBy.get(key);
      if (!plans) {
        plans = new Map();
        spendBy.set(key, plans);
      }
      const spend = typeof row.spend === "number" && Number.isFinite(row.spend) ? row.spend : 0;
      const name = String(plan).trim();
      plans.set(name, (plans.get(name) ?? 0) + spend);
    }
  }
  const out = new Map<string, string[]>();
  for (const [term, plans] of spendBy) {
    const order = [...plans.entries()].map(([name, spend], i) => ({ name, spend, i }));
    order.sort((a, b) => b.spend - a.spend || a.i - b.i);
    out.set(
      term,
      order.map((o) => o.name),
    );
  }
  return out;
}

/** `SP - Gloves - Broad, SP - Gloves - Exact +2`: the campaigns named, the rest counted; "—" when none. */
function campaignText(ctx: RuleContext, names: readonly string[] | undefined): string {
  if (!names || names.length === 0) return "—";
  const shown = names.slice(0, MAX_CAMPAIGNS_NAMED).join(LANGUAGE_TABLE[ctx.language].listSeparator);
  const rest = names.length - MAX_CAMPAIGNS_NAMED;
  return rest > 0 ? `${shown} +${rest}` : shown;
}
