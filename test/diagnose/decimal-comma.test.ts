/**
 * Issue 11, "How it is checked": reformatting a fixture's numbers to decimal-comma form with a
 * matching currency leaves every figure unchanged. Each fixture's metric cells (the columns the
 * recogniser reads as counts, money, rates, numbers or seconds) are rewritten the way a
 * decimal-comma export writes them — `1,234.5` → `1.234,5`, `12.5%` → `12,5 %`, amounts with € or
 * R$ — and both versions are diagnosed: every finding keeps its rule, status, subject, value,
 * benchmark and money at stake.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diagnoseTables, recognizeTables } from "../../src/engine";
import { readSeconds } from "../../src/engine/cells";
import type { Cell, Finding, SheetInput } from "../../src/engine";
import { VOCABULARY, type FieldType } from "../../src/engine/recognize/vocabulary";
import { fixtureNames, loadFixture } from "../support/fixtures";

const SETTINGS = { peerPayConversion: 0.03, grossMargin: 0.4, peerDsr: 4.8 };

/** Fixtures already in a decimal-comma or no-decimal currency convention (EUR, VND) are their own check. */
const ALREADY = new Set(["amazon-de-by-date.csv", "shopee-vn-product-performance.csv"]);

const TYPE = new Map<string, FieldType>(VOCABULARY.map((f) => [f.field, f.type]));
const METRIC_TYPES: ReadonlySet<FieldType> = new Set(["count", "money", "rate", "number", "seconds"]);

function typeOf(field: string): FieldType | undefined {
  const at = field.indexOf("_");
  return TYPE.get(at > 0 ? field.slice(0, at) : field);
}

/** How a decimal-comma export writes numbers: the currency mark and where it goes, thousands grouped or not. */
interface Style {
  mark: "€" | "R$";
  group: boolean;
  /** `12,5 %` (fr/de) or `12,5%`. */
  spacePercent: boolean;
}

const NUMBER = /^(-)?(?:[$¥￥₹]|US\$|NT\$|MX\$)?\s*(-)?(\d{1,3}(?:,\d{2,3})+|\d+)(?:\.(\d+))?(万|萬)?(%)?$/;

/** One cell in decimal-comma form, or null when it is not a plain number (dash, blank, time …). */
export function decimalComma(text: string, money: boolean, style: Style): string | null {
  const m = NUMBER.exec(text.trim());
  if (!m) return null;
  const [, sign1, sign2, int, frac, wan, pct] = m;
  const digits = int.replace(/,/g, "");
  const grouped = style.group ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : digits;
  // `1.5万` (a count copied from the back office) is `1,5万` where the comma is the decimal mark.
  const body = `${sign1 ?? sign2 ?? ""}${grouped}${frac !== undefined ? `,${frac}` : ""}${wan ?? ""}`;
  if (pct) return `${body}${style.spacePercent ? " %" : "%"}`;
  if (!money) return body;
  return style.mark === "€" ? `${body} €` : `R$ ${body}`;
}

/** The fixture with every metric cell of every recognised table (rows, totals, averages) reformatted. */
function reformat(sheet: SheetInput, style: Style): { sheet: SheetInput; changed: number; money: number } {
  const values = sheet.values.map((row) => [...row]) as Cell[][];
  let changed = 0;
  let moneyCells = 0;
  for (const table of recognizeTables([sheet])) {
    if (table.kind === "unknown") continue;
    const rows = [...table.rowNumbers, ...table.totals.map((t) => t.row), ...(table.averages ?? []).map((a) => a.row)];
    const columns = new Map<number, boolean>();
    for (const [field, col] of Object.entries(table.columnIndex)) {
      const type = typeOf(field);
      if (type && METRIC_TYPES.has(type)) columns.set(col, (columns.get(col) ?? false) || type === "money");
    }
    for (const r of rows) {
      for (const [col, money] of columns) {
        const cell = values[r - 1]?.[col - 1];
        if (typeof cell !== "string") continue;
        const next = decimalComma(cell, money, style);
        if (next !== null && next !== cell) {
          values[r - 1][col - 1] = next;
          changed++;
          if (money) moneyCells++;
        }
      }
    }
  }
  return { sheet: { ...sheet, values }, changed, money: moneyCells };
}

