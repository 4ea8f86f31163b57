import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readNumber } from "../../src/engine";
import { readExportFile } from "../../src/readers/delimited";
import { sampleShopCsv, SAMPLE_DIR } from "../../scripts/make-sample";

const files = sampleShopCsv();

/** One tab's rows as objects keyed by its header (the header row found by its first cell). */
function table(file: string, firstHeader: string): Record<string, string | number>[] {
  const { values } = readExportFile(join(SAMPLE_DIR, file));
  const at = values.findIndex((row) => row[0] === firstHeader);
  const header = values[at] as string[];
  return values.slice(at + 1).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] as string | number])));
}

const num = (value: string | number): number => {
  const reading = readNumber(value);
  if (reading.kind !== "number") throw new Error(`not a number: ${value}`);
  return reading.value;
};

describe("the sample shop", () => {
  it("is exactly what scripts/make-sample.ts generates (reproducible from its seed)", () => {
    const committed = readdirSync(SAMPLE_DIR)
      .filter((f) => f.endsWith(".csv"))
      .sort();
    expect(committed).toEqual(Object.keys(files).sort());
    for (const [name, text] of Object.entries(files)) expect(readFileSync(join(SAMPLE_DIR, name), "utf8")).toBe(text);
  });

  it("holds a month of shop-daily rows whose sales = buyers × order value", () => {
    const days = table("店铺日报.csv", "统计日期");
    expect(days).toHaveLength(31);
    for (const day of days) {
      expect(num(day["支付金额"])).toBeCloseTo(num(day["支付买家数"]) * num(day["客单价"]), -1);
      expect(num(day["支付买家数"])).toBeLessThan(num(day["访客数"]));
    }
  });

  it("has the problems its README promises", () => {
    const days = table("店铺日报.csv", "统计日期");
    const bounce = (from: number, to: number) => days.slice(from - 1, to).map((d) => num(d["跳失率"]));
    expect(Math.min(...bounce(20, 31))).toBeGreaterThan(0.7);
    expect(Math.max(...bounce(1, 19))).toBeLessThan(0.6);
    const visitors = days.reduce((s, d) => s + num(d["访客数"]), 0);
    const buyers = days.reduce((s, d) => s + num(d["支付买家数"]), 0);
    expect(buyers / visitors).toBeLessThan(num(days[0]["同行同层平均支付转化率"]));

    const products = table("商品效果.csv", "统计日期");
    const jacket = products.find((p) => p["商品名称"] === "复古水洗牛仔外套")!;
    expect(num(jacket["商品访客数"])).toBeGreaterThan(5000);
    expect(num(jacket["支付买家数"])).toBe(0);
    const presale = products.find((p) => String(p["商品名称"]).startsWith("【预售】"))!;
    expect(num(presale["支付买家数"])).toBe(0);
    expect(num(presale["下单买家数"])).toBeGreaterThan(0);

    const plans = table("推广计划.csv", "计划名称");
    const ctr = (name: string) => num(plans.find((p) => p["计划名称"] === name)!["点击率"]);
    expect(ctr("全店-泛词测款")).toBeLessThan(0.01);
    for (const plan of plans.filter((p) => p["计划名称"] !== "全店-泛词测款"))
      expect(num(plan["点击率"])).toBeGreaterThan(0.02);
  });
});
