/**
 * The morning brief: a fake webhook server on 127.0.0.1 receives each platform's payload, which
 * is checked against the platform's documented shape (keys, length limits, signature recomputed
 * here from a known secret and time); the host allow-list; redirects, timeouts, refusals; and
 * the CLI's exit codes with and without --notify-strict.
 */
import { execFile } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { diagnoseTables, type Report } from "../../src/engine";
import { runCliAsync, readSettingsFile, readSheets } from "../../src/local/cli/main";
import { sendBrief, type Platform } from "../../src/notify";
import { buildBrief } from "../../src/notify/brief";
import { LIMITS, renderBrief } from "../../src/notify/platforms";
import { byteLength, charLength, truncateBytes, truncateChars } from "../../src/notify/text";
import { webhookTarget } from "../../src/notify/url";

const SAMPLE_DIR = join(__dirname, "..", "..", "samples", "sample-shop");
const SAMPLE_FILES = readdirSync(SAMPLE_DIR)
  .filter((f) => f.endsWith(".csv"))
  .sort()
  .map((f) => join(SAMPLE_DIR, f));
const SAMPLE_SETTINGS = join(SAMPLE_DIR, "settings.json");

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}
type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const outDir = mkdtempSync(join(tmpdir(), "shop-doctor-notify-"));
let server: Server;
let base: string;
const received: Received[] = [];
let handler: Handler;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      handler(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  received.length = 0;
  handler = (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"code":0,"errcode":0}');
});

/** The answer each platform gives when it accepts a message. */
function accept(platform: Platform): Handler {
  return (_req, res) => {
    if (platform === "slack") res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    else if (platform === "feishu" || platform === "lark")
      res.writeHead(200).end('{"code":0,"msg":"success","data":{}}');
    else res.writeHead(200).end('{"errcode":0,"errmsg":"ok"}');
  };
}

const LOOPBACK = { SHOP_DOCTOR_NOTIFY_ALLOW_LOOPBACK: "1" };
const SECRET = "SECtest-secret-0123456789";
// 2026-12-02T04:00:00.123Z
const NOW = 1796184000123;

async function sampleReport(): Promise<Report> {
  return diagnoseTables(await readSheets(SAMPLE_FILES), readSettingsFile(SAMPLE_SETTINGS, null), { settingsIn: "cli" });
}

/** A small report written by hand: one per-day action, one whole-export action, one without an amount. */
function handReport(overrides: Partial<Report> = {}): Report {
  return {
    language: "zh-CN",
    score: 82,
    scoreReason: null,
    judged: { sales: 1, traffic: 1, conversion: 1, aov: 0, products: 1, ads: 0, reputation: 0, service: 0, data: 0 },
    period: { from: "2026-11-01", to: "2026-11-30", days: 30 },
    currency: "CNY",
    tables: [],
    findings: [],
    counts: { good: 3, warn: 1, bad: 0, info: 0 },
    actions: [
      {
        rule: "pay-conversion-vs-peer",
        subject: "shop",
        subjectType: "shop",
        impact: 1234.4,
        impactBasis: "day",
        message: "把支付转化率提到 3.10%：先查主图和详情页。",
      },
      {
        rule: "product-conversion-trend",
        subject: "连衣裙A",
        subjectType: "product",
        impact: 56789.5,
        impactBasis: "export",
        message: "「连衣裙A」转化偏低：检查价格和评价。",
      },
      {
        rule: "data-sanity",
        subject: "",
        subjectType: "sheet",
        impact: null,
        impactBasis: null,
        message: "核对一下「流量来源」的日期列。",
      },
    ] as Report["actions"],
    ...overrides,
  };
}

