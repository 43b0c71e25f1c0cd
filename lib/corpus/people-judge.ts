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
import { type Candidate, ENGLISH_FUNCTION_WORDS, isVietnameseName, nameKey, VN_ONLY } from "@/lib/corpus/people";
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

function shape(word: string): string {
  if (/^\p{Lu}+$/u.test(word)) return "caps";
  if (/[-'’]/.test(word)) return "hyph";
  if (/\./.test(word)) return "init";
  if (isVietnameseName([word])) return VN_ONLY.test(word) ? "vn" : "vnascii";
  if (/^[A-Za-z]+$/.test(word)) return "ascii";
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
  const keys = mentions.map((m) => m.key);
  const sport = mentions.some((m) => m.minuteNext || m.formation || sportRole(m.before));
  const run = new Array<number>(mentions.length).fill(1);
  const runStrong = new Array<boolean>(mentions.length).fill(false);
  for (let i = 0; i < mentions.length;) {
    let j = i;
    while (j + 1 < mentions.length && (mentions[j].listNext || mentions[j].sepNext)) j++;
    const strong = mentions.slice(i, j + 1).some((m) => m.titled || m.known);
    for (let k = i; k <= j; k++) {
      run[k] = j - i + 1;
      runStrong[k] = strong;
    }
    i = j + 1;
  }
  return { keys, sport, run, runStrong };
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
  const { keys } = article;
  const key = nameKey([...words]);
  const parts = key.split(" ");
  const n = parts.length;
  const w = words.map((x) => x.toLowerCase());
  const vn = isVietnameseName([...words]);
  const f = ["bias", `n=${Math.min(n, 5)}`, `shapes=${words.map(shape).join("+")}`];
  if (vn) f.push("allvn");
  if (VN_SURNAMES.has(w[0])) f.push(vn ? "surname" : "surname-foreign");
  if (vn && n === 2 && !VN_SURNAMES.has(w[0])) f.push("vn-given-only");
  f.push(`first=${w[0]}`, `last=${w[w.length - 1]}`);
  // English words: how many of the name's words are, whether all are, and how common the rarest is.
  let englishWord = false;
  if (!vn) {
    const levels = w.map(englishLevel);
    const english = levels.filter(Boolean).length;
    f.push(`en=${english === 0 ? 0 : english === w.length ? "all" : "some"}`);
    if (english === w.length) f.push(`en-all=${Math.max(...levels)}`);
    englishWord = n === 1 && english === 1;
  }
  if (w.some((x) => ENGLISH_FUNCTION_WORDS.has(x))) f.push("function-word");
  const shares = w.map((x) => lowerShare[x] ?? -1);
  f.push(`lowermax=${Math.max(...shares)}`, `lowermin=${Math.min(...shares)}`);

  // How the article writes it: the mentions with this key, and the one-word mentions of its parts.
  let own = 0;
  let short = 0;
  let run = 0;
  const flags = new Set<string>();
  // Once per person, not per mention: "k ends with ' key'", "key ends with ' k'" or "key
  // starts with 'k '", without building a string for each mention.
  const spaced = ` ${key}`;
  const partOfKey = (k: string) =>
    k.length < key.length && ((key.charCodeAt(key.length - k.length - 1) === 32 && key.endsWith(k)) || (key.charCodeAt(k.length) === 32 && key.startsWith(k)));
  mentions.forEach((m, i) => {
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
      else f.push(`b=${m.before.slice(m.before.lastIndexOf(" ") + 1)}`);
      f.push(`a=${m.after || "end"}`);
    } else if (n > 1 && (k.endsWith(spaced) || partOfKey(k))) {
      short++;
      if (m.titled) flags.add("part-titled");
    } else if (n === 1 && k.endsWith(spaced)) {
      // "Lacazette" beside "Alexandre Lacazette": a fuller name here ends with this word.
      flags.add(m.titled ? "full-here-titled" : "full-here");
    }
  });
  for (const x of flags) f.push(x);
  f.push(`own=${bucket(own)}`, `short=${bucket(short)}`, `run=${bucket(run)}`);
  // A sports piece names players by one word ("Neves", "Guedes"); a role here makes an English word a name ("tiền đạo Martial").
  if (article.sport) f.push("sport", `sport|n=${Math.min(n, 3)}`);
  if (englishWord) f.push(flags.has("titled") ? "en1|titled" : "en1|untitled");

  if (evidence) {
    const s = n > 1 ? evidence.stats(key) : evidence.singleStats(key);
    const titled = s?.titled ?? 0;
    const placed = placedAll(s);
    const bare = s?.bare ?? 0;
    f.push(`ev-titled=${bucket(titled)}`, `ev-placed=${bucket(placed)}`, `ev-bare=${bucket(bare)}`);
    if (n === 1) f.push(`ev-surname=${bucket(s?.surname ?? 0)}`);
    const all = titled + placed + bare;
    if (all > 0) f.push(`ev-titled-share=${Math.round((4 * titled) / all)}`, `ev-placed-share=${Math.round((4 * placed) / all)}`);
    // The foreign surname's own counts: "Griezmann" ends many full names, "Perpetual" few.
    if (n > 1 && !vn) {
      const last = evidence.singleStats(parts[n - 1]);
      f.push(`ev-last-surname=${bucket(last?.surname ?? 0)}`, `ev-last-titled=${bucket(last?.titled ?? 0)}`);
    }
  }
  return f;
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
  const weights = new Map(Object.entries(model.weights));
  return (words, mentions, evidence) => judgeScore(weights, personFeatures(words, mentions, lowerShare, evidence, contextOf(mentions))) >= model.threshold;
}

/** The model's second part, if any: whether an open full name is a person. */
export function personAdder(model: JudgeModel, lowerShare: Readonly<Record<string, number>>, contextOf = contextOnce()): PersonJudge | undefined {
  const { add } = model;
  if (!add) return undefined;
  const weights = new Map(Object.entries(add.weights));
  return (words, mentions, evidence) => judgeScore(weights, personFeatures(words, mentions, lowerShare, evidence, contextOf(mentions))) > add.threshold;
}

// Read at run time from the project root, like the tagger's model.
export const JUDGE_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), "data", "people-judge.json");

/** The shipped model, or null when it is missing (the people found are kept as they are). */
export const readJudgeModel = modelReader<JudgeModel>(JUDGE_FILE);
