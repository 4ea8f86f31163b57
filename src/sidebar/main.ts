/**
 * The "Diagnose shop" sidebar. Talks to the server only through `run` (server.ts); every word
 * comes from the shared catalogue; everything derived from sheet data goes in as text
 * (textContent), never as HTML.
 */
import type { ApiError, DiagnoseSummary, SettingsView } from "../gas/api";
import { formatAmount, type CurrencyCode } from "../engine/currency";
import { isLanguage as isCatalogueLanguage, isMessageKey, translate, type MessageKey } from "../engine/i18n/sidebar";
import { LANGUAGE_TABLE } from "../engine/i18n/languages";
import type { Status } from "../engine/report";
import { scoreBand } from "../engine/score";
import { stakeLine } from "../engine/stake-text";
import { LANGUAGES, SETTINGS_SPEC, type Language, type Settings } from "../engine/settings";
import { displayValue, formFields, readFormField, type FieldReading, type FormField } from "./form";
import { run } from "./server";

const STAGES = ["reading", "checking", "writing"] as const;
/**
 * diagnoseShop is one server call, so the stages are paced on the client: these are roughly
 * when each stage starts on a typical shop. The last stage stays until the answer arrives.
 */
const STAGE_STARTS_MS = [0, 700, 1600];
/** Problems first: that is what the operator reads first. */
const STATUS_ORDER: readonly Status[] = ["bad", "warn", "good", "info"];
const STATUS_ICONS: Record<Status, string> = { bad: "✕", warn: "!", good: "✓", info: "i" };

/** The form's fields, derived from the settings spec (src/sidebar/form.ts). */
const FIELDS: readonly FormField[] = formFields();
type FormKey = string;

/** What the panel shows; re-rendered as a whole when the language changes. */
interface PanelState {
  language: Language;
  settingsSheet: string | null;
  running: boolean;
  stage: number;
  summary: DiagnoseSummary | null;
  /**
   * ApiError: the server answered with a worded refusal. `auth` / `server`: google.script.run
   * itself failed. `said`: show the server's own sentence as it is.
   */
  error:
    | ApiError
    | { code: "auth" }
    | { code: "server"; message: string; during?: "settings" }
    | { code: "said"; message: string }
    | null;
  status: { key: MessageKey; params: Record<string, string> } | null;
}

/** The language showSidebar baked into `<html lang>` (the team's setting); zh-CN when served as is. */
function initialLanguage(): Language {
  const lang = document.documentElement.lang;
  return isLanguage(lang) ? lang : "zh-CN";
}

const state: PanelState = {
  language: initialLanguage(),
  settingsSheet: null,
  running: false,
  stage: 0,
  summary: null,
  error: null,
  status: null,
};

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`Shop Doctor sidebar: #${id} is missing from Sidebar.html`);
  return element as T;
}

function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return translate(state.language, key, params);
}

/** Creates an element whose content is plain text: the only way sheet data reaches the page. */
function textElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) element.className = className;
  return element;
}

function isLanguage(value: unknown): value is Language {
  return isCatalogueLanguage(value);
}

function settingsSheetName(): string {
  return state.settingsSheet ?? t("settings.sheetName");
}

// ---------------------------------------------------------------- static text and language

function applyStaticText(): void {
  document.documentElement.lang = state.language;
  document.querySelectorAll<HTMLElement>("[data-i18n]").forEach((element) => {
    const key = element.dataset.i18n ?? "";
    element.textContent = isMessageKey(key) ? t(key) : `⟦${key}⟧`;
  });
  byId("counts").setAttribute("aria-label", t("ui.counts.label"));
  byId("settings-hint").textContent = t("ui.settings.hint", { sheet: settingsSheetName() });
  for (const option of Array.from(byId<HTMLSelectElement>("field-language").options)) {
    if (isLanguage(option.value)) option.textContent = t(`ui.language.${option.value}`);
  }
}

function setLanguage(language: Language): void {
  state.language = language;
  applyStaticText();
  render();
}

// ---------------------------------------------------------------- diagnose panel

/** Amounts as the report writes them (one currency table for the sheet, the CLI and the sidebar). */
function formatMoney(amount: number, currency: CurrencyCode): string {
  return formatAmount(amount, currency);
}

