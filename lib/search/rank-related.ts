// "Bài liên quan": articles sharing the most distinctive terms of an article.
import { BREAK, FIELD_WEIGHT, fieldCounts, foldedDf, type RankIndex } from "@/lib/search/rank-index";
import { idf } from "@/lib/search/rank-score";

const KEY_TERMS = 15;
/** Terms in more than this share of articles say nothing about the topic. */
const MAX_DF_SHARE = 0.05;

/** Indices of the `n` articles most similar to article `d`, best first. */
export function relatedDocs(index: RankIndex, d: number, n: number): number[] {
  const { stream, docStart, titleEnd, leadEnd, foldedOf } = index;
  const weight = new Map<number, number>();
  for (let i = docStart[d]; i < docStart[d + 1]; i++) {
    const e = stream[i];
    if (e === BREAK) continue;
    const f = foldedOf[e];
    const w = i < titleEnd[d] ? FIELD_WEIGHT.title : i < leadEnd[d] ? FIELD_WEIGHT.lead : FIELD_WEIGHT.body;
    weight.set(f, (weight.get(f) ?? 0) + w);
  }
  const maxDf = Math.max(2, index.n * MAX_DF_SHARE);
  const keys = [...weight]
    .map(([f, w]) => ({ f, df: foldedDf(index, f), w }))
    .filter((t) => t.df >= 2 && t.df <= maxDf && /\p{L}/u.test(index.foldedTerm[t.f]))
    .map((t) => ({ ...t, score: Math.log(1 + t.w) * idf(index, t.df) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, KEY_TERMS);
  const acc = new Map<number, number>();
  for (const k of keys) {
    const termIdf = idf(index, k.df);
    for (let p = index.foldedStart[k.f]; p < index.foldedStart[k.f + 1]; p++) {
      const other = index.foldedDocs[p];
      if (other === d) continue;
      const c = fieldCounts(index.foldedTf[p]);
      const tf = FIELD_WEIGHT.title * c.title + FIELD_WEIGHT.lead * c.lead + c.body;
      acc.set(other, (acc.get(other) ?? 0) + termIdf * k.score * Math.log(1 + tf));
    }
  }
  return [...acc]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Math.max(0, n))
    .map(([other]) => other);
}
