// A story signature: a MinHash sketch of an article's word shingles, small enough to keep
// as a column of every segment (SLOTS 16-bit values per article). Two signatures agree in
// about the share of slots that equals the Jaccard resemblance of the two shingle sets, so
// copies of one text agree almost everywhere and reports of one event in many places.
//
// One-permutation hashing (Li, Owen & Zhang 2012): each shingle is hashed once and falls in
// one slot, which keeps its smallest value; empty slots borrow from the next filled one
// (rotation densification, Shrivastava & Li 2014). Values are cut to 16 bits (b-bit MinHash:
// two different minima agree by chance once in 65,535).
import type { Article } from "@/lib/corpus/types";
import { normalize } from "@/lib/text/analyzer";

/** Slots per signature (a power of two). */
export const SLOTS = 64;
/** Values stored per article: the slots, then how many shingles the text has (capped at 65,535). */
export const STRIDE = SLOTS + 1;
const SLOT_BITS = 6;
/** Syllables per shingle: three Vietnamese syllables are about a word and a half. */
export const SHINGLE = 3;
/** The value of every slot of an article without a single shingle: it resembles nothing. */
export const EMPTY = 0xffff;
/** Offset added per slot a borrowed value travels, so borrowed slots rarely agree by chance. */
const BORROW_STEP = 0x9e37;

const SYLLABLE = /[\p{L}\p{M}\p{N}]+/gu;

/** The text a signature is taken from: the title and the article's own paragraphs. */
export function signatureText(article: Pick<Article, "title" | "paragraphs">): string {
  return [article.title, ...article.paragraphs].join("\n");
}

/** FNV-1a of a syllable. */
function syllableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// A syllable's hash by its spelling as written: distinct spellings are few next to the
// syllables of an archive, and each is normalised and hashed once.
const hashCache = new Map<string, number>();
const CACHE_LIMIT = 500_000;

function writtenSyllableHash(written: string): number {
  let h = hashCache.get(written);
  if (h === undefined) {
    h = syllableHash(normalize(written));
    if (hashCache.size >= CACHE_LIMIT) hashCache.clear();
    hashCache.set(written, h);
  }
  return h;
}

export function mix(h: number): number {
  // murmur3's finaliser: every input bit reaches every output bit.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Write the signature of `text` into `out` (STRIDE values from `at`). */
export function writeSignature(text: string, out: Uint16Array, at = 0) {
  const mins = new Uint32Array(SLOTS).fill(0xffffffff);
  const filled = new Uint8Array(SLOTS);
  // The last SHINGLE (3) syllable hashes, oldest first.
  let w0 = 0;
  let w1 = 0;
  let seen = 0;
  let count = 0;
  SYLLABLE.lastIndex = 0;
  for (let m = SYLLABLE.exec(text); m; m = SYLLABLE.exec(text)) {
    const w2 = writtenSyllableHash(m[0]);
    if (++seen < SHINGLE) {
      w0 = w1;
      w1 = w2;
      continue;
    }
    let h = 0x811c9dc5;
    h = mix(Math.imul(h ^ w0, 0x01000193));
    h = mix(Math.imul(h ^ w1, 0x01000193));
    h = mix(Math.imul(h ^ w2, 0x01000193));
    w0 = w1;
    w1 = w2;
    const slot = h & (SLOTS - 1);
    const value = h >>> SLOT_BITS;
    if (value < mins[slot]) mins[slot] = value;
    filled[slot] = 1;
    count++;
  }
  out[at + SLOTS] = Math.min(count, 0xffff);
  for (let s = 0; s < SLOTS; s++) {
    if (!count) {
      out[at + s] = EMPTY;
      continue;
    }
    let from = s;
    let step = 0;
    while (!filled[from]) {
      from = (from + 1) & (SLOTS - 1);
      step++;
    }
    // 16 bits of the minimum, never EMPTY.
    out[at + s] = (mins[from] + step * BORROW_STEP) % 0xffff;
  }
}

/** The signature of one article. */
export function storySignature(article: Pick<Article, "title" | "paragraphs">): Uint16Array {
  const out = new Uint16Array(STRIDE);
  writeSignature(signatureText(article), out);
  return out;
}

/** Estimated resemblance (Jaccard of shingle sets, 0–1) of the signatures at `a` and `b`. */
export function resemblance(sigsA: Uint16Array, a: number, sigsB: Uint16Array, b: number): number {
  if (sigsA[a] === EMPTY || sigsB[b] === EMPTY) return 0;
  let same = 0;
  for (let s = 0; s < SLOTS; s++) if (sigsA[a + s] === sigsB[b + s]) same++;
  return same / SLOTS;
}
