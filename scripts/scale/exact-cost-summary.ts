// exact-cost.ts's arithmetic over per-query CPU medians (kept apart so a test can check it).
import { percentile } from "../eval/metrics";

export interface QueryCost {
  q: string;
  /** match() with its first ten, ms of CPU (median of the runs). */
  match: number;
  /** search() of the words alone, ms of CPU (median of the runs). */
  search: number;
  full: number;
  /** Full matches + near misses. */
  members: number;
}

export interface Line {
  a: number;
  b: number;
  r2: number;
}

/** Least squares y = a + b·x. */
export function fitLine(xs: number[], ys: number[]): Line {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  const b = sxx ? sxy / sxx : 0;
  return { a: my - b * mx, b, r2: sxx && syy ? (sxy * sxy) / (sxx * syy) : 0 };
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/**
 * The order run `r` of `runs` times `n` queries in: the list from a place of its own, wrapping
 * around (run 0 from the start). The query timed first after a fresh matcher and engine pays
 * what they leave (scratch made per segment, the engine's garbage collected: 660 ms at 200k for
 * a query of 5,727 members, 54 ms after two others); starting each run elsewhere puts that on
 * another query each run, and the per-query median leaves it out (fast30).
 */
export function runOrder(n: number, runs: number, r: number): number[] {
  const from = Math.floor((r * n) / Math.max(1, runs));
  return Array.from({ length: n }, (_, i) => (from + i) % n);
}

export function summarize(rows: QueryCost[], archive: number, bounds: number[], shares = [0.01, 0.05, 0.2]) {
  const sorted = (f: (r: QueryCost) => number) => rows.map(f).sort((a, b) => a - b);
  const total = { match: sum(rows.map((r) => r.match)), search: sum(rows.map((r) => r.search)) };
  // The p99's queries: those at or above the 99th percentile of search()'s CPU (at least one).
  const p99 = percentile(
    sorted((r) => r.search),
    99,
  );
  const slowest = rows.filter((r) => r.search >= p99).sort((a, b) => b.search - a.search);
  const bands = shares.map((share) => {
    const members = Math.ceil(share * archive);
    const inBand = rows.filter((r) => r.members > members);
    return {
      share,
      members,
      queries: inBand.length,
      matchShare: sum(inBand.map((r) => r.match)) / total.match,
      searchShare: sum(inBand.map((r) => r.search)) / total.search,
      inP99: slowest.filter((r) => r.members > members).length,
    };
  });
  const xs = rows.map((r) => r.members);
  const fit = {
    match: fitLine(
      xs,
      rows.map((r) => r.match),
    ),
    rest: fitLine(
      xs,
      rows.map((r) => r.search - r.match),
    ),
  };
  const slope = fit.match.b + fit.rest.b;
  // What a bound of B members would leave out, by the line: never more than the query's own CPU.
  const over = (r: QueryCost, b: number, perMember: number, of: number) => Math.min(of, Math.max(0, perMember * (r.members - b)));
  const cut = bounds.map((bound) => ({
    bound,
    queries: rows.filter((r) => r.members > bound).length,
    matchShare: sum(rows.map((r) => over(r, bound, fit.match.b, r.match))) / total.match,
    searchShare: sum(rows.map((r) => over(r, bound, slope, r.search))) / total.search,
    p99Share: sum(slowest.map((r) => over(r, bound, slope, r.search))) / sum(slowest.map((r) => r.search)),
  }));
  const at = (f: (r: QueryCost) => number, p: number) => percentile(sorted(f), p);
  return {
    sum: total,
    p50: { match: at((r) => r.match, 50), search: at((r) => r.search, 50) },
    p99: { match: at((r) => r.match, 99), search: p99 },
    membersP50: at((r) => r.members, 50),
    membersP90: at((r) => r.members, 90),
    membersMax: Math.max(...xs),
    slowest,
    bands,
    fit,
    cut,
  };
}
