// Stories: articles that report one event, and copies of one text, found from story
// signatures (signature.ts), dates and people. Pure: documents in, story numbers out.
//
// The rule, in two passes over the documents in publication order (dated by day, then
// undated; ties in the order given):
// 1. Copies. A document whose signature agrees with an earlier original's in at least
//    `copyMin` of the slots, published within `copyDays` of it (or either undated), is a
//    copy of that original: it is folded under the earliest publisher.
// 2. Events. A dated original joins the story of an earlier story's first report when
//    they resemble each other at least `eventMin`, were published at most `eventDays`
//    apart and, when both name people, name one in common. Otherwise it starts a story.
//    Undated originals only gather their copies: without a date, a similar text may be
//    last year's event of the same kind.
// Stories are stars around their first report, never chains: a report of day 1 and one of
// day 9 never meet through a row of reports a day apart.
//
// Candidates come from locality-sensitive hashing (bands of slots), so the work grows with
// the archive, not with its square.
import { EMPTY, SLOTS, STRIDE, resemblance } from "@/lib/stories/signature";

export interface StoryRule {
  copyMin: number;
  copyDays: number;
  eventMin: number;
  eventDays: number;
  /** Shingles both texts need before they can be told to report one event (a brief says too little). */
  eventShingles: number;
}

export const STORY_RULE: StoryRule = { copyMin: 0.7, copyDays: 7, eventMin: 0.2, eventDays: 2, eventShingles: 40 };

/** Slots per band: copies need every slot of one of 10 bands to agree, events 2 of one of 32. */
const COPY_ROWS = 6;
const EVENT_ROWS = 2;

/** Documents between two yields of `StoryGrouper.appendSteps` (a few milliseconds of work). */
const STEP = 512;

/** Documents a regrouping can take (publication order packs an index in 25 bits). */
export const MAX_DOCS = 2 ** 25;

export interface StoryDocs {
  /** `YYYYMMDD`, 0 when undated. */
  day: Int32Array;
  /** STRIDE values per document (signature.ts). */
  sigs: Uint16Array;
  /** People named, as numbers (CSR: document i owns personVals[personStart[i]..personStart[i+1])). */
  personStart: Int32Array;
  personVals: Int32Array;
}

export interface Stories {
  /** Story number of each document (0..count-1). */
  story: Int32Array;
  /** The original a document is a copy of; itself when it is an original. */
  original: Int32Array;
  count: number;
  /** Members of story s: members[start[s]..start[s+1]], in publication order. */
  start: Int32Array;
  members: Int32Array;
}

/** Days since 1970-01-01 of a `YYYYMMDD` day. */
export function dayNumber(day: number): number {
  return Date.UTC(Math.floor(day / 10000), (Math.floor(day / 100) % 100) - 1, day % 100) / 86_400_000;
}

/** A band's bucket: 30 bits, so V8 keeps it a small integer (a Map key without boxing). */
function bandKey(sigs: Uint16Array, at: number, band: number, rows: number): number {
  let h = Math.imul(band + 1, 0x9e3779b1);
  for (let s = band * rows; s < (band + 1) * rows; s++) h = Math.imul(h ^ sigs[at + s], 0x01000193);
  return (h ^ (h >>> 15)) & 0x3fffffff;
}

/**
 * LSH buckets: an open-addressing table of bucket keys, each bucket a linked list of its
 * documents (newest first) in typed arrays. No Map and no array per bucket: regrouping
 * the whole archive allocates a few flat arrays and nothing per document. The table holds
 * each key plus one, so a new table is empty as allocated (zeroed), with no pass to fill it:
 * at 200k articles the event bands' table is 16 M slots.
 */
class Buckets {
  /** Key + 1 per slot; 0: empty. */
  private keys: Int32Array;
  private heads: Int32Array;
  private mask: number;
  private doc: Int32Array;
  private next: Int32Array;
  private size = 0;

