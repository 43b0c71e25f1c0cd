// The search index, built once per process: compact typed arrays rather than a Map
// per term, because the 35k corpus holds ~20 M tokens.
//
// - A positional "stream" of every article's exact term ids (title, lead, body, with a
//   break marker wherever a phrase cannot continue). Adjacent syllable pairs and quoted
//   phrases are scored from it, so pairs never need a posting list of their own.
// - Posting lists (CSR layout) per folded term (with a field-weighted term frequency)
//   and per exact term (for the "typed with marks" tier and exclusions).
// - A radix tree of the folded vocabulary for prefix and typo lookups.
import SearchableMap from "minisearch/SearchableMap";
import type { Article } from "@/lib/corpus/types";
import { joins, tokenize } from "@/lib/text/analyzer";

/** Stream marker: the next token does not continue a phrase. */
export const BREAK = -1;

/** How much one occurrence counts in each field (title > lead > body). */
export const FIELD_WEIGHT = { title: 5, lead: 2, body: 1 } as const;

export interface RankIndex {
  /** Number of articles; documents are numbered 0..n-1 in input order. */
  n: number;
  ids: string[];
  docOf: Map<string, number>;
  exactId: Map<string, number>;
  exactTerm: string[];
  /** exact id → folded id */
  foldedOf: Int32Array;
  foldedId: Map<string, number>;
  foldedTerm: string[];
  /** folded id → its most frequent exact spelling (for suggestions). */
  commonExact: Int32Array;
  stream: Int32Array;
  /** Stream offsets: doc d spans docStart[d]..docStart[d+1]; title ends at titleEnd[d], lead at leadEnd[d]. */
  docStart: Int32Array;
  titleEnd: Int32Array;
  leadEnd: Int32Array;
  /** Tokens per document (for related-article scoring). */
  docLen: Float32Array;
  /** BM25F length normalisation per field: 1 / (1 - b + b * length / mean length). */
  titleNorm: Float32Array;
  leadNorm: Float32Array;
  bodyNorm: Float32Array;
  foldedStart: Int32Array;
  foldedDocs: Int32Array;
  /** Per posting: title count << 12 | lead count << 8 | body count (each saturating). */
  foldedTf: Uint16Array;
  exactStart: Int32Array;
  exactDocs: Int32Array;
  /** Folded vocabulary → folded id. */
  vocab: SearchableMap<number>;
  /** Count-min sketch of adjacent folded pair document frequencies (see pairDf). */
  pairSketch: [Uint16Array, Uint16Array];
}

const SKETCH_BITS = 23;
const SKETCH_MASK = (1 << SKETCH_BITS) - 1;

function pairHashes(f1: number, f2: number): [number, number] {
  return [
    ((Math.imul(f1, 0x9e3779b1) ^ Math.imul(f2 + 1, 0x85ebca77)) >>> 0) & SKETCH_MASK,
    ((Math.imul(f2, 0xc2b2ae3d) + Math.imul(f1 + 7, 0x27d4eb2f)) >>> 0) & SKETCH_MASK,
  ];
}

/**
 * How many articles hold the folded pair f1 f2 (adjacent, in order), estimated from a
 * count-min sketch: never below the truth, rarely much above it. Pairs like "tiền cho"
 * are far rarer than their syllables, and that rarity is what ranks them.
 */
export function pairDf(index: RankIndex, f1: number, f2: number): number {
  const [h1, h2] = pairHashes(f1, f2);
  return Math.min(index.pairSketch[0][h1], index.pairSketch[1][h2]);
}

