import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bumpCounter, emptySketch, readCounter, sketchArrays, sketchArraysSteps, sketchFromArrays } from "@/lib/search/rank-index";

/** The counters the sketch replaced: 16 bits, saturating at 65535 (a saturated one stays). */
function reference(v: number, sign: 1 | -1): number {
  if (sign > 0) return v < 65535 ? v + 1 : v;
  return v > 0 && v < 65535 ? v - 1 : v;
}

describe("pair sketch byte counters", () => {
  it("count exactly as 16-bit counters through 255 and back, and survive a save", () => {
    // Runs of additions and removals on a few counters, long enough to cross 255 both ways.
    const run = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom<1 | -1>(1, -1), fc.integer({ min: 1, max: 400 }));
    fc.assert(
      fc.property(fc.array(run, { maxLength: 12 }), (runs) => {
        const sketch = emptySketch(2);
        const want = [0, 0, 0, 0];
        for (const [i, sign, times] of runs) {
          for (let t = 0; t < times; t++) {
            bumpCounter(sketch.a, sketch.big, i, i, sign);
            want[i] = reference(want[i], sign);
          }
        }
        expect([0, 1, 2, 3].map((i) => readCounter(sketch.a, sketch.big, i, i))).toEqual(want);
        const back = sketchFromArrays(2, sketchArrays(sketch))!;
        expect([0, 1, 2, 3].map((i) => readCounter(back.a, back.big, i, i))).toEqual(want);
      }),
    );
  });

  it("saturates at 65535 and then never moves", () => {
    const sketch = emptySketch(1);
    for (let t = 0; t < 70000; t++) bumpCounter(sketch.b, sketch.big, 1, 3, 1);
    expect(readCounter(sketch.b, sketch.big, 1, 3)).toBe(65535);
    bumpCounter(sketch.b, sketch.big, 1, 3, -1);
    expect(readCounter(sketch.b, sketch.big, 1, 3)).toBe(65535);
  });
});

describe("the pair sketch's arrays in steps", () => {
  it("are those of one pass, whatever the step, each big counter with its count in insertion order", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 20 }), { maxLength: 300 }), fc.integer({ min: 1, max: 40 }), (keys, size) => {
        const sketch = emptySketch(4);
        keys.forEach((k, i) => sketch.big.set(k, 256 + i));
        const steps = sketchArraysSteps(sketch, size);
        let step = steps.next();
        let yields = 0;
        for (; !step.done; step = steps.next()) yields++;
        expect(yields).toBe(Math.floor(keys.length / size));
        expect(Array.from(step.value.bigKeys)).toEqual(keys);
        expect(Array.from(step.value.bigCounts)).toEqual(keys.map((_, i) => 256 + i));
        expect(sketchArrays(sketch)).toEqual(step.value);
      }),
    );
  });
});
