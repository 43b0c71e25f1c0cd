// Scoring: term-at-a-time BM25 over typed posting lists (cheap even for syllables in
// every article), then a positional pass over the best candidates for syllable pairs
// and quoted phrases. Ranking is lexicographic: words covered, then words matched
// with the marks as typed, then relevance.
import { popcount } from "@/lib/search/bits";
import type { Group } from "@/lib/search/query-expand";
import { archiveSize, FIELD_WEIGHT, foldedDf, pairDf, type RankIndex } from "@/lib/search/rank-index";
import { exactVariants } from "@/lib/search/variants";

const K1 = 1.2;
/** Stream break marker, as a local constant: imported bindings are slow in hot loops. */
const BREAK = -1;
/** Candidates rescored with pairs (all candidates when the query has phrases, up to PHRASE_SCAN). */
const PAIR_SCAN = 300;
const PHRASE_SCAN = 4000;
/** Candidates whose title and lead are scanned for pairs. */
const HEAD_SCAN = 1500;
/** A syllable in more than this share of articles is "common". */
const COMMON_SHARE = 0.05;
/** How much an adjacent pair of query words counts against one word of the same rarity. */
const PAIR_WEIGHT = 1;
/** Relevance at which the squashed score reaches half its range. */
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
  /** Words matched as typed, not through a completion or typo neighbour. */
  litMask: Int32Array;
  count: Int32Array;
  /** Per exact term id: query words it matches as typed / through a completion. */
  baseMask: Int32Array;
  expMask: Int32Array;
  /** Per article: the stamp of the marked spelling last seen in it (see accumulate). */
  allow: Int32Array;
}

/** Stamps for `Scratch.allow`: a fresh one per marked expansion, so nothing is cleared. */
let stampGen = 0;

export function createScratch(index: RankIndex): Scratch {
  return {
    total: new Float64Array(index.n),
    best: new Float64Array(index.n),
    mask: new Int32Array(index.n),
    exactMask: new Int32Array(index.n),
    litMask: new Int32Array(index.n),
    count: new Int32Array(index.n),
    baseMask: new Int32Array(index.exactTerm.length),
    expMask: new Int32Array(index.exactTerm.length),
    allow: new Int32Array(index.n),
  };
}

