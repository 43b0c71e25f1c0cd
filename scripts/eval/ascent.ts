// Coordinate ascent over named numeric parameters, and leave-one-set-out cross-validation
// of it (scripts/eval/tune.ts runs both over RankWeights on the judged sets). Pure: the
// caller gives each query's score for a parameter vector; nothing here reads an index.

export type Params = Record<string, number>;

/** A parameter the ascent may move, and the values it tries from a current value. */
export interface Knob {
  name: string;
  candidates: (value: number) => number[];
}

export interface Move {
  knob: string;
  from: number;
  to: number;
  score: number;
}

export interface Ascent {
  params: Params;
  score: number;
  moves: Move[];
}

/**
 * Coordinate ascent: pass over the knobs in order; for each, try its candidate values with
 * the others held, and keep the best if it beats the current score by more than `minGain`
 * (ties keep the current value, so a flat objective never drifts). Stops after a pass
 * without a move, or after `passes` passes.
 */
export function coordinateAscent(start: Params, knobs: Knob[], score: (p: Params) => number, opts: { minGain: number; passes: number }): Ascent {
  let params = { ...start };
  let best = score(params);
  const moves: Move[] = [];
  for (let pass = 0; pass < opts.passes; pass++) {
    let moved = false;
    for (const knob of knobs) {
      const from = params[knob.name]!;
      let pick: { value: number; score: number } | null = null;
      for (const value of knob.candidates(from)) {
        if (value === from) continue;
        const s = score({ ...params, [knob.name]: value });
        if (s > best + opts.minGain && (!pick || s > pick.score)) pick = { value, score: s };
      }
      if (!pick) continue;
      params = { ...params, [knob.name]: pick.value };
      best = pick.score;
      moves.push({ knob: knob.name, from, to: pick.value, score: best });
      moved = true;
    }
    if (!moved) break;
  }
  return { params, score: best, moves };
}

/** Mean of `scores` over the queries whose fold is in `folds`. */
export function meanOver(scores: number[], foldOf: string[], folds: ReadonlySet<string>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < scores.length; i++) {
    if (!folds.has(foldOf[i]!)) continue;
    sum += scores[i]!;
    n++;
  }
  return n ? sum / n : 0;
}

export interface FoldResult {
  /** The fold left out (its queries scored, never trained on). */
  fold: string;
  trained: Ascent;
  /** The left-out fold's mean score with the start parameters and with the trained ones. */
  heldStart: number;
  heldTrained: number;
}

/**
 * Leave-one-fold-out: for each fold, ascend on the other folds' queries only and score the
 * left-out fold with what that found. `perQuery(p)` returns every query's score (in
 * `foldOf`'s order); the caller should memoise it, since the folds' ascents share many
 * vectors.
 */
export function leaveOneOut(
  start: Params,
  knobs: Knob[],
  perQuery: (p: Params) => number[],
  foldOf: string[],
  opts: { minGain: number; passes: number },
): FoldResult[] {
  const folds = [...new Set(foldOf)];
  return folds.map((fold) => {
    const train = new Set(folds.filter((f) => f !== fold));
    const held = new Set([fold]);
    const trained = coordinateAscent(start, knobs, (p) => meanOver(perQuery(p), foldOf, train), opts);
    return { fold, trained, heldStart: meanOver(perQuery(start), foldOf, held), heldTrained: meanOver(perQuery(trained.params), foldOf, held) };
  });
}

/** Multiplicative steps around a positive value; `ifZero` when it is 0 (a feature that is off). */
export function scaled(factors: number[], ifZero: number[] = []): (v: number) => number[] {
  return (v) => (v === 0 ? ifZero : factors.map((f) => Number((v * f).toPrecision(3))));
}

/** Fixed values (a share, a switch). */
export function among(values: number[]): (v: number) => number[] {
  return () => values;
}
