/**
 * Rows that sum other rows of the same table, kept aside so nothing is counted twice:
 * - Shopee product performance with variations lists a product row (Variation ID blank or
 *   `-`) followed by one row per variation of the same Item ID; the product row is their sum.
 * - Mercado Libre's sales report lists a package row (`Paquete de varios productos`: Sí)
 *   carrying the package's fees and totals, followed by its items as their own rows.
 * Both go to `subtotals` with a `parent-row` note naming the row; the item rows stay data.
 * A product's traffic (visitors, page views, impressions …) is measured on the product, not on
 * a variation: it is taken from the product row onto its first variation row and cleared on the
 * others, so the variations add up to the product's traffic once, whatever they repeat.
 */
import { PARENT_METRICS } from "../grain";
import type { FieldName, RecognitionIssue, TableRow, TotalsRow } from "../tables";
import { quoteCell } from "./issues";

/** What the step needs of the table being read. */
export interface ParentScope {
  sheet: string;
  columns: Partial<Record<FieldName, string>>;
  rows: TableRow[];
  rowNumbers: number[];
  subtotals: TotalsRow[];
  issues: RecognitionIssue[];
}

/** Item ids that have at least one row with a variation id. */
function itemsWithVariations(rows: readonly TableRow[]): Set<string> {
  const out = new Set<string>();
  for (const row of rows) if (row.variationId !== null && typeof row.productId === "string") out.add(row.productId);
  return out;
}

function parentKind(scope: ParentScope, row: TableRow, varied: ReadonlySet<string>): "product" | "package" | null {
  if (row.packageRow === 1) return "package";
  if ("variationId" in scope.columns && row.variationId === null && typeof row.productId === "string")
    return varied.has(row.productId) ? "product" : null;
  return null;
}

/** Moves product rows over their variations and package rows over their items from `rows` to `subtotals`. */
export function setAsideParentRows(scope: ParentScope): void {
  if (!("variationId" in scope.columns) && !("packageRow" in scope.columns)) return;
  const varied = "variationId" in scope.columns ? itemsWithVariations(scope.rows) : new Set<string>();
  const rows: TableRow[] = [];
  const rowNumbers: number[] = [];
  for (let i = 0; i < scope.rows.length; i++) {
    const row = scope.rows[i];
    const kind = parentKind(scope, row, varied);
    if (kind === null) {
      rows.push(row);
      rowNumbers.push(scope.rowNumbers[i]);
      continue;
    }
    const sheetRow = scope.rowNumbers[i];
    const label = String(row.product ?? row.productId ?? row.orderId ?? sheetRow);
    scope.subtotals.push({ row: sheetRow, label, values: row });
    const what =
      kind === "product"
        ? "is the product row over its variation rows (their sum)"
        : "is a package row over the items listed as their own rows";
    scope.issues.push({
      sheet: scope.sheet,
      row: sheetRow,
      column: null,
      code: "parent-row",
      text: label,
      message: `Row ${sheetRow} (${quoteCell(label)}) ${what}; it is kept apart from the data rows so nothing is counted twice.`,
    });
  }
  shareTraffic(scope.subtotals, rows);
  scope.rows.splice(0, scope.rows.length, ...rows);
  scope.rowNumbers.splice(0, scope.rowNumbers.length, ...rowNumbers);
}

/** The product row's traffic onto its first variation row; the other variation rows carry none. */
function shareTraffic(parents: readonly TotalsRow[], rows: readonly TableRow[]): void {
  const byItem = new Map<string, TableRow>();
  for (const p of parents)
    if (typeof p.values.productId === "string" && p.values.packageRow !== 1) byItem.set(p.values.productId, p.values);
  if (byItem.size === 0) return;
  const seen = new Set<string>();
  for (const row of rows) {
    const id = row.productId;
    const parent = typeof id === "string" ? byItem.get(id) : undefined;
    if (parent === undefined || typeof id !== "string") continue;
    const first = !seen.has(id);
    seen.add(id);
    for (const field of PARENT_METRICS) {
      const key = field as FieldName;
      if (key in row || key in parent) row[key] = first ? (parent[key] ?? null) : null;
    }
  }
}
