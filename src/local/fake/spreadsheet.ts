/**
 * An in-memory Spreadsheet / Sheet / Range with the semantics Google documents for the calls
 * Shop Doctor makes. Method names and argument shapes follow GoogleAppsScript.Spreadsheet.*
 * (checked at the bottom of this file); what is simplified is listed in README.md.
 */
import { a1Notation, parseA1 } from "./a1";
import { type CallCounter, counted } from "./counter";
import { DEFAULT_NUMBER_FORMAT, formatDisplay } from "./display";
import { parseAsTyped, type StoredValue } from "./typed";

/** New sheets in Google Sheets start with 1000 rows and 26 columns. */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;
/**
 * Sheets' size limits: 10 million cells per spreadsheet (all tabs, empty cells included; doubled
 * from 5 million in March 2022) and 18,278 columns (ZZZ) per sheet. Growing past them throws.
 */
const MAX_CELLS = 10_000_000;
const MAX_COLUMNS = 18_278;

/** Throws Sheets' error when adding `extra` cells would take the spreadsheet past MAX_CELLS. */
function checkCellLimit(spreadsheet: FakeSpreadsheet, extra: number): void {
  const cells = spreadsheet._sheets.reduce((sum, s) => sum + s._store.maxRows * s._store.maxColumns, 0);
  if (cells + extra > MAX_CELLS) {
    throw new Error(
      `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
    );
  }
}
const DEFAULT_COLUMN_WIDTH = 100;
const DEFAULT_BACKGROUND = "#ffffff";
const DEFAULT_FONT_COLOR = "#000000";
const MERGE_ERROR = "You must select all cells in a merged range to merge or unmerge them.";

export interface Rect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

const NAMED_COLORS: Record<string, string> = {
  white: "#ffffff",
  black: "#000000",
  red: "#ff0000",
  green: "#00ff00",
  blue: "#0000ff",
  yellow: "#ffff00",
  orange: "#ffa500",
  gray: "#808080",
  grey: "#808080",
};

/** Sheets reports colours as lowercase `#rrggbb`. */
export function normalizeColor(color: string): string {
  const c = color.trim().toLowerCase();
  if (NAMED_COLORS[c]) return NAMED_COLORS[c];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return c;
}

function key(row: number, column: number): number {
  return row * 32768 + column;
}

function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.column + inner.numColumns <= outer.column + outer.numColumns
  );
}

function checkShape(data: unknown, rect: Rect): unknown[][] {
  if (!Array.isArray(data))
    throw new Error("The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.");
  if (data.length !== rect.numRows) {
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${rect.numRows}.`,
    );
  }
  for (const row of data) {
    const width = Array.isArray(row) ? row.length : 0;
    if (width !== rect.numColumns) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${width} but the range has ${rect.numColumns}.`,
      );
    }
  }
  return data as unknown[][];
}