  /** `capacity`: how many documents will be added, over all bands (more makes it grow). */
  constructor(capacity: number) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.mask = slots - 1;
    this.keys = new Int32Array(slots);
    this.heads = new Int32Array(slots);
    this.doc = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
  }

  /** Room for `more` additions: the lists are kept, the table of keys is laid out again when it fills. */
  reserve(more: number) {
    const need = this.size + more;
    if (need <= this.doc.length) return;
    const capacity = Math.max(need, this.doc.length * 2);
    const grown = new Buckets(capacity);
    grown.doc.set(this.doc.subarray(0, this.size));
    grown.next.set(this.next.subarray(0, this.size));
    grown.size = this.size;
    for (let i = 0; i <= this.mask; i++) {
      if (this.keys[i] === 0) continue;
      const j = grown.slot(this.keys[i] - 1);
      grown.keys[j] = this.keys[i];
      grown.heads[j] = this.heads[i];
    }
    Object.assign(this, { keys: grown.keys, heads: grown.heads, mask: grown.mask, doc: grown.doc, next: grown.next });
  }

  private slot(key: number): number {
    let i = Math.imul(key, 0x9e3779b1) & this.mask;
    while (this.keys[i] !== 0 && this.keys[i] !== key + 1) i = (i + 1) & this.mask;
    return i;
  }

  add(key: number, x: number) {
    // A typed array drops writes past its end: grow rather than lose the entry.
    if (this.size === this.doc.length) this.reserve(1);
    const i = this.slot(key);
    const e = this.size++;
    this.doc[e] = x;
    this.next[e] = this.keys[i] === key + 1 ? this.heads[i] : -1;
    this.keys[i] = key + 1;
    this.heads[i] = e;
  }

  /** Entries added so far. */
  get length(): number {
    return this.size;
  }

  /** Forget the entries added after the first `size` (their keys stay, with empty lists). */
  truncate(size: number) {
    if (size >= this.size) return;
    for (let i = 0; i <= this.mask; i++) {
      if (this.keys[i] === 0) continue;
      let e = this.heads[i];
      while (e >= size) e = this.next[e];
      this.heads[i] = e;
    }
    this.size = size;
  }

  /** Documents of the bucket, newest first, while `visit` returns true. */
  walk(key: number, visit: (x: number) => boolean) {
    const i = this.slot(key);
    if (this.keys[i] !== key + 1) return;
    for (let e = this.heads[i]; e >= 0; e = this.next[e]) if (!visit(this.doc[e])) return;
  }
}

/** Documents in publication order: dated by day, then undated, ties in input order. */
export function publicationOrder(day: Int32Array): Int32Array {
  // One numeric sort of packed (day, index) keys: no comparator calls.
  const n = day.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (day[i] || 99_999_999) * MAX_DOCS + i;
  keys.sort();
  return Int32Array.from(keys, (k) => k % MAX_DOCS);
}

function sharePerson(docs: Pick<StoryDocs, "personStart" | "personVals">, a: number, b: number): boolean {
  const { personStart: ps, personVals: pv } = docs;
  if (ps[a] === ps[a + 1] || ps[b] === ps[b + 1]) return true;
  for (let i = ps[a]; i < ps[a + 1]; i++) for (let j = ps[b]; j < ps[b + 1]; j++) if (pv[i] === pv[j]) return true;
  return false;
}

/** A typed array of at least `length` elements holding `a`'s first `used`; new elements are `fill`. */
function grown<T extends Int32Array | Float64Array | Uint16Array>(a: T, used: number, length: number, fill = 0): T {
  if (a.length >= length) return a;
  // Grown from nothing (a whole grouping, as the background regrouping's worker makes), an array
  // gets an eighth more room: the next new files extend the grouping without copying every array
  // (about 0.3 s of CPU on a live update's turn at 1M articles).
  const size = a.length <= 1 ? length + (length >> 3) : Math.max(length, a.length * 2);
  const out = new (a.constructor as new (n: number) => T)(size);
  out.set(a.subarray(0, used));
  if (fill) out.fill(fill, used);
  return out;
}

/**
 * Stories of the documents given so far, open to more. Each document is decided against the
 * documents before it in publication order only (both passes), so dated documents of no
 * earlier day than the dated ones given (`canAppend`), numbered after them, continue the
 * passes where they stopped; only the undated documents, which come last, are grouped again.
 * The stories equal a regrouping of every document: a live archive's new articles are
 * grouped without regrouping the archive.
 */
export class StoryGrouper {
  private n = 0;
  private day = new Int32Array(0);
  private dayNo = new Float64Array(0);
  private sigs = new Uint16Array(0);
  private personStart = new Int32Array(1);
  private personVals = new Int32Array(0);
  private original = new Int32Array(0);
  private leader = new Int32Array(0);
  private story = new Int32Array(0);
  private order = new Int32Array(0);
  private count = 0;
  /** The latest day of a dated document. */
  private latest = 0;
  /**
   * Undated documents come after every dated one in publication order: `order` holds the
   * `dated` dated documents first; the copy buckets held `datedCopies` entries and the
   * stories numbered `datedCount` after them. New dated documents undo the undated tail's
   * grouping, are grouped, and the tail is grouped again after them.
   */
  private dated = 0;
  private datedCopies = 0;
  private datedCount = 0;
  private readonly copyBuckets = new Buckets(0);
  private readonly eventBuckets = new Buckets(0);
  private readonly dayNumbers = new Map<number, number>();

