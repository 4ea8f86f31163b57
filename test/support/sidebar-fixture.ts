/**
 * The shops the sidebar tests open, and the world they run in: the real build/Code.js over
 * the in-memory spreadsheet once it carries the sidebar's server functions, else the scripted
 * stand-in (with a warning, so a run never passes silently on the stand-in).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { parseAsTyped } from "../../src/local/fake";
import { bundleHasSidebarApi, bundleWorld } from "./sidebar-bundle-world";
import { productSheet, scriptedWorld, type FixtureSheet, type SheetValues, type ShopWorld } from "./sidebar-world";

const here = dirname(fileURLToPath(import.meta.url));

/** A product whose name is an HTML payload: it must show as these characters and run nothing. */
export const xssProduct = "<img src=x onerror=alert(1)>";

/** Which server the tests talk to. */
export const WORLD: "bundle" | "scripted" = bundleHasSidebarApi() ? "bundle" : "scripted";
if (WORLD === "scripted") {
  console.warn("sidebar tests: build/Code.js has no diagnoseShop/getSettings/saveSettings/openReport yet — using the scripted stand-in server");
}

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
 * The sample shop (samples/sample-shop, with its planted problems), its zero-sales jacket
 * renamed to an HTML payload. `healthy` keeps only the two best-selling products.
 */
export function shopFixture(options: { healthy?: boolean } = {}): FixtureSheet[] {
  if (WORLD === "scripted") return toyShop(options);
  const tabs = SAMPLE_TABS.map(sampleTab);
  const products = tabs[1];
  products.values = products.values.map((row) => row.map((cell) => (cell === "复古水洗牛仔外套" ? xssProduct : cell)));
  if (options.healthy) {
    const header = products.values.findIndex((row) => row.includes("商品名称"));
    products.values = products.values.slice(0, header + 3);
  }
  return options.healthy ? [products] : tabs;
}

function toyShop(options: { healthy?: boolean }): FixtureSheet[] {
  const weak = options.healthy ? 1 : 0;
  return [
    productSheet("商品效果", [
      ["连衣裙 A", 1000, weak ? 60 : 12, weak ? 12000 : 2400],
      ["T恤 B", 800, 40, 3200],
      [xssProduct, 500, weak ? 30 : 3, weak ? 3000 : 600],
      ["凉鞋 C", 300, 2, 500],
    ]),
  ];
}

/** A spreadsheet with nothing recognisable in it. */
export function emptyFixture(): FixtureSheet[] {
  return [{ name: "Sheet1", values: [["随便写的笔记"], ["明天记得补货"]] }];
}

/** The world the sidebar tests run in. */
export function createWorld(sheets: FixtureSheet[], settings: Record<string, unknown> = {}): ShopWorld {
  return WORLD === "bundle" ? bundleWorld(sheets, settings) : scriptedWorld(sheets, settings);
}
