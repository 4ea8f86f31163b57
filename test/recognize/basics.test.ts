import { describe, expect, it } from "vitest";
import { recognizeTables } from "../../src/engine";
import type { Cell } from "../../src/engine";

const sheet = (values: Cell[][], name = "Data") => ({ name, values });

describe("recognizeTables basics", () => {
  it("finds a 生意参谋 shop table under title rows and reads typed values", () => {
    const [table] = recognizeTables([
      sheet([
        ["【生意参谋平台】经营概况", "", "", ""],
        ["统计时间：2026-11-01 ~ 2026-11-02", "", "", ""],
        ["", "", "", ""],
        ["统计日期", "访客数", "支付买家数", "支付转化率", "支付金额"],
        ["2026-11-01", "1,234", "30", "2.43%", "￥3,000.50"],
        ["2026/11/02", "1,000", "-", "--", "—"],
      ]),
    ]);
    expect(table.kind).toBe("shop-daily");
    expect(table.headerRow).toBe(4);
    expect(table.columns).toMatchObject({
      date: "统计日期",
      visitors: "访客数",
      paidBuyers: "支付买家数",
      payConversion: "支付转化率",
      sales: "支付金额",
    });
    expect(table.rows[0]).toMatchObject({
      date: "2026-11-01",
      visitors: 1234,
      paidBuyers: 30,
      payConversion: 0.0243,
      sales: 3000.5,
    });
    // dashes mean "no value", never 0
    expect(table.rows[1]).toMatchObject({ date: "2026-11-02", paidBuyers: null, payConversion: null, sales: null });
    expect(table.rowNumbers).toEqual([5, 6]);
  });

  it("keeps a totals row apart and reports a rate that disagrees with its counts", () => {
    const [table] = recognizeTables([
      sheet([
        ["统计日期", "访客数", "支付买家数", "支付转化率"],
        ["2026-11-01", 1000, 20, 0.02],
        ["2026-11-02", 1000, 10, 0.05],
        ["合计", 2000, 30, ""],
      ]),
    ]);
    expect(table.rows).toHaveLength(2);
    expect(table.totals).toEqual([
      { row: 4, label: "合计", values: expect.objectContaining({ visitors: 2000, paidBuyers: 30 }) },
    ]);
    const mismatch = table.issues.filter((i) => i.code === "rate-mismatch");
    expect(mismatch.map((i) => [i.row, i.column])).toEqual([[3, 4]]);
  });

  it("returns the tables of every sheet, in sheet order, each naming its sheet", () => {
    const tables = recognizeTables([
      sheet(
        [
          ["流量来源", "访客数"],
          ["手淘搜索", 100],
        ],
        "来源",
      ),
      sheet([], "空白"),
      sheet(
        [
          ["商品名称", "商品访客数"],
          ["围巾", 10],
        ],
        "商品",
      ),
    ]);
    expect(tables.map((t) => [t.sheet, t.kind])).toEqual([
      ["来源", "traffic-sources"],
      ["空白", "unknown"],
      ["商品", "products"],
    ]);
  });

  it("explains an empty sheet and a sheet of prose instead of throwing", () => {
    const [empty] = recognizeTables([sheet([])]);
    expect(empty.kind).toBe("unknown");
    expect(empty.reason).toMatch(/empty/);
    const [prose] = recognizeTables([sheet([["今天的销售不太好，需要看看流量"], ["明天再说"]])]);
    expect(prose.kind).toBe("unknown");
    expect(prose.reason).toMatch(/no table/);
  });
});
