/**
 * The "Diagnose shop" sidebar. Talks to the server only through `run` (server.ts); every word
 * comes from the shared catalogue; everything derived from sheet data goes in as text
 * (textContent), never as HTML.
 */
import type { ApiError, DiagnoseSummary, SettingsView } from "../gas/api";
import { parseNumberText } from "../engine/cells";
import { isLanguage as isCatalogueLanguage, isMessageKey, LANGUAGES, translate, type MessageKey } from "../engine/i18n/sidebar";
import type { Status } from "../engine/report";
import type { Language, Settings } from "../engine/settings";
import { run, ServerCallError } from "./server";

const STAGES = ["reading", "checking", "writing"] as const;
/**
 * diagnoseShop is one server call, so the stages are paced on the client: these are roughly
 * when each stage starts on a typical shop. The last stage stays until the answer arrives.
 */
const STAGE_STARTS_MS = [0, 700, 1600];
/** Problems first: that is what the operator reads first. */
const STATUS_ORDER: readonly Status[] = ["bad", "warn", "good", "info"];
const STATUS_ICONS: Record<Status, string> = { bad: "✕", warn: "!", good: "✓", info: "i" };

type FieldKind = "percent" | "money" | "dsr" | "text" | "language";
type FormKey = "peerPayConversion" | "peerVisitorValue" | "peerDsr" | "monthlyTarget" | "heroProduct" | "grossMargin" | "language";
interface FieldSpec {
  key: FormKey;
  kind: FieldKind;
  hint?: MessageKey;
}
const FIELDS: readonly FieldSpec[] = [
  { key: "peerPayConversion", kind: "percent", hint: "ui.hint.percent" },
  { key: "peerVisitorValue", kind: "money", hint: "ui.hint.money" },
  { key: "peerDsr", kind: "dsr", hint: "ui.hint.dsr" },
  { key: "monthlyTarget", kind: "money", hint: "ui.hint.target" },
  { key: "heroProduct", kind: "text", hint: "ui.hint.hero" },
  { key: "grossMargin", kind: "percent", hint: "ui.hint.percent" },
  { key: "language", kind: "language" },
];

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
  error: ApiError | { code: "auth" } | { code: "server"; message: string; during?: "settings" } | { code: "said"; message: string } | null;
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
function textElement<K extends keyof HTMLElementTagNameMap>(tag: K, text: string, className?: string): HTMLElementTagNameMap[K] {
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

function formatMoney(amount: number, currency: string): string {
  const digits = Math.abs(amount) >= 100 ? 0 : 2;
  const number = new Intl.NumberFormat(state.language, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(amount);
  return `${currency}${number}`;
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
  byId("progress-label").textContent = `${t("ui.progress.step", { step: state.stage + 1, total: STAGES.length })} · ${t(`ui.stage.${STAGES[state.stage]}`)}`;
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
        textElement("span", t(done ? "ui.stage.done" : current ? "ui.stage.current" : "ui.stage.waiting"), "visually-hidden"),
      );
      item.lastElementChild?.prepend(" ");
      return item;
    }),
  );
}

function scoreBand(score: number): { key: MessageKey; status: Status } {
  if (score >= 80) return { key: "ui.score.healthy", status: "good" };
  if (score >= 60) return { key: "ui.score.watch", status: "warn" };
  return { key: "ui.score.sick", status: "bad" };
}

