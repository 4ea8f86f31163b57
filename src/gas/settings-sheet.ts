/**
 * The shared Settings sheet (设置 / 設定 / Settings), as pure data: which row holds which key,
 * how its cells are written, and how typed cells are read back into a settings object with
 * errors that name the cell. The Apps Script adapter (server.ts) only moves these grids.
 */
import { isDate, parseNumberText, type Cell } from "../engine/cells";
import { translate } from "../engine/i18n";
import { LANGUAGE_TABLE } from "../engine/i18n/languages";
import {
  LANGUAGES,
  SETTING_KINDS,
  SETTINGS_SPEC,
  isSettingKey as isKeyOf,
  validateSettingsInput,
  type Language,
  type Settings,
  type SettingKey,
  type SettingsSpecShape,
} from "../engine/settings";

/** Every name the Settings sheet may have; whichever exists is used, so switching language keeps one sheet. */
export const SETTINGS_SHEET_NAMES: readonly string[] = LANGUAGES.map((l) => translate(l, "settings.sheetName"));

/** The Settings sheet's name in `language`. */
export function settingsSheetName(language: Language): string {
  return translate(language, "settings.sheetName");
}

/** Column layout: A label, B value, C explanation, D the canonical key the program reads. */
export const SETTINGS_COLUMNS = 4;
export const VALUE_COLUMN = 2;
const KEY_COLUMN = 4;

/** 1-based sheet row of `key` in a freshly written Settings sheet. */
export function settingsRow(key: SettingKey, spec: SettingsSpecShape = SETTINGS_SPEC): number {
  return Object.keys(spec.settings).indexOf(key) + 2;
}

/** The key's label (the same words in the sheet, the sidebar form and error messages). */
function label(language: Language, key: string, spec: SettingsSpecShape = SETTINGS_SPEC): string {
  const setting = spec.settings[key];
  return setting ? translate(language, setting.label) : key;
}

/** The grids to write for `settings`: values (strings escaped as literal text), number formats, weights. */
export function settingsSheetGrid(
  settings: Settings,
  spec: SettingsSpecShape = SETTINGS_SPEC,
): {
  values: (string | number)[][];
  numberFormats: string[][];
  fontWeights: ("bold" | "normal")[][];
  fontColors: string[][];
} {
  const language = settings.language;
  const header = [
    translate(language, "server.settings.header.label"),
    translate(language, "server.settings.header.value"),
    translate(language, "server.settings.header.help"),
    translate(language, "server.settings.header.key"),
  ];
  const values: (string | number)[][] = [header];
  const numberFormats: string[][] = [["@", "@", "@", "@"]];
  const fontWeights: ("bold" | "normal")[][] = [["bold", "bold", "bold", "bold"]];
  const fontColors: string[][] = [["#000000", "#000000", "#000000", "#000000"]];
  for (const [key, setting] of Object.entries(spec.settings)) {
    const value = (settings as Record<string, unknown>)[key] as string | number | null | undefined;
    values.push([
      translate(language, setting.label),
      value === null || value === undefined ? "" : value,
      translate(language, setting.help),
      key,
    ]);
    numberFormats.push(["@", SETTING_KINDS[setting.kind].format, "@", "@"]);
    fontWeights.push(["normal", "normal", "normal", "normal"]);
    fontColors.push(["#000000", "#000000", "#5f6368", "#9aa0a6"]);
  }
  return { values, numberFormats, fontWeights, fontColors };
}

export interface SettingsCellError {
  field: SettingKey | "settings";
  message: string;
  /** A1 address in the Settings sheet, e.g. `B3`. */
  cell: string;
}

export type SettingsReading =
  | { ok: true; settings: Settings; input: Record<string, unknown> }
  | { ok: false; errors: SettingsCellError[]; language: Language; input: Record<string, unknown> };

function expected(language: Language, key: SettingKey): string {
  return translate(language, SETTING_KINDS[SETTINGS_SPEC.settings[key].kind].expect);
}

function isSettingKey(text: string): text is SettingKey {
  return isKeyOf(text);
}

/** Keys whose value cell offers a dropdown (choice kinds): the allowed values and the help shown. */
export function settingsSheetDropdowns(
  language: Language,
  spec: SettingsSpecShape = SETTINGS_SPEC,
): { key: SettingKey; choices: string[]; help: string }[] {
  return Object.entries(spec.settings).flatMap(([key, setting]) => {
    const kind = SETTING_KINDS[setting.kind];
    return "choices" in kind && kind.choices && isSettingKey(key)
      ? [{ key, choices: [...kind.choices], help: translate(language, setting.help) }]
      : [];
  });
}

