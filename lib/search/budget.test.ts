import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import type { Article } from "@/lib/corpus/types";
import { Archive } from "@/lib/index/archive";
import { memorySegment } from "@/lib/index/segment";
import { SearchEngine } from "@/lib/search/engine";
import { createMatcher, cutAt } from "@/lib/search/matcher";
import { expandQuery } from "@/lib/search/query-expand";
import { parseQuery } from "@/lib/search/query-parse";
import { buildRankIndex, postingsUpTo } from "@/lib/search/rank-index";
import { boundQuery, createScratch, type ScoreRequest } from "@/lib/search/rank-score";
import { EMPTY_QUERY } from "@/lib/url/search-params";

function article(id: string, text: string): Article {
  return testArticle({ id, paragraphs: [text] });
}

/** Articles in segments, in order (one segment per inner list). */
function archiveOf(...segments: Article[][]): Archive {
  const archive = new Archive(10);
  let line = 0;
  segments.forEach((articles, i) => {
    const items = articles.map((a) => ({ article: a, line: line++ }));
    archive.add(memorySegment(`s${i}`, items, buildRankIndex(articles)));
  });
  archive.refresh();
  return archive;
}

const words = [
  article("coal", "Giá than tăng mạnh."),
  article("city", "Thành phố mở rộng đường."),
  article("youth", "Thanh niên tình nguyện."),
  article("saint", "Nhà thờ thánh Giuse."),
];

