/**
 * The engine functions the server runs, in one place so tests can substitute a stand-in
 * (e.g. a fixed ReportGrid to exercise the writer) without touching the spreadsheet code.
 */
import * as engine from "../engine";
import type { Report, ReportGrid } from "../engine/report";
import type { Settings } from "../engine/settings";
import type { SheetInput } from "../engine/tables";

export interface DiagnosisEngine {
  diagnoseTables(sheets: SheetInput[], settings: Partial<Settings>): Report;
  layoutReport(report: Report): ReportGrid;
}

let substitute: DiagnosisEngine | null = null;

/** Replaces the engine (tests only); `null` restores the real one. */
export function useDiagnosisEngine(stand_in: DiagnosisEngine | null): void {
  substitute = stand_in;
}

/** The engine in use. */
export function diagnosisEngine(): DiagnosisEngine {
  if (substitute) return substitute;
  // Looked up by name so this file compiles before the engine's issue lands; fails loudly if absent.
  const real = engine as unknown as Partial<DiagnosisEngine>;
  if (typeof real.diagnoseTables !== "function" || typeof real.layoutReport !== "function") {
    throw new Error("Shop Doctor: this build has no diagnosis engine (diagnoseTables/layoutReport missing).");
  }
  return real as DiagnosisEngine;
}
