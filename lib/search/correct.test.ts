import { describe, expect, it } from "vitest";
import { typedTogether } from "@/lib/search/correct";
import { parseQuery } from "@/lib/search/query-parse";

describe("typedTogether", () => {
  it("finds the pieces of a word typed without a space, letters and digits mixed, and nothing else", () => {
    // hoa2 → hoa, 2; bi2nh → bi, 2, nh; U23 → U, 23; `và` and `Su-30` (a hyphen) stand apart.
    expect(typedTogether(parseQuery("hoa2 bi2nh U23 và Su-30").words)).toEqual([
      [0, 1],
      [2, 4],
      [5, 6],
    ]);
  });
});
