/**
 * The fake spreadsheet as plain JSON — values, formulas, formats, colours, notes, merges,
 * frozen rows, column widths, charts and protections — for tests (byte-for-byte comparison of
 * data sheets before and after a run), the local preview and snapshots.
 */
import { a1Notation } from "./a1";
import type { FakeSheet, SheetStore } from "./spreadsheet";

/** A cell value in JSON: Dates become `{ date: ISO }` so they survive JSON.stringify distinctly. */
export type JsonCell = number | string | boolean | { date: string };

export interface SheetSnapshot {
  name: string;
  /** lastRow × lastColumn values, as getValues would return them. */
  values: JsonCell[][];
  /** Non-default cells only, by A1 address. */
  formulas: Record<string, string>;
  numberFormats: Record<string, string>;
  backgrounds: Record<string, string>;
  fontColors: Record<string, string>;
  fontWeights: Record<string, string>;
  notes: Record<string, string>;
  /** Cells whose wrap was set (setWrap/setWraps) → whether their text wraps; unset cells are absent. */
  wraps: Record<string, boolean>;
  /** Cells with a list validation → the allowed values joined by `|`. */
  validations: Record<string, string>;
  merges: string[];
  frozenRows: number;
  columnWidths: Record<string, number>;
  /** `stacked` and `series` (the per-series options) appear only on a chart that set them. */
  charts: { type: string; ranges: string[]; title: string | null; stacked?: true; series?: unknown }[];
  protections: { type: string; range: string | null; description: string; warningOnly: boolean }[];
}

function sparse(map: Map<number, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const keys = [...map.keys()].sort((a, b) => a - b);
  for (const k of keys) out[a1Notation(Math.floor(k / 32768), k % 32768)] = map.get(k) ?? "";
  return out;
}

function valuesOf(store: SheetStore): JsonCell[][] {
  const rows = store.lastRow();
  const columns = store.lastColumn();
  const out: JsonCell[][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: JsonCell[] = [];
    for (let c = 1; c <= columns; c++) {
      const v = store.value(r, c);
      line.push(v instanceof Date ? { date: v.toISOString() } : v);
    }
    out.push(line);
  }
  return out;
}

/** One sheet as JSON. */
export function snapshotSheet(sheet: FakeSheet): SheetSnapshot {
  const s = sheet._store;
  const widths: Record<string, number> = {};
  for (const [c, w] of [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0])) widths[String(c)] = w;
  return {
    name: sheet._name,
    values: valuesOf(s),
    formulas: sparse(s.formulas),
    numberFormats: sparse(s.numberFormats),
    backgrounds: sparse(s.backgrounds),
    fontColors: sparse(s.fontColors),
    fontWeights: sparse(s.fontWeights),
    notes: sparse(s.notes),
    wraps: Object.fromEntries(Object.entries(sparse(s.wraps)).map(([a1, w]) => [a1, w === "true"])),
    validations: sparse(new Map([...s.validations].map(([k, v]) => [k, (v._values ?? []).join("|")]))),
    merges: s.merges.map((m) => a1Notation(m.row, m.column, m.numRows, m.numColumns)).sort(),
    frozenRows: s.frozenRows,
    columnWidths: widths,
    charts: s.charts.map((c) => ({
      type: c._type,
      ranges: c._ranges.map((r) => a1Notation(r._rect.row, r._rect.column, r._rect.numRows, r._rect.numColumns)),
      title: typeof c._options.title === "string" ? c._options.title : null,
      ...(c._options.isStacked === true ? { stacked: true as const } : {}),
      ...(c._options.series !== undefined ? { series: c._options.series } : {}),
    })),
    protections: s.protections.map((p) => ({
      type: p._type,
      range: p._rect ? a1Notation(p._rect.row, p._rect.column, p._rect.numRows, p._rect.numColumns) : null,
      description: p._description,
      warningOnly: p._warningOnly,
    })),
  };
}
