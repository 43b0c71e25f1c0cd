import type { Entity } from "@/lib/corpus/types";
import type { FacetCount } from "@/lib/api/contract";
import { compareVi } from "@/lib/text/vi-order";

/** Whether `name` has more words than `than`: the fuller of two names of one person ("Donald Trump", "Trump"). */
export function fullerName(name: string, than: string): boolean {
  return name !== than && wordCount(name) > wordCount(than);
}

/** `s.split(" ").length` without the array: an open at 1M asks millions of times (engine.sync's intern). */
function wordCount(s: string): number {
  let n = 1;
  for (let i = s.indexOf(" "); i >= 0; i = s.indexOf(" ", i + 1)) n++;
  return n;
}

/** Facet values shown per facet; selected values are always included. */
export const FACET_LIMIT = 100;

/**
 * The values of one facet numbered 0..size-1, so counting them per query is array
 * arithmetic rather than string-keyed maps (the 35k corpus has tens of thousands of people).
 */
export class FacetDictionary {
  readonly ids: string[] = [];
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();

  intern(e: Entity): number {
    let i = this.index.get(e.id);
    if (i === undefined) {
      i = this.ids.length;
      this.index.set(e.id, i);
      this.ids.push(e.id);
      this.names.push(e.name);
      this.unsorted.push(i);
    } else if (fullerName(e.name, this.names[i])) {
      // One id, several forms ("Trump", "Donald Trump"): shown by the fullest.
      this.names[i] = e.name;
      this.unsorted.push(i);
    }
    return i;
  }

  /** Each value's place in Vietnamese alphabetical order; see `seal`. */
  collation = new Int32Array(0);
  /** Every value in that order, as of the last `seal`. */
  private order: number[] = [];
  /** Values added or renamed since the last `seal`: their place is not known yet. */
  private unsorted: number[] = [];

  private compare = (a: number, b: number) => compareVi(this.names[a], this.names[b]) || a - b;

  /**
   * Rank every name after values were added (the archive grows), so queries compare numbers,
   * not strings. A live update adds a few names to tens of thousands: those are sorted and
   * placed by binary search into the kept order (a handful of collator calls each) instead of
   * sorting every name again, which held the event loop for about 0.2 s at 200k articles.
   */
  seal() {
    if (this.unsorted.length === 0) return;
    const moved = [...new Set(this.unsorted)].sort(this.compare);
    this.unsorted = [];
    if (moved.length * 4 > this.order.length) {
      this.order = this.names.map((_, i) => i).sort(this.compare);
    } else {
      const isMoved = new Uint8Array(this.names.length);
      for (const v of moved) isMoved[v] = 1;
      this.order = mergeSorted(
        this.order.filter((v) => !isMoved[v]),
        moved,
        this.compare,
      );
    }
    this.collation = new Int32Array(this.order.length);
    this.order.forEach((value, rank) => (this.collation[value] = rank));
  }

  lookup(id: string): number | undefined {
    return this.index.get(id);
  }

  get size(): number {
    return this.ids.length;
  }
}

/**
 * `kept` and `added`, each sorted by `compare`, as one sorted list. Each added item finds its
 * place by binary search from the previous one's, so a few items join a long list with a few
 * comparisons each (the comparison is a collator call).
 */
export function mergeSorted<T>(kept: readonly T[], added: readonly T[], compare: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  let from = 0;
  for (const item of added) {
    let lo = from;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(kept[mid], item) < 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = from; i < lo; i++) out.push(kept[i]);
    out.push(item);
    from = lo;
  }
  for (let i = from; i < kept.length; i++) out.push(kept[i]);
  return out;
}

/**
 * Counts of one facet's values over a result set. One counter serves every query (a query
 * runs synchronously): `reset` zeroes only the values the last count touched, so a query
 * costs the values its matches hold, not the size of the dictionary.
 */
export class FacetCounter {
  counts: Int32Array;
  /** Values counted at least once, in first-seen order. */
  private readonly touched: number[] = [];

  constructor(readonly dict: FacetDictionary) {
    this.counts = new Int32Array(dict.size);
  }

  /** Start a new count; the array grows (rarely) when the archive brought new values. */
  reset() {
    if (this.counts.length < this.dict.size) {
      this.counts = new Int32Array(Math.max(this.dict.size, this.counts.length * 2));
    } else {
      for (const v of this.touched) this.counts[v] = 0;
    }
    this.touched.length = 0;
  }

  add(values: Int32Array) {
    for (const v of values) if (this.counts[v]++ === 0) this.touched.push(v);
  }

  addOne(v: number) {
    if (this.counts[v]++ === 0) this.touched.push(v);
  }

