// Per-article Bloom filters of adjacent folded syllable pairs, built from a segment's token
// stream: when a segment is saved (and kept in its file, so a restart maps it instead of
// building it again), or when a segment that has none is first searched. They tell the
// top-k selection that an article cannot hold a query's adjacent pair, so its pair and
// title-compound features are bounded by 0 instead of by its word counts: for queries of
// common syllables this is what lets pruning skip most candidates (see lib/search/topk.ts).
import { ESCAPE, tokenAt, type RankIndex } from "@/lib/search/rank-index";

/** Filter bits per adjacent pair occurrence (repeated pairs make the real share per distinct pair higher). */
const BITS_PER_PAIR = 8;

export interface PairFilter {
  /** Article d's bits are words start[d] .. start[d + 1] of `bits`. */
  start: Int32Array;
  bits: Uint32Array;
}

const filters = new WeakMap<RankIndex, PairFilter>();

/** The segment's filter, built once (a pass over its stream). */
export function pairFilter(index: RankIndex): PairFilter {
  let f = filters.get(index);
  if (!f) filters.set(index, (f = buildPairFilter(index)));
  return f;
}

/**
 * Give a segment the filter saved with it. Refused (false) unless it has one entry per
 * article: the segment then builds its own when first searched.
 */
export function adoptPairFilter(index: RankIndex, filter: PairFilter): boolean {
  if (filter.start.length !== index.n + 1 || filter.start[index.n] !== filter.bits.length) return false;
  filters.set(index, filter);
  return true;
}

/** First and second hash of a folded pair: bit positions are h % size and (h + g) % size. */
const hashOf = (h1: number, h2: number) => Math.imul(h1 ^ Math.imul(h2, 0x9e3779b1), 0x85ebca77) >>> 0;
const stepOf = (h1: number, h2: number) => (Math.imul(h2 ^ Math.imul(h1 + 0x6a09e667, 0xc2b2ae3d), 0x27d4eb2f) | 1) >>> 0;

export function buildPairFilter(index: RankIndex): PairFilter {
  const { stream, docStart, foldedOf, foldedHash, n } = index;
  // tokenAt inlined for the common case: an id below ESCAPE is the id itself (imported
  // bindings are read through getters: copied to locals for the loops over every token).
  const low = stream.low;
  const escape = ESCAPE;
  const decode = tokenAt;
  const token = (i: number) => (low[i] < escape ? low[i] : decode(stream, i));
  const start = new Int32Array(n + 1);
  for (let d = 0; d < n; d++) {
    let pairs = 0;
    for (let i = docStart[d] + 1; i < docStart[d + 1]; i++) if ((token(i) | token(i - 1)) >= 0) pairs++;
    start[d + 1] = start[d] + Math.max(1, Math.ceil((pairs * BITS_PER_PAIR) / 32));
  }
  const bits = new Uint32Array(start[n]);
  for (let d = 0; d < n; d++) {
    const at = start[d];
    const size = (start[d + 1] - at) * 32;
    let prev = -1;
    for (let i = docStart[d]; i < docStart[d + 1]; i++) {
      const e = token(i);
      if (e < 0) {
        prev = -1;
        continue;
      }
      const h2 = foldedHash[foldedOf[e]];
      if (prev >= 0) {
        const x = hashOf(prev, h2);
        const p = x % size;
        const q = (x + stepOf(prev, h2)) % size;
        bits[at + (p >>> 5)] |= 1 << (p & 31);
        bits[at + (q >>> 5)] |= 1 << (q & 31);
      }
      prev = h2;
    }
  }
  return { start, bits };
}

/** Whether article d may hold the folded pair with these term hashes adjacent (false: certainly not). */
export function mayHold(filter: PairFilter, d: number, h1: number, h2: number): boolean {
  return mayHoldAny(filter, d, pairProbes([[h1, h2]]));
}

/**
 * Several pairs' hashes packed for mayHoldAny, computed once for probing many articles: x then
 * step of each pair, as unsigned 32-bit integers (their remainders stay integer operations).
 */
export function pairProbes(pairs: readonly (readonly [number, number])[]): Uint32Array {
  const out = new Uint32Array(2 * pairs.length);
  pairs.forEach(([h1, h2], i) => {
    out[2 * i] = hashOf(h1, h2);
    out[2 * i + 1] = stepOf(h1, h2);
  });
  return out;
}

/**
 * Whether article d may hold any of the packed pairs (pairProbes), the article's bits located
 * once. The second bit position is (x + step) % size taken as (x % size + step % size) % size:
 * the same number, in integers below 2^32.
 */
export function mayHoldAny(filter: PairFilter, d: number, probes: Uint32Array): boolean {
  const at = filter.start[d];
  // Every operand kept unsigned 32-bit (>>> 0): the remainders compile to integer division,
  // not to a floating-point remainder.
  const size = ((filter.start[d + 1] - at) << 5) >>> 0;
  const bits = filter.bits;
  for (let i = 0; i < probes.length; i += 2) {
    const p = (probes[i] % size) >>> 0;
    if ((bits[at + (p >>> 5)] & (1 << (p & 31))) === 0) continue;
    const q = ((p + ((probes[i + 1] % size) >>> 0)) % size) >>> 0;
    if ((bits[at + (q >>> 5)] & (1 << (q & 31))) !== 0) return true;
  }
  return false;
}
