/**
 * Opens a bundled sample in the `npm start` preview the way `npm start` does (its exports as tabs,
 * its settings.json saved) and loads the page in headless Chromium; the browser tests of the
 * samples share it.
 */
import type { Frame, Page } from "playwright-core";
import { expect } from "vitest";
import { CODE_PATH, SIDEBAR_PATH, sampleShopSettings, sampleShopSheets } from "../../src/local/preview/main";
import { sidebarFromFile, startPreviewServer, type PreviewServer } from "../../src/local/preview/server";
import { PreviewWorkbook } from "../../src/local/preview/workbook";
import { launchChromium, type Browser } from "./browser";

export interface SamplePreview {
  page: Page;
  /** The preview server's log lines (google.script.run calls and their outcome). */
  serverLog: string[];
  /** Uncaught errors on the page. */
  pageErrors: string[];
  /** The sidebar's iframe. */
  sidebar(): Frame;
  close(): Promise<void>;
}

export async function openSamplePreview(
  dir: string,
  viewport?: { width: number; height: number },
): Promise<SamplePreview> {
  const workbook = PreviewWorkbook.fromFile(CODE_PATH, sampleShopSheets(dir));
  expect(workbook.applySettings(sampleShopSettings(dir))).toBeNull();
  const serverLog: string[] = [];
  const pageErrors: string[] = [];
  const server: PreviewServer = await startPreviewServer({
    workbook,
    sidebarHtml: sidebarFromFile(SIDEBAR_PATH),
    port: 0,
    log: (l) => serverLog.push(l),
  });
  const browser: Browser = await launchChromium({ bypassCSP: true });
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready='true']");
  return {
    page,
    serverLog,
    pageErrors,
    sidebar() {
      const frame = page.frames().find((f) => f.url().endsWith("/sidebar"));
      if (!frame) throw new Error("the sidebar iframe is not on the page");
      return frame;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
