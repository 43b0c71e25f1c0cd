// How scripts/people-eval.ts compares the people found in an article with its labels: pure
// functions, so tests can check them without running the script.
import { nameWords, writtenName } from "@/lib/corpus/initials";
import { type Candidate, nameKey, openNames } from "@/lib/corpus/people";
import type { Entity } from "@/lib/corpus/types";

/**
 * A name's comparison key: `nameKey` of its words, without a final full stop. Labels copy a
 * name as the article writes it, and a name that ends a sentence or an abbreviation keeps
 * the stop ("Donald Trump Jr."), where the rules give the name without it.
 */
export function evalKey(name: string): string {
  return nameKey(name.trim().replace(/\.+$/, "").split(/\s+/));
}

/** What one article's found names get right against its labels, by `evalKey`. */
export function compareNames(labelled: readonly string[], found: readonly string[]): { wrong: string[]; missed: string[]; right: number } {
  const gold = new Set(labelled.map(evalKey));
  const got = new Set(found.map(evalKey));
  const wrong = [...got].filter((k) => !gold.has(k));
  const missed = [...gold].filter((k) => !got.has(k));
  return { wrong, missed, right: got.size - wrong.length };
}

/** What one layer of the person pipeline changes against the layer before it, by `evalKey`: names gained and lost, right or wrong. */
export interface LayerChange {
  gainedRight: number;
  gainedWrong: number;
  lostRight: number;
  lostWrong: number;
}

/**
 * For one article, what each layer (`stacks[i]`: the names found with layers 0..i) changes
 * against the one before it, one entry per layer; the first layer's names count as gained from
 * nothing.
 */
export function layerChanges(labelled: readonly string[], stacks: readonly (readonly string[])[]): LayerChange[] {
  const gold = new Set(labelled.map(evalKey));
  const keys = stacks.map((names) => new Set(names.map(evalKey)));
  return keys.map((now, i) => {
    const before = i === 0 ? new Set<string>() : keys[i - 1];
    const change: LayerChange = { gainedRight: 0, gainedWrong: 0, lostRight: 0, lostWrong: 0 };
    for (const k of now) if (!before.has(k)) change[gold.has(k) ? "gainedRight" : "gainedWrong"]++;
    for (const k of before) if (!now.has(k)) change[gold.has(k) ? "lostRight" : "lostWrong"]++;
    return change;
  });
}

/** How many candidates seen in one context are labelled people (`person`) and how many are not (`other`, with a few examples). */
export interface ContextCount {
  person: number;
  other: number;
  examples: string[];
}

/**
 * The contexts of one labelled article's candidates (`findCandidates`: each with the words
 * before and after it), counted into `out`: the last word before it (`b1=`), the last two
 * (`b2=`), the word after it (`a=`), its first and its last word (`first=`, `last=`). Each
 * candidate counts as a person when its `evalKey` is among the labels.
 */
export function contextCounts(
  labelled: readonly string[],
  candidates: readonly { words: readonly string[]; before: string; after: string }[],
  out: Map<string, ContextCount>,
  examples = 8,
): void {
  const gold = new Set(labelled.map(evalKey));
  for (const m of candidates) {
    const name = m.words.join(" ");
    const person = gold.has(evalKey(name));
    const before = m.before ? m.before.split(" ") : [];
    const contexts = [`b1=${before.at(-1) ?? ""}`, `a=${m.after}`, `first=${m.words[0].toLowerCase()}`, `last=${m.words[m.words.length - 1].toLowerCase()}`];
    if (before.length > 1) contexts.push(`b2=${before.slice(-2).join(" ")}`);
    for (const k of contexts) {
      let c = out.get(k);
      if (!c) out.set(k, (c = { person: 0, other: 0, examples: [] }));
      if (person) c.person++;
      else {
        c.other++;
        if (c.examples.length < examples && !c.examples.includes(name)) c.examples.push(name);
      }
    }
  }
}

/** One example of the people judge's training (scripts/people-judge-train.ts): a name, its words, and whether the labels hold it. */
export interface JudgeExample {
  words: readonly string[];
  name: string;
  y: 0 | 1;
}

/**
 * The judge's examples of one labelled article: each person found, once per `evalKey` (its first
 * model, which drops), and each open name no person found explains (`openNames`, its second, which
 * adds). Labelled by the name as the pipeline writes it, as `compareNames` compares it: "C.Ronaldo",
 * whose words are `C.` and `Ronaldo`, would be "C. Ronaldo" rejoined, which no label holds.
 */
export function judgeExamples(
  labelled: readonly string[],
  found: readonly Entity[],
  mentions: readonly Candidate[],
): { drop: JudgeExample[]; add: JudgeExample[] } {
  const gold = new Set(labelled.map(evalKey));
  const example = (words: readonly string[], name: string): JudgeExample => ({ words, name, y: gold.has(evalKey(name)) ? 1 : 0 });
  const seen = new Set<string>();
  const drop: JudgeExample[] = [];
  for (const p of found) {
    const key = evalKey(p.name);
    if (seen.has(key)) continue;
    seen.add(key);
    drop.push(example(nameWords(p.name), p.name));
  }
  // Written as `resolvePeople` writes an added name.
  const add = openNames(found, mentions).map((words) =>
    example(
      words,
      writtenName(
        words,
        mentions.some((m) => m.glued && m.words === words),
      ),
    ),
  );
  return { drop, add };
}