/**
 * What must not move: each finding's judgement and figures (words differ: the currency does). The one
 * line that may come and go is data-sanity's ℹ that the currency was assumed (the € data has marks).
 */
function figures(findings: readonly Finding[]): string[] {
  const n = (v: number | null) => (v === null ? "—" : String(Number(v.toPrecision(10))));
  return findings
    .filter((f) => !(f.rule === "data-sanity" && f.subjectType === "shop" && f.status === "info"))
    .map(
      (f) =>
        `${f.rule}|${f.status}|${f.subjectType}|${f.subject}|${f.metric}|${n(f.value)}|${n(f.benchmark)}|${n(f.impact)}`,
    );
}

const SUITABLE = fixtureNames().filter((n) => !ALREADY.has(n));

describe("decimal-comma exports give the same figures", () => {
  it("reformats cells the way a decimal-comma export writes them", () => {
    const style: Style = { mark: "€", group: true, spacePercent: true };
    expect(decimalComma("1,234.5", true, style)).toBe("1.234,5 €");
    expect(decimalComma("$5,481.72", true, style)).toBe("5.481,72 €");
    expect(decimalComma("12.5%", false, style)).toBe("12,5 %");
    expect(decimalComma("1089", false, style)).toBe("1.089");
    expect(decimalComma("-", false, style)).toBeNull();
    expect(decimalComma("2,589", false, { ...style, group: false })).toBe("2589");
    expect(decimalComma("0.5", true, { mark: "R$", group: true, spacePercent: false })).toBe("R$ 0,5");
  });

  it("reads a duration column in decimal-comma form (平均停留时长 30,53 is 30.53 seconds, not a bad cell)", () => {
    expect(readSeconds("30,53", ",")).toEqual({ kind: "number", value: 30.53, percent: false });
    expect(readSeconds("83,5秒", ",")).toEqual({ kind: "number", value: 83.5, percent: false });
    expect(readSeconds("00:01:23", ",")).toEqual({ kind: "number", value: 83, percent: false });
    expect(readSeconds("30.53")).toEqual({ kind: "number", value: 30.53, percent: false });
  });

  it.each(SUITABLE)("%s in 1.234,56 € form", (name) => {
    const original = loadFixture(name, { mode: "text" });
    const { sheet, changed, money } = reformat(original, { mark: "€", group: true, spacePercent: true });
    expect(changed, "cells reformatted").toBeGreaterThan(0);
    const before = diagnoseTables([original], SETTINGS);
    const after = diagnoseTables([sheet], SETTINGS);
    // Amounts marked € make the report's currency EUR; a table without amounts keeps its own.
    expect(after.currency).toBe(money > 0 ? "EUR" : before.currency);
    expect(figures(after.findings)).toEqual(figures(before.findings));
  });

  it("holds for any fixture, mark, grouping and percent spacing", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SUITABLE),
        fc.record({ mark: fc.constantFrom<Style["mark"]>("€", "R$"), group: fc.boolean(), spacePercent: fc.boolean() }),
        (name, style) => {
          const original = loadFixture(name, { mode: "text" });
          const before = diagnoseTables([original], SETTINGS);
          const { sheet, money } = reformat(original, style);
          const after = diagnoseTables([sheet], SETTINGS);
          expect(after.currency).toBe(money === 0 ? before.currency : style.mark === "€" ? "EUR" : "BRL");
          expect(figures(after.findings)).toEqual(figures(before.findings));
        },
      ),
      { numRuns: 30 },
    );
  });
});
