/**
 * One table: header row understood → kind decided → every data row read into typed
 * values, totals rows kept aside, every unusable cell reported. `readTable` is the
 * pipeline; each step is a small function here or in the step modules it imports.
 */
import type { Cell } from "../cells";
import { isEmptyCell, isNullToken } from "../cells";
import type { FieldName, RecognitionIssue, RecognizedTable, TableKind, TableRow, TotalsRow } from "../tables";
import { fieldsOf } from "../tables";
import { checkRates } from "./checks";
import type { ColumnPlan } from "./columns";
import { mapColumns, settleFields } from "./columns";
import { decideDateOrders } from "./dates";
import type { HeaderRow } from "./headers";
import { quoteCell } from "./issues";
import type { CellContext } from "./read-cells";
import { readCell } from "./read-cells";
import { tablePeriod } from "./period";
import { detectPlatform } from "./platform";
import type { RateStats } from "./rates";
import { fixPercentPoints, newRateStats } from "./rates";
import type { RowScope } from "./rows";
import { headerWidth, setAside } from "./rows";
import { setAsideParentRows } from "./parents";
import { foldTerminalRows } from "./terminal";
import { decideDecimalMarks } from "./numbers";
import type { ColumnReader } from "./values";
import { KIND_KEYS } from "./vocabulary";
import { NUMERIC } from "./bounds";

export { tableEnd } from "./bounds";

type KnownKind = Exclude<TableKind, "unknown">;

/** The key field whose absence makes a row unusable, per kind. */
const ROW_KEYS: Record<KnownKind, readonly FieldName[]> = {
  "shop-daily": ["date"],
  products: ["product", "productId"],
  "traffic-sources": ["source"],
  "ad-plans": ["plan"],
  "service-agents": ["agent"],
  "search-terms": ["searchTerm"],
  "live-sessions": ["liveRoom"],
  "content-items": ["contentItem"],
  orders: ["orderId"],
  costs: ["product", "productId"],
  events: ["eventName"],
};

/** Dimension fields whose `全部` / `整体` cell makes the row a totals row. */
const DIMENSION_FIELDS = ["carrier", "liveRoom"] as const;

/** Fields naming the entity a row belongs to (a shop, a live room), most specific first. */
const ENTITY_FIELDS = ["liveRoom", "sellerNick"] as const;

/** Where a table sits in its sheet beyond its header: what the reader knows about rows, where its title starts. */
export interface TableSource {
  /** Values per row in the file (CSV/TSV readers), by 0-based sheet row. */
  rowLengths?: readonly number[];
  /** First 0-based row that may hold this table's title (the end of the table above, or 0). */
  titleFrom?: number;
}

const PRESALE_NAME = /预售|定金|预定|預售|pre-?order|pre-?sale/i;

/** Decides the table kind from the fields its header names; null when no key field is there. */
export function classify(fields: ReadonlySet<string>): KnownKind | null {
  const has = (f: string) => fields.has(f);
  if (isCostsTable(has)) return "costs";
  if (has("agent")) return "service-agents";
  const adKey = KIND_KEYS.find(([kind]) => kind === "ad-plans")?.[1].some(has) ?? false;
  const adFigures = has("spend") || has("clicks") || has("impressions");
  // A keyword or search term with spend or clicks is an ad keyword report; without, a search-terms table.
  // A buyer's search term counts as an ad row only with spend: Amazon's Search Query Performance has
  // impressions and clicks for the whole market, no spend, and is a search-terms table.
  const adKeyword = (has("keyword") && adFigures) || (has("searchTerm") && has("spend"));
  if (adKey || adKeyword || (has("spend") && (has("clicks") || has("impressions")))) return "ad-plans";
  for (const [kind, keys] of KIND_KEYS) if (keys.some(has)) return kind;
  return null;
}

/**
 * The team's Costs tab: products with a unit cost and none of an export's figures (sales, visitors,
 * buyers, units, ad spend or clicks). It may name the ad plans that promote each product.
 */
function isCostsTable(has: (f: string) => boolean): boolean {
  const keyed = has("product") || has("productId") || has("sku");
  const exportFigures = ["sales", "visitors", "sessions", "paidBuyers", "units", "orders", "spend", "clicks"].some(has);
  return keyed && has("unitCost") && !exportFigures;
}

