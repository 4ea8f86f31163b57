/**
 * The server functions the sidebar calls (google.script.run): diagnoseShop, getSettings,
 * saveSettings, openReport. Thin: read sheets, call the engine, write the report; every result
 * is plain data (ApiResult), every failure a message in the sheet's language.
 */
import { translate } from "../engine/i18n";
import { DEFAULT_LANGUAGE } from "../engine/i18n/languages";
import { withHistory } from "../engine/history";
import type { Report, SinceLast, Status } from "../engine/report";
import { findHistorySheet, readHistorySheet, writeHistory } from "./history-sheet";
import { isSettingKey, keysWithDefaults, LANGUAGES, type Language, type Settings } from "../engine/settings";
import type { ApiError, ApiResult, DiagnoseSummary, SettingsView } from "./api";
import { diagnosisEngine } from "./engine-port";
import { readDataSheets } from "./read";
import { writeReport } from "./report-writer";
import { languageFromLocale, REPORT_SHEET_NAMES } from "./sheet-names";
import { findReportSheet, markReportSheet, reportSheetMarked } from "./report-sheet";
import {
  describeSettingsErrors,
  isOurDropdownList,
  isSettingsSheet,
  readSettingsSheet,
  SETTINGS_COLUMNS,
  SETTINGS_SHEET_NAMES,
  settingsSheetName,
  settingsWritePlan,
  validateSettings,
  VALUE_COLUMN,
  type SettingsCellError,
} from "./settings-sheet";
import type { Cell } from "../engine/cells";

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
  values: Cell[][];
  language: Language;
  result: ReturnType<typeof readSettingsSheet>;
} {
  const fallback = languageFromLocale(spreadsheet.getSpreadsheetLocale());
  const sheet = findSheet(spreadsheet, SETTINGS_SHEET_NAMES);
  if (!sheet) {
    const parsed = validateSettings({ language: fallback }, fallback);
    if (!parsed.ok) throw new Error("Shop Doctor: the default settings do not validate");
    return { sheet: null, values: [], language: fallback, result: { ok: true, settings: parsed.settings, input: {} } };
  }
  const values = sheet.getDataRange().getValues() as Cell[][];
  if (!isSettingsSheet(values)) throw new SheetNameTaken(sheet.getName(), fallback);
  const result = readSettingsSheet(values, fallback);
  return { sheet, values, language: result.ok ? result.settings.language : result.language, result };
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

/** A string as written into a cell of `format`: literal text (leading `'`) unless the cell is plain text. */
function literalFor(value: string | number, format: string): string | number {
  // A plain-text (`@`) cell keeps what is written as text; elsewhere the apostrophe says "text follows".
  return typeof value === "string" && value !== "" && format !== "@" ? "'" + value : value;
}

/** Removes the dropdowns Shop Doctor put in the value column (and only those), wherever rows moved them. */
function removeOurDropdowns(sheet: Sheet): void {
  const last = sheet.getLastRow();
  if (last === 0) return;
  const rules = sheet.getRange(1, VALUE_COLUMN, last, 1).getDataValidations();
  rules.forEach((line, i) => {
    const rule = line[0];
    if (
      rule &&
      rule.getCriteriaType() === SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST &&
      isOurDropdownList(rule.getCriteriaValues())
    )
      sheet.getRange(i + 1, VALUE_COLUMN).clearDataValidations();
  });
}

/**
 * Writes `settings` into the Settings sheet and returns its name. A new sheet is created
 * (visibly, at the end) and laid out; an existing one is updated in place: only our rows
 * (found by their key cell) and our dropdown change, so a teammate's notes, fills, extra rows
 * and inserted rows stay as they are.
 */
function writeSettingsSheet(
  spreadsheet: Spreadsheet,
  existing: Sheet | null,
  values: Cell[][],
  settings: Settings,
): string {
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
  const plan = settingsWritePlan(existing ? values : [], settings);
  removeOurDropdowns(sheet);
  const lastRow = plan.runs.reduce((max, run) => Math.max(max, run.row + run.values.length - 1), 0);
  if (sheet.getMaxRows() < lastRow) sheet.insertRowsAfter(sheet.getMaxRows(), lastRow - sheet.getMaxRows());
  for (const run of plan.runs) {
    const range = sheet.getRange(run.row, 1, run.values.length, SETTINGS_COLUMNS);
    // Formats first, so each value is read for the cell it lands in (see literalFor).
    range.setNumberFormats(run.numberFormats);
    range.setValues(run.values.map((row, i) => row.map((v, j) => literalFor(v, run.numberFormats[i][j]))));
    if (run.added) {
      range.setFontWeights(run.fontWeights);
      range.setFontColors(run.fontColors);
    }
  }
  // Choice cells (the language) offer their values as a dropdown, so a typo cannot get in.
  for (const dropdown of plan.dropdowns) {
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(dropdown.choices, true)
      .setAllowInvalid(false)
      .setHelpText(dropdown.help)
      .build();
    sheet.getRange(dropdown.row, VALUE_COLUMN).setDataValidation(rule);
  }
  if (!existing) {
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(1, 200);
    sheet.setColumnWidth(2, 120);
    sheet.setColumnWidth(3, 420);
    sheet.setColumnWidth(4, 140);
  }
  return name;
}

function invalidSettings(errors: SettingsCellError[], language: Language, sheetName: string): ApiResult<never> {
  return fail(
    "invalid-settings",
    describeSettingsErrors(errors, language, sheetName),
    errors.map((e) => ({ field: e.field, message: e.message, cell: e.cell || undefined })),
  );
}

/** What a failure is called in the message: the diagnosis, a save of the settings, or reading them. */
type FailureKey = "server.error.unexpected" | "server.error.saveFailed" | "server.error.loadFailed";

/** Apps Script's words when a call needs a scope the user did not grant (partial consent). */
const MISSING_SCOPE = /Specified permissions are not sufficient|Authorization is required/i;

/**
 * The message for a user who unticked a permission on the consent screen. Without the
 * spreadsheet scope even its locale cannot be read, so then the message comes in all three languages.
 */
function permissionsMessage(): string {
  try {
    return translate(languageFromLocale(SpreadsheetApp.getActive().getSpreadsheetLocale()), "server.error.permissions");
  } catch {
    return LANGUAGES.map((l) => translate(l, "server.error.permissions")).join("\n");
  }
}

/**
 * Checks consent first: with granular OAuth consent a user may grant only some of the
 * manifest's two scopes, and every entry point needs both. `ScriptApp.requireAllScopes`
 * (FULL) needs no scope itself; where Apps Script can show the consent screen it does so and
 * ends the run, elsewhere (an add-on's sidebar call) it throws, answered here in words.
 */
function missingConsent(): ApiResult<never> | null {
  try {
    ScriptApp.requireAllScopes(ScriptApp.AuthMode.FULL);
    return null;
  } catch {
    return fail("error", permissionsMessage());
  }
}

/** The team's language (the Settings sheet's, else the spreadsheet's locale), never throwing. */
function teamLanguage(spreadsheet: Spreadsheet): Language {
  try {
    return loadSettings(spreadsheet).language;
  } catch {
    return safeLocaleLanguage();
  }
}

/** An error thrown by `work`, as the result the sidebar shows. */
function failure(error: unknown, key: FailureKey, sheet: string, language = safeLocaleLanguage()): ApiResult<never> {
  if (error instanceof SheetNameTaken) return fail("error", error.message);
  const detail = error instanceof Error ? error.message : String(error);
  if (MISSING_SCOPE.test(detail)) return fail("error", permissionsMessage());
  return fail("error", translate(language, key, { detail, sheet }));
}

/** Runs `work` holding the document lock, or answers `busy`; flushes writes before letting go. */
function withDocumentLock<T>(spreadsheet: Spreadsheet, key: FailureKey, work: () => ApiResult<T>): ApiResult<T> {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return fail("busy", translate(teamLanguage(spreadsheet), "ui.error.busy"));
  try {
    return work();
  } catch (error) {
    return failure(error, key, settingsSheetNameIn(spreadsheet), teamLanguage(spreadsheet));
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

/** The Settings sheet's current name (for a message), never throwing. */
function settingsSheetNameIn(spreadsheet: Spreadsheet): string {
  try {
    return findSheet(spreadsheet, SETTINGS_SHEET_NAMES)?.getName() ?? settingsSheetName(safeLocaleLanguage());
  } catch {
    return settingsSheetName(DEFAULT_LANGUAGE);
  }
}

/** The spreadsheet's language for an error message, never throwing. */
function safeLocaleLanguage(): Language {
  try {
    return languageFromLocale(SpreadsheetApp.getActive().getSpreadsheetLocale());
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function emptyCounts(): Record<Status, number> {
  return { good: 0, warn: 0, bad: 0, info: 0 };
}

/** Diagnoses every data sheet and rewrites the report sheet; the sidebar's main button. */
export function diagnoseShop(): ApiResult<DiagnoseSummary> {
  const refused = missingConsent();
  if (refused) return refused;
  const spreadsheet = SpreadsheetApp.getActive();
  return withDocumentLock(spreadsheet, "server.error.unexpected", () => {
    const loaded = loadSettings(spreadsheet);
    const { result, language } = loaded;
    if (!result.ok)
      return invalidSettings(
        result.errors,
        language,
        loaded.sheet ? loaded.sheet.getName() : settingsSheetName(language),
      );
    const settings = result.settings;
    const settingsName = loaded.sheet ? loaded.sheet.getName() : settingsSheetName(settings.language);
    const marked = spreadsheet.getSheets().find(reportSheetMarked) ?? null;
    const history = findHistorySheet(spreadsheet);
    const skip = new Set<string>([...REPORT_SHEET_NAMES, ...SETTINGS_SHEET_NAMES, settingsName]);
    if (marked) skip.add(marked.getName());
    // Our History sheet is never data; a teammate's tab that only shares its name still is.
    if ("sheet" in history && history.sheet) skip.add(history.sheet.getName());
    const sheets = readDataSheets(spreadsheet, skip);
    const engine = diagnosisEngine();
    const diagnosed = engine.diagnoseTables(sheets, settings);
    const recognised = diagnosed.tables.filter((t) => t.kind !== "unknown");
    if (recognised.length === 0) return fail("no-data", translate(settings.language, "ui.error.noData"));

    const recorded = recordRun(spreadsheet, history, diagnosed);
    const report = recorded.report;
    const grid = engine.layoutReport(report);
    // Everything that can refuse is decided before the first write: a refusal writes nothing.
    const target = findReportSheet(spreadsheet, marked, grid.sheetName, REPORT_SHEET_NAMES);
    if ("taken" in target)
      return fail("error", translate(settings.language, "server.error.nameTaken", { sheet: target.taken }));
    if (!loaded.sheet) writeSettingsSheet(spreadsheet, null, [], settings);
    let sheet = target.sheet;
    if (!sheet) sheet = spreadsheet.insertSheet(grid.sheetName, 0);
    else if (sheet.getName() !== grid.sheetName) sheet.setName(grid.sheetName);
    if (!target.marked) markReportSheet(sheet);
    writeReport(sheet, grid, translate(settings.language, "server.report.protection"));
    recorded.write();
    return { ok: true, value: summary(report, grid.sheetName, recognised) };
  });
}

/**
 * This run against the History sheet: the report with its "since the last diagnosis" block,
 * and the write of its row (done after the report). The run's time is ISO 8601 in the
 * spreadsheet's time zone with its offset (`2026-11-01T09:30:00+08:00`). A tab in the way means
 * no record, said in the report.
 */
function recordRun(
  spreadsheet: Spreadsheet,
  history: ReturnType<typeof findHistorySheet>,
  diagnosed: Report,
): { report: Report; write: () => void } {
  if ("taken" in history) {
    const notRecorded: SinceLast = {
      previous: null,
      deltas: [],
      findings: { known: false, reason: null, added: [], fixed: [], dropped: [] },
      notRecorded: history.taken,
    };
    return { report: { ...diagnosed, sinceLast: notRecorded }, write: () => {} };
  }
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const read = readHistorySheet(history.sheet, diagnosed.language, timeZone);
  const ranAt = Utilities.formatDate(new Date(), timeZone, "yyyy-MM-dd'T'HH:mm:ssXXX");
  const placed = withHistory(diagnosed, read.records, ranAt);
  return {
    report: placed.report,
    write: () => writeHistory(spreadsheet, history, read, placed, diagnosed.language),
  };
}

/** The plain-data summary the sidebar shows after a run. */
function summary(
  report: ReturnType<ReturnType<typeof diagnosisEngine>["diagnoseTables"]>,
  reportSheet: string,
  recognised: { sheet: string }[],
): DiagnoseSummary {
  const counts = emptyCounts();
  for (const status of Object.keys(counts) as Status[]) counts[status] = report.counts?.[status] ?? 0;
  return {
    score: report.score ?? null,
    scoreReason: report.score === null || report.score === undefined ? (report.scoreReason?.message ?? null) : null,
    counts,
    actions: report.actions.map((a) => ({
      rule: a.rule,
      subject: a.subject,
      subjectType: a.subjectType,
      impact: a.impact,
      impactBasis: a.impactBasis,
      message: a.message,
      // Profit at stake (with a Costs tab only), so the panel labels the money as the sheet does.
      ...(a.stakeBasis !== undefined
        ? { profitAtStake: a.profitAtStake ?? null, stakeBasis: a.stakeBasis, stakeMargin: a.stakeMargin ?? null }
        : {}),
    })),
    reportSheet,
    language: report.language,
    period: report.period ? { from: report.period.from, to: report.period.to, days: report.period.days } : null,
    dataSheets: [...new Set(recognised.map((t) => t.sheet))],
    currency: report.currency,
  };
}

/** The team's settings as the Settings sheet holds them (defaults when it does not exist yet). */
export function getSettings(): ApiResult<SettingsView> {
  const refused = missingConsent();
  if (refused) return refused;
  try {
    const spreadsheet = SpreadsheetApp.getActive();
    const loaded = loadSettings(spreadsheet);
    const { result, language } = loaded;
    const sheetName = loaded.sheet ? loaded.sheet.getName() : settingsSheetName(language);
    if (!result.ok) return invalidSettings(result.errors, language, sheetName);
    return { ok: true, value: { settings: result.settings, sheet: sheetName } };
  } catch (error) {
    return failure(error, "server.error.loadFailed", settingsSheetName(safeLocaleLanguage()));
  }
}

/**
 * Saves the sidebar form into the Settings sheet. Keys the form does not send keep the sheet's
 * values; an invalid value is reported with its cell and nothing is written.
 */
export function saveSettings(input: Record<string, unknown>): ApiResult<SettingsView> {
  const refused = missingConsent();
  if (refused) return refused;
  const spreadsheet = SpreadsheetApp.getActive();
  return withDocumentLock(spreadsheet, "server.error.saveFailed", () => {
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
    const name = writeSettingsSheet(spreadsheet, loaded.sheet, loaded.values, checked.settings);
    return { ok: true, value: { settings: checked.settings, sheet: name } };
  });
}

const SIDEBAR_TITLE = "Shop Doctor 店铺医生";

/**
 * Opens the sidebar already in the team's language (from the Settings sheet, else the
 * spreadsheet's locale), so it does not flash zh-CN before its first server call answers.
 */
export function showSidebar(): void {
  // From the menu there is no sidebar yet to show a refusal in: the message is the error Sheets shows.
  if (missingConsent()) throw new Error(permissionsMessage());
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
  const refused = missingConsent();
  if (refused) return refused;
  const spreadsheet = SpreadsheetApp.getActive();
  const sheet = spreadsheet.getSheets().find(reportSheetMarked) ?? findSheet(spreadsheet, REPORT_SHEET_NAMES);
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

/** The tabs the team fills in and the sidebar can add empty: their catalogue keys' prefix. */
type TeamTab = "costs" | "events";

/** Every name a team tab may have (one per language). */
const TEAM_TAB_NAMES: Record<TeamTab, readonly string[]> = {
  costs: LANGUAGES.map((l) => translate(l, "server.costs.sheetName")),
  events: LANGUAGES.map((l) => translate(l, "server.events.sheetName")),
};

/**
 * Adds an empty team tab in the team's language: its header row the columns recognition reads,
 * written as text, and a note on A1 explaining them. A tab under any of its names (in any
 * language) is left exactly as it is.
 */
function createTeamTab(tab: TeamTab): ApiResult<{ sheet: string; created: boolean }> {
  const refused = missingConsent();
  if (refused) return refused;
  const spreadsheet = SpreadsheetApp.getActive();
  let language: Language;
  try {
    language = loadSettings(spreadsheet).language;
  } catch {
    language = languageFromLocale(spreadsheet.getSpreadsheetLocale());
  }
  const existing = findSheet(spreadsheet, TEAM_TAB_NAMES[tab]);
  if (existing) return { ok: true, value: { sheet: existing.getName(), created: false } };
  const headers = translate(language, `server.${tab}.headers`).split("|");
  const sheet = spreadsheet.insertSheet(translate(language, `server.${tab}.sheetName`));
  const header = sheet.getRange(1, 1, 1, headers.length);
  header.setNumberFormat("@").setValues([headers]).setFontWeight("bold");
  sheet.getRange(1, 1).setNote(translate(language, `server.${tab}.note`));
  sheet.setFrozenRows(1);
  return { ok: true, value: { sheet: sheet.getName(), created: true } };
}

/** Profit (issue 14): an empty Costs tab (product, unit cost, shipping, packaging, stock …). */
export function createCostsTab(): ApiResult<{ sheet: string; created: boolean }> {
  return createTeamTab("costs");
}

/** Events (issue 15): an empty Events tab (name, start, end, kind), its note listing the kinds. */
export function createEventsTab(): ApiResult<{ sheet: string; created: boolean }> {
  return createTeamTab("events");
}
