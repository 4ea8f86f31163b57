/**
 * No Infinity, NaN or -0 reaches a written cell, the report's text or its JSON (issue 10):
 * absurd figures are refused where they enter (a data cell, a setting) with their cell named,
 * and the layout and the message formatter guard once more at the boundary.
 */
import { describe, expect, it } from "vitest";
import { diagnoseTables, layoutReport } from "../../src/engine";
import { format } from "../../src/engine/i18n/format";
import { recognizeTables } from "../../src/engine/recognize";
import { parseSettings } from "../../src/engine/settings";
import { readSettingsSheet, settingsRow, settingsSheetGrid } from "../../src/gas/settings-sheet";
import { defaultSettings } from "../../src/engine/settings";
import { formFields, readFormField } from "../../src/sidebar/form";

const HUGE = "9".repeat(400);
/** 10^15, the largest figure a cell or setting may hold. */
const MAX_FIGURE = 1e15;

/** A week of 生意参谋-style daily rows with an absurd cell or two. */
function week(): unknown[][] {
  return [
    ["统计日期", "访客数", "支付买家数", "支付金额", "支付转化率"],
    ["2026-11-01", 1000, 35, 8330, "3.50%"],
    ["2026-11-02", HUGE, 30, 7140, "2.50%"],
    ["2026-11-03", 400, 12, "1e300", "3.00%"],
    ["2026-11-04", 1100, 44, 1.7e308, "4.00%"],
    ["2026-11-05", 1250, 50, 11900, "4.00%"],
    ["2026-11-06", 1200, -0, 0, "-0.00%"],
    ["2026-11-07", 1000, 40, 9520, "4.00%"],
  ];
}

/** Every number anywhere in `value` (objects, arrays), with its path. */
function numbers(value: unknown, path = "$", out: [string, number][] = []): [string, number][] {
  if (typeof value === "number") out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => numbers(v, `${path}[${i}]`, out));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) numbers(v, `${path}.${k}`, out);
  return out;
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) strings(v, out);
  return out;
}

function expectClean(value: unknown): void {
  for (const [path, n] of numbers(value)) {
    expect(Number.isFinite(n), `${path} = ${n}`).toBe(true);
    expect(Object.is(n, -0), `${path} is -0`).toBe(false);
  }
  for (const s of strings(value)) expect(s, s).not.toMatch(/\bNaN\b|Infinity|(?<![\w.])-0(?:\.0+)?(?![\d.])%?/);
}

describe("absurd data cells", () => {
  it("a 400-digit number and figures past 10^15 are data issues with their cells, not Infinity", () => {
    const [t] = recognizeTables([{ name: "店铺", values: week() as never }]);
    const issues = t.issues.filter((i) => i.code === "not-a-number").map((i) => [i.row, i.column, i.field]);
    // B3 (400 digits), D4 ("1e300" text), D5 (1.7e308 as a number cell)
    expect(issues).toEqual([
      [3, 2, "visitors"],
      [4, 4, "sales"],
      [5, 4, "sales"],
    ]);
    expect(t.rows.map((r) => r.visitors)).toEqual([1000, null, 400, 1100, 1250, 1200, 1000]);
    expect(t.rows.map((r) => r.sales)).toEqual([8330, 7140, null, null, 11900, 0, 9520]);
    // -0 buyers read 0
    expect(Object.is(t.rows[5].paidBuyers, 0)).toBe(true);
  });

  it("the report, its JSON and its layout carry no NaN, Infinity or -0, and name the cells", () => {
    const report = diagnoseTables([{ name: "店铺", values: week() as never }], { monthlyTarget: MAX_FIGURE });
    expectClean(report);
    expect(JSON.stringify(report)).not.toMatch(/Infinity|NaN|null,"benchmark":null,"impact":-0/);
    const grid = layoutReport(report);
    expectClean(grid.values);
    const text = strings(report).join("\n");
    for (const cell of ["B3", "D4", "D5"]) expect(text).toContain(cell);
  });
});

describe("settings past any real figure", () => {
  it("a 1e308 monthly target is refused, naming the setting; 10^15 is the largest accepted", () => {
    const refused = parseSettings({ monthlyTarget: 1e308 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.errors).toEqual([
        {
          field: "monthlyTarget",
          message: "expected a number above 0 and no more than 1,000,000,000,000,000, or empty",
        },
      ]);
    }
    expect(parseSettings({ monthlyTarget: MAX_FIGURE }).ok).toBe(true);
    expect(parseSettings({ peerVisitorValue: 1e16 }).ok).toBe(false);
  });

  it("the sidebar form refuses it too, saying the limit in the panel's language", () => {
    const target = formFields().find((f) => f.key === "monthlyTarget")!;
    expect(readFormField(target, "1e308", "zh-TW")).toEqual({
      ok: false,
      message: "請填大於 0、不超過 1000 兆的金額。",
    });
    expect(readFormField(target, "1,000,000,000,000,000", "en")).toEqual({ ok: true, value: 1e15 });
  });

  it("in the Settings sheet the message names the cell, in the sheet's language", () => {
    const grid = settingsSheetGrid(defaultSettings()).values.map((row) => [...row]) as unknown[][];
    const row = settingsRow("monthlyTarget");
    grid[row - 1][1] = 1e308;
    const read = readSettingsSheet(grid as never, "zh-CN");
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.errors).toEqual([
        expect.objectContaining({
          field: "monthlyTarget",
          cell: `B${row}`,
          message: expect.stringContaining("不超过 1000 万亿"),
        }),
      ]);
    }
  });
});

describe("the boundary guards", () => {
  it("message parameters never print NaN, Infinity or -0", () => {
    expect(format("{a} / {b} / {c} / {d}", { a: Number.NaN, b: Number.POSITIVE_INFINITY, c: -0, d: 1.5 })).toBe(
      "— / — / 0 / 1.5",
    );
    expect(format("{n, plural, one {# row} other {# rows}}", { n: -0 })).toBe("0 rows");
  });

  it("the layout writes no non-finite number or -0, even when a figure slipped through", () => {
    const report = diagnoseTables([{ name: "店铺", values: week() as never }]);
    const broken = structuredClone(report);
    for (const f of broken.findings) {
      f.value = Number.POSITIVE_INFINITY;
      f.benchmark = Number.NaN;
      f.impact = -0;
    }
    for (const a of broken.actions) a.impact = Number.NEGATIVE_INFINITY;
    expectClean(layoutReport(broken).values);
  });
});
