/**
 * One message catalogue for everything a person reads: the report (rules, layout) and the
 * sidebar. Each entry has the three languages; `{name}` placeholders are filled by `translate`.
 */
import type { Language } from "../settings";
import { reportMessages } from "./report";
import { uiMessages } from "./ui";
import { serverMessages } from "./server";

export type MessageEntry = Record<Language, string>;
export type Catalogue = Record<string, MessageEntry>;

export const messages = { ...reportMessages, ...uiMessages, ...serverMessages } satisfies Catalogue;
export type MessageKey = keyof typeof messages;

/** Fills `{name}` placeholders; unknown placeholders are left visible so a missing value is noticed. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** The message `key` in `language`, with placeholders filled. */
export function translate(
  language: Language,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return format(messages[key][language], params);
}
