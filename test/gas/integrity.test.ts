/**
 * Nothing lost, run as Apps Script runs it: the real build/Code.js in a bare V8 realm over the
 * in-memory spreadsheet, with teammates' sheets, notes, fills, charts, validation and
 * protections compared before and after. Each scenario failed on the code before issue 10.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiResult, DiagnoseSummary, SettingsView } from "../../src/gas/api";
import type { SheetInput } from "../../src/engine";
import { createFakeGoogle, MANIFEST_SCOPES, snapshotSheet, zonedInstant, type FakeGoogle } from "../../src/local/fake";
import { loadBundle, readBundle } from "../support/load-bundle";
import { sampleShop } from "./shop-data";

let source = "";
beforeAll(() => {
  source = readBundle();
});

interface World {
  google: FakeGoogle;
  context: Record<string, unknown>;
  diagnoseShop(): ApiResult<DiagnoseSummary>;
  saveSettings(input: Record<string, unknown>): ApiResult<SettingsView>;
  getSettings(): ApiResult<SettingsView>;
  openReport(): ApiResult<{ sheet: string }>;
  createCostsTab(): ApiResult<{ sheet: string; created: boolean }>;
  createEventsTab(): ApiResult<{ sheet: string; created: boolean }>;
  showSidebar(): void;
}

function world(sheets: SheetInput[] = sampleShop(), locale?: string): World {
  const google = createFakeGoogle({ sheets, locale });
  const context = loadBundle({ ...google.globals }, source);
  const fn = <T>(name: string) => context[name] as T;
  return {
    google,
    context,
    diagnoseShop: fn("diagnoseShop"),
    saveSettings: fn("saveSettings"),
    getSettings: fn("getSettings"),
    openReport: fn("openReport"),
    createCostsTab: fn("createCostsTab"),
    createEventsTab: fn("createEventsTab"),
    showSidebar: fn("showSidebar"),
  };
}

function sheet(w: World, name: string) {
  const found = w.google.spreadsheet.getSheetByName(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Every sheet as JSON, by name. */
function all(w: World): Record<string, string> {
  return Object.fromEntries(w.google.spreadsheet._sheets.map((s) => [s._name, JSON.stringify(snapshotSheet(s))]));
}

const DATA_SHEETS = ["商品效果", "店铺日报", "成本", "推广计划", "流量来源"];

function reportText(w: World, name = "店铺体检"): string {
  return sheet(w, name).getDataRange().getValues().flat().map(String).join("\n");
}

