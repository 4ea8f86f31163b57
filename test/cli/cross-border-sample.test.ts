/**
 * The third sample shop (samples/cross-border-shop): Amazon US, Shopee SG and TikTok Shop MY in
 * one folder, three currencies. The real `shop-doctor` bin diagnoses it without ever adding
 * dollars to Singapore dollars or ringgit, and finds the problems its README plants.
 */
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/engine";

const run = promisify(execFile);
const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "shop-doctor.mjs");
const DIR = join(ROOT, "samples", "cross-border-shop");
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith(".csv"))
  .sort()
  .map((f) => join(DIR, f));

async function diagnose(settings: string): Promise<Report> {
  const { stdout } = await run(
    process.execPath,
    [BIN, "diagnose", ...FILES, "--settings", join(DIR, settings), "--lang", "en", "--json"],
    {
      cwd: ROOT,
      maxBuffer: 20 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout) as Report;
}

const byRule = (report: Report, rule: string) => report.findings.filter((f) => f.rule === rule);

describe("the cross-border sample shop", () => {
  it("reports in US dollars and names the Shopee (SGD) and TikTok (MYR) tabs it leaves out", async () => {
    const report = await diagnose("settings.json");
    expect(report.currency).toBe("USD");
    expect(report.tables.map((t) => t.sheet).sort()).toEqual([
      "Amazon US - Business Report by date",
      "Amazon US - Sponsored Products search terms",
    ]);
    const excluded = report.findings.find((f) => f.message.includes("another currency"))!;
    expect(excluded.message).toContain("Shopee SG - Product Performance");
    expect(excluded.message).toContain("TikTok Shop MY - Product analytics");
    // Problem 1: the Buy Box lost on 22 Nov. Sales per day 19,008 ÷ 7 = $2,715.43 (15–21 Nov, 594 order items × $32)
    // fall to 11,872 ÷ 7 = $1,696 (22–28 Nov, 371 × $32): −37.54 %, all of it conversion (sessions are the same 7,420).
    const drop = byRule(report, "sales-change-drivers")[0];
    expect(drop.status).toBe("bad");
    expect(drop.value).toBeCloseTo(11872 / 7, 2);
    expect(drop.benchmark).toBeCloseTo(19008 / 7, 2);
    expect(drop.message).toContain("$1,696");
    // Problem 2: `usb hand warmer` — $310 spend over 28 days, no sales: $11.07 a day lost.
    const broad = byRule(report, "search-terms-no-sales").find((f) => f.subject === "usb hand warmer")!;
    expect(broad.impact).toBeCloseTo(310 / 28, 2);
    expect(broad.message).toContain("(SP - Gloves - Broad)");
    // …named once, by its search term: the campaign is not a losing plan as well.
    expect(byRule(report, "ad-plan-efficiency").map((f) => f.subject)).not.toContain("SP - Gloves - Broad");
    // Problem 3: ROAS 2.50 below break-even 1 ÷ 30 % = 3.33: (3.33 − 2.5) ÷ 3.33 of $600 ÷ 28 = $5.36 a day.
    const scarf = byRule(report, "ad-plan-efficiency").find((f) => f.subject === "SP - Scarf - Auto")!;
    expect(scarf.status).toBe("bad");
    expect(scarf.impact).toBeCloseTo((600 / 28) * (1 - 2.5 / (1 / 0.3)), 2);
  });

  it("diagnoses the Shopee SG tab in Singapore dollars when the team says so", async () => {
    const report = await diagnose("settings-shopee-sg.json");
    expect(report.currency).toBe("SGD");
    expect(report.tables.map((t) => t.sheet)).toEqual(["Shopee SG - Product Performance"]);
    // Problem 4: Merino scarf, 1,100 visitors and no sales. Shop conversion (confirmed buyers 57 + 27 + 0 + 58 = 142)
    // ÷ visitors (3,600 once for Heated gloves + 1,100 + 1,500 = 6,200) × AOV (3,576 ÷ 142) = S$3,576 ÷ 6,200 per
    // visitor, × 1,100 = S$634.45 missed. The Heated gloves product row (S$2,520) is not added to its variations.
    const zero = byRule(report, "zero-sales-products").find((f) => f.subject === "Merino scarf")!;
    expect(zero.impact).toBeCloseTo((1100 * 3576) / 6200, 2);
    expect(zero.message).toContain("S$634");
    const conversion = byRule(report, "pay-conversion-vs-peer")[0];
    expect(conversion.value).toBeCloseTo(142 / 6200, 6);
  });

  it("reads the TikTok Shop MY tab's two-row header and keeps it in ringgit", async () => {
    const report = await diagnose("settings-tiktok-my.json");
    expect(report.currency).toBe("MYR");
    const table = report.tables.find((t) => t.sheet === "TikTok Shop MY - Product analytics")!;
    expect(table.kind).toBe("products");
    expect(table.rows).toBe(3);
  });
});
