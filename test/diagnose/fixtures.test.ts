/**
 * Golden reports: every fixture export diagnosed and laid out, the grid written as readable
 * text under __snapshots__/ (reviewed by eye once; a diff shows exactly what a change moved).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnoseTables, layoutReport } from "../../src/engine";
import type { ReportGrid } from "../../src/engine";
import { readExportFile } from "../../src/readers/delimited";
import { FIXTURE_DIR, fixtureNames, loadFixture } from "../support/fixtures";

/** Team settings a shop would typically have filled in, so the peer- and margin-based rules run. */
const SETTINGS = { peerPayConversion: 0.03, grossMargin: 0.4, peerDsr: 4.8 };

/** Exports with their own peer columns are diagnosed against those, not a typed-in value. */
function settingsFor(name: string) {
  return name.includes("peers") ? { grossMargin: 0.4 } : SETTINGS;
}

/** Report languages for a few fixtures, so each language's layout is reviewed once. */
const LANGUAGE: Record<string, "en" | "zh-TW"> = {
  "shopify-sessions-over-time.csv": "en",
  "amazon-by-date-us.csv": "en",
  "sycm-shop-daily-traditional.csv": "zh-TW",
};

/** The grid as text: one line per row, each non-empty cell as value [format] {background} (note). */
export function gridText(g: ReportGrid): string {
  const lines = [`sheet: ${g.sheetName}`, `frozen rows: ${g.frozenRows}`, `widths: ${g.columnWidths.join(", ")}`];
  lines.push(`merges: ${g.merges.map((m) => `R${m.row}C${m.column}+${m.numRows}x${m.numColumns}`).join(" ")}`);
  lines.push(
    `chart: ${g.charts.length ? g.charts.map((c) => `${c.kind} "${c.title}" ${c.ranges.map((r) => `R${r.row}C${r.column}+${r.numRows}x${r.numColumns}`).join(" ")}`).join("; ") : "none"}`,
  );
  g.values.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((v, c) => {
      const bg = g.backgrounds[r][c];
      const note = g.notes[r][c];
      if (v === null && bg === "#ffffff" && !note) return;
      let text = `${String.fromCharCode(65 + c)}: ${v === null ? "" : typeof v === "number" ? Number(v.toFixed(6)) : JSON.stringify(v)}`;
      if (typeof v === "number") text += ` [${g.numberFormats[r][c]}]`;
      if (bg !== "#ffffff") text += ` {${bg}}`;
      if (g.fontWeights[r][c] === "bold") text += " *";
      if (note) text += ` (note: ${note.replace(/\n/g, " / ")})`;
      cells.push(text);
    });
    lines.push(`${r + 1}. ${cells.join(" | ")}`);
  });
  return lines.join("\n") + "\n";
}

