// A second opinion on the people the rules, the archive evidence and the tagger found in one
// article, learned from the hand labels (data/eval/people-labels*.json): a logistic regression
// over features of each found person (the name's shape and words, common English words in it,
// how the article writes it: titles, cues, lists, mentions; the archive's counts for it). A
// person it scores below its threshold is dropped. Trained, and measured by leave-one-file-out
// cross-validation, by scripts/people-judge-train.ts; the model is data/people-judge.json.
import path from "node:path";
import { englishLevel } from "@/lib/corpus/english-words";
import { modelReader } from "@/lib/corpus/model-file";
import { VN_SURNAMES } from "@/lib/corpus/names";
import { mapPacked } from "@/lib/corpus/packed";
import { type Candidate, ENGLISH_FUNCTION_WORDS, isVietnameseName, keyParts, nameKey, VN_ONLY } from "@/lib/corpus/people";
import { type PeopleEvidence, placedAll } from "@/lib/corpus/people-evidence";
import { sportRole } from "@/lib/corpus/sport-piece";

export interface JudgeModel {
  version: 1;
  /** Logistic regression weights by feature, for the people found. */
  weights: Record<string, number>;
  /** A person found whose score (log-odds) is below this is dropped. */
  threshold: number;
  /** A second model, for the full names no person found explains (`openNames`): one scored above its threshold is added. */
  add?: { weights: Record<string, number>; threshold: number };
}

