/**
 * Header vocabulary: every canonical field recognition can produce, what it means, its
 * value type, and the export headers (生意参谋, 京东商智, 拼多多, 直通车/万相台, 千牛,
 * Shopify, Amazon Business Reports, GA4 — simplified, traditional, English) that map to it.
 *
 * Headers are written as people see them; they are folded with `headerKey` (full-width,
 * case, traditional characters, dashes, spaces) when the lookup table is built, so
 * `訪客數`, `访客数 ` and `訪客數（人）` need no entries of their own (bracketed notes
 * are tried both with and without).
 *
 * Derived field names (documented here, built in headers.ts):
 * - Terminal / device columns: `<field>_<channel>` where channel is `pc` (PC端, 电脑端),
 *   `mobile` (无线端, 移动端, 手机端), `app` (Amazon `Mobile App`), `browser` (Amazon
 *   `Browser`), optionally followed by `_b2b` (Amazon `- B2B`): `visitors_mobile`,
 *   `sales_pc`, `sessions_app_b2b`, `sessions_b2b`. The all-terminal column (no prefix,
 *   `所有终端`, `全部终端`, Amazon `- Total`) fills the plain field, which is the one
 *   the rules diagnose.
 * - Peer columns: `peer<Field>` for 同行同层平均 / 同行平均 / 行业平均 and
 *   `peer<Field>Top` for 同行同层优秀 / 同行优秀, the metric identified by the rest of the
 *   header, e.g. `同行同层平均支付转化率` or `支付转化率(同行同层平均)` → `peerPayConversion`,
 *   `同行同层优秀UV价值` → `peerVisitorValueTop`.
 * - Period-over-period columns: `<field>Change` (`访客数变化` → visitorsChange, a relative change).
 * - Stand-ins (STAND_INS below): when a table lacks a field, a close column fills it too and
 *   `columns` names that column under both fields (Shopify `Orders` → orders and paidBuyers;
 *   Amazon `Sessions - Total` → sessions and visitors). Rate checks never use stand-ins.
 * - In an ad report (kind `ad-plans`) `sales` / `orders` / `payConversion` headers fill
 *   `adSales` / `adOrders` / `clickConversion`: there they mean the ads' own results.
 * - `presale`: 1 when the row is a pre-sale item (a 是否预售 / 预售 marker column says so,
 *   or, when that cell is blank or there is no marker column, the product name contains
 *   预售 / 定金 / pre-order), 0 when it is not, null when neither can tell. Products rows only.
 * - Rows split by a 终端 column (所有终端 / PC / 无线 rows per day) are folded into the
 *   所有终端 row as `<field>_pc` / `<field>_mobile` (terminal.ts).
 *
 * The table kind comes from its key column (KIND_KEYS): agent → service-agents; plan,
 * keyword, ad group or promoted item, or spend with clicks/impressions → ad-plans; source →
 * traffic-sources; product / id / SKU / ASIN → products; date alone → shop-daily. A product key with a
 * unit cost and no sales, visitors or buyers is the team's Costs tab (kind `costs`). An event name →
 * the team's Events tab (kind `events`); there 开始日期 / 结束日期 / Start date / End date fill
 * eventStart / eventEnd instead of date / dateTo.
 */

/** How a column's cells are read. */
export type FieldType =
  | "date" // ISO YYYY-MM-DD text; a range fills `dateTo` too
  | "text" // names, sources, plans: trimmed text
  | "id" // product / SKU ids: text, `123.0` → `123`
  | "count" // people, orders, units
  | "money" // amounts in the export's currency
  | "rate" // fractions: 12.34% → 0.1234
  | "number" // other plain numbers (ratios such as ROI, visit depth, scores)
  | "seconds" // durations: 83, `00:01:23`, `1分23秒`
  | "flag"; // yes/no markers → 1 / 0

export interface FieldSpec<F extends string = VocabularyField> {
  field: F;
  type: FieldType;
  /** What the field means (shown nowhere; for maintainers and rules engineers). */
  about: string;
  headers: readonly string[];
}

function f<const F extends string>(field: F, type: FieldType, about: string, headers: readonly string[]): FieldSpec<F> {
  return { field, type, about, headers };
}

/**
 * The vocabulary. Order matters only when one table has two columns for the same field:
 * the header listed first for that field wins, the other is reported as a duplicate.
 */
