/**
 * The History sheet and the "since the last diagnosis" block through the real build/Code.js
 * over the in-memory spreadsheet: one row per data period, re-runs replace it, the deltas are
 * the hand-worked figures, and the report draws the score over time.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Cell, SheetInput } from "../../src/engine";
import type { ApiResult, DiagnoseSummary, SettingsView } from "../../src/gas/api";
import { createFakeGoogle, snapshotSheet, type FakeGoogle } from "../../src/local/fake";
import { loadBundle, readBundle } from "../support/load-bundle";
import { sampleSettings, sampleShop } from "./shop-data";

let source = "";
beforeAll(() => {
  source = readBundle();
});

function world(sheets: SheetInput[], locale = "zh_CN") {
  const google = createFakeGoogle({ sheets, locale });
  const context = loadBundle({ ...google.globals }, source);
  return {
    google,
    diagnoseShop: context.diagnoseShop as () => ApiResult<DiagnoseSummary>,
    saveSettings: context.saveSettings as (input: Record<string, unknown>) => ApiResult<SettingsView>,
  };
}

/** 生意参谋's shop-daily header (its first columns and bounce rate, as PEERS.md lists them). */
const HEADER = ["统计日期", "访客数", "浏览量", "支付金额", "支付买家数", "支付转化率", "客单价", "跳失率"];
function day(date: string, visitors: number, buyers: number, sales: number): Cell[] {
  return [date, visitors, visitors * 3, sales, buyers, buyers / visitors, sales / buyers, 0.5];
}
/** 2026-10-01 … 07: every day 1,000 visitors, 20 buyers, ¥2,000. */
const WEEK = ["01", "02", "03", "04", "05", "06", "07"].map((d) => day(`2026-10-${d}`, 1000, 20, 2000));
/** The next morning's export adds 10-08: 1,000 visitors, 30 buyers, ¥4,500. */
const EIGHTH = day("2026-10-08", 1000, 30, 4500);

