// A reproducible weight search (issue #9): coordinate ascent over the named weights of
// RankWeights (lib/search/rank-score.ts) on the union of the judged tuning sets, with
// leave-one-set-out cross-validation. The objective is the mean nDCG@5 over the queries of
// the sets trained on (each set scored with the grades added on request, judged-additions.json). Each fold ascends
// on the other sets from the landed weights and scores the left-out one with what it found: the mean
// of those left-out figures is the honest estimate of what tuning gains, printed beside the
// in-sample figure of an ascent on all the sets. Known items (exact, stripped, tone MRR@10)
// are measured for the start and every result, with the same sample ablate.ts draws.
//
//   npx tsx scripts/eval/tune.ts --index=DIR [--corpus=FILE] [--queries=150] [--passes=2] [--min-gain=0.002]
//     [--knobs=k1,title,pairs,...] [--dump=weights.json] [--steps]
// --steps: also every single step from the landed weights that was scored, with each set's nDCG@5 change.
//
// Tuning sets only (tuning-sets.ts): data/eval/judged-queries.json (+ judged-additions.json) and
// every judged-heldoutN.json whose "frozen" is false. A held-out set kept for reporting (not yet reported once) is never read here.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { cliArgs } from "../cli";
import { createMatcher } from "@/lib/search/matcher";
import { RANK_WEIGHTS, type RankWeights } from "@/lib/search/rank-score";
import { openSaved } from "./corpus-cache";
import { among, coordinateAscent, leaveOneOut, meanOver, scaled, type Knob, type Params } from "./ascent";
import { loadAdditions, loadJudged, ndcgAt, withAdditions, type JudgedQuery } from "./judged";
import { reciprocalRank, shownTen } from "./metrics";
import { buildQuerySets, liveArticles } from "./queries";
import { tuningSets } from "./tuning-sets";

const { values: args } = cliArgs(__filename, {
  options: {
    corpus: { type: "string", default: path.resolve(__dirname, "../../../shared/corpus/baomoi-2017.jsonl.gz") },
    index: { type: "string" },
    queries: { type: "string", default: "150" },
    seed: { type: "string", default: "42" },
    passes: { type: "string", default: "2" },
    "min-gain": { type: "string", default: "0.002" },
    knobs: { type: "string" },
    dump: { type: "string" },
    steps: { type: "boolean", default: false },
  },
});

/** The tuning sets, by fold name (frozen, heldout2, …): the frozen set and every held-out set reported once. */
const TUNING_SETS: Record<string, string> = Object.fromEntries(tuningSets().map((s) => [s.name, path.join("data/eval", s.file)]));

const factors = [0.5, 0.75, 1.33, 2];
/** What the ascent may move, named by their path in RankWeights; fields.body stays 1 (the scale). */
const KNOBS: Knob[] = [
  { name: "k1", candidates: scaled([0.67, 0.83, 1.25, 1.5]) },
  { name: "fields.title", candidates: scaled(factors) },
  { name: "fields.lead", candidates: scaled(factors) },
  { name: "title", candidates: scaled(factors, [0.5, 1]) },
  { name: "compound", candidates: among([0, 0.1, 0.2, 0.3, 0.4]) },
  { name: "coverage", candidates: scaled(factors) },
  { name: "coveragePower", candidates: among([1, 1.5, 2, 3]) },
  { name: "lackForgive", candidates: among([0, 0.25, 0.5, 1]) },
  { name: "head", candidates: scaled(factors, [2.5, 5]) },
  { name: "headLead", candidates: among([0.25, 0.5, 0.75, 1]) },
  { name: "headPower", candidates: among([1, 1.5, 2]) },
  { name: "headCompound", candidates: among([0, 1]) },
  { name: "pairs", candidates: scaled(factors, [0.5, 1]) },
  { name: "pairFields.title", candidates: scaled(factors) },
  { name: "pairFields.lead", candidates: scaled(factors) },
  { name: "pairFields.body", candidates: scaled(factors) },
  { name: "near", candidates: scaled(factors, [0.25, 0.5]) },
  { name: "window", candidates: among([4, 6, 8, 10]) },
  { name: "flow", candidates: scaled(factors, [2, 4]) },
  { name: "flowNear", candidates: among([0, 0.25, 0.5, 0.75]) },
  { name: "span", candidates: scaled(factors, [5, 10]) },
  { name: "spanBody", candidates: among([0, 0.25, 0.5, 1]) },
  { name: "accent", candidates: scaled(factors, [2]) },
  { name: "titleNames", candidates: among([0, 2, 5, 10]) },
  { name: "codePairs", candidates: among([0, 0.5, 1]) },
  { name: "fit", candidates: among([0, 10, 20, 30, 40, 60]) },
];

