/**
 * The shops the sidebar tests open, and the world they run in.
 */
import { productSheet, scriptedWorld, type FixtureSheet, type ShopWorld } from "./sidebar-world";

/** A product whose name is an HTML payload: it must show as these characters and run nothing. */
export const xssProduct = "<img src=x onerror=alert(1)>";

/** A small shop with products below the peer conversion (one of them named like HTML). */
export function shopFixture(options: { healthy?: boolean } = {}): FixtureSheet[] {
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
  return [{ name: "Sheet1", values: [["随便写的笔记"]] }];
}

/** The world the sidebar tests run in. */
export function createWorld(sheets: FixtureSheet[], settings: Record<string, unknown> = {}): ShopWorld {
  return scriptedWorld(sheets, settings);
}
