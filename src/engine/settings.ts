/**
 * Team settings: what a team types into the shared Settings sheet, the sidebar form or a
 * `--settings` JSON file. ONE spec (SETTINGS_SPEC) says, per key, its kind (bounds, number
 * format, expected-value message), default, label and help message keys, and whether the
 * sidebar form shows it; the order of the keys is the order of the Settings sheet's rows.
 * The validator here, the Settings sheet (src/gas/settings-sheet.ts), the sidebar form
 * (src/sidebar/form.ts), the CLI's `--settings` check and the defaults are all derived from it:
 * adding a setting is one entry below plus its strings in the catalogue.
 *
 * No schema library: this file ships in build/Code.js, which Apps Script evaluates on every
 * custom-function call, so the validator is a few small functions over the spec.
 */
import { translate, type MessageKey } from "./i18n";
import { MAX_FIGURE } from "./cells";
import type { SidebarKey } from "./i18n/sidebar";
import { CURRENCY_CODES, type CurrencyCode } from "./currency";

import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from "./i18n/languages";

export { LANGUAGES, type Language };

/**
 * What trends and "vs before" figures compare with (src/engine/rules/windows.ts): the period of
 * the same length just before (the default), the same weekdays a week earlier, or four weeks earlier.
 */
export const COMPARE_TO = ["previous-period", "previous-week", "four-weeks"] as const;
export type CompareTo = (typeof COMPARE_TO)[number];

/** How the sidebar shows a field: a % input, an amount, a 1–5 score, free text, a language list. */
export type FormControl = "percent" | "money" | "dsr" | "text" | "language";

/** One kind of value: its bounds, how the Settings sheet formats it, and what to say when it is wrong. */
export interface SettingKind {
  type: "number" | "text" | "choice" | "code";
  /** Numbers: the lower and upper bound, and whether a value equal to each is allowed. */
  min?: number;
  minInclusive?: boolean;
  max?: number;
  maxInclusive?: boolean;
  /** Text: the most characters allowed (after trimming). */
  maxLength?: number;
  /** Choices: the allowed values (matched case-insensitively, stored as written here). */
  choices?: readonly string[];
  /** Codes: the only codes accepted, after trimming and upper-casing. */
  codes?: readonly string[];
  /** The value cell's number format in the Settings sheet. */
  format: string;
  /** What is expected, as the Settings sheet and `--settings` say it (e.g. "expected a score from 1 to 5"). */
  expect: MessageKey;
  /** The sidebar form's wording for the same problem (a sidebar string: the panel ships only those). */
  invalid: SidebarKey;
  /** The sidebar control, for keys shown in the form. */
  control: FormControl;
}

export const SETTING_KINDS = {
  rate: {
    type: "number",
    min: 0,
    max: 1,
    format: "0.00%",
    expect: "server.expect.rate",
    invalid: "ui.invalid.percent",
    control: "percent",
  },
  // Amounts (a monthly target, a peer figure): above 0 and at most MAX_FIGURE (10^15); 1e308
  // would overflow to Infinity as soon as a rule multiplies it.
  positive: {
    type: "number",
    min: 0,
    max: MAX_FIGURE,
    maxInclusive: true,
    format: "#,##0.00",
    expect: "server.expect.positive",
    invalid: "ui.invalid.amount",
    control: "money",
  },
  dsr: {
    type: "number",
    min: 1,
    minInclusive: true,
    max: 5,
    maxInclusive: true,
    format: "0.00",
    expect: "server.expect.dsr",
    invalid: "ui.invalid.dsr",
    control: "dsr",
  },
  depth: {
    type: "number",
    min: 0,
    max: 100,
    maxInclusive: true,
    format: "0.0",
    expect: "server.expect.depth",
    invalid: "ui.invalid.positive",
    control: "money",
  },
  ratio: {
    type: "number",
    min: 0,
    max: 20,
    maxInclusive: true,
    format: "0.0",
    expect: "server.expect.ratio",
    invalid: "ui.invalid.positive",
    control: "money",
  },
  text: {
    type: "text",
    maxLength: 200,
    format: "@",
    expect: "server.expect.text",
    invalid: "ui.invalid.tooLong",
    control: "text",
  },
  language: {
    type: "choice",
    choices: LANGUAGES,
    format: "@",
    expect: "server.expect.language",
    invalid: "ui.invalid.language",
    control: "language",
  },
  // What trends and "vs before" figures compare with (src/engine/rules/windows.ts).
  compareTo: {
    type: "choice",
    choices: COMPARE_TO,
    format: "@",
    expect: "server.expect.compareTo",
    invalid: "ui.invalid.compareTo",
    control: "text",
  },
  // An ISO 4217 code Shop Doctor can read and format (the currency table in src/engine/currency.ts).
  currency: {
    type: "code",
    codes: CURRENCY_CODES,
    format: "@",
    expect: "server.expect.currency",
    invalid: "ui.invalid.currency",
    control: "text",
  },
} as const satisfies Record<string, SettingKind>;
export type SettingKindName = keyof typeof SETTING_KINDS;

