/**
 * Browser-test support: launches Debian's Chromium headless through playwright-core with a
 * fresh profile, and serves build/Sidebar.html through the google.script.run bridge
 * (src/local/gas-bridge.ts) so every call runs in a server the test chooses.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { startGasBridge, type GasBridge, type GasServer } from "../../src/local/gas-bridge";

const here = dirname(fileURLToPath(import.meta.url));

export const SIDEBAR_PATH = join(here, "..", "..", "build", "Sidebar.html");
export const SCREENSHOT_DIR = join(here, "..", "..", "test-output", "screenshots");

/** Where Chromium lives: $CHROMIUM_PATH, else Debian's package. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}

export function chromiumAvailable(): boolean {
  return existsSync(chromiumPath());
}

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Headless Chromium with a throw-away profile (the same flags the bench uses). `bypassCSP` lets
 * playwright's waitForFunction (which evaluates its predicate as a string) run on a page whose
 * Content-Security-Policy forbids eval, like the preview's.
 */
export async function launchChromium(options: { bypassCSP?: boolean } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "shop-doctor-chromium-"));
  // launchPersistentContext is playwright's way to pass --user-data-dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 300, height: 760 },
    locale: "zh-CN",
    bypassCSP: options.bypassCSP ?? false,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface SidebarSession {
  page: Page;
  bridge: GasBridge;
  /** Every URL the page requested (to prove nothing leaves 127.0.0.1). */
  requests: string[];
  /** Uncaught page errors and console errors. */
  pageErrors: string[];
  /** Alerts/dialogs the page opened (an XSS payload would show here). */
  dialogs: string[];
  close(): Promise<void>;
}

/** Opens the built sidebar in a new page, its google.script.run forwarded to `server`. */
export async function openSidebar(
  browser: Browser,
  server: GasServer,
  options: { delayMs?: number; waitForReady?: boolean; html?: () => string } = {},
): Promise<SidebarSession> {
  const html = options.html ?? (() => readFileSync(SIDEBAR_PATH, "utf8"));
  const bridge = await startGasBridge({ server, html, delayMs: options.delayMs });
  const page = await browser.context.newPage();
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") pageErrors.push(m.text());
  });
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(bridge.url);
  if (options.waitForReady !== false) await page.waitForSelector("body[data-ready='true']");
  return {
    page,
    bridge,
    requests,
    pageErrors,
    dialogs,
    async close() {
      await page.close();
      await bridge.close();
    },
  };
}

/** Saves a screenshot of the whole sidebar under test-output/screenshots/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A drawn waterfall as the browser lays it out (page pixels), for checks that it reads well. */
export interface WaterfallGeometry {
  bars: { top: number; bottom: number; fill: string }[];
  zero: number;
  /** Every text of the chart (axis values, amounts, step names) with its box. */
  texts: { text: string; left: number; right: number; top: number; bottom: number }[];
  svg: { left: number; right: number; top: number; bottom: number };
}

/** Reads the bars, the 0 line and every label's box of the waterfall figure under `selector`. */
export async function waterfallGeometry(page: Page, selector: string): Promise<WaterfallGeometry> {
  // A string, so the test's tsconfig (no DOM library) need not type the page's elements.
  return page.$eval(
    selector,
    new Function(
      "figure",
      `const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
      return {
        bars: [...figure.querySelectorAll("rect.sd-waterfall")].map((rect) => ({ ...box(rect), fill: rect.getAttribute("fill") || "" })),
        zero: box(figure.querySelector("line.sd-zero")).top,
        texts: [...figure.querySelectorAll("svg text")].map((t) => ({ text: t.textContent || "", ...box(t) })),
        svg: box(figure.querySelector("svg")),
      };`,
    ) as (figure: unknown) => WaterfallGeometry,
  );
}

/** The pairs of chart labels whose boxes overlap (none, when the chart reads well). */
export function overlappingLabels(texts: WaterfallGeometry["texts"]): string[] {
  const out: string[] = [];
  texts.forEach((a, i) => {
    for (const b of texts.slice(i + 1)) {
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
        out.push(`${a.text} × ${b.text}`);
    }
  });
  return out;
}
