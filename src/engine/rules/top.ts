/**
 * Top-N selection, the one implementation every rule uses: keep the best `max` of a stream in
 * one pass (a full sort of 100,000 products costs more than the rules), ties kept in arrival
 * order exactly as a stable sort would. On top of it, findings ranked by money at stake with
 * one ℹ line counting (and summing) the rest, worded only if kept.
 */
import { basedKey, makeFinding, type Basis, type Draft, type Group, type RuleContext, type Subject } from "./context";
import type { Rule } from "./define";
import { MAX_SUBJECT_FINDINGS } from "./limits";

/** The best `max` items under `compare` (negative = first is better), in order, in one pass. */
export class Best<T> {
  readonly items: T[] = [];
  constructor(
    private readonly max: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  /** True when `item` would be kept now (the list has room, or it beats the last kept). */
  admits(item: T): boolean {
    return this.items.length < this.max || (this.max > 0 && this.compare(item, this.items[this.max - 1]) < 0);
  }

  /** Keeps `item` if it is among the best so far. */
  offer(item: T): void {
    if (this.admits(item)) this.insert(item);
  }

  /** Inserts an item `admits` accepted, dropping the last when full. */
  insert(item: T): void {
    const best = this.items;
    let i = best.length < this.max ? best.length : this.max - 1;
    best[i] = item;
    while (i > 0 && this.compare(best[i], best[i - 1]) < 0) {
      const tmp = best[i - 1];
      best[i - 1] = best[i];
      best[i] = tmp;
      i--;
    }
  }
}

/** The first `n` of `items` as a stable sort by `compare` would order them, without sorting them all. */
export function firstN<T>(items: Iterable<T>, n: number, compare: (a: T, b: T) => number): T[] {
  const best = new Best<T>(n, compare);
  for (const item of items) best.offer(item);
  return best.items;
}

/** The `n` items with the largest positive key, largest first (items with key ≤ 0 never count). */
export function topN<T>(items: readonly T[], n: number, key: (item: T) => number): T[] {
  const best = new Best<{ item: T; k: number }>(n, (a, b) => b.k - a.k);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const k = key(item);
    if (k > 0) best.offer({ item, k });
  }
  return best.items.map((b) => b.item);
}

/**
 * topN over a group's subjects (largest positive key first, ties in table order), looking at
 * each through one cursor: only the kept ones become objects.
 */
export function topSubjects(group: Group, n: number, key: (s: Subject) => number): Subject[] {
  const best = new Best<{ i: number; k: number }>(n, (a, b) => b.k - a.k);
  const probe = { i: 0, k: 0 };
  const c = group.cursor();
  for (let i = 0; i < group.size; i++) {
    probe.k = key(c.at(i));
    if (probe.k > 0 && best.admits(probe)) best.insert({ i, k: probe.k });
  }
  return best.items.map((b) => group.subject(b.i));
}

/** The order Float64Array.prototype.sort puts numbers in: ascending, −0 before +0, NaN last. */
function numberOrder(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return a === 0 ? (Object.is(a, -0) ? 0 : 1) - (Object.is(b, -0) ? 0 : 1) : 0;
  return (Number.isNaN(a) ? 1 : 0) - (Number.isNaN(b) ? 1 : 0);
}

/** Rounds of partitioning before a range is sorted instead (keeps the worst case at n log n). */
const MAX_SELECT_ROUNDS = 64;

/**
 * Reorders `v` so that `v[k]` is the value a sort would put there, everything before it no
 * greater and everything after no smaller: linear on average (three-way quickselect, so
 * repeated prices cost nothing), never worse than sorting.
 */
