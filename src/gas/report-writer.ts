/**
 * Writes a laid-out report (ReportGrid) into its sheet in place, with a fixed number of
 * Spreadsheet calls: one call per property over the whole grid, merges batched by row runs,
 * widths by runs of equal width. Nothing here depends on the number of data rows or findings.
 */
import { LANGUAGES, translate } from "../engine/i18n";
import type { ChartKind, ChartSpec, GridRange, ReportGrid } from "../engine/report";
import { WATERFALL_COLOURS, WATERFALL_SERIES } from "../engine/waterfall";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Every string becomes literal text: Sheets parses written strings as typed, so a product
 * named `=IMPORTXML(…)`, `+1+1` or `@SUM(A1)` would otherwise run. The apostrophe is not stored.
 */
export function literalValues(values: (string | number | null)[][]): (string | number)[][] {
  return values.map((row) => row.map((v) => (v === null ? "" : typeof v === "string" ? (v === "" ? "" : "'" + v) : v)));
}

/** Checks that every layer of the grid has the shape of `values`, naming the first that does not. */
export function gridShape(grid: ReportGrid): { rows: number; columns: number } {
  const rows = grid.values.length;
  const columns = rows ? grid.values[0].length : 0;
  const layers: [string, unknown[][]][] = [
    ["values", grid.values],
    ["numberFormats", grid.numberFormats],
    ["backgrounds", grid.backgrounds],
    ["fontColors", grid.fontColors],
    ["fontWeights", grid.fontWeights],
    ["notes", grid.notes],
  ];
  if (grid.wraps) layers.push(["wraps", grid.wraps]);
  for (const [name, layer] of layers) {
    if (layer.length !== rows || layer.some((line) => line.length !== columns)) {
      throw new Error(
        `Shop Doctor: the report layout's ${name} is not ${rows} × ${columns} like its values; the layout has a bug.`,
      );
    }
  }
  if (grid.columnWidths.length > columns) {
    throw new Error(
      `Shop Doctor: the report layout gives ${grid.columnWidths.length} column widths for ${columns} columns.`,
    );
  }
  return { rows, columns };
}

/**
 * Merges as few calls: single-row merges with the same columns on consecutive rows become one
 * `mergeAcross` over the block (a section of findings is one call, however many rows it has).
 */
export function mergeCalls(merges: GridRange[]): { range: GridRange; across: boolean }[] {
  const single = merges
    .filter((m) => m.numRows === 1)
    .sort((a, b) => a.column - b.column || a.numColumns - b.numColumns || a.row - b.row);
  const calls: { range: GridRange; across: boolean }[] = [];
  for (const m of single) {
    const last = calls[calls.length - 1];
    if (
      last &&
      last.across &&
      last.range.column === m.column &&
      last.range.numColumns === m.numColumns &&
      last.range.row + last.range.numRows === m.row
    ) {
      last.range.numRows += 1;
    } else {
      calls.push({ range: { ...m }, across: true });
    }
  }
  for (const m of merges) if (m.numRows > 1) calls.push({ range: { ...m }, across: false });
  return calls.filter((c) => c.range.numColumns > 1 || !c.across);
}

/** Runs of equal widths as `[startColumn, count, width]`. */
export function widthRuns(widths: number[]): [number, number, number][] {
  const runs: [number, number, number][] = [];
  widths.forEach((w, i) => {
    const last = runs[runs.length - 1];
    if (last && last[2] === w && last[0] + last[1] === i + 1) last[1] += 1;
    else runs.push([i + 1, 1, w]);
  });
  return runs;
}

/** Developer metadata on the report sheet naming the chart we drew (by chart id), so only it is removed. */
const CHART_KEY = "shop-doctor.chart";
/** Titles of our chart, for a report an older version drew before charts were recorded (only the funnel then). */
const OUR_CHART_TITLES: readonly string[] = LANGUAGES.map((l) => translate(l, "layout.funnel"));
/** Descriptions of the protection the report sets (one per language). */
const OUR_PROTECTION_NOTES: readonly string[] = LANGUAGES.map((l) => translate(l, "server.report.protection"));

/**
 * Removes the chart a previous run drew and only it (a teammate's chart on the report stays);
 * returns the ids of the charts that remain.
 */
function removeOurChart(sheet: Sheet): Set<string> {
  const records = sheet.getDeveloperMetadata().filter((m) => m.getKey() === CHART_KEY);
  const ours = new Set(records.map((m) => m.getValue() ?? ""));
  const kept = new Set<string>();
  for (const chart of sheet.getCharts()) {
    const id = String(chart.getChartId());
    const mine = records.length
      ? ours.has(id)
      : OUR_CHART_TITLES.includes(String(chart.getOptions().get("title") ?? ""));
    if (mine) sheet.removeChart(chart);
    else kept.add(id);
  }
  for (const record of records) record.remove();
  return kept;
}

