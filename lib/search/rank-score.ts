// Scoring: term-at-a-time BM25 over typed posting lists (cheap even for syllables in
// every article), then a positional pass over the best candidates for syllable pairs
// and quoted phrases. Ranking is lexicographic: words covered, then words matched
// with the marks as typed, then relevance.
import type { Group } from "@/lib/search/query-expand";
import { BREAK, foldedDf, type RankIndex } from "@/lib/search/rank-index";

const K1 = 1.2;
const B = 0.75;
/** Candidates rescored with pairs (all candidates when the query has phrases, up to PHRASE_SCAN). */
const PAIR_SCAN = 400;
const PHRASE_SCAN = 20_000;
/** Pair bonus per occurrence by field; the body's total is capped so long pages do not win by length. */
const PAIR_FIELD = { title: 3, lead: 1.5, body: 0.5, bodyCap: 1.5 };
/** Relevance is squashed into [0, 10) so it never outweighs one more exact word. */
const SQUASH = 30;

/** An excluded word: articles holding every term are dropped (exact ids when marked). */
export interface ExcludedTerms {
  folded: number[];
  exact: number[];
}

/** Per-process scratch arrays, reused by every query (JS runs one query at a time). */
export interface Scratch {
  total: Float64Array;
  best: Float64Array;
  mask: Int32Array;
  exactMask: Int32Array;
  count: Int32Array;
  baseMask: Int32Array;
  expMask: Int32Array;
}

export function createScratch(index: RankIndex): Scratch {
  return {
    total: new Float64Array(index.n),
    best: new Float64Array(index.n),
    mask: new Int32Array(index.n),
    exactMask: new Int32Array(index.n),
    count: new Int32Array(index.n),
    baseMask: new Int32Array(index.foldedTerm.length),
    expMask: new Int32Array(index.foldedTerm.length),
  };
}

export function idf(index: RankIndex, df: number): number {
  return Math.log(1 + (index.n - df + 0.5) / (df + 0.5));
}

export interface ScoreRequest {
  groups: Group[];
  phrases: number[][];
  excluded: ExcludedTerms[];
  /** "all": every word must match; "any": at least one. */
  mode: "all" | "any";
}

/** Article index → score for every article the request matches. */
export function scoreQuery(index: RankIndex, s: Scratch, req: ScoreRequest): Map<number, number> {
  const { groups } = req;
  const touched: number[] = [];
  try {
    accumulate(index, s, groups, touched);
    const full = (1 << groups.length) - 1;
    let candidates = req.mode === "all" ? touched.filter((d) => s.mask[d] === full) : touched;
    candidates = dropExcluded(index, s, candidates, req.excluded);

    const prelim = new Float64Array(candidates.length);
    candidates.forEach((d, i) => {
      prelim[i] = tierOf(s, d) + squash(s.total[d]);
    });
    const phrases = req.mode === "all" ? req.phrases : [];
    const scanCount = Math.min(candidates.length, phrases.length ? PHRASE_SCAN : PAIR_SCAN);
    const threshold = scanCount < candidates.length ? kthLargest(prelim, scanCount) : -Infinity;

    const scanner = createScanner(index, s, groups, phrases);
    const out = new Map<number, number>();
    try {
      let scanned = 0;
      candidates.forEach((d, i) => {
        if (prelim[i] >= threshold && scanned < scanCount) {
          scanned++;
          const r = scanner.scan(d);
          if (r.phrasesOk) out.set(d, tierOf(s, d) + squash(s.total[d] + r.bonus));
        } else if (!phrases.length) {
          out.set(d, prelim[i]);
        }
      });
    } finally {
      scanner.release();
    }
    return out;
  } finally {
    for (const d of touched) {
      s.total[d] = 0;
      s.mask[d] = 0;
      s.exactMask[d] = 0;
    }
  }
}

/** BM25 of each group (best of its expansions) into `total`, coverage bits into `mask`. */
function accumulate(index: RankIndex, s: Scratch, groups: Group[], touched: number[]) {
  const { foldedStart, foldedDocs, foldedTf, docLen, avgLen } = index;
  groups.forEach((group, g) => {
    const bit = 1 << g;
    const hit: number[] = [];
    for (const t of group.terms) {
      const w = t.weight * idf(index, foldedDf(index, t.f));
      for (let p = foldedStart[t.f]; p < foldedStart[t.f + 1]; p++) {
        const d = foldedDocs[p];
        const tf = foldedTf[p];
        const v = (w * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * docLen[d]) / avgLen));
        if (s.best[d] === 0) hit.push(d);
        if (v > s.best[d]) s.best[d] = v;
      }
    }
    for (const d of hit) {
      if (s.mask[d] === 0) touched.push(d);
      s.mask[d] |= bit;
      s.total[d] += s.best[d];
      s.best[d] = 0;
    }
    if (group.exact >= 0) {
      for (let p = index.exactStart[group.exact]; p < index.exactStart[group.exact + 1]; p++) {
        s.exactMask[index.exactDocs[p]] |= bit;
      }
    }
  });
}

