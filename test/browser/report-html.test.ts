/**
 * The CLI's `--out` page in headless Chromium: advice cells wrap inside the layout's column
 * widths, so no cell of the report is cut off ("…") and each advice is there in full.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diagnoseTables, layoutReport, type Report } from "../../src/engine";
import { sampleShopSettings, sampleShopSheets } from "../../src/local/preview/main";
import { renderGridPage } from "../../src/local/render-grid";
import {
  chromiumAvailable,
  launchChromium,
  overlappingLabels,
  SCREENSHOT_DIR,
  screenshot,
  waterfallGeometry,
  type Browser,
} from "../support/browser";

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

  it("draws a profit that turns into a loss with the loss below the 0 line, labels clear of each other", async () => {
    const report = diagnoseTables(sampleShopSheets(), { ...sampleShopSettings(), language: "en" });
    // The brief's shop with ad spend 10,000: 45,000 − 4,500 − 2,025 − 405 − 33,000 = 5,070; 5,070 − 10,000 = −4,930.
    report.profit = {
      ...report.profit!,
      sales: 45000,
      refunds: 4500,
      platformFees: 2025,
      paymentFees: 405,
      cogs: 33000,
      adSpend: 10000,
      net: -4930,
    };
    const grid = layoutReport(report);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.setContent(renderGridPage(grid, grid.sheetName, report.language));
    const selector = "figure.sd-chart[data-kind='waterfall']";
    const g = await waterfallGeometry(page, selector);
    const px = (g.zero - g.bars[0].top) / 45000;
    // Ad spend runs from 5,070 above 0 to 4,930 below it; the net loss hangs from 0 down to −4,930, in red.
    expect(g.bars[5].top).toBeCloseTo(g.zero - 5070 * px, 0);
    expect(g.bars[5].bottom).toBeCloseTo(g.zero + 4930 * px, 0);
    expect(g.bars[6]).toMatchObject({ fill: "#ea4335" });
    expect(g.bars[6].top).toBeCloseTo(g.zero, 0);
    expect(g.bars[6].bottom).toBeCloseTo(g.zero + 4930 * px, 0);
    expect(overlappingLabels(g.texts)).toEqual([]);
    for (const t of g.texts) {
      expect(t.left >= g.svg.left - 1 && t.right <= g.svg.right + 1 && t.bottom <= g.svg.bottom + 1, t.text).toBe(true);
    }
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.locator(selector).screenshot({ path: join(SCREENSHOT_DIR, "out-profit-waterfall-loss.png") });
    await page.close();
  });

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
