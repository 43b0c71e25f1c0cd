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

const SYLLABLE_CHAR = /^[\p{L}\p{M}\p{N}]$/u;

/**
 * Whether each UTF-16 code unit is a letter, mark or digit (`[\p{L}\p{M}\p{N}]`): 1, or 2 for
 * a high surrogate (decided with the code unit after it). A syllable is a run of such code
 * points, as `/[\p{L}\p{M}\p{N}]+/gu` matches them, found without a regex or a string per match.
 */
const UNIT = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if (c >= 0xd800 && c <= 0xdbff) UNIT[c] = 2;
  else if (c < 0xdc00 || c > 0xdfff) UNIT[c] = SYLLABLE_CHAR.test(String.fromCharCode(c)) ? 1 : 0;
}

/** Code units of the syllable character at `i` of `text` (a surrogate pair counts 2), 0 if none. */
function syllableUnits(text: string, i: number): number {
  const u = UNIT[text.charCodeAt(i)];
  if (u !== 2) return u;
  const low = text.charCodeAt(i + 1);
  // A lone high surrogate is no letter; a pair is one code point, tested as one.
  return low >= 0xdc00 && low <= 0xdfff && SYLLABLE_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
}

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
  for (let i = 0; i < text.length;) {
    let n = syllableUnits(text, i);
    if (!n) {
      i++;
      continue;
    }
    const start = i;
    let raw = 0x811c9dc5;
    do {
      raw = Math.imul(raw ^ text.charCodeAt(i), 0x01000193);
      if (n === 2) raw = Math.imul(raw ^ text.charCodeAt(i + 1), 0x01000193);
      i += n;
      n = i < text.length ? syllableUnits(text, i) : 0;
    } while (n);
    const w2 = spellingHashes.get(text, start, i, raw);
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
