import { describe, expect, it } from "vitest";
import { diagnoseTables } from "../../src/engine";

const shopDaily = {
  name: "店铺",
  values: [
    ["统计日期", "访客数", "支付买家数", "支付金额"],
    ["2026-11-01", 1000, 30, 3000],
    ["2026-11-02", 1100, 33, 3300],
  ],
};

function unknownMessage(values: unknown[][], language: "zh-CN" | "zh-TW" | "en"): string {
  const report = diagnoseTables([shopDaily, { name: "备注", values: values as never }], { language });
  const finding = report.findings.find((f) => f.rule === "data-sanity" && f.subject === "备注");
  if (!finding) throw new Error("no finding about the unrecognised sheet");
  return finding.message;
}

describe("why a sheet was not recognised, in the report's language", () => {
  it("a header with no rows under it", () => {
    const values = [["统计日期", "访客数", "支付金额"]];
    expect(unknownMessage(values, "zh-CN")).toContain("第 1 行的表头下面没有数据");
    expect(unknownMessage(values, "zh-TW")).toContain("第 1 列的表頭下面沒有資料");
    expect(unknownMessage(values, "en")).toContain("The header at row 1 has no data rows");
  });

  it("prose and an empty sheet", () => {
    expect(unknownMessage([["今天开会讨论双十一的备货"], ["记得催物流"]], "zh-CN")).toContain("没有找到表头");
    expect(unknownMessage([["", ""]], "zh-CN")).toContain("这个工作表是空的");
    expect(unknownMessage([["", ""]], "en")).toContain("The sheet is empty");
  });

  it("a Chinese report carries no English explanation", () => {
    const message = unknownMessage([["统计日期", "访客数", "支付金额"]], "zh-CN");
    expect(message).not.toMatch(/[A-Za-z]{4,}/);
  });
});
