/**
 * The server functions the sidebar (and the local preview) call through google.script.run,
 * with their argument and result types. Type-only: the sidebar imports these types, never
 * the implementation. Everything here is plain JSON (google.script.run drops Dates/classes).
 */
import type { CurrencyCode } from "../engine/currency";
import type { Action, ReportPeriod, Status } from "../engine/report";
import type { Language, Settings, SettingsError } from "../engine/settings";

export type ApiErrorCode = "busy" | "no-data" | "invalid-settings" | "error";

export interface ApiError {
  code: ApiErrorCode;
  /** Human-readable, in the sheet's language. */
  message: string;
  /** For invalid settings: which field (and Settings-sheet cell) is wrong. */
  fields?: (SettingsError & { cell?: string })[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface DiagnoseSummary {
  /** 0–100, or null when the judged checks do not cover enough areas (scoreReason says why). */
  score: number | null;
  /** Why there is no score and what to paste, in the report language; null with a score. */
  scoreReason: string | null;
  counts: Record<Status, number>;
  actions: Action[];
  reportSheet: string;
  language: Language;
  /** The days the data covers, or null when no table says (its amounts are then for the whole export). */
  period: ReportPeriod | null;
  dataSheets: string[];
  /** ISO code of the report's amounts; format them with formatAmount from src/engine/currency. */
  currency: CurrencyCode;
}

export interface SettingsView {
  settings: Settings;
  /** The Settings sheet's name (设置 / Settings). */
  sheet: string;
}

/** Every function the sidebar may call, by name. */
export interface ServerApi {
  diagnoseShop(): ApiResult<DiagnoseSummary>;
  getSettings(): ApiResult<SettingsView>;
  saveSettings(input: Record<string, unknown>): ApiResult<SettingsView>;
  openReport(): ApiResult<{ sheet: string }>;
  /** Adds an empty Costs tab with its headers and explanations; never touches a tab that exists. */
  createCostsTab(): ApiResult<{ sheet: string; created: boolean }>;
  /** Adds an empty Events tab with its headers and explanations; never touches a tab that exists. */
  createEventsTab(): ApiResult<{ sheet: string; created: boolean }>;
}