/** One setting. `default: null` means "none": the rule that needs it falls back or stays quiet. */
export interface SettingSpec {
  kind: SettingKindName;
  default: number | string | null;
  /** Label in the Settings sheet (column A), the sidebar form and every error message (a sidebar string). */
  label: SidebarKey;
  /** Explanation in the Settings sheet (column C). */
  help: MessageKey;
  /** Shown in the sidebar form (with this hint under the field); absent = Settings sheet only. */
  form?: { hint?: SidebarKey };
}

/** A pair that must stay in order: `lower` < `higher`; a violation is reported on `report`. */
export interface SettingOrder {
  lower: string;
  higher: string;
  report: string;
  message: MessageKey;
}

export interface SettingsSpecShape {
  settings: Record<string, SettingSpec>;
  orders: readonly SettingOrder[];
}

export const SETTINGS_SPEC = {
  settings: {
    peerPayConversion: {
      kind: "rate",
      default: null,
      label: "ui.field.peerPayConversion",
      help: "server.help.peerPayConversion",
      form: { hint: "ui.hint.percent" },
    },
    peerVisitorValue: {
      kind: "positive",
      default: null,
      label: "ui.field.peerVisitorValue",
      help: "server.help.peerVisitorValue",
      form: { hint: "ui.hint.money" },
    },
    peerDsr: {
      kind: "dsr",
      default: null,
      label: "ui.field.peerDsr",
      help: "server.help.peerDsr",
      form: { hint: "ui.hint.dsr" },
    },
    monthlyTarget: {
      kind: "positive",
      default: null,
      label: "ui.field.monthlyTarget",
      help: "server.help.monthlyTarget",
      form: { hint: "ui.hint.target" },
    },
    heroProduct: {
      kind: "text",
      default: null,
      label: "ui.field.heroProduct",
      help: "server.help.heroProduct",
      form: { hint: "ui.hint.hero" },
    },
    grossMargin: {
      kind: "rate",
      default: null,
      label: "ui.field.grossMargin",
      help: "server.help.grossMargin",
      form: { hint: "ui.hint.percent" },
    },
    language: {
      kind: "language",
      default: DEFAULT_LANGUAGE,
      label: "ui.field.language",
      help: "server.help.language",
      form: {},
    },
    bounceGood: { kind: "rate", default: 0.6, label: "server.field.bounceGood", help: "server.help.bounceGood" },
    bounceBad: { kind: "rate", default: 0.7, label: "server.field.bounceBad", help: "server.help.bounceBad" },
    depthGood: { kind: "depth", default: 3.5, label: "server.field.depthGood", help: "server.help.depthGood" },
    depthBad: { kind: "depth", default: 2.5, label: "server.field.depthBad", help: "server.help.depthBad" },
    aovHeroRatio: { kind: "ratio", default: 1.3, label: "server.field.aovHeroRatio", help: "server.help.aovHeroRatio" },
    // profit (issue 14)
    platformFeeRate: {
      kind: "rate",
      default: null,
      label: "server.field.platformFeeRate",
      help: "server.help.platformFeeRate",
    },
    paymentFeeRate: {
      kind: "rate",
      default: null,
      label: "server.field.paymentFeeRate",
      help: "server.help.paymentFeeRate",
    },
    defaultRefundRate: {
      kind: "rate",
      default: null,
      label: "server.field.defaultRefundRate",
      help: "server.help.defaultRefundRate",
    },
    currency: { kind: "currency", default: null, label: "server.field.currency", help: "server.help.currency" },
    compareTo: {
      kind: "compareTo",
      default: "previous-period",
      label: "server.field.compareTo",
      help: "server.help.compareTo",
    },
    // content commerce (issue 12)
    gpmDrop: { kind: "rate", default: 0.2, label: "server.field.gpmDrop", help: "server.help.gpmDrop" },
    carrierShareMax: {
      kind: "rate",
      default: 0.8,
      label: "server.field.carrierShareMax",
      help: "server.help.carrierShareMax",
    },
  },
  orders: [
    { lower: "bounceGood", higher: "bounceBad", report: "bounceBad", message: "server.expect.bounceOrder" },
    { lower: "depthBad", higher: "depthGood", report: "depthGood", message: "server.expect.depthOrder" },
  ],
} as const satisfies SettingsSpecShape;