describe("the brief's content", () => {
  it("states the score, its band, the three actions with the money the report gives, and the report's name", () => {
    const brief = buildBrief(handReport(), { reportName: "report.html" });
    expect(brief.score).toBe("健康分: 82 (满分 100) — 状态良好");
    expect(brief.band).toBe("good"); // 82 ≥ 80
    expect(brief.period).toBe("数据期间：2026-11-01 至 2026-11-30（30 天）");
    // 1234.4 rounds to ¥1,234 per day; 56789.5 to ¥56,790 for the whole export; null → no amount.
    expect(brief.actions.map((a) => a.money)).toEqual([
      "涉及金额：每天约 ¥1,234",
      "涉及金额：本次导出内约 ¥56,790",
      null,
    ]);
    expect(brief.report).toEqual({ before: "完整报告：", after: "" });
  });

  it("on the sample shop: score 36 (bad band) and its three actions, ¥6,281 / ¥5,768 / ¥4,721 a day", async () => {
    const report = await sampleReport();
    const brief = buildBrief(report, { reportName: "report.html" });
    expect(report.score).toBe(36);
    expect(brief.band).toBe("bad"); // 36 < 60
    expect(brief.actions.map((a) => a.text)).toEqual(report.actions.map((a) => a.message));
    // Sales at stake 6280.7, 5767.84, 4721.24 (per day) rounded to whole yuan; the sample's Costs tab
    // gives the shop a contribution margin of 67,011.20 ÷ 281,734.29 = 0.237852 (test/diagnose/stake.test.ts),
    // so each is stated as profit: 6280.7 × 0.237852 = 1,493.88 → ¥1,494; 5767.84 → 1,371.90 → ¥1,372;
    // 4721.24 → 1,122.96 → ¥1,123.
    expect(brief.actions.map((a) => a.money)).toEqual([
      "利润影响：每天约 ¥1,494（销售额 ¥6,281）",
      "利润影响：每天约 ¥1,372（销售额 ¥5,768）",
      "利润影响：每天约 ¥1,123（销售额 ¥4,721）",
    ]);
  });

  it("without a score says so and why, in the report's language; English words the export basis", () => {
    const report = handReport({
      language: "en",
      score: null,
      currency: "USD",
      scoreReason: {
        code: "too-few-areas",
        areas: ["sales"],
        suggest: ["products"],
        message: "Only sales was judged.",
      },
    });
    const brief = buildBrief(report, { reportName: "x" });
    expect(brief.score).toBe("Health score: Not enough to score yet");
    expect(brief.band).toBeNull();
    expect(brief.scoreWhy).toBe("Only sales was judged.");
    expect(brief.actions[1].money).toBe("Money at stake: about $56,790 in this export");
  });
});

/** Posts to the fake server as `platform` and returns the one request it received. */
async function postAs(platform: Platform, report: Report, env: Record<string, string> = {}, path = "/hook") {
  handler = accept(platform);
  const result = await sendBrief(report, `${base}${path}`, {
    platform,
    env: { ...LOOPBACK, ...env },
    now: () => NOW,
    reportName: "report.html",
    reportUrl: "https://example.com/reports/2026-11.html",
  });
  expect(result.ok, result.message).toBe(true);
  expect(received).toHaveLength(1);
  expect(received[0].method).toBe("POST");
  expect(received[0].headers["content-type"]).toBe("application/json; charset=utf-8");
  return { request: received[0], json: JSON.parse(received[0].body) as Record<string, any>, result };
}

