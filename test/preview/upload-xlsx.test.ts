/**
 * The preview's upload reads workbooks with the same readers as the CLI and the function: an
 * .xlsx becomes one tab per worksheet, and diagnosing the preview then finds the same score as
 * the CSV files of the same data; an .xls is refused with the save-as message.
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diagnoseTables, parseSettings } from "../../src/engine";
import { CODE_PATH, sampleShopSheets } from "../../src/local/preview/main";
import { PreviewWorkbook } from "../../src/local/preview/workbook";
import { xlsxOf } from "../support/xlsx-fixture";

describe.skipIf(!existsSync(CODE_PATH))("uploading an .xlsx into the preview", () => {
  it("adds every worksheet as a tab, and the diagnosis scores it as the CSV data", async () => {
    const csv = sampleShopSheets().map(({ name, values }) => ({ name, values }));
    const workbook = PreviewWorkbook.fromFile(CODE_PATH, []);
    const names = await workbook.uploadFile("店铺.xlsx", await xlsxOf(csv));
    expect(names).toEqual(csv.map((s) => s.name));
    expect(workbook.tabNames()).toEqual(["Sheet1", ...names]);
    const result = workbook.server.call("diagnoseShop", []) as { ok: boolean; value: { score: number | null } };
    expect(result.ok).toBe(true);
    const defaults = parseSettings({});
    if (!defaults.ok) throw new Error("settings");
    const expected = diagnoseTables(csv, defaults.settings).score;
    expect(expected).not.toBeNull();
    expect(result.value.score).toBe(expected);
  });

  it("refuses an .xls with the message naming the file", async () => {
    const workbook = PreviewWorkbook.fromFile(CODE_PATH, []);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    await expect(workbook.uploadFile("商品.xls", ole)).rejects.toThrow(/^商品\.xls is an Excel 97–2003 workbook/);
  });
});
