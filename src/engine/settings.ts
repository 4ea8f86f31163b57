/**
 * Team settings: what a team types into the shared Settings sheet or the sidebar form.
 * Schema first (zod); the type is inferred from it. Build the schema lazily: global code
 * runs on every custom-function call in Apps Script.
 */
import * as z from "zod";

import { LANGUAGES, type Language } from "./i18n/languages";

export { LANGUAGES, type Language };

/** Keys in the order the Settings sheet and the sidebar form show them. */
export const SETTING_KEYS = [
  "peerPayConversion",
  "peerVisitorValue",
  "peerDsr",
  "monthlyTarget",
  "heroProduct",
  "grossMargin",
  "language",
  "bounceGood",
  "bounceBad",
  "depthGood",
  "depthBad",
  "aovHeroRatio",
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

function buildSchema() {
  const rate = z.number().gt(0).lt(1);
  return z
    .object({
      peerPayConversion: rate.nullable().default(null),
      peerVisitorValue: z.number().positive().nullable().default(null),
      peerDsr: z.number().min(1).max(5).nullable().default(null),
      monthlyTarget: z.number().positive().nullable().default(null),
      heroProduct: z.string().trim().max(200).nullable().default(null),
      grossMargin: rate.nullable().default(null),
      language: z.enum(LANGUAGES).default("zh-CN"),
      bounceGood: rate.default(0.6),
      bounceBad: rate.default(0.7),
      depthGood: z.number().positive().max(100).default(3.5),
      depthBad: z.number().positive().max(100).default(2.5),
      aovHeroRatio: z.number().positive().max(20).default(1.3),
    })
    .strict()
    .refine((s) => s.bounceGood < s.bounceBad, {
      path: ["bounceBad"],
      message: "bounceBad must be greater than bounceGood",
    })
    .refine((s) => s.depthBad < s.depthGood, {
      path: ["depthGood"],
      message: "depthGood must be greater than depthBad",
    });
}

let schema: ReturnType<typeof buildSchema> | undefined;
/** The settings schema, built on first use. */
export function settingsSchema(): ReturnType<typeof buildSchema> {
  if (!schema) schema = buildSchema();
  return schema;
}

export type Settings = z.output<ReturnType<typeof buildSchema>>;
export type SettingsInput = z.input<ReturnType<typeof buildSchema>>;

export interface SettingsError {
  field: string;
  message: string;
}

/** Validates a partial settings object and fills in defaults. */
export function parseSettings(
  input: unknown,
): { ok: true; settings: Settings } | { ok: false; errors: SettingsError[] } {
  const result = settingsSchema().safeParse(input ?? {});
  if (result.success) return { ok: true, settings: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({
      field: issue.path.map(String).join(".") || "settings",
      message: issue.message,
    })),
  };
}

/** The defaults, as a complete settings object. */
export function defaultSettings(): Settings {
  const parsed = parseSettings({});
  if (!parsed.ok) throw new Error("Shop Doctor: the default settings do not validate");
  return parsed.settings;
}