export function idf(index: RankIndex, df: number): number {
  const n = archiveSize(index);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

export interface ScoreRequest {
  groups: Group[];
  phrases: number[][];
  excluded: ExcludedTerms[];
  /** "all": every word must match; "any": at least one. */
  mode: "all" | "any";
  /** Set by scoreQuery: true when only part of the candidates could be checked for phrases. */
  capped?: boolean;
}

/** Article index → score for every article the request matches. */
export function scoreQuery(index: RankIndex, s: Scratch, req: ScoreRequest): Map<number, number> {
  const { groups } = req;
  const touched: number[] = [];
  try {
    accumulate(index, s, groups, touched, req.mode === "all");
    const full = (1 << groups.length) - 1;
    let candidates = req.mode === "all" ? touched.filter((d) => s.mask[d] === full) : anyWord(index, s, groups, touched);
    candidates = dropExcluded(index, s, candidates, req.excluded);
    const deleted = index.deleted;
    if (deleted) candidates = candidates.filter((d) => deleted[d] === 0);

    const phrases = req.mode === "all" ? req.phrases : [];
    const scanner = createScanner(index, s, groups, phrases);
    try {
      req.capped = phrases.length > 0 && candidates.length > PHRASE_SCAN;
      return phrases.length ? withPhrases(index, s, scanner, candidates) : withPairs(index, s, scanner, candidates);
    } finally {
      scanner.release();
    }
  } finally {
    for (const d of touched) {
      s.total[d] = 0;
      s.mask[d] = 0;
      s.exactMask[d] = 0;
      s.litMask[d] = 0;
    }
  }
}

type Scanner = ReturnType<typeof createScanner>;

/**
 * Pairs in the title and lead of every candidate (cheap: tens of tokens each), then
 * in the body of the best PAIR_SCAN only.
 */
function withPairs(index: RankIndex, s: Scratch, scanner: Scanner, candidates: number[]): Map<number, number> {
  const { docStart, leadEnd } = index;
  const score = Float64Array.from(candidates, (d) => tierOf(s, d) + squash(s.total[d]));
  // Title and lead pairs for the best HEAD_SCAN by words alone; the rest keep that score.
  const headCut = HEAD_SCAN < candidates.length ? kthLargest(score, HEAD_SCAN) : -Infinity;
  let headed = 0;
  candidates.forEach((d, i) => {
    if (score[i] < headCut || headed >= HEAD_SCAN) return;
    headed++;
    score[i] = tierOf(s, d) + squash(s.total[d] + scanner.scan(d, docStart[d], leadEnd[d]).bonus);
  });
  const threshold = PAIR_SCAN < candidates.length ? kthLargest(score, PAIR_SCAN) : -Infinity;
  const out = new Map<number, number>();
  let scanned = 0;
  candidates.forEach((d, i) => {
    if (score[i] >= threshold && scanned < PAIR_SCAN) {
      scanned++;
      const pairs = scanner.scan(d, docStart[d], docStart[d + 1]).bonus;
      out.set(d, tierOf(s, d) + squash(s.total[d] + pairs));
    } else {
      out.set(d, score[i]);
    }
  });
  return out;
}

/** Quoted phrases: only articles holding every phrase (the best PHRASE_SCAN are checked). */
function withPhrases(index: RankIndex, s: Scratch, scanner: Scanner, candidates: number[]): Map<number, number> {
  const prelim = Float64Array.from(candidates, (d) => tierOf(s, d) + squash(s.total[d]));
  const threshold = PHRASE_SCAN < candidates.length ? kthLargest(prelim, PHRASE_SCAN) : -Infinity;
  const out = new Map<number, number>();
  let scanned = 0;
  candidates.forEach((d, i) => {
    if (prelim[i] < threshold || scanned >= PHRASE_SCAN) return;
    scanned++;
    const r = scanner.scan(d, index.docStart[d], index.docStart[d + 1]);
    if (r.phrasesOk) out.set(d, tierOf(s, d) + squash(s.total[d] + r.bonus));
  });
  return out;
}

/** BM25F of each group (best of its expansions) into `total`, coverage bits into `mask`. */
function accumulate(index: RankIndex, s: Scratch, groups: Group[], touched: number[], requireAll: boolean) {
  const { foldedStart, foldedDocs, foldedTf, titleNorm, leadNorm, bodyNorm, exactStart, exactDocs } = index;
  const { best, mask, total, exactMask, litMask, allow } = s;
  const wT = FIELD_WEIGHT.title;
  const wL = FIELD_WEIGHT.lead;
  const wB = FIELD_WEIGHT.body;
  // Rarest word first; when every word must match, later words only score articles
  // that matched all earlier ones (common syllables then cost a loop, not a score).
  const order = groups.map((_, g) => g);
  const size = groups.map((grp) => grp.terms.reduce((n, t) => n + foldedDf(index, t.f), 0));
  if (requireAll) order.sort((a, b) => size[a] - size[b]);
  let needed = 0;
  for (const g of order) {
    const group = groups[g];
    const bit = 1 << g;
    const hit: number[] = [];
    // The word as typed comes first; completions and typo neighbours count only in
    // articles where it does not occur.
    for (const t of group.terms) {
      const w = t.weight * idf(index, foldedDf(index, t.f));
      const end = foldedStart[t.f + 1];
      // A marked spelling: only articles that hold it (its folded tf stands for its own).
      const stamp = t.e === undefined ? 0 : ++stampGen;
      if (stamp) for (let p = exactStart[t.e!]; p < exactStart[t.e! + 1]; p++) allow[exactDocs[p]] = stamp;
      for (let p = foldedStart[t.f]; p < end; p++) {
        const d = foldedDocs[p];
        if ((mask[d] & needed) !== needed) continue;
        if (stamp && allow[d] !== stamp) continue;
        if (!t.base && litMask[d] & bit) continue;
        const packed = foldedTf[p];
        const tf = wT * (packed >> 12) * titleNorm[d] + wL * ((packed >> 8) & 15) * leadNorm[d] + wB * (packed & 255) * bodyNorm[d];
        const v = (w * tf * (K1 + 1)) / (tf + K1);
        const old = best[d];
        if (old === 0) hit.push(d);
        if (v > old) best[d] = v;
      }
      if (t.base) {
        for (let p = foldedStart[t.f]; p < end; p++) {
          const d = foldedDocs[p];
          if ((mask[d] & needed) === needed && (!stamp || allow[d] === stamp)) litMask[d] |= bit;
        }
      }
    }
    for (let i = 0; i < hit.length; i++) {
      const d = hit[i];
      if (mask[d] === 0) touched.push(d);
      mask[d] |= bit;
      total[d] += best[d];
      best[d] = 0;
    }
    if (group.exact >= 0) {
      // Only matched (hence touched, hence reset) articles may carry a bit.
      for (let p = exactStart[group.exact]; p < exactStart[group.exact + 1]; p++) {
        const d = exactDocs[p];
        if (mask[d] & bit) exactMask[d] |= bit;
      }
    }
    if (requireAll) needed |= bit;
  }
}

/**
 * "Any word" without the noise: an article matching only syllables found in most of
 * the corpus (của, và, người) is dropped unless it covers half the query (Lucene's
 * common-terms idea); this also keeps relaxed answers fast.
 */
function anyWord(index: RankIndex, s: Scratch, groups: Group[], touched: number[]): number[] {
  let rare = 0;
  groups.forEach((g, i) => {
    if (g.terms.some((t) => foldedDf(index, t.f) <= archiveSize(index) * COMMON_SHARE)) rare |= 1 << i;
  });
  if (!rare) return touched;
  const half = Math.ceil(groups.length / 2);
  return touched.filter((d) => s.mask[d] & rare || popcount(s.mask[d]) >= half);
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
    const lists: [Int32Array, Uint16Array, number][] = [
      ...ex.folded.map((f): [Int32Array, Uint16Array, number] => [index.foldedStart, index.foldedDocs, f]),
      ...ex.exact.map((e): [Int32Array, Uint16Array, number] => [index.exactStart, index.exactDocs, e]),
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

/**
 * Lexicographic tiers: words covered, then words matched as typed (not through a
 * completion or typo), then words matched with their marks as typed.
 */
function tierOf(s: Scratch, d: number): number {
  const m = s.mask[d];
  return popcount(m) * 1e6 + popcount(m & s.litMask[d]) * 1e4 + popcount(m & s.exactMask[d]) * 100;
}

/** Relevance squashed into [0, 100): it orders articles within a tier, never across. */
function squash(r: number): number {
  return (100 * r) / (r + SQUASH);
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
  const { stream, titleEnd, leadEnd, titleNorm, leadNorm, bodyNorm } = index;
  const { baseMask, expMask } = s;
  const n = groups.length;
  let joinMask = 0;
  let phraseStart = 0;
  let phraseCont = 0;
  let phraseEnd = 0;
  // Each adjacent pair of query words scores like one more term, with its own rarity.
  const pairIdf = new Float64Array(n);
  groups.forEach((g, i) => {
    // Masks by exact spelling: a marked word pairs and phrases with its own spelling only.
    for (const t of g.terms) {
      for (const e of t.e === undefined ? exactVariants(index, t.f) : [t.e]) {
        if (t.base) baseMask[e] |= 1 << i;
        else expMask[e] |= 1 << i;
      }
    }
    if (i > 0 && g.word.joinsPrev) joinMask |= 1 << i;
    const prev = groups[i - 1];
    if (i > 0 && prev.terms.length && g.terms.length) {
      pairIdf[i] = PAIR_WEIGHT * idf(index, pairDf(index, prev.terms[0].f, g.terms[0].f));
    }
  });
  for (const p of phrases) {
    phraseStart |= 1 << p[0];
    for (const i of p.slice(1)) phraseCont |= 1 << i;
    phraseEnd |= 1 << p[p.length - 1];
  }
  /** Pair occurrences per query pair and field: [title, lead, body] × n. */
  const counts = new Float64Array(3 * n);

  return {
    /** Pair score (BM25F over pair occurrences) and phrase check over stream positions [from, to). */
    scan(d: number, from: number, to: number): { bonus: number; phrasesOk: boolean } {
      counts.fill(0);
      let prevAll = 0;
      let prevBase = 0;
      let chain = 0;
      let found = 0;
      for (let i = from; i < to; i++) {
        const e = stream[i];
        if (e === BREAK) {
          // A sentence, clause or paragraph break: neither a pair nor a phrase crosses it.
          prevAll = prevBase = chain = 0;
          continue;
        }
        const base = baseMask[e];
        const all = base | expMask[e];
        if (all === 0) {
          prevAll = prevBase = chain = 0;
          continue;
        }
        const pairs = (prevAll << 1) & all & joinMask;
        if (pairs) {
          const strong = (prevBase << 1) & base;
          const field = i < titleEnd[d] ? 0 : i < leadEnd[d] ? 1 : 2;
          for (let g = 1; g < n; g++) {
            if (pairs & (1 << g)) counts[3 * g + field] += strong & (1 << g) ? 1 : 0.5;
          }
        }
        chain = ((chain << 1) & all & phraseCont) | (all & phraseStart);
        found |= chain & phraseEnd;
        prevAll = all;
        prevBase = base;
      }
      let bonus = 0;
      for (let g = 1; g < n; g++) {
        const tf =
          FIELD_WEIGHT.title * counts[3 * g] * titleNorm[d] +
          FIELD_WEIGHT.lead * counts[3 * g + 1] * leadNorm[d] +
          FIELD_WEIGHT.body * counts[3 * g + 2] * bodyNorm[d];
        if (tf > 0) bonus += (pairIdf[g] * tf * (K1 + 1)) / (tf + K1);
      }
      return { bonus, phrasesOk: (found & phraseEnd) === phraseEnd };
    },
    release() {
      for (const g of groups) {
        for (const t of g.terms) for (const e of t.e === undefined ? exactVariants(index, t.f) : [t.e]) baseMask[e] = expMask[e] = 0;
      }
    },
  };
}