  /** Values counted, most frequent first, then in Vietnamese alphabetical order. */
  private before = (a: number, b: number) => this.counts[b] - this.counts[a] || this.dict.collation[a] - this.dict.collation[b];

  /**
   * The most frequent values (ties in Vietnamese alphabetical order), plus every selected
   * value, with count 0 when nothing matches it. Only the `limit` shown are sorted.
   */
  top(selected: readonly string[], limit = FACET_LIMIT): FacetCount[] {
    const { counts, dict } = this;
    dict.seal();
    const shown = this.ranked(limit).map((i) => ({ id: dict.ids[i], name: dict.names[i], count: counts[i] }));
    for (const id of selected) {
      if (shown.some((v) => v.id === id)) continue;
      const i = dict.lookup(id);
      shown.push({ id, name: i === undefined ? id : dict.names[i], count: i === undefined ? 0 : counts[i] });
    }
    return shown;
  }

  /** How many counted values have each count (`ranked`), all zero between calls. */
  private histogram = new Int32Array(0);

  /**
   * The `limit` values counted most (ties in Vietnamese alphabetical order), sorted. A common
   * query counts thousands of people for the 100 shown: a pass over their counts finds the
   * `limit`-th highest count, and only the values above it and the ties at it are compared.
   */
  private ranked(limit: number): number[] {
    const { touched, counts } = this;
    if (touched.length <= limit) return [...touched].sort(this.before);
    if (limit <= 0) return [];
    let max = 0;
    for (const v of touched) if (counts[v] > max) max = counts[v];
    if (this.histogram.length <= max) this.histogram = new Int32Array(Math.max(max + 1, 2 * this.histogram.length));
    const histogram = this.histogram;
    for (const v of touched) histogram[counts[v]]++;
    // Counts from the highest down until `limit` values are reached: `above` values count more than `threshold`.
    let threshold = max;
    let above = 0;
    while (above + histogram[threshold] < limit) above += histogram[threshold--];
    for (const v of touched) histogram[counts[v]] = 0;
    const over: number[] = [];
    const at: number[] = [];
    for (const v of touched) {
      if (counts[v] > threshold) over.push(v);
      else if (counts[v] === threshold) at.push(v);
    }
    return [...over.sort(this.before), ...topK(at, limit - above, this.before)];
  }
}

/**
 * The `k` first items of `items` in the order `before` (negative: a comes first), sorted,
 * without sorting them all: a bounded heap whose root is the worst item kept.
 */
export function topK<T>(items: readonly T[], k: number, before: (a: T, b: T) => number): T[] {
  if (items.length <= k) return [...items].sort(before);
  const heap = new TopK<T>(k, before);
  for (const x of items) heap.push(x);
  return heap.sorted();
}

/** A bounded heap keeping the `k` first items pushed in the order `before`. */
export class TopK<T> {
  private readonly heap: T[] = [];

  constructor(
    readonly k: number,
    private readonly before: (a: T, b: T) => number,
  ) {}

  get size(): number {
    return this.heap.length;
  }

  /** The item that comes last of those kept (the one a better item would replace). */
  get last(): T | undefined {
    return this.heap[0];
  }

  push(x: T) {
    const { heap, before } = this;
    if (this.k <= 0) return;
    if (heap.length < this.k) {
      // Max-heap on `before`: the root is the item that comes last.
      heap.push(x);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (before(heap[parent], heap[i]) >= 0) break;
        [heap[parent], heap[i]] = [heap[i], heap[parent]];
        i = parent;
      }
      return;
    }
    if (before(x, heap[0]) >= 0) return;
    heap[0] = x;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let last = i;
      if (l < heap.length && before(heap[l], heap[last]) > 0) last = l;
      if (r < heap.length && before(heap[r], heap[last]) > 0) last = r;
      if (last === i) break;
      [heap[last], heap[i]] = [heap[i], heap[last]];
      i = last;
    }
  }

  /** The items kept, in order. */
  sorted(): T[] {
    return [...this.heap].sort(this.before);
  }
}

/** Counts over a fixed numbering (days, months), zeroed by what the last count touched. */
export class ScratchCounts {
  readonly counts: Int32Array;
  private readonly touched: number[] = [];

  constructor(size: number) {
    this.counts = new Int32Array(size);
  }

  reset() {
    for (const v of this.touched) this.counts[v] = 0;
    this.touched.length = 0;
  }

  addOne(v: number) {
    if (this.counts[v]++ === 0) this.touched.push(v);
  }

  /** Values counted at least once, in first-seen order. */
  values(): readonly number[] {
    return this.touched;
  }
}
