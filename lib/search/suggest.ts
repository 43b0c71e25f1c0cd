// "Did you mean": a query corrected from the index's own vocabulary (Kellog → Kellogg).
import type { ParsedQuery } from "@/lib/search/query-parse";
import { typoNeighbours } from "@/lib/search/query-expand";
import { foldedDf, type RankIndex } from "@/lib/search/rank-index";

/** A word this rare is suspicious when a close spelling is far more common. */
const RARE_DF = 3;
const MIN_SUGGESTED_DF = 10;
const DF_RATIO = 30;

/**
 * The query with each misspelt word replaced by its most common close spelling, or
 * null when every word looks fine. Words typed with marks get a marked correction.
 */
export function suggestQuery(index: RankIndex, q: string, parsed: ParsedQuery): string | null {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const w of parsed.words) {
    if (/\d/.test(w.folded) || w.folded.length < 4) continue;
    const f = index.foldedId.get(w.folded);
    const df = f === undefined ? 0 : foldedDf(index, f);
    if (df > RARE_DF) continue;
    const best = typoNeighbours(index, w.folded).find((nb) => nb.df >= Math.max(MIN_SUGGESTED_DF, DF_RATIO * df));
    if (!best) continue;
    const exact = index.commonExact[best.f];
    let text = w.marked && exact >= 0 ? index.exactTerm[exact] : index.foldedTerm[best.f];
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