function renderProgress(): void {
  const progress = byId("progress");
  progress.hidden = !state.running;
  const button = byId<HTMLButtonElement>("diagnose");
  button.disabled = state.running;
  button.setAttribute("aria-busy", String(state.running));
  button.textContent = state.running ? t("ui.diagnosing") : state.summary ? t("ui.diagnoseAgain") : t("ui.diagnose");
  if (!state.running) return;
  byId<HTMLProgressElement>("progress-bar").value = state.stage + 1;
  byId("progress-label").textContent =
    `${t("ui.progress.step", { step: state.stage + 1, total: STAGES.length })} · ${t(`ui.stage.${STAGES[state.stage]}`)}`;
  const list = byId("stages");
  list.replaceChildren(
    ...STAGES.map((stage, index) => {
      const done = index < state.stage;
      const current = index === state.stage;
      const item = document.createElement("li");
      item.className = done ? "stage done" : current ? "stage current" : "stage waiting";
      item.dataset.stage = stage;
      if (current) item.setAttribute("aria-current", "step");
      item.append(
        textElement("span", done ? "✓" : current ? "●" : "○", "icon"),
        textElement("span", t(`ui.stage.${stage}`), "stage-name"),
        textElement(
          "span",
          t(done ? "ui.stage.done" : current ? "ui.stage.current" : "ui.stage.waiting"),
          "visually-hidden",
        ),
      );
      item.lastElementChild?.prepend(" ");
      return item;
    }),
  );
}

const BAND_WORDS: Record<Exclude<Status, "info">, MessageKey> = {
  good: "ui.score.healthy",
  warn: "ui.score.watch",
  bad: "ui.score.sick",
};

function bandOf(score: number | null): { key: MessageKey; status: Status } {
  if (score === null) return { key: "ui.score.notEnough", status: "info" };
  const status = scoreBand(score);
  return { key: BAND_WORDS[status], status };
}

function renderResult(): void {
  const section = byId("result");
  const summary = state.summary;
  section.hidden = !summary;
  section.classList.toggle("stale", state.running);
  if (!summary) return;
  const scored = summary.score !== null && Number.isFinite(summary.score);
  byId("score").textContent = scored ? String(Math.round(summary.score!)) : t("ui.score.none");
  section.querySelector<HTMLElement>(".score-out-of")!.hidden = !scored;
  // No score: the server says why and which exports would make one possible (report language).
  const reason = byId("score-reason");
  reason.hidden = scored || !summary.scoreReason;
  reason.textContent = scored ? "" : (summary.scoreReason ?? "");
  if (isLanguage(summary.language)) reason.lang = summary.language;
  const band = bandOf(scored ? summary.score : null);
  const bandElement = byId("score-band");
  bandElement.className = `band status-${band.status}`;
  bandElement.replaceChildren(
    textElement("span", STATUS_ICONS[band.status], "icon"),
    document.createTextNode(` ${t(band.key)}`),
  );
  bandElement.firstElementChild?.setAttribute("aria-hidden", "true");

  byId("counts").replaceChildren(
    ...STATUS_ORDER.map((status) => {
      const item = document.createElement("li");
      item.className = `count status-${status}`;
      item.dataset.status = status;
      const icon = textElement("span", STATUS_ICONS[status], "icon");
      icon.setAttribute("aria-hidden", "true");
      item.append(
        icon,
        textElement("span", t(`ui.status.${status}`), "count-label"),
        textElement("span", String(summary.counts[status] ?? 0), "count-value"),
      );
      return item;
    }),
  );

  const period = byId("period");
  // The period and its days when the data says; otherwise that amounts are for the whole export.
  period.hidden = false;
  period.textContent = summary.period
    ? t("ui.period", { from: summary.period.from, to: summary.period.to, days: summary.period.days })
    : t("ui.periodUnknown");
  const sheets = byId("data-sheets");
  sheets.hidden = summary.dataSheets.length === 0;
  sheets.textContent = t("ui.dataSheets", {
    sheets: summary.dataSheets.join(LANGUAGE_TABLE[state.language].listSeparator),
  });

  // The panel follows a language switch at once; the report (and its advice shown here) follows
  // at the next diagnosis, so say so while they differ.
  const languageNote = byId("language-note");
  const stale = isLanguage(summary.language) && summary.language !== state.language;
  languageNote.hidden = !stale;
  languageNote.textContent = stale ? t("ui.languageSwitched", { previous: t(`ui.language.${summary.language}`) }) : "";

  const actions = byId("actions");
  if (summary.actions.length === 0) {
    actions.replaceChildren(textElement("li", t("ui.actions.none"), "action none"));
  } else {
    actions.replaceChildren(
      ...summary.actions.slice(0, 3).map((action) => {
        const item = document.createElement("li");
        item.className = "action";
        item.dataset.rule = action.rule;
        const message = textElement("p", action.message, "action-message");
        // The advice is in the report's language, which may trail a language switch.
        if (isLanguage(summary.language)) message.lang = summary.language;
        item.append(message);
        // Profit at stake with a Costs tab (worded as the sheet words it), else the money as always.
        const impact =
          action.impact === null
            ? t("ui.impact.unknown")
            : (stakeLine(action, (amount) => formatMoney(amount, summary.currency), t) ??
              t(action.impactBasis === "export" ? "ui.impact.perDay.export" : "ui.impact.perDay", {
                amount: formatMoney(action.impact, summary.currency),
              }));
        item.append(textElement("p", impact, "action-impact"));
        return item;
      }),
    );
  }
}

