/**
 * Turns a fixture export (test/fixtures/*.csv|tsv, UTF-8 with or without BOM, or GBK)
 * into a SheetInput, in one of the two shapes that reach recognizeTables:
 * - "text": every cell is the exported text ("" for empty) — a sheet where the column was
 *   formatted as plain text before pasting, or the CLI reading a file;
 * - "sheets": what Sheets makes of pasted text (US-style locale unless `dayFirst`):
 *   plain numbers, `1,234`, `$12.50` and `12%` become numbers (0.12), ISO and `m/d/yy`
 *   dates become `Date`s, `00:01:23` becomes a time-of-day `Date`, TRUE/FALSE become
 *   booleans; `¥`/`￥`/`₹` amounts, `-`, ranges and everything else stay text.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import type { Cell, SheetInput } from "../../src/engine";

export const FIXTURE_DIR = join(__dirname, "..", "fixtures");

export type PasteMode = "text" | "sheets";

export interface FixtureOptions {
  mode?: PasteMode;
  /** Sheets locale reads `01/04/26` as 1 April (en-IN, en-GB) instead of 4 January. */
  dayFirst?: boolean;
}

/** Every fixture file name (csv/tsv). */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => /\.(csv|tsv)$/.test(f))
    .sort();
}

/** Decodes UTF-8 (BOM stripped) or, when the bytes are not valid UTF-8, GBK. */
export function decodeExport(bytes: Buffer): string {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.replace(/^\ufeff/, "");
  } catch {
    return iconv.decode(bytes, "gb18030");
  }
}

/** Splits CSV/TSV text into rows of strings, padding ragged rows to the widest one. */
export function parseDelimited(text: string, delimiter: "," | "\t"): string[][] {
  const rows = parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  }) as string[][];
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return rows.map((r) => (r.length < width ? [...r, ...new Array<string>(width - r.length).fill("")] : r));
}

function localDate(y: number, m: number, d: number): Date | null {
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d ? date : null;
}

/** What Sheets stores when this text is pasted into a cell (see the module comment). */
export function asSheetsWouldParse(text: string, dayFirst = false): Cell {
  const t = text.trim();
  if (t === "") return "";
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  let m = /^(-)?\$?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(t) ?? /^\$(-)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(t);
  if (m) return Number(`${m[1] ?? ""}${m[2].replace(/,/g, "")}${m[3] ?? ""}`);
  m = /^([-+]?\d+(?:\.\d+)?)%$/.exec(t);
  if (m) return Number((Number(m[1]) / 100).toPrecision(15));
  m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (m) return localDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? t;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const [month, day] = dayFirst ? [Number(m[2]), Number(m[1])] : [Number(m[1]), Number(m[2])];
    return localDate(year, month, day) ?? t;
  }
  m = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(t);
  if (m) return new Date(1899, 11, 30, Number(m[1]), Number(m[2]), Number(m[3]));
  return text;
}

/** Loads one fixture as a sheet named after the file. */
export function loadFixture(name: string, options: FixtureOptions = {}): SheetInput {
  const bytes = readFileSync(join(FIXTURE_DIR, name));
  const text = decodeExport(bytes);
  const rows = parseDelimited(text, name.endsWith(".tsv") ? "\t" : ",");
  const values: Cell[][] =
    options.mode === "sheets" ? rows.map((r) => r.map((c) => asSheetsWouldParse(c, options.dayFirst))) : rows;
  return { name: name.replace(/\.(csv|tsv)$/, ""), values };
}
