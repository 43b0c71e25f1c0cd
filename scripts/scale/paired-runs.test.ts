import { describe, expect, it } from "vitest";
import { pairedRuns } from "./paired-runs";

describe("pairedRuns", () => {
  it("counts the pairs where B reads lower, higher and the same, with the differences' median and mean", () => {
    const p = pairedRuns([20, 18, 17, 22, 19], [19, 18, 18, 20, 17]);
    expect(p).toEqual({ lower: 3, higher: 1, equal: 1, medianDiff: -1, meanDiff: -0.8, ratio: 92 / 96 });
  });

  it("pairs runs by position, not by sorted value", () => {
    // Sorted, B equals A; in pairs B is lower in the two low-load runs and higher in the other.
    expect(pairedRuns([10, 30, 20], [30, 20, 10])).toMatchObject({ lower: 2, higher: 1, equal: 0 });
  });

  it("refuses runs that do not pair", () => {
    expect(() => pairedRuns([1, 2], [1])).toThrow();
  });
});