function selectNth(v: Float64Array, k: number): void {
  let lo = 0;
  let hi = v.length - 1;
  for (let round = 0; lo < hi; round++) {
    if (round === MAX_SELECT_ROUNDS) {
      v.subarray(lo, hi + 1).sort();
      return;
    }
    // Pivot: the median of the first, middle and last values.
    const a = v[lo];
    const b = v[(lo + hi) >>> 1];
    const c = v[hi];
    const pivot =
      numberOrder(a, b) < 0
        ? numberOrder(b, c) < 0
          ? b
          : numberOrder(a, c) < 0
            ? c
            : a
        : numberOrder(a, c) < 0
          ? a
          : numberOrder(b, c) < 0
            ? c
            : b;
    // Three-way partition: [lo, lt) < pivot, [lt, i) = pivot, (gt, hi] > pivot.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const o = numberOrder(v[i], pivot);
      if (o < 0) {
        const t = v[lt];
        v[lt++] = v[i];
        v[i++] = t;
      } else if (o > 0) {
        const t = v[gt];
        v[gt--] = v[i];
        v[i] = t;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return;
  }
}

/** The median of `values` exactly as sorting them would give it (reorders `values`; linear on average). */
export function median(values: Float64Array): number {
  const m = values.length >> 1;
  selectNth(values, m);
  if (values.length % 2) return values[m];
  // Everything before m is no greater than values[m]: the largest of them is the other middle value.
  let below = values[0];
  for (let i = 1; i < m; i++) if (numberOrder(values[i], below) > 0) below = values[i];
  return (below + values[m]) / 2;
}

/** A finding not worded yet: on a 100,000-product export only the few kept get a message. */
export interface LazyDraft {
  impact: number | null;
  subject: string;
  build(): Draft;
}
/** A worded finding, or one still to be worded. */
export type Candidate = Draft | LazyDraft;

/** A candidate finding worded only if it is kept. */
export function lazy(impact: number | null, subject: string, build: () => Draft): LazyDraft {
  return { impact, subject, build };
}

function impactOf(c: Candidate): number {
  return ("build" in c ? c.impact : c.finding.impact) ?? -1;
}
function subjectOf(c: Candidate): string {
  return "build" in c ? c.subject : c.finding.subject;
}

/** Largest money at stake first; the subject's name breaks ties so the order never depends on the input's. */
function byImpact(a: Candidate, b: Candidate): number {
  return impactOf(b) - impactOf(a) || compareText(subjectOf(a), subjectOf(b));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type SubjectKind = "product" | "source" | "plan" | "agent" | "searchTerm";

/**
 * Keeps the `max` largest-impact candidates of a rule while counting and summing all of them,
 * so a rule over 1,000,000 products words (and allocates) only what the report shows.
 */
export class TopList {
  private readonly best: Best<Candidate>;
  private count = 0;
  private money = 0;
  /** Every subject offered, so the "+N more" line can say which ones it counts (a name per candidate, never worded). */
  private readonly offered: string[] = [];
  constructor(private readonly max = MAX_SUBJECT_FINDINGS.value) {
    this.best = new Best<Candidate>(max, byImpact);
  }

  /** Counts a candidate; true when it would be kept, the only case worth wording it. */
  wants(impact: number | null, subject: string): boolean {
    this.count++;
    this.money += Math.max(0, impact ?? 0);
    this.offered.push(subject);
    // Compared as byImpact would compare a candidate with these fields, without building one per product.
    const items = this.best.items;
    if (items.length < this.max) return true;
    if (this.max === 0) return false;
    const last = items[this.max - 1];
    return (impactOf(last) - (impact ?? -1) || compareText(subject, subjectOf(last))) < 0;
  }

  /** True when no candidate was offered. */
  isEmpty(): boolean {
    return this.count === 0;
  }

  /** Adds a candidate that `wants` accepted. */
  add(candidate: LazyDraft): void {
    this.best.insert(candidate);
  }

  /** Counts and offers an already-worded (or lazy) candidate. */
  push(candidate: Candidate): void {
    const impact = "build" in candidate ? candidate.impact : candidate.finding.impact;
    if (this.wants(impact, subjectOf(candidate))) this.best.insert(candidate);
  }

  /** The kept findings, worded, plus one info line counting (and summing) the rest. */
  drafts(rule: Rule, ctx: RuleContext, kind: SubjectKind): Draft[] {
    const kept = this.best.items.map((c) => ("build" in c ? c.build() : c));
    if (this.count <= this.max) return kept;
    let money = this.money;
    for (const c of this.best.items) money -= Math.max(0, impactOf(c));
    const rest = this.count - this.max;
    const named = new Set(kept.map((d) => d.finding.subject));
    const more = makeFinding(rule, {
      status: "info",
      subject: `+${rest}`,
      subjectType: kind,
      metric: kept[0].finding.metric,
      value: rest,
      format: "integer",
      // The rest come from the same table as the kept ones: their money has the same basis.
      message: ctx.t(basedKey("common.more", basisOfKept(kept)), {
        count: rest,
        kind: ctx.t(`kind.${kind}`),
        money: ctx.money(money),
      }),
    });
    return [...kept, { ...more, covers: this.offered.filter((s) => !named.has(s)) }];
  }
}

/** The basis of the kept findings' money (one table, one basis); "export" when none has money, never a false "per day". */
function basisOfKept(kept: readonly Draft[]): Basis {
  for (const d of kept) if (d.finding.impactBasis !== null) return d.finding.impactBasis;
  return "export";
}

/** The largest-impact candidates, worded, plus one info line counting (and summing) the rest. */
export function topByImpact(
  rule: Rule,
  ctx: RuleContext,
  candidates: readonly Candidate[],
  kind: SubjectKind,
  max = MAX_SUBJECT_FINDINGS.value,
): Draft[] {
  const list = new TopList(max);
  for (const c of candidates) list.push(c);
  return list.drafts(rule, ctx, kind);
}
