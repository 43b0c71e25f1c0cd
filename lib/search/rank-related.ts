// "Bài liên quan": articles sharing the most distinctive terms of an article.
import { BREAK, FIELD_WEIGHT, fieldCounts, foldedDf, archiveSize, tokenAt, type RankIndex } from "@/lib/search/rank-index";
import { idf } from "@/lib/search/rank-score";

const KEY_TERMS = 15;
/** Terms in more than this share of articles say nothing about the topic. */
const MAX_DF_SHARE = 0.05;

/** A distinctive term of an article, by its folded spelling (so any segment can look it up). */
export interface KeyTerm {
  term: string;
  idf: number;
  score: number;
}

/** The most distinctive terms of document `d`, weighted by field. */
export function keyTerms(index: RankIndex, d: number): KeyTerm[] {
  const { stream, docStart, titleEnd, leadEnd, foldedOf } = index;
  const weight = new Map<number, number>();
  for (let i = docStart[d]; i < docStart[d + 1]; i++) {
    const e = tokenAt(stream, i);
    if (e === BREAK) continue;
    const f = foldedOf[e];
    const w = i < titleEnd[d] ? FIELD_WEIGHT.title : i < leadEnd[d] ? FIELD_WEIGHT.lead : FIELD_WEIGHT.body;
    weight.set(f, (weight.get(f) ?? 0) + w);
  }
  const maxDf = Math.max(2, archiveSize(index) * MAX_DF_SHARE);
  return [...weight]
    .map(([f, w]) => ({ f, df: foldedDf(index, f), w }))
    .filter((t) => t.df >= 2 && t.df <= maxDf && /\p{L}/u.test(index.foldedTerm[t.f]))
    .map((t) => ({ term: index.foldedTerm[t.f], idf: idf(index, t.df), score: Math.log(1 + t.w) * idf(index, t.df) }))
    .sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : 1))
    .slice(0, KEY_TERMS);
}

/** Documents of `index` sharing key terms, with their similarity; `exclude` is the article itself. */
export function relatedIn(index: RankIndex, keys: readonly KeyTerm[], exclude: number): Map<number, number> {
  const acc = new Map<number, number>();
  for (const k of keys) {
    const f = index.foldedId.get(k.term);
    if (f === undefined) continue;
    for (let p = index.foldedStart[f]; p < index.foldedStart[f + 1]; p++) {
      const other = index.foldedDocs[p];
      if (other === exclude || index.deleted?.[other]) continue;
      const c = fieldCounts(index.foldedTf[p]);
      const tf = FIELD_WEIGHT.title * c.title + FIELD_WEIGHT.lead * c.lead + c.body;
      acc.set(other, (acc.get(other) ?? 0) + k.idf * k.score * Math.log(1 + tf));
    }
  }
  return acc;
}
