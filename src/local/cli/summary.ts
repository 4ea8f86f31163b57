/**
 * The terminal summary of a Report: score, counts, today's actions, then the findings that
 * need attention, grouped worst first. Colour only when the output is a terminal and
 * NO_COLOR is unset, so pipes and logs get plain text.
 */
import { translate, undatedText, type Finding, type Report, type Status } from "../../engine";
import { LANGUAGE_TABLE } from "../../engine/i18n/languages";
import { scoreBand } from "../../engine/score";
import { formatAmount, type CurrencyCode } from "../../engine/currency";
import { DELTA_LABELS } from "../../engine/layout";
import type { FigureDelta } from "../../engine/report";
import { stakeLine, stakeShown } from "../../engine/stake-text";

export interface SummaryStyle {
  color: boolean;
}

/** Whether to colour: a TTY, NO_COLOR unset (no-color.org), FORCE_COLOR to override. */
export function wantsColor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false") return true;
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}

const ANSI: Record<Status | "bold" | "dim", string> = {
  bad: "\x1b[31m",
  warn: "\x1b[33m",
  good: "\x1b[32m",
  info: "\x1b[36m",
  bold: "\x1b[1m",
  dim: "\x1b[2m",
};
const RESET = "\x1b[0m";

const MARK: Record<Status, string> = { bad: "✖", warn: "▲", good: "✔", info: "ℹ" };
const ORDER: Status[] = ["bad", "warn", "info", "good"];

/** Money like the report shows it: the currency's symbol, placement and grouping, no decimals. */
export function formatMoney(amount: number, currency: CurrencyCode): string {
  return formatAmount(amount, currency, 0);
}