/** Everything one table's reading shares, from the column plan to the rows read so far. */
interface TableState {
  sheet: string;
  headerRow: number;
  kind: KnownKind;
  plan: ColumnPlan;
  issues: RecognitionIssue[];
  rows: TableRow[];
  rowNumbers: number[];
  totals: TotalsRow[];
  averages: TotalsRow[];
  subtotals: TotalsRow[];
  rateStats: Map<FieldName, RateStats>;
  /** Numeric fields read from the table's own columns: a row with none of them filled has no figures. */
  metricReaders: ColumnReader[];
  /** Fields that key a row (one of them must be filled). */
  rowKeys: readonly FieldName[];
  keyReaders: ColumnReader[];
  /** Whether rows carry a `presale` field (a marker column, or names to look at). */
  presale: boolean;
  template: TableRow;
}

type BaseTable = Omit<RecognizedTable, "kind">;

/** A table whose header names no key field (date, product, source, plan, agent). */
function noKeyTable(base: BaseTable): RecognizedTable {
  const { sheet, headerRow, columns, issues } = base;
  const names = Object.values(columns).join(", ");
  const reason =
    `The table at row ${headerRow} has columns Shop Doctor knows (${names}) but none that says what a row is: ` +
    `add a date, product, traffic source, ad plan or agent column.`;
  issues.push({ sheet, row: headerRow, column: null, code: "unknown-table", message: reason });
  return { ...base, kind: "unknown", reason, reasonCode: "no-key-column", reasonParams: { row: headerRow, names } };
}

/** A header with no rows under it. */
function noRowsTable(base: BaseTable): RecognizedTable {
  const { sheet, headerRow, issues } = base;
  const reason = `The header at row ${headerRow} has no data rows under it: paste the export's rows below the header.`;
  issues.push({ sheet, row: headerRow, column: null, code: "no-data-rows", message: reason });
  return { ...base, kind: "unknown", reason, reasonCode: "no-data-rows", reasonParams: { row: headerRow } };
}

/** The fields that key a row; an account-level ad report (one row per day, no plan column) is keyed by its date. */
function decideRowKeys(state: TableState): void {
  const { kind, plan, sheet, headerRow } = state;
  const accountLevelAds = kind === "ad-plans" && !("plan" in plan.columns);
  state.rowKeys = accountLevelAds ? ["date"] : ROW_KEYS[kind];
  state.keyReaders = plan.readers.filter((rd) => state.rowKeys.includes(rd.field));
  if (accountLevelAds) {
    state.issues.push({
      sheet,
      row: headerRow,
      column: null,
      code: "no-plan-column",
      message: `The ad report at row ${headerRow} has no plan, keyword or item column, so each row is read as all plans together for its day; export per plan to compare plans.`,
    });
  }
}

/**
 * Every row starts as a copy of one template holding all its fields. Built by JSON.parse,
 * the template keeps its fields in-object: assigning 30 keys one by one to `{}` would turn
 * each row into a slow dictionary object (6× slower at 100k rows in the bench).
 */
function rowTemplate(plan: ColumnPlan, presale: boolean): TableRow {
  const fields: Record<string, null> = {};
  for (const reader of plan.readers) fields[reader.field] = null;
  for (const [target] of plan.standIns) fields[target] = null;
  if (presale) fields.presale = null;
  return JSON.parse(JSON.stringify(fields)) as TableRow;
}

function newState(
  sheet: string,
  headerRow: number,
  kind: KnownKind,
  plan: ColumnPlan,
  issues: RecognitionIssue[],
): TableState {
  const rateStats = new Map<FieldName, RateStats>();
  for (const reader of plan.readers) if (reader.type === "rate") rateStats.set(reader.field, newRateStats());
  const presale = (kind === "products" && plan.readers.some((r) => r.field === "product")) || "presale" in plan.columns;
  const state: TableState = {
    sheet,
    headerRow,
    kind,
    plan,
    issues,
    rows: [],
    rowNumbers: [],
    totals: [],
    averages: [],
    subtotals: [],
    rateStats,
    metricReaders: plan.readers.filter((r) => NUMERIC.has(r.type)),
    rowKeys: [],
    keyReaders: [],
    presale,
    template: rowTemplate(plan, presale),
  };
  decideRowKeys(state);
  return state;
}

/** A blank presale marker is decided from the product name (预售, 定金, pre-order). */
function markPresale(out: TableRow): void {
  if (out.presale !== null && out.presale !== undefined) return;
  const name = out.product;
  out.presale = typeof name === "string" ? (PRESALE_NAME.test(name) ? 1 : 0) : null;
}

