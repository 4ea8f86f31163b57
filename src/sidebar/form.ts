/**
 * The sidebar's settings form as data, derived from the settings spec: which keys it shows (in
 * the spec's order), with which control, label and hint, and how a typed field is read and
 * checked — by the spec's own validator, so the form and the server cannot disagree on limits.
 * No DOM here: main.ts builds the elements from `formFields()`.
 */
import { parseNumberText } from "../engine/cells";
import { translate, type MessageKey } from "../engine/i18n/sidebar";
import {
  checkSettingValue,
  SETTING_KINDS,
  SETTINGS_SPEC,
  type FormControl,
  type Language,
  type SettingKindName,
  type SettingsSpecShape,
} from "../engine/settings";

export interface FormField {
  key: string;
  kind: SettingKindName;
  control: FormControl;
  label: MessageKey;
  hint?: MessageKey;
}

/** The fields of the form, in the spec's order: every key whose spec has `form`. */
export function formFields(spec: SettingsSpecShape = SETTINGS_SPEC): FormField[] {
  return Object.entries(spec.settings).flatMap(([key, setting]) =>
    setting.form
      ? [
          {
            key,
            kind: setting.kind,
            control: SETTING_KINDS[setting.kind].control,
            label: setting.label,
            hint: setting.form.hint,
          },
        ]
      : [],
  );
}

export type FieldReading = { ok: true; value: number | string | null } | { ok: false; message: string };

/** Shows a settings value the way an operator types it (rates as percentages). */
export function displayValue(field: FormField, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (field.control === "percent" && typeof value === "number") return String(Number((value * 100).toPrecision(12)));
  return String(value);
}

/**
 * Reads what was typed into `field`: empty is "none", numbers may be typed as text ("1,200",
 * "3.5%"; a % field takes "3.5" as 3.5 percent), then the spec's check for the key's kind.
 */
export function readFormField(field: FormField, raw: string, language: Language): FieldReading {
  const kind = SETTING_KINDS[field.kind];
  let value: unknown;
  if (kind.type === "number") {
    const reading = parseNumberText(raw);
    if (reading.kind === "blank") return { ok: true, value: null };
    if (reading.kind === "invalid")
      return { ok: false, message: translate(language, "ui.invalid.notNumber", { value: raw.trim() }) };
    value =
      field.control === "percent" && !reading.percent ? Number((reading.value / 100).toPrecision(12)) : reading.value;
  } else {
    if (raw.trim() === "" && kind.type !== "choice") return { ok: true, value: null };
    value = raw;
  }
  const checked = checkSettingValue(field.kind, value);
  return checked.ok
    ? { ok: true, value: checked.value as number | string }
    : { ok: false, message: translate(language, checked.invalid) };
}
