/**
 * .xlsx workbooks through the shared readers: written by exceljs with title rows, merged
 * headers, percent, date and duration cells and several sheets, then read back and diagnosed —
 * the same figures as the CSV files of the same data. Plus the refusals: .xls, an HTML page
 * named .xls, a damaged workbook, and a zip bomb.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { constants, deflateRawSync } from "node:zlib";
import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { diagnoseTables, parseSettings, type SheetInput } from "../../src/engine";
import { readExportFile } from "../../src/readers/delimited";
import { detectFormat, ExportReadError, readExportBytes } from "../../src/readers";
import { dateCellText } from "../../src/readers/xlsx";
import { runCli } from "../../src/local/cli/main";
import { xlsxOf } from "../support/xlsx-fixture";

const SAMPLE = join(__dirname, "..", "..", "samples", "sample-shop");
const csvTabs: SheetInput[] = readdirSync(SAMPLE)
  .filter((f) => f.endsWith(".csv"))
  .sort()
  .map((f) => readExportFile(join(SAMPLE, f)))
  .map(({ name, values }) => ({ name, values }));

async function refusal(bytes: Buffer, name: string): Promise<ExportReadError> {
  try {
    await readExportBytes(bytes, name);
  } catch (error) {
    if (error instanceof ExportReadError) return error;
    throw error;
  }
  throw new Error(`${name} was read`);
}

describe("the sample shop as one .xlsx workbook", async () => {
  const bytes = await xlsxOf(csvTabs);
  const read = await readExportBytes(bytes, "样例店铺.xlsx");

  it("reads every sheet as a tab named after it, in tab order", () => {
    expect(read.format).toBe("xlsx");
    expect(read.tabs.map((t) => t.name)).toEqual(csvTabs.map((t) => t.name));
  });

  it("hands dates over as Sheets does (YYYY-MM-DD), percents as fractions, title rows merged", () => {
    const daily = read.tabs.find((t) => t.name === "店铺日报")!;
    // Row 2 of 店铺日报.csv: 2026-10-01,3570,12383,15969.06,91,2.55%,…
    expect(daily.values[1].slice(0, 6)).toEqual(["2026-10-01", 3570, 12383, 15969.06, 91, 0.0255]);
    const products = read.tabs.find((t) => t.name === "商品效果")!;
    const csvProducts = csvTabs.find((t) => t.name === "商品效果")!;
    // The title row: its value in A1 (merged across the table), blanks in the rest of the row.
    expect(products.values[0][0]).toBe("【生意参谋平台】商品_全部_2026-10-01_2026-10-31");
    expect(products.values[0].slice(1).every((c) => c === "")).toBe(true);
    expect(products.values[0]).toHaveLength(csvProducts.values[0].length);
    expect(products.values).toHaveLength(csvProducts.values.length);
  });

  it("diagnoses to the same report as the CSV files of the same data", () => {
    const settings = parseSettings({ peerPayConversion: 0.031 });
    if (!settings.ok) throw new Error("settings");
    const fromCsv = diagnoseTables(csvTabs, settings.settings);
    const fromXlsx = diagnoseTables(read.tabs, settings.settings);
    expect(fromXlsx).toEqual(fromCsv);
    expect(fromXlsx.period).toEqual({ from: "2026-10-01", to: "2026-10-31", days: 31 });
    expect(fromXlsx.tables.map((t) => t.kind).sort()).toEqual([
      "ad-plans",
      "costs",
      "products",
      "shop-daily",
      "traffic-sources",
    ]);
    expect(fromXlsx.score).not.toBeNull();
  });

  it("the CLI diagnoses the workbook file: --json is diagnoseTables of its sheets", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shop-doctor-xlsx-"));
    try {
      const file = join(dir, "样例店铺.xlsx");
      writeFileSync(file, bytes);
      let stdout = "";
      let stderr = "";
      const io = {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
        env: {},
      };
      expect(await runCli(["diagnose", file, "--json"], io)).toBe(0);
      expect(stderr).toBe("");
      const defaults = parseSettings({});
      if (!defaults.ok) throw new Error("settings");
      const expected = diagnoseTables(read.tabs, defaults.settings, { settingsIn: "cli" });
      expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("cells as Sheets hands them over", () => {
  it("durations count from day zero; times and date-times keep their clock", () => {
    // 25:00:30 is 1 day 1 h 0 min 30 s after 1899-12-30 00:00.
    expect(dateCellText(new Date(Date.UTC(1899, 11, 31, 1, 0, 30)))).toBe("25:00:30");
    expect(dateCellText(new Date(Date.UTC(1899, 11, 30, 0, 1, 23)))).toBe("00:01:23");
    expect(dateCellText(new Date(Date.UTC(2026, 9, 1, 9, 30, 0)))).toBe("2026-10-01 09:30:00");
    // Excel's fractions of a day round to the second the cell shows.
    expect(dateCellText(new Date(Date.UTC(2026, 9, 1) - 1))).toBe("2026-10-01");
  });

  it("a merged two-row header: values in the top-left cells, blanks elsewhere; durations, formulas, errors", async () => {
    const bytes = await xlsxOf([], (wb) => {
      const sheet = wb.addWorksheet("客服绩效");
      sheet.getCell("A1").value = "客服昵称";
      sheet.mergeCells("A1:A2");
      sheet.getCell("B1").value = "咨询";
      sheet.mergeCells("B1:C1");
      sheet.getCell("B2").value = "咨询人数";
      sheet.getCell("C2").value = "平均响应时长";
      sheet.getCell("D1").value = "询单转化率";
      sheet.mergeCells("D1:D2");
      sheet.getRow(3).values = ["小王", 120, 25 / 24 + 30 / 86400, 0.125];
      sheet.getCell("C3").numFmt = "[h]:mm:ss";
      sheet.getCell("D3").numFmt = "0.0%";
      sheet.getCell("A4").value = "合计";
      sheet.getCell("B4").value = { formula: "SUM(B3:B3)", result: 120 } as ExcelJS.CellFormulaValue;
      sheet.getCell("D4").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
      wb.addWorksheet("空白");
    });
    const read = await readExportBytes(bytes, "客服.xlsx");
    expect(read.tabs.map((t) => t.name)).toEqual(["客服绩效", "空白"]);
    expect(read.tabs[0].values).toEqual([
      ["客服昵称", "咨询", "", "询单转化率"],
      ["", "咨询人数", "平均响应时长", ""],
      ["小王", 120, "25:00:30", 0.125],
      ["合计", 120, "", "#DIV/0!"],
    ]);
    expect(read.tabs[1].values).toEqual([]);
  });
});

describe("refusals, each naming the file and what to do", () => {
  it(".xls (an OLE compound file) is refused in the asked language with a save-as hint", async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect(detectFormat(ole, "商品.xls")).toBe("xls");
    const error = await refusal(ole, "商品.xls");
    expect(error.kind).toBe("unreadable");
    expect(error.messageIn("zh-CN")).toMatch(/^商品\.xls 是 Excel 97–2003 工作簿.*另存为 \.xlsx 或 CSV/);
    expect(error.messageIn("zh-TW")).toMatch(/活頁簿/);
    expect(error.messageIn("en")).toMatch(/^商品\.xls is an Excel 97–2003 workbook.*save it as \.xlsx or CSV/);
  });

  it("an HTML table saved as .xls, an .ods, and a damaged .xlsx", async () => {
    const html = Buffer.from("<html><table><tr><td>访客数</td></tr></table></html>");
    expect((await refusal(html, "报表.xls")).messageIn("en")).toMatch(/web page with an \.xls name/);
    expect((await refusal(Buffer.from("PK\u0003\u0004"), "表.ods")).messageIn("en")).toMatch(/OpenDocument/);
    const broken = await refusal(Buffer.from("PK\u0003\u0004 not really a zip", "latin1"), "商品.xlsx");
    expect(broken.messageIn("en")).toMatch(/^商品\.xlsx is not a readable \.xlsx workbook/);
  });

  it("a zip bomb: 1 MB on disk that would unpack past the budget is refused as too large", async () => {
    // One part of 300 MB of zeros: a 1 MB block of deflated zeros (about 1 KB, ending on a sync
    // flush) repeated 300 times, then an empty final block; the budget is 200 MB.
    const block = deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
    const packed = Buffer.concat([...new Array<Buffer>(300).fill(block), Buffer.from([0x03, 0x00])]);
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(100, 22); // the header lies: "100 bytes unpacked"
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(100, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(0, 42);
    const directoryAt = local.length + name.length + packed.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(directoryAt, 16);
    const bomb = Buffer.concat([local, name, packed, central, name, end]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await refusal(bomb, "bomb.xlsx");
    expect(error.kind).toBe("too-large");
    expect(error.messageIn("en")).toMatch(/unpacks to more than 200 MB/);
  });
});