describe("the Settings sheet keeps a teammate's content", () => {
  it("updates our value cells in place; notes, fills, extra and inserted rows survive; our dropdown follows the language row", () => {
    const w = world();
    expect(w.saveSettings({}).ok).toBe(true);
    const settings = sheet(w, "设置");
    // A teammate's note, fill, a row inserted above the language row (row 8) and an extra row at the end.
    settings.getRange("C4").setNote("问过运营：行业平均 4.8");
    settings.getRange("A5").setBackground("#fff2cc");
    settings.insertRowBefore(8);
    settings.getRange("A8:B8").setValues([["备注", "双十一前复查"]]);
    settings.getRange("A22:B22").setValues([["负责人", "小王"]]);
    const dataBefore = Object.fromEntries(DATA_SHEETS.map((n) => [n, all(w)[n]]));

    const first = w.saveSettings({ language: "en", peerDsr: 4.9 });
    expect(first.ok && first.value.sheet).toBe("Settings");
    // The old code cleared the sheet and rewrote it by position: its language dropdown had moved
    // to row 9 with the insert, so this save wrote 0.6 into a list-only cell and failed.
    const second = w.saveSettings({ monthlyTarget: 500000 });
    expect(second.ok).toBe(true);
    const read = w.getSettings();
    expect(read.ok && read.value.settings).toMatchObject({ language: "en", peerDsr: 4.9, monthlyTarget: 500000 });

    const snap = snapshotSheet(sheet(w, "Settings"));
    expect(snap.notes).toEqual({ C4: "问过运营：行业平均 4.8" });
    expect(snap.backgrounds).toEqual({ A5: "#fff2cc" });
    expect(snap.values[7].slice(0, 2)).toEqual(["备注", "双十一前复查"]);
    expect(snap.values[21].slice(0, 2)).toEqual(["负责人", "小王"]);
    // Our rows, found by their key cell: the language moved to row 9, and so did its dropdown.
    expect(snap.values[8]).toEqual(["Language", "en", expect.stringContaining("Report language"), "language"]);
    expect(snap.values[3].slice(0, 2)).toEqual(["Peer DSR score", 4.9]);
    expect(snap.values[0][0]).toBe("Setting");
    // compareTo is the 17th of the 19 settings: row 18, row 19 after the inserted row.
    expect(snap.validations).toEqual({ B9: "zh-CN|zh-TW|en", B19: "previous-period|previous-week|four-weeks" });
    for (const name of DATA_SHEETS) expect(all(w)[name]).toBe(dataBefore[name]);
  });

  it("removes a dropdown an older version left on a number row, and only ours", () => {
    const w = world();
    expect(w.saveSettings({}).ok).toBe(true);
    const settings = sheet(w, "设置");
    const app = w.google.globals.SpreadsheetApp;
    const ours = app.newDataValidation().requireValueInList(["zh-CN", "zh-TW", "en"], true).setAllowInvalid(false);
    settings.getRange("B9").setDataValidation(ours.build()); // where the old writer put it after an insert
    const theirs = app.newDataValidation().requireValueInList(["是", "否"], true).setAllowInvalid(false).build();
    settings.getRange("E2").setDataValidation(theirs); // a teammate's own checkbox-like column
    expect(w.saveSettings({ bounceGood: 0.55 }).ok).toBe(true);
    expect(snapshotSheet(settings).validations).toEqual({
      B8: "zh-CN|zh-TW|en",
      B18: "previous-period|previous-week|four-weeks",
      E2: "是|否",
    });
  });

  it("a save that fails is worded as a failed save, in the team's language", () => {
    for (const [language, name, words] of [
      ["zh-CN", "设置", "设置保存失败"],
      ["zh-TW", "設定", "設定儲存失敗"],
      ["en", "Settings", "Saving the settings failed"],
    ] as const) {
      const w = world();
      expect(w.saveSettings({ language }).ok).toBe(true);
      const settings = sheet(w, name);
      // A teammate allows only their two products as the hero product (a strict rule of their own).
      const rule = w.google.globals.SpreadsheetApp.newDataValidation()
        .requireValueInList(["T恤A", "卫衣B"], true)
        .setAllowInvalid(false)
        .build();
      settings.getRange("B6").setDataValidation(rule);
      const result = w.saveSettings({ heroProduct: "新品C" });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.message).toContain(words);
      expect(result.error.message).toContain(settings.getName());
      expect(result.error.message).not.toMatch(/诊断|診斷|diagnosis/);
      expect(w.google.locks._documentLocked()).toBe(false);
    }
  });
});

describe("the report sheet is only ever ours", () => {
  type Setup = (w: World, tab: ReturnType<typeof sheet>) => void;
  const variants: [string, Setup][] = [
    ["only a note", (_w, tab) => tab.getRange("B3").setNote("周会：对比上月")],
    ["only a fill", (_w, tab) => tab.getRange("A1:D1").setBackground("#d9ead3")],
    [
      "only a chart",
      (_w, tab) =>
        tab.insertChart(tab.newChart().asBarChart().setTitle("我的趋势").addRange(tab.getRange("A1:B5")).build()),
    ],
    [
      "only validation",
      (w, tab) =>
        tab
          .getRange("C2:C20")
          .setDataValidation(
            w.google.globals.SpreadsheetApp.newDataValidation().requireValueInList(["A", "B"]).build(),
          ),
    ],
    ["only a strict protection", (_w, tab) => tab.protect().setDescription("老板的表，勿动")],
  ];

  for (const [what, setup] of variants) {
    it(`a teammate's tab 店铺体检 holding ${what} is left alone, and nothing is written`, () => {
      const w = world();
      const tab = w.google.spreadsheet.insertSheet("店铺体检");
      setup(w, tab);
      const before = all(w);
      const result = w.diagnoseShop();
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain("「店铺体检」");
      expect(all(w)).toEqual(before); // the tab, the data sheets — and no 设置 created
      expect(Object.keys(all(w))).not.toContain("设置");
      if (what.includes("protection")) expect(snapshotSheet(tab).protections[0].warningOnly).toBe(false);
    });
  }

  it("keeps a teammate's chart and strict protection on our report, replaces only our chart, and a failing protection step does not stop the run", () => {
    const w = world();
    expect(w.diagnoseShop().ok).toBe(true);
    const report = sheet(w, "店铺体检");
    const ours = snapshotSheet(report).charts;
    // The funnel and (with the sample's Costs tab) the profit chart.
    expect(ours).toHaveLength(2);
    report.insertChart(report.newChart().asBarChart().setTitle("我的趋势").addRange(report.getRange("A1:B3")).build());
    report.getProtections("SHEET")[0].setDescription("老板加的保护").setWarningOnly(false);
    expect(w.diagnoseShop().ok).toBe(true);
    const after = snapshotSheet(report);
    expect(after.charts.map((c) => c.title).sort()).toEqual([...ours.map((c) => c.title), "我的趋势"].sort());
    expect(after.protections).toEqual([
      { type: "SHEET", range: null, description: "老板加的保护", warningOnly: false },
    ]);

    // Sheets refuses the protection step (say, the user may not change protections): the report still stands.
    const written = reportText(w);
    Object.assign(report, {
      getProtections: () => {
        throw new Error("You do not have permission to change this protection.");
      },
    });
    const third = w.diagnoseShop();
    expect(third.ok).toBe(true);
    expect(reportText(w)).toBe(written);
  });

  it("a refusal writes nothing: no data means no Settings sheet either", () => {
    const w = world([
      {
        name: "杂项",
        values: [
          ["a", "b"],
          [1, 2],
        ],
      },
    ]);
    const result = w.diagnoseShop();
    expect(!result.ok && result.error.code).toBe("no-data");
    expect(w.google.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["杂项"]);
  });
});