describe("golden reports for the fixture exports", () => {
  for (const name of fixtureNames()) {
    it(name, async () => {
      const sheet = loadFixture(name, { mode: "text" });
      const report = diagnoseTables([sheet], { ...settingsFor(name), language: LANGUAGE[name] ?? "zh-CN" });
      const grid = layoutReport(report);
      // The data sheet is recognised (not just listed as unknown) and something is judged.
      expect(
        report.tables.some((t) => t.kind !== "unknown"),
        "recognised",
      ).toBe(true);
      await expect(gridText(grid)).toMatchFileSnapshot(`__snapshots__/${name.replace(/\.(csv|tsv)$/, "")}.txt`);
    });
  }

  // rows-kinds/: ragged rows, rows kept aside, search terms, live rooms, orders, several shops a day. Read
  // through the CLI's own file reader, which knows each row's real value count (a padded grid would hide
  // the 10-values-under-11-headers row).
  const ROWS_KINDS = join(FIXTURE_DIR, "rows-kinds");
  for (const name of readdirSync(ROWS_KINDS)
    .filter((f) => /\.(csv|tsv)$/.test(f))
    .sort()) {
    it(`rows-kinds/${name}`, async () => {
      const report = diagnoseTables([readExportFile(join(ROWS_KINDS, name))], { ...SETTINGS, language: "zh-CN" });
      await expect(gridText(layoutReport(report))).toMatchFileSnapshot(
        `__snapshots__/rows-kinds/${name.replace(/\.(csv|tsv)$/, "")}.txt`,
      );
    });
  }

  const rowsKinds = (name: string) =>
    diagnoseTables([readExportFile(join(ROWS_KINDS, name))], { ...SETTINGS, language: "zh-CN" });
  const figure = (r: ReturnType<typeof rowsKinds>, rule: string, metric: string) =>
    r.findings.find((f) => f.rule === rule && f.metric === metric)?.value;

  it("rows-kinds ragged: the 10-values row 4 is left out and named, every figure is the four whole days'", () => {
    const r = rowsKinds("sycm-shop-daily-ragged.csv");
    // Days 11-01, 02, 04, 05: visitors 3200 + 3000 + 3100 + 2900 = 12,200; buyers 96 + 90 + 93 + 87 = 366;
    // sales 24,000 + 22,500 + 23,250 + 21,750 = 91,500; page views 9,600 + 9,000 + 9,300 + 8,700 = 36,600.
    expect(r.tables.map((t) => t.rows)).toEqual([4]);
    expect(figure(r, "pay-conversion-vs-peer", "payConversion")).toBeCloseTo(366 / 12_200, 12); // 3.00 %
    expect(figure(r, "visitor-value-vs-cost", "visitorValue")).toBeCloseTo(91_500 / 12_200, 12); // ¥7.50
    expect(figure(r, "visit-depth", "pagesPerVisitor")).toBeCloseTo(36_600 / 12_200, 12); // 3.00 pages
    expect(figure(r, "bounce-rate", "bounceRate")).toBeCloseTo((0.45 + 0.46 + 0.44 + 0.455) / 4, 12); // 45.13 %
    const ragged = r.findings.find((f) => f.rule === "data-sanity" && f.message.includes("第 4 行"));
    expect(ragged?.status).toBe("warn");
    // No figure from the shifted row: ROI 8 never became 0.01 / 0.08, spend never ¥8.
    expect(r.findings.some((f) => /ROI|0\.01|亏/.test(f.message))).toBe(false);
  });

  it("rows-kinds aside rows: subtotal, average, total, repeated header and key-only rows are not counted", () => {
    const r = rowsKinds("sycm-products-aside-rows.csv");
    // Three products: visitors 2000 + 1000 + 500 = 3,500, buyers 60 + 20 + 25 = 105, sales 14,280 + 3,560 +
    // 1,225 = ¥19,065 (the 合计 row says the same; 小计 3000 and 平均值 1166.67 are never added).
    expect(r.tables.map((t) => t.rows)).toEqual([3]);
    expect(figure(r, "visitor-value-vs-cost", "visitorValue")).toBeCloseTo(19_065 / 3_500, 12); // ¥5.45
    // Hero = best seller 加厚珊瑚绒睡衣女冬季, AOV 14,280 / 60 = ¥238; shop AOV 19,065 / 105 = ¥181.57.
    expect(figure(r, "aov-vs-hero", "aovHeroRatio")).toBeCloseTo(19_065 / 105 / 238, 9); // 0.76
    // 法兰绒家居服套装 converts 20 / 1000 = 2 % < 3 %: (3 % − 2 %) × 1000 visitors × AOV 3,560 / 20 = ¥1,780.
    const below = r.findings.find((f) => f.rule === "pay-conversion-vs-peer" && f.subject === "法兰绒家居服套装");
    expect(below?.impact).toBeCloseTo(1780, 6);
    expect(r.findings.filter((f) => f.rule === "data-sanity" && f.status === "info").length).toBeGreaterThanOrEqual(5);
  });

  it("the 2017 生意参谋 shop export reads as a sick-but-alive shop", () => {
    const report = diagnoseTables([loadFixture("sycm-shop-daily-2017.csv", { mode: "text" })], SETTINGS);
    expect(report.period).not.toBeNull();
    expect(report.currency).toBe("CNY");
    expect(report.findings.some((f) => f.rule === "bounce-rate" && f.status !== "info")).toBe(true);
    expect(report.findings.some((f) => f.rule === "dsr" && f.status !== "info")).toBe(true);
  });

  it("takes the peer conversion from the export's own peer column", () => {
    const report = diagnoseTables(
      [loadFixture("sycm-shop-vs-peers.csv", { mode: "text" })],
      settingsFor("sycm-shop-vs-peers.csv"),
    );
    const peer = report.findings.find((f) => f.rule === "pay-conversion-vs-peer" && f.subjectType === "shop");
    expect(peer?.status).not.toBe("info");
    expect(peer?.benchmark).toBeGreaterThan(0);
  });

  it("English exports are reported in dollars", () => {
    const report = diagnoseTables([loadFixture("shopify-sessions-over-time.csv", { mode: "text" })], SETTINGS);
    expect(report.currency).toBe("USD");
  });
});
