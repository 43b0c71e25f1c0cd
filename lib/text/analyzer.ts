// The Vietnamese analyzer: one tokenizer and one normal form for indexing, querying
// and highlighting, so whatever matches can be marked in the original text.
import { canonicalTone } from "@/lib/text/tone";

/** A token with its offsets in the original text. */
export interface Token {
  /** The token as written in the original text: `text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** Normalised form: NFC, lowercase, canonical tone placement. */
  term: string;
  /** `term` without marks, `đ` → `d`. */
  folded: string;
}

/**
 * A word: a number written with `.`/`,`/`/` groups (6.300, 7,5, 25/4/2025) or a run of
 * letters, marks and digits. Hyphens and apostrophes split words (Jong-un → Jong, un);
 * `joins` keeps such parts together for pairs and phrases.
 */
export const WORD = /\p{Nd}+(?:[.,/]\p{Nd}+)+|[\p{L}\p{M}\p{N}]+/gu;
const MARKS = /[\u0300-\u036f]/g;
/** What may stand between two tokens of one phrase: spaces or a single hyphen. */
const JOINING_GAP = /^(?:[^\S\n]+|[^\S\n]*[-‐‑][^\S\n]*)$/u;

// Distinct spellings are few (≈ hundreds of thousands) against millions of tokens.
const termCache = new Map<string, string>();
const foldCache = new Map<string, string>();
const CACHE_LIMIT = 500_000;

/** NFC, lowercase, and every syllable's tone moved to its canonical vowel. */
export function normalize(text: string): string {
  const cached = termCache.get(text);
  if (cached !== undefined) return cached;
  const lower = text.normalize("NFC").toLowerCase();
  const out = lower.replace(/[\p{L}\p{M}]+/gu, canonicalTone);
  if (termCache.size >= CACHE_LIMIT) termCache.clear();
  termCache.set(text, out);
  return out;
}

/** `normalize`, then strip every mark; `đ` → `d`. Idempotent. */
export function fold(text: string): string {
  const cached = foldCache.get(text);
  if (cached !== undefined) return cached;
  const out = normalize(text).normalize("NFD").replace(MARKS, "").replace(/đ/g, "d").normalize("NFC");
  if (foldCache.size >= CACHE_LIMIT) foldCache.clear();
  foldCache.set(text, out);
  return out;
}

/** Whether a normalised term carries any mark (a tone, ă â ê ô ơ ư, or đ). */
export function hasMarks(term: string): boolean {
  return fold(term) !== term;
}

/** Split text into word tokens, keeping offsets into `text`. Never throws. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    const term = normalize(m[0]);
    tokens.push({ text: m[0], start, end: start + m[0].length, term, folded: fold(term) });
  }
  return tokens;
}

/**
 * Whether two consecutive tokens belong to one phrase: only spaces (no line break)
 * or a single hyphen between them. Sentence punctuation, commas, quotes and
 * paragraph breaks end a phrase, so syllable pairs never span them.
 */
export function joins(text: string, left: Token, right: Token): boolean {
  return joinsAt(text, left.end, right.start);
}

/** `joins` by offsets: a token ending at `leftEnd`, the next starting at `rightStart`. */
export function joinsAt(text: string, leftEnd: number, rightStart: number): boolean {
  if (rightStart === leftEnd) return false;
  return JOINING_GAP.test(text.slice(leftEnd, rightStart));
}
