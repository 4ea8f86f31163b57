/**
 * The preview's workbook: the in-memory spreadsheet (src/local/fake) with the real
 * build/Code.js loaded over it, plus what the page needs — each tab rendered as a grid
 * (values through their number formats, colours, notes, formula cells computed) and the
 * ways a person adds data (paste tab-separated text, upload a CSV/TSV export, type a cell).
 */
import { readFileSync } from "node:fs";
import vm from "node:vm";
import { formatIsoDate, type SheetInput } from "../../engine";
import { CUSTOM_FUNCTIONS } from "../../functions/registry";
import { bundleServer, type GasServer } from "../gas-bridge";
import {
  createFakeGoogle,
  parseA1,
  snapshotSheet,
  type FakeGoogle,
  type FakeSheet,
  type JsonCell,
  type SheetSnapshot,
} from "../fake";
import { parseDelimitedText } from "../../readers/delimited";
import { ExportReadError, readExportBytes } from "../../readers";
import { computeFormulas, isFormula, type CustomFunction, type SheetValue } from "./formulas";
import { columnLetter, escapeHtml, renderChart, renderGridTable, type RenderableGrid } from "../render-grid";
import type { ChartKind } from "../../engine/report";

/**
 * The report's chart kind for each chart type the writer builds (asBarChart, asColumnChart,
 * asLineChart); a stacked column chart is the waterfall (asColumnChart().setStacked()).
 */
const CHART_KIND_OF: Record<string, ChartKind> = { BAR: "funnel", COLUMN: "column", LINE: "line" };

/** Tabs show at most this many rows; the rest are summarised (the page stays fast on big pastes). */
export const MAX_RENDERED_ROWS = 2000;
const BLANK_ROWS = 5;
const BLANK_COLUMNS = 3;
/** Sheets' default column width in pixels. */
const DEFAULT_COLUMN_WIDTH = 100;

export interface TabView {
  name: string;
  rows: number;
  columns: number;
  /** The tab as an HTML table (all text escaped). */
  html: string;
}

export interface WorkbookView {
  version: number;
  active: string;
  tabs: TabView[];
}

/** A value the fake's cell store holds. */
type StoredCell = string | number | boolean | Date;

/** A problem with something the person pasted or uploaded; the page shows the message. */
export class PreviewInputError extends Error {}

function a1Key(a1: string): [number, number] {
  const p = parseA1(a1);
  return [p.row, p.column];
}

function dense<T>(rows: number, columns: number, fill: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(columns).fill(fill));
}

/** A stored value as formulas see it: a date is a Date, as Sheets passes it to custom functions. */
function jsonCellValue(cell: JsonCell): SheetValue {
  if (cell !== null && typeof cell === "object") return new Date(cell.date);
  return cell;
}

/**
 * Loads build/Code.js into a fresh realm holding only Apps Script's globals (the fake's services,
 * Utilities.formatDate included: the one zoned date formatter, src/local/fake/zoned.ts).
 */
export function loadCodeJs(source: string, google: FakeGoogle): Record<string, unknown> {
  const logger = { log: (...args: unknown[]) => console.log("[Logger]", ...args) };
  const context = vm.createContext({
    ...google.globals,
    Logger: logger,
    console,
  }) as Record<string, unknown>;
  vm.runInContext(source, context, { filename: "Code.js" });
  return context;
}

/** A tab name as Sheets accepts it: trimmed, 1–100 characters, no control characters. */
function checkedTabName(wanted: string): string {
  const name = wanted.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  if (!name) throw new PreviewInputError("A tab name cannot be empty.");
  if (name.length > 100) throw new PreviewInputError("A tab name can have at most 100 characters.");
  return name;
}

/** Runs a change of the fake spreadsheet; what Sheets would refuse reaches the page as its message. */
function asInputError<T>(change: () => T): T {
  try {
    return change();
  } catch (error) {
    if (error instanceof PreviewInputError) throw error;
    throw new PreviewInputError(error instanceof Error ? error.message : String(error));
  }
}

