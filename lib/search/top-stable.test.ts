import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { topStable } from "@/lib/search/top-stable";

describe("topStable", () => {
  it("gives what a stable sort by key descending then slice(0, k) gives, ties in their order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 60 }), fc.integer({ min: 0, max: 12 }), (dfs, k) => {
        // Each item remembers where it came from, so a tie taken in the wrong order shows.
        const items = dfs.map((df, at) => ({ df, at }));
        const sorted = [...items].sort((a, b) => b.df - a.df).slice(0, k);
        expect(topStable(items, k, (c) => c.df)).toEqual(sorted);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the first of equal keys when only one fits", () => {
    const items = [
      { df: 3, at: "a" },
      { df: 5, at: "b" },
      { df: 5, at: "c" },
    ];
    expect(topStable(items, 1, (c) => c.df).map((c) => c.at)).toEqual(["b"]);
    expect(topStable(items, 2, (c) => c.df).map((c) => c.at)).toEqual(["b", "c"]);
  });
});
