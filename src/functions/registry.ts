/**
 * The one registry of custom functions: name, parameters (real names, what each holds),
 * description, example and implementation. The build generates the Apps Script stubs
 * (with their @customfunction JSDoc) from it, and scripts/docs.ts writes docs/FUNCTIONS.md.
 */
import * as metrics from "../engine/metrics";
import { daysInMonth } from "../engine/cells";
import type { Day, ParamKind } from "./arguments";
import { applyElementwise } from "./broadcast";
import { trendText } from "./trend";
import type { ArgumentValue, ElementwiseMetric } from "./broadcast";

export interface ParamSpec {
  name: string;
  description: string;
  /** What the argument holds; decides which values are accepted. */
  kind?: ParamKind;
  /** JSDoc type shown on the generated stub. */
  type?: string;
  /** May be left out (trailing parameters only); a metric then counts it as 0. */
  optional?: boolean;
}

/** A worked example: arguments as Sheets would pass them and the result; docs and tests use it. */
export interface FunctionSample {
  args: unknown[];
  result: unknown;
  note?: string;
}

export interface FunctionSpec {
  name: string;
  description: string;
  params: ParamSpec[];
  returns: string;
  example: string;
  impl: (...args: unknown[]) => unknown;
  /** The Chinese name operators know the metric by (as in 生意参谋). */
  chinese?: string;
  /** The formula in words, for the reference. */
  formula?: string;
  /** Worked examples, checked by the tests. */
  samples?: FunctionSample[];
  /** One result for whole ranges (TREND), instead of one per row. */
  summarises?: boolean;
}

const NUMBER_OR_RANGE = "number|string|Array<Array<number|string>>";
const DATE_OR_RANGE = "Date|string|Array<Array<Date|string>>";

const KIND_HINT: Record<ParamKind, string> = {
  count: "",
  amount: "",
  spend: "",
  revenue: " (0 or more)",
  money: " (0 or more)",
  seconds: "",
  rate: " (a fraction: 3.5% or 0.035)",
  score: " (1–5)",
  date: " (a date or text like 2026-11-22)",
};

interface MetricDefinition {
  name: string;
  chinese: string;
  description: string;
  formula: string;
  params: { name: string; kind: ParamKind; description: string; optional?: boolean }[];
  returns: string;
  example: string;
  /** What has no value when the denominator is 0, e.g. "conversion rate". */
  noun?: string;
  /** The parameter whose 0 leaves no result. */
  denominator?: string;
  /** The result is a share of the second parameter (at most 100 %): a first above the second is an error. */
  share?: boolean;
  compute(values: ArrayLike<number | Day>): number | null;
  samples: FunctionSample[];
}

function toSpec(def: MetricDefinition): FunctionSpec {
  const metric: ElementwiseMetric = {
    fn: def.name,
    params: def.params.map((p) => ({ name: p.name, kind: p.kind })),
    width: 1,
    compute: def.compute,
    zeroMessage:
      def.denominator && def.noun ? `${def.name}: ${def.denominator} is 0, so there is no ${def.noun}` : null,
  };
  if (def.share) metric.shares = [[0, 1]];
  return {
    name: def.name,
    chinese: def.chinese,
    description: describe(
      def.share
        ? `${def.description} ${def.params[0].name} can't be more than ${def.params[1].name}; if it is, the cell shows an error (often two swapped columns).`
        : def.description,
      def.returns,
    ),
    formula: def.formula,
    params: def.params.map((p) => ({
      name: p.name,
      kind: p.kind,
      description: p.description + KIND_HINT[p.kind] + (p.optional ? OPTIONAL_NOTE : ""),
      type: p.kind === "date" ? DATE_OR_RANGE : NUMBER_OR_RANGE,
      ...(p.optional ? { optional: true } : {}),
    })),
    returns: def.returns,
    example: def.example,
    samples: def.samples,
    impl: (...args: unknown[]) => applyElementwise(metric, withOptionalZeros(def, args)),
  };
}

const OPTIONAL_NOTE = "; optional, 0 when left out";

/**
 * Sheets passes a left-out trailing argument as undefined: an optional one counts as 0 (no
 * refunds, no fee). A blank cell given on purpose still means "no data" and leaves the result blank.
 */
function withOptionalZeros(def: MetricDefinition, args: unknown[]): unknown[] {
  if (!def.params.some((p) => p.optional)) return args;
  return def.params.map((p, i) => (p.optional && (i >= args.length || args[i] === undefined) ? 0 : args[i]));
}

/** Shorthand for the many metrics that are one ratio of two numbers. */
function ratioMetric(
  def: Omit<MetricDefinition, "compute" | "params" | "denominator"> & {
    numerator: { name: string; kind: ParamKind; description: string };
    denominator: { name: string; kind: ParamKind; description: string };
    of: (numerator: number, denominator: number) => number | null;
  },
): FunctionSpec {
  const { numerator, denominator, of, ...rest } = def;
  return toSpec({
    ...rest,
    params: [numerator, denominator],
    denominator: denominator.name,
    compute: (v) => of(v[0] as number, v[1] as number),
  });
}