/** Grows a sheet to at least `rows` × `columns`, as Sheets adds rows/columns for a paste; Sheets' limits apply. */
function growTo(sheet: FakeSheet, rows: number, columns: number): void {
  asInputError(() => {
    if (rows > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
    if (columns > sheet.getMaxColumns())
      sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
  });
}

export class PreviewWorkbook {
  google!: FakeGoogle;
  server!: GasServer;
  private functions: Record<string, CustomFunction> = {};
  /** Per tab, the cells a formula's array result spilled into (they hold values, not formulas). */
  private spilled = new Map<string, Set<string>>();
  /** Bumped on every change, so the page knows when to redraw. */
  version = 1;

  constructor(
    private readonly codeSource: string,
    sheets: SheetInput[],
  ) {
    this.open(sheets);
  }

  /** A fresh spreadsheet holding `sheets` (one empty Sheet1 when none), with build/Code.js loaded over it. */
  private open(sheets: SheetInput[]): void {
    this.google = createFakeGoogle({ sheets });
    this.functions = {};
    this.spilled = new Map();
    const globals = loadCodeJs(this.codeSource, this.google);
    const inner = bundleServer(globals);
    // Every server call may rewrite sheets (the report): the page redraws after each.
    this.server = {
      functions: () => inner.functions(),
      call: (name, args) => {
        // Sheets hands scripts the computed value of a formula cell; so does the preview.
        this.recalculate();
        try {
          return inner.call(name, args);
        } finally {
          this.version++;
        }
      },
    };
    for (const spec of CUSTOM_FUNCTIONS) {
      const fn = globals[spec.name];
      if (typeof fn === "function") this.functions[spec.name] = fn as CustomFunction;
    }
  }

  /**
   * Saves team settings through the add-on's own saveSettings (as the sidebar form would), then
   * shows the first tab again, like a freshly opened spreadsheet. Returns the error text, if any.
   */
  applySettings(settings: Record<string, unknown>): string | null {
    if (!this.server.functions().includes("saveSettings")) return "this build has no saveSettings";
    const first = this.google.spreadsheet.getSheets()[0];
    const result = this.server.call("saveSettings", [settings]) as { ok: boolean; error?: { message: string } };
    this.google.spreadsheet.setActiveSheet(first);
    this.version++;
    return result && result.ok ? null : (result?.error?.message ?? "saveSettings failed");
  }

  /** Reads build/Code.js from disk. */
  static fromFile(codePath: string, sheets: SheetInput[]): PreviewWorkbook {
    return new PreviewWorkbook(readFileSync(codePath, "utf8"), sheets);
  }

  tabNames(): string[] {
    return this.google.spreadsheet.getSheets().map((s) => s.getName());
  }

  activeName(): string {
    return this.google.spreadsheet.getActiveSheet().getName();
  }

  /** Makes a tab the active sheet, as clicking its tab does in Sheets. */
  activate(name: string): void {
    const sheet = this.google.spreadsheet.getSheetByName(name);
    if (!sheet) throw new PreviewInputError(`There is no tab named "${name}".`);
    this.google.spreadsheet.setActiveSheet(sheet);
    this.version++;
  }

  /** A tab name not used yet: `name`, `name (2)`, … trimmed to Sheets' 100 characters. */
  freeTabName(wanted: string): string {
    const base = (wanted.replace(/[\u0000-\u001f]/g, " ").trim() || "粘贴的数据").slice(0, 90);
    const taken = new Set(this.tabNames());
    if (!taken.has(base)) return base;
    for (let i = 2; ; i++) if (!taken.has(`${base} (${i})`)) return `${base} (${i})`;
  }

  /**
   * Starts over with an empty spreadsheet (one empty Sheet1, no settings, no sample shop), as a
   * new spreadsheet in Sheets starts: a person's own export is then diagnosed on its own.
   */
  startEmpty(): void {
    this.open([]);
    this.version++;
  }

  /** Deletes a tab; like Sheets, the last tab cannot be deleted. */
  deleteTab(name: string): void {
    const sheet = this.google.spreadsheet.getSheetByName(name);
    if (!sheet) throw new PreviewInputError(`There is no tab named "${name}".`);
    asInputError(() => this.google.spreadsheet.deleteSheet(sheet));
    this.spilled.delete(name);
    this.version++;
  }

  /** Renames a tab; a name another tab has is refused with Sheets' message. Returns the name given. */
  renameTab(name: string, wanted: string): string {
    const sheet = this.google.spreadsheet.getSheetByName(name);
    if (!sheet) throw new PreviewInputError(`There is no tab named "${name}".`);
    const next = checkedTabName(wanted);
    asInputError(() => sheet.setName(next));
    const spilled = this.spilled.get(name);
    this.spilled.delete(name);
    if (spilled) this.spilled.set(next, spilled);
    this.version++;
    return next;
  }

  /** Adds a tab holding `rows` typed in as text (formulas, percents and numbers parsed like Sheets does). */
  addTypedTab(wanted: string, rows: string[][]): string {
    if (rows.length === 0 || rows.every((r) => r.every((c) => c.trim() === ""))) {
      throw new PreviewInputError("Nothing to add: the pasted text is empty.");
    }
    const width = rows.reduce((max, r) => Math.max(max, r.length), 0);
    const grid = rows.map((r) => [...r, ...new Array<string>(width - r.length).fill("")]);
    const name = this.freeTabName(wanted);
    const sheet = asInputError(() => this.google.spreadsheet.insertSheet(name));
    // A paste larger than the new sheet's 1000 × 26 grows it, as Sheets does.
    growTo(sheet, grid.length, width);
    sheet.getRange(1, 1, grid.length, width).setValues(grid);
    this.google.spreadsheet.setActiveSheet(sheet);
    this.recalculate();
    this.version++;
    return name;
  }

  /** Pasted tab-separated (or comma-separated) text becomes a new tab. */
  pasteText(wanted: string, text: string): string {
    return this.addTypedTab(wanted, parseDelimitedText(text));
  }

  /**
   * An uploaded export becomes new tabs: a CSV/TSV (bytes in any supported encoding) one tab named
   * after the file, an .xlsx workbook one tab per worksheet named after it. Returns the tab names.
   */
  async uploadFile(fileName: string, bytes: Buffer): Promise<string[]> {
    let tabs: SheetInput[];
    try {
      tabs = (await readExportBytes(bytes, fileName)).tabs;
    } catch (error) {
      if (error instanceof ExportReadError) throw new PreviewInputError(error.message);
      throw error;
    }
    const named = tabs.filter((tab) => tab.values.some((row) => row.some((c) => c !== "" && c != null)));
    if (named.length === 0) throw new PreviewInputError("Nothing to add: the file is empty.");
    return named.map((tab) => {
      const text = tab.values.map((row) => row.map((c) => (c === null || c === undefined ? "" : String(c))));
      return this.addTypedTab(tab.name, text);
    });
  }

  /** Types `input` into one cell of a tab (a formula when it starts with `=`). */
  typeIntoCell(tab: string, a1: string, input: string): void {
    const sheet = this.google.spreadsheet.getSheetByName(tab);
    if (!sheet) throw new PreviewInputError(`There is no tab named "${tab}".`);
    if (!/^[A-Z]{1,3}[1-9]\d{0,6}$/.test(a1)) throw new PreviewInputError(`"${a1}" is not a cell address like B2.`);
    // The grid shows a few blank rows and columns past the sheet's end: typing there adds them.
    const { row, column } = parseA1(a1);
    growTo(sheet, row, column);
    sheet.getRange(a1).setValue(input);
    this.recalculate();
    this.version++;
  }

  /**
   * Stores every formula cell's computed value (an error as its code, e.g. `#ERROR!`) and
   * spilled array results, so getValues — and so the diagnosis — sees what Sheets would show.
   */
  recalculate(): void {
    for (const sheet of this.google.spreadsheet.getSheets()) {
      // The preview computes into the fake's cell store directly: the public Range API would
      // replace the formula with the value, and Sheets keeps both.
      const store = sheet._store;
      const name = sheet.getName();
      const previous = this.spilled.get(name);
      if (store.formulas.size === 0 && !previous) continue;
      for (const key of previous ?? []) {
        const [r, c] = key.split(":").map(Number);
        store.setValue(r, c, "");
      }
      const snapshot = snapshotSheet(sheet);
      const values: SheetValue[][] = snapshot.values.map((line) => line.map(jsonCellValue));
      const formulaKeys = new Set<string>();
      for (const [a1, formula] of Object.entries(snapshot.formulas)) {
        const [r, c] = a1Key(a1);
        while (values.length < r) values.push([]);
        while (values[r - 1].length < c) values[r - 1].push("");
        values[r - 1][c - 1] = formula.startsWith("=") ? formula : `=${formula}`;
        formulaKeys.add(`${r}:${c}`);
      }
      const spilled = new Set<string>();
      for (const [key, result] of computeFormulas(name, values, this.functions)) {
        const [r, c] = key.split(":").map(Number);
        const value = "value" in result ? result.value : result.error;
        const stored: StoredCell = value === null ? "" : value;
        store.setValue(r, c, stored);
        if (!formulaKeys.has(key)) spilled.add(key);
      }
      if (spilled.size) this.spilled.set(name, spilled);
      else this.spilled.delete(name);
    }
  }

  /** One tab as a grid the renderer understands, formula cells computed. */
  gridOf(snapshot: SheetSnapshot, display: string[][] = []): { grid: RenderableGrid; rows: number; columns: number } {
    const formulaCells = Object.entries(snapshot.formulas).map(([a1, f]) => [...a1Key(a1), f] as const);
    let rows = snapshot.values.length;
    let columns = snapshot.values.reduce((max, r) => Math.max(max, r.length), 0);
    for (const [r, c] of formulaCells) {
      rows = Math.max(rows, r);
      columns = Math.max(columns, c);
    }
    const values: SheetValue[][] = dense<SheetValue>(rows, columns, "");
    snapshot.values.forEach((line, i) => line.forEach((cell, j) => (values[i][j] = jsonCellValue(cell))));
    for (const [r, c, f] of formulaCells) values[r - 1][c - 1] = f.startsWith("=") ? f : `=${f}`;

    const computed = computeFormulas(snapshot.name, values, this.functions);
    // Spilled results may reach past the last written cell.
    for (const key of computed.keys()) {
      const [r, c] = key.split(":").map(Number);
      rows = Math.max(rows, r);
      columns = Math.max(columns, c);
    }
    for (const line of values) while (line.length < columns) line.push("");
    while (values.length < rows) values.push(new Array<SheetValue>(columns).fill(""));
    // Like a sheet, a few empty rows and columns past the data to type into.
    rows += BLANK_ROWS;
    columns += BLANK_COLUMNS;
    for (const line of values) while (line.length < columns) line.push("");
    while (values.length < rows) values.push(new Array<SheetValue>(columns).fill(""));
    const shown = Math.min(rows, MAX_RENDERED_ROWS);
    const hasWidths = Object.keys(snapshot.columnWidths).length > 0;
    const grid: RenderableGrid = {
      sheetName: snapshot.name,
      values: dense<string | number | null>(shown, columns, null),
      numberFormats: dense(shown, columns, ""),
      backgrounds: dense(shown, columns, ""),
      fontColors: dense(shown, columns, ""),
      fontWeights: dense<"bold" | "normal">(shown, columns, "normal"),
      notes: dense(shown, columns, ""),
      wraps: dense(shown, columns, false),
      merges: [],
      frozenRows: snapshot.frozenRows,
      // A tab whose widths were set (the report) is laid out at those widths like the sheet, its
      // other columns at Sheets' default 100 px; a tab with no widths set fits its text.
      columnWidths: Array.from(
        { length: columns },
        (_, c) => snapshot.columnWidths[String(c + 1)] ?? (hasWidths ? DEFAULT_COLUMN_WIDTH : 0),
      ),
    };
    for (let r = 0; r < shown; r++) {
      for (let c = 0; c < columns; c++) {
        const raw = values[r][c];
        const result = computed.get(`${r + 1}:${c + 1}`);
        let value: SheetValue = raw;
        if (result) value = "value" in result ? result.value : result.error;
        if (result && "error" in result) grid.notes![r][c] = result.message;
        else if (isFormula(raw)) grid.notes![r][c] = raw;
        // A date shows as the sheet displays it (its format, in the spreadsheet's time zone).
        if (value instanceof Date) grid.values[r][c] = display[r]?.[c] || formatIsoDate(value);
        else grid.values[r][c] = typeof value === "boolean" ? String(value).toUpperCase() : value;
      }
    }
    const put = (map: Record<string, string>, target: string[][]) => {
      for (const [a1, v] of Object.entries(map)) {
        const [r, c] = a1Key(a1);
        if (r <= shown && c <= columns) target[r - 1][c - 1] = v;
      }
    };
    put(snapshot.numberFormats, grid.numberFormats!);
    put(snapshot.backgrounds, grid.backgrounds!);
    put(snapshot.fontColors, grid.fontColors!);
    put(snapshot.fontWeights, grid.fontWeights as string[][]);
    // Wraps a writer set (the report's advice); text elsewhere stays on one line, as Sheets shows
    // fresh cells (overflow).
    for (const [a1, wrap] of Object.entries(snapshot.wraps ?? {})) {
      const [r, c] = a1Key(a1);
      if (r <= shown && c <= columns) grid.wraps![r - 1][c - 1] = wrap;
    }
    // A person's note wins over our "this is the formula" hint; an error message wins over both.
    for (const [a1, note] of Object.entries(snapshot.notes)) {
      const [r, c] = a1Key(a1);
      const result = computed.get(`${r}:${c}`);
      const isError = result !== undefined && "error" in result;
      if (r <= shown && c <= columns && !isError) grid.notes![r - 1][c - 1] = note;
    }
    for (const m of snapshot.merges) {
      const p = parseA1(m);
      if (p.row <= shown)
        grid.merges!.push({
          row: p.row,
          column: p.column,
          numRows: (p.lastRow ?? p.row) - p.row + 1,
          numColumns: (p.lastColumn ?? p.column) - p.column + 1,
        });
    }
    return { grid, rows, columns };
  }

  /** Every tab rendered for the page. */
  view(): WorkbookView {
    const tabs = this.google.spreadsheet.getSheets().map((sheet) => {
      const snapshot = snapshotSheet(sheet);
      const hasDates = snapshot.values.some((line) => line.some((cell) => cell !== null && typeof cell === "object"));
      // Dates are shown the way the sheet displays them, in the spreadsheet's time zone.
      const display =
        hasDates && snapshot.values.length
          ? sheet.getRange(1, 1, snapshot.values.length, snapshot.values[0].length).getDisplayValues()
          : [];
      const { grid, rows, columns } = this.gridOf(snapshot, display);
      let html = renderGridTable(grid, { headings: true });
      // The charts the writer inserted, each drawn from its source cells like the sheet's.
      for (const chart of snapshot.charts) {
        const kind = chart.type === "COLUMN" && chart.stacked ? "waterfall" : CHART_KIND_OF[chart.type];
        if (!kind || chart.ranges.length === 0) continue;
        const ranges = chart.ranges.map((a1) => {
          const p = parseA1(a1);
          return {
            row: p.row,
            column: p.column,
            numRows: (p.lastRow ?? p.row) - p.row + 1,
            numColumns: (p.lastColumn ?? p.column) - p.column + 1,
          };
        });
        html += renderChart(grid, { kind, title: chart.title ?? "", ranges });
      }
      if (rows - BLANK_ROWS > MAX_RENDERED_ROWS) {
        html += `<p class="pv-more">${escapeHtml(`Showing the first ${MAX_RENDERED_ROWS} of ${rows} rows (to ${columnLetter(columns)}${rows}).`)}</p>`;
      }
      return { name: snapshot.name, rows: rows - BLANK_ROWS, columns: columns - BLANK_COLUMNS, html };
    });
    return { version: this.version, active: this.activeName(), tabs };
  }
}
