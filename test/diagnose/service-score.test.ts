/**
 * service-score: each marketplace health metric against its platform's published line, on both sides of
 * the line and of the ▲ zone (80 % of the line), plus two fixtures with the real header spellings.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { TableRow } from "../../src/engine";
import { diagnoseTables } from "../../src/engine";
import { readExportFile } from "../../src/readers/delimited";
import { FIXTURE_DIR } from "../support/fixtures";
import { findings, one, run, shopDays, statusOf, table } from "./helpers";

const shop = (row: TableRow) => shopDays(1, () => row);
const at = (row: TableRow, metric: string) => statusOf(run([shop(row)]), "service-score", { metric });

describe("service-score: Shopee", () => {
  it("non-fulfilment: 10 % is the penalty line, 8 % (0.8 × 10 %) starts ▲", () => {
    expect(at({ nonFulfilmentRate: 0.1 }, "nonFulfilmentRate")).toBe("bad");
    expect(at({ nonFulfilmentRate: 0.0999 }, "nonFulfilmentRate")).toBe("warn");
    expect(at({ nonFulfilmentRate: 0.08 }, "nonFulfilmentRate")).toBe("warn");
    expect(at({ nonFulfilmentRate: 0.0799 }, "nonFulfilmentRate")).toBe("good");
  });
  it("late shipment beside a non-fulfilment column is judged on Shopee's 10 % line", () => {
    expect(at({ nonFulfilmentRate: 0.01, lateShipmentRate: 0.1 }, "lateShipmentRate")).toBe("bad");
    expect(at({ nonFulfilmentRate: 0.01, lateShipmentRate: 0.05 }, "lateShipmentRate")).toBe("good");
  });
  it("a late-shipment rate alone, from no known platform, is not judged (whose line would it be?)", () => {
    expect(findings(run([shop({ lateShipmentRate: 0.2 })]), "service-score")).toHaveLength(0);
  });
});

describe("service-score: Amazon account health", () => {
  it("Order Defect Rate: ✖ at 1 %, ▲ from 0.8 %", () => {
    expect(at({ orderDefectRate: 0.01 }, "orderDefectRate")).toBe("bad");
    expect(at({ orderDefectRate: 0.0099 }, "orderDefectRate")).toBe("warn");
    expect(at({ orderDefectRate: 0.0079 }, "orderDefectRate")).toBe("good");
  });
  it("Late Shipment Rate beside an Amazon column is judged on the 4 % line, ▲ from 3.2 %", () => {
    expect(at({ orderDefectRate: 0.001, lateShipmentRate: 0.04 }, "lateShipmentRate")).toBe("bad");
    expect(at({ orderDefectRate: 0.001, lateShipmentRate: 0.0399 }, "lateShipmentRate")).toBe("warn");
    expect(at({ orderDefectRate: 0.001, lateShipmentRate: 0.0319 }, "lateShipmentRate")).toBe("good");
  });
  it("Pre-fulfillment Cancel Rate: ✖ at 2.5 %, ▲ from 2 %", () => {
    expect(at({ preFulfillmentCancelRate: 0.025 }, "preFulfillmentCancelRate")).toBe("bad");
    expect(at({ preFulfillmentCancelRate: 0.02 }, "preFulfillmentCancelRate")).toBe("warn");
    expect(at({ preFulfillmentCancelRate: 0.0199 }, "preFulfillmentCancelRate")).toBe("good");
  });
  it("Valid Tracking Rate: ✖ below 95 %, ▲ up to 96 % (untracked 4 % = 0.8 × the 5 % allowed)", () => {
    expect(at({ validTrackingRate: 0.9499 }, "validTrackingRate")).toBe("bad");
    expect(at({ validTrackingRate: 0.95 }, "validTrackingRate")).toBe("warn");
    expect(at({ validTrackingRate: 0.96 }, "validTrackingRate")).toBe("warn");
    expect(at({ validTrackingRate: 0.9601 }, "validTrackingRate")).toBe("good");
  });
});

describe("service-score: TikTok Shop", () => {
  it("performance score: ✖ below 3.5, ▲ below 4.5, ✔ from 4.5", () => {
    expect(at({ shopPerformanceScore: 3.49 }, "shopPerformanceScore")).toBe("bad");
    expect(at({ shopPerformanceScore: 3.5 }, "shopPerformanceScore")).toBe("warn");
    expect(at({ shopPerformanceScore: 4.49 }, "shopPerformanceScore")).toBe("warn");
    expect(at({ shopPerformanceScore: 4.5 }, "shopPerformanceScore")).toBe("good");
  });
});

describe("service-score: latest day and wording", () => {
  it("judges the latest dated row and names the line in the message", () => {
    const t = table("shop-daily", [
      { date: "2026-10-31", nonFulfilmentRate: 0.113 },
      { date: "2026-10-30", nonFulfilmentRate: 0.042 },
    ]);
    const f = one(run([t], { language: "en" }), "service-score", { metric: "nonFulfilmentRate" });
    expect(f.status).toBe("bad");
    expect(f.value).toBe(0.113);
    expect(f.benchmark).toBe(0.1);
    expect(f.message).toContain("11.30%");
    expect(f.message).toContain("10.00%");
  });
  it("leaves the DSR rule alone: DSR-only data gives no service-score finding", () => {
    expect(findings(run([shop({ visitors: 100, dsrDescription: 4.8 })]), "service-score")).toHaveLength(0);
  });
});

describe("service-score fixtures (real header spellings)", () => {
  const diag = (file: string) =>
    diagnoseTables([readExportFile(join(FIXTURE_DIR, "global", file))], { language: "en" });
  it("Shopee My Performance: NFR 11.30 % on 2026-10-31 is past 10 %; LSR 8.50 % is ▲ (≥ 8 %)", () => {
    const r = diag("shopee-my-performance.csv");
    expect(one(r, "service-score", { metric: "nonFulfilmentRate" }).status).toBe("bad");
    expect(one(r, "service-score", { metric: "nonFulfilmentRate" }).value).toBeCloseTo(0.113, 9);
    expect(one(r, "service-score", { metric: "lateShipmentRate" }).status).toBe("warn");
  });
  it("Amazon Account Health: LSR 4.10 % ✖ (≥ 4 %), ODR 0.85 % ▲ (≥ 0.8 %), cancel 1.20 % ✔, VTR 96.50 % ✔", () => {
    const r = diag("amazon-account-health.csv");
    expect(one(r, "service-score", { metric: "lateShipmentRate" }).status).toBe("bad");
    expect(one(r, "service-score", { metric: "orderDefectRate" }).status).toBe("warn");
    expect(one(r, "service-score", { metric: "preFulfillmentCancelRate" }).status).toBe("good");
    expect(one(r, "service-score", { metric: "validTrackingRate" }).status).toBe("good");
  });
});
