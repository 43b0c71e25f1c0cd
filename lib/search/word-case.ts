// How the archive writes a word: with a capital or not, where a capital is not forced by the start
// of a sentence. People type names in lower case (`sharapova`, `raqqa`, `thaad`), and a word the
// archive almost always writes capitalised mid-sentence is a name whatever the query's case
// (issue #9, RankWeights.titleNames). Kept per posting (does this article say the word
// mid-sentence; mostly with a capital?) so that the archive's counts follow deletions exactly,
// as its document frequencies do.

/** A token's case: at a sentence start (says nothing), mid-sentence in lower case, mid-sentence capitalised. */
export const CASE_START = 0;
export const CASE_LOWER = 1;
export const CASE_CAPITAL = 2;

/** What may stand between a sentence's end and its first word: spaces, opening quotes and brackets. */
const OPENING = /[\s"'“‘«([{*•–—-]/u;
/** Characters that end a sentence (a colon too: news writes `Hà Nội: Cháy …`). */
const ENDING = /[.!?…:;]/u;

/** The case of the word starting at `start` in `text` (see CASE_START, CASE_LOWER, CASE_CAPITAL). */
export function caseAt(text: string, start: number): number {
  let i = start - 1;
  while (i >= 0 && OPENING.test(text[i])) i--;
  if (i < 0 || ENDING.test(text[i])) return CASE_START;
  return /\p{Lu}/u.test(text[start]) ? CASE_CAPITAL : CASE_LOWER;
}

/**
 * An article's 2-bit code for one word, from its mid-sentence occurrences: 0 none, 1 mostly
 * lower case, 3 mostly capitalised (bit 0: said mid-sentence; bit 1: capitalised).
 */
export function postingCase(lower: number, capital: number): number {
  if (lower + capital === 0) return 0;
  return capital > lower ? 3 : 1;
}

/** Postings' 2-bit codes, four to a byte. */
export function packedCaseLength(postings: number): number {
  return (postings + 3) >> 2;
}

export function setCase(packed: Uint8Array, p: number, code: number) {
  packed[p >> 2] |= code << ((p & 3) * 2);
}

export function caseOf(packed: Uint8Array, p: number): number {
  return (packed[p >> 2] >> ((p & 3) * 2)) & 3;
}

/** Per byte of packed codes: how many of its four codes have bit 0 (said mid-sentence), and bit 1 (capitalised). */
const SAID_IN_BYTE = new Uint8Array(256);
const CAPITAL_IN_BYTE = new Uint8Array(256);
for (let b = 0; b < 256; b++)
  for (let k = 0; k < 4; k++) {
    SAID_IN_BYTE[b] += (b >> (2 * k)) & 1;
    CAPITAL_IN_BYTE[b] += (b >> (2 * k + 1)) & 1;
  }

/**
 * Per term whose postings are `starts[t]` to `starts[t + 1]`: the sums of its postings' bit 0
 * (`said`) and bit 1 (`capital`). A byte of four codes at a time where a term's postings cover
 * it whole: a load counts every posting of every segment (hundreds of millions at 1M articles).
 */
export function sumCases(packed: Uint8Array, starts: Int32Array, said: Int32Array, capital: Int32Array) {
  for (let t = 0; t + 1 < starts.length; t++) {
    const end = starts[t + 1];
    let p = starts[t];
    let s = 0;
    let c = 0;
    for (; p < end && (p & 3) !== 0; p++) {
      const code = caseOf(packed, p);
      s += code & 1;
      c += code >> 1;
    }
    for (; p + 4 <= end; p += 4) {
      const b = packed[p >> 2];
      s += SAID_IN_BYTE[b];
      c += CAPITAL_IN_BYTE[b];
    }
    for (; p < end; p++) {
      const code = caseOf(packed, p);
      s += code & 1;
      c += code >> 1;
    }
    said[t] = s;
    capital[t] = c;
  }
}

/** Archive-wide counts per folded term: articles saying it mid-sentence, and those writing it mostly capitalised. */
export interface CaseCounts {
  said: Int32Array;
  capital: Int32Array;
}

/** A word read as a name when typed in lower case: this share of the articles saying it mid-sentence capitalise it… */
export const NAME_SHARE = 0.95;
/** …and at least this many articles say it (a word seen twice says little). */
export const NAME_EVIDENCE = 5;

/** Whether the archive writes folded term `g` as a name (`share` of its articles capitalise it mid-sentence). */
export function writtenAsName(counts: CaseCounts | undefined, g: number | undefined, share = NAME_SHARE): boolean {
  if (!counts || g === undefined || g >= counts.said.length) return false;
  const said = counts.said[g];
  return said >= NAME_EVIDENCE && counts.capital[g] >= share * said;
}
