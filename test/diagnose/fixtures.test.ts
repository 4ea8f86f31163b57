/**
 * Golden reports: every fixture export diagnosed and laid out, the grid written as readable
 * text under __snapshots__/ (reviewed by eye once; a diff shows exactly what a change moved).
 */
import { describe, expect, it } from "vitest";
import { diagnoseTables, layoutReport } from "../../src/engine";
import type { ReportGrid } from "../../src/engine";
import { fixtureNames, loadFixture } from "../support/fixtures";

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
    `chart: ${g.chart ? `${g.chart.kind} "${g.chart.title}" R${g.chart.range.row}C${g.chart.range.column}+${g.chart.range.numRows}x${g.chart.range.numColumns}` : "none"}`,
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
