import { describe, expect, it } from "vitest";
import { explainExclusions, splitExclusions } from "@/lib/search/exclusions";
import type { SearchQuery, SearchResponse } from "@/lib/api/contract";
import { EMPTY_QUERY } from "@/lib/url/search-params";

describe("splitExclusions", () => {
  it('finds -word and -"phrase", not a hyphen inside a word', () => {
    expect(splitExclusions("Putin -trump")).toEqual({ kept: "Putin", excluded: ["-trump"] });
    expect(splitExclusions('-"Nhà Trắng" Kim Jong-un')).toEqual({ kept: "Kim Jong-un", excluded: ['-"Nhà Trắng"'] });
    expect(splitExclusions("-trump")).toEqual({ kept: "", excluded: ["-trump"] });
    expect(splitExclusions("a - b")).toEqual({ kept: "a - b", excluded: [] });
  });
});

describe("explainExclusions", () => {
  const response = (query: SearchQuery, total: number) => ({ query, total }) as SearchResponse;
  // A stand-in search: five articles match "Putin", and every one of them mentions Trump.
  const search = (query: SearchQuery) => response(query, query.q.includes("-trump") ? 0 : 5);

  it("says how many the query finds without the exclusions that removed everything", () => {
    const q = { ...EMPTY_QUERY, q: "Putin -trump", sort: "relevance" as const };
    expect(explainExclusions(search(q), search).excludedAll).toEqual({ q: "Putin", total: 5, excluded: ["-trump"] });
  });
  it("adds nothing when there are results, no exclusions, or nothing without them either", () => {
    expect(explainExclusions(search({ ...EMPTY_QUERY, q: "Putin" }), search).excludedAll).toBeUndefined();
    const none = (query: SearchQuery) => response(query, 0);
    expect(explainExclusions(none({ ...EMPTY_QUERY, q: "x -y" }), none).excludedAll).toBeUndefined();
  });
});
