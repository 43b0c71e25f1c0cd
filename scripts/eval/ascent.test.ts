import { describe, expect, it } from "vitest";
import { among, coordinateAscent, leaveOneOut, meanOver, scaled, type Params } from "./ascent";

const grid = among([0, 1, 2, 3, 4]);

describe("coordinateAscent", () => {
  it("climbs a separable objective to its best grid point, one knob at a time", () => {
    const score = (p: Params) => -((p.a! - 3) ** 2) - (p.b! - 1) ** 2;
    const r = coordinateAscent(
      { a: 0, b: 4 },
      [
        { name: "a", candidates: grid },
        { name: "b", candidates: grid },
      ],
      score,
      { minGain: 0, passes: 5 },
    );
    expect(r.params).toEqual({ a: 3, b: 1 });
    expect(r.score).toBeCloseTo(0);
    expect(r.moves.map((m) => m.knob)).toEqual(["a", "b"]);
  });

  it("never drifts on a flat objective", () => {
    const r = coordinateAscent({ a: 2 }, [{ name: "a", candidates: grid }], () => 0.5, { minGain: 0, passes: 3 });
    expect(r.params).toEqual({ a: 2 });
  });

  it("keeps the start on a tie or a gain below minGain", () => {
    const r = coordinateAscent({ a: 2 }, [{ name: "a", candidates: grid }], (p) => (p.a === 4 ? 0.0005 : 0), { minGain: 0.001, passes: 3 });
    expect(r.params).toEqual({ a: 2 });
    expect(r.moves).toEqual([]);
  });

  it("needs a second pass when knobs interact", () => {
    // a is capped by b + 1, and b gains a little on its own: a can only follow b's move.
    const score = (p: Params) => Math.min(p.a!, p.b! + 1) + 0.1 * p.b!;
    const knobs = [
      { name: "a", candidates: grid },
      { name: "b", candidates: grid },
    ];
    const one = coordinateAscent({ a: 0, b: 0 }, knobs, score, { minGain: 0, passes: 1 });
    const three = coordinateAscent({ a: 0, b: 0 }, knobs, score, { minGain: 0, passes: 3 });
    expect(one.params).toEqual({ a: 1, b: 4 });
    expect(three.params).toEqual({ a: 4, b: 4 });
    expect(three.moves.map((m) => m.knob)).toEqual(["a", "b", "a"]);
  });
});

describe("leaveOneOut", () => {
  // Three folds of two queries. Folds x and y score best at a = 3, fold z at a = 1.
  const foldOf = ["x", "x", "y", "y", "z", "z"];
  const perQuery = (p: Params) => foldOf.map((f) => 1 - Math.abs(p.a! - (f === "z" ? 1 : 3)) / 4);

  it("scores each left-out fold with what the other folds found, never training on it", () => {
    const folds = leaveOneOut({ a: 0 }, [{ name: "a", candidates: grid }], perQuery, foldOf, { minGain: 0, passes: 3 });
    const z = folds.find((f) => f.fold === "z")!;
    expect(z.trained.params.a).toBe(3);
    expect(z.heldStart).toBeCloseTo(0.75);
    expect(z.heldTrained).toBeCloseTo(0.5); // in-sample z would pick a = 1 (score 1)
    const x = folds.find((f) => f.fold === "x")!;
    // Trained on y (best 3) and z (best 1) together: the mean is flat from 1 to 3, and a
    // tie keeps the first value that beat the start.
    expect(x.trained.params.a).toBe(1);
    expect(x.heldTrained).toBeCloseTo(0.5);
  });

  it("means over the named folds only", () => {
    expect(meanOver([1, 0, 0.5, 0.5], ["a", "a", "b", "b"], new Set(["b"]))).toBe(0.5);
    expect(meanOver([1, 0], ["a", "a"], new Set(["c"]))).toBe(0);
  });
});

describe("candidates", () => {
  it("scales a positive value and proposes ifZero for a feature that is off", () => {
    expect(scaled([0.5, 2])(1.2)).toEqual([0.6, 2.4]);
    expect(scaled([0.5, 2], [1])(0)).toEqual([1]);
  });
});