function dropExcluded(index: RankIndex, s: Scratch, candidates: number[], excluded: ExcludedTerms[]): number[] {
  if (!excluded.length) return candidates;
  const drop = excludedDocs(index, s, excluded);
  return drop.size ? candidates.filter((d) => !drop.has(d)) : candidates;
}

/** Articles holding every term of at least one excluded word. */
export function excludedDocs(index: RankIndex, s: Scratch, excluded: ExcludedTerms[]): Set<number> {
  const drop = new Set<number>();
  for (const ex of excluded) {
    const lists: [Int32Array, Int32Array, number][] = [
      ...ex.folded.map((f): [Int32Array, Int32Array, number] => [index.foldedStart, index.foldedDocs, f]),
      ...ex.exact.map((e): [Int32Array, Int32Array, number] => [index.exactStart, index.exactDocs, e]),
    ];
    if (!lists.length) continue;
    const seen: number[] = [];
    for (const [start, docs, t] of lists) {
      for (let p = start[t]; p < start[t + 1]; p++) {
        const d = docs[p];
        if (s.count[d]++ === 0) seen.push(d);
        if (s.count[d] === lists.length) drop.add(d);
      }
    }
    for (const d of seen) s.count[d] = 0;
  }
  return drop;
}

/** Words covered, then words matched with their marks as typed. */
function tierOf(s: Scratch, d: number): number {
  return popcount(s.mask[d]) * 1000 + popcount(s.mask[d] & s.exactMask[d]) * 10;
}

function squash(r: number): number {
  return (10 * r) / (r + SQUASH);
}

function popcount(x: number): number {
  let c = 0;
  while (x) {
    x &= x - 1;
    c++;
  }
  return c;
}

/** The k-th largest value (1-based) by quickselect on a copy. */
function kthLargest(values: Float64Array, k: number): number {
  const a = Float64Array.from(values);
  let lo = 0;
  let hi = a.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] > pivot) i++;
      while (a[j] < pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return a[target];
}

/** Positional pass over one article's stream: pair bonus and phrase checks. */
function createScanner(index: RankIndex, s: Scratch, groups: Group[], phrases: number[][]) {
  const { stream, docStart, titleEnd, leadEnd, foldedOf } = index;
  let joinMask = 0;
  let phraseStart = 0;
  let phraseCont = 0;
  let phraseEnd = 0;
  const pairIdf: number[] = [];
  groups.forEach((g, i) => {
    for (const t of g.terms) {
      if (t.base) s.baseMask[t.f] |= 1 << i;
      else s.expMask[t.f] |= 1 << i;
    }
    if (i > 0 && g.word.joinsPrev) joinMask |= 1 << i;
    pairIdf.push(g.terms.length ? idf(index, foldedDf(index, g.terms[0].f)) : 0);
  });
  for (const p of phrases) {
    phraseStart |= 1 << p[0];
    for (const i of p.slice(1)) phraseCont |= 1 << i;
    phraseEnd |= 1 << p[p.length - 1];
  }

  return {
    scan(d: number): { bonus: number; phrasesOk: boolean } {
      let bonus = 0;
      let body = 0;
      let prevAll = 0;
      let prevBase = 0;
      let chain = 0;
      let found = 0;
      for (let i = docStart[d]; i < docStart[d + 1]; i++) {
        const e = stream[i];
        if (e === BREAK) {
          prevAll = prevBase = 0;
          continue;
        }
        const f = foldedOf[e];
        const base = s.baseMask[f];
        const all = base | s.expMask[f];
        if (all === 0) {
          prevAll = prevBase = chain = 0;
          continue;
        }
        const pairs = (prevAll << 1) & all & joinMask;
        if (pairs) {
          const strong = (prevBase << 1) & base;
          for (let g = 1; g < groups.length; g++) {
            if (!(pairs & (1 << g))) continue;
            const v = ((strong & (1 << g) ? 1 : 0.5) * (pairIdf[g - 1] + pairIdf[g])) / 2;
            if (i < titleEnd[d]) bonus += PAIR_FIELD.title * v;
            else if (i < leadEnd[d]) bonus += PAIR_FIELD.lead * v;
            else body += PAIR_FIELD.body * v;
          }
        }
        chain = ((chain << 1) & all & phraseCont) | (all & phraseStart);
        found |= chain & phraseEnd;
        prevAll = all;
        prevBase = base;
      }
      const cap = PAIR_FIELD.bodyCap * Math.max(1, ...pairIdf);
      return { bonus: bonus + Math.min(body, cap), phrasesOk: (found & phraseEnd) === phraseEnd };
    },
    release() {
      for (const g of groups) for (const t of g.terms) s.baseMask[t.f] = s.expMask[t.f] = 0;
    },
  };
}
