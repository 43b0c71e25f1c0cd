// L2-regularised logistic regression over sparse binary features (each example a list of
// feature names), trained by full-batch gradient descent with AdaGrad steps: deterministic
// (no sampling), small enough for a few thousand examples. Used by the people judge
// (lib/corpus/people-judge.ts). npm's ml-logistic-regression takes dense matrices, which
// at ten thousand features by four thousand examples would not fit in memory.

export interface Example {
  f: readonly string[];
  /** 1: a person; 0: not. */
  y: 0 | 1;
}

export interface LogisticOptions {
  /** L2 penalty on the weights (not the bias), per example. */
  l2: number;
  iterations: number;
  /** AdaGrad's base step. */
  step: number;
}

export const DEFAULT_LOGISTIC: LogisticOptions = { l2: 0.001, iterations: 300, step: 0.5 };

/** Weights minimising mean log-loss + l2/2 · |w|² ("bias" is not penalised). */
export function trainLogistic(examples: readonly Example[], options: LogisticOptions = DEFAULT_LOGISTIC): Record<string, number> {
  const index = new Map<string, number>();
  const rows = examples.map((e) => [...new Set(e.f)].map((x) => index.get(x) ?? (index.set(x, index.size), index.size - 1)));
  const w = new Float64Array(index.size);
  const g = new Float64Array(index.size);
  const g2 = new Float64Array(index.size);
  const bias = index.get("bias");
  const n = Math.max(1, examples.length);
  for (let it = 0; it < options.iterations; it++) {
    g.fill(0);
    rows.forEach((row, i) => {
      let s = 0;
      for (const j of row) s += w[j];
      const err = 1 / (1 + Math.exp(-s)) - examples[i].y;
      for (const j of row) g[j] += err / n;
    });
    for (let j = 0; j < w.length; j++) {
      const grad = g[j] + (j === bias ? 0 : options.l2 * w[j]);
      g2[j] += grad * grad;
      if (g2[j] > 0) w[j] -= (options.step * grad) / Math.sqrt(g2[j]);
    }
  }
  const out: Record<string, number> = {};
  for (const [x, j] of index) out[x] = w[j];
  return out;
}

/**
 * The threshold that makes the fewest errors when everything scored below it is dropped: each
 * dropped non-person is one error fewer, each dropped person `cost` more. -Infinity (drop
 * nothing) unless some threshold does better.
 */
export function bestThreshold(scored: readonly { s: number; y: 0 | 1 }[], cost = 1): number {
  const sorted = [...scored].sort((a, b) => a.s - b.s);
  let best = -Infinity;
  let bestGain = 0;
  let gain = 0;
  for (let i = 0; i < sorted.length; i++) {
    gain += sorted[i].y ? -cost : 1;
    // Drop sorted[0..i]: the threshold lies between this score and the next one.
    const next = sorted[i + 1]?.s ?? sorted[i].s + 1;
    if (next > sorted[i].s && gain > bestGain) {
      bestGain = gain;
      best = (sorted[i].s + next) / 2;
    }
  }
  return best;
}
