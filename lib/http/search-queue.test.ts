import { describe, expect, it } from "vitest";
import { WorkQueue } from "@/lib/http/search-queue";

/** A queue whose turns are run by the test, one at a time. */
function manual(limit: number) {
  const turns: (() => void)[] = [];
  const queue = new WorkQueue(limit, (turn) => turns.push(turn));
  const turn = async () => {
    turns.shift()?.();
    await Promise.resolve();
  };
  return { queue, turns, turn };
}

describe("the per-process search queue", () => {
  it("runs jobs one per turn, in arrival order", async () => {
    const { queue, turns, turn } = manual(0);
    const ran: number[] = [];
    const results = [1, 2, 3].map((n) => queue.run(() => (ran.push(n), n * 10)));
    expect(ran).toEqual([]);
    expect(turns).toHaveLength(1);
    await turn();
    expect(ran).toEqual([1]);
    await turn();
    await turn();
    expect(ran).toEqual([1, 2, 3]);
    expect(await Promise.all(results)).toEqual([10, 20, 30].map((value) => ({ status: "done", value })));
    expect(turns).toHaveLength(0);
  });

  it("never runs a job whose client left before its turn, and frees its place at once", async () => {
    const { queue, turn } = manual(2);
    const ran: string[] = [];
    const gone = new AbortController();
    const first = queue.run(() => ran.push("first"));
    const left = queue.run(() => ran.push("left"), gone.signal);
    expect(queue.length).toBe(2);
    gone.abort();
    expect(queue.length).toBe(1);
    expect(await left).toEqual({ status: "aborted" });
    // Its place is free: another job is taken.
    const third = queue.run(() => ran.push("third"));
    await turn();
    await turn();
    await turn();
    expect(ran).toEqual(["first", "third"]);
    expect((await first).status).toBe("done");
    expect((await third).status).toBe("done");
    // Already gone when it asks: not even queued.
    const late = new AbortController();
    late.abort();
    expect(await queue.run(() => ran.push("late"), late.signal)).toEqual({ status: "aborted" });
    expect(ran).toEqual(["first", "third"]);
    expect(queue.stats).toEqual({ done: 2, aborted: 2, full: 0 });
  });

  it("skips a job whose signal says aborted at its turn even if no event came", async () => {
    const { queue, turn } = manual(0);
    const ran: string[] = [];
    // A signal that reads aborted without dispatching an event (as AbortSignal.any may, late).
    const signal = { aborted: false, addEventListener() {}, removeEventListener() {} } as unknown as AbortSignal;
    const job = queue.run(() => ran.push("x"), signal);
    (signal as { aborted: boolean }).aborted = true;
    await turn();
    expect(await job).toEqual({ status: "aborted" });
    expect(ran).toEqual([]);
  });

  it("refuses a job when `limit` wait already, and takes one again once a turn ran", async () => {
    const { queue, turn } = manual(2);
    const a = queue.run(() => "a");
    const b = queue.run(() => "b");
    expect(await queue.run(() => "c")).toEqual({ status: "full" });
    await turn();
    expect(await a).toEqual({ status: "done", value: "a" });
    const d = queue.run(() => "d");
    await turn();
    await turn();
    expect(await b).toEqual({ status: "done", value: "b" });
    expect(await d).toEqual({ status: "done", value: "d" });
    expect(queue.stats.full).toBe(1);
  });

  it("rejects with a job's error and goes on with the next", async () => {
    const { queue, turn } = manual(0);
    const bad = queue.run(() => {
      throw new Error("boom");
    });
    const good = queue.run(() => 1);
    await turn();
    await expect(bad).rejects.toThrow("boom");
    await turn();
    expect(await good).toEqual({ status: "done", value: 1 });
  });

  it("tells how long each job waited for its turn and ran", async () => {
    const seen: [number, number][] = [];
    const turns: (() => void)[] = [];
    const queue = new WorkQueue(
      0,
      (t) => turns.push(t),
      (wait, run) => seen.push([wait, run]),
    );
    const a = queue.run(() => 1);
    const b = queue.run(() => 2);
    while (turns.length) turns.shift()!();
    await Promise.all([a, b]);
    expect(seen).toHaveLength(2);
    for (const [wait, run] of seen) expect(wait >= 0 && run >= 0).toBe(true);
  });

  it("with a limit below 0 runs each job at once, with no turn, and still drops a client already gone", async () => {
    const { queue, turns } = manual(-1);
    const ran: number[] = [];
    const a = queue.run(() => (ran.push(1), 1));
    expect(ran).toEqual([1]);
    expect(turns).toHaveLength(0);
    expect(await a).toEqual({ status: "done", value: 1 });
    const gone = new AbortController();
    gone.abort();
    expect(await queue.run(() => ran.push(2), gone.signal)).toEqual({ status: "aborted" });
    await expect(
      queue.run(() => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(ran).toEqual([1]);
  });

  it("runs on the real event loop by default", async () => {
    const queue = new WorkQueue(4);
    expect(await queue.run(() => 7)).toEqual({ status: "done", value: 7 });
  });

  it("with a slice, a turn runs further jobs until the slice has passed, then leaves the rest to the next turn", async () => {
    let clock = 0;
    const turns: (() => void)[] = [];
    const queue = new WorkQueue(
      0,
      (t) => turns.push(t),
      undefined,
      10,
      () => clock,
    );
    const ran: number[] = [];
    // Each job takes 3 ms of the clock; the fourth starts at 9 ms, under the slice of 10.
    const jobs = [1, 2, 3, 4, 5, 6].map((n) => queue.run(() => (ran.push(n), (clock += 3))));
    turns.shift()!();
    expect(ran).toEqual([1, 2, 3, 4]);
    expect(turns).toHaveLength(1);
    turns.shift()!();
    expect(ran).toEqual([1, 2, 3, 4, 5, 6]);
    expect(turns).toHaveLength(0);
    expect((await Promise.all(jobs)).every((r) => r.status === "done")).toBe(true);
  });

  it("with a slice, a job longer than the slice is still one turn of its own, and a client gone is still dropped", async () => {
    let clock = 0;
    const turns: (() => void)[] = [];
    const queue = new WorkQueue(
      0,
      (t) => turns.push(t),
      undefined,
      10,
      () => clock,
    );
    const ran: string[] = [];
    const gone = new AbortController();
    const long = queue.run(() => (ran.push("long"), (clock += 25)));
    const left = queue.run(() => ran.push("left"), gone.signal);
    const next = queue.run(() => ran.push("next"));
    gone.abort();
    turns.shift()!();
    expect(ran).toEqual(["long"]);
    turns.shift()!();
    expect(ran).toEqual(["long", "next"]);
    expect(await left).toEqual({ status: "aborted" });
    expect((await long).status).toBe("done");
    expect((await next).status).toBe("done");
  });

  it("answers the jobs waiting for an answer as soon as a job of the same key has made it ready, ahead of their turn", async () => {
    const { queue, turns, turn } = manual(0);
    const ready = new Set<string>();
    queue.isReady = (key) => ready.has(key);
    const ran: string[] = [];
    const first = queue.run(() => (ran.push("k1"), ready.add("k")), undefined, "k");
    const other = queue.run(() => ran.push("x"), undefined, "x");
    const repeat = queue.run(() => ran.push("k2"), undefined, "k");
    await turn();
    expect(ran).toEqual(["k1", "k2"]);
    expect(queue.released).toBe(1);
    expect(queue.length).toBe(1);
    await turn();
    expect(ran).toEqual(["k1", "k2", "x"]);
    expect(turns).toHaveLength(0);
    for (const r of await Promise.all([first, other, repeat])) expect(r.status).toBe("done");
  });

  it("leaves the jobs of a key at their turn while its answer is not ready (they would each compute it)", async () => {
    const { queue, turn } = manual(0);
    queue.isReady = () => false;
    const ran: string[] = [];
    queue.run(() => ran.push("k1"), undefined, "k");
    queue.run(() => ran.push("x"), undefined, "x");
    queue.run(() => ran.push("k2"), undefined, "k");
    await turn();
    queue.release("k");
    expect(ran).toEqual(["k1"]);
    await turn();
    await turn();
    expect(ran).toEqual(["k1", "x", "k2"]);
    expect(queue.released).toBe(0);
  });

  it("runs the waiting jobs of a key when told its answer arrived from elsewhere, without a turn, and not a client gone", async () => {
    const { queue, turns } = manual(0);
    let ready = false;
    queue.isReady = (key) => ready && key === "k";
    const ran: string[] = [];
    const gone = new AbortController();
    const a = queue.run(() => ran.push("a"), undefined, "k");
    const left = queue.run(() => ran.push("left"), gone.signal, "k");
    const b = queue.run(() => ran.push("b"), undefined, "other");
    gone.abort();
    queue.release("k");
    expect(ran).toEqual([]);
    ready = true;
    queue.release("k");
    expect(ran).toEqual(["a"]);
    expect(await a).toEqual({ status: "done", value: 1 });
    expect(await left).toEqual({ status: "aborted" });
    expect(queue.length).toBe(1);
    turns.shift()!();
    expect(ran).toEqual(["a", "b"]);
    expect((await b).status).toBe("done");
  });
  it("ordered by cost, runs the cheapest waiting job first, the oldest once it has waited maxWaitMs", async () => {
    let clock = 0;
    const turns: (() => void)[] = [];
    const queue = new WorkQueue(
      0,
      (t) => turns.push(t),
      undefined,
      0,
      () => clock,
      { by: "cost", maxWaitMs: 100 },
    );
    const ran: string[] = [];
    const turn = async () => {
      turns.shift()?.();
      await Promise.resolve();
    };
    // Arrive together: dear (cost 9), cheap (1), middle (5), cheap again (1).
    const jobs = ["dear:9", "cheap:1", "middle:5", "cheap2:1"].map((s) => {
      const [name, cost] = s.split(":");
      return queue.run(() => ran.push(name), undefined, undefined, Number(cost));
    });
    await turn();
    // The cheapest, the earlier of two equal ones first.
    expect(ran).toEqual(["cheap"]);
    clock = 50;
    await turn();
    expect(ran).toEqual(["cheap", "cheap2"]);
    // The oldest (dear) has now waited 100 ms: it goes before the cheaper middle.
    clock = 100;
    await turn();
    expect(ran).toEqual(["cheap", "cheap2", "dear"]);
    await turn();
    expect(ran).toEqual(["cheap", "cheap2", "dear", "middle"]);
    await Promise.all(jobs);
  });

  it("by arrival (the default) ignores the costs", async () => {
    const { queue, turn } = manual(0);
    const ran: number[] = [];
    const jobs = [9, 1, 5].map((cost) => queue.run(() => ran.push(cost), undefined, undefined, cost));
    for (let i = 0; i < 3; i++) await turn();
    expect(ran).toEqual([9, 1, 5]);
    await Promise.all(jobs);
  });
});
