/**
 * The brief as each chat platform's incoming webhook expects it, within its length limits:
 * - 飞书 Feishu / Lark: an interactive card (`msg_type: "interactive"`, `card.header`, `card.elements`);
 *   report text goes in `plain_text` elements, so nothing from the data is read as markup.
 *   The request body stays under 20 KB, the custom bot's limit.
 * - 钉钉 DingTalk: `msgtype: "markdown"`, `markdown: { title, text }`. The robot refuses a body over
 *   20,000 bytes (errcode 460101, "message too long, exceed 20000 bytes"); its documentation gives
 *   no markdown length, and very long markdown is reported to render as plain text, so the text
 *   is kept within 4,096 bytes (WeCom's limit) — far more than a brief needs.
 * - 企业微信 WeCom: `msgtype: "markdown"`, `markdown.content` of at most 4,096 UTF-8 bytes.
 * - Slack: `blocks` (a `header` of at most 150 characters, `section`s of mrkdwn text of at most
 *   3,000 characters each, a `context` line) and a plain `text` fallback for notifications.
 * Pure: builds JSON-ready objects, posts nothing.
 */
import type { Brief } from "./brief";
import { byteLength, charLength, escapeMarkdown, escapeSlack, oneLine, truncateBytes, truncateChars } from "./text";

export const PLATFORMS = ["feishu", "lark", "dingtalk", "wecom", "slack"] as const;
export type Platform = (typeof PLATFORMS)[number];

/** The limits each payload is held to (documented by the platform unless the comment above says otherwise). */
export const LIMITS = {
  feishuBodyBytes: 20_000,
  dingtalkBodyBytes: 20_000,
  dingtalkTextBytes: 4096,
  wecomContentBytes: 4096,
  slackHeaderChars: 150,
  slackSectionChars: 3000,
  slackFallbackChars: 3000,
} as const;

/** How long a piece of report text (an action, a reason, the report's name) may be, longest first. */
const BUDGETS = [600, 300, 150, 80, 40];

type Cut = (text: string) => string;

interface Renderer {
  render(brief: Brief, cut: Cut): unknown;
  fits(payload: unknown): boolean;
}

const FEISHU_TEMPLATE = { good: "green", warn: "orange", bad: "red" } as const;

function plain(content: string) {
  return { tag: "plain_text", content };
}

function feishuCard(brief: Brief, cut: Cut) {
  const elements: unknown[] = [{ tag: "div", text: plain(brief.score) }];
  if (brief.scoreWhy) elements.push({ tag: "div", text: plain(oneLine(cut(brief.scoreWhy))) });
  elements.push({ tag: "note", elements: [plain(brief.period)] }, { tag: "hr" });
  elements.push({ tag: "div", text: { tag: "lark_md", content: `**${brief.actionsTitle}**` } });
  if (brief.actions.length === 0) elements.push({ tag: "div", text: plain(brief.noActions) });
  brief.actions.forEach((a, i) => {
    const text = `${i + 1}. ${oneLine(cut(a.text))}${a.money ? `\n${a.money}` : ""}`;
    elements.push({ tag: "div", text: plain(text) });
  });
  elements.push({ tag: "hr" });
  const name = oneLine(cut(brief.reportName));
  elements.push({ tag: "note", elements: [plain(`${brief.report.before}${name}${brief.report.after}`)] });
  if (brief.reportUrl) {
    const button = { tag: "button", text: plain(brief.openReport), type: "primary", url: brief.reportUrl };
    elements.push({ tag: "action", actions: [button] });
  }
  return {
    msg_type: "interactive",
    card: {
      config: { wide_screen_mode: true },
      header: { template: brief.band ? FEISHU_TEMPLATE[brief.band] : "grey", title: plain(brief.title) },
      elements,
    },
  };
}

/** A markdown link whose address cannot end the link early. */
function markdownLink(name: string, url: string): string {
  return `[${name}](${url.replace(/\(/g, "%28").replace(/\)/g, "%29")})`;
}

/** The brief as DingTalk / WeCom markdown; `score` colours the score line (WeCom's <font>). */
function markdownText(brief: Brief, cut: Cut, score: (line: string) => string): string {
  const lines = [`### ${escapeMarkdown(brief.title)}`, score(escapeMarkdown(brief.score))];
  if (brief.scoreWhy) lines.push(escapeMarkdown(cut(brief.scoreWhy)));
  lines.push(`> ${escapeMarkdown(brief.period)}`, `**${escapeMarkdown(brief.actionsTitle)}**`);
  if (brief.actions.length === 0) lines.push(escapeMarkdown(brief.noActions));
  brief.actions.forEach((a, i) => {
    lines.push(`${i + 1}. ${escapeMarkdown(cut(a.text))}${a.money ? `  \n   **${escapeMarkdown(a.money)}**` : ""}`);
  });
  const name = escapeMarkdown(cut(brief.reportName));
  const link = brief.reportUrl ? markdownLink(name, brief.reportUrl) : name;
  lines.push(`${escapeMarkdown(brief.report.before)}${link}${escapeMarkdown(brief.report.after)}`);
  // A blank line between blocks: both platforms render a single \n inside a paragraph as a space.
  return lines.join("\n\n");
}

