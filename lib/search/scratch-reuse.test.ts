// One matcher answers query after query on the same scratch (rank-score.ts Scratch: sums, masks and
// the reused lists of articles touched, met and members, IntList). A query after others, small after
// large and large after small, must answer as a fresh matcher answers it: nothing an earlier query
// left in the scratch may show in a later one.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import type { Article } from "@/lib/corpus/types";
import { memoryArchive } from "@/lib/index/memory";
import { createMatcher, type MatchMode, type MatchResult } from "@/lib/search/matcher";

// Few syllables, so that a one-syllable query matches most articles and a long one few.
const SYLLABLES = ["hòa", "hoa", "bình", "binh", "giá", "vàng", "vang", "của", "các", "bão", "báo", "miền", "trung", "nhà"];
const syllable = fc.constantFrom(...SYLLABLES);
const article = fc.record({
  title: fc.array(syllable, { minLength: 1, maxLength: 4 }),
  body: fc.array(syllable, { minLength: 1, maxLength: 40 }),
});
const corpus = fc
  .array(article, { minLength: 1, maxLength: 60 })
  .map((docs) => docs.map((a, i): Article => testArticle({ id: `a${i}`, title: a.title.join(" "), paragraphs: [a.body.join(" ") + "."] })));
// One to six words (a long query has few members, a short one many), sometimes a prefix.
const query = fc
  .tuple(fc.array(syllable, { minLength: 1, maxLength: 6 }), fc.boolean())
  .map(([words, prefix]) => (prefix ? words.join(" ").slice(0, -1) : words.join(" ")));
const mode = fc.constantFrom<MatchMode>("all", "any");

/** What a user can see of an answer: every hit and near miss with its bounds, and the first ten made exact. */
function view(r: MatchResult | null) {
  if (!r) return null;
  const ids = (hs: MatchResult["hits"]) => hs.map((h) => [h.seg.rank.ids[h.d], h.score, h.bound]);
  return { hits: ids(r.hits), near: ids(r.nearMisses), top: r.top(10).map((h) => [h.seg.rank.ids[h.d], h.score]), alone: r.alone ?? false };
}

describe("a matcher reused over queries of very different sizes", () => {
  it("answers each query as a fresh matcher does (hits, near misses, bounds, the first ten)", () => {
    fc.assert(
      // Distinct queries: a repeated one is the matcher's kept answer (refined by an earlier view), not a new pass.
      fc.property(corpus, fc.uniqueArray(fc.tuple(query, mode), { minLength: 2, maxLength: 6, selector: ([q, m]) => `${m} ${q}` }), (articles, queries) => {
        const archive = memoryArchive(articles);
        const reused = createMatcher(archive);
        for (const [q, m] of queries) expect(view(reused.match(q, m))).toEqual(view(createMatcher(archive).match(q, m)));
      }),
      { numRuns: 150 },
    );
  });

  it("answers a small query after a large one as before it", () => {
    const articles = Array.from({ length: 40 }, (_, i) =>
      testArticle({ id: `a${i}`, title: i % 2 ? "giá vàng" : "hòa bình", paragraphs: [i % 5 ? "của các nhà." : "bão miền trung của các nhà."] }),
    );
    const archive = memoryArchive(articles);
    const fresh = view(createMatcher(archive).match("bão miền trung", "all"));
    expect(fresh?.hits.length).toBe(8);
    const matcher = createMatcher(archive);
    matcher.match("của", "all");
    matcher.match("các nhà", "any");
    expect(view(matcher.match("bão miền trung", "all"))).toEqual(fresh);
  });
});
