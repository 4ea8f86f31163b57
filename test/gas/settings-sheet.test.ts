import { describe, expect, it } from "vitest";
import { defaultSettings } from "../../src/engine/settings";
import {
  describeSettingsErrors,
  readSettingsSheet,
  settingsRow,
  settingsSheetGrid,
} from "../../src/gas/settings-sheet";

/** The Settings sheet as getValues returns it after a fresh write, with `edits` typed over it. */
function sheetValues(edits: Record<string, unknown> = {}): unknown[][] {
  const grid = settingsSheetGrid(defaultSettings()).values.map((row) => [...row]) as unknown[][];
  for (const [key, value] of Object.entries(edits)) grid[settingsRow(key as never) - 1][1] = value;
  return grid;
}

describe("the Settings sheet", () => {
  it("has a header, one row per key with a label, the value, an explanation and the key", () => {
    const grid = settingsSheetGrid(defaultSettings());
    expect(grid.values[0]).toEqual(["设置项", "值（可修改）", "说明", "程序用名（请勿改）"]);
    expect(grid.values[settingsRow("bounceGood") - 1]).toEqual([
      "跳失率良好线",
      0.6,
      expect.stringContaining("跳失率"),
      "bounceGood",
    ]);
    expect(grid.numberFormats[settingsRow("bounceGood") - 1][1]).toBe("0.00%");
    expect(grid.values.every((row) => String(row[2]).length > 0)).toBe(true);
  });

  it("reads defaults back from a fresh sheet", () => {
    const read = readSettingsSheet(sheetValues() as never, "zh-CN");
    expect(read.ok && read.settings).toEqual(defaultSettings());
  });

  it("accepts numbers typed as text (3.5%, 1,200) and a language in any case", () => {
    const read = readSettingsSheet(
      sheetValues({ peerPayConversion: "3.5%", monthlyTarget: "1,200", language: "EN" }) as never,
      "zh-CN",
    );
    expect(read.ok && read.settings).toMatchObject({ peerPayConversion: 0.035, monthlyTarget: 1200, language: "en" });
  });

  it("finds keys by the key column even when a teammate sorted the rows", () => {
    const values = sheetValues({ grossMargin: 0.35 });
    const [header, ...rows] = values;
    const read = readSettingsSheet([header, ...rows.reverse()] as never, "zh-CN");
    expect(read.ok && read.settings.grossMargin).toBe(0.35);
  });

  it("names each bad cell and says what is expected, in the sheet's language", () => {
    const read = readSettingsSheet(sheetValues({ peerDsr: 6, depthBad: "deep", language: "en" }) as never, "zh-CN");
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toEqual([
      {
        field: "depthBad",
        cell: `B${settingsRow("depthBad")}`,
        message: "“deep” is not a number; expected a number of pages above 0, e.g. 3.5",
      },
    ]);
    const again = readSettingsSheet(sheetValues({ peerDsr: 6, language: "en" }) as never, "zh-CN");
    expect(!again.ok && again.errors).toEqual([
      { field: "peerDsr", cell: "B4", message: "expected a score from 1 to 5, e.g. 4.8" },
    ]);
    expect(!again.ok && describeSettingsErrors(again.errors, "en", "Settings")).toBe(
      "The settings need a fix, so nothing was written. Please correct: Settings!B4 (Peer DSR score): expected a score from 1 to 5, e.g. 4.8",
    );
  });

  it("has a currency row last: a code read in any case, a wrong one named by its cell", () => {
    const grid = settingsSheetGrid({ ...defaultSettings(), language: "en", currency: "INR" });
    expect(grid.values[settingsRow("currency") - 1]).toEqual([
      "Currency",
      "INR",
      expect.stringContaining("ISO 4217"),
      "currency",
    ]);
    expect(settingsRow("currency")).toBe(17);
    const read = readSettingsSheet(sheetValues({ currency: " usd " }) as never, "zh-CN");
    expect(read.ok && read.settings.currency).toBe("USD");
    const wrong = readSettingsSheet(sheetValues({ currency: "US$", language: "en" }) as never, "zh-CN");
    expect(!wrong.ok && describeSettingsErrors(wrong.errors, "en", "Settings")).toBe(
      "The settings need a fix, so nothing was written. Please correct: Settings!B17 (Currency): expected a three-letter currency code such as USD, INR or CNY, or empty",
    );
  });

  it("an invalid language is reported, and the other errors fall back to the spreadsheet's language", () => {
    const read = readSettingsSheet(sheetValues({ language: "fr" }) as never, "zh-TW");
    expect(!read.ok && read.errors).toEqual([{ field: "language", cell: "B8", message: "應填 zh-CN、zh-TW 或 en" }]);
  });
});
