/**
 * The in-memory Apps Script environment: build one from SheetInputs, hand its globals to the
 * code under test (directly or to build/Code.js in a vm), then inspect sheets, calls and UI.
 */
import type { SheetInput } from "../../engine/tables";
import { CallCounter } from "./counter";
import {
  FakeAuthorization,
  FakeHtmlService,
  FakeLockService,
  FakePropertiesService,
  FakeScriptApp,
  FakeSpreadsheetApp,
  FakeUi,
  FakeUtilities,
  type UiLog,
} from "./services";
import { type FakeSheet, FakeSpreadsheet } from "./spreadsheet";
import type { StoredValue } from "./typed";

export { CallCounter } from "./counter";
export {
  FakeHtmlService,
  FakeLockService,
  FakePropertiesService,
  FakeSpreadsheetApp,
  MANIFEST_SCOPES,
} from "./services";
export type { UiLog } from "./services";
export { FakeSheet, FakeSpreadsheet } from "./spreadsheet";
export { snapshotSheet } from "./snapshot";
export type { SheetSnapshot, JsonCell } from "./snapshot";
export { parseAsTyped, zonedMidnight } from "./typed";
export { formatZoned, zonedInstant } from "./zoned";
export { parseA1 } from "./a1";

export interface FakeGoogleOptions {
  /** Sheets in tab order; values are stored as given (what getValues returns), never parsed. */
  sheets?: SheetInput[];
  timeZone?: string;
  /** `zh_CN`, `zh_TW`, `en_US` … as getSpreadsheetLocale returns it. */
  locale?: string;
  /** Project HTML files for HtmlService (name without `.html` → content). */
  htmlFiles?: Record<string, string>;
}

/** A fake Apps Script environment over one spreadsheet. */
export interface FakeGoogle {
  spreadsheet: FakeSpreadsheet;
  counter: CallCounter;
  ui: UiLog;
  locks: FakeLockService;
  /** The scopes the user consented to (all of the manifest's unless a test takes one away). */
  authorization: FakeAuthorization;
  /** The globals to install: SpreadsheetApp, LockService, PropertiesService, HtmlService, ScriptApp, Utilities. */
  globals: {
    SpreadsheetApp: FakeSpreadsheetApp;
    LockService: FakeLockService;
    PropertiesService: FakePropertiesService;
    HtmlService: FakeHtmlService;
    ScriptApp: FakeScriptApp;
    Utilities: FakeUtilities;
  };
  /** Adds a sheet holding `values` exactly as given, without counting calls. */
  addSheet(name: string, values: unknown[][]): FakeSheet;
  /** Adds a tab that is not a grid: a chart moved to its own sheet (OBJECT) or a connected data source. */
  addNonGridSheet(name: string, type: "OBJECT" | "DATASOURCE"): FakeSheet;
}

function loadValues(sheet: FakeSheet, values: unknown[][]): void {
  const store = sheet._store;
  const rows: StoredValue[][] = [];
  let width = 0;
  for (const line of values) {
    const out: StoredValue[] = new Array(line.length);
    for (let j = 0; j < line.length; j++) {
      const v = line[j];
      out[j] =
        v === null || v === undefined
          ? ""
          : Object.prototype.toString.call(v) === "[object Date]"
            ? new Date((v as Date).getTime())
            : (v as StoredValue);
    }
    width = Math.max(width, out.length);
    rows.push(out);
  }
  store.rows = rows;
  store.maxRows = Math.max(store.maxRows, rows.length);
  store.maxColumns = Math.max(store.maxColumns, width);
}

/** Builds an in-memory spreadsheet (one empty `Sheet1` when no sheets are given) and its services. */
export function createFakeGoogle(options: FakeGoogleOptions = {}): FakeGoogle {
  const counter = new CallCounter();
  const spreadsheet = new FakeSpreadsheet(counter, options.timeZone ?? "Asia/Shanghai", options.locale ?? "zh_CN");
  const addSheet = (name: string, values: unknown[][]): FakeSheet => {
    const sheet = spreadsheet._addSheet(name);
    loadValues(sheet, values);
    return sheet;
  };
  const inputs = options.sheets ?? [];
  if (inputs.length === 0) spreadsheet._addSheet("Sheet1");
  for (const input of inputs) addSheet(input.name, input.values);
  const ui: UiLog = { menus: [], sidebars: [], alerts: [] };
  const locks = new FakeLockService(counter);
  const authorization = new FakeAuthorization();
  return {
    spreadsheet,
    counter,
    ui,
    locks,
    authorization,
    addSheet,
    addNonGridSheet(name, type) {
      const sheet = spreadsheet._addSheet(name);
      sheet._type = type;
      return sheet;
    },
    globals: {
      SpreadsheetApp: new FakeSpreadsheetApp(
        spreadsheet,
        new FakeUi(ui, counter, authorization),
        counter,
        authorization,
      ),
      ScriptApp: new FakeScriptApp(authorization, counter),
      Utilities: new FakeUtilities(counter),
      LockService: locks,
      PropertiesService: new FakePropertiesService(counter),
      HtmlService: new FakeHtmlService(
        options.htmlFiles ?? { Sidebar: "<!doctype html><title>Shop Doctor</title>" },
        counter,
      ),
    },
  };
}

/** Installs the fake's globals on `globalThis` (for code imported directly from src/gas); returns an undo. */
export function installGlobals(google: FakeGoogle): () => void {
  const g = globalThis as Record<string, unknown>;
  const previous = Object.fromEntries(Object.keys(google.globals).map((k) => [k, g[k]]));
  Object.assign(g, google.globals);
  return () => {
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete g[k];
      else g[k] = v;
    }
  };
}