export const VOCABULARY = [
  // ── keys ──
  f("date", "date", "statistics day; a range cell also fills dateTo", [
    "统计日期",
    "日期",
    "统计时间",
    "时间",
    "统计周期",
    "日期范围",
    "Day",
    "Date",
    "Date range",
    "Start date",
    "Datum",
    "날짜",
    "Sale Date",
    "Fecha de venta",
    "Fecha",
    "日付",
    "Ngày",
    "Tanggal",
    "วันที่",
    "Reporting Date",
  ]),
  f("dateTo", "date", "end day of the row's period when the export has its own end-date column", [
    "结束日期",
    "End date",
    "End Date",
  ]),
  f("product", "text", "product title", [
    "商品名称",
    "商品标题",
    "宝贝名称",
    "宝贝标题",
    "商品名",
    "商品",
    "Title",
    "Product",
    "Product title",
    "Product name",
    "Item name",
    "Advertised product",
    "Item",
    "Titel",
    "Listing title",
    "Item Name",
    "Título de la publicación",
    "Título",
    "Titolo",
    "Titre",
    "タイトル",
    "Product Name",
    "Tên sản phẩm",
    "Nama Produk",
    "ชื่อสินค้า",
    "Nome do produto",
  ]),
  f("productId", "id", "product id / ASIN, as text", [
    "商品ID",
    "宝贝ID",
    "主商品ID",
    "商品编号",
    "商品编码",
    "商品id号",
    "(Child) ASIN",
    "Child ASIN",
    "ASIN",
    "Advertised ASIN",
    "Product ID",
    "Item ID",
    "(Untergeordnete) ASIN",
    "(하위) ASIN",
    "eBay item ID",
    "Listing ID",
    "# de publicación",
    "ASIN (secundario)",
    "ASIN (figlio)",
    "ASIN enfant",
    "(ASIN enfant)",
    "（子）ASIN",
    "子ASIN",
    "ASIN (filho)",
    "Mã sản phẩm",
    "Kode Produk",
  ]),
  f("parentAsin", "id", "Amazon parent ASIN", [
    "(Parent) ASIN",
    "Parent ASIN",
    "(Übergeordnete) ASIN",
    "(상위) ASIN",
    "ASIN (principal)",
    "ASIN (padre)",
    "ASIN parent",
    "(ASIN parent)",
    "（親）ASIN",
    "親ASIN",
    "ASIN (pai)",
  ]),
  f("sku", "id", "seller SKU / 货号; fills productId when no product id column exists", [
    "SKU",
    "货号",
    "商家编码",
    "SKU ID",
    "Variant SKU",
    "Advertised SKU",
  ]),
  f("variationId", "id", "Shopee variation id (one row per variation of an Item ID)", ["Variation ID"]),
  f("variationName", "text", "Shopee variation name / 生意参谋 SKU名称", [
    "Variation Name",
    "Variation",
    "SKU名称",
    "SKU属性",
  ]),
  f("parentSku", "id", "Shopee Parent SKU (the product's own SKU over its variations)", ["Parent SKU"]),
  f("source", "text", "traffic source / channel", [
    "来源",
    "流量来源",
    "来源名称",
    "渠道",
    "流量渠道",
    "访客来源",
    "Source",
    "Channel",
    "Session primary channel group (Default Channel Group)",
    "Session default channel group",
    "Session primary channel group",
    "Default channel group",
    "First user default channel group",
    "Session source / medium",
    "Session source",
    "Referrer source",
    "Referrer name",
    "Traffic source",
  ]),
  f("sourceType", "text", "生意参谋 来源类型 (付费/免费/自主…); Shopify traffic `Type` (paid / organic …)", [
    "来源类型",
    "流量类型",
    "Type",
    "Referring type",
    "Referrer type",
  ]),
  f(
    "sourcePlatform",
    "text",
    "Shopify `Referring platform` (Google, Instagram …); with Channel and Type it keys a traffic row",
    ["Referring platform", "Referrer platform"],
  ),
  f("sourceLevel1", "text", "生意参谋 一级流量来源", ["一级流量来源", "一级来源"]),
  f("sourceLevel2", "text", "生意参谋 二级流量来源; fills source when no 来源 column", ["二级流量来源", "二级来源"]),
  f("sourceLevel3", "text", "生意参谋 三级流量来源", ["三级流量来源", "三级来源"]),
  f("sourceDetail", "text", "流量地图 来源明细", ["来源明细"]),
  f("plan", "text", "ad campaign / plan", [
    "计划名称",
    "计划名字",
    "推广计划",
    "推广计划名称",
    "计划",
    "Campaign",
    "Campaign name",
    "Campaigns",
    "Campaign Name",
    "Ad Name",
    "Nombre de la campaña",
    "Kampagnenname",
    "Nom de la campagne",
    "Nome della campagna",
    "キャンペーン名",
  ]),
  f("planId", "id", "ad plan / campaign id", ["计划ID", "Campaign ID"]),
  f("keyword", "text", "ad keyword; fills plan when no plan column", [
    "关键词",
    "关键字",
    "推广关键词",
    "Keyword",
    "Search term",
    "Targeting",
  ]),
  f("adGroup", "text", "ad group / 推广单元; fills plan when no plan column", [
    "推广单元",
    "单元名称",
    "推广单元名称",
    "Ad group",
    "Ad group name",
    "Ad Group Name",
  ]),
  f("adItem", "text", "万相台 主体名称 (the promoted item); fills plan when no plan column", ["主体名称"]),
  f("adItemId", "id", "万相台 主体ID", ["主体ID"]),
  f("agent", "text", "customer-service agent", [
    "客服",
    "客服名称",
    "客服昵称",
    "客服旺旺",
    "旺旺",
    "子账号",
    "客服账号",
    "Agent",
    "Agent name",
  ]),

  // ── traffic ──
  f("visitors", "count", "unique visitors (UV)", [
    "访客数",
    "商品访客数",
    "店铺访客数",
    "全店访客数",
    "访客人数",
    "UV",
    "Online store visitors",
    "Visitors",
    "Unique visitors",
    "Product Visitors (Visit)",
    "Product Visitors",
    "アクセス人数",
    "Visitantes",
    "Besucher",
    "Visiteurs",
    "Visitatori",
    "Khách truy cập",
    "Pengunjung",
    "ผู้เข้าชม",
  ]),
  f("sessions", "count", "sessions (Shopify, GA4, Amazon); fills visitors when no visitor column", [
    "Sessions",
    "Sessions - Total",
    "Sessionen - Summe",
    "Sitzungen - Summe",
    "세션 - 총계",
    "Visits",
    "Sesiones - Total",
    "Sessioni - Totale",
    "セッション - 合計",
    "セッション数 - 合計",
    "Sessões - Total",
  ]),
  f("users", "count", "GA4 active / total users", ["Active users", "Total users", "Users"]),
  f("newVisitors", "count", "new visitors", ["新访客数", "新访客", "New visitors", "New users"]),
  f("returningVisitors", "count", "returning visitors (seen in the prior 6 days)", [
    "老访客数",
    "老访客",
    "Returning visitors",
  ]),
  f("returningVisitorShare", "rate", "老访客数占比", ["老访客数占比", "老访客占比"]),
  f("pageviews", "count", "page views (PV)", [
    "浏览量",
    "商品浏览量",
    "页面浏览量",
    "PV",
    "Pageviews",
    "Page views",
    "Page Views - Total",
    "Views",
    "Seitenaufrufe - Summe",
    "Product Page Views",
    "Total page views",
    "Páginas vistas - Total",
    "Visualizzazioni di pagina - Totale",
    "Pages vues - Total",
    "ページビュー - 合計",
    "Lượt xem trang",
  ]),
  f("bounceRate", "rate", "visitors with one page view ÷ visitors", [
    "跳失率",
    "跳出率",
    "店铺跳失率",
    "Bounce rate",
    "Product Bounce Rate",
    "直帰率",
  ]),
  f("bouncedVisitors", "count", "visitors who left after one page", [
    "跳失访客数",
    "跳失人数",
    "跳出访客数",
    "Bounced visitors",
    "Bounced sessions",
    "直帰数",
    "Product Bounce Visitors",
  ]),
  f("engagedSessions", "count", "GA4 engaged sessions", ["Engaged sessions"]),
  f("engagementRate", "rate", "GA4 engagement rate (1 − GA4 bounce rate)", ["Engagement rate"]),
  f("pagesPerVisitor", "number", "page views ÷ visitors (visit depth)", [
    "人均浏览量",
    "人均浏览量(访问深度)",
    "访问深度",
    "平均访问深度",
    "Pages per session",
    "Views per session",
    "Pageviews per session",
  ]),
  f("avgStaySeconds", "seconds", "average stay in seconds", [
    "平均停留时长",
    "人均停留时长",
    "人均停留时长(秒)",
    "停留时长",
    "平均停留时间",
    "Average session duration",
    "Avg. session duration",
    "滞在時間（秒）",
    "滞在時間",
  ]),
  f("detailVisitors", "count", "visitors of product detail pages", ["商品详情页访客数", "详情页访客数"]),
  f("detailPageviews", "count", "page views of product detail pages", ["商品详情页浏览量", "详情页浏览量", "IPV"]),
  f("detailBounceRate", "rate", "detail-page bounce rate", ["商品详情页跳出率", "详情页跳出率"]),
  f("detailPayConversion", "rate", "商品详情页支付转化率", ["商品详情页支付转化率"]),
  f("homeVisitors", "count", "shop home-page visitors", ["店铺首页访客数"]),
  f("searchVisitors", "count", "visitors led by search", ["搜索引导访客数"]),
  f("searchPayConversion", "rate", "search-led pay conversion", ["搜索引导支付转化率", "搜索支付转化率"]),
  f("sessionShare", "rate", "Amazon Session Percentage (share of the shop's sessions)", [
    "Session Percentage",
    "Session Percentage - Total",
  ]),
  f("pageviewShare", "rate", "Amazon Page Views Percentage", [
    "Page Views Percentage",
    "Page Views Percentage - Total",
  ]),
  f("buyBoxRate", "rate", "Amazon Featured Offer (Buy Box) Percentage", [
    "Featured Offer (Buy Box) Percentage",
    "Buy Box Percentage",
  ]),
  f("visitorShare", "rate", "share of the shop's visitors (访客数占比; 无线端访客数占比 → visitorShare_mobile)", [
    "访客数占比",
  ]),
  f("salesShare", "rate", "share of the shop's sales (支付金额占比)", ["支付金额占比"]),
  f("engagementSeconds", "seconds", "GA4 average engagement time per session", [
    "Average engagement time per session",
    "Average engagement time",
  ]),
  f("keyEvents", "count", "GA4 key events (any key event, not only purchases)", ["Key events", "Conversions"]),
  f("keyEventRate", "rate", "GA4 session key event rate (not a purchase conversion rate)", ["Session key event rate"]),
  f("visitorValue", "money", "sales ÷ visitors (UV价值)", [
    "UV价值",
    "访客价值",
    "访客平均价值",
    "Visitor value",
    "Valor por visitante",
  ]),

  // ── funnel & sales ──
  f("sales", "money", "paid sales amount", [
    "支付金额",
    "成交金额",
    "销售额",
    "商品支付金额",
    "支付总金额",
    "付款金额",
    "Total sales",
    "Ordered Product Sales",
    "Gross Product Sales",
    "Purchase revenue",
    "Total revenue",
    "Revenue",
    "Sales",
    "Umsatz bestellter Produkte",
    "Sales (Confirmed Order)",
    "Sales (Paid Order)",
    "pay_gmv",
    "GMV",
    "売上",
    "Order Value",
    "Ingresos por productos",
    "Ventas de productos pedidos",
    "Vendite prodotti ordinati",
    "Ventes de produits commandés",
    "注文商品の売上額",
    "Vendas de produtos pedidos",
    "Doanh thu",
    "Penjualan",
    "ยอดขาย",
  ]),
  f("paidBuyers", "count", "buyers who paid", [
    "支付买家数",
    "成交客户数",
    "成交人数",
    "成交买家数",
    "支付人数",
    "付款人数",
    "支付用户数",
    "最终付款人数",
    "Total purchasers",
    "Purchasers",
    "Buyers (Confirmed Order)",
    "Buyers (Paid Orders)",
    "pay_uv",
    "Est. customers",
    "Customers",
    "Buyers",
    "Compradores",
    "Käufer",
    "Người mua",
    "Pembeli",
    "ผู้ซื้อ",
  ]),
  f("payConversion", "rate", "paid buyers ÷ visitors", [
    "支付转化率",
    "商品支付转化率",
    "成交转化率",
    "转化率",
    "Conversion rate",
    "Purchaser conversion rate",
    "Ecommerce conversion rate",
    "転換率",
    "Tasa de conversión",
    "Taxa de conversão",
    "Konversionsrate",
    "Taux de conversion",
    "Tasso di conversione",
    "Tỷ lệ chuyển đổi",
    "Tingkat Konversi",
    "อัตราการแปลง",
  ]),
  f("unitSessionRate", "rate", "Amazon units ordered ÷ sessions; fills payConversion when absent", [
    "Unit Session Percentage",
    "Porcentaje de unidades por sesión",
    "Prozentsatz der Einheiten pro Sitzung",
    "Pourcentage de sessions par unité commandée",
    "Percentuale di unità per sessione",
    "ユニットセッション率",
  ]),
  f("orderItemSessionRate", "rate", "Amazon order items ÷ sessions", ["Order Item Session Percentage"]),
  f(
    "unitPageviewRate",
    "rate",
    "eBay Sales conversion rate: quantity sold ÷ total page views (units over page views, not buyers over visitors, so never a stand-in for payConversion; checked against the counts)",
    ["Sales conversion rate = Quantity sold/Total page views", "Sales conversion rate"],
  ),
  f("aov", "money", "sales ÷ paid buyers", [
    "客单价",
    "成交客单价",
    "支付客单价",
    "Average order value",
    "AOV",
    "Average purchase revenue",
    "Average Sales per Order Item",
    "客単価",
    "Revenue per buyer",
  ]),
  f("avgUnitPrice", "money", "sales ÷ units (件单价, Average Selling Price)", ["件单价", "Average Selling Price"]),
  f("orderBuyers", "count", "buyers who placed an order", ["下单买家数", "下单人数", "下单客户数"]),
  f("orderConversion", "rate", "order buyers ÷ visitors (Shopee: the placed-order state)", [
    "下单转化率",
    "Conversion Rate (Placed Order)",
    "Conversion Rate (Visit to Placed)",
  ]),
  f("orderPayConversion", "rate", "下单-支付转化率: paying ÷ ordering buyers", [
    "下单-支付转化率",
    "下单-成交转化率",
    "下单支付转化率",
  ]),
  f("orderAmount", "money", "amount ordered (paid or not)", ["下单金额", "Sales (Placed Order)"]),
  f("orderUnits", "count", "units ordered (paid or not)", ["下单件数", "下单商品件数", "Units (Placed Order)"]),
  f("orderPaidAmount", "money", "下单且支付金额", ["下单且支付金额"]),
  f("orderPaidBuyers", "count", "下单且支付买家数", ["下单且支付买家数"]),
  f("units", "count", "units sold", [
    "支付件数",
    "支付商品件数",
    "成交商品件数",
    "成交件数",
    "销量",
    "Units Ordered",
    "Bestellte Einheiten",
    "Quantity",
    "Items purchased",
    "Items sold",
    "Net quantity",
    "Items sold",
    "売上個数",
    "Units sold",
    "Quantity sold",
    "Unidades",
    "Number of Items",
    "Unidades pedidas",
    "Unità ordinate",
    "Unités commandées",
    "注文された商品点数",
  ]),
  f("orders", "count", "paid orders; fills paidBuyers when absent", [
    "支付父订单数",
    "支付订单数",
    "订单数",
    "支付笔数",
    "成交单量",
    "成交订单数",
    "Orders",
    "Total Order Items",
    "Orders Placed",
    "Transactions",
    "Ecommerce purchases",
    "Purchases",
    "Confirmed Order",
    "Paid Orders",
    "pay_order_cnt",
    "売上件数",
    "Total de productos pedidos",
    "Totale articoli ordinati",
    "Nombre total d'articles commandés",
    "注文品目総数",
    "Purchases: Brand Count",
    "Acquisti: conteggio marchio",
  ]),
  f("subOrders", "count", "支付子订单数", ["支付子订单数"]),
  f("productsPaid", "count", "支付商品数 (distinct products paid)", ["支付商品数"]),
  f("groupOrders", "count", "拼多多 成团订单数", ["成团订单数"]),
  f("groupUnits", "count", "拼多多 成团件数", ["成团件数"]),
  f("checkoutSessions", "count", "Shopify sessions that reached checkout", ["Sessions that reached checkout"]),
  f(
    "checkoutCompleted",
    "count",
    "Shopify sessions that completed checkout; fills paidBuyers when no buyers or orders column",
    ["Sessions that completed checkout", "Sessions converted"],
  ),
  f("cartAdds", "count", "people who added to cart", [
    "加购人数",
    "加购买家数",
    "Sessions with cart additions",
    "Add to carts",
    "Add-to-carts",
    "Product Visitors (Add to Cart)",
    "Add to cart visitors",
    "Cart Adds: Brand Count",
    "Aggiunte al carrello: conteggio marchio",
  ]),
  f("cartUnits", "count", "units added to cart", [
    "加购件数",
    "商品加购件数",
    "加购商品件数",
    "Units (Add to Cart)",
    "Add to cart units",
  ]),
  f("cartRate", "rate", "cart adders ÷ visitors", ["加购率", "加购转化率"]),
  f("cartOrderConversion", "rate", "加购-下单转化率", ["加购-下单转化率", "Conversion Rate (Add to Cart)"]),
  f("favorites", "count", "people who favourited", [
    "收藏人数",
    "商品收藏人数",
    "商品收藏数",
    "收藏买家数",
    "Likes",
    "Wishlist visitors",
    "お気に入り登録ユーザ数",
  ]),
  f("shopFavorites", "count", "shop followers gained", ["店铺收藏人数", "关注店铺人数"]),
  f("newBuyers", "count", "first-time buyers", ["新买家数", "支付新买家数", "First-time customers", "新規購入件数"]),
  f("repeatBuyers", "count", "buyers who bought before (老买家)", [
    "老买家数",
    "支付老买家数",
    "回头客数",
    "Returning customers",
    "リピート購入件数",
  ]),
  f("repeatBuyerShare", "rate", "repeat buyers ÷ paid buyers", ["老买家数占比", "老买家占比", "老客占比"]),
  f("repurchaseRate", "rate", "复购率 (30-day unless the header says otherwise)", [
    "复购率",
    "回购率",
    "30天复购率",
    "30天重复购买率",
    "重复购买率",
  ]),
  f("returningCustomerRate", "rate", "Shopify returning-customer rate (not a repurchase rate)", [
    "Returning customer rate",
  ]),
  f("refundAmount", "money", "成功退款金额", [
    "成功退款金额",
    "退款金额",
    "退款金额(退款时间)",
    "成交退款金额",
    "pay_refund_gmv",
    "Refunds",
  ]),
  f("refundRequestAmount", "money", "售中申请退款金额", ["售中申请退款金额"]),
  f("grossSales", "money", "Shopify gross sales", ["Gross sales"]),
  f("discounts", "money", "Shopify discounts (negative)", ["Discounts", "Coupons", "Discount Amount"]),
  f("returns", "money", "Shopify returns (negative)", ["Returns"]),
  f("netSales", "money", "Shopify net sales", ["Net sales"]),
  f("shipping", "money", "shipping the buyer paid (Shopify shipping charges, Mercado Libre Ingresos por envío)", [
    "Shipping charges",
    "Shipping",
    "Ingresos por envío",
  ]),
  f("duties", "money", "Shopify duties", ["Duties"]),
  f("additionalFees", "money", "Shopify additional fees", ["Additional fees"]),
  f(
    "saleFees",
    "money",
    "marketplace sale fees and taxes on the row, signed as exported (Mercado Libre Cargo por venta e impuestos, negative); a package row's are shared over its items",
    ["Cargo por venta e impuestos"],
  ),
  f(
    "paymentFees",
    "money",
    "payment processing fees the platform charged on the row (Etsy Card Processing Fees, on the order as placed; the Adjusted column after refunds is not read)",
    ["Card Processing Fees"],
  ),
  f(
    "shippingPaid",
    "money",
    "shipping the seller paid on the row, signed as exported (Mercado Libre Costos de envío, negative); a package row's is shared over its items",
    ["Costos de envío"],
  ),
  f("taxes", "money", "Shopify taxes", ["Taxes"]),
  f("unitsPerOrderItem", "number", "Amazon Average Units per Order Item", ["Average Units per Order Item"]),
  f("offerCount", "number", "Amazon Average Offer Count", ["Average Offer Count"]),
  f("sellerNick", "text", "卖家昵称 / shop name; with 2+ values the table holds several shops (entityField)", [
    "卖家昵称",
    "店铺名称",
    "店铺名",
    "Store",
    "Store name",
    "Shop name",
  ]),
  f("liveRoom", "text", "抖音 live room (a live-sessions table's key and entity)", [
    "直播间",
    "直播间名称",
    "直播间名",
    "Live room",
    "直播间昵称",
    "直播账号",
  ]),
  f("orderId", "id", "order number (an orders table's key)", [
    "订单号",
    "订单编号",
    "主订单编号",
    "子订单编号",
    "Order ID",
    "Order Id",
    "Order number",
    "# de venta",
    "Número de venta",
    "注文番号",
  ]),
  f(
    "currency",
    "text",
    "ISO code of the row's amounts (Etsy `Currency`, Amazon Ads `Currency`); votes in the table's currency",
    ["Currency", "Moneda", "Währung", "Devise", "Valuta", "通貨", "Tiền tệ", "Mata Uang"],
  ),
  f(
    "packageRow",
    "flag",
    "Mercado Libre `Paquete de varios productos`: 1 on a package row, whose items follow as their own rows",
    ["Paquete de varios productos", "Pacote de vários produtos"],
  ),
  f("terminal", "text", "终端 column (所有终端 / PC / 无线)", ["终端", "设备", "Device category", "Device"]),
  f("category", "text", "category (分类, leaf 类目)", [
    "分类",
    "类目",
    "叶子类目",
    "一级类目",
    "二级类目",
    "Product type",
    "Category",
  ]),
  f("vendor", "text", "Shopify product vendor", ["Product vendor", "Vendor"]),
  f("variant", "text", "Shopify variant title", ["Variant title"]),
  f("status", "text", "plan / product status", [
    "状态",
    "商品状态",
    "推广状态",
    "Status",
    "Current Item Status",
    "Estado",
  ]),
  f("isNew", "flag", "拼多多 是否新款", ["是否新款"]),
  f("price", "money", "listed price", [
    "价格",
    "单价",
    "商品价格",
    "售价",
    "一口价",
    "Price",
    "Precio unitario de venta de la publicación",
  ]),
  f("stage", "text", "达摩盘 货品成长阶段", ["货品成长阶段"]),

  // ── pre-sale ──
  f("presale", "flag", "pre-sale marker (see header comment)", ["是否预售", "预售", "预售商品", "预售标识"]),
  f("presaleOrders", "count", "pre-sale orders", ["预售订单数", "预售支付订单数", "预售件数"]),
  f("depositOrders", "count", "orders with a deposit paid (定金)", [
    "定金订单数",
    "付定金订单数",
    "预售定金订单数",
    "支付定金订单数",
  ]),
  f("depositBuyers", "count", "buyers who paid a deposit", ["付定金人数", "支付定金买家数", "定金买家数"]),

  // ── service & reviews ──
  f("dsrDescription", "number", "DSR 描述相符 (1–5)", [
    "描述相符动态评分(DSR)",
    "描述相符动态评分",
    "描述相符",
    "宝贝与描述相符",
    "描述相符评分",
    "宝贝描述",
  ]),
  f("dsrService", "number", "DSR 服务态度 (1–5)", [
    "服务态度动态评分(DSR)",
    "服务态度动态评分",
    "服务态度",
    "卖家服务态度",
    "卖家的服务态度",
    "服务态度评分",
  ]),
  f("dsrLogistics", "number", "DSR 物流服务 (1–5)", [
    "物流服务动态评分(DSR)",
    "物流服务动态评分",
    "物流服务",
    "物流服务质量",
    "物流服务的质量",
    "物流服务评分",
  ]),
  f("dsr", "number", "one overall DSR score (mean of the three, 1–5); `同行平均DSR` → peerDsr", [
    "DSR",
    "DSR评分",
    "店铺DSR",
    "店铺动态评分",
    "动态评分",
    "DSR综合评分",
  ]),
  // service score (issue 13): marketplace health metrics (Shopee My Performance, Amazon Account Health, TikTok Shop)
  f("nonFulfilmentRate", "rate", "Shopee NFR: (cancelled + returned/refunded orders) ÷ orders", [
    "Non-fulfilment Rate",
    "Non-Fulfilment Rate",
    "Non-fulfillment Rate",
    "Non-fulfilment Rate (%)",
    "未完成订单率",
    "不成立订单率",
  ]),
  f("lateShipmentRate", "rate", "late-shipped ÷ shipped orders (Shopee LSR, Amazon Late Shipment Rate)", [
    "Late Shipment Rate",
    "Late Shipment Rate (%)",
    "Late shipment rate",
    "延迟发货率",
    "延遲出貨率",
  ]),
  f("orderDefectRate", "rate", "Amazon Order Defect Rate (60 days)", [
    "Order Defect Rate",
    "Order defect rate",
    "订单缺陷率",
  ]),
  f("preFulfillmentCancelRate", "rate", "Amazon Pre-fulfillment Cancel Rate (7 days)", [
    "Pre-fulfillment Cancel Rate",
    "Pre-fulfilment Cancel Rate",
    "Pre-fulfillment cancel rate",
    "配送前取消率",
  ]),
  f("validTrackingRate", "rate", "Amazon Valid Tracking Rate (30 days)", [
    "Valid Tracking Rate",
    "Valid tracking rate",
    "有效追踪率",
  ]),
  f("shopPerformanceScore", "number", "TikTok Shop performance score (SPS, 0–5)", [
    "Shop Performance Score",
    "Shop performance score",
    "SPS",
    "店铺表现分",
  ]),
  f("badReviews", "count", "new bad / low-score reviews", [
    "差评数",
    "DSR综合低评分买家数",
    "中差评数",
    "新增差评数",
    "商品差评数",
    "低评分买家数",
  ]),
  f("consultations", "count", "buyers who asked before buying (询单人数)", ["询单人数", "询单买家数", "询单客户数"]),
  f("chats", "count", "buyers who chatted (咨询人数); fills consultations when no 询单 column", [
    "咨询人数",
    "接待人数",
    "咨询买家数",
  ]),
  f("consultConversion", "rate", "paid ÷ consulted buyers (询单转化率)", [
    "询单转化率",
    "询单->最终付款转化率",
    "询单-最终付款转化率",
    "询单->最终付款成功率",
    "咨询转化率",
  ]),
  f("responseSeconds", "seconds", "average response time", [
    "平均响应时间",
    "平均响应时长",
    "平均响应时间(秒)",
    "首次响应时间",
  ]),
  f("responseRate", "rate", "旺旺 response rate", ["响应率", "回复率"]),

  // ── ads ──
  f("impressions", "count", "ad impressions", [
    "展现量",
    "曝光量",
    "展示量",
    "Impressions",
    "Product Impression",
    "Product Impressions",
    "Impression",
    "Total impressions on eBay site",
    "Impresiones",
    "Impressionen",
    "Impressioni",
    "インプレッション",
    "Lượt hiển thị",
    "Impresi",
    "Impressions: Brand Count",
    "Impressioni: conteggio marchio",
    "整体展示次数",
  ]),
  f("clicks", "count", "ad clicks", [
    "点击量",
    "点击数",
    "整体点击次数",
    "Clicks",
    "Product Clicks",
    "Clics",
    "Klicks",
    "Clic",
    "クリック数",
    "Lượt click",
    "Klik",
    "Clicks: Brand Count",
    "Clic: conteggio marchio",
  ]),
  f("ctr", "rate", "clicks ÷ impressions", [
    "点击率",
    "整体点击率",
    "CTR",
    "Click-thru rate (CTR)",
    "Click-through rate",
    "Click-through rate = Page views from eBay site/Total impressions",
    "Click-Thru Rate (CTR)",
  ]),
  f("spend", "money", "ad spend", [
    "花费",
    "消耗",
    "推广消耗",
    "推广消耗金额",
    "营销推广消耗",
    "推广花费",
    "总花费",
    "投入金额",
    "全站推广花费",
    "整体消耗",
    "投放消耗",
    "adDspCost",
    "Spend",
    "Cost",
    "Ad spend",
    "Total cost",
    "Expense",
    "Gasto",
    "Kosten",
    "Dépense",
    "Spesa",
    "広告費",
    "Chi phí",
    "Biaya",
  ]),
  f("cpc", "money", "spend ÷ clicks", ["平均点击花费", "平均点击单价", "CPC", "Average CPC", "Cost per click (CPC)"]),
  f("cpm", "money", "spend per 1,000 impressions", ["千次展现花费", "整体千次展现费用", "CPM", "无界推广CPM"]),
  f("adSales", "money", "sales attributed to ads", [
    "总成交金额",
    "推广成交金额",
    "整体成交金额",
    "Ad sales",
    "14 Day Total Sales",
    "7 Day Total Sales",
  ]),
  f("adNetSales", "money", "net ad sales (after refunds)", ["净成交金额"]),
  f("adDirectNetSales", "money", "net ad sales on the promoted item itself", ["直接净成交金额"]),
  f("adOrders", "count", "orders attributed to ads", [
    "总成交笔数",
    "成交笔数",
    "推广成交笔数",
    "整体成交订单数",
    "14 Day Total Orders (#)",
    "7 Day Total Orders (#)",
    "7 Day Total Orders",
    "14 Day Total Orders",
  ]),
  f("adNetOrders", "count", "net ad orders", ["净成交笔数", "净成交订单数"]),
  f("adUnits", "count", "units sold through ads", ["14 Day Total Units (#)", "7 Day Total Units (#)"]),
  f("acos", "rate", "Amazon ACoS: ad spend ÷ ad sales", [
    "Total Advertising Cost of Sales (ACOS)",
    "ACOS",
    "ACoS",
    "Total ACOS",
    "Advertising cost of sales (ACOS)",
  ]),
  f("adCartAdds", "count", "cart adds from ads", ["总购物车数", "推广总加购数"]),
  f("adDirectCartAdds", "count", "cart adds of the promoted item itself", ["直接购物车数"]),
  f("adFavorites", "count", "favourites from ads", ["收藏宝贝数"]),
  f("clickConversion", "rate", "ad orders ÷ clicks", [
    "点击转化率",
    "整体转化率",
    "无界推广CVR",
    "Conversion rate (ads)",
    "7 Day Conversion Rate",
    "14 Day Conversion Rate",
  ]),
  f("roi", "number", "ad sales ÷ spend", [
    "投入产出比",
    "投产比",
    "实际投产比",
    "ROI",
    "ROAS",
    "推广ROI",
    "营销推广ROI",
    "Return on ad spend (ROAS)",
    "Total Return on Advertising Spend (ROAS)",
    "整体支付ROI",
    "Total ROAS",
  ]),
  f("netRoi", "number", "net ad sales ÷ spend", ["净实际投产比", "净投产比", "净成交ROI", "净支付ROI"]),
  f("adCostRatio", "rate", "推广费比: spend ÷ sales", ["推广费比"]),
  f("defaultBid", "money", "直通车 default bid", ["默认出价", "出价"]),
  f("unitType", "text", "直通车 推广单元类型", ["推广单元类型"]),
  f("qualityScore", "number", "直通车 keyword quality score (1–10)", ["质量分", "质量得分"]),
  f("audience", "text", "万相台 / 引力魔方 audience name", ["人群名字", "人群名称", "定向人群"]),
  f("matchType", "text", "keyword match type", ["匹配方式", "Match type"]),
  f(
    "searchTerm",
    "text",
    "the buyer's search term (a search-terms table's key; in an ad report, the term behind a click)",
    [
      "Customer Search Term",
      "搜索词",
      "搜索关键词",
      "Search query",
      "Término de búsqueda del cliente",
      "Suchbegriff des Kunden",
      "Terme de recherche client",
      "Termine di ricerca cliente",
      "カスタマーの検索キーワード",
      // Amazon.it Search Query Performance (PEERS-2 a1); other SQP languages are n/v.
      "Query di ricerca",
    ],
  ),

  // ── events (issue 15): the team's Events tab ──
  f("eventName", "text", "a promotion or event the team lists (the Events tab's key)", [
    "活动名称",
    "活动名",
    "Event",
    "Event name",
  ]),
  f("eventStart", "date", "an event's first day", ["开始日期", "活动开始", "活动开始日期", "Start", "Event start"]),
  f("eventEnd", "date", "an event's last day (blank: a one-day event)", [
    "活动结束",
    "活动结束日期",
    "End",
    "Event end",
  ]),
  f("eventKind", "text", "大促 (618, 双11), 优惠券 coupon, 秒杀 flash sale, 直播 live session, 调价 price change", [
    "类型",
    "活动类型",
    "Kind",
    "Event type",
  ]),
  // ── profit (issue 14): the team's Costs tab, refund rates and stock in exports ──
  f("unitCost", "money", "what one unit costs the seller (COGS); the Costs tab's key figure", [
    "单件成本",
    "单位成本",
    "成本价",
    "商品成本",
    "进货价",
    "采购价",
    "成本",
    "Unit cost",
    "Cost per unit",
    "Unit COGS",
    "COGS",
    "Product cost",
    "Item cost",
  ]),
  f("shippingCost", "money", "shipping paid by the seller per unit (Costs tab)", [
    "运费",
    "单件运费",
    "快递费",
    "物流成本",
    "Shipping cost",
    "Shipping per unit",
  ]),
  f("packagingCost", "money", "packaging per unit (Costs tab)", ["包装", "包装费", "包装成本", "包材", "Packaging"]),
  f("stock", "count", "units on hand (Costs tab or an inventory export)", [
    "库存",
    "可售库存",
    "库存数量",
    "现有库存",
    "Stock",
    "Stock on hand",
    "On hand",
    "Available",
    "Inventory",
    "Quantity available",
    "在庫数",
  ]),
  f("daysOfCover", "number", "days the stock lasts at the current rate, as the platform computes it", [
    "可售天数",
    "库存可售天数",
    "Days of cover",
    "Days of supply",
  ]),
  // ── content commerce: 抖音罗盘 / 千川, 快手, 小红书 千帆, 视频号, TikTok LIVE (issue 12) ──
  // A rate with a (人数) and a (次数) variant is two fields: the people-based one takes the plain
  // header, the count-based one is named `…ByCount`, and no formula divides one family by the other.
  f("liveRoomId", "id", "抖音 直播间ID, TikTok Room ID; fills liveRoom when the table has no room name", [
    "直播间ID",
    "Room ID",
  ]),
  f("liveTitle", "text", "a live session's title (直播标题, TikTok Room Title)", [
    "直播标题",
    "直播间标题",
    "Room Title",
    "LIVE title",
  ]),
  f("liveStart", "text", "when a session started (开播时间, Start Time): one row per session; fills date", [
    "开播时间",
    "直播开始时间",
    "开始时间",
    "Start Time",
    "LIVE start time",
  ]),
  f("liveSeconds", "seconds", "session length (直播时长: `2h37m`, `02:37:00`, minutes as 分钟)", [
    "直播时长",
    "开播时长",
    "Duration",
    "LIVE duration",
  ]),
  f("exposureUsers", "count", "people shown the live room (直播间曝光人数)", [
    "曝光人数",
    "直播间曝光人数",
    "Impressions (users)",
  ]),
  f("exposures", "count", "times the live room was shown (曝光次数)", [
    "曝光次数",
    "直播间曝光次数",
    "直播间整体曝光次数",
    "LIVE impressions",
  ]),
  f("viewers", "count", "people who entered the live room (观看人数)", [
    "观看人数",
    "直播间观看人数",
    "累计观看人数",
    "进房人数",
    "Viewers",
    "Unique viewers",
  ]),
  f("views", "count", "entries into the live room (观看次数)", [
    "观看次数",
    "直播间观看次数",
    "进房次数",
    "Views (LIVE)",
  ]),
  f("entryRate", "rate", "viewers ÷ exposure users (曝光-观看率 / 进入率, people)", [
    "曝光-观看率(人数)",
    "曝光进入率(人数)",
    "曝光-观看率",
    "曝光进入率",
    "进入率",
    "进房率",
    "直播间进入率",
  ]),
  f("entryRateByCount", "rate", "views ÷ exposures (the (次数) entry rate; never mixed with the people one)", [
    "曝光-观看率(次数)",
    "曝光进入率(次数)",
    "曝光观看率(次数)",
  ]),
  f("avgWatchSeconds", "seconds", "average watch time per viewer (人均观看时长)", [
    "人均观看时长",
    "平均观看时长",
    "平均阅读(观播)时长",
    "Avg. viewing duration",
    "Average viewing duration",
  ]),
  f("peakOnline", "count", "highest concurrent viewers (最高在线人数)", ["最高在线人数", "Peak viewers"]),
  f("newFollowers", "count", "followers gained (新增粉丝数)", ["新增粉丝数", "新增粉丝", "New followers"]),
  f("productExposureUsers", "count", "people shown a product card (商品曝光人数)", [
    "商品曝光人数",
    "Unique product impressions",
  ]),
  f("productExposures", "count", "product-card impressions (商品曝光次数)", ["商品曝光次数", "商品曝光量"]),
  f("productClickUsers", "count", "people who clicked a product (商品点击人数)", [
    "商品点击人数",
    "Unique clicks",
    "Unique product clicks",
  ]),
  f("productClicks", "count", "product clicks (商品点击次数)", ["商品点击次数", "商品点击量"]),
  f("viewProductExposureRate", "rate", "product exposure users ÷ viewers (观看-商品曝光率)", [
    "观看-商品曝光率(人数)",
    "观看-商品曝光率",
  ]),
  f("productCtr", "rate", "product click users ÷ product exposure users (商品曝光-点击率, people)", [
    "商品曝光-点击率(人数)",
    "商品点击率(人数)",
    "商品曝光-点击率",
  ]),
  f("productCtrByCount", "rate", "product clicks ÷ product impressions (the (次数) click rate)", [
    "商品点击率(次数)",
    "商品曝光-点击率(次数)",
    "商品曝光-点击转化率(次数)",
    "商品点击率",
  ]),
  f("clickPayConversion", "rate", "buyers ÷ product click users (商品点击-成交转化率, people)", [
    "商品点击-成交转化率(人数)",
    "商品点击-支付转化率(人数)",
    "商品点击-成交转化率",
    "点击-成交转化率",
  ]),
  f("clickPayConversionByCount", "rate", "orders ÷ product clicks (the (次数) click-to-pay rate)", [
    "商品点击-支付转化率(次数)",
    "商品点击-成交转化率(次数)",
    "商品点击-支付转化率",
  ]),
  f("exposurePayConversion", "rate", "buyers ÷ exposure users (曝光-成交转化率)", [
    "曝光-成交转化率(人数)",
    "曝光-成交转化率",
  ]),
  f("viewPayConversion", "rate", "buyers ÷ viewers (观看-成交转化率)", [
    "观看-成交转化率(人数)",
    "观看-成交转化率",
    "观看成交转化率",
  ]),
  f("gpmViews", "money", "sales per 1,000 live views (千次观看成交金额, live GPM)", [
    "千次观看成交金额",
    "GPM",
    "直播间GPM",
    "GPM (LIVE)",
  ]),
  f("gpmImpressions", "money", "sales per 1,000 product impressions (千次曝光成交金额, goods GPM)", [
    "千次曝光成交金额",
    "商品千次曝光成交金额",
  ]),
  f("refundRate", "rate", "refunds ÷ sales (退款率, 金额退款率; by pay time: 直播间退款率)", [
    "退款率",
    "金额退款率",
    "Refund rate",
    "退款率(支付时间)",
    "直播间退款率",
    "成交退款率",
  ]),
  f("refundAmountByPayTime", "money", "refunds of the period's own orders (退款金额(支付时间))", [
    "退款金额(支付时间)",
  ]),
  f("carrier", "text", "the carrier a row's sales came through (直播 / 短视频 / 商品卡 / 图文): a dimension", [
    "载体类型",
    "载体",
    "成交载体",
    "内容载体",
    "流量载体",
    "Content type",
  ]),
  f("liveSales", "money", "sales through live rooms (直播成交金额; 视频号 live_pay_gmv in 分)", [
    "直播成交金额",
    "直播支付金额",
    "live_pay_gmv",
    "Seller LIVE-attributed GMV",
  ]),
  f("videoSales", "money", "sales through short videos (短视频成交金额; 视频号 feed_pay_gmv in 分)", [
    "短视频成交金额",
    "短视频支付金额",
    "视频成交金额",
    "feed_pay_gmv",
    "Seller video-attributed GMV",
  ]),
  f("cardSales", "money", "sales through the product card / shelf (商品卡成交金额, 小红书 商卡支付金额)", [
    "商品卡成交金额",
    "商品卡支付金额",
    "商卡支付金额",
    "Seller product card GMV",
  ]),
  f("imageSales", "money", "sales through 图文 posts", ["图文成交金额", "图文支付金额"]),
  f("noteSales", "money", "小红书 sales through notes (笔记支付金额)", ["笔记支付金额", "笔记成交金额"]),
  f("contentItem", "text", "a short video / 图文 / note (a content-items table's key)", [
    "视频标题",
    "视频名称",
    "作品名称",
    "作品标题",
    "笔记信息",
    "笔记标题",
    "内容标题",
    "素材名称",
    "Video title",
  ]),
  f("contentId", "id", "video / note / 素材 id; fills contentItem when the table has no title", [
    "视频ID",
    "作品ID",
    "笔记ID",
    "素材ID",
    "Video ID",
  ]),
  f("plays", "count", "video plays / note reads (播放量, 笔记阅读数)", [
    "播放量",
    "播放次数",
    "视频播放数",
    "视频播放量",
    "笔记阅读数",
    "阅读数",
    "Video views",
  ]),
  f("completionRate", "rate", "plays watched to the end (完播率)", ["完播率", "视频完播率"]),
  f("play3sRate", "rate", "plays past 3 seconds (3秒播放率)", ["3秒播放率", "3s播放率"]),
  f("play5sRate", "rate", "plays past 5 seconds (5秒播放率)", ["5秒播放率"]),
  f("adRefundRate1h", "rate", "千川 share of sales refunded within an hour of paying (1小时内退款率)", [
    "1小时内退款率",
  ]),
  f("adRefund1hAmount", "money", "千川 amount refunded within an hour (1小时内退款金额)", ["1小时内退款金额"]),
  f("netSettleRate", "rate", "千川 share of net sales settled so far (净成交金额结算率; exact name, not 净成交金额)", [
    "净成交金额结算率",
  ]),
  f("gmvSettleRate7d", "rate", "千川 share of sales settled within 7 days (7日GMV结算率)", ["7日GMV结算率"]),
  f("settled7d", "money", "千川 amount settled within 7 days", ["7日结算金额"]),
  f("settled14d", "money", "千川 amount settled within 14 days", ["14日结算金额"]),
  f("userPaidAmount", "money", "千川 what buyers actually paid (用户实际支付金额)", ["用户实际支付金额"]),
  f("platformSubsidy", "money", "千川 platform subsidy (电商平台补贴金额)", ["电商平台补贴金额"]),
  f("qualityReturnOrders", "count", "快手 quality-return orders (品退订单数)", ["品退订单数"]),
  f("qualityReturnRate", "rate", "快手 quality-return rate (商品品退率)", ["商品品退率", "品退率"]),
  f("reviews", "count", "reviews received (商品评价数)", ["商品评价数", "评价数"]),
  f("badReviewRate", "rate", "bad reviews ÷ reviews (商品差评率)", ["商品差评率", "差评率"]),
] as const;

