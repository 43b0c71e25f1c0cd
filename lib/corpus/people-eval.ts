// How scripts/people-eval.ts compares the people found in an article with its labels: pure
// functions, so tests can check them without running the script.
import { nameKey } from "@/lib/corpus/people";

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
