/**
 * The real world for the sidebar tests: build/Code.js loaded into a bare node:vm realm over
 * the in-memory spreadsheet (src/local/fake), its top-level functions exposed to the page the
 * way Apps Script exposes them to google.script.run.
 */
import { bundleServer } from "../../src/local/gas-bridge";
import { createFakeGoogle } from "../../src/local/fake";
import type { ServerApi, SettingsView, ApiResult } from "../../src/gas/api";
import type { Settings } from "../../src/engine/settings";
import { loadBundle, readBundle } from "./load-bundle";
import { withFailures, type FixtureSheet, type ShopWorld } from "./sidebar-world";

/** True once build/Code.js carries every function the sidebar calls. */
export function bundleHasSidebarApi(source = readBundle()): boolean {
  const names: (keyof ServerApi)[] = ["diagnoseShop", "getSettings", "saveSettings", "openReport"];
  return names.every((name) => new RegExp(`^function ${name}\\(`, "m").test(source));
}

/** A fake spreadsheet holding `sheets`, with build/Code.js running over it. */
export function bundleWorld(sheets: FixtureSheet[], settings: Record<string, unknown> = {}): ShopWorld {
  const google = createFakeGoogle({ sheets });
  const context = loadBundle({ ...google.globals, console });
  const failing = withFailures(bundleServer(context));
  const call = <K extends keyof ServerApi>(name: K, ...args: Parameters<ServerApi[K]>): ReturnType<ServerApi[K]> =>
    failing.server.call(name, args) as ReturnType<ServerApi[K]>;

  if (Object.keys(settings).length > 0) {
    const saved = call("saveSettings", settings);
    if (!saved.ok) throw new Error(`fixture settings were refused: ${JSON.stringify(saved.error)}`);
  }
  // Opening the spreadsheet shows the first tab, whatever setup touched.
  google.spreadsheet.setActiveSheet(google.spreadsheet.getSheets()[0]);

  return {
    server: failing.server,
    failNext: failing.failNext,
    activeSheet: () => google.spreadsheet.getActiveSheet().getName(),
    deleteSheet(sheet) {
      const target = google.spreadsheet.getSheetByName(sheet);
      if (!target) throw new Error(`no sheet named ${sheet}`);
      google.spreadsheet.deleteSheet(target);
    },
    activate(sheet) {
      const target = google.spreadsheet.getSheetByName(sheet);
      if (!target) throw new Error(`no sheet named ${sheet}`);
      google.spreadsheet.setActiveSheet(target);
    },
    storedSettings(): Settings {
      const view = call("getSettings") as ApiResult<SettingsView>;
      if (!view.ok) throw new Error(`getSettings failed: ${view.error.message}`);
      return view.value.settings;
    },
    holdDocumentLock() {
      const lock = google.locks.getDocumentLock();
      if (!lock.tryLock(0)) throw new Error("the document lock is already held");
      return () => lock.releaseLock();
    },
    setSheet(sheet) {
      const existing = google.spreadsheet.getSheetByName(sheet.name);
      if (existing) {
        // Re-pasting an export: the same tab, new contents.
        existing.clear();
        existing.getRange(1, 1, sheet.values.length, Math.max(...sheet.values.map((r) => r.length))).setValues(
          sheet.values.map((row, _i, all) => {
            const width = Math.max(...all.map((r) => r.length));
            return [...row, ...new Array(width - row.length).fill("")];
          }),
        );
      } else google.addSheet(sheet.name, sheet.values);
    },
    typeInto(sheet, a1, value) {
      const target = google.spreadsheet.getSheetByName(sheet);
      if (!target) throw new Error(`no sheet named ${sheet}`);
      target.getRange(a1).setValue(value);
    },
  };
}
