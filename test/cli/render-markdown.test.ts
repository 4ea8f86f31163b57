/**
 * The Markdown report: the sample shop's report grid rendered for chat — title, score line,
 * numbered actions with their money, one table per area under its heading — and product names
 * that try to add formatting, links or HTML shown as plain text.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnoseTables, layoutReport, parseSettings, type SheetInput } from "../../src/engine";
import { escapeMarkdown, renderMarkdown } from "../../src/local/render-markdown";
import { readExportFile } from "../../src/readers/delimited";

const SAMPLE = join(__dirname, "..", "..", "samples", "sample-shop");
const tabs: SheetInput[] = readdirSync(SAMPLE)
  .filter((f) => f.endsWith(".csv"))
  .map((f) => readExportFile(join(SAMPLE, f)));

function report(language: string, sheets = tabs) {
  const parsed = parseSettings({ peerPayConversion: 0.031, language });
  if (!parsed.ok) throw new Error("settings");
  return diagnoseTables(sheets, parsed.settings);
}

describe("renderMarkdown", () => {
  const r = report("en");
  const md = renderMarkdown(layoutReport(r));
  const lines = md.split("\n");

  it("a title, the score line and the period", () => {
    expect(lines[0]).toBe("# Shop health report");
    // The period, then the comparison the trends used (compareTo).
    expect(lines.find((l) => l.startsWith("**Period** · "))).toBe(
      "**Period** · 2026-10-01 to 2026-10-31 (31 days); Compared: 2026-10-25 to 2026-10-31 against the 7 days just before (2026-10-18 to 2026-10-24)",
    );
    expect(md).toMatch(new RegExp(`^\\*\\*Health score\\*\\* · \\*\\*${r.score}\\*\\* · `, "m"));
  });

  it("today's actions numbered, each with its money per day as the sheet formats it", () => {
    const first = r.actions[0];
    // The sample shop has a Costs tab: the cell holds the profit at stake, its format says
    // "profit/day" around ¥#,##0.00 and names the sales it comes from, e.g. 6280.7 → (¥6,281 in sales).
    expect(first.stakeBasis).toBe("profit");
    const money = (v: number, digits: number) =>
      v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
    const line = lines.find((l) => l.startsWith("1. "));
    expect(line).toBeDefined();
    expect(line).toContain(escapeMarkdown(first.message));
    expect(line).toContain(`¥${money(first.profitAtStake!, 2)} profit/day (¥${money(first.impact!, 0)} in sales)`);
    expect(lines.filter((l) => /^[1-3]\. /.test(l))).toHaveLength(r.actions.length);
  });

  it("one table per area, the header repeated under each area heading", () => {
    const headings = lines.filter((l) => l.startsWith("### "));
    const headers = lines.filter((l) => l.startsWith("| Status |"));
    expect(headings.length).toBeGreaterThan(3);
    expect(headers.length).toBe(headings.length);
    // Every finding is one table row (8 columns → 9 pipes outside escapes).
    const rows = lines.filter((l) => /^\| [✔▲✖ℹ]/.test(l));
    expect(rows).toHaveLength(r.findings.length);
    for (const row of rows) expect(row.replace(/\\\|/g, "").split("|")).toHaveLength(10);
  });

  it("text from the data cannot add markup: pipes, stars, links and HTML are escaped", () => {
    expect(escapeMarkdown("**爆款** | <img src=x> [点我](http://x)\n第二行")).toBe(
      "\\*\\*爆款\\*\\* \\| &lt;img src=x&gt; \\[点我\\](http://x) 第二行",
    );
  });
});
