import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import type { Article } from "@/lib/corpus/types";
import { Archive } from "@/lib/index/archive";
import { memorySegment } from "@/lib/index/segment";
import { SearchEngine } from "@/lib/search/engine";
import { createMatcher } from "@/lib/search/matcher";
import { buildRankIndex } from "@/lib/search/rank-index";
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

  it("stops reading further segments past the budget, and the API response says so", () => {
    const archive = archiveOf([article("a", "Hòa bình ở Gaza."), article("b", "Hòa bình lâu dài.")], [article("c", "Hòa bình trở lại.")]);
    const cut = new SearchEngine(archive, { budget: 2 }).search({ ...EMPTY_QUERY, q: "hòa bình", sort: "relevance" });
    expect(cut.partial).toBe(true);
    expect(cut.totalExact).toBe(false);
    expect(cut.hits.map((h) => h.id).sort()).toEqual(["a", "b"]);

    const full = new SearchEngine(archive).search({ ...EMPTY_QUERY, q: "hòa bình", sort: "relevance" });
    expect(full.partial).toBe(false);
    expect(full.totalExact).toBe(true);
    expect(full.total).toBe(3);
  });

  it("tries no correction once the budget is spent, and says so", () => {
    const archive = archiveOf(words);
    const r = new SearchEngine(archive, { budget: 0 }).search({ ...EMPTY_QUERY, q: "xyzw", sort: "relevance" });
    expect(r.total).toBe(0);
    expect(r.partial).toBe(true);
    expect(new SearchEngine(archive).search({ ...EMPTY_QUERY, q: "xyzw", sort: "relevance" }).partial).toBe(false);
  });
});
