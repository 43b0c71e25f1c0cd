import { describe, expect, it } from "vitest";
import { parseQuery } from "@/lib/search/query-parse";

describe("parseQuery phrases", () => {
  it("makes a hyphenated or dotted chunk one phrase of its parts, once", () => {
    expect(parseQuery("Kim Jong-un").phrases).toEqual([[1, 2]]);
    expect(parseQuery("TP.HCM").phrases).toEqual([[0, 1]]);
    expect(parseQuery('"hòa bình" Jong-un').phrases).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
});
