/**
 * The "Diagnose shop" sidebar in headless Chromium: build/Sidebar.html served on 127.0.0.1,
 * every google.script.run call forwarded to the server of a test world. Screenshots of the
 * main states land in test-output/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import {
  chromiumAvailable,
  launchChromium,
  openSidebar,
  screenshot,
  type Browser,
  type SidebarSession,
} from "../support/browser";
import { shopFixture, createWorld, emptyFixture, xssProduct } from "../support/sidebar-fixture";
import type { ShopWorld } from "../support/sidebar-world";
import type { ApiResult, DiagnoseSummary } from "../../src/gas/api";

/* eslint-disable @typescript-eslint/no-explicit-any -- page callbacks run in the browser, which this tsconfig does not type. */

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).innerText()).trim();
}

/** Clicks Diagnose and waits until the run is over (progress hidden, button usable again). */
async function diagnose(session: SidebarSession, how: "click" | "keyboard" = "click"): Promise<void> {
  const before = session.bridge.calls.filter((c) => c.name === "diagnoseShop").length;
  if (how === "click") await session.page.click("#diagnose");
  else await session.page.keyboard.press("Enter");
  await expect
    .poll(() => session.bridge.calls.filter((c) => c.name === "diagnoseShop").length, { timeout: 20_000 })
    .toBeGreaterThan(before);
  await session.page.waitForFunction(
    "!document.getElementById('diagnose').disabled && document.getElementById('progress').hidden",
    undefined,
    { timeout: 20_000 },
  );
}

/** The summary the server returned to the page's last diagnoseShop call. */
function lastSummary(session: SidebarSession): DiagnoseSummary {
  const call = [...session.bridge.calls].reverse().find((c) => c.name === "diagnoseShop");
  const result = call?.result as ApiResult<DiagnoseSummary> | undefined;
  if (!result || !result.ok) throw new Error(`diagnoseShop did not succeed: ${JSON.stringify(call?.result)}`);
  return result.value;
}

