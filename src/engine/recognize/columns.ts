/**
 * Header cells → fields: which column fills which field, the reader of each used column,
 * the ad-report renames and the stand-ins (a close column filling a missing field).
 */
import type { FieldName, RecognitionIssue, RecognizedTable, TableKind } from "../tables";
import { fieldsOf } from "../tables";
import type { HeaderRow } from "./headers";
import { columnLetter, quoteCell } from "./issues";
import type { ColumnReader } from "./values";
import { headerKey } from "./normalize";
import { CENT_HEADERS, STAND_INS } from "./vocabulary";

/** The columns of one table as recognition uses them. */
export interface ColumnPlan {
  /** Canonical field → header text (stand-ins included). */
  columns: RecognizedTable["columns"];
  /** Canonical field → 1-based sheet column (stand-ins included). */
  columnIndex: RecognizedTable["columnIndex"];
  /** One reader per used column. */
  readers: ColumnReader[];
  /** Header texts of the columns that were not used. */
  ignored: string[];
  /** Fields the header names itself (before stand-ins). */
  native: Set<FieldName>;
  /** Stand-in field ← the field whose values it copies. */
  standIns: [target: FieldName, source: FieldName][];
}

/** In an ad report these shop words mean the ad's own figures. */
const AD_RENAMES: readonly (readonly [from: FieldName, to: FieldName])[] = [
  ["sales", "adSales"],
  ["orders", "adOrders"],
  ["payConversion", "clickConversion"],
  // Shopee Ads: `Conversions` and `Items Sold` are the ads' own orders and units.
  ["keyEvents", "adOrders"],
  ["units", "adUnits"],
];

/**
 * In a live-sessions table the shop and ad words mean the room's own figures: `Views` are entries
 * into the room, `Product impressions` / `Product clicks` the product cards shown and clicked in it.
 */
const LIVE_RENAMES: readonly (readonly [from: FieldName, to: FieldName])[] = [
  ["pageviews", "views"],
  ["impressions", "productExposures"],
  ["clicks", "productClicks"],
];

/** In the Events tab the day columns are the event's own start and end. */
const EVENT_RENAMES: readonly (readonly [from: FieldName, to: FieldName])[] = [
  ["date", "eventStart"],
  ["dateTo", "eventEnd"],
];

/** Header cells → fields: the column map, one reader per used column, and issues for the rest. */
export function mapColumns(sheet: string, header: HeaderRow, issues: RecognitionIssue[]): ColumnPlan {
  const headerRow = header.index + 1;
  const plan: ColumnPlan = { columns: {}, columnIndex: {}, readers: [], ignored: [], native: new Set(), standIns: [] };
  const { columns, columnIndex } = plan;
  for (const cell of header.cells) {
    const column = cell.column + 1;
    if (!cell.match) {
      plan.ignored.push(cell.text);
      issues.push({
        sheet,
        row: headerRow,
        column,
        code: "column-ignored",
        text: cell.text,
        message: `Column ${columnLetter(column)} (${quoteCell(cell.text)}) is not a column Shop Doctor knows, so it is not used. Rename it to a standard export header if it matters.`,
      });
      continue;
    }
    const { field, type } = cell.match;
    if (field in columns) {
      issues.push({
        sheet,
        row: headerRow,
        column,
        field,
        code: "duplicate-column",
        text: cell.text,
        message: `Column ${columnLetter(column)} (${quoteCell(cell.text)}) means the same as column ${columnLetter(columnIndex[field]!)} (${quoteCell(columns[field]!)}); only the first is used. Delete one of them if they differ.`,
      });
      continue;
    }
    columns[field] = cell.text;
    columnIndex[field] = column;
    const reader: ColumnReader = { col: cell.column, field, type, header: cell.text, order: "mdy" };
    if (type === "money" && CENT_HEADERS.test(headerKey(cell.text))) reader.scale = 0.01;
    plan.readers.push(reader);
  }
  return plan;
}

/** In an ad report, `sales` / `orders` / `payConversion` columns fill the ad's own fields (and so on per kind). */
function renameFields(plan: ColumnPlan, renames: readonly (readonly [from: FieldName, to: FieldName])[]): void {
  const { columns, columnIndex } = plan;
  for (const [from, to] of renames) {
    if (!(from in columns) || to in columns) continue;
    columns[to] = columns[from];
    columnIndex[to] = columnIndex[from];
    delete columns[from];
    delete columnIndex[from];
    for (const reader of plan.readers) if (reader.field === from) reader.field = to;
  }
}

/** Fills `target` from the first of `sources` the table has, when it has no `target` column. */
function addStandIn(plan: ColumnPlan, target: FieldName, sources: readonly FieldName[]): void {
  const { columns, columnIndex } = plan;
  if (target in columns) return;
  const source = sources.find((s) => s in columns);
  if (!source) return;
  columns[target] = columns[source];
  columnIndex[target] = columnIndex[source];
  plan.standIns.push([target, source]);
}

/** A table keyed by each session's start time with no day column: the start time's day is the row's date. */
function addStartDay(plan: ColumnPlan): void {
  const start = plan.readers.find((r) => r.field === "liveStart");
  if ("date" in plan.columns || !start) return;
  plan.columns.date = plan.columns.liveStart;
  plan.columnIndex.date = plan.columnIndex.liveStart;
  plan.readers.push({ ...start, field: "date", type: "date" });
}

/** Settles the fields for a table of `kind`: ad renames, the native set, then the stand-ins. */
export function settleFields(plan: ColumnPlan, kind: Exclude<TableKind, "unknown">): void {
  if (kind === "ad-plans") renameFields(plan, AD_RENAMES);
  if (kind === "live-sessions") renameFields(plan, LIVE_RENAMES);
  if (kind === "events") renameFields(plan, EVENT_RENAMES);
  plan.native = new Set(fieldsOf(plan.columns));
  for (const [target, sources] of STAND_INS) addStandIn(plan, target, sources);
  addStartDay(plan);
  if (kind === "ad-plans") addStandIn(plan, "plan", ["product", "productId"]);
}
