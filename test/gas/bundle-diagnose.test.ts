/**
 * diagnoseShop as Apps Script runs it: the real build/Code.js in a bare V8 realm (no Node
 * globals) over the in-memory spreadsheet, with the real engine and the sample shop.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiResult, DiagnoseSummary, SettingsView } from "../../src/gas/api";
import { createFakeGoogle, snapshotSheet, type FakeGoogle } from "../../src/local/fake";
import type { SheetInput } from "../../src/engine";
import { loadBundle, readBundle } from "../support/load-bundle";
import { sampleSettings, sampleShop, sampleShopWithProducts } from "./shop-data";

let source = "";
beforeAll(() => {
  source = readBundle();
});

interface World {
  google: FakeGoogle;
  diagnoseShop(): ApiResult<DiagnoseSummary>;
  saveSettings(input: Record<string, unknown>): ApiResult<SettingsView>;
  openReport(): ApiResult<{ sheet: string }>;
}

function world(sheets: SheetInput[], options: { locale?: string } = {}): World {
  const google = createFakeGoogle({ sheets, locale: options.locale });
  const context = loadBundle({ ...google.globals }, source);
  const fn = <T>(name: string) => context[name] as T;
  return {
    google,
    diagnoseShop: fn("diagnoseShop"),
    saveSettings: fn("saveSettings"),
    openReport: fn("openReport"),
  };
}

function json(google: FakeGoogle, name: string): string {
  const sheet = google.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return JSON.stringify(snapshotSheet(sheet));
}

const DATA_SHEETS = ["商品效果", "店铺日报", "成本", "推广计划", "流量来源"];

describe("diagnoseShop from build/Code.js", () => {
  it("diagnoses the sample shop into a coloured report and a plain-data summary", () => {
    const w = world(sampleShop());
    expect(w.saveSettings(sampleSettings()).ok).toBe(true);
    const result = w.diagnoseShop();
    if (!result.ok) throw new Error(result.error.message);
    expect(JSON.parse(JSON.stringify(result.value))).toEqual(result.value);
    expect(result.value.reportSheet).toBe("店铺体检");
    expect(result.value.dataSheets.sort()).toEqual([...DATA_SHEETS].sort());
    expect(result.value.actions.length).toBeGreaterThan(0);
    expect(w.google.spreadsheet.getSheets()[0].getName()).toBe("店铺体检");
    const report = w.google.spreadsheet.getSheetByName("店铺体检")!;
    const values = report.getDataRange().getValues();
    const backgrounds = report.getDataRange().getBackgrounds();
    // Every coloured status cell also says its status in words (never colour alone).
    const statusCells = values
      .flatMap((row, r) => row.map((v, c) => ({ v, bg: backgrounds[r][c] })))
      .filter((x) => /^[✔▲✖ℹ] [^\s　]+$/.test(String(x.v)));
    expect(statusCells.length).toBeGreaterThan(5);
    expect(new Set(statusCells.map((x) => x.bg)).size).toBeGreaterThanOrEqual(3);
    expect(statusCells.every((x) => x.bg !== "#ffffff")).toBe(true);
    expect(report.getFrozenRows()).toBeGreaterThan(0);
    expect(snapshotSheet(report).protections[0]).toMatchObject({ warningOnly: true });
    expect(w.google.locks._documentLocked()).toBe(false);
  });

  it("draws the profit block as a stacked column chart whose hidden base floats each deduction (issue 14)", () => {
    const w = world(sampleShop());
    expect(w.saveSettings(sampleSettings()).ok).toBe(true);
    expect(w.diagnoseShop().ok).toBe(true);
    const snap = snapshotSheet(w.google.spreadsheet.getSheetByName("店铺体检")!);
    const chart = snap.charts.find((c) => c.title === "利润：从销售额到净利润")!;
    expect(chart).toMatchObject({ type: "COLUMN", stacked: true });
    // The base (series 0) is painted the chart's white, out of the legend; green for sales and net, red for costs.
    expect(chart.series).toEqual({
      0: { color: "#ffffff", visibleInLegend: false },
      1: { color: "#34a853" },
      2: { color: "#34a853" },
      3: { color: "#ea4335" },
      4: { color: "#ea4335" },
    });
    const [labels, parts] = chart.ranges;
    const head = Number(labels.match(/^A(\d+):A(\d+)$/)![1]);
    expect(chart.ranges).toEqual([`A${head}:A${head + 7}`, `C${head}:G${head + 7}`]);
    // Columns A (step), B (signed amount, not charted), C:G (base, green ↑, green ↓, red ↑, red ↓).
    // Running total: 281,734.29 − 50,712.17 = 231,022.12; − 11,551.11 = 219,471.01; − 2,310.22 = 217,160.79;
    // − 150,149.59 = 67,011.20; − 21,206.55 = 45,804.65 = the net profit.
    expect(snap.values.slice(head - 1, head + 7).map((r) => r.slice(0, 7))).toEqual([
      [
        "环节",
        "金额",
        "图表：隐藏底座",
        "图表：销售额或利润",
        "图表：销售额或利润（0 以下）",
        "图表：成本或亏损",
        "图表：成本或亏损（0 以下）",
      ],
      ["销售额", 281734.29, "", 281734.29, "", "", ""],
      ["退款", -50712.17, 231022.12, "", "", 50712.17, ""],
      ["平台佣金", -11551.11, 219471.01, "", "", 11551.11, ""],
      ["支付手续费", -2310.22, 217160.79, "", "", 2310.22, ""],
      ["商品成本", -150149.59, 67011.2, "", "", 150149.59, ""],
      ["推广花费", -21206.55, 45804.65, "", "", 21206.55, ""],
      ["净利润", 45804.65, "", 45804.65, "", "", ""],
    ]);
    expect(parts).toBe(`C${head}:G${head + 7}`);
  });

  it("re-running gives an identical report in the same single sheet, and data sheets stay byte-identical", () => {
    const w = world(sampleShop());
    const before = Object.fromEntries(DATA_SHEETS.map((n) => [n, json(w.google, n)]));
    expect(w.diagnoseShop().ok).toBe(true);
    const first = json(w.google, "店铺体检");
    expect(w.diagnoseShop().ok).toBe(true);
    expect(json(w.google, "店铺体检")).toBe(first);
    expect(
      w.google.spreadsheet
        .getSheets()
        .map((s) => s.getName())
        .filter((n) => n === "店铺体检"),
    ).toHaveLength(1);
    for (const name of DATA_SHEETS) expect(json(w.google, name)).toBe(before[name]);
  });

  it("shows source, plan and product names that look like formulas as text, evaluating nothing", () => {
    const payloads = ['=IMPORTXML("http://x","//a")', "+1+1", "@SUM(A1)", "-1+2"];
    const sheets = sampleShop().map((sheet) => {
      const values = sheet.values.map((row) => [...row]);
      const rename = (column: string, from: number, names: string[]) => {
        const header = values.findIndex((r) => r.includes(column));
        if (header < 0) return;
        const c = values[header].indexOf(column);
        names.forEach((name, i) => {
          if (values[header + from + i]) values[header + from + i][c] = name;
        });
      };
      rename("流量来源", 1, payloads);
      rename("计划名称", 1, payloads);
      rename("商品名称", 1, payloads);
      return { name: sheet.name, values };
    });
    const w = world(sheets);
    expect(w.saveSettings({ heroProduct: payloads[0] }).ok).toBe(true);
    const result = w.diagnoseShop();
    if (!result.ok) throw new Error(result.error.message);
    const report = w.google.spreadsheet.getSheetByName("店铺体检")!;
    const range = report.getDataRange();
    expect(
      range
        .getFormulas()
        .flat()
        .filter((f) => f !== ""),
    ).toEqual([]);
    const text = range.getValues().flat().map(String);
    const shown = payloads.filter((p) => text.some((cell) => cell === p || cell.includes(p)));
    expect(shown.length).toBeGreaterThanOrEqual(2);
    expect(text.filter((cell) => payloads.includes(cell)).length).toBeGreaterThan(0);
    const settings = w.google.spreadsheet.getSheetByName("设置")!;
    expect(
      settings
        .getDataRange()
        .getFormulas()
        .flat()
        .filter((f) => f !== ""),
    ).toEqual([]);
  });

  it("answers busy while the document lock is held elsewhere; nothing is written", () => {
    const w = world(sampleShop());
    const release = w.google.locks._holdDocumentLockAsAnotherUser();
    const result = w.diagnoseShop();
    release();
    expect(result).toEqual({ ok: false, error: { code: "busy", message: expect.stringContaining("有同事正在诊断") } });
    expect(w.google.spreadsheet.getSheets().map((s) => s.getName())).toEqual(DATA_SHEETS);
  });

  it("an invalid setting stops the run before anything is written and names the cell", () => {
    const w = world(sampleShop());
    expect(w.saveSettings({}).ok).toBe(true);
    w.google.spreadsheet.getSheetByName("设置")!.getRange("B4").setValue("7"); // peerDsr
    const before = w.google.spreadsheet.getSheets().map((s) => JSON.stringify(snapshotSheet(s)));
    const result = w.diagnoseShop();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("invalid-settings");
    expect(result.error.message).toContain("设置!B4");
    expect(result.error.fields).toEqual([{ field: "peerDsr", cell: "B4", message: expect.stringContaining("1 到 5") }]);
    expect(w.google.spreadsheet.getSheets().map((s) => JSON.stringify(snapshotSheet(s)))).toEqual(before);
  });

  it("an empty spreadsheet answers no-data with what to paste", () => {
    const w = world([]);
    const result = w.diagnoseShop();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("no-data");
    expect(result.error.message).toMatch(/生意参谋 \/ Shopify \/ Amazon/);
    expect(w.google.spreadsheet.getSheetByName("店铺体检")).toBeNull();
  });

  it("a spreadsheet of unrecognisable tables answers no-data in English for an English spreadsheet", () => {
    const w = world(
      [
        {
          name: "Notes",
          values: [
            ["call supplier", "tuesday"],
            ["fabric", 12],
          ],
        },
      ],
      { locale: "en_US" },
    );
    const result = w.diagnoseShop();
    expect(!result.ok && result.error).toMatchObject({
      code: "no-data",
      message: expect.stringMatching(/headers included/),
    });
    expect(w.google.spreadsheet.getSheetByName("Shop Health")).toBeNull();
  });

  it("openReport activates the report after a run", () => {
    const w = world(sampleShop());
    expect(w.openReport().ok).toBe(false);
    w.diagnoseShop();
    w.google.spreadsheet.setActiveSheet(w.google.spreadsheet.getSheetByName("店铺日报")!);
    expect(w.openReport()).toEqual({ ok: true, value: { sheet: "店铺体检" } });
    expect(w.google.spreadsheet.getActiveSheet().getName()).toBe("店铺体检");
  });

  it("makes the same Spreadsheet calls at 1k and 100k product rows", () => {
    const counts = [1_000, 100_000].map((n) => {
      const w = world(sampleShopWithProducts(n));
      const result = w.diagnoseShop();
      if (!result.ok) throw new Error(result.error.message);
      return w.google.counter.snapshot();
    });
    expect(counts[1]).toEqual(counts[0]);
  }, 120_000); // 100k rows through the real bundle twice: slow on a shared 2-core machine
});
