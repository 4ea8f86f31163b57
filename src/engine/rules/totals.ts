/**
 * Summing recognised rows the one right way: counts are summed and rates recomputed from the
 * sums (never averaged), except bounce rate, which is the mean of the daily rates (DOMAIN.md).
 * A row that only has a rate column gets its count back from the rate × its denominator.
 */
import * as metrics from "../metrics";
import type { FieldName, RecognizedTable, TableRow } from "../tables";

export const SUM_FIELDS = [
  "visitors",
  "pageviews",
  "sales",
  "paidBuyers",
  "orderBuyers",
  "detailVisitors",
  "units",
  "orders",
  "impressions",
  "clicks",
  "spend",
  "adSales",
  "consultations",
  "badReviews",
  "repeatBuyers",
] as const satisfies readonly FieldName[];
export type SumField = (typeof SUM_FIELDS)[number];

/** The number in a typed row field, or null for blank / text / missing. */
export function num(row: TableRow, field: FieldName): number | null {
  const v = row[field];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** Applies a metric formula from src/engine/metrics when both inputs exist. */
function both(formula: (a: number, b: number) => number | null, a: number | null, b: number | null): number | null {
  // Every denominator here is a count or an amount; zero or below (a data error) has no rate.
  if (a === null || b === null || !(b > 0)) return null;
  const r = formula(a, b);
  // A denominator like 5e-324 gives Infinity: no rate a user could read, so none at all.
  return r !== null && Number.isFinite(r) ? r : null;
}

/** a ÷ b, or null when either is missing or b is 0 (a rate without a denominator does not exist). */
export function ratio(a: number | null, b: number | null): number | null {
  return both(metrics.ratio, a, b);
}

/**
 * How each running figure gets its value from one row, in order: the first source that gives a
 * number wins. `times` and `per` use a count this row already has (from an earlier step), so a
 * row with only a rate column gets its count back from the rate × its denominator.
 */
type Source = { column: ReadField } | { column: ReadField; times: SumField } | { column: ReadField; per: SumField };

type Mean = "payConversion" | "consultConversion" | "repurchase" | "bounceRate" | "price";

interface Step {
  /** A sum field, or one of the means kept alongside the sums. */
  into: { sum: SumField } | { mean: Mean };
  from: readonly Source[];
}

const STEPS: readonly Step[] = [
  { into: { sum: "visitors" }, from: [{ column: "visitors" }] },
  { into: { mean: "payConversion" }, from: [{ column: "payConversion" }] },
  { into: { sum: "paidBuyers" }, from: [{ column: "paidBuyers" }, { column: "payConversion", times: "visitors" }] },
  { into: { sum: "sales" }, from: [{ column: "sales" }, { column: "aov", times: "paidBuyers" }] },
  // A pre-sale item's orders are its deposit buyers (or pre-sale orders) until the balance is paid.
  {
    into: { sum: "orderBuyers" },
    from: [
      { column: "orderBuyers" },
      { column: "orderConversion", times: "visitors" },
      { column: "depositBuyers" },
      { column: "presaleOrders" },
    ],
  },
  { into: { sum: "pageviews" }, from: [{ column: "pageviews" }, { column: "pagesPerVisitor", times: "visitors" }] },
  { into: { sum: "impressions" }, from: [{ column: "impressions" }] },
  { into: { sum: "clicks" }, from: [{ column: "clicks" }, { column: "ctr", times: "impressions" }] },
  { into: { sum: "spend" }, from: [{ column: "spend" }, { column: "cpc", times: "clicks" }] },
  { into: { sum: "adSales" }, from: [{ column: "adSales" }, { column: "roi", times: "spend" }] },
  { into: { sum: "detailVisitors" }, from: [{ column: "detailVisitors" }] },
  { into: { sum: "units" }, from: [{ column: "units" }] },
  { into: { sum: "orders" }, from: [{ column: "orders" }] },
  { into: { sum: "consultations" }, from: [{ column: "consultations" }] },
  { into: { mean: "consultConversion" }, from: [{ column: "consultConversion" }] },
  { into: { sum: "badReviews" }, from: [{ column: "badReviews" }] },
  { into: { mean: "repurchase" }, from: [{ column: "repurchaseRate" }, { column: "repeatBuyerShare" }] },
  {
    into: { sum: "repeatBuyers" },
    from: [
      { column: "repeatBuyers" },
      { column: "repurchaseRate", times: "paidBuyers" },
      { column: "repeatBuyerShare", times: "paidBuyers" },
    ],
  },
  { into: { mean: "bounceRate" }, from: [{ column: "bounceRate" }, { column: "bouncedVisitors", per: "visitors" }] },
  { into: { mean: "price" }, from: [{ column: "price" }] },
];

/** Every row field Totals.add reads. */
const READ_FIELDS = [...new Set(STEPS.flatMap((s) => s.from.map((f) => f.column)))];
type ReadField =
  | SumField
  | "aov"
  | "bounceRate"
  | "bouncedVisitors"
  | "consultConversion"
  | "cpc"
  | "ctr"
  | "depositBuyers"
  | "orderConversion"
  | "pagesPerVisitor"
  | "payConversion"
  | "presaleOrders"
  | "price"
  | "repeatBuyerShare"
  | "repurchaseRate"
  | "roi";

const N = SUM_FIELDS.length;
const INDEX = Object.fromEntries(SUM_FIELDS.map((f, i) => [f, i])) as Record<SumField, number>;
// Slots after the sums: the means, each kept as (sum, count).
const MEANS: readonly Mean[] = ["bounceRate", "price", "repurchase", "payConversion", "consultConversion"];
const MEAN_SLOT = Object.fromEntries(MEANS.map((m, i) => [m, N + 2 * i])) as Record<Mean, number>;
const SLOTS = N + 2 * MEANS.length;

/** The bits of the fields a table has columns for, so Totals.add only looks those up. */
export function fieldMask(columnIndex: RecognizedTable["columnIndex"]): number {
  let mask = 0;
  READ_FIELDS.forEach((f, i) => {
    if (f in columnIndex) mask |= 2 ** i;
  });
  return mask;
}
const ALL_FIELDS = 2 ** READ_FIELDS.length - 1;

/**
 * A step compiled for one set of columns: flat arrays, no source whose column the table lacks.
 * `base` is the sum slot a rate is multiplied by (or divided into, when `divide`), or -1.
 */
interface Plan {
  /** Per step: target slot, whether it is a mean, and its sources as [start, end) in the source arrays. */
  target: Int32Array;
  mean: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  column: ReadField[];
  base: Int32Array;
  divide: Uint8Array;
}

function compile(mask: number): Plan {
  const steps: { target: number; mean: boolean; sources: Source[] }[] = [];
  for (const step of STEPS) {
    const sources = step.from.filter((f) => mask & (2 ** READ_FIELDS.indexOf(f.column)));
    if (sources.length === 0) continue;
    const into = step.into;
    steps.push(
      "sum" in into
        ? { target: INDEX[into.sum], mean: false, sources }
        : { target: MEAN_SLOT[into.mean], mean: true, sources },
    );
  }
  const all = steps.flatMap((s) => s.sources);
  const plan: Plan = {
    target: Int32Array.from(steps, (s) => s.target),
    mean: Uint8Array.from(steps, (s) => (s.mean ? 1 : 0)),
    start: new Int32Array(steps.length),
    end: new Int32Array(steps.length),
    column: all.map((f) => f.column),
    base: Int32Array.from(all, (f) => ("times" in f ? INDEX[f.times] : "per" in f ? INDEX[f.per] : -1)),
    divide: Uint8Array.from(all, (f) => ("per" in f ? 1 : 0)),
  };
  let at = 0;
  steps.forEach((s, i) => {
    plan.start[i] = at;
    at += s.sources.length;
    plan.end[i] = at;
  });
  return plan;
}

const plans = new Map<number, Plan>();
function planFor(mask: number): Plan {
  let plan = plans.get(mask);
  if (!plan) {
    plan = compile(mask);
    plans.set(mask, plan);
  }
  return plan;
}

/** This row's counts so far (NaN: the row has none), shared scratch for readRow. */
const rowSums = new Float64Array(N);
/** The plan of the row `readRow` read last, and its value per step of that plan (NaN: none). */
let readPlan: Plan | null = null;
const readValues = new Float64Array(STEPS.length);

/**
 * Reads one row's figures, following STEPS, into shared scratch that `Totals.addRead` adds:
 * a row summed into its product, the table total and a trend window is read once, not three
 * times. `mask` (from fieldMask) skips the fields the row's table has no column for.
 */
export function readRow(row: TableRow, mask: number = ALL_FIELDS): void {
  const plan = planFor(mask);
  rowSums.fill(NaN);
  for (let i = 0; i < plan.target.length; i++) {
    let value = NaN;
    for (let k = plan.start[i]; k < plan.end[i]; k++) {
      const cell = row[plan.column[k]];
      if (typeof cell !== "number" || !Number.isFinite(cell)) continue;
      const b = plan.base[k];
      if (b < 0) value = cell;
      else if (plan.divide[k] === 0) value = cell * rowSums[b];
      else if (rowSums[b] > 0) value = cell / rowSums[b];
      if (!Number.isNaN(value)) break;
    }
    readValues[i] = value;
    if (!Number.isNaN(value) && plan.mean[i] === 0) rowSums[plan.target[i]] = value;
  }
  readPlan = plan;
}

/** Totals per block of a group's TotalsStore: the first block is small (a 50-source table), later ones double up to this. */
const MAX_BLOCK = 4096;
/** Totals per block of the store shared by Totals made on their own (days, windows): a kept one pins at most this many. */
const SHARED_BLOCK = 64;

/** Each Totals' run of doubles starts with its row count and its seen bits, then its slots. */
const ROWS = 0;
const SEEN = 1;
const HEAD = 2;
/** Every slot at its own offset: the layout of Totals that may be given any row. */
const FULL_LAYOUT = Int32Array.from({ length: SLOTS }, (_, i) => HEAD + i);

/**
 * The slots a set of tables can fill (from their fieldMasks) at consecutive offsets, -1 for
 * the rest: a products table with visitors, buyers, sales and a price keeps 5 slots per
 * product (7 doubles with the row count and seen bits) instead of SLOTS. A mean's count slot
 * always follows its sum.
 */
function layoutFor(masks: readonly number[]): { pos: Int32Array; width: number } {
  const used = new Uint8Array(SLOTS);
  for (const mask of masks) {
    const plan = planFor(mask);
    for (let i = 0; i < plan.target.length; i++) {
      used[plan.target[i]] = 1;
      if (plan.mean[i] === 1) used[plan.target[i] + 1] = 1;
    }
  }
  const pos = new Int32Array(SLOTS).fill(-1);
  let width = HEAD;
  for (let i = 0; i < SLOTS; i++) if (used[i] === 1) pos[i] = width++;
  return { pos, width };
}

/**
 * Where the sums of many Totals live (one group's products, sources …): `width` doubles per
 * Totals in shared Float64Array blocks, so the sums of 1,000,000 products are a few hundred
 * blocks the garbage collector never copies or scans (subjects.ts keeps the rest as columns).
 * A store made for some tables' masks keeps only the slots those tables can fill.
 */
export class TotalsStore {
  block: Block = { v: new Float64Array(0), pos: FULL_LAYOUT };
  /** Offset of the next free Totals in `block`. */
  next = 0;
  private size = 8;
  /** Per slot (as in SUM_FIELDS, then the means' sum and count), its offset in a Totals' run, or -1. */
  readonly pos: Int32Array;
  /** Doubles per Totals. */
  readonly width: number;

  /** `masks`: the fieldMasks of every table whose rows this store's Totals will add (all slots when omitted). */
  constructor(
    masks?: readonly number[],
    private readonly maxBlock = MAX_BLOCK,
  ) {
    const layout = masks ? layoutFor(masks) : { pos: FULL_LAYOUT, width: SLOTS + HEAD };
    this.pos = layout.pos;
    this.width = layout.width;
  }

  /** Places one more Totals: its offset in `block`, where `width` zeros are now its own. */
  place(): number {
    if (this.next + this.width > this.block.v.length) {
      this.size = Math.min(this.maxBlock, this.size * 2);
      this.block = { v: new Float64Array(this.size * this.width), pos: this.pos };
      this.next = 0;
    }
    const o = this.next;
    this.next += this.width;
    return o;
  }
}

/** One block of a store: its sums and the store's layout (kept here, not in every Totals). */
export interface Block {
  readonly v: Float64Array;
  readonly pos: Int32Array;
}

/** Sums that are empty and stay so: where a view with nothing to show points. */
export const NO_BLOCK: Block = { v: new Float64Array(HEAD), pos: new Int32Array(SLOTS).fill(-1) };

/** Where Totals made without a store keep their sums. */
const shared = new TotalsStore(undefined, SHARED_BLOCK);

/** Adds the row `readRow` read last to the sums at offset `o` of block `b` (Totals.addRead without a Totals). */
export function addReadAt(b: Block, o: number): void {
  const plan = readPlan;
  if (plan === null) throw new Error("Shop Doctor: Totals.addRead before readRow");
  const { v, pos } = b;
  v[o + ROWS]++;
  let seen = v[o + SEEN];
  for (let i = 0; i < plan.target.length; i++) {
    const value = readValues[i];
    if (Number.isNaN(value)) continue;
    const t = plan.target[i];
    const p = pos[t];
    // Never dropped in silence: a store is made for the masks of every table it is given.
    if (p < 0) throw new Error("Shop Doctor: a row with a field its TotalsStore was not made for");
    if (plan.mean[i] === 1) {
      v[o + p] += value;
      v[o + p + 1]++;
    } else {
      v[o + p] += value;
      seen |= 1 << t;
    }
  }
  v[o + SEEN] = seen;
}

/**
 * Running sums over rows of one table (or one product, source, day …): the store's `width`
 * doubles at offset `o` of one of its blocks (a shared store by default). The run holds the row
 * count, the seen bits (bit i set when some row had sum field i: a field never seen has no
 * total, not 0) and slot i at `o + pos[i]`. Two fields per object: a 1,000,000-product
 * export allocates as little as it can that the garbage collector has to copy.
 */
export class Totals {
  protected b: Block;
  protected o: number;

  /** New sums placed in `store`, or (given a block and an offset) a view of sums placed before. */
  constructor(store: TotalsStore | Block = shared, o = 0) {
    if (store instanceof TotalsStore) {
      this.o = store.place();
      this.b = store.block;
    } else {
      this.b = store;
      this.o = o;
    }
  }

  /** Rows added. */
  get rows(): number {
    return this.b.v[this.o + ROWS];
  }

  private meanOf(field: Mean): number | null {
    const p = this.b.pos[MEAN_SLOT[field]];
    if (p < 0) return null;
    const v = this.b.v;
    const slot = this.o + p;
    return v[slot + 1] > 0 ? v[slot] / v[slot + 1] : null;
  }

  /** Adds one row, following STEPS (`mask` as for readRow). */
  add(row: TableRow, mask: number = ALL_FIELDS): void {
    readRow(row, mask);
    this.addRead();
  }

  /** Adds the row `readRow` read last. */
  addRead(): void {
    addReadAt(this.b, this.o);
  }

  /** Adds another Totals' sums and means into this one. */
  merge(other: Totals): void {
    const into = this.b;
    const from = other.b;
    into.v[this.o + ROWS] += from.v[other.o + ROWS];
    into.v[this.o + SEEN] = into.v[this.o + SEEN] | from.v[other.o + SEEN];
    for (let i = 0; i < SLOTS; i++) {
      const a = from.pos[i];
      if (a < 0) continue;
      const b = into.pos[i];
      if (b < 0) throw new Error("Shop Doctor: merging Totals into a TotalsStore not made for their fields");
      into.v[this.o + b] += from.v[other.o + a];
    }
  }

  /** Sum of a field, or null when no row had it. */
  get(field: SumField): number | null {
    const i = INDEX[field];
    const { v, pos } = this.b;
    return v[this.o + SEEN] & (1 << i) ? v[this.o + pos[i]] : null;
  }

  payConversion(): number | null {
    return both(metrics.payConversion, this.get("paidBuyers"), this.get("visitors"));
  }
  /** Mean of the rows' 询单转化率 column (service agents). */
  consultConversionMean(): number | null {
    return this.meanOf("consultConversion");
  }
  /** Mean of the rows' own conversion column, for tables without a visitor count (service agents). */
  payConversionColumnMean(): number | null {
    return this.meanOf("payConversion");
  }
  /** Order buyers ÷ all visitors (生意参谋's 下单转化率; metrics.orderConversion divides by detail visitors). */
  orderConversion(): number | null {
    return ratio(this.get("orderBuyers"), this.get("visitors"));
  }
  aov(): number | null {
    return both(metrics.aov, this.get("sales"), this.get("paidBuyers"));
  }
  visitorValue(): number | null {
    return both(metrics.visitorValue, this.get("sales"), this.get("visitors"));
  }
  pagesPerVisitor(): number | null {
    return both(metrics.pagesPerVisitor, this.get("pageviews"), this.get("visitors"));
  }
  /** Mean of the rows' bounce rates (the platforms' multi-day convention). */
  bounceRate(): number | null {
    return this.meanOf("bounceRate");
  }
  ctr(): number | null {
    return both(metrics.ctr, this.get("clicks"), this.get("impressions"));
  }
  cpc(): number | null {
    return both(metrics.cpc, this.get("spend"), this.get("clicks"));
  }
  roi(): number | null {
    return both(metrics.roi, this.get("adSales"), this.get("spend"));
  }
  /** Listed price: the mean of the price column, else sales ÷ units, else AOV. */
  price(): number | null {
    return this.meanOf("price") ?? ratio(this.get("sales"), this.get("units")) ?? this.aov();
  }
  repurchaseRate(): number | null {
    const r = both(metrics.repurchaseRate, this.get("repeatBuyers"), this.get("paidBuyers"));
    if (r !== null) return r;
    return this.meanOf("repurchase");
  }
}
