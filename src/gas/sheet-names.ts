/** The names of the sheets Shop Doctor owns, and the language a spreadsheet speaks before it has settings. */
import { LANGUAGES, languageFromLocale as fromLocale, translate, type Language } from "../engine/i18n";

/** Every name the report sheet may have (one per language); any of them is ours to rewrite. */
export const REPORT_SHEET_NAMES: readonly string[] = LANGUAGES.map((l) => translate(l, "report.sheetName"));

/** The spreadsheet's own language, used before (or without) a Settings sheet. */
export function languageFromLocale(locale: string): Language {
  return fromLocale(locale);
}
