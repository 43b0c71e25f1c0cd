import { describe, expect, it } from "vitest";
import { drain, inSlices, type Steps } from "@/lib/suggest/steps";

function* counted(log: string[], n: number): Steps<number> {
  for (let i = 0; i < n; i++) {
    log.push(`step ${i}`);
    yield;
  }
  return n;
}

describe("steps", () => {
  it("drain runs every step now", () => {
    const log: string[] = [];
    expect(drain(counted(log, 3))).toBe(3);
    expect(log).toEqual(["step 0", "step 1", "step 2"]);
  });

  it("inSlices lets other turns of the event loop run between slices", async () => {
    const log: string[] = [];
    const done = inSlices(counted(log, 3), 0);
    setImmediate(() => log.push("other"));
    expect(await done).toBe(3);
    // A slice of 0 ms is one step per turn: the other turn, queued after the second slice's, runs before the third.
    expect(log).toEqual(["step 0", "step 1", "other", "step 2"]);
  });

  it("inSlices runs the steps of a long slice in one turn", async () => {
    const log: string[] = [];
    const done = inSlices(counted(log, 3), 60_000);
    setImmediate(() => log.push("other"));
    expect(await done).toBe(3);
    expect(log).toEqual(["step 0", "step 1", "step 2"]);
  });

  it("inSlices rejects when a step throws", async () => {
    function* failing(): Steps<void> {
      yield;
      throw new Error("bad block");
    }
    await expect(inSlices(failing(), 0)).rejects.toThrow("bad block");
  });
});
