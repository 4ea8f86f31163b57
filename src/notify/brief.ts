/**
 * The morning brief: what a chat message says about a report (the same document the CLI's
 * `--json` prints). Pure: it reads the report and the catalogues, and nothing else. Every
 * amount is one the report states, worded with the basis the report gives it (per day, or for
 * the whole export); an action without an amount gets none.
 */
import { stakeLine } from "../engine/stake-text";
import { translate, type Report } from "../engine";
import { formatAmount } from "../engine/currency";
import type { MessageKey } from "../engine/i18n";
import { scoreBand } from "../engine/score";

export interface BriefAction {
  /** The to-do, as the report words it. */
  text: string;
  /** "涉及金额：每天约 ¥1,234" / "…: for this export about …", or null when the report states no amount. */
  money: string | null;
}

export interface Brief {
  title: string;
  /** "健康分：82（满分 100）— 状态良好", or the no-score line. */
  score: string;
  /** The band of the score (colours the card), or null without a score. */
  band: "good" | "warn" | "bad" | null;
  /** Why there is no score, when there is none. */
  scoreWhy: string | null;
  period: string;
  actionsTitle: string;
  actions: BriefAction[];
  /** Said instead of the actions when the report has none. */
  noActions: string;
  /** The words around the report's name: "完整报告：" + name + "" (each platform escapes the name its way). */
  report: { before: string; after: string };
  reportName: string;
  /** The report's address, when one was given and is an http(s) URL; the card's button opens it. */
  reportUrl: string | null;
  openReport: string;
}

export interface BriefOptions {
  /** What the report is called in the message (a file name, a sheet name). */
  reportName: string;
  /** Where the full report can be opened, if anywhere. */
  reportUrl?: string | null;
}

/** The actions a brief carries: the report's first three. */
export const BRIEF_ACTIONS = 3;

function scoreLines(report: Report, t: (key: MessageKey, params?: Record<string, string | number>) => string) {
  if (report.score === null) {
    return {
      score: `${t("ui.score.label")}: ${t("ui.score.notEnough")}`,
      band: null,
      scoreWhy: report.scoreReason?.message ?? null,
    };
  }
  const band = scoreBand(report.score);
  const verdict = t(band === "good" ? "ui.score.healthy" : band === "warn" ? "ui.score.watch" : "ui.score.sick");
  return {
    score: `${t("ui.score.label")}: ${report.score} (${t("ui.score.outOf")}) — ${verdict}`,
    band,
    scoreWhy: null,
  };
}

/** The text before and after the placeholder (a NUL stands for it). */
function around(text: string): { before: string; after: string } {
  const at = text.indexOf("\u0000");
  return at < 0 ? { before: text, after: "" } : { before: text.slice(0, at), after: text.slice(at + 1) };
}

/** The brief of `report`, in the report's language. */
export function buildBrief(report: Report, options: BriefOptions): Brief {
  const lang = report.language;
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const actions = report.actions.slice(0, BRIEF_ACTIONS).map((action) => ({
    text: action.message,
    // Worded as the sheet and the CLI word it: profit at stake with a Costs tab, else as always.
    money:
      action.impact !== null && Number.isFinite(action.impact) && action.impact > 0 && action.impactBasis !== null
        ? stakeLine(action, (amount) => formatAmount(amount, report.currency, 0), t)
        : null,
  }));
  return {
    title: t("notify.title"),
    ...scoreLines(report, t),
    period: report.period
      ? t("ui.period", { from: report.period.from, to: report.period.to, days: report.period.days })
      : t("ui.periodUnknown"),
    actionsTitle: t("ui.actions.title"),
    actions,
    noActions: t("ui.actions.none"),
    report: around(t("notify.report", { name: "\u0000" })),
    reportName: options.reportName,
    reportUrl: options.reportUrl ?? null,
    openReport: t("notify.openReport"),
  };
}