/** The summary as lines of text (coloured when `style.color`). */
export function renderSummary(report: Report, style: SummaryStyle): string {
  const lang = report.language;
  const paint = (kind: keyof typeof ANSI, text: string) => (style.color ? `${ANSI[kind]}${text}${RESET}` : text);
  const lines: string[] = [];
  const title = `${translate(lang, "ui.title")} · ${translate(lang, "report.title")}`;
  lines.push(paint("bold", title));
  lines.push(
    report.period
      ? translate(lang, "ui.period", { from: report.period.from, to: report.period.to, days: report.period.days })
      : translate(lang, "ui.periodUnknown"),
  );
  // Tables whose days nobody knows: their amounts are whole-export amounts, never per day.
  // With a period, also the tables whose days are unknown (their amounts are whole-export amounts).
  const undated = report.period ? undatedText(report, (key, params) => translate(lang, key, params)) : "";
  if (undated) lines.push(undated);
  const score = report.score;
  if (score !== null) {
    const scoreStatus: Status = scoreBand(score);
    const verdict = translate(
      lang,
      scoreStatus === "good" ? "ui.score.healthy" : scoreStatus === "warn" ? "ui.score.watch" : "ui.score.sick",
    );
    lines.push(
      `${translate(lang, "ui.score.label")}: ${paint(scoreStatus, `${score}`)} (${translate(lang, "ui.score.outOf")}) — ${verdict}`,
    );
  } else {
    // No score: say so, then why and which exports would make one possible.
    lines.push(`${translate(lang, "ui.score.label")}: ${translate(lang, "ui.score.notEnough")}`);
    if (report.scoreReason) lines.push(paint("dim", `  ${report.scoreReason.message}`));
  }
  lines.push(...sinceLastLines(report));
  const counts = ORDER.map((s) => paint(s, `${MARK[s]} ${translate(lang, `ui.status.${s}`)} ${report.counts[s] ?? 0}`));
  lines.push(counts.join("   "));
  lines.push("");

  // With a Costs tab the title says what the three are ranked by.
  const rankedBy =
    report.actionsRankedBy === undefined
      ? ""
      : translate(lang, report.actionsRankedBy === "profit" ? "layout.actionsByProfit" : "layout.actionsBySales");
  lines.push(paint("bold", translate(lang, "ui.actions.title") + rankedBy));
  if (report.actions.length === 0) lines.push(`  ${translate(lang, "ui.actions.none")}`);
  const money = (amount: number) => formatMoney(amount, report.currency);
  const say = (key: Parameters<typeof translate>[1], params: Record<string, string>) => translate(lang, key, params);
  report.actions.forEach((action, i) => {
    const line = action.impact !== null && action.impact > 0 ? stakeLine(action, money, say) : null;
    const impact = line !== null ? paint("dim", ` (${line})`) : "";
    lines.push(`  ${i + 1}. ${action.message}${impact}`);
  });
  lines.push("");

  const needing = report.findings.filter((f) => f.status !== "good");
  if (needing.length) {
    lines.push(paint("bold", translate(lang, "cli.findings")));
    const sorted = [...needing].sort(
      (a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || impactOf(b) - impactOf(a),
    );
    for (const finding of sorted) {
      // A finding's message states its money as the rule worked it out (profit already, for a loss); with a
      // Costs tab, the profit at stake of sales follows, or that the sales have no profit figure.
      const label = stakeShown(finding).label;
      const line = label === "profitOfSales" || label === "sales" ? stakeLine(finding, money, say) : null;
      const stake = line !== null ? paint("dim", ` (${line})`) : "";
      lines.push(`  ${paint(finding.status, MARK[finding.status])} ${findingLine(finding)}${stake}`);
    }
  }
  const good = report.findings.length - needing.length;
  if (good > 0) lines.push(paint("good", translate(lang, "cli.allGood", { count: good })));
  if (report.tables.length) {
    lines.push("");
    const separator = LANGUAGE_TABLE[lang].listSeparator;
    // Kinds in the reader's language, as the report sheet names them ("商品数据", not `products`).
    const tables = report.tables
      .map((t) =>
        translate(lang, "cli.table", {
          sheet: t.sheet,
          kind: translate(lang, `tableKind.${t.kind}`),
          rows: translate(lang, "cli.rows", { count: t.rows }),
        }),
      )
      .join(separator);
    lines.push(paint("dim", translate(lang, "cli.tables", { tables })));
  }
  return lines.join("\n") + "\n";
}

/**
 * "Since the last diagnosis" in a few lines (the report sheet and --out page show the full block):
 * what it is compared with, each figure then → now with its change, and how many problems are new
 * or fixed. A figure missing on either side is left out here; the full block says why.
 */
function sinceLastLines(report: Report): string[] {
  const since = report.sinceLast;
  const lang = report.language;
  if (!since || since.notRecorded || !since.previous) return [];
  const p = since.previous;
  const period = p.from && p.to ? `${p.from} ~ ${p.to}` : translate(lang, "layout.since.undated");
  const lines = [
    `${translate(lang, "layout.since.title")}: ${translate(lang, "layout.since.previous", { ranAt: p.ranAt, period })}`,
  ];
  for (const delta of since.deltas) {
    if (delta.before === null || delta.now === null || delta.change === null || delta.missing !== null) continue;
    const show = (v: number) => figureText(delta.metric, v, report.currency);
    const sign = delta.change > 0 ? "+" : delta.change < 0 ? "-" : "";
    const change =
      delta.metric === "conversion"
        ? `${sign}${(Math.abs(delta.change) * 100).toFixed(2)} ${translate(lang, "layout.since.pp")}`
        : `${sign}${show(Math.abs(delta.change))}`;
    lines.push(
      `  ${translate(lang, DELTA_LABELS[delta.metric])}: ${show(delta.before)} → ${show(delta.now)} (${change})`,
    );
  }
  const f = since.findings;
  if (f.known && (f.added.length || f.fixed.length))
    lines.push(
      `  ${translate(lang, "layout.since.added", { count: f.added.length })} · ${translate(lang, "layout.since.fixed", { count: f.fixed.length })}`,
    );
  return lines;
}

function figureText(metric: FigureDelta["metric"], value: number, currency: CurrencyCode): string {
  if (metric === "sales" || metric === "aov" || metric === "netProfit") return formatAmount(value, currency, 2);
  if (metric === "conversion") return `${(value * 100).toFixed(2)}%`;
  return Math.round(value).toLocaleString("en-US");
}

function impactOf(finding: Finding): number {
  return finding.impact ?? 0;
}

function findingLine(finding: Finding): string {
  // The message usually names its subject already; a whole-shop or whole-table finding has no name to add.
  const generic = finding.subjectType === "shop" || finding.subject === "";
  return generic || finding.message.includes(finding.subject)
    ? finding.message
    : `${finding.subject}: ${finding.message}`;
}