function errorText(error: NonNullable<PanelState["error"]>): string {
  switch (error.code) {
    case "no-data":
      return t("ui.error.noData");
    case "busy":
      return t("ui.error.busy");
    case "invalid-settings":
      return t("ui.error.invalidSettings", { sheet: settingsSheetName() });
    case "auth":
      return t("ui.error.auth");
    case "server":
      return t(error.during === "settings" ? "ui.error.settingsLoad" : "ui.error.server", { message: error.message });
    default:
      // The server words its own unexpected errors fully, in the sheet's language.
      return error.message;
  }
}

function renderError(): void {
  const box = byId("error");
  const error = state.error;
  box.hidden = !error;
  const fields = byId("error-fields");
  if (!error) {
    fields.replaceChildren();
    return;
  }
  byId("error-message").textContent = errorText(error);
  const list = "fields" in error && error.fields ? error.fields : [];
  fields.replaceChildren(
    ...list.map((field) => textElement("li", describeFieldError(field.field, field.message, field.cell))),
  );
}

function describeFieldError(field: string, message: string, cell?: string): string {
  const setting = (SETTINGS_SPEC.settings as Record<string, { label: MessageKey } | undefined>)[field];
  const label = setting ? t(setting.label) : field;
  const where = cell ? t("ui.invalid.atCell", { sheet: settingsSheetName(), cell }) : "";
  return t("ui.invalid.line", { field: label, where, message });
}

function render(): void {
  renderProgress();
  renderResult();
  renderError();
  byId("status").textContent = state.status ? t(state.status.key, state.status.params) : "";
}

/** The one place a server failure becomes something a person can act on. */
function classifyFailure(error: unknown): NonNullable<PanelState["error"]> {
  const message = error instanceof Error ? error.message : String(error);
  // What google.script.run reports when several Google accounts confuse the session.
  if (/PERMISSION_DENIED|authori[sz]ation is required|not authori[sz]ed|需要授权|需要授權/i.test(message))
    return { code: "auth" };
  return { code: "server", message };
}

let stageTimers: number[] = [];

async function diagnose(): Promise<void> {
  if (state.running) return;
  state.running = true;
  state.stage = 0;
  state.error = null;
  state.status = null;
  stageTimers = STAGE_STARTS_MS.slice(1).map((at, index) =>
    window.setTimeout(() => {
      state.stage = index + 1;
      renderProgress();
    }, at),
  );
  render();
  let focusTarget: HTMLElement | null = null;
  try {
    const result = await run("diagnoseShop");
    if (result.ok) {
      state.summary = result.value;
      state.status = { key: "ui.finished", params: { sheet: result.value.reportSheet } };
      if (isLanguage(result.value.language) && result.value.language !== state.language) {
        state.language = result.value.language;
        applyStaticText();
      }
      focusTarget = byId("result-title");
    } else {
      state.error = result.error;
      focusTarget = byId("diagnose");
    }
  } catch (error) {
    state.error = classifyFailure(error);
    focusTarget = byId("diagnose");
  } finally {
    stageTimers.forEach((timer) => window.clearTimeout(timer));
    stageTimers = [];
    state.running = false;
    render();
  }
  // Keyboard users land on the result (Tab then reaches Open report) or back on the button.
  focusTarget?.focus();
}

