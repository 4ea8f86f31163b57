/** The pure history model: rows from one declaration, matching by period, deltas that never use a missing figure. */
import { describe, expect, it } from "vitest";
import {
  decodeFindings,
  encodeFindings,
  figureDelta,
  HISTORY_COLUMNS,
  historyHeaders,
  placeRecord,
  readHistory,
  sinceLast,
  withHistory,
  type HistoryRecord,
} from "../../src/engine/history";
import type { Finding, Report } from "../../src/engine/report";
import { layoutReport } from "../../src/engine";

function finding(rule: string, status: Finding["status"], subject = "shop"): Finding {
  return {
    rule: rule as Finding["rule"],
    status,
    area: "conversion",
    subject,
    subjectType: subject === "shop" ? "shop" : "product",
    metric: "payConversion",
    value: null,
    benchmark: null,
    format: "percent",
    impact: null,
    impactBasis: null,
    message: "m",
  };
}

function report(over: Partial<Report> = {}): Report {
  return {
    language: "zh-CN",
    score: 70,
    scoreReason: null,
    judged: {} as Report["judged"],
    period: { from: "2026-10-01", to: "2026-10-07", days: 7 },
    currency: "CNY",
    tables: [],
    findings: [],
    actions: [],
    counts: { good: 0, warn: 0, bad: 0, info: 0 },
    core: { sales: 1000, visitors: 500, conversion: 0.02, aov: 100 },
    ...over,
  };
}

const row = (over: Record<string, string | number | null>): HistoryRecord => ({
  ranAt: "2026-10-08T09:00:00+08:00",
  from: "2026-10-01",
  to: "2026-10-07",
  ...over,
});

describe("history rows", () => {
  it("has one header per declared column in each language, and reads rows back by header", () => {
    expect(historyHeaders("en")).toHaveLength(HISTORY_COLUMNS.length);
    const headers = historyHeaders("en");
    const values = [headers, headers.map((_, i) => (i === 0 ? "2026-10-08T09:00:00+08:00" : null)), []];
    const read = readHistory(values, "en");
    expect(read.inOrder).toBe(true);
    expect(read.rows).toEqual([2]);
    // The same rows under zh-CN headers read the same, but the header must be rewritten.
    expect(readHistory([historyHeaders("zh-CN"), values[1]], "en")).toMatchObject({ inOrder: false, rows: [2] });
  });

  it("replaces the row of the same period and compares with the latest run of another period", () => {
    const older = row({ ranAt: "2026-10-02T09:00:00+08:00", from: "2026-09-01", to: "2026-09-30", score: 50 });
    const later = row({ ranAt: "2026-10-06T09:00:00+08:00", from: "2026-10-01", to: "2026-10-05", score: 60 });
    const same = row({ score: 65 });
    const placed = placeRecord([later, older, same], row({ score: 70 }));
    expect(placed).toMatchObject({ index: 2, replaced: true, previous: later });
    expect(placed.records.map((r) => r.score)).toEqual([60, 50, 70]);
    expect(placeRecord([older], row({}))).toMatchObject({ index: 1, replaced: false, previous: older });
  });
});

