import { describe, expect, it } from "vitest";
import { parsePerQuery } from "./abbreviations";

describe("parsePerQuery", () => {
  it("reads the per-query rows of an ablate.ts --per-query table and nothing else", () => {
    const text = [
      "| ranking | nDCG@5 | condensed |",
      "| as landed | 0.899 | 0.941 |",
      "| set | query | ours | MiniSearch + vi folding | FlexSearch + vi folding | ours with additions | our top 5 |",
      "|---|---|---|---|---|---|---|",
      "| heldout16 | a23 TQ bắt 6 người Nhật | 1.00 | 0.00 | 0.25 |  | 2 2 2 - 0 |",
      "| frozen | q15 điểm chuẩn đại học 2017 | 0.90 | 1.00 | 0.87 | 0.90 | 2 2 2 2 2 |",
      "| heldout27 | aa01 hai chữ cái trong mã | 0.80 | 0.60 | 0.40 |  | 2 1 0 2 0 |",
    ].join("\n");
    expect(parsePerQuery(text)).toEqual([
      { set: "heldout16", id: "a23", q: "TQ bắt 6 người Nhật", ours: 1, peers: [0, 0.25] },
      { set: "frozen", id: "q15", q: "điểm chuẩn đại học 2017", ours: 0.9, peers: [1, 0.87] },
      // Held-out27 on use two-letter ids (every single letter was taken).
      { set: "heldout27", id: "aa01", q: "hai chữ cái trong mã", ours: 0.8, peers: [0.6, 0.4] },
    ]);
  });
});
