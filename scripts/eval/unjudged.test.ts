import { describe, expect, it } from "vitest";
import { unjudgedTops } from "./unjudged";
import type { JudgedSet } from "./judged";

describe("unjudgedTops", () => {
  const set: JudgedSet = {
    policy: [],
    pooling: "",
    queries: [{ id: "q1", q: "bão số 10", kind: "event", tags: [], grades: { a: 2, b: 0 } }],
  };

  it("lists, per engine, the articles of its top k that no grade covers, a grade of 0 counting as covered", () => {
    const rows = unjudgedTops(set, { ours: { q1: ["a", "x", "b", "y", "z", "w"] }, peer: { q1: ["b", "a"] } }, 5);
    expect(rows).toEqual([{ qid: "q1", q: "bão số 10", byEngine: { ours: ["x", "y", "z"], peer: [] } }]);
  });

  it("reads an engine without the query as an empty page", () => {
    expect(unjudgedTops(set, { peer: {} }, 5)[0].byEngine.peer).toEqual([]);
  });
});