  constructor(private readonly rule: StoryRule = STORY_RULE) {}

  /** The latest day of a dated document given so far (0 when none). */
  get lastDay(): number {
    return this.latest;
  }

  /** Documents grouped so far. */
  get size(): number {
    return this.n;
  }

  /** Whether documents of these days, numbered after the present ones, come after them all in publication order. */
  canAppend(day: Int32Array): boolean {
    if (this.n + day.length > MAX_DOCS) return false;
    for (let i = 0; i < day.length; i++) if (day[i] && day[i] < this.latest) return false;
    return true;
  }

  /** Group the documents `docs` (numbered from `size` on); they must pass `canAppend`. */
  append(docs: StoryDocs) {
    const steps = this.appendSteps(docs);
    while (!steps.next().done);
  }

  /**
   * `append` in steps: it stops (yields) every `STEP` documents of each pass, so a caller can
   * group a large archive in slices between other work (archive-stories.ts regroups in the
   * background this way). Nothing else may use the grouper until the steps are done.
   */
  *appendSteps(docs: StoryDocs): Generator<void, void, void> {
    const m = docs.day.length;
    if (!this.canAppend(docs.day)) throw new Error("documents published before the grouped ones: regroup them all");
    const n0 = this.n;
    const n = n0 + m;
    this.day = grown(this.day, n0, n);
    this.day.set(docs.day, n0);
    this.dayNo = grown(this.dayNo, n0, n);
    for (let i = 0; i < m; i++) {
      const d = docs.day[i];
      let v = NaN;
      if (d) {
        const known = this.dayNumbers.get(d);
        if (known === undefined) this.dayNumbers.set(d, (v = dayNumber(d)));
        else v = known;
      }
      this.dayNo[n0 + i] = v;
      this.latest = Math.max(this.latest, d);
    }
    this.sigs = grown(this.sigs, n0 * STRIDE, n * STRIDE);
    this.sigs.set(docs.sigs.subarray(0, m * STRIDE), n0 * STRIDE);
    const base = this.personStart[n0];
    this.personStart = grown(this.personStart, n0 + 1, n + 1);
    for (let i = 1; i <= m; i++) this.personStart[n0 + i] = base + docs.personStart[i];
    this.personVals = grown(this.personVals, base, this.personStart[n]);
    this.personVals.set(docs.personVals.subarray(0, docs.personStart[m]), base);
    this.original = grown(this.original, n0, n);
    this.leader = grown(this.leader, n0, n);
    this.story = grown(this.story, n0, n, -1);
    const fresh = publicationOrder(docs.day).map((x) => x + n0);
    let newDated = 0;
    while (newDated < m && docs.day[fresh[newDated] - n0]) newDated++;
    // The undated tail is grouped again after new dated documents, as a regrouping would.
    const tail = newDated ? this.order.slice(this.dated, n0) : new Int32Array(0);
    if (tail.length) {
      this.copyBuckets.truncate(this.datedCopies);
      this.count = this.datedCount;
    }
    for (const x of tail) this.story[x] = -1;
    const order = new Int32Array(newDated + tail.length + (m - newDated));
    order.set(fresh.subarray(0, newDated));
    order.set(tail, newDated);
    order.set(fresh.subarray(newDated), newDated + tail.length);
    this.order = grown(this.order, n0, n);
    this.order.set(order, n - order.length);
    this.n = n;

    const { rule, sigs, original, leader, story, day } = this;
    const dayNo = this.dayNo;
    const people = { personStart: this.personStart, personVals: this.personVals };
    const near = (a: number, b: number, days: number) => !(Math.abs(dayNo[a] - dayNo[b]) > days);

    // 1. Copies: each document against the originals before it.
    const copyBands = Math.floor(SLOTS / COPY_ROWS);
    const copyBuckets = this.copyBuckets;
    // The undated tail was taken out of the buckets above and goes back in with the new documents.
    copyBuckets.reserve(order.length * copyBands);
    for (let i = 0; i < order.length; i++) {
      if (i % STEP === STEP - 1) yield;
      if (newDated && i === newDated) this.datedCopies = copyBuckets.length;
      const x = order[i];
      original[x] = x;
      if (sigs[x * STRIDE] === EMPTY) continue;
      let best = -1;
      let bestSim = rule.copyMin;
      const consider = (o: number) => {
        if (o !== best && near(x, o, rule.copyDays)) {
          const sim = resemblance(sigs, x * STRIDE, sigs, o * STRIDE);
          if (sim >= bestSim && (sim > bestSim || best < 0)) [best, bestSim] = [o, sim];
        }
        return true;
      };
      for (let b = 0; b < copyBands; b++) copyBuckets.walk(bandKey(sigs, x * STRIDE, b, COPY_ROWS), consider);
      if (best >= 0) {
        original[x] = best;
        continue;
      }
      for (let b = 0; b < copyBands; b++) copyBuckets.add(bandKey(sigs, x * STRIDE, b, COPY_ROWS), x);
    }
    if (newDated && newDated === order.length) this.datedCopies = copyBuckets.length;

    // 2. Events: dated originals against the first reports of earlier stories.
    const eventBands = Math.floor(SLOTS / EVENT_ROWS);
    const eventBuckets = this.eventBuckets;
    let eligible = 0;
    for (const x of order) if (original[x] === x && day[x] && sigs[x * STRIDE + SLOTS] >= rule.eventShingles) eligible++;
    eventBuckets.reserve(eligible * eventBands);
    for (let i = 0; i < order.length; i++) {
      if (i % STEP === STEP - 1) yield;
      const x = order[i];
      leader[x] = x;
      if (original[x] !== x || !day[x] || sigs[x * STRIDE + SLOTS] < rule.eventShingles) continue;
      let best = -1;
      let bestSim = rule.eventMin;
      // Leaders come newest first: stop at the first one too old.
      const consider = (l: number) => {
        if (!near(x, l, rule.eventDays)) return false;
        if (l !== best) {
          const sim = resemblance(sigs, x * STRIDE, sigs, l * STRIDE);
          if (sim >= bestSim && (sim > bestSim || best < 0) && sharePerson(people, x, l)) [best, bestSim] = [l, sim];
        }
        return true;
      };
      for (let b = 0; b < eventBands; b++) eventBuckets.walk(bandKey(sigs, x * STRIDE, b, EVENT_ROWS), consider);
      if (best >= 0) {
        leader[x] = best;
        continue;
      }
      for (let b = 0; b < eventBands; b++) eventBuckets.add(bandKey(sigs, x * STRIDE, b, EVENT_ROWS), x);
    }

    // Number stories in publication order of their first reports; copies follow their original.
    for (let i = 0; i < order.length; i++) {
      if (newDated && i === newDated) this.datedCount = this.count;
      const x = order[i];
      const head = leader[original[x]];
      if (story[head] < 0) story[head] = this.count++;
      story[x] = story[head];
    }
    if (newDated && newDated === order.length) this.datedCount = this.count;
    this.dated += newDated;
  }

