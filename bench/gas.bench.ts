/**
 * A full diagnoseShop, as Apps Script runs it (build/Code.js in a bare realm over the in-memory
 * spreadsheet), on the sample shop grown to 1k and 100k product rows: the number of Spreadsheet
 * calls (must be equal) and time, first run and re-run. Then the re-run at 100k rows against
 * what it cannot avoid, measured in the same run: reading the data sheets (one getValues each)
 * plus the engine (diagnoseTables + layoutReport, bundled like Code.js, in a bare realm) on
 * exactly the sheets diagnoseShop reads. Target: re-run ≤ 1.5 × (engine + reading); the rest
 * is the adapter's own cost (settings sheet, report writer, the fake's bookkeeping).
 */
import { buildSync } from "esbuild";
import { readFileSync } from "node:fs";
import vm from "node:vm";
import type { ReportGrid, SheetInput } from "../src/engine";
import { createFakeGoogle, installGlobals, type FakeGoogle } from "../src/local/fake";
import { readDataSheets } from "../src/gas/read";
import { sampleShopWithProducts } from "../test/gas/shop-data";
import { cpuMs, median, row, verdict } from "./util";

interface Run {
  calls: number;
  byMethod: Record<string, number>;
  ms: number;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** build/Code.js loaded into a bare realm over a fresh fake spreadsheet holding the sample shop with `n` product rows. */
function loadShop(n: number, source: string): { google: FakeGoogle; once: () => Run } {
  const google = createFakeGoogle({ sheets: sampleShopWithProducts(n) });
  const context = vm.createContext({ ...google.globals }) as Record<string, unknown>;
  vm.runInContext(source, context, { filename: "Code.js" });
  const diagnoseShop = context.diagnoseShop as () => { ok: boolean; error?: { message: string } };
  const once = (): Run => {
    google.counter.reset();
    let result: { ok: boolean; error?: { message: string } } = { ok: false };
    gc();
    const ms = cpuMs(() => (result = diagnoseShop()));
    if (!result.ok) throw new Error(`diagnoseShop failed at ${n} rows: ${result.error?.message}`);
    return { calls: google.counter.total(), byMethod: google.counter.snapshot(), ms };
  };
  return { google, once };
}

type Engine = {
  diagnoseTables: (s: SheetInput[], settings: object) => unknown;
  layoutReport: (r: unknown) => ReportGrid;
};

/** The engine bundled the way build/Code.js bundles it (one ES2019 IIFE), in a bare realm of its own. */
function shippedEngine(): Engine {
  const out = buildSync({
    entryPoints: [new URL("../src/engine/index.ts", import.meta.url).pathname],
    bundle: true,
    format: "iife",
    globalName: "Engine",
    target: "es2019",
    platform: "neutral",
    write: false,
    logLevel: "silent",
  });
  return vm.runInContext(`${out.outputFiles[0].text}; Engine`, vm.createContext({})) as Engine;
}

/** The data sheets as diagnoseShop reads them (the same adapter code, outside the bundle). */
function readSheets(google: FakeGoogle, skip: Set<string>): SheetInput[] {
  const undo = installGlobals(google);
  try {
    return readDataSheets(
      google.globals.SpreadsheetApp.getActive() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
      skip,
    );
  } finally {
    undo();
  }
}

export default function gasBench(): void {
  const source = readFileSync(new URL("../build/Code.js", import.meta.url), "utf8");
  const small = loadShop(1_000, source);
  const smallFirst = small.once();
  const smallRerun = small.once();
  const large = loadShop(100_000, source);
  const largeFirst = large.once();
  const same = (a: Run, b: Run) => JSON.stringify(a.byMethod) === JSON.stringify(b.byMethod);
  row("Spreadsheet calls, first run, 1k product rows", String(smallFirst.calls));
  row(
    "Spreadsheet calls, first run, 100k product rows",
    String(largeFirst.calls),
    same(smallFirst, largeFirst) ? "equal ✔ (target: equal): met" : "DIFFERENT ✖ (target: equal): MISSED",
  );

  // Re-runs, interleaved with their parts so load from other processes is spread alike.
  const engine = shippedEngine();
  const skip = new Set(
    large.google.spreadsheet
      .getSheets()
      .map((s) => s.getName())
      .filter((name) => !sampleShopWithProducts(1).some((s) => s.name === name)),
  );
  const settings = { language: "zh-CN" };
  const reruns: Run[] = [];
  const reads: number[] = [];
  const engines: number[] = [];
  for (let i = 0; i < 3; i++) {
    reruns.push(large.once());
    gc();
    let sheets: SheetInput[] = [];
    reads.push(cpuMs(() => (sheets = readSheets(large.google, skip))));
    gc();
    engines.push(cpuMs(() => engine.layoutReport(engine.diagnoseTables(sheets, settings))));
  }
  const largeRerun = reruns[reruns.length - 1];
  row("Spreadsheet calls, re-run, 1k product rows", String(smallRerun.calls));
  row(
    "Spreadsheet calls, re-run, 100k product rows",
    String(largeRerun.calls),
    same(smallRerun, largeRerun) ? "equal ✔ (target: equal): met" : "DIFFERENT ✖ (target: equal): MISSED",
  );
  row(
    "  of which writes to the report (set*/merge*)",
    String(
      Object.entries(largeRerun.byMethod)
        .filter(([k]) => /^Range\.(set|merge)/.test(k))
        .reduce((a, [, v]) => a + v, 0),
    ),
  );
  const rerun = median(reruns.map((r) => r.ms));
  const read = median(reads);
  const engineMs = median(engines);
  row("diagnoseShop CPU, re-run, 1k rows (ms)", smallRerun.ms.toFixed(1));
  row(
    "diagnoseShop CPU, re-run, 100k rows (ms, median of 3)",
    rerun.toFixed(1),
    `×${(rerun / smallRerun.ms).toFixed(1)} for ×100 rows`,
  );
  row("  reading the data sheets at 100k rows (ms)", read.toFixed(1));
  row("  engine on those sheets: diagnoseTables + layoutReport (ms)", engineMs.toFixed(1));
  const ratio = rerun / (engineMs + read);
  row("re-run ÷ (engine + reading)", `${ratio.toFixed(2)}×`, `target ≤ 1.5×: ${verdict(ratio <= 1.5)}`);
  if (!same(smallFirst, largeFirst) || !same(smallRerun, largeRerun)) {
    console.log("call counts differ:", JSON.stringify({ small: smallRerun.byMethod, large: largeRerun.byMethod }));
  }
}
