import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import type { Article } from "@/lib/corpus/types";
import { Archive } from "@/lib/index/archive";
import { memorySegment } from "@/lib/index/segment";
import { SearchEngine } from "@/lib/search/engine";
import { buildRankIndex } from "@/lib/search/rank-index";

/** One segment per call, its articles each in their own file (`<id>.txt`). */
function add(archive: Archive, name: string, articles: Article[]) {
  const line = archive.segments.reduce((n, s) => n + s.rank.n, 0);
  archive.add(
    memorySegment(
      name,
      articles.map((article, i) => ({ article, line: line + i })),
      buildRankIndex(articles),
    ),
  );
  archive.refresh();
}

describe("hasArticle and hasPerson (the 404 of an unknown article or person page)", () => {
  const archive = new Archive(10);
  add(archive, "s0", [testArticle({ id: "a", persons: ["Vladimir Putin", "Donald Trump"] }), testArticle({ id: "b", persons: ["Sergei Lavrov"] })]);
  add(archive, "s1", [testArticle({ id: "c", persons: ["Steve Witkoff"] })]);
  const engine = new SearchEngine(archive);

  it("knows the live articles' ids and the people they name, in every segment", () => {
    for (const id of ["a", "b", "c"]) expect(engine.hasArticle(id), id).toBe(true);
    for (const id of ["vladimir-putin", "donald-trump", "sergei-lavrov", "steve-witkoff"]) expect(engine.hasPerson(id), id).toBe(true);
  });

  it("does not know ids no article has, nor a person's name where the id is asked", () => {
    for (const id of ["", "d", "A", "a.txt", "vladimir-putin"]) expect(engine.hasArticle(id), id).toBe(false);
    for (const id of ["", "khong-co-ai", "Vladimir Putin", "a", "vladimir"]) expect(engine.hasPerson(id), id).toBe(false);
  });

  it("forgets an article removed from the corpus, and a person only it named", () => {
    // Given a person before the removal: the facet numbering has them, and keeps them after.
    expect(
      engine.search({ q: "", from: null, to: null, person: ["sergei-lavrov"], outlet: [], sources: [], undated: null, sort: "newest", page: 1, size: 10 })
        .total,
    ).toBe(1);
    archive.removeFile("b.txt");
    archive.refresh();
    expect(engine.hasArticle("b")).toBe(false);
    expect(engine.hasPerson("sergei-lavrov")).toBe(false);
    expect(engine.hasArticle("a")).toBe(true);
    expect(engine.hasPerson("donald-trump")).toBe(true);
  });
});
