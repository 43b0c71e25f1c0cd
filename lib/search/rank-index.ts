// One segment of the search index: compact typed arrays rather than a Map per term,
// because the 35k corpus holds ~20 M tokens. A segment is immutable once built (only
// its deletions and the archive-wide statistics it is scored with change); see
// lib/index/ for how segments are saved, loaded and combined into a live archive.
//
// - A positional "stream" of every article's exact term ids (title, lead, body, with a
//   break marker wherever a phrase cannot continue). Adjacent syllable pairs and quoted
//   phrases are scored from it, so pairs never need a posting list of their own.
// - Posting lists (CSR layout) per folded term (with a field-weighted term frequency)
//   and per exact term (marked spellings, their statistics, and exclusions).
// - A radix tree of the folded vocabulary for prefix and typo lookups.
import SearchableMap from "minisearch/SearchableMap";
import type { Article } from "@/lib/corpus/types";
import { fold, joinsAt, normalize, WORD, yearRangeCut, yearRangeTerm } from "@/lib/text/analyzer";
import { caseAt, CASE_CAPITAL, CASE_LOWER, packedCaseLength, postingCase, setCase, type CaseCounts } from "@/lib/search/word-case";

/** Stream marker: the next token does not continue a phrase. */
export const BREAK = -1;

/**
 * The positional stream, 2 bytes a token (it is the largest array of a segment): exact
 * term ids below ESCAPE as they are, BREAK as 0xffff, and the few ids above (a segment's
 * rarest terms: ids are numbered by frequency when a segment has more than ESCAPE terms)
 * as ESCAPE, with the real id at the same place in the sorted exception list.
 */
export interface TokenStream {
  low: Uint16Array;
  /** Stream positions holding an escaped id, ascending, and the ids there. */
  excPos: Int32Array;
  excId: Int32Array;
}

const BREAK16 = 0xffff;
/** Exact ids from here on are kept in the exception list. */
export const ESCAPE = 0xfffe;

/** The exact term id at stream position i, or BREAK. */
export function tokenAt(s: TokenStream, i: number): number {
  const v = s.low[i];
  return v < ESCAPE ? v : v === BREAK16 ? BREAK : escapedAt(s, i);
}

function escapedAt(s: TokenStream, i: number): number {
  const pos = s.excPos;
  let lo = 0;
  let hi = pos.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pos[mid] < i) lo = mid + 1;
    else if (pos[mid] > i) hi = mid - 1;
    else return s.excId[mid];
  }
  throw new Error(`token stream: no escaped id at ${i}`);
}

/** Tokens in the stream. */
export function streamLength(s: TokenStream): number {
  return s.low.length;
}

/** Pack exact ids (and BREAK) into a TokenStream. */
export function packStream(tokens: Int32Array): TokenStream {
  const low = new Uint16Array(tokens.length);
  let escaped = 0;
  for (let i = 0; i < tokens.length; i++) {
    const e = tokens[i];
    if (e < 0) low[i] = BREAK16;
    else if (e < ESCAPE) low[i] = e;
    else {
      low[i] = ESCAPE;
      escaped++;
    }
  }
  const excPos = new Int32Array(escaped);
  const excId = new Int32Array(escaped);
  for (let i = 0, k = 0; k < escaped; i++) {
    if (low[i] === ESCAPE) {
      excPos[k] = i;
      excId[k++] = tokens[i];
    }
  }
  return { low, excPos, excId };
}

/**
 * Documents a segment holds at most: document ids in posting lists are 16-bit, which halves
 * the two largest posting arrays (a segment is closed when it is full; see live-index.ts).
 */
export const MAX_SEGMENT_DOCS = 65536;

/** How much one occurrence counts in each field (title > lead > body). */
export const FIELD_WEIGHT = { title: 5, lead: 2, body: 1 } as const;

/**
 * The archive's vocabulary: what query expansion and suggestions read (the terms of every
 * segment, with archive-wide statistics in `shared`).
 */
