/**
 * The `npm start` sample picker: every folder under samples/ is offered, chosen by a flag, by a
 * number or name typed at the menu, or an empty workbook.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  listSamples,
  SAMPLES_DIR,
  sampleFromAnswer,
  sampleFromArgs,
  sampleMenu,
  sampleShopSettings,
} from "../../src/local/preview/main";

const dir = mkdtempSync(join(tmpdir(), "shop-doctor-samples-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the sample picker", () => {
  it("lists every sample folder with an export, the original sample shop first", () => {
    expect(listSamples(SAMPLES_DIR)).toEqual(expect.arrayContaining(["sample-shop", "douyin-live-shop"]));
    expect(listSamples(SAMPLES_DIR)[0]).toBe("sample-shop");
    // a folder added later is offered without any list to edit; a folder with no export is not
    for (const name of ["zz-new-shop", "sample-shop", "empty-folder"]) mkdirSync(join(dir, name));
    writeFileSync(join(dir, "zz-new-shop", "店铺日报.csv"), "统计日期,访客数\n2026-11-01,10\n");
    writeFileSync(join(dir, "sample-shop", "a.tsv"), "x\n");
    writeFileSync(join(dir, "notes.csv"), "not a folder\n");
    expect(listSamples(dir)).toEqual(["sample-shop", "zz-new-shop"]);
  });

  it("takes --sample NAME, --sample=NAME or --empty, and refuses a folder that is not there", () => {
    const samples = ["sample-shop", "douyin-live-shop"];
    expect(sampleFromArgs(["--port", "0"], samples)).toBeNull();
    expect(sampleFromArgs(["--sample", "douyin-live-shop"], samples)).toEqual({ sample: "douyin-live-shop" });
    expect(sampleFromArgs(["--sample=sample-shop"], samples)).toEqual({ sample: "sample-shop" });
    expect(sampleFromArgs(["--empty"], samples)).toEqual({ empty: true });
    expect(() => sampleFromArgs(["--sample", "nope"], samples)).toThrow(
      'There is no sample "nope" under samples/; pick one of: sample-shop, douyin-live-shop (or --empty).',
    );
  });

  it("reads the menu answer: Enter, a number, a name, 0 for empty; anything else asks again", () => {
    const samples = ["sample-shop", "douyin-live-shop"];
    expect(sampleMenu(samples)).toBe(
      "Which sample should the preview open?\n  1. sample-shop\n  2. douyin-live-shop\n  0. an empty workbook (paste your own export)",
    );
    expect(sampleFromAnswer("", samples)).toEqual({ sample: "sample-shop" });
    expect(sampleFromAnswer(" 2 ", samples)).toEqual({ sample: "douyin-live-shop" });
    expect(sampleFromAnswer("douyin-live-shop", samples)).toEqual({ sample: "douyin-live-shop" });
    expect(sampleFromAnswer("0", samples)).toEqual({ empty: true });
    for (const bad of ["3", "-1", "1.5", "x"]) expect(sampleFromAnswer(bad, samples)).toBeNull();
  });

  it("a sample without settings.json opens with no settings", () => {
    expect(sampleShopSettings(join(SAMPLES_DIR, "douyin-live-shop"))).toEqual({});
    expect(sampleShopSettings(join(SAMPLES_DIR, "sample-shop"))).toMatchObject({ grossMargin: 0.4 });
  });
});
