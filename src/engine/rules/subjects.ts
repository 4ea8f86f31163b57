/**
 * A group's subjects (products, sources, plans, agents) kept as columns: a key, a name, a
 * pre-sale flag and a place in the group's TotalsStore per subject, with no object per subject
 * until a rule asks for one. On a 1,000,000-product export the rules read the columns through
 * one moving cursor; only the few products a finding keeps become Subject objects, so the
 * garbage collector has nothing per product to copy.
 */
import { addReadAt, type Block, NO_BLOCK, Totals, type TotalsStore } from "./totals";

/** The columns of one group's subjects, in the order their first rows came. */
export class SubjectColumns {
  /** Per subject [0, size), its key and its name (room for `capacity` from the start: no regrowth). */
  readonly keys: string[];
  readonly names: string[];
  private count = 0;
  private flags: Uint8Array;
  /** Per subject, which of the store's blocks holds its own sums (an index into `blockList`), and where. */
  private blockNo: Int32Array;
  private readonly blockList: Block[] = [];
  private offsets: Int32Array;
  /** Per subject, its sums in the recent window and in the one compared with, when the group is dated. */
  private readonly recent: Totals[] | null;
  private readonly previous: Totals[] | null;
  /** A parent's own rows' ids (a product's SKUs or variations), for the few subjects that have any. */
  private readonly childIds = new Map<number, Set<string>>();
  /** Subjects asked for one by one (`subject(i)`), so the same index is always the same object. */
  private readonly made = new Map<number, Subject>();
  private everyone: Subject[] | null = null;
  /**
   * Subjects by key: an open-addressing table of index + 1 (0: free), at most half full, with
   * each key's hash kept per subject. A JS Map of 1,000,000 string keys costs several cache
   * misses a lookup; this costs about one, and holds numbers only.
   */
  private slots: Int32Array;
  private hashes: Int32Array;
  /** The free slot the last `find` that missed ended on, and the hash it computed. */
  private freeSlot = -1;
  private freeHash = 0;
  private freeKey: string | null = null;

  /** `capacity`: how many subjects there can be at most (the rows to group), so nothing regrows on the way. */
  constructor(
    private readonly store: TotalsStore,
    dated: boolean,
    capacity = 0,
  ) {
    const room = Math.max(16, capacity);
    this.keys = new Array(room);
    this.names = new Array(room);
    this.flags = new Uint8Array(room);
    this.blockNo = new Int32Array(room);
    this.offsets = new Int32Array(room);
    this.hashes = new Int32Array(room);
    // At most half full: the next power of two at or above twice the room.
    this.slots = new Int32Array(2 ** Math.ceil(Math.log2(room * 2)));
    this.recent = dated ? [] : null;
    this.previous = dated ? [] : null;
  }

  get size(): number {
    return this.count;
  }

