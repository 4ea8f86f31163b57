/**
 * The engine's one public entry: pure TypeScript, no Apps Script, no Node.
 * recognizeTables / diagnoseTables / layoutReport are added by their issues.
 */
export * from "./cells";
export * from "./tables";
export * from "./report";
export * from "./settings";
export { translate, format, messages } from "./i18n";
export type { MessageKey } from "./i18n";
export { recognizeTables, rowsOf } from "./recognize";
export type { ShopDailyRow, ProductRow, TrafficSourceRow, AdPlanRow, ServiceAgentRow, RowOfKind } from "./recognize";
export { diagnoseTables, diagnoseRecognized, inferCurrency, InvalidSettingsError } from "./diagnose";
export { layoutReport, numberFormatOf, undatedText, COLOURS } from "./layout";
export { waterfallBars, waterfallRow, WATERFALL_SERIES, WATERFALL_COLOURS } from "./waterfall";
export type { WaterfallBar, WaterfallInput, WaterfallSeries } from "./waterfall";
export { scoreFindings, AREA_WEIGHTS } from "./score";
export { gateScore, coverageAllowsScore, judgedByArea, suggestedExports } from "./score-gate";
