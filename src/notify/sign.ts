/**
 * The signed-request schemes of the two platforms that offer one (the secret is the one the
 * bot's security settings show; it comes from an environment variable, never from a file):
 * - 飞书 Feishu / Lark: `timestamp` (seconds, as a string) and `sign` in the JSON body, where
 *   sign = base64(HMAC-SHA256 keyed with `timestamp + "\n" + secret`, over an empty message).
 * - 钉钉 DingTalk: `&timestamp=…&sign=…` added to the URL, timestamp in milliseconds, where
 *   sign = urlencode(base64(HMAC-SHA256 keyed with the secret, over `timestamp + "\n" + secret`)).
 */
import { createHmac } from "node:crypto";
import type { Platform } from "./platforms";

/** The environment variables a platform's secret is read from, the platform's own first. */
export const SECRET_VARIABLES: Partial<Record<Platform, string[]>> = {
  feishu: ["SHOP_DOCTOR_FEISHU_SECRET", "SHOP_DOCTOR_WEBHOOK_SECRET"],
  lark: ["SHOP_DOCTOR_FEISHU_SECRET", "SHOP_DOCTOR_WEBHOOK_SECRET"],
  dingtalk: ["SHOP_DOCTOR_DINGTALK_SECRET", "SHOP_DOCTOR_WEBHOOK_SECRET"],
};

/** The secret for `platform` from the environment, or null (unsigned) when none is set. */
export function secretFor(platform: Platform, env: Record<string, string | undefined>): string | null {
  for (const name of SECRET_VARIABLES[platform] ?? []) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return null;
}

/** Feishu / Lark: the body fields for a request signed at `nowMs`. */
export function feishuSignature(secret: string, nowMs: number): { timestamp: string; sign: string } {
  const timestamp = String(Math.floor(nowMs / 1000));
  const sign = createHmac("sha256", `${timestamp}\n${secret}`).update("").digest("base64");
  return { timestamp, sign };
}

/** DingTalk: `url` with `timestamp` and `sign` set for a request signed at `nowMs`. */
export function dingtalkSignedUrl(url: URL, secret: string, nowMs: number): URL {
  const timestamp = String(Math.floor(nowMs));
  const sign = createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
  const signed = new URL(url.href);
  // URLSearchParams percent-encodes the base64 (+ / =), which is the urlencode DingTalk asks for.
  signed.searchParams.set("timestamp", timestamp);
  signed.searchParams.set("sign", sign);
  return signed;
}
