/**
 * The server functions the sidebar calls (google.script.run): diagnoseShop, getSettings,
 * saveSettings, openReport. Thin: read sheets, call the engine, write the report; every result
 * is plain data (ApiResult), every failure a message in the sheet's language.
 */
import { translate } from "../engine/i18n";
import type { Status } from "../engine/report";
import { isSettingKey, keysWithDefaults, LANGUAGES, type Language, type Settings } from "../engine/settings";
import type { ApiError, ApiResult, DiagnoseSummary, SettingsView } from "./api";
import { diagnosisEngine } from "./engine-port";
import { readDataSheets } from "./read";
import { writeReport } from "./report-writer";
import { languageFromLocale, REPORT_SHEET_NAMES } from "./sheet-names";
import {
  describeSettingsErrors,
  isSettingsSheet,
  readSettingsSheet,
  SETTINGS_COLUMNS,
  SETTINGS_SHEET_NAMES,
  settingsSheetDropdowns,
  settingsSheetGrid,
  settingsSheetName,
  validateSettings,
  VALUE_COLUMN,
  type SettingsCellError,
} from "./settings-sheet";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** How long a click waits for a teammate's run before answering `busy`. */
const LOCK_WAIT_MS = 3000;

function fail(code: ApiError["code"], message: string, fields?: ApiError["fields"]): ApiResult<never> {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}

function findSheet(spreadsheet: Spreadsheet, names: readonly string[]): Sheet | null {
  for (const name of names) {
    const sheet = spreadsheet.getSheetByName(name);
    if (sheet) return sheet;
  }
  return null;
}

/** What the Settings sheet says, or why it cannot be used; `sheet` null when there is none yet. */
function loadSettings(spreadsheet: Spreadsheet): {
  sheet: Sheet | null;
  language: Language;
  result: ReturnType<typeof readSettingsSheet>;
} {
  const fallback = languageFromLocale(spreadsheet.getSpreadsheetLocale());
  const sheet = findSheet(spreadsheet, SETTINGS_SHEET_NAMES);
  if (!sheet) {
    const parsed = validateSettings({ language: fallback }, fallback);
    if (!parsed.ok) throw new Error("Shop Doctor: the default settings do not validate");
    return { sheet: null, language: fallback, result: { ok: true, settings: parsed.settings, input: {} } };
  }
  const values = sheet.getDataRange().getValues();
  if (!isSettingsSheet(values)) throw new SheetNameTaken(sheet.getName(), fallback);
  const result = readSettingsSheet(values, fallback);
  return { sheet, language: result.ok ? result.settings.language : result.language, result };
}

/** A sheet carries one of our names but holds a teammate's own content: we never overwrite it. */
class SheetNameTaken extends Error {
  constructor(
    readonly sheet: string,
    readonly language: Language,
  ) {
    super(translate(language, "server.error.nameTaken", { sheet }));
  }
}

/** True when `sheet` is empty or holds a report Shop Doctor wrote (its title in A1). */
function isReportSheet(sheet: Sheet): boolean {
  if (sheet.getLastRow() === 0) return true;
  const title = sheet.getRange(1, 1).getValue();
  return LANGUAGES.some((l) => translate(l, "report.title") === title);
}

/** Writes `settings` into the Settings sheet (creating it, visibly, at the end) and returns its name. */
function writeSettingsSheet(spreadsheet: Spreadsheet, existing: Sheet | null, settings: Settings): string {
  const name = settingsSheetName(settings.language);
  let sheet = existing;
  if (!sheet) {
    const active = spreadsheet.getActiveSheet();
    sheet = spreadsheet.insertSheet(name, spreadsheet.getNumSheets());
    // insertSheet activates the new tab; leave the user where they were.
    if (active) spreadsheet.setActiveSheet(active);
  } else if (sheet.getName() !== name) {
    sheet.setName(name);
  }
  const grid = settingsSheetGrid(settings);
  // Formats too: values go into unformatted cells, so the apostrophe that keeps text literal is
  // read as such before the value column gets its percentage / text formats back.
  sheet.clear();
  const range = sheet.getRange(1, 1, grid.values.length, SETTINGS_COLUMNS);
  range.setValues(grid.values.map((row) => row.map((v) => (typeof v === "string" && v !== "" ? "'" + v : v))));
  range.setNumberFormats(grid.numberFormats);
  range.setFontWeights(grid.fontWeights);
  range.setFontColors(grid.fontColors);
  // Choice cells (the language) offer their values as a dropdown, so a typo cannot get in.
  for (const dropdown of settingsSheetDropdowns(settings.language)) {
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(dropdown.choices, true)
      .setAllowInvalid(false)
      .setHelpText(dropdown.help)
      .build();
    sheet.getRange(dropdown.row, VALUE_COLUMN).setDataValidation(rule);
  }
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(1, 200);
  sheet.setColumnWidth(2, 120);
  sheet.setColumnWidth(3, 420);
  sheet.setColumnWidth(4, 140);
  return name;
}

