/**
 * Which platform's export a table is, from words in its title or name (生意参谋, Shopify,
 * BusinessReport …) and, failing those, its distinctive headers. 生意参谋-style Chinese
 * vocabulary with nothing more distinctive is taken as taobao (生意参谋 / 万相台 / 直通车 / 千牛).
 */
import type { CurrencyCode } from "../currency";
import type { Platform } from "../tables";

type Known = Exclude<Platform, "unknown">;

/** Words in a title row or a file/tab name that name the platform. */
const NAME_WORDS: readonly (readonly [Known, RegExp])[] = [
  ["taobao", /生意参谋|生意參謀|万相台|萬相台|直通车|直通車|千牛|淘宝|淘寶|天猫|天貓|阿里妈妈/],
  ["jd", /京东|京東|商智|京准通/],
  ["pdd", /拼多多|多多买菜|多多进宝/],
  ["kuaishou", /快手|生意通|磁力金牛|快分销|kwai/i],
  ["xiaohongshu", /小红书|小紅書|千帆|聚光|蒲公英|xiaohongshu|rednote/i],
  ["weixin", /视频号|視頻號|微信小店|weixin|wechat channels/i],
  ["douyin", /抖音|抖店|罗盘|羅盤|千川|巨量/],
  ["tiktok", /tiktok/i],
  ["shopee", /shopee/i],
  ["lazada", /lazada/i],
  ["amazon", /amazon|businessreport|seller ?central/i],
  ["woocommerce", /woocommerce/i],
  ["etsy", /etsy/i],
  ["ebay", /\bebay\b|seller hub/i],
  ["mercadolibre", /mercado ?libre|mercado ?livre|reporte de ventas/i],
  ["rakuten", /楽天|rakuten|商品別データ/i],
  ["shopify", /shopify/i],
  ["ga4", /\bga4\b|google analytics|traffic acquisition|user acquisition/i],
];

/** Headers only one platform's exports use (header text, lower-cased). */
const HEADER_SIGNS: readonly (readonly [Known, RegExp])[] = [
  [
    "amazon",
    /asin|sessions\s*[-–—]\s*total|unit session percentage|order item session percentage|featured offer|buy box|ordered product sales|units ordered|average offer count|search query score|brand share|brand count|conteggio marchio|quota del marchio/,
  ],
  [
    "ga4",
    /session (default|primary) channel group|session source|engaged sessions|engagement rate|key events|active users|average engagement time|first user/,
  ],
  [
    "shopify",
    /online store visitors|sessions that (completed|reached) checkout|sessions with cart additions|^total sales$|^gross sales$|^net sales$|returning customer rate|referring platform|^product vendor$|^variant title$|shipping charges/,
  ],
  [
    "shopee",
    /product impression|sales \((placed|confirmed) order\)|(placed|confirmed) order|variation (id|name)|parent sku/,
  ],
  ["lazada", /revenue per buyer|wishlist visitors|add to cart visitors/],
  ["tiktok", /::|items sold|sku orders|est\. customers/],
  ["kuaishou", /品退/],
  ["xiaohongshu", /笔记|筆記|商卡/],
  ["weixin", /^(pay_gmv|pay_uv|live_pay_gmv|feed_pay_gmv|pay_refund_gmv)$/],
  ["woocommerce", /^coupons$/],
  ["etsy", /adjusted net order amount|card processing fees|^order net$|^sale date$|listing id/],
  ["ebay", /ebay/],
  ["mercadolibre", /# de venta|# de publicación|ingresos por productos|cargo por venta/],
  ["rakuten", /アクセス人数|転換率|客単価|売上件数|直帰数/],
  ["douyin", /直播间|千川|整体支付roi|整体消耗|商品曝光|曝光进入率|gpm|千次观看成交|成交人数|商品点击人数/],
  ["jd", /成交客户数|成交转化率|成交客单价|成交单量|下单-成交转化率|无界|京准通|推广消耗金额/],
  ["pdd", /成团订单数|成团件数|是否新款/],
];

/** 生意参谋 / 万相台 / 千牛 vocabulary: Chinese headers with no more distinctive platform. */
const TAOBAO_WORDS =
  /支付转化率|支付买家数|跳失率|访客数|uv价值|人均浏览量|支付金额|淘宝客|投入产出比|实际投产比|净成交金额|主体|宝贝|旺旺|询单|展现量|花费|卖家昵称/;

function fromWords(texts: readonly string[]): Known | null {
  for (const [platform, words] of NAME_WORDS) if (texts.some((t) => words.test(t))) return platform;
  return null;
}

/** The platform of a table: title and name words first, then header signatures, then 生意参谋 vocabulary. */
export function detectPlatform(headers: readonly string[], titleTexts: readonly string[], name: string): Platform {
  const named = fromWords([...titleTexts, name]);
  if (named) return named;
  const lower = headers.map((h) => h.trim().toLowerCase());
  let best: Known | null = null;
  let bestHits = 0;
  for (const [platform, sign] of HEADER_SIGNS) {
    const hits = lower.filter((h) => sign.test(h)).length;
    if (hits > bestHits) {
      best = platform;
      bestHits = hits;
    }
  }
  if (best) return best;
  return lower.some((h) => TAOBAO_WORDS.test(h)) ? "taobao" : "unknown";
}

/** Platforms that sell in one currency only: their exports write amounts without a mark (楽天 `128000` is yen). */
const HOME_CURRENCY: Partial<Record<Platform, CurrencyCode>> = { rakuten: "JPY" };

/** The one currency a platform's amounts can be in, or null when it sells in several (Shopee, Amazon, eBay…). */
export function homeCurrency(platform: Platform | undefined): CurrencyCode | null {
  return platform === undefined ? null : (HOME_CURRENCY[platform] ?? null);
}