describe("each platform's payload, as its webhook documents it", () => {
  it("飞书: an interactive card, signed with timestamp + sign in the body", async () => {
    const { json, request, result } = await postAs("feishu", handReport(), { SHOP_DOCTOR_FEISHU_SECRET: SECRET });
    expect(Object.keys(json).sort()).toEqual(["card", "msg_type", "sign", "timestamp"]);
    expect(json.msg_type).toBe("interactive");
    // timestamp in seconds: floor(1796184000123 / 1000)
    expect(json.timestamp).toBe("1796184000");
    const expected = createHmac("sha256", `1796184000\n${SECRET}`).update(Buffer.alloc(0)).digest("base64");
    expect(json.sign).toBe(expected);
    expect(json.card.header).toEqual({
      template: "green",
      title: { tag: "plain_text", content: "店铺医生 · 今日体检简报" },
    });
    const tags = json.card.elements.map((e: any) => e.tag);
    expect(new Set(tags)).toEqual(new Set(["div", "note", "hr", "action"]));
    const texts = json.card.elements.filter((e: any) => e.tag === "div").map((e: any) => e.text.content);
    expect(texts).toContain("1. 把支付转化率提到 3.10%：先查主图和详情页。\n涉及金额：每天约 ¥1,234");
    expect(texts).toContain("3. 核对一下「流量来源」的日期列。");
    const button = json.card.elements.find((e: any) => e.tag === "action").actions[0];
    expect(button).toMatchObject({ tag: "button", url: "https://example.com/reports/2026-11.html" });
    expect(byteLength(request.body)).toBeLessThanOrEqual(20_000);
    expect(result.message).toBe(`简报已发到飞书（${base.slice(7)}）。`);
  });

  it("飞书 unsigned when no secret is set: no timestamp or sign keys", async () => {
    const { json } = await postAs("lark", handReport());
    expect(Object.keys(json).sort()).toEqual(["card", "msg_type"]);
  });

  it("钉钉: markdown {title, text}, signed with &timestamp=…&sign=… in the URL", async () => {
    const { json, request } = await postAs(
      "dingtalk",
      handReport(),
      { SHOP_DOCTOR_WEBHOOK_SECRET: SECRET },
      "/robot/send?access_token=abc",
    );
    expect(Object.keys(json).sort()).toEqual(["markdown", "msgtype"]);
    expect(json.msgtype).toBe("markdown");
    expect(Object.keys(json.markdown).sort()).toEqual(["text", "title"]);
    const query = new URL(request.url, base).searchParams;
    expect(query.get("access_token")).toBe("abc");
    // timestamp in milliseconds; sign = base64(HMAC-SHA256(secret, timestamp + "\n" + secret)), URL-encoded
    expect(query.get("timestamp")).toBe("1796184000123");
    const sign = createHmac("sha256", SECRET).update(`1796184000123\n${SECRET}`).digest("base64");
    expect(query.get("sign")).toBe(sign);
    expect(request.url).toContain(`sign=${encodeURIComponent(sign)}`);
    expect(json.markdown.title).toBe("店铺医生 · 今日体检简报 · 健康分: 82 (满分 100) — 状态良好");
    expect(json.markdown.text).toContain("**涉及金额：每天约 ¥1,234**");
    expect(json.markdown.text).toContain("完整报告：[report.html](https://example.com/reports/2026-11.html)");
    expect(byteLength(json.markdown.text)).toBeLessThanOrEqual(4096);
  });

  it("企业微信: markdown {content} within 4096 bytes, the score coloured with <font>", async () => {
    const { json } = await postAs("wecom", handReport(), {}, "/cgi-bin/webhook/send?key=k");
    expect(Object.keys(json).sort()).toEqual(["markdown", "msgtype"]);
    expect(Object.keys(json.markdown)).toEqual(["content"]);
    expect(json.markdown.content).toContain('<font color="info">**健康分: 82 (满分 100) — 状态良好**</font>');
    expect(json.markdown.content).toContain(
      "2. 「连衣裙A」转化偏低：检查价格和评价。  \n   **涉及金额：本次导出内约 ¥56,790**",
    );
    expect(byteLength(json.markdown.content)).toBeLessThanOrEqual(4096);
  });

  it("Slack: blocks (header, mrkdwn sections, context) and a text fallback", async () => {
    const { json } = await postAs("slack", handReport({ language: "en" }));
    expect(Object.keys(json).sort()).toEqual(["blocks", "text"]);
    expect(json.blocks.map((b: any) => b.type)).toEqual(["header", "section", "divider", "section", "context"]);
    expect(json.blocks[0].text).toEqual({
      type: "plain_text",
      text: "Shop Doctor · today's health brief",
      emoji: true,
    });
    expect(json.blocks[1].text.type).toBe("mrkdwn");
    expect(json.blocks[1].text.text).toContain("*Health score: 82 (out of 100) — In good shape*");
    expect(json.blocks[3].text.text).toContain("_Money at stake: about ¥1,234 a day_");
    expect(json.blocks[4].elements[0].text).toBe("Full report: <https://example.com/reports/2026-11.html|report.html>");
    expect(json.text.startsWith("Shop Doctor · today's health brief\nHealth score: 82")).toBe(true);
  });
});