export interface Lexicon {
  exactId: Map<string, number>;
  exactTerm: string[];
  /** exact id → folded id */
  foldedOf: Int32Array;
  foldedId: Map<string, number>;
  foldedTerm: string[];
  /** folded id → its most frequent exact spelling (for suggestions). */
  commonExact: Int32Array;
  /** FNV-1a hash of each folded term: pair sketches key on it, so they add up across segments. */
  foldedHash: Uint32Array;
  /** Folded vocabulary → folded id: the radix tree for prefix and typo lookups. */
  vocab: SearchableMap<number>;
  /**
   * Statistics of the whole archive (for a segment: set by the archive whenever the list of
   * segments changes, in the segment's own term ids); null for a stand-alone index.
   */
  shared: SharedStats | null;
}

/** One segment: its own term ids (the Lexicon's fields, without a radix tree), postings and stream. */
export interface RankIndex extends Omit<Lexicon, "vocab"> {
  /** Number of articles; documents are numbered 0..n-1 in input order. */
  n: number;
  ids: string[];
  /** Every article's exact term ids in order, with BREAK markers: read with tokenAt. */
  stream: TokenStream;
  /** Stream offsets: doc d spans docStart[d]..docStart[d+1]; title ends at titleEnd[d], lead at leadEnd[d]. */
  docStart: Int32Array;
  titleEnd: Int32Array;
  leadEnd: Int32Array;
  /** Tokens per document (for related-article scoring). */
  docLen: Float32Array;
  /** Tokens per field and document. */
  titleLen: Int32Array;
  leadLen: Int32Array;
  bodyLen: Int32Array;
  /**
   * BM25F length normalisation per field: 1 / (1 - b + b * length / mean length), with
   * the archive's mean lengths (see applyNorms).
   */
  titleNorm: Float32Array;
  leadNorm: Float32Array;
  bodyNorm: Float32Array;
  foldedStart: Int32Array;
  /** Document ids, 16-bit: a segment holds at most MAX_SEGMENT_DOCS documents. */
  foldedDocs: Uint16Array;
  /** Per posting: title count << 12 | lead count << 8 | body count (each saturating). */
  foldedTf: Uint16Array;
  /** Per posting, 2 bits (word-case.ts): whether the article says the term mid-sentence, and mostly capitalised. */
  foldedCase: Uint8Array;
  exactStart: Int32Array;
  exactDocs: Uint16Array;
  /** Documents that no longer count (replaced, removed): 1 = deleted. Null when none. */
  deleted: Uint8Array | null;
}

/** What ranking needs from the whole archive, beyond one segment. */
export interface SharedStats {
  /** Documents in the archive. */
  n: number;
  /** Archive-wide document frequency of each of this segment's folded terms. */
  df: Int32Array;
  /** Archive-wide count-min sketch of adjacent folded pairs (see pairDf). */
  pairs: PairSketch;
  /** Archive-wide document frequency of each exact term (spelling statistics; a marked query word's idf). */
  exactDf?: Int32Array;
  /** Archive-wide, by folded term (the archive's lexicon only): how many articles say it mid-sentence, and capitalise it (word-case.ts). */
  cases?: CaseCounts;
}

/**
 * A count-min sketch with two rows of 2^bits counters. The counters are bytes: almost every
 * pair is rare. A counter that reaches 255 keeps its count in `big` instead, so the estimates
 * are exactly those of 16-bit counters (saturating at 65535) in half the memory.
 */
export interface PairSketch {
  bits: number;
  a: Uint8Array;
  b: Uint8Array;
  /** Counts of the counters at 255, up to 65535: key = index in row a, or 2^bits + index in row b. */
  big: Map<number, number>;
}

/**
 * Where article d sits in folded term f's postings (sorted by article): its index, or -1 when the
 * article does not hold the term. A binary search, for a few articles of a term.
 */
export function foldedPostingOf(rank: Pick<RankIndex, "foldedStart" | "foldedDocs">, f: number, d: number): number {
  let lo = rank.foldedStart[f];
  let hi = rank.foldedStart[f + 1] - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rank.foldedDocs[mid] < d) lo = mid + 1;
    else hi = mid;
  }
  return lo <= hi && rank.foldedDocs[lo] === d ? lo : -1;
}