describe.skipIf(!chromiumAvailable())("Diagnose shop sidebar in Chromium", () => {
  let browser: Browser;
  const sessions: SidebarSession[] = [];
  async function open(world: ShopWorld, options: { delayMs?: number } = {}): Promise<SidebarSession> {
    const session = await openSidebar(browser, world.server, options);
    sessions.push(session);
    return session;
  }

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const s of sessions) await s.close().catch(() => undefined);
    await browser?.close();
  });

  it("diagnoses the shop: staged progress, then score, counts, three actions with money, Open report", async () => {
    const world = createWorld(shopFixture());
    const session = await open(world, { delayMs: 2_000 });
    const { page } = session;
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await text(page, "#diagnose")).toBe("诊断店铺");
    await screenshot(page, "01-ready-zh-CN");

    await page.click("#diagnose");
    await page.waitForSelector("#progress:not([hidden])");
    expect(await page.locator("#diagnose").isDisabled()).toBe(true);
    // The label names the current stage; on a loaded machine the first may already be over.
    expect(await text(page, "#progress-label")).toMatch(/^第 [123] 步，共 3 步 · (读取工作表|检查规则|写入报告)/);
    expect(await text(page, "#stages")).toContain("读取工作表");
    // Later stages follow while the call runs (any of them: a slow machine may skip one).
    await page.waitForSelector("#stages li.done[data-stage='reading']");
    expect(await page.locator("#stages li[aria-current='step']").count()).toBe(1);
    await screenshot(page, "02-progress-zh-CN");
    await page.waitForSelector("#progress[hidden]", { state: "attached", timeout: 20_000 });

    expect(await page.locator("#diagnose").isEnabled()).toBe(true);
    expect(await text(page, "#diagnose")).toBe("重新诊断");
    const score = Number(await text(page, "#score"));
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(100);
    // Every status has a text label and a number, not only a colour.
    for (const [status, label] of [
      ["bad", "严重"],
      ["warn", "注意"],
      ["good", "良好"],
      ["info", "提示"],
    ]) {
      const item = page.locator(`#counts li[data-status='${status}']`);
      expect(await item.locator(".count-label").innerText()).toBe(label);
      expect(await item.locator(".count-value").innerText()).toMatch(/^\d+$/);
    }
    const actions = page.locator("#actions li.action");
    expect(await actions.count()).toBeGreaterThan(0);
    expect(await actions.count()).toBeLessThanOrEqual(3);
    expect(await actions.first().locator(".action-impact").innerText()).toMatch(
      /涉及金额：每天约 ¥[\d,.]+|金额无法估算/,
    );
    expect(await text(page, "#status")).toContain("诊断完成");
    await screenshot(page, "03-result-zh-CN");

    // The operator wanders to a data tab; Open report brings the report back.
    world.activate(shopFixture()[0].name);
    expect(world.activeSheet()).not.toBe("店铺体检");
    await page.click("#open-report");
    await page.waitForFunction("document.getElementById('status').textContent.includes('已切换到')");
    expect(world.activeSheet()).toBe("店铺体检");
    expect(session.pageErrors).toEqual([]);
    // Nothing was fetched from anywhere but the local bridge (no CDN fonts, scripts, styles).
    expect(session.requests.every((url) => url.startsWith(session.bridge.url))).toBe(true);
  });

  it("a second run updates the same panel in place", async () => {
    const world = createWorld(shopFixture());
    const session = await open(world);
    const { page } = session;
    await diagnose(session);
    const first = lastSummary(session);
    expect(await text(page, "#score")).toBe(String(Math.round(first.score!)));
    world.setSheet(shopFixture({ healthy: true })[0]);
    await diagnose(session);
    const second = lastSummary(session);
    // The re-pasted products change the diagnosis, and the panel shows the new one, once.
    expect([second.score, second.counts]).not.toEqual([first.score, first.counts]);
    expect(await page.locator("#result").count()).toBe(1);
    expect(await page.locator("#score").count()).toBe(1);
    expect(await text(page, "#score")).toBe(String(Math.round(second.score!)));
    for (const status of ["good", "warn", "bad", "info"] as const) {
      expect(await text(page, `#counts li[data-status='${status}'] .count-value`)).toBe(String(second.counts[status]));
    }
    expect(await page.locator("#actions li.action:not(.none)").count()).toBe(Math.min(3, second.actions.length));
  });

  it("settings round-trip through the shared Settings sheet, and the language follows them", async () => {
    const world = createWorld(shopFixture());
    const session = await open(world);
    const { page } = session;
    await page.click("#settings summary");
    await page.fill("#field-peerPayConversion", "3.5");
    await page.fill("#field-peerVisitorValue", "2.8");
    await page.fill("#field-peerDsr", "4.8");
    await page.fill("#field-monthlyTarget", "300,000");
    await page.fill("#field-heroProduct", "连衣裙 A");
    await page.fill("#field-grossMargin", "42%");
    await screenshot(page, "04-settings-zh-CN");
    await page.click("#save-settings");
    await page.waitForFunction("document.getElementById('settings-status').textContent.includes('已保存')");
    const stored = world.storedSettings();
    expect(stored.peerPayConversion).toBeCloseTo(0.035, 10);
    expect(stored.peerVisitorValue).toBe(2.8);
    expect(stored.peerDsr).toBe(4.8);
    expect(stored.monthlyTarget).toBe(300000);
    expect(stored.heroProduct).toBe("连衣裙 A");
    expect(stored.grossMargin).toBeCloseTo(0.42, 10);

    // A fresh sidebar reads them back.
    const again = await open(world);
    await again.page.click("#settings summary");
    expect(await again.page.inputValue("#field-peerPayConversion")).toBe("3.5");
    expect(await again.page.inputValue("#field-monthlyTarget")).toBe("300000");
    expect(await again.page.inputValue("#field-heroProduct")).toBe("连衣裙 A");

    // Switching the language re-labels the panel at once.
    await again.page.selectOption("#field-language", "en");
    await again.page.click("#save-settings");
    await again.page.waitForFunction("document.documentElement.lang === 'en'");
    expect(world.storedSettings().language).toBe("en");
    expect(await text(again.page, "#diagnose")).toBe("Diagnose shop");
    expect(await text(again.page, "label[for='field-peerDsr']")).toBe("Peer DSR score");
  });

  it("refuses invalid settings before saving and says which field is wrong", async () => {
    const world = createWorld(shopFixture());
    const session = await open(world);
    const { page } = session;
    const before = world.storedSettings();
    await page.click("#settings summary");
    await page.fill("#field-peerPayConversion", "abc");
    await page.fill("#field-peerDsr", "7");
    await page.fill("#field-grossMargin", "150");
    await page.click("#save-settings");
    await page.waitForSelector("#field-peerPayConversion-error:not([hidden])");
    expect(await text(page, "#field-peerPayConversion-error")).toContain("“abc”不是数字");
    expect(await text(page, "#field-peerDsr-error")).toContain("1 到 5");
    expect(await text(page, "#field-grossMargin-error")).toContain("小于 100");
    expect(await page.getAttribute("#field-peerDsr", "aria-invalid")).toBe("true");
    expect(await page.locator("#field-monthlyTarget[aria-invalid]").count()).toBe(0);
    expect(await text(page, "#settings-status")).toContain("3 项");
    // The first wrong field has the focus, and nothing reached the server.
    expect(await page.evaluate("document.activeElement.id")).toBe("field-peerPayConversion");
    expect(session.bridge.calls.some((c) => c.name === "saveSettings")).toBe(false);
    expect(world.storedSettings()).toEqual(before);
    expect(await page.evaluate(CONTRAST_CHECK)).toEqual([]);
    await screenshot(page, "05-invalid-settings-zh-CN");
  });

  it("shows the server's refusal of a bad Settings-sheet cell, naming the cell", async () => {
    const world = createWorld(shopFixture(), { peerPayConversion: 0.031 });
    // A teammate typed nonsense into a threshold the form does not show.
    world.typeInto("设置", "B9", "很高");
    const session = await open(world);
    const { page } = session;
    await page.click("#settings summary");
    await page.fill("#field-peerDsr", "4.7");
    await page.click("#save-settings");
    await page.waitForSelector("#error:not([hidden])");
    const listed = await text(page, "#error-fields");
    expect(listed).toContain("B9");
    expect(listed).toContain("跳失率良好线");
    expect(await text(page, "#settings-status")).toContain("有 1 项要直接在「设置」工作表里改");
    await screenshot(page, "10-settings-refused-by-server-zh-CN");

    await diagnose(session);
    expect(await text(page, "#error-message")).toContain("设置有误");
    expect(await text(page, "#error-fields")).toContain("B9");

    // Once the cell is fixed, saving from this panel (which never loaded the settings) changes
    // only what was typed: the saved peer conversion survives.
    world.typeInto("设置", "B9", "55%");
    await page.click("#save-settings");
    await page.waitForFunction("document.getElementById('settings-status').textContent.includes('已保存')");
    expect(world.storedSettings().peerDsr).toBe(4.7);
    expect(world.storedSettings().peerPayConversion).toBe(0.031);
    expect(world.storedSettings().bounceGood).toBe(0.55);
  });

  it("runs in Traditional Chinese when the Settings sheet says zh-TW", async () => {
    const session = await open(createWorld(shopFixture(), { language: "zh-TW" }));
    expect(await session.page.getAttribute("html", "lang")).toBe("zh-TW");
    expect(await text(session.page, "#diagnose")).toBe("診斷店鋪");
    await diagnose(session);
    expect(await text(session.page, ".score-label")).toBe("健康分");
    expect(await text(session.page, "#open-report")).toBe("開啟報告");
  });

  it("says what to paste when there is no recognisable data", async () => {
    const session = await open(createWorld(emptyFixture()));
    await diagnose(session);
    expect(await session.page.locator("#error").isVisible()).toBe(true);
    expect(await text(session.page, "#error-message")).toContain("生意参谋 / Shopify / Amazon");
    expect(await text(session.page, "#error-message")).toContain("表头");
    expect(await session.page.locator("#result").isVisible()).toBe(false);
    expect(await session.page.evaluate(CONTRAST_CHECK)).toEqual([]);
    await screenshot(session.page, "06-error-no-data-zh-CN");
  });

  it("says someone else is diagnosing when the document lock is held", async () => {
    const world = createWorld(shopFixture());
    const release = world.holdDocumentLock();
    const session = await open(world);
    await diagnose(session);
    expect(await text(session.page, "#error-message")).toContain("有同事正在诊断");
    release();
    await diagnose(session);
    expect(await session.page.locator("#error").isVisible()).toBe(false);
    expect(await session.page.locator("#result").isVisible()).toBe(true);
  });

  it("explains the several-Google-accounts authorisation failure, and shows any other server error's message", async () => {
    const world = createWorld(shopFixture());
    const session = await open(world);
    world.failNext("diagnoseShop", "ScriptError: We're sorry, a server error occurred: PERMISSION_DENIED");
    await diagnose(session);
    expect(await text(session.page, "#error-message")).toContain("多个 Google 账号");
    expect(await text(session.page, "#error-message")).toContain("无痕窗口");
    await screenshot(session.page, "07-error-auth-zh-CN");
    // The other wording Google uses for the same problem.
    world.failNext("getSettings", "ScriptError: Authorization is required to perform that action.");
    await session.page.reload();
    await session.page.waitForSelector("body[data-ready='true']");
    expect(await text(session.page, "#error-message")).toContain("多个 Google 账号");

    world.failNext("diagnoseShop", "Exception: Service Spreadsheets timed out while accessing document");
    await diagnose(session);
    expect(await text(session.page, "#error-message")).toBe(
      "服务器报错：Exception: Service Spreadsheets timed out while accessing document",
    );
    // The button is usable again: no spinner left behind.
    expect(await session.page.locator("#diagnose").isEnabled()).toBe(true);
  });

  it("Open report after a teammate deleted the report says to diagnose first", async () => {
    const world = createWorld(shopFixture());
    const session = await open(world);
    await diagnose(session);
    world.deleteSheet("店铺体检");
    await session.page.click("#open-report");
    await session.page.waitForSelector("#error:not([hidden])");
    expect(await text(session.page, "#error-message")).toContain("请先点“诊断店铺”");
  });

  it("shows a product named like HTML as plain text and runs nothing", async () => {
    // Without the daily sheet, today's actions are about products and sources, so the HTML-named ones show.
    const session = await open(createWorld(shopFixture().filter((tab) => tab.name !== "店铺日报")));
    await diagnose(session);
    const actions = await text(session.page, "#actions");
    expect(actions).toContain(xssProduct);
    expect(await session.page.locator("#app img").count()).toBe(0);
    expect(await session.page.evaluate("document.querySelectorAll('img, [onerror]').length")).toBe(0);
    expect(session.dialogs).toEqual([]);
    await screenshot(session.page, "08-xss-as-text-zh-CN");
  });

  it("works from the keyboard alone, with a visible focus ring", async () => {
    const world = createWorld(shopFixture());
    const session = await open(world);
    const { page } = session;
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement.id")).toBe("diagnose");
    const ring = (await page.evaluate(
      "(() => { const s = getComputedStyle(document.activeElement); return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) }; })()",
    )) as { style: string; width: number };
    expect(ring.style).not.toBe("none");
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await diagnose(session, "keyboard");
    // Focus moves to the result; the next Tab reaches Open report.
    expect(await page.evaluate("document.activeElement.id")).toBe("result-title");
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement.id")).toBe("open-report");
    world.activate(shopFixture()[0].name);
    await page.keyboard.press("Enter");
    await expect.poll(() => world.activeSheet()).toBe("店铺体检");
    // The settings open and save from the keyboard too.
    // Then Add a Costs tab, Add an Events tab, then the settings.
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement.id")).toBe("create-costs");
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement.id")).toBe("create-events");
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement.tagName")).toBe("SUMMARY");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement.id")).toBe("field-peerPayConversion");
    await page.keyboard.type("4.2");
    await page.keyboard.press("Enter");
    await expect.poll(() => world.storedSettings().peerPayConversion).toBeCloseTo(0.042, 10);
  });

  it("Add an Events tab creates 活动 once, says so the second time, and the next diagnosis reads the event typed in", async () => {
    const world = createWorld(shopFixture());
    const session = await open(world);
    const { page } = session;
    await diagnose(session);
    expect(lastSummary(session).dataSheets).not.toContain("活动");
    await page.click("#create-events");
    await page.waitForFunction("document.getElementById('status').textContent.includes('活动')");
    expect(await text(page, "#status")).toBe(
      "已添加「活动」工作表：每个活动填一行（名称、开始和结束日期、类型），然后重新诊断。",
    );
    await screenshot(page, "12-events-tab-added-zh-CN");
    world.typeInto("活动", "A2", "店铺券");
    world.typeInto("活动", "B2", "2026-10-10");
    world.typeInto("活动", "D2", "优惠券");
    await page.click("#create-events");
    await page.waitForFunction("document.getElementById('status').textContent.includes('已经存在')");
    expect(await text(page, "#status")).toBe("「活动」工作表已经存在，没有改动它。");
    await diagnose(session);
    expect(lastSummary(session).dataSheets).toContain("活动");
    expect(await text(page, "#data-sheets")).toContain("活动");
    expect(session.pageErrors).toEqual([]);
  });

  it("every label is tied to its control and text contrast meets WCAG AA", async () => {
    const session = await open(createWorld(shopFixture()));
    await diagnose(session);
    await session.page.click("#settings summary");
    const unlabelled = await session.page.evaluate(
      "Array.from(document.querySelectorAll('input, select, button, a[href]')).filter(el => !(el.labels && el.labels.length) && !el.textContent.trim() && !el.getAttribute('aria-label')).map(el => el.id)",
    );
    expect(unlabelled).toEqual([]);
    const failures = (await session.page.evaluate(CONTRAST_CHECK)) as string[];
    expect(failures).toEqual([]);
  });

  it("switching the language re-renders the result already shown and says the report follows at the next diagnosis", async () => {
    const world = createWorld(shopFixture());
    const session = await open(world);
    const { page } = session;
    await diagnose(session);
    const zhAdvice = await page.locator("#actions .action-message").first().innerText();
    expect(zhAdvice).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.locator("#language-note").isVisible()).toBe(false);

    await page.click("#settings summary");
    await page.selectOption("#field-language", "en");
    await page.click("#save-settings");
    await page.waitForFunction("document.documentElement.lang === 'en'");
    // Every word of the panel is English now, the result included.
    expect(await text(page, "#result-title")).toBe("Result");
    expect(await text(page, "#diagnose")).toBe("Diagnose again");
    expect(await text(page, "#counts li[data-status='bad'] .count-label")).toBe("Problem");
    expect(await text(page, "#score-band")).toMatch(/In good shape|A few things to watch|Needs attention soon/);
    expect(await text(page, "#period")).toMatch(/^Data from \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(\d+ days?\)$/);
    expect(await page.locator("#actions li.action .action-impact").first().innerText()).toMatch(
      /Money at stake: about ¥[\d,.]+ (a day|in this export)|no money estimate/,
    );
    const chrome = (await page.evaluate(
      "Array.from(document.querySelectorAll('[data-i18n], .count-label, .band, .action-impact, #period, #status, #settings-status, label')).map(e => e.textContent).join(' ')",
    )) as string;
    expect(chrome.replace(/简体中文|繁體中文|设置|店铺体检|「[^」]*」|“[^”]*”|"[^"]*"/g, "")).not.toMatch(
      /[\u4e00-\u9fff]/,
    );
    // The advice shown came from the Chinese report: say so, and mark it as Chinese.
    expect(await page.locator("#language-note").isVisible()).toBe(true);
    expect(await text(page, "#language-note")).toBe(
      "The panel is now in English. The report and the advice below are still in 简体中文 (Simplified Chinese); the next diagnosis writes them in English.",
    );
    expect(await page.locator("#actions .action-message").first().innerText()).toBe(zhAdvice);
    expect(await page.getAttribute("#actions .action-message >> nth=0", "lang")).toBe("zh-CN");
    await screenshot(page, "10-language-switched-en");

    // The next diagnosis writes the report in English and the note goes away.
    await diagnose(session);
    expect(lastSummary(session).language).toBe("en");
    expect(await page.locator("#language-note").isVisible()).toBe(false);
    expect(await page.getAttribute("#actions .action-message >> nth=0", "lang")).toBe("en");
    expect(session.pageErrors).toEqual([]);
  });

  it("shows no score, and says why and what to paste, when the checks cover too few areas", async () => {
    // The ad plans alone: only ads (and data quality) can be judged.
    const session = await open(createWorld([shopFixture()[3]]));
    const { page } = session;
    await diagnose(session);
    const summary = lastSummary(session);
    expect(summary.score).toBeNull();
    expect(await text(page, "#score")).toBe("—");
    expect(await page.locator(".score-out-of").isVisible()).toBe(false);
    expect(await text(page, "#score-band")).toContain("还不足以评分");
    expect(await text(page, "#score-reason")).toBe(summary.scoreReason!);
    expect(summary.scoreReason).toMatch(/^已评估的检查只涉及推广。.*可以再粘贴：店铺每日数据/);
    expect(await page.evaluate(CONTRAST_CHECK)).toEqual([]);
    await screenshot(page, "11-not-enough-to-score-zh-CN");
  });

  it("runs in English when the Settings sheet says en", async () => {
    const session = await open(createWorld(shopFixture(), { language: "en" }));
    const { page } = session;
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await text(page, "#diagnose")).toBe("Diagnose shop");
    await diagnose(session);
    expect(await text(page, "#result-title")).toBe("Result");
    expect(await text(page, ".score-label")).toBe("Health score");
    expect(await text(page, "#counts li[data-status='bad'] .count-label")).toBe("Problem");
    expect(await text(page, "#open-report")).toBe("Open report");
    expect(await page.locator("#actions li.action .action-impact").first().innerText()).toMatch(
      /Money at stake: about ¥[\d,.]+ (a day|in this export)|no money estimate/,
    );
    // No Chinese left in the panel's own words (sheet data may be Chinese; action messages come from the report).
    const chrome = await page.evaluate(
      "Array.from(document.querySelectorAll('[data-i18n], .count-label, #progress-label, #status, label')).map(e => e.textContent).join(' ')",
    );
    expect(chrome).not.toMatch(/[\u4e00-\u9fff]/);
    await screenshot(page, "09-result-en");
  });
});

/** In-page WCAG contrast check of every visible text element against its effective background. */
const CONTRAST_CHECK = `(() => {
  function parse(c) { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null; const p = m[1].split(',').map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; }
  function lum(c) { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); }
  function background(el) { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0) return c; } return { r: 255, g: 255, b: 255, a: 1 }; }
  const failures = [];
  for (const el of document.querySelectorAll('body *')) {
    if (!el.offsetParent && el.tagName !== 'BODY') continue;
    const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const s = getComputedStyle(el);
    const fg = parse(s.color), bg = background(el);
    const l1 = lum(fg), l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const large = parseFloat(s.fontSize) >= 24 || (parseFloat(s.fontSize) >= 18.66 && Number(s.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5) && !el.closest('.stale')) failures.push((el.id || el.className || el.tagName) + ' ' + ratio.toFixed(2));
  }
  return failures;
})()`;
