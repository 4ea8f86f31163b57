/**
 * The preview after two diagnoses of the sample shop's daily sheet (30 days, then the next
 * morning's 31st; the other sample sheets name the whole month in their titles, so they would
 * make both runs the same period):
 * the History tab appears like in Sheets, and the report tab draws the score over time as an
 * inline SVG line chart beside the funnel. A screenshot is kept in test-output/screenshots.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CODE_PATH, SIDEBAR_PATH, sampleShopSettings, sampleShopSheets } from "../../src/local/preview/main";
import { sidebarFromFile, startPreviewServer, type PreviewServer } from "../../src/local/preview/server";
import { PreviewWorkbook } from "../../src/local/preview/workbook";
import { chromiumAvailable, launchChromium, SCREENSHOT_DIR, type Browser } from "../support/browser";

const ready = chromiumAvailable() && existsSync(CODE_PATH) && existsSync(SIDEBAR_PATH);

describe.skipIf(!ready)("score over time in the preview", () => {
  let browser: Browser;
  let server: PreviewServer;
  let page: Page;
  const scores: number[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const daily = sampleShopSheets().find((s) => s.name === "店铺日报")!;
    const sheets = [daily];
    const lastDay = daily.values[daily.values.length - 1];
    daily.values = daily.values.slice(0, -1);
    const workbook = PreviewWorkbook.fromFile(CODE_PATH, sheets);
    expect(workbook.applySettings(sampleShopSettings())).toBeNull();
    const run = () => {
      const result = workbook.server.call("diagnoseShop", []) as { ok: boolean; value: { score: number } };
      expect(result.ok).toBe(true);
      scores.push(result.value.score);
    };
    run();
    const tab = workbook.google.spreadsheet.getSheetByName("店铺日报")!;
    tab.getRange(daily.values.length + 1, 1, 1, lastDay.length).setValues([lastDay]);
    run();
    server = await startPreviewServer({ workbook, sidebarHtml: sidebarFromFile(SIDEBAR_PATH), port: 0, log: () => {} });
    browser = await launchChromium({ bypassCSP: true });
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(server.url);
    await page.waitForSelector("body[data-ready='true']");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows the History tab and the line chart of both runs' scores", async () => {
    const tabs = await page.$$eval(".pv-tab", (els) => els.map((t) => t.textContent ?? ""));
    expect(tabs.some((t) => t.startsWith("体检记录"))).toBe(true);
    const chart = page.locator("#grid figure.sd-chart[data-kind='line']");
    await chart.waitFor();
    expect(await chart.locator("figcaption").textContent()).toBe("健康分走势");
    // One point per recorded period, each with its score in its hover title.
    const titles = await chart.locator("circle.sd-point title").allTextContents();
    expect(titles).toEqual([`2026-10-30 · 健康分: ${scores[0]}`, `2026-10-31 · 健康分: ${scores[1]}`]);
    // Laid out at a readable size (polled: under a loaded machine the grid may still be re-rendering).
    await expect
      .poll(async () => {
        const box = await chart.locator("svg").boundingBox();
        return box !== null && box.width > 300 && box.height > 100;
      })
      .toBe(true);
    // The since-last block is on the report too.
    expect(await page.locator("#grid td", { hasText: "自上次诊断以来" }).count()).toBe(1);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, "preview-score-chart.png") });
    await page.locator("#grid td", { hasText: "自上次诊断以来" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, "preview-since-last.png") });
    expect(pageErrors).toEqual([]);
  });
});
