/**
 * Row schemas per table kind (zod, types inferred). Recognition builds rows through the
 * typed cell readers; these schemas state the resulting shape once so rules can narrow a
 * table's rows with `rowsOf`, and tests check every produced row against them.
 */
import * as z from "zod";
import type { RecognizedTable, TableKind } from "../tables";

const num = () => z.number().nullable().optional();
const text = () => z.string().nullable().optional();
const isoDate = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .optional();
/** Extra fields (terminal, peer, platform-specific) are numbers, text or null. */
const extra = () => z.union([z.number(), z.string(), z.null()]);

/** Traffic figures any per-day or per-subject table may carry. */
function trafficFields() {
  return {
    visitors: num(),
    sessions: num(),
    pageviews: num(),
    bounceRate: num(),
    bouncedVisitors: num(),
    pagesPerVisitor: num(),
    avgStaySeconds: num(),
    detailVisitors: num(),
    newVisitors: num(),
    returningVisitors: num(),
  };
}

/** Sales-funnel figures (orders, buyers, conversions) shared by several table kinds. */
function funnelFields() {
  return {
    sales: num(),
    paidBuyers: num(),
    payConversion: num(),
    aov: num(),
    orderBuyers: num(),
    orderConversion: num(),
    orderPayConversion: num(),
    units: num(),
    orders: num(),
    cartAdds: num(),
    repeatBuyers: num(),
    repurchaseRate: num(),
    visitorValue: num(),
  };
}

type TrafficFields = ReturnType<typeof trafficFields>;
type FunnelFields = ReturnType<typeof funnelFields>;

/** Row schema of a shop's daily overview (traffic, funnel, DSR and peer figures). */
function shopDailySchema(traffic: TrafficFields, funnel: FunnelFields) {
  return z
    .object({
      date: isoDate(),
      dateTo: isoDate(),
      ...traffic,
      ...funnel,
      dsrDescription: num(),
      dsrService: num(),
      dsrLogistics: num(),
      badReviews: num(),
      peerPayConversion: num(),
      peerPayConversionTop: num(),
      peerVisitorValue: num(),
      peerVisitorValueTop: num(),
    })
    .catchall(extra());
}

/** Row schema of a per-product table (traffic, funnel, price and presale figures). */
function productsSchema(traffic: TrafficFields, funnel: FunnelFields) {
  return z
    .object({
      product: text(),
      productId: text(),
      sku: text(),
      parentAsin: text(),
      date: isoDate(),
      dateTo: isoDate(),
      ...traffic,
      ...funnel,
      price: num(),
      badReviews: num(),
      presale: z
        .union([z.literal(0), z.literal(1)])
        .nullable()
        .optional(),
      presaleOrders: num(),
      depositOrders: num(),
    })
    .catchall(extra());
}

/** Row schema of a per-traffic-source table. */
function trafficSourcesSchema(traffic: TrafficFields, funnel: FunnelFields) {
  return z
    .object({
      source: text(),
      sourceType: text(),
      sourceDetail: text(),
      date: isoDate(),
      dateTo: isoDate(),
      ...traffic,
      ...funnel,
    })
    .catchall(extra());
}

/** Row schema of an advertising table (plans, keywords, ad groups). */
function adPlansSchema() {
  return z
    .object({
      plan: text(),
      keyword: text(),
      adGroup: text(),
      product: text(),
      date: isoDate(),
      dateTo: isoDate(),
      impressions: num(),
      clicks: num(),
      ctr: num(),
      spend: num(),
      cpc: num(),
      adSales: num(),
      adOrders: num(),
      roi: num(),
      clickConversion: num(),
    })
    .catchall(extra());
}

/** Row schema of a customer-service agents table. */
function serviceAgentsSchema() {
  return z
    .object({
      agent: text(),
      date: isoDate(),
      dateTo: isoDate(),
      consultations: num(),
      chats: num(),
      paidBuyers: num(),
      consultConversion: num(),
      sales: num(),
      aov: num(),
      responseSeconds: num(),
    })
    .catchall(extra());
}