  /** The index of the subject with this key, or -1 (then `add` may follow, for this key). */
  find(key: string): number {
    const h = hashOf(key);
    const mask = this.slots.length - 1;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const i = this.slots[at] - 1;
      if (i < 0) {
        this.freeSlot = at;
        this.freeHash = h;
        this.freeKey = key;
        return -1;
      }
      if (this.hashes[i] === h && this.keys[i] === key) return i;
    }
  }

  /** A new subject with nothing summed yet, right after `find(key)` missed; its index. */
  add(key: string, name: string, presale: boolean): number {
    const i = this.count;
    if (key !== this.freeKey) throw new Error("Shop Doctor: SubjectColumns.add without a find of that key that missed");
    // Only when the capacity given was too small: double every column.
    if (i === this.offsets.length) this.grow(i * 2);
    this.slots[this.freeSlot] = i + 1;
    this.hashes[i] = this.freeHash;
    this.freeKey = null;
    this.count = i + 1;
    if (this.count * 2 > this.slots.length) this.rehash();
    this.keys[i] = key;
    this.names[i] = name;
    this.flags[i] = presale ? 1 : 0;
    this.offsets[i] = this.store.place();
    if (this.blockList[this.blockList.length - 1] !== this.store.block) this.blockList.push(this.store.block);
    this.blockNo[i] = this.blockList.length - 1;
    if (this.recent && this.previous) {
      this.recent.push(new Totals(this.store));
      this.previous.push(new Totals(this.store));
    }
    return i;
  }

  private grow(room: number): void {
    this.offsets = grown(this.offsets, new Int32Array(room));
    this.flags = grown(this.flags, new Uint8Array(room));
    this.hashes = grown(this.hashes, new Int32Array(room));
    this.blockNo = grown(this.blockNo, new Int32Array(room));
  }

  /** Doubles the key table, every key in its new slot. */
  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    const n = this.count;
    for (let i = 0; i < n; i++) {
      let at = this.hashes[i] & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = i + 1;
    }
    this.slots = slots;
  }

  /** Adds the row `readRow` read last to subject i (and, when `window` says so, to that window). */
  addRead(i: number, window: "recent" | "previous" | null): void {
    addReadAt(this.blockList[this.blockNo[i]], this.offsets[i]);
    if (window === "recent") this.recent?.[i].addRead();
    else if (window === "previous") this.previous?.[i].addRead();
  }

  addChild(i: number, child: string): void {
    let set = this.childIds.get(i);
    if (!set) {
      set = new Set();
      this.childIds.set(i, set);
    }
    set.add(child);
  }

  presale(i: number): boolean {
    return this.flags[i] === 1;
  }
  block(i: number): Block {
    return i < this.count ? this.blockList[this.blockNo[i]] : NO_BLOCK;
  }
  offset(i: number): number {
    return i < this.count ? this.offsets[i] : 0;
  }
  recentOf(i: number): Totals | null {
    return this.recent?.[i] ?? null;
  }
  previousOf(i: number): Totals | null {
    return this.previous?.[i] ?? null;
  }
  children(i: number): Set<string> | null {
    return this.childIds.get(i) ?? null;
  }
  /** The subjects with children, by index. */
  parents(): IterableIterator<[number, Set<string>]> {
    return this.childIds.entries();
  }

  /** Subject i as an object of its own, kept: asking twice gives the same object. */
  subject(i: number): Subject {
    if (this.everyone) return this.everyone[i];
    let s = this.made.get(i);
    if (!s) {
      s = new Subject(this, i);
      this.made.set(i, s);
    }
    return s;
  }

  /** Every subject as an object (made once): for small groups and the rules that need them all. */
  all(): Subject[] {
    if (!this.everyone) {
      const out: Subject[] = new Array(this.size);
      for (let i = 0; i < this.size; i++) out[i] = this.made.get(i) ?? new Subject(this, i);
      this.everyone = out;
    }
    return this.everyone;
  }
}

/** FNV-1a over the key's UTF-16 code units, as a signed 32-bit number (as the Int32Array keeps it). */
function hashOf(key: string): number {
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), 0x01000193);
  return h;
}

function grown<T extends Int32Array | Uint8Array>(from: T, into: T): T {
  into.set(from);
  return into;
}

/** A product, source, plan or agent with its rows summed, and the two trend windows when dated. */
export class Subject extends Totals {
  constructor(
    protected readonly columns: SubjectColumns,
    protected index: number,
  ) {
    super(columns.block(index), columns.offset(index));
  }
  /** Its id: the product ID, source or plan name its rows share. */
  get key(): string {
    return this.columns.keys[this.index];
  }
  /** The name its findings show. */
  get name(): string {
    return this.columns.names[this.index];
  }
  /** True when the name or a pre-sale column marks it as a pre-sale item. */
  get presale(): boolean {
    return this.columns.presale(this.index);
  }
  /** The subject's own sums (a Subject is its Totals). */
  get totals(): Totals {
    return this;
  }
  /** Its sums in the recent window, when its table is dated. */
  get recent(): Totals | null {
    return this.columns.recentOf(this.index);
  }
  /** Its sums in the window the recent one is compared with, when its table is dated. */
  get previous(): Totals | null {
    return this.columns.previousOf(this.index);
  }
  /** The rows' own ids under this subject when it is a parent (a product's SKUs or variations). */
  get children(): Set<string> | null {
    return this.columns.children(this.index);
  }
}

/**
 * One Subject that moves over a group's subjects (`at(i)`), so a rule can look at 1,000,000
 * products without making 1,000,000 objects. Never keep it: `kept()` gives the subject it is on
 * as an object of its own, for a finding or a list.
 */
export class SubjectCursor extends Subject {
  constructor(columns: SubjectColumns) {
    super(columns, 0);
  }
  /** Moves to subject i (which must exist). */
  at(i: number): this {
    this.index = i;
    this.b = this.columns.block(i);
    this.o = this.columns.offset(i);
    return this;
  }
  /** The subject it is on, as a kept object. */
  kept(): Subject {
    return this.columns.subject(this.index);
  }
}
