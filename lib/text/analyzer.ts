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
 * A word: a number written with `.`/`,`/`/` groups (6.300, 7,5, 25/4/2025), a run of letters
 * and marks, or a run of digits. Hyphens and apostrophes split words (Jong-un → Jong, un), and
 * so does the boundary between letters and digits (U23 → U, 23), so that a code reads the same
 * however news writes it: `U23`, `U-23` and `U 23`, `COVID19` and `COVID-19`, `2,4D` and `2,4-D`.
 * `joins` keeps such parts together for pairs and phrases.
 */
export const WORD = /\p{Nd}+(?:[.,/]\p{Nd}+)+|[\p{L}\p{M}]+|\p{N}+/gu;
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
  const push = (start: number, end: number) => {
    const term = termAt(text, start, end);
    tokens.push({ text: text.slice(start, end), start, end, term, folded: fold(term) });
  };
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const cut = yearRangeCut(text, start, end);
    if (cut < 0) push(start, end);
    else {
      push(start, cut - 1);
      push(cut, end);
    }
  }
  return tokens;
}

/** The term of the word at [start, end): its normal form, or a range's year in full (see yearRangeTerm). */
export function termAt(text: string, start: number, end: number): string {
  return yearRangeTerm(text, start, end) ?? normalize(text.slice(start, end));
}

// Year ranges (seasons, school years, terms of office): news writes one range as 2016-2017,
// 2016/2017, 2016/17 or 2016-17. All four are analysed as the two years `2016` `2017`,
// joined as a pair, so a query in any form finds the others. Only a range of ASCII years
// 1900-2099 written without spaces, the first year a whole number (not the end of a date
// like 25/4/2016), is read so; a two-digit second half only when it is the next year
// (2016/17), a four-digit one when it is up to ten years later. Scores (2-1), dates (17/5,
// 17/5/2017, 5/2017), phone numbers and other ids are left as they were.

const SLASH = 0x2f;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** A separator of a written range: `/`, or a hyphen (`-`, `‐`, `‑`). */
const isRangeSeparator = (c: number) => c === SLASH || c === 0x2d || c === 0x2010 || c === 0x2011;
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]/u;
/** What may stand right before a range's first year: anything but a word or a number's group. */
const NOT_BEFORE = /^[\p{L}\p{M}\p{N}.,/\-‐‑]/u;

/** The four ASCII digits at [at, at + 4) as a year of 1900-2099, or -1. */
function yearAt(text: string, at: number): number {
  if (at < 0) return -1;
  let y = 0;
  for (let i = at; i < at + 4; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return -1;
    y = y * 10 + c - 0x30;
  }
  return y >= 1900 && y <= 2099 ? y : -1;
}

/**
 * The first year of a range whose second half starts at `start` (right after its separator):
 * the year written at [start - 5, start - 1) as a whole number, or -1.
 */
function rangeFirstYear(text: string, start: number): number {
  if (start < 5 || !isRangeSeparator(text.charCodeAt(start - 1))) return -1;
  const y = yearAt(text, start - 5);
  if (y < 0 || start === 5) return y;
  const low = text.charCodeAt(start - 6);
  const before = low >= 0xdc00 && low <= 0xdfff ? text.slice(start - 7, start - 5) : text.slice(start - 6, start - 5);
  return NOT_BEFORE.test(before) ? -1 : y;
}

/** The second half at [start, end) of a range starting `first`, in full (`17` → 2017), or -1. */
function secondYear(text: string, first: number, start: number, end: number): number {
  if (end - start === 2) {
    const next = first + 1;
    const yy = (text.charCodeAt(start) - 0x30) * 10 + text.charCodeAt(start + 1) - 0x30;
    return isDigit(text.charCodeAt(start)) && isDigit(text.charCodeAt(start + 1)) && yy === next % 100 ? next : -1;
  }
  if (end - start === 4) {
    const y = yearAt(text, start);
    return y > first && y <= first + 10 ? y : -1;
  }
  return -1;
}

/**
 * A word WORD found at [start, end) that is a range written with a slash (2016/17,
 * 2016/2017): the offset of its second year, after the slash, so it is read as two words.
 * -1 for any other word. (Not when a letter or number follows, so the two parts are the
 * words WORD would find.)
 */
export function yearRangeCut(text: string, start: number, end: number): number {
  const len = end - start;
  if ((len !== 7 && len !== 9) || text.charCodeAt(start + 4) !== SLASH) return -1;
  const first = rangeFirstYear(text, start + 5);
  if (first < 0 || secondYear(text, first, start + 5, end) < 0) return -1;
  return end < text.length && WORD_CHAR.test(text.slice(end, end + 2)) ? -1 : start + 5;
}

/**
 * The term of a range's two-digit second half at [start, end) (`17` in 2016-17 or 2016/17):
 * the full year, "2017". Undefined for any other word.
 */
export function yearRangeTerm(text: string, start: number, end: number): string | undefined {
  if (end - start !== 2) return undefined;
  const first = rangeFirstYear(text, start);
  if (first < 0) return undefined;
  const y = secondYear(text, first, start, end);
  return y < 0 ? undefined : String(y);
}

/**
 * Whether two consecutive tokens belong to one phrase: nothing between them (the letters and
 * digits of one code, U23), only spaces (no line break) or a single hyphen. Sentence
 * punctuation, commas, quotes and paragraph breaks end a phrase, so syllable pairs never span
 * them.
 */
export function joins(text: string, left: Token, right: Token): boolean {
  return joinsAt(text, left.end, right.start);
}

/** `joins` by offsets: a token ending at `leftEnd`, the next starting at `rightStart`. */
export function joinsAt(text: string, leftEnd: number, rightStart: number): boolean {
  // Two words written together are one code's letters and digits (U23, 2,4D).
  if (rightStart === leftEnd) return true;
  // A slash between two digits: a year range's two years (see yearRangeCut).
  if (rightStart === leftEnd + 1 && text.charCodeAt(leftEnd) === SLASH) return isDigit(text.charCodeAt(leftEnd - 1)) && isDigit(text.charCodeAt(rightStart));
  return JOINING_GAP.test(text.slice(leftEnd, rightStart));
}