const RANGE_NOTE = "Give single cells or whole ranges of the same size; a range fills one result per row.";

/**
 * The description Sheets shows while a formula is typed. It does not show `@return`, so what
 * the result is (and how to format its cell) is said here too.
 */
function describe(description: string, returns: string): string {
  return `${description} Returns ${returns}.`;
}

const TREND_RETURNS = "short text such as ↑ +3.2%/week";

/** Returns text of a share: a fraction, shown as a percentage once the cell is formatted as one. */
const AS_PERCENT = "as a fraction (format the cell as %)";

const FUNNEL_RETURNS = "one row of four rates per input row, as fractions (spills four columns to the right)";

const funnelMetric: ElementwiseMetric = {
  fn: "FUNNEL",
  params: [
    { name: "visitors", kind: "count" },
    { name: "detail_visitors", kind: "count" },
    { name: "order_buyers", kind: "count" },
    { name: "paid_buyers", kind: "count" },
  ],
  width: 4,
  compute: () => null,
  computeRow: (v: ReadonlyArray<ArgumentValue>) => {
    const [visitors, detail, orders, paid] = v as ReadonlyArray<number | undefined>;
    const rate = (n: number | undefined, d: number | undefined) =>
      n === undefined || d === undefined ? null : metrics.ratio(n, d);
    return [rate(detail, visitors), rate(orders, detail), rate(paid, orders), rate(paid, visitors)];
  },
  zeroMessage: null,
  // detail ≤ visitors, orders ≤ detail, paid ≤ orders, paid ≤ visitors
  shares: [
    [1, 0],
    [2, 1],
    [3, 2],
    [3, 0],
  ],
};

const LIVE_FUNNEL_RETURNS =
  "one row of four step rates per input row — entry, product exposure, product click, click-to-pay — as fractions (spills four columns to the right)";

const liveFunnelMetric: ElementwiseMetric = {
  fn: "LIVE_FUNNEL",
  params: [
    { name: "exposure_users", kind: "count" },
    { name: "viewers", kind: "count" },
    { name: "product_exposure_users", kind: "count" },
    { name: "product_click_users", kind: "count" },
    { name: "buyers", kind: "count" },
  ],
  width: 4,
  compute: () => null,
  computeRow: (v: ReadonlyArray<ArgumentValue>) => {
    const [exposed, viewers, productExposed, clickers, buyers] = v as ReadonlyArray<number | undefined>;
    const rate = (n: number | undefined, d: number | undefined) =>
      n === undefined || d === undefined ? null : metrics.ratio(n, d);
    return [
      rate(viewers, exposed),
      rate(productExposed, viewers),
      rate(clickers, productExposed),
      rate(buyers, clickers),
    ];
  },
  zeroMessage: null,
  // each step is a share of the one before: viewers ≤ exposed, product-exposed ≤ viewers, clickers ≤ product-exposed, buyers ≤ clickers
  shares: [
    [1, 0],
    [2, 1],
    [3, 2],
    [4, 3],
  ],
};

