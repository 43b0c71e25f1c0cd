// Matching, ranking and snippets over the live archive. A query is parsed and expanded
// once against the archive's vocabulary, then scored segment by segment with
// archive-wide statistics, so a segment's size never changes a score.
import type { Article } from "@/lib/corpus/types";
import type { Archive, Loc } from "@/lib/index/archive";
import { memoryArchive } from "@/lib/index/memory";
import type { Segment as IndexSegment } from "@/lib/index/segment";
import { expandQuery, typoBudget, type Group } from "@/lib/search/query-expand";
import { parseQuery, type ParsedQuery } from "@/lib/search/query-parse";
import { keyTerms, relatedIn } from "@/lib/search/rank-related";
import { createScratch, excludedDocs, scoreQuery, type ExcludedTerms, type Scratch } from "@/lib/search/rank-score";
import { bestPassage, highlightText, markRules, type MarkRules } from "@/lib/search/snippet";
import { suggestQuery } from "@/lib/search/suggest";
import type { Segment } from "@/lib/api/contract";

/** One matched article: where it lives and its relevance. */
export interface Hit extends Loc {
  score: number;
}

export interface MatchResult {
  hits: Hit[];
  /** Article id → relevance score (built on first use, for tests and tools). */
  readonly scores: Map<string, number>;
  /** True when no article matched every word and the hits match any word. */
  relaxed: boolean;
  /** A corrected query when the query looks misspelt. */
  suggestion: string | null;
}

export interface Matcher {
  /** `null` when the query has no searchable words (browse everything). */
  match(q: string): MatchResult | null;
  /** The best passage of the article for the query, matched words marked. */
  snippet(article: Article, q: string): Segment[];
  /** The whole `text` as segments with the query marked (titles, article pages). */
  highlight(text: string, q: string): Segment[];
  /** Articles most similar to the one at `loc` (for "Bài liên quan"). */
  related(loc: Loc, n: number): Loc[];
}

/** A query analysed once (per archive generation) and reused by match, snippet and highlight. */
interface Prepared {
  q: string;
  parsed: ParsedQuery;
  /** Groups in archive term ids. */
  groups: Group[];
  excluded: ExcludedTerms[];
  result?: MatchResult | null;
  rules?: MarkRules;
}

const CACHE_SIZE = 64;