/** A field the vocabulary itself lists (a column some export header maps to). */
export type VocabularyField = (typeof VOCABULARY)[number]["field"];

/**
 * When a table lacks the first field, the second fills it (same column): e.g. Shopify's
 * `Orders` stands in for paying buyers, Amazon's `Unit Session Percentage` for conversion.
 * Rate checks only use columns under their own name, never stand-ins.
 */
export const STAND_INS: readonly (readonly [target: VocabularyField, sources: readonly VocabularyField[]])[] = [
  ["visitors", ["sessions"]],
  ["productId", ["sku", "adItemId"]],
  ["paidBuyers", ["orders", "checkoutCompleted"]],
  ["payConversion", ["unitSessionRate", "orderItemSessionRate"]],
  ["source", ["sourceLevel2", "sourceLevel1", "sourceLevel3"]],
  ["plan", ["keyword", "adGroup", "adItem"]],
  ["searchTerm", ["keyword"]],
  ["consultations", ["chats"]],
  ["liveRoom", ["liveRoomId"]],
  ["contentItem", ["contentId"]],
];

/** Terminal / device prefixes and Amazon suffixes → channel part of a derived field name. */
export const TERMINAL_PREFIXES = [
  ["所有终端", ""],
  ["全部终端", ""],
  ["全终端", ""],
  ["pc端", "pc"],
  ["电脑端", "pc"],
  ["pc", "pc"],
  ["无线端", "mobile"],
  ["移动端", "mobile"],
  ["手机端", "mobile"],
  ["无线", "mobile"],
] as const satisfies readonly (readonly [header: string, channel: string])[];