/** Content-commerce functions (issue 12): live rooms, short videos, 千川. */
const CONTENT_FUNCTIONS: FunctionSpec[] = [
  ratioMetric({
    name: "GPM",
    chinese: "千次曝光成交金额 / 千次观看成交金额",
    description: `GPM: sales per 1,000 exposures. Pass product impressions for the goods GPM (千次曝光成交金额) or live-room views for the live GPM (千次观看成交金额); the two are not comparable. ${RANGE_NOTE}`,
    formula: "sales ÷ exposures × 1,000",
    numerator: { name: "sales", kind: "amount", description: "sales amount (成交金额)" },
    denominator: {
      name: "exposures",
      kind: "count",
      description: "impressions or views the sales came from (商品曝光次数 or 观看次数)",
    },
    of: metrics.gpm,
    noun: "GPM",
    returns: "sales per 1,000 exposures, in the currency of sales",
    example: "=GPM(F2:F, C2:C)",
    samples: [
      { args: [144000, 150000], result: 960, note: "¥144,000 from 150,000 product impressions" },
      { args: [28800, 9600], result: 3000, note: "¥28,800 from 9,600 live-room views" },
    ],
  }),
  {
    name: "LIVE_FUNNEL",
    chinese: "直播间转化漏斗",
    description: describe(
      "The live-room funnel in one call, all in people (人数): entry rate (viewers ÷ people shown the room), product exposure rate (people shown a product ÷ viewers), product click rate (clickers ÷ people shown a product) and click-to-pay rate (buyers ÷ clickers). A step whose denominator is 0 or blank is left blank.",
      LIVE_FUNNEL_RETURNS,
    ),
    formula:
      "viewers ÷ exposure_users, product_exposure_users ÷ viewers, product_click_users ÷ product_exposure_users, buyers ÷ product_click_users",
    params: [
      {
        name: "exposure_users",
        kind: "count",
        type: NUMBER_OR_RANGE,
        description: "people shown the live room (曝光人数)",
      },
      { name: "viewers", kind: "count", type: NUMBER_OR_RANGE, description: "people who entered the room (观看人数)" },
      {
        name: "product_exposure_users",
        kind: "count",
        type: NUMBER_OR_RANGE,
        description: "people shown a product card (商品曝光人数)",
      },
      {
        name: "product_click_users",
        kind: "count",
        type: NUMBER_OR_RANGE,
        description: "people who clicked a product (商品点击人数)",
      },
      { name: "buyers", kind: "count", type: NUMBER_OR_RANGE, description: "people who paid (成交人数)" },
    ],
    returns: LIVE_FUNNEL_RETURNS,
    example: "=LIVE_FUNNEL(B2:B, C2:C, D2:D, E2:E, F2:F)",
    samples: [{ args: [40000, 8000, 4800, 960, 96], result: [[0.2, 0.6, 0.2, 0.1]] }],
    impl: (...args: unknown[]) => applyElementwise(liveFunnelMetric, args),
  },
  ratioMetric({
    name: "ENTRY_RATE",
    share: true,
    chinese: "进入率 / 曝光-观看率（人数）",
    description: `Live-room entry rate: viewers ÷ people the room was shown to. Use people with people (人数) or views with exposures (次数), never one of each. ${RANGE_NOTE}`,
    formula: "viewers ÷ exposure_users",
    numerator: { name: "viewers", kind: "count", description: "people who entered the room (观看人数)" },
    denominator: { name: "exposure_users", kind: "count", description: "people shown the room (曝光人数)" },
    of: metrics.entryRate,
    noun: "entry rate",
    returns: `the entry rate ${AS_PERCENT}`,
    example: "=ENTRY_RATE(C2:C, B2:B)",
    samples: [{ args: [8000, 40000], result: 0.2 }],
  }),
  ratioMetric({
    name: "NET_ROI",
    chinese: "净成交ROI",
    description: `Net ROI: sales left after refunds ÷ ad spend (千川 净成交ROI). Compare it with the break-even ROI, 1 ÷ gross margin: a plan whose gross ROI clears it but net ROI does not loses money after refunds. ${RANGE_NOTE}`,
    formula: "net_sales ÷ spend",
    numerator: { name: "net_sales", kind: "amount", description: "sales after refunds (净成交金额)" },
    denominator: { name: "spend", kind: "spend", description: "ad spend (整体消耗)" },
    of: metrics.netRoi,
    noun: "net ROI",
    returns: "net sales per unit of spend (2.4 means ¥2.40 kept per ¥1)",
    example: "=NET_ROI(M2:M, C2:C)",
    samples: [{ args: [12000, 5000], result: 2.4 }],
  }),
];

