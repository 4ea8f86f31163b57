/**
 * The 抖音 live-commerce sample in the `npm start` preview (headless Chromium): its tabs load —
 * the GBK 千川 file read like the others — and Diagnose in the real sidebar writes a report that
 * carries the problems samples/douyin-live-shop/README.md plants.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CODE_PATH, SAMPLES_DIR, SIDEBAR_PATH } from "../../src/local/preview/main";
import { chromiumAvailable } from "../support/browser";
import { openSamplePreview, type SamplePreview } from "../support/sample-preview";

const DIR = join(SAMPLES_DIR, "douyin-live-shop");
const ready = chromiumAvailable() && existsSync(CODE_PATH) && existsSync(SIDEBAR_PATH);

describe.skipIf(!ready)("the 抖音 live sample in the preview", () => {
  let preview: SamplePreview;
  let page: Page;
  let serverLog: string[];
  let pageErrors: string[];
  const sidebar = () => preview.sidebar();

  beforeAll(async () => {
    // As `npm start` opens the sample: its exports as tabs, its settings.json saved.
    preview = await openSamplePreview(DIR);
    ({ page, serverLog, pageErrors } = preview);
  }, 60_000);

  afterAll(async () => {
    await preview?.close();
  });

  it("opens the sample's tabs and diagnoses them with the planted problems", { timeout: 60_000 }, async () => {
    const tabs = await page.$$eval(".pv-tab", (els) => els.map((t) => t.textContent ?? ""));
    expect(tabs).toEqual(
      expect.arrayContaining(["直播间明细", "商品概览", "载体构成", "全域推广数据_计划_20261101_20261121"]),
    );
    const frame = sidebar();
    await frame.waitForSelector("body[data-ready='true']");
    await frame.click("#diagnose");
    const started = Date.now();
    while (!serverLog.some((l) => l.startsWith("google.script.run.diagnoseShop → "))) {
      if (Date.now() - started > 30_000) throw new Error(`no diagnosis; server log:\n${serverLog.join("\n")}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(serverLog.find((l) => l.startsWith("google.script.run.diagnoseShop → "))).toMatch(/→ ok/);
    await frame.waitForSelector("#open-report:not([hidden])");
    await frame.click("#open-report");
    await page.waitForFunction(`/^店铺体检/.test(document.getElementById("grid")?.getAttribute("data-sheet") ?? "")`);
    const rows = (await page.evaluate(
      `[...document.querySelectorAll("#grid tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent || ""))`,
    )) as string[][];
    // a finding row (its first cell is its status), not one of today's three actions
    const row = (...parts: string[]) =>
      rows.find(
        (cells) => /严重|注意|良好|提示/.test(cells[0] ?? "") && parts.every((p) => cells.some((c) => c.includes(p))),
      );
    // 1. ✖ the flagship room's click-to-pay, worth ¥14,400; 2. ▲ the kids room's entry rate, ¥1,200
    expect(row("暖冬旗舰店直播间", "直播漏斗最弱一步")?.[0]).toMatch(/严重/);
    expect(row("暖冬旗舰店直播间", "直播漏斗最弱一步")?.join(" ")).toContain("14,400");
    expect(row("暖冬童装直播间", "直播漏斗最弱一步")?.[0]).toMatch(/注意/);
    // 3. ✖ the scarf plan loses money after refunds; 4. ℹ the last 7 days are provisional
    expect(row("围巾-全域-收割", "净成交ROI")?.[0]).toMatch(/严重/);
    expect(row("2026-11-15 ~ 2026-11-21")).toBeDefined();
    // 5. the snow boots: visitors and no sales
    expect(row("儿童雪地靴")?.[0]).toMatch(/严重/);
    // 6.–7. ▲ the shop depends on 直播 (84.26 %), ▲ 短视频 shrank, ¥5,000 a day
    expect(row("直播", "84.26%")?.[0]).toMatch(/注意/);
    expect(row("短视频", "5,000")?.[0]).toMatch(/注意/);
    expect(pageErrors).toEqual([]);
  });
});
