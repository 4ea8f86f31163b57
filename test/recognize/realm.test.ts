/**
 * The recognition code bundled as Apps Script gets it (esbuild IIFE, ES2019) runs in a bare
 * V8 realm with no Node globals, and reads Dates created in that realm (as getValues returns them).
 */
import { buildSync } from "esbuild";
import { join } from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import type { RecognizedTable } from "../../src/engine";

function engineInBareRealm(): vm.Context {
  const out = buildSync({
    entryPoints: [join(__dirname, "..", "..", "src", "engine", "index.ts")],
    bundle: true,
    format: "iife",
    globalName: "Engine",
    target: "es2019",
    write: false,
    logLevel: "silent",
  });
  const context = vm.createContext({});
  vm.runInContext(out.outputFiles[0].text, context);
  return context;
}

describe("recognition in a bare realm", () => {
  it("recognises a sheet whose Dates and arrays belong to that realm", () => {
    const context = engineInBareRealm();
    const json = vm.runInContext(
      `JSON.stringify(Engine.recognizeTables([{ name: "店铺", values: [
        ["统计日期", "访客数", "支付转化率", "平均停留时长"],
        [new Date(2026, 10, 22), 1000, 0.025, new Date(1899, 11, 30, 0, 1, 5)],
        ["合计", 1000, "", ""],
      ] }]))`,
      context,
    ) as string;
    const [table] = JSON.parse(json) as RecognizedTable[];
    expect(table.kind).toBe("shop-daily");
    expect(table.rows).toEqual([{ date: "2026-11-22", visitors: 1000, payConversion: 0.025, avgStaySeconds: 65 }]);
    expect(table.totals).toHaveLength(1);
  });

  it("needs no Node globals", () => {
    const context = engineInBareRealm();
    expect(vm.runInContext("typeof require + typeof process + typeof Buffer", context)).toBe(
      "undefinedundefinedundefined",
    );
    expect(vm.runInContext(`Engine.recognizeTables([{ name: "x", values: [] }])[0].kind`, context)).toBe("unknown");
  });
});
