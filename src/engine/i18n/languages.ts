/**
 * The one table of report languages. Everything that lists languages (settings, the CLI's --lang,
 * the sidebar's picker, the Settings sheet's drop-down, the locale guess) derives from it; adding
 * a language is one row here plus its catalogue module (index.ts checks that every row has one).
 * Kept free of catalogues so the sidebar can import it without the report's strings.
 */

/** Plural categories the catalogues use (CLDR names); a language lists the ones it distinguishes. */
export type PluralCategory = "one" | "other";

export interface LanguageInfo {
  /** How the language names itself, for pickers. */
  nativeName: string;
  /** The plural category of a count. Explicit rules rather than Intl.PluralRules: same on every runtime. */
  plural: (count: number) => PluralCategory;
  /** BCP 47 locale for number formatting. */
  numberLocale: string;
  /** Spreadsheet/browser locale prefixes (lower case, `-` or `_`) that choose this language. */
  localePrefixes: readonly string[];
  /** Joins the items of a list inside a sentence ("A、B" / "A, B"). */
  listSeparator: string;
  /** Joins whole clauses ("A；B" / "A; B"). */
  clauseSeparator: string;
  /** True when a heading-style name (an area) is lower-cased inside a sentence. */
  lowerCaseNamesInSentence: boolean;
}

const CHINESE_PUNCTUATION = { listSeparator: "、", clauseSeparator: "；", lowerCaseNamesInSentence: false } as const;

const chinese = (): PluralCategory => "other";

export const LANGUAGE_TABLE = {
  "zh-CN": {
    nativeName: "简体中文",
    plural: chinese,
    numberLocale: "zh-CN",
    localePrefixes: ["zh"],
    ...CHINESE_PUNCTUATION,
  },
  "zh-TW": {
    nativeName: "繁體中文",
    plural: chinese,
    numberLocale: "zh-TW",
    localePrefixes: ["zh-tw", "zh-hk", "zh-mo", "zh-hant"],
    ...CHINESE_PUNCTUATION,
  },
  en: {
    nativeName: "English",
    plural: (count) => (Math.abs(count) === 1 ? "one" : "other"),
    numberLocale: "en-US",
    localePrefixes: ["en"],
    listSeparator: ", ",
    clauseSeparator: "; ",
    lowerCaseNamesInSentence: true,
  },
} satisfies Record<string, LanguageInfo>;

export type Language = keyof typeof LANGUAGE_TABLE;
export const LANGUAGES = Object.keys(LANGUAGE_TABLE) as readonly Language[] as readonly [Language, ...Language[]];
/** The language used when nothing says otherwise. */
export const DEFAULT_LANGUAGE: Language = "zh-CN";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(LANGUAGE_TABLE, value);
}

/** The language a locale such as `zh_TW`, `zh-Hant-HK` or `en_GB` asks for; the longest matching prefix wins. */
export function languageFromLocale(locale: string, fallback: Language = DEFAULT_LANGUAGE): Language {
  const l = locale.toLowerCase().replace(/_/g, "-");
  let best: { language: Language; length: number } | null = null;
  for (const language of LANGUAGES) {
    for (const prefix of LANGUAGE_TABLE[language].localePrefixes) {
      const matches = l === prefix || l.startsWith(`${prefix}-`);
      if (matches && (!best || prefix.length > best.length)) best = { language, length: prefix.length };
    }
  }
  return best ? best.language : fallback;
}