  /**
   * A grouper as it crosses between threads: a structured clone keeps every field (typed
   * arrays, numbers, the day map, the buckets' fields) but not the classes. `revive` gives a
   * clone its classes back, so a grouping made on a worker (group-off-thread.ts) can be
   * extended here; `buffers` lists what to transfer rather than copy.
   */
  static revive(clone: StoryGrouper): StoryGrouper {
    const grouper = Object.setPrototypeOf(clone, StoryGrouper.prototype) as StoryGrouper;
    Object.setPrototypeOf(grouper.copyBuckets, Buckets.prototype);
    Object.setPrototypeOf(grouper.eventBuckets, Buckets.prototype);
    return grouper;
  }

  /** The memory of the grouper's typed arrays (each once), to transfer with it. */
  buffers(): ArrayBuffer[] {
    const arrays = [this, this.copyBuckets, this.eventBuckets].flatMap((o) => Object.values(o).filter((v) => ArrayBuffer.isView(v)));
    return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
  }

  /** The stories of every document given so far. */
  result(): Stories {
    const { n, count } = this;
    const story = this.story.slice(0, n);
    const start = new Int32Array(count + 1);
    for (let x = 0; x < n; x++) start[story[x] + 1]++;
    for (let s = 0; s < count; s++) start[s + 1] += start[s];
    const fill = start.slice(0, count);
    const members = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const x = this.order[i];
      members[fill[story[x]]++] = x;
    }
    return { story, original: this.original.slice(0, n), count, start, members };
  }
}

/** Group documents into stories (see the rule at the top of this file). */
export function groupStories(docs: StoryDocs, rule: StoryRule = STORY_RULE): Stories {
  const grouper = new StoryGrouper(rule);
  grouper.append(docs);
  return grouper.result();
}