function toParams(w: RankWeights, knobs: Knob[]): Params {
  return Object.fromEntries(knobs.map((k) => [k.name, getPath(w, k.name)]));
}

function getPath(w: RankWeights, name: string): number {
  const [a, b] = name.split(".") as [keyof RankWeights, string?];
  const v = w[a];
  return b ? (v as unknown as Record<string, number>)[b]! : (v as number);
}

function toWeights(p: Params): RankWeights {
  const w: RankWeights = { ...RANK_WEIGHTS, fields: { ...RANK_WEIGHTS.fields }, pairFields: { ...RANK_WEIGHTS.pairFields } };
  for (const [name, value] of Object.entries(p)) {
    const [a, b] = name.split(".") as [keyof RankWeights, string?];
    if (b) (w[a] as unknown as Record<string, number>)[b] = value;
    else (w as unknown as Record<string, number>)[a] = value;
  }
  return w;
}

const fmt = (p: Params, start: Params) =>
  Object.keys(p)
    .filter((k) => p[k] !== start[k])
    .map((k) => `${k} ${start[k]} → ${p[k]}`)
    .join(", ") || "(unchanged)";

async function main() {
  if (!args.index) throw new Error("--index=DIR is required (a saved index: npm run index)");
  const { archive } = await openSaved(args.corpus!, args.index);
  const root = path.resolve(__dirname, "../..");
  const queries: JudgedQuery[] = [];
  const foldOf: string[] = [];
  const additions = loadAdditions();
  for (const [fold, file] of Object.entries(TUNING_SETS)) {
    const set = withAdditions(loadJudged(path.join(root, file)), additions);
    for (const q of set.queries) {
      queries.push(q);
      foldOf.push(fold);
    }
  }
  const knobs = args.knobs ? KNOBS.filter((k) => args.knobs!.split(",").includes(k.name)) : KNOBS;
  const start = toParams(RANK_WEIGHTS, knobs);
  // Keyed by the values in knob order (String keeps Infinity apart from null).
  const memo = new Map<string, { p: Params; scores: number[] }>();
  const perQuery = (p: Params): number[] => {
    const key = knobs.map((k) => String(p[k.name])).join(" ");
    let hit = memo.get(key);
    if (!hit) {
      const matcher = createMatcher(archive, { weights: toWeights(p) });
      hit = { p, scores: queries.map((jq) => ndcgAt(shownTen(matcher.match(jq.q)), jq.grades, 5)) };
      memo.set(key, hit);
      if (memo.size % 20 === 0) console.error(`${memo.size} weight vectors scored`);
    }
    return hit.scores;
  };
  const opts = { minGain: Number(args["min-gain"]), passes: Number(args.passes) };
  const folds = [...new Set(foldOf)];
  const all = new Set(folds);
  const t0 = performance.now();
  const cv = leaveOneOut(start, knobs, perQuery, foldOf, opts);
  const full = coordinateAscent(start, knobs, (p) => meanOver(perQuery(p), foldOf, all), opts);

  const count = (fold: string) => foldOf.filter((f) => f === fold).length;
  console.log(`## Leave-one-set-out (${queries.length} queries, ${knobs.length} knobs, ${opts.passes} passes, min gain ${opts.minGain})\n`);
  console.log("| left out | queries | trained on the others: in-sample start → trained | left out: start → trained | moves |");
  console.log("|---|---|---|---|---|");
  for (const r of cv) {
    const train = new Set(folds.filter((f) => f !== r.fold));
    const inStart = meanOver(perQuery(start), foldOf, train);
    console.log(
      `| ${r.fold} | ${count(r.fold)} | ${inStart.toFixed(3)} → ${r.trained.score.toFixed(3)} | ${r.heldStart.toFixed(3)} → ${r.heldTrained.toFixed(3)} (${signed(r.heldTrained - r.heldStart)}) | ${fmt(r.trained.params, start)} |`,
    );
  }
  const cvStart = cv.reduce((a, r) => a + r.heldStart * count(r.fold), 0) / queries.length;
  const cvTrained = cv.reduce((a, r) => a + r.heldTrained * count(r.fold), 0) / queries.length;
  const fullStart = meanOver(perQuery(start), foldOf, all);
  console.log(
    `\nCross-validated nDCG@5 (each set scored by weights tuned on the others, query-weighted): ${cvStart.toFixed(3)} → **${cvTrained.toFixed(3)}** (${signed(cvTrained - cvStart)})`,
  );
  console.log(
    `In-sample nDCG@5 (ascent on all the sets): ${fullStart.toFixed(3)} → ${full.score.toFixed(3)} (${signed(full.score - fullStart)}); ${fmt(full.params, start)}`,
  );
  console.log(
    `Per set with the all-sets weights: ${folds.map((f) => `${f} ${meanOver(perQuery(start), foldOf, new Set([f])).toFixed(3)} → ${meanOver(perQuery(full.params), foldOf, new Set([f])).toFixed(3)}`).join(", ")}`,
  );
  console.log(`\n${memo.size} weight vectors scored in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

  // Every single step from the landed weights that was scored: each set's nDCG@5 change.
  if (args.steps) {
    console.log(`\n| one step from landed | ${folds.join(" | ")} | all |\n|---|${folds.map(() => "---|").join("")}---|`);
    const base = perQuery(start);
    for (const { p, scores } of memo.values()) {
      const diff = Object.keys(p).filter((k) => p[k] !== start[k]);
      if (diff.length !== 1) continue;
      const d = (f: Set<string>) => signed(meanOver(scores, foldOf, f) - meanOver(base, foldOf, f));
      console.log(`| ${diff[0]} ${p[diff[0]!]} | ${folds.map((f) => d(new Set([f]))).join(" | ")} | ${d(all)} |`);
    }
  }

  // Queries the all-sets weights move.
  const a = perQuery(start);
  const b = perQuery(full.params);
  const moved = queries.map((q, i) => [foldOf[i], q, a[i]!, b[i]!] as const).filter(([, , x, y]) => Math.abs(x - y) >= 0.005);
  if (moved.length) {
    console.log("\n| set | query | start | all-sets weights |\n|---|---|---|---|");
    for (const [fold, q, x, y] of moved) console.log(`| ${fold} | ${q.id} ${q.q} | ${x.toFixed(2)} | ${y.toFixed(2)} |`);
  }

  // Known items, for the start, each fold's weights and the all-sets weights.
  const n = Number(args.queries);
  if (n > 0) {
    const sets = buildQuerySets(liveArticles(archive), n, Number(args.seed));
    const mrr = (p: Params) => {
      const matcher = createMatcher(archive, { weights: toWeights(p) });
      const one = (items: { q: string; target: string }[]) =>
        items.reduce((s, it) => s + reciprocalRank(shownTen(matcher.match(it.q)), it.target), 0) / items.length;
      return `${one(sets.exact).toFixed(3)} | ${one(sets.stripped).toFixed(3)} | ${one(sets.tone).toFixed(3)} (${one(sets.toneExact).toFixed(3)})`;
    };
    console.log(`\n| weights | exact MRR@10 | stripped | tone (same set exact) |\n|---|---|---|---|`);
    console.log(`| landed | ${mrr(start)} |`);
    for (const r of cv) if (fmt(r.trained.params, start) !== "(unchanged)") console.log(`| tuned without ${r.fold} | ${mrr(r.trained.params)} |`);
    if (fmt(full.params, start) !== "(unchanged)") console.log(`| tuned on all the sets | ${mrr(full.params)} |`);
  }
  if (args.dump)
    writeFileSync(args.dump, JSON.stringify({ start, folds: cv.map((r) => ({ fold: r.fold, params: r.trained.params })), all: full.params }, null, 1));
}

const signed = (x: number) => `${x >= 0 ? "+" : ""}${x.toFixed(3)}`;

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