export const AMAZON_SUFFIXES = [
  ["-total-b2b", "b2b"],
  ["-mobileapp-b2b", "app_b2b"],
  ["-browser-b2b", "browser_b2b"],
  ["-total", ""],
  ["-mobileapp", "app"],
  ["-browser", "browser"],
  ["-b2b", "b2b"],
  ["-summe", ""],
  ["-gesamt", ""],
  ["-totale", ""],
  ["-合计", ""],
  ["-총계", ""],
] as const satisfies readonly (readonly [suffix: string, channel: string])[];

/** The channel part of a terminal / device field (`pc`, `mobile`, `app_b2b` …). */
export type TerminalChannel = Exclude<(typeof TERMINAL_PREFIXES)[number][1] | (typeof AMAZON_SUFFIXES)[number][1], "">;

/**
 * Period-over-period change columns (`访客数变化`, `支付金额较前一日`): `<field>Change`, a
 * relative change read as a rate (`+12.30%` → 0.123).
 */
export const CHANGE_SUFFIXES: readonly string[] = [
  "变化",
  "变化率",
  "较前一日",
  "较前一周期",
  "较上一周期",
  "较上周期",
  "较上周同期",
  "环比",
  "同比",
  "change",
  "%change",
];

/** Peer markers: average peers → `peer<Field>`, top peers → `peer<Field>Top`. */
export const PEER_MARKERS: readonly (readonly [marker: string, suffix: "" | "Top"])[] = [
  ["同行同层平均", ""],
  ["同行同层优秀", "Top"],
  ["同行平均", ""],
  ["同行优秀", "Top"],
  ["行业平均", ""],
  ["行业优秀", "Top"],
  ["同层平均", ""],
  ["同层优秀", "Top"],
  ["同行基准值", ""],
  ["同行标杆", "Top"],
  ["peeraverage", ""],
  ["peertop", "Top"],
];

