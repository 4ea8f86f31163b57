/**
 * service-score: the marketplace's own health metrics against its published penalty lines
 * (Shopee non-fulfilment and late shipment, Amazon account health, TikTok Shop's performance score).
 * The DSR scores stay with the dsr rule, which judges them against the peers instead.
 */
import type { FieldName, RecognizedTable } from "../tables";
import { makeFinding, stable, type Draft, type Judged, type RuleContext } from "./context";
import { defineRule, fixed, type Rule } from "./define";

const SERVICE = {
  shopeeNfr: fixed(0.1, "share", "Shopee non-fulfilment rate at or above this earns a penalty point: ✖"),
  shopeeLsr: fixed(0.1, "share", "Shopee late-shipment rate at or above this earns a penalty point: ✖"),
  amazonOdr: fixed(0.01, "share", "Amazon Order Defect Rate at or above this target: ✖"),
  amazonLsr: fixed(0.04, "share", "Amazon Late Shipment Rate at or above this target: ✖"),
  amazonCancel: fixed(0.025, "share", "Amazon Pre-fulfillment Cancel Rate at or above this target: ✖"),
  amazonVtr: fixed(0.95, "share", "Amazon Valid Tracking Rate below this target: ✖"),
  tiktokSps: fixed(3.5, "points", "TikTok Shop performance score below this: ✖"),
  tiktokSpsGood: fixed(4.5, "points", "TikTok Shop performance score at or above this: ✔ (between the two ▲)"),
  near: fixed(
    0.8,
    "multiple",
    "a rate at this multiple of its line or more (for tracking, of the untracked share) is ▲",
  ),
};

const HEALTH = [
  "nonFulfilmentRate",
  "lateShipmentRate",
  "orderDefectRate",
  "preFulfillmentCancelRate",
  "validTrackingRate",
  "shopPerformanceScore",
] as const satisfies readonly FieldName[];
type HealthField = (typeof HEALTH)[number];

type Line = { field: HealthField; platform: "shopee" | "amazon" | "tiktok"; line: number; floor?: boolean };

const AMAZON_ONLY: readonly HealthField[] = ["orderDefectRate", "preFulfillmentCancelRate", "validTrackingRate"];

/** The lines that apply to one table: late shipment is Amazon's 4 % there and Shopee's 10 % elsewhere. */
function linesFor(table: RecognizedTable): Line[] {
  const has = (f: FieldName) => table.columnIndex[f] !== undefined;
  const amazon = table.platform === "amazon" || AMAZON_ONLY.some(has);
  const shopee = !amazon && (table.platform === "shopee" || has("nonFulfilmentRate"));
  const out: Line[] = [];
  if (shopee) out.push({ field: "nonFulfilmentRate", platform: "shopee", line: SERVICE.shopeeNfr.value });
  if (shopee) out.push({ field: "lateShipmentRate", platform: "shopee", line: SERVICE.shopeeLsr.value });
  if (amazon) {
    out.push({ field: "orderDefectRate", platform: "amazon", line: SERVICE.amazonOdr.value });
    out.push({ field: "lateShipmentRate", platform: "amazon", line: SERVICE.amazonLsr.value });
    out.push({ field: "preFulfillmentCancelRate", platform: "amazon", line: SERVICE.amazonCancel.value });
    out.push({ field: "validTrackingRate", platform: "amazon", line: SERVICE.amazonVtr.value, floor: true });
  }
  out.push({ field: "shopPerformanceScore", platform: "tiktok", line: SERVICE.tiktokSps.value, floor: true });
  return out.filter((l) => has(l.field));
}

/** The value of the latest dated row that has one (else the last row that has one). */
function latest(table: RecognizedTable, field: FieldName): number | null {
  let best: number | null = null;
  let bestDate = "";
  for (const row of table.rows) {
    const v = row[field];
    if (typeof v !== "number" || !Number.isFinite(v)) continue;
    const d = typeof row.date === "string" ? row.date : "";
    if (best === null || d >= bestDate) {
      best = v;
      bestDate = d;
    }
  }
  return best;
}

function judge(l: Line, v: number): Judged {
  if (l.field === "shopPerformanceScore") {
    return v < l.line ? "bad" : v < SERVICE.tiktokSpsGood.value ? "warn" : "good";
  }
  if (l.floor) {
    // Tracking: the untracked share against the share the line allows (1 − 95 % = 5 %).
    const gap = stable(1 - v);
    const allowed = stable(1 - l.line);
    return gap > allowed ? "bad" : gap >= stable(allowed * SERVICE.near.value) ? "warn" : "good";
  }
  return v >= l.line ? "bad" : v >= stable(l.line * SERVICE.near.value) ? "warn" : "good";
}

function finding(rule: Rule, ctx: RuleContext, l: Line, v: number, sheet: string): Draft {
  const status = judge(l, v);
  const score = l.field === "shopPerformanceScore";
  const show = (x: number) => (score ? ctx.fmt(x, 1) : ctx.pct(x));
  const params = {
    platform: ctx.t(`service.platform.${l.platform}`),
    name: ctx.t(`metric.${l.field}`),
    value: show(v),
    line: show(l.line),
    sheet,
    cause: ctx.t(`service.cause.${l.field}`),
  };
  return makeFinding(rule, {
    status,
    metric: l.field,
    value: v,
    benchmark: l.line,
    format: score ? "score" : "percent",
    message: ctx.t(`service.${status}`, params),
    todo: status === "good" ? null : ctx.t("service.todo", params),
  });
}

/** service-score: each health metric the export carries against its platform's published line. */
export const serviceScore = defineRule({
  id: "service-score",
  area: "reputation",
  needs: {
    kinds: ["shop-daily"],
    fields: HEALTH,
  },
  summary:
    "Shopee (help.shopee.com.my/hc/en-us/articles/115014916348): non-fulfilment ≥ {shopeeNfr} ✖, late shipment ≥ {shopeeLsr} ✖; " +
    "Amazon account health (Seller Central G200205250): Order Defect Rate ≥ {amazonOdr} ✖, Late Shipment Rate ≥ {amazonLsr} ✖, " +
    "Pre-fulfillment Cancel Rate ≥ {amazonCancel} ✖, Valid Tracking Rate < {amazonVtr} ✖; a rate at {near} its line or more ▲; " +
    "TikTok Shop performance score (lengow.com SPS guide) < {tiktokSps} ✖, < {tiktokSpsGood} ▲",
  thresholds: SERVICE,
  messages: [
    "service.good",
    "service.warn",
    "service.bad",
    "service.todo",
    "service.platform.shopee",
    "service.platform.amazon",
    "service.platform.tiktok",
    "metric.nonFulfilmentRate",
    "metric.lateShipmentRate",
    "metric.orderDefectRate",
    "metric.preFulfillmentCancelRate",
    "metric.validTrackingRate",
    "metric.shopPerformanceScore",
    "service.cause.nonFulfilmentRate",
    "service.cause.lateShipmentRate",
    "service.cause.orderDefectRate",
    "service.cause.preFulfillmentCancelRate",
    "service.cause.validTrackingRate",
    "service.cause.shopPerformanceScore",
  ],
  run(ctx) {
    const out: Draft[] = [];
    for (const table of ctx.tables) {
      if (table.kind !== "shop-daily") continue;
      for (const l of linesFor(table)) {
        const v = latest(table, l.field);
        if (v !== null) out.push(finding(this, ctx, l, v, table.sheet));
      }
    }
    return out;
  },
});