/**
 * True when a data-validation rule's list (`getCriteriaValues()[0]`) is one of our dropdowns'
 * lists: only such rules are ours to remove; a teammate's validation elsewhere stays.
 */
export function isOurDropdownList(criteriaValues: unknown): boolean {
  const list = Array.isArray(criteriaValues) ? criteriaValues[0] : null;
  if (!Array.isArray(list)) return false;
  return settingsSheetDropdowns("zh-CN").some(
    (d) => d.choices.length === list.length && d.choices.every((c, i) => String(list[i]) === c),
  );
}

/** Consecutive rows written with one call each: values and number formats of columns A–D. */
export interface SettingsRun {
  row: number;
  values: (string | number)[][];
  numberFormats: string[][];
  /** Rows that did not exist yet (a new sheet, or a key row a teammate deleted): styled too. */
  added: boolean;
  fontWeights: ("bold" | "normal")[][];
  fontColors: string[][];
}

/**
 * What saving `settings` writes into a Settings sheet that holds `existing` (getValues; `[]`
 * for a new sheet): our rows only, found by their key cell wherever a teammate moved them;
 * missing key rows appended after the last row; the header only where it is ours. Every other
 * row, and every cell outside A–D, is left as it is.
 */
export function settingsWritePlan(
  existing: Cell[][],
  settings: Settings,
): { runs: SettingsRun[]; dropdowns: { row: number; choices: string[]; help: string }[] } {
  const grid = settingsSheetGrid(settings);
  const keys = Object.keys(SETTINGS_SPEC.settings) as SettingKey[];
  const empty = existing.every((line) => line.every((cell) => cell === "" || cell === null || cell === undefined));
  const found = empty ? new Map<SettingKey, number>() : locateKeys(existing);
  const lines: { row: number; index: number; added: boolean }[] = [];
  const headerKeys = LANGUAGES.map((l) => translate(l, "server.settings.header.key"));
  if (empty || headerKeys.includes(String(existing[0]?.[KEY_COLUMN - 1] ?? "").trim()))
    lines.push({ row: 1, index: 0, added: empty });
  let next = empty ? 2 : existing.length + 1;
  keys.forEach((key, i) => {
    const row = found.get(key);
    lines.push(row ? { row, index: i + 1, added: false } : { row: next++, index: i + 1, added: true });
  });
  lines.sort((a, b) => a.row - b.row);
  const runs: SettingsRun[] = [];
  for (const line of lines) {
    const last = runs[runs.length - 1];
    const pick = <T>(layer: T[][]) => layer[line.index];
    if (last && last.added === line.added && last.row + last.values.length === line.row) {
      last.values.push(pick(grid.values));
      last.numberFormats.push(pick(grid.numberFormats));
      last.fontWeights.push(pick(grid.fontWeights));
      last.fontColors.push(pick(grid.fontColors));
    } else {
      runs.push({
        row: line.row,
        values: [pick(grid.values)],
        numberFormats: [pick(grid.numberFormats)],
        fontWeights: [pick(grid.fontWeights)],
        fontColors: [pick(grid.fontColors)],
        added: line.added,
      });
    }
  }
  const rowOf = new Map(lines.filter((l) => l.index > 0).map((l) => [keys[l.index - 1], l.row]));
  const dropdowns = settingsSheetDropdowns(settings.language).map((d) => ({
    row: rowOf.get(d.key) ?? settingsRow(d.key),
    choices: d.choices,
    help: d.help,
  }));
  return { runs, dropdowns };
}

/** Which row holds each key: by the key column, falling back to the standard row when a key cell was cleared. */
function locateKeys(values: Cell[][]): Map<SettingKey, number> {
  const rows = new Map<SettingKey, number>();
  values.forEach((line, i) => {
    const k = String(line[KEY_COLUMN - 1] ?? "").trim();
    if (i > 0 && isSettingKey(k) && !rows.has(k)) rows.set(k, i + 1);
  });
  for (const key of Object.keys(SETTINGS_SPEC.settings) as SettingKey[]) {
    const row = settingsRow(key);
    if (!rows.has(key) && row <= values.length && String(values[row - 1][KEY_COLUMN - 1] ?? "").trim() === "")
      rows.set(key, row);
  }
  return rows;
}

