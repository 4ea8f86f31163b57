/** The sample shop (samples/sample-shop) as pasted into Sheets, and a products export of any size. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import type { Cell, SheetInput } from "../../src/engine";
import { parseAsTyped } from "../../src/local/fake";

// import.meta.url rather than __dirname: the bench imports this file as an ES module.
const SAMPLE_DIR = fileURLToPath(new URL("../../samples/sample-shop", import.meta.url));

/** What a cell holds after the CSV text is pasted into Sheets (the fake's USER_ENTERED parsing). */
function pasted(text: string): Cell {
  const entry = parseAsTyped(text, null, "Asia/Shanghai");
  return entry.formula ?? entry.value;
}

/** Every CSV of the sample shop as a sheet named after its file, cells as Sheets stores pasted text. */
export function sampleShop(): SheetInput[] {
  return readdirSync(SAMPLE_DIR)
    .filter((f) => f.endsWith(".csv"))
    .sort()
    .map((f) => {
      const text = readFileSync(join(SAMPLE_DIR, f), "utf8").replace(/^\ufeff/, "");
      const rows = parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
      return { name: f.replace(/\.csv$/, ""), values: rows.map((r) => r.map(pasted)) };
    });
}

/** The sample shop's settings.json. */
export function sampleSettings(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SAMPLE_DIR, "settings.json"), "utf8")) as Record<string, unknown>;
}

/**
 * The sample shop with its products sheet grown to `n` product rows (names and ids made unique).
 * The Costs tab (成本) also has a 商品名称 column but keeps its eight rows: the measurements stay
 * about one grown export, as before the tab existed.
 */
export function sampleShopWithProducts(n: number): SheetInput[] {
  return sampleShop().map((sheet) => {
    const headerAt = sheet.values.findIndex((r) => r.includes("商品名称"));
    if (headerAt < 0 || sheet.name === "成本") return sheet;
    const head = sheet.values.slice(0, headerAt + 1);
    const body = sheet.values.slice(headerAt + 1).filter((r) => r.some((c) => c !== ""));
    const nameColumn = sheet.values[headerAt].indexOf("商品名称");
    const idColumn = sheet.values[headerAt].indexOf("商品ID");
    const rows: Cell[][] = [];
    for (let i = 0; i < n; i++) {
      const row = [...body[i % body.length]];
      if (i >= body.length) {
        row[nameColumn] = `${String(row[nameColumn])} #${i}`;
        if (idColumn >= 0) row[idColumn] = 900000000000 + i;
      }
      rows.push(row);
    }
    return { name: sheet.name, values: [...head, ...rows] };
  });
}
