import { describe, expect, it } from "vitest";
import { ndcgAt } from "./judged";
import { orderLoss, separation } from "./full-pages";
import type { Page, ScreenQuery } from "./rerank";

const page = (id: string, score: number, over: Partial<Page> = {}): Page => ({
  id,
  score,
  tier: 0,
  title: [],
  titleTerms: [],
  lead: [],
  body: [],
  paras: [],
  day: null,
  ...over,
});

const query = (pages: Page[], grades: ScreenQuery["grades"]): ScreenQuery => ({
  set: "a",
  id: "1",
  q: "x",
  words: ["x"],
  idf: new Map([["x", 1]]),
  grades,
  pages,
});

describe("orderLoss", () => {
  it("is what sorting the same first articles by grade would gain", () => {
    const pages = [page("a", 5), page("b", 4), page("c", 3)];
    const grades = { a: 1, b: 0, c: 2 } as const;
    const o = orderLoss(pages, grades, 3);
    expect(o.full).toBe(true);
    expect(o.ours).toBeCloseTo(ndcgAt(["a", "b", "c"], grades, 3));
    expect(o.ideal).toBeCloseTo(1);
    expect(o.loss).toBeCloseTo(1 - o.ours);
    expect(o.loss).toBeGreaterThan(0);
  });

  it("reads the first `depth` articles: a 2 in sixth place can move up, a 2 beyond depth cannot", () => {
    const pages = ["a", "b", "c", "d", "e", "f"].map((id, i) => page(id, 10 - i));
    const grades = { a: 2, b: 2, c: 2, d: 2, e: 0, f: 2 } as const;
    // The first five are already in grade order: nothing to gain inside them.
    expect(orderLoss(pages, grades, 5, 5).loss).toBeCloseTo(0);
    expect(orderLoss(pages, grades, 5, 5).ideal).toBeLessThan(1);
    // Reading six, the sixth 2 can take the 0's place.
    expect(orderLoss(pages, grades, 5, 6).ideal).toBeCloseTo(1);
    expect(orderLoss(pages, grades, 5, 6).loss).toBeCloseTo(1 - ndcgAt(["a", "b", "c", "d", "e"], grades, 5));
  });

  it("is not a full page when a near miss is among the first `depth`, or fewer than k results", () => {
    expect(orderLoss([page("a", 2), page("b", 1, { near: true })], { a: 2 }, 2).full).toBe(false);
    expect(orderLoss([page("a", 2)], { a: 2 }, 2).full).toBe(false);
    expect(orderLoss([page("a", 2), page("b", 1)], { a: 2 }, 2).full).toBe(true);
  });
});

describe("separation", () => {
  // Ranked: a 1 above a 2 (wrong), then a 2 above a 1 (right), then a 0.
  const q = query([page("one", 10), page("two", 9), page("two'", 8), page("one'", 7), page("zero", 6)], { one: 1, two: 2, "two'": 2, "one'": 1, zero: 0 });
  const f = (values: Record<string, number>) => (_q: ScreenQuery, p: Page) => values[p.id];

  it("counts a feature larger for the 2 of a wrong pair as helping, and larger for the 1 of a right pair as breaking", () => {
    // Larger for every 2: helps the wrong pairs and keeps the right ones.
    const good = separation([q], f({ one: 0, two: 1, "two'": 1, "one'": 0, zero: 0 }), 5);
    // one > two, one > two' (wrong, two pairs); two > one', two' > one' (right, two pairs).
    expect(good.wrong).toEqual({ helps: 2, hurts: 0, ties: 0 });
    expect(good.right).toEqual({ breaks: 0, keeps: 2, ties: 0 });
    // The score itself agrees with every wrong pair and keeps every right one.
    const score = separation([q], (_q, p) => p.score, 5);
    expect(score.wrong).toEqual({ helps: 0, hurts: 2, ties: 0 });
    expect(score.right).toEqual({ breaks: 0, keeps: 2, ties: 0 });
  });

  it("reads 2-against-0 pairs only when asked, and skips pages with a near miss", () => {
    const zero = separation([q], f({ one: 0, two: 0, "two'": 0, "one'": 0, zero: 1 }), 5, [0]);
    expect(zero.right).toEqual({ breaks: 2, keeps: 0, ties: 0 });
    const withNear = query([page("one", 10), page("two", 9, { near: true })], { one: 1, two: 2 });
    expect(separation([withNear], f({ one: 0, two: 1 }), 2).wrong).toEqual({ helps: 0, hurts: 0, ties: 0 });
  });
});

describe("separation, unjudged articles", () => {
  it("leaves a pair out when either article is unjudged", () => {
    const q = query([page("unjudged", 10), page("two", 9)], { two: 2 });
    const s = separation([q], (_q, p) => (p.id === "two" ? 1 : 0), 2, [0]);
    expect(s.wrong).toEqual({ helps: 0, hurts: 0, ties: 0 });
    const judged = query([page("zero", 10), page("two", 9)], { two: 2, zero: 0 });
    expect(separation([judged], (_q, p) => (p.id === "two" ? 1 : 0), 2, [0]).wrong).toEqual({ helps: 1, hurts: 0, ties: 0 });
  });
});