/** Document frequencies of every adjacent folded pair, into a count-min sketch. */
function buildPairSketch(tokens: Int32Array, docStart: Int32Array, foldedOf: Int32Array): [Uint16Array, Uint16Array] {
  const a = new Uint16Array(1 << SKETCH_BITS);
  const b = new Uint16Array(1 << SKETCH_BITS);
  const seen = new Set<number>();
  for (let d = 0; d + 1 < docStart.length; d++) {
    seen.clear();
    let prev = -1;
    for (let i = docStart[d]; i < docStart[d + 1]; i++) {
      const e = tokens[i];
      if (e < 0) {
        prev = -1;
        continue;
      }
      const f = foldedOf[e];
      if (prev >= 0) {
        const key = prev * 2 ** 21 + f;
        if (!seen.has(key)) {
          seen.add(key);
          const [h1, h2] = pairHashes(prev, f);
          if (a[h1] < 65535) a[h1]++;
          if (b[h2] < 65535) b[h2]++;
        }
      }
      prev = f;
    }
  }
  return [a, b];
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
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Build the index of `articles` (title, lead = first paragraph, body = the rest). */
export function buildRankIndex(articles: Article[]): RankIndex {
  const exactId = new Map<string, number>();
  const exactTerm: string[] = [];
  const foldedOfList: number[] = [];
  const foldedId = new Map<string, number>();
  const foldedTerm: string[] = [];
  const stream = new IntBuffer();
  const n = articles.length;
  const docStart = new Int32Array(n + 1);
  const titleEnd = new Int32Array(n);
  const leadEnd = new Int32Array(n);
  const docLen = new Float32Array(n);

  const idOf = (term: string, folded: string): number => {
    let e = exactId.get(term);
    if (e === undefined) {
      e = exactTerm.length;
      exactId.set(term, e);
      exactTerm.push(term);
      let f = foldedId.get(folded);
      if (f === undefined) {
        f = foldedTerm.length;
        foldedId.set(folded, f);
        foldedTerm.push(folded);
      }
      foldedOfList.push(f);
    }
    return e;
  };
  const addText = (text: string) => {
    let prev = null;
    for (const t of tokenize(text)) {
      if (!prev || !joins(text, prev, t)) stream.push(BREAK);
      stream.push(idOf(t.term, t.folded));
      prev = t;
    }
  };

  articles.forEach((a, d) => {
    docStart[d] = stream.length;
    addText(a.title);
    titleEnd[d] = stream.length;
    addText(a.paragraphs[0] ?? "");
    leadEnd[d] = stream.length;
    for (const p of a.paragraphs.slice(1)) addText(p);
    // Image captions describe the article: searchable, at the body's (lowest) weight.
    for (const c of a.captions ?? []) addText(c);
  });
  docStart[n] = stream.length;
  const tokens = stream.toArray();
  const foldedOf = Int32Array.from(foldedOfList);

  const count = (from: number, to: number) => {
    let len = 0;
    for (let i = from; i < to; i++) if (tokens[i] >= 0) len++;
    return len;
  };
  const lens = { title: new Float32Array(n), lead: new Float32Array(n), body: new Float32Array(n) };
  for (let d = 0; d < n; d++) {
    lens.title[d] = count(docStart[d], titleEnd[d]);
    lens.lead[d] = count(titleEnd[d], leadEnd[d]);
    lens.body[d] = count(leadEnd[d], docStart[d + 1]);
    docLen[d] = lens.title[d] + lens.lead[d] + lens.body[d];
  }

  const folded = buildPostings(tokens, docStart, titleEnd, leadEnd, foldedOf, foldedTerm.length, true);
  const exact = buildPostings(tokens, docStart, titleEnd, leadEnd, null, exactTerm.length, false);

  // The most frequent spelling of each folded term: exact terms by document frequency.
  const commonExact = new Int32Array(foldedTerm.length).fill(-1);
  for (let e = 0; e < exactTerm.length; e++) {
    const f = foldedOf[e];
    const best = commonExact[f];
    const df = exact.start[e + 1] - exact.start[e];
    if (best < 0 || df > exact.start[best + 1] - exact.start[best]) commonExact[f] = e;
  }

  const vocab = new SearchableMap<number>();
  foldedTerm.forEach((t, f) => vocab.set(t, f));

  return {
    n,
    ids: articles.map((a) => a.id),
    docOf: new Map(articles.map((a, d) => [a.id, d])),
    exactId,
    exactTerm,
    foldedOf,
    foldedId,
    foldedTerm,
    commonExact,
    stream: tokens,
    docStart,
    titleEnd,
    leadEnd,
    docLen,
    titleNorm: lengthNorm(lens.title),
    leadNorm: lengthNorm(lens.lead),
    bodyNorm: lengthNorm(lens.body),
    foldedStart: folded.start,
    foldedDocs: folded.docs,
    foldedTf: folded.tf,
    exactStart: exact.start,
    exactDocs: exact.docs,
    vocab,
    pairSketch: buildPairSketch(tokens, docStart, foldedOf),
  };
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
  const docs = new Int32Array(start[size]);
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

/** BM25 length normalisation (b = 0.75) of one field. */
function lengthNorm(lengths: Float32Array): Float32Array {
  let total = 0;
  for (const l of lengths) total += l;
  const avg = total / (lengths.length || 1) || 1;
  return lengths.map((l) => 1 / (0.25 + (0.75 * l) / avg));
}

/** Field counts of a packed posting tf. */
export function fieldCounts(packed: number): { title: number; lead: number; body: number } {
  return { title: packed >> 12, lead: (packed >> 8) & 15, body: packed & 255 };
}

/** Document frequency of a folded term id. */
export function foldedDf(index: RankIndex, f: number): number {
  return index.foldedStart[f + 1] - index.foldedStart[f];
}

/** Document frequency of an exact term id. */
export function exactDf(index: RankIndex, e: number): number {
  return index.exactStart[e + 1] - index.exactStart[e];
}
