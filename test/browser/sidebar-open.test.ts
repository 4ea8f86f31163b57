/**
 * showSidebar as Apps Script runs it: the real build/Code.js opens build/Sidebar.html in the
 * team's language, so the panel's very first paint is already in that language.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeGoogle } from "../../src/local/fake";
import { bundleServer } from "../../src/local/gas-bridge";
import { chromiumAvailable, launchChromium, openSidebar, SIDEBAR_PATH, type Browser } from "../support/browser";
import { loadBundle } from "../support/load-bundle";

const SHOP = [
  {
    name: "店铺",
    values: [
      ["统计日期", "访客数", "支付买家数", "支付金额"],
      ["2026-11-01", 1000, 30, 3000],
    ],
  },
];

function opened(locale: string, settings: Record<string, unknown> = {}) {
  const google = createFakeGoogle({ sheets: SHOP, locale, htmlFiles: { Sidebar: readFileSync(SIDEBAR_PATH, "utf8") } });
  const context = loadBundle({ ...google.globals });
  if (Object.keys(settings).length) {
    const saved = (context.saveSettings as (s: Record<string, unknown>) => { ok: boolean })(settings);
    expect(saved.ok).toBe(true);
  }
  (context.showSidebar as () => void)();
  expect(google.ui.sidebars).toHaveLength(1);
  return { google, context, sidebar: google.ui.sidebars[0] };
}

describe("showSidebar from build/Code.js", () => {
  it("opens the 300-px sidebar from Sidebar.html with the Settings sheet's language", () => {
    const { sidebar } = opened("zh_CN", { language: "en" });
    expect(sidebar.width).toBe(300);
    expect(sidebar.title).toContain("Shop Doctor");
    expect(sidebar.content).toMatch(/^<!doctype html>\s*<html lang="en">/i);
  });

  it("follows the spreadsheet's locale before there are settings, and creates nothing", () => {
    const { google, sidebar } = opened("zh_TW");
    expect(sidebar.content).toContain('<html lang="zh-TW">');
    expect(google.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["店铺"]);
  });
});

describe.skipIf(!chromiumAvailable())("the sidebar's first paint", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is already English while getSettings is still on its way", async () => {
    const { context, sidebar } = opened("zh_CN", { language: "en" });
    const session = await openSidebar(browser, bundleServer(context), {
      html: () => sidebar.content,
      delayMs: 3000,
      waitForReady: false,
    });
    try {
      await session.page.waitForSelector("#diagnose");
      expect((await session.page.textContent("#diagnose"))?.trim()).toBe("Diagnose shop");
      // the settings answer (held back 3 s by the shim) has not reached the page yet
      expect(await session.page.getAttribute("body", "data-ready")).not.toBe("true");
    } finally {
      await session.close();
    }
  });
});
