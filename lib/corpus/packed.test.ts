import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { mapPacked } from "@/lib/corpus/packed";

// V8's own intrinsics, to ask an array's elements kind and to optimise a function now.
setFlagsFromString("--allow-natives-syntax");
const holey = new Function("a", "return %HasHoleyElements(a)") as (a: unknown) => boolean;
/** Runs `f` in the interpreter, optimises it with TurboFan, and returns its optimised answer. */
const optimised = new Function(
  "f",
  "args",
  "%PrepareFunctionForOptimization(f); f(...args); f(...args); %OptimizeFunctionOnNextCall(f); return f(...args);",
) as <A extends unknown[], R>(f: (...a: A) => R, args: A) => R;

const lower = (w: string) => w.toLowerCase();

describe("mapPacked", () => {
  it("maps as Array.prototype.map does", () => {
    expect(mapPacked(["Ông", "Trump"], lower)).toEqual(["ông", "trump"]);
    expect(mapPacked([], (w: string) => w.length)).toEqual([]);
    expect(mapPacked(["ab", "c"], (w) => w.length)).toEqual([2, 1]);
  });

  it("makes a packed array in optimised code too, where map makes a holey one", () => {
    const words = "Nguyễn Văn An".split(" ");
    // A fresh function, so this test optimises it alone: V8's map in optimised code is holey.
    const byMap = (ws: string[], f: (w: string) => string) => ws.map(f);
    expect(holey(byMap(words, lower))).toBe(false);
    expect(holey(optimised(byMap, [words, lower]))).toBe(true);
    expect(holey(mapPacked(words, lower))).toBe(false);
    expect(holey(optimised(mapPacked, [words, lower]))).toBe(false);
  });
});
