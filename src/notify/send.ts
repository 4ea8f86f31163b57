/**
 * Posting the brief: checks the address against the allow-list, signs the request when the
 * platform offers signing and a secret is set, posts once (no redirects followed, a timeout,
 * at most 64 KB of the answer read) and reads the platform's own success code. Never throws:
 * every failure comes back as a message in the report's language.
 */
import { translate, type Report } from "../engine";
import type { Language } from "../engine/i18n";
import { LANGUAGE_TABLE } from "../engine/i18n/languages";
import { buildBrief } from "./brief";
import { renderBrief, type Platform } from "./platforms";
import { dingtalkSignedUrl, feishuSignature, SECRET_VARIABLES, secretFor } from "./sign";
import { oneLine, safeLink, truncateChars } from "./text";
import { webhookTarget, type UrlProblem } from "./url";

export interface SendBriefOptions {
  /** What the message calls the report (a file name); default "Shop Doctor report" in the report's language. */
  reportName?: string;
  /** Where the full report opens (an http(s) URL): the card's button and the markdown link. */
  reportUrl?: string | null;
  /** Environment the secrets and the test-only loopback switch are read from (default: process.env). */
  env?: Record<string, string | undefined>;
  /** Only for the test-only loopback address: which platform's payload to send. */
  platform?: Platform;
  /** Milliseconds to wait for the answer (default 10 000). */
  timeoutMs?: number;
  /** The clock the signature uses (default Date.now). */
  now?: () => number;
}

export type SendBriefResult =
  | { ok: true; platform: Platform; host: string; message: string }
  | { ok: false; platform: Platform | null; message: string };

/** The most of a webhook's answer that is read. */
export const MAX_RESPONSE_BYTES = 64 * 1024;
const DEFAULT_TIMEOUT_MS = 10_000;

function platformName(language: Language, platform: Platform): string {
  return translate(language, `notify.platform.${platform}`);
}

/** A refusal of the address, in `language`. */
function urlMessage(language: Language, problem: UrlProblem): string {
  const params: Record<string, string> = { ...problem.params };
  if (params.platformKey) params.platform = platformName(language, params.platformKey as Platform);
  return translate(language, "notify.error.url", { reason: translate(language, problem.key, params) });
}

/** Reads at most MAX_RESPONSE_BYTES of the answer, then stops. */
async function readCapped(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < MAX_RESPONSE_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all.subarray(0, MAX_RESPONSE_BYTES));
}

/** What the platform's answer says: null when it accepted the message, else its reason. */
function refusal(
  platform: Platform,
  status: number,
  body: string,
): { key: "rejected" | "unreadable"; detail: string } | null {
  if (platform === "slack") {
    return status === 200 && body.trim() === "ok" ? null : { key: "rejected", detail: body.trim() };
  }
  let answer: Record<string, unknown>;
  try {
    answer = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return { key: "unreadable", detail: "" };
  }
  // Feishu / Lark answer {code, msg} (older hooks {StatusCode, StatusMessage}); DingTalk and WeCom {errcode, errmsg}.
  const code = answer.code ?? answer.StatusCode ?? answer.errcode;
  const text = answer.msg ?? answer.StatusMessage ?? answer.errmsg;
  if (code === 0 && status === 200) return null;
  if (code === undefined) return { key: "unreadable", detail: "" };
  return { key: "rejected", detail: `${String(code)}${typeof text === "string" && text ? ` ${text}` : ""}` };
}

/** The request to make: the URL (DingTalk signs it) and the JSON body (Feishu signs it). */
function request(platform: Platform, url: URL, payload: unknown, secret: string | null, nowMs: number) {
  if (secret && (platform === "feishu" || platform === "lark")) {
    return { url, body: { ...feishuSignature(secret, nowMs), ...(payload as object) } };
  }
  if (secret && platform === "dingtalk") return { url: dingtalkSignedUrl(url, secret, nowMs), body: payload };
  return { url, body: payload };
}

/** A detail from the network or the platform, made one short line of plain text. */
function detailText(language: Language, detail: string): string {
  const line = truncateChars(oneLine(detail), 200);
  return line || translate(language, "notify.fail.noDetail");
}

async function post(
  language: Language,
  platform: Platform,
  target: { url: URL; body: unknown },
  timeoutMs: number,
): Promise<{ text: string; refused: boolean } | null> {
  const failed = (text: string, refused = false) => ({ text, refused });
  let response: Response;
  try {
    response = await fetch(target.url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(target.body),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    if (e.name === "TimeoutError" || e.name === "AbortError") {
      return failed(translate(language, "notify.fail.timeout", { seconds: Math.round(timeoutMs / 100) / 10 }));
    }
    const detail = detailText(language, e.cause?.code ?? e.cause?.message ?? e.message);
    return failed(translate(language, "notify.fail.network", { detail }));
  }
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel().catch(() => undefined);
    return failed(translate(language, "notify.fail.redirect", { status: response.status }));
  }
  let body: string;
  try {
    body = await readCapped(response);
  } catch (error) {
    return failed(
      translate(language, "notify.fail.network", { detail: detailText(language, (error as Error).message) }),
    );
  }
  if (response.status !== 200 && platform !== "slack") {
    const detail = detailText(language, body);
    return failed(translate(language, "notify.fail.status", { status: response.status, detail }), true);
  }
  const refused = refusal(platform, response.status, body);
  if (!refused) return null;
  return refused.key === "unreadable"
    ? failed(translate(language, "notify.fail.unreadable", { status: response.status }))
    : failed(translate(language, "notify.fail.rejected", { detail: detailText(language, refused.detail) }), true);
}

/**
 * Posts the brief of `report` to the chat webhook at `url`: the score and its band, the three
 * actions with the money the report states for them, and the report's name (and link). The
 * platform comes from the address's host. Resolves to what happened, in the report's language.
 */
export async function sendBrief(report: Report, url: string, options: SendBriefOptions = {}): Promise<SendBriefResult> {
  const language = report.language;
  const env = options.env ?? process.env;
  const checked = webhookTarget(url, env, options.platform);
  if (!checked.ok) return { ok: false, platform: null, message: urlMessage(language, checked.problem) };
  const { platform } = checked.target;
  const brief = buildBrief(report, {
    reportName: options.reportName?.trim() || translate(language, "report.title"),
    reportUrl: safeLink(options.reportUrl ?? undefined),
  });
  const secret = secretFor(platform, env);
  const nowMs = (options.now ?? Date.now)();
  const target = request(platform, checked.target.url, renderBrief(brief, platform), secret, nowMs);
  const failure = await post(language, platform, target, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const name = platformName(language, platform);
  if (failure === null) {
    return {
      ok: true,
      platform,
      host: checked.target.url.host,
      message: translate(language, "notify.sent", { platform: name, host: checked.target.url.host }),
    };
  }
  // Refused by a platform that signs, with no secret set: the likely cause is its signature check.
  const variables = SECRET_VARIABLES[platform];
  const hint =
    failure.refused && !secret && variables ? translate(language, "notify.fail.signHint", { env: variables[0] }) : "";
  const reason = hint ? `${failure.text}${LANGUAGE_TABLE[language].clauseSeparator}${hint}` : failure.text;
  return { ok: false, platform, message: translate(language, "notify.error.failed", { platform: name, reason }) };
}