async function openReport(event: Event): Promise<void> {
  event.preventDefault();
  state.error = null;
  try {
    const result = await run("openReport");
    if (result.ok) state.status = { key: "ui.openReport.done", params: { sheet: result.value.sheet } };
    // e.g. no report yet: the server says what to do.
    else state.error = { code: "said", message: result.error.message };
  } catch (error) {
    state.error = classifyFailure(error);
  }
  render();
}

/**
 * Adds a tab the team fills in — the Costs tab (profit, issue 14) or the Events tab (issue 15) —
 * or says it exists (the server never changes an existing tab).
 */
async function createTeamTab(event: Event, tab: "Costs" | "Events"): Promise<void> {
  event.preventDefault();
  state.error = null;
  try {
    const result = await run(`create${tab}Tab`);
    if (result.ok) {
      const key = result.value.created ? (`ui.create${tab}.done` as const) : (`ui.create${tab}.exists` as const);
      state.status = { key, params: { sheet: result.value.sheet } };
    } else state.error = { code: "said", message: result.error.message };
  } catch (error) {
    state.error = classifyFailure(error);
  }
  render();
}

// ---------------------------------------------------------------- settings form

function fieldInput(key: FormKey): HTMLInputElement | HTMLSelectElement {
  return byId<HTMLInputElement | HTMLSelectElement>(`field-${key}`);
}

function buildSettingsForm(): void {
  const container = byId("settings-fields");
  for (const field of FIELDS) {
    const row = document.createElement("div");
    row.className = "field";
    const id = `field-${field.key}`;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.dataset.i18n = field.label;
    let input: HTMLInputElement | HTMLSelectElement;
    if (field.control === "language") {
      const select = document.createElement("select");
      for (const language of LANGUAGES) {
        const option = document.createElement("option");
        option.value = language;
        select.append(option);
      }
      input = select;
    } else {
      const text = document.createElement("input");
      text.type = "text";
      text.autocomplete = "off";
      if (field.control !== "text") text.inputMode = "decimal";
      input = text;
    }
    input.id = id;
    input.name = field.key;
    const describedBy: string[] = [];
    row.append(label);
    if (field.control === "percent") row.classList.add("with-unit");
    const control = document.createElement("div");
    control.className = "control";
    control.append(input);
    if (field.control === "percent") {
      const unit = textElement("span", "%", "unit");
      unit.setAttribute("aria-hidden", "true");
      control.append(unit);
    }
    row.append(control);
    if (field.hint) {
      const hint = document.createElement("p");
      hint.className = "hint";
      hint.id = `${id}-hint`;
      hint.dataset.i18n = field.hint;
      describedBy.push(hint.id);
      row.append(hint);
    }
    const error = document.createElement("p");
    error.className = "field-error";
    error.id = `${id}-error`;
    error.hidden = true;
    describedBy.push(error.id);
    row.append(error);
    input.setAttribute("aria-describedby", describedBy.join(" "));
    container.append(row);
  }
}

/**
 * What each field showed when the settings were last loaded. Only fields that differ are sent,
 * so a panel that could not load the settings never blanks the values a teammate saved.
 */
const loadedText = new Map<FormKey, string>();

function fillSettingsForm(settings: Settings): void {
  for (const field of FIELDS) {
    const text = displayValue(field, (settings as Record<string, unknown>)[field.key]);
    fieldInput(field.key).value = text;
    loadedText.set(field.key, text);
  }
  clearFieldErrors();
}

function clearFieldErrors(): void {
  for (const field of FIELDS) showFieldError(field.key, null);
}

function showFieldError(key: string, message: string | null): boolean {
  const input = document.getElementById(`field-${key}`);
  const error = document.getElementById(`field-${key}-error`);
  if (!input || !error) return false;
  error.hidden = message === null;
  error.textContent = message ?? "";
  if (message === null) input.removeAttribute("aria-invalid");
  else input.setAttribute("aria-invalid", "true");
  return true;
}