/** A byte counter at this value holds its count in `big`. */
const BIG = 255;
const MAX_COUNT = 65535;

export function readCounter(row: Uint8Array, big: Map<number, number>, i: number, key: number): number {
  const v = row[i];
  return v < BIG ? v : big.get(key)!;
}

/** Add or remove one from a counter; a saturated counter (65535) stays. */
export function bumpCounter(row: Uint8Array, big: Map<number, number>, i: number, key: number, sign: 1 | -1) {
  const v = row[i];
  if (v < BIG) {
    if (sign > 0) {
      row[i] = v + 1;
      if (v + 1 === BIG) big.set(key, BIG);
    } else if (v > 0) row[i] = v - 1;
    return;
  }
  const c = big.get(key)!;
  if (c >= MAX_COUNT) return;
  if (sign > 0) big.set(key, c + 1);
  else if (c - 1 < BIG) {
    big.delete(key);
    row[i] = c - 1;
  } else big.set(key, c - 1);
}

/** The sketch as typed arrays, to save; and back. */
export function sketchArrays(sketch: PairSketch): Record<string, Uint8Array | Uint32Array | Uint16Array> {
  const steps = sketchArraysSteps(sketch);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * `sketchArrays` in steps of `size` counters of `big` (millions at 1M articles), so a live
 * update's commit can yield to searches between steps. The sketch must not change meanwhile.
 */
export function* sketchArraysSteps(sketch: PairSketch, size = 1 << 16): Generator<void, Record<string, Uint8Array | Uint32Array | Uint16Array>, void> {
  const keys = new Uint32Array(sketch.big.size);
  const counts = new Uint16Array(sketch.big.size);
  let i = 0;
  for (const [key, count] of sketch.big) {
    keys[i] = key;
    counts[i++] = count;
    if (i % size === 0) yield;
  }
  return { a: sketch.a, b: sketch.b, bigKeys: keys, bigCounts: counts };
}

export function sketchFromArrays(bits: number, arrays: Record<string, unknown>): PairSketch | null {
  const { a, b, bigKeys, bigCounts } = arrays;
  const size = 1 << bits;
  if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array) || a.length !== size || b.length !== size) return null;
  if (!(bigKeys instanceof Uint32Array) || !(bigCounts instanceof Uint16Array) || bigKeys.length !== bigCounts.length) return null;
  const big = new Map<number, number>();
  bigKeys.forEach((k, i) => big.set(k, bigCounts[i]));
  return { bits, a, b, big };
}

