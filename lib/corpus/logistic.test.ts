import { describe, expect, it } from "vitest";
import { bestThreshold, trainLogistic } from "@/lib/corpus/logistic";

describe("logistic regression", () => {
  it("learns which features make an example positive", () => {
    const examples = [
      ...Array.from({ length: 20 }, () => ({ f: ["bias", "titled"], y: 1 as const })),
      ...Array.from({ length: 20 }, () => ({ f: ["bias", "brand"], y: 0 as const })),
      { f: ["bias"], y: 1 as const },
    ];
    const w = trainLogistic(examples);
    expect(w.titled).toBeGreaterThan(1);
    expect(w.brand).toBeLessThan(-1);
    // Deterministic: the same examples give the same weights.
    expect(trainLogistic(examples)).toEqual(w);
  });

  it("penalises weights with l2", () => {
    const examples = [
      { f: ["bias", "x"], y: 1 as const },
      { f: ["bias"], y: 0 as const },
    ];
    const loose = trainLogistic(examples, { l2: 0, iterations: 300, step: 0.5 });
    const tight = trainLogistic(examples, { l2: 0.5, iterations: 300, step: 0.5 });
    expect(Math.abs(tight.x)).toBeLessThan(Math.abs(loose.x));
  });
});

describe("bestThreshold", () => {
  it("drops below the score that removes the most non-people for the fewest people", () => {
    const t = bestThreshold([
      { s: -3, y: 0 },
      { s: -2, y: 0 },
      { s: -1, y: 1 },
      { s: 1, y: 1 },
      { s: 2, y: 1 },
    ]);
    expect(t).toBe(-1.5);
  });

  it("drops nothing when every drop costs as much as it saves", () => {
    expect(
      bestThreshold([
        { s: -3, y: 1 },
        { s: -2, y: 0 },
        { s: 1, y: 1 },
      ]),
    ).toBe(-Infinity);
  });

  it("weighs a dropped person by its cost", () => {
    const scored = [
      { s: -3, y: 0 as const },
      { s: -2, y: 0 as const },
      { s: -1, y: 1 as const },
      { s: 0, y: 0 as const },
      { s: 0.5, y: 0 as const },
      { s: 2, y: 1 as const },
    ];
    expect(bestThreshold(scored)).toBe(1.25);
    expect(bestThreshold(scored, 3)).toBe(-1.5);
  });
});