// Module constants, not literals in `shape`: a regex literal is a new object at each evaluation.
const ALL_CAPS = /^\p{Lu}+$/u;
const HYPHEN = /[-'’]/;
const DOT = /\./;
const ASCII_WORD = /^[A-Za-z]+$/;

function shape(word: string): string {
  if (ALL_CAPS.test(word)) return "caps";
  if (HYPHEN.test(word)) return "hyph";
  if (DOT.test(word)) return "init";
  if (isVietnameseName([word])) return VN_ONLY.test(word) ? "vn" : "vnascii";
  if (ASCII_WORD.test(word)) return "ascii";
  return "other";
}

/** 0, 1, 2, 3–5, 6–20, 21+. */
const bucket = (n: number) => (n <= 0 ? 0 : n === 1 ? 1 : n === 2 ? 2 : n <= 5 ? 3 : n <= 20 ? 4 : 5);

/** What the judge reads off a whole article's candidates, once per article. */
export interface ArticleContext {
  /** Each mention's `nameKey`. */
  keys: readonly string[];
  /** A sports piece: a player's or coach's role before a name, a scorer's minute, a team's formation. */
  sport: boolean;
  /** Each mention's list: how many candidates the chain of list separators (`listNext`, `sepNext`) through it links. */
  run: readonly number[];
  /** Whether that list holds a name the article titles or `people.json` knows. */
  runStrong: readonly boolean[];
}

export function articleContext(mentions: readonly Candidate[]): ArticleContext {
  const keys = mapPacked(mentions, (m) => m.key);
  const sport = mentions.some((m) => m.minuteNext || m.formation || sportRole(m.before));
  const run = new Array<number>(mentions.length).fill(1);
  const runStrong = new Array<boolean>(mentions.length).fill(false);
  for (let i = 0; i < mentions.length;) {
    let j = i;
    while (j + 1 < mentions.length && (mentions[j].listNext || mentions[j].sepNext)) j++;
    let strong = false;
    for (let k = i; k <= j && !strong; k++) strong = Boolean(mentions[k].titled || mentions[k].known);
    for (let k = i; k <= j; k++) {
      run[k] = j - i + 1;
      runStrong[k] = strong;
    }
    i = j + 1;
  }
  return { keys, sport, run, runStrong };
}

/**
 * Where `walkFeatures` puts each feature, in order: a name alone ("bias", "titled") or a name
 * and its value, written `name=value` ("n=2", "b=ông"). No name holds "=".
 */
interface FeatureSink {
  flag(name: string): void;
  value(name: string, value: string | number): void;
}

/** The features as strings, for training and for reading them. */
class FeatureList implements FeatureSink {
  readonly features: string[] = [];
  flag(name: string) {
    this.features.push(name);
  }
  value(name: string, value: string | number) {
    this.features.push(`${name}=${value}`);
  }
}

/**
 * A model's weights by a feature's name and value, so the judge sums a person's weights without
 * building a string per feature (the resolve pass's largest garbage, cost30's profile). A value
 * the walk passes as a number is found by that number when the file's value prints back to it
 * (`String(Number(v)) === v`), as the string `${value}` would be.
 */
export class FeatureWeights {
  readonly flags = new Map<string, number>();
  readonly values = new Map<string, Map<string | number, number>>();
  constructor(weights: Readonly<Record<string, number>>) {
    for (const [feature, w] of Object.entries(weights)) {
      const eq = feature.indexOf("=");
      if (eq < 0) {
        this.flags.set(feature, w);
        continue;
      }
      const name = feature.slice(0, eq);
      const value = feature.slice(eq + 1);
      let byValue = this.values.get(name);
      if (!byValue) this.values.set(name, (byValue = new Map()));
      byValue.set(value, w);
      if (String(Number(value)) === value) byValue.set(Number(value), w);
    }
  }
}

/** The sum of a person's weights, added in the features' order (as `judgeScore` adds them: the same float). */
class WeightSum implements FeatureSink {
  sum = 0;
  constructor(private readonly weights: FeatureWeights) {}
  flag(name: string) {
    this.sum += this.weights.flags.get(name) ?? 0;
  }
  value(name: string, value: string | number) {
    this.sum += this.weights.values.get(name)?.get(value) ?? 0;
  }
}

/** Whether `k` (a key) opens `key` or ends it at a space: a shorter form of it, built as no string. */
function partOfKey(key: string, k: string): boolean {
  return (
    k.length < key.length && ((key.charCodeAt(key.length - k.length - 1) === 32 && key.endsWith(k)) || (key.charCodeAt(k.length) === 32 && key.startsWith(k)))
  );
}

/**
 * The features of one person found in an article: `words` is the name as found, `mentions` the
 * candidates the rules saw in the article (`resolvePeople`'s input), `lowerShare` the tagger's
 * share of each word's uses in lower case, `evidence` the archive's counts.
 */
export function personFeatures(
  words: readonly string[],
  mentions: readonly Candidate[],
  lowerShare: Readonly<Record<string, number>>,
  evidence?: PeopleEvidence,
  article: ArticleContext = articleContext(mentions),
): string[] {
  const list = new FeatureList();
  walkFeatures(words, mentions, lowerShare, evidence, article, list);
  return list.features;
}

/** `judgeScore(weights, personFeatures(…))`, the same number, without the feature strings. */
export function personScore(
  weights: FeatureWeights,
  words: readonly string[],
  mentions: readonly Candidate[],
  lowerShare: Readonly<Record<string, number>>,
  evidence?: PeopleEvidence,
  article: ArticleContext = articleContext(mentions),
): number {
  const sum = new WeightSum(weights);
  walkFeatures(words, mentions, lowerShare, evidence, article, sum);
  return sum.sum;
}

function walkFeatures(
  words: readonly string[],
  mentions: readonly Candidate[],
  lowerShare: Readonly<Record<string, number>>,
  evidence: PeopleEvidence | undefined,
  article: ArticleContext,
  f: FeatureSink,
) {
  const { keys } = article;
  const key = nameKey(words);
  const n = keyParts(key);
  const w = mapPacked(words, (x) => x.toLowerCase());
  const vn = isVietnameseName(words);
  f.flag("bias");
  f.value("n", Math.min(n, 5));
  let shapes = "";
  for (let i = 0; i < words.length; i++) shapes += i ? `+${shape(words[i])}` : shape(words[i]);
  f.value("shapes", shapes);
  if (vn) f.flag("allvn");
  if (VN_SURNAMES.has(w[0])) f.flag(vn ? "surname" : "surname-foreign");
  if (vn && n === 2 && !VN_SURNAMES.has(w[0])) f.flag("vn-given-only");
  f.value("first", w[0]);
  f.value("last", w[w.length - 1]);
  // English words: how many of the name's words are, whether all are, and how common the rarest is.
  let englishWord = false;
  if (!vn) {
    let english = 0;
    let most = -Infinity;
    for (const x of w) {
      const level = englishLevel(x);
      if (level) english++;
      most = Math.max(most, level);
    }
    f.value("en", english === 0 ? 0 : english === w.length ? "all" : "some");
    if (english === w.length) f.value("en-all", most);
    englishWord = n === 1 && english === 1;
  }
  if (w.some((x) => ENGLISH_FUNCTION_WORDS.has(x))) f.flag("function-word");
  // Folded as `Math.max(...shares)` folds them (a NaN stays NaN).
  let lowerMax = -Infinity;
  let lowerMin = Infinity;
  for (const x of w) {
    const share = lowerShare[x] ?? -1;
    lowerMax = Math.max(lowerMax, share);
    lowerMin = Math.min(lowerMin, share);
  }
  f.value("lowermax", lowerMax);
  f.value("lowermin", lowerMin);

  // How the article writes it: the mentions with this key, and the one-word mentions of its parts.
  let own = 0;
  let short = 0;
  let run = 0;
  const flags = new Set<string>();
  // Once per person, not per mention: "k ends with ' key'", "key ends with ' k'" or "key
  // starts with 'k '", without building a string for each mention.
  const spaced = ` ${key}`;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const k = keys[i];
    if (k === key) {
      own++;
      run = Math.max(run, article.run[i]);
      if (article.runStrong[i] && article.run[i] > 1) flags.add("run-strong");
      if (m.titled) flags.add("titled");
      if (m.personTitled) flags.add("person-titled");
      if (m.known) flags.add("known");
      if (m.strong) flags.add("strong");
      if (m.cue) flags.add("cue");
      if (m.listNext || m.sepNext) flags.add("list");
      if (m.minuteNext) flags.add("minute");
      // An item of a list under a line-up's header (lib/corpus/line-ups.ts).
      if (m.lineUp) flags.add("line-up");
      if (m.caps) flags.add("caps");
      if (m.placed) flags.add("placed");
      if (m.text === 0) flags.add("in-title");
      if (!m.before) flags.add("sentence-start");
      // The last word, as `split(" ").at(-1)` reads it, without splitting the whole text before.
      else f.value("b", m.before.slice(m.before.lastIndexOf(" ") + 1));
      f.value("a", m.after || "end");
    } else if (n > 1 && (k.endsWith(spaced) || partOfKey(key, k))) {
      short++;
      if (m.titled) flags.add("part-titled");
    } else if (n === 1 && k.endsWith(spaced)) {
      // "Lacazette" beside "Alexandre Lacazette": a fuller name here ends with this word.
      flags.add(m.titled ? "full-here-titled" : "full-here");
    }
  }
  for (const x of flags) f.flag(x);
  f.value("own", bucket(own));
  f.value("short", bucket(short));
  f.value("run", bucket(run));
  // A sports piece names players by one word ("Neves", "Guedes"); a role here makes an English word a name ("tiền đạo Martial").
  if (article.sport) {
    f.flag("sport");
    f.value("sport|n", Math.min(n, 3));
  }
  if (englishWord) f.flag(flags.has("titled") ? "en1|titled" : "en1|untitled");

  if (evidence) {
    const s = n > 1 ? evidence.stats(key) : evidence.singleStats(key);
    const titled = s?.titled ?? 0;
    const placed = placedAll(s);
    const bare = s?.bare ?? 0;
    f.value("ev-titled", bucket(titled));
    f.value("ev-placed", bucket(placed));
    f.value("ev-bare", bucket(bare));
    if (n === 1) f.value("ev-surname", bucket(s?.surname ?? 0));
    const all = titled + placed + bare;
    if (all > 0) {
      f.value("ev-titled-share", Math.round((4 * titled) / all));
      f.value("ev-placed-share", Math.round((4 * placed) / all));
    }
    // The foreign surname's own counts: "Griezmann" ends many full names, "Perpetual" few.
    if (n > 1 && !vn) {
      const last = evidence.singleStats(key.slice(key.lastIndexOf(" ") + 1));
      f.value("ev-last-surname", bucket(last?.surname ?? 0));
      f.value("ev-last-titled", bucket(last?.titled ?? 0));
    }
  }
}

