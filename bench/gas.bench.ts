/**
 * A full diagnoseShop, as Apps Script runs it (build/Code.js in a bare realm over the in-memory
 * spreadsheet), on the sample shop grown to 1k and 100k product rows: the number of Spreadsheet
 * calls (must be equal) and wall time, first run and re-run.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import vm from "node:vm";
import { createFakeGoogle, installGlobals } from "../src/local/fake";
import { readDataSheets } from "../src/gas/read";
import { sampleShopWithProducts } from "../test/gas/shop-data";
import { row } from "./util";

interface Run {
  calls: number;
  byMethod: Record<string, number>;
  ms: number;
}

function measure(n: number, source: string): { first: Run; rerun: Run } {
  const google = createFakeGoogle({ sheets: sampleShopWithProducts(n) });
  const context = vm.createContext({ ...google.globals }) as Record<string, unknown>;
  vm.runInContext(source, context, { filename: "Code.js" });
  const diagnoseShop = context.diagnoseShop as () => { ok: boolean; error?: { message: string } };
  const once = (): Run => {
    google.counter.reset();
    const t0 = performance.now();
    const result = diagnoseShop();
    const ms = performance.now() - t0;
    if (!result.ok) throw new Error(`diagnoseShop failed at ${n} rows: ${result.error?.message}`);
    return { calls: google.counter.total(), byMethod: google.counter.snapshot(), ms };
  };
  const first = once();
  const rerun = once();
  return { first, rerun };
}

export default function gasBench(): void {
  const source = readFileSync(new URL("../build/Code.js", import.meta.url), "utf8");
  const small = measure(1_000, source);
  const large = measure(100_000, source);
  const same = (a: Run, b: Run) => JSON.stringify(a.byMethod) === JSON.stringify(b.byMethod);
  row("Spreadsheet calls, first run, 1k product rows", String(small.first.calls));
  row("Spreadsheet calls, first run, 100k product rows", String(large.first.calls), same(small.first, large.first) ? "equal ✔ (target: equal)" : "DIFFERENT ✖");
  row("Spreadsheet calls, re-run, 1k product rows", String(small.rerun.calls));
  row("Spreadsheet calls, re-run, 100k product rows", String(large.rerun.calls), same(small.rerun, large.rerun) ? "equal ✔ (target: equal)" : "DIFFERENT ✖");
  row("  of which writes to the report (set*/merge*)", String(Object.entries(large.rerun.byMethod).filter(([k]) => /^Range\.(set|merge)/.test(k)).reduce((a, [, v]) => a + v, 0)));
  row("diagnoseShop time, re-run, 1k rows (ms)", small.rerun.ms.toFixed(1));
  row("diagnoseShop time, re-run, 100k rows (ms)", large.rerun.ms.toFixed(1), `×${(large.rerun.ms / small.rerun.ms).toFixed(1)} for ×100 rows`);
  // The adapter's own share: one getValues per sheet plus date conversion, outside the engine.
  const google = createFakeGoogle({ sheets: sampleShopWithProducts(100_000) });
  const undo = installGlobals(google);
  const t0 = performance.now();
  const sheets = readDataSheets(google.globals.SpreadsheetApp.getActive() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, new Set());
  const readMs = performance.now() - t0;
  undo();
  row("  reading the data sheets at 100k rows (ms)", readMs.toFixed(1), `${sheets.reduce((n, s) => n + s.values.length, 0)} rows`);
  if (!same(small.first, large.first) || !same(small.rerun, large.rerun)) {
    console.log("call counts differ:", JSON.stringify({ small: small.rerun.byMethod, large: large.rerun.byMethod }));
  }
}
