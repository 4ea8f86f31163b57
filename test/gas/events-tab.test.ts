/**
 * The sidebar's "Add an Events tab" through the real build/Code.js over the in-memory spreadsheet:
 * the tab it creates, once a row is typed in, is read by the Events reader and the event is judged.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Cell } from "../../src/engine";
import type { ApiResult, DiagnoseSummary } from "../../src/gas/api";
import { createFakeGoogle } from "../../src/local/fake";
import { loadBundle, readBundle } from "../support/load-bundle";

let source = "";
beforeAll(() => {
  source = readBundle();
});

const HEADER = ["统计日期", "访客数", "浏览量", "支付金额", "支付买家数", "支付转化率", "客单价", "跳失率"];
// 35 days, 2026-05-01 (i = 0) … 2026-06-04 (i = 34): 1,000 visitors a day, sales cycling 900 / 1,000 /
// 1,100 (i % 3), except the event 05-29 … 05-31 (i = 28 … 30: 3,000, 3,600, 2,400) and the two days after.
const EVENT_SALES: Record<number, number> = { 28: 3000, 29: 3600, 30: 2400, 31: 600, 32: 800 };
function days(): Cell[][] {
  return Array.from({ length: 35 }, (_, i) => {
    const date = new Date(Date.UTC(2026, 4, 1 + i)).toISOString().slice(0, 10);
    const sales = EVENT_SALES[i] ?? [900, 1000, 1100][i % 3];
    const buyers = sales / 100;
    return [date, 1000, 3000, sales, buyers, buyers / 1000, 100, 0.5];
  });
}

describe("createEventsTab through the bundle", () => {
  it("creates 活动, and the event typed into it is judged as an event by the next diagnosis", () => {
    const google = createFakeGoogle({ sheets: [{ name: "店铺日报", values: [HEADER, ...days()] }], locale: "zh_CN" });
    const context = loadBundle({ ...google.globals }, source);
    const create = context.createEventsTab as () => ApiResult<{ sheet: string; created: boolean }>;
    const diagnose = context.diagnoseShop as () => ApiResult<DiagnoseSummary>;
    expect(create()).toEqual({ ok: true, value: { sheet: "活动", created: true } });
    // An empty tab is not an error: the diagnosis runs and judges no event.
    expect(diagnose().ok).toBe(true);
    const reportOf = () => google.spreadsheet.getSheetByName("店铺体检")!.getDataRange().getValues();
    const before = reportOf();
    expect(before.some((r) => String(r[7]).includes("618 预热"))).toBe(false);
    // Judged as ordinary days, the event's days break pattern.
    const eventDay = /2026-05-(29|30|31)（/;
    expect(before.some((r) => r[2] === "偏离平常的一天" && eventDay.test(String(r[7])))).toBe(true);

    const tab = google.spreadsheet.getSheetByName("活动")!;
    tab.getRange(2, 1, 1, 4).setValues([["618 预热", "2026-05-29", "2026-05-31", "大促"]]);
    const second = diagnose();
    expect(second.ok).toBe(true);
    if (second.ok) expect(second.value.dataSheets).toContain("活动");
    const report = reportOf();
    const row = report.find((r) => r[1] === "618 预热");
    expect(row?.[2]).toBe("活动增量");
    // Baseline: the 28 ordinary days before 05-29 (i = 0 … 27): ten 900s, nine 1,000s, nine 1,100s →
    // median 1,000. Event mean (3,000 + 3,600 + 2,400) ÷ 3 = 3,000 → lift (3,000 − 1,000) × 3 = ¥6,000.
    expect(row?.[3]).toBe(6000);
    // No ad spend by day in this export: nothing to weigh the lift against.
    expect(row?.[4]).toBe("");
    expect(String(row?.[7])).not.toMatch(/NaN|undefined|Infinity/);
    // Event days are no longer anomalies; the day after is named as the 大促's dip.
    expect(report.some((r) => r[2] === "偏离平常的一天" && eventDay.test(String(r[7])))).toBe(false);
    const dip = report.find((r) => r[2] === "偏离平常的一天" && String(r[7]).startsWith("2026-06-01"));
    expect(String(dip?.[7])).toContain("这是大促「618 预热」结束后的回落");
    // The tab keeps what the team typed.
    expect(tab.getDataRange().getValues()[0]).toEqual(["活动名称", "开始日期", "结束日期", "类型"]);
  });
});