describe("length limits and hostile text", () => {
  // 5,000 characters of Chinese with emoji (4-byte, surrogate pairs in JS) and combining accents.
  const long = "检查商品👩🏽‍💻é".repeat(700);
  const hostile = '[点我](https://evil.example) <@all> <font color="warning">假</font> <!channel> **粗**\n# 标题';
  const report = handReport({
    actions: [0, 1, 2].map((i) => ({
      rule: "product-conversion-trend",
      subject: "x",
      subjectType: "product",
      impact: 100 + i,
      impactBasis: "day",
      message: i === 1 ? hostile : long,
    })) as Report["actions"],
  });
  const brief = buildBrief(report, { reportName: long });
  const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

  it("WeCom and DingTalk markdown stay within 4096 bytes, cut with … and never inside a character", () => {
    for (const platform of ["wecom", "dingtalk"] as const) {
      const payload = renderBrief(brief, platform) as { markdown: { content?: string; text?: string } };
      const text = payload.markdown.content ?? payload.markdown.text!;
      expect(byteLength(text)).toBeLessThanOrEqual(4096);
      expect(byteLength(JSON.stringify(payload))).toBeLessThanOrEqual(20_000); // DingTalk's body limit
      expect(text).toContain("…");
      expect(loneSurrogate.test(text)).toBe(false);
      // every amount survives the cut: 100, 101, 102 a day
      for (const amount of ["¥100", "¥101", "¥102"]) expect(text).toContain(amount);
    }
  });

  it("Slack sections stay within 3000 characters and the header within 150; Feishu within 20 KB", () => {
    const slack = renderBrief(brief, "slack") as any;
    for (const block of slack.blocks) {
      const text = block.text?.text ?? block.elements?.[0]?.text ?? "";
      expect(charLength(text)).toBeLessThanOrEqual(LIMITS.slackSectionChars);
      expect(loneSurrogate.test(text)).toBe(false);
    }
    expect(charLength(slack.blocks[0].text.text)).toBeLessThanOrEqual(150);
    expect(charLength(slack.text)).toBeLessThanOrEqual(3000);
    expect(byteLength(JSON.stringify(renderBrief(brief, "feishu")))).toBeLessThanOrEqual(20_000);
  });

  it("text from the data makes no link, mention, tag or heading in any platform's markup", () => {
    const wecom = (renderBrief(brief, "wecom") as any).markdown.content as string;
    expect(wecom).toContain('\\[点我\\](https://evil.example) ＜@all＞ ＜font color="warning"＞假＜/font＞');
    expect(wecom).not.toContain("<@all>");
    expect(wecom).toContain("\\*\\*粗\\*\\* # 标题"); // the newline folded, so "# 标题" starts no heading
    const slack = JSON.stringify(renderBrief(brief, "slack"));
    expect(slack).toContain("&lt;!channel&gt;");
    expect(slack).not.toContain("<!channel>");
    const feishu = (renderBrief(brief, "feishu") as any).card.elements.filter((e: any) => e.tag === "div");
    const carrying = feishu.find((e: any) => e.text.content.includes("点我"));
    expect(carrying.text.tag).toBe("plain_text");
  });

  it("a report link that is not an http(s) address is shown as a name, never linked", async () => {
    handler = accept("wecom");
    await sendBrief(handReport(), `${base}/hook`, {
      platform: "wecom",
      env: LOOPBACK,
      reportName: "r.html",
      reportUrl: "javascript:alert(1)",
    });
    const content = JSON.parse(received[0].body).markdown.content as string;
    expect(content.endsWith("完整报告：r.html")).toBe(true);
    expect(content).not.toContain("javascript");
  });

  it("truncation helpers cut at character boundaries", () => {
    expect(truncateChars("abcdef", 4)).toBe("abc…");
    expect(truncateChars("ab👩🏽‍💻", 4)).toBe("ab…"); // the emoji is 4 code points joined: kept whole or not at all
    expect(truncateChars("🇨🇳🇺🇸", 3)).toBe("🇨🇳…"); // a flag is two regional indicators
    // "价" is 3 bytes, "…" 3: 9 bytes hold "价价…"
    expect(truncateBytes("价价价价", 9)).toBe("价价…");
    expect(truncateBytes("价价价", 9)).toBe("价价价");
  });
});

