/**
 * The CLI's `--out` page in headless Chromium: advice cells wrap inside the layout's column
 * widths, so no cell of the report is cut off ("…") and each advice is there in full.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diagnoseTables, layoutReport, type Report } from "../../src/engine";
import { sampleShopSettings, sampleShopSheets } from "../../src/local/preview/main";
import { renderGridPage } from "../../src/local/render-grid";
import { chromiumAvailable, launchChromium, screenshot, type Browser } from "../support/browser";

interface CellView {
  cell: string;
  text: string;
  fits: boolean;
}

describe.skipIf(!chromiumAvailable())("--out report page in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function cellsOf(report: Report, name: string): Promise<CellView[]> {
    const grid = layoutReport(report);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.setContent(renderGridPage(grid, grid.sheetName, report.language));
    const cells = (await page.$$eval("td[data-cell]", (tds) =>
      tds.map((td) => ({
        cell: td.getAttribute("data-cell") ?? "",
        text: td.textContent ?? "",
        fits: td.scrollWidth <= td.clientWidth && td.scrollHeight <= td.clientHeight,
      })),
    )) as CellView[];
    await screenshot(page, name);
    await page.close();
    return cells;
  }

  for (const language of ["zh-CN", "en"] as const) {
    it(`no cell of the sample shop's ${language} report is cut off, and every advice is there in full`, async () => {
      const report = diagnoseTables(sampleShopSheets(), { ...sampleShopSettings(), language });
      const cells = await cellsOf(report, `out-report-${language}`);
      expect(cells.filter((c) => !c.fits)).toEqual([]);
      const advice = cells.filter((c) => c.cell.startsWith("H") && c.text !== "");
      // Every finding's message is one advice cell, word for word.
      expect(advice.map((c) => c.text).sort()).toEqual(
        expect.arrayContaining(report.findings.map((f) => f.message).sort()),
      );
      expect(report.findings.length).toBeGreaterThan(30);
      for (const action of report.actions) expect(cells.some((c) => c.text === action.message && c.fits)).toBe(true);
    });
  }

  it("an unbroken long word (a pasted URL as a product name) wraps too", async () => {
    const report = diagnoseTables(sampleShopSheets(), sampleShopSettings());
    const long = `https://item.taobao.com/item.htm?id=${"6832014577".repeat(12)}`;
    report.findings[0] = {
      ...report.findings[0],
      subject: long,
      subjectType: "product",
      message: `${long} ${report.findings[0].message}`,
    };
    const cells = await cellsOf(report, "out-report-long-word");
    expect(cells.filter((c) => !c.fits)).toEqual([]);
    expect(cells.some((c) => c.text === long)).toBe(true);
  });
});