const WECOM_COLOUR = { good: "info", warn: "warning", bad: "warning" } as const;

function slackPayload(brief: Brief, cut: Cut) {
  const name = escapeSlack(cut(brief.reportName));
  const link = brief.reportUrl ? `<${brief.reportUrl.replace(/\|/g, "%7C")}|${name}>` : name;
  const actions = brief.actions.length
    ? brief.actions.map(
        (a, i) => `${i + 1}. ${escapeSlack(cut(a.text))}${a.money ? `\n      _${escapeSlack(a.money)}_` : ""}`,
      )
    : [escapeSlack(brief.noActions)];
  const head = [`*${escapeSlack(brief.score)}*`];
  if (brief.scoreWhy) head.push(escapeSlack(cut(brief.scoreWhy)));
  head.push(escapeSlack(brief.period));
  // The fallback is mrkdwn too (notifications, old clients): escaped like the blocks.
  const fallback = [brief.title, brief.score, ...brief.actions.map((a, i) => `${i + 1}. ${cut(a.text)}`)].map(
    escapeSlack,
  );
  return {
    text: truncateChars(fallback.join("\n"), LIMITS.slackFallbackChars),
    blocks: [
      {
        type: "header",
        text: { type: "plain_text", text: truncateChars(oneLine(brief.title), LIMITS.slackHeaderChars), emoji: true },
      },
      { type: "section", text: { type: "mrkdwn", text: head.join("\n") } },
      { type: "divider" },
      {
        type: "section",
        text: { type: "mrkdwn", text: [`*${escapeSlack(brief.actionsTitle)}*`, ...actions].join("\n") },
      },
      {
        type: "context",
        elements: [
          { type: "mrkdwn", text: `${escapeSlack(brief.report.before)}${link}${escapeSlack(brief.report.after)}` },
        ],
      },
    ],
  };
}

type SlackPayload = ReturnType<typeof slackPayload>;

const RENDERERS: Record<Platform, Renderer> = {
  feishu: { render: feishuCard, fits: (p) => byteLength(JSON.stringify(p)) <= LIMITS.feishuBodyBytes },
  lark: { render: feishuCard, fits: (p) => byteLength(JSON.stringify(p)) <= LIMITS.feishuBodyBytes },
  dingtalk: {
    render: (brief, cut) => ({
      msgtype: "markdown",
      markdown: {
        // The title shows in the chat list and notifications: the brief's name and the score line.
        title: truncateChars(`${oneLine(brief.title)} · ${oneLine(brief.score)}`, 100),
        text: markdownText(brief, cut, (line) => `**${line}**`),
      },
    }),
    fits: (p) =>
      byteLength((p as { markdown: { text: string } }).markdown.text) <= LIMITS.dingtalkTextBytes &&
      byteLength(JSON.stringify(p)) <= LIMITS.dingtalkBodyBytes,
  },
  wecom: {
    render: (brief, cut) => ({
      msgtype: "markdown",
      markdown: {
        content: markdownText(brief, cut, (line) =>
          brief.band ? `<font color="${WECOM_COLOUR[brief.band]}">**${line}**</font>` : `**${line}**`,
        ),
      },
    }),
    fits: (p) => byteLength((p as { markdown: { content: string } }).markdown.content) <= LIMITS.wecomContentBytes,
  },
  slack: {
    render: slackPayload,
    fits: (p) =>
      (p as SlackPayload).blocks.every((b) => {
        const text = b.text?.text ?? b.elements?.[0]?.text ?? "";
        return charLength(text) <= LIMITS.slackSectionChars;
      }),
  },
};

/**
 * The webhook payload of `brief` for `platform`. Report text is cut (cleanly, with "…") to the
 * longest budget at which the whole payload fits the platform's limits.
 */
export function renderBrief(brief: Brief, platform: Platform): unknown {
  const renderer = RENDERERS[platform];
  for (const budget of BUDGETS) {
    const payload = renderer.render(brief, (text) => truncateChars(text, budget));
    if (renderer.fits(payload)) return payload;
  }
  // Only a catalogue gone wrong gets here: cut the whole markdown as a last resort.
  const payload = renderer.render(brief, (text) => truncateChars(text, BUDGETS[BUDGETS.length - 1])) as {
    markdown?: { text?: string; content?: string };
  };
  if (payload.markdown?.text !== undefined) payload.markdown.text = truncateBytes(payload.markdown.text, 4096);
  if (payload.markdown?.content !== undefined) payload.markdown.content = truncateBytes(payload.markdown.content, 4096);
  return payload;
}