/**
 * Log-odds that a person found is one: the sum of the weights of its features, in their order.
 * The weights in a `Map`: the features are fresh strings, and a map finds one faster than an
 * object with thousands of keys does.
 */
export function judgeScore(weights: ReadonlyMap<string, number> | Readonly<Record<string, number>>, features: readonly string[]): number {
  let s = 0;
  if (weights instanceof Map) for (const x of features) s += weights.get(x) ?? 0;
  else for (const x of features) s += (weights as Readonly<Record<string, number>>)[x] ?? 0;
  return s;
}

/** Whether a person found keeps its place, by the model. */
export type PersonJudge = (words: readonly string[], mentions: readonly Candidate[], evidence: PeopleEvidence) => boolean;

/**
 * The article's context (the mentions' keys, its lists), worked out once per article, not once
 * per person judged: the judge is asked about each person found with the same mentions, and
 * the adder then about each open name (`loadTagger` gives both one cache).
 */
export function contextOnce(): (mentions: readonly Candidate[]) => ArticleContext {
  let last: readonly Candidate[] | undefined;
  let context: ArticleContext | undefined;
  return (mentions) => {
    if (mentions !== last || !context) {
      last = mentions;
      context = articleContext(mentions);
    }
    return context;
  };
}

/** A judge over the model, with the tagger's lower-case shares: whether a person found stays. */
export function personJudge(model: JudgeModel, lowerShare: Readonly<Record<string, number>>, contextOf = contextOnce()): PersonJudge {
  const weights = new FeatureWeights(model.weights);
  return (words, mentions, evidence) => personScore(weights, words, mentions, lowerShare, evidence, contextOf(mentions)) >= model.threshold;
}

/** The model's second part, if any: whether an open full name is a person. */
export function personAdder(model: JudgeModel, lowerShare: Readonly<Record<string, number>>, contextOf = contextOnce()): PersonJudge | undefined {
  const { add } = model;
  if (!add) return undefined;
  const weights = new FeatureWeights(add.weights);
  return (words, mentions, evidence) => personScore(weights, words, mentions, lowerShare, evidence, contextOf(mentions)) > add.threshold;
}

// Read at run time from the project root, like the tagger's model.
export const JUDGE_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), "data", "people-judge.json");

/** The shipped model, or null when it is missing (the people found are kept as they are). */
export const readJudgeModel = modelReader<JudgeModel>(JUDGE_FILE);
