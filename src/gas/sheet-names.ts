/** The names of the sheets Shop Doctor owns, and the language a spreadsheet speaks before it has settings. */
import { translate } from "../engine/i18n";
import { LANGUAGES, type Language } from "../engine/settings";

/** Every name the report sheet may have (one per language); any of them is ours to rewrite. */
export const REPORT_SHEET_NAMES: readonly string[] = LANGUAGES.map((l) => translate(l, "report.sheetName"));

/** The spreadsheet's own language, used before (or without) a Settings sheet. */
export function languageFromLocale(locale: string): Language {
  const l = locale.toLowerCase();
  if (l.startsWith("zh_tw") || l.startsWith("zh_hk") || l.startsWith("zh-tw") || l.startsWith("zh-hk")) return "zh-TW";
  if (l.startsWith("zh")) return "zh-CN";
  if (l.startsWith("en")) return "en";
  return "zh-CN";
}