/** A sheet's cells and formatting. Internal: the code under test sees FakeSheet / FakeRange. */
export class SheetStore {
  rows: StoredValue[][] = [];
  formulas = new Map<number, string>();
  numberFormats = new Map<number, string>();
  backgrounds = new Map<number, string>();
  fontColors = new Map<number, string>();
  fontWeights = new Map<number, string>();
  notes = new Map<number, string>();
  wraps = new Map<number, string>();
  horizontalAlignments = new Map<number, string>();
  verticalAlignments = new Map<number, string>();
  /** Data-validation rules by cell (the same rule object shared by every cell it was set on). */
  validations = new Map<number, FakeDataValidation>();
  merges: Rect[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  columnWidths = new Map<number, number>();
  maxRows = NEW_SHEET_ROWS;
  maxColumns = NEW_SHEET_COLUMNS;
  charts: FakeEmbeddedChart[] = [];
  protections: FakeProtection[] = [];
  developerMetadata: FakeDeveloperMetadata[] = [];
  hidden = false;

  /** Every per-cell map, for operations that move cells (inserting rows). */
  cellMaps(): Map<number, unknown>[] {
    return [
      this.formulas,
      this.numberFormats,
      this.backgrounds,
      this.fontColors,
      this.fontWeights,
      this.notes,
      this.wraps,
      this.horizontalAlignments,
      this.verticalAlignments,
      this.validations,
    ];
  }

  /** Moves every row from `before` down by `count` (what inserting rows above it does). */
  shiftRows(before: number, count: number): void {
    if (this.rows.length >= before) this.rows.splice(before - 1, 0, ...Array.from({ length: count }, () => []));
    for (const map of this.cellMaps()) {
      const moved = [...map.entries()].map(([k, v]) => [Math.floor(k / 32768) >= before ? k + count * 32768 : k, v]);
      map.clear();
      for (const [k, v] of moved) map.set(k as number, v);
    }
    const move = (rect: Rect) => {
      if (rect.row >= before) rect.row += count;
      else if (rect.row + rect.numRows > before) rect.numRows += count;
    };
    for (const m of this.merges) move(m);
    for (const p of this.protections) if (p._rect) move(p._rect);
    this.maxRows += count;
  }

  value(row: number, column: number): StoredValue {
    const r = this.rows[row - 1];
    if (!r) return "";
    const v = r[column - 1];
    return v === undefined ? "" : v;
  }

  setValue(row: number, column: number, value: StoredValue): void {
    let r = this.rows[row - 1];
    if (!r) {
      if (value === "") return;
      while (this.rows.length < row - 1) this.rows.push([]);
      r = this.rows[row - 1] = [];
    }
    while (r.length < column - 1) r.push("");
    r[column - 1] = value;
  }

  lastRow(): number {
    const formulaRows = [...this.formulas.keys()].map((k) => Math.floor(k / 32768));
    const last = formulaRows.length ? Math.max(...formulaRows) : 0;
    for (let i = this.rows.length - 1; i >= last; i--) {
      const r = this.rows[i];
      if (r && r.some((v) => v !== "")) return Math.max(last, i + 1);
    }
    return last;
  }

  lastColumn(): number {
    let last = 0;
    for (const k of this.formulas.keys()) last = Math.max(last, k % 32768);
    for (const r of this.rows) {
      if (!r) continue;
      for (let c = r.length - 1; c >= last; c--) {
        if (r[c] !== "") {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }
}

/** The in-memory spreadsheet: sheets in tab order, the active sheet, time zone and toasts. */
export class FakeSpreadsheet {
  _sheets: FakeSheet[] = [];
  _active: FakeSheet | null = null;
  _toasts: { message: string; title: string }[] = [];
  _nextSheetId = 0;
  _self: FakeSpreadsheet = this;

  constructor(
    readonly _counter: CallCounter,
    readonly _timeZone: string,
    readonly _locale: string,
    readonly _name = "Shop data",
  ) {
    this._self = counted(this, "Spreadsheet", _counter);
    return this._self;
  }

  /** Adds a sheet without counting (used to build fixtures). */
  _addSheet(name: string, index?: number): FakeSheet {
    if (this._sheets.some((s) => s._name === name)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(this._self, name, this._nextSheetId++);
    const at = index === undefined ? this._sheets.length : Math.max(0, Math.min(index, this._sheets.length));
    this._sheets.splice(at, 0, sheet);
    return sheet;
  }

  getName(): string {
    return this._name;
  }
  getId(): string {
    return "fake-spreadsheet";
  }
  getSpreadsheetTimeZone(): string {
    return this._timeZone;
  }
  getSpreadsheetLocale(): string {
    return this._locale;
  }
  getSheets(): FakeSheet[] {
    return [...this._sheets];
  }
  getNumSheets(): number {
    return this._sheets.length;
  }
  getSheetByName(name: string): FakeSheet | null {
    return this._sheets.find((s) => s._name === name) ?? null;
  }
  insertSheet(nameOrIndex?: string | number, index?: number): FakeSheet {
    let name: string;
    let at: number | undefined = index;
    if (typeof nameOrIndex === "string") name = nameOrIndex;
    else {
      at = nameOrIndex;
      let n = this._sheets.length + 1;
      while (this._sheets.some((s) => s._name === `Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    checkCellLimit(this, NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
    const sheet = this._addSheet(name, at);
    this._active = sheet; // insertSheet makes the new sheet active, as in Sheets
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void {
    const i = this._sheets.indexOf(sheet);
    if (i < 0) throw new Error("Sheet not found.");
    if (this._sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this._sheets.splice(i, 1);
    if (this._active === sheet) this._active = this._sheets[0];
  }
  getActiveSheet(): FakeSheet {
    return this._active ?? this._sheets[0];
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    if (this._sheets.indexOf(sheet) < 0) throw new Error("Sheet not found.");
    this._active = sheet;
    return sheet;
  }
  getRange(a1: string): FakeRange {
    const parsed = parseA1(a1);
    const sheet = parsed.sheetName === null ? this.getActiveSheet() : this.getSheetByName(parsed.sheetName);
    if (!sheet) throw new Error("Range not found");
    return sheet._rangeFromA1(a1);
  }
  toast(message: string, title = "", _timeoutSeconds?: number): void {
    this._toasts.push({ message: String(message), title: String(title) });
  }
}

/** One tab. */
export class FakeSheet {
  readonly _store = new SheetStore();
  /** The counted proxy of this sheet: what ranges point back to, so their calls stay counted. */
  _self: FakeSheet = this;
  /** GRID for ordinary tabs; OBJECT (a chart on its own sheet) and DATASOURCE have no cells to read. */
  _type: "GRID" | "OBJECT" | "DATASOURCE" = "GRID";

  constructor(
    readonly _spreadsheet: FakeSpreadsheet,
    public _name: string,
    readonly _id: number,
  ) {
    this._self = counted(this, "Sheet", _spreadsheet._counter);
    return this._self;
  }

  _range(row: number, column: number, numRows = 1, numColumns = 1): FakeRange {
    // The fake's own words: Google does not document what cell calls on such a sheet throw.
    if (this._type !== "GRID") throw new Error(`The sheet "${this._name}" is not a grid; it has no cells.`);
    if (
      !Number.isInteger(row) ||
      !Number.isInteger(column) ||
      !Number.isInteger(numRows) ||
      !Number.isInteger(numColumns)
    ) {
      throw new Error("Exception: The parameters don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    }
    if (numRows < 1) throw new Error("The number of rows in the range must be at least 1.");
    if (numColumns < 1) throw new Error("The number of columns in the range must be at least 1.");
    if (row < 1) throw new Error("The starting row of the range is too small.");
    if (column < 1) throw new Error("The starting column of the range is too small.");
    if (row + numRows - 1 > this._store.maxRows || column + numColumns - 1 > this._store.maxColumns) {
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    }
    return new FakeRange(this._self, { row, column, numRows, numColumns });
  }

  _rangeFromA1(a1: string): FakeRange {
    const p = parseA1(a1);
    const lastRow = p.lastRow ?? this._store.maxRows;
    const lastColumn = p.lastColumn ?? this._store.maxColumns;
    return this._range(p.row, p.column, lastRow - p.row + 1, lastColumn - p.column + 1);
  }

  getName(): string {
    return this._name;
  }
  setName(name: string): FakeSheet {
    if (this._spreadsheet._sheets.some((s) => s._id !== this._id && s._name === name)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this._name = name;
    return this;
  }
  getSheetId(): number {
    return this._id;
  }
  getType(): string {
    return this._type;
  }
  /** Sheet-level developer metadata; `Sheet.clear()` leaves it, deleting the sheet removes it. */
  addDeveloperMetadata(key: string, valueOrVisibility?: string, visibility?: string): FakeSheet {
    const isVisibility = valueOrVisibility === "DOCUMENT" || valueOrVisibility === "PROJECT";
    const value = valueOrVisibility === undefined || isVisibility ? null : valueOrVisibility;
    const seen = isVisibility ? valueOrVisibility : (visibility ?? "DOCUMENT");
    this._store.developerMetadata.push(
      new FakeDeveloperMetadata(this._store, key, value, seen, this._spreadsheet._counter),
    );
    return this;
  }
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    return [...this._store.developerMetadata];
  }
  insertRowBefore(beforePosition: number): FakeSheet {
    return this.insertRowsBefore(beforePosition, 1);
  }
  /** Rows below move down with their values, formats, notes, validation and merges, as in Sheets. */
  insertRowsBefore(beforePosition: number, howMany: number): FakeSheet {
    if (beforePosition < 1 || beforePosition > this._store.maxRows)
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    this._store.shiftRows(beforePosition, howMany);
    return this;
  }
  getIndex(): number {
    return this._spreadsheet._sheets.indexOf(this._self) + 1;
  }
  getParent(): FakeSpreadsheet {
    return this._spreadsheet;
  }
  activate(): FakeSheet {
    this._spreadsheet._active = this._self;
    return this;
  }
  isSheetHidden(): boolean {
    return this._store.hidden;
  }
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): FakeRange {
    if (typeof rowOrA1 === "string") return this._rangeFromA1(rowOrA1);
    return this._range(rowOrA1, column ?? 1, numRows ?? 1, numColumns ?? 1);
  }
  getRangeList(a1Notations: string[]): FakeRangeList {
    return new FakeRangeList(
      a1Notations.map((a1) => this._rangeFromA1(a1)),
      this._spreadsheet._counter,
    );
  }
  getDataRange(): FakeRange {
    return this._range(1, 1, Math.max(1, this._store.lastRow()), Math.max(1, this._store.lastColumn()));
  }
  getLastRow(): number {
    return this._store.lastRow();
  }
  getLastColumn(): number {
    return this._store.lastColumn();
  }
  getMaxRows(): number {
    return this._store.maxRows;
  }
  getMaxColumns(): number {
    return this._store.maxColumns;
  }
  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    if (afterPosition !== this._store.maxRows) throw new Error("The fake only appends rows at the end of a sheet.");
    checkCellLimit(this._spreadsheet, howMany * this._store.maxColumns);
    this._store.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    if (afterPosition !== this._store.maxColumns)
      throw new Error("The fake only appends columns at the end of a sheet.");
    if (this._store.maxColumns + howMany > MAX_COLUMNS) {
      throw new Error(
        `This action would increase the number of columns in the sheet above the limit of ${MAX_COLUMNS}.`,
      );
    }
    checkCellLimit(this._spreadsheet, howMany * this._store.maxRows);
    this._store.maxColumns += howMany;
    return this;
  }
  clear(): FakeSheet {
    this._whole()._clearContent();
    this._whole()._clearFormat();
    return this;
  }
  clearContents(): FakeSheet {
    this._whole()._clearContent();
    return this;
  }
  clearFormats(): FakeSheet {
    this._whole()._clearFormat();
    return this;
  }
  clearNotes(): FakeSheet {
    this._store.notes.clear();
    return this;
  }
  _whole(): FakeRange {
    return new FakeRange(this._self, {
      row: 1,
      column: 1,
      numRows: this._store.maxRows,
      numColumns: this._store.maxColumns,
    });
  }
  setFrozenRows(rows: number): void {
    this._store.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._store.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this._store.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this._store.frozenColumns;
  }
  setColumnWidth(column: number, width: number): FakeSheet {
    this._store.columnWidths.set(column, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this._store.columnWidths.set(c, width);
    return this;
  }
  getColumnWidth(column: number): number {
    return this._store.columnWidths.get(column) ?? DEFAULT_COLUMN_WIDTH;
  }
  protect(): FakeProtection {
    const existing = this._store.protections.find((p) => p._type === "SHEET");
    if (existing) return existing;
    const protection = new FakeProtection(this._self, "SHEET", null);
    this._store.protections.push(protection);
    return protection;
  }
  getProtections(type: string): FakeProtection[] {
    return this._store.protections.filter((p) => p._type === String(type));
  }
  newChart(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this._spreadsheet._counter);
  }
  insertChart(chart: FakeEmbeddedChart): void {
    this._store.charts.push(chart);
  }
  getCharts(): FakeEmbeddedChart[] {
    return [...this._store.charts];
  }
  removeChart(chart: FakeEmbeddedChart): void {
    const i = this._store.charts.indexOf(chart);
    if (i < 0) throw new Error("The chart does not exist on this sheet.");
    this._store.charts.splice(i, 1);
  }
  hideSheet(): FakeSheet {
    this._store.hidden = true;
    return this;
  }
  showSheet(): FakeSheet {
    this._store.hidden = false;
    return this;
  }
}

type Grid<T> = T[][];

/** A rectangle of one sheet. */
export class FakeRange {
  constructor(
    readonly _sheet: FakeSheet,
    readonly _rect: Rect,
  ) {
    return counted(this, "Range", _sheet._spreadsheet._counter);
  }

  get _store(): SheetStore {
    return this._sheet._store;
  }

  _each(fn: (row: number, column: number, i: number, j: number) => void): void {
    const { row, column, numRows, numColumns } = this._rect;
    for (let i = 0; i < numRows; i++) for (let j = 0; j < numColumns; j++) fn(row + i, column + j, i, j);
  }

  _map<T>(fn: (row: number, column: number) => T): Grid<T> {
    const { row, column, numRows, numColumns } = this._rect;
    const out: Grid<T> = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const line: T[] = new Array(numColumns);
      for (let j = 0; j < numColumns; j++) line[j] = fn(row + i, column + j);
      out[i] = line;
    }
    return out;
  }

  _read(map: Map<number, string>, fallback: string): Grid<string> {
    return this._map((r, c) => map.get(key(r, c)) ?? fallback);
  }

  _writeAll(map: Map<number, string>, value: string | null, normalize: (v: string) => string = (v) => v): void {
    const v = value === null || value === undefined || value === "" ? null : normalize(String(value));
    this._each((r, c) => (v === null ? map.delete(key(r, c)) : map.set(key(r, c), v)));
  }

  _writeGrid(map: Map<number, string>, data: unknown, normalize: (v: string) => string = (v) => v): void {
    const grid = checkShape(data, this._rect);
    this._each((r, c, i, j) => {
      const v = grid[i][j];
      if (v === null || v === undefined || v === "") map.delete(key(r, c));
      else map.set(key(r, c), normalize(String(v)));
    });
  }

  _writeValue(r: number, c: number, input: unknown): void {
    const store = this._store;
    const entry = parseAsTyped(input, store.numberFormats.get(key(r, c)) ?? null, this._sheet._spreadsheet._timeZone);
    const rule = store.validations.get(key(r, c));
    if (rule && !rule._accepts(entry.formula ?? entry.value)) {
      throw new Error(
        `The data you entered in cell ${a1Notation(r, c)} violates the data validation rules set on this cell.`,
      );
    }
    store.setValue(r, c, entry.value);
    if (entry.formula) store.formulas.set(key(r, c), entry.formula);
    else store.formulas.delete(key(r, c));
    if (entry.autoFormat && !store.numberFormats.has(key(r, c))) store.numberFormats.set(key(r, c), entry.autoFormat);
  }

  _clearContent(): void {
    const store = this._store;
    const { row, column, numRows, numColumns } = this._rect;
    for (let r = row; r < row + numRows && r <= store.rows.length; r++) {
      const line = store.rows[r - 1];
      if (!line) continue;
      for (let c = column; c < column + numColumns && c <= line.length; c++) line[c - 1] = "";
    }
    for (const k of [...store.formulas.keys()]) {
      const r = Math.floor(k / 32768);
      const c = k % 32768;
      if (r >= row && r < row + numRows && c >= column && c < column + numColumns) store.formulas.delete(k);
    }
  }

  _clearFormat(): void {
    const s = this._store;
    const whole =
      this._rect.numRows >= s.maxRows &&
      this._rect.numColumns >= s.maxColumns &&
      this._rect.row === 1 &&
      this._rect.column === 1;
    for (const map of [
      s.numberFormats,
      s.backgrounds,
      s.fontColors,
      s.fontWeights,
      s.wraps,
      s.horizontalAlignments,
      s.verticalAlignments,
    ]) {
      if (whole) map.clear();
      else this._each((r, c) => map.delete(key(r, c)));
    }
  }

  getSheet(): FakeSheet {
    return this._sheet;
  }
  getRow(): number {
    return this._rect.row;
  }
  getColumn(): number {
    return this._rect.column;
  }
  getNumRows(): number {
    return this._rect.numRows;
  }
  getNumColumns(): number {
    return this._rect.numColumns;
  }
  getLastRow(): number {
    return this._rect.row + this._rect.numRows - 1;
  }
  getLastColumn(): number {
    return this._rect.column + this._rect.numColumns - 1;
  }
  getA1Notation(): string {
    const { row, column, numRows, numColumns } = this._rect;
    return a1Notation(row, column, numRows, numColumns);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    const { row, column } = this._rect;
    return this._sheet._range(
      row + rowOffset,
      column + columnOffset,
      numRows ?? this._rect.numRows,
      numColumns ?? this._rect.numColumns,
    );
  }
  activate(): FakeRange {
    this._sheet.activate();
    return this;
  }

  getValues(): Grid<StoredValue> {
    const store = this._store;
    return this._map((r, c) => {
      const v = store.value(r, c);
      return v instanceof Date ? new Date(v.getTime()) : v;
    });
  }
  getValue(): StoredValue {
    const v = this._store.value(this._rect.row, this._rect.column);
    return v instanceof Date ? new Date(v.getTime()) : v;
  }
  getDisplayValues(): Grid<string> {
    const store = this._store;
    const timeZone = this._sheet._spreadsheet._timeZone;
    return this._map((r, c) => formatDisplay(store.value(r, c), store.numberFormats.get(key(r, c)), timeZone));
  }
  getDisplayValue(): string {
    return this.getDisplayValues()[0][0];
  }
  setValues(values: unknown[][]): FakeRange {
    const grid = checkShape(values, this._rect);
    this._each((r, c, i, j) => this._writeValue(r, c, grid[i][j]));
    return this;
  }
  setValue(value: unknown): FakeRange {
    this._each((r, c) => this._writeValue(r, c, value));
    return this;
  }
  getFormulas(): Grid<string> {
    return this._read(this._store.formulas, "");
  }
  getFormula(): string {
    return this.getFormulas()[0][0];
  }
  setFormula(formula: string): FakeRange {
    this._each((r, c) => {
      this._store.setValue(r, c, "");
      this._store.formulas.set(key(r, c), formula.startsWith("=") ? formula : "=" + formula);
    });
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean }): FakeRange {
    if (!options?.formatOnly) this._clearContent();
    if (!options?.contentsOnly) this._clearFormat();
    return this;
  }
  clearContent(): FakeRange {
    this._clearContent();
    return this;
  }
  clearFormat(): FakeRange {
    this._clearFormat();
    return this;
  }

  getNumberFormats(): Grid<string> {
    return this._read(this._store.numberFormats, DEFAULT_NUMBER_FORMAT);
  }
  getNumberFormat(): string {
    return this.getNumberFormats()[0][0];
  }
  setNumberFormat(format: string): FakeRange {
    this._writeAll(this._store.numberFormats, format);
    return this;
  }
  setNumberFormats(formats: string[][]): FakeRange {
    this._writeGrid(this._store.numberFormats, formats);
    return this;
  }

  getBackgrounds(): Grid<string> {
    return this._read(this._store.backgrounds, DEFAULT_BACKGROUND);
  }
  getBackground(): string {
    return this.getBackgrounds()[0][0];
  }
  setBackground(color: string | null): FakeRange {
    this._writeAll(this._store.backgrounds, color, normalizeColor);
    return this;
  }
  setBackgrounds(colors: (string | null)[][]): FakeRange {
    this._writeGrid(this._store.backgrounds, colors, normalizeColor);
    return this;
  }

  getFontColors(): Grid<string> {
    return this._read(this._store.fontColors, DEFAULT_FONT_COLOR);
  }
  setFontColor(color: string | null): FakeRange {
    this._writeAll(this._store.fontColors, color, normalizeColor);
    return this;
  }
  setFontColors(colors: (string | null)[][]): FakeRange {
    this._writeGrid(this._store.fontColors, colors, normalizeColor);
    return this;
  }

  getFontWeights(): Grid<string> {
    return this._read(this._store.fontWeights, "normal");
  }
  getFontWeight(): string {
    return this.getFontWeights()[0][0];
  }
  setFontWeight(weight: string | null): FakeRange {
    this._writeAll(this._store.fontWeights, weight === "normal" ? null : weight);
    return this;
  }
  setFontWeights(weights: (string | null)[][]): FakeRange {
    checkShape(weights, this._rect);
    this._writeGrid(
      this._store.fontWeights,
      weights.map((line) => line.map((w) => (w === "normal" ? null : w))),
    );
    return this;
  }

  getNotes(): Grid<string> {
    return this._read(this._store.notes, "");
  }
  getNote(): string {
    return this.getNotes()[0][0];
  }
  setNote(note: string | null): FakeRange {
    this._writeAll(this._store.notes, note);
    return this;
  }
  setNotes(notes: (string | null)[][]): FakeRange {
    this._writeGrid(this._store.notes, notes);
    return this;
  }
  clearNote(): FakeRange {
    this._writeAll(this._store.notes, null);
    return this;
  }

  getWraps(): Grid<boolean> {
    return this._map((r, c) => this._store.wraps.get(key(r, c)) !== "false");
  }
  getWrap(): boolean {
    return this.getWraps()[0][0];
  }
  // Set wraps are stored as "true"/"false" (unset: the default), so the preview can show
  // exactly what a writer asked for.
  setWrap(isWrapEnabled: boolean): FakeRange {
    this._writeAll(this._store.wraps, isWrapEnabled ? "true" : "false");
    return this;
  }
  /** One wrap flag per cell, like setValues: the grid must match the range's rows × columns. */
  setWraps(isWrapEnabled: boolean[][]): FakeRange {
    const grid = checkShape(isWrapEnabled, this._rect);
    this._writeGrid(
      this._store.wraps,
      grid.map((line) => line.map((w) => (w ? "true" : "false"))),
    );
    return this;
  }
  setHorizontalAlignment(alignment: string | null): FakeRange {
    this._writeAll(this._store.horizontalAlignments, alignment);
    return this;
  }
  setVerticalAlignment(alignment: string | null): FakeRange {
    this._writeAll(this._store.verticalAlignments, alignment);
    return this;
  }

  setDataValidation(rule: FakeDataValidation | null): FakeRange {
    this._each((r, c) =>
      rule ? this._store.validations.set(key(r, c), rule) : this._store.validations.delete(key(r, c)),
    );
    return this;
  }
  getDataValidation(): FakeDataValidation | null {
    return this._store.validations.get(key(this._rect.row, this._rect.column)) ?? null;
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    return this._map((r, c) => this._store.validations.get(key(r, c)) ?? null);
  }
  clearDataValidations(): FakeRange {
    this._each((r, c) => this._store.validations.delete(key(r, c)));
    return this;
  }

  merge(): FakeRange {
    this._mergeRects([this._rect]);
    return this;
  }
  mergeAcross(): FakeRange {
    const { row, column, numRows, numColumns } = this._rect;
    const rects: Rect[] = [];
    for (let r = row; r < row + numRows; r++) rects.push({ row: r, column, numRows: 1, numColumns });
    this._mergeRects(rects);
    return this;
  }
  mergeVertically(): FakeRange {
    const { row, column, numRows, numColumns } = this._rect;
    const rects: Rect[] = [];
    for (let c = column; c < column + numColumns; c++) rects.push({ row, column: c, numRows, numColumns: 1 });
    this._mergeRects(rects);
    return this;
  }
  _mergeRects(rects: Rect[]): void {
    const store = this._store;
    for (const existing of store.merges) {
      if (overlaps(existing, this._rect) && !contains(this._rect, existing)) throw new Error(MERGE_ERROR);
    }
    store.merges = store.merges.filter((m) => !contains(this._rect, m));
    for (const rect of rects) {
      if (rect.numRows === 1 && rect.numColumns === 1) continue;
      // Merging keeps only the upper-left value, as Sheets does.
      for (let r = rect.row; r < rect.row + rect.numRows; r++) {
        for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
          if (r === rect.row && c === rect.column) continue;
          store.setValue(r, c, "");
          store.formulas.delete(key(r, c));
        }
      }
      store.merges.push({ ...rect });
    }
  }
  breakApart(): FakeRange {
    const store = this._store;
    for (const existing of store.merges) {
      if (overlaps(existing, this._rect) && !contains(this._rect, existing)) throw new Error(MERGE_ERROR);
    }
    store.merges = store.merges.filter((m) => !contains(this._rect, m));
    return this;
  }
  isPartOfMerge(): boolean {
    return this._store.merges.some((m) => overlaps(m, this._rect));
  }
  getMergedRanges(): FakeRange[] {
    return this._store.merges.filter((m) => overlaps(m, this._rect)).map((m) => new FakeRange(this._sheet, { ...m }));
  }
  protect(): FakeProtection {
    const protection = new FakeProtection(this._sheet, "RANGE", { ...this._rect });
    this._store.protections.push(protection);
    return protection;
  }
}

/** Several ranges of one sheet, styled in one call. */
export class FakeRangeList {
  constructor(
    readonly _ranges: FakeRange[],
    counter: CallCounter,
  ) {
    return counted(this, "RangeList", counter);
  }
  getRanges(): FakeRange[] {
    return [...this._ranges];
  }
  setBackground(color: string | null): FakeRangeList {
    for (const r of this._ranges) r._writeAll(r._store.backgrounds, color, normalizeColor);
    return this;
  }
  setFontWeight(weight: string | null): FakeRangeList {
    for (const r of this._ranges) r._writeAll(r._store.fontWeights, weight === "normal" ? null : weight);
    return this;
  }
  setFontColor(color: string | null): FakeRangeList {
    for (const r of this._ranges) r._writeAll(r._store.fontColors, color, normalizeColor);
    return this;
  }
  setNumberFormat(format: string): FakeRangeList {
    for (const r of this._ranges) r._writeAll(r._store.numberFormats, format);
    return this;
  }
  setValue(value: unknown): FakeRangeList {
    for (const r of this._ranges) r._each((row, column) => r._writeValue(row, column, value));
    return this;
  }
  setWrap(isWrapEnabled: boolean): FakeRangeList {
    for (const r of this._ranges) r._writeAll(r._store.wraps, isWrapEnabled ? "true" : "false");
    return this;
  }
  breakApart(): FakeRangeList {
    for (const r of this._ranges) r._mergeRects([]);
    return this;
  }
  clear(): FakeRangeList {
    for (const r of this._ranges) {
      r._clearContent();
      r._clearFormat();
    }
    return this;
  }
}

/** A sheet or range protection. Only warning-only protections are meaningful in the fake. */
export class FakeProtection {
  _description = "";
  _warningOnly = false;

  constructor(
    readonly _sheet: FakeSheet,
    readonly _type: "SHEET" | "RANGE",
    readonly _rect: Rect | null,
  ) {
    return counted(this, "Protection", _sheet._spreadsheet._counter);
  }
  setDescription(description: string): FakeProtection {
    this._description = description;
    return this;
  }
  getDescription(): string {
    return this._description;
  }
  setWarningOnly(warningOnly: boolean): FakeProtection {
    this._warningOnly = warningOnly;
    return this;
  }
  isWarningOnly(): boolean {
    return this._warningOnly;
  }
  getProtectionType(): string {
    return this._type;
  }
  canEdit(): boolean {
    return true;
  }
  remove(): void {
    const list = this._sheet._store.protections;
    const i = list.findIndex(
      (p) => p._type === this._type && p._description === this._description && p._rect === this._rect,
    );
    if (i >= 0) list.splice(i, 1);
  }
}

/** One developer-metadata entry on a sheet (key, optional value, visibility). */
export class FakeDeveloperMetadata {
  static nextId = 1;
  readonly _id = FakeDeveloperMetadata.nextId++;

  constructor(
    readonly _store: SheetStore,
    public _key: string,
    public _value: string | null,
    readonly _visibility: string,
    counter: CallCounter,
  ) {
    return counted(this, "DeveloperMetadata", counter);
  }
  getId(): number {
    return this._id;
  }
  getKey(): string {
    return this._key;
  }
  getValue(): string | null {
    return this._value;
  }
  setValue(value: string): FakeDeveloperMetadata {
    this._value = value;
    return this;
  }
  getVisibility(): string {
    return this._visibility;
  }
  remove(): void {
    const list = this._store.developerMetadata;
    const i = list.findIndex((m) => m._id === this._id);
    if (i >= 0) list.splice(i, 1);
  }
}

/** A chart placed on a sheet: its type, data ranges, position and options, nothing drawn. */
export class FakeEmbeddedChart {
  constructor(
    readonly _type: string,
    readonly _ranges: FakeRange[],
    readonly _position: { row: number; column: number; offsetX: number; offsetY: number },
    readonly _options: Record<string, unknown>,
    readonly _id: string,
    counter: CallCounter,
  ) {
    return counted(this, "EmbeddedChart", counter);
  }
  getRanges(): FakeRange[] {
    return [...this._ranges];
  }
  getChartId(): number {
    return Number(this._id);
  }
  getOptions(): { get(option: string): unknown } {
    const options = this._options;
    return { get: (option: string) => options[option] ?? null };
  }
}

/** A built data-validation rule: a list of allowed values, or nothing the fake checks. */
export class FakeDataValidation {
  constructor(
    readonly _values: string[] | null,
    readonly _allowInvalid: boolean,
    readonly _helpText: string,
    counter: CallCounter,
  ) {
    return counted(this, "DataValidation", counter);
  }
  getAllowInvalid(): boolean {
    return this._allowInvalid;
  }
  getHelpText(): string {
    return this._helpText;
  }
  getCriteriaType(): string {
    return this._values === null ? "CUSTOM_FORMULA" : "VALUE_IN_LIST";
  }
  /** For a list rule, as Apps Script gives it: the allowed values and whether a dropdown shows. */
  getCriteriaValues(): unknown[] {
    return this._values === null ? [] : [[...this._values], true];
  }
  /** Whether Sheets would accept `value` typed into a cell with this rule. */
  _accepts(value: unknown): boolean {
    return this._allowInvalid || this._values === null || value === "" || this._values.includes(String(value));
  }
}

/** `SpreadsheetApp.newDataValidation()`: only list rules are modelled. */
export class FakeDataValidationBuilder {
  _values: string[] | null = null;
  _allowInvalid = true;
  _helpText = "";

  constructor(readonly _counter: CallCounter) {
    return counted(this, "DataValidationBuilder", _counter);
  }
  requireValueInList(values: string[], _showDropdown?: boolean): FakeDataValidationBuilder {
    this._values = values.map(String);
    return this;
  }
  setAllowInvalid(allowInvalidData: boolean): FakeDataValidationBuilder {
    this._allowInvalid = allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): FakeDataValidationBuilder {
    this._helpText = helpText;
    return this;
  }
  build(): FakeDataValidation {
    return new FakeDataValidation(
      this._values ? [...this._values] : null,
      this._allowInvalid,
      this._helpText,
      this._counter,
    );
  }
}

let chartIds = 1;

/** `sheet.newChart()`: chainable, and `asBarChart()` / `asColumnChart()` / `asLineChart()` return the same builder. */
export class FakeEmbeddedChartBuilder {
  _type = "BAR";
  _ranges: FakeRange[] = [];
  _position = { row: 1, column: 1, offsetX: 0, offsetY: 0 };
  _options: Record<string, unknown> = {};

  constructor(readonly _counter: CallCounter) {
    return counted(this, "EmbeddedChartBuilder", _counter);
  }
  addRange(range: FakeRange): FakeEmbeddedChartBuilder {
    this._ranges.push(range);
    return this;
  }
  setChartType(type: unknown): FakeEmbeddedChartBuilder {
    this._type = String(type);
    return this;
  }
  asBarChart(): FakeEmbeddedChartBuilder {
    this._type = "BAR";
    return this;
  }
  asColumnChart(): FakeEmbeddedChartBuilder {
    this._type = "COLUMN";
    return this;
  }
  asLineChart(): FakeEmbeddedChartBuilder {
    this._type = "LINE";
    return this;
  }
  /** Stacks the series (column, bar and area charts); kept as the `isStacked` option. */
  setStacked(): FakeEmbeddedChartBuilder {
    this._options.isStacked = true;
    return this;
  }
  /** How many rows of the ranges are headers (series names); kept as the `numHeaders` option. */
  setNumHeaders(headers: number): FakeEmbeddedChartBuilder {
    this._options.numHeaders = headers;
    return this;
  }
  setTitle(title: string): FakeEmbeddedChartBuilder {
    this._options.title = title;
    return this;
  }
  setOption(option: string, value: unknown): FakeEmbeddedChartBuilder {
    this._options[option] = value;
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): FakeEmbeddedChartBuilder {
    this._position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }
  build(): FakeEmbeddedChart {
    return new FakeEmbeddedChart(
      this._type,
      [...this._ranges],
      { ...this._position },
      { ...this._options },
      String(chartIds++),
      this._counter,
    );
  }
}

// Every public method the fake offers must exist under the same name in @types/google-apps-script.
type PublicMethods<T> = {
  [K in keyof T]: T[K] extends (...args: never[]) => unknown ? (K extends `_${string}` ? never : K) : never;
}[keyof T];
type Invented<T, Real> = Exclude<PublicMethods<T>, keyof Real>;
const _methodNamesMatchAppsScript: [
  Invented<FakeSpreadsheet, GoogleAppsScript.Spreadsheet.Spreadsheet>,
  Invented<FakeSheet, GoogleAppsScript.Spreadsheet.Sheet>,
  Invented<FakeRange, GoogleAppsScript.Spreadsheet.Range>,
  Invented<FakeRangeList, GoogleAppsScript.Spreadsheet.RangeList>,
  Invented<FakeProtection, GoogleAppsScript.Spreadsheet.Protection>,
  Invented<FakeEmbeddedChart, GoogleAppsScript.Spreadsheet.EmbeddedChart>,
  Invented<
    FakeEmbeddedChartBuilder,
    GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder & GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder
  >,
  Invented<FakeDataValidation, GoogleAppsScript.Spreadsheet.DataValidation>,
  Invented<FakeDataValidationBuilder, GoogleAppsScript.Spreadsheet.DataValidationBuilder>,
  Invented<FakeDeveloperMetadata, GoogleAppsScript.Spreadsheet.DeveloperMetadata>,
] extends [never, never, never, never, never, never, never, never, never, never]
  ? true
  : false = true;