describe("partial OAuth grants", () => {
  it("a missing spreadsheet scope gets a clear message from every entry point, and nothing is read or written", () => {
    const w = world();
    const before = all(w);
    w.google.authorization.granted.delete(MANIFEST_SCOPES[0]);
    for (const result of [
      w.diagnoseShop(),
      w.saveSettings({ language: "en" }),
      w.getSettings(),
      w.openReport(),
      w.createCostsTab(),
      w.createEventsTab(),
    ]) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      // Without the spreadsheet scope its locale cannot be read: the message comes in all three languages.
      expect(result.error.message).toContain("两项权限");
      expect(result.error.message).toContain("兩項權限");
      expect(result.error.message).toContain("both permissions");
      expect(result.error.message).not.toContain("Specified permissions");
    }
    expect(all(w)).toEqual(before);
    expect(w.google.counter.count("Range.getValues")).toBe(0);
  });

  it("a missing sidebar scope stops the menu's sidebar with the same clear words", () => {
    const w = world();
    w.google.authorization.granted.delete(MANIFEST_SCOPES[1]);
    expect(() => w.showSidebar()).toThrow(/两项权限/);
    expect(w.google.ui.sidebars).toHaveLength(0);
    const result = w.diagnoseShop();
    expect(!result.ok && result.error.message).toMatch(/^店铺医生需要它申请的两项权限/);
    expect(Object.keys(all(w))).toEqual(DATA_SHEETS);
  });
});

describe("cells and tabs as Sheets hands them over", () => {
  it("skips a chart sheet and a data-source sheet without reading them, and the report names both", () => {
    const w = world();
    w.google.addNonGridSheet("趋势图", "OBJECT");
    w.google.addNonGridSheet("BigQuery 订单", "DATASOURCE");
    const result = w.diagnoseShop();
    if (!result.ok) throw new Error(result.error.message);
    const text = reportText(w);
    expect(text).toContain("只放了一张图表");
    expect(text).toContain("连接外部数据源");
    expect(text).toContain("趋势图");
    expect(text).toContain("BigQuery 订单");
  });

  it("reports #N/A and #REF! in data cells as data issues with their cells, not as blanks", () => {
    const sheets = sampleShop().map((s) => {
      if (s.name !== "店铺日报") return s;
      const values = s.values.map((r) => [...r]);
      values[2][1] = "#N/A"; // B3: 访客数 of 2026-10-02
      values[3][2] = "#REF!"; // C4: 浏览量 of 2026-10-03
      return { name: s.name, values };
    });
    const w = world(sheets);
    const result = w.diagnoseShop();
    if (!result.ok) throw new Error(result.error.message);
    const line = reportText(w)
      .split("\n")
      .find((t) => t.includes("表格错误"));
    expect(line).toBeDefined();
    expect(line).toContain("「店铺日报」有 2 个单元格");
    expect(line).toContain("B3, C4");
  });

  it("AVG_STAY takes a duration cell of 24 h or more as its seconds", () => {
    const w = world();
    const avgStay = w.context.AVG_STAY as (seconds: unknown, visits: unknown) => unknown;
    // 25:00:30 is the Date 1899-12-31 01:00:30 in the spreadsheet's zone: 25 × 3600 + 30 = 90030 s;
    // over 2 visits that is 45015 s per visit.
    const stay = zonedInstant({ year: 1899, month: 12, day: 31, hour: 1, minute: 0, second: 30 }, "Asia/Shanghai");
    expect(avgStay(stay, 2)).toBe(45015);
    // A real day stays an error that says so.
    expect(() =>
      avgStay(zonedInstant({ year: 2026, month: 11, day: 22, hour: 0, minute: 0, second: 0 }, "Asia/Shanghai"), 2),
    ).toThrow(/is a date \(2026-11-22\)/);
  });
});
