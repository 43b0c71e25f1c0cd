import { describe, expect, it } from "vitest";
import { readOptTrace } from "./opt-trace-read";

const LOG = [
  "[marking 0x2f2e057da541 <JSFunction segment (sfi = 0x21bb2b97bf49)> for optimization to TURBOFAN, ConcurrencyMode::kConcurrent, reason: hot and stable]",
  "[completed compiling 0x2f2e057da541 <JSFunction segment (sfi = 0x21bb2b97bf49)> (target TURBOFAN) - took 0.010, 1.500, 0.040 ms]",
  "[completed optimizing 0x2f2e057da541 <JSFunction segment (sfi = 0x21bb2b97bf49)> (target TURBOFAN)]",
  "[bailout (kind: deopt-eager, reason: wrong map): begin. deoptimizing 0x2f2e057da541 <JSFunction segment (sfi = 0x21bb2b97bf49)>, 0x3bfbcc4c8ff9 <Code TURBOFAN>, opt id 0, bytecode offset 346]",
  "[completed compiling 0x2f2e057da541 <JSFunction segment (sfi = 0x21bb2b97bf49)> (target TURBOFAN) - took 0.020, 2.000, 0.030 ms]",
  "[bailout (kind: deopt-soft, reason: Insufficient type feedback for call): begin. deoptimizing 0x1 <JSFunction (sfi = 0x2)>, 0x3 <Code TURBOFAN>, opt id 1]",
  "[bailout (kind: deopt-eager, reason: wrong map): begin. deoptimizing 0x2f2e057da541 <JSFunction segment (sfi = 0x21bb2b97bf49)>, 0x3bfbcc4c8ff9 <Code TURBOFAN>, opt id 2]",
  "[completed compiling 0x5 <JSFunction get size (sfi = 0x6)> (target TURBOFAN) - took 0.000, 1.000, 0.000 ms]",
  "run 1 archive: 10.0 s wall",
].join("\n");

describe("readOptTrace", () => {
  it("counts each function's compiles, their logged milliseconds and its deoptimisations by reason", () => {
    const t = readOptTrace(LOG);
    expect(t.compiles).toBe(3);
    expect(t.deopts).toBe(3);
    expect(t.ms).toBeCloseTo(4.6, 6);
    // A getter's name has a space in it.
    expect(t.functions.get("get size")?.compiles).toBe(1);
    const seg = t.functions.get("segment")!;
    expect(seg.compiles).toBe(2);
    expect(seg.ms).toBeCloseTo(3.6, 6);
    expect(seg.deopts).toBe(2);
    expect([...seg.reasons]).toEqual([["wrong map", 2]]);
    // A function without a name is counted as anonymous, not dropped.
    expect(t.functions.get("(anonymous)")?.reasons.get("Insufficient type feedback for call")).toBe(1);
  });

  it("counts nothing in a log without trace lines", () => {
    expect(readOptTrace("run 1 none: 1 s wall\n")).toEqual({ compiles: 0, ms: 0, deopts: 0, functions: new Map() });
  });
});