/** Reads one form field and checks it with the settings spec's own validator. */
function readField(field: FormField): FieldReading {
  return readFormField(field, fieldInput(field.key).value, state.language);
}

function showSettingsStatus(text: string, problem = false): void {
  const status = byId("settings-status");
  status.textContent = text;
  status.classList.toggle("problem", problem);
}

async function saveSettings(event: Event): Promise<void> {
  event.preventDefault();
  clearFieldErrors();
  const input: Record<string, unknown> = {};
  let firstInvalid: HTMLElement | null = null;
  let invalid = 0;
  for (const field of FIELDS) {
    const reading = readField(field);
    if (reading.ok) {
      if (fieldInput(field.key).value !== (loadedText.get(field.key) ?? "")) input[field.key] = reading.value;
    } else {
      invalid++;
      showFieldError(field.key, reading.message);
      firstInvalid ??= fieldInput(field.key);
    }
  }
  if (firstInvalid) {
    showSettingsStatus(t("ui.settings.fix", { count: invalid }), true);
    firstInvalid.focus();
    return;
  }
  const button = byId<HTMLButtonElement>("save-settings");
  button.disabled = true;
  showSettingsStatus(t("ui.settings.saving"));
  try {
    const result = await run("saveSettings", input);
    if (result.ok) {
      applySettingsView(result.value);
      showSettingsStatus(t("ui.settings.saved", { sheet: result.value.sheet }));
    } else if (result.error.code === "invalid-settings" && result.error.fields) {
      const outside: typeof result.error.fields = [];
      for (const field of result.error.fields) {
        const cell = field.cell ? t("ui.invalid.atCell", { sheet: settingsSheetName(), cell: field.cell }) : "";
        if (!showFieldError(field.field, `${field.message}${cell}`)) outside.push(field);
      }
      const inForm = result.error.fields.length - outside.length;
      showSettingsStatus(
        [
          inForm ? t("ui.settings.fix", { count: inForm }) : "",
          outside.length ? t("ui.settings.fixInSheet", { count: outside.length, sheet: settingsSheetName() }) : "",
        ]
          .filter(Boolean)
          .join(" "),
        true,
      );
      // Fields the form does not show (e.g. thresholds typed into the sheet) go in the error box.
      state.error = outside.length ? { ...result.error, fields: outside } : null;
      render();
      const first = result.error.fields.find((f) => document.getElementById(`field-${f.field}`));
      if (first) document.getElementById(`field-${first.field}`)?.focus();
    } else {
      showSettingsStatus("");
      state.error = result.error;
      render();
    }
  } catch (error) {
    showSettingsStatus("");
    state.error = classifyFailure(error);
    render();
  } finally {
    button.disabled = false;
  }
}

function applySettingsView(view: SettingsView): void {
  state.settingsSheet = view.sheet;
  fillSettingsForm(view.settings);
  const language = isLanguage(view.settings.language) ? view.settings.language : "zh-CN";
  setLanguage(language);
}

async function loadSettings(): Promise<void> {
  try {
    const result = await run("getSettings");
    if (result.ok) applySettingsView(result.value);
    else {
      state.error = result.error;
      render();
    }
  } catch (error) {
    const failure = classifyFailure(error);
    state.error = failure.code === "server" ? { ...failure, during: "settings" } : failure;
    render();
  }
}

// ---------------------------------------------------------------- start

function start(): void {
  buildSettingsForm();
  applyStaticText();
  render();
  byId("diagnose").addEventListener("click", () => void diagnose());
  byId("open-report").addEventListener("click", (event) => void openReport(event));
  byId("create-costs").addEventListener("click", (event) => void createTeamTab(event, "Costs"));
  byId("create-events").addEventListener("click", (event) => void createTeamTab(event, "Events"));
  byId("settings-form").addEventListener("submit", (event) => void saveSettings(event));
  byId<HTMLButtonElement>("diagnose").disabled = false;
  performance.mark("diagnose-interactive");
  void loadSettings().finally(() => {
    document.body.dataset.ready = "true";
  });
}

start();
