import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import type { Article } from "@/lib/corpus/types";
import { coMentions, personProfile } from "@/lib/people-page/profile";
import { SearchEngine } from "@/lib/search/engine";
import { EMPTY_QUERY } from "@/lib/url/search-params";

function article(id: string, date: string | null, persons: string[], outlet: string | null): Article {
  return testArticle({ id, date, persons, outlet });
}

const engine = new SearchEngine([
  article("a", "2025-05-07", ["Vladimir Putin", "Donald Trump"], "Dân trí"),
  article("b", "2025-08-04", ["Vladimir Putin", "Donald Trump", "Steve Witkoff"], "VnExpress"),
  article("c", null, ["Vladimir Putin", "Sergei Lavrov"], "Dân trí"),
  article("d", "2025-08-20", ["Donald Trump", "Sergei Lavrov"], "Tuổi Trẻ"),
  article("e", "2025-08-01", ["Vladimir Putin"], "Dân trí"),
]);

describe("personProfile", () => {
  const putin = personProfile(engine, "vladimir-putin")!;

  it("names the person and counts the articles naming them", () => {
    expect(putin.person).toEqual({ id: "vladimir-putin", name: "Vladimir Putin" });
    expect(putin.total).toBe(4);
  });

  it("counts mentions month by month with empty months filled in, undated articles left out", () => {
    expect(putin.months).toEqual([
      { month: "2025-05", count: 1 },
      { month: "2025-06", count: 0 },
      { month: "2025-07", count: 0 },
      { month: "2025-08", count: 2 },
    ]);
  });

  it("counts outlets over the person's articles only", () => {
    expect(putin.outlets.map((o) => [o.name, o.count])).toEqual([
      ["Dân trí", 3],
      ["VnExpress", 1],
    ]);
  });

  it("ranks the people named together by shared articles, then alphabetically", () => {
    expect(putin.together.map((p) => [p.name, p.count])).toEqual([
      ["Donald Trump", 2],
      ["Sergei Lavrov", 1],
      ["Steve Witkoff", 1],
    ]);
  });

  it("lists the latest articles newest first, undated last", () => {
    expect(putin.latest.map((h) => h.id)).toEqual(["b", "e", "a", "c"]);
  });

  it("is null for an id no article names, or an id of another facet", () => {
    expect(personProfile(engine, "khong-co-ai")).toBeNull();
    expect(personProfile(engine, "dan-tri")).toBeNull();
  });
});

describe("coMentions", () => {
  it("ignores hits that do not name the person", () => {
    const hits = engine.search({ ...EMPTY_QUERY, size: 50 }).hits;
    expect(coMentions(hits, "steve-witkoff").map((p) => p.id)).toEqual(["donald-trump", "vladimir-putin"]);
  });
});
