import { describe, expect, it } from "vitest";
import { fitLine, runOrder, summarize, type QueryCost } from "./exact-cost-summary";

const row = (q: string, members: number, match: number, search: number): QueryCost => ({ q, members, full: members, match, search });

describe("fitLine", () => {
  it("finds an exact line and r² 1", () => {
    const l = fitLine([0, 10, 20], [1, 3, 5]);
    expect(l.a).toBeCloseTo(1);
    expect(l.b).toBeCloseTo(0.2);
    expect(l.r2).toBeCloseTo(1);
  });

  it("reads a flat cloud as slope 0", () => {
    expect(fitLine([1, 1, 1], [2, 3, 4])).toEqual({ a: 3, b: 0, r2: 0 });
  });
});

describe("summarize", () => {
  // match() = 1 ms + 1 µs per member, search() = match() + 0.5 ms + 1 µs per member: exact lines.
  const rows = [0, 100, 500, 2000, 5000].map((m, i) => row(`q${i}`, m, 1 + m / 1000, 1.5 + (2 * m) / 1000));

  it("counts the queries past each share of the archive and their share of the CPU", () => {
    const s = summarize(rows, 10_000, [], [0.01, 0.2]);
    expect(s.bands.map((b) => [b.members, b.queries])).toEqual([
      [100, 3],
      [2000, 1],
    ]);
    // Past 1% (101+ members): 500, 2000, 5000 → match 1.5 + 3 + 6 of 12.6.
    expect(s.bands[0].matchShare).toBeCloseTo(10.5 / 12.6);
    expect(s.bands[1].searchShare).toBeCloseTo(11.5 / (1.5 * 5 + 2 * 7.6));
  });

  it("takes the p99's queries from the slowest search()", () => {
    const s = summarize(rows, 10_000, []);
    expect(s.slowest.map((r) => r.q)).toEqual(["q4"]);
    expect(s.bands[2].inP99).toBe(1);
  });

  it("leaves out the line's cost of the members past the bound", () => {
    const s = summarize(rows, 10_000, [1000]);
    expect(s.fit.match.b).toBeCloseTo(0.001);
    expect(s.fit.rest.b).toBeCloseTo(0.001);
    // Past 1,000 members: 1,000 (q3) and 4,000 (q4) members, at 1 µs each in match().
    expect(s.cut[0].queries).toBe(2);
    expect(s.cut[0].matchShare).toBeCloseTo(5 / 12.6);
    expect(s.cut[0].searchShare).toBeCloseTo(10 / (1.5 * 5 + 2 * 7.6));
    expect(s.cut[0].p99Share).toBeCloseTo(8 / 11.5);
  });

  it("never leaves out more than a query's own CPU", () => {
    // A query below its line (0.8 µs per member): the bound leaves out its 0.2 ms, not 1.6.
    const s = summarize([row("a", 0, 1, 1), row("b", 2000, 5, 5), row("c", 2000, 0.2, 0.2)], 10_000, [0]);
    expect(s.fit.match.b).toBeCloseTo(0.0008);
    expect(s.cut[0].matchShare).toBeCloseTo((1.6 + 0.2) / 6.2);
  });
});

describe("runOrder", () => {
  it("times every query once per run, each run from another place, run 0 from the start", () => {
    const orders = [0, 1, 2].map((r) => runOrder(10, 3, r));
    expect(orders[0]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const o of orders) expect([...o].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // No query is first in two runs (with more queries than runs): the median leaves its warm-up out.
    expect(orders.map((o) => o[0])).toEqual([0, 3, 6]);
  });

  it("keeps a single run in list order", () => {
    expect(runOrder(4, 1, 0)).toEqual([0, 1, 2, 3]);
  });
});
