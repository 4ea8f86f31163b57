/**
 * search-terms-no-sales on an Amazon Sponsored Products search term report: one finding per
 * search term (its campaigns named as context), spend summed over ad groups and campaigns,
 * money per day only when the report's dates give the days; figures worked by hand.
 */
import { describe, expect, it } from "vitest";
import { diagnoseTables, type Finding, recognizeTables } from "../../src/engine";
import { buildContext } from "../../src/engine/rules/context";
import { searchTermGroup } from "../../src/engine/rules/search-terms";
import { defaultSettings } from "../../src/engine/settings";
import { table } from "./helpers";

const HEADER = [
  "Date",
  "Currency",
  "Campaign Name",
  "Ad Group Name",
  "Targeting",
  "Match Type",
  "Customer Search Term",
  "Impressions",
  "Clicks",
  "Spend",
  "7 Day Total Sales",
];

/** Two days; `usb hand warmer` in two ad groups of one campaign and in a second campaign. */
const DATED = {
  name: "Sponsored Products Search term report",
  values: [
    HEADER,
    [
      "2026-11-01",
      "USD",
      "SP - Gloves - Broad",
      "Gloves",
      "gloves",
      "BROAD",
      "usb hand warmer",
      4000,
      60,
      "$45.00",
      "$0.00",
    ],
    [
      "2026-11-01",
      "USD",
      "SP - Gloves - Broad",
      "Gloves phrase",
      "warm gloves",
      "PHRASE",
      "usb hand warmer",
      3000,
      40,
      "$30.00",
      "$0.00",
    ],
    [
      "2026-11-02",
      "USD",
      "SP - Gloves - Auto",
      "Auto",
      "close-match",
      "-",
      "usb hand warmer",
      2500,
      35,
      "$35.00",
      "$0.00",
    ],
    [
      "2026-11-02",
      "USD",
      "SP - Gloves - Exact",
      "Gloves",
      "heated gloves",
      "EXACT",
      "heated gloves",
      12000,
      240,
      "$240.00",
      "$960.00",
    ],
    [
      "2026-11-02",
      "USD",
      "SP - Scarf - Auto",
      "Scarf",
      "close-match",
      "-",
      "wool scarf men",
      2000,
      20,
      "$16.00",
      "$0.00",
    ],
  ],
};

const rule = (found: readonly Finding[]) => found.filter((f) => f.rule === "search-terms-no-sales");

