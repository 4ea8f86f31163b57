/**
 * The same data twice: a tab and its Sheets copy (`X 的副本`, `Copy of X`, `X (1)`), one file
 * passed twice to the CLI, or two exports whose days overlap for the same kind of table and
 * the same subjects. Without this every figure doubles. Each day (and product, source …) is
 * counted once, from the first tab that has it (an original before its copy); the report
 * names the tabs that repeat each other and, where overlapping rows disagree, both cells.
 *
 * Rows match on the table's kind, its set of key columns, the day and the key values. A
 * dated table drops the rows another tab already has; an undated one is left out only when
 * it repeats another table row for row (two undated exports may be two different periods).
 * Linear: one map lookup per row.
 */
import { columnLetter } from "./recognize/issues";
import type { FieldName, RecognizedTable, TableRow } from "./tables";
import { fieldsOf } from "./tables";

/** Fields that say which subject a row is about (never summed, part of the row's identity). */
const KEY_FIELDS: readonly FieldName[] = [
  "productId",
  "product",
  "sku",
  "parentAsin",
  "variationId",
  "variationName",
  "parentSku",
  "source",
  "sourceType",
  "sourcePlatform",
  "sourceLevel1",
  "sourceLevel2",
  "sourceLevel3",
  "sourceDetail",
  "plan",
  "planId",
  "keyword",
  "adGroup",
  "adItem",
  "adItemId",
  "agent",
  "terminal",
  "sellerNick",
  "category",
  "audience",
  "matchType",
  "searchTerm",
  "variant",
  "liveRoom",
  "liveRoomId",
  "liveStart",
  "carrier",
  "contentItem",
  "contentId",
];

/** Cells named per pair of tabs before "…". */
export const MAX_DISAGREEMENTS_NAMED = 3;

/** One pair of tabs holding the same rows. */
export interface RepeatedData {
  /** The tab whose rows were left out. */
  copy: string;
  /** The tab whose rows were counted. */
  original: string;
  /** True when the copy repeats whole tables (not just some days). */
  whole: boolean;
  /** Rows of `copy` left out. */
  rows: number;
  /** First and last day of the overlap, when dated. */
  from: string | null;
  to: string | null;
  /** Overlapping cells whose values differ: `'X 的副本'!C5`, its value, the counted cell and value. */
  disagreements: {
    copyCell: string;
    copyValue: number;
    originalCell: string;
    originalValue: number;
    field: FieldName;
  }[];
  /** Disagreeing cells in all (the list above stops at MAX_DISAGREEMENTS_NAMED). */
  disagreementCount: number;
}

const COPY_NAME = [
  /^(.+?)\s*的副本(?:\s*\d+)?$/,
  /^(.+?)\s*的複本(?:\s*\d+)?$/,
  /^(.+?)\s*副本(?:\s*\d+)?$/,
  /^(.+?)\s*複本(?:\s*\d+)?$/,
  /^copy of\s+(.+)$/i,
  /^(.+?)\s*\(\d+\)$/,
  /^(.+?)\s*\(copy\)$/i,
  /^(.+?)\s*-\s*copy$/i,
];

/** The tab a copy's name points back to (`X 的副本` → `X`), or null when the name is not a copy's. */
export function copiedFrom(sheet: string): string | null {
  const name = sheet.trim();
  for (const re of COPY_NAME) {
    const m = re.exec(name);
    if (m && m[1].trim() !== "") return m[1].trim();
  }
  return null;
}

