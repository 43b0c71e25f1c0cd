// Accent suggestions: the marked reading of a query typed without marks, from the
// archive's own usage. Adjacent query words vote for the marked pairs the matching
// articles write (hoa binh → hòa bình); a lone word needs one dominant spelling in the
// whole archive (duong — đường, Dương, dương — gets none).
import { exactDf } from "@/lib/search/query-expand";
import type { QueryWord } from "@/lib/search/query-parse";
import { ESCAPE, tokenAt, type Lexicon, type RankIndex } from "@/lib/search/rank-index";
import { mayHoldAny, pairFilter, pairProbes, type PairFilter } from "@/lib/search/pair-filter";
import { exactVariants } from "@/lib/search/variants";

/** Share of the votes the winning spelling needs. */
const PAIR_SHARE = 0.75;
const LONE_SHARE = 0.9;
/** Votes (pair occurrences, or articles for a lone word) needed to say anything. */
const MIN_VOTES = 3;
/** Articles scanned for pairs: the best matches. */
export const ACCENT_SCAN = 200;

/** A matched article: its segment's index and its number there. */
export interface Doc {
  seg: { rank: RankIndex };
  d: number;
}

/**
 * The marked spelling (normalised term) of each query word, or "" where the archive does
 * not decide or the word has no marks to gain; null when the query has marks or gains none.
 * `docs` are the best matches, best first.
 */
export function accentReading(lex: Lexicon, words: QueryWord[], docs: Doc[]): string[] | null {
  if (!words.length || words.some((w) => w.marked)) return null;
  const reading = new Array<string>(words.length).fill("");
  if (words.length === 1) {
    const f = lex.foldedId.get(words[0].folded);
    if (f === undefined) return null;
    const variants = [...exactVariants(lex, f)].sort((a, b) => exactDf(lex, b) - exactDf(lex, a));
    const total = variants.reduce((n, e) => n + exactDf(lex, e), 0);
    const top = variants[0];
    if (top !== undefined && total >= MIN_VOTES && exactDf(lex, top) >= LONE_SHARE * total) reading[0] = lex.exactTerm[top];
  } else {
    // votes[i]: spelling → occurrences of word i in a pair with its neighbour.
    const votes = words.map(() => new Map<string, number>());
    const joinedAt = words.flatMap((w, i) => (i > 0 && w.joinsPrev ? [i] : []));
    const vote = (i: number, term: string) => votes[i].set(term, (votes[i].get(term) ?? 0) + 1);
    const pairsOf = new Map<RankIndex, Pairs>();
    const escapeFrom = ESCAPE;
    for (const { seg, d } of docs.slice(0, ACCENT_SCAN)) {
      const rank = seg.rank;
      let pairs = pairsOf.get(rank);
      if (!pairs) pairsOf.set(rank, (pairs = localPairs(rank, words, joinedAt)));
      // No joined pair has both words in this segment: nothing here can vote.
      const { at, left, right, isLeft, filter, probes } = pairs;
      if (!at.length) continue;
      // An article whose pair filter holds none of the joined pairs cannot vote: its stream is not walked.
      if (!mayHoldAny(filter!, d, probes)) continue;
      const { stream, docStart, foldedOf, exactTerm } = rank;
      const { low } = stream;
      const end = docStart[d + 1];
      // Each token read once (the left one of a pair is the previous position's right one);
      // ids below ESCAPE read directly (an imported binding is a getter in bundled code); a
      // break (negative) pairs with nothing. Most tokens spell no pair's left word: one byte
      // read says so, and only the others have their folded ids compared.
      let a = docStart[d] < end ? tokenAt(stream, docStart[d]) : -1;
      for (let p = docStart[d] + 1; p < end; p++) {
        const v = low[p];
        const b = v < escapeFrom ? v : tokenAt(stream, p);
        if (a >= 0 && b >= 0 && isLeft[a] !== 0) {
          const fa = foldedOf[a];
          const fb = foldedOf[b];
          for (let k = 0; k < at.length; k++) {
            if (fa === left[k] && fb === right[k]) {
              vote(at[k] - 1, exactTerm[a]);
              vote(at[k], exactTerm[b]);
            }
          }
        }
        a = b;
      }
    }
    votes.forEach((v, i) => {
      const total = [...v.values()].reduce((n, c) => n + c, 0);
      const [top, count] = [...v].sort((x, y) => y[1] - x[1])[0] ?? ["", 0];
      if (total >= MIN_VOTES && count >= PAIR_SHARE * total) reading[i] = top;
    });
  }
  // Only spellings that add marks are a suggestion.
  const gained = reading.map((t, i) => (t && t !== words[i].folded ? t : ""));
  return gained.some(Boolean) ? gained : null;
}

/** A segment's joined query pairs whose two words it holds: the right word's index, the two folded ids. */
interface Pairs {
  at: number[];
  left: number[];
  right: number[];
  /** Per exact term id: 1 when it spells some pair's left word (a quick test before the pairs are compared). */
  isLeft: Uint8Array;
  /** The segment's pair filter (adjacent folded pairs, no false negatives) and the joined pairs' probes: absent when no pair is joined here. */
  filter: PairFilter | null;
  probes: Uint32Array;
}

function localPairs(rank: RankIndex, words: QueryWord[], joinedAt: number[]): Pairs {
  const ids = words.map((w) => rank.foldedId.get(w.folded) ?? -1);
  // A pair with a word the segment lacks never votes (a folded id is never -1).
  const at = joinedAt.filter((i) => ids[i - 1] >= 0 && ids[i] >= 0);
  const left = at.map((i) => ids[i - 1]);
  const isLeft = new Uint8Array(at.length ? rank.exactTerm.length : 0);
  for (const f of left) for (const e of exactVariants(rank, f)) isLeft[e] = 1;
  const right = at.map((i) => ids[i]);
  const probes = pairProbes(at.map((_, k) => [rank.foldedHash[left[k]], rank.foldedHash[right[k]]]));
  return { at, left, right, isLeft, filter: at.length ? pairFilter(rank) : null, probes };
}

/**
 * Per article of a segment, how many of `terms` it holds counting from the first (it holds
 * them all where the count is `terms.length`): one pass over each spelling's postings
 * instead of a lookup per matched article (holdsAll), for the ranking boost of many matches.
 */
export function holdersOf(rank: RankIndex, terms: string[]): Uint8Array {
  const held = new Uint8Array(rank.n);
  for (let k = 0; k < terms.length; k++) {
    const e = rank.exactId.get(terms[k]);
    // A spelling this segment lacks: no article here holds them all.
    if (e === undefined) return new Uint8Array(rank.n);
    for (let p = rank.exactStart[e]; p < rank.exactStart[e + 1]; p++) {
      const d = rank.exactDocs[p];
      if (held[d] === k) held[d] = k + 1;
    }
  }
  return held;
}

/** Whether the article holds every given spelling (for the ranking boost). */
export function holdsAll(doc: Doc, terms: string[]): boolean {
  const { rank } = doc.seg;
  return terms.every((t) => {
    const e = rank.exactId.get(t);
    if (e === undefined) return false;
    // Posting lists are sorted by document: binary search.
    let lo = rank.exactStart[e];
    let hi = rank.exactStart[e + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = rank.exactDocs[mid];
      if (v === doc.d) return true;
      if (v < doc.d) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  });
}