/** A key cell that holds something unreadable was reported already; only blank keys are "missing". */
function reportMissingKey(state: TableState, row: readonly Cell[], out: TableRow, sheetRow: number): void {
  const { rowKeys, plan } = state;
  const keyBlank = state.keyReaders.every((rd) => {
    const cell = row[rd.col];
    return isEmptyCell(cell) || (typeof cell === "string" && isNullToken(cell));
  });
  if (!keyBlank || rowKeys.some((k) => out[k] !== null && out[k] !== undefined)) return;
  const keyField = rowKeys.find((k) => k in plan.columnIndex);
  state.issues.push({
    sheet: state.sheet,
    row: sheetRow,
    column: keyField ? plan.columnIndex[keyField]! : null,
    field: keyField,
    code: "missing-key",
    message: `Row ${sheetRow} has no ${keyField ? quoteCell(plan.columns[keyField]!) : rowKeys.join("/")}; its figures are kept but cannot be tied to a ${keyField ?? "row"}. Fill the cell in.`,
  });
}

/** A row with its key but not one figure (a paused plan, a product with no data) is left out with a note. */
function leaveOutEmpty(state: TableState, row: readonly Cell[], out: TableRow, sheetRow: number): boolean {
  const { metricReaders, rowKeys } = state;
  if (metricReaders.length === 0) return false;
  // An unreadable figure was reported already and keeps its row; only blanks and null tokens are "no figures".
  for (const reader of metricReaders) {
    const cell = row[reader.col];
    if (!isEmptyCell(cell) && !(typeof cell === "string" && isNullToken(cell))) return false;
  }
  const keyField = rowKeys.find((k) => out[k] !== null && out[k] !== undefined);
  if (keyField === undefined) return false;
  state.issues.push({
    sheet: state.sheet,
    row: sheetRow,
    column: state.plan.columnIndex[keyField] ?? null,
    field: keyField,
    code: "key-without-metrics",
    text: String(out[keyField]),
    message: `Row ${sheetRow} (${quoteCell(String(out[keyField]))}) has no figures at all; it was left out. Export it again if it should have data.`,
  });
  return true;
}

/** Reads one data row: every column's cell, then stand-ins, presale and the key check. */
function readDataRow(state: TableState, cells: CellContext, row: readonly Cell[], sheetRow: number): void {
  const out: TableRow = { ...state.template };
  for (const reader of state.plan.readers) readCell(out, reader, row[reader.col], sheetRow, cells);
  for (const [target, source] of state.plan.standIns) out[target] = out[source];
  if (state.presale) markPresale(out);
  reportMissingKey(state, row, out, sheetRow);
  if (leaveOutEmpty(state, row, out, sheetRow)) return;
  state.rows.push(out);
  state.rowNumbers.push(sheetRow);
}

/** Reads sheet rows [start, end): rows set aside (blank, totals, notes) are reported, the rest read. */
function readRows(
  state: TableState,
  values: readonly (readonly Cell[])[],
  start: number,
  end: number,
  source: TableSource,
): void {
  const headerCells = values[state.headerRow - 1] ?? [];
  const scope: RowScope = {
    sheet: state.sheet,
    headerRow: state.headerRow,
    readers: state.plan.readers,
    issues: state.issues,
    totals: state.totals,
    averages: state.averages,
    subtotals: state.subtotals,
    headerTexts: headerCells.map((c) => (typeof c === "string" ? c.trim() : String(c ?? ""))),
    headerWidth: headerWidth(headerCells),
    rowLengths: source.rowLengths,
    dimensionCols: DIMENSION_FIELDS.filter((f) => f in state.plan.columnIndex).map(
      (f) => state.plan.columnIndex[f]! - 1,
    ),
  };
  const cells: CellContext = { sheet: state.sheet, issues: state.issues, rateStats: state.rateStats };
  for (let r = start; r < end; r++) {
    const row = values[r] ?? [];
    if (setAside(scope, row, r + 1)) continue;
    readDataRow(state, cells, row, r + 1);
  }
}

/** Rows split by a 终端 column are folded into the 所有终端 row of their key. */
function foldTerminals(state: TableState): void {
  const { columnIndex } = state.plan;
  if (!("terminal" in columnIndex) || state.kind === "service-agents") return;
  const keyFields = [...new Set<FieldName>([...state.rowKeys, "date", "dateTo", "sourceDetail", "productId"])];
  const folded = foldTerminalRows(
    state.sheet,
    state.headerRow,
    columnIndex.terminal!,
    keyFields,
    state.rows,
    state.rowNumbers,
  );
  state.rows = folded.rows;
  state.rowNumbers = folded.rowNumbers;
  state.issues.push(...folded.issues);
}