describe("the host allow-list (no server-side request forgery)", () => {
  const accepted: [string, Platform][] = [
    ["https://open.feishu.cn/open-apis/bot/v2/hook/0c1d2e3f", "feishu"],
    ["https://open.larksuite.com/open-apis/bot/v2/hook/0c1d2e3f", "lark"],
    ["https://oapi.dingtalk.com/robot/send?access_token=abc", "dingtalk"],
    ["https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc", "wecom"],
    ["https://hooks.slack.com/services/T000/B000/XXXX", "slack"],
  ];
  it.each(accepted)("accepts %s as %s", (url, platform) => {
    const result = webhookTarget(url, {});
    expect(result.ok && result.target.platform).toBe(platform);
  });

  const refused: [string, string][] = [
    ["http://hooks.slack.com/services/T/B/X", "notify.reason.notHttps"],
    ["https://evil.example/services/T/B/X", "notify.reason.host"],
    ["https://hooks.slack.com@evil.example/services/T/B/X", "notify.reason.credentials"],
    ["https://user:pw@hooks.slack.com/services/T/B/X", "notify.reason.credentials"],
    ["https://hooks.slack.com.evil.example/services/T/B/X", "notify.reason.host"],
    ["https://hooks.slack.com./services/T/B/X", "notify.reason.host"],
    ["https://93.184.216.34/services/T/B/X", "notify.reason.ip"],
    ["https://[::1]/services/T/B/X", "notify.reason.ip"],
    ["https://0x7f.1/robot/send", "notify.reason.ip"],
    ["https://hooks.slack.com:8443/services/T/B/X", "notify.reason.port"],
    ["https://hooks.slack.com/api/chat.postMessage", "notify.reason.path"],
    ["https://oapi.dingtalk.com/robot/sendx?access_token=a", "notify.reason.path"],
    ["file:///etc/passwd", "notify.reason.notHttps"],
    ["hooks.slack.com/services/T/B/X", "notify.reason.notUrl"],
    ["https://hooks.slack.com/services/T/B/X\r\nHost: evil", "notify.reason.notUrl"],
    // the loopback address is refused without the test switch, and with it but without a platform
    ["http://127.0.0.1:9/hook", "notify.reason.notHttps"],
  ];
  it.each(refused)("refuses %s (%s)", (url, key) => {
    const result = webhookTarget(url, {});
    expect(result.ok ? "accepted" : result.problem.key).toBe(key);
  });

  it("the loopback switch needs an explicit platform and covers 127.0.0.1 only", () => {
    const noPlatform = webhookTarget("http://127.0.0.1:9/hook", LOOPBACK);
    expect(noPlatform.ok ? "accepted" : noPlatform.problem.key).toBe("notify.reason.platform");
    const localhost = webhookTarget("http://localhost:9/hook", LOOPBACK, "slack");
    expect(localhost.ok ? "accepted" : localhost.problem.key).toBe("notify.reason.notHttps");
    expect(webhookTarget("http://127.0.0.1:9/hook", LOOPBACK, "slack").ok).toBe(true);
    const mismatch = webhookTarget("https://hooks.slack.com/services/T/B/X", LOOPBACK, "feishu");
    expect(mismatch.ok ? "accepted" : mismatch.problem.key).toBe("notify.reason.platformMismatch");
  });

  it("a refused address posts nothing and says why, without repeating the address's token", async () => {
    const result = await sendBrief(
      handReport({ language: "en" }),
      "https://hooks.slack.com@evil.example/services/T/B/SECRETTOKEN",
    );
    expect(result).toEqual({
      ok: false,
      platform: null,
      message:
        'This chat webhook address cannot be used: it carries a user name or password (the part before "@"), which no bot address has.',
    });
    const notUrl = await sendBrief(handReport({ language: "en" }), "not a url/SECRETTOKEN");
    expect(notUrl.message).not.toContain("SECRETTOKEN");
    expect(received).toHaveLength(0);
  });
});

