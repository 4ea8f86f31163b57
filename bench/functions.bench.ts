/**
 * Custom-function costs an operator feels in Sheets:
 * 1. PAY_CONVERSION over 100,000-row ranges vs a bare division loop over the same arrays
 *    (the adapter's overhead: coercion, blanks, checks). Target: within 3×.
 * 2. Evaluating build/Code.js in a fresh V8 realm: Apps Script does this on every
 *    custom-function call. Target: under 10 ms.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import vm from "node:vm";
import { findFunction } from "../src/functions/registry";
import { medianMs, row } from "./util";

const ROWS = 100_000;

/** Columns shaped like a pasted export: mostly numbers, some blanks and a few zero-visitor days. */
function columns(): { paid: unknown[][]; visitors: unknown[][] } {
  const paid: unknown[][] = new Array(ROWS);
  const visitors: unknown[][] = new Array(ROWS);
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < ROWS; i++) {
    const v = Math.floor(next() * 5000);
    visitors[i] = [v];
    paid[i] = [Math.floor(v * next() * 0.08)];
  }
  return { paid, visitors };
}

/** What a hand-written Apps Script function would do: divide, blank on 0, build the 2D result. */
function bareDivision(paid: unknown[][], visitors: unknown[][]): (number | string)[][] {
  const out: (number | string)[][] = new Array(paid.length);
  for (let i = 0; i < paid.length; i++) {
    const v = visitors[i][0] as number;
    out[i] = [v === 0 ? "" : (paid[i][0] as number) / v];
  }
  return out;
}

export default function run(): void {
  const { paid, visitors } = columns();
  const payConversion = findFunction("PAY_CONVERSION")!.impl;

  const bare = medianMs(() => bareDivision(paid, visitors), 9);
  const ours = medianMs(() => payConversion(paid, visitors), 9);
  row(`bare division loop, ${ROWS.toLocaleString("en")} rows`, `${bare.toFixed(2)} ms`);
  row(`PAY_CONVERSION(range, range), ${ROWS.toLocaleString("en")} rows`, `${ours.toFixed(2)} ms`);
  row("ratio PAY_CONVERSION ÷ bare loop", `${(ours / bare).toFixed(2)}×`, `target ≤ 3×  ${ours / bare <= 3 ? "OK" : "MISSED"}`);

  const here = dirname(fileURLToPath(import.meta.url));
  const source = readFileSync(join(here, "..", "build", "Code.js"), "utf8");
  const sizeKb = Buffer.byteLength(source) / 1024;
  const realms: number[] = [];
  const evals: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    const context = vm.createContext({});
    const t1 = performance.now();
    // A new Script each time: no compiled code is reused, as in a fresh Apps Script execution.
    new vm.Script(source, { filename: `Code-${i}.js` }).runInContext(context);
    const t2 = performance.now();
    realms.push(t1 - t0);
    evals.push(t2 - t1);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const firstEval = evals[0];
  const medianEval = median(evals);
  row("empty vm realm creation (baseline, not ours)", `${median(realms).toFixed(2)} ms`);
  row(`evaluate build/Code.js (${sizeKb.toFixed(0)} KB), first time`, `${firstEval.toFixed(2)} ms`, `target < 10 ms  ${firstEval < 10 ? "OK" : "MISSED"}`);
  row("evaluate build/Code.js, median of 15 fresh realms", `${medianEval.toFixed(2)} ms`, `target < 10 ms  ${medianEval < 10 ? "OK" : "MISSED"}`);
  row("evaluate ÷ empty realm creation", `${(medianEval / median(realms)).toFixed(2)}×`);
}
