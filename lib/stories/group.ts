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
 * the whole archive allocates a few flat arrays and nothing per document.
 */
class Buckets {
  private readonly keys: Int32Array;
  private readonly heads: Int32Array;
  private readonly mask: number;
  private readonly doc: Int32Array;
  private readonly next: Int32Array;
  private size = 0;

  /** `capacity`: how many documents will be added, over all bands. */
  constructor(capacity: number) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.mask = slots - 1;
    this.keys = new Int32Array(slots).fill(-1);
    this.heads = new Int32Array(slots);
    this.doc = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
  }

  private slot(key: number): number {
    let i = Math.imul(key, 0x9e3779b1) & this.mask;
    while (this.keys[i] !== -1 && this.keys[i] !== key) i = (i + 1) & this.mask;
    return i;
  }

  add(key: number, x: number) {
    const i = this.slot(key);
    const e = this.size++;
    this.doc[e] = x;
    this.next[e] = this.keys[i] === key ? this.heads[i] : -1;
    this.keys[i] = key;
    this.heads[i] = e;
  }

  /** Documents of the bucket, newest first, while `visit` returns true. */
  walk(key: number, visit: (x: number) => boolean) {
    const i = this.slot(key);
    if (this.keys[i] !== key) return;
    for (let e = this.heads[i]; e >= 0; e = this.next[e]) if (!visit(this.doc[e])) return;
  }
}

/** Documents in publication order: dated by day, then undated, ties in input order. */
function publicationOrder(day: Int32Array): Int32Array {
  // One numeric sort of packed (day, index) keys: no comparator calls.
  const n = day.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (day[i] || 99_999_999) * MAX_DOCS + i;
  keys.sort();
  return Int32Array.from(keys, (k) => k % MAX_DOCS);
}

function sharePerson(docs: StoryDocs, a: number, b: number): boolean {
  const { personStart: ps, personVals: pv } = docs;
  if (ps[a] === ps[a + 1] || ps[b] === ps[b + 1]) return true;
  for (let i = ps[a]; i < ps[a + 1]; i++) for (let j = ps[b]; j < ps[b + 1]; j++) if (pv[i] === pv[j]) return true;
  return false;
}

/** Group documents into stories (see the rule at the top of this file). */
export function groupStories(docs: StoryDocs, rule: StoryRule = STORY_RULE): Stories {
  const n = docs.day.length;
  const { sigs } = docs;
  const order = publicationOrder(docs.day);
  const days = new Map<number, number>();
  const dayNo = Float64Array.from(docs.day, (d) => {
    if (!d) return NaN;
    let v = days.get(d);
    if (v === undefined) days.set(d, (v = dayNumber(d)));
    return v;
  });
  const near = (a: number, b: number, days: number) => !(Math.abs(dayNo[a] - dayNo[b]) > days);

  // 1. Copies: each document against the originals before it.
  const original = new Int32Array(n);
  const copyBands = Math.floor(SLOTS / COPY_ROWS);
  const copyBuckets = new Buckets(n * copyBands);
  for (const x of order) {
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

  // 2. Events: dated originals against the first reports of earlier stories.
  const leader = new Int32Array(n);
  const eventBands = Math.floor(SLOTS / EVENT_ROWS);
  let eligible = 0;
  for (let x = 0; x < n; x++) if (original[x] === x && docs.day[x] && sigs[x * STRIDE + SLOTS] >= rule.eventShingles) eligible++;
  const eventBuckets = new Buckets(eligible * eventBands);
  for (const x of order) {
    leader[x] = x;
    if (original[x] !== x || !docs.day[x] || sigs[x * STRIDE + SLOTS] < rule.eventShingles) continue;
    let best = -1;
    let bestSim = rule.eventMin;
    // Leaders come newest first: stop at the first one too old.
    const consider = (l: number) => {
      if (!near(x, l, rule.eventDays)) return false;
      if (l !== best) {
        const sim = resemblance(sigs, x * STRIDE, sigs, l * STRIDE);
        if (sim >= bestSim && (sim > bestSim || best < 0) && sharePerson(docs, x, l)) [best, bestSim] = [l, sim];
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
  const story = new Int32Array(n).fill(-1);
  let count = 0;
  for (const x of order) {
    const head = leader[original[x]];
    if (story[head] < 0) story[head] = count++;
    story[x] = story[head];
  }
  const start = new Int32Array(count + 1);
  for (let x = 0; x < n; x++) start[story[x] + 1]++;
  for (let s = 0; s < count; s++) start[s + 1] += start[s];
  const fill = start.slice(0, count);
  const members = new Int32Array(n);
  for (const x of order) members[fill[story[x]]++] = x;
  return { story, original, count, start, members };
}
