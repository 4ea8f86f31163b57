/**
 * The message catalogues: one module per language (zh-CN.ts is the base and defines the keys;
 * zh-TW.ts and en.ts are checked against it by the compiler), and `translate`.
 */
import { lookup, type Params } from "./format";
import type { Language } from "./languages";
import * as enModule from "./en";
import * as zhCNModule from "./zh-CN";
import * as zhTWModule from "./zh-TW";

interface Sections {
  report: object;
  sidebar: object;
  server: object;
}

/** One language's sections as one catalogue. */
function joined<M extends Sections>(module: M): M["report"] & M["sidebar"] & M["server"] {
  return { ...module.report, ...module.sidebar, ...module.server };
}

// Sections are separate exports so the sidebar bundles only its own (sidebar.ts); joined here.
// `@__PURE__`: a bundle that imports this module but never translates (the sidebar, through the
// settings spec) drops the catalogues entirely.
const zhCN = /* @__PURE__ */ joined(zhCNModule);
const zhTW = /* @__PURE__ */ joined(zhTWModule);
const en = /* @__PURE__ */ joined(enModule);

export { format } from "./format";
export type { Params } from "./format";
export { LANGUAGES, languageFromLocale } from "./languages";
export type { Language } from "./languages";

export type MessageKey = keyof typeof zhCN;
/** A whole catalogue for one language: every key, nothing else (the compile-time parity check). */
export type Messages = Record<MessageKey, string>;

/** One catalogue per row of the languages table; a missing or incomplete one does not compile. */
export const catalogues = { "zh-CN": zhCN, "zh-TW": zhTW, en } satisfies Record<Language, Messages>;

/** The base catalogue; its keys are the message keys. */
export const messages: Messages = zhCN;
export const MESSAGE_KEYS = /* @__PURE__ */ Object.keys(zhCN) as MessageKey[];

/** True when `key` is a message key: the checked way to use a key built at run time. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}

/** The message `key` in `language`, placeholders and plural forms filled; never throws. */
export function translate(language: Language, key: MessageKey, params: Params = {}): string {
  return lookup(catalogues[language] as Readonly<Record<string, string>> | undefined, key, params, language);
}
