// From parsed words to the index terms they match: the word itself (marks optional),
// completions of the last word, and typo neighbours from the index's own vocabulary.
import type { QueryWord } from "@/lib/search/query-parse";
import { MAX_WORD_LENGTH } from "@/lib/search/query-parse";
import { foldedDf, type RankIndex } from "@/lib/search/rank-index";

/** One folded term a query word matches, and how much a match counts. */
export interface Expansion {
  f: number;
  weight: number;
  /** The word itself, not a completion or typo neighbour. */
  base: boolean;
}

export interface Group {
  word: QueryWord;
  terms: Expansion[];
  /** Exact term id when the word was typed with marks and occurs; -1 otherwise. */
  exact: number;
}

const PREFIX_WEIGHT = 0.5;
const PREFIX_SCAN = 3000;
const PREFIX_KEEP = 20;
const PREFIX_KEEP_KNOWN = 5;
const TYPO_KEEP = 8;

/**
 * How many edits a word of this length may carry: none up to 2 letters, 1 up to 7,
 * 2 beyond. Lengths are of the folded form, so marks are never counted as typos.
 * Known words of 3 letters are never expanded (fuzzy short syllables match half the
 * language); an unknown one (ngy) may be.
 */
export function typoBudget(length: number): number {
  if (length < 3 || length > MAX_WORD_LENGTH) return 0;
  return length < 8 ? 1 : 2;
}

/** The folded terms of the vocabulary within the typo budget of `folded`, best first. */
export function typoNeighbours(index: RankIndex, folded: string): { f: number; distance: number; df: number }[] {
  const budget = typoBudget(folded.length);
  if (!budget) return [];
  const found: { f: number; distance: number; df: number }[] = [];
  for (const [key, [f, distance]] of index.vocab.fuzzyGet(folded, budget)) {
    if (key !== folded && !/^\d/.test(key)) found.push({ f, distance, df: foldedDf(index, f) });
  }
  return found.sort((a, b) => a.distance - b.distance || b.df - a.df);
}

/**
 * The terms one word matches. Typo neighbours are added only when asked (`fuzzy`)
 * or when the word itself is not in the vocabulary: expanding every syllable is slow
 * and ranks worse.
 */
export function expandWord(index: RankIndex, word: QueryWord, fuzzy: boolean): Group {
  const terms: Expansion[] = [];
  const self = index.foldedId.get(word.folded);
  if (self !== undefined) terms.push({ f: self, weight: 1, base: true });
  if (word.prefix) {
    const completions: { f: number; df: number }[] = [];
    let seen = 0;
    for (const [, f] of index.vocab.atPrefix(word.folded)) {
      if (f !== self) completions.push({ f, df: foldedDf(index, f) });
      if (++seen >= PREFIX_SCAN) break;
    }
    completions.sort((a, b) => b.df - a.df);
    // A known word is most likely complete: fewer completions, less work.
    for (const c of completions.slice(0, self === undefined ? PREFIX_KEEP : PREFIX_KEEP_KNOWN)) terms.push({ f: c.f, weight: PREFIX_WEIGHT, base: false });
  }
  if (self === undefined || (fuzzy && word.folded.length >= 4)) {
    const known = new Set(terms.map((t) => t.f));
    for (const nb of typoNeighbours(index, word.folded).slice(0, TYPO_KEEP)) {
      if (!known.has(nb.f)) terms.push({ f: nb.f, weight: nb.distance === 1 ? 0.7 : 0.5, base: false });
    }
  }
  const exact = word.marked ? (index.exactId.get(word.term) ?? -1) : -1;
  return { word, terms, exact };
}
