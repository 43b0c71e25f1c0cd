// Trains data/people-judge.json, the people judge (lib/corpus/people-judge.ts), on the hand
// labels of the tuning sets, and says what it is worth on articles it was not trained on:
// leave-one-file-out cross-validation (train on every tuning file but one, judge that one).
//   npx tsx scripts/people-judge-train.ts [CORPUS_DIR] [--labels A.json,B.json] [--cache FILE] [--out FILE] [--no-write] [--verbose]
//     [--part drop|add|both] [--l2 X] [--iterations N] [--without PREFIX,PREFIX] [--add-cost N] [--drop-cost N]
//     --labels   the tuning files (default: every data/eval/people-labels*.json not frozen)
//     --cache    the corpus's name candidates, as people-eval.ts --cache writes them
//     --part     which model to train: drop (people found scored low; the default), add (open full names scored high), both
//     --without  leave out features whose names start with these prefixes (ablation)
//     --add-cost what adding a non-person costs, in people found, when the add threshold is chosen (default 1; a
//                list "1,2" cross-validates each; the model written uses the first, and each other cost's model is
//                written beside it as OUT.cost2.json)
//     --drop-cost what dropping a person costs, in non-persons dropped, when the drop threshold is chosen (default 1;
//                below 1 drops more, for precision). A list "1,0.7" cross-validates each with each add cost; the
//                model written uses the first pair, and the other pairs' models are written beside it as
//                OUT.drop0.7.cost2.json (the ".dropN" part only when a list is given)
//     --verbose  every person the cross-validated judge drops or adds, with its label
//     --recent N also the totals of the last N files named (default 3): the files the rules were read against least,
//                whose cross-validated figure is the held-out estimate (docs/history/cleaning-log.md, people17's section)
//     --single   one level of folds, not two: each file judged by the model trained without it (as in the nested
//                run), its thresholds chosen on the other files' out-of-fold scores of those same models, which
//                saw the file judged (slightly optimistic); the shipped model is the same as the nested run's.
//                Trains files + 1 models per part instead of about files² / 2: for a loaded machine
// Each person the rules, the archive evidence and the tagger find in a labelled article is one
// example of the first model, each full name no person found explains (`openNames`) one of the
// second (label: in the article's hand labels or not). The thresholds of each fold are chosen by
// an inner leave-one-file-out over that fold's training files only, so the cross-validated
// figure never sees the file it is measured on. The shipped models are trained on every file,
// their thresholds chosen on the cross-validated scores of all of them. Deterministic.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cliArgs } from "./cli";
import { archiveCandidates, labelFiles } from "./people-eval";
import { readRawArticles } from "@/lib/corpus/load";
import { bestThreshold, DEFAULT_LOGISTIC, type Example, type LogisticOptions, trainLogistic } from "@/lib/corpus/logistic";
import { candidatesToResolve, resolvePeople } from "@/lib/corpus/people";
import { evalKey, type JudgeExample, judgeExamples } from "@/lib/corpus/people-eval";
import { PeopleEvidence } from "@/lib/corpus/people-evidence";
import { JUDGE_FILE, type JudgeModel, judgeScore, personFeatures } from "@/lib/corpus/people-judge";
import { readTaggerModel, taggerScorer } from "@/lib/corpus/people-tagger";
import type { RawArticle } from "@/lib/corpus/types";

const DEFAULT_CORPUS = path.resolve(__dirname, "../../shared/corpus");

type Labelled = Example & { name: string; id: string };

interface FileExamples {
  file: string;
  /** Labelled people of the file (by evalKey, per article). */
  labelled: number;
  /** People found (first model) and open full names (second model). */
  drop: Labelled[];
  add: Labelled[];
}

type Part = "drop" | "add";

/** For `add`, a name scored above the threshold is taken: the same search, scores and labels turned over. */
const turned = (part: Part, scored: { s: number; y: 0 | 1 }[]) => (part === "drop" ? scored : scored.map(({ s, y }) => ({ s: -s, y: (1 - y) as 0 | 1 })));

/**
 * `cost`: for `add`, what adding a non-person costs against finding one more person; for `drop`,
 * what dropping a person costs against dropping a non-person (1: errors are errors).
 */
function threshold(part: Part, scored: { s: number; y: 0 | 1 }[], cost: number): number {
  const t = bestThreshold(turned(part, scored), cost);
  return part === "drop" ? t : -t;
}

/** Whether a name scored `s` ends up among the article's people. */
const taken = (part: Part, s: number, t: number) => (part === "drop" ? s >= t : s > t);