function diagnosed(w: ReturnType<typeof world>): DiagnoseSummary {
  const result = w.diagnoseShop();
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function sheet(google: FakeGoogle, name: string) {
  const found = google.spreadsheet.getSheetByName(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The report row whose first cell is `label`, after the row whose first cell is `after`. */
function rowAfter(values: unknown[][], after: string, label: string): unknown[] {
  const start = values.findIndex((r) => r[0] === after);
  const row = values.slice(start).find((r) => r[0] === label);
  if (start < 0 || !row) throw new Error(`no row ${label} after ${after}`);
  return row;
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/;

describe("the History sheet", () => {
  it("records each data period once and the report says what changed since the last one", () => {
    const w = world([{ name: "店铺日报", values: [HEADER, ...WEEK] }]);
    expect(w.saveSettings({ peerPayConversion: 0.021, monthlyTarget: 60000 }).ok).toBe(true);
    const first = diagnosed(w);
    const firstReport = sheet(w.google, "店铺体检").getDataRange().getValues();
    expect(
      rowAfter(
        firstReport,
        "自上次诊断以来",
        "这是记录下来的第一次诊断。下次诊断时，这里会列出健康分、核心指标和问题的变化。",
      ),
    ).toBeTruthy();
    sheet(w.google, "店铺日报").getRange(9, 1, 1, 8).setValues([EIGHTH]);
    const second = diagnosed(w);

    // Score, run 1 (docs/SCORING.md): sales ✔✔ = 1, traffic ▲✔ = 1 ÷ (1 + 0.5) = 2/3, conversion ✖ = 0
    // (2.00% < 2.10%), data ✔ = 1 → (3×1 + 2×2/3 + 3×0 + 0.5×1) ÷ 8.5 = 0.569 → 57. Run 2: conversion
    // 170 ÷ 8,000 = 2.125% ✔ → (3 + 4/3 + 3 + 0.5) ÷ 8.5 = 0.922 → 92.
    expect([first.score, second.score]).toEqual([57, 92]);

    const history = sheet(w.google, "体检记录");
    const rows = snapshotSheet(history).values;
    expect(rows).toHaveLength(3);
    expect(rows[0].slice(0, 4)).toEqual(["诊断时间", "数据起始日", "数据截止日", "健康分"]);
    const col = (name: string) => rows[0].indexOf(name);
    expect(String(rows[1][0])).toMatch(ISO);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[3]])).toEqual([
      ["2026-10-01", "2026-10-07", 57],
      ["2026-10-01", "2026-10-08", 92],
    ]);
    // Run 1: 7 × ¥2,000 = ¥14,000; 7,000 visitors; 140 ÷ 7,000 = 2%; ¥14,000 ÷ 140 = ¥100.
    // Run 2: ¥18,500; 8,000; 170 ÷ 8,000 = 2.125%; ¥18,500 ÷ 170 = ¥108.8235…
    const core = ["销售额", "访客数", "支付转化率", "客单价", "✖ 严重", "▲ 注意"].map(col);
    expect(core.map((c) => rows[1][c])).toEqual([14000, 7000, 0.02, 100, 1, 1]);
    expect(core.map((c) => rows[2][c]).slice(0, 3)).toEqual([18500, 8000, 0.02125]);
    expect(rows[2][core[3]]).toBeCloseTo(108.8235294, 6);
    expect(rows[1][col("转化得分")]).toBe(0);
    expect(rows[2][col("转化得分")]).toBe(100);
    expect(rows[1][col("商品得分")]).toBe("");
    // No Costs tab: the net profit cell is blank (never 0), and the since-last block leaves net profit out.
    expect(col("净利润")).toBe(col("客单价") + 1);
    expect([rows[1][col("净利润")], rows[2][col("净利润")]]).toEqual(["", ""]);
    expect(String(rows[1][col("首要行动")])).toContain("把支付转化率提到 2.10%");
    // Values with number formats; text columns are plain text.
    const formats = snapshotSheet(history).numberFormats;
    expect([formats.A2, formats.D2, formats.O2, formats.P2, formats.Q2]).toEqual([
      "@",
      "0",
      '"¥"#,##0.00',
      "#,##0",
      "0.00%",
    ]);
    expect(history.getDeveloperMetadata().map((m) => m.getKey())).toContain("shop-doctor.history");
    expect(history.getFrozenRows()).toBe(1);

    const report = sheet(w.google, "店铺体检").getDataRange().getValues();
    const since = "自上次诊断以来";
    expect(
      String(rowAfter(report, since, "对比的是 " + rows[1][0] + " 的诊断（数据 2026-10-01 ~ 2026-10-07）")[0]),
    ).toBe(`对比的是 ${rows[1][0]} 的诊断（数据 2026-10-01 ~ 2026-10-07）`);
    // Before, now, change, change %: score 57 → 92 is +35, 35 ÷ 57 = +61.4%;
    // sales +¥4,500 (4,500 ÷ 14,000 = +32.14%); visitors +1,000 (+14.29%);
    // conversion +0.125 points (0.125 ÷ 2 = +6.25%); order value +¥8.8235 (8.8235 ÷ 100 = +8.82%).
    const cells = (label: string) => rowAfter(report, since, label).slice(2, 6) as number[];
    expect(cells("健康分")).toEqual([57, 92, 35, 35 / 57]);
    expect(cells("销售额")).toEqual([14000, 18500, 4500, 4500 / 14000]);
    expect(cells("访客数")).toEqual([7000, 8000, 1000, 1000 / 7000]);
    const conversion = cells("支付转化率");
    expect(conversion.slice(0, 2)).toEqual([0.02, 0.02125]);
    expect(conversion[2]).toBeCloseTo(0.125, 12);
    expect(conversion[3]).toBeCloseTo(0.0625, 12);
    expect(report.some((r) => r[0] === "净利润")).toBe(false);
    const aov = cells("客单价");
    expect(aov[2]).toBeCloseTo(8.8235294, 6);
    expect(aov[3]).toBeCloseTo(0.088235294, 8);
    const display = sheet(w.google, "店铺体检").getDataRange().getDisplayValues();
    const conversionAt = report.findIndex((r, i) => r[0] === "支付转化率" && report[i - 3]?.[0] !== undefined);
    expect(display[conversionAt].slice(2, 6)).toEqual(["2.00%", "2.13%", "+0.13 个百分点", "+6.3%"]);
    // The ✖ on conversion is now ✔: fixed. Nothing new.
    expect(rowAfter(report, since, "已解决 1").slice(2, 3)).toEqual(["全店：支付转化率"]);
    expect(report.some((r) => String(r[0]).startsWith("新出现的问题"))).toBe(false);

    // The score over time: a line chart over the report's own two cells per run.
    const charts = snapshotSheet(sheet(w.google, "店铺体检")).charts;
    const line = charts.find((c) => c.type === "LINE");
    expect(line?.title).toBe("健康分走势");
    const at = report.findIndex((r) => r[0] === "健康分走势");
    expect(line?.ranges).toEqual([`A${at + 2}:B${at + 4}`]);
    expect(report.slice(at + 2, at + 4).map((r) => r.slice(0, 2))).toEqual([
      ["2026-10-07", 57],
      ["2026-10-08", 92],
    ]);
    expect(w.google.locks._documentLocked()).toBe(false);
  });

  it("keeps the profit block's net profit in the shop's currency when the sample shop has its 成本 tab", () => {
    const w = world(sampleShop());
    expect(w.saveSettings(sampleSettings()).ok).toBe(true);
    diagnosed(w);
    const history = snapshotSheet(sheet(w.google, "体检记录"));
    const at = history.values[0].indexOf("净利润");
    // The sample's six selling products, units = sales ÷ price (no units column), refunds at 18%,
    // fees 5% + 1% of what is not refunded, the T恤 plan's ¥21,206.55 mapped by the 成本 tab:
    // 281,734.29 − 50,712.17 − 11,551.11 − 2,310.22 − 150,149.59 − 21,206.55 = ¥45,804.65.
    expect(history.values[1][at]).toBe(45804.65);
    const report = sheet(w.google, "店铺体检").getDataRange().getValues();
    expect(rowAfter(report, "利润：从销售额到净利润", "净利润")[1]).toBe(history.values[1][at]);
    const column = String.fromCharCode(65 + at);
    expect(history.numberFormats[`${column}2`]).toBe(history.numberFormats.O2);
    expect(history.numberFormats.O2).toBe('"¥"#,##0.00');
  });

  it("diagnosing the same period again replaces its row, also after a day's figure was corrected", () => {
    const w = world([{ name: "店铺日报", values: [HEADER, ...WEEK] }]);
    diagnosed(w);
    diagnosed(w);
    expect(snapshotSheet(sheet(w.google, "体检记录")).values).toHaveLength(2);
    // 10-07 corrected to 1,000 visitors / 20 buyers / ¥2,700: sales 6 × 2,000 + 2,700 = ¥14,700.
    sheet(w.google, "店铺日报")
      .getRange(8, 1, 1, 8)
      .setValues([day("2026-10-07", 1000, 20, 2700)]);
    diagnosed(w);
    const rows = snapshotSheet(sheet(w.google, "体检记录")).values;
    expect(rows).toHaveLength(2);
    expect(rows[1][rows[0].indexOf("销售额")]).toBe(14700);
    // Still the only period recorded: nothing earlier to compare with.
    const report = sheet(w.google, "店铺体检").getDataRange().getValues();
    expect(report.some((r) => String(r[0]).startsWith("这是记录下来的第一次诊断"))).toBe(true);
    expect(report.some((r) => r[0] === "健康分走势")).toBe(false);
  });

  it("never writes into a teammate's tab that only shares the name, and the report says the run was not recorded", () => {
    const theirs = [
      ["日期", "备注"],
      ["10-01", "我们自己的体检记录"],
    ];
    const w = world([
      { name: "店铺日报", values: [HEADER, ...WEEK] },
      { name: "体检记录", values: theirs },
    ]);
    const before = JSON.stringify(snapshotSheet(sheet(w.google, "体检记录")));
    diagnosed(w);
    expect(JSON.stringify(snapshotSheet(sheet(w.google, "体检记录")))).toBe(before);
    const report = sheet(w.google, "店铺体检").getDataRange().getValues();
    expect(report.map((r) => r[0])).toContain(
      "这次诊断没有记入体检记录：工作表「体检记录」里是别的内容。把它改名或移走后重新诊断，就会开始记录。",
    );
  });

  it("speaks the team's language: 體檢記錄 in zh-TW, History in English, and a language change relabels the rows it keeps", () => {
    const tw = world([{ name: "店铺日报", values: [HEADER, ...WEEK] }], "zh_TW");
    diagnosed(tw);
    expect(snapshotSheet(sheet(tw.google, "體檢記錄")).values[0].slice(0, 4)).toEqual([
      "診斷時間",
      "資料起始日",
      "資料截止日",
      "健康分數",
    ]);
    const w = world([{ name: "店铺日报", values: [HEADER, ...WEEK] }]);
    diagnosed(w);
    expect(w.saveSettings({ language: "en" }).ok).toBe(true);
    sheet(w.google, "店铺日报").getRange(9, 1, 1, 8).setValues([EIGHTH]);
    diagnosed(w);
    expect(w.google.spreadsheet.getSheetByName("体检记录")).toBeNull();
    const rows = snapshotSheet(sheet(w.google, "History")).values;
    expect(rows.map((r) => r.slice(1, 3))).toEqual([
      ["Data from", "Data to"],
      ["2026-10-01", "2026-10-07"],
      ["2026-10-01", "2026-10-08"],
    ]);
    const report = sheet(w.google, "Shop Health").getDataRange().getValues();
    expect(report.map((r) => r[0])).toContain("Since the last diagnosis");
    // 7,000 → 8,000 visitors: +1,000, 1,000 ÷ 7,000 = +14.29%.
    expect(rowAfter(report, "Since the last diagnosis", "Visitors").slice(2, 6)).toEqual([7000, 8000, 1000, 1 / 7]);
  });
});
