import fc from "fast-check";
import { expect, test } from "vitest";
import { FacetCounter, FacetDictionary, fullerName, mergeSorted, topK } from "@/lib/search/facets";
import { compareVi } from "@/lib/text/vi-order";

test("one id, several names: the dictionary shows the fullest, whichever came first", () => {
  const dict = new FacetDictionary();
  expect(dict.intern({ id: "donald-trump", name: "Trump" })).toBe(0);
  expect(dict.intern({ id: "donald-trump", name: "Donald Trump" })).toBe(0);
  expect(dict.intern({ id: "donald-trump", name: "Trump" })).toBe(0);
  expect(dict.names).toEqual(["Donald Trump"]);
});

test("a fuller name has more words than the other, as splitting on spaces counts them", () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[ ab]{0,8}$/), fc.stringMatching(/^[ ab]{0,8}$/), (a, b) => {
      expect(fullerName(a, b)).toBe(a.split(" ").length > b.split(" ").length);
    }),
  );
  expect(fullerName("Donald Trump", "Trump")).toBe(true);
  expect(fullerName("Trump", "Donald Trump")).toBe(false);
});

test("merging sorted lists places each added item where a full sort would", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 50 })), fc.array(fc.integer({ min: 0, max: 50 })), (kept, added) => {
      const byValue = (a: number, b: number) => a - b;
      kept.sort(byValue);
      added.sort(byValue);
      expect(mergeSorted(kept, added, byValue)).toEqual([...kept, ...added].sort(byValue));
    }),
  );
});

const names = ["An", "Ánh", "Bình", "Đào", "Dũng", "Hà", "Hòa", "Hoà Bình", "Lê", "Nguyễn Văn An", "Ư", "Út", "Zô"];

test("collation after growing and renaming equals a full sort of the names, seal by seal", () => {
  // Entities with a few ids and names; a later, fuller name renames an id (and moves it).
  const entity = fc.record({ id: fc.integer({ min: 0, max: 30 }), name: fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 3 }) });
  fc.assert(
    fc.property(fc.array(fc.array(entity, { maxLength: 12 }), { maxLength: 8 }), (batches) => {
      const dict = new FacetDictionary();
      for (const batch of batches) {
        for (const e of batch) dict.intern({ id: `p${e.id}`, name: e.name.join(" ") });
        dict.seal();
        const order = dict.names.map((_, i) => i).sort((a, b) => compareVi(dict.names[a], dict.names[b]) || a - b);
        expect([...dict.collation]).toEqual(dict.names.map((_, i) => order.indexOf(i)));
      }
    }),
  );
});

test("the top values of a count are the first of all counted values sorted by count, then name", () => {
  // Up to 300 values counted with small counts (many ties), some listed twice; any limit.
  const counted = fc.array(fc.record({ value: fc.integer({ min: 0, max: 299 }), times: fc.integer({ min: 1, max: 6 }) }), { maxLength: 400 });
  const dict = new FacetDictionary();
  for (let i = 0; i < 300; i++) dict.intern({ id: `p${i}`, name: `${names[i % names.length]} ${Math.floor(i / names.length)}` });
  const counter = new FacetCounter(dict);
  fc.assert(
    fc.property(counted, fc.integer({ min: 0, max: 320 }), (adds, limit) => {
      counter.reset();
      for (const { value, times } of adds) for (let t = 0; t < times; t++) counter.addOne(value);
      dict.seal();
      const all = dict.ids
        .map((id, i) => ({ id, name: dict.names[i], count: counter.counts[i] }))
        .filter((v) => v.count > 0)
        .sort((a, b) => b.count - a.count || compareVi(a.name, b.name));
      expect(counter.top([], limit)).toEqual(all.slice(0, limit));
    }),
    { numRuns: 300 },
  );
});

// The last word's completions (query-expand.ts) are taken by topK with their position as the tie-break.
const byDfThenPosition = (a: { df: number; at: number }, b: { df: number; at: number }) => b.df - a.df || a.at - b.at;

test("topK by key descending, position breaking ties, gives what a stable sort then slice(0, k) gives", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 60 }), fc.integer({ min: 0, max: 12 }), (dfs, k) => {
      // Each item remembers where it came from, so a tie taken in the wrong order shows.
      const items = dfs.map((df, at) => ({ df, at }));
      const sorted = [...items].sort((a, b) => b.df - a.df).slice(0, k);
      expect(topK(items, k, byDfThenPosition)).toEqual(sorted);
    }),
    { numRuns: 300 },
  );
});

test("topK with the position tie-break keeps the first of equal keys when only one fits", () => {
  const items = [
    { df: 3, at: 0 },
    { df: 5, at: 1 },
    { df: 5, at: 2 },
  ];
  expect(topK(items, 1, byDfThenPosition).map((c) => c.at)).toEqual([1]);
  expect(topK(items, 2, byDfThenPosition).map((c) => c.at)).toEqual([1, 2]);
});
