// The query's subject (issue #9, RankWeights.subject): the query's rarest word is most often what
// it is about (`Sessions` in `Sessions từ chối điều trần`). A full match whose title holds only the
// query's common words (`Thắng, thua trong buổi điều trần của cựu giám đốc FBI`, naming Sessions
// once in its body) outscored the reports that name him by his office in their titles and by name
// all through their text. The matcher adds weight × the article's share: 1 when its title holds the
// rarest word, else its mentions in the lead and body over `mentions`, at most 1. Read from the
// postings' counts (no positional pass), added to the score and the bound alike, as titleNames.
import type { Group } from "@/lib/search/query-expand";
import { foldedDf, foldedPostingOf, type Lexicon, type RankIndex } from "@/lib/search/rank-index";

/**
 * The folded spellings of the query's rarest word (the fewest articles hold its folded form): the
 * word and its other spellings of a number or date, never a completion. Null for no word.
 */
export function rarestWordTerms(lex: Pick<Lexicon, "foldedTerm"> & Parameters<typeof foldedDf>[0], groups: readonly Group[]): string[] | null {
  let best: Group | null = null;
  let bestDf = Infinity;
  for (const g of groups) {
    const base = g.terms.find((t) => t.base);
    // A word no article writes holds nothing to read.
    if (!base) continue;
    const df = foldedDf(lex, base.f);
    if (df < bestDf) [best, bestDf] = [g, df];
  }
  if (!best) return null;
  return [...new Set([best.word.folded, ...best.terms.filter((t) => t.base).map((t) => lex.foldedTerm[t.f])])];
}

/** A byte per article: TITLE when its title holds the word, else its lead and body mentions (at most TITLE − 1). */
const TITLE = 255;

/** An article's share from its byte (subjectCounts): 1 for a title holding the word, else mentions / `mentions`, at most 1. */
export function subjectShare(count: number, mentions: number): number {
  return count === TITLE ? 1 : Math.min(1, count / mentions);
}

/** One posting's byte: foldedTf packs the title count << 12 | lead << 8 | body (body 255 = more). */
export function postingCount(tf: number): number {
  if (tf >= 1 << 12) return TITLE;
  return Math.min(TITLE - 1, ((tf >> 8) & 15) + (tf & 255));
}

type Postings = Pick<RankIndex, "n" | "foldedId" | "foldedStart" | "foldedDocs" | "foldedTf">;

/**
 * How this segment's articles hold the spellings: a reader of article d's byte (the largest over
 * spellings). One pass over the spellings' postings when that reads less than a binary search per
 * article (`articles` of them, each search costing about `searchCost` postings), else the searches.
 */
export function subjectCounts(rank: Postings, spellings: readonly string[], articles: number, searchCost: number): (d: number) => number {
  const ids = spellings.flatMap((s) => rank.foldedId.get(s) ?? []);
  let postings = 0;
  for (const f of ids) postings += rank.foldedStart[f + 1] - rank.foldedStart[f];
  if (articles * searchCost * ids.length > postings) {
    const count = new Uint8Array(rank.n);
    for (const f of ids)
      for (let p = rank.foldedStart[f]; p < rank.foldedStart[f + 1]; p++) {
        const d = rank.foldedDocs[p];
        count[d] = Math.max(count[d], postingCount(rank.foldedTf[p]));
      }
    return (d) => count[d];
  }
  return (d) => {
    let best = 0;
    for (const f of ids) {
      const at = foldedPostingOf(rank, f, d);
      if (at >= 0) best = Math.max(best, postingCount(rank.foldedTf[at]));
    }
    return best;
  };
}
