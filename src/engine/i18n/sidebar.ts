/**
 * The sidebar's catalogue: only the `sidebar` section of each language module (the panel's own
 * words, the Settings sheet's name and the setting labels), so build/Sidebar.html does not carry
 * the report's strings. Same `translate` behaviour as index.ts.
 */
import { lookup, type Params } from "./format";
import type { Language } from "./languages";
import { sidebar as en } from "./en";
import { sidebar as zhCN, type SidebarKey } from "./zh-CN";
import { sidebar as zhTW } from "./zh-TW";

export { isLanguage } from "./languages";
export type { Language } from "./languages";
export type { SidebarKey };
export type MessageKey = SidebarKey;

export const sidebarCatalogues = { "zh-CN": zhCN, "zh-TW": zhTW, en } satisfies Record<
  Language,
  Record<SidebarKey, string>
>;

export function isMessageKey(key: string): key is SidebarKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}

export function translate(language: Language, key: SidebarKey, params: Params = {}): string {
  return lookup(sidebarCatalogues[language] as Readonly<Record<string, string>> | undefined, key, params, language);
}
