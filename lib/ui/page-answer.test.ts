import { describe, expect, it } from "vitest";
import type { FacetCount, SearchResponse } from "@/lib/api/contract";
import { FACET_TOP, facetView } from "@/lib/ui/facet-list";
import { pageAnswer, pageView } from "@/lib/ui/page-answer";
import { EMPTY_QUERY } from "@/lib/url/search-params";

const values = (prefix: string, n: number): FacetCount[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, name: `${prefix} ${i}`, count: 1000 - (i % 40) * 10 }));

function answer(persons: number, outlets: number, selected: string[] = []): SearchResponse {
  return {
    query: { ...EMPTY_QUERY, q: "giá vàng", person: selected },
    total: 500,
    totalNearMisses: 0,
    tookMs: 1,
    hits: [],
    facets: { persons: values("người", persons), outlets: values("báo", outlets), sources: [], dates: [], dateBuckets: [], undated: 0 },
    suggestion: null,
    correctedQuery: null,
    totalExact: true,
    partial: false,
    relaxed: false,
    newestDate: null,
    rangeEnd: null,
    unknownFilters: [],
  };
}

describe("pageAnswer", () => {
  it("keeps of each facet the values the page shows, and the whole list's length", () => {
    const whole = answer(100, 3);
    const page = pageAnswer(whole);
    // The same values the page showed from the whole list, so the markup does not change.
    expect(page.facets.persons).toEqual(facetView(whole.facets.persons, { selected: [] }).shown);
    expect(page.facets.persons).toHaveLength(FACET_TOP);
    expect(page.facetSizes).toEqual({ persons: 100 });
    // "Xem thêm (N)" counts the same values left out.
    expect(facetView(page.facets.persons, { selected: [], size: page.facetSizes?.persons }).more).toBe(facetView(whole.facets.persons, { selected: [] }).more);
    expect(page.facets.outlets).toBe(whole.facets.outlets);
    expect(page.hits).toBe(whole.hits);
    expect(page.facets.dateBuckets).toBe(whole.facets.dateBuckets);
  });

  it("keeps a selected value that is not among the top ones", () => {
    const page = pageAnswer(answer(100, 0, ["người-77"]));
    expect(page.facets.persons.map((v) => v.id)).toContain("người-77");
    expect(page.facets.persons).toHaveLength(FACET_TOP + 1);
  });

  it("leaves an answer with short lists as it is", () => {
    const whole = answer(FACET_TOP, 2);
    expect(pageAnswer(whole)).toBe(whole);
  });
});

describe("pageView", () => {
  it("cuts an answer with hits as pageAnswer does, and leaves one without hits whole", () => {
    const found = answer(100, 3);
    expect(pageView(found)).toEqual(pageAnswer(found));
    expect(pageView(found).facets.persons).toHaveLength(FACET_TOP);
    // Nothing found: the page explains the exclusions from the whole answer (app/page.tsx).
    const none = { ...answer(100, 3), total: 0 };
    expect(pageView(none)).toBe(none);
  });
});
