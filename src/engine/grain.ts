/**
 * Grain: what one row of a products table is. Amazon's "Detail Page Sales and Traffic by
 * Child Item" has one row per SKU but repeats the ASIN's `Sessions - Total` and
 * `Page Views - Total` on each SKU row of that ASIN; 生意参谋 SKU rows repeat 商品访客数;
 * Shopee's product + variation layout repeats the product's visitors on every variation.
 * Summing those rows counts the product's traffic once per SKU (conversion 8.07 % where it
 * is 12.09 %). Here such metrics are found from the data and kept on the first row of each
 * parent (per day) only; the per-row metrics (units, sales, buyers) are summed as they are.
 *
 * To avoid collapsing values that are equal by chance, a traffic metric is taken as the
 * parent's only when the parent key repeats, the metric is the same on every row of every
 * parent with several rows, it differs between parents, and at least MIN_PARENTS parents
 * show different per-row figures (units, sales …) on their rows. One linear pass per candidate.
 */
import type { FieldName, RecognizedTable, TableGrain, TableRow } from "./tables";
import { fieldsOf } from "./tables";

/** Parents with several, differing rows needed before a metric is called the parent's. */
export const MIN_PARENTS = 2;

/** (parent, child) field pairs, finest parent first: SKUs of a child ASIN before child ASINs of a parent ASIN. */
const PAIRS: readonly (readonly [parent: FieldName, child: FieldName])[] = [
  ["productId", "variationId"],
  ["productId", "sku"],
  ["parentSku", "sku"],
  ["parentAsin", "productId"],
  ["parentAsin", "sku"],
];

/** Metrics measured on a listing page (traffic), which platforms report per product, not per SKU. */
export const PARENT_METRICS: ReadonlySet<string> = new Set<string>([
  "visitors",
  "sessions",
  "pageviews",
  "detailVisitors",
  "detailPageviews",
  "bouncedVisitors",
  "users",
  "newVisitors",
  "returningVisitors",
  "searchVisitors",
  "favorites",
  "cartAdds",
  "impressions",
  "clicks",
  "engagedSessions",
] satisfies FieldName[]);

/** Metrics that belong to the row (what that SKU sold); they must differ within some parents. */
const ROW_METRICS = new Set<string>([
  "sales",
  "units",
  "orders",
  "paidBuyers",
  "orderBuyers",
  "orderAmount",
  "orderUnits",
  "cartUnits",
  "refundAmount",
] satisfies FieldName[]);

/** `sessions_b2b` → `sessions`. */
function baseOf(field: string): string {
  const at = field.indexOf("_");
  return at < 0 ? field : field.slice(0, at);
}

function keyText(v: TableRow[FieldName]): string {
  return v === null || v === undefined ? "" : String(v);
}

interface ParentGroup {
  rows: number;
  /** The first row's value of each candidate metric. */
  first: (number | string | null | undefined)[];
  /** The first row's value of each row metric. */
  firstRow: (number | string | null | undefined)[];
  varies: boolean;
}

/** Finds the grain of one table, or null when its rows are independent. */
export function detectGrain(table: RecognizedTable): TableGrain | null {
  if (table.kind !== "products" || table.rows.length < 2) return null;
  const cols = table.columnIndex;
  const fields = fieldsOf(cols);
  const candidates = fields.filter((f) => PARENT_METRICS.has(baseOf(f)));
  const rowMetrics = fields.filter((f) => ROW_METRICS.has(baseOf(f)));
  if (candidates.length === 0 || rowMetrics.length === 0) return null;
  for (const [parentField, childField] of PAIRS) {
    if (!(parentField in cols) || !(childField in cols) || cols[parentField] === cols[childField]) continue;
    const grain = grainFor(table, parentField, childField, candidates, rowMetrics);
    if (grain) return grain;
  }
  return null;
}

function groupKey(row: TableRow, parentField: FieldName): string {
  const parent = keyText(row[parentField]);
  return parent === "" ? "" : `${parent}\u0000${keyText(row.date)}\u0000${keyText(row.dateTo)}`;
}

