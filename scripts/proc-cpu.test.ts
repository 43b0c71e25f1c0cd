import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { otherThreadsCpu, statCpuSeconds, threadsCpu } from "./proc-cpu";

// Linux only (/proc); elsewhere the readers give an empty map and NaN.
describe.runIf(existsSync("/proc/self/task"))("threadsCpu", () => {
  it("lists this process's main thread and every other live thread, as /proc reads them", () => {
    const threads = threadsCpu();
    expect(threads.has(process.pid)).toBe(true);
    expect(threads.get(process.pid)).toBeGreaterThanOrEqual(0);
    expect(threads.size).toBeGreaterThan(1);
    for (const [tid, s] of threads) {
      expect(Number.isInteger(tid)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(0);
    }
    // The main thread's own file reads the same clock (it only grows meanwhile).
    expect(statCpuSeconds(`/proc/self/task/${process.pid}/stat`)).toBeGreaterThanOrEqual(threads.get(process.pid)!);
  });

  it("otherThreadsCpu sums all but the main thread", () => {
    const before = threadsCpu();
    let others = 0;
    for (const [tid, s] of before) if (tid !== process.pid) others += s;
    const sum = otherThreadsCpu();
    // Read after: never less than the sum of the other threads read before.
    expect(sum).toBeGreaterThanOrEqual(others);
    // Without the main thread's: it has run this test file (well over the others' few ticks meanwhile).
    expect(sum).toBeLessThan(others + before.get(process.pid)!);
  });
});
