import { afterEach, expect, test } from "vitest";
import { LoopMonitor } from "@/lib/http/loop-monitor";

let monitor: LoopMonitor | null = null;
afterEach(() => monitor?.stop());

test("counts the searches' wait and run in ms, and starts afresh on reset", () => {
  monitor = new LoopMonitor();
  monitor.search(5, 1);
  monitor.search(15, 3);
  const s = monitor.snapshot();
  expect(s.searchWaitMs.count).toBe(2);
  expect(s.searchWaitMs.max).toBeCloseTo(15, 0);
  expect(s.searchRunMs.max).toBeCloseTo(3, 0);
  expect(s.searchWaitMs.p50).toBeGreaterThanOrEqual(5);
  expect(s.searchWaitMs.p50).toBeLessThanOrEqual(15);
  monitor.reset();
  const after = monitor.snapshot();
  expect(after.searchWaitMs).toEqual({ count: 0 });
  expect(after.gc).toMatchObject({ count: 0, ms: 0, major: 0 });
});

test("sees the garbage collections that short-lived allocations cause", async () => {
  monitor = new LoopMonitor();
  let kept = 0;
  for (let i = 0; i < 2000; i++) kept += new Array(20_000).fill(i).length; // about 320 MB, all garbage at once
  await new Promise((r) => setTimeout(r, 20)); // observers are told after the fact
  expect(kept).toBe(40_000_000);
  expect(monitor.snapshot().gc.count).toBeGreaterThan(0);
});
