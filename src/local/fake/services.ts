/**
 * The other Apps Script services Shop Doctor touches — SpreadsheetApp, LockService,
 * PropertiesService, HtmlService and the Ui — in memory, counted like the spreadsheet.
 */
import { type CallCounter, counted } from "./counter";
import { base64Decode, type FakeBlob, newBlob, ungzip } from "./utilities";
import { FakeDataValidationBuilder, type FakeSpreadsheet } from "./spreadsheet";
import { formatZoned } from "./zoned";

const LOCK_TIMEOUT = "Lock timeout: another process was holding the lock for too long.";

/** Who holds each kind of lock, shared by every Lock object of one fake document. */
class LockState {
  holder: object | null = null;
  /** Milliseconds callers asked to wait while someone else held the lock (time is not spent). */
  waitedMs = 0;
}

/** A lock as returned by `LockService.getDocumentLock()`; each call returns a new handle. */
export class FakeLock {
  constructor(
    readonly _state: LockState,
    counter: CallCounter,
  ) {
    return counted(this, "Lock", counter);
  }
  tryLock(timeoutInMillis: number): boolean {
    if (this._state.holder === null || this._state.holder === this) {
      this._state.holder = this;
      return true;
    }
    this._state.waitedMs += Math.max(0, timeoutInMillis);
    return false;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(LOCK_TIMEOUT);
  }
  hasLock(): boolean {
    return this._state.holder === this;
  }
  releaseLock(): void {
    if (this._state.holder === this) this._state.holder = null;
  }
}

/** LockService with a way for a test to hold the document lock as "another user". */
export class FakeLockService {
  readonly _document = new LockState();
  readonly _script = new LockState();
  readonly _user = new LockState();

  constructor(readonly _counter: CallCounter) {
    return counted(this, "LockService", _counter);
  }
  getDocumentLock(): FakeLock {
    return new FakeLock(this._document, this._counter);
  }
  getScriptLock(): FakeLock {
    return new FakeLock(this._script, this._counter);
  }
  getUserLock(): FakeLock {
    return new FakeLock(this._user, this._counter);
  }
  /** Simulates a teammate's run holding the document lock; call the result to let go. */
  _holdDocumentLockAsAnotherUser(): () => void {
    const other = {};
    if (this._document.holder !== null) throw new Error("The document lock is already held.");
    this._document.holder = other;
    return () => {
      if (this._document.holder === other) this._document.holder = null;
    };
  }
  /** True while anyone holds the document lock (a finished run must have released it). */
  _documentLocked(): boolean {
    return this._document.holder !== null;
  }
}

/** One Properties store (document, user or script). Values are strings, as in Apps Script. */
export class FakeProperties {
  readonly _values = new Map<string, string>();

  constructor(counter: CallCounter, name: string) {
    return counted(this, name, counter);
  }
  getProperty(key: string): string | null {
    return this._values.get(key) ?? null;
  }
  setProperty(key: string, value: string): FakeProperties {
    this._values.set(key, String(value));
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this._values);
  }
  setProperties(properties: Record<string, string>, deleteAllOthers = false): FakeProperties {
    if (deleteAllOthers) this._values.clear();
    for (const [k, v] of Object.entries(properties)) this._values.set(k, String(v));
    return this;
  }
  getKeys(): string[] {
    return [...this._values.keys()];
  }
  deleteProperty(key: string): FakeProperties {
    this._values.delete(key);
    return this;
  }
  deleteAllProperties(): FakeProperties {
    this._values.clear();
    return this;
  }
}

export class FakePropertiesService {
  readonly _document: FakeProperties;
  readonly _user: FakeProperties;
  readonly _script: FakeProperties;

  constructor(counter: CallCounter) {
    this._document = new FakeProperties(counter, "DocumentProperties");
    this._user = new FakeProperties(counter, "UserProperties");
    this._script = new FakeProperties(counter, "ScriptProperties");
    return counted(this, "PropertiesService", counter);
  }
  getDocumentProperties(): FakeProperties {
    return this._document;
  }
  getUserProperties(): FakeProperties {
    return this._user;
  }
  getScriptProperties(): FakeProperties {
    return this._script;
  }
}

/** What `createHtmlOutputFromFile` returns. */
export class FakeHtmlOutput {
  _title = "";
  _width = 0;
  _height = 0;

