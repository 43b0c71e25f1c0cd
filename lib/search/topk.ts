// Top-k selection over hits whose scores are bounded, not yet exact (see rank-score.ts:
// the positional features are computed lazily). MaxScore in spirit: hits are taken in the
// order of their optimistic form (score = upper bound), their exact scores computed
// (`refine`), and the selection stops as soon as the k-th exact hit comes before the best
// optimistic hit left: no hit left can enter the top k. The work follows the k best hits,
// not the number of matches; the result is the exhaustive scorer's top k, same order.
import { TopK } from "@/lib/search/facets";
import type { Hit } from "@/lib/search/matcher";

export type Sort = "relevance" | "newest" | "oldest";
export type Order = (a: Hit, b: Hit) => number;

const day = (h: Hit) => h.seg.cols.day[h.d];
const late = (h: Hit) => day(h) || Number.MAX_SAFE_INTEGER;
const byId = (a: Hit, b: Hit) => {
  const x = a.seg.rank.ids[a.d];
  const y = b.seg.rank.ids[b.d];
  return x < y ? -1 : x > y ? 1 : 0;
};
export const newestFirst: Order = (a, b) => day(b) - day(a) || b.score - a.score || byId(a, b);
export const oldestFirst: Order = (a, b) => late(a) - late(b) || b.score - a.score || byId(a, b);
export const bestFirst: Order = (a, b) => b.score - a.score || day(b) - day(a) || byId(a, b);

/** Undated articles go last in date orders; ties break by score, then id, so pages are stable. */
export function comparator(sort: Sort | undefined): Order {
  return sort === "newest" ? newestFirst : sort === "oldest" ? oldestFirst : bestFirst;
}

/** Whether a hit's score is exact (its upper bound reached). */
export const isExact = (h: Hit) => h.bound === undefined || h.bound <= h.score;

/** A relevance pool more than this many times k gets its cut raised by exact scores first (see raiseCut). */
const RAISE = 8;

/** Hits scanned per refinement after the first k: enough to amortise a scan's setup, few enough to stop early. */
const BATCH = 8;

/**
 * The first k hits under `sort`, best first, with exact scores. `refine` makes the scores of
 * the hits it is given exact. With `storyOf` (a story number per hit, -1 for a hit no story
 * holds), it only makes sure that the best hit of each of the k first stories is exact and
 * returns nothing: the caller groups the hits afterwards. `tighten` lowers a hit's upper
 * bound without a scan where it can (true when it did): a hit taken is tightened first, and
 * goes back among the others if it then falls behind the next one.
 */
