/**
 * "Per day" only when the days are known (issue 11 item 3). A table's days come from its own
 * dates, else its own period (title rows, file or tab name); otherwise its amounts are the
 * whole export's, worded "in this export" everywhere: findings, actions, layout cells, the
 * CLI summary and the JSON. A dateless table pasted beside dated data never borrows its days.
 */
import { describe, expect, it } from "vitest";
import { diagnoseTables, layoutReport, translate } from "../../src/engine";
import type { Cell, Finding, Language, Report, ReportGrid, SheetInput } from "../../src/engine";
import { renderSummary } from "../../src/local/cli/summary";
import { formatCellValue } from "../../src/local/render-grid";
import { loadFixture } from "../support/fixtures";

/** Words that claim an amount is per day. */
const PER_DAY = /每天|每日|日均|per day|a day/i;

/**
 * `text` without the names of the shop-daily export (店铺每日数据 / shop daily, and the paste
 * suggestion that describes it), which name a kind of table, not an amount.
 */
function amountsText(text: string, language: Language): string {
  let out = text;
  for (const key of ["score.export.shop-daily", "tableKind.shop-daily"] as const)
    out = out.split(translate(language, key)).join("");
  return out;
}

/**
 * A Shopify "Sessions by referrer" export for a chosen range: keyed by Referring platform ×
 * Channel × Type (the layout test/diagnose/source-keys.test.ts reads), with Total sales as in
 * PEERS.md §2c; no Day column, so the rows say nothing about how many days they cover.
 */
const HEADER: Cell[] = [
  "Referring platform",
  "Channel",
  "Type",
  "Sessions",
  "Sessions that completed checkout",
  "Total sales",
];
const ROWS: Cell[][] = [
  ["Google", "Search", "Paid", 30000, 900, 54000],
  ["Google", "Search", "Organic", 50000, 1000, 60000],
  ["Instagram", "Social", "Organic", 20000, 200, 12000],
  ["Direct", "Direct", "Organic", 10000, 400, 24000],
];
const referrer = (name = "Sessions by referrer", title: Cell[][] = []): SheetInput => ({
  name,
  values: [...title, HEADER, ...ROWS],
});
const INSTAGRAM = "Instagram › Social › Organic";

// By hand: sessions 30,000 + 50,000 + 20,000 + 10,000 = 110,000; completed checkouts
// 900 + 1,000 + 200 + 400 = 2,500 (2.27 %); sales $150,000, order value 150,000 ÷ 2,500 = $60.
// Shop at the 3 % peer: (3 % × 110,000 − 2,500) × $60 = (3,300 − 2,500) × 60 = $48,000.
// Instagram 200 ÷ 20,000 = 1.00 % (0.44 × the average: weak):
// (2,500 ÷ 110,000 − 1 %) × 20,000 × $60 = (454.545… − 200) × 60 = $15,272.73.
const SHOP_EXPORT = 48000;
const INSTAGRAM_EXPORT = 15272.73;

const settings = { peerPayConversion: 0.03, currency: "USD" } as const;

function moneyFindings(report: Report): Finding[] {
  return report.findings.filter((f) => f.impact !== null);
}

/** The grid rows (0-based) whose advice cell is one of the findings' or actions' messages. */
function rowsOf(grid: ReportGrid, messages: string[]): number[] {
  return grid.values.flatMap((row, i) => (row.some((v) => typeof v === "string" && messages.includes(v)) ? [i] : []));
}

/** What a grid row shows, as the sheet would (numbers through their formats). */
function shown(grid: ReportGrid, row: number): string {
  return grid.values[row].map((v, c) => formatCellValue(v, grid.numberFormats[row][c])).join(" | ");
}

