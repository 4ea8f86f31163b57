/**
 * Content-commerce rules (issue 12): each live room's funnel against its own earlier sessions
 * and the platform's 同行基准值, and 千川 plans whose ROI clears break-even only before refunds.
 *
 * The live funnel is read in people (人数) only: entry (观看人数 ÷ 曝光人数), product exposure
 * (商品曝光人数 ÷ 观看人数), product click (商品点击人数 ÷ 商品曝光人数) and click-to-pay
 * (成交人数 ÷ 商品点击人数). Their product is 曝光-成交转化率, so a session's sales follow the
 * identity GMV = 曝光人数 × 曝光-成交转化率 × sales per buyer; moving one step to its reference
 * scales the sales by reference ÷ actual, which is the money a finding states.
 */
import type { MessageKey } from "../i18n";
import type { FieldName, RecognizedTable, TableRow } from "../tables";
import { basedKey, basisOf, makeFinding, perDay, stable, type Draft, type RuleContext } from "./context";
import { dayNumber } from "./days";
import { defineRule, fixed, type Rule } from "./define";
import { median } from "./top";

/** A finite number in a row, or null. */
function value(row: TableRow, field: FieldName): number | null {
  const v = row[field];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

const LIVE = {
  weak: fixed(0.2, "share", "a step this far below its reference (own median, else 同行基准值) is ▲"),
  bad: fixed(0.4, "share", "a step this far below its reference is ✖"),
  minSessions: fixed(3, "sessions", "earlier sessions of the room needed for its own baseline"),
};

/** The four people-based steps: rate field, numerator and denominator counts, and the peer column. */
const STEPS = [
  { key: "entry", rate: "entryRate", num: "viewers", den: "exposureUsers", peer: "peerEntryRate" },
  {
    key: "productExposure",
    rate: "viewProductExposureRate",
    num: "productExposureUsers",
    den: "viewers",
    peer: "peerViewProductExposureRate",
  },
  { key: "click", rate: "productCtr", num: "productClickUsers", den: "productExposureUsers", peer: "peerProductCtr" },
  {
    key: "pay",
    rate: "clickPayConversion",
    num: "paidBuyers",
    den: "productClickUsers",
    peer: "peerClickPayConversion",
  },
] as const satisfies readonly { key: string; rate: FieldName; num: FieldName; den: FieldName; peer: FieldName }[];

type StepKey = (typeof STEPS)[number]["key"];

/** One broadcast (or one room-day) with its four step rates. */
interface Session {
  room: string;
  date: string | null;
  order: string;
  /** How the report names the session: its start time, else its day. */
  when: string;
  sales: number | null;
  steps: (number | null)[];
  peers: (number | null)[];
}

/** A step's rate from its counts (people), else from the export's own rate column. */
function stepRate(row: TableRow, step: (typeof STEPS)[number]): number | null {
  const n = value(row, step.num);
  const d = value(row, step.den);
  if (n !== null && d !== null && d > 0) return n / d;
  return value(row, step.rate);
}

function sessionsOf(table: RecognizedTable): Session[] {
  const out: Session[] = [];
  for (const row of table.rows) {
    const room = typeof row.liveRoom === "string" && row.liveRoom !== "" ? row.liveRoom : table.sheet;
    const date = typeof row.date === "string" ? row.date : null;
    const start = typeof row.liveStart === "string" ? row.liveStart : "";
    out.push({
      room,
      date,
      order: `${date ?? ""} ${start}`,
      when: start !== "" ? start : (date ?? ""),
      sales: value(row, "sales"),
      steps: STEPS.map((s) => stepRate(row, s)),
      peers: STEPS.map((s) => value(row, s.peer)),
    });
  }
  return out;
}

/** The room's own reference per step: the median of earlier sessions, of the same weekday when there are enough. */
function baseline(earlier: readonly Session[], latest: Session, min: number): (number | null)[] {
  const weekday = (s: Session) => (s.date === null ? null : (dayNumber(s.date) + 4) % 7);
  const sameDay = earlier.filter((s) => weekday(s) !== null && weekday(s) === weekday(latest));
  const pool = sameDay.length >= min ? sameDay : earlier;
  return STEPS.map((_, i) => {
    const vals = pool.map((s) => s.steps[i]).filter((v): v is number => v !== null);
    return vals.length >= min ? median(Float64Array.from(vals)) : null;
  });
}

/** The weakest step of a session: the largest shortfall against its reference (own baseline first, else peers). */
function weakestStep(
  session: Session,
  own: readonly (number | null)[],
): { index: number; ref: number; shortfall: number; source: "own" | "peer" } | null {
  let best: { index: number; ref: number; shortfall: number; source: "own" | "peer" } | null = null;
  for (let i = 0; i < STEPS.length; i++) {
    const v = session.steps[i];
    const ref = own[i] ?? session.peers[i];
    if (v === null || ref === null || ref <= 0) continue;
    const shortfall = stable(1 - v / ref);
    if (best === null || shortfall > best.shortfall)
      best = { index: i, ref, shortfall, source: own[i] !== null ? "own" : "peer" };
  }
  return best;
}

/** The money one step moved to its reference brings: sales × (reference ÷ actual − 1); null when it cannot be said. */
function stepMoney(sales: number | null, actual: number, ref: number): number | null {
  if (sales === null || actual <= 0) return null;
  return sales * (ref / actual - 1);
}

function roomFinding(rule: Rule, ctx: RuleContext, latest: Session, earlier: readonly Session[]): Draft | null {
  const own = baseline(earlier, latest, LIVE.minSessions.value);
  const weak = weakestStep(latest, own);
  if (weak === null) return null;
  const step = STEPS[weak.index];
  const actual = latest.steps[weak.index]!;
  const peer = latest.peers[weak.index];
  const params = {
    room: latest.room,
    when: latest.when,
    step: ctx.t(`live.step.${step.key satisfies StepKey}` as MessageKey),
    value: ctx.pct(actual),
    ref: ctx.pct(weak.ref),
    peer: peer !== null ? ctx.t("live.peerPart", { peer: ctx.pct(peer) }) : "",
    refName: ctx.t(weak.source === "own" ? "live.ref.own" : "live.ref.peer"),
  };
  const base = {
    subject: latest.room,
    subjectType: "room" as const,
    metric: "liveStep" as const,
    value: actual,
    benchmark: weak.ref,
  };
  if (weak.shortfall < LIVE.weak.value)
    return makeFinding(rule, { ...base, status: "good", format: "percent", message: ctx.t("live.steady", params) });
  const money = stepMoney(latest.sales, actual, weak.ref);
  const basis = basisOf(latest.date === null ? null : 1);
  const shown = { ...params, money: money === null ? "" : ctx.money(money) };
  return makeFinding(rule, {
    ...base,
    status: weak.shortfall >= LIVE.bad.value ? "bad" : "warn",
    format: "percent",
    impact: money,
    basis,
    message: ctx.t(money === null ? "live.weakNoMoney" : basedKey("live.weak", basis), shown),
    todo: ctx.t(`live.todo.${step.key satisfies StepKey}` as MessageKey, shown),
  });
}

export const liveFunnel = defineRule({
  id: "live-funnel",
  area: "conversion",
  needs: {
    kinds: ["live-sessions"],
    fields: ["liveRoom", "exposureUsers", "viewers", "productExposureUsers", "productClickUsers", "paidBuyers"],
  },
  summary:
    "each room's latest session, step by step, against the median of its earlier sessions (same weekday when there are {minSessions}), else 同行基准值: the weakest step ≥ {weak} below ▲, ≥ {bad} ✖, else ✔",
  thresholds: LIVE,
  messages: [
    "live.weak",
    "live.weak.export",
    "live.weakNoMoney",
    "live.steady",
    "live.peerPart",
    "live.ref.own",
    "live.ref.peer",
    "live.step.entry",
    "live.step.productExposure",
    "live.step.click",
    "live.step.pay",
    "live.todo.entry",
    "live.todo.productExposure",
    "live.todo.click",
    "live.todo.pay",
  ],
  run(ctx) {
    const out: Draft[] = [];
    for (const table of ctx.tables) {
      if (table.kind !== "live-sessions") continue;
      const byRoom = new Map<string, Session[]>();
      for (const s of sessionsOf(table)) {
        const list = byRoom.get(s.room);
        if (list) list.push(s);
        else byRoom.set(s.room, [s]);
      }
      for (const sessions of byRoom.values()) {
        sessions.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
        const latest = sessions[sessions.length - 1];
        const found = roomFinding(this, ctx, latest, sessions.slice(0, -1));
        if (found) out.push(found);
      }
    }
    return out;
  },
});

// ── 千川 plans: gross vs net ROI, settlement lag ──

const QIANCHUAN = {
  settlementDays: fixed(
    7,
    "days",
    "the export's last days whose net ROI is provisional (7日GMV结算率 settles over 7 days)",
  ),
};

interface PlanSums {
  spend: number;
  gross: number;
  net: number;
  dates: Set<string>;
}

function planSums(table: RecognizedTable): Map<string, PlanSums> {
  const plans = new Map<string, PlanSums>();
  for (const row of table.rows) {
    const spend = value(row, "spend");
    const net =
      value(row, "adNetSales") ??
      (spend !== null && value(row, "netRoi") !== null ? spend * value(row, "netRoi")! : null);
    const gross =
      value(row, "adSales") ?? (spend !== null && value(row, "roi") !== null ? spend * value(row, "roi")! : null);
    if (spend === null || net === null || gross === null) continue;
    const name = typeof row.plan === "string" ? row.plan : table.sheet;
    const p = plans.get(name) ?? { spend: 0, gross: 0, net: 0, dates: new Set<string>() };
    p.spend += spend;
    p.gross += gross;
    p.net += net;
    if (typeof row.date === "string") p.dates.add(row.date);
    plans.set(name, p);
  }
  return plans;
}

function netLossFinding(rule: Rule, ctx: RuleContext, name: string, p: PlanSums, undated: boolean): Draft | null {
  const margin = ctx.settings.grossMargin;
  const breakEven = margin !== null ? 1 / margin : 1;
  if (p.spend <= 0) return null;
  const grossRoi = p.gross / p.spend;
  const netRoi = p.net / p.spend;
  if (!(stable(grossRoi) >= stable(breakEven) && stable(netRoi) < stable(breakEven))) return null;
  const days = undated || p.dates.size === 0 ? null : p.dates.size;
  const basis = basisOf(days);
  const lost = perDay(margin !== null ? p.spend - p.net * margin : p.spend - p.net, days);
  const params = {
    name,
    gross: ctx.fmt(grossRoi),
    net: ctx.fmt(netRoi),
    breakEven: ctx.fmt(breakEven),
    money: ctx.money(lost),
  };
  return makeFinding(rule, {
    status: "bad",
    subject: name,
    subjectType: "plan",
    metric: "netRoi",
    value: netRoi,
    benchmark: breakEven,
    format: "ratio",
    impact: lost,
    basis,
    message: ctx.t(basedKey("qc.netLoss", basis), params),
    todo: ctx.t(basedKey("qc.todoNetLoss", basis), params),
  });
}

/** The ℹ that the last days' net figures are not settled yet, when the export is dated. */
function provisional(rule: Rule, ctx: RuleContext, table: RecognizedTable): Draft | null {
  const period = table.period;
  // 千川's settlement lag; other platforms' net figures (万相台 净成交金额) are not said to settle this way.
  const settles = table.platform === "douyin" || "netSettleRate" in table.columns || "gmvSettleRate7d" in table.columns;
  if (!period || period.source !== "dates" || !settles) return null;
  const from = Math.max(dayNumber(period.from), dayNumber(period.to) - QIANCHUAN.settlementDays.value + 1);
  const fromIso = new Date(from * 86_400_000).toISOString().slice(0, 10);
  return makeFinding(rule, {
    status: "info",
    subject: table.sheet,
    subjectType: "sheet",
    metric: "netRoi",
    format: "ratio",
    message: ctx.t("qc.provisional", { sheet: table.sheet, from: fromIso, to: period.to }),
  });
}

export const qianchuanNetRoi = defineRule({
  id: "qianchuan-net-roi",
  area: "ads",
  needs: { kinds: ["ad-plans"], fields: ["plan", "spend", "adSales", "adNetSales", "netRoi"] },
  summary:
    "a plan whose gross ROI (整体支付ROI) reaches break-even (1 ÷ grossMargin, or 1) but whose net ROI (净成交ROI) does not ✖; the last {settlementDays} of a dated export ℹ provisional",
  thresholds: QIANCHUAN,
  messages: ["qc.netLoss", "qc.netLoss.export", "qc.todoNetLoss", "qc.todoNetLoss.export", "qc.provisional"],
  run(ctx) {
    const out: Draft[] = [];
    for (const table of ctx.tables) {
      if (table.kind !== "ad-plans" || !("adNetSales" in table.columns || "netRoi" in table.columns)) continue;
      const undated = !("date" in table.columns);
      for (const [name, p] of planSums(table)) {
        const found = netLossFinding(this, ctx, name, p, undated);
        if (found) out.push(found);
      }
      const note = provisional(this, ctx, table);
      if (note) out.push(note);
    }
    return out;
  },
});

// ── 千川 plans: a jump in the 1-hour refund rate ──

const REFUND_1H = {
  recentDays: fixed(3, "days", "a plan's latest dated days whose 1小时内退款率 is compared with its own baseline"),
  minBaselineDays: fixed(3, "days", "earlier dated days of the plan needed for its baseline"),
  jump: fixed(0.05, "share", "a rise of the 1-hour refund rate this many percentage points over the baseline is ▲"),
};

/** One plan-day: its 1小时内退款率 and the 整体成交金额 that weights it (1 when the export has no sales). */
interface RefundDay {
  date: string;
  rate: number;
  sales: number | null;
}

function refundDaysByPlan(table: RecognizedTable): Map<string, RefundDay[]> {
  const plans = new Map<string, RefundDay[]>();
  for (const row of table.rows) {
    const rate = value(row, "adRefundRate1h");
    if (rate === null || typeof row.date !== "string") continue;
    const name = typeof row.plan === "string" ? row.plan : table.sheet;
    const list = plans.get(name) ?? [];
    list.push({ date: row.date, rate, sales: value(row, "adSales") });
    plans.set(name, list);
  }
  return plans;
}

/** The 1-hour refund rate over some days, weighted by 整体成交金额 when every day has it (PEERS-2's aggregation). */
function weightedRate(days: readonly RefundDay[]): number | null {
  const weighted = days.every((d) => d.sales !== null);
  let num = 0;
  let den = 0;
  for (const d of days) {
    const w = weighted ? d.sales! : 1;
    num += d.rate * w;
    den += w;
  }
  return den > 0 ? num / den : null;
}

function refundJumpFinding(rule: Rule, ctx: RuleContext, name: string, days: RefundDay[]): Draft | null {
  const dates = [...new Set(days.map((d) => d.date))].sort();
  const { recentDays, minBaselineDays, jump } = REFUND_1H;
  if (dates.length < recentDays.value + minBaselineDays.value) return null;
  const cut = dates[dates.length - recentDays.value];
  const recent = days.filter((d) => d.date >= cut);
  const before = days.filter((d) => d.date < cut);
  const now = weightedRate(recent);
  const base = weightedRate(before);
  if (now === null || base === null || stable(now - base) < jump.value) return null;
  const recentSales = recent.every((d) => d.sales !== null) ? recent.reduce((s, d) => s + d.sales!, 0) : null;
  const money = recentSales === null ? null : perDay((now - base) * recentSales, recentDays.value);
  const params = {
    name,
    days: recentDays.value,
    now: ctx.pct(now),
    base: ctx.pct(base),
    money: money === null ? "" : ctx.money(money),
  };
  return makeFinding(rule, {
    status: "warn",
    subject: name,
    subjectType: "plan",
    metric: "refundRate1h",
    value: now,
    benchmark: base,
    format: "percent",
    impact: money,
    basis: basisOf(recentDays.value),
    message: ctx.t(money === null ? "qc.refundJumpNoMoney" : "qc.refundJump", params),
    todo: ctx.t("qc.todoRefundJump", params),
  });
}

export const qianchuanRefundJump = defineRule({
  id: "qianchuan-refund-1h",
  area: "ads",
  needs: { kinds: ["ad-plans"], fields: ["plan", "date", "adRefundRate1h"] },
  summary:
    "a plan whose 1小时内退款率 over its last {recentDays} (weighted by 整体成交金额) is ≥ {jump} points above its earlier days (at least {minBaselineDays}) ▲",
  thresholds: REFUND_1H,
  messages: ["qc.refundJump", "qc.refundJumpNoMoney", "qc.todoRefundJump"],
  run(ctx) {
    const out: Draft[] = [];
    for (const table of ctx.tables) {
      if (table.kind !== "ad-plans" || !("adRefundRate1h" in table.columns) || !("date" in table.columns)) continue;
      for (const [name, days] of refundDaysByPlan(table)) {
        const found = refundJumpFinding(this, ctx, name, days);
        if (found) out.push(found);
      }
    }
    return out;
  },
});

// ── 快手 items: 品退率 and 差评率 against fixed lines ──

/**
 * No platform publishes a line for 商品品退率 or 商品差评率 in the sources we follow (PEERS-2 names the
 * metrics, not a threshold), so these are Shop Doctor's own lines: a team replaces them with the
 * platform's own once its 商品质量 dashboard shows one.
 */
const QUALITY = {
  returnWarn: fixed(
    0.03,
    "share",
    "商品品退率 at or above this is ▲ (Shop Doctor's own line: no platform line is published)",
  ),
  returnBad: fixed(0.06, "share", "商品品退率 at or above this is ✖"),
  reviewWarn: fixed(
    0.02,
    "share",
    "商品差评率 at or above this is ▲ (Shop Doctor's own line: no platform line is published)",
  ),
  reviewBad: fixed(0.05, "share", "商品差评率 at or above this is ✖"),
  minCount: fixed(
    20,
    "orders or reviews",
    "orders (for 品退率) or reviews (for 差评率) an item needs before its rate is judged",
  ),
};

/** The two rates: the rate column, and the counts that make it (numerator ÷ denominator). */
const QUALITY_RATES = [
  {
    metric: "qualityReturnRate",
    rate: "qualityReturnRate",
    num: "qualityReturnOrders",
    den: "orders",
    warn: "returnWarn",
  },
  { metric: "badReviewRate", rate: "badReviewRate", num: "badReviews", den: "reviews", warn: "reviewWarn" },
] as const;

type QualitySpec = (typeof QUALITY_RATES)[number];

/**
 * One item's rate over its rows: the counts summed when every row has them, else the rates weighted
 * by the denominator, else the rate of a single row. `count` is the denominator when known.
 */
function itemRate(rows: readonly TableRow[], spec: QualitySpec): { rate: number; count: number | null } | null {
  const dens = rows.map((r) => value(r, spec.den));
  const nums = rows.map((r) => value(r, spec.num));
  const rates = rows.map((r) => value(r, spec.rate));
  const den = dens.every((d) => d !== null) ? dens.reduce((s, d) => s + d!, 0) : null;
  if (den !== null && den > 0 && nums.every((n) => n !== null))
    return { rate: nums.reduce((s, n) => s + n!, 0) / den, count: den };
  if (den !== null && den > 0 && rates.every((r) => r !== null))
    return { rate: rates.reduce((s, r, i) => s + r! * dens[i]!, 0) / den, count: den };
  if (rows.length === 1 && rates[0] !== null) return { rate: rates[0], count: null };
  return null;
}

function qualityFinding(rule: Rule, ctx: RuleContext, item: string, rows: TableRow[], spec: QualitySpec): Draft | null {
  const found = itemRate(rows, spec);
  if (found === null || (found.count !== null && found.count < QUALITY.minCount.value)) return null;
  const warn = QUALITY[spec.warn].value;
  const bad = (spec.warn === "returnWarn" ? QUALITY.returnBad : QUALITY.reviewBad).value;
  const rate = stable(found.rate);
  if (rate < warn) return null;
  const params = { item, value: ctx.pct(found.rate), line: ctx.pct(warn) };
  return makeFinding(rule, {
    status: rate >= bad ? "bad" : "warn",
    subject: item,
    subjectType: "product",
    metric: spec.metric,
    value: found.rate,
    benchmark: warn,
    format: "percent",
    message: ctx.t(`quality.${spec.metric}`, params),
    todo: ctx.t(`quality.todo.${spec.metric}`, params),
  });
}

function itemsOf(table: RecognizedTable): Map<string, TableRow[]> {
  const items = new Map<string, TableRow[]>();
  for (const row of table.rows) {
    const name = typeof row.product === "string" && row.product !== "" ? row.product : null;
    const id = typeof row.productId === "string" && row.productId !== "" ? row.productId : null;
    const key = name ?? id;
    if (key === null) continue;
    const list = items.get(key);
    if (list) list.push(row);
    else items.set(key, [row]);
  }
  return items;
}

export const itemQuality = defineRule({
  id: "item-quality-lines",
  area: "reputation",
  needs: { kinds: ["products"], fields: ["product", "qualityReturnRate", "badReviewRate"] },
  summary:
    "快手 items' 商品品退率 ≥ {returnWarn} ▲, ≥ {returnBad} ✖ and 商品差评率 ≥ {reviewWarn} ▲, ≥ {reviewBad} ✖, once an item has {minCount} orders or reviews. Source: no platform line is published in the sources Shop Doctor follows, so these are Shop Doctor's own lines, to be replaced by the platform's when its dashboard shows one",
  thresholds: QUALITY,
  messages: [
    "quality.qualityReturnRate",
    "quality.badReviewRate",
    "quality.todo.qualityReturnRate",
    "quality.todo.badReviewRate",
  ],
  run(ctx) {
    const out: Draft[] = [];
    for (const table of ctx.tables) {
      if (table.kind !== "products") continue;
      const specs = QUALITY_RATES.filter(
        (s) => s.rate in table.columns || (s.num in table.columns && s.den in table.columns),
      );
      if (specs.length === 0) continue;
      for (const [item, rows] of itemsOf(table))
        for (const spec of specs) {
          const found = qualityFinding(this, ctx, item, rows, spec);
          if (found) out.push(found);
        }
    }
    return out;
  },
});