function grainFor(
  table: RecognizedTable,
  parentField: FieldName,
  childField: FieldName,
  candidates: FieldName[],
  rowMetrics: FieldName[],
): TableGrain | null {
  const groups = new Map<string, ParentGroup>();
  const constant = candidates.map(() => true);
  for (const row of table.rows) {
    const key = groupKey(row, parentField);
    if (key === "") continue;
    const g = groups.get(key);
    if (!g) {
      groups.set(key, {
        rows: 1,
        first: candidates.map((f) => row[f]),
        firstRow: rowMetrics.map((f) => row[f]),
        varies: false,
      });
      continue;
    }
    g.rows++;
    for (let i = 0; i < candidates.length; i++)
      if (constant[i] && row[candidates[i]] !== g.first[i]) constant[i] = false;
    if (!g.varies)
      for (let i = 0; i < rowMetrics.length; i++) if (row[rowMetrics[i]] !== g.firstRow[i]) g.varies = true;
  }
  let parents = 0;
  let varied = 0;
  let repeatedRows = 0;
  // Per candidate: a value seen on a parent with several rows, and whether another parent's differs.
  const seen = candidates.map((): number | null => null);
  const differs = candidates.map(() => false);
  for (const g of groups.values()) {
    if (g.rows < 2) continue;
    parents++;
    repeatedRows += g.rows - 1;
    if (g.varies) varied++;
    for (let i = 0; i < candidates.length; i++) {
      const v = g.first[i];
      if (typeof v !== "number") {
        // A parent with no value for the metric cannot vouch that it repeats.
        constant[i] = false;
        continue;
      }
      if (seen[i] === null) seen[i] = v;
      else if (seen[i] !== v) differs[i] = true;
    }
  }
  if (parents === 0 || varied < MIN_PARENTS) return null;
  const onceFields = candidates.filter((_, i) => constant[i] && differs[i]);
  if (onceFields.length === 0) return null;
  return { parentField, childField, onceFields, parents, repeatedRows };
}

/**
 * The table with its grain applied: parent metrics blanked on every row but the first of its
 * parent (and day), so any sum over rows counts them once. Returns the same table when it has no grain.
 */
export function applyGrain(table: RecognizedTable): RecognizedTable {
  const grain = detectGrain(table);
  if (!grain) return table;
  const firstOf = new Map<string, number>();
  const rows = new Array<TableRow>(table.rows.length);
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i];
    const key = groupKey(row, grain.parentField);
    const first = key === "" ? undefined : firstOf.get(key);
    if (first === undefined) {
      if (key !== "") firstOf.set(key, i);
      rows[i] = row;
      continue;
    }
    const copy: TableRow = { ...row };
    rows[first] = ratesOntoFirst(rows[first] === table.rows[first] ? { ...rows[first] } : rows[first], copy, grain);
    for (const f of grain.onceFields) copy[f] = null;
    rows[i] = copy;
  }
  return { ...table, rows, grain };
}

/** Rates a row gives over its parent's traffic: Shopee's variation `Conversion Rate (Placed Order)` ÷ product visitors. */
const PARENT_RATES: readonly (readonly [rate: FieldName, base: FieldName])[] = [
  ["payConversion", "visitors"],
  ["orderConversion", "visitors"],
];

/**
 * A repeated row's rate is its own buyers over the parent's visitors, which it is about to lose:
 * add it to the parent's first row (rates over one base add up: 2.50 % + 1.67 % + 0.83 % of 1,200
 * visitors = 60 buyers) and clear it here, so rate × visitors counts every variation's buyers once.
 */
function ratesOntoFirst(first: TableRow, copy: TableRow, grain: TableGrain): TableRow {
  for (const [rate, base] of PARENT_RATES) {
    const r = copy[rate];
    const f = first[rate];
    if (!grain.onceFields.includes(base) || typeof r !== "number" || typeof f !== "number") continue;
    first[rate] = f + r;
    copy[rate] = null;
  }
  return first;
}
