import { describe, expect, it } from "vitest";
import {
  columnLetter,
  escapeHtml,
  formatCellValue,
  renderCharts,
  renderGridPage,
  renderGridTable,
} from "../../src/local/render-grid";

describe("formatCellValue", () => {
  it("applies the report's number formats the way Sheets shows them", () => {
    expect(formatCellValue(0.03456, "0.00%")).toBe("3.46%");
    expect(formatCellValue(0.5, "0%")).toBe("50%");
    expect(formatCellValue(1234567.891, '"¥"#,##0.00')).toBe("¥1,234,567.89");
    expect(formatCellValue(-1234.5, '"¥"#,##0.00')).toBe("-¥1,234.50");
    expect(formatCellValue(1234567.891, "#,##0")).toBe("1,234,568");
    expect(formatCellValue(3.456, "0.0")).toBe("3.5");
    expect(formatCellValue(-1234, "#,##0;(#,##0)")).toBe("(1,234)");
    expect(formatCellValue(2.5, '0.0"×"')).toBe("2.5×");
  });

  it("shows text as it is, blanks as empty and unformatted numbers without float noise", () => {
    expect(formatCellValue("手淘搜索", "0.00%")).toBe("手淘搜索");
    expect(formatCellValue(null, "#,##0")).toBe("");
    expect(formatCellValue(0.1 + 0.2, "")).toBe("0.3");
    expect(formatCellValue(-0.001, "0.00")).toBe("0.00");
  });
});

describe("renderGridTable", () => {
  const grid = {
    sheetName: "店铺体检",
    values: [
      ["店铺体检报告", null],
      ["支付转化率", 0.0226],
      ["<img src=x onerror=alert(1)>", 1234.5],
    ],
    numberFormats: [
      ["", ""],
      ["", "0.00%"],
      ["", '"¥"#,##0.00'],
    ],
    backgrounds: [
      ["#ffffff", "#ffffff"],
      ["#fce8e6", "#fce8e6"],
      ["#ffffff", "#ffffff"],
    ],
    fontColors: [
      ["#000000", "#000000"],
      ["#c5221f", "#000000"],
      ["#000000", "#000000"],
    ],
    fontWeights: [
      ["bold", "normal"],
      ["normal", "normal"],
      ["normal", "normal"],
    ] as ("bold" | "normal")[][],
    notes: [
      ["", ""],
      ["", "同行同层平均 3.10%"],
      ["", ""],
    ],
    merges: [{ row: 1, column: 1, numRows: 1, numColumns: 2 }],
    frozenRows: 1,
    columnWidths: [200, 120],
  };
  const html = renderGridTable(grid, { headings: true });

  it("shows formatted values, colours, bold, merges and notes as hover titles", () => {
    expect(html).toContain(">2.26%</td>");
    expect(html).toContain(">¥1,234.50</td>");
    expect(html).toContain("background:#fce8e6");
    expect(html).toContain("color:#c5221f");
    expect(html).toMatch(/colspan="2"[^>]*style="font-weight:bold">店铺体检报告</);
    expect(html).toContain('title="同行同层平均 3.10%"');
    expect(html).toContain('<col style="width:200px">');
    expect(html).toContain('<th class="sd-colhead">B</th>');
  });

  it("escapes text from the data so it can never become markup", () => {
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(escapeHtml(`"'&`)).toBe("&quot;&#39;&amp;");
  });

  it("ignores colours that are not colours (no CSS injection through a background)", () => {
    const evil = renderGridTable({ values: [["x"]], backgrounds: [["red;background:url(http://x)"]] });
    expect(evil).not.toContain("url(");
  });

  it("wraps the table in a self-contained page with an escaped title", () => {
    const page = renderGridPage(grid, "<报告>");
    expect(page.startsWith("<!doctype html>")).toBe(true);
    expect(page).toContain("<title>&lt;报告&gt;</title>");
    expect(page).not.toMatch(/<link|<script src/);
  });

  it("names columns like a spreadsheet", () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
  });
});