type Spec = (typeof SETTINGS_SPEC)["settings"];
export type SettingKey = keyof Spec;

/** Keys in the order the Settings sheet and the sidebar form show them. */
export const SETTING_KEYS = Object.keys(SETTINGS_SPEC.settings) as SettingKey[];

interface KindValues {
  number: number;
  text: string;
  choice: string;
  code: string;
}
type ValueOf<K extends SettingKey> = Spec[K]["kind"] extends "language"
  ? Language
  : Spec[K]["kind"] extends "compareTo"
    ? CompareTo
    : Spec[K]["kind"] extends "currency"
      ? CurrencyCode
      : KindValues[(typeof SETTING_KINDS)[Spec[K]["kind"]]["type"]];

/** A complete, valid settings object. */
export type Settings = { [K in SettingKey]: ValueOf<K> | (Spec[K]["default"] extends null ? null : never) };
/** What a caller may pass: any subset; null or a missing key means the default. */
export type SettingsInput = { [K in SettingKey]?: ValueOf<K> | null };

export interface SettingsError {
  /** The setting at fault, or "settings" for the object as a whole (e.g. an unknown key). */
  field: string;
  message: string;
}

/** A checked value, or the kind's message keys for what was expected (the caller words it). */
export type SettingReading = { ok: true; value: unknown } | { ok: false; expect: MessageKey; invalid: SidebarKey };

/**
 * Checks one value of `kind` (already the right JS type or not); returns the value as stored
 * (trimmed text, a choice as the spec spells it, an upper-cased code) or what is expected.
 * No wording here, so the sidebar can check its form without carrying the report's catalogue.
 */
export function checkSettingValue(kindName: SettingKindName, value: unknown): SettingReading {
  const kind: SettingKind = SETTING_KINDS[kindName];
  const bad: SettingReading = { ok: false, expect: kind.expect, invalid: kind.invalid };
  switch (kind.type) {
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return bad;
      if (kind.min !== undefined && (kind.minInclusive ? value < kind.min : value <= kind.min)) return bad;
      if (kind.max !== undefined && (kind.maxInclusive ? value > kind.max : value >= kind.max)) return bad;
      return { ok: true, value };
    }
    case "text": {
      if (typeof value !== "string") return bad;
      const text = value.trim();
      if (kind.maxLength !== undefined && text.length > kind.maxLength) return bad;
      return { ok: true, value: text };
    }
    case "choice": {
      const found =
        typeof value === "string"
          ? kind.choices?.find((c) => c.toLowerCase() === value.trim().toLowerCase())
          : undefined;
      return found === undefined ? bad : { ok: true, value: found };
    }
    case "code": {
      if (typeof value !== "string") return bad;
      const code = value.trim().toUpperCase();
      return kind.codes && !kind.codes.includes(code) ? bad : { ok: true, value: code };
    }
  }
}