describe("failed posts", () => {
  const options = (platform: Platform, timeoutMs = 5000) => ({
    platform,
    env: LOOPBACK,
    timeoutMs,
    reportName: "r",
  });

  it("does not follow a redirect: one request, and the message says why", async () => {
    handler = (req, res) => {
      if (req.url === "/hook") res.writeHead(302, { location: "/elsewhere" }).end();
      else res.writeHead(200).end("ok");
    };
    const result = await sendBrief(handReport({ language: "en" }), `${base}/hook`, options("slack"));
    expect(result.ok).toBe(false);
    expect(result.message).toBe(
      "The brief did not reach Slack: the server asked to go elsewhere (HTTP 302); redirects are not followed, for safety. The diagnosis itself is complete.",
    );
    expect(received.map((r) => r.url)).toEqual(["/hook"]);
  });

  it("gives up after the timeout", async () => {
    handler = () => undefined; // never answers
    const result = await sendBrief(handReport({ language: "en" }), `${base}/hook`, options("slack", 300));
    expect(result.message).toContain("no answer within 0.3 seconds");
  });

  it("reads at most 64 KB of an answer", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write(`{"code":0,"pad":"${"x".repeat(200_000)}`);
      res.end('"}');
    };
    const result = await sendBrief(handReport({ language: "en" }), `${base}/hook`, options("feishu"));
    // the answer past 64 KB is never read, so its JSON is incomplete: not taken as a success
    expect(result.ok).toBe(false);
    expect(result.message).toContain("could not be understood (HTTP 200)");
  });

  it("reports the platform's refusal and, with no secret set, where the signing secret goes", async () => {
    handler = (_req, res) =>
      res.writeHead(200).end('{"code":19021,"data":{},"msg":"sign match fail or timestamp is not within one hour"}');
    const result = await sendBrief(handReport(), `${base}/hook`, options("feishu"));
    expect(result.message).toBe(
      "简报没有发到飞书：对方拒绝了这条消息：19021 sign match fail or timestamp is not within one hour；" +
        "如果机器人开启了签名校验，请把密钥放进环境变量 SHOP_DOCTOR_FEISHU_SECRET。诊断本身已经完成。",
    );
  });

  it("Slack's error answer (HTTP 400 invalid_payload) is quoted, control characters removed", async () => {
    handler = (_req, res) => res.writeHead(400, { "content-type": "text/plain" }).end("invalid_payload\x1b[2J");
    const result = await sendBrief(handReport({ language: "zh-TW" }), `${base}/hook`, options("slack"));
    expect(result.message).toBe("簡報沒有傳到Slack：對方拒絕了這則訊息：invalid_payload [2J。診斷本身已經完成。");
  });

  it("an HTTP error from DingTalk names the status", async () => {
    handler = (_req, res) => res.writeHead(503).end("");
    const result = await sendBrief(handReport({ language: "en" }), `${base}/robot/send`, options("dingtalk"));
    expect(result.message).toContain("the server answered HTTP 503: no reason given");
  });
});