describe("since the last diagnosis", () => {
  it("never computes a delta from a missing figure, nor across currencies, nor a % from 0", () => {
    expect(figureDelta("visitors", null, 500)).toMatchObject({ change: null, ratio: null, missing: "before" });
    expect(figureDelta("visitors", 0, 500)).toMatchObject({ change: 500, ratio: null, missing: null });
    // 400 → 500: +100, 100 ÷ 400 = +25%.
    expect(figureDelta("visitors", 400, 500)).toEqual({
      metric: "visitors",
      before: 400,
      now: 500,
      change: 100,
      ratio: 0.25,
      missing: null,
    });
    const since = sinceLast(row({ currency: "USD", sales: 900, visitors: 800, aov: 90 }), report());
    const by = Object.fromEntries(since.deltas.map((d) => [d.metric, d]));
    // Another currency is another marketplace: not even visitors are compared across it.
    expect(by.sales.missing).toBe("currency");
    expect(by.aov.missing).toBe("currency");
    expect(by.visitors.missing).toBe("currency");
    expect(sinceLast(row({ currency: "CNY", visitors: "n/a" }), report()).deltas[2].missing).toBe("before");
    expect(by.score.missing).toBe("before");
    const g = layoutReport({ ...report(), sinceLast: since });
    const text = g.values.flat().join("\n");
    expect(text).toContain("两次的币种不同（上次 USD，本次 CNY），多半是不同的站点或店铺，不做比较");
    expect(text).toContain("上次的记录里没有这个数字，无法比较");
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
  });

  it("compares net profit only when a run had a Costs tab, within one currency", () => {
    const profit = { net: 1200 } as Report["profit"];
    const net = (previous: HistoryRecord, now: Report) =>
      sinceLast(previous, now).deltas.filter((d) => d.metric === "netProfit");
    // Neither run had costs: no net-profit line at all (no "missing" noise for shops that keep none).
    expect(net(row({ currency: "CNY", sales: 900 }), report())).toEqual([]);
    // ¥1,000 → ¥1,200: +200, 200 ÷ 1,000 = +20%.
    expect(net(row({ currency: "CNY", netProfit: 1000 }), report({ profit }))).toEqual([
      { metric: "netProfit", before: 1000, now: 1200, change: 200, ratio: 0.2, missing: null },
    ]);
    expect(net(row({ currency: "CNY" }), report({ profit }))[0]).toMatchObject({ change: null, missing: "before" });
    expect(net(row({ currency: "CNY", netProfit: 1000 }), report())[0]).toMatchObject({ now: null, missing: "now" });
    expect(net(row({ currency: "USD", netProfit: 1000 }), report({ profit }))[0].missing).toBe("currency");
    // The row keeps it as a number; a report without a Costs tab keeps a blank, never 0.
    expect(withHistory(report({ profit }), [], "2026-10-08T09:00:00+08:00").record.netProfit).toBe(1200);
    expect(withHistory(report(), [], "2026-10-08T09:00:00+08:00").record.netProfit).toBeNull();
    const g = layoutReport({
      ...report({ profit: undefined }),
      sinceLast: sinceLast(row({ currency: "CNY", netProfit: 1000 }), report()),
    });
    expect(g.values.find((r) => r[0] === "净利润")?.slice(2, 4)).toEqual([1000, null]);
  });

  it("lists new, fixed and no-longer-judged problems by rule + metric + subject", () => {
    const before = encodeFindings([finding("a", "bad"), finding("b", "warn", "T恤"), finding("c", "warn")]);
    const now = report({ findings: [finding("a", "good"), finding("d", "bad", "袜子")] });
    const f = sinceLast(row({ findings: before }), now).findings;
    expect(f.known).toBe(true);
    expect(f.added.map((r) => r.rule)).toEqual(["d"]);
    expect(f.fixed.map((r) => r.rule)).toEqual(["a"]);
    expect(f.dropped.map((r) => [r.rule, r.subject])).toEqual([
      ["b", "T恤"],
      ["c", "shop"],
    ]);
  });

  it("says why problems cannot be compared: an edited list, or one cut short", () => {
    expect(sinceLast(row({ findings: "[oops" }), report()).findings).toMatchObject({ known: false, reason: "no-list" });
    const many = Array.from({ length: 400 }, (_, i) => finding("rule", "bad", "x".repeat(150) + i));
    const cut = encodeFindings(many);
    expect(cut.length).toBeLessThan(50_000);
    expect(decodeFindings(cut)).toMatchObject({ ok: true, complete: false });
    expect(sinceLast(row({ findings: cut }), report()).findings).toMatchObject({ known: false, reason: "cut-short" });
  });

  it("the first recorded run gets one line saying so, and a chart appears from the second period on", () => {
    const first = withHistory(report(), [], "2026-10-08T09:00:00+08:00");
    expect(first.report.sinceLast?.previous).toBeNull();
    const g1 = layoutReport(first.report);
    expect(g1.values.flat()).toContain(
      "这是记录下来的第一次诊断。下次诊断时，这里会列出健康分、核心指标和问题的变化。",
    );
    expect(g1.charts.filter((c) => c.kind === "line")).toEqual([]);
    const next = report({ period: { from: "2026-10-01", to: "2026-10-08", days: 8 }, score: null });
    const second = withHistory(next, first.records, "2026-10-09T09:00:00+08:00");
    expect(second.report.scoreHistory).toEqual([
      { to: "2026-10-07", score: 70 },
      { to: "2026-10-08", score: null },
    ]);
    const g2 = layoutReport(second.report);
    expect(g2.charts.map((c) => c.kind)).toEqual(["line"]);
    // No score now: the point is a blank, never a 0.
    const r = g2.charts[0].ranges[0];
    expect(g2.values[r.row + 1][1]).toBeNull();
  });
});