export function selectTop(
  hits: readonly Hit[],
  k: number,
  sort: Sort | undefined,
  refine: (hits: Hit[]) => void,
  storyOf?: (h: Hit) => number,
  tighten?: (h: Hit) => boolean,
): Hit[] {
  const order = comparator(sort);
  if (k <= 0 || hits.length === 0) return [];
  let pool = storyOf ? hits : prefilter(hits, k, sort);
  if ((sort ?? "relevance") === "relevance" && pool.length > RAISE * k)
    pool = storyOf ? raiseStoryCut(pool, k, refine, storyOf, tighten) : raiseCut(pool, k, refine, tighten);
  // Optimistic forms, compared through two reusable probes (no object per comparison).
  const p = { seg: hits[0].seg, d: 0, score: 0, bound: 0 };
  const q = { seg: hits[0].seg, d: 0, score: 0, bound: 0 };
  const optimistic = (probe: Hit, h: Hit) => {
    probe.seg = h.seg;
    probe.d = h.d;
    probe.score = probe.bound = h.bound ?? h.score;
    return probe;
  };
  // Each hit's first sort key in its optimistic form, in a typed array: most comparisons are
  // settled by it alone, and only ties go through the full order (the same order either way).
  const first = primaryKey(sort);
  const keys = new Float64Array(pool.length);
  for (let i = 0; i < pool.length; i++) keys[i] = first(pool[i]);
  const heap = new IndexHeap(pool.length, (i, j) => keys[j] - keys[i] || order(optimistic(p, pool[i]), optimistic(q, pool[j])));
  const best = new TopK<Hit>(k, order);
  const done: Hit[] = [];
  let worst: Hit | null = null;
  const batch: Hit[] = [];
  while (heap.size > 0) {
    if (worst && order(worst, optimistic(p, pool[heap.peek()])) < 0) break;
    batch.length = 0;
    // Stories are ranked again after each batch: batches double so that happens a few times only.
    const want = storyOf ? Math.max(BATCH, k, done.length) : Math.max(BATCH, k - best.size);
    while (heap.size > 0 && batch.length < want) {
      const i = heap.pop();
      if (tighten?.(pool[i]) && heap.size > 0 && order(optimistic(p, pool[i]), optimistic(q, pool[heap.peek()])) > 0) {
        keys[i] = first(pool[i]);
        heap.push(i);
      } else batch.push(pool[i]);
    }
    const pending = batch.filter((h) => !isExact(h));
    if (pending.length) refine(pending);
    if (storyOf) {
      done.push(...batch);
      worst = kthStory(done, k, order, storyOf);
    } else {
      for (const h of batch) best.push(h);
      worst = best.size === k ? (best.last ?? null) : null;
    }
  }
  return storyOf ? [] : best.sorted();
}

/**
 * The first key of `comparator(sort)` applied to a hit's optimistic form (its upper bound as
 * its score), as a number that is larger for the hit that comes first: the bound (relevance),
 * the day (newest first) or the day negated, undated last (oldest first).
 */
function primaryKey(sort: Sort | undefined): (h: Hit) => number {
  if (sort === "newest") return day;
  if (sort === "oldest") return (h) => -late(h);
  return (h) => h.bound ?? h.score;
}

/**
 * Hits that may still be among the first k: with the k-th best lower bound (relevance) or
 * the k-th best date (date orders) as a threshold, in one pass over typed keys.
 */
function prefilter(hits: readonly Hit[], k: number, sort: Sort | undefined): readonly Hit[] {
  if (hits.length <= k) return hits;
  if (sort === "newest" || sort === "oldest") {
    const key = sort === "newest" ? day : (h: Hit) => -late(h);
    const keys = mapped(hits, key);
    const cut = kthLargest(keys.slice(), k);
    return hits.filter((_, i) => keys[i] >= cut);
  }
  // Plain loops over the hits (not `mapped` with a closure): one shape of call, inlined.
  const lower = new Float64Array(hits.length);
  for (let i = 0; i < hits.length; i++) lower[i] = hits[i].score;
  return within(hits, kthLargest(lower, k));
}

/** The hits whose upper bound reaches `cut`. */
function within(hits: readonly Hit[], cut: number): Hit[] {
  const out: Hit[] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    if ((h.bound ?? h.score) >= cut) out.push(h);
  }
  return out;
}

/**
 * A relevance pool far larger than k (a common query's lower bounds lie close together, far
 * below its best exact scores): the k hits with the best upper bounds are made exact first
 * (tightened, then refined: the heap would take them first anyway), and the least of their
 * exact scores is a cut no hit below it can pass (k hits already score at least that). The
 * heap is then built over the hits whose bound reaches it, usually a few dozen, not thousands.
 */
function raiseCut(pool: readonly Hit[], k: number, refine: (hits: Hit[]) => void, tighten?: (h: Hit) => boolean): readonly Hit[] {
  let cut = Infinity;
  for (const h of bestBounds(pool, k, refine, tighten)) cut = Math.min(cut, h.score);
  return within(pool, cut);
}

/**
 * raiseCut for a grouped page (each story once): the 2k hits with the best upper bounds made
 * exact; when they hold k stories, the k-th best of those stories' best exact scores is a cut
 * (each of the first k stories has a hit scoring at least that, so a hit whose bound is below
 * it is the best hit of no story among them). Fewer stories: the pool stays whole.
 */
