import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import { memoryArchive } from "@/lib/index/memory";
import { memorySegment } from "@/lib/index/segment";
import { SearchEngine } from "@/lib/search/engine";
import { buildRankIndex } from "@/lib/search/rank-index";
import { EMPTY_QUERY } from "@/lib/url/search-params";
import type { SearchQuery, SearchResponse } from "@/lib/api/contract";

const a = testArticle({ id: "a", date: "2025-08-07", persons: ["Vladimir Putin"], outlet: "Dân trí", paragraphs: ["Hội đàm hòa bình."] });
const b = testArticle({ id: "b", date: "2025-12-04", persons: ["Donald Trump"], outlet: "VnExpress", paragraphs: ["Kế hoạch hòa bình."] });
const c = testArticle({ id: "c", date: "2026-01-02", persons: ["Donald Trump"], outlet: "Dân trí", paragraphs: ["Một bài mới đến."] });

const timeless = (r: SearchResponse) => ({ ...r, tookMs: 0 });
const queries: SearchQuery[] = [EMPTY_QUERY, { ...EMPTY_QUERY, person: ["donald-trump"] }, { ...EMPTY_QUERY, sort: "oldest", group: false }];

describe("answers to searches without words, kept per archive generation", () => {
  it("answer as a fresh engine does, even after a caller changed what it was given", () => {
    const engine = new SearchEngine(memoryArchive([a, b]));
    for (const q of queries) {
      // The first answer is computed, the second kept: change both.
      for (const given of [engine.search(q), engine.search(q)]) {
        given.hits.length = 0;
        given.facets.persons.push({ id: "x", name: "x", count: 9 });
      }
      expect(timeless(engine.search(q))).toEqual(timeless(new SearchEngine(memoryArchive([a, b])).search(q)));
    }
  });

  it("follow the archive when it changes", () => {
    const archive = memoryArchive([a, b]);
    const engine = new SearchEngine(archive);
    for (const q of queries) engine.search(q);
    archive.add(memorySegment("more", [{ article: c, line: 0 }], buildRankIndex([c])));
    archive.refresh();
    const fresh = new SearchEngine(memoryArchive([a, b, c]));
    for (const q of queries) expect(timeless(engine.search(q))).toEqual(timeless(fresh.search(q)));
    expect(engine.search(EMPTY_QUERY).hits.map((h) => h.id)).toEqual(["c", "b", "a"]);
  });
});