/** True when `text` is a key of `spec`. */
export function isSettingKey(text: string, spec: SettingsSpecShape = SETTINGS_SPEC): boolean {
  return Object.prototype.hasOwnProperty.call(spec.settings, text);
}

/** The label of `key` in `language` (the key itself when the spec has no such key). */
export function settingLabel(key: string, language: Language, spec: SettingsSpecShape = SETTINGS_SPEC): string {
  return isSettingKey(key, spec) ? translate(language, spec.settings[key].label) : key;
}

/** The language a settings object asks for, when it names a valid one. */
export function languageOf(input: unknown): Language | null {
  if (typeof input !== "object" || input === null) return null;
  const reading = checkSettingValue("language", (input as Record<string, unknown>).language);
  return reading.ok ? (reading.value as Language) : null;
}

/** The defaults of `spec` as a complete settings object. */
export function specDefaults(spec: SettingsSpecShape): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(spec.settings)) out[key] = setting.default;
  return out;
}

/**
 * Validates a partial settings object against `spec` and fills in the defaults. Every error
 * names its key and says, in `language`, what is expected; a pair out of order (bounceGood
 * above bounceBad) is one error on the key the spec names.
 */
export function validateSettingsInput(
  input: unknown,
  language: Language,
  spec: SettingsSpecShape,
): { ok: true; settings: Record<string, unknown> } | { ok: false; errors: SettingsError[] } {
  if (input === null || input === undefined) input = {};
  if (typeof input !== "object" || Array.isArray(input)) {
    return { ok: false, errors: [{ field: "settings", message: translate(language, "server.expect.object") }] };
  }
  const given = input as Record<string, unknown>;
  const settings = specDefaults(spec);
  const errors: SettingsError[] = [];
  for (const key of Object.keys(given)) {
    if (!isSettingKey(key, spec))
      errors.push({ field: "settings", message: translate(language, "server.expect.unknownKey", { key }) });
  }
  for (const [key, setting] of Object.entries(spec.settings)) {
    const value = given[key];
    if (value === null || value === undefined) continue;
    // Empty text means "none" (or the default), as an empty cell or field does.
    if (typeof value === "string" && value.trim() === "" && SETTING_KINDS[setting.kind].type !== "number") continue;
    const reading = checkSettingValue(setting.kind, value);
    if (reading.ok) settings[key] = reading.value;
    else errors.push({ field: key, message: translate(language, reading.expect) });
  }
  for (const order of spec.orders) {
    const lower = settings[order.lower];
    const higher = settings[order.higher];
    if (errors.some((e) => e.field === order.lower || e.field === order.higher)) continue;
    if (typeof lower === "number" && typeof higher === "number" && !(lower < higher)) {
      errors.push({ field: order.report, message: translate(language, order.message) });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, settings };
}

/** Validates a partial settings object and fills in defaults; messages in `language` (English unless asked). */
export function parseSettings(
  input: unknown,
  language: Language = "en",
): { ok: true; settings: Settings } | { ok: false; errors: SettingsError[] } {
  const result = validateSettingsInput(input, language, SETTINGS_SPEC);
  return result.ok ? { ok: true, settings: result.settings as Settings } : result;
}

/** The defaults, as a complete settings object. */
export function defaultSettings(): Settings {
  return specDefaults(SETTINGS_SPEC) as Settings;
}

/** Keys that have a default rather than "none": emptying one means "back to the default". */
export function keysWithDefaults(spec: SettingsSpecShape = SETTINGS_SPEC): string[] {
  return Object.entries(spec.settings)
    .filter(([, s]) => s.default !== null)
    .map(([key]) => key);
}
