/** The header vocabulary: every listed spelling reaches its field, and derived names follow the documented scheme. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CORE_FIELDS } from "../../src/engine";
import { matchHeader, RECOGNITION_ISSUE_CODES, VOCABULARY } from "../../src/engine/recognize";

describe("vocabulary", () => {
  it("maps every listed header to its own field (no spelling is claimed by two fields)", () => {
    const wrong: string[] = [];
    for (const spec of VOCABULARY) {
      for (const header of spec.headers) {
        const match = matchHeader(header);
        if (match?.field !== spec.field)
          wrong.push(`${header} → ${match?.field ?? "nothing"} (listed under ${spec.field})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("covers every canonical field of the contract except dateTo (which comes from date ranges)", () => {
    const fields = new Set(VOCABULARY.map((s) => s.field));
    expect(CORE_FIELDS.filter((f) => f !== "dateTo" && !fields.has(f))).toEqual([]);
  });

  it("documents each field once", () => {
    const names = VOCABULARY.map((s) => s.field);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    for (const spec of VOCABULARY) expect(spec.about.length).toBeGreaterThan(3);
  });

  it.each([
    ["访客数", "visitors"],
    ["訪客數", "visitors"],
    ["  Sessions – Total ", "sessions"],
    ["UNIT SESSION PERCENTAGE", "unitSessionRate"],
    ["人均浏览量（访问深度）", "pagesPerVisitor"],
    ["人均停留时长（秒）", "avgStaySeconds"],
    ["支付金额(元)", "sales"],
    ["PC端访客数", "visitors_pc"],
    ["无线端 支付转化率", "payConversion_mobile"],
    ["所有终端访客数", "visitors"],
    ["Sessions – Mobile APP – B2B", "sessions_app_b2b"],
    ["Page Views – Browser", "pageviews_browser"],
    ["Units Ordered - B2B", "units_b2b"],
    ["同行同层平均支付转化率", "peerPayConversion"],
    ["支付转化率(同行同层优秀)", "peerPayConversionTop"],
    ["同行平均UV价值", "peerVisitorValue"],
    ["同行同层优秀 物流服务动态评分(DSR)", "peerDsrLogisticsTop"],
    ["同行平均DSR", "peerDsr"],
    ["访客数变化", "visitorsChange"],
    ["支付金额较前一日", "salesChange"],
    ["下单-支付转化率", "orderPayConversion"],
    ["加购人数", "cartAdds"],
    ["老买家数", "repeatBuyers"],
    ["复购率", "repurchaseRate"],
    ["新访客数", "newVisitors"],
    ["老访客数", "returningVisitors"],
    ["跳失访客数", "bouncedVisitors"],
    ["是否预售", "presale"],
    ["定金订单数", "depositOrders"],
    ["询单转化率", "consultConversion"],
    ["询单->最终付款转化率", "consultConversion"],
    ["差评数", "badReviews"],
    ["Featured Offer (Buy Box) Percentage", "buyBoxRate"],
    ["Session primary channel group (Default Channel Group)", "source"],
    ["(Child) ASIN", "productId"],
    ["(Parent) ASIN", "parentAsin"],
    ["Gross Product Sales", "sales"],
    ["成交客户数", "paidBuyers"],
  ])("%s → %s", (header, field) => {
    expect(matchHeader(header)?.field).toBe(field);
  });

  it.each(["同行同层平均", "访客数占比变化率x", "心情", "", "Landing page + query string", "访客数访客数"])(
    "%s is not a known column",
    (header) => {
      expect(matchHeader(header)).toBeNull();
    },
  );
});

describe("issue codes", () => {
  it("documents every code the recognition source emits, and no code it never emits", () => {
    const dir = join(__dirname, "..", "..", "src", "engine", "recognize");
    const emitted = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "issues.ts")) {
      for (const m of readFileSync(join(dir, file), "utf8").matchAll(/code: "([a-z-]+)"/g)) emitted.add(m[1]);
    }
    expect([...emitted].sort()).toEqual(Object.keys(RECOGNITION_ISSUE_CODES).sort());
  });
});