function raiseStoryCut(
  pool: readonly Hit[],
  k: number,
  refine: (hits: Hit[]) => void,
  storyOf: (h: Hit) => number,
  tighten?: (h: Hit) => boolean,
): readonly Hit[] {
  const best = new Map<number, number>();
  for (const h of bestBounds(pool, 2 * k, refine, tighten)) {
    const s = storyOf(h);
    if (s >= 0) best.set(s, Math.max(best.get(s) ?? -Infinity, h.score));
  }
  return best.size < k ? pool : within(pool, kthLargest(Float64Array.from(best.values()), k));
}

/** The m hits with the best upper bounds (ties: the first in `pool`), tightened, then refined. */
function bestBounds(pool: readonly Hit[], m: number, refine: (hits: Hit[]) => void, tighten?: (h: Hit) => boolean): Hit[] {
  const upper = new Float64Array(pool.length);
  for (let i = 0; i < pool.length; i++) upper[i] = pool[i].bound ?? pool[i].score;
  // kthLargest reorders its array: the pool is read again for the bounds (no copy of thousands).
  const kth = kthLargest(upper, m);
  const first: Hit[] = [];
  for (let i = 0; i < pool.length && first.length < m; i++) {
    const h = pool[i];
    if ((h.bound ?? h.score) >= kth) first.push(h);
  }
  for (const h of first) tighten?.(h);
  refine(first.filter((h) => !isExact(h)));
  return first;
}

/** The best hit of the k-th distinct story among `done`, null when they hold fewer stories. */
function kthStory(done: Hit[], k: number, order: Order, storyOf: (h: Hit) => number): Hit | null {
  const sorted = [...done].sort(order);
  const seen = new Set<number>();
  for (const h of sorted) {
    const s = storyOf(h);
    if (s < 0 || seen.has(s)) continue;
    seen.add(s);
    if (seen.size === k) return h;
  }
  return null;
}

/**
 * `Float64Array.from(xs, f)` as a plain loop: the builtin calls `f` through the iterator
 * protocol without inlining it, several times slower over the tens of thousands of candidates
 * of a common word's query.
 */
export function mapped<T>(xs: readonly T[], f: (x: T) => number): Float64Array {
  const out = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = f(xs[i]);
  return out;
}

/** The k-th largest value (1-based) by quickselect, in place. */
export function kthLargest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] > pivot) i++;
      while (a[j] < pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return a[target];
}

/** A binary heap of 0..n-1, first under `before` on top; built in linear time. */
class IndexHeap {
  private readonly a: Int32Array;
  size: number;

  constructor(
    n: number,
    private readonly before: (i: number, j: number) => number,
  ) {
    this.a = new Int32Array(n);
    for (let i = 0; i < n; i++) this.a[i] = i;
    this.size = n;
    for (let i = (n >> 1) - 1; i >= 0; i--) this.down(i);
  }

  peek(): number {
    return this.a[0];
  }

  pop(): number {
    const top = this.a[0];
    this.a[0] = this.a[--this.size];
    this.down(0);
    return top;
  }

  /** Put back an index popped before (the heap never holds more than it was built with). */
  push(i: number) {
    const { a, before } = this;
    let at = this.size++;
    a[at] = i;
    while (at > 0) {
      const up = (at - 1) >> 1;
      if (before(a[at], a[up]) >= 0) return;
      a[at] = a[up];
      a[up] = i;
      at = up;
    }
  }

  private down(i: number) {
    const { a, before, size } = this;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let first = i;
      if (l < size && before(a[l], a[first]) < 0) first = l;
      if (r < size && before(a[r], a[first]) < 0) first = r;
      if (first === i) return;
      const t = a[i];
      a[i] = a[first];
      a[first] = t;
      i = first;
    }
  }
}
