/**
 * The `npm start` page in headless Chromium: the sample shop's tabs with the real sidebar,
 * Diagnose writing the report tab (colours, formats, notes), pasting an export into a new tab
 * and diagnosing it, uploading a GBK CSV, and a custom-function formula cell.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import iconv from "iconv-lite";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDelimitedText } from "../../src/readers/delimited";
import { CODE_PATH, portFrom, SIDEBAR_PATH, sampleShopSettings, sampleShopSheets } from "../../src/local/preview/main";
import {
  MAX_UPLOAD_FILE_BYTES,
  sidebarFromFile,
  startPreviewServer,
  type PreviewServer,
} from "../../src/local/preview/server";
import { PreviewWorkbook } from "../../src/local/preview/workbook";
import {
  chromiumAvailable,
  launchChromium,
  overlappingLabels,
  SCREENSHOT_DIR,
  waterfallGeometry,
  type Browser,
} from "../support/browser";

const FIXTURES = join(__dirname, "..", "fixtures");
const ready = chromiumAvailable() && existsSync(CODE_PATH) && existsSync(SIDEBAR_PATH);
const REPORT_TAB = /^店铺体检/;

describe.skipIf(!ready)("npm start preview", () => {
  let browser: Browser;
  let server: PreviewServer;
  let workbook: PreviewWorkbook;
  let page: Page;
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  /** The server's log: one line per google.script.run call the sidebar made. */
  const serverLog: string[] = [];

  beforeAll(async () => {
    workbook = PreviewWorkbook.fromFile(CODE_PATH, sampleShopSheets());
    expect(workbook.applySettings(sampleShopSettings())).toBeNull();
    server = await startPreviewServer({
      workbook,
      sidebarHtml: sidebarFromFile(SIDEBAR_PATH),
      port: 0,
      log: (line) => serverLog.push(line),
    });
    // The page forbids eval (its CSP), and playwright's waitForFunction evaluates strings; the
    // CSP itself is checked with it in force in "runs under its Content-Security-Policy" below.
    browser = await launchChromium({ bypassCSP: true });
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(server.url);
    await page.waitForSelector("body[data-ready='true']");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  function sidebar(): Frame {
    const frame = page.frames().find((f) => f.url().endsWith("/sidebar"));
    if (!frame) throw new Error("the sidebar iframe is not on the page");
    return frame;
  }

  async function tabNames(): Promise<string[]> {
    return page.$$eval(".pv-tab", (tabs) => tabs.map((t) => t.textContent ?? ""));
  }

  async function activeTab(): Promise<string> {
    return page.$eval('.pv-tab[aria-selected="true"]', (t) => t.textContent ?? "");
  }

  /** Waits until the server has answered `count` calls of `name` in total. */
  async function callsAnswered(name: string, count: number): Promise<void> {
    const started = Date.now();
    const answered = () => serverLog.filter((l) => l.startsWith(`google.script.run.${name} → `)).length;
    while (answered() < count) {
      if (Date.now() - started > 20_000) throw new Error(`no answer to ${name}; server log:\n${serverLog.join("\n")}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Clicks Diagnose in the sidebar, then Open report, as a user would; the grid follows. */
  async function diagnose(): Promise<void> {
    const frame = sidebar();
    await frame.waitForSelector("body[data-ready='true']");
    const runs = serverLog.filter((l) => l.startsWith("google.script.run.diagnoseShop → ")).length;
    await frame.click("#diagnose");
    await callsAnswered("diagnoseShop", runs + 1);
    expect(serverLog[serverLog.length - 1]).toMatch(/diagnoseShop → ok/);
    await frame.waitForSelector("#open-report:not([hidden])");
    await frame.click("#open-report");
    await page.waitForFunction(
      `/^店铺体检/.test(document.querySelector('.pv-tab[aria-selected="true"]')?.textContent ?? "")`,
    );
    await page.waitForFunction(`/^店铺体检/.test(document.getElementById("grid")?.getAttribute("data-sheet") ?? "")`);
  }

  it("loads the sample shop's tabs with the real sidebar beside them", async () => {
    expect(await tabNames()).toEqual(expect.arrayContaining(["店铺日报", "商品效果", "流量来源", "推广计划"]));
    expect(await activeTab()).toBe("店铺日报");
    const header = await page.textContent('#grid td[data-cell="A1"]');
    expect(header).toBe("统计日期");
    // Row 2 of the daily export: a date and visitors shown as numbers (right-aligned).
    expect(await page.getAttribute('#grid td[data-cell="B2"]', "class")).toContain("sd-num");
    await sidebar().waitForSelector("body[data-ready='true']");
    expect(await sidebar().textContent("#diagnose")).toMatch(/诊断/);
    await page.click('[data-tab="商品效果"]');
    await page.waitForFunction(`document.getElementById("grid")?.getAttribute("data-sheet") === "商品效果"`);
    expect(await page.textContent("#grid")).toContain("复古水洗牛仔外套");
    expect(pageErrors).toEqual([]);
  });

  it("Diagnose writes the report tab with colours, number formats, notes and the planted problems", async () => {
    await diagnose();
    const reportTab = await activeTab();
    expect(reportTab).toMatch(REPORT_TAB);
    const text = (await page.textContent("#grid")) ?? "";
    expect(text).toContain("店铺体检报告");
    // The planted problems (samples/sample-shop/README.md) are among the findings, with the
    // status the report gives each row (first cell: ✖ 严重 / ▲ 注意 / ✔ 良好 / ℹ 提示).
    const rows = (await page.evaluate(
      `[...document.querySelectorAll("#grid tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent || ""))`,
    )) as string[][];
    const rowsWith = (...parts: (string | RegExp)[]) =>
      rows.filter((cells) =>
        parts.every((p) => cells.some((c) => (typeof p === "string" ? c.includes(p) : p.test(c)))),
      );
    const flagged = (cells: string[]) => /严重|注意/.test(cells[0] ?? "");
    // Traffic and no sales: the jacket (by id or name) is a problem.
    expect(rowsWith(/683201457717|复古水洗牛仔外套/, "访客数").some(flagged)).toBe(true);
    // The pre-sale item is judged by order conversion and not flagged.
    const presale = rowsWith(/683201457718|鹅绒短款羽绒服/);
    expect(presale.some((cells) => cells.some((c) => /预售/.test(c)))).toBe(true);
    expect(presale.some(flagged)).toBe(false);
    // Profit (issue 14): the best seller loses money, and one plan loses money only after refunds and fees.
    expect(rowsWith("经典纯棉圆领T恤 男女同款", /亏钱/).some(flagged)).toBe(true);
    expect(rowsWith("工装裤-精准人群", /退款和 6\.00% 的手续费/).some(flagged)).toBe(true);
    // The low-CTR ad plan and the high-bounce stretch are flagged.
    expect(rowsWith("全店-泛词测款").some(flagged)).toBe(true);
    expect(rowsWith(/^跳失率$/).some(flagged)).toBe(true);
    // Shop conversion below the 同行同层平均 column.
    expect(rowsWith(/^全店$/, /^支付转化率$/).some((cells) => /严重/.test(cells[0]))).toBe(true);
    // Formats: percentages and money as the sheet shows them, not raw fractions.
    expect(text).toMatch(/\d+\.\d\d%/);
    expect(text).toMatch(/¥[\d,]+/);
    expect(text).not.toMatch(/0\.0\d{6,}/);
    // Colours from the report's backgrounds, and notes as hover titles.
    const coloured = await page.$$eval("#grid td[style*='background']", (cells) => cells.length);
    expect(coloured).toBeGreaterThan(5);
    const notes = await page.$$eval("#grid td[title]", (cells) => cells.length);
    expect(notes).toBeGreaterThan(0);
    // The funnel chart the writer inserted, drawn from its source cells.
    expect(await page.$$eval("#grid figure.sd-funnel .sd-step", (steps) => steps.length)).toBeGreaterThanOrEqual(2);
    // The sidebar shows the same run's summary.
    expect(await sidebar().textContent("#actions")).not.toBe("");
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, "preview-report.png") });
    // And the whole report: a window tall enough for every row.
    const height = (await page.evaluate(`document.getElementById("grid").scrollHeight`)) as number;
    await page.setViewportSize({ width: 1440, height: Math.min(4000, Math.ceil(height) + 160) });
    await page.screenshot({ path: join(SCREENSHOT_DIR, "preview-report-full.png") });
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(pageErrors).toEqual([]);
  });

  it("draws the profit block as floating bars from the chart's cells, labels clear of each other", async () => {
    expect(await activeTab()).toMatch(REPORT_TAB);
    const selector = "#grid figure.sd-chart[data-kind='waterfall']";
    const figure = page.locator(selector);
    await figure.waitFor();
    expect(await figure.locator("figcaption").textContent()).toBe("利润：从销售额到净利润");
    const g = await waterfallGeometry(page, selector);
    // Sales 281,734.29 → −50,712.17 → −11,551.11 → −2,310.22 → −150,149.59 → −21,206.55 → net 45,804.65.
    expect(g.bars.map((b) => b.fill)).toEqual(["#34a853", ...new Array(5).fill("#ea4335"), "#34a853"]);
    const px = (g.zero - g.bars[0].top) / 281734.29; // pixels per yuan, from the sales bar standing on 0
    expect(g.bars[0].bottom).toBeCloseTo(g.zero, 0);
    // Each deduction hangs from where the last one ended: refunds' top is the sales top, and its bottom is
    // 231,022.12 above 0; the net stands on 0 and reaches 45,804.65, the ad spend's bottom.
    expect(g.bars[1].top).toBeCloseTo(g.bars[0].top, 0);
    expect(g.bars[1].bottom).toBeCloseTo(g.zero - 231022.12 * px, 0);
    expect(g.bars[6].bottom).toBeCloseTo(g.zero, 0);
    expect(g.bars[6].top).toBeCloseTo(g.bars[5].bottom, 0);
    expect(g.bars[6].top).toBeCloseTo(g.zero - 45804.65 * px, 0);
    expect(overlappingLabels(g.texts)).toEqual([]);
    for (const t of g.texts) {
      expect(t.left >= g.svg.left - 1 && t.right <= g.svg.right + 1 && t.bottom <= g.svg.bottom + 1, t.text).toBe(true);
    }
    expect(g.texts.map((t) => t.text)).toEqual(
      expect.arrayContaining(["¥281,734.29", "-¥150,149.59", "¥45,804.65", "商品成本", "净利润"]),
    );
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await figure.screenshot({ path: join(SCREENSHOT_DIR, "preview-profit-waterfall.png") });
  });

  it("lays the report tab out at the layout's column widths and wraps its advice: no advice cell is cut off", async () => {
    expect(await activeTab()).toMatch(REPORT_TAB);
    // The row-number column, then the layout's widths (COLUMN_WIDTHS), then Sheets' default 100 px.
    const widths = await page.$$eval("#grid col", (cols) =>
      cols.map((c) => (c as unknown as { style: { width: string } }).style.width),
    );
    expect(widths.slice(0, 12)).toEqual([
      "40px",
      "96px",
      "170px",
      "130px",
      "104px",
      "104px",
      "104px",
      // The sample shop has a Costs tab: the money column is wider for "profit/day (… in sales)".
      "240px",
      "520px",
      "100px",
      "100px",
      "100px",
    ]);
    expect(await page.getAttribute("#grid table", "class")).toContain("sd-fixed");
    const advice = (await page.$$eval("#grid td[data-cell^='H']", (cells) =>
      cells
        .filter((td) => (td.textContent ?? "").length > 0)
        .map((td) => ({
          cell: td.getAttribute("data-cell"),
          text: td.textContent ?? "",
          fits: td.scrollWidth <= td.clientWidth && td.scrollHeight <= td.clientHeight,
          height: td.getBoundingClientRect().height,
          width: td.getBoundingClientRect().width,
        })),
    )) as { cell: string; text: string; fits: boolean; height: number; width: number }[];
    expect(advice.length).toBeGreaterThan(20);
    expect(advice.filter((a) => !a.fits)).toEqual([]);
    expect(advice.every((a) => Math.abs(a.width - 520) <= 2)).toBe(true);
    // Long advice runs to several lines instead of ending in "…".
    expect(advice.some((a) => a.height > 40)).toBe(true);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, "preview-report-wrapped.png") });
  });

  it("pastes a spreadsheet copy (tab-separated) into a new tab, and Diagnose reads it", async () => {
    // What a copy of cells from another spreadsheet puts on the clipboard: tab-separated rows.
    const rows = parseDelimitedText(readFileSync(join(FIXTURES, "ztc-plans-old.csv"), "utf8"));
    const tsv = rows.map((r) => r.join("\t")).join("\n");
    // Ctrl+V on the sheet: the page receives a paste event carrying the clipboard's text.
    await page.evaluate(
      `(() => { const data = new DataTransfer(); data.setData("text/plain", ${JSON.stringify(tsv)});
        document.getElementById("grid").dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true })); })()`,
    );
    await page.waitForSelector("#paste-dialog[open]");
    expect(await page.inputValue("#paste-text")).toBe(tsv);
    await page.fill("#paste-name", "我的直通车<b>导出</b>");
    await page.click("#paste-add");
    await page.waitForFunction(
      `document.querySelector('.pv-tab[aria-selected="true"]')?.textContent === "我的直通车<b>导出</b>"`,
    );
    // The name is text, never markup.
    expect(await page.$$eval("#tabs b, #grid b", (els) => els.length)).toBe(0);
    const pasted = (await page.textContent("#grid")) ?? "";
    expect(pasted).toContain(rows[0].find((c) => c.trim() !== "") ?? "");
    await diagnose();
    expect(await sidebar().textContent("#data-sheets")).toContain("我的直通车<b>导出</b>");
    // The pasted plans are judged in the new report next to the sample's own.
    const planColumn = rows[0].indexOf("计划名称");
    const pastedPlan = rows[1][planColumn];
    expect(pastedPlan).toBeTruthy();
    expect(await page.textContent("#grid")).toContain(pastedPlan);
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it("uploads a GBK CSV as a new tab named after the file", async () => {
    const utf8 = readFileSync(join(FIXTURES, "sycm-products-all.csv"), "utf8");
    const path = join(SCREENSHOT_DIR, "..", "商品_全部_gbk.csv");
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(path, iconv.encode(utf8.replace(/^\uFEFF/, ""), "gbk"));
    await page.click("#paste-open");
    await page.setInputFiles("#paste-file", path);
    await page.click("#paste-add");
    await page.waitForFunction(
      `document.querySelector('.pv-tab[aria-selected="true"]')?.textContent === "商品_全部_gbk"`,
    );
    // Decoded, not mojibake: a Chinese header from the export is on the grid.
    expect(await page.textContent("#grid")).toContain("商品名称");
  });

  it("shows the computed value of a formula calling our custom functions on the same tab", async () => {
    await page.click('[data-tab="店铺日报"]');
    await page.waitForFunction(`document.getElementById("grid")?.getAttribute("data-sheet") === "店铺日报"`);
    // Past the export's 17 columns there are empty cells to type into, as in a sheet.
    async function typeInto(a1: string, input: string): Promise<void> {
      await page.click(`#grid td[data-cell="${a1}"]`);
      expect(await page.textContent("#cell-name")).toBe(a1);
      await page.fill("#cell-input", input);
      await page.press("#cell-input", "Enter");
    }
    await typeInto("R2", "=PAY_CONVERSION(SUM(E2:E32), SUM(B2:B32))");
    await page.waitForFunction(`(document.querySelector('#grid td[data-cell="R2"]')?.textContent ?? "") !== ""`);
    const shown = Number(await page.textContent('#grid td[data-cell="R2"]'));
    // Buyers ÷ visitors over the month: the ≈2.1 % the sample's README describes.
    expect(shown).toBeGreaterThan(0.015);
    expect(shown).toBeLessThan(0.03);
    expect(await page.getAttribute('#grid td[data-cell="R2"]', "title")).toContain("PAY_CONVERSION");
    // Ranges arrive as columns: one call over the whole month spills a rate per day.
    await typeInto("S2", "=PAY_CONVERSION(E2:E32, B2:B32)");
    await page.waitForFunction(`(document.querySelector('#grid td[data-cell="S32"]')?.textContent ?? "") !== ""`);
    const daily = Number(await page.textContent('#grid td[data-cell="S2"]'));
    expect(daily).toBeGreaterThan(0.01);
    expect(daily).toBeLessThan(0.04);
    // A thrown message shows as #ERROR! with the function's own reason as the note.
    await typeInto("R3", "=PAY_CONVERSION(E2, 0)");
    await page.waitForFunction(
      `(document.querySelector('#grid td[data-cell="R3"]')?.textContent ?? "").startsWith("#")`,
    );
    const note = (await page.getAttribute('#grid td[data-cell="R3"]', "title")) ?? "";
    expect(note).toMatch(/PAY_CONVERSION|visitors|访客/i);
    expect(pageErrors).toEqual([]);
  });

  it("runs under its Content-Security-Policy: page script, sidebar and shim load, no violation", async () => {
    const strict = await launchChromium();
    try {
      const tab = await strict.context.newPage();
      const violations: string[] = [];
      tab.on("console", (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      tab.on("pageerror", (e) => violations.push(e.message));
      await tab.setViewportSize({ width: 1440, height: 900 });
      await tab.goto(server.url);
      await tab.waitForSelector("body[data-ready='true']");
      const frame = tab.frames().find((f) => f.url().endsWith("/sidebar"));
      await frame!.waitForSelector("body[data-ready='true']");
      // A call through the shim (it carries the token) is answered.
      const before = serverLog.length;
      await tab.click('[data-tab="商品效果"]');
      await tab.waitForSelector('#grid[data-sheet="商品效果"]');
      expect(serverLog.length).toBeGreaterThanOrEqual(before);
      expect(violations).toEqual([]);
      // An inline script injected into the page is refused by the CSP.
      const ran = await tab.evaluate(
        `(() => { const s = document.createElement("script"); s.textContent = "window.__injected = 1"; document.body.appendChild(s); return window.__injected === 1; })()`,
      );
      expect(ran).toBe(false);
    } finally {
      await strict.close();
    }
  }, 90_000);

  it("states the real upload limit and shows the 413 answer for a file over it", async () => {
    // (20 MiB − 64 KiB) ÷ 4 × 3 = 15,679,488 bytes ≈ 14.95 MiB: stated as "14 MB" (rounded down).
    expect(await page.textContent('label[for="paste-file"]')).toContain("14 MB");
    const big = join(SCREENSHOT_DIR, "..", "太大.csv");
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(big, Buffer.alloc(MAX_UPLOAD_FILE_BYTES + 1, 0x31));
    await page.click("#paste-open");
    await page.setInputFiles("#paste-file", big);
    await page.click("#paste-add");
    // 15 MB read, base64-encoded and sent (≈ 20 MB): slow on a loaded machine.
    await page.waitForFunction(`(document.getElementById("paste-error")?.textContent ?? "") !== ""`, undefined, {
      timeout: 80_000,
    });
    expect(await page.textContent("#paste-error")).toContain("files up to 14 MB");
    await page.setInputFiles("#paste-file", []);
    await page.click("#paste-cancel");
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it("renames and deletes a tab, then starts an empty workbook with no sample tabs", async () => {
    await page.click('[data-tab="商品_全部_gbk"]');
    await page.click("#tab-open");
    await page.fill("#tab-name", "我的商品");
    await page.click("#tab-rename");
    await page.waitForFunction(`document.querySelector('.pv-tab[aria-selected="true"]')?.textContent === "我的商品"`);
    expect(workbook.tabNames()).toContain("我的商品");
    await page.click("#tab-open");
    await page.click("#tab-delete");
    await page.waitForFunction(`![...document.querySelectorAll(".pv-tab")].some((t) => t.textContent === "我的商品")`);
    expect(workbook.tabNames()).not.toContain("我的商品");
    await page.click("#new-workbook");
    await page.click("#new-confirm");
    await page.waitForFunction(
      `[...document.querySelectorAll(".pv-tab")].map((t) => t.textContent).join() === "Sheet1"`,
    );
    expect(workbook.tabNames()).toEqual(["Sheet1"]);
    // The last tab cannot be deleted, as in Sheets; the dialog says so.
    await page.click("#tab-open");
    await page.click("#tab-delete");
    await page.waitForFunction(`(document.getElementById("tab-error")?.textContent ?? "") !== ""`);
    expect(await page.textContent("#tab-error")).toContain("can't remove all the sheets");
    await page.click("#tab-cancel");
    // The sidebar reloaded against the new spreadsheet and still works.
    await page.waitForFunction(
      `document.getElementById("sidebar").contentDocument?.body?.getAttribute("data-ready") === "true"`,
    );
    expect(pageErrors).toEqual([]);
  });
});

describe("the preview's port", () => {
  it("comes from --port, then $PORT, else 8080, and a bad one is refused with what to type", () => {
    expect(portFrom([], {})).toBe(8080);
    expect(portFrom([], { PORT: "9000" })).toBe(9000);
    expect(portFrom(["--port", "9100"], { PORT: "9000" })).toBe(9100);
    expect(portFrom(["--port=0"], {})).toBe(0);
    expect(() => portFrom(["--port", "http"], {})).toThrow(/--port 8080/);
  });
});

describe.skipIf(!existsSync(CODE_PATH))("the preview process (what npm start runs after building)", () => {
  it("prints its 127.0.0.1 address, serves the page, and stops cleanly on Ctrl-C", async () => {
    const root = join(__dirname, "..", "..");
    const child = spawn(process.execPath, ["--import", "tsx", "src/local/preview/main.ts", "--port", "0", "--quiet"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const started = Date.now();
      while (!/http:\/\/127\.0\.0\.1:\d+\//.test(output)) {
        if (Date.now() - started > 20_000) throw new Error(`the preview did not start:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)![0];
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('src="/sidebar"');
      const view = (await (await fetch(url + "api/workbook")).json()) as { tabs: { name: string }[] };
      expect(view.tabs.map((t) => t.name)).toEqual(
        expect.arrayContaining(["店铺日报", "商品效果", "流量来源", "推广计划"]),
      );
      // A page on another domain re-pointed at 127.0.0.1 (DNS rebinding) is refused.
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(url + "api/workbook", { headers: { host: "attacker.example" } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end();
      });
      expect(status).toBe(421);
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).toBe(0);
    expect(output).toContain("stopping the preview");
  });
});
