import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeFormulas, type SheetValue } from "../../src/local/preview/formulas";
import { CODE_PATH, sampleShopSheets } from "../../src/local/preview/main";
import { PreviewWorkbook } from "../../src/local/preview/workbook";

/** A stand-in with Sheets' calling convention: scalars stay scalars, ranges are 2D arrays. */
const seen: unknown[][] = [];
const functions = {
  RATE: (buyers: unknown, visitors: unknown) => {
    seen.push([buyers, visitors]);
    if (Array.isArray(buyers) && Array.isArray(visitors)) {
      return buyers.map((row, i) => [(row[0] as number) / (visitors[i][0] as number)]);
    }
    if (visitors === 0 || visitors === "") throw new Error("RATE: visitors is 0 or blank; check column B");
    return (buyers as number) / (visitors as number);
  },
};

describe("computeFormulas", () => {
  const values: SheetValue[][] = [
    ["buyers", "visitors", "rate"],
    [10, 100, "=RATE(A2, B2)"],
    [5, "", "=RATE(A3, B3)"],
    [3, 60, "=RATE(A2:A4, B2:B4)"],
    ["", "", "=SUM(A2:A4)"],
    ["", "", "=C2*2"],
    ["", "", "=NOPE(1)"],
    ["", "", "=C8"],
  ];
  const computed = computeFormulas("Shop", values, functions);

  it('passes a single cell as a scalar and a range as a 2D array with blanks as ""', () => {
    expect(computed.get("2:3")).toEqual({ value: 0.1 });
    expect(seen).toContainEqual([10, 100]);
    expect(seen).toContainEqual([
      [[10], [5], [3]],
      [[100], [""], [60]],
    ]);
  });

  it("keeps a custom function's thrown message as the cell's reason", () => {
    expect(computed.get("3:3")).toEqual({ error: "#ERROR!", message: "RATE: visitors is 0 or blank; check column B" });
  });

  it("spills an array result down the column, and built-ins and references work", () => {
    expect(computed.get("4:3")).toEqual({ value: 0.1 });
    expect(computed.get("6:3")).toEqual({ value: 0.2 });
    expect(computed.get("5:3")).toEqual({ value: 18 });
  });

  it("names unknown functions and self-references instead of hanging or crashing", () => {
    expect(computed.get("7:3")).toMatchObject({ error: "#NAME?" });
    expect(computed.get("8:3")).toMatchObject({ error: "#REF!" });
  });
});

describe.skipIf(!existsSync(CODE_PATH))("the preview workbook over the real build/Code.js", () => {
  it("computes our custom functions from the bundle in a typed formula", () => {
    const workbook = PreviewWorkbook.fromFile(CODE_PATH, sampleShopSheets());
    workbook.typeIntoCell("店铺日报", "R2", "=PAY_CONVERSION(E2, B2)");
    const tab = workbook.view().tabs.find((t) => t.name === "店铺日报")!;
    const cell = /<td data-cell="R2"[^>]*>([^<]*)<\/td>/.exec(tab.html)?.[1];
    const [daily] = sampleShopSheets().filter((s) => s.name === "店铺日报");
    const expected = (daily.values[1][4] as number) / (daily.values[1][1] as number);
    expect(Number(cell)).toBeCloseTo(expected, 10);
  });

  it("refuses an empty paste and keeps pasted text as text (no markup in the rendered tab)", () => {
    const workbook = PreviewWorkbook.fromFile(CODE_PATH, sampleShopSheets());
    expect(() => workbook.pasteText("x", "  \n\t\n")).toThrow(/empty/);
    const name = workbook.pasteText("商品", "商品名称\t访客数\n<script>alert(1)</script>\t12");
    expect(name).toBe("商品");
    const html = workbook.view().tabs.find((t) => t.name === name)!.html;
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;");
  });
});

describe.skipIf(!existsSync(CODE_PATH))("pasted dates", () => {
  it("show as the day that was pasted, whatever the server's time zone", () => {
    const workbook = PreviewWorkbook.fromFile(CODE_PATH, sampleShopSheets());
    const name = workbook.pasteText("日期", "统计日期\t访客数\n2026-10-01\t3570");
    const html = workbook.view().tabs.find((t) => t.name === name)!.html;
    expect(html).toContain(">2026-10-01</td>");
  });
});

describe.skipIf(!existsSync(CODE_PATH))("formula values seen by scripts", () => {
  it("getValues returns a formula's computed value and getFormulas the formula, as in Sheets", () => {
    const workbook = PreviewWorkbook.fromFile(CODE_PATH, sampleShopSheets());
    const name = workbook.pasteText(
      "算转化",
      "支付买家数\t访客数\t支付转化率\n10\t100\t=PAY_CONVERSION(A2, B2)\n3\t60\t=PAY_CONVERSION(A3, B3)",
    );
    const sheet = workbook.google.spreadsheet.getSheetByName(name)!;
    expect(sheet.getRange("C2:C3").getValues()).toEqual([[0.1], [0.05]]);
    expect(sheet.getRange("C2").getFormula()).toBe("=PAY_CONVERSION(A2, B2)");
  });

  it("spills a range result into the cells below, and clears them when the formula changes", () => {
    const workbook = PreviewWorkbook.fromFile(CODE_PATH, sampleShopSheets());
    const name = workbook.pasteText("算转化", "支付买家数\t访客数\n10\t100\n3\t60");
    workbook.typeIntoCell(name, "C2", "=PAY_CONVERSION(A2:A3, B2:B3)");
    const sheet = workbook.google.spreadsheet.getSheetByName(name)!;
    expect(sheet.getRange("C2:C3").getValues()).toEqual([[0.1], [0.05]]);
    expect(sheet.getRange("C3").getFormula()).toBe("");
    workbook.typeIntoCell(name, "C2", "=PAY_CONVERSION(A2, B2)");
    expect(sheet.getRange("C2:C3").getValues()).toEqual([[0.1], [""]]);
  });
});

describe.skipIf(!existsSync(CODE_PATH))("dates in formulas", () => {
  it("reach custom functions as the day the sheet shows", () => {
    const workbook = PreviewWorkbook.fromFile(CODE_PATH, sampleShopSheets());
    const name = workbook.pasteText("进度", "日期\t本月销售\n2026-10-15\t5000");
    workbook.typeIntoCell(name, "C2", "=TARGET_PACE(B2, 31000, A2)");
    const sheet = workbook.google.spreadsheet.getSheetByName(name)!;
    // 15 of 31 days gone: ¥5,000 against a ¥15,000 share.
    expect(sheet.getRange("C2").getValue()).toBeCloseTo(5000 / 15000, 10);
    expect(workbook.view().tabs.find((t) => t.name === name)!.html).toContain(">2026-10-15</td>");
  });
});