/** FNV-1a of a string: stable across processes and segments. */
export function termHash(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function pairHashes(h1: number, h2: number, bits: number): [number, number] {
  const mask = (1 << bits) - 1;
  return [
    ((Math.imul(h1, 0x9e3779b1) ^ Math.imul(h2 + 1, 0x85ebca77)) >>> 0) & mask,
    ((Math.imul(h2, 0xc2b2ae3d) + Math.imul(h1 + 7, 0x27d4eb2f)) >>> 0) & mask,
  ];
}

/** Pairs counted by one segment's sketch of the pair with these term hashes. */
export function sketchCount(sketch: PairSketch, h1: number, h2: number): number {
  const [i, j] = pairHashes(h1, h2, sketch.bits);
  return Math.min(readCounter(sketch.a, sketch.big, i, i), readCounter(sketch.b, sketch.big, j, (1 << sketch.bits) + j));
}

/**
 * How many articles hold the folded pair f1 f2 (adjacent, in order), estimated from
 * count-min sketches: never below the truth, rarely much above it. Pairs like "tiền cho"
 * are far rarer than their syllables, and that rarity is what ranks them.
 */
export function pairDf(index: Pick<RankIndex, "shared" | "foldedHash">, f1: number, f2: number): number {
  return index.shared ? sketchCount(index.shared.pairs, index.foldedHash[f1], index.foldedHash[f2]) : 0;
}

/** Counters per sketch row: 2^23 keeps collisions rare up to millions of distinct pairs. */
export const SKETCH_BITS = 23;

export function emptySketch(bits = SKETCH_BITS): PairSketch {
  return { bits, a: new Uint8Array(1 << bits), b: new Uint8Array(1 << bits), big: new Map() };
}

/**
 * A set of pairs of small non-negative integers, emptied in constant time: the distinct
 * adjacent pairs of one document, without a Set of numbers (pair keys exceed 31 bits, so a
 * Set boxes every one of them).
 */
export class PairSet {
  private first = new Int32Array(1024);
  private second = new Int32Array(1024);
  /** A slot is filled when its stamp is the current one: `clear` only bumps `current`. */
  private stamp = new Uint32Array(1024);
  private current = 1;
  private count = 0;

  get size(): number {
    return this.count;
  }

  clear() {
    this.count = 0;
    if (++this.current === 0xffffffff) {
      this.stamp.fill(0);
      this.current = 1;
    }
  }

  /** Add (x, y); whether it was new. */
  add(x: number, y: number): boolean {
    if (this.count * 2 >= this.stamp.length) this.grow();
    const { first, second, stamp, current } = this;
    const mask = stamp.length - 1;
    let h = (Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 1, 0x85ebca77)) & mask;
    while (stamp[h] === current) {
      if (first[h] === x && second[h] === y) return false;
      h = (h + 1) & mask;
    }
    stamp[h] = current;
    first[h] = x;
    second[h] = y;
    this.count++;
    return true;
  }

  private grow() {
    const { first, second, stamp, current } = this;
    const size = stamp.length * 2;
    this.first = new Int32Array(size);
    this.second = new Int32Array(size);
    this.stamp = new Uint32Array(size);
    this.current = 1;
    this.count = 0;
    for (let i = 0; i < stamp.length; i++) if (stamp[i] === current) this.add(first[i], second[i]);
  }
}

/**
 * Add (sign 1) or remove (sign -1) the distinct adjacent folded pairs of document d to
 * a sketch, in the order they first occur. Removal undoes an addition exactly unless a
 * counter saturated.
 */
export function countPairs(sketch: PairSketch, index: RankIndex, d: number, sign: 1 | -1, seen = new PairSet()) {
  const { stream, docStart, foldedOf, foldedHash } = index;
  const { a, b, bits, big } = sketch;
  const size = 1 << bits;
  const mask = size - 1;
  seen.clear();
  let prev = -1;
  for (let i = docStart[d]; i < docStart[d + 1]; i++) {
    const e = tokenAt(stream, i);
    if (e < 0) {
      prev = -1;
      continue;
    }
    const f = foldedOf[e];
    if (prev >= 0 && seen.add(prev, f)) {
      // pairHashes, inlined: this runs for every token of every document added.
      const h1 = foldedHash[prev];
      const h2 = foldedHash[f];
      const i1 = ((Math.imul(h1, 0x9e3779b1) ^ Math.imul(h2 + 1, 0x85ebca77)) >>> 0) & mask;
      const i2 = ((Math.imul(h2, 0xc2b2ae3d) + Math.imul(h1 + 7, 0x27d4eb2f)) >>> 0) & mask;
      bumpCounter(a, big, i1, i1, sign);
      bumpCounter(b, big, i2, size + i2, sign);
    }
    prev = f;
  }
}

