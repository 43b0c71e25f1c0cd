import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { mapPacked } from "@/lib/corpus/packed";

// V8's own intrinsics, to ask an array's elements kind and to optimise a function now.
setFlagsFromString("--allow-natives-syntax");
const holey = new Function("a", "return %HasHoleyElements(a)") as (a: unknown) => boolean;
/** Runs `f` in the interpreter, optimises it with TurboFan, and returns its optimised answer. */
const optimised = new Function("f", "arg", "%PrepareFunctionForOptimization(f); f(arg); f(arg); %OptimizeFunctionOnNextCall(f); return f(arg);") as <A, R>(
  f: (a: A) => R,
  arg: A,
) => R;

describe("mapPacked", () => {
  it("maps as Array.prototype.map does", () => {
    expect(mapPacked(["Ông", "Trump"], (w) => w.toLowerCase())).toEqual(["ông", "trump"]);
    expect(mapPacked([], (w: string) => w.length)).toEqual([]);
    expect(mapPacked(["ab", "c"], (w) => w.length)).toEqual([2, 1]);
  });

  it("makes a packed array in optimised code too, where map makes a holey one", () => {
    const words = "Nguyễn Văn An".split(" ");
    // Fresh closures: each is optimised on its own.
    const byMap = (ws: string[]) => ws.map((w) => w.toLowerCase());
    const byMapPacked = (ws: string[]) => mapPacked(ws, (w) => w.toLowerCase());
    expect(holey(byMap(words))).toBe(false);
    expect(holey(optimised(byMap, words))).toBe(true);
    expect(holey(byMapPacked(words))).toBe(false);
    expect(holey(optimised(byMapPacked, words))).toBe(false);
  });
});
