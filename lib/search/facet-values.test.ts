import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import type { Article } from "@/lib/corpus/types";
import { SearchEngine } from "@/lib/search/engine";
import { FACET_LIMIT } from "@/lib/search/facets";
import { searchFacetValues } from "@/lib/search/facet-values";
import { EMPTY_QUERY } from "@/lib/url/search-params";

function article(id: string, persons: string[], outlet: string, text: string): Article {
  return testArticle({ id, date: "2025-08-07", persons, outlet, paragraphs: [text] });
}

// More people than a results page lists: "Người 000" … "Người 119", one article each, plus
// "Đỗ Mười" in two articles of different outlets.
const many = Array.from({ length: FACET_LIMIT + 20 }, (_, i) => article(`p${i}`, [`Nguoi ${String(i).padStart(3, "0")}`], "Dân trí", "Tin hòa bình."));
const engine = new SearchEngine([
  ...many,
  article("m1", ["Đỗ Mười"], "Dân trí", "Tin hòa bình."),
  article("m2", ["Đỗ Mười", "Nguoi 000"], "VnExpress", "Tin kinh tế."),
]);

describe("searchFacetValues", () => {
  it("finds values the page's top list leaves out", () => {
    const page = engine.search(EMPTY_QUERY).facets.persons.map((p) => p.id);
    expect(page).toHaveLength(FACET_LIMIT);
    const last = "nguoi-119";
    expect(page).not.toContain(last);
    expect(searchFacetValues(engine, EMPTY_QUERY, "person", "119")).toEqual([{ id: last, name: "Nguoi 119", count: 1 }]);
  });
  it("ignores case and marks, lists the most frequent first, and honours the limit", () => {
    const found = searchFacetValues(engine, EMPTY_QUERY, "person", "do muoi");
    expect(found).toEqual([{ id: "đỗ-mười", name: "Đỗ Mười", count: 2 }]);
    expect(searchFacetValues(engine, EMPTY_QUERY, "person", "nguoi 0", 5).map((v) => v.id)).toEqual([
      "nguoi-000",
      "nguoi-001",
      "nguoi-002",
      "nguoi-003",
      "nguoi-004",
    ]);
  });
  it("counts honour the words and the other filters, not the facet's own", () => {
    expect(searchFacetValues(engine, { ...EMPTY_QUERY, outlet: ["vnexpress"] }, "person", "")).toEqual([
      { id: "đỗ-mười", name: "Đỗ Mười", count: 1 },
      { id: "nguoi-000", name: "Nguoi 000", count: 1 },
    ]);
    const withWords = { ...EMPTY_QUERY, q: "kinh tế", sort: "relevance" as const, person: ["nguoi-005"] };
    expect(searchFacetValues(engine, withWords, "person", "mười")).toEqual([{ id: "đỗ-mười", name: "Đỗ Mười", count: 1 }]);
  });
});