/** `visitors_mobile`, `sessions_app_b2b`: a vocabulary field measured on one terminal / device. */
export type TerminalField = `${VocabularyField}_${TerminalChannel}`;
/** `peerPayConversion`, `peerVisitorValueTop`: the peers' average (or top peers') figure of a field. */
export type PeerField = `peer${Capitalize<VocabularyField>}${"" | "Top"}`;
/** `visitorsChange`, `sales_pcChange`: a period-over-period change column of a field. */
export type ChangeField = `${VocabularyField | TerminalField | PeerField}Change`;

/**
 * Every canonical field name recognition can produce: the vocabulary's own and the derived
 * names above. A field name in code is typed this way, so a typo fails the typecheck.
 */
export type FieldName = VocabularyField | TerminalField | PeerField | ChangeField;

/** `visitors` → `Visitors` (for `peer<Field>` names). */
export function capitalized<S extends string>(field: S): Capitalize<S> {
  return (field.charAt(0).toUpperCase() + field.slice(1)) as Capitalize<S>;
}

/**
 * Sections of a two-row header (sections.ts) that hold one slice of the shop's figures
 * (TikTok Shop `Affiliate`, `Seller LIVE`, `Shop tab` …), matched on the folded key: a
 * `Slice::Metric` column is not the shop's metric and is left out. Any other section (`All`,
 * `Total`, 全部, or a grouping label such as `Traffic`) names the metric itself.
 */