/** Every custom function, in the order the reference lists them. */
export const CUSTOM_FUNCTIONS: FunctionSpec[] = [
  ratioMetric({
    name: "PAY_CONVERSION",
    share: true,
    chinese: "支付转化率",
    description: `Pay conversion rate: paying buyers ÷ visitors. ${RANGE_NOTE}`,
    formula: "paid_buyers ÷ visitors",
    numerator: { name: "paid_buyers", kind: "count", description: "buyers who paid (支付买家数)" },
    denominator: { name: "visitors", kind: "count", description: "unique visitors (访客数, UV)" },
    of: metrics.payConversion,
    noun: "conversion rate",
    returns: `the conversion rate ${AS_PERCENT}`,
    example: "=PAY_CONVERSION(C2:C, B2:B)",
    samples: [
      { args: [35, 1000], result: 0.035 },
      {
        args: [
          [[35], [12], [""]],
          [[1000], [400], [""]],
        ],
        result: [[0.035], [0.03], [""]],
        note: "a blank row stays blank",
      },
    ],
  }),
  ratioMetric({
    name: "BROWSE_CONVERSION",
    share: true,
    chinese: "浏览转化率",
    description: `Share of visitors who opened a product detail page. ${RANGE_NOTE}`,
    formula: "detail_visitors ÷ visitors",
    numerator: {
      name: "detail_visitors",
      kind: "count",
      description: "visitors who opened a product detail page (商品访客数)",
    },
    denominator: { name: "visitors", kind: "count", description: "unique visitors of the shop (访客数)" },
    of: metrics.browseConversion,
    noun: "browse conversion rate",
    returns: `the browse conversion rate ${AS_PERCENT}`,
    example: "=BROWSE_CONVERSION(D2:D, B2:B)",
    samples: [{ args: [640, 1000], result: 0.64 }],
  }),
  ratioMetric({
    name: "ORDER_CONVERSION",
    share: true,
    chinese: "下单转化率",
    description: `Share of detail-page visitors who placed an order. ${RANGE_NOTE}`,
    formula: "order_buyers ÷ detail_visitors",
    numerator: { name: "order_buyers", kind: "count", description: "buyers who placed an order (下单买家数)" },
    denominator: { name: "detail_visitors", kind: "count", description: "product detail-page visitors (商品访客数)" },
    of: metrics.orderConversion,
    noun: "order conversion rate",
    returns: `the order conversion rate ${AS_PERCENT}`,
    example: "=ORDER_CONVERSION(E2:E, D2:D)",
    samples: [{ args: [48, 640], result: 0.075 }],
  }),
  ratioMetric({
    name: "PAYMENT_RATE",
    share: true,
    chinese: "下单-支付转化率",
    description: `Share of ordering buyers who went on to pay. ${RANGE_NOTE}`,
    formula: "paid_buyers ÷ order_buyers",
    numerator: { name: "paid_buyers", kind: "count", description: "buyers who paid (支付买家数)" },
    denominator: { name: "order_buyers", kind: "count", description: "buyers who placed an order (下单买家数)" },
    of: metrics.paymentRate,
    noun: "order-to-payment rate",
    returns: `the order-to-payment rate ${AS_PERCENT}`,
    example: "=PAYMENT_RATE(F2:F, E2:E)",
    samples: [{ args: [36, 48], result: 0.75 }],
  }),
  ratioMetric({
    name: "VISITOR_VALUE",
    chinese: "访客价值 / UV价值",
    description: `What one visitor is worth: sales ÷ visitors (the same as conversion × AOV). ${RANGE_NOTE}`,
    formula: "sales ÷ visitors",
    numerator: { name: "sales", kind: "amount", description: "sales amount (支付金额)" },
    denominator: { name: "visitors", kind: "count", description: "unique visitors (访客数)" },
    of: metrics.visitorValue,
    noun: "visitor value",
    returns: "sales per visitor, in the currency of sales",
    example: "=VISITOR_VALUE(G2:G, B2:B)",
    samples: [{ args: ["¥8,330.00", 1000], result: 8.33 }],
  }),
  ratioMetric({
    name: "AOV",
    chinese: "客单价",
    description: `Average order value: sales ÷ paying buyers. ${RANGE_NOTE}`,
    formula: "sales ÷ paid_buyers",
    numerator: { name: "sales", kind: "amount", description: "sales amount (支付金额)" },
    denominator: { name: "paid_buyers", kind: "count", description: "buyers who paid (支付买家数)" },
    of: metrics.aov,
    noun: "average order value",
    returns: "sales per paying buyer, in the currency of sales",
    example: "=AOV(G2:G, C2:C)",
    samples: [{ args: [8330, 35], result: 238 }],
  }),
  toSpec({
    name: "SALES",
    chinese: "销售额",
    description:
      "Sales from the core identity: visitors × pay conversion × average order value. Use it to ask what sales would be if one factor changed.",
    formula: "visitors × conversion × aov",
    params: [
      { name: "visitors", kind: "count", description: "unique visitors (访客数)" },
      { name: "conversion", kind: "rate", description: "pay conversion rate" },
      { name: "aov", kind: "amount", description: "average order value (客单价)" },
    ],
    compute: (v) => metrics.sales(v[0] as number, v[1] as number, v[2] as number),
    returns: "the sales amount, in the currency of aov",
    example: "=SALES(B2, 4.2%, 238)",
    samples: [
      { args: [1000, 0.035, 238], result: 8330 },
      { args: [1000, "4.2%", 238], result: 9996, note: "what the same day sells at 4.2% conversion" },
    ],
  }),
  ratioMetric({
    name: "BOUNCE_RATE",
    share: true,
    chinese: "跳失率",
    description: `Bounce rate for a day: visitors who viewed only one page ÷ visitors. Over several days, AVERAGE(BOUNCE_RATE(range, range)) gives the platform's figure. ${RANGE_NOTE}`,
    formula: "bounced_visitors ÷ visitors",
    numerator: { name: "bounced_visitors", kind: "count", description: "visitors who viewed exactly one page" },
    denominator: { name: "visitors", kind: "count", description: "unique visitors (访客数)" },
    of: metrics.bounceRate,
    noun: "bounce rate",
    returns: `the bounce rate ${AS_PERCENT}`,
    example: "=AVERAGE(BOUNCE_RATE(D2:D8, B2:B8))",
    samples: [{ args: [620, 1000], result: 0.62 }],
  }),
  ratioMetric({
    name: "PAGES_PER_VISITOR",
    chinese: "人均浏览量 / 访问深度",
    description: `Visit depth: page views ÷ visitors. ${RANGE_NOTE}`,
    formula: "pageviews ÷ visitors",
    numerator: { name: "pageviews", kind: "count", description: "page views (浏览量, PV)" },
    denominator: { name: "visitors", kind: "count", description: "unique visitors (访客数)" },
    of: metrics.pagesPerVisitor,
    noun: "pages-per-visitor figure",
    returns: "pages viewed per visitor",
    example: "=PAGES_PER_VISITOR(H2:H, B2:B)",
    samples: [{ args: [3200, 1000], result: 3.2 }],
  }),
  ratioMetric({
    name: "AVG_STAY",
    chinese: "平均停留时长",
    description: `Average time on detail pages: total seconds ÷ detail-page visits. ${RANGE_NOTE}`,
    formula: "total_seconds ÷ visits",
    numerator: { name: "total_seconds", kind: "seconds", description: "total seconds spent on detail pages" },
    denominator: { name: "visits", kind: "count", description: "detail-page visits" },
    of: metrics.avgStay,
    noun: "average stay",
    returns: "seconds per visit",
    example: "=AVG_STAY(I2:I, J2:J)",
    samples: [{ args: [27000, 600], result: 45 }],
  }),
  ratioMetric({
    name: "CTR",
    share: true,
    chinese: "点击率",
    description: `Click-through rate of an ad plan or keyword: clicks ÷ impressions. ${RANGE_NOTE}`,
    formula: "clicks ÷ impressions",
    numerator: { name: "clicks", kind: "count", description: "clicks (点击量)" },
    denominator: { name: "impressions", kind: "count", description: "impressions (展现量)" },
    of: metrics.ctr,
    noun: "click-through rate",
    returns: `the click-through rate ${AS_PERCENT}`,
    example: "=CTR(C2:C, B2:B)",
    samples: [{ args: [180, 12000], result: 0.015 }],
  }),
  ratioMetric({
    name: "CPC",
    chinese: "平均点击花费",
    description: `Average cost per click: ad spend ÷ clicks. ${RANGE_NOTE}`,
    formula: "spend ÷ clicks",
    numerator: { name: "spend", kind: "spend", description: "ad spend (花费)" },
    denominator: { name: "clicks", kind: "count", description: "clicks (点击量)" },
    of: metrics.cpc,
    noun: "cost per click",
    returns: "spend per click, in the currency of spend",
    example: "=CPC(D2:D, C2:C)",
    samples: [{ args: [270, 180], result: 1.5 }],
  }),
  ratioMetric({
    name: "ROI",
    chinese: "投入产出比",
    description: `Return on ad spend: sales attributed to ads ÷ spend. Below 1 ÷ gross margin a plan loses money. ${RANGE_NOTE}`,
    formula: "ad_sales ÷ spend",
    numerator: { name: "ad_sales", kind: "amount", description: "sales attributed to the ads (成交金额)" },
    denominator: { name: "spend", kind: "spend", description: "ad spend (花费)" },
    of: metrics.roi,
    noun: "ROI",
    returns: "sales per unit of spend (2.5 means ¥2.50 back per ¥1)",
    example: "=ROI(E2:E, D2:D)",
    samples: [{ args: [675, 270], result: 2.5 }],
  }),
  ratioMetric({
    name: "VISITOR_COST",
    chinese: "访客成本",
    description: `What each bought visitor cost: spend ÷ visitors. Compare it with VISITOR_VALUE × margin. ${RANGE_NOTE}`,
    formula: "spend ÷ visitors",
    numerator: { name: "spend", kind: "spend", description: "money spent on traffic" },
    denominator: { name: "visitors", kind: "count", description: "visitors the spend brought" },
    of: metrics.visitorCost,
    noun: "visitor cost",
    returns: "spend per visitor, in the currency of spend",
    example: "=VISITOR_COST(D2:D, F2:F)",
    samples: [{ args: [270, 150], result: 1.8 }],
  }),
  ratioMetric({
    name: "CAC",
    chinese: "获客成本",
    description: `Customer acquisition cost: marketing spend ÷ new customers. ${RANGE_NOTE}`,
    formula: "marketing_spend ÷ new_customers",
    numerator: { name: "marketing_spend", kind: "spend", description: "marketing spend for the period" },
    denominator: { name: "new_customers", kind: "count", description: "customers who bought for the first time" },
    of: metrics.cac,
    noun: "acquisition cost",
    returns: "spend per new customer, in the currency of marketing_spend",
    example: "=CAC(B2, C2)",
    samples: [{ args: [6000, 80], result: 75 }],
  }),
  ratioMetric({
    name: "REPURCHASE_RATE",
    share: true,
    chinese: "复购率 / 回购率",
    description: `Share of buyers who had bought before: repeat buyers ÷ buyers. ${RANGE_NOTE}`,
    formula: "repeat_buyers ÷ buyers",
    numerator: { name: "repeat_buyers", kind: "count", description: "buyers who had bought before (老买家数)" },
    denominator: { name: "buyers", kind: "count", description: "all paying buyers (支付买家数)" },
    of: metrics.repurchaseRate,
    noun: "repurchase rate",
    returns: `the repurchase rate ${AS_PERCENT}`,
    example: "=REPURCHASE_RATE(K2:K, C2:C)",
    samples: [{ args: [9, 36], result: 0.25 }],
  }),
  toSpec({
    name: "PROFIT_MARGIN",
    chinese: "利润率",
    description: `Profit margin: (revenue − cost) ÷ revenue. ${RANGE_NOTE}`,
    formula: "(revenue − cost) ÷ revenue",
    params: [
      { name: "revenue", kind: "revenue", description: "revenue (sales)" },
      { name: "cost", kind: "amount", description: "total cost of that revenue" },
    ],
    denominator: "revenue",
    noun: "profit margin",
    compute: (v) => metrics.profitMargin(v[0] as number, v[1] as number),
    returns: `the margin ${AS_PERCENT}; negative when cost exceeds revenue`,
    example: "=PROFIT_MARGIN(G2:G, L2:L)",
    samples: [{ args: [8330, 5831], result: 0.3 }],
  }),
  toSpec({
    name: "DSR",
    chinese: "DSR 动态评分",
    description: "Detailed seller rating: the mean of the description, service and logistics scores, each from 1 to 5.",
    formula: "(description + service + logistics) ÷ 3",
    params: [
      { name: "description", kind: "score", description: "宝贝与描述相符 score" },
      { name: "service", kind: "score", description: "卖家服务态度 score" },
      { name: "logistics", kind: "score", description: "物流服务质量 score" },
    ],
    compute: (v) => metrics.dsr(v[0] as number, v[1] as number, v[2] as number),
    returns: "the mean score, 1–5",
    example: "=DSR(B2, C2, D2)",
    samples: [{ args: [4.8, 4.7, 4.9], result: 4.8 }],
  }),
  toSpec({
    name: "TARGET_PACE",
    chinese: "销售达标",
    description:
      "How the month is pacing against its sales target: actual sales so far ÷ the share of the target due by the date (days elapsed, that day included, ÷ days in the month). 1 is exactly on pace.",
    formula: "actual_to_date ÷ (month_target × days elapsed ÷ days in month)",
    params: [
      { name: "actual_to_date", kind: "amount", description: "sales so far this month, up to and including date" },
      { name: "month_target", kind: "spend", description: "the sales target for the whole month" },
      { name: "date", kind: "date", description: "the last day counted in actual_to_date" },
    ],
    denominator: "month_target",
    noun: "pace to measure",
    compute: (v) => {
      const day = v[2] as Day;
      return metrics.targetPace(v[0] as number, v[1] as number, day.day, daysInMonth(day.year, day.month));
    },
    returns: "actual ÷ the target due so far (1 = on pace, 0.9 = 10% behind)",
    example: '=TARGET_PACE(B2, 300000, "2026-11-10")',
    samples: [
      { args: [90000, 300000, "2026-11-10"], result: 0.9, note: "10 of 30 days: ¥100,000 was due" },
      { args: [93000, 310000, "2026-01-31"], result: 0.3 },
    ],
  }),
  {
    name: "FUNNEL",
    chinese: "转化漏斗",
    description: describe(
      "The conversion funnel in one call: for each input row, one row of four rates — browse conversion, order conversion, order-to-payment rate and pay conversion. A rate whose denominator is 0 or blank is left blank.",
      FUNNEL_RETURNS,
    ),
    formula: "detail ÷ visitors, orders ÷ detail, paid ÷ orders, paid ÷ visitors",
    params: [
      { name: "visitors", kind: "count", type: NUMBER_OR_RANGE, description: "unique visitors (访客数)" },
      {
        name: "detail_visitors",
        kind: "count",
        type: NUMBER_OR_RANGE,
        description: "visitors who opened a product detail page",
      },
      {
        name: "order_buyers",
        kind: "count",
        type: NUMBER_OR_RANGE,
        description: "buyers who placed an order (下单买家数)",
      },
      { name: "paid_buyers", kind: "count", type: NUMBER_OR_RANGE, description: "buyers who paid (支付买家数)" },
    ],
    returns: FUNNEL_RETURNS,
    example: "=FUNNEL(B2:B8, D2:D8, E2:E8, C2:C8)",
    samples: [{ args: [1000, 640, 48, 36], result: [[0.64, 0.075, 0.75, 0.036]] }],
    impl: (...args: unknown[]) => applyElementwise(funnelMetric, args),
  },
  {
    name: "TREND",
    chinese: "趋势",
    description: describe(
      "The trend of a metric column: the least-squares slope per day, as a share of the column's mean per week, with its direction (↑ rising, ↓ falling, → flat: under 0.5% a week). Without dates each row counts as one day; blank cells are left out.",
      TREND_RETURNS,
    ),
    formula: "slope per day × 7 ÷ mean of values",
    params: [
      { name: "values", kind: "amount", type: NUMBER_OR_RANGE, description: "the metric, one cell per day" },
      {
        name: "dates",
        kind: "date",
        type: DATE_OR_RANGE,
        description: "optional: the day of each value (same number of cells)",
        optional: true,
      },
    ],
    returns: TREND_RETURNS,
    example: "=TREND(C2:C31, A2:A31)",
    samples: [
      {
        args: [[[100], [110], [120], [130]]],
        result: "↑ +60.9%/week",
        note: "slope 10 a day, mean 115: 70 ÷ 115 = 60.9% a week",
      },
      {
        args: [
          [[200], [190], [180]],
          [["2026-11-01"], ["2026-11-03"], ["2026-11-05"]],
        ],
        result: "↓ -18.4%/week",
        note: "slope −5 a day over every other day, mean 190: −35 ÷ 190",
      },
      { args: [[[100], [100.2], [100]]], result: "→ 0.0%/week" },
    ],
    summarises: true,
    impl: (values: unknown, dates?: unknown) => trendText(values, dates),
  },
  // profit (issue 14)
  toSpec({
    name: "NET_PROFIT",
    chinese: "净利润",
    description: `Net profit of a period, product or plan: sales less refunds, platform fees, cost of goods and ad spend. Give every amount as a positive sum; the result is negative when the money is lost. ${RANGE_NOTE}`,
    formula: "sales − refunds − fees − cogs − ad_spend",
    params: [
      { name: "sales", kind: "money", description: "paid sales (支付金额)" },
      { name: "cogs", kind: "money", description: "cost of the goods sold (商品成本): units × unit cost" },
      { name: "fees", kind: "money", description: "platform and payment fees (佣金/扣点, 支付手续费)" },
      { name: "ad_spend", kind: "money", description: "ad spend (推广花费)" },
      { name: "refunds", kind: "money", description: "refunded amount (退款金额)" },
    ],
    compute: (v) => metrics.netProfit(v[0] as number, v[1] as number, v[2] as number, v[3] as number, v[4] as number),
    returns: "the profit, in the currency of sales; negative for a loss",
    example: "=NET_PROFIT(B2, C2, D2, E2, F2)",
    samples: [
      { args: [10000, 4000, 800, 1500, 600], result: 3100, note: "10,000 − 600 − 800 − 4,000 − 1,500" },
      { args: [5000, 3000, 500, 2000, 250], result: -750, note: "a loss: 5,000 − 250 − 500 − 3,000 − 2,000" },
    ],
  }),
  toSpec({
    name: "PROFIT_PER_UNIT",
    chinese: "单件利润",
    description: `What one unit earns: its price less the platform's fee on that price, its unit cost and its shipping and packaging. ${RANGE_NOTE}`,
    formula: "price × (1 − fee_rate) − unit_cost − shipping",
    params: [
      { name: "price", kind: "money", description: "the price a buyer pays for one unit (单价)" },
      { name: "unit_cost", kind: "money", description: "what one unit costs you (单件成本)" },
      { name: "fee_rate", kind: "rate", description: "platform + payment fee as a share of the price (扣点)" },
      {
        name: "shipping",
        kind: "money",
        optional: true,
        description: "shipping and packaging per unit (运费 + 包装)",
      },
    ],
    compute: (v) => metrics.profitPerUnit(v[0] as number, v[1] as number, v[2] as number, v[3] as number),
    returns: "the profit per unit, in the currency of price; negative when each unit loses money",
    example: "=PROFIT_PER_UNIT(B2, C2, 5%, D2)",
    samples: [
      { args: [99, 40, 0.05, 8], result: 46.05, note: "99 × 0.95 − 40 − 8" },
      { args: [99, 40, "5%"], result: 54.05, note: "no shipping given: 99 × 0.95 − 40" },
      { args: [59, 45, 0.1, 12], result: -3.9, note: "59 × 0.9 − 45 − 12: each unit loses ¥3.90" },
    ],
  }),
  toSpec({
    name: "CONTRIBUTION_MARGIN",
    chinese: "边际贡献率",
    description: `The share of each sale left once the costs that grow with it (goods, shipping, packaging, fees) are paid, before ad spend. Feed it to BREAKEVEN_ROI. ${RANGE_NOTE}`,
    formula: "(sales − variable_costs) ÷ sales",
    params: [
      { name: "sales", kind: "revenue", description: "sales (支付金额)" },
      { name: "variable_costs", kind: "money", description: "the costs that grow with each sale" },
    ],
    denominator: "sales",
    noun: "contribution margin",
    compute: (v) => metrics.contributionMargin(v[0] as number, v[1] as number),
    returns: `the contribution margin ${AS_PERCENT}; negative when the variable costs exceed sales`,
    example: "=CONTRIBUTION_MARGIN(B2, G2)",
    samples: [{ args: [10000, 6500], result: 0.35 }],
  }),
  toSpec({
    name: "BREAKEVEN_ROI",
    chinese: "保本ROI",
    description:
      "The ROI an ad plan needs just to break even: 1 ÷ margin, raised for the share of sales refunded and the platform's fee. A plan below it loses money on every sale the ads bring.",
    formula: "1 ÷ (margin × (1 − refund_rate) × (1 − fee_rate))",
    params: [
      { name: "margin", kind: "rate", description: "gross margin of what the plan sells (毛利率)" },
      { name: "refund_rate", kind: "rate", optional: true, description: "share of sales refunded (退款率)" },
      { name: "fee_rate", kind: "rate", optional: true, description: "platform + payment fee rate (扣点)" },
    ],
    denominator: "margin × (1 − refund_rate) × (1 − fee_rate)",
    noun: "break-even ROI (nothing of a sale is left)",
    compute: (v) => metrics.breakEvenRoi(v[0] as number, v[1] as number, v[2] as number),
    returns: "the break-even ROI (3.76 means ¥3.76 of ad sales per ¥1 of spend)",
    example: "=BREAKEVEN_ROI(35%, 20%, 5%)",
    samples: [
      { args: [0.35], result: 1 / 0.35, note: "1 ÷ 0.35 = 2.857: an ROI of 3.2 clears it" },
      {
        args: [0.35, 0.2, 0.05],
        result: 1 / 0.266,
        note: "1 ÷ (0.35 × 0.8 × 0.95) = 3.759: an ROI of 3.2 loses money",
      },
    ],
  }),
  toSpec({
    name: "BREAKEVEN_ACOS",
    chinese: "保本ACoS",
    description:
      "The highest ACoS (ad spend ÷ ad sales) an ad plan can run at without losing money: the margin left after refunds and fees, the inverse of BREAKEVEN_ROI.",
    formula: "margin × (1 − refund_rate) × (1 − fee_rate)",
    params: [
      { name: "margin", kind: "rate", description: "gross margin of what the plan sells (毛利率)" },
      { name: "refund_rate", kind: "rate", optional: true, description: "share of sales refunded (退款率)" },
      { name: "fee_rate", kind: "rate", optional: true, description: "platform + payment fee rate (referral fee)" },
    ],
    compute: (v) => metrics.breakEvenAcos(v[0] as number, v[1] as number, v[2] as number),
    returns: `the break-even ACoS ${AS_PERCENT}`,
    example: "=BREAKEVEN_ACOS(35%, 20%, 5%)",
    samples: [
      { args: [0.35], result: 0.35, note: "no refunds or fees: ACoS up to the margin" },
      { args: [0.35, 0.2, 0.05], result: 0.266, note: "0.35 × 0.8 × 0.95 = 26.6%" },
    ],
  }),
  ratioMetric({
    name: "REFUND_RATE",
    chinese: "退款率",
    description: `Refund rate: refunded amount ÷ sales. Refunds dated by refund day can exceed a short period's sales, so over 100% is shown, not refused. ${RANGE_NOTE}`,
    formula: "refunds ÷ sales",
    numerator: { name: "refunds", kind: "money", description: "refunded amount (退款金额, 成功退款金额)" },
    denominator: { name: "sales", kind: "money", description: "paid sales of the same period (支付金额)" },
    of: metrics.refundRate,
    noun: "refund rate",
    returns: `the refund rate ${AS_PERCENT}`,
    example: "=REFUND_RATE(F2:F, B2:B)",
    samples: [{ args: [600, 10000], result: 0.06 }],
  }),
  toSpec({
    name: "DAYS_OF_COVER",
    chinese: "可售天数",
    description: `How many days the stock lasts at the period's selling rate: stock ÷ (units sold ÷ days). ${RANGE_NOTE}`,
    formula: "stock ÷ (units_sold ÷ days)",
    params: [
      { name: "stock", kind: "count", description: "units on hand (库存)" },
      { name: "units_sold", kind: "count", description: "units sold in the period (支付件数)" },
      { name: "days", kind: "count", description: "days in that period" },
    ],
    denominator: "units_sold or days",
    noun: "selling rate to measure cover against",
    compute: (v) => metrics.daysOfCover(v[0] as number, v[1] as number, v[2] as number),
    returns: "days of stock left at the current rate",
    example: "=DAYS_OF_COVER(H2, SUM(C2:C31), 30)",
    samples: [
      { args: [120, 300, 30], result: 12, note: "300 units in 30 days is 10 a day: 120 last 12 days" },
      { args: [[[120], [15]], [[300], [90]], 30], result: [[12], [5]], note: "15 ÷ (90 ÷ 30) = 5" },
    ],
  }),
  ...CONTENT_FUNCTIONS,
];

/** Looks a custom function up by name (case-insensitive, as Sheets treats names). */
export function findFunction(name: string): FunctionSpec | undefined {
  const upper = name.toUpperCase();
  return CUSTOM_FUNCTIONS.find((fn) => fn.name === upper);
}
