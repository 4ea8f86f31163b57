/**
 * Rows that sum other rows of the same table, kept aside so nothing is counted twice:
 * - Shopee product performance with variations lists a product row (Variation ID blank or
 *   `-`) followed by one row per variation of the same Item ID; the product row is their sum.
 * - Mercado Libre's sales report lists a package row (`Paquete de varios productos`: Sí)
 *   carrying the package's fees and totals, followed by its items as their own rows.
 * Both go to `subtotals` with a `parent-row` note naming the row; the item rows stay data.
 * A package's fees and shipping (PACKAGE_SHARED) belong to its items: the rows right after the
 * package row whose `Paquete de varios productos` cell is blank. Each item that leaves the
 * column blank gets the package's amount × its sales ÷ the items' sales (the last item the
 * remainder, so the shares add up to the package's amount exactly). When an item has no
 * sales figure the amounts stay on the package row and the note says so.
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

/** The money a Mercado Libre package row carries for its items, shared over them by sales. */
export const PACKAGE_SHARED = ["saleFees", "shipping", "shippingPaid"] as const satisfies readonly FieldName[];

/** A package row and the item rows listed after it. */
interface Package {
  values: TableRow;
  items: TableRow[];
}

/** An item row of the package above it: its package-marker cell is blank. */
function isPackageItem(row: TableRow): boolean {
  return row.packageRow === null || row.packageRow === undefined;
}

/**
 * Shares each of the package's amounts over its items in proportion to their sales: `shared`,
 * `own` when the items carry their own amounts (nothing to share), `unshareable` when there are
 * no items or an item's sales are missing, so no share exists.
 */
function shareOverItems(pkg: Package): "shared" | "own" | "unshareable" {
  const fields = PACKAGE_SHARED.filter(
    (f) => typeof pkg.values[f] === "number" && pkg.items.every((item) => item[f] === null || item[f] === undefined),
  );
  if (fields.length === 0) return "own";
  const sales = pkg.items.map((item) => item.sales);
  if (pkg.items.length === 0 || sales.some((v) => typeof v !== "number" || v < 0)) return "unshareable";
  const total = (sales as number[]).reduce((a, b) => a + b, 0);
  if (!(total > 0)) return "unshareable";
  for (const field of fields) {
    const amount = pkg.values[field] as number;
    let given = 0;
    pkg.items.forEach((item, i) => {
      const share = i === pkg.items.length - 1 ? amount - given : (amount * (sales[i] as number)) / total;
      item[field] = share;
      given += share;
    });
  }
  return "shared";
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
  const packages: { pkg: Package; issue: RecognitionIssue }[] = [];
  let open: Package | null = null;
  for (let i = 0; i < scope.rows.length; i++) {
    const row = scope.rows[i];
    const kind = parentKind(scope, row, varied);
    if (kind === null) {
      rows.push(row);
      rowNumbers.push(scope.rowNumbers[i]);
      if (open && isPackageItem(row)) open.items.push(row);
      else open = null;
      continue;
    }
    const sheetRow = scope.rowNumbers[i];
    const label = String(row.product ?? row.productId ?? row.orderId ?? sheetRow);
    scope.subtotals.push({ row: sheetRow, label, values: row });
    const what =
      kind === "product"
        ? "is the product row over its variation rows (their sum)"
        : "is a package row over the items listed as their own rows";
    const issue: RecognitionIssue = {
      sheet: scope.sheet,
      row: sheetRow,
      column: null,
      code: "parent-row",
      text: label,
      message: `Row ${sheetRow} (${quoteCell(label)}) ${what}; it is kept apart from the data rows so nothing is counted twice.`,
    };
    scope.issues.push(issue);
    open = kind === "package" ? { values: row, items: [] } : null;
    if (open) packages.push({ pkg: open, issue });
  }
  for (const { pkg, issue } of packages) {
    const shared = PACKAGE_SHARED.filter((f) => typeof pkg.values[f] === "number");
    if (shared.length === 0) continue;
    const outcome = shareOverItems(pkg);
    const items = pkg.items.length === 1 ? "its item row" : `its ${pkg.items.length} item rows`;
    if (outcome === "shared")
      issue.message += ` Its fees and shipping were shared over ${items} in proportion to their sales.`;
    else if (outcome === "unshareable")
      issue.message +=
        pkg.items.length === 0
          ? " No item rows follow it, so its fees and shipping are not counted on any product."
          : " Its fees and shipping are not counted on any product: an item row below it has no sales figure to share them by.";
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
