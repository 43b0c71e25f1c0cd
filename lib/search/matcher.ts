// PLACEHOLDER (skeleton): issue 3 replaces the matching, ranking and snippets.
// Keep `createMatcher` and the `Matcher` interface: lib/search/engine.ts calls them.
import MiniSearch from "minisearch";
import type { Article } from "@/lib/corpus/types";
import type { Segment } from "@/lib/search/types";
import { fold, tokenize } from "@/lib/text/analyzer";

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

export function createMatcher(articles: Article[]): Matcher {
  const index = new MiniSearch<Article>({
    fields: ["title", "text"],
    extractField: (a, field) => (field === "text" ? a.paragraphs.join("\n") : (a as unknown as Record<string, string>)[field]),
    tokenize: (text) => tokenize(text).map((t) => t.folded),
    processTerm: (term) => term,
  });
  index.addAll(articles);

  const queryTerms = (q: string) => new Set(tokenize(q).map((t) => t.folded));

  function highlight(text: string, q: string): Segment[] {
    const terms = queryTerms(q);
    const segments: Segment[] = [];
    let at = 0;
    for (const t of tokenize(text)) {
      if (!terms.has(t.folded)) continue;
      if (t.start > at) segments.push({ text: text.slice(at, t.start), mark: false });
      segments.push({ text: t.text, mark: true });
      at = t.end;
    }
    if (at < text.length) segments.push({ text: text.slice(at), mark: false });
    return segments;
  }

  return {
    match(q) {
      const terms = [...queryTerms(q)];
      if (terms.length === 0) return null;
      const results = index.search(terms.join(" "), { combineWith: "AND", boost: { title: 2 } });
      return { scores: new Map(results.map((r) => [String(r.id), r.score])), relaxed: false, suggestion: null };
    },
    snippet(article, q) {
      const text = article.paragraphs.join(" ");
      const terms = queryTerms(q);
      const first = tokenize(text).find((t) => terms.has(t.folded));
      const start = Math.max(0, (first?.start ?? 0) - 80);
      const passage = (start > 0 ? "…" : "") + text.slice(start, start + 220) + (start + 220 < text.length ? "…" : "");
      return highlight(passage, q);
    },
    highlight,
  };
}