function invalidSettings(errors: SettingsCellError[], language: Language, sheetName: string): ApiResult<never> {
  return fail(
    "invalid-settings",
    describeSettingsErrors(errors, language, sheetName),
    errors.map((e) => ({ field: e.field, message: e.message, cell: e.cell || undefined })),
  );
}

/** Runs `work` holding the document lock, or answers `busy`; flushes writes before letting go. */
function withDocumentLock<T>(spreadsheet: Spreadsheet, work: () => ApiResult<T>): ApiResult<T> {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    let language: Language;
    try {
      language = loadSettings(spreadsheet).language;
    } catch {
      language = languageFromLocale(spreadsheet.getSpreadsheetLocale());
    }
    return fail("busy", translate(language, "ui.error.busy"));
  }
  try {
    return work();
  } catch (error) {
    if (error instanceof SheetNameTaken) return fail("error", error.message);
    const detail = error instanceof Error ? error.message : String(error);
    return fail("error", translate(safeLocaleLanguage(), "server.error.unexpected", { detail }));
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

/** The spreadsheet's language for an error message, never throwing. */
function safeLocaleLanguage(): Language {
  try {
    return languageFromLocale(SpreadsheetApp.getActive().getSpreadsheetLocale());
  } catch {
    return "zh-CN";
  }
}

function emptyCounts(): Record<Status, number> {
  return { good: 0, warn: 0, bad: 0, info: 0 };
}

/** Diagnoses every data sheet and rewrites the report sheet; the sidebar's main button. */
export function diagnoseShop(): ApiResult<DiagnoseSummary> {
  const spreadsheet = SpreadsheetApp.getActive();
  return withDocumentLock(spreadsheet, () => {
    const loaded = loadSettings(spreadsheet);
    const { result, language } = loaded;
    if (!result.ok)
      return invalidSettings(
        result.errors,
        language,
        loaded.sheet ? loaded.sheet.getName() : settingsSheetName(language),
      );
    const settings = result.settings;
    const settingsName = loaded.sheet ? loaded.sheet.getName() : writeSettingsSheet(spreadsheet, null, settings);

    const skip = new Set<string>([...REPORT_SHEET_NAMES, ...SETTINGS_SHEET_NAMES, settingsName]);
    const sheets = readDataSheets(spreadsheet, skip);
    const engine = diagnosisEngine();
    const report = engine.diagnoseTables(sheets, settings);
    const recognised = report.tables.filter((t) => t.kind !== "unknown");
    if (recognised.length === 0) return fail("no-data", translate(settings.language, "ui.error.noData"));

    const grid = engine.layoutReport(report);
    let sheet = findSheet(spreadsheet, [grid.sheetName, ...REPORT_SHEET_NAMES]);
    if (sheet && !isReportSheet(sheet))
      return fail("error", translate(settings.language, "server.error.nameTaken", { sheet: sheet.getName() }));
    if (!sheet) sheet = spreadsheet.insertSheet(grid.sheetName, 0);
    else if (sheet.getName() !== grid.sheetName) sheet.setName(grid.sheetName);
    writeReport(sheet, grid, translate(settings.language, "server.report.protection"));

    const counts = emptyCounts();
    for (const status of Object.keys(counts) as Status[]) counts[status] = report.counts?.[status] ?? 0;
    return {
      ok: true,
      value: {
        score: report.score ?? null,
        scoreReason: report.score === null || report.score === undefined ? (report.scoreReason?.message ?? null) : null,
        counts,
        actions: report.actions.map((a) => ({
          rule: a.rule,
          subject: a.subject,
          subjectType: a.subjectType,
          impact: a.impact,
          message: a.message,
        })),
        reportSheet: grid.sheetName,
        language: report.language,
        period: report.period ? { from: report.period.from, to: report.period.to } : null,
        dataSheets: [...new Set(recognised.map((t) => t.sheet))],
        currency: report.currency,
      },
    };
  });
}

/** The team's settings as the Settings sheet holds them (defaults when it does not exist yet). */
export function getSettings(): ApiResult<SettingsView> {
  try {
    const spreadsheet = SpreadsheetApp.getActive();
    const loaded = loadSettings(spreadsheet);
    const { result, language } = loaded;
    const sheetName = loaded.sheet ? loaded.sheet.getName() : settingsSheetName(language);
    if (!result.ok) return invalidSettings(result.errors, language, sheetName);
    return { ok: true, value: { settings: result.settings, sheet: sheetName } };
  } catch (error) {
    if (error instanceof SheetNameTaken) return fail("error", error.message);
    const detail = error instanceof Error ? error.message : String(error);
    return fail("error", translate(safeLocaleLanguage(), "server.error.unexpected", { detail }));
  }
}

/**
 * Saves the sidebar form into the Settings sheet. Keys the form does not send keep the sheet's
 * values; an invalid value is reported with its cell and nothing is written.
 */
export function saveSettings(input: Record<string, unknown>): ApiResult<SettingsView> {
  const spreadsheet = SpreadsheetApp.getActive();
  return withDocumentLock(spreadsheet, () => {
    const loaded = loadSettings(spreadsheet);
    const merged: Record<string, unknown> = { ...loaded.result.input };
    // A bad cell the form does not overwrite is still bad: report it rather than reset it.
    const sheetErrors = loaded.result.ok ? [] : loaded.result.errors.filter((e) => !(e.field in (input ?? {})));
    const unknownKeys: string[] = [];
    for (const [key, value] of Object.entries(input ?? {})) {
      if (isSettingKey(key)) merged[key] = value === "" || value === undefined ? null : value;
      else unknownKeys.push(key);
    }
    for (const key of keysWithDefaults()) {
      // These have defaults rather than "none": an emptied field means "back to the default".
      if (merged[key] === null) delete merged[key];
    }
    const language =
      typeof merged.language === "string" && (LANGUAGES as readonly string[]).includes(merged.language)
        ? (merged.language as Language)
        : loaded.language;
    const sheetName = loaded.sheet ? loaded.sheet.getName() : settingsSheetName(language);
    const checked = validateSettings(merged, language);
    if (!checked.ok || unknownKeys.length || sheetErrors.length) {
      const errors: SettingsCellError[] = [
        ...sheetErrors,
        ...(checked.ok ? [] : checked.errors.filter((e) => !sheetErrors.some((s) => s.field === e.field))),
      ];
      for (const key of unknownKeys)
        errors.push({ field: "settings", message: translate(language, "server.expect.unknownKey", { key }), cell: "" });
      return invalidSettings(errors, language, sheetName);
    }
    const name = writeSettingsSheet(spreadsheet, loaded.sheet, checked.settings);
    return { ok: true, value: { settings: checked.settings, sheet: name } };
  });
}

const SIDEBAR_TITLE = "Shop Doctor 店铺医生";

/**
 * Opens the sidebar already in the team's language (from the Settings sheet, else the
 * spreadsheet's locale), so it does not flash zh-CN before its first server call answers.
 */
export function showSidebar(): void {
  const spreadsheet = SpreadsheetApp.getActive();
  let language: Language;
  try {
    language = loadSettings(spreadsheet).language;
  } catch {
    language = languageFromLocale(spreadsheet.getSpreadsheetLocale());
  }
  const html = HtmlService.createHtmlOutputFromFile("Sidebar");
  html.setContent(html.getContent().replace(/<html lang="[^"]*">/, `<html lang="${language}">`));
  SpreadsheetApp.getUi().showSidebar(html.setTitle(SIDEBAR_TITLE).setWidth(300));
}

/** Brings the report sheet to the front. */
export function openReport(): ApiResult<{ sheet: string }> {
  const spreadsheet = SpreadsheetApp.getActive();
  const sheet = findSheet(spreadsheet, REPORT_SHEET_NAMES);
  if (!sheet) {
    let language: Language;
    try {
      language = loadSettings(spreadsheet).language;
    } catch {
      language = languageFromLocale(spreadsheet.getSpreadsheetLocale());
    }
    return fail("no-data", translate(language, "server.error.noReport"));
  }
  spreadsheet.setActiveSheet(sheet);
  return { ok: true, value: { sheet: sheet.getName() } };
}
