/**
 * Chinese text renders with real glyphs, not as boxes: on a machine with Chromium but no CJK
 * font every 汉字 is drawn as the same "missing glyph" box and every other test still passes.
 * Each character of the product's name is drawn on a canvas in the preview's font stack and
 * compared with a codepoint no font has (U+0378, unassigned) and with each other: a box equals
 * the unassigned codepoint's drawing, and boxes all look alike.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, launchChromium, type Browser } from "../support/browser";

const FONT = `32px Arial, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif`;
const TEXT = ["店", "铺", "医", "生", "體", "檢"];
const MISSING = "\u0378";

describe.skipIf(!chromiumAvailable())("CJK fonts in the test browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("draws 店铺医生 and 體檢 as distinct glyphs, none of them the missing-glyph box", async () => {
    const page = await browser.context.newPage();
    await page.setContent("<!doctype html><meta charset=utf-8><canvas id=c width=48 height=48></canvas>");
    const drawings = (await page.evaluate(
      `(() => {
        const canvas = document.getElementById("c");
        const ctx = canvas.getContext("2d");
        const draw = (ch) => {
          ctx.clearRect(0, 0, 48, 48);
          ctx.font = ${JSON.stringify(FONT)};
          ctx.fillStyle = "#000";
          ctx.fillText(ch, 4, 36);
          const data = ctx.getImageData(0, 0, 48, 48).data;
          let ink = 0, key = "";
          for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) ink++; key += data[i] > 127 ? "1" : "0"; }
          return { ch, ink, key, width: ctx.measureText(ch).width };
        };
        return ${JSON.stringify([MISSING, ...TEXT])}.map(draw);
      })()`,
    )) as { ch: string; ink: number; key: string; width: number }[];
    await page.close();
    const [missing, ...glyphs] = drawings;
    for (const glyph of glyphs) {
      expect(glyph.ink, `${glyph.ch} draws nothing`).toBeGreaterThan(0);
      expect(glyph.key, `${glyph.ch} is drawn as the missing-glyph box`).not.toBe(missing.key);
    }
    // Six different characters: six different drawings (boxes would all be the same).
    expect(new Set(glyphs.map((g) => g.key)).size).toBe(glyphs.length);
  });
});
