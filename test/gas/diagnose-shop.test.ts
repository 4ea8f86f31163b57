import { describe, expect, it } from "vitest";
import { snapshotSheet, zonedMidnight } from "../../src/local/fake";
import {
  createCostsTab,
  createEventsTab,
  diagnoseShop,
  getSettings,
  openReport,
  saveSettings,
} from "../../src/gas/server";
import { recognizeTables } from "../../src/engine";
import { readEvents } from "../../src/engine/rules/events-book";
import { productRows, sheetNames, sheetsJson, shop } from "./support";

function report(google: ReturnType<typeof shop>, name = "店铺体检") {
  const sheet = google.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no report sheet ${name}; sheets: ${sheetNames(google).join(", ")}`);
  return sheet;
}

describe("diagnoseShop", () => {
  it("writes the report sheet first, creates the Settings sheet with defaults, returns plain data", () => {
    const google = shop({ sheets: [{ name: "商品", values: productRows(5) }] });
    const result = diagnoseShop();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(sheetNames(google)).toEqual(["店铺体检", "商品", "设置", "体检记录"]);
    expect(JSON.parse(JSON.stringify(result.value))).toEqual(result.value);
    expect(result.value).toMatchObject({
      score: 71,
      reportSheet: "店铺体检",
      dataSheets: ["商品"],
      counts: { bad: 0, warn: 1, good: 0, info: 0 },
    });
    const sheet = report(google);
    expect(sheet.getRange("A4").getValue()).toBe("商品 1");
    expect(sheet.getRange("B4").getBackground()).toBe("#fdae61");
    expect(sheet.getFrozenRows()).toBe(3);
    expect(sheet.getColumnWidth(5)).toBe(360);
    const snap = snapshotSheet(sheet);
    expect(snap.merges).toEqual(["A1:F1", "C2:F2", "E4:F4"]);
    expect(snap.protections).toEqual([
      { type: "SHEET", range: null, description: expect.stringContaining("店铺医生"), warningOnly: true },
    ]);
    expect(snap.charts).toEqual([{ type: "BAR", ranges: ["A5:B6"], title: "漏斗" }]);
    expect(google.locks._documentLocked()).toBe(false);
    expect(google.globals.SpreadsheetApp._flushes).toBeGreaterThan(0);
  });

  it("hands the engine every data sheet, once each, without the report and settings sheets", () => {
    const google = shop({
      sheets: [
        { name: "商品", values: productRows(3) },
        { name: "notes", values: [["hello"]] },
      ],
    });
    diagnoseShop();
    diagnoseShop();
    expect(google.engine.calls[1].sheets.map((s) => s.name)).toEqual(["商品", "notes"]);
    // The 2 data sheets; from the second run, Settings and the History sheet too.
    expect(google.counter.count("Range.getValues")).toBe(2 + 4);
  });

  it("gives dates to the engine as ISO days in the spreadsheet's time zone", () => {
    const google = shop({
      sheets: [{ name: "商品", values: [...productRows(1), [zonedMidnight(2026, 11, 22, "Asia/Shanghai"), 1, 2]] }],
    });
    diagnoseShop();
    expect(google.engine.calls[0].sheets[0].values[2][0]).toBe("2026-11-22");
  });

  it("re-running rewrites the same report in place: one report sheet, identical content", () => {
    const google = shop({ sheets: [{ name: "商品", values: productRows(250) }] });
    diagnoseShop();
    const first = JSON.stringify(snapshotSheet(report(google)));
    diagnoseShop();
    expect(JSON.stringify(snapshotSheet(report(google)))).toBe(first);
    expect(sheetNames(google).filter((n) => n === "店铺体检")).toHaveLength(1);
    expect(snapshotSheet(report(google)).charts).toHaveLength(1);
  });

  it("a smaller second report leaves nothing of the first behind", () => {
    const google = shop({ sheets: [{ name: "商品", values: productRows(450) }] });
    diagnoseShop();
    google.spreadsheet.deleteSheet(google.spreadsheet.getSheetByName("商品")!);
    google.addSheet("商品", productRows(50));
    diagnoseShop();
    const fresh = shop({ sheets: [{ name: "商品", values: productRows(50) }] });
    diagnoseShop();
    expect(JSON.stringify(snapshotSheet(report(google)))).toBe(JSON.stringify(snapshotSheet(report(fresh))));
  });

  it("never changes a data sheet: values, formats, colours, notes", () => {
    const google = shop({
      sheets: [
        { name: "商品", values: productRows(120) },
        { name: "随便", values: [["=not a formula", "'quoted"]] },
      ],
    });
    const before = sheetsJson(google);
    diagnoseShop();
    diagnoseShop();
    const after = sheetsJson(google);
    expect(after["商品"]).toBe(before["商品"]);
    expect(after["随便"]).toBe(before["随便"]);
  });

  it("writes product names that look like formulas as text", () => {
    const payloads = [
      '=IMPORTXML("http://x","//a")',
      "+1+1",
      "@SUM(A1)",
      "-2+3",
      "=1/0",
      "'already quoted",
      "12.5%",
      "TRUE",
    ];
    const rows = productRows(payloads.length * 100);
    payloads.forEach((p, i) => (rows[1 + i * 100][0] = p));
    const google = shop({ sheets: [{ name: "商品", values: rows }] });
    expect(diagnoseShop().ok).toBe(true);
    const sheet = report(google);
    const range = sheet.getRange(4, 1, payloads.length, 1);
    expect(range.getValues().map((r) => r[0])).toEqual(payloads);
    expect(
      sheet
        .getDataRange()
        .getFormulas()
        .flat()
        .filter((f) => f !== ""),
    ).toEqual([]);
  });

  it("answers busy while a teammate's run holds the lock, and writes nothing", () => {
    const google = shop({ sheets: [{ name: "商品", values: productRows(5) }] });
    const release = google.locks._holdDocumentLockAsAnotherUser();
    const before = sheetsJson(google);
    const result = diagnoseShop();
    expect(result).toEqual({ ok: false, error: { code: "busy", message: expect.stringContaining("有同事正在诊断") } });
    expect(sheetsJson(google)).toEqual(before);
    expect(google.engine.calls).toHaveLength(0);
    release();
    expect(diagnoseShop().ok).toBe(true);
  });

  it("answers busy in the Settings sheet's language", () => {
    const google = shop({ sheets: [{ name: "商品", values: productRows(5) }] });
    expect(saveSettings({ language: "en" }).ok).toBe(true);
    const release = google.locks._holdDocumentLockAsAnotherUser();
    const result = diagnoseShop();
    release();
    expect(!result.ok && result.error.message).toMatch(/Someone else is diagnosing/);
  });

  it("stops on an invalid setting, naming the cell, before writing anything", () => {
    const google = shop({ sheets: [{ name: "商品", values: productRows(5) }] });
    expect(saveSettings({}).ok).toBe(true);
    const settings = google.spreadsheet.getSheetByName("设置")!;
    settings.getRange("B2").setValue("很高"); // peerPayConversion
    settings.getRange("B10").setValue("0.8"); // bounceBad below bounceGood (B9 = 60%)
    const before = sheetsJson(google);
    const result = diagnoseShop();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("invalid-settings");
    expect(result.error.message).toContain("设置!B2");
    expect(result.error.fields).toEqual([
      { field: "peerPayConversion", cell: "B2", message: expect.stringContaining("“很高”不是数字") },
    ]);
    expect(sheetsJson(google)).toEqual(before);
    expect(google.engine.calls).toHaveLength(0);
    expect(google.locks._documentLocked()).toBe(false);

    settings.getRange("B2").setValue("3.5%");
    settings.getRange("B10").setValue("50%");
    const second = diagnoseShop();
    expect(!second.ok && second.error.fields).toEqual([
      { field: "bounceBad", cell: "B10", message: "跳失率警戒线要高于良好线" },
    ]);
    expect(sheetNames(google)).not.toContain("店铺体检");
  });

  it("an empty spreadsheet gets no-data telling the user what to paste, and no report", () => {
    const google = shop();
    const result = diagnoseShop();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("no-data");
    expect(result.error.message).toMatch(/生意参谋.*Shopify.*Amazon/);
    expect(result.error.message).toContain("表头");
    // A refusal writes nothing: not even the Settings sheet.
    expect(sheetNames(google)).toEqual(["Sheet1"]);
  });

  it("only unrecognisable tables → no-data, data untouched", () => {
    const google = shop({
      sheets: [
        {
          name: "杂项",
          values: [
            ["a", "b"],
            [1, 2],
          ],
        },
      ],
    });
    const before = sheetsJson(google)["杂项"];
    const result = diagnoseShop();
    expect(!result.ok && result.error.code).toBe("no-data");
    expect(sheetsJson(google)["杂项"]).toBe(before);
    expect(sheetNames(google)).not.toContain("店铺体检");
  });

  it("an engine failure becomes an error result and releases the lock", () => {
    const google = shop({ sheets: [{ name: "商品", values: productRows(5) }] });
    google.engine.diagnoseTables = () => {
      throw new Error("boom");
    };
    const result = diagnoseShop();
    expect(result).toEqual({ ok: false, error: { code: "error", message: expect.stringContaining("boom") } });
    expect(google.locks._documentLocked()).toBe(false);
  });

  it("English spreadsheets get English sheet names; switching language renames, never duplicates", () => {
    const google = shop({ locale: "en_US", sheets: [{ name: "Products", values: productRows(5) }] });
    diagnoseShop();
    expect(sheetNames(google)).toEqual(["Shop Health", "Products", "Settings", "History"]);
    expect(saveSettings({ language: "zh-TW" }).ok).toBe(true);
    diagnoseShop();
    expect(sheetNames(google)).toEqual(["店鋪體檢", "Products", "設定", "體檢記錄"]);
  });

  it("does the same number of Spreadsheet calls at 1k and 100k product rows", () => {
    const counts = [1_000, 100_000].map((n) => {
      const google = shop({
        sheets: [
          { name: "商品", values: productRows(n) },
          { name: "流量", values: [["来源", "访客数"]] },
        ],
      });
      diagnoseShop(); // first run creates the Settings sheet; measure a steady-state run
      google.counter.reset();
      expect(diagnoseShop().ok).toBe(true);
      expect(google.engine.calls[1].sheets[0].values).toHaveLength(n + 1);
      return google.counter.snapshot();
    });
    expect(counts[1]).toEqual(counts[0]);
    console.log("diagnoseShop calls:", JSON.stringify(counts[0]));
    // 81 since issue 10: the consent check, the report's ownership metadata, the record of our chart's
    // id and one getType per data sheet (about ten calls, none growing with rows or sheets' size).
    // 104 since issue 15: finding the History sheet by its metadata, reading it, the run's time, its one row.
    expect(Object.values(counts[0]).reduce((a, b) => a + b, 0)).toBeLessThan(110);
  });
});

describe("settings and report navigation", () => {
  it("getSettings gives defaults before the sheet exists, and does not create it", () => {
    const google = shop();
    const result = getSettings();
    expect(result).toMatchObject({
      ok: true,
      value: { sheet: "设置", settings: { language: "zh-CN", bounceGood: 0.6, peerPayConversion: null } },
    });
    expect(sheetNames(google)).toEqual(["Sheet1"]);
  });

  it("saveSettings writes the sheet; values read back; thresholds typed in the sheet survive a form save", () => {
    const google = shop();
    expect(saveSettings({ peerPayConversion: 0.035, heroProduct: "=HYPERLINK(1)", monthlyTarget: 300000 }).ok).toBe(
      true,
    );
    const sheet = google.spreadsheet.getSheetByName("设置")!;
    expect(sheet.getRange("B2").getDisplayValue()).toBe("3.50%");
    expect(sheet.getRange("B6").getValue()).toBe("=HYPERLINK(1)");
    expect(sheet.getRange("B6").getFormula()).toBe("");
    expect(() => sheet.getRange("B8").setValue("fr")).toThrow(/violates the data validation rules/);
    expect(sheet.getRange("B8").getValue()).toBe("zh-CN");
    sheet.getRange("B13").setValue("1.5"); // aovHeroRatio typed by a teammate
    expect(saveSettings({ peerPayConversion: 0.04 }).ok).toBe(true);
    const read = getSettings();
    expect(read.ok && read.value.settings).toMatchObject({
      peerPayConversion: 0.04,
      aovHeroRatio: 1.5,
      monthlyTarget: 300000,
      heroProduct: "=HYPERLINK(1)",
    });
  });

  it("saveSettings rejects bad input with field, cell and a reason, and writes nothing", () => {
    const google = shop();
    saveSettings({});
    const before = sheetsJson(google);
    const result = saveSettings({ peerPayConversion: 3.5, peerDsr: 9 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("invalid-settings");
    expect(result.error.fields).toEqual([
      { field: "peerPayConversion", cell: "B2", message: "应填 0% 到 100% 之间的百分比，例如 3.5%" },
      { field: "peerDsr", cell: "B4", message: "应填 1 到 5 之间的分数，例如 4.8" },
    ]);
    expect(sheetsJson(google)).toEqual(before);
  });

  it("openReport says to diagnose first, then activates the report", () => {
    const google = shop({ sheets: [{ name: "商品", values: productRows(5) }] });
    expect(openReport()).toEqual({
      ok: false,
      error: { code: "no-data", message: expect.stringContaining("诊断店铺") },
    });
    diagnoseShop();
    google.spreadsheet.setActiveSheet(google.spreadsheet.getSheetByName("商品")!);
    expect(openReport()).toEqual({ ok: true, value: { sheet: "店铺体检" } });
    expect(google.spreadsheet.getActiveSheet().getName()).toBe("店铺体检");
  });
});

describe("sheets that only share our names", () => {
  it("a teammate's own tab called 设置 is neither read as settings nor overwritten", () => {
    const google = shop({
      sheets: [
        { name: "商品", values: productRows(5) },
        { name: "设置", values: productRows(3) },
      ],
    });
    const before = sheetsJson(google);
    for (const result of [diagnoseShop(), saveSettings({ language: "en" }), getSettings()]) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe("error");
      expect(result.error.message).toContain("「设置」");
      expect(result.error.message).toContain("改个名字");
    }
    expect(sheetsJson(google)).toEqual(before);
    expect(sheetNames(google)).toEqual(["商品", "设置"]);
    expect(google.locks._documentLocked()).toBe(false);
  });

  it("a teammate's own tab called 店铺体检 is not overwritten by the report", () => {
    const google = shop({
      sheets: [
        { name: "商品", values: productRows(5) },
        { name: "店铺体检", values: [["我的体检笔记"], ["周一复盘"]] },
      ],
    });
    const notes = sheetsJson(google)["店铺体检"];
    const result = diagnoseShop();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain("「店铺体检」");
    expect(sheetsJson(google)["店铺体检"]).toBe(notes);
  });

  it("an empty tab with our name is simply used", () => {
    const google = shop({
      sheets: [
        { name: "商品", values: productRows(5) },
        { name: "店铺体检", values: [] },
      ],
    });
    expect(diagnoseShop().ok).toBe(true);
    expect(sheetNames(google).filter((n) => n === "店铺体检")).toHaveLength(1);
    expect(report(google).getRange("A1").getValue()).toBe("店铺体检报告");
  });
});

describe("createCostsTab (issue 14)", () => {
  it("adds an empty 成本 tab whose header is recognised as a Costs tab, with a note explaining the columns", () => {
    const google = shop({ sheets: [{ name: "商品", values: productRows(5) }] });
    expect(createCostsTab()).toEqual({ ok: true, value: { sheet: "成本", created: true } });
    const sheet = google.spreadsheet.getSheetByName("成本")!;
    const values = sheet.getDataRange().getValues();
    expect(values).toHaveLength(1);
    expect(values[0]).toEqual(["商品ID", "商品名称", "单件成本", "运费", "包装", "库存", "推广计划"]);
    expect(sheet.getRange(1, 1).getNote()).toContain("单件成本");
    // With one product row typed in, recognition reads it as costs.
    const [costs] = recognizeTables([{ name: "成本", values: [values[0], ["1", "T恤", 42, 5, 1, 10, "计划A"]] }]);
    expect(costs.kind).toBe("costs");
  });

  it("leaves an existing Costs tab as it is and says so", () => {
    const mine = [
      ["商品ID", "单件成本"],
      ["1", 42],
    ];
    const google = shop({
      sheets: [
        { name: "商品", values: productRows(5) },
        { name: "成本", values: mine },
      ],
    });
    expect(createCostsTab()).toEqual({ ok: true, value: { sheet: "成本", created: false } });
    expect(google.spreadsheet.getSheetByName("成本")!.getDataRange().getValues()).toEqual(mine);
  });

  it("the English and Traditional headers are recognised too", () => {
    for (const [headers, row] of [
      [
        ["Product ID", "Product", "Unit cost", "Shipping cost", "Packaging", "Stock", "Campaign"],
        ["A", "Tee", 4, 1, 0.2, 9, "C1"],
      ],
      [
        ["商品ID", "商品名稱", "單件成本", "運費", "包裝", "庫存", "推廣計劃"],
        ["A", "T恤", 42, 5, 1, 9, "計畫A"],
      ],
    ]) {
      const [t] = recognizeTables([{ name: "Costs", values: [headers, row] }]);
      expect(t.kind).toBe("costs");
      expect(Object.keys(t.columns).sort()).toEqual(
        ["packagingCost", "plan", "product", "productId", "shippingCost", "stock", "unitCost"].sort(),
      );
    }
  });
});

describe("createEventsTab (issue 15)", () => {
  it("adds an empty 活动 tab whose header the Events reader recognises, with a note explaining the columns and kinds", () => {
    const google = shop({ sheets: [{ name: "商品", values: productRows(5) }] });
    expect(createEventsTab()).toEqual({ ok: true, value: { sheet: "活动", created: true } });
    const sheet = google.spreadsheet.getSheetByName("活动")!;
    const values = sheet.getDataRange().getValues();
    expect(values).toEqual([["活动名称", "开始日期", "结束日期", "类型"]]);
    expect(sheet.getFrozenRows()).toBe(1);
    const note = sheet.getRange(1, 1).getNote();
    for (const kind of ["大促", "优惠券", "秒杀", "直播", "调价"]) expect(note).toContain(kind);
    // With one event typed in (a blank end: a one-day event), the Events reader reads it.
    const tables = recognizeTables([{ name: "活动", values: [values[0], ["店铺券", "2026-05-10", "", "优惠券"]] }]);
    expect(tables[0].kind).toBe("events");
    expect(readEvents(tables)?.events).toEqual([
      { name: "店铺券", start: "2026-05-10", end: "2026-05-10", kind: "coupon" },
    ]);
  });

  it("leaves an existing Events tab (in any of its names) as it is and says so", () => {
    const mine = [
      ["活動名稱", "開始日期"],
      ["雙11", "2026-11-11"],
    ];
    const google = shop({
      sheets: [
        { name: "商品", values: productRows(5) },
        { name: "活動", values: mine },
      ],
    });
    const before = sheetsJson(google);
    expect(createEventsTab()).toEqual({ ok: true, value: { sheet: "活動", created: false } });
    expect(sheetsJson(google)).toEqual(before);
    expect(google.spreadsheet.getSheetByName("活动")).toBeNull();
  });

  it("speaks the team's language: Events in English, 活動 in zh-TW, each kind word read as its kind", () => {
    const expected: [string, string, string[], [string, string][]][] = [
      [
        "en",
        "Events",
        ["Event", "Start", "End", "Kind"],
        [
          ["Big promo", "promo"],
          ["Coupon", "coupon"],
          ["Flash sale", "flash"],
          ["Live session", "live"],
          ["Price change", "price"],
          ["Newsletter", "other"],
        ],
      ],
      [
        "zh-TW",
        "活動",
        ["活動名稱", "開始日期", "結束日期", "類型"],
        [
          ["大促", "promo"],
          ["優惠券", "coupon"],
          ["秒殺", "flash"],
          ["直播", "live"],
          ["調價", "price"],
          ["其他", "other"],
        ],
      ],
    ];
    for (const [language, name, headers, kinds] of expected) {
      const google = shop({ sheets: [{ name: "商品", values: productRows(5) }] });
      expect(saveSettings({ language }).ok).toBe(true);
      expect(createEventsTab()).toEqual({ ok: true, value: { sheet: name, created: true } });
      const header = google.spreadsheet.getSheetByName(name)!.getDataRange().getValues()[0];
      expect(header).toEqual(headers);
      const rows = kinds.map(([word], i) => [`E${i}`, `2026-05-${10 + i}`, `2026-05-${11 + i}`, word]);
      const book = readEvents(recognizeTables([{ name, values: [header, ...rows] }]));
      expect(book?.events.map((e) => e.kind)).toEqual(kinds.map(([, kind]) => kind));
    }
  });
});