export const SLICE_SECTIONS =
  /affiliate|creator|live|video|productcard|shoptab|^ads?$|^seller|^shop$|达人|直播|短视频|视频|商品卡|图文|联盟|推广|quảngcáo|iklan|โฆษณา/;

/** Labels of totals rows (compared after `headerKey` folding). */
export const TOTALS_LABELS =
  /^(合计|总计|汇总|全部合计|全部|总和|total|totals|grandtotal|summe|gesamt|합계)(\b|[:(（]|$)/;

/**
 * Money columns counted in 分 (cents): a `(分)` note in the header, or 视频号's API field names,
 * which are in 分 by definition. Their cells are divided by 100 as they are read, so sales are yuan.
 */
export const CENT_HEADERS = /\((分|单位:分)\)|^(pay_gmv|pay_refund_gmv|live_pay_gmv|feed_pay_gmv)$/;

/**
 * A carrier's name as a cell spells it (直播 / 短视频 / 商品卡 / 图文, 小红书 笔记 / 商卡, both scripts),
 * compared after trimming and lower-casing. A 流量来源 cell holding one names a carrier, not a channel.
 */
export const CARRIER_VALUES =
  /^(直播|直播间|短视频|短視頻|视频|視頻|商品卡|商卡|图文|圖文|笔记|筆記|live|video|short video|product card|image post)$/;

/** True when a cell names a carrier (see CARRIER_VALUES). */
export function isCarrierName(v: unknown): v is string {
  return typeof v === "string" && CARRIER_VALUES.test(v.trim().toLowerCase());
}

/** A dimension cell (carrier, live room) naming all of them at once: that row is a total over the others. */
export const DIMENSION_ALL = /^(全部|全部载体|全部直播间|整体|合计|总计|汇总|all|total|overall)$/;

/** Subtotal rows (小计, Subtotal): kept aside apart from totals (they sum a part, not the table). */
export const SUBTOTAL_LABELS = /^(小计|分类小计|subtotal|subtotals|zwischensumme|소계)(\b|[:(（]|$)/;

/** Average rows (均值, 平均, Average, Mean): kept aside, never summed. */
export const AVERAGE_LABELS = /^(均值|平均值|平均|日均|average|averages|mean|avg|durchschnitt|평균)(\b|[:(（]|$)/;

/** Which key field makes a table of which kind, strongest first. */
export const KIND_KEYS: readonly (readonly [
  kind:
    | "events"
    | "service-agents"
    | "ad-plans"
    | "orders"
    | "search-terms"
    | "live-sessions"
    | "content-items"
    | "traffic-sources"
    | "products"
    | "shop-daily",
  fields: readonly VocabularyField[],
])[] = [
  ["events", ["eventName"]],
  ["service-agents", ["agent"]],
  ["ad-plans", ["plan", "adGroup", "adItem"]],
  ["orders", ["orderId"]],
  ["search-terms", ["searchTerm", "keyword"]],
  ["live-sessions", ["liveRoom", "liveRoomId"]],
  ["content-items", ["contentItem", "contentId"]],
  ["traffic-sources", ["source", "sourceLevel1", "sourceLevel2", "sourceLevel3"]],
  ["products", ["product", "productId", "sku", "parentAsin"]],
  ["shop-daily", ["date"]],
];
