/**
 * Writes the bundled sample shop (samples/sample-shop/*.csv): one month of a made-up
 * Tmall apparel shop in 生意参谋-style exports, with the problems listed in
 * samples/sample-shop/README.md planted on purpose. A fixed seed keeps the files
 * byte-for-byte reproducible: `npx tsx scripts/make-sample.ts` then `git diff` shows nothing.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const SAMPLE_DIR = join(root, "samples", "sample-shop");

/** mulberry32: tiny, fast, and the same sequence on every Node version. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let random = seededRandom(20261031);
/** A value around `centre`, spread ± `spread` (as a fraction of centre). */
function around(centre: number, spread: number): number {
  return centre * (1 + (random() * 2 - 1) * spread);
}

const YEAR = 2026;
const MONTH = 10;
const DAYS = 31;
const PERIOD = `${YEAR}-${MONTH}-01~${YEAR}-${MONTH}-${DAYS}`; // October: no zero-padding needed
/** From the 20th to the month end a broken campaign landing page sends bounce up and depth down. */
const HIGH_BOUNCE_FROM = 20;
const HIGH_BOUNCE_TO = 31;
/** The peer average the daily export carries in its 同行同层平均 column; the shop sits below it. */
const PEER_PAY_CONVERSION = 0.031;

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (day: number) => `${YEAR}-${pad(MONTH)}-${pad(day)}`;
const percent = (rate: number, digits = 2) => `${(rate * 100).toFixed(digits)}%`;
const money = (n: number) => n.toFixed(2);
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** CSV with quoting where a cell needs it, CRLF line ends like Excel writes. */
export function toCsv(rows: (string | number)[][]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

interface Day {
  date: string;
  visitors: number;
  pageviews: number;
  sales: number;
  paidBuyers: number;
  bounce: number;
  stay: number;
  orderBuyers: number;
  detailVisitors: number;
}

function makeDays(): Day[] {
  const days: Day[] = [];
  for (let d = 1; d <= DAYS; d++) {
    const weekday = new Date(Date.UTC(YEAR, MONTH - 1, d)).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const highBounce = d >= HIGH_BOUNCE_FROM && d <= HIGH_BOUNCE_TO;
    const visitors = Math.round(around(weekend ? 4300 : 3600, 0.08));
    const bounce = highBounce ? around(0.76, 0.03) : around(0.53, 0.05);
    const depth = highBounce ? around(2.2, 0.06) : around(3.6, 0.06);
    const conversion = highBounce ? around(0.017, 0.08) : around(0.024, 0.08);
    const paidBuyers = Math.round(visitors * conversion);
    const aov = around(172, 0.06);
    const orderBuyers = Math.round(paidBuyers * around(1.12, 0.03));
    days.push({
      date: iso(d),
      visitors,
      pageviews: Math.round(visitors * depth),
      sales: round(paidBuyers * aov),
      paidBuyers,
      bounce,
      stay: Math.round(highBounce ? around(31, 0.1) : around(58, 0.1)),
      orderBuyers,
      detailVisitors: Math.round(visitors * (highBounce ? 0.42 : around(0.71, 0.04))),
    });
  }
  return days;
}

function shopDaily(days: Day[]): (string | number)[][] {
  const header = [
    "统计日期",
    "访客数",
    "浏览量",
    "支付金额",
    "支付买家数",
    "支付转化率",
    "客单价",
    "跳失率",
    "人均浏览量（访问深度）",
    "人均停留时长(秒)",
    "下单买家数",
    "下单转化率",
    "商品详情页访客数",
    "同行同层平均支付转化率",
    "描述相符动态评分(DSR)",
    "服务态度动态评分(DSR)",
    "物流服务动态评分(DSR)",
  ];
  const rows = days.map((d) => [
    d.date,
    d.visitors,
    d.pageviews,
    money(d.sales),
    d.paidBuyers,
    percent(d.paidBuyers / d.visitors),
    money(d.sales / d.paidBuyers),
    percent(d.bounce),
    (d.pageviews / d.visitors).toFixed(2),
    d.stay,
    d.orderBuyers,
    percent(d.orderBuyers / d.visitors),
    d.detailVisitors,
    percent(PEER_PAY_CONVERSION),
    "4.8",
    "4.8",
    "4.7",
  ]);
  return [header, ...rows];
}

interface Product {
  id: string;
  name: string;
  price: number;
  /** Share of the month's product-page visitors. */
  share: number;
  /** Pay conversion; null for the planted zero-sale product, "presale" for the deposit item. */
  conversion: number | "zero" | "presale";
}

const PRODUCTS: Product[] = [
  { id: "683201457712", name: "经典纯棉圆领T恤 男女同款", price: 129, share: 0.27, conversion: 0.034 },
  { id: "683201457713", name: "重磅华夫格卫衣 秋冬加厚", price: 239, share: 0.16, conversion: 0.026 },
  { id: "683201457714", name: "直筒休闲工装裤", price: 199, share: 0.14, conversion: 0.021 },
  { id: "683201457715", name: "羊毛混纺针织开衫", price: 329, share: 0.09, conversion: 0.031 },
  { id: "683201457716", name: "基础款纯色袜子 5双装", price: 39, share: 0.08, conversion: 0.012 },
  { id: "683201457717", name: "复古水洗牛仔外套", price: 289, share: 0.11, conversion: "zero" },
  { id: "683201457718", name: "【预售】双十一限定 鹅绒短款羽绒服", price: 699, share: 0.1, conversion: "presale" },
  { id: "683201457719", name: "帆布托特包", price: 89, share: 0.05, conversion: 0.018 },
];

function products(days: Day[]): (string | number)[][] {
  const monthDetailVisitors = days.reduce((s, d) => s + d.detailVisitors, 0);
  const header = [
    "统计日期",
    "商品ID",
    "商品名称",
    "商品价格",
    "商品访客数",
    "商品浏览量",
    "平均停留时长",
    "商品详情页跳出率",
    "下单买家数",
    "下单转化率",
    "支付买家数",
    "支付金额",
    "商品支付转化率",
  ];
  const rows = PRODUCTS.map((p) => {
    const visitors = Math.round(monthDetailVisitors * p.share * around(1, 0.03));
    let paid = 0;
    let ordered = 0;
    if (typeof p.conversion === "number") {
      paid = Math.round(visitors * p.conversion);
      ordered = Math.round(paid * around(1.1, 0.03));
    } else if (p.conversion === "presale") {
      // Deposits are orders; the balance is only paid on 11.11, so nothing is "paid" yet.
      ordered = Math.round(visitors * 0.046);
    }
    const sales = paid * p.price * around(1.04, 0.02);
    return [
      PERIOD,
      p.id,
      p.name,
      money(p.price),
      visitors,
      Math.round(visitors * around(1.7, 0.1)),
      Math.round(around(p.conversion === "zero" ? 19 : 52, 0.12)),
      percent(p.conversion === "zero" ? around(0.81, 0.02) : around(0.5, 0.08)),
      ordered,
      percent(ordered / visitors),
      paid,
      money(sales),
      percent(paid / visitors),
    ];
  });
  // 生意参谋 puts a title and filter notes above the header (the header sits on row 5).
  return [
    [`【生意参谋平台】商品_全部_${iso(1)}_${iso(DAYS)}`],
    ["统计时间", PERIOD],
    ["终端", "所有终端"],
    [],
    header,
    ...rows,
  ];
}

function trafficSources(days: Day[]): (string | number)[][] {
  const visitors = days.reduce((s, d) => s + d.visitors, 0);
  const shopBuyers = days.reduce((s, d) => s + d.paidBuyers, 0);
  const shopAov = days.reduce((s, d) => s + d.sales, 0) / shopBuyers;
  const sources: [string, number, number][] = [
    // [来源, share of visitors, relative pay conversion]
    ["手淘搜索", 0.34, 0.029],
    ["手淘推荐", 0.21, 0.011],
    ["直通车", 0.15, 0.024],
    ["我的淘宝", 0.09, 0.052],
    ["购物车", 0.06, 0.081],
    ["淘宝客", 0.05, 0.018],
    ["引力魔方", 0.06, 0.006],
    ["直接访问", 0.04, 0.035],
  ];
  const raw = sources.map(([name, share, conversion]) => {
    const v = Math.round(visitors * share * around(1, 0.02));
    return { name, v, paid: v * conversion * around(1, 0.05) };
  });
  // A buyer can arrive through two sources, so the sources' buyers add up to a little more
  // than the shop's (about 5 %), never to a different order of magnitude.
  const scale = (shopBuyers * 1.05) / raw.reduce((s, r) => s + r.paid, 0);
  const header = [
    "统计日期",
    "流量来源",
    "访客数",
    "下单买家数",
    "下单转化率",
    "支付买家数",
    "支付转化率",
    "支付金额",
    "客单价",
  ];
  const rows = raw.map(({ name, v, paid: rawPaid }) => {
    const paid = Math.round(rawPaid * scale);
    const ordered = Math.round(paid * around(1.12, 0.03));
    const aov = around(shopAov, 0.06);
    return [PERIOD, name, v, ordered, percent(ordered / v), paid, percent(paid / v), money(paid * aov), money(aov)];
  });
  return [header, ...rows];
}

function adPlans(): (string | number)[][] {
  const plans: [string, number, number, number, number][] = [
    // [计划名称, impressions, CTR, CPC, click conversion]
    ["日常销售-T恤核心词", 612000, 0.038, 0.92, 0.031],
    ["卫衣-秋冬拉新", 455000, 0.027, 1.18, 0.022],
    ["工装裤-精准人群", 298000, 0.031, 1.05, 0.019],
    ["全店-泛词测款", 820000, 0.0041, 1.46, 0.009],
    ["羽绒服-预售蓄水", 240000, 0.022, 1.62, 0.012],
  ];
  const header = [
    "计划名称",
    "展现量",
    "点击量",
    "点击率",
    "花费",
    "平均点击花费",
    "总成交笔数",
    "总成交金额",
    "投入产出比",
    "点击转化率",
  ];
  const rows = plans.map(([name, impressionsBase, ctr, cpc, clickConversion]) => {
    const impressions = Math.round(impressionsBase * around(1, 0.04));
    const clicks = Math.round(impressions * ctr * around(1, 0.04));
    const spend = clicks * cpc * around(1, 0.03);
    const orders = Math.round(clicks * clickConversion);
    const adSales = orders * around(185, 0.06);
    return [
      name,
      impressions,
      clicks,
      percent(clicks / impressions),
      money(spend),
      money(spend / clicks),
      orders,
      money(adSales),
      (adSales / spend).toFixed(2),
      percent(orders / clicks),
    ];
  });
  // The plan report states the period it covers above the header, so its money can be read per day.
  return [["统计时间", PERIOD], [], header, ...rows];
}

/**
 * The team's Costs tab (issue 14): what each product costs per unit, its stock on hand and the ad
 * plan that promotes it. Planted: the best-selling T-shirt (¥129) costs ¥85 + ¥8 shipping + ¥3
 * packaging and carries the T恤核心词 plan, so after refunds, fees and that plan it loses money.
 */
function costs(): (string | number)[][] {
  const header = ["商品ID", "商品名称", "单件成本", "运费", "包装", "库存", "推广计划"];
  const rows: (string | number)[][] = [
    ["683201457712", "经典纯棉圆领T恤 男女同款", "85.00", "8.00", "3.00", 120, "日常销售-T恤核心词"],
    ["683201457713", "重磅华夫格卫衣 秋冬加厚", "95.00", "10.00", "4.00", 260, ""],
    ["683201457714", "直筒休闲工装裤", "70.00", "8.00", "3.00", 310, ""],
    ["683201457715", "羊毛混纺针织开衫", "130.00", "10.00", "4.00", 180, ""],
    ["683201457716", "基础款纯色袜子 5双装", "14.00", "6.00", "2.00", 500, ""],
    ["683201457717", "复古水洗牛仔外套", "110.00", "10.00", "4.00", 90, ""],
    ["683201457718", "【预售】双十一限定 鹅绒短款羽绒服", "320.00", "15.00", "6.00", 0, "羽绒服-预售蓄水"],
    ["683201457719", "帆布托特包", "30.00", "6.00", "2.00", 150, ""],
  ];
  return [header, ...rows];
}

/** File name (without .csv) → rows, in the order the preview shows the tabs. */
export function makeSampleShop(): Record<string, (string | number)[][]> {
  random = seededRandom(20261031);
  const days = makeDays();
  return {
    店铺日报: shopDaily(days),
    商品效果: products(days),
    流量来源: trafficSources(days),
    推广计划: adPlans(),
    成本: costs(),
  };
}

/** File name → the exact CSV text the sample shop's files hold. */
export function sampleShopCsv(): Record<string, string> {
  return Object.fromEntries(Object.entries(makeSampleShop()).map(([name, rows]) => [`${name}.csv`, toCsv(rows)]));
}

function main(): void {
  mkdirSync(SAMPLE_DIR, { recursive: true });
  const files = sampleShopCsv();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(SAMPLE_DIR, name), text);
  console.log(`make-sample: wrote ${Object.keys(files).length} files to samples/sample-shop/`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
