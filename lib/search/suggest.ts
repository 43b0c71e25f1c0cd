// "Did you mean": a query corrected from the index's own vocabulary (Kellog → Kellogg).
import { typoNeighbours, type Group } from "@/lib/search/query-expand";
import { foldedDf, type Lexicon } from "@/lib/search/rank-index";

/** A word this rare is suspicious when a close spelling is far more common. */
const RARE_DF = 3;
const MIN_SUGGESTED_DF = 10;
const DF_RATIO = 30;

/**
 * The query with each misspelt word replaced by its most common close spelling, or
 * null when every word looks fine. Words typed with marks get a marked correction.
 * The correction is the one the query's own context chose (see expandQuery), else the
 * most common close spelling of a rare word.
 */
export function suggestQuery(index: Lexicon, q: string, groups: Group[]): string | null {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const { word: w, correction } of groups) {
    if (/\d/.test(w.folded) || w.folded.length < 3) continue;
    let best = correction;
    if (best < 0) {
      // No context: a rare word next to a far more common spelling.
      const f = index.foldedId.get(w.folded);
      const df = f === undefined ? 0 : foldedDf(index, f);
      if (df > RARE_DF || w.folded.length < 4) continue;
      // A word the corpus never uses is misspelt (or unknown) whatever the corpus size:
      // any close spelling in use is worth offering. A rare word needs a far commoner one.
      const minDf = df === 0 ? 1 : Math.max(MIN_SUGGESTED_DF, DF_RATIO * df);
      best = typoNeighbours(index, w.folded).find((nb) => nb.df >= minDf)?.f ?? -1;
    }
    if (best < 0) continue;
    const exact = index.commonExact[best];
    let text = w.marked && exact >= 0 ? index.exactTerm[exact] : index.foldedTerm[best];
    if (w.text[0] !== w.text[0].toLowerCase()) text = text[0].toUpperCase() + text.slice(1);
    edits.push({ start: w.start, end: w.end, text });
  }
  if (!edits.length) return null;
  let out = "";
  let at = 0;
  for (const e of edits) {
    out += q.slice(at, e.start) + e.text;
    at = e.end;
  }
  return (out + q.slice(at)).trim();
}
