// Two builds' runs taken in turn (request-cpu.ts --app-b): run i of A and run i of B share the
// load of their moment, so B - A per pair says more than the two medians apart.
import { median } from "../eval/metrics";

export interface Paired {
  /** Pairs where B read lower, higher, the same. */
  lower: number;
  higher: number;
  equal: number;
  /** Median and mean of B - A over the pairs. */
  medianDiff: number;
  meanDiff: number;
  /** B's total over A's. */
  ratio: number;
}

export function pairedRuns(a: number[], b: number[]): Paired {
  if (a.length !== b.length || a.length === 0) throw new Error(`pairedRuns: ${a.length} runs of A against ${b.length} of B`);
  const diffs = a.map((x, i) => b[i] - x);
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  return {
    lower: diffs.filter((d) => d < 0).length,
    higher: diffs.filter((d) => d > 0).length,
    equal: diffs.filter((d) => d === 0).length,
    medianDiff: median(diffs),
    meanDiff: sum(diffs) / diffs.length,
    ratio: sum(b) / sum(a),
  };
}

/** One app's load over one round: requests answered and its server processes' CPU (ms). */
export interface LoadRound {
  requests: number;
  cpuMs: number;
}

/**
 * B's CPU per request against A's over rounds taken at the same moments (load-ab.ts), from
 * round `from` on (0-based; 1 leaves out the fresh processes' first round, their compiles and
 * first reads): each round's B/A and their median, and B/A of the CPU per request over those
 * rounds' totals (each request counts once, whatever its round's rate).
 */
export function loadRatios(a: LoadRound[], b: LoadRound[], from = 0): { perRound: number[]; median: number; ofTotals: number; lower: number } {
  if (a.length !== b.length || a.length <= from) throw new Error(`loadRatios: ${a.length} rounds of A against ${b.length} of B, from ${from}`);
  const perReq = (x: LoadRound) => x.cpuMs / Math.max(1, x.requests);
  const perRound = a.slice(from).map((x, i) => perReq(b[from + i]) / perReq(x));
  const total = (xs: LoadRound[]) =>
    perReq(xs.slice(from).reduce((t, x) => ({ requests: t.requests + x.requests, cpuMs: t.cpuMs + x.cpuMs }), { requests: 0, cpuMs: 0 }));
  return { perRound, median: median(perRound), ofTotals: total(b) / total(a), lower: perRound.filter((r) => r < 1).length };
}
