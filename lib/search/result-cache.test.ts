import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import { memoryArchive } from "@/lib/index/memory";
import { memorySegment } from "@/lib/index/segment";
import { SearchEngine } from "@/lib/search/engine";
import { buildRankIndex } from "@/lib/search/rank-index";
import { estimateBytes, ResultCache } from "@/lib/search/result-cache";
import { EMPTY_QUERY } from "@/lib/url/search-params";
import type { SearchQuery, SearchResponse } from "@/lib/api/contract";

const a = testArticle({ id: "a", date: "2025-08-07", persons: ["Vladimir Putin"], outlet: "Dân trí", paragraphs: ["Hội đàm hòa bình ở Alaska."] });
const b = testArticle({ id: "b", date: "2025-12-04", persons: ["Donald Trump"], outlet: "VnExpress", paragraphs: ["Kế hoạch hòa bình mới."] });
const c = testArticle({ id: "c", date: "2026-01-02", persons: ["Donald Trump"], outlet: "Dân trí", paragraphs: ["Hòa bình đến gần."] });

const timeless = (r: SearchResponse) => ({ ...r, tookMs: 0 });
const MiB = 1024 * 1024;
const queries: SearchQuery[] = [
  { ...EMPTY_QUERY, q: "hòa bình" },
  { ...EMPTY_QUERY, q: "hoa binh", person: ["donald-trump"] },
  { ...EMPTY_QUERY, q: "hòa bình", sort: "oldest", group: false },
  { ...EMPTY_QUERY, q: "alaska", page: 2, size: 1 },
];

