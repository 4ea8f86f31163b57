/**
 * A workbook whose only sheet is called "Sheet1" (or 工作表1, Sheet, Feuil1…) is named after its
 * file, as a CSV is, so a period that the export puts only in the file name (生意参谋's
 * …_2026-10-01_2026-10-31.xlsx) still dates the report. Workbooks with a named sheet, or with
 * several sheets, keep their sheets' names.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnoseTables, parseSettings, type Cell } from "../../src/engine";
import { readExportBytes } from "../../src/readers";
import { runCli } from "../../src/local/cli/main";
import { xlsxOf } from "../support/xlsx-fixture";

const FILE = "【生意参谋平台】商品_全部_2026-10-01_2026-10-31.xlsx";
// A product export with no title row and no date column: only the file name says which month it is.
const PRODUCTS: Cell[][] = [
  ["商品名称", "商品访客数", "支付买家数", "支付金额"],
  ["加绒卫衣", "4200", "126", "18900"],
  ["羊毛围巾", "1800", "36", "5040"],
  ["保暖袜子", "900", "45", "1350"],
];
const OCTOBER = { from: "2026-10-01", to: "2026-10-31", days: 31 };

function periodOf(tabs: { name: string; values: Cell[][] }[]) {
  const settings = parseSettings({});
  if (!settings.ok) throw new Error("settings");
  return diagnoseTables(tabs, settings.settings).period;
}

describe("a workbook's one generic sheet takes the file's name", () => {
  it.each(["Sheet1", "Sheet", "工作表1", "Sheet 2", "Feuil1", "Tabelle1", "Hoja1"])(
    "%s is named after the file, and the file name's dates are the report's period",
    async (sheet) => {
      const read = await readExportBytes(await xlsxOf([{ name: sheet, values: PRODUCTS }]), FILE);
      expect(read.tabs.map((t) => t.name)).toEqual(["【生意参谋平台】商品_全部_2026-10-01_2026-10-31"]);
      expect(periodOf(read.tabs)).toEqual(OCTOBER);
    },
  );

  it("a named sheet keeps its name (and the data stays undated)", async () => {
    const read = await readExportBytes(await xlsxOf([{ name: "商品效果", values: PRODUCTS }]), FILE);
    expect(read.tabs.map((t) => t.name)).toEqual(["商品效果"]);
    expect(periodOf(read.tabs)).toBeNull();
  });

  it("a workbook of several sheets keeps every sheet's name, generic or not", async () => {
    const bytes = await xlsxOf([
      { name: "Sheet1", values: PRODUCTS },
      { name: "Sheet2", values: [["备注"], ["十月"]] },
    ]);
    expect((await readExportBytes(bytes, FILE)).tabs.map((t) => t.name)).toEqual(["Sheet1", "Sheet2"]);
  });

  it("a name that only starts like a generic one is kept (Sheet1 copy, Sheets of October)", async () => {
    for (const name of ["Sheet1 copy", "Sheets of October"]) {
      const read = await readExportBytes(await xlsxOf([{ name, values: PRODUCTS }]), FILE);
      expect(read.tabs[0].name).toBe(name);
    }
  });

  it("the CLI dates a Sheet1 workbook by its file name", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shop-doctor-sheet1-"));
    try {
      const file = join(dir, FILE);
      writeFileSync(file, await xlsxOf([{ name: "Sheet1", values: PRODUCTS }]));
      let stdout = "";
      let stderr = "";
      const io = {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
        env: {},
      };
      expect(await runCli(["diagnose", file, "--json"], io)).toBe(0);
      expect(stderr).toBe("");
      const report = JSON.parse(stdout);
      expect(report.period).toEqual(OCTOBER);
      expect(report.tables.map((t: { sheet: string }) => t.sheet)).toEqual([
        "【生意参谋平台】商品_全部_2026-10-01_2026-10-31",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