/** A sheet name as a formula reference: `'X 的副本'!C5`, plain `Day!C5` when it needs no quotes. */
export function cellRef(sheet: string, column: number | undefined, row: number): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${column ? columnLetter(column) : "A"}${row}`;
}

function text(v: TableRow[FieldName]): string {
  return v === null || v === undefined ? "" : String(v);
}

/** The table's identity: kind + which key columns it has. */
function signatureOf(table: RecognizedTable): string {
  return `${table.kind}\u0000${KEY_FIELDS.filter((f) => f in table.columnIndex).join(",")}`;
}

function rowKey(row: TableRow, keys: readonly FieldName[]): string {
  let k = `${text(row.date)}\u0000${text(row.dateTo)}`;
  for (const f of keys) k += `\u0000${text(row[f])}`;
  return k;
}

/** Numeric fields both tables have, for comparing overlapping rows. */
function sharedNumbers(a: RecognizedTable, b: RecognizedTable): FieldName[] {
  const keys = new Set(KEY_FIELDS);
  return fieldsOf(a.columnIndex).filter((f) => f in b.columnIndex && !keys.has(f) && f !== "date" && f !== "dateTo");
}

function differs(x: number, y: number): boolean {
  return Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
}

/** Originals before their copies; otherwise the order the tabs came in. */
function countingOrder(tables: readonly RecognizedTable[]): number[] {
  const sheets = new Set(tables.map((t) => t.sheet));
  const order = tables.map((_, i) => i);
  const rank = (t: RecognizedTable) => {
    const from = copiedFrom(t.sheet);
    return from !== null && sheets.has(from) ? 1 : 0;
  };
  return order.sort((a, b) => rank(tables[a]) - rank(tables[b]) || a - b);
}

interface Seen {
  table: number;
  index: number;
}

/** Pairs of tabs that repeat each other, keyed by copy and original, in the order first met. */
type Pairs = Map<string, RepeatedData>;

/** The entry for a copy and its original, created (empty) on first use. */
function pairOf(pairs: Pairs, copy: string, original: string): RepeatedData {
  const id = `${copy}\u0000${original}`;
  let p = pairs.get(id);
  if (!p) {
    p = { copy, original, whole: false, rows: 0, from: null, to: null, disagreements: [], disagreementCount: 0 };
    pairs.set(id, p);
  }
  return p;
}

/** Each table's signature ("" when it cannot repeat another) and how many tables share each one. */
function signaturesOf(tables: readonly RecognizedTable[]): { signatures: string[]; shared: Map<string, number> } {
  // Only tables that share a kind and key columns with another can repeat it: the usual
  // paste (one table of each kind) costs one signature per table, no row keys at all.
  const signatures = tables.map((t) => (t.kind === "unknown" || t.rows.length === 0 ? "" : signatureOf(t)));
  const shared = new Map<string, number>();
  for (const sig of signatures) if (sig) shared.set(sig, (shared.get(sig) ?? 0) + 1);
  return { signatures, shared };
}

/** The rows already counted for a signature, created (empty) on first use. */
function seenFor(bySignature: Map<string, Map<string, Seen>>, signature: string): Map<string, Seen> {
  let seen = bySignature.get(signature);
  if (!seen) {
    seen = new Map();
    bySignature.set(signature, seen);
  }
  return seen;
}

/** The numeric fields `table` shares with another table (by index), computed once per other table. */
function sharedFieldsOf(tables: readonly RecognizedTable[], table: RecognizedTable): (other: number) => FieldName[] {
  const sharedCache = new Map<number, FieldName[]>();
  return (other: number): FieldName[] => {
    let f = sharedCache.get(other);
    if (!f) {
      f = sharedNumbers(table, tables[other]);
      sharedCache.set(other, f);
    }
    return f;
  };
}

/** Per row of table `i`, the counted row of another table it repeats (if any), and how many do. */
function matchRows(
  i: number,
  table: RecognizedTable,
  seen: Map<string, Seen>,
  keys: readonly FieldName[],
  sharedWith: (other: number) => FieldName[],
): { matches: (Seen | undefined)[]; matched: number } {
  const matches: (Seen | undefined)[] = new Array(table.rows.length);
  let matched = 0;
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r];
    const hit = seen.get(rowKey(row, keys));
    // A table's own repeated rows are data-sanity's "duplicated dates", not another tab's; two
    // tables with no figure in common (a day's traffic, the same day's DSR) complement each other.
    if (hit && hit.table !== i && sharedWith(hit.table).length > 0) {
      matches[r] = hit;
      matched++;
    }
  }
  return { matches, matched };
}

/** Widens the pair's overlap to the row's day (or period), when the row is dated. */
function widenOverlap(pair: RepeatedData, row: TableRow): void {
  const d = row.date;
  if (typeof d === "string") {
    if (pair.from === null || d < pair.from) pair.from = d;
    const end = typeof row.dateTo === "string" ? String(row.dateTo) : d;
    if (pair.to === null || end > pair.to) pair.to = end;
  }
}

/** Counts (and names, up to the limit) the first shared figure where row `r` and its original differ. */
function noteDisagreement(
  pair: RepeatedData,
  table: RecognizedTable,
  r: number,
  original: RecognizedTable,
  hit: Seen,
  shared: readonly FieldName[],
): void {
  for (const f of shared) {
    const a = table.rows[r][f];
    const b = original.rows[hit.index][f];
    if (typeof a === "number" && typeof b === "number" && differs(a, b)) {
      pair.disagreementCount++;
      if (pair.disagreements.length < MAX_DISAGREEMENTS_NAMED) {
        pair.disagreements.push({
          field: f,
          copyCell: cellRef(table.sheet, table.columnIndex[f], table.rowNumbers[r]),
          copyValue: a,
          originalCell: cellRef(original.sheet, original.columnIndex[f], original.rowNumbers[hit.index]),
          originalValue: b,
        });
      }
      break;
    }
  }
}

/** The rows of `table` still to count (unmatched ones whole, matched ones with only their own figures), noting each repeat. */
function keptRows(
  tables: readonly RecognizedTable[],
  table: RecognizedTable,
  matches: (Seen | undefined)[],
  pairs: Pairs,
  sharedWith: (other: number) => FieldName[],
): { kept: TableRow[]; keptNumbers: number[] } {
  const kept: TableRow[] = [];
  const keptNumbers: number[] = [];
  for (let r = 0; r < table.rows.length; r++) {
    const hit = matches[r];
    if (!hit) {
      kept.push(table.rows[r]);
      keptNumbers.push(table.rowNumbers[r]);
      continue;
    }
    const original = tables[hit.table];
    const pair = pairOf(pairs, table.sheet, original.sheet);
    pair.rows++;
    widenOverlap(pair, table.rows[r]);
    const shared = sharedWith(hit.table);
    noteDisagreement(pair, table, r, original, hit, shared);
    // Figures only this table has (the other tab lacks the column) still count, once.
    const own = ownFigures(table.rows[r], shared);
    if (own) {
      kept.push(own);
      keptNumbers.push(table.rowNumbers[r]);
    }
  }
  return { kept, keptNumbers };
}

/** Records table `i`'s unmatched rows as counted, keeping the first table's row for each key. */
function rememberRows(
  i: number,
  table: RecognizedTable,
  seen: Map<string, Seen>,
  keys: readonly FieldName[],
  matches: (Seen | undefined)[],
): void {
  for (let r = 0; r < table.rows.length; r++) {
    if (matches[r]) continue;
    const key = rowKey(table.rows[r], keys);
    if (!seen.has(key)) seen.set(key, { table: i, index: r });
  }
}

/**
 * Counts each row once across tables. Returns the tables to diagnose (in their original
 * order; a table wholly repeated is left out, a partly repeated one keeps its other rows)
 * and one entry per pair of tabs that repeat each other.
 */
export function dropRepeatedRows(tables: readonly RecognizedTable[]): {
  tables: RecognizedTable[];
  repeats: RepeatedData[];
} {
  const bySignature = new Map<string, Map<string, Seen>>();
  const result: (RecognizedTable | null)[] = tables.slice();
  const pairs: Pairs = new Map();
  const { signatures, shared } = signaturesOf(tables);
  for (const i of countingOrder(tables)) {
    const table = tables[i];
    const signature = signatures[i];
    if (!signature || shared.get(signature)! < 2) continue;
    const seen = seenFor(bySignature, signature);
    const keys = KEY_FIELDS.filter((f) => f in table.columnIndex);
    const dated = "date" in table.columnIndex;
    const sharedWith = sharedFieldsOf(tables, table);
    const { matches, matched } = matchRows(i, table, seen, keys, sharedWith);
    const whole = matched === table.rows.length && wholeRepeat(tables, table, matches);
    if (matched > 0 && (dated || whole)) {
      const { kept, keptNumbers } = keptRows(tables, table, matches, pairs, sharedWith);
      if (kept.length === 0) {
        result[i] = null;
        if (whole) pairOf(pairs, table.sheet, tables[matches[0]!.table].sheet).whole = true;
      } else {
        result[i] = { ...table, rows: kept, rowNumbers: keptNumbers };
      }
    }
    rememberRows(i, table, seen, keys, matches);
  }
  return { tables: result.filter((t): t is RecognizedTable => t !== null), repeats: [...pairs.values()] };
}

/** The row without the figures another table already counted, or null when it has no other figure. */
function ownFigures(row: TableRow, shared: readonly FieldName[]): TableRow | null {
  const skip = new Set(shared);
  let has = false;
  for (const f of fieldsOf(row)) {
    if (!skip.has(f) && f !== "presale" && typeof row[f] === "number") {
      has = true;
      break;
    }
  }
  if (!has) return null;
  const copy: TableRow = { ...row };
  for (const f of shared) copy[f] = null;
  return copy;
}

/** Every row matched, all in one other table of the same size, with equal figures. */
function wholeRepeat(
  tables: readonly RecognizedTable[],
  table: RecognizedTable,
  matches: (Seen | undefined)[],
): boolean {
  const other = matches[0]?.table;
  if (other === undefined) return false;
  const original = tables[other];
  if (original.rows.length !== table.rows.length) return false;
  const fields = sharedNumbers(table, original);
  for (let r = 0; r < matches.length; r++) {
    const hit = matches[r];
    if (!hit || hit.table !== other) return false;
    for (const f of fields) {
      const a = table.rows[r][f];
      const b = original.rows[hit.index][f];
      if (a !== b && !(typeof a === "number" && typeof b === "number" && !differs(a, b))) return false;
    }
  }
  return true;
}