describe("the result cache of searches with words", () => {
  it("answers a repeated search as a fresh engine does, even after a caller changed what it was given", () => {
    const engine = new SearchEngine(memoryArchive([a, b]), { resultCacheBytes: MiB });
    for (const q of queries) {
      for (const given of [engine.search(q), engine.search(q)]) {
        given.hits.length = 0;
        given.facets.persons.push({ id: "x", name: "x", count: 9 });
      }
      expect(timeless(engine.search(q))).toEqual(timeless(new SearchEngine(memoryArchive([a, b])).search(q)));
    }
    // Each query computed once, then answered twice from the cache.
    expect(engine.results.stats).toEqual({ hits: 2 * queries.length, misses: queries.length });
  });

  it("sends a repeated search's JSON text byte for byte as the answer written again would be, its own tookMs in place", () => {
    const engine = new SearchEngine(memoryArchive([a, b]), { resultCacheBytes: MiB });
    const fresh = new SearchEngine(memoryArchive([a, b]));
    for (const q of [...queries, { ...EMPTY_QUERY, q: "không có" }]) {
      const first = engine.searchJson(q);
      const second = engine.searchJson(q);
      for (const got of [first, second]) {
        expect(got.json).toBe(JSON.stringify({ ...fresh.search(q), tookMs: got.tookMs }));
        expect(got.total).toBe(fresh.search(q).total);
      }
      // A kept text is also what search() answers.
      expect(timeless(engine.search(q))).toEqual(timeless(JSON.parse(second.json)));
    }
    expect(engine.results.stats).toEqual({ hits: 2 * 5, misses: 5 });
  });

  it("sends a view of the answer (a page's cut) byte for byte as the view of the answer written again, and keeps the answer whole", () => {
    const firstHit = (r: SearchResponse) => ({ ...r, hits: r.hits.slice(0, 1), facets: { ...r.facets, persons: [] } });
    const same = (r: SearchResponse) => r;
    const fresh = new SearchEngine(memoryArchive([a, b]));
    for (const bytes of [MiB, 0]) {
      const engine = new SearchEngine(memoryArchive([a, b]), { resultCacheBytes: bytes });
      for (const q of [...queries, { ...EMPTY_QUERY, q: "không có" }]) {
        for (const view of [firstHit, same, firstHit]) {
          const got = engine.searchJson(q, { view });
          expect(got.json).toBe(JSON.stringify({ ...view(fresh.search(q)), tookMs: got.tookMs }));
          expect(got.total).toBe(fresh.search(q).total);
        }
        // What is kept (and what the API sends) is the whole answer.
        const whole = engine.searchJson(q);
        expect(whole.json).toBe(JSON.stringify({ ...fresh.search(q), tookMs: whole.tookMs }));
      }
      expect(engine.results.stats).toEqual(bytes ? { hits: 3 * 5, misses: 5 } : { hits: 0, misses: 0 });
    }
  });

  it("writes a kept answer's view once, then sends that text with each request's own tookMs", () => {
    let calls = 0;
    const firstHit = (r: SearchResponse) => (calls++, { ...r, hits: r.hits.slice(0, 1), facets: { ...r.facets, persons: [] } });
    const fresh = new SearchEngine(memoryArchive([a, b]));
    for (const q of queries) {
      const engine = new SearchEngine(memoryArchive([a, b]), { resultCacheBytes: MiB });
      calls = 0;
      // Computed (the view written once), then answered from the cache three times.
      for (let i = 0; i < 4; i++) {
        const got = engine.searchJson(q, { view: firstHit });
        expect(got.json).toBe(JSON.stringify({ ...firstHit(fresh.search(q)), tookMs: got.tookMs }));
      }
      expect(calls).toBe(4 + 1);
      // An answer kept without its view (the API asked first, or another process): written on the first ask only.
      const api = new SearchEngine(memoryArchive([a, b]), { resultCacheBytes: MiB });
      api.searchJson(q);
      calls = 0;
      for (let i = 0; i < 3; i++) expect(JSON.parse(api.searchJson(q, { view: firstHit }).json).hits).toHaveLength(Math.min(1, fresh.search(q).hits.length));
      expect(calls).toBe(1);
    }
  });

  it("counts a kept view's text in its memory bound", () => {
    const cache = new ResultCache(MiB);
    const q = queries[0];
    const answer = new SearchEngine(memoryArchive([a, b])).search(q);
    const key = cache.key(q, undefined, "2026-01-03")!;
    cache.set(key, 1, answer);
    const whole = cache.size.bytes;
    const view = (r: SearchResponse) => ({ ...r, hits: [] });
    const viewed = cache.text(key, 1, () => 0.5, view)!;
    expect(viewed.json).toBe(JSON.stringify({ ...answer, hits: [], tookMs: 0.5 }));
    // Two bytes a character of the view's text but its tookMs (as for the whole answer's).
    expect(cache.size.bytes - whole).toBe(2 * (viewed.json.length - "0.5".length));
  });

  it("splits a kept answer at its tookMs, whatever the query's own text holds", () => {
    const cache = new ResultCache(MiB);
    const q = { ...EMPTY_QUERY, q: 'x ,"tookMs":1}' };
    const answer = { ...new SearchEngine(memoryArchive([a])).search(q), tookMs: 12.5 };
    const key = cache.key(q, undefined, "2026-01-03")!;
    cache.set(key, 1, answer);
    expect(cache.text(key, 1, () => 0.07)!.json).toBe(JSON.stringify({ ...answer, tookMs: 0.07 }));
    expect(cache.get(key, 1)).toEqual(answer);
  });

  it("forgets every answer when the archive changes (a commit, a live update)", () => {
    const archive = memoryArchive([a, b]);
    const engine = new SearchEngine(archive, { resultCacheBytes: MiB });
    for (const q of queries) engine.search(q);
    expect(engine.results.size.entries).toBe(queries.length);
    archive.add(memorySegment("more", [{ article: c, line: 0 }], buildRankIndex([c])));
    archive.refresh();
    const fresh = new SearchEngine(memoryArchive([a, b, c]));
    for (const q of queries) expect(timeless(engine.search(q))).toEqual(timeless(fresh.search(q)));
    expect(engine.search(queries[0]).hits.map((h) => h.id)).toContain("c");
  });

  it("keeps within its memory bound, least recently used out first", () => {
    const engine = new SearchEngine(memoryArchive([a, b, c]));
    const answers = queries.map((q) => engine.search(q));
    const bytes = answers.map(estimateBytes);
    // Room for the two largest answers, not for three.
    const sorted = [...bytes].sort((x, y) => y - x);
    const cache = new ResultCache(sorted[0] + sorted[1]);
    const keys = queries.map((q) => cache.key(q, undefined, "2026-01-03")!);
    answers.forEach((ans, i) => cache.set(keys[i], 1, ans));
    expect(cache.size.bytes).toBeLessThanOrEqual(cache.maxBytes);
    expect(cache.size.entries).toBeLessThan(queries.length);
    // The last answer kept is there; the first one set went out first.
    expect(cache.get(keys[3], 1)).toEqual(answers[3]);
    expect(cache.get(keys[0], 1)).toBeUndefined();
  });

  it("keeps nothing when off, and never a search without words or a page past 200 hits", () => {
    const off = new ResultCache(0);
    const on = new ResultCache(MiB);
    expect(off.key(queries[0], undefined, "2026-01-03")).toBeNull();
    expect(on.key(queries[0], undefined, "2026-01-03")).not.toBeNull();
    expect(on.key(EMPTY_QUERY, undefined, "2026-01-03")).toBeNull();
    expect(on.key({ ...queries[0], page: 3, size: 100 }, undefined, "2026-01-03")).toBeNull();
    // The day answers count from is part of the key.
    expect(on.key(queries[0], undefined, "2026-01-03")).not.toBe(on.key(queries[0], undefined, "2026-01-04"));
    const engine = new SearchEngine(memoryArchive([a, b]));
    engine.search(queries[0]);
    engine.search(queries[0]);
    expect(engine.results.stats).toEqual({ hits: 0, misses: 0 });
  });
});

const browseQueries: SearchQuery[] = [EMPTY_QUERY, { ...EMPTY_QUERY, person: ["donald-trump"] }, { ...EMPTY_QUERY, sort: "oldest", group: false }];

describe("answers to searches without words, kept per archive generation", () => {
  it("answer as a fresh engine does, even after a caller changed what it was given", () => {
    const engine = new SearchEngine(memoryArchive([a, b]));
    for (const q of browseQueries) {
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
    for (const q of browseQueries) engine.search(q);
    archive.add(memorySegment("more", [{ article: c, line: 0 }], buildRankIndex([c])));
    archive.refresh();
    const fresh = new SearchEngine(memoryArchive([a, b, c]));
    for (const q of browseQueries) expect(timeless(engine.search(q))).toEqual(timeless(fresh.search(q)));
    expect(engine.search(EMPTY_QUERY).hits.map((h) => h.id)).toEqual(["c", "b", "a"]);
  });
});