describe("renderCharts", () => {
  it("draws the funnel from its source cells with each step's conversion, escaped", () => {
    const html = renderCharts({
      values: [
        ["环节", "人数"],
        ["访客", 1000],
        ["<i>下单</i>", 50],
        ["支付买家", 40],
      ],
      charts: [{ kind: "funnel", title: "转化漏斗", ranges: [{ row: 1, column: 1, numRows: 4, numColumns: 2 }] }],
    });
    expect(html).toContain("<figcaption>转化漏斗</figcaption>");
    expect(html).toContain('style="width:100.00%"');
    expect(html).toContain('style="width:5.00%"');
    expect(html).toContain("1,000");
    expect(html).toContain("80.0%");
    expect(html).toContain("&lt;i&gt;下单&lt;/i&gt;");
    expect(html).not.toContain("<i>");
  });

  it("draws a line chart as inline SVG: one point per number, a gap for a blank, labels escaped", () => {
    const html = renderCharts({
      values: [
        ["截止日", "健康分"],
        ["2026-10-30", 64],
        ["<b>x</b>", null],
        ["2026-11-01", 80],
      ],
      numberFormats: [
        ["@", "@"],
        ["@", "0"],
        ["@", "@"],
        ["@", "0"],
      ],
      charts: [{ kind: "line", title: "健康分<走势>", ranges: [{ row: 1, column: 1, numRows: 4, numColumns: 2 }] }],
    });
    expect(html).toContain('<figure class="sd-chart" data-kind="line"><figcaption>健康分&lt;走势&gt;</figcaption>');
    expect(html).toContain("<svg");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;");
    // Two points (the blank is a gap), so no line joins them across it.
    expect(html.match(/<circle/g)).toHaveLength(2);
    expect(html).not.toContain("<polyline");
    // Axis 0…80 in quarters: 0, 20, 40, 60, 80; the 64 point sits at 64/80 of the plot's height
    // (260 − 16 − 44 = 200 px tall, from y = 216 up): 216 − 200 × 0.8 = 56.
    expect(html).toContain('cy="56.0"');
    expect(html).toContain("<title>2026-10-30 · 健康分: 64</title>");
    expect(html).not.toMatch(/NaN|undefined|Infinity|src=|href=/);
  });

  it("draws a column chart with bars below the zero line for negative values", () => {
    const html = renderCharts({
      values: [
        ["", "金额"],
        ["a", 100],
        ["b", -50],
      ],
      charts: [{ kind: "column", title: "t", ranges: [{ row: 1, column: 1, numRows: 3, numColumns: 2 }] }],
    });
    // Axis −50…100 over 200 px: zero at 16 + 200 × 100/150 = 149.3; the −50 bar runs 149.3 → 216 (66.7 px).
    expect(html.match(/<rect class="sd-col"/g)).toHaveLength(2);
    expect(html).toContain('y="149.3" width="');
    expect(html).toContain('height="66.7"');
  });

  it("draws the waterfall's floating bars from its stacked cells, a loss below the 0 line", () => {
    // The profit walk with ad spend 10,000 (the layout's cells: step, base, green ↑, green ↓, red ↑, red ↓):
    // 45,000 − 4,500 = 40,500 − 2,025 = 38,475 − 405 = 38,070 − 33,000 = 5,070 − 10,000 = −4,930.
    const num = "#,##0";
    const rows: (string | number | null)[][] = [
      ["Step", "base", "gain", "gain below", "loss", "loss below"],
      ["Sales", null, 45000, null, null, null],
      ["Refunds", 40500, null, null, 4500, null],
      ["Platform fees", 38475, null, null, 2025, null],
      ["Payment fees", 38070, null, null, 405, null],
      ["Cost of goods", 5070, null, null, 33000, null],
      ["Ad <spend>", null, null, null, 5070, -4930],
      ["Net profit", null, null, null, null, -4930],
    ];
    const html = renderCharts({
      values: rows,
      numberFormats: rows.map((r, i) => r.map((_v, c) => (i > 0 && c > 0 ? num : "@"))),
      charts: [{ kind: "waterfall", title: "Profit", ranges: [{ row: 1, column: 1, numRows: 8, numColumns: 6 }] }],
    });
    const rects = [
      ...html.matchAll(
        /<rect class="sd-waterfall" x="[^"]+" y="([^"]+)" width="[^"]+" height="([^"]+)" fill="([^"]+)">/g,
      ),
    ].map((m) => [Number(m[1]), Number(m[2]), m[3]]);
    // Lowest −4,930, highest 45,000: span 49,930, a sixth ≈ 8,322 → gridlines every 10,000; with 8 % headroom
    // (3,994) the axis runs −10,000 … 50,000 over 200 px from y = 216 up: y(v) = 216 − (v + 10,000) ÷ 300.
    // y(45,000) = 32.7; y(0) = 182.7; y(40,500) = 47.7; y(38,475) = 54.4; y(38,070) = 55.8; y(5,070) = 165.8;
    // y(−4,930) = 199.1. Heights: 45,000 ÷ 300 = 150; 4,500 ÷ 300 = 15; 2,025 ÷ 300 = 6.75; 405 ÷ 300 = 1.35;
    // 33,000 ÷ 300 = 110; 10,000 ÷ 300 = 33.3 (5,070 above 0, 4,930 below); 4,930 ÷ 300 = 16.4.
    const green = "#34a853";
    const red = "#ea4335";
    expect(rects).toEqual([
      [32.7, 150, green],
      [32.7, 15, red],
      [47.7, 6.8, red],
      [54.4, 1.3, red], // 1.35 is 1.3499… in binary, so one decimal shows 1.3
      [55.8, 110, red],
      [165.8, 33.3, red],
      [182.7, 16.4, red],
    ]);
    expect(html).toContain('<line class="sd-zero" x1="56" x2="624" y1="182.7" y2="182.7"');
    // Each bar's signed amount: above a bar reaching above 0, under the net loss (199.1 + 13 = 212.1).
    const amounts = [...html.matchAll(/<text class="sd-amount"[^>]* y="([^"]+)"[^>]*>([^<]+)</g)].map((m) => [
      Number(m[1]),
      m[2],
    ]);
    expect(amounts.map((a) => a[1])).toEqual(["45,000", "-4,500", "-2,025", "-405", "-33,000", "-10,000", "-4,930"]);
    expect(amounts[6][0]).toBe(212.1);
    expect(html).toContain("<title>Ad &lt;spend&gt;: -10,000</title>");
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
    // The gridlines' values: −10,000 to 50,000 in steps of 10,000.
    expect([...html.matchAll(/dominant-baseline="middle">([^<]+)</g)].map((m) => m[1])).toEqual([
      "-10,000",
      "0",
      "10,000",
      "20,000",
      "30,000",
      "40,000",
      "50,000",
    ]);
  });

  it("draws nothing when the grid has no chart", () => {
    expect(renderCharts({ values: [["x"]] })).toBe("");
  });
});

describe("wrapped cells", () => {
  it("mark cells whose wrap is set, so long advice breaks into lines instead of ending in …", () => {
    const html = renderGridTable({ values: [["很长的建议文字", 12]], wraps: [[true, false]], columnWidths: [100, 80] });
    expect(html).toContain('<td data-cell="A1" class="sd-wrap">很长的建议文字</td>');
    expect(html).toContain('<td data-cell="B1" class="sd-num">12</td>');
    expect(renderGridPage({ values: [["x"]] }, "t")).toMatch(
      /td\.sd-wrap\{white-space:pre-wrap;overflow-wrap:anywhere/,
    );
  });
});
