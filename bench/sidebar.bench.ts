/**
 * The sidebar: size of build/Sidebar.html (target ≤ 60 KB: it carries only its own strings) and time from navigation to an
 * interactive Diagnose button in headless Chromium (target < 300 ms), as a ratio to a bare page
 * with one button loaded the same way in the same run.
 */
import { SIDEBAR_SCRIPT_OPTIONS } from "../scripts/build-options";
import { readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { startGasBridge, type GasServer } from "../src/local/gas-bridge";
import { defaultSettings } from "../src/engine/settings";
import { chromiumAvailable, launchChromium, SIDEBAR_PATH } from "../test/support/browser";
import { row, verdict } from "./util";

const LOADS = 9;
/** The page once carried every catalogue (137 KB); with only its own strings it is about 40 KB. */
const SIZE_BUDGET_KB = 60;
const BARE_PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><button id="diagnose" disabled>Diagnose</button>
<script>document.getElementById("diagnose").disabled = false; performance.mark("diagnose-interactive");</script></body></html>`;

/** Answers getSettings instantly, so the figure is the page's own start-up, not the server's. */
const settingsOnly: GasServer = {
  functions: () => ["getSettings"],
  call: () => ({ ok: true, value: { settings: defaultSettings(), sheet: "设置" } }),
};

async function medianLoadMs(page: Page, url: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i <= LOADS; i++) {
    await page.goto(url);
    await page.waitForSelector("#diagnose:enabled");
    const ms = (await page.evaluate("performance.getEntriesByName('diagnose-interactive')[0].startTime")) as number;
    if (i > 0) times.push(ms); // the first load warms the browser's caches
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Bytes each source file contributes to the minified sidebar script (same options as the build). */
async function scriptComposition(): Promise<[string, number][]> {
  const result = await build({
    ...SIDEBAR_SCRIPT_OPTIONS,
    entryPoints: [join(root, "src/sidebar/main.ts")],
    metafile: true,
    logLevel: "silent",
  });
  const inputs = Object.values(result.metafile.outputs)[0].inputs;
  return Object.entries(inputs)
    .map(([file, info]): [string, number] => [relative(root, join(root, file)), info.bytesInOutput])
    .sort((a, b) => b[1] - a[1]);
}

export default async function sidebarBench(): Promise<void> {
  const html = readFileSync(SIDEBAR_PATH, "utf8");
  const bytes = statSync(SIDEBAR_PATH).size;
  row(
    "build/Sidebar.html size",
    `${(bytes / 1024).toFixed(1)} KB`,
    `target ≤ ${SIZE_BUDGET_KB} KB (${((bytes / (SIZE_BUDGET_KB * 1024)) * 100).toFixed(0)}% of budget): ${verdict(bytes <= SIZE_BUDGET_KB * 1024)}`,
  );
  row("build/Sidebar.html gzipped", `${(gzipSync(html).length / 1024).toFixed(1)} KB`);
  // The client carries only the catalogues' sidebar sections (src/engine/i18n/sidebar.ts); watch what each part costs.
  for (const [file, size] of (await scriptComposition()).slice(0, 5))
    row(`  script: ${file}`, `${(size / 1024).toFixed(1)} KB`);

  if (!chromiumAvailable()) {
    row("navigation → interactive Diagnose button", "skipped", "no Chromium (set CHROMIUM_PATH)");
    return;
  }
  const browser = await launchChromium();
  const sidebar = await startGasBridge({ server: settingsOnly, html: () => html });
  const bare = await startGasBridge({ server: settingsOnly, html: () => BARE_PAGE });
  try {
    const page = await browser.context.newPage();
    const baseline = await medianLoadMs(page, bare.url);
    const ms = await medianLoadMs(page, sidebar.url);
    row("bare one-button page: navigation → interactive (baseline)", `${baseline.toFixed(1)} ms`, `median of ${LOADS}`);
    row(
      "sidebar: navigation → interactive Diagnose button",
      `${ms.toFixed(1)} ms`,
      `target < 300 ms: ${verdict(ms < 300)}; ${(ms / baseline).toFixed(2)}× baseline`,
    );
  } finally {
    await sidebar.close();
    await bare.close();
    await browser.close();
  }
}
