/**
 * A small stand-in for diagnoseTables/layoutReport so the spreadsheet side can be tested on its
 * own: a "products" table is any sheet whose first row has 商品名称; each product row becomes one
 * finding and one report row, so report size grows with the data (the writer's call count must not).
 */
import type { Finding, Report, ReportGrid, Status } from "../../src/engine/report";
import type { Settings } from "../../src/engine/settings";
import type { SheetInput } from "../../src/engine/tables";
import type { DiagnosisEngine } from "../../src/gas/engine-port";

const COLOURS: Record<Status, string> = { good: "#1a9850", warn: "#fdae61", bad: "#d73027", info: "#bdbdbd" };

export function standInEngine(): DiagnosisEngine & { calls: { sheets: SheetInput[]; settings: Partial<Settings> }[] } {
  const calls: { sheets: SheetInput[]; settings: Partial<Settings> }[] = [];
  return {
    calls,
    diagnoseTables(sheets, settings) {
      calls.push({ sheets, settings });
      const findings: Finding[] = [];
      const tables: Report["tables"] = [];
      for (const sheet of sheets) {
        const header = sheet.values[0] ?? [];
        const nameColumn = header.indexOf("商品名称");
        if (nameColumn < 0) {
          tables.push({ sheet: sheet.name, kind: "unknown", columns: {}, rows: sheet.values.length });
          continue;
        }
        tables.push({
          sheet: sheet.name,
          kind: "products",
          columns: { product: "商品名称" },
          rows: sheet.values.length - 1,
        });
        // One finding per 100 product rows, named after that row's product, so findings grow with rows.
        for (let i = 1; i < sheet.values.length; i += 100) {
          const product = String(sheet.values[i][nameColumn]);
          const visitors = Number(sheet.values[i][nameColumn + 1]) || 0;
          findings.push({
            rule: "zero-sales-products",
            status: visitors > 50 ? "bad" : "warn",
            area: "products",
            subject: product,
            subjectType: "product",
            metric: "visitors",
            value: visitors,
            benchmark: 50,
            format: "integer",
            impact: visitors * 2,
            impactBasis: "day",
            message: `${product}: ${visitors} visitors, no sales`,
          });
        }
      }
      const counts: Record<Status, number> = { good: 0, warn: 0, bad: 0, info: 0 };
      for (const f of findings) counts[f.status]++;
      return {
        language: settings.language ?? "zh-CN",
        score: 71,
        scoreReason: null,
        judged: {
          sales: 0,
          traffic: 0,
          conversion: 0,
          aov: 0,
          products: counts.bad + counts.warn,
          ads: 0,
          reputation: 0,
          service: 0,
          data: 0,
        },
        period: { from: "2026-11-01", to: "2026-11-21", days: 21 },
        currency: "CNY",
        tables,
        findings,
        counts,
        actions: findings.slice(0, 3).map((f) => ({
          rule: f.rule,
          subject: f.subject,
          subjectType: f.subjectType,
          impact: f.impact,
          impactBasis: f.impactBasis,
          message: `Fix ${f.subject}`,
        })),
      };
    },
    layoutReport(report) {
      const columns = 6;
      const row = (cells: (string | number | null)[]) =>
        [...cells, ...Array(columns - cells.length).fill(null)].slice(0, columns);
      const values: (string | number | null)[][] = [
        row([report.language === "en" ? "Shop health report" : "店铺体检报告"]),
        row(["score", report.score]),
        row(["subject", "status", "value", "impact", "advice"]),
      ];
      const statuses: (Status | null)[] = [null, null, null];
      for (const f of report.findings) {
        values.push(row([f.subject, f.status === "bad" ? "✖ bad" : "▲ warn", f.value, f.impact, f.message]));
        statuses.push(f.status);
      }
      values.push(row(["funnel", 1000]));
      statuses.push(null);
      values.push(row(["paid", 35]));
      statuses.push(null);
      const n = values.length;
      const fill = <T>(v: (r: number, c: number) => T) =>
        values.map((_, r) => Array.from({ length: columns }, (_, c) => v(r, c)));
      return {
        sheetName: report.language === "en" ? "Shop Health" : report.language === "zh-TW" ? "店鋪體檢" : "店铺体检",
        values,
        numberFormats: fill((r, c) => (r >= 3 && (c === 2 || c === 3) ? "#,##0" : "@")),
        backgrounds: fill((r, c) =>
          c === 1 && statuses[r] ? COLOURS[statuses[r] as Status] : r === 0 ? "#263238" : "#ffffff",
        ),
        fontColors: fill((r) => (r === 0 ? "#ffffff" : "#000000")),
        fontWeights: fill((r) => (r <= 2 ? "bold" : "normal")),
        notes: fill((r, c) => (c === 1 && statuses[r] === "bad" ? "below benchmark" : "")),
        merges: [
          { row: 1, column: 1, numRows: 1, numColumns: columns },
          { row: 2, column: 3, numRows: 1, numColumns: 4 },
          ...report.findings.map((_, i) => ({ row: 4 + i, column: 5, numRows: 1, numColumns: 2 })),
        ],
        frozenRows: 3,
        columnWidths: [220, 90, 90, 90, 360, 40],
        charts: [{ kind: "funnel", title: "漏斗", ranges: [{ row: n - 1, column: 1, numRows: 2, numColumns: 2 }] }],
      } satisfies ReportGrid;
    },
  };
}
