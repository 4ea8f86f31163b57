/** Shared set-up for the spreadsheet-side tests: a fake Google with a shop's sheets, globals installed. */
import { afterEach } from "vitest";
import {
  createFakeGoogle,
  installGlobals,
  snapshotSheet,
  type FakeGoogle,
  type FakeGoogleOptions,
} from "../../src/local/fake";
import { useDiagnosisEngine } from "../../src/gas/engine-port";
import { standInEngine } from "./stand-in-engine";

const undo: (() => void)[] = [];
afterEach(() => {
  while (undo.length) undo.pop()?.();
  useDiagnosisEngine(null);
});

/** A products export with `n` rows; `names` replace the first product names. */
export function productRows(n: number, names: string[] = []): (string | number)[][] {
  const rows: (string | number)[][] = [["商品名称", "访客数", "支付金额"]];
  for (let i = 0; i < n; i++) rows.push([names[i] ?? `商品 ${i + 1}`, 20 + (i % 90), i % 3 === 0 ? 0 : 99.5]);
  return rows;
}

/** A fake spreadsheet whose code under test sees it through installed globals and the stand-in engine. */
export function shop(options: FakeGoogleOptions = {}): FakeGoogle & { engine: ReturnType<typeof standInEngine> } {
  const google = createFakeGoogle(options);
  undo.push(installGlobals(google));
  const engine = standInEngine();
  useDiagnosisEngine(engine);
  return Object.assign(google, { engine });
}

/** Every sheet as JSON text, by name: for "nothing changed" comparisons. */
export function sheetsJson(google: FakeGoogle): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sheet of google.spreadsheet._sheets) out[sheet._name] = JSON.stringify(snapshotSheet(sheet));
  return out;
}

export function sheetNames(google: FakeGoogle): string[] {
  return google.spreadsheet._sheets.map((s) => s._name);
}
