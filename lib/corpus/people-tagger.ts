// A learned tagger for the name candidates the rules and the archive evidence leave open:
// an averaged perceptron over features of the candidate's syllables (capitals, Vietnamese
// spelling, position, the words themselves, known family names), its neighbours and corpus
// statistics (how often each word is written in lower case; how many articles use the name).
// Trained by scripts/people-tagger-train.ts on silver labels (names a title introduces vs.
// names after place and organisation words) over the 35k corpus; the model is data/people-tagger.json.
import path from "node:path";
import { modelReader } from "@/lib/corpus/model-file";
import { PLACES, VN_SURNAMES } from "@/lib/corpus/names";
import { mapPacked } from "@/lib/corpus/packed";
import { type Candidate, ENGLISH_FUNCTION_WORDS, isVietnameseName, VN_ONLY } from "@/lib/corpus/people";
import type { CandidateScorer, PeopleEvidence } from "@/lib/corpus/people-evidence";
import { contextOnce, personAdder, personJudge, readJudgeModel } from "@/lib/corpus/people-judge";

export interface TaggerModel {
  version: 1;
  /** Averaged perceptron weights by feature. */
  weights: Record<string, number>;
  /** Share of a word's corpus uses written in lower case, as a bucket 0–4 (lowercased word → bucket). */
  lowerShare: Record<string, number>;
  /** Score above which a candidate is a person. */
  threshold: number;
  /** Score below which an untitled candidate is surely not a person, whatever the article's support (default -3). */
  doubtBelow?: number;
}

function shape(word: string): string {
  if (/^\p{Lu}+$/u.test(word)) return "caps";
  if (/[-'’]/.test(word)) return "hyph";
  if (/^\p{Lu}\.(?:\p{Lu}\.)*$/u.test(word)) return "init";
  if (isVietnameseName([word])) return VN_ONLY.test(word) ? "vn" : "vnascii";
  if (/^[A-Za-z]+$/.test(word)) return "ascii";
  return "other";
}

const bucket = (n: number) => (n <= 0 ? 0 : n < 3 ? 1 : n < 10 ? 2 : n < 50 ? 3 : 4);

/** The features of one candidate; `evidence` adds corpus statistics when given. */
export function candidateFeatures(m: Candidate, model: Pick<TaggerModel, "lowerShare">, evidence?: PeopleEvidence): string[] {
  const w = mapPacked(m.words, (x) => x.toLowerCase());
  const n = w.length;
  const f = ["bias", `n=${Math.min(n, 4)}`, `f=${w[0]}`, `l=${w[n - 1]}`, `fs=${shape(m.words[0])}`, `ls=${shape(m.words[n - 1])}`];
  for (let i = 1; i < n - 1; i++) f.push(`m=${w[i]}`, `ms=${shape(m.words[i])}`);
  f.push(`shapes=${m.words.map(shape).join("+")}`);
  if (m.vn) f.push("allvn");
  if (VN_SURNAMES.has(w[0])) f.push("surname");
  if (n === 2 && m.vn && !VN_SURNAMES.has(w[0])) f.push("vn-given-only");
  let minShare = 9;
  w.forEach((x, i) => {
    const share = model.lowerShare[x] ?? -1;
    const pos = i === 0 ? "f" : i === n - 1 ? "l" : "m";
    f.push(`lower${pos}=${share}`);
    minShare = Math.min(minShare, share);
  });
  f.push(`lowermax=${Math.max(...w.map((x) => model.lowerShare[x] ?? -1))}`, `lowermin=${minShare}`);
  f.push(`a=${m.after}`);
  if (!m.after) f.push("a=end");
  if (m.cue) f.push("cue");
  if (m.listNext) f.push("list");
  if (evidence) {
    const s = evidence.stats(m.key);
    f.push(`bare=${bucket(s?.bare ?? 0)}`);
  }
  return f;
}

/**
 * Sum of the weights of the features, in their order. The scorer passes the weights as a `Map`
 * built once per model: the features are fresh strings, and a map finds one faster than an
 * object with thousands of keys does (as the judge's `judgeScore`).
 */
export function score(weights: ReadonlyMap<string, number> | Readonly<Record<string, number>>, features: readonly string[]): number {
  let s = 0;
  if (weights instanceof Map) for (const x of features) s += weights.get(x) ?? 0;
  else for (const x of features) s += (weights as Readonly<Record<string, number>>)[x] ?? 0;
  return s;
}

// Read at run time from the project root, like the corpus (not traced into the bundle).
export const TAGGER_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), "data", "people-tagger.json");

/** The shipped model, or null when it is missing (the rules and the evidence still work). */
export const readTaggerModel = modelReader<TaggerModel>(TAGGER_FILE);

/**
 * Whether the tagger may judge a candidate at all: 2–4 words, none a lone letter ("Mbappe V"),
 * a place ("Harvard Mỹ"), an English function word ("She Knows") or a word mostly written in
 * lower case ("Đội Quân").
 */
export function taggable(m: Candidate, model: Pick<TaggerModel, "lowerShare">): boolean {
  if (m.words.length < 2 || m.words.length > 4 || m.placed) return false;
  return m.words.every((w) => {
    const lw = w.toLowerCase();
    return w.length > 1 && !PLACE_WORDS.has(w) && !ENGLISH_FUNCTION_WORDS.has(lw) && (model.lowerShare[lw] ?? 0) < 3;
  });
}

const PLACE_WORDS = new Set(PLACES.filter((p) => !p.includes(" ")));

/** A scorer for `PeopleEvidence.helpers`. */
export function taggerScorer(model: TaggerModel): CandidateScorer {
  const weights = new Map(Object.entries(model.weights));
  const scorer: CandidateScorer = (m, evidence) => taggable(m, model) && score(weights, candidateFeatures(m, model, evidence)) > model.threshold;
  const below = model.doubtBelow ?? DEFAULT_DOUBT;
  scorer.doubt = (m, evidence) => taggable(m, model) && score(weights, candidateFeatures(m, model, evidence)) < below;
  scorer.mostlyLower = (word) => (model.lowerShare[word.toLowerCase()] ?? 0) >= MOSTLY_LOWER;
  scorer.oftenLower = (word) => (model.lowerShare[word.toLowerCase()] ?? 0) >= OFTEN_LOWER;
  return scorer;
}

/** The top bucket of `lowerShare`: seven uses in eight or more written in lower case. */
const MOSTLY_LOWER = 4;

/** The two top buckets of `lowerShare`: five uses in eight or more written in lower case ("vua", a title; not "Hoàng", a family name). */
const OFTEN_LOWER = 3;

/** See `TaggerModel.doubtBelow`. */
export const DEFAULT_DOUBT = -3;

/**
 * The shipped tagger as a scorer, or undefined without a model file; with the judge of the
 * people found (data/people-judge.json) when that model exists and `judge` is not false.
 */
export function loadTagger(file?: string, judge: boolean | string = true): CandidateScorer | undefined {
  const model = readTaggerModel(file);
  if (!model) return undefined;
  const scorer = taggerScorer(model);
  const judgeModel = judge === false ? null : readJudgeModel(typeof judge === "string" ? judge : undefined);
  if (judgeModel) {
    // One article context for both: the adder asks about the same mentions right after the judge.
    const contextOf = contextOnce();
    scorer.judge = personJudge(judgeModel, model.lowerShare, contextOf);
    scorer.add = personAdder(judgeModel, model.lowerShare, contextOf);
  }
  return scorer;
}
