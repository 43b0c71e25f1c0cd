import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { condensedNdcgAt, judgedAt, loadAdditions, loadJudged, ndcgAt, precisionAt, withAdditions, type Grade } from "./judged";
import { EVAL_DIR, tuningSets } from "./tuning-sets";

const grades: Record<string, Grade> = { a: 2, b: 1, c: 0, d: 2 };

describe("judged-set measures", () => {
  it("gives 1 to the ideal ranking and less to a worse one", () => {
    expect(ndcgAt(["a", "d", "b", "c"], grades, 5)).toBeCloseTo(1, 12);
    expect(ndcgAt(["c", "b", "a", "d"], grades, 5)).toBeLessThan(1);
    expect(ndcgAt([], grades, 5)).toBe(0);
  });

  it("counts unjudged articles as 0, and the condensed variant drops them", () => {
    const withUnjudged = ["x", "a", "d", "b"];
    expect(ndcgAt(withUnjudged, grades, 5)).toBeLessThan(1);
    expect(condensedNdcgAt(withUnjudged, grades, 5)).toBeCloseTo(1, 12);
    expect(judgedAt(withUnjudged, grades, 4)).toBe(0.75);
  });

  it("counts grades of 1 and 2 as relevant in P@k, missing results as not", () => {
    expect(precisionAt(["a", "b", "c"], grades, 5)).toBe(2 / 5);
  });

  it("loads the frozen set: at least 30 queries, a third unmarked, every query graded", () => {
    const set = loadJudged();
    expect(set.queries.length).toBeGreaterThanOrEqual(30);
    expect(set.queries.filter((q) => q.tags.includes("unmarked")).length * 3).toBeGreaterThanOrEqual(set.queries.length);
    expect(set.policy.length).toBeGreaterThan(0);
    for (const q of set.queries) expect(Object.values(q.grades).some((g) => g > 0)).toBe(true);
  });

  it("adds later grades beside the frozen ones, never over them", () => {
    const set = { policy: ["p"], pooling: "x", queries: [{ id: "q1", q: "a", kind: "topic", tags: [], grades: { a: 2 as Grade } }] };
    const extra = (article: string) => ({ note: "", grades: [{ query: "q1", article, grade: 1 as Grade, added: "t", why: "w" }] });
    expect(withAdditions(set, extra("b")).queries[0].grades).toEqual({ a: 2, b: 1 });
    expect(set.queries[0].grades).toEqual({ a: 2 });
    expect(() => withAdditions(set, extra("a"))).toThrow(/already graded/);
  });

  it("skips additions for another set's queries", () => {
    const set = { policy: ["p"], pooling: "x", queries: [{ id: "q1", q: "a", kind: "topic", tags: [], grades: { a: 2 as Grade } }] };
    const other = { note: "", grades: [{ query: "h1", article: "b", grade: 2 as Grade, added: "t", why: "w" }] };
    expect(withAdditions(set, other).queries[0].grades).toEqual({ a: 2 });
  });

  it("loads the additions file: every entry dated, explained, for a query of a tuning set and new to it", () => {
    const additions = loadAdditions();
    expect(additions.grades.length).toBeGreaterThan(0);
    for (const a of additions.grades) expect(a.added && a.why).toBeTruthy();
    const tuning = tuningSets().map((s) => loadJudged(path.join(EVAL_DIR, s.file)));
    const ids = new Set(tuning.flatMap((s) => s.queries.map((q) => q.id)));
    // The tuning sets are read from data/eval (tuning-sets.ts); a held-out set still kept for its report ("frozen": true) is never graded on request: an addition for it (or a typo) names no tuning query.
    for (const a of additions.grades) expect(ids.has(a.query), a.query).toBe(true);
    for (const set of tuning) expect(() => withAdditions(set, additions)).not.toThrow();
  });

  it("gives every query of every judged set its own id: the additions and the tops know a query by its id alone", () => {
    const files = readdirSync(EVAL_DIR).filter((f) => /^judged-(queries|heldout\d+)\.json$/.test(f));
    const owner = new Map<string, string>();
    for (const file of files) {
      for (const q of loadJudged(path.join(EVAL_DIR, file)).queries) {
        expect(owner.get(q.id), `${q.id} in ${file}`).toBeUndefined();
        owner.set(q.id, file);
      }
    }
  });

  it.each([
    ["judged-heldout2.json", 15],
    ["judged-heldout3.json", 30],
    ["judged-heldout4.json", 30],
    ["judged-heldout5.json", 30],
    ["judged-heldout6.json", 30],
    ["judged-heldout7.json", 29],
    ["judged-heldout8.json", 29],
    ["judged-heldout9.json", 30],
    ["judged-heldout10.json", 30],
    ["judged-heldout11.json", 29],
    ["judged-heldout12.json", 30],
    ["judged-heldout13.json", 30],
    ["judged-heldout14.json", 30],
    ["judged-heldout15.json", 29],
    ["judged-heldout16.json", 29],
    ["judged-heldout17.json", 30],
    ["judged-heldout18.json", 30],
    ["judged-heldout19.json", 30],
    ["judged-heldout20.json", 30],
    ["judged-heldout21.json", 30],
    ["judged-heldout22.json", 30],
    ["judged-heldout23.json", 30],
    ["judged-heldout24.json", 30],
    ["judged-heldout25.json", 30],
    ["judged-heldout26.json", 30],
    ["judged-heldout27.json", 30],
  ])("loads the held-out set %s: its own queries (none of the frozen set's), a third unmarked, every query graded 0/1/2", (file, size) => {
    const set = loadJudged(path.resolve(__dirname, "../../data/eval", file));
    const frozen = new Set(loadJudged().queries.map((q) => q.q));
    const frozenIds = new Set(loadJudged().queries.map((q) => q.id));
    expect(set.queries.length).toBeGreaterThanOrEqual(size);
    // Tops and ablate's peers cache are keyed by query id.
    for (const q of set.queries) expect(frozenIds.has(q.id)).toBe(false);
    expect(set.queries.filter((q) => q.tags.includes("unmarked")).length * 3).toBeGreaterThanOrEqual(set.queries.length);
    expect(new Set(set.queries.map((q) => q.id)).size).toBe(set.queries.length);
    for (const q of set.queries) {
      expect(frozen.has(q.q)).toBe(false);
      expect(Object.values(q.grades).every((g) => g === 0 || g === 1 || g === 2)).toBe(true);
      expect(Object.values(q.grades).some((g) => g > 0)).toBe(true);
    }
  });
});
