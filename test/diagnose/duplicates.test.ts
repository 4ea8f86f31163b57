/**
 * The same data twice (issue 11.2): a tab and its copy, the same file given twice, or two
 * exports with overlapping days are counted once, and data-sanity says which tabs repeat
 * each other (naming both cells where overlapping rows disagree).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diagnoseTables } from "../../src/engine";
import type { Cell, Finding, Report, SheetInput } from "../../src/engine";
import { cellRef, copiedFrom } from "../../src/engine/duplicates";
import { readExportFile } from "../../src/readers/delimited";
import { SAMPLE_DIR } from "../../scripts/make-sample";
import { fixtureNames, loadFixture } from "../support/fixtures";

const COPY_NAMES = [
  (x: string) => `${x} 的副本`,
  (x: string) => `${x} 副本`,
  (x: string) => `Copy of ${x}`,
  (x: string) => `${x} (1)`,
  (x: string) => `${x} (2)`,
];

function sampleShop(): SheetInput[] {
  return readdirSync(SAMPLE_DIR)
    .filter((f) => f.endsWith(".csv"))
    .sort()
    .map((f) => readExportFile(join(SAMPLE_DIR, f)));
}

/** Spreadsheets to duplicate tabs of: each fixture alone (both paste shapes) and the sample shop. */
function spreadsheets(): { name: string; sheets: SheetInput[] }[] {
  const out: { name: string; sheets: SheetInput[] }[] = [];
  for (const f of fixtureNames()) {
    out.push({ name: `${f} (text)`, sheets: [loadFixture(f, { mode: "text" })] });
    out.push({ name: `${f} (sheets)`, sheets: [loadFixture(f, { mode: "sheets" })] });
  }
  out.push({ name: "sample shop", sheets: sampleShop() });
  return out;
}

const isData = (f: Finding) => f.area === "data";
const isClean = (f: Finding) => f.rule === "data-sanity" && f.status === "good" && f.subject === "shop";

/** Everything a figure can show, without the data-quality area (which gains the repeat finding). */
function figures(report: Report) {
  return {
    period: report.period,
    currency: report.currency,
    funnel: report.funnel,
    findings: report.findings.filter((f) => !isData(f)),
    actions: report.actions,
  };
}

function copyTab(sheets: SheetInput[], index: number, name: string, at: number): SheetInput[] {
  const copy: SheetInput = { name, values: sheets[index].values.map((row) => row.slice()) };
  const out = sheets.slice();
  out.splice(at, 0, copy);
  return out;
}

describe("duplicating any tab of any fixture spreadsheet", () => {
  const all = spreadsheets();
  it("leaves every figure unchanged and adds exactly one data-quality finding (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: all.length - 1 }),
        fc.nat(),
        fc.integer({ min: 0, max: COPY_NAMES.length - 1 }),
        fc.boolean(),
        fc.constantFrom<"en" | "zh-CN" | "zh-TW">("en", "zh-CN", "zh-TW"),
        (which, tabSeed, nameAt, copyFirst, language) => {
          const { sheets } = all[which];
          const tab = tabSeed % sheets.length;
          const name = COPY_NAMES[nameAt](sheets[tab].name);
          // Sheets puts a copy right after its original; a teammate may drag it anywhere.
          const doubled = copyTab(sheets, tab, name, copyFirst ? 0 : tab + 1);
          const before = diagnoseTables(sheets, { language });
          const after = diagnoseTables(doubled, { language });
          expect(figures(after)).toEqual(figures(before));
          const recognised = before.tables.some(
            (t) => t.sheet === sheets[tab].name && t.kind !== "unknown" && t.rows > 0,
          );
          const dataBefore = before.findings.filter(isData);
          const dataAfter = after.findings.filter(isData);
          const added = dataAfter.filter((f) => !dataBefore.some((g) => JSON.stringify(g) === JSON.stringify(f)));
          expect(added).toHaveLength(1);
          if (recognised) {
            // The one new finding names both tabs; the "no problems" line goes, nothing else changes.
            expect(added[0].status).toBe("warn");
            expect(added[0].subject).toBe(name);
            expect(added[0].message).toContain(sheets[tab].name);
            expect(
              dataBefore.filter((f) => !dataAfter.some((g) => JSON.stringify(g) === JSON.stringify(f))).every(isClean),
            ).toBe(true);
          } else {
            // A tab with nothing to count: its copy is reported like it (not recognised), nothing doubles.
            expect(added[0].subject).toBe(name);
          }
        },
      ),
      { numRuns: 60, seed: 11 },
    );
  });

  it("holds exhaustively: every fixture, both paste shapes, every copy name", () => {
    for (const { name: spreadsheet, sheets } of all) {
      if (sheets.length !== 1) continue;
      const before = figures(diagnoseTables(sheets, { language: "en" }));
      const dataBefore = diagnoseTables(sheets, { language: "en" }).findings.filter(isData).length;
      for (const copyName of COPY_NAMES) {
        const name = copyName(sheets[0].name);
        const after = diagnoseTables(copyTab(sheets, 0, name, 1), { language: "en" });
        expect(figures(after), `${spreadsheet} → ${name}`).toEqual(before);
        const dataAfter = after.findings.filter(isData);
        // One finding more, less the "no problems" line when there was one.
        const cleanBefore =
          diagnoseTables(sheets, { language: "en" }).findings.some(isClean) && !dataAfter.some(isClean) ? 1 : 0;
        expect(dataAfter.length, `${spreadsheet} → ${name}`).toBe(dataBefore + 1 - cleanBefore);
        expect(
          dataAfter.filter((f) => f.subject === name),
          `${spreadsheet} → ${name}`,
        ).toHaveLength(1);
      }
    }
  });

  it("holds for every tab of the sample shop under each copy name", () => {
    const sheets = sampleShop();
    const before = diagnoseTables(sheets, { language: "zh-CN" });
    for (let tab = 0; tab < sheets.length; tab++) {
      for (const copyName of COPY_NAMES) {
        const name = copyName(sheets[tab].name);
        const after = diagnoseTables(copyTab(sheets, tab, name, tab + 1), { language: "zh-CN" });
        expect(figures(after), name).toEqual(figures(before));
        const repeat = after.findings.filter((f) => f.rule === "data-sanity" && f.subject === name);
        expect(repeat, name).toHaveLength(1);
        expect(repeat[0].message).toBe(
          `「${name}」和「${sheets[tab].name}」是同一份数据（${repeat[0].value} 行），只按「${sheets[tab].name}」算了一次；删掉其中一个标签页，别让别的表格也重复计算。`,
        );
      }
    }
  });
});