describe("a dateless Shopify export alone", () => {
  for (const language of ["zh-CN", "zh-TW", "en"] as const) {
    const report = diagnoseTables([referrer()], { ...settings, language });

    it(`states every amount for the whole export, never per day (${language})`, () => {
      const shop = report.findings.find((f) => f.rule === "pay-conversion-vs-peer")!;
      expect([shop.impact, shop.impactBasis]).toEqual([SHOP_EXPORT, "export"]);
      const weak = report.findings.find((f) => f.subject === INSTAGRAM && f.status === "warn")!;
      expect([weak.impact, weak.impactBasis]).toEqual([INSTAGRAM_EXPORT, "export"]);
      for (const f of moneyFindings(report)) expect(f.impactBasis, f.message).toBe("export");
      expect(report.actions.map((a) => [a.impact, a.impactBasis])).toEqual([
        [SHOP_EXPORT, "export"],
        [INSTAGRAM_EXPORT, "export"],
      ]);
      // The JSON (every finding, action and field) never says per day.
      expect(amountsText(JSON.stringify(report), language)).not.toMatch(PER_DAY);
      expect(report.period).toBeNull();
      expect(report.undated).toEqual([{ sheet: "Sessions by referrer", kind: "traffic-sources" }]);
    });

    it(`says "in this export" in the layout, the CLI and the sidebar (${language})`, () => {
      const grid = layoutReport(report);
      // Every cell as the sheet shows it (notes explain both bases and are left out).
      for (let r = 0; r < grid.values.length; r++) expect(amountsText(shown(grid, r), language)).not.toMatch(PER_DAY);
      // The action's amount cell reads e.g. 合计 $48,000.00 / $48,000.00 total.
      const exportWords = translate(language, "layout.impactCell.export", { amount: "$48,000.00" });
      const actionRow = rowsOf(grid, [report.actions[0].message])[0];
      expect(shown(grid, actionRow)).toContain(exportWords);
      const cli = renderSummary(report, { color: false });
      expect(amountsText(cli, language)).not.toMatch(PER_DAY);
      expect(cli).toContain(translate(language, "ui.periodUnknown"));
      // The sidebar words each action's money by its basis (src/sidebar/main.ts).
      expect(translate(language, "ui.impact.perDay.export", { amount: "$48,000" })).not.toMatch(PER_DAY);
    });
  }

  it("words the whole-export amount in English", () => {
    const report = diagnoseTables([referrer()], { ...settings, language: "en" });
    const weak = report.findings.find((f) => f.subject === INSTAGRAM && f.status === "warn")!;
    expect(weak.message).toBe(
      `Source "${INSTAGRAM}" brings 18.18% of visitors but converts at 1.00% (shop 2.27%): about $15,273 below shop level in this export.`,
    );
    const grid = layoutReport(report);
    const row = rowsOf(grid, [weak.message])[0];
    expect(formatCellValue(grid.values[row][6], grid.numberFormats[row][6])).toBe("$15,272.73 total");
    expect(grid.values.flat()).toContain("Money at stake");
  });
});

describe("the same export beside a dated shop-daily table", () => {
  // Shopify Sessions and Total sales over time, 2026-11-01 … 2026-11-07 (7 dated days).
  const daily = [loadFixture("shopify-sessions-over-time.csv"), loadFixture("shopify-total-sales-over-time.csv")];
  const report = diagnoseTables([...daily, referrer()], { ...settings, language: "zh-CN" });
  const fromSources = report.findings.filter((f) => f.subjectType === "source");

  it("does not borrow the dated table's days: its amounts stay whole-export amounts", () => {
    expect(report.period).toEqual({ from: "2026-11-01", to: "2026-11-07", days: 7 });
    const weak = fromSources.find((f) => f.subject === INSTAGRAM && f.status === "warn")!;
    // Not $15,272.73 ÷ 7 = $2,181.82 (the old borrowed week): the export's own figure.
    expect([weak.impact, weak.impactBasis]).toEqual([INSTAGRAM_EXPORT, "export"]);
    for (const f of fromSources.filter((x) => x.impact !== null)) expect(f.impactBasis).toBe("export");
    expect(JSON.stringify(fromSources)).not.toMatch(PER_DAY);
    // The dated shop's own money is per day.
    const shop = report.findings.find((f) => f.rule === "pay-conversion-vs-peer" && f.subjectType === "shop")!;
    expect(shop.impactBasis).toBe("day");
    expect(shop.message).toContain("每天");
  });

  it("says so in every place the source's money appears, and names the undated table in the period", () => {
    const messages = [
      ...fromSources.map((f) => f.message),
      ...report.actions.filter((a) => a.rule === "traffic-source-mix").map((a) => a.message),
    ];
    expect(report.actions.some((a) => a.rule === "traffic-source-mix")).toBe(true);
    for (const m of messages) expect(m).not.toMatch(PER_DAY);
    const grid = layoutReport(report);
    const rows = rowsOf(grid, messages);
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) expect(shown(grid, r)).not.toMatch(PER_DAY);
    expect(grid.values.flat()).toContain(
      // 7 dated days: half the dates each (3 and 3), 11-05 to 11-07 against 11-02 to 11-04.
      "2026-11-01 ~ 2026-11-07（7 天）；对比：最近 2026-11-05 ~ 2026-11-07，比紧挨着的前 3 天（2026-11-02 ~ 2026-11-04）；「Sessions by referrer」的流量来源日期未知，其金额按本次导出合计",
    );
    const cli = renderSummary(report, { color: false });
    for (const line of cli.split("\n").filter((l) => l.includes(INSTAGRAM))) expect(line).not.toMatch(PER_DAY);
  });

  it("ranks per-day amounts before whole-export ones in today's actions", () => {
    const bases = report.actions.map((a) => a.impactBasis);
    expect(bases).toEqual([...bases].sort((a, b) => (a === b ? 0 : a === "day" ? -1 : 1)));
    expect(bases[0]).toBe("day");
  });
});

