// Matching, ranking and snippets for Vietnamese news. Built once per process; every
// per-article structure is precomputed here, queries only read them.
import type { Article } from "@/lib/corpus/types";
import { expandQuery, typoBudget, type Group } from "@/lib/search/query-expand";
import { parseQuery, type ParsedQuery } from "@/lib/search/query-parse";
import { buildRankIndex, type RankIndex } from "@/lib/search/rank-index";
import { relatedDocs } from "@/lib/search/rank-related";
import { createScratch, excludedDocs, scoreQuery, type ExcludedTerms } from "@/lib/search/rank-score";
import { bestPassage, highlightText, markRules, type MarkRules } from "@/lib/search/snippet";
import { suggestQuery } from "@/lib/search/suggest";
import type { Segment } from "@/lib/search/types";

export interface MatchResult {
  /** Article id → relevance score, for every article that matches. */
  scores: Map<string, number>;
  /** True when no article matched every word and `scores` match any word. */
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
  /** Ids of articles most similar to `article` (for "Bài liên quan"). */
  related?(article: Article, n: number): string[];
}

/** A query analysed once and reused by match, snippet and highlight of one request. */
interface Prepared {
  q: string;
  parsed: ParsedQuery;
  groups: Group[];
  excluded: ExcludedTerms[];
  result?: MatchResult | null;
  rules?: MarkRules;
}

const CACHE_SIZE = 64;

/** Build the matcher of a corpus (index, typo vocabulary, scratch space). */
export function createMatcher(articles: Article[]): Matcher {
  const index = buildRankIndex(articles);
  const scratch = createScratch(index);
  const cache = new Map<string, Prepared>();

  function prepare(q: string): Prepared {
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
      groups: expandQuery(index, parsed.words, false),
      excluded: parsed.excluded.map((tokens) => excludedTerms(index, tokens)),
    };
    cache.set(q, prepared);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return prepared;
  }

  function run(p: Prepared): MatchResult | null {
    const { parsed, excluded } = p;
    if (!parsed.words.length) {
      if (!parsed.excluded.length) return null;
      // Only exclusions: every article without them.
      const drop = excludedDocs(index, scratch, excluded);
      const scores = new Map<string, number>();
      index.ids.forEach((id, d) => {
        if (!drop.has(d)) scores.set(id, 0);
      });
      return { scores, relaxed: false, suggestion: null };
    }
    let scores = scoreQuery(index, scratch, { groups: p.groups, phrases: parsed.phrases, excluded, mode: "all" });
    if (!scores.size && p.groups.some((g) => g.word.folded.length >= 4 && typoBudget(g.word.folded.length) > 0)) {
      // Nothing has every word: allow typos in every word long enough to carry one.
      const fuzzy = expandQuery(index, parsed.words, true);
      const again = scoreQuery(index, scratch, { groups: fuzzy, phrases: parsed.phrases, excluded, mode: "all" });
      if (again.size) {
        p.groups = fuzzy;
        scores = again;
      }
    }
    let relaxed = false;
    if (!scores.size) {
      relaxed = true;
      scores = scoreQuery(index, scratch, { groups: p.groups, phrases: parsed.phrases, excluded, mode: "any" });
    }
    return { scores: toIds(index, scores), relaxed, suggestion: suggestQuery(index, p.q, p.groups) };
  }

  function rulesOf(p: Prepared): MarkRules {
    p.rules ??= markRules(p.groups, (f) => index.foldedTerm[f]);
    return p.rules;
  }

  function highlight(text: string, q: string): Segment[] {
    const p = prepare(q);
    if (p.result === undefined) p.result = run(p);
    return highlightText(text, rulesOf(p));
  }

  return {
    match(q) {
      const p = prepare(q);
      if (p.result === undefined) p.result = run(p);
      return p.result;
    },
    snippet(article, q) {
      const p = prepare(q);
      if (p.result === undefined) p.result = run(p);
      const rules = rulesOf(p);
      const passage = bestPassage(article.paragraphs.join("\n"), rules);
      if (passage.some((seg) => seg.mark) || !article.captions.length) return passage;
      // The match may be in a photo caption only: show the caption rather than no mark.
      const caption = bestPassage(article.captions.join("\n"), rules);
      return caption.some((seg) => seg.mark) ? caption : passage;
    },
    highlight,
    related(article, n) {
      const d = index.docOf.get(article.id);
      if (d === undefined) return [];
      return relatedDocs(index, d, n).map((o) => index.ids[o]);
    },
  };
}

function excludedTerms(index: RankIndex, tokens: { term: string; folded: string }[]): ExcludedTerms {
  const folded: number[] = [];
  const exact: number[] = [];
  for (const t of tokens) {
    if (t.term !== t.folded) {
      const e = index.exactId.get(t.term);
      exact.push(e ?? -1);
    } else {
      folded.push(index.foldedId.get(t.folded) ?? -1);
    }
  }
  // A word absent from the corpus excludes nothing.
  if (folded.includes(-1) || exact.includes(-1)) return { folded: [], exact: [] };
  return { folded, exact };
}

function toIds(index: RankIndex, scores: Map<number, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [d, s] of scores) out.set(index.ids[d], s);
  return out;
}
