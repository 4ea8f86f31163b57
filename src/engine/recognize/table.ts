/**
 * One table: header row understood → kind decided → every data row read into typed
 * values, totals rows kept aside, every unusable cell reported.
 */
import type { Cell, DayMonthParts } from "../cells";
import { decideDayMonthOrder, isDate, isEmptyCell, isNullToken, parseDayMonthParts, quickNumber, readDate, readNumber, readSeconds } from "../cells";
import type { RecognitionIssue, RecognizedTable, TableKind, TableRow, TotalsRow } from "../tables";
import { checkRates } from "./checks";
import { foldTerminalRows } from "./terminal";
import type { HeaderRow } from "./headers";
import { isHeaderRow, readHeaderRow } from "./headers";
import { cellRef, columnLetter, quoteCell } from "./issues";
import { headerKey } from "./normalize";
import { decideDecimalMarks } from "./numbers";
import type { ColumnReader } from "./values";
import { cellText, readFlag, readId, readQuiet, readText } from "./values";
import type { FieldType } from "./vocabulary";
import { KIND_KEYS, STAND_INS, TOTALS_LABELS } from "./vocabulary";


/** The key field whose absence makes a row unusable, per kind. */
const ROW_KEYS: Record<Exclude<TableKind, "unknown">, readonly string[]> = {
  "shop-daily": ["date"],
  products: ["product", "productId"],
  "traffic-sources": ["source"],
  "ad-plans": ["plan"],
  "service-agents": ["agent"],
};

/** In an ad report these shop words mean the ad's own figures. */
const AD_RENAMES: readonly (readonly [from: string, to: string])[] = [
  ["sales", "adSales"],
  ["orders", "adOrders"],
  ["payConversion", "clickConversion"],
];

/** First characters a totals label can start with (a cheap filter before folding the text). */
const TOTALS_FIRST_CHAR = /^[\s合总總汇匯小全tTgGsS합\uff21-\uff5a]/;
const NOTE_TEXT = /^(注|备注|說明|说明|提示|数据来源|數據來源|来源[:：]|\*|#|note|source:|data source)/i;
const NUMERIC: ReadonlySet<FieldType> = new Set(["count", "money", "rate", "number", "seconds"]);
const PRESALE_NAME = /预售|定金|预定|預售|pre-?order|pre-?sale/i;

/** Decides the table kind from the fields its header names; null when no key field is there. */
export function classify(fields: ReadonlySet<string>): Exclude<TableKind, "unknown"> | null {
  const has = (f: string) => fields.has(f);
  if (has("agent")) return "service-agents";
  const adKey = KIND_KEYS.find(([kind]) => kind === "ad-plans")?.[1].some(has) ?? false;
  if (adKey || (has("spend") && (has("clicks") || has("impressions")))) return "ad-plans";
  for (const [kind, keys] of KIND_KEYS) if (keys.some(has)) return kind;
  return null;
}

function isRowBlank(row: readonly Cell[] | undefined): boolean {
  if (!row) return true;
  for (let c = 0; c < row.length; c++) if (!isEmptyCell(row[c])) return false;
  return true;
}

/** First row index ≥ start that is blank, or the sheet's end. */
function nextBlank(values: readonly (readonly Cell[])[], start: number): number {
  for (let r = start; r < values.length; r++) if (isRowBlank(values[r])) return r;
  return values.length;
}

/** True when a row reads as data under this header: at least two, and half, of its numeric columns hold numbers. */
export function rowFitsHeader(header: HeaderRow, row: readonly Cell[]): boolean {
  let numeric = 0;
  let numbers = 0;
  for (const cell of header.cells) {
    if (!cell.match || !NUMERIC.has(cell.match.type)) continue;
    numeric++;
    if (readNumber(row[cell.column]).kind === "number") numbers++;
  }
  return numbers >= 2 && numbers * 2 >= numeric;
}

/** Blank rows a table may contain (a stray empty line in a paste) before it is taken as ended. */
const MAX_GAP = 2;

/**
 * End (exclusive) of the table whose data starts at `start`: the first blank row, unless
 * within two blank rows the data continues (rows that fit the header and are not a new
 * header), in which case the blank rows are inside the table and reported there.
 */
export function tableEnd(values: readonly (readonly Cell[])[], start: number, header?: HeaderRow): number {
  let end = nextBlank(values, start);
  while (header && end < values.length) {
    let next = end;
    while (next < values.length && isRowBlank(values[next])) next++;
    if (next >= values.length || next - end > MAX_GAP) break;
    const row = values[next];
    if (isHeaderRow(readHeaderRow(row, next)) || !rowFitsHeader(header, row)) break;
    end = nextBlank(values, next);
  }
  return end;
}

/** The totals label of a row (合计, Total …) in its first non-empty cell, with that cell's 0-based column. */
function totalsLabel(row: readonly Cell[]): { label: string; col: number } | null {
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (isEmptyCell(cell)) continue;
    if (typeof cell !== "string" || cell.length > 40 || !TOTALS_FIRST_CHAR.test(cell)) return null;
    return TOTALS_LABELS.test(headerKey(cell)) ? { label: cell.trim(), col: c } : null;
  }
  return null;
}