describe("the same export with its period in the tab name or the title rows", () => {
  // 2026-10-01 ~ 2026-10-31 is 31 days: per day = export ÷ 31.
  // Shop 48,000 ÷ 31 = 1,548.387… → $1,548.39; Instagram 15,272.727… ÷ 31 = 492.668… → $492.67.
  const cases: [string, SheetInput][] = [
    ["tab name", referrer("Sessions by referrer 2026-10-01_2026-10-31")],
    ["title rows", referrer("Sessions by referrer", [["统计时间 2026-10-01 ~ 2026-10-31"], [""]])],
  ];
  for (const [where, sheet] of cases) {
    it(`divides by its 31 days and says per day (${where})`, () => {
      const report = diagnoseTables([sheet], { ...settings, language: "zh-CN" });
      expect(report.period).toEqual({ from: "2026-10-01", to: "2026-10-31", days: 31 });
      expect(report.undated).toEqual([]);
      const shop = report.findings.find((f) => f.rule === "pay-conversion-vs-peer")!;
      expect([shop.impact, shop.impactBasis]).toEqual([1548.39, "day"]);
      expect(shop.message).toContain("每天多 $1,548");
      const weak = report.findings.find((f) => f.subject === INSTAGRAM && f.status === "warn")!;
      expect([weak.impact, weak.impactBasis]).toEqual([492.67, "day"]);
      expect(weak.message).toContain("每天少约 $493");
      const grid = layoutReport(report);
      expect(grid.values.flat()).toContain("2026-10-01 ~ 2026-10-31（31 天）");
      const row = rowsOf(grid, [weak.message])[0];
      expect(formatCellValue(grid.values[row][6], grid.numberFormats[row][6])).toBe("每天 $492.67");
      expect(renderSummary(report, { color: false })).toContain("数据期间：2026-10-01 至 2026-10-31（31 天）");
    });
  }
});

describe("a one-product Amazon Business Report with no dates", () => {
  // The child-item report (PEERS.md §2d) cut to its header and one product row: Sessions 2,589,
  // Total Order Items 137, Ordered Product Sales $5,481.72; nothing says how many days it covers.
  const full = loadFixture("amazon-child-items-2023.csv", { mode: "sheets" });
  const sheet: SheetInput = { name: "BusinessReport", values: full.values.slice(0, 2) };

  it("states no per-day money anywhere", () => {
    const report = diagnoseTables([sheet], { peerPayConversion: 0.1, language: "zh-CN" });
    expect(report.tables.map((t) => [t.kind, t.rows])).toEqual([["products", 1]]);
    const money = moneyFindings(report);
    expect(money.length).toBeGreaterThan(0);
    for (const f of money) expect(f.impactBasis).toBe("export");
    // Amazon's Unit Session Percentage: Units Ordered 138 ÷ Sessions 2,589 = 5.33 % against the 10 % peer; one unit
    // is worth Ordered Product Sales 5,481.72 ÷ 138 = $39.72: (10 % × 2,589 − 138) × $39.72 = 120.9 × 39.7226… =
    // $4,802.46 in this export (not ÷ 1 "a day"; on the 137 order items it was $4,877.53, mixing two definitions).
    const shop = report.findings.find((f) => f.rule === "pay-conversion-vs-peer" && f.subjectType === "shop")!;
    expect(shop.value).toBeCloseTo(138 / 2589, 12);
    expect(shop.impact).toBeCloseTo(4802.46, 2);
    expect(shop.impact).toBeCloseTo((0.1 * 2589 - 138) * (5481.72 / 138), 2);
    expect(shop.message).toContain("本次导出内");
    expect(amountsText(JSON.stringify(report), "zh-CN")).not.toMatch(PER_DAY);
    const grid = layoutReport(report);
    for (let r = 0; r < grid.values.length; r++) expect(amountsText(shown(grid, r), "zh-CN")).not.toMatch(PER_DAY);
    expect(amountsText(renderSummary(report, { color: false }), "zh-CN")).not.toMatch(PER_DAY);
  });
});
