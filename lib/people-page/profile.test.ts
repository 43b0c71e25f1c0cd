import { describe, expect, it } from "vitest";
import { entity, testArticle } from "@/lib/corpus/test-article";
import type { Article } from "@/lib/corpus/types";
import { personProfile } from "@/lib/people-page/profile";
import { SearchEngine } from "@/lib/search/engine";
import { EMPTY_QUERY } from "@/lib/url/search-params";
import { compareVi } from "@/lib/text/vi-order";

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

describe("coMentioned", () => {
  // Many people over many articles, some named in two forms under one id ("Trump", "Donald Trump").
  const names = ["Donald Trump", "Trump", "Vladimir Putin", "Putin", "Sergei Lavrov", "An Bình", "Ánh Dương", "Bảo Châu", "Cường Đào", "Dũng Lê"];
  const idOf = (name: string) => (name === "Trump" ? "donald-trump" : name === "Putin" ? "vladimir-putin" : entity(name).id);
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const articles = Array.from({ length: 300 }, (_, i) => {
    const persons = [...new Set(names.filter(() => random() < 0.3))];
    return { ...testArticle({ id: `x${i}`, date: "2025-01-01" }), persons: persons.map((name) => ({ id: idOf(name), name })) };
  });
  const many = new SearchEngine(articles);
  const nameOf = new Map(many.search({ ...EMPTY_QUERY, size: 1 }, { facetLimit: 1000 }).facets.persons.map((p) => [p.id, p.name]));

  /** Every article read: the people named with `id`, most articles first, then by the facet's name. */
  function counted(id: string): [string, number][] {
    const counts = new Map<string, number>();
    for (const a of articles) if (a.persons.some((p) => p.id === id)) for (const p of a.persons) if (p.id !== id) counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
    return [...counts].sort(([a, x], [b, y]) => y - x || compareVi(nameOf.get(a)!, nameOf.get(b)!));
  }

  it("counts the people named with a person as reading every article does", () => {
    for (const id of new Set(names.map(idOf))) {
      const want = counted(id);
      expect(want.length).toBeGreaterThan(3);
      expect(many.coMentioned(id, 100).map((p) => [p.id, p.count])).toEqual(want);
      expect(many.coMentioned(id, 3).map((p) => [p.id, p.count])).toEqual(want.slice(0, 3));
    }
  });

  it("names each person as the person facet does (the fullest form)", () => {
    expect(many.coMentioned("vladimir-putin", 100).find((p) => p.id === "donald-trump")?.name).toBe("Donald Trump");
  });

  it("is empty for an id no article names", () => {
    expect(many.coMentioned("khong-co-ai", 10)).toEqual([]);
  });
});
