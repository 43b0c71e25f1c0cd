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