function nonEmptyCount(row: readonly Cell[]): number {
  let n = 0;
  for (let c = 0; c < row.length; c++) if (!isEmptyCell(row[c])) n++;
  return n;
}


/** Header cells → fields: the column map, one reader per used column, and issues for the rest. */
function mapColumns(sheet: string, header: HeaderRow) {
  const headerRow = header.index + 1;
  const issues: RecognitionIssue[] = [];
  const columns: Record<string, string> = {};
  const columnIndex: Record<string, number> = {};
  const readers: ColumnReader[] = [];
  const ignored: string[] = [];

  for (const cell of header.cells) {
    const column = cell.column + 1;
    if (!cell.match) {
      ignored.push(cell.text);
      issues.push({
        sheet, row: headerRow, column, code: "column-ignored", text: cell.text,
        message: `Column ${columnLetter(column)} (${quoteCell(cell.text)}) is not a column Shop Doctor knows, so it is not used. Rename it to a standard export header if it matters.`,
      });
      continue;
    }
    const { field, type } = cell.match;
    if (field in columns) {
      issues.push({
        sheet, row: headerRow, column, field, code: "duplicate-column", text: cell.text,
        message: `Column ${columnLetter(column)} (${quoteCell(cell.text)}) means the same as column ${columnLetter(columnIndex[field])} (${quoteCell(columns[field])}); only the first is used. Delete one of them if they differ.`,
      });
      continue;
    }
    columns[field] = cell.text;
    columnIndex[field] = column;
    readers.push({ col: cell.column, field, type, header: cell.text, order: "mdy" });
  }

  return { columns, columnIndex, readers, ignored, issues };
}

/**
 * Day/month order of `a/b/yy` dates is a property of the whole column: decided here for
 * each date reader (set on the reader), with an issue when it is ambiguous or mixed.
 */
function decideDateOrders(
  sheet: string,
  headerRow: number,
  values: readonly (readonly Cell[])[],
  readers: ColumnReader[],
  start: number,
  end: number,
): RecognitionIssue[] {
  const issues: RecognitionIssue[] = [];
  for (const reader of readers) {
    if (reader.type !== "date") continue;
    const parts: DayMonthParts[] = [];
    let firstDateRow = 0;
    let firstText = "";
    for (let r = start; r < end; r++) {
      const cell = values[r]?.[reader.col];
      if (typeof cell === "string") {
        const p = parseDayMonthParts(cell);
        if (p) {
          parts.push(p);
          if (firstText === "") firstText = cell.trim();
        }
      } else if (firstDateRow === 0 && isDate(cell)) {
        firstDateRow = r + 1;
      }
    }
    if (parts.length === 0) continue;
    const decision = decideDayMonthOrder(parts);
    reader.order = decision.order;
    const column = reader.col + 1;
    // Sheets turns pasted a/b/yy text into dates only where its locale's order fits, so a
    // column holding both means the locale and the export disagree on the order.
    if (firstDateRow > 0) {
      issues.push({
        sheet, row: firstDateRow, column, field: reader.field, code: "dates-converted-by-locale",
        message: `Column ${columnLetter(column)} (${quoteCell(reader.header)}) mixes dates Sheets converted (e.g. ${cellRef(firstDateRow, column)}) with dates it left as text (e.g. ${quoteCell(firstText)}): the spreadsheet's locale reads day and month in the other order, so the converted ones may be swapped. Set File → Settings → Locale to match the export, or format the column as plain text, and paste again.`,
      });
    }
    const form = decision.order === "mdy" ? "month/day/year" : "day/month/year";
    if (decision.ambiguous) {
      issues.push({
        sheet, row: headerRow, column, field: reader.field, code: "ambiguous-date",
        message: `The dates in column ${columnLetter(column)} (${quoteCell(reader.header)}) could be day/month or month/day; they were read as ${form}. Re-export with ISO dates (2026-11-22) if that is wrong.`,
      });
    } else if (decision.conflicting) {
      issues.push({
        sheet, row: headerRow, column, field: reader.field, code: "mixed-date-order",
        message: `Column ${columnLetter(column)} (${quoteCell(reader.header)}) mixes day/month and month/day dates; they were read as ${form} and the others are reported. Use one date format.`,
      });
    }
  }
  return issues;
}