describe("search terms with spend and no sales", () => {
  it("keys the finding by the search term, sums it over ad groups and campaigns, per day over the report's days", () => {
    const report = diagnoseTables([DATED], { language: "en" });
    expect(report.currency).toBe("USD");
    const found = rule(report.findings);
    // usb hand warmer: $45 + $30 (two ad groups of SP - Gloves - Broad) + $35 (SP - Gloves - Auto) = $110 over
    // 2 days (1 and 2 Nov) = $55.00 a day; wool scarf men: $16 ÷ 2 = $8.00 a day; heated gloves sold.
    expect(found.map((f) => [f.subject, f.subjectType, f.status, f.impact, f.impactBasis])).toEqual([
      ["usb hand warmer", "searchTerm", "warn", 55, "day"],
      ["wool scarf men", "searchTerm", "warn", 8, "day"],
    ]);
    const usb = found[0];
    // The campaigns as context, most spend on the term first: Broad $75, Auto $35.
    expect(usb.message).toBe(
      'Shoppers who searched "usb hand warmer" clicked your ads (SP - Gloves - Broad, SP - Gloves - Auto) and bought nothing: about $55.00 a day of ad spend with no sales.',
    );
    const action = report.actions.find((a) => a.rule === "search-terms-no-sales" && a.subject === "usb hand warmer")!;
    expect(action.message).toContain('Add "usb hand warmer" as a negative exact keyword in SP - Gloves - Broad');
  });

  it("the campaigns with no ad sales are not stated again as losing plans", () => {
    const report = diagnoseTables([DATED], { language: "en" });
    const plans = report.findings.filter((f) => f.rule === "ad-plan-efficiency").map((f) => f.subject);
    expect(plans).not.toContain("SP - Gloves - Broad");
    expect(plans).not.toContain("SP - Gloves - Auto");
    expect(plans).not.toContain("SP - Scarf - Auto");
    // …while a plan report (no search term column) still judges its own campaigns.
    const byPlan = {
      name: "Sponsored Products Campaign report",
      values: [
        ["Date", "Currency", "Campaign Name", "Impressions", "Clicks", "Spend", "7 Day Total Sales"],
        ["2026-11-01", "USD", "SP - Gloves - Broad", 7000, 100, "$75.00", "$0.00"],
      ],
    };
    const plan = diagnoseTables([byPlan], { language: "en" }).findings.find(
      (f) => f.rule === "ad-plan-efficiency" && f.subject === "SP - Gloves - Broad",
    )!;
    // ROI 0: $75 spent, $0 back, one day
    expect(plan.impact).toBe(75);
  });

  it("without dates the money is the report's total, labelled as such; top-N with one line for the rest", () => {
    // 12 terms with spend $1 … $12 and no sales, no dates: the 10 with most spend are named ($12 … $3),
    // the other two ($1 + $2 = $3.00) counted in one ℹ line.
    const rows = Array.from({ length: 12 }, (_, i) => [
      "USD",
      "SP - Auto",
      "Auto",
      "close-match",
      "-",
      `term ${String(i + 1).padStart(2, "0")}`,
      1000,
      10,
      i + 1,
      0,
    ]);
    const sheet = { name: "Search terms", values: [HEADER.slice(1), ...rows] };
    const found = rule(diagnoseTables([sheet], { language: "en" }).findings);
    expect(found).toHaveLength(11);
    expect(found.slice(0, 10).map((f) => f.impact)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    expect(found.slice(0, 10).every((f) => f.impactBasis === "export")).toBe(true);
    expect(found[0].message).toBe(
      'Shoppers who searched "term 12" clicked your ads (SP - Auto) and bought nothing: $12.00 of ad spend with no sales in this export.',
    );
    const more = found[10];
    expect(more).toMatchObject({ status: "info", subject: "+2", value: 2 });
    expect(more.message).toContain("about $3.00 in this export together");
  });

  it("✔ when every term with spend sold; the Chinese report words the same finding", () => {
    const sold = { name: "Search terms", values: [HEADER, DATED.values[4]] };
    const ok = rule(diagnoseTables([sold], { language: "en" }).findings);
    expect(ok.map((f) => f.status)).toEqual(["good"]);
    const zh = rule(diagnoseTables([DATED], { language: "zh-CN" }).findings)[0];
    expect(zh.message).toBe(
      "买家搜「usb hand warmer」点了你的广告（SP - Gloves - Broad、SP - Gloves - Auto），却一单没买：每天约 $55.00 的推广花费没带来成交。",
    );
  });
});

describe("search-term windows and the Events tab", () => {
  it("leaves event days out of the search terms' compareTo windows, like every other group", () => {
    // Two dated days → windows of 1 day each: recent 11-02, previous 11-01. With 11-02 on the Events
    // tab the recent window holds 1 event day and nothing ordinary; without it, 0 event days.
    const recognized = recognizeTables([DATED]);
    const events = table("events", [{ eventName: "Black Friday", eventStart: "2026-11-02", eventEnd: "2026-11-02" }]);
    const withEvents = searchTermGroup(buildContext([...recognized, events], defaultSettings(), "USD"))!;
    expect(withEvents.comparison).toMatchObject({ eventDays: { recent: 1, previous: 0 }, allEventDays: "recent" });
    const without = searchTermGroup(buildContext(recognized, defaultSettings(), "USD"))!;
    expect(without.comparison).toMatchObject({ eventDays: { recent: 0, previous: 0 }, allEventDays: null });
    // The finding itself is over the whole report either way: $110 over 2 days = $55.00 a day.
    const report = diagnoseTables([DATED], { language: "en" });
    expect(rule(report.findings)[0].impact).toBe(55);
  });
});
