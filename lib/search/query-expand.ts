// From parsed words to the index terms they match: the word itself (marks optional),
// completions of the last word, and typo neighbours from the index's own vocabulary.
import type { QueryWord } from "@/lib/search/query-parse";
import { MAX_WORD_LENGTH } from "@/lib/search/query-parse";
import { foldedDf, pairDf, type Lexicon } from "@/lib/search/rank-index";

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
  /** The folded id the context says was meant (a likely typo fix), or -1. */
  correction: number;
}

const PREFIX_WEIGHT = 0.5;
const PREFIX_SCAN = 3000;
const PREFIX_KEEP = 20;
const PREFIX_KEEP_KNOWN = 5;
const PREFIX_POSTINGS = 60_000;
const PREFIX_POSTINGS_KNOWN = 15_000;
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
export function typoNeighbours(index: Lexicon, folded: string): { f: number; distance: number; df: number }[] {
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
export function expandWord(index: Lexicon, word: QueryWord, fuzzy: boolean): Group {
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
    // A known word is most likely complete: fewer completions, and a cap on the
    // postings they add (each posting is scored on every keystroke).
    let budget = self === undefined ? PREFIX_POSTINGS : PREFIX_POSTINGS_KNOWN;
    for (const c of completions.slice(0, self === undefined ? PREFIX_KEEP : PREFIX_KEEP_KNOWN)) {
      if (c.df > budget) continue;
      budget -= c.df;
      terms.push({ f: c.f, weight: PREFIX_WEIGHT, base: false });
    }
  }
  if (self === undefined || (fuzzy && word.folded.length >= 4)) {
    const known = new Set(terms.map((t) => t.f));
    for (const nb of typoNeighbours(index, word.folded).slice(0, TYPO_KEEP)) {
      if (!known.has(nb.f)) terms.push({ f: nb.f, weight: nb.distance === 1 ? 0.7 : 0.5, base: false });
    }
  }
  const exact = word.marked ? (index.exactId.get(word.term) ?? -1) : -1;
  return { word, terms, exact, correction: -1 };
}

/** Typo neighbours judged by context: at most this many are kept. */
const CONTEXT_KEEP = 3;
/** How many typo neighbours are tried against the context. */
const CONTEXT_TRY = 60;
/**
 * A word is checked only when no article has its pairs with its neighbours; a
 * threshold of 5 articles with a 20× ratio measured worse (rare title pairs were
 * "corrected").
 */
const SUSPECT_BELOW = 1;
const CONTEXT_RATIO = 20;

/**
 * Expand every word of a query. A word is suspected of a typo when it forms no known
 * pair with its neighbouring query words ("lao đng cho": no article has "lao dng" or
 * "dng cho", while "lao dong" and "dong cho" are common). Its typo neighbours that do
 * form known pairs are then matched as if typed, best first. Queries copied from real
 * text always form known pairs, so they pay nothing.
 */
export function expandQuery(index: Lexicon, words: QueryWord[], fuzzy: boolean): Group[] {
  const groups = words.map((w) => expandWord(index, w, fuzzy));
  const ids = words.map((w) => index.foldedId.get(w.folded));
  const joined = (i: number) => i > 0 && i < words.length && words[i].joinsPrev;
  words.forEach((w, i) => {
    if (!typoBudget(w.folded.length) || /\d/.test(w.folded)) return;
    const left = joined(i) ? ids[i - 1] : undefined;
    const right = joined(i + 1) ? ids[i + 1] : undefined;
    if (left === undefined && right === undefined) return;
    const context = (f: number) =>
      (left === undefined ? 0 : pairDf(index, left, f)) + (right === undefined ? 0 : pairDf(index, f, right));
    const self = ids[i];
    const own = self === undefined ? 0 : context(self);
    if (own >= SUSPECT_BELOW) return;
    const scored = typoNeighbours(index, w.folded)
      .slice(0, CONTEXT_TRY)
      .map((nb) => ({ f: nb.f, score: context(nb.f) }))
      .filter((c) => c.score > 0 && c.score >= CONTEXT_RATIO * own)
      .sort((a, b) => b.score - a.score)
      .slice(0, CONTEXT_KEEP);
    if (!scored.length) return;
    const group = groups[i];
    const known = new Set(scored.map((c) => c.f));
    // The context's choices are matched as if typed, next to the word as typed
    // (demoting the typed word measured worse: it is sometimes right).
    group.terms = [
      ...group.terms.filter((t) => t.base),
      ...scored.map((c) => ({ f: c.f, weight: 1, base: true })),
      ...group.terms.filter((t) => !t.base && !known.has(t.f)),
    ];
    group.correction = scored[0].f;
  });
  return groups;
}
