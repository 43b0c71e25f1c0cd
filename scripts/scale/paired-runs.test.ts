import { describe, expect, it } from "vitest";
import { loadRatios, pairedRuns } from "./paired-runs";

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

describe("loadRatios", () => {
  const a = [
    { requests: 100, cpuMs: 2000 },
    { requests: 400, cpuMs: 2000 },
    { requests: 500, cpuMs: 2500 },
  ];
  const b = [
    { requests: 50, cpuMs: 2000 },
    { requests: 500, cpuMs: 2000 },
    { requests: 250, cpuMs: 2500 },
  ];

  it("reads B/A per round and over the rounds' totals, by requests, not by rounds", () => {
    const r = loadRatios(a, b);
    expect(r.perRound).toEqual([2, 0.8, 2]);
    expect(r.median).toBe(2);
    expect(r.lower).toBe(1);
    // A: 6500 ms over 1000 requests; B: 6500 over 800.
    expect(r.ofTotals).toBeCloseTo(1000 / 800, 12);
  });

  it("leaves out the first rounds when asked", () => {
    const r = loadRatios(a, b, 1);
    expect(r.perRound).toEqual([0.8, 2]);
    expect(r.ofTotals).toBeCloseTo(4500 / 750 / (4500 / 900), 12);
  });

  it("refuses rounds that do not pair or leave nothing", () => {
    expect(() => loadRatios(a, b.slice(1))).toThrow();
    expect(() => loadRatios(a, b, 3)).toThrow();
  });
});