/** The entity column when the table holds rows of 2+ shops or live rooms. */
function findEntity(state: TableState): FieldName | undefined {
  for (const field of ENTITY_FIELDS) {
    if (!(field in state.plan.columns)) continue;
    let first: string | null = null;
    for (const row of state.rows) {
      const v = row[field];
      if (typeof v !== "string" || v === "") continue;
      if (first === null) first = v;
      else if (v !== first) return noteEntity(state, field);
    }
  }
  return undefined;
}

function noteEntity(state: TableState, field: FieldName): FieldName {
  const column = state.plan.columnIndex[field]!;
  state.issues.push({
    sheet: state.sheet,
    row: state.headerRow,
    column,
    field,
    code: "several-entities",
    text: state.plan.columns[field],
    message: `The table at row ${state.headerRow} holds several ${field === "liveRoom" ? "live rooms" : "shops"} (column ${quoteCell(state.plan.columns[field]!)}); the same date under two of them is not a duplicate, and the shop figures are their combined total.`,
  });
  return field;
}

/** What the table adds beyond its rows: rows kept aside, its entity column, period and platform. */
function extras(
  state: TableState,
  values: readonly (readonly Cell[])[],
  header: HeaderRow,
  source: TableSource,
): Partial<RecognizedTable> {
  const out: Partial<RecognizedTable> = {};
  if (state.averages.length > 0) out.averages = state.averages;
  if (state.subtotals.length > 0) out.subtotals = state.subtotals;
  const entity = findEntity(state);
  if (entity !== undefined) out.entityField = entity;
  const titleRows = values.slice(Math.max(source.titleFrom ?? 0, header.index - 8), header.index);
  const ambiguous = state.issues.some((i) => i.code === "ambiguous-date" && i.field === "date");
  const period = tablePeriod(state.rows, ambiguous, titleRows, state.sheet);
  if (period !== undefined) out.period = period;
  out.platform = platformOf(header, titleRows, state.sheet);
  return out;
}

/** The platform from the header texts, title texts and the sheet name. */
export function platformOf(
  header: HeaderRow,
  titleRows: readonly (readonly Cell[])[],
  name: string,
): RecognizedTable["platform"] {
  const titles: string[] = [];
  for (const row of titleRows)
    for (const cell of row) if (typeof cell === "string" && cell.length <= 160) titles.push(cell);
  return detectPlatform(
    header.cells.map((c) => c.text),
    titles,
    name,
  );
}

/** Reads the table under `header` over sheet rows [start, end). */
export function readTable(
  sheet: string,
  values: readonly (readonly Cell[])[],
  header: HeaderRow,
  start: number,
  end: number,
  source: TableSource = {},
): RecognizedTable {
  const headerRow = header.index + 1;
  const issues: RecognitionIssue[] = [];
  const plan = mapColumns(sheet, header, issues);
  const { columns, columnIndex } = plan;
  const base: BaseTable = { sheet, headerRow, columns, columnIndex, rows: [], rowNumbers: [], totals: [], issues };
  const kind = classify(new Set(fieldsOf(columns)));
  if (kind === null) return { ...noKeyTable(base), platform: platformOf(header, [], sheet) };
  if (start >= end) return { ...noRowsTable(base), platform: platformOf(header, [], sheet) };

  settleFields(plan, kind);
  const state = newState(sheet, headerRow, kind, plan, issues);
  issues.push(...decideDateOrders(sheet, headerRow, values, plan.readers, start, end));
  issues.push(...decideDecimalMarks(sheet, headerRow, values, plan.readers, start, end));
  readRows(state, values, start, end, source);
  setAsideParentRows({ ...state, columns });
  issues.push(
    ...fixPercentPoints(
      sheet,
      headerRow,
      state.rateStats,
      state.rows,
      state.totals,
      plan.standIns,
      columns,
      columnIndex,
    ),
  );
  foldTerminals(state);
  issues.push(...checkRates(sheet, state.rows, state.rowNumbers, plan.native, columnIndex, columns));
  issues.sort((a, b) => a.row - b.row || (a.column ?? 0) - (b.column ?? 0));
  const reason = plan.ignored.length > 0 ? `Columns not used: ${plan.ignored.join(", ")}.` : undefined;
  const more = extras(state, values, header, source);
  issues.sort((a, b) => a.row - b.row || (a.column ?? 0) - (b.column ?? 0));
  return { ...base, kind, reason, rows: state.rows, rowNumbers: state.rowNumbers, totals: state.totals, ...more };
}
