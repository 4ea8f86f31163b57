/**
 * The engine functions the server runs, in one place so tests can substitute a stand-in
 * (e.g. a report whose size grows with the data, to check the writer's call count) without
 * touching the spreadsheet code.
 */
import { diagnoseTables, layoutReport } from "../engine";
import type { Report, ReportGrid } from "../engine/report";
import type { Settings } from "../engine/settings";
import type { SheetInput } from "../engine/tables";

export interface DiagnosisEngine {
  diagnoseTables(sheets: SheetInput[], settings: Partial<Settings>): Report;
  layoutReport(report: Report): ReportGrid;
}

const REAL_ENGINE: DiagnosisEngine = { diagnoseTables, layoutReport };
let substitute: DiagnosisEngine | null = null;

/** Replaces the engine (tests only); `null` restores the real one. */
export function useDiagnosisEngine(standIn: DiagnosisEngine | null): void {
  substitute = standIn;
}

/** The engine in use. */
export function diagnosisEngine(): DiagnosisEngine {
  return substitute ?? REAL_ENGINE;
}