async function main() {
  const { values: opts, positionals } = cliArgs(__filename, {
    allowPositionals: true,
    options: {
      labels: { type: "string" },
      cache: { type: "string" },
      out: { type: "string", default: JUDGE_FILE },
      "no-write": { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
      part: { type: "string", default: "drop" },
      l2: { type: "string" },
      iterations: { type: "string" },
      without: { type: "string" },
      "add-cost": { type: "string", default: "1" },
      "drop-cost": { type: "string", default: "1" },
      recent: { type: "string", default: "3" },
      single: { type: "boolean", default: false },
    },
  });
  const options: LogisticOptions = {
    ...DEFAULT_LOGISTIC,
    l2: Number(opts.l2 ?? DEFAULT_LOGISTIC.l2),
    iterations: Number(opts.iterations ?? DEFAULT_LOGISTIC.iterations),
  };
  // Several costs ("1,2"): one cross-validation each; the model written uses the first.
  const addCosts = opts["add-cost"].split(",").map(Number);
  const dropCosts = opts["drop-cost"].split(",").map(Number);
  const costPairs = dropCosts.flatMap((drop) => addCosts.map((add) => ({ drop, add })));
  const costOf = (part: Part, pair: { drop: number; add: number }) => pair[part];
  const pairName = (pair: { drop: number; add: number }) => `${dropCosts.length > 1 ? `drop cost ${pair.drop}, ` : ""}add cost ${pair.add}`;
  const parts: Part[] = opts.part === "both" ? ["drop", "add"] : [opts.part as Part];
  // Ablation: features whose names start with any of these prefixes are left out.
  const without = opts.without?.split(",") ?? [];
  const keep = (x: string) => !without.some((p) => x.startsWith(p));
  const files = opts.labels
    ? opts.labels.split(",")
    : labelFiles()
        .filter((f) => !f.frozen)
        .map((f) => f.file);
  const cached = opts.cache && existsSync(opts.cache);
  const { raws } = cached ? { raws: [] as RawArticle[] } : await readRawArticles(positionals[0] ?? DEFAULT_CORPUS);
  const candidates = archiveCandidates(raws, opts.cache);
  const evidence = new PeopleEvidence();
  for (const c of candidates.values()) evidence.add(c);
  const tagger = readTaggerModel();
  if (!tagger) throw new Error("no tagger model (data/people-tagger.json)");
  // The pipeline without the judge: what the judge is asked about.
  const helpers = evidence.helpers(taggerScorer(tagger));

  const data: FileExamples[] = files.map((file) => {
    const labels = JSON.parse(readFileSync(file, "utf8")) as { articles: { id: string; people: string[] }[] };
    const out: FileExamples = { file: path.basename(file), labelled: 0, drop: [], add: [] };
    for (const { id, people } of labels.articles) {
      out.labelled += new Set(people.map(evalKey)).size;
      const mentions = candidatesToResolve(candidates.get(id) ?? []);
      const examples = judgeExamples(people, resolvePeople(mentions, helpers), mentions);
      const labelled = ({ words, name, y }: JudgeExample): Labelled => ({
        f: personFeatures(words, mentions, tagger.lowerShare, evidence).filter(keep),
        y,
        name,
        id,
      });
      out.drop.push(...examples.drop.map(labelled));
      out.add.push(...examples.add.map(labelled));
    }
    return out;
  });

  // A model trained on every file but those named, trained once: the inner leave-one-file-out
  // of two folds trains on the same files (each pair of files left out comes up twice).
  const models = new Map<string, Record<string, number>>();
  const trainedWithout = (part: Part, left: FileExamples[]) => {
    const id = `${part}|${left
      .map((s) => data.indexOf(s))
      .sort((a, b) => a - b)
      .join(",")}`;
    let weights = models.get(id);
    if (!weights) {
      weights = trainLogistic(
        data.filter((s) => !left.includes(s)).flatMap((s) => s[part]),
        options,
      );
      models.set(id, weights);
    }
    return weights;
  };
  // Scores of each file's examples by a model trained on the other files (`out`: also left out).
  const outOfFold = (part: Part, sets: FileExamples[], out: FileExamples) =>
    sets.flatMap((held) => {
      const weights = trainedWithout(part, [out, held]);
      return held[part].map((e) => ({ s: judgeScore(weights, e.f), y: e.y }));
    });

  const zero = () => ({ tp: 0, fp: 0, fn: 0 });
  const pooled: Record<Part, { s: number; y: 0 | 1 }[]> = { drop: [], add: [] };
  // --single: every file's out-of-fold scores, each from the model trained without that file.
  const outOfFile = new Map<FileExamples, Record<Part, { s: number; y: 0 | 1 }[]>>();
  if (opts.single)
    for (const held of data) {
      const scores = { drop: [], add: [] } as Record<Part, { s: number; y: 0 | 1 }[]>;
      for (const part of parts) {
        const weights = trainedWithout(part, [held]);
        scores[part] = held[part].map((e) => ({ s: judgeScore(weights, e.f), y: e.y }));
      }
      outOfFile.set(held, scores);
    }
  // A fold's threshold: nested, from models trained without the held file too; --single, from
  // the other files' scores of the one-level models.
  const foldScores = (part: Part, rest: FileExamples[], held: FileExamples) =>
    opts.single ? rest.flatMap((s) => outOfFile.get(s)![part]) : outOfFold(part, rest, held);
  const fmt = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }) =>
    `${(tp / Math.max(1, tp + fp)).toFixed(3)} / ${(tp / Math.max(1, tp + fn)).toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`;
  console.log(
    `parts: ${parts.join(", ")}; l2 ${options.l2}, ${options.iterations} iterations${without.length ? `, without ${without.join(",")}` : ""}; ` +
      (opts.single ? "one level of folds (thresholds from the other files' out-of-fold scores)" : "nested folds"),
  );
  // One cross-validation per pair of costs: the models are the same, only the thresholds differ.
  costPairs.forEach((pair, c) => {
    const total = { base: zero(), cv: zero() };
    // The last `recent` files apart: the held-out estimate.
    const recent = { base: zero(), cv: zero() };
    const firstRecent = data.length - Number(opts.recent);
    console.log(`## ${pairName(pair)}`);
    console.log(`file | rules (shipped pipeline) P / R | cross-validated judge P / R | thresholds`);
    data.forEach((held, i) => {
      const rest = data.filter((_, j) => j !== i);
      const base = zero();
      for (const e of held.drop) base[e.y ? "tp" : "fp"]++;
      const cv = { ...base };
      const thresholds: string[] = [];
      for (const part of parts) {
        const t = threshold(part, foldScores(part, rest, held), costOf(part, pair));
        thresholds.push(`${part} ${t.toFixed(2)}`);
        const weights = trainedWithout(part, [held]);
        for (const e of held[part]) {
          const s = judgeScore(weights, e.f);
          if (c === 0) pooled[part].push({ s, y: e.y });
          const was = part === "drop";
          if (taken(part, s, t) === was) continue;
          // Dropped (was found) or added (was not).
          cv[e.y ? "tp" : "fp"] += was ? -1 : 1;
          if (opts.verbose) console.log(`  ${was ? "dropped" : "added"} ${e.y ? "PERSON" : "not"} ${e.id}: ${e.name} (${s.toFixed(2)})`);
        }
      }
      base.fn = held.labelled - base.tp;
      cv.fn = held.labelled - cv.tp;
      for (const k of ["tp", "fp", "fn"] as const) {
        total.base[k] += base[k];
        total.cv[k] += cv[k];
        if (i >= firstRecent) {
          recent.base[k] += base[k];
          recent.cv[k] += cv[k];
        }
      }
      console.log(`${held.file} | ${fmt(base)} | ${fmt(cv)} | ${thresholds.join(", ")}`);
    });
    console.log(`total (${pairName(pair)}) | ${fmt(total.base)} | ${fmt(total.cv)}`);
    console.log(`last ${data.length - Math.max(0, firstRecent)} files (${pairName(pair)}) | ${fmt(recent.base)} | ${fmt(recent.cv)}`);
  });

  const trained = (part: Part) => {
    const weights: Record<string, number> = {};
    for (const [x, w] of Object.entries(
      trainLogistic(
        data.flatMap((s) => s[part]),
        options,
      ),
    )) {
      if (Math.abs(w) >= 0.005) weights[x] = Math.round(w * 1000) / 1000;
    }
    const t = threshold(part, pooled[part], costOf(part, costPairs[0]));
    // Nothing to drop (or add) beats the rules: a threshold no score reaches.
    return { weights, threshold: Number.isFinite(t) ? Math.round(t * 1000) / 1000 : part === "drop" ? -1e9 : 1e9 };
  };
  const drop = parts.includes("drop") ? trained("drop") : { weights: {}, threshold: -1e9 };
  const model: JudgeModel = { version: 1, ...drop };
  if (parts.includes("add")) model.add = trained("add");
  console.log(
    `model: drop ${Object.keys(drop.weights).length} weights, threshold ${drop.threshold}` +
      (model.add ? `; add ${Object.keys(model.add.weights).length} weights, threshold ${model.add.threshold}` : ""),
  );
  if (!opts["no-write"]) writeFileSync(opts.out!, `${JSON.stringify(model)}\n`);
  // The other pairs' models differ only in their thresholds: written beside it (OUT.cost2.json,
  // OUT.drop0.7.cost2.json), so the costs can be chosen after one run.
  if (!opts["no-write"]) {
    const rounded = (t: number, none: number) => (Number.isFinite(t) ? Math.round(t * 1000) / 1000 : none);
    for (const pair of costPairs.slice(1)) {
      const other: JudgeModel = { ...model };
      if (parts.includes("drop")) other.threshold = rounded(threshold("drop", pooled.drop, pair.drop), -1e9);
      if (model.add) other.add = { ...model.add, threshold: rounded(threshold("add", pooled.add, pair.add), 1e9) };
      console.log(`model at ${pairName(pair)}: drop threshold ${other.threshold}, add threshold ${other.add?.threshold}`);
      const name = `${dropCosts.length > 1 ? `.drop${pair.drop}` : ""}.cost${pair.add}.json`;
      writeFileSync(opts.out!.replace(/(\.json)?$/, name), `${JSON.stringify(other)}\n`);
    }
  }
}

void main();
