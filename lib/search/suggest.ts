// "Did you mean": a spelling (Kellog → Kellogg) or, for a query typed without marks,
// its most likely marked reading (see accents.ts). Offered, never applied.
import { commonDf, contextCandidate, decodedWord, matchCase, applyEdits } from "@/lib/search/correct";
import { typoCandidates, wordDf, wordKnown, type TypoCandidates } from "@/lib/search/query-expand";
import type { ParsedQuery } from "@/lib/search/query-parse";
import { pairDf, type Lexicon } from "@/lib/search/rank-index";

/** A known word this rare, forming no pair with its neighbours, may be a typo. */
const RARE_DF = 3;
/** A context candidate for a known word needs this many articles with the pair. */
const CONTEXT_MIN = 3;

/**
 * The query with each misspelt word replaced, or null when every word looks fine.
 * A word the corpus lacks gets its Telex/VNI reading or the close spelling its
 * neighbours pair with; a lone word, its most common close spelling. A multi-word
 * query is never rewritten whole (cơn bão is not "hơn bảo").
 */
export function suggestQuery(
  index: Lexicon,
  q: string,
  parsed: ParsedQuery,
  nothingFound = false,
  typos: TypoCandidates = (word) => typoCandidates(index, word),
): string | null {
  const { words } = parsed;
  const known = words.map((w) => wordKnown(index, w));
  const edits: { start: number; end: number; text: string }[] = [];
  words.forEach((w, i) => {
    if (/\d/.test(w.folded) && !/[a-z]\d/.test(w.text.toLowerCase())) return;
    if (!known[i]) {
      const decoded = decodedWord(index, w);
      if (decoded) return edits.push({ start: w.start, end: w.end, text: decoded });
      if (w.folded.length < 3) return;
      const c = contextCandidate(index, words, i, (j) => known[j], typos);
      if (c) return edits.push({ start: w.start, end: w.end, text: matchCase(w.text, c.text) });
      if (words.length > 1 || w.folded.length < 4) return;
      const lone = typos(w).find((nb) => nb.df >= 1);
      if (lone) edits.push({ start: w.start, end: w.end, text: matchCase(w.text, lone.text) });
      return;
    }
    // Nothing has every word: a known word may still be the wrong one (hòa bính), when a
    // close spelling pairs with its correctly typed neighbours. Offered, never applied.
    if (nothingFound && w.folded.length >= 3) {
      const c = contextCandidate(index, words, i, (j) => j !== i && known[j], typos);
      if (c) edits.push({ start: w.start, end: w.end, text: matchCase(w.text, c.text) });
      return;
    }
    // A rare word that pairs with neither neighbour, next to a spelling that does.
    if (w.marked || w.folded.length < 4 || wordDf(index, w) > RARE_DF) return;
    const f = index.foldedId.get(w.folded)!;
    const own = neighbours(index, parsed, i).reduce((n, [l, r]) => n + pairDf(index, l ?? f, r ?? f), 0);
    if (own > 0) return;
    const c = contextCandidate(index, words, i, (j) => known[j], typos);
    if (c && c.df >= Math.max(commonDf(index), 10) && pairScore(index, parsed, i, c.f) >= CONTEXT_MIN) {
      edits.push({ start: w.start, end: w.end, text: matchCase(w.text, c.text) });
    }
  });
  if (!edits.length || (words.length > 1 && edits.length >= words.length)) return null;
  const out = applyEdits(q, edits);
  return out === q.trim() ? null : out;
}

/** [left, undefined] / [undefined, right] folded id pairs of word i with its joined neighbours. */
function neighbours(index: Lexicon, parsed: ParsedQuery, i: number): [number | undefined, number | undefined][] {
  const { words } = parsed;
  const out: [number | undefined, number | undefined][] = [];
  const id = (j: number) => index.foldedId.get(words[j].folded);
  if (i > 0 && words[i].joinsPrev && id(i - 1) !== undefined) out.push([id(i - 1), undefined]);
  if (i + 1 < words.length && words[i + 1].joinsPrev && id(i + 1) !== undefined) out.push([undefined, id(i + 1)]);
  return out;
}

function pairScore(index: Lexicon, parsed: ParsedQuery, i: number, f: number): number {
  return neighbours(index, parsed, i).reduce((n, [l, r]) => n + pairDf(index, l ?? f, r ?? f), 0);
}