describe("work budget", () => {
  it("answers in full within the budget", () => {
    const r = createMatcher(words).match("than")!;
    expect(r.partial).toBe(false);
    expect(r.totalExact).toBe(true);
    // The last word is completed: "than" also finds thành, thanh, thánh.
    expect([...r.scores.keys()].sort()).toEqual(["city", "coal", "saint", "youth"]);
  });

  it("leaves out completions past the budget and says the answer is partial", () => {
    // One posting: the word as typed ("than", in one article) fits, its completions do not.
    const r = createMatcher(words, { budget: 1 }).match("than")!;
    expect(r.partial).toBe(true);
    expect(r.totalExact).toBe(false);
    expect([...r.scores.keys()]).toEqual(["coal"]);
  });

  it("reads the newest segment first and stops at the budget, and the API response says so", () => {
    const archive = archiveOf(
      [article("a", "Hòa bình ở Gaza."), article("b", "Hòa bình lâu dài.")],
      [article("c", "Hòa bình trở lại.")],
      [article("d", "Hòa bình mới.")],
    );
    // The two newest segments' four postings (two words in two articles) fit, the oldest's do not.
    const cut = new SearchEngine(archive, { budget: 4 }).search({ ...EMPTY_QUERY, q: "hòa bình", sort: "relevance" });
    expect(cut.partial).toBe(true);
    expect(cut.totalExact).toBe(false);
    expect(cut.hits.map((h) => h.id).sort()).toEqual(["c", "d"]);

    const full = new SearchEngine(archive).search({ ...EMPTY_QUERY, q: "hòa bình", sort: "relevance" });
    expect(full.partial).toBe(false);
    expect(full.totalExact).toBe(true);
    expect(full.total).toBe(4);
  });

  it("tries no correction once the budget is spent, and says so", () => {
    const archive = archiveOf(words);
    const r = new SearchEngine(archive, { budget: 0 }).search({ ...EMPTY_QUERY, q: "xyzw", sort: "relevance" });
    expect(r.total).toBe(0);
    expect(r.partial).toBe(true);
    expect(new SearchEngine(archive).search({ ...EMPTY_QUERY, q: "xyzw", sort: "relevance" }).partial).toBe(false);
  });

  it("reads only a segment's first articles when its words alone overrun the budget, and the API response says so", () => {
    // One segment: before, a query past its budget still read the whole of its first segment.
    const peace = Array.from({ length: 6 }, (_, i) => article(`p${i}`, `Hòa bình ở vùng ${i}.`));
    const archive = archiveOf(peace);
    const full = new SearchEngine(archive).search({ ...EMPTY_QUERY, q: "hòa bình", sort: "relevance" });
    expect(full.total).toBe(6);
    expect(full.partial).toBe(false);
    // Seven postings: the first three articles' six (two words each) fit, the fourth's do not.
    const cut = new SearchEngine(archive, { budget: 7 }).search({ ...EMPTY_QUERY, q: "hòa bình", sort: "relevance" });
    expect(cut.partial).toBe(true);
    expect(cut.totalExact).toBe(false);
    expect(cut.total).toBe(3);
    expect(cut.hits.map((h) => h.id).sort()).toEqual(["p0", "p1", "p2"]);
    // Counted in postings, not time: the same query cut again gives the same answer.
    const again = new SearchEngine(archive, { budget: 7 }).search({ ...EMPTY_QUERY, q: "hòa bình", sort: "relevance" });
    expect({ ...again, tookMs: 0 }).toEqual({ ...cut, tookMs: 0 });
  });

  it("a cut answer is the full answer over the articles read: the same scores, nothing else", () => {
    const texts = ["giá vàng tăng", "giá xăng giảm", "vàng bạc đá quý", "giá vàng thế giới", "giá cả thị trường", "giá vàng và giá xăng", "vàng"];
    const arts = Array.from({ length: 40 }, (_, i) => article(`a${i}`, `${texts[i % texts.length]} ${texts[(i * 3) % texts.length]}.`));
    const full = createMatcher(arts).match("giá vàng")!;
    expect(full.partial).toBe(false);
    const fullScores = full.scores;
    expect(full.postings).toBeGreaterThan(61);
    for (const budget of [0, 5, 17, 30, 44, 61]) {
      const cut = createMatcher(arts, { budget }).match("giá vàng")!;
      expect(cut.scores.size).toBeLessThan(fullScores.size);
      expect(cut.postings).toBeLessThanOrEqual(budget);
      expect(cut.partial).toBe(true);
      const read = [...cut.scores.keys()];
      // The articles read are the first ones: every full match before the last one read is there.
      const last = Math.max(-1, ...read.map((id) => Number(id.slice(1))));
      const expected = [...fullScores.keys()].filter((id) => Number(id.slice(1)) <= last);
      expect(read.sort()).toEqual(expected.sort());
      for (const id of read) expect(cut.scores.get(id)).toBe(fullScores.get(id));
    }
  });
});

