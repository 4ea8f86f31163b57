/** The team's Costs tab (issue 14) is recognised from its headers like any pasted table, in zh-CN, zh-TW and English. */
import { describe, expect, it } from "vitest";
import { recognizeTables } from "../../src/engine";
import type { Cell } from "../../src/engine";

const sheet = (values: Cell[][], name: string) => ({ name, values });

describe("Costs tab recognition", () => {
  it("reads a 成本 tab keyed by 商品ID: unit cost, shipping, packaging, stock and the ad plans", () => {
    const [t] = recognizeTables([
      sheet(
        [
          ["商品ID", "商品名称", "单件成本", "运费", "包装", "库存", "推广计划"],
          ["683201457712", "经典纯棉圆领T恤", "¥85.00", 8, "3", 120, "日常销售-T恤核心词"],
          ["683201457713", "卫衣", "待定", 8, 3, 40, ""],
        ],
        "成本",
      ),
    ]);
    expect(t.kind).toBe("costs");
    expect(t.rows[0]).toMatchObject({
      productId: "683201457712",
      unitCost: 85,
      shippingCost: 8,
      packagingCost: 3,
      stock: 120,
      plan: "日常销售-T恤核心词",
    });
    // A text cost is left out and reported by its cell (C3).
    expect(t.rows[1].unitCost ?? null).toBeNull();
    expect(t.issues.find((i) => i.code === "not-a-number")).toMatchObject({ row: 3, column: 3, field: "unitCost" });
  });

  it("reads Traditional and English headers too", () => {
    const [tw, en] = recognizeTables([
      sheet(
        [
          ["商品名稱", "單件成本", "運費", "庫存"],
          ["經典T恤", 42, 6, 10],
        ],
        "成本",
      ),
      sheet(
        [
          ["SKU", "Unit cost", "Shipping cost", "Packaging", "Stock on hand"],
          ["TEE-M", 4.2, 1.1, 0.3, 250],
        ],
        "Costs",
      ),
    ]);
    expect(tw.kind).toBe("costs");
    expect(tw.rows[0]).toMatchObject({ product: "經典T恤", unitCost: 42, shippingCost: 6, stock: 10 });
    expect(en.kind).toBe("costs");
    expect(en.rows[0]).toMatchObject({ unitCost: 4.2, shippingCost: 1.1, packagingCost: 0.3, stock: 250 });
  });

  it("keeps a products export with a cost column a products table, and reads its refunds and stock", () => {
    const [t] = recognizeTables([
      sheet(
        [
          ["商品ID", "商品名称", "支付金额", "成功退款金额", "退款率", "库存", "可售天数"],
          ["1", "T恤", 1000, 150, "15%", 30, 6],
        ],
        "商品",
      ),
    ]);
    expect(t.kind).toBe("products");
    expect(t.rows[0]).toMatchObject({ refundAmount: 150, refundRate: 0.15, stock: 30, daysOfCover: 6 });
  });
});