  constructor(
    public _content: string,
    counter: CallCounter,
  ) {
    return counted(this, "HtmlOutput", counter);
  }
  setTitle(title: string): FakeHtmlOutput {
    this._title = title;
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setWidth(width: number): FakeHtmlOutput {
    this._width = width;
    return this;
  }
  getWidth(): number {
    return this._width;
  }
  setHeight(height: number): FakeHtmlOutput {
    this._height = height;
    return this;
  }
  getHeight(): number {
    return this._height;
  }
  getContent(): string {
    return this._content;
  }
  setContent(content: string): FakeHtmlOutput {
    this._content = content;
    return this;
  }
  append(addedContent: string): FakeHtmlOutput {
    this._content += addedContent;
    return this;
  }
}

/** HtmlService over a map of project HTML files (name without `.html` → content). */
export class FakeHtmlService {
  constructor(
    readonly _files: Record<string, string>,
    readonly _counter: CallCounter,
  ) {
    return counted(this, "HtmlService", _counter);
  }
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    const name = filename.replace(/\.html$/, "");
    const content = this._files[name];
    if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
    return new FakeHtmlOutput(content, this._counter);
  }
  createHtmlOutput(html = ""): FakeHtmlOutput {
    return new FakeHtmlOutput(html, this._counter);
  }
}

export interface RecordedMenu {
  title: string;
  items: { caption: string; functionName: string }[];
}

/** Everything the code showed the user: menus, sidebars, dialogs, alerts. */
export interface UiLog {
  menus: RecordedMenu[];
  sidebars: { title: string; width: number; content: string }[];
  alerts: { title: string; prompt: string }[];
}

export class FakeMenu {
  readonly _items: { caption: string; functionName: string }[] = [];
  constructor(
    readonly _title: string,
    readonly _log: UiLog,
    counter: CallCounter,
  ) {
    return counted(this, "Menu", counter);
  }
  addItem(caption: string, functionName: string): FakeMenu {
    this._items.push({ caption, functionName });
    return this;
  }
  addSeparator(): FakeMenu {
    return this;
  }
  addToUi(): void {
    this._log.menus.push({ title: this._title, items: [...this._items] });
  }
}

export class FakeUi {
  readonly Button = { OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO", CLOSE: "CLOSE" } as const;
  readonly ButtonSet = { OK: "OK", OK_CANCEL: "OK_CANCEL", YES_NO: "YES_NO", YES_NO_CANCEL: "YES_NO_CANCEL" } as const;

  constructor(
    readonly _log: UiLog,
    readonly _counter: CallCounter,
    readonly _authorization: FakeAuthorization = new FakeAuthorization(),
  ) {
    return counted(this, "Ui", _counter);
  }
  createAddonMenu(): FakeMenu {
    return new FakeMenu("Shop Doctor", this._log, this._counter);
  }
  createMenu(caption: string): FakeMenu {
    return new FakeMenu(caption, this._log, this._counter);
  }
  showSidebar(userInterface: FakeHtmlOutput): void {
    this._authorization.require("Ui.showSidebar", CONTAINER_UI);
    this._log.sidebars.push({
      title: userInterface._title,
      width: userInterface._width,
      content: userInterface._content,
    });
  }
  alert(titleOrPrompt: string, prompt?: unknown, _buttons?: unknown): string {
    const hasTitle = typeof prompt === "string";
    this._log.alerts.push({
      title: hasTitle ? titleOrPrompt : "",
      prompt: hasTitle ? (prompt as string) : titleOrPrompt,
    });
    return this.Button.OK;
  }
}

/** The scopes appsscript.json asks for (test/local checks this list against the manifest). */
export const MANIFEST_SCOPES = [
  "https://www.googleapis.com/auth/spreadsheets.currentonly",
  "https://www.googleapis.com/auth/script.container.ui",
] as const;

/**
 * What the user consented to. With granular consent a user may untick scopes; a call that
 * needs a missing one fails with Apps Script's "Specified permissions are not sufficient to
 * call X. Required permissions: Y" (the wording Apps Script logs for such calls).
 */
export class FakeAuthorization {
  readonly granted = new Set<string>(MANIFEST_SCOPES);

  /** Throws as Apps Script does when `method` runs without any of `scopes` granted. */
  require(method: string, scopes: readonly string[]): void {
    if (scopes.some((s) => this.granted.has(s))) return;
    const required = scopes.length > 1 ? `(${scopes.join(" || ")})` : scopes[0];
    throw new Error(`Specified permissions are not sufficient to call ${method}. Required permissions: ${required}`);
  }
}

const CURRENT_ONLY = [
  "https://www.googleapis.com/auth/spreadsheets.currentonly",
  "https://www.googleapis.com/auth/spreadsheets",
];
const CONTAINER_UI = ["https://www.googleapis.com/auth/script.container.ui"];

/**
 * ScriptApp's consent checks (added with granular OAuth consent, Apps Script release notes
 * January 2025: requireScopes, requireAllScopes, getAuthorizationInfo(authMode, scopes)).
 * `requireAllScopes(FULL)` needs no scope of its own; with a scope missing, on a surface that
 * cannot show the consent screen itself (an add-on's sidebar call), it throws at once. The
 * fake always throws (it has no consent screen); the message is the fake's own words.
 */
export class FakeScriptApp {
  readonly AuthMode = { NONE: "NONE", CUSTOM_FUNCTION: "CUSTOM_FUNCTION", LIMITED: "LIMITED", FULL: "FULL" } as const;