/** A growable Int32Array: a plain number[] of 20 M entries would cost far more heap. */
class IntBuffer {
  data = new Int32Array(1 << 20);
  length = 0;
  push(v: number) {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  /** The entries written, as a view (no copy of up to hundreds of MB): the buffer's last use. */
  toArray(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** The same, of bytes. */
class ByteBuffer {
  data = new Uint8Array(1 << 20);
  length = 0;
  push(v: number) {
    if (this.length === this.data.length) {
      const next = new Uint8Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  toArray(): Uint8Array {
    return this.data.subarray(0, this.length);
  }
}

/** Build the index of `articles` (title, lead = first paragraph, body = the rest). */
export function buildRankIndex(articles: readonly Article[]): RankIndex {
  const writer = new RankIndexWriter();
  for (const a of articles) writer.add(a);
  return writer.finish();
}

/**
 * Builds one segment article by article (so a caller can yield between articles), then
 * turns the token stream into posting lists in `finish`.
 */
export class RankIndexWriter {
  private readonly exactId = new Map<string, number>();
  private readonly exactTerm: string[] = [];
  private readonly foldedOfList: number[] = [];
  private readonly foldedId = new Map<string, number>();
  private readonly foldedTerm: string[] = [];
  private readonly stream = new IntBuffer();
  /** Each stream slot's case (word-case.ts caseAt; 0 for a BREAK). */
  private readonly cases = new ByteBuffer();
  private readonly ids: string[] = [];
  private readonly starts: number[] = [];
  private readonly titleEnds: number[] = [];
  private readonly leadEnds: number[] = [];
  /** Term id of each spelling as written (before normalising), for this segment. */
  private readonly rawId = new Map<string, number>();
  /** The analyzer's word pattern, with this writer's own `lastIndex`. */
  private readonly words = new RegExp(WORD.source, WORD.flags);

  /** Tokens written so far: a measure of the segment's memory. */
  get tokens(): number {
    return this.stream.length;
  }

  get docs(): number {
    return this.ids.length;
  }

  /** A full segment takes no more documents: finish it and start another. */
  get full(): boolean {
    return this.ids.length >= MAX_SEGMENT_DOCS;
  }

  add(a: Article) {
    if (this.full) throw new Error(`a segment holds at most ${MAX_SEGMENT_DOCS} documents`);
    this.ids.push(a.id);
    this.starts.push(this.stream.length);
    this.addText(a.title);
    this.titleEnds.push(this.stream.length);
    this.addText(a.paragraphs[0] ?? "");
    this.leadEnds.push(this.stream.length);
    for (let i = 1; i < a.paragraphs.length; i++) this.addText(a.paragraphs[i]);
    // Image captions describe the article: searchable, at the body's (lowest) weight.
    for (const c of a.captions ?? []) this.addText(c);
  }

  private idOf(term: string, folded: string): number {
    let e = this.exactId.get(term);
    if (e === undefined) {
      e = this.exactTerm.length;
      this.exactId.set(term, e);
      this.exactTerm.push(term);
      let f = this.foldedId.get(folded);
      if (f === undefined) {
        f = this.foldedTerm.length;
        this.foldedId.set(folded, f);
        this.foldedTerm.push(folded);
      }
      this.foldedOfList.push(f);
    }
    return e;
  }

  /**
   * The tokens of `text` as `tokenize` gives them, with a BREAK before each that does not
   * join the previous one. Each spelling as written is looked up once per segment: the
   * normal forms and the term id are found in one map lookup rather than three.
   */
  private addText(text: string) {
    const words = this.words;
    words.lastIndex = 0;
    let prevEnd = -1;
    for (let m = words.exec(text); m; m = words.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      const cut = yearRangeCut(text, start, end);
      if (cut < 0) this.addWord(text, start, end, m[0], prevEnd);
      else {
        this.addWord(text, start, cut - 1, text.slice(start, cut - 1), prevEnd);
        this.addWord(text, cut, end, text.slice(cut, end), cut - 1);
      }
      prevEnd = end;
    }
  }

  private addWord(text: string, start: number, end: number, raw: string, prevEnd: number) {
    if (prevEnd < 0 || !joinsAt(text, prevEnd, start)) {
      this.stream.push(BREAK);
      this.cases.push(0);
    }
    // A range's two-digit year (the 17 of 2016-17) is read in full: not a spelling to cache.
    const year = raw.length === 2 ? yearRangeTerm(text, start, end) : undefined;
    let e = year === undefined ? this.rawId.get(raw) : this.idOf(year, year);
    if (e === undefined) {
      const term = normalize(raw);
      e = this.idOf(term, fold(term));
      this.rawId.set(raw, e);
    }
    this.stream.push(e);
    this.cases.push(caseAt(text, start));
  }

  finish(): RankIndex {
    const n = this.ids.length;
    let stream = this.stream.toArray();
    let exactTerm = this.exactTerm;
    let foldedOf = this.foldedOfList;
    // Too many terms for 16 bits: number them by frequency, so only the rarest are escaped.
    if (exactTerm.length > ESCAPE) ({ stream, exactTerm, foldedOf } = byFrequency(stream, exactTerm, foldedOf));
    const docStart = Int32Array.from([...this.starts, stream.length]);
    return rankIndexFromParts({
      ids: this.ids,
      exactTerm,
      foldedTerm: this.foldedTerm,
      foldedOf: Int32Array.from(foldedOf),
      stream: packStream(stream),
      docStart,
      titleEnd: Int32Array.from(this.titleEnds),
      leadEnd: Int32Array.from(this.leadEnds),
      ...derivedArrays(n, stream, this.cases.toArray(), docStart, this.titleEnds, this.leadEnds, foldedOf, this.foldedTerm.length, exactTerm.length),
    });
  }
}

/** Exact ids renumbered by occurrences (most frequent first, ties in first-seen order). */
function byFrequency(stream: Int32Array, exactTerm: string[], foldedOf: number[]) {
  const count = new Float64Array(exactTerm.length);
  for (let i = 0; i < stream.length; i++) if (stream[i] >= 0) count[stream[i]]++;
  const order = Array.from(exactTerm, (_, e) => e).sort((a, b) => count[b] - count[a] || a - b);
  const renumber = new Int32Array(exactTerm.length);
  order.forEach((e, r) => (renumber[e] = r));
  for (let i = 0; i < stream.length; i++) if (stream[i] >= 0) stream[i] = renumber[stream[i]];
  return { stream, exactTerm: order.map((e) => exactTerm[e]), foldedOf: order.map((e) => foldedOf[e]) };
}

/** What a segment saves: every array that is costly to rebuild, and the term lists. */
export interface RankIndexParts {
  ids: string[];
  exactTerm: string[];
  foldedTerm: string[];
  foldedOf: Int32Array;
  commonExact: Int32Array;
  stream: TokenStream;
  docStart: Int32Array;
  titleEnd: Int32Array;
  leadEnd: Int32Array;
  titleLen: Int32Array;
  leadLen: Int32Array;
  bodyLen: Int32Array;
  foldedStart: Int32Array;
  foldedDocs: Uint16Array;
  foldedTf: Uint16Array;
  foldedCase: Uint8Array;
  exactStart: Int32Array;
  exactDocs: Uint16Array;
}

/** The typed arrays of RankIndexParts, by name: what the segment file stores (with the stream's three). */
export const SAVED_ARRAYS = [
  "foldedOf",
  "commonExact",
  "docStart",
  "titleEnd",
  "leadEnd",
  "titleLen",
  "leadLen",
  "bodyLen",
  "foldedStart",
  "foldedDocs",
  "foldedTf",
  "foldedCase",
  "exactStart",
  "exactDocs",
] as const;

/** Field lengths, posting lists and the common spelling of each term, from the stream. */
function derivedArrays(
  n: number,
  tokens: Int32Array,
  cases: Uint8Array,
  docStart: Int32Array,
  titleEnds: number[],
  leadEnds: number[],
  foldedOfList: number[],
  foldedCount: number,
  exactCount: number,
) {
  const titleEnd = Int32Array.from(titleEnds);
  const leadEnd = Int32Array.from(leadEnds);
  const foldedOf = Int32Array.from(foldedOfList);
  const count = (from: number, to: number) => {
    let len = 0;
    for (let i = from; i < to; i++) if (tokens[i] >= 0) len++;
    return len;
  };
  const titleLen = new Int32Array(n);
  const leadLen = new Int32Array(n);
  const bodyLen = new Int32Array(n);
  for (let d = 0; d < n; d++) {
    titleLen[d] = count(docStart[d], titleEnd[d]);
    leadLen[d] = count(titleEnd[d], leadEnd[d]);
    bodyLen[d] = count(leadEnd[d], docStart[d + 1]);
  }
  const folded = buildPostings(tokens, docStart, titleEnd, leadEnd, foldedOf, foldedCount, true);
  const foldedCase = postingCases(tokens, cases, docStart, foldedOf, folded);
  const exact = buildPostings(tokens, docStart, titleEnd, leadEnd, null, exactCount, false);

  // The most frequent spelling of each folded term: exact terms by document frequency.
  const commonExact = new Int32Array(foldedCount).fill(-1);
  for (let e = 0; e < exactCount; e++) {
    const f = foldedOf[e];
    const best = commonExact[f];
    const df = exact.start[e + 1] - exact.start[e];
    if (best < 0 || df > exact.start[best + 1] - exact.start[best]) commonExact[f] = e;
  }
  return {
    commonExact,
    titleLen,
    leadLen,
    bodyLen,
    foldedStart: folded.start,
    foldedDocs: folded.docs,
    foldedTf: folded.tf,
    foldedCase,
    exactStart: exact.start,
    exactDocs: exact.docs,
  };
}

/**
 * A searchable index from its saved parts: the term maps are rebuilt (cheap: tens of
 * thousands of terms), the big arrays are used as they are.
 */
export function rankIndexFromParts(parts: RankIndexParts): RankIndex {
  const n = parts.ids.length;
  const docLen = new Float32Array(n);
  for (let d = 0; d < n; d++) docLen[d] = parts.titleLen[d] + parts.leadLen[d] + parts.bodyLen[d];
  const index: RankIndex = {
    ...parts,
    n,
    exactId: new Map(parts.exactTerm.map((t, e) => [t, e])),
    foldedId: new Map(parts.foldedTerm.map((t, f) => [t, f])),
    docLen,
    titleNorm: new Float32Array(n),
    leadNorm: new Float32Array(n),
    bodyNorm: new Float32Array(n),
    foldedHash: Uint32Array.from(parts.foldedTerm, termHash),
    shared: null,
    deleted: null,
  };
  applyNorms(index, meanLengths([index]));
  return index;
}

/** Mean field lengths over the live documents of some segments. */
export function meanLengths(indexes: readonly RankIndex[]): MeanLengths {
  let docs = 0;
  let title = 0;
  let lead = 0;
  let body = 0;
  for (const index of indexes) {
    for (let d = 0; d < index.n; d++) {
      if (index.deleted?.[d]) continue;
      docs++;
      title += index.titleLen[d];
      lead += index.leadLen[d];
      body += index.bodyLen[d];
    }
  }
  const k = docs || 1;
  return { title: title / k, lead: lead / k, body: body / k };
}

/** Posting lists in CSR form, by two passes over the stream (count, then fill). */
function buildPostings(
  tokens: Int32Array,
  docStart: Int32Array,
  titleEnd: Int32Array,
  leadEnd: Int32Array,
  mapId: Int32Array | null,
  size: number,
  withTf: boolean,
) {
  const n = titleEnd.length;
  const lastDoc = new Int32Array(size).fill(-1);
  const start = new Int32Array(size + 1);
  for (let d = 0; d < n; d++) {
    for (let i = docStart[d]; i < docStart[d + 1]; i++) {
      const e = tokens[i];
      if (e < 0) continue;
      const t = mapId ? mapId[e] : e;
      if (lastDoc[t] !== d) {
        lastDoc[t] = d;
        start[t + 1]++;
      }
    }
  }
  for (let t = 0; t < size; t++) start[t + 1] += start[t];
  const docs = new Uint16Array(start[size]);
  const tf = new Uint16Array(withTf ? start[size] : 0);
  const cursor = start.slice(0, size);
  lastDoc.fill(-1);
  for (let d = 0; d < n; d++) {
    for (let i = docStart[d]; i < docStart[d + 1]; i++) {
      const e = tokens[i];
      if (e < 0) continue;
      const t = mapId ? mapId[e] : e;
      if (lastDoc[t] !== d) {
        lastDoc[t] = d;
        docs[cursor[t]++] = d;
      }
      if (withTf) {
        const p = cursor[t] - 1;
        const v = tf[p];
        if (i < titleEnd[d]) {
          if (v >> 12 < 15) tf[p] = v + (1 << 12);
        } else if (i < leadEnd[d]) {
          if (((v >> 8) & 15) < 15) tf[p] = v + (1 << 8);
        } else if ((v & 255) < 255) tf[p] = v + 1;
      }
    }
  }
  return { start, docs, tf };
}

/**
 * Each folded posting's case code (word-case.ts postingCase): the article's mid-sentence
 * occurrences of the term, counted in lower case and capitalised.
 */
function postingCases(tokens: Int32Array, cases: Uint8Array, docStart: Int32Array, foldedOf: Int32Array, postings: { start: Int32Array; docs: Uint16Array }) {
  const out = new Uint8Array(packedCaseLength(postings.docs.length));
  const size = postings.start.length - 1;
  const lower = new Int32Array(size);
  const capital = new Int32Array(size);
  const lastDoc = new Int32Array(size).fill(-1);
  // The next posting of each term: a term's postings are in document order, as the documents are read.
  const cursor = postings.start.slice(0, size);
  const seen: number[] = [];
  for (let d = 0; d + 1 < docStart.length; d++) {
    for (let i = docStart[d]; i < docStart[d + 1]; i++) {
      const e = tokens[i];
      if (e < 0) continue;
      const f = foldedOf[e];
      if (lastDoc[f] !== d) {
        lastDoc[f] = d;
        lower[f] = 0;
        capital[f] = 0;
        seen.push(f);
      }
      if (cases[i] === CASE_LOWER) lower[f]++;
      else if (cases[i] === CASE_CAPITAL) capital[f]++;
    }
    for (const f of seen) setCase(out, cursor[f]++, postingCase(lower[f], capital[f]));
    seen.length = 0;
  }
  return out;
}

/** Mean field lengths, over the archive's live documents. */
export interface MeanLengths {
  title: number;
  lead: number;
  body: number;
}

/** BM25 length normalisation (b = 0.75) of every field, against the archive's mean lengths. */
export function applyNorms(index: RankIndex, mean: MeanLengths) {
  const norm = (lengths: Int32Array, out: Float32Array, avg: number) => {
    const a = avg || 1;
    for (let d = 0; d < lengths.length; d++) out[d] = 1 / (0.25 + (0.75 * lengths[d]) / a);
  };
  norm(index.titleLen, index.titleNorm, mean.title);
  norm(index.leadLen, index.leadNorm, mean.lead);
  norm(index.bodyLen, index.bodyNorm, mean.body);
}

/** Field counts of a packed posting tf. */
export function fieldCounts(packed: number): { title: number; lead: number; body: number } {
  return { title: packed >> 12, lead: (packed >> 8) & 15, body: packed & 255 };
}

/**
 * Where folded term f's postings reach document `limit`: the first posting of an article at
 * or after it (a term's postings are in document order). `limit` ≥ n: the term's end.
 */
export function postingsBelow(index: Pick<RankIndex, "n" | "foldedStart" | "foldedDocs">, f: number, limit: number): number {
  let lo = index.foldedStart[f];
  let hi = index.foldedStart[f + 1];
  if (limit >= index.n) return hi;
  const docs = index.foldedDocs;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Postings of the groups' folded terms in the segment's articles numbered below `limit`. */
export function postingsUpTo(
  index: Pick<RankIndex, "n" | "foldedStart" | "foldedDocs">,
  groups: readonly { terms: readonly { f: number }[] }[],
  limit: number,
): number {
  let cost = 0;
  for (const g of groups) for (const t of g.terms) cost += postingsBelow(index, t.f, limit) - index.foldedStart[t.f];
  return cost;
}

/** Document frequency of a folded term id, archive-wide when the index is one segment of several. */
export function foldedDf(index: { shared: SharedStats | null; foldedStart?: Int32Array }, f: number): number {
  if (index.shared) return index.shared.df[f];
  return index.foldedStart ? index.foldedStart[f + 1] - index.foldedStart[f] : 0;
}

/** Documents in the archive (all segments). */
export function archiveSize(index: { shared: SharedStats | null; n?: number }): number {
  return index.shared ? index.shared.n : (index.n ?? 0);
}