function renderResult(): void {
  const section = byId("result");
  const summary = state.summary;
  section.hidden = !summary;
  section.classList.toggle("stale", state.running);
  if (!summary) return;
  byId("score").textContent = String(Math.round(summary.score));
  const band = scoreBand(summary.score);
  const bandElement = byId("score-band");
  bandElement.className = `band status-${band.status}`;
  bandElement.replaceChildren(textElement("span", STATUS_ICONS[band.status], "icon"), document.createTextNode(` ${t(band.key)}`));
  bandElement.firstElementChild?.setAttribute("aria-hidden", "true");

  byId("counts").replaceChildren(
    ...STATUS_ORDER.map((status) => {
      const item = document.createElement("li");
      item.className = `count status-${status}`;
      item.dataset.status = status;
      const icon = textElement("span", STATUS_ICONS[status], "icon");
      icon.setAttribute("aria-hidden", "true");
      item.append(icon, textElement("span", t(`ui.status.${status}`), "count-label"), textElement("span", String(summary.counts[status] ?? 0), "count-value"));
      return item;
    }),
  );

  const period = byId("period");
  period.hidden = !summary.period;
  period.textContent = summary.period ? t("ui.period", { from: summary.period.from, to: summary.period.to }) : "";
  const sheets = byId("data-sheets");
  sheets.hidden = summary.dataSheets.length === 0;
  sheets.textContent = t("ui.dataSheets", { sheets: summary.dataSheets.join(t("ui.listSeparator")) });

  const actions = byId("actions");
  if (summary.actions.length === 0) {
    actions.replaceChildren(textElement("li", t("ui.actions.none"), "action none"));
  } else {
    actions.replaceChildren(
      ...summary.actions.slice(0, 3).map((action) => {
        const item = document.createElement("li");
        item.className = "action";
        item.dataset.rule = action.rule;
        item.append(textElement("p", action.message, "action-message"));
        const impact =
          action.impact === null
            ? t("ui.impact.unknown")
            : t("ui.impact.perDay", { amount: formatMoney(action.impact, summary.currency) });
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
  fields.replaceChildren(...list.map((field) => textElement("li", describeFieldError(field.field, field.message, field.cell))));
}

function describeFieldError(field: string, message: string, cell?: string): string {
  // Thresholds only the Settings sheet shows have their label under server.field.*.
  const key = [`ui.field.${field}`, `server.field.${field}`].find(isMessageKey);
  const label = key ? t(key) : field;
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
  if (/PERMISSION_DENIED|authori[sz]ation is required|not authori[sz]ed|需要授权|需要授權/i.test(message)) return { code: "auth" };
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
    label.dataset.i18n = `ui.field.${field.key}`;
    let input: HTMLInputElement | HTMLSelectElement;
    if (field.kind === "language") {
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
      if (field.kind !== "text") text.inputMode = "decimal";
      input = text;
    }
    input.id = id;
    input.name = field.key;
    const describedBy: string[] = [];
    row.append(label);
    if (field.kind === "percent") row.classList.add("with-unit");
    const control = document.createElement("div");
    control.className = "control";
    control.append(input);
    if (field.kind === "percent") {
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

/** Shows a settings value the way an operator types it (rates as percentages). */
function displayValue(field: FieldSpec, settings: Settings): string {
  const value = settings[field.key];
  if (value === null || value === undefined) return "";
  if (field.kind === "percent" && typeof value === "number") return String(Number((value * 100).toPrecision(12)));
  return String(value);
}

/**
 * What each field showed when the settings were last loaded. Only fields that differ are sent,
 * so a panel that could not load the settings never blanks the values a teammate saved.
 */
const loadedText = new Map<FormKey, string>();

function fillSettingsForm(settings: Settings): void {
  for (const field of FIELDS) {
    const text = displayValue(field, settings);
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

type FieldReading = { ok: true; value: number | string | null } | { ok: false; message: string };

/** Reads one form field and checks it against the same limits the server's schema uses. */
function readField(field: FieldSpec): FieldReading {
  const raw = fieldInput(field.key).value;
  if (field.kind === "language") return isLanguage(raw) ? { ok: true, value: raw } : { ok: false, message: t("ui.invalid.language") };
  if (field.kind === "text") {
    const text = raw.trim();
    if (text.length > 200) return { ok: false, message: t("ui.invalid.tooLong") };
    return { ok: true, value: text === "" ? null : text };
  }
  const reading = parseNumberText(raw);
  if (reading.kind === "blank") return { ok: true, value: null };
  if (reading.kind === "invalid") return { ok: false, message: t("ui.invalid.notNumber", { value: raw.trim() }) };
  if (field.kind === "percent") {
    // The field is labelled %, so "3.5" and "3.5%" both mean 3.5 percent.
    const fraction = reading.percent ? reading.value : Number((reading.value / 100).toPrecision(12));
    return fraction > 0 && fraction < 1 ? { ok: true, value: fraction } : { ok: false, message: t("ui.invalid.percent") };
  }
  if (field.kind === "dsr") {
    return reading.value >= 1 && reading.value <= 5 ? { ok: true, value: reading.value } : { ok: false, message: t("ui.invalid.dsr") };
  }
  return reading.value > 0 ? { ok: true, value: reading.value } : { ok: false, message: t("ui.invalid.positive") };
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
        [inForm ? t("ui.settings.fix", { count: inForm }) : "", outside.length ? t("ui.settings.fixInSheet", { count: outside.length, sheet: settingsSheetName() }) : ""]
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
  byId("settings-form").addEventListener("submit", (event) => void saveSettings(event));
  byId<HTMLButtonElement>("diagnose").disabled = false;
  performance.mark("diagnose-interactive");
  void loadSettings().finally(() => {
    document.body.dataset.ready = "true";
  });
}

start();