/** Empties the report sheet of everything a previous run wrote (values, formats, notes, merges). */
function clearReportSheet(sheet: Sheet): void {
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).breakApart();
  sheet.clear();
  sheet.clearNotes();
}

/** Grows the sheet when the report is larger than it (new sheets are 1000 × 26). */
function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** Rewrites `sheet` to show `grid`: same grid, same sheet content, however often it runs. */
export function writeReport(sheet: Sheet, grid: ReportGrid, protectionNote: string): void {
  const { rows, columns } = gridShape(grid);
  const kept = removeOurChart(sheet);
  clearReportSheet(sheet);
  if (rows === 0 || columns === 0) return;
  ensureSize(sheet, rows, columns);
  const range = sheet.getRange(1, 1, rows, columns);
  // Values before formats: the cells are still unformatted, so the apostrophe is read as
  // "text follows" and dropped, whatever text format the layout then applies.
  range.setValues(literalValues(grid.values));
  range.setNumberFormats(grid.numberFormats);
  range.setBackgrounds(grid.backgrounds);
  range.setFontColors(grid.fontColors);
  range.setFontWeights(grid.fontWeights);
  range.setNotes(grid.notes);
  // Advice and other text wrap inside their column (rows grow to fit) instead of being cut off.
  if (grid.wraps) range.setWraps(grid.wraps);
  for (const call of mergeCalls(grid.merges)) {
    const r = sheet.getRange(call.range.row, call.range.column, call.range.numRows, call.range.numColumns);
    if (call.across) r.mergeAcross();
    else r.merge();
  }
  for (const [start, count, width] of widthRuns(grid.columnWidths)) {
    if (count === 1) sheet.setColumnWidth(start, width);
    else sheet.setColumnWidths(start, count, width);
  }
  sheet.setFrozenRows(grid.frozenRows);
  insertCharts(sheet, grid.charts, columns, kept);
  protectAsGenerated(sheet, protectionNote);
}

/** A chart builder for each kind of chart the report model declares. */
function builderFor(sheet: Sheet, kind: ChartKind): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
  const builder = sheet.newChart();
  switch (kind) {
    case "funnel":
      return builder.asBarChart();
    case "column":
      return builder.asColumnChart();
    case "line":
      return builder.asLineChart();
    case "waterfall":
      // Floating bars: a stacked column chart whose first series (the base) is not seen.
      return builder.asColumnChart().setStacked();
  }
}

/**
 * The waterfall's series options: the base painted the chart's own white and out of the legend
 * (its tooltip names it "hidden base"); green for sales and profit, red for costs and loss,
 * above and below 0 alike.
 * No legend: each bar is named on the axis and the colours read by themselves.
 */
export function waterfallOptions(): { series: Record<number, Record<string, unknown>>; legend: { position: string } } {
  const series: Record<number, Record<string, unknown>> = {};
  WATERFALL_SERIES.forEach((name, i) => {
    series[i] =
      name === "base" ? { color: WATERFALL_COLOURS.base, visibleInLegend: false } : { color: WATERFALL_COLOURS[name] };
  });
  return { series, legend: { position: "none" } };
}

/**
 * Draws each chart over its cells, right of the report at its first range's row, and records
 * each one's id (known once it is on the sheet: the charts not kept from before) so only ours
 * are removed by the next run.
 */
function insertCharts(sheet: Sheet, charts: readonly ChartSpec[], columns: number, kept: Set<string>): void {
  for (const spec of charts) {
    if (spec.ranges.length === 0) continue;
    let builder = builderFor(sheet, spec.kind).setNumHeaders(1);
    for (const r of spec.ranges) builder = builder.addRange(sheet.getRange(r.row, r.column, r.numRows, r.numColumns));
    if (spec.kind === "waterfall") {
      const options = waterfallOptions();
      builder = builder.setOption("series", options.series).setOption("legend", options.legend);
    }
    const chart = builder
      .setOption("title", spec.title)
      .setPosition(spec.ranges[0].row, columns + 2, 0, 0)
      .build();
    sheet.insertChart(chart);
  }
  if (charts.length === 0) return;
  for (const placed of sheet.getCharts()) {
    const id = String(placed.getChartId());
    if (!kept.has(id)) sheet.addDeveloperMetadata(CHART_KEY, id);
  }
}

/**
 * Last, and never fatal: a warning-only protection, so teammates may still edit but Sheets
 * asks first (the next run rewrites the sheet). A protection someone else set (another
 * description) is left exactly as it is; `Sheet.protect()` would return it, so it is not called then.
 */
function protectAsGenerated(sheet: Sheet, note: string): void {
  try {
    const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
    if (existing.length > 0 && !existing.some((p) => OUR_PROTECTION_NOTES.includes(p.getDescription()))) return;
    const protection = existing.find((p) => OUR_PROTECTION_NOTES.includes(p.getDescription())) ?? sheet.protect();
    protection.setDescription(note).setWarningOnly(true);
  } catch {
    // The report is written; a protection the user may not change must not turn it into an error.
  }
}
