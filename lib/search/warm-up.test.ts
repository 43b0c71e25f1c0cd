// The warm-up searches: the archive's own title words, spread over it, and bounded both by
// count and by time (a fake clock: no wall-clock limit in a test).
import { describe, expect, it } from "vitest";
import { testArticle } from "@/lib/corpus/test-article";
import { SearchEngine } from "@/lib/search/engine";
import { warmUp, warmUpQueries } from "@/lib/search/warm-up";

const articles = Array.from({ length: 40 }, (_, i) =>
  testArticle({ id: `a${i}`, title: i % 5 === 0 ? "Một" : `Giá vàng tăng ${i} đồng`, paragraphs: [`Nội dung ${i}.`] }),
);

describe("warmUpQueries", () => {
  it("takes 2–3 title words of articles spread over the archive, every other one without marks", () => {
    const engine = new SearchEngine(articles);
    const qs = warmUpQueries(engine, 6);
    expect(qs.length).toBeGreaterThan(0);
    expect(qs.length).toBeLessThanOrEqual(6);
    expect(qs[0]).toBe("Giá vàng");
    expect(qs[1]).toBe("gia vang tang");
    // One-word titles are skipped; every query is words of some title.
    for (const q of qs) expect(q.split(" ").length).toBeGreaterThanOrEqual(2);
    expect(warmUpQueries(engine, 6)).toEqual(qs);
  });

  it("gives nothing for an empty archive or a count of 0", () => {
    expect(warmUpQueries(new SearchEngine([]), 5)).toEqual([]);
    expect(warmUpQueries(new SearchEngine(articles), 0)).toEqual([]);
  });
});

describe("warmUp", () => {
  it("stops when its time is used up", () => {
    const engine = new SearchEngine(articles);
    let t = 0;
    // Each reading of the clock advances it by 10 ms: the budget of 25 ms allows two searches.
    const run = warmUp(engine, { count: 10, budgetMs: 25, now: () => (t += 10) });
    expect(run.queries).toBe(2);
  });

  it("runs every query when time allows", () => {
    const engine = new SearchEngine(articles);
    const run = warmUp(engine, { count: 4, budgetMs: 1e9, now: () => 0 });
    expect(run.queries).toBe(warmUpQueries(engine, 4).length);
  });
});