/** The matcher of an archive, or of articles indexed in memory (tests, tools). */
export function createMatcher(source: Archive | readonly Article[]): Matcher {
  const archive = Array.isArray(source) ? memoryArchive(source as readonly Article[]) : (source as Archive);
  const lex = archive.lexicon;
  const scratches = new WeakMap<IndexSegment, Scratch>();
  const cache = new Map<string, Prepared>();
  let cacheGeneration = -1;

  const scratchOf = (seg: IndexSegment) => {
    let s = scratches.get(seg);
    if (!s) scratches.set(seg, (s = createScratch(seg.rank)));
    return s;
  };

  function prepare(q: string): Prepared {
    if (cacheGeneration !== archive.generation) {
      cache.clear();
      cacheGeneration = archive.generation;
    }
    const hit = cache.get(q);
    if (hit) {
      cache.delete(q);
      cache.set(q, hit);
      return hit;
    }
    const parsed = parseQuery(q);
    const prepared: Prepared = {
      q,
      parsed,
      groups: expandQuery(lex, parsed.words, false),
      excluded: parsed.excluded.map((tokens) => excludedTerms(lex, tokens)),
    };
    cache.set(q, prepared);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return prepared;
  }

  /** Groups and exclusions in one segment's term ids. */
  function localize(seg: IndexSegment, groups: Group[], excluded: ExcludedTerms[]) {
    const local = groups.map((g) => ({
      ...g,
      terms: g.terms.flatMap((t) => {
        const f = archive.localFolded(seg, t.f);
        return f < 0 ? [] : [{ ...t, f }];
      }),
      exact: g.exact < 0 ? -1 : archive.localExact(seg, g.exact),
    }));
    const ex = excluded.map((x) => ({ folded: x.folded.map((f) => archive.localFolded(seg, f)), exact: x.exact.map((e) => archive.localExact(seg, e)) }));
    // A word absent from this segment excludes nothing here.
    return { groups: local, excluded: ex.filter((x) => !x.folded.includes(-1) && !x.exact.includes(-1)) };
  }

  function scoreAll(p: Prepared, groups: Group[], mode: "all" | "any"): Hit[] {
    const hits: Hit[] = [];
    for (const seg of archive.segments) {
      const local = localize(seg, groups, p.excluded);
      const scores = scoreQuery(seg.rank, scratchOf(seg), { groups: local.groups, phrases: p.parsed.phrases, excluded: local.excluded, mode });
      for (const [d, score] of scores) hits.push({ seg, d, score });
    }
    return hits;
  }

  function run(p: Prepared): MatchResult | null {
    const { parsed } = p;
    if (!parsed.words.length) {
      if (!parsed.excluded.length) return null;
      // Only exclusions: every article without them.
      const hits: Hit[] = [];
      for (const seg of archive.segments) {
        const local = localize(seg, [], p.excluded);
        const drop = excludedDocs(seg.rank, scratchOf(seg), local.excluded);
        for (let d = 0; d < seg.rank.n; d++) if (!seg.rank.deleted?.[d] && !drop.has(d)) hits.push({ seg, d, score: 0 });
      }
      return result(hits, false, null);
    }
    let hits = scoreAll(p, p.groups, "all");
    if (!hits.length && p.groups.some((g) => g.word.folded.length >= 4 && typoBudget(g.word.folded.length) > 0)) {
      // Nothing has every word: allow typos in every word long enough to carry one.
      const fuzzy = expandQuery(lex, parsed.words, true);
      const again = scoreAll(p, fuzzy, "all");
      if (again.length) {
        p.groups = fuzzy;
        hits = again;
      }
    }
    let relaxed = false;
    if (!hits.length) {
      relaxed = true;
      hits = scoreAll(p, p.groups, "any");
    }
    return result(hits, relaxed, suggestQuery(lex, p.q, p.groups));
  }

  function rulesOf(p: Prepared): MarkRules {
    p.rules ??= markRules(p.groups, (f) => lex.foldedTerm[f]);
    return p.rules;
  }

  function prepared(q: string): Prepared {
    const p = prepare(q);
    if (p.result === undefined) p.result = run(p);
    return p;
  }

  return {
    match: (q) => prepared(q).result ?? null,
    snippet(article, q) {
      const rules = rulesOf(prepared(q));
      const passage = bestPassage(article.paragraphs.join("\n"), rules);
      if (passage.some((seg) => seg.mark) || !article.captions.length) return passage;
      // The match may be in a photo caption only: show the caption rather than no mark.
      const caption = bestPassage(article.captions.join("\n"), rules);
      return caption.some((seg) => seg.mark) ? caption : passage;
    },
    highlight: (text, q) => highlightText(text, rulesOf(prepared(q))),
    related(loc, n) {
      const keys = keyTerms(loc.seg.rank, loc.d);
      const scored: Hit[] = [];
      for (const seg of archive.segments) {
        for (const [d, score] of relatedIn(seg.rank, keys, seg === loc.seg ? loc.d : -1)) scored.push({ seg, d, score });
      }
      return scored
        .sort((a, b) => b.score - a.score || (a.seg.rank.ids[a.d] < b.seg.rank.ids[b.d] ? -1 : 1))
        .slice(0, Math.max(0, n));
    },
  };
}

function result(hits: Hit[], relaxed: boolean, suggestion: string | null): MatchResult {
  let scores: Map<string, number> | null = null;
  return {
    hits,
    relaxed,
    suggestion,
    get scores() {
      scores ??= new Map(hits.map((h) => [h.seg.rank.ids[h.d], h.score]));
      return scores;
    },
  };
}

function excludedTerms(lex: Archive["lexicon"], tokens: { term: string; folded: string }[]): ExcludedTerms {
  const folded: number[] = [];
  const exact: number[] = [];
  for (const t of tokens) {
    if (t.term !== t.folded) exact.push(lex.exactId.get(t.term) ?? -1);
    else folded.push(lex.foldedId.get(t.folded) ?? -1);
  }
  // A word absent from the archive excludes nothing.
  if (folded.includes(-1) || exact.includes(-1)) return { folded: [], exact: [] };
  return { folded, exact };
}
