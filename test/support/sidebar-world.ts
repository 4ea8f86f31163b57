/**
 * A "world" the sidebar tests drive: a spreadsheet with a server behind google.script.run,
 * plus the levers a test needs (another user holding the lock, a google.script.run failure,
 * reading what was saved, which sheet is active).
 *
 * `scriptedWorld` is a small stand-in written against ServerApi, used until the real server
 * functions and the in-memory spreadsheet exist; `bundleWorld` (sidebar-bundle-world.ts) runs
 * the real build/Code.js over the fake spreadsheet.
 */
import type { ApiResult, DiagnoseSummary, ServerApi, SettingsView } from "../../src/gas/api";
import type { GasServer } from "../../src/local/gas-bridge";
import { defaultSettings, parseSettings, type Settings } from "../../src/engine/settings";
import { translate } from "../../src/engine/i18n";
import type { Action, Status } from "../../src/engine/report";

export type SheetValues = (string | number)[][];
export interface FixtureSheet {
  name: string;
  values: SheetValues;
}

export interface ShopWorld {
  server: GasServer;
  /** The tab the user is looking at. */
  activeSheet(): string;
  /** The settings as the server now stores them. */
  storedSettings(): Settings;
  /** Another teammate holds the document lock until the returned function is called. */
  holdDocumentLock(): () => void;
  /** The next call of `name` fails the way google.script.run reports a failure. */
  failNext(name: keyof ServerApi, message: string): void;
  /** Replaces (or adds) a data sheet. */
  setSheet(sheet: FixtureSheet): void;
  /** Types `value` into one cell of a sheet, as a teammate would (null when the world cannot). */
  typeInto: ((sheet: string, a1: string, value: string) => void) | null;
}

/** Wraps a server so a test can make one call fail as google.script.run would. */
export function withFailures(server: GasServer): { server: GasServer; failNext: ShopWorld["failNext"] } {
  const pending = new Map<string, string>();
  return {
    server: {
      functions: () => server.functions(),
      call(name, args) {
        const message = pending.get(name);
        if (message !== undefined) {
          pending.delete(name);
          throw new Error(message);
        }
        return server.call(name, args);
      },
    },
    failNext: (name, message) => void pending.set(name, message),
  };
}

/** A tiny product table: 商品名称, 访客数, 支付买家数, 支付金额. */
export function productSheet(name: string, rows: [string, number, number, number][]): FixtureSheet {
  return { name, values: [["商品名称", "访客数", "支付买家数", "支付金额"], ...rows] };
}

/** The scripted stand-in: real settings validation, a toy diagnosis over product rows. */
export function scriptedWorld(sheets: FixtureSheet[], initial: Record<string, unknown> = {}): ShopWorld {
  const data = new Map(sheets.map((s) => [s.name, s.values]));
  let settings = parseSettings(initial).ok ? (parseSettings(initial) as { settings: Settings }).settings : defaultSettings();
  let active = sheets[0]?.name ?? "Sheet1";
  let locked = false;

  const settingsView = (): SettingsView => ({ settings, sheet: translate(settings.language, "settings.sheetName") });

  const api: ServerApi = {
    diagnoseShop(): ApiResult<DiagnoseSummary> {
      const language = settings.language;
      if (locked) return { ok: false, error: { code: "busy", message: "locked" } };
      const rows = [...data.values()].flatMap((values) => (values[0]?.[0] === "商品名称" ? values.slice(1) : []));
      if (rows.length === 0) return { ok: false, error: { code: "no-data", message: "no recognisable table" } };
      const peer = settings.peerPayConversion ?? 0.03;
      const counts: Record<Status, number> = { good: 0, warn: 0, bad: 0, info: 0 };
      const actions: Action[] = [];
      for (const [product, visitors, buyers, sales] of rows as [string, number, number, number][]) {
        const conversion = buyers / visitors;
        if (conversion >= peer) counts.good++;
        else {
          counts.bad++;
          const aov = buyers > 0 ? sales / buyers : 0;
          actions.push({
            rule: "pay-conversion-vs-peer",
            subject: product,
            impact: Math.round(visitors * (peer - conversion) * aov),
            message: language === "en" ? `Fix the detail page of ${product}` : `优化「${product}」的详情页`,
          });
        }
      }
      actions.sort((a, b) => (b.impact ?? 0) - (a.impact ?? 0));
      const reportSheet = translate(language, "report.sheetName");
      if (!data.has(reportSheet)) data.set(reportSheet, [["report"]]);
      return {
        ok: true,
        value: {
          score: Math.round((100 * counts.good) / rows.length),
          counts,
          actions: actions.slice(0, 3),
          reportSheet,
          language,
          period: { from: "2026-11-01", to: "2026-11-22" },
          dataSheets: sheets.map((s) => s.name),
          currency: "¥",
        },
      };
    },
    getSettings: () => ({ ok: true, value: settingsView() }),
    saveSettings(input) {
      const parsed = parseSettings({ ...settings, ...input });
      if (!parsed.ok) {
        return { ok: false, error: { code: "invalid-settings", message: "invalid settings", fields: parsed.errors } };
      }
      settings = parsed.settings;
      return { ok: true, value: settingsView() };
    },
    openReport() {
      const sheet = translate(settings.language, "report.sheetName");
      if (!data.has(sheet)) return { ok: false, error: { code: "error", message: "run a diagnosis first" } };
      active = sheet;
      return { ok: true, value: { sheet } };
    },
  };
  const failing = withFailures({
    functions: () => Object.keys(api),
    call: (name, args) => (api[name as keyof ServerApi] as (...a: unknown[]) => unknown)(...args),
  });
  return {
    server: failing.server,
    failNext: failing.failNext,
    activeSheet: () => active,
    storedSettings: () => settings,
    holdDocumentLock() {
      locked = true;
      return () => void (locked = false);
    },
    setSheet(sheet) {
      data.set(sheet.name, sheet.values);
    },
    typeInto: null,
  };
}
