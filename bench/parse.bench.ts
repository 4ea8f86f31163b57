/**
 * Parsing one hostile cell (issue 10): each number/date/duration parser and header match on
 * a 5-character cell beside the slowest of several 50,000-character adversarial cells (long
 * digit runs, digit-separator runs, spaces, a tail that fails late). Targets: a 50k cell is
 * decided in < 5 ms by every parser (the bound), and costs at most 10,000× a
 * 5-character cell: the text is 10,000× longer, so anything above means worse than linear
 * (the old patterns ran ≈ 6 s, over 10^6×). Only the native trim may pass over such a cell;
 * in practice the ratio is far lower, as text past 64 characters is refused after it.
 */
import { performance } from "node:perf_hooks";
import { parseNumberText, readDate, readSeconds } from "../src/engine/cells";
import { matchHeader } from "../src/engine/recognize/headers";
import { cellStyle } from "../src/engine/recognize/numbers";
import { findFunction } from "../src/functions/registry";
import { row, verdict } from "./util";

const LONG = 50_000;
const fill = (unit: string, tail: string) =>
  unit.repeat(Math.ceil(LONG / unit.length)).slice(0, LONG - tail.length) + tail;

/** The shapes that made the old patterns polynomial, each 50,000 characters. */
const HOSTILE = [
  fill("9", "x"),
  fill("1,", "x"),
  fill("1.", "x"),
  fill("1 ", "x"),
  fill("1:", "x"),
  fill(" ", "9"),
  `1${fill(" ", "x")}`,
  fill("１", "x"),
  fill("2026-11-22 ~ ", "x"),
  fill("\u200b", "9"),
];

/** Median time per call in ms of `fn(text)`, calls repeated so one timing spans ≥ ~2 ms. */
function perCallMs(fn: (text: string) => unknown, text: string): number {
  fn(text);
  let repeat = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < repeat; i++) fn(text);
    if (performance.now() - t0 >= 2 || repeat >= 1 << 16) break;
    repeat *= 4;
  }
  const times: number[] = [];
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    for (let i = 0; i < repeat; i++) fn(text);
    times.push((performance.now() - t0) / repeat);
  }
  times.sort((a, b) => a - b);
  return times[3];
}

const payConversion = findFunction("PAY_CONVERSION")!.impl;

const PARSERS: [name: string, short: string, fn: (text: string) => unknown][] = [
  ["parseNumberText", "1,234", (t) => parseNumberText(t)],
  ["parseNumberText (decimal comma)", "1.234", (t) => parseNumberText(t, ",")],
  ["readDate", "26-11", (t) => readDate(t)],
  ["readSeconds", "1:23", (t) => readSeconds(t)],
  ["cellStyle", "1,234", (t) => cellStyle(t, false)],
  ["matchHeader", "访客数", (t) => matchHeader(t)],
  [
    "PAY_CONVERSION(cell, 1)",
    "0.5",
    (t) => {
      try {
        return payConversion(t, 1);
      } catch (error) {
        return error;
      }
    },
  ],
];

export default function run(): void {
  for (const [name, short, fn] of PARSERS) {
    const small = perCallMs(fn, short);
    let worst = 0;
    for (const text of HOSTILE) worst = Math.max(worst, perCallMs(fn, text));
    row(`${name}: 5-character cell ("${short}")`, `${(small * 1000).toFixed(2)} µs`);
    row(`${name}: slowest 50,000-character cell`, `${worst.toFixed(3)} ms`, `target < 5 ms  ${verdict(worst < 5)}`);
    const ratio = worst / small;
    row(`${name}: ratio 50k ÷ 5-character`, `${ratio.toFixed(0)}×`, `target ≤ 10,000×  ${verdict(ratio <= 10_000)}`);
  }
}