/**
 * True when `values` can be Shop Doctor's own Settings sheet: empty, or with at least one
 * setting key in the key column. A teammate's own tab that happens to be called "Settings"
 * is neither, and must never be read as settings or overwritten.
 */
export function isSettingsSheet(values: Cell[][]): boolean {
  const empty = values.every((line) => line.every((cell) => cell === "" || cell === null || cell === undefined));
  return empty || values.some((line, i) => i > 0 && isSettingKey(String(line[KEY_COLUMN - 1] ?? "").trim()));
}

/** The language written in the sheet, if it is a valid one (used to word errors about other cells). */
export function languageInSheet(values: Cell[][]): Language | null {
  const row = locateKeys(values).get("language");
  if (!row) return null;
  const text = String(values[row - 1][VALUE_COLUMN - 1] ?? "").trim();
  const found = LANGUAGES.find((l) => l.toLowerCase() === text.toLowerCase());
  return found ?? null;
}

/**
 * Reads one typed cell as the raw input for `key`, or an error message. Only what a cell adds is
 * handled here (numbers typed as text, dates in a text cell); the spec's validator checks the rest.
 */
function readCell(key: SettingKey, cell: Cell, language: Language): { value: unknown } | { error: string } | null {
  if (cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "")) return null;
  const kind = SETTING_KINDS[SETTINGS_SPEC.settings[key].kind];
  if (kind.type !== "number") {
    if (isDate(cell)) return kind.type === "text" ? { value: String(cell) } : { error: expected(language, key) };
    return { value: String(cell) };
  }
  if (typeof cell === "number") return { value: cell };
  if (typeof cell === "string") {
    const reading = parseNumberText(cell);
    if (reading.kind === "number") return { value: reading.value };
    if (reading.kind === "blank") return null;
    return { error: `${translate(language, "server.expect.notNumber", { value: cell })}; ${expected(language, key)}` };
  }
  return { error: expected(language, key) };
}

/**
 * Reads the Settings sheet's values (as getValues returns them) into validated settings.
 * Missing rows and empty cells take the defaults; every invalid cell is reported.
 */
export function readSettingsSheet(values: Cell[][], fallbackLanguage: Language): SettingsReading {
  const language = languageInSheet(values) ?? fallbackLanguage;
  const rows = locateKeys(values);
  const input: Record<string, unknown> = {};
  const errors: SettingsCellError[] = [];
  for (const [key, row] of rows) {
    const result = readCell(key, values[row - 1][VALUE_COLUMN - 1], language);
    if (!result) continue;
    if ("error" in result) errors.push({ field: key, message: result.error, cell: `B${row}` });
    else input[key] = result.value;
  }
  if (errors.length) return { ok: false, errors, language, input };
  const checked = validateSettings(input, language, (key) => `B${rows.get(key) ?? settingsRow(key)}`);
  return checked.ok
    ? { ok: true, settings: checked.settings, input }
    : { ok: false, errors: checked.errors, language, input };
}

/** The spec's validator, with errors in `language` pointed at Settings-sheet cells. */
export function validateSettings(
  input: Record<string, unknown>,
  language: Language,
  cellOf: (key: SettingKey) => string = (key) => `B${settingsRow(key)}`,
): { ok: true; settings: Settings } | { ok: false; errors: SettingsCellError[] } {
  const checked = validateSettingsInput(input, language, SETTINGS_SPEC);
  if (checked.ok) return { ok: true, settings: checked.settings as Settings };
  const errors: SettingsCellError[] = [];
  const seen = new Set<string>();
  for (const error of checked.errors) {
    const key = error.field;
    if (!isSettingKey(key)) {
      errors.push({ field: "settings", message: error.message, cell: "" });
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ field: key, message: error.message, cell: cellOf(key) });
  }
  return { ok: false, errors };
}

/** One line naming every bad cell, e.g. `设置!B2（同行同层平均支付转化率）应填 0% 到 100% 之间的百分比…`. */
export function describeSettingsErrors(errors: SettingsCellError[], language: Language, sheetName: string): string {
  const problems = errors.map((e) =>
    translate(language, "server.error.problem", {
      cell: e.cell ? `${sheetName}!${e.cell}` : sheetName,
      label: e.field === "settings" ? sheetName : label(language, e.field),
      expected: e.message,
    }),
  );
  return translate(language, "server.error.invalidSettings", {
    problems: problems.join(LANGUAGE_TABLE[language].clauseSeparator),
  });
}