/** Row schemas of the smaller subject tables (search terms, live sessions, orders) and of unknown tables. */
function minorSchemas(traffic: TrafficFields, funnel: FunnelFields) {
  const searchTerms = z
    .object({ searchTerm: text(), keyword: text(), date: isoDate(), dateTo: isoDate(), ...traffic, ...funnel })
    .catchall(extra());
  const liveSessions = z
    .object({ liveRoom: text(), sellerNick: text(), date: isoDate(), dateTo: isoDate(), ...traffic, ...funnel })
    .catchall(extra());
  const contentItems = z
    .object({ contentItem: text(), contentId: text(), date: isoDate(), dateTo: isoDate(), ...traffic, ...funnel })
    .catchall(extra());
  const orders = z
    .object({
      orderId: text(),
      product: text(),
      productId: text(),
      date: isoDate(),
      dateTo: isoDate(),
      saleFees: num(),
      paymentFees: num(),
      shipping: num(),
      shippingPaid: num(),
      ...funnel,
    })
    .catchall(extra());
  const costs = z
    .object({
      product: text(),
      productId: text(),
      unitCost: num(),
      shippingCost: num(),
      packagingCost: num(),
      stock: num(),
      price: num(),
      plan: text(),
    })
    .catchall(extra());
  const events = z
    .object({ eventName: text(), eventStart: isoDate(), eventEnd: isoDate(), eventKind: text() })
    .catchall(extra());
  const unknown = z.object({}).catchall(extra());
  return { searchTerms, liveSessions, contentItems, orders, costs, events, unknown };
}

function buildRowSchemas() {
  // Built inside: nothing of zod runs (or ships, once tree-shaken) unless a caller asks for the schemas.
  const traffic = trafficFields();
  const funnel = funnelFields();
  const shopDaily = shopDailySchema(traffic, funnel);
  const products = productsSchema(traffic, funnel);
  const trafficSources = trafficSourcesSchema(traffic, funnel);
  const adPlans = adPlansSchema();
  const serviceAgents = serviceAgentsSchema();
  const { searchTerms, liveSessions, contentItems, orders, costs, events, unknown } = minorSchemas(traffic, funnel);
  return {
    "shop-daily": shopDaily,
    products,
    "traffic-sources": trafficSources,
    "ad-plans": adPlans,
    "service-agents": serviceAgents,
    "search-terms": searchTerms,
    "live-sessions": liveSessions,
    "content-items": contentItems,
    orders,
    costs,
    events,
    unknown,
  } satisfies Record<TableKind, z.ZodType>;
}

export type RowSchemas = ReturnType<typeof buildRowSchemas>;

let schemas: RowSchemas | null = null;

/** The per-kind row schemas, built on first use. */
export function rowSchemas(): RowSchemas {
  schemas ??= buildRowSchemas();
  return schemas;
}

export type ShopDailyRow = z.infer<RowSchemas["shop-daily"]>;
export type ProductRow = z.infer<RowSchemas["products"]>;
export type TrafficSourceRow = z.infer<RowSchemas["traffic-sources"]>;
export type AdPlanRow = z.infer<RowSchemas["ad-plans"]>;
export type ServiceAgentRow = z.infer<RowSchemas["service-agents"]>;
export type SearchTermRow = z.infer<RowSchemas["search-terms"]>;
export type LiveSessionRow = z.infer<RowSchemas["live-sessions"]>;
export type ContentItemRow = z.infer<RowSchemas["content-items"]>;
export type OrderRow = z.infer<RowSchemas["orders"]>;
export type CostRow = z.infer<RowSchemas["costs"]>;
export type EventRow = z.infer<RowSchemas["events"]>;

/** Row type of each table kind. */
export interface RowOfKind {
  "shop-daily": ShopDailyRow;
  products: ProductRow;
  "traffic-sources": TrafficSourceRow;
  "ad-plans": AdPlanRow;
  "service-agents": ServiceAgentRow;
  "search-terms": SearchTermRow;
  "live-sessions": LiveSessionRow;
  "content-items": ContentItemRow;
  orders: OrderRow;
  costs: CostRow;
  events: EventRow;
  unknown: Record<string, number | string | null>;
}

/** A recognised table's rows typed for its kind; empty when the table is of another kind. */
export function rowsOf<K extends TableKind>(table: RecognizedTable, kind: K): RowOfKind[K][] {
  return table.kind === kind ? (table.rows as RowOfKind[K][]) : [];
}
