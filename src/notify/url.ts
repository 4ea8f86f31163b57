/**
 * Which webhook addresses the brief may be posted to (no server-side request forgery): only
 * `https:` on the exact host of one of the supported chat services, on its webhook path, with
 * no user name, password or port. The platform is read from the host, never from the caller.
 *
 * Test-only: with the environment variable SHOP_DOCTOR_NOTIFY_ALLOW_LOOPBACK=1 AND an explicit
 * platform, `http://127.0.0.1:<port>/…` is accepted too, so tests can run a fake webhook server.
 * Nothing a request carries can turn this on: it is read from the process environment.
 */
import type { MessageKey } from "../engine/i18n";
import { PLATFORMS, type Platform } from "./platforms";
import { truncateChars } from "./text";

/** Webhook host → platform, and the path every incoming-webhook address there starts with. */
export const WEBHOOK_HOSTS: Record<string, { platform: Platform; path: string }> = {
  "open.feishu.cn": { platform: "feishu", path: "/open-apis/bot/v2/hook/" },
  "open.larksuite.com": { platform: "lark", path: "/open-apis/bot/v2/hook/" },
  "oapi.dingtalk.com": { platform: "dingtalk", path: "/robot/send" },
  "qyapi.weixin.qq.com": { platform: "wecom", path: "/cgi-bin/webhook/send" },
  "hooks.slack.com": { platform: "slack", path: "/services/" },
};

export const LOOPBACK_SWITCH = "SHOP_DOCTOR_NOTIFY_ALLOW_LOOPBACK";

export interface WebhookTarget {
  url: URL;
  platform: Platform;
  /** True only for the test-only loopback address. */
  loopback: boolean;
}

/** Why an address was refused: a catalogue key and its parameters. */
export interface UrlProblem {
  key: MessageKey;
  params: Record<string, string>;
}

export type TargetResult = { ok: true; target: WebhookTarget } | { ok: false; problem: UrlProblem };

const refuse = (key: MessageKey, params: Record<string, string> = {}): TargetResult => ({
  ok: false,
  problem: { key, params },
});

/** An IPv4 or IPv6 literal (URL has already normalised forms like 0x7f.1 to dotted decimal). */
function isIpLiteral(hostname: string): boolean {
  return hostname.startsWith("[") || /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname);
}

function loopbackTarget(url: URL, platform: Platform | undefined, env: Record<string, string | undefined>) {
  if (env[LOOPBACK_SWITCH] !== "1" || url.protocol !== "http:" || url.hostname !== "127.0.0.1") return null;
  if (url.username || url.password) return refuse("notify.reason.credentials");
  if (!platform || !PLATFORMS.includes(platform)) return refuse("notify.reason.platform");
  return { ok: true as const, target: { url, platform, loopback: true } };
}

/**
 * Checks `raw` against the allow-list. `platform` is only needed (and only used) for the
 * test-only loopback address; for a real host it must agree with the host when given.
 */
export function webhookTarget(raw: string, env: Record<string, string | undefined>, platform?: Platform): TargetResult {
  // Only the address's start (up to its path) is repeated: the rest of a webhook address is its secret token.
  const start = /^(?:[a-z][a-z0-9+.-]*:\/\/)?[^/?#]*/i.exec(raw)?.[0] ?? "";
  const shown = truncateChars(start.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?"), 40);
  if (/[\s\u0000-\u001f\u007f-\u009f\\]/.test(raw)) return refuse("notify.reason.notUrl", { url: shown });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse("notify.reason.notUrl", { url: shown });
  }
  const loopback = loopbackTarget(url, platform, env);
  if (loopback) return loopback;
  if (url.protocol !== "https:") return refuse("notify.reason.notHttps");
  if (url.username || url.password) return refuse("notify.reason.credentials");
  if (isIpLiteral(url.hostname)) return refuse("notify.reason.ip");
  const known = Object.prototype.hasOwnProperty.call(WEBHOOK_HOSTS, url.hostname) ? WEBHOOK_HOSTS[url.hostname] : null;
  if (!known) return refuse("notify.reason.host", { host: url.hostname, hosts: Object.keys(WEBHOOK_HOSTS).join(", ") });
  if (url.port !== "") return refuse("notify.reason.port");
  // A path ending in "/" is a prefix (a token follows); the others are the whole path (the token is a query).
  if (known.path.endsWith("/") ? !url.pathname.startsWith(known.path) : url.pathname !== known.path) {
    return refuse("notify.reason.path", { platformKey: known.platform, path: known.path });
  }
  if (platform && platform !== known.platform)
    return refuse("notify.reason.platformMismatch", { platformKey: known.platform });
  return { ok: true, target: { url, platform: known.platform, loopback: false } };
}
