/**
 * The shops the sidebar tests open, and the world they run in: the real build/Code.js over
 * the in-memory spreadsheet.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { parseAsTyped } from "../../src/local/fake";
import { bundleHasSidebarApi, bundleWorld } from "./sidebar-bundle-world";
import type { FixtureSheet, SheetValues, ShopWorld } from "./sidebar-world";

const here = dirname(fileURLToPath(import.meta.url));

/**
 * An HTML payload used as names in the fixture shop (a product and a traffic source): it must
 * show as these characters and run nothing.
 */
export const xssProduct = "<img src=x onerror=alert(1)>";

const SAMPLE_DIR = join(here, "..", "..", "samples", "sample-shop");
const SAMPLE_TABS = ["店铺日报", "商品效果", "流量来源", "推广计划"];

/** One sample CSV as a pasted tab: each cell parsed the way Sheets parses pasted text. */
function sampleTab(name: string): FixtureSheet {
  const rows = parse(readFileSync(join(SAMPLE_DIR, `${name}.csv`), "utf8"), {
    relax_column_count: true,
    skip_empty_lines: false,
    bom: true,
  }) as string[][];
  const values: SheetValues = rows.map((row) => row.map((cell) => parseAsTyped(cell, null).value as string | number));
  return { name, values };
}

/**
 * The sample shop (samples/sample-shop, with its planted problems), its zero-sales jacket and
 * its weakest big traffic source (手淘推荐, which lands in today's actions) renamed to an HTML
 * payload. `healthy` keeps only the two best-selling products.
 */
export function shopFixture(options: { healthy?: boolean } = {}): FixtureSheet[] {
  const tabs = SAMPLE_TABS.map(sampleTab);
  const products = tabs[1];
  const rename = (tab: FixtureSheet, from: string): void => {
    tab.values = tab.values.map((row) => row.map((cell) => (cell === from ? xssProduct : cell)));
  };
  rename(products, "复古水洗牛仔外套");
  rename(tabs[2], "手淘推荐");
  if (options.healthy) {
    const header = products.values.findIndex((row) => row.includes("商品名称"));
    products.values = products.values.slice(0, header + 3);
  }
  return options.healthy ? [products] : tabs;
}

/** A spreadsheet with nothing recognisable in it. */
export function emptyFixture(): FixtureSheet[] {
  return [{ name: "Sheet1", values: [["随便写的笔记"], ["明天记得补货"]] }];
}

/** The world the sidebar tests run in. */
export function createWorld(sheets: FixtureSheet[], settings: Record<string, unknown> = {}): ShopWorld {
  if (!bundleHasSidebarApi()) {
    throw new Error("build/Code.js lacks diagnoseShop/getSettings/saveSettings/openReport: run `npm run build` first");
  }
  return bundleWorld(sheets, settings);
}
