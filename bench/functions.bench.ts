/**
 * Custom-function costs an operator feels in Sheets: PAY_CONVERSION over 100,000-row ranges vs
 * a bare division loop over the same arrays (the adapter's overhead: coercion, blanks, checks).
 * Target: within 3×. What loading build/Code.js costs each call is in gas-bundle.bench.ts.
 */
import { findFunction } from "../src/functions/registry";
import { cpuMs, median, row } from "./util";

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

  // Interleaved samples of 5 calls each, so load from other processes and the garbage
  // collections both sides trigger (each builds 100,000 row arrays) are spread alike.
  const gc = (globalThis as { gc?: () => void }).gc;
  const bareTimes: number[] = [];
  const ourTimes: number[] = [];
  const CALLS = 5;
  for (let i = 0; i < 3; i++) {
    bareDivision(paid, visitors);
    payConversion(paid, visitors);
  }
  for (let i = 0; i < 11; i++) {
    gc?.();
    bareTimes.push(
      cpuMs(() => {
        for (let k = 0; k < CALLS; k++) bareDivision(paid, visitors);
      }) / CALLS,
    );
    gc?.();
    ourTimes.push(
      cpuMs(() => {
        for (let k = 0; k < CALLS; k++) payConversion(paid, visitors);
      }) / CALLS,
    );
  }
  const bare = median(bareTimes);
  const ours = median(ourTimes);
  const rows = ROWS.toLocaleString("en");
  row(`bare division loop, ${rows} rows (CPU per call)`, `${bare.toFixed(2)} ms`);
  row(`PAY_CONVERSION(range, range), ${rows} rows (CPU)`, `${ours.toFixed(2)} ms`);
  row(
    "ratio PAY_CONVERSION ÷ bare loop",
    `${(ours / bare).toFixed(2)}×`,
    `target ≤ 3×  ${ours / bare <= 3 ? "OK" : "MISSED"}`,
  );
  if (!gc) row("(run with node --expose-gc, as npm run bench does, for steadier figures)", "");

  // Pasted exports often carry numbers as text ("1,234"): every cell then takes the
  // checked path. Baseline: a bare loop that only strips the commas and calls Number().
  const paidText = paid.map((r) => [(r[0] as number).toLocaleString("en")]);
  const visitorsText = visitors.map((r) => [(r[0] as number).toLocaleString("en")]);
  const bareText = (p: unknown[][], v: unknown[][]) => {
    const out: (number | string)[][] = new Array(p.length);
    for (let i = 0; i < p.length; i++) {
      const d = Number((v[i][0] as string).replace(/,/g, ""));
      out[i] = [d === 0 ? "" : Number((p[i][0] as string).replace(/,/g, "")) / d];
    }
    return out;
  };
  const bareTextTimes: number[] = [];
  const ourTextTimes: number[] = [];
  for (let i = 0; i < 7; i++) {
    gc?.();
    bareTextTimes.push(cpuMs(() => bareText(paidText, visitorsText)));
    gc?.();
    ourTextTimes.push(cpuMs(() => payConversion(paidText, visitorsText)));
  }
  const bareT = median(bareTextTimes);
  const oursT = median(ourTextTimes);
  row(`text cells "1,234": bare comma-strip loop (CPU)`, `${bareT.toFixed(2)} ms`);
  row(`text cells "1,234": PAY_CONVERSION (CPU)`, `${oursT.toFixed(2)} ms`);
  row("ratio on text cells (informational)", `${(oursT / bareT).toFixed(2)}×`);
}
