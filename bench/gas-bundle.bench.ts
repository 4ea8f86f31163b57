/**
 * What build/Code.js costs before any of our code runs. Apps Script evaluates the whole file on
 * every execution, each custom-function call included:
 * - its size (target ≤ 250 KB);
 * - evaluating it in a fresh V8 realm (target ≤ 4× creating an empty realm, measured alike in the
 *   same run), a different source text each time so V8's compilation cache cannot help;
 * - informational: the packed server half it carries, and what the first server call of an
 *   execution pays to unpack and compile it (here with the fake's Utilities, Node's zlib).
 */
import { readFileSync } from "node:fs";
import vm from "node:vm";
import { createFakeGoogle } from "../src/local/fake";
import { cpuMs, median, row, verdict } from "./util";

const SIZE_BUDGET_KB = 250;
const EVAL_BUDGET = 4;
const REALMS = 25;

export default function gasBundleBench(): void {
  const source = readFileSync(new URL("../build/Code.js", import.meta.url), "utf8");
  const sizeKb = Buffer.byteLength(source) / 1024;
  row(
    "build/Code.js size",
    `${sizeKb.toFixed(0)} KB`,
    `target ≤ ${SIZE_BUDGET_KB} KB: ${verdict(sizeKb <= SIZE_BUDGET_KB)}`,
  );
  // The comment that is a function's whole body, in packed text (src/gas/packed-text.ts).
  const packed = /\(\)\{\/\*([A-Za-z0-9!#$%&()\-+,./:;<=>?@[\]^_`{|}~"]+)\*\/\}/.exec(source);
  if (packed) row("  of which the packed server half (gzip, basE91)", `${(packed[1].length / 1024).toFixed(0)} KB`);

  const realms: number[] = [];
  const evals: number[] = [];
  for (let i = 0; i < REALMS; i++) {
    let context!: vm.Context;
    realms.push(cpuMs(() => (context = vm.createContext({}))));
    const text = `${source}\n// run ${i}\n`;
    evals.push(cpuMs(() => new vm.Script(text, { filename: `Code-${i}.js` }).runInContext(context)));
  }
  const realm = median(realms);
  const evaluation = median(evals);
  const ratio = evaluation / realm;
  row("empty vm realm creation (CPU, baseline, not ours)", `${realm.toFixed(2)} ms`);
  row(`evaluate build/Code.js, median CPU of ${REALMS} fresh realms`, `${evaluation.toFixed(2)} ms`);
  row(
    "ratio evaluate ÷ empty realm creation",
    `${ratio.toFixed(2)}×`,
    `target ≤ ${EVAL_BUDGET}×: ${verdict(ratio <= EVAL_BUDGET)}`,
  );

  // The first server call of an execution: unpack + compile + run the server half's top level.
  const firstCalls: number[] = [];
  for (let i = 0; i < 5; i++) {
    const google = createFakeGoogle();
    const context = vm.createContext({ ...google.globals });
    new vm.Script(`${source}\n// server ${i}\n`).runInContext(context);
    // getSettings reads the (fake) Settings sheet too: a small, fixed amount of work.
    firstCalls.push(cpuMs(() => vm.runInContext("getSettings()", context)));
  }
  row("first server call (getSettings): unpack + compile + run (CPU)", `${median(firstCalls).toFixed(2)} ms`);
}
