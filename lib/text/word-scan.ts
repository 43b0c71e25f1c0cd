// The analyzer's words (WORD in analyzer.ts) found without a regular expression: snippets
// and highlights need only each word's offsets, for hundreds of words per article shown,
// and `matchAll` allocates a match array per word. A character's class is computed once
// (with the same Unicode properties as WORD) and kept in a table.
import { yearRangeCut } from "@/lib/text/analyzer";

const LMN = /^[\p{L}\p{M}\p{N}]$/u;
const ND = /^\p{Nd}$/u;
const LM = /^[\p{L}\p{M}]$/u;
const N = /^\p{N}$/u;
/** Class bits: computed, a letter/mark/number, a decimal digit, a letter/mark, a number. */
const KNOWN = 1;
const WORD_CHAR = 2;
const DIGIT = 4;
const LETTER = 8;
const NUMBER = 16;

/** Classes of the Basic Multilingual Plane, filled as characters are met (0 = not yet). */
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, number>();

function classify(cp: number): number {
  const s = String.fromCodePoint(cp);
  return KNOWN | (LMN.test(s) ? WORD_CHAR : 0) | (ND.test(s) ? DIGIT : 0) | (LM.test(s) ? LETTER : 0) | (N.test(s) ? NUMBER : 0);
}

/** Width in UTF-16 units of the code point last classified by classAt (1 or 2). */
let width = 1;

/** The class of the code point at `i` (a surrogate pair is one code point, as with the `u` flag). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) {
      width = 2;
      const cp = ((c - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
      let k = astral.get(cp);
      if (k === undefined) astral.set(cp, (k = classify(cp)));
      return k;
    }
  }
  width = 1;
  let k = bmp[c];
  if (k === 0) bmp[c] = k = classify(c);
  return k;
}

/** A word's offsets: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** The end of the run of code points from `j` having `bit`. */
function runEnd(text: string, j: number, bit: number): number {
  const n = text.length;
  while (j < n) {
    // A character outside the surrogates (nearly every one) read from the table here, not through classAt.
    const c = text.charCodeAt(j);
    if (c < 0xd800 || c > 0xdfff) {
      const k = bmp[c];
      if (k !== 0) {
        if (!(k & bit)) return j;
        j++;
        continue;
      }
    }
    if (!(classAt(text, j) & bit)) return j;
    j += width;
  }
  return j;
}

/**
 * The first word of `text` starting at or after `from`, exactly as `tokenize` finds it
 * (`text.matchAll(WORD)`, a slashed year range cut in two) when its previous word ended at
 * `from`: its offsets go into `span`. False when there is none.
 */
export function nextWord(text: string, from: number, span: Span): boolean {
  const n = text.length;
  for (let i = from; i < n;) {
    const c = text.charCodeAt(i);
    // Between words: a character outside the surrogates read from the table (as in runEnd).
    const known = c < 0xd800 || c > 0xdfff ? bmp[c] : 0;
    if (known !== 0 && !(known & WORD_CHAR)) {
      i++;
      continue;
    }
    const k = known !== 0 ? known : classAt(text, i);
    if (!(k & WORD_CHAR)) {
      i += width;
      continue;
    }
    span.start = i;
    if (k & DIGIT) {
      // \p{Nd}+(?:[.,/]\p{Nd}+)+ comes first: a number written with groups (6.300, 25/4/2025).
      let j = runEnd(text, i, DIGIT);
      let groups = 0;
      while (j + 1 < n) {
        const sep = text.charCodeAt(j);
        if ((sep !== 0x2e && sep !== 0x2c && sep !== 0x2f) || !(classAt(text, j + 1) & DIGIT)) break;
        j = runEnd(text, j + 1, DIGIT);
        groups++;
      }
      if (groups) {
        // A year range with a slash (2016/17) is two words, as `tokenize` reads it.
        const cut = groups === 1 ? yearRangeCut(text, i, j) : -1;
        span.end = cut < 0 ? j : cut - 1;
        return true;
      }
    }
    // A run of letters and marks, or of numbers: a code's letters and digits are two words (U23).
    span.end = runEnd(text, i, k & LETTER ? LETTER : NUMBER);
    return true;
  }
  return false;
}

/**
 * The first run of letters, marks and digits of `text` at or after `from`, exactly as
 * `/[\p{L}\p{M}\p{N}]+/gu` finds it (no number groups, unlike `nextWord`): its offsets go into
 * `span`. False when there is none.
 */
export function nextLetterRun(text: string, from: number, span: Span): boolean {
  const n = text.length;
  for (let i = from; i < n;) {
    if (!(classAt(text, i) & WORD_CHAR)) {
      i += width;
      continue;
    }
    span.start = i;
    span.end = runEnd(text, i, WORD_CHAR);
    return true;
  }
  return false;
}