describe("shop-doctor diagnose --notify", () => {
  function io(env: Record<string, string>) {
    let stdout = "";
    let stderr = "";
    return {
      io: {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
        env: { NO_COLOR: "1", ...LOOPBACK, SHOP_DOCTOR_NOTIFY_PLATFORM: "slack", ...env },
      },
      out: () => ({ stdout, stderr }),
    };
  }
  const args = (...more: string[]) => ["diagnose", ...SAMPLE_FILES, "--settings", SAMPLE_SETTINGS, "--json", ...more];

  it("posts the brief and keeps exit code 0; the report is named after the data files", async () => {
    handler = accept("slack");
    const run = io({});
    const code = await runCliAsync(args("--notify", `${base}/hook`), run.io);
    expect(code).toBe(0);
    expect(run.out().stderr).toBe(`shop-doctor: 简报已发到Slack（${base.slice(7)}）。\n`);
    const json = JSON.parse(received[0].body);
    expect(json.blocks[4].elements[0].text).toBe(
      "完整报告：商品效果.csv、店铺日报.csv、成本.csv、推广计划.csv、流量来源.csv",
    );
    expect(JSON.parse(run.out().stdout).score).toBe(36);
  });

  it("a failed post is reported on stderr; exit 0 without --notify-strict, 3 with it", async () => {
    handler = (_req, res) => res.writeHead(500).end("boom");
    const loose = io({});
    expect(await runCliAsync(args("--notify", `${base}/hook`), loose.io)).toBe(0);
    expect(loose.out().stderr).toBe("shop-doctor: 简报没有发到Slack：对方拒绝了这条消息：boom。诊断本身已经完成。\n");
    const strict = io({});
    expect(await runCliAsync(args("--notify", `${base}/hook`, "--notify-strict"), strict.io)).toBe(3);
  });

  it("a refused address counts as a failed post; several --notify post to each", async () => {
    handler = accept("slack");
    const run = io({});
    const code = await runCliAsync(
      args(
        "--notify",
        "https://evil.example/hook",
        "--notify",
        `${base}/a`,
        "--notify-strict",
        "--out",
        join(outDir, "test-output-notify.html"),
      ),
      run.io,
    );
    expect(code).toBe(3);
    expect(received.map((r) => r.url)).toEqual(["/a"]);
    expect(JSON.parse(received[0].body).blocks[4].elements[0].text).toBe("完整报告：test-output-notify.html");
    expect(run.out().stderr).toContain("evil.example 不是支持的群机器人服务");
  });

  it("the shop-doctor bin posts too (it runs runCliAsync), and --notify-strict exits with 3", async () => {
    handler = (_req, res) => res.writeHead(200).end('{"errcode":93000,"errmsg":"invalid webhook url"}');
    const bin = join(__dirname, "..", "..", "bin", "shop-doctor.mjs");
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [bin, ...args("--lang", "en", "--notify", `${base}/cgi-bin/webhook/send?key=k`, "--notify-strict")],
        { env: { ...process.env, ...LOOPBACK, SHOP_DOCTOR_NOTIFY_PLATFORM: "wecom" }, maxBuffer: 20 * 1024 * 1024 },
        (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }),
      );
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      "shop-doctor: The brief did not reach WeCom: the service refused the message: 93000 invalid webhook url. " +
        "The diagnosis itself is complete.\n",
    );
    expect(JSON.parse(received[0].body).msgtype).toBe("markdown");
  });

  it("--notify-strict without --notify is a usage error", async () => {
    const run = io({});
    expect(await runCliAsync(args("--notify-strict"), run.io)).toBe(2);
    expect(run.out().stderr).toContain("--notify-strict only applies with --notify URL");
  });
});