describe("score budget", () => {
  // Forty articles, most holding both words: every posting of the second word is scored.
  const texts = ["giá vàng tăng", "giá xăng giảm", "vàng bạc đá quý", "giá vàng thế giới", "giá cả thị trường", "giá vàng và giá xăng"];
  const arts = Array.from({ length: 40 }, (_, i) => article(`a${i}`, `${texts[i % texts.length]} ${texts[(i * 5) % texts.length]}.`));

  it("cuts a query that scores more postings than its budget to the first articles, the same scores", () => {
    const full = createMatcher(arts).match("giá vàng")!;
    expect(full.partial).toBe(false);
    expect(full.scored).toBeGreaterThan(40);
    for (const scoreBudget of [1, 10, 25, 40]) {
      const cut = createMatcher(arts, { scoreBudget }).match("giá vàng")!;
      expect(cut.partial).toBe(true);
      expect(cut.totalExact).toBe(false);
      expect(cut.scored).toBeLessThanOrEqual(scoreBudget);
      const read = [...cut.scores.keys()];
      expect(read.length).toBeLessThan(full.scores.size);
      // The articles kept are the first ones, each with its full answer's score.
      const last = Math.max(-1, ...read.map((id) => Number(id.slice(1))));
      expect(read.sort()).toEqual([...full.scores.keys()].filter((id) => Number(id.slice(1)) <= last).sort());
      for (const id of read) expect(cut.scores.get(id)).toBe(full.scores.get(id));
    }
    // Scoring at most half its budget, the answer is the full one.
    const within = createMatcher(arts, { scoreBudget: 2 * full.scored }).match("giá vàng")!;
    expect(within.partial).toBe(false);
    expect([...within.scores]).toEqual([...full.scores]);
  });

  it.each(["all", "any"] as const)("returns no article at or past its cut, and every one before it (mode %s)", (mode) => {
    const archive = archiveOf(arts);
    const seg = archive.segments[0];
    const groups = localGroups(archive, "giá vàng");
    const all: ScoreRequest = { groups, phrases: [], excluded: [], mode, nearMiss: mode === "all" };
    const full = boundQuery(seg.rank, createScratch(seg.rank), all);
    expect(full.docs.length).toBeGreaterThan(10);
    let cuts = 0;
    for (let scoreBudget = 1; scoreBudget < all.scored!; scoreBudget++) {
      const req: ScoreRequest = { ...all, scoreBudget };
      const cut = boundQuery(seg.rank, createScratch(seg.rank), req);
      if (req.cutAt === undefined) continue;
      cuts++;
      expect(req.scored).toBeLessThanOrEqual(scoreBudget);
      expect(cut.docs.every((d) => d < req.cutAt!)).toBe(true);
      // …and every one before it, with the same bounds.
      const before = full.docs.map((d, i) => ({ d, i })).filter(({ d }) => d < req.cutAt!);
      expect(cut.docs).toEqual(before.map(({ d }) => d));
      expect(Array.from(cut.lower)).toEqual(before.map(({ i }) => full.lower[i]));
    }
    expect(cuts).toBeGreaterThan(all.scored! / 2 - 1);
  });

  it("a query cut by its score budget says partial: true in the API response, the same each time", () => {
    const archive = archiveOf(arts.slice(0, 20), arts.slice(20));
    const ask = (scoreBudget?: number) => new SearchEngine(archive, { scoreBudget }).search({ ...EMPTY_QUERY, q: "giá vàng", sort: "relevance" });
    const full = ask();
    expect(full.partial).toBe(false);
    expect(full.totalExact).toBe(true);
    const cut = ask(12);
    expect(cut.partial).toBe(true);
    expect(cut.totalExact).toBe(false);
    expect(cut.total).toBeGreaterThan(0);
    expect(cut.total).toBeLessThan(full.total);
    expect({ ...ask(12), tookMs: 0 }).toEqual({ ...cut, tookMs: 0 });
  });
});

/** A query's groups in the first segment's term ids. */
function localGroups(archive: Archive, q: string) {
  const seg = archive.segments[0];
  return expandQuery(archive.lexicon, parseQuery(q).words).map((g) => ({
    ...g,
    terms: g.terms.map((t) => ({ ...t, f: archive.localFolded(seg, t.f) })),
  }));
}

describe("cutAt", () => {
  it("is the most first articles whose postings fit", () => {
    const arts = Array.from({ length: 30 }, (_, i) => article(`a${i}`, i % 3 ? "giá vàng tăng." : i % 2 ? "giá xăng." : "vàng."));
    const index = buildRankIndex(arts);
    const archive = new Archive(1);
    archive.add(
      memorySegment(
        "s",
        arts.map((a, line) => ({ article: a, line })),
        index,
      ),
    );
    archive.refresh();
    const groups = localGroups(archive, "giá vàng");
    const total = postingsUpTo(index, groups, index.n);
    expect(total).toBeGreaterThan(30);
    for (let left = 0; left <= total + 1; left++) {
      const limit = cutAt(index, groups, left);
      expect(postingsUpTo(index, groups, limit)).toBeLessThanOrEqual(left);
      if (limit < index.n) expect(postingsUpTo(index, groups, limit + 1)).toBeGreaterThan(left);
    }
  });
});