/** Per rate column: whether any cell carried a % sign, and how its plain values spread. */
interface RateStats {
  percentMarked: boolean;
  above1: number;
  nonZero: number;
  max: number;
}

/**
 * A rate column of plain numbers mostly above 1 (and none above 100) is written in
 * percentage points (65.2 = 65.2%): its values, stand-ins and totals are divided by 100.
 */
function fixPercentPoints(
  sheet: string,
  headerRow: number,
  rateStats: ReadonlyMap<string, RateStats>,
  rows: TableRow[],
  totals: TotalsRow[],
  standIns: readonly (readonly [target: string, source: string])[],
  columns: Readonly<Record<string, string>>,
  columnIndex: Readonly<Record<string, number>>,
): RecognitionIssue[] {
  const issues: RecognitionIssue[] = [];
  for (const [field, stats] of rateStats) {
    if (stats.percentMarked || stats.above1 * 2 <= stats.nonZero || stats.max > 100) continue;
    const targets = [field, ...standIns.filter(([, source]) => source === field).map(([target]) => target)];
    for (const record of [...rows, ...totals.map((t) => t.values)]) {
      const v = record[field];
      if (typeof v !== "number") continue;
      const scaled = Number((v / 100).toPrecision(15));
      for (const target of targets) if (target in record) record[target] = scaled;
    }
    issues.push({
      sheet, row: headerRow, column: columnIndex[field], field, code: "rate-in-percent-points",
      message: `Column ${columnLetter(columnIndex[field])} (${quoteCell(columns[field])}) holds rates without a % sign (e.g. 65.2); they were read as percentages (65.2%).`,
    });
  }
  return issues;
}

