import { describe, expect, it } from "vitest";
import { median } from "./metrics";

describe("median", () => {
  it("takes the middle of an odd count, in any order", () => {
    expect(median([5, 1, 3])).toBe(3);
  });

  it("takes the mean of the two middle values of an even count, not the larger", () => {
    expect(median([46.4, 46.0])).toBeCloseTo(46.2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("leaves its input unsorted", () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});
