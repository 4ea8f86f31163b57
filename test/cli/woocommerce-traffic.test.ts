/**
 * WooCommerce's Analytics → Revenue export has orders and money but no sessions. The report says
 * which checks wait for a traffic export and which exports serve — on the terminal, in the --out
 * HTML page and in the report sheet, in each language — and pasting one of those exports next to
 * it (GA4 traffic acquisition by day, Jetpack Stats) does make conversion and visitor value appear.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diagnoseTables, type Report } from "../../src/engine";
import { translate } from "../../src/engine/i18n";
import { layoutReport } from "../../src/engine/layout";
import { runCli } from "../../src/local/cli/main";
import { escapeHtml } from "../../src/local/render-grid";
import { readExportFile } from "../../src/readers/delimited";
import { FIXTURE_DIR } from "../support/fixtures";

const WOO = join(FIXTURE_DIR, "global", "woocommerce-revenue.csv");
const dir = mkdtempSync(join(tmpdir(), "shop-doctor-woo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** GA4's Traffic acquisition with the Date dimension for the same three days, as GA4 writes it. */
const GA4 = [
  "# ----------------------------------------",
  "# Traffic acquisition: Session primary channel group (Default Channel Group)",
  "# Start date: 20261101",
  "# End date: 20261103",
  "# ----------------------------------------",
  "Date,Sessions,Engaged sessions",
  "20261101,600,320",
  "20261102,450,240",
  "20261103,750,400",
].join("\n");
const JETPACK = ["Date,Visitors,Views", "2026-11-01,600,1500", "2026-11-02,450,1100", "2026-11-03,750,1900"].join("\n");

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: {},
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

const LANGUAGES = ["en", "zh-CN", "zh-TW"] as const;

describe("WooCommerce without sessions", () => {
  it.each(LANGUAGES)(
    "%s: the terminal, the --out page and the sheet name the checks and the traffic exports",
    async (lang) => {
      const note = translate(lang, "payConv.missingTraffic");
      for (const name of ["GA4", "Jetpack Stats"]) expect(note).toContain(name);
      const out = join(dir, `woo-${lang}.html`);
      const { code, stdout, stderr } = await cli(["diagnose", WOO, "--lang", lang, "--out", out]);
      expect(code).toBe(0);
      expect(stderr).toBe("");
      expect(stdout).toContain(note);
      // the HTML page holds it as escaped text (WooCommerce&#39;s)
      expect(readFileSync(out, "utf8")).toContain(escapeHtml(note));
      const sheet = layoutReport(diagnoseTables([readExportFile(WOO)], { language: lang }));
      expect(sheet.values.flat()).toContain(note);
    },
  );

  it("the CLI's currency note points at the --settings file, not a Settings sheet", async () => {
    const { stdout } = await cli(["diagnose", WOO, "--lang", "en"]);
    expect(stdout).toContain("enter the right code as currency in the --settings JSON file (e.g. USD, INR, VND)");
    expect(stdout).not.toContain("Settings sheet");
  });

  it.each([
    ["ga4-traffic-acquisition-by-day.csv", GA4],
    ["jetpack-stats.csv", JETPACK],
  ])("with %s next to it, conversion and visitor value are judged and the note goes", async (file, text) => {
    const traffic = join(dir, file);
    writeFileSync(traffic, text);
    const { code, stdout } = await cli(["diagnose", WOO, traffic, "--lang", "en", "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.findings.map((f) => f.message)).not.toContain(translate("en", "payConv.missingTraffic"));
    // Orders 12 + 9 + 15 = 36 over sessions (or Jetpack visitors) 600 + 450 + 750 = 1,800 → 2.00 %;
    // Total sales 858.00 + 619.20 + 1,032.00 = $2,509.20 ÷ 1,800 = $1.39 a visitor.
    const conversion = report.findings.find((f) => f.rule === "pay-conversion-vs-peer")!;
    expect(conversion.value).toBeCloseTo(36 / 1800, 9);
    const value = report.findings.find((f) => f.rule === "visitor-value-vs-cost")!;
    expect(value.value).toBeCloseTo(2509.2 / 1800, 9);
    expect(value.message).toContain("$1.39");
  });
});
