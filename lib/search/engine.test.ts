import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import type { Article } from "@/lib/corpus/types";
import { SearchEngine } from "@/lib/search/engine";
import { EMPTY_QUERY } from "@/lib/url/search-params";
import type { SearchQuery } from "@/lib/api/contract";

function article(id: string, date: string | null, persons: string[], outlet: string | null, sources: string[], text: string): Article {
  return testArticle({ id, date, persons, outlet, sources, paragraphs: [text] });
}

const engine = new SearchEngine([
  article("a", "2025-08-07", ["Vladimir Putin", "Donald Trump"], "Dân trí", ["Reuters"], "Hội đàm hòa bình tại Moscow."),
  article("b", "2025-12-04", ["Donald Trump"], "VnExpress", [], "Kế hoạch hòa bình của Mỹ."),
  article("c", null, ["Vladimir Putin"], null, ["TASS"], "Điện Kremlin bình luận về hòa bình."),
  article("d", "2025-04-25", ["Sergei Lavrov"], "Dân trí", ["TASS", "Reuters"], "Ngoại trưởng Nga phát biểu."),
]);

const search = (q: Partial<SearchQuery>) => engine.search({ ...EMPTY_QUERY, ...q });
const ids = (q: Partial<SearchQuery>) => search(q).hits.map((h) => h.id);

describe("SearchEngine", () => {
  it("browses everything newest first, undated last; oldest first keeps undated last too", () => {
    expect(ids({})).toEqual(["b", "a", "d", "c"]);
    expect(ids({ sort: "oldest" })).toEqual(["d", "a", "b", "c"]);
    expect(engine.newestDate).toBe("2025-12-04");
  });

  it("filters by an inclusive date range; undated articles are out of any range", () => {
    expect(ids({ from: "2025-08-07", to: "2025-12-04" })).toEqual(["b", "a"]);
    expect(ids({ to: "2025-04-25" })).toEqual(["d"]);
  });

  it("ORs values within a facet and ANDs across facets", () => {
    expect(ids({ person: ["sergei-lavrov", "donald-trump"] })).toEqual(["b", "a", "d"]);
    expect(ids({ person: ["vladimir-putin"], sources: ["reuters"] })).toEqual(["a"]);
  });

  it("keeps facet counts disjunctive: a facet ignores its own filter, dates ignore the range", () => {
    const r = search({ person: ["vladimir-putin"], from: "2025-08-01" });
    expect(r.total).toBe(1);
    const count = (list: { id: string; count: number }[], id: string) => list.find((v) => v.id === id)?.count;
    expect(count(r.facets.persons, "donald-trump")).toBe(2); // a and b are dated from August on
    expect(count(r.facets.persons, "vladimir-putin")).toBe(1);
    expect(r.facets.dates).toEqual([{ month: "2025-08", count: 1 }]); // c is undated
    expect(r.facets.outlets).toEqual([{ id: "dân-trí", name: "Dân trí", count: 1 }]);
  });

  it("orders facet values by count, then in Vietnamese alphabetical order", () => {
    const names = search({}).facets.persons.map((p) => `${p.name}:${p.count}`);
    expect(names).toEqual(["Donald Trump:2", "Vladimir Putin:2", "Sergei Lavrov:1"]);
  });

  it("keeps a selected value that matches nothing, and reports stale ids", () => {
    const r = search({ person: ["nobody"] });
    expect(r.total).toBe(0);
    expect(r.facets.persons.at(-1)).toEqual({ id: "nobody", name: "nobody", count: 0 });
    expect(r.unknownFilters).toEqual([{ param: "person", id: "nobody" }]);
  });

  it("pages through results without overlap", () => {
    const first = ids({ size: 3 });
    const second = ids({ size: 3, page: 2 });
    expect(first).toHaveLength(3);
    expect([...first, ...second].sort()).toEqual(["a", "b", "c", "d"]);
  });

  it("matches nothing for a query with no searchable words, and counts nothing in the facets", () => {
    for (const q of ["!!!", "🔥", "- ?"]) {
      const r = search({ q });
      expect(r.total, q).toBe(0);
      expect(r.hits, q).toEqual([]);
      expect(r.facets.persons, q).toEqual([]);
      expect(r.facets.dates, q).toEqual([]);
    }
    expect(search({ q: "" }).total).toBe(4);
  });

  it("searches text and filters the matches", () => {
    expect(ids({ q: "hoa binh", sort: "newest" })).toEqual(["b", "a", "c"]);
    expect(ids({ q: "hoa binh", outlet: ["dân-trí"] })).toEqual(["a"]);
  });
});

describe("snippets and titles marked from the token stream", () => {
  it("do not depend on which queries marked the same articles before (masks cached per query)", () => {
    const docs = [
      article("p", "2025-01-02", [], null, [], "Hòa bình và thịnh vượng: hội đàm hòa bình tại Hà Nội, bình luận của báo chí."),
      article("q", "2025-01-03", [], null, [], "Bình minh trên sông Hồng, hòa nhạc buổi sáng và hội họa."),
    ];
    const queries = ["hòa bình", "binh", "hoa", "hội", "hòa bình", "hoi hoa", "binh"];
    const marks = (e: SearchEngine, q: string) => e.search({ ...EMPTY_QUERY, q, sort: "relevance" }).hits.map((h) => [h.id, h.snippet, h.titleSegments]);
    // One engine answers every query in turn (repeats included); each answer equals a fresh engine's.
    const shared = new SearchEngine(docs);
    for (const q of queries) expect(marks(shared, q)).toEqual(marks(new SearchEngine(docs), q));
    // And the marks differ between the queries (the check is not vacuous).
    expect(marks(shared, "binh")).not.toEqual(marks(shared, "hoa"));
  });
});
