/**
 * Ad spend per product from ad exports keyed by product (Amazon Sponsored Products' Advertised
 * SKU / ASIN, 千川 and 万相台 商品 tables, Shopee ads per product): each row's spend goes to the
 * product whose id, SKU or name it carries. Tables in another currency never reach the rules
 * (diagnose.ts leaves them out and says so); a table whose days differ from the products' is
 * left out here and named once, never subtracted from a profit over other days.
 */
import type { RecognizedTable, TableRow } from "../tables";
import type { Group, Subject } from "./context";
import { num } from "./totals";

/** A row's product keys: id, SKU, name (the non-empty ones). */
export function keyOf(row: TableRow): string[] {
  const keys: string[] = [];
  for (const f of ["productId", "sku", "product"] as const) {
    const v = row[f];
    if (v !== null && v !== undefined && String(v).trim() !== "") keys.push(String(v).trim());
  }
  return keys;
}

/** An ad table with product keys that was not used because its days differ from the products'. */
export interface AdTableSkipped {
  sheet: string;
  /** `2026-04-01~2026-04-30`, or null when the table says no days. */
  period: string | null;
  productsPeriod: string | null;
}

/** Export ad spend per product, with the sheet(s) it came from. */
export interface ProductAdSpend {
  spend: Map<Subject, { amount: number; sheets: string[] }>;
  skipped: AdTableSkipped[];
}

/** The days a table covers as `from~to`: its recognised period, else its rows' dates; null when neither. */
function spanOf(table: RecognizedTable): { from: string; to: string } | null {
  if (table.period) return { from: table.period.from, to: table.period.to };
  let from = "";
  let to = "";
  for (const row of table.rows) {
    if (typeof row.date !== "string") continue;
    const end = typeof row.dateTo === "string" ? row.dateTo : row.date;
    if (from === "" || row.date < from) from = row.date;
    if (end > to) to = end;
  }
  return from === "" ? null : { from, to };
}

/** The span of several tables (earliest start to latest end), or null when none has days. */
function spanText(tables: RecognizedTable[]): string | null {
  const spans = tables.map(spanOf).filter((s) => s !== null);
  if (spans.length < tables.length || spans.length === 0) return null;
  // ISO dates sort as text: the first start and the last end.
  const from = spans.map((s) => s.from).sort()[0];
  const to = spans.map((s) => s.to).sort()[spans.length - 1];
  return `${from}~${to}`;
}

const PRODUCT_KEYS = ["productId", "sku", "product"] as const;

/** Products by id and name, their rows' own ids (a parent's SKUs) and the SKUs of their rows in the products tables. */
function subjectsByKey(tables: readonly RecognizedTable[], products: Group): Map<string, Subject> {
  const own = new Map<string, Subject>();
  for (const s of products.subjects) {
    own.set(s.name, s);
    own.set(s.key, s);
  }
  const out = new Map(own);
  for (const s of products.subjects) for (const child of s.children ?? []) if (!out.has(child)) out.set(child, s);
  for (const table of tables) {
    if (table.kind !== "products") continue;
    for (const row of table.rows) {
      const keys = keyOf(row);
      const subject = keys.map((k) => own.get(k)).find((x) => x !== undefined);
      if (subject) for (const k of keys) if (!out.has(k)) out.set(k, subject);
    }
  }
  return out;
}

/** Adds one ad table's spend to the products its rows name. */
function addTable(table: RecognizedTable, byKey: Map<string, Subject>, out: ProductAdSpend["spend"]): void {
  for (const row of table.rows) {
    const spend = num(row, "spend");
    if (spend === null) continue;
    const subject = keyOf(row)
      .map((k) => byKey.get(k))
      .find((s) => s !== undefined);
    if (!subject) continue;
    const entry = out.get(subject) ?? { amount: 0, sheets: [] };
    entry.amount += spend;
    if (!entry.sheets.includes(table.sheet)) entry.sheets.push(table.sheet);
    out.set(subject, entry);
  }
}

/** Spend per product from the ad tables that carry a product key and cover the products' days. */
export function productAdSpend(tables: readonly RecognizedTable[], products: Group): ProductAdSpend {
  const result: ProductAdSpend = { spend: new Map(), skipped: [] };
  const keyed = tables.filter(
    (t) => t.kind === "ad-plans" && "spend" in t.columns && PRODUCT_KEYS.some((f) => f in t.columns),
  );
  if (keyed.length === 0) return result;
  const productsPeriod = spanText(tables.filter((t) => t.kind === "products" && t.rows.length > 0));
  const byKey = subjectsByKey(tables, products);
  for (const table of keyed) {
    const period = spanText([table]);
    if (period !== productsPeriod) result.skipped.push({ sheet: table.sheet, period, productsPeriod });
    else addTable(table, byKey, result.spend);
  }
  return result;
}