  constructor(
    readonly _authorization: FakeAuthorization,
    counter: CallCounter,
  ) {
    return counted(this, "ScriptApp", counter);
  }
  requireAllScopes(authMode: string): void {
    this.requireScopes(authMode, [...MANIFEST_SCOPES]);
  }
  requireScopes(authMode: string, oAuthScopes: string[]): void {
    if (authMode !== this.AuthMode.FULL) return;
    const missing = oAuthScopes.filter((s) => !this._authorization.granted.has(s));
    if (missing.length)
      throw new Error(`Authorization is required to perform that action. Missing: ${missing.join(", ")}`);
  }
}

/** `Utilities.formatDate(date, timeZone, format)`: the one zoned date formatter (see zoned.ts). */
export class FakeUtilities {
  constructor(readonly _counter: CallCounter) {
    return counted(this, "Utilities", _counter);
  }
  base64Decode(encoded: string): number[] {
    return base64Decode(encoded);
  }
  newBlob(data: string | readonly number[], contentType?: string): FakeBlob {
    return newBlob(data, contentType, this._counter);
  }
  ungzip(blob: FakeBlob): FakeBlob {
    return ungzip(blob, this._counter);
  }
  formatDate(date: Date, timeZone: string, format: string): string {
    if (Object.prototype.toString.call(date) !== "[object Date]" || Number.isNaN(date.getTime()))
      throw new Error("Invalid argument: date");
    return formatZoned(date, timeZone, format);
  }
}

/** SpreadsheetApp bound to one active spreadsheet. */
export class FakeSpreadsheetApp {
  readonly ProtectionType = { RANGE: "RANGE", SHEET: "SHEET" } as const;
  readonly SheetType = { GRID: "GRID", OBJECT: "OBJECT", DATASOURCE: "DATASOURCE" } as const;
  readonly DeveloperMetadataVisibility = { DOCUMENT: "DOCUMENT", PROJECT: "PROJECT" } as const;
  readonly DataValidationCriteria = { VALUE_IN_LIST: "VALUE_IN_LIST" } as const;
  _flushes = 0;

  constructor(
    readonly _spreadsheet: FakeSpreadsheet,
    readonly _ui: FakeUi,
    readonly _counter: CallCounter,
    readonly _authorization: FakeAuthorization = new FakeAuthorization(),
  ) {
    return counted(this, "SpreadsheetApp", _counter);
  }
  getActive(): FakeSpreadsheet {
    this._authorization.require("SpreadsheetApp.getActive", CURRENT_ONLY);
    return this._spreadsheet;
  }
  getActiveSpreadsheet(): FakeSpreadsheet {
    this._authorization.require("SpreadsheetApp.getActiveSpreadsheet", CURRENT_ONLY);
    return this._spreadsheet;
  }
  getActiveSheet(): ReturnType<FakeSpreadsheet["getActiveSheet"]> {
    this._authorization.require("SpreadsheetApp.getActiveSheet", CURRENT_ONLY);
    return this._spreadsheet._active ?? this._spreadsheet._sheets[0];
  }
  getUi(): FakeUi {
    return this._ui;
  }
  flush(): void {
    this._flushes++;
  }
  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this._counter);
  }
}

type PublicMethods<T> = {
  [K in keyof T]: T[K] extends (...args: never[]) => unknown ? (K extends `_${string}` ? never : K) : never;
}[keyof T];
type Invented<T, Real> = Exclude<PublicMethods<T>, keyof Real>;
/** Compile-time proof that no method name here is made up. */
const _serviceNamesMatchAppsScript: [
  Invented<FakeLock, GoogleAppsScript.Lock.Lock>,
  Invented<FakeLockService, GoogleAppsScript.Lock.LockService>,
  Invented<FakeProperties, GoogleAppsScript.Properties.Properties>,
  Invented<FakePropertiesService, GoogleAppsScript.Properties.PropertiesService>,
  Invented<FakeHtmlOutput, GoogleAppsScript.HTML.HtmlOutput>,
  Invented<FakeHtmlService, GoogleAppsScript.HTML.HtmlService>,
  Invented<FakeMenu, GoogleAppsScript.Base.Menu>,
  Invented<FakeUi, GoogleAppsScript.Base.Ui>,
  Invented<FakeSpreadsheetApp, GoogleAppsScript.Spreadsheet.SpreadsheetApp>,
  Invented<FakeScriptApp, GoogleAppsScript.Script.ScriptApp>,
  Invented<FakeUtilities, GoogleAppsScript.Utilities.Utilities>,
] extends [never, never, never, never, never, never, never, never, never, never, never]
  ? true
  : false = true;
