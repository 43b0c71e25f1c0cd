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
import { nextLetterRun, type Span } from "@/lib/text/word-scan";

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

/**
 * Each spelling's hash (`syllableHash(normalize(spelling))`), looked up by the spelling's place
 * in a text: distinct spellings are few next to the syllables of an archive, and a lookup
 * neither cuts the spelling out of the text nor hashes a new string, which a Map keyed by
 * the spelling did (most of a build's signature time). Open addressing on the spelling's own
 * FNV-1a hash; a slot matches only when its spelling has the same code units.
 */
export class SpellingHashes {
  private bits = 12;
  private spellings: (string | undefined)[] = new Array(1 << this.bits);
  private raw = new Int32Array(1 << this.bits);
  private hashes = new Uint32Array(1 << this.bits);
  private count = 0;

  constructor(private readonly limit = 500_000) {}

  /** The hash of the spelling `text.slice(start, end)`, whose FNV-1a hash is `raw`. */
  get(text: string, start: number, end: number, raw: number): number {
    const mask = (1 << this.bits) - 1;
    for (let at = raw & mask; ; at = (at + 1) & mask) {
      const s = this.spellings[at];
      if (s === undefined) break;
      if (this.raw[at] === raw && sameUnits(s, text, start, end)) return this.hashes[at];
    }
    const spelling = text.slice(start, end);
    const h = syllableHash(normalize(spelling));
    if (this.count >= this.limit) this.clear();
    if (2 * (this.count + 1) > 1 << this.bits) this.grow();
    this.put(spelling, raw, h);
    return h;
  }

  /** How many spellings are kept (for tests). */
  get size(): number {
    return this.count;
  }

  private put(spelling: string, raw: number, h: number) {
    const mask = (1 << this.bits) - 1;
    let at = raw & mask;
    while (this.spellings[at] !== undefined) at = (at + 1) & mask;
    this.spellings[at] = spelling;
    this.raw[at] = raw;
    this.hashes[at] = h;
    this.count++;
  }

  private grow() {
    const { spellings, raw, hashes } = this;
    this.bits++;
    this.reset();
    for (let i = 0; i < spellings.length; i++) if (spellings[i] !== undefined) this.put(spellings[i]!, raw[i], hashes[i]);
  }

  private clear() {
    this.bits = 12;
    this.reset();
  }

  private reset() {
    this.spellings = new Array(1 << this.bits);
    this.raw = new Int32Array(1 << this.bits);
    this.hashes = new Uint32Array(1 << this.bits);
    this.count = 0;
  }
}

function sameUnits(s: string, text: string, start: number, end: number): boolean {
  if (s.length !== end - start) return false;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

const spellingHashes = new SpellingHashes();

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
  const span: Span = { start: 0, end: 0 };
  // Syllables: runs of letters, marks and digits (`/[\p{L}\p{M}\p{N}]+/gu`).
  for (let i = 0; nextLetterRun(text, i, span); i = span.end) {
    let raw = 0x811c9dc5;
    for (let k = span.start; k < span.end; k++) raw = Math.imul(raw ^ text.charCodeAt(k), 0x01000193);
    const w2 = spellingHashes.get(text, span.start, span.end, raw);
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