describe("the same file given twice to the CLI", () => {
  it("is counted once (the CLI names the second tab `X (2)`)", () => {
    const file = readExportFile(join(SAMPLE_DIR, "店铺日报.csv"));
    const once = diagnoseTables([file], { language: "en" });
    const twice = diagnoseTables([file, { name: `${file.name} (2)`, values: file.values }], { language: "en" });
    expect(figures(twice)).toEqual(figures(once));
    const repeat = twice.findings.find((f) => f.subject === `${file.name} (2)`);
    expect(repeat?.message).toMatch(/repeats "店铺日报"/);
  });
});

describe("two exports whose days overlap", () => {
  const header: Cell[] = ["统计日期", "访客数", "支付买家数", "支付金额"];
  const day = (d: number) => `2026-11-${String(d).padStart(2, "0")}`;
  // Visitors 1,000 + 10·d, buyers 30 + d, sales 100 × buyers.
  const row = (d: number): Cell[] => [day(d), 1000 + 10 * d, 30 + d, 100 * (30 + d)];
  const early: SheetInput = { name: "11月上旬", values: [header, ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(row)] };
  // Days 6–15; day 7's visitors differ (1,077 here, 1,070 in the early tab).
  const lateRows = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map(row);
  lateRows[1] = [day(7), 1077, 37, 3700];
  const late: SheetInput = { name: "11月中旬 export", values: [header, ...lateRows] };

  it("counts each day once and names both cells where the rows disagree", () => {
    const report = diagnoseTables([early, late], { language: "en" });
    // By hand, days 1–15 once: visitors 15,000 + 10 × 120 = 16,200; buyers 450 + 120 = 570.
    const conv = report.findings.find((f) => f.rule === "pay-conversion-vs-peer")!;
    expect(conv.value).toBeCloseTo(570 / 16200, 12);
    expect(report.period).toEqual({ from: "2026-11-01", to: "2026-11-15", days: 15 });
    const repeat = report.findings.filter((f) => f.rule === "data-sanity" && f.status === "warn");
    expect(repeat).toHaveLength(1);
    expect(repeat[0].subject).toBe("11月中旬 export");
    expect(repeat[0].value).toBe(5);
    expect(repeat[0].message).toBe(
      `5 rows of "11月中旬 export" hold the same days as "11月上旬" (2026-11-06 to 2026-11-10); those days were counted once, from "11月上旬". ` +
        `1 overlapping cells disagree ('11月中旬 export'!B3 1,077 ≠ '11月上旬'!B8 1,070); the values from "11月上旬" were used, so check which export is right.`,
    );
  });

  it("says it in Chinese too", () => {
    const report = diagnoseTables([early, late], { language: "zh-CN" });
    const repeat = report.findings.find((f) => f.rule === "data-sanity" && f.status === "warn")!;
    expect(repeat.message).toContain(
      "「11月中旬 export」有 5 行和「11月上旬」是同一天的同一批数据（2026-11-06 至 2026-11-10）",
    );
    expect(repeat.message).toContain("'11月中旬 export'!B3 1,077 ≠ '11月上旬'!B8 1,070");
  });

  it("keeps different products on the same day apart", () => {
    const h: Cell[] = ["统计日期", "商品ID", "商品访客数", "支付买家数"];
    const a: SheetInput = { name: "A", values: [h, [day(1), "p1", 100, 5], [day(1), "p2", 200, 4]] };
    const b: SheetInput = { name: "B", values: [h, [day(1), "p3", 300, 3], [day(1), "p1", 100, 5]] };
    const report = diagnoseTables([a, b], { language: "en" });
    // p1 once: visitors 100 + 200 + 300 = 600, buyers 5 + 4 + 3 = 12.
    expect(report.findings.find((f) => f.rule === "pay-conversion-vs-peer")?.value).toBeCloseTo(12 / 600, 12);
    expect(
      report.findings.filter((f) => f.rule === "data-sanity" && f.status === "warn").map((f) => f.message),
    ).toEqual([
      `1 rows of "B" hold the same days as "A" (2026-11-01 to 2026-11-01); those days were counted once, from "A".`,
    ]);
  });

  it("keeps a second tab's other figures for the same days (traffic in one tab, DSR and traffic in another)", () => {
    const traffic: SheetInput = {
      name: "流量",
      values: [
        ["统计日期", "访客数", "支付买家数"],
        [day(1), 1000, 30],
        [day(2), 1100, 33],
      ],
    };
    const dsr: SheetInput = {
      name: "评分",
      values: [
        ["统计日期", "访客数", "描述相符动态评分(DSR)", "服务态度动态评分(DSR)", "物流服务动态评分(DSR)"],
        [day(1), 1000, 4.8, 4.7, 4.6],
        [day(2), 1100, 4.9, 4.8, 4.7],
      ],
    };
    const report = diagnoseTables([traffic, dsr], { language: "en", peerDsr: 4.8 });
    // Visitors once: 2,100, buyers 63 → 3.00 %; the DSR of the latest day (11-02) is still read.
    expect(report.findings.find((f) => f.rule === "pay-conversion-vs-peer")?.value).toBeCloseTo(63 / 2100, 12);
    expect(Object.fromEntries(report.findings.filter((f) => f.rule === "dsr").map((f) => [f.metric, f.value]))).toEqual(
      { dsrDescription: 4.9, dsrService: 4.8, dsrLogistics: 4.7 },
    );
    expect(report.findings.find((f) => f.rule === "data-sanity" && f.status === "warn")?.subject).toBe("评分");
  });

  it("leaves tabs with no figure in common alone", () => {
    const traffic: SheetInput = {
      name: "流量",
      values: [
        ["统计日期", "访客数", "支付买家数"],
        [day(1), 1000, 30],
      ],
    };
    const dsr: SheetInput = {
      name: "评分",
      values: [
        ["统计日期", "描述相符动态评分(DSR)", "服务态度动态评分(DSR)", "物流服务动态评分(DSR)"],
        [day(1), 4.8, 4.7, 4.6],
      ],
    };
    const report = diagnoseTables([traffic, dsr], { language: "en" });
    expect(report.findings.some((f) => /same days|repeats/.test(f.message))).toBe(false);
  });

  it("leaves two undated exports alone unless one repeats the other row for row", () => {
    const h: Cell[] = ["商品ID", "商品访客数", "支付买家数"];
    const a: SheetInput = { name: "第一周", values: [h, ["p1", 100, 5], ["p2", 200, 4]] };
    const b: SheetInput = { name: "第二周", values: [h, ["p1", 120, 6], ["p2", 210, 5]] };
    const report = diagnoseTables([a, b], { language: "en" });
    expect(report.findings.find((f) => f.rule === "pay-conversion-vs-peer")?.value).toBeCloseTo(20 / 630, 12);
    expect(report.findings.some((f) => /repeat|same days/.test(f.message))).toBe(false);
  });
});

describe("copy names and cell references", () => {
  it("knows the names Sheets and the CLI give copies", () => {
    expect(copiedFrom("店铺日报 的副本")).toBe("店铺日报");
    expect(copiedFrom("店铺日报的副本")).toBe("店铺日报");
    expect(copiedFrom("店铺日报 副本")).toBe("店铺日报");
    expect(copiedFrom("店鋪日報 的複本")).toBe("店鋪日報");
    expect(copiedFrom("Copy of Daily")).toBe("Daily");
    expect(copiedFrom("Daily (1)")).toBe("Daily");
    expect(copiedFrom("Daily")).toBeNull();
  });
  it("quotes sheet names that need it", () => {
    expect(cellRef("Daily", 2, 5)).toBe("Daily!B5");
    expect(cellRef("X 的副本", 3, 10)).toBe("'X 的副本'!C10");
    expect(cellRef("Bob's", 1, 2)).toBe("'Bob''s'!A2");
  });
});
