/**
 * Filling a catalogue template: `{name}` placeholders and `{name, plural, one {…} other {…}}`
 * plural forms (`#` inside a form is the number). No catalogue here, so the sidebar and the
 * report share it without sharing strings.
 */
import { LANGUAGE_TABLE, type Language, type PluralCategory } from "./languages";

export type Params = Record<string, string | number>;

/** A parameter as text: a number that is not finite is a dash and -0 is 0, never "NaN", "Infinity" or "-0". */
function paramText(value: string | number): string {
  if (typeof value !== "number") return String(value);
  return Number.isFinite(value) ? String(value + 0) : "—";
}

/** Finds the `}` closing the `{` at `open`, counting nested braces; -1 when unbalanced. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

/** `one {# row} other {# rows}` → { one: "# row", other: "# rows" }; null when it is not that shape. */
function pluralForms(body: string): Partial<Record<PluralCategory, string>> | null {
  const forms: Partial<Record<PluralCategory, string>> = {};
  let i = 0;
  while (i < body.length) {
    const match = /^\s*(one|other)\s*\{/.exec(body.slice(i));
    if (!match) return /^\s*$/.test(body.slice(i)) && forms.other !== undefined ? forms : null;
    const open = i + match[0].length - 1;
    const end = closing(body, open);
    if (end < 0) return null;
    forms[match[1] as PluralCategory] = body.slice(open + 1, end);
    i = end + 1;
  }
  return forms.other !== undefined ? forms : null;
}

/**
 * Fills placeholders and plural forms. A placeholder with no value stays visible (`{name}`), so a
 * missing value is noticed rather than shown as "undefined".
 */
export function format(template: string, params: Params = {}, language: Language = "en"): string {
  let out = "";
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    if (open < 0) break;
    out += template.slice(i, open);
    const end = closing(template, open);
    if (end < 0) {
      out += template.slice(open);
      return out;
    }
    const inner = template.slice(open + 1, end);
    const plural = /^(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
    const has = (name: string) => Object.prototype.hasOwnProperty.call(params, name);
    if (plural && has(plural[1])) {
      const forms = pluralForms(plural[2]);
      const value = params[plural[1]];
      const count = typeof value === "number" ? value : Number(String(value).replace(/,/g, ""));
      if (forms) {
        const category = Number.isFinite(count) ? LANGUAGE_TABLE[language].plural(count) : "other";
        const form = forms[category] ?? forms.other ?? "";
        out += format(form.replace(/#/g, paramText(value)), params, language);
      } else out += template.slice(open, end + 1);
    } else if (/^\w+$/.test(inner) && has(inner)) out += paramText(params[inner]);
    else out += template.slice(open, end + 1);
    i = end + 1;
  }
  return out + template.slice(i);
}

/**
 * The text of `key` in `catalogue`. Never throws: a key the catalogue lacks (only possible past
 * the type checker, e.g. from a stale build) is shown as `⟦key⟧` so it is seen and reported.
 */
export function lookup(
  catalogue: Readonly<Record<string, string>> | undefined,
  key: string,
  params: Params,
  language: Language,
): string {
  const template = catalogue && Object.prototype.hasOwnProperty.call(catalogue, key) ? catalogue[key] : undefined;
  return typeof template === "string" ? format(template, params, language) : `⟦${key}⟧`;
}