/** Reads the table under `header` over sheet rows [start, end). */
export function readTable(
  sheet: string,
  values: readonly (readonly Cell[])[],
  header: HeaderRow,
  start: number,
  end: number,
): RecognizedTable {
  const headerRow = header.index + 1;
  const { columns, columnIndex, readers, ignored, issues } = mapColumns(sheet, header);

  const base = { sheet, headerRow, columns, columnIndex, rows: [] as TableRow[], rowNumbers: [] as number[], totals: [] as TotalsRow[], issues };
  const kind = classify(new Set(Object.keys(columns)));
  if (kind === null) {
    const reason =
      `The table at row ${headerRow} has columns Shop Doctor knows (${Object.values(columns).join(", ")}) but none that says what a row is: ` +
      `add a date, product, traffic source, ad plan or agent column.`;
    issues.push({ sheet, row: headerRow, column: null, code: "unknown-table", message: reason });
    return { ...base, kind: "unknown", reason, reasonCode: "no-key-column", reasonParams: { row: headerRow, names: Object.values(columns).join(", ") } };
  }
  if (start >= end) {
    const reason = `The header at row ${headerRow} has no data rows under it: paste the export's rows below the header.`;
    issues.push({ sheet, row: headerRow, column: null, code: "no-data-rows", message: reason });
    return { ...base, kind: "unknown", reason, reasonCode: "no-data-rows", reasonParams: { row: headerRow } };
  }

  if (kind === "ad-plans") {
    for (const [from, to] of AD_RENAMES) {
      if (from in columns && !(to in columns)) {
        columns[to] = columns[from];
        columnIndex[to] = columnIndex[from];
        delete columns[from];
        delete columnIndex[from];
        for (const reader of readers) if (reader.field === from) reader.field = to;
      }
    }
  }
  const native = new Set(Object.keys(columns));
  const standIns: [target: string, source: string][] = [];
  const addStandIn = (target: string, sources: readonly string[]) => {
    if (target in columns) return;
    const source = sources.find((s) => s in columns);
    if (!source) return;
    columns[target] = columns[source];
    columnIndex[target] = columnIndex[source];
    standIns.push([target, source]);
  };
  for (const [target, sources] of STAND_INS) addStandIn(target, sources);
  if (kind === "ad-plans") addStandIn("plan", ["product", "productId"]);

  issues.push(...decideDateOrders(sheet, headerRow, values, readers, start, end));
  issues.push(...decideDecimalMarks(sheet, headerRow, values, readers, start, end));

  const rows: TableRow[] = [];
  const rowNumbers: number[] = [];
  const totals: TotalsRow[] = [];
  const rateStats = new Map<string, RateStats>();
  for (const reader of readers) if (reader.type === "rate") rateStats.set(reader.field, { percentMarked: false, above1: 0, nonZero: 0, max: 0 });
  const productReader = readers.find((r) => r.field === "product");
  // An account-level ad report (one row per day, no plan column) is keyed by its date.
  const accountLevelAds = kind === "ad-plans" && !("plan" in columns);
  const rowKeys = accountLevelAds ? ["date"] : ROW_KEYS[kind];
  if (accountLevelAds) {
    issues.push({
      sheet, row: headerRow, column: null, code: "no-plan-column",
      message: `The ad report at row ${headerRow} has no plan, keyword or item column, so each row is read as all plans together for its day; export per plan to compare plans.`,
    });
  }
  const keyReaders = readers.filter((rd) => rowKeys.includes(rd.field));
  const presaleByName = kind === "products" && productReader !== undefined;
  const hasPresaleColumn = "presale" in columns;

  // Every row starts as a copy of one template holding all its fields. Built by JSON.parse,
  // the template keeps its fields in-object: assigning 30 keys one by one to `{}` would turn
  // each row into a slow dictionary object (6× slower at 100k rows in the bench).
  const templateFields: Record<string, null> = {};
  for (const reader of readers) templateFields[reader.field] = null;
  for (const [target] of standIns) templateFields[target] = null;
  if (presaleByName || hasPresaleColumn) templateFields.presale = null;
  const rowTemplate = JSON.parse(JSON.stringify(templateFields)) as TableRow;

  for (let r = start; r < end; r++) {
    const row = values[r] ?? [];
    const sheetRow = r + 1;
    if (isRowBlank(row)) {
      issues.push({
        sheet, row: sheetRow, column: null, code: "blank-row-in-table",
        message: `Row ${sheetRow} is blank inside the table that starts at row ${headerRow}; the rows after it were read as part of the same table.`,
      });
      continue;
    }
    const totalsCell = totalsLabel(row);
    if (totalsCell !== null) {
      const label = totalsCell.label;
      const totalsValues: TableRow = {};
      for (const reader of readers) totalsValues[reader.field] = readQuiet(row[reader.col], reader);
      totals.push({ row: sheetRow, label, values: totalsValues });
      issues.push({
        sheet, row: sheetRow, column: totalsCell.col + 1, code: "totals-row", text: label,
        message: `Row ${sheetRow} is a totals row (${quoteCell(label)}); it is kept apart from the data rows so it is not counted twice.`,
      });
      continue;
    }
    if (readers.length >= 3 && nonEmptyCount(row) === 1) {
      const c = row.findIndex((cell) => !isEmptyCell(cell));
      const cell = row[c];
      // A lone name in a name column is a row whose figures are all blank (a paused plan);
      // a lone text anywhere else, or one worded like a note, is a footnote.
      const reader = readers.find((rd) => rd.col === c);
      const inNameColumn = reader !== undefined && (reader.type === "text" || reader.type === "id");
      if (typeof cell === "string" && readNumber(cell).kind !== "number" && (!inNameColumn || NOTE_TEXT.test(cell.trim()))) {
        issues.push({
          sheet, row: sheetRow, column: c + 1, code: "not-a-data-row", text: cell,
          message: `Row ${sheetRow} holds only the note ${quoteCell(cell)} in ${cellRef(sheetRow, c + 1)}; it is not a data row and was skipped.`,
        });
        continue;
      }
    }

    const out: TableRow = { ...rowTemplate };
    for (const reader of readers) {
      const cell = row[reader.col];
      const column = reader.col + 1;
      switch (reader.type) {
        case "count":
        case "money":
        case "number":
        case "rate":
        case "seconds": {
          const quick = reader.decimalMark === "," ? undefined : quickNumber(cell);
          if (quick !== undefined) {
            out[reader.field] = quick;
            if (reader.type === "rate") {
              const stats = rateStats.get(reader.field);
              if (stats) {
                const v = Math.abs(quick);
                if (v !== 0) stats.nonZero++;
                if (v > 1) stats.above1++;
                if (v > stats.max) stats.max = v;
              }
            }
            break;
          }
          const reading = reader.type === "seconds" ? readSeconds(cell) : readNumber(cell, reader.decimalMark);
          if (reading.kind === "number") {
            out[reader.field] = reading.value;
            if (reader.type === "rate") {
              const stats = rateStats.get(reader.field);
              if (stats) {
                if (reading.percent) stats.percentMarked = true;
                const v = Math.abs(reading.value);
                if (v !== 0) stats.nonZero++;
                if (v > 1) stats.above1++;
                if (v > stats.max) stats.max = v;
              }
            }
          } else {
            out[reader.field] = null;
            if (reading.kind === "invalid") {
              issues.push({
                sheet, row: sheetRow, column, field: reader.field, code: "not-a-number", text: reading.text,
                message: `${cellRef(sheetRow, column)} under ${quoteCell(reader.header)} is ${quoteCell(reading.text)}, which is not a number; it is left out. Fix the cell or clear it.`,
              });
            }
          }
          break;
        }
        case "date": {
          const reading = readDate(cell, reader.order);
          if (reading.kind === "date") {
            out[reader.field] = reading.iso;
            if (reading.to !== null) out.dateTo = reading.to;
          } else {
            out[reader.field] = null;
            if (reading.kind === "invalid") {
              issues.push({
                sheet, row: sheetRow, column, field: reader.field, code: "not-a-date", text: reading.text,
                message: `${cellRef(sheetRow, column)} under ${quoteCell(reader.header)} is ${quoteCell(reading.text)}, which is not a date Shop Doctor can read; use 2026-11-22.`,
              });
            }
          }
          break;
        }
        case "id":
          out[reader.field] = readId(cell);
          if (typeof cell === "number" && !Number.isSafeInteger(cell) && Number.isInteger(cell)) {
            issues.push({
              sheet, row: sheetRow, column, field: reader.field, code: "id-precision-lost", text: String(out[reader.field]),
              message: `${cellRef(sheetRow, column)} under ${quoteCell(reader.header)} is an id too long for a number; Sheets may have changed its last digits. Format the column as plain text before pasting.`,
            });
          }
          break;
        case "text":
          out[reader.field] = readText(cell);
          break;
        case "flag": {
          const flag = readFlag(cell);
          out[reader.field] = flag === "invalid" ? null : flag;
          if (flag === "invalid") {
            issues.push({
              sheet, row: sheetRow, column, field: reader.field, code: "not-a-flag", text: cellText(cell),
              message: `${cellRef(sheetRow, column)} under ${quoteCell(reader.header)} is ${quoteCell(cellText(cell))}; use 是/否 or yes/no.`,
            });
          }
          break;
        }
      }
    }
    for (const [target, source] of standIns) out[target] = out[source];
    if (presaleByName || hasPresaleColumn) {
      const marked = out.presale;
      if (marked === null || marked === undefined) {
        const name = out.product;
        out.presale = typeof name === "string" ? (PRESALE_NAME.test(name) ? 1 : 0) : null;
      }
    }
    // A key cell that holds something unreadable was reported already; only blank keys are "missing".
    const keyBlank = keyReaders.every((rd) => {
      const cell = row[rd.col];
      return isEmptyCell(cell) || (typeof cell === "string" && isNullToken(cell));
    });
    if (keyBlank && !rowKeys.some((k) => out[k] !== null && out[k] !== undefined)) {
      const keyField = rowKeys.find((k) => k in columnIndex);
      issues.push({
        sheet, row: sheetRow, column: keyField ? columnIndex[keyField] : null, field: keyField, code: "missing-key",
        message: `Row ${sheetRow} has no ${keyField ? quoteCell(columns[keyField]) : rowKeys.join("/")}; its figures are kept but cannot be tied to a ${keyField ?? "row"}. Fill the cell in.`,
      });
    }
    rows.push(out);
    rowNumbers.push(sheetRow);
  }

  issues.push(...fixPercentPoints(sheet, headerRow, rateStats, rows, totals, standIns, columns, columnIndex));

  let keptRows = rows;
  let keptNumbers = rowNumbers;
  if ("terminal" in columnIndex && kind !== "service-agents") {
    const keyFields = [...new Set([...rowKeys, "date", "dateTo", "sourceDetail", "productId"])];
    const folded = foldTerminalRows(sheet, headerRow, columnIndex.terminal, keyFields, rows, rowNumbers);
    keptRows = folded.rows;
    keptNumbers = folded.rowNumbers;
    issues.push(...folded.issues);
  }

  issues.push(...checkRates(sheet, keptRows, keptNumbers, native, columnIndex, columns));
  issues.sort((a, b) => a.row - b.row || (a.column ?? 0) - (b.column ?? 0));
  const reason = ignored.length > 0 ? `Columns not used: ${ignored.join(", ")}.` : undefined;
  return { ...base, kind, reason, rows: keptRows, rowNumbers: keptNumbers, totals };
}
