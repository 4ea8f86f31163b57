/**
 * Content-commerce trends (issue 12): GPM per live room and per product, recent window against
 * the comparison window (windows.ts, the team's compareTo), and the carrier mix of a shop.
 *
 * The two GPMs never meet: a room's is 千次观看成交金额, sales per 1,000 live views (观看次数);
 * a product's is 千次曝光成交金额, sales per 1,000 product impressions (商品曝光次数). Each is
 * summed from sales and its own count over a window (a GPM column alone gives that count back
 * as sales ÷ GPM × 1,000), never averaged across rows.
 */
import type { MessageKey } from "../i18n";
import type { FieldName, RecognizedTable, TableRow } from "../tables";
import { carrierSource, makeFinding, stable, type Draft, type RuleContext } from "./context";
import { dayNumber } from "./days";
import { defineRule, fixed, fromSetting, type Rule } from "./define";
import { comparisonFor, ordinaryDays, windowOf, type Comparison } from "./windows";

/** A finite number in a row, or null. */
function value(row: TableRow, field: FieldName): number | null {
  const v = row[field];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

function text(row: TableRow, field: FieldName): string | null {
  const v = row[field];
  return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
}

function isoDate(row: TableRow): string | null {
  const d = row.date;
  return typeof d === "string" && /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : null;
}

// ── GPM trend ──

/** One GPM: the table kind it is read from, its subject, and the count it is per 1,000 of. */
const GPM_KINDS = [
  { kind: "live-sessions", key: "room", metric: "gpmViews", count: "views", subjectType: "room" },
  { kind: "products", key: "product", metric: "gpmImpressions", count: "productExposures", subjectType: "product" },
] as const satisfies readonly { kind: string; key: string; metric: FieldName; count: FieldName; subjectType: string }[];

type GpmKind = (typeof GPM_KINDS)[number];

const GPM_TREND = {
  drop: fromSetting(
    "gpmDrop",
    "share",
    "a room's or product's GPM this much below the comparison window is ▲ (each GPM against its own kind)",
  ),
};

/** A window's sales and the count its GPM is per 1,000 of. */
interface Sums {
  sales: number;
  count: number;
}

/** A row's sales and count, the count given back from the GPM column when the export has no count. */
function gpmParts(row: TableRow, spec: GpmKind): Sums | null {
  const sales = value(row, "sales");
  if (sales === null) return null;
  const gpm = value(row, spec.metric);
  const count = value(row, spec.count) ?? (gpm !== null && gpm > 0 ? (sales / gpm) * 1000 : null);
  return count === null ? null : { sales, count };
}

function subjectOf(row: TableRow, spec: GpmKind, sheet: string): string | null {
  if (spec.key === "room") return text(row, "liveRoom") ?? sheet;
  return text(row, "product") ?? text(row, "productId");
}

/** Each subject's two windows summed over the table's dated rows. */
function gpmWindows(
  table: RecognizedTable,
  spec: GpmKind,
  c: Comparison,
): Map<string, { recent: Sums; previous: Sums }> {
  const out = new Map<string, { recent: Sums; previous: Sums }>();
  for (const row of table.rows) {
    const date = isoDate(row);
    const name = subjectOf(row, spec, table.sheet);
    const parts = gpmParts(row, spec);
    if (date === null || name === null || parts === null) continue;
    const w = windowOf(c, dayNumber(date));
    if (w === null) continue;
    let s = out.get(name);
    if (!s) {
      s = { recent: { sales: 0, count: 0 }, previous: { sales: 0, count: 0 } };
      out.set(name, s);
    }
    s[w].sales += parts.sales;
    s[w].count += parts.count;
  }
  return out;
}

function gpmFinding(
  rule: Rule,
  ctx: RuleContext,
  spec: GpmKind,
  name: string,
  w: { recent: Sums; previous: Sums },
  c: Comparison,
): Draft | null {
  const { recent, previous } = w;
  if (recent.count <= 0 || previous.count <= 0 || previous.sales <= 0) return null;
  const now = (recent.sales / recent.count) * 1000;
  const before = (previous.sales / previous.count) * 1000;
  const drop = 1 - now / before;
  const threshold = ctx.settings.gpmDrop;
  if (stable(drop) < threshold) return null;
  // The recent window's own exposures at the earlier GPM, less what they sold, per ordinary day of the window.
  const money = (((before - now) * recent.count) / 1000) * (1 / ordinaryDays(c, "recent"));
  const params = {
    name,
    now: ctx.money(now),
    before: ctx.money(before),
    change: ctx.pct(drop),
    days: c.days,
    money: ctx.money(money),
  };
  return makeFinding(rule, {
    status: "warn",
    subject: name,
    subjectType: spec.subjectType,
    metric: spec.metric,
    value: now,
    benchmark: before,
    format: "currency",
    impact: money,
    basis: "day",
    message: ctx.t(`gpm.drop.${spec.key}` satisfies MessageKey, params),
    todo: ctx.t(`gpm.todo.${spec.key}` satisfies MessageKey, params),
  });
}

export const gpmTrend = defineRule({
  id: "gpm-trend",
  area: "conversion",
  needs: {
    kinds: ["live-sessions", "products"],
    fields: ["date", "sales", "views", "gpmViews", "productExposures", "gpmImpressions"],
  },
  summary:
    "each live room's GPM per 1,000 views (千次观看成交金额) and each product's GPM per 1,000 impressions (千次曝光成交金额), recent window against the comparison window: down ≥ {drop} ▲, with the recent window's sales short of the earlier GPM per day",
  thresholds: GPM_TREND,
  messages: ["gpm.drop.room", "gpm.drop.product", "gpm.todo.room", "gpm.todo.product"],
  run(ctx) {
    const out: Draft[] = [];
    for (const table of ctx.tables) {
      const spec = GPM_KINDS.find((s) => s.kind === table.kind);
      if (!spec || !("date" in table.columns) || !(spec.count in table.columns || spec.metric in table.columns))
        continue;
      const dates = [...new Set(table.rows.map(isoDate).filter((d): d is string => d !== null))].sort();
      const c = comparisonFor(dates, ctx.settings.compareTo, false, ctx.isEventDay);
      if (c === null) continue;
      for (const [name, w] of gpmWindows(table, spec, c)) {
        const found = gpmFinding(this, ctx, spec, name, w, c);
        if (found) out.push(found);
      }
    }
    return out;
  },
});

// ── carrier mix ──

const CARRIER_MIX = {
  dependence: fromSetting(
    "carrierShareMax",
    "share",
    "one carrier's share of sales at or above this is ▲ (the shop depends on it)",
  ),
  shift: fixed(
    0.1,
    "share",
    "a carrier's share of sales this many points up (✔ grew) or down (▲ shrank), recent vs before",
  ),
  minShare: fixed(0.05, "share", "carriers below this share of the conversion's denominator are not named as best"),
};

/** The conversion a carrier table allows: buyers over visitors, else over product clickers. */
const CONVERSION_BASES = ["visitors", "productClickUsers"] as const satisfies readonly FieldName[];

interface CarrierSums {
  sales: number;
  buyers: number | null;
  base: number | null;
  recent: number;
  previous: number;
}

/** The carrier of a row: its 载体 cell, else a 流量来源 cell that names a carrier. */
function carrierOf(table: RecognizedTable, row: TableRow): string | null {
  return text(row, "carrier") ?? (table.kind === "traffic-sources" ? carrierSource(row) : null);
}

function addTo(n: number | null, v: number | null): number | null {
  return n === null || v === null ? null : n + v;
}

function carrierSums(table: RecognizedTable, base: FieldName | null, c: Comparison | null): Map<string, CarrierSums> {
  const out = new Map<string, CarrierSums>();
  for (const row of table.rows) {
    const carrier = carrierOf(table, row);
    const sales = value(row, "sales");
    if (carrier === null || sales === null) continue;
    const s = out.get(carrier) ?? { sales: 0, buyers: 0, base: 0, recent: 0, previous: 0 };
    s.sales += sales;
    s.buyers = addTo(s.buyers, value(row, "paidBuyers"));
    s.base = base === null ? null : addTo(s.base, value(row, base));
    const date = isoDate(row);
    const w = c && date ? windowOf(c, dayNumber(date)) : null;
    if (w) s[w] += sales;
    out.set(carrier, s);
  }
  return out;
}

function dependence(rule: Rule, ctx: RuleContext, sums: Map<string, CarrierSums>, total: number): Draft | null {
  let top: [string, CarrierSums] | null = null;
  for (const e of sums) if (top === null || e[1].sales > top[1].sales) top = e;
  if (top === null) return null;
  const share = top[1].sales / total;
  const line = ctx.settings.carrierShareMax;
  if (stable(share) < line) return null;
  const params = { name: top[0], share: ctx.pct(share), line: ctx.pct(line) };
  return makeFinding(rule, {
    status: "warn",
    subject: top[0],
    subjectType: "carrier",
    metric: "carrierShare",
    value: share,
    benchmark: line,
    format: "percent",
    message: ctx.t("carrier.depends", params),
    todo: ctx.t("carrier.todoDepends", params),
  });
}

/** ✔ grew / ▲ shrank by at least `shift` points of the sales share, recent window against before. */
function shifts(rule: Rule, ctx: RuleContext, sums: Map<string, CarrierSums>, c: Comparison): Draft[] {
  let recentAll = 0;
  let previousAll = 0;
  for (const s of sums.values()) {
    recentAll += s.recent;
    previousAll += s.previous;
  }
  if (recentAll <= 0 || previousAll <= 0) return [];
  const out: Draft[] = [];
  for (const [name, s] of sums) {
    const now = s.recent / recentAll;
    const before = s.previous / previousAll;
    const change = stable(now - before);
    if (Math.abs(change) < CARRIER_MIX.shift.value) continue;
    // Sales a day lost: each window per its ordinary days (event days left out of both).
    const fell = s.previous / ordinaryDays(c, "previous") - s.recent / ordinaryDays(c, "recent");
    const params = { name, now: ctx.pct(now), before: ctx.pct(before), days: c.days, money: ctx.money(fell) };
    const grew = change > 0;
    const key: MessageKey = grew ? "carrier.grew" : fell > 0 ? "carrier.shrank" : "carrier.shrankShare";
    out.push(
      makeFinding(rule, {
        status: grew ? "good" : "warn",
        subject: name,
        subjectType: "carrier",
        metric: "carrierShare",
        value: now,
        benchmark: before,
        format: "percent",
        impact: !grew && fell > 0 ? fell : null,
        basis: "day",
        message: ctx.t(key, params),
        todo: ctx.t(grew ? "carrier.todoGrew" : "carrier.todoShrank", params),
      }),
    );
  }
  return out;
}

/** ✔ the carrier converting best (buyers ÷ the table's base), among carriers with at least `minShare` of the base. */
function bestConversion(rule: Rule, ctx: RuleContext, sums: Map<string, CarrierSums>, base: FieldName): Draft | null {
  let buyers = 0;
  let all = 0;
  for (const s of sums.values()) {
    if (s.buyers === null || s.base === null) return null;
    buyers += s.buyers;
    all += s.base;
  }
  if (all <= 0) return null;
  const judged = [...sums].filter(([, s]) => s.base! > 0 && s.base! / all >= CARRIER_MIX.minShare.value);
  if (judged.length < 2) return null;
  const rate = (s: CarrierSums) => s.buyers! / s.base!;
  const [name, best] = judged.reduce((a, b) => (rate(b[1]) > rate(a[1]) ? b : a));
  const params = {
    name,
    value: ctx.pct(rate(best)),
    avg: ctx.pct(buyers / all),
    measure: ctx.t(`carrier.measure.${base}` as MessageKey),
  };
  return makeFinding(rule, {
    status: "good",
    subject: name,
    subjectType: "carrier",
    metric: "carrierConversion",
    value: rate(best),
    benchmark: buyers / all,
    format: "percent",
    message: ctx.t("carrier.best", params),
    todo: ctx.t("carrier.todoBest", params),
  });
}

function carrierTable(table: RecognizedTable): boolean {
  if (table.kind === "shop-daily") return "carrier" in table.columns;
  return table.kind === "traffic-sources" && ("carrier" in table.columns || table.rows.some((r) => carrierSource(r)));
}

export const carrierMix = defineRule({
  id: "carrier-mix",
  area: "traffic",
  needs: {
    kinds: ["shop-daily", "traffic-sources"],
    fields: ["carrier", "source", "sales", "paidBuyers", "visitors", "productClickUsers", "date"],
  },
  summary:
    "sales by carrier (直播 / 短视频 / 商品卡 / 图文), two carriers or more: one carrier with ≥ {dependence} of sales ▲; a carrier's share up ≥ {shift} points ✔, down ▲ (recent window vs before); the best-converting carrier with ≥ {minShare} of the base ✔",
  thresholds: CARRIER_MIX,
  messages: [
    "carrier.depends",
    "carrier.todoDepends",
    "carrier.grew",
    "carrier.shrank",
    "carrier.shrankShare",
    "carrier.todoGrew",
    "carrier.todoShrank",
    "carrier.best",
    "carrier.todoBest",
    "carrier.measure.visitors",
    "carrier.measure.productClickUsers",
  ],
  run(ctx) {
    const out: Draft[] = [];
    for (const table of ctx.tables) {
      if (!carrierTable(table)) continue;
      const dates = [...new Set(table.rows.map(isoDate).filter((d): d is string => d !== null))].sort();
      const c = comparisonFor(dates, ctx.settings.compareTo, false, ctx.isEventDay);
      const base = CONVERSION_BASES.find((f) => f in table.columns) ?? null;
      const sums = carrierSums(table, base, c);
      const total = [...sums.values()].reduce((a, s) => a + s.sales, 0);
      if (sums.size < 2 || total <= 0) continue;
      const dep = dependence(this, ctx, sums, total);
      if (dep) out.push(dep);
      if (c) out.push(...shifts(this, ctx, sums, c));
      const best = base === null ? null : bestConversion(this, ctx, sums, base);
      if (best) out.push(best);
    }
    return out;
  },
});
